"""Mentors suggested for a company's difficulty, best fit first, each with the reason.

The difficulty (a consultation's 애로사항, or any text) and the company's AI fields are
analysed into content words (``campdesk.domain.korean_terms``). Each active mentor scores:

- for each of their keywords and expertise phrases whose words the text holds (``IR 자료``,
  ``투자 유치``): the most, a whole phrase more than part of one, keywords more than expertise;
- for each of their fields the text points at (``투자``, ``IR``, ``밸류에이션`` → 재무·투자);
- less the more hours they already gave in the current programme (load is shared out).

The mentors' words are analysed once and kept until the pool changes, so a suggestion over
500 mentors answers in a few milliseconds once warm (bench/bench_mentor_suggest.py).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select

from campdesk.domain.choices import AI_FIELDS, MENTOR_FIELD
from campdesk.domain.korean_terms import compact, terms
from campdesk.domain.mentor_rules import split_keywords
from campdesk.i18n import _, current_language
from campdesk.services.context import Context
from campdesk.services.mentoring import mentor_load
from campdesk.store.models import Company, Mentor

KEYWORD_WEIGHT = 3.0
EXPERTISE_WEIGHT = 2.0
FIELD_WEIGHT = 1.5
LOAD_PENALTY_PER_HOUR = 0.04   # 25 hours already given costs one point
MAX_LOAD_PENALTY = 1.5

# Words that point at a field when the text has them (folded, as ``terms`` gives them): a
# lexicon matched in what people write, data (never shown).
FIELD_TERMS: dict[str, set[str]] = {
    "tech": {"기술", "개발", "모델", "데이터", "학습", "알고리즘", "gpu", "서버", "경량", "경량화", "정확도",  # i18n: data
             "추론", "ai", "딥러닝", "러닝", "머신", "비전", "영상", "인식", "자연어", "llm", "mlops", "클라우드",  # i18n: data
             "소프트웨어", "하드웨어", "임베디드", "프로토타입", "특허", "r&d", "연구", "코드", "아키텍처", "보안"},  # i18n: data
    "business_model": {"비즈니스", "모델링", "수익", "시장", "고객", "판로", "영업", "가격", "플랫폼", "해외",  # i18n: data
                       "마케팅", "사업화", "b2b", "b2c", "saas", "조달", "공공조달", "유통", "매출", "수출",  # i18n: data
                       "파트너", "제휴", "검증", "pmf", "브랜딩", "홍보"},  # i18n: data
    "management": {"경영", "조직", "인사", "노무", "채용", "인력", "사업계획", "계획서", "인증", "법률", "계약",  # i18n: data
                   "규제", "리더십", "팀", "운영", "창업", "esg", "공동창업", "지분", "정관", "이전", "정착"},  # i18n: data
    "finance": {"투자", "유치", "자금", "ir", "재무", "회계", "세무", "정책자금", "밸류에이션", "기업가치",  # i18n: data
                "vc", "시리즈", "시드", "엔젤", "융자", "보증", "대출", "피칭", "투자사", "투자자", "결산",  # i18n: data
                "세액", "공제", "크라우드펀딩", "펀딩", "벤처투자"},  # i18n: data
}


@dataclass(frozen=True)
class Suggestion:
    mentor_id: str
    name: str
    fields: str          # comma-separated MENTOR_FIELD codes
    organisation: str | None
    score: float
    hours_given: float   # in the current programme
    reason: str


@dataclass(frozen=True)
class _Phrase:
    text: str                 # as the mentor wrote it: "IR 자료"
    words: frozenset[str]     # its content words
    packed: str               # without spaces, folded: "ir자료"
    weight: float


@dataclass(frozen=True)
class _Entry:
    id: str
    name: str
    fields: tuple[str, ...]
    organisation: str | None
    phrases: tuple[_Phrase, ...]


class _Index:
    """The active mentors' phrases, analysed once; rebuilt when the pool changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key = None
        self._entries: list[_Entry] = []

    def entries(self, ctx: Context) -> list[_Entry]:
        with ctx.db.reading() as s:
            key = (str(ctx.db.path), *s.execute(
                select(func.count(Mentor.id), func.max(Mentor.updated_at))).one())
            if key == self._key:
                return self._entries
            rows = s.execute(select(Mentor.id, Mentor.name, Mentor.fields, Mentor.field,
                                    Mentor.organisation, Mentor.keywords, Mentor.expertise)
                             .where(Mentor.archived.is_(False), Mentor.active.is_(True))).all()
        entries = [_entry(*r) for r in rows]
        with self._lock:
            self._key, self._entries = key, entries
        return entries


def _phrases(text: str | None, weight: float) -> list[_Phrase]:
    out = []
    for p in split_keywords(text):
        words = frozenset(terms(p))
        if words:
            out.append(_Phrase(p, words, compact(p), weight))
    return out


def _entry(mid, name, fields, field, organisation, keywords, expertise) -> _Entry:
    codes = tuple(c for c in (fields or field or "").split(",") if c)
    return _Entry(mid, name, codes, organisation,
                  tuple(_phrases(keywords, KEYWORD_WEIGHT) + _phrases(expertise, EXPERTISE_WEIGHT)))


_INDEX = _Index()


def query_terms(text: str, ai_fields: str | None = None) -> tuple[set[str], str]:
    """The words of the difficulty and of the company's AI fields, and the packed text."""
    words = set(terms(text or ""))
    extra = " ".join(AI_FIELDS.label(c, "ko") for c in (ai_fields or "").split(",") if c)
    if extra:
        words |= set(terms(extra))
    return words, compact(f"{text or ''} {extra}")


def field_signal(words: set[str]) -> dict[str, int]:
    """How many words of the text point at each field."""
    return {code: len(words & vocab) for code, vocab in FIELD_TERMS.items() if words & vocab}


def _score(entry: _Entry, words: set[str], packed: str, signal: dict[str, int],
           ai_hint: bool) -> tuple[float, list[str], list[str]]:
    score, hits = 0.0, []
    for ph in entry.phrases:
        common = ph.words & words
        whole = ph.packed in packed or common == ph.words
        if whole:
            score += ph.weight
        elif common:
            score += ph.weight * 0.5 * len(common) / len(ph.words)
        else:
            continue
        if ph.text not in hits:
            hits.append(ph.text)
    fields_hit = []
    for code in entry.fields:
        n = signal.get(code, 0) + (1 if ai_hint and code == "tech" else 0)
        if n:
            score += FIELD_WEIGHT * min(n, 3) / 3 + 0.5
            fields_hit.append(code)
    return score, hits, fields_hit


def suggest(ctx: Context, text: str, company_id: str | None = None, top: int = 5,
            programme_id: str | None = None) -> list[Suggestion]:
    """The ``top`` active mentors that fit the difficulty best, each with why."""
    ai_fields = None
    if company_id:
        with ctx.db.reading() as s:
            ai_fields = s.scalar(select(Company.ai_fields).where(Company.id == company_id))
    words, packed = query_terms(text, ai_fields)
    if not words:
        return []
    signal = field_signal(words)
    load = mentor_load(ctx, programme_id)
    scored = []
    for entry in _INDEX.entries(ctx):
        score, hits, fields_hit = _score(entry, words, packed, signal, bool(ai_fields))
        if score <= 0:
            continue
        given = load.get(entry.id, 0.0)
        score -= min(MAX_LOAD_PENALTY, given * LOAD_PENALTY_PER_HOUR)
        scored.append((score, entry, hits, fields_hit, given))
    scored.sort(key=lambda t: (-t[0], t[4], t[1].name))
    return [Suggestion(e.id, e.name, ",".join(e.fields), e.organisation, round(sc, 2), round(given, 1),
                       _reason(hits, fields_hit, given))
            for sc, e, hits, fields_hit, given in scored[:max(1, top)]]


def _reason(hits: list[str], fields_hit: list[str], given: float) -> str:
    """Why a mentor is suggested, in the current language (the words matched as written)."""
    fields = ", ".join(MENTOR_FIELD.label(c, current_language()) for c in fields_hit)
    if hits:
        reason = _("{words} — 전문 분야 일치").format(words=" · ".join(hits[:3]))
        if fields_hit:
            reason += f" ({fields})"
    else:
        reason = _("{fields} — 멘토링 분야 일치").format(fields=fields)
    if given:
        reason += _(", 이번 프로그램 {hours:g}시간 진행").format(hours=given)
    return reason
