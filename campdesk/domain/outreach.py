"""Vocabularies and pure rules of outreach: support kinds, start-up stages, where a call
wants a company to be, how a company was told, yes/no as offices write it, and the
technology themes a questionnaire answer names."""
from __future__ import annotations

from datetime import date

from campdesk.domain.choices import AI_FIELDS, Choice, Vocabulary

SUPPORT_KIND = Vocabulary(
    "support_kind",
    Choice("funding", "사업화 자금", "Commercialisation funding",
           ("사업화자금", "사업화", "자금", "사업화 지원", "지원금", "보조금", "바우처", "funding")),
    Choice("infra", "인프라", "Infrastructure",
           ("인프라 지원", "GPU", "컴퓨팅", "장비", "공간", "입주", "실증", "테스트베드")),
    Choice("people", "인력", "Staffing", ("인력 지원", "인건비", "채용", "인재", "고용")),
    Choice("investment", "투자 유치", "Investment", ("투자", "투자유치", "IR", "펀드")),
    Choice("education", "교육", "Training", ("교육 지원", "연수", "아카데미", "training")),
    Choice("consulting", "컨설팅·멘토링", "Consulting", ("컨설팅", "멘토링", "자문")),
    Choice("marketing", "판로·해외진출", "Market access", ("판로", "해외진출", "마케팅", "전시회")),
    Choice("other", "기타", "Other"),
)

STAGE = Vocabulary(
    "stage",
    Choice("pre", "예비창업", "Pre-founding", ("예비", "예비창업자")),
    Choice("early", "초기(3년 이내)", "Early (up to 3 years)", ("초기", "초기창업", "3년이내")),
    Choice("growth", "도약(3~7년)", "Growth (3-7 years)", ("도약", "도약기", "성장", "3~7년")),
    Choice("mature", "7년 초과", "Over 7 years", ("중견", "일반", "7년이상")),
)

LOCATION = Vocabulary(
    "location",
    Choice("gwangju", "광주 소재(본사·지사)", "In Gwangju (head office or branch)",
           ("광주", "광주소재", "광주 소재")),
    Choice("head_office", "광주 본사", "Head office in Gwangju", ("광주본사", "본사 소재")),
)

NOTICE_CHANNEL = Vocabulary(
    "notice_channel",
    Choice("open_chat", "오픈채팅", "Open chat", ("카톡", "카카오톡", "단톡", "오픈 채팅")),
    Choice("phone", "전화", "Phone", ("유선",)),
    Choice("email", "이메일", "E-mail", ("메일", "e-mail")),
)

_YES = {"예", "네", "yes", "y", "o", "○", "◯", "●", "v", "✓", "✔", "☑", "true", "1", "희망", "있음", "필요"}
_NO = {"아니오", "아니요", "아니", "no", "n", "x", "×", "✗", "✕", "false", "0", "없음", "불필요",
       "미희망", "-"}


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
    "vision": ("영상", "비전", "이미지", "카메라", "검사", "cctv", "객체"),
    "nlp": ("자연어", "챗봇", "상담봇", "llm", "언어모델", "번역", "문서", "생성형"),
    "speech": ("음성", "stt", "tts", "화자"),
    "healthcare": ("의료", "헬스", "진단", "병원", "판독", "바이오"),
    "mobility": ("자율주행", "모빌리티", "자동차", "차량", "드론", "교통"),
    "energy": ("에너지", "전력", "태양광", "배터리"),
    "manufacturing": ("제조", "공정", "스마트팩토리", "설비", "불량"),
    "culture": ("콘텐츠", "문화", "게임", "미디어", "웹툰"),
    "agriculture": ("농업", "스마트팜", "작물", "축산"),
    "platform": ("플랫폼", "mlops", "클라우드", "gpu", "컴퓨팅"),
    "robotics": ("로봇", "로보틱스"),
    "data": ("데이터", "가공", "라벨링", "빅데이터"),
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


_AMOUNT_UNITS = (("억", 100_000_000), ("천만", 10_000_000), ("백만", 1_000_000), ("만", 10_000),
                 ("천", 1_000))


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
    text = "".join(str(value).split()).replace(",", "").replace("₩", "").removesuffix("원")
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
