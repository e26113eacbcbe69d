"""Vocabularies and pure rules of outreach: support kinds, start-up stages, where a call
wants a company to be, how a company was told, yes/no as offices write it, and the
technology themes a questionnaire answer names."""
from __future__ import annotations

from datetime import date

from campdesk.domain.choices import AI_FIELDS, Choice, Vocabulary
from campdesk.i18n import NP_

SUPPORT_KIND = Vocabulary(
    "support_kind",
    Choice("funding", NP_("support_kind", "사업화 자금"),
           ("사업화자금", "사업화", "자금", "사업화 지원", "지원금", "보조금", "바우처", "funding")),  # i18n: data
    Choice("infra", NP_("support_kind", "인프라"),
           ("인프라 지원", "GPU", "컴퓨팅", "장비", "공간", "입주", "실증", "테스트베드")),  # i18n: data
    Choice("people", NP_("support_kind", "인력"),
           ("인력 지원", "인건비", "채용", "인재", "고용")),  # i18n: data
    Choice("investment", NP_("support_kind", "투자 유치"),
           ("투자", "투자유치", "IR", "펀드")),  # i18n: data
    Choice("education", NP_("support_kind", "교육"),
           ("교육 지원", "연수", "아카데미", "training")),  # i18n: data
    Choice("consulting", NP_("support_kind", "컨설팅·멘토링"),
           ("컨설팅", "멘토링", "자문")),  # i18n: data
    Choice("marketing", NP_("support_kind", "판로·해외진출"),
           ("판로", "해외진출", "마케팅", "전시회")),  # i18n: data
    Choice("other", NP_("support_kind", "기타")),
)

STAGE = Vocabulary(
    "stage",
    Choice("pre", NP_("stage", "예비창업"),
           ("예비", "예비창업자")),  # i18n: data
    Choice("early", NP_("stage", "초기(3년 이내)"),
           ("초기", "초기창업", "3년이내")),  # i18n: data
    Choice("growth", NP_("stage", "도약(3~7년)"),
           ("도약", "도약기", "성장", "3~7년")),  # i18n: data
    Choice("mature", NP_("stage", "7년 초과"),
           ("중견", "일반", "7년이상")),  # i18n: data
)

LOCATION = Vocabulary(
    "location",
    Choice("gwangju", NP_("location", "광주 소재(본사·지사)"),
           ("광주", "광주소재", "광주 소재")),  # i18n: data
    Choice("head_office", NP_("location", "광주 본사"),
           ("광주본사", "본사 소재")),  # i18n: data
)

NOTICE_CHANNEL = Vocabulary(
    "notice_channel",
    Choice("open_chat", NP_("notice_channel", "오픈채팅"),
           ("카톡", "카카오톡", "단톡", "오픈 채팅")),  # i18n: data
    Choice("phone", NP_("notice_channel", "전화"),
           ("유선",)),  # i18n: data
    Choice("email", NP_("notice_channel", "이메일"),
           ("메일", "e-mail")),  # i18n: data
)

_YES = {"예", "네", "yes", "y", "o", "○", "◯", "●", "v", "✓", "✔", "☑", "true", "1",  # i18n: data
        "희망", "있음", "필요"}  # i18n: data
_NO = {"아니오", "아니요", "아니", "no", "n", "x", "×", "✗", "✕", "false", "0",  # i18n: data
       "없음", "불필요", "미희망", "-"}  # i18n: data


def parse_yes_no(text: object) -> bool | None:
    """예/아니오, O/X, Y/N, ✓ as offices write them; None for an empty cell.

    Raises ValueError for anything else (the caller names the column)."""
    if text is None:
        return None
    if isinstance(text, bool):
        return text
    folded = "".join(str(text).split()).casefold()
    if not folded:
        return None
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValueError(str(text))


def stage_of(founded_on: date | None, today: date) -> str:
    """The start-up stage of a company from its founding date (none yet: pre-founding)."""
    if founded_on is None or founded_on > today:
        return "pre"
    years = (today - founded_on).days / 365.25
    if years <= 3:
        return "early"
    if years <= 7:
        return "growth"
    return "mature"


# Words in a technology-demand answer and the AI field each points to.
_THEME_WORDS: dict[str, tuple[str, ...]] = {
    "vision": ("영상", "비전", "이미지", "카메라", "검사", "cctv", "객체"),  # i18n: data
    "nlp": ("자연어", "챗봇", "상담봇", "llm", "언어모델", "번역", "문서", "생성형"),  # i18n: data
    "speech": ("음성", "stt", "tts", "화자"),  # i18n: data
    "healthcare": ("의료", "헬스", "진단", "병원", "판독", "바이오"),  # i18n: data
    "mobility": ("자율주행", "모빌리티", "자동차", "차량", "드론", "교통"),  # i18n: data
    "energy": ("에너지", "전력", "태양광", "배터리"),  # i18n: data
    "manufacturing": ("제조", "공정", "스마트팩토리", "설비", "불량"),  # i18n: data
    "culture": ("콘텐츠", "문화", "게임", "미디어", "웹툰"),  # i18n: data
    "agriculture": ("농업", "스마트팜", "작물", "축산"),  # i18n: data
    "platform": ("플랫폼", "mlops", "클라우드", "gpu", "컴퓨팅"),  # i18n: data
    "robotics": ("로봇", "로보틱스"),  # i18n: data
    "data": ("데이터", "가공", "라벨링", "빅데이터"),  # i18n: data
}


def tech_themes(*texts: str | None) -> list[str]:
    """The AI fields (codes) a technology-demand answer names: by a field's own label
    ("컴퓨터 비전, 헬스케어") or by words that point to it ("의료 영상 판독 보조")."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        for part in str(text).replace("/", ",").replace("·", ",").split(","):
            choice = AI_FIELDS.parse(part.strip())
            if choice and choice.code not in found:
                found.append(choice.code)
        folded = str(text).casefold()
        for code, words in _THEME_WORDS.items():
            if code not in found and any(w in folded for w in words):
                found.append(code)
    return [c for c in AI_FIELDS.codes if c in found]


_AMOUNT_UNITS = (("억", 100_000_000), ("천만", 10_000_000), ("백만", 1_000_000),  # i18n: data
                 ("만", 10_000), ("천", 1_000))  # i18n: data


def parse_amount(value: object) -> int | None:
    """An amount in won as offices write it: ``50,000,000``, ``50,000,000원``, ``5천만원``,
    ``1억 2,000만원``, ``3,000만``, a number Excel made a float. None for an empty cell;
    ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, (int, float)):
        if value != value or value < 0 or value in (float("inf"),):
            raise ValueError(str(value))
        return int(round(value))
    text = "".join(str(value).split()).replace(",", "").replace("₩", "")
    text = text.removesuffix("원")  # i18n: data
    if not text or text == "-":
        return None
    total, rest = 0, text
    for unit, size in _AMOUNT_UNITS:
        if unit in rest:
            head, rest = rest.split(unit, 1)
            if head:
                total += int(float(head) * size)
            else:
                total += size
    if rest:
        total += int(float(rest))
    if total < 0:
        raise ValueError(text)
    return total
