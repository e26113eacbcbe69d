"""The fixed vocabularies of the camp: codes stored in the database, labels shown to people.

Codes are English and never change. Labels are Korean, marked for the catalog with the
vocabulary's name as context (``NP_("channel", "대면")``: one Korean word may name two
things); their English is in ``resources/i18n/campdesk_en.po``. Aliases are the other
spellings found in real spreadsheets: data, never shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from campdesk.domain.labels import Translated
from campdesk.i18n import NP_


@dataclass(frozen=True)
class Choice(Translated):
    code: str
    ko: str
    aliases: tuple[str, ...] = ()  # other spellings found in real spreadsheets
    context: str | None = None     # the catalog's context, taken from NP_() when not given


class Vocabulary:
    """An ordered set of choices, looked up by code or by any of its labels."""

    def __init__(self, name: str, *choices: Choice):
        self.name = name
        self.choices = choices
        self._index: dict[str, Choice] | None = None

    def __iter__(self):
        return iter(self.choices)

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.choices)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def get(self, code: str | None) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)

    def label(self, code: str | None, lang: str | None = None) -> str:
        """The label of ``code`` in ``lang``, the current language when not given; stored
        and exported text asks for "ko". An unknown code is shown as it is."""
        c = self.get(code)
        return c.label(lang) if c else (code or "")

    def parse(self, text: str | None) -> Choice | None:
        """Find a choice by its code, Korean or English label or an alias, ignoring case and
        spaces, whatever the current language."""
        if text is None:
            return None
        return self._by_key().get(_fold(text))

    def _by_key(self) -> dict[str, Choice]:
        # Built on first use: the English labels come from the catalog.
        if self._index is None:
            index: dict[str, Choice] = {}
            for c in self.choices:
                for key in (c.code, c.ko, c.en, *c.aliases):
                    index[_fold(key)] = c
            self._index = index
        return self._index


def _fold(s: str) -> str:
    return "".join(s.split()).casefold()


RELATIONSHIP = Vocabulary(
    "relationship",
    Choice("inquirer", NP_("relationship", "문의기업"),
           ("문의", "신규", "신규문의", "일반")),  # i18n: data
    Choice("prospect", NP_("relationship", "이전 희망 기업"),
           ("이전희망", "이전 희망", "이전검토", "이전예정", "prospect company")),  # i18n: data
    Choice("mou", NP_("relationship", "MOU 체결 기업"),
           ("MOU", "MOU기업", "협약기업", "MOU체결")),  # i18n: data
    Choice("tenant", NP_("relationship", "입주기업"),
           ("입주", "입주사", "캠프 입주", "tenant company")),  # i18n: data
    Choice("alumni", NP_("relationship", "졸업기업"),
           ("졸업", "퇴거", "퇴실")),  # i18n: data
)

PRESENCE = Vocabulary(
    "gwangju_presence",
    Choice("head_office", NP_("gwangju_presence", "본사"),
           ("광주 본사", "본점", "HQ")),  # i18n: data
    Choice("branch", NP_("gwangju_presence", "지사"),
           ("광주 지사", "지점", "연구소", "사무소")),  # i18n: data
    Choice("none", NP_("gwangju_presence", "없음"),
           ("-", "미소재", "해당없음", "타지역", "no")),  # i18n: data
)

AI_FIELDS = Vocabulary(
    "ai_field",
    Choice("vision", NP_("ai_field", "컴퓨터 비전")),
    Choice("nlp", NP_("ai_field", "자연어 처리")),
    Choice("speech", NP_("ai_field", "음성")),
    Choice("healthcare", NP_("ai_field", "헬스케어")),
    Choice("mobility", NP_("ai_field", "모빌리티")),
    Choice("energy", NP_("ai_field", "에너지")),
    Choice("manufacturing", NP_("ai_field", "제조")),
    Choice("culture", NP_("ai_field", "문화콘텐츠")),
    Choice("agriculture", NP_("ai_field", "농업")),
    Choice("platform", NP_("ai_field", "AI 플랫폼")),
    Choice("robotics", NP_("ai_field", "로보틱스")),
    Choice("data", NP_("ai_field", "데이터")),
)

STAFF_ROLE = Vocabulary(
    "staff_role",
    Choice("onsite", NP_("staff_role", "현장 직원")),
    Choice("operator", NP_("staff_role", "콜센터 상담원")),
    Choice("senior_consultant", NP_("staff_role", "책임상담사")),
)

CHANNEL = Vocabulary(
    "channel",
    Choice("walk_in", NP_("channel", "대면"),
           ("내방", "방문상담", "face to face")),  # i18n: data
    Choice("phone", NP_("channel", "전화"),
           ("콜센터", "유선", "call")),  # i18n: data
    Choice("site_visit", NP_("channel", "방문"),
           ("현장방문", "출장", "visit")),  # i18n: data
    Choice("written", NP_("channel", "서면"),
           ("설문", "서면조사", "questionnaire")),  # i18n: data
    Choice("open_chat", NP_("channel", "오픈채팅")),
    Choice("email", NP_("channel", "이메일")),
)

CATEGORY = Vocabulary(
    "category",
    Choice("relocation", NP_("category", "이전·정착")),
    Choice("space", NP_("category", "입주공간")),
    Choice("funding", NP_("category", "자금·공모사업")),
    Choice("rnd", NP_("category", "R&D·기술")),
    Choice("mentoring", NP_("category", "멘토링")),
    Choice("hiring", NP_("category", "채용·잡매칭")),
    Choice("finance_tax", NP_("category", "재무·세무")),
    Choice("legal_ip", NP_("category", "법률·지식재산")),
    Choice("networking", NP_("category", "네트워킹·행사")),
    Choice("other", NP_("category", "기타")),
)

OUTCOME = Vocabulary(
    "outcome",
    Choice("resolved", NP_("outcome", "해결")),
    Choice("follow_up", NP_("outcome", "후속조치")),
    Choice("escalated", NP_("outcome", "책임상담사 이관")),
    Choice("mentor_link", NP_("outcome", "멘토 연계"),
           ("멘토연계", "멘토 매칭", "멘토링 연계")),  # i18n: data
)

# Outcomes that leave a consultation open until someone resolves it.
OPEN_OUTCOMES = ("follow_up", "escalated")

SPACE_KIND = Vocabulary(
    "space_kind",
    Choice("office", NP_("space_kind", "사무실")),
    Choice("open_desk", NP_("space_kind", "오픈데스크")),
    Choice("meeting", NP_("space_kind", "회의실")),
    Choice("desk", NP_("space_kind", "좌석")),
    Choice("unit", NP_("space_kind", "사무 공간")),
    Choice("other", NP_("space_kind", "기타")),
)

ASSIGNMENT_STATUS = Vocabulary(
    "assignment_status",
    Choice("reserved", NP_("assignment_status", "예약")),
    Choice("confirmed", NP_("assignment_status", "확정")),
    Choice("ended", NP_("assignment_status", "종료")),
    Choice("conflict", NP_("assignment_status", "중복 배정")),
)

REQUEST_STATUS = Vocabulary(
    "request_status",
    Choice("waiting", NP_("request_status", "대기")),
    Choice("placed", NP_("request_status", "배정 완료")),
    Choice("withdrawn", NP_("request_status", "철회")),
)

MENTOR_FIELD = Vocabulary(
    "mentor_field",
    Choice("tech", NP_("mentor_field", "기술개발"),
           ("기술 개발", "기술", "R&D", "연구개발", "tech development", "technology")),  # i18n: data
    Choice("business_model", NP_("mentor_field", "비즈니스 모델"),
           ("비즈니스모델", "BM", "사업모델", "사업 모델", "비즈니스")),  # i18n: data
    Choice("management", NP_("mentor_field", "창업경영"),
           ("창업 경영", "경영", "창업", "경영 일반", "management")),  # i18n: data
    Choice("finance", NP_("mentor_field", "재무·투자"),
           ("재무", "투자", "금융·투자", "금융", "재무/투자", "재무.투자", "재무 투자", "재무투자", "재무·세무",  # i18n: data
            "finance & investment", "investment")),  # i18n: data
)

MENTORING_STATUS = Vocabulary(
    "mentoring_status",
    Choice("planned", NP_("mentoring_status", "예정")),
    Choice("active", NP_("mentoring_status", "진행 중"),
           ("진행", "진행중")),  # i18n: data
    Choice("done", NP_("mentoring_status", "수료"),
           ("완료", "종료")),  # i18n: data
    Choice("dropped", NP_("mentoring_status", "중단"),
           ("중도 포기", "포기", "취소")),  # i18n: data
)
# A pairing that is over: it takes no more sessions.
ENDED_MENTORING = ("done", "dropped")

PROGRAMME_STATUS = Vocabulary(
    "programme_status",
    Choice("planned", NP_("programme_status", "예정")),
    Choice("active", NP_("programme_status", "진행 중")),
    Choice("closed", NP_("programme_status", "종료")),
)

SESSION_MODE = Vocabulary(
    "session_mode",
    Choice("offline", NP_("session_mode", "대면"),
           ("방문", "오프라인", "대면 멘토링")),  # i18n: data
    Choice("online", NP_("session_mode", "온라인"),
           ("비대면", "화상", "zoom", "줌")),  # i18n: data
)

MATCH_STATUS = Vocabulary(
    "match_status",
    Choice("proposed", NP_("match_status", "소개"),
           ("추천", "연결")),  # i18n: data
    Choice("interview", NP_("match_status", "면접")),
    Choice("hired", NP_("match_status", "채용"),
           ("채용 완료", "합격")),  # i18n: data
    Choice("declined", NP_("match_status", "불발"),
           ("불합격", "무산", "declined")),  # i18n: data
)

SEEKER_STATUS = Vocabulary(
    "seeker_status",
    Choice("seeking", NP_("seeker_status", "구직 중"),
           ("구직중", "구직")),  # i18n: data
    Choice("hired", NP_("seeker_status", "취업"),
           ("취업 완료",)),  # i18n: data
    Choice("paused", NP_("seeker_status", "중단"),
           ("보류",)),  # i18n: data
)

OPENING_STATUS = Vocabulary(
    "opening_status",
    Choice("open", NP_("opening_status", "모집 중"),
           ("모집중", "진행")),  # i18n: data
    Choice("filled", NP_("opening_status", "채용 완료")),
    Choice("closed", NP_("opening_status", "마감"),
           ("종료",)),  # i18n: data
)

EVENT_KIND = Vocabulary(
    "event_kind",
    Choice("concert", NP_("event_kind", "지식콘서트")),
    Choice("council", NP_("event_kind", "월례회의")),
    Choice("briefing", NP_("event_kind", "설명회")),
    Choice("other", NP_("event_kind", "기타 행사")),
)
