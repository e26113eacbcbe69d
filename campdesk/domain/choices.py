"""The fixed vocabularies of the camp: codes stored in the database, labels shown to people.

Codes are English and never change; labels are Korean first, English second.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str
    ko: str
    en: str
    aliases: tuple[str, ...] = ()  # other spellings found in real spreadsheets

    def label(self, lang: str = "ko") -> str:
        return self.en if lang.startswith("en") else self.ko


class Vocabulary:
    """An ordered set of choices, looked up by code or by any of its labels."""

    def __init__(self, name: str, *choices: Choice):
        self.name = name
        self.choices = choices
        self._by_key: dict[str, Choice] = {}
        for c in choices:
            for key in (c.code, c.ko, c.en, *c.aliases):
                self._by_key[_fold(key)] = c

    def __iter__(self):
        return iter(self.choices)

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.choices)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def get(self, code: str | None) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)

    def label(self, code: str | None, lang: str = "ko") -> str:
        c = self.get(code)
        return c.label(lang) if c else (code or "")

    def parse(self, text: str | None) -> Choice | None:
        """Find a choice by its code or either label, ignoring case and spaces."""
        if text is None:
            return None
        return self._by_key.get(_fold(text))


def _fold(s: str) -> str:
    return "".join(s.split()).casefold()


RELATIONSHIP = Vocabulary(
    "relationship",
    Choice("inquirer", "문의기업", "Inquirer", ("문의", "신규", "신규문의", "일반")),
    Choice("prospect", "이전 희망 기업", "Relocation prospect", ("이전희망", "이전 희망", "이전검토",
                                                                "이전예정", "prospect company")),
    Choice("mou", "MOU 체결 기업", "MOU company", ("MOU", "MOU기업", "협약기업", "MOU체결")),
    Choice("tenant", "입주기업", "Camp tenant", ("입주", "입주사", "캠프 입주", "tenant company")),
    Choice("alumni", "졸업기업", "Alumni", ("졸업", "퇴거", "퇴실")),
)

PRESENCE = Vocabulary(
    "gwangju_presence",
    Choice("head_office", "본사", "Head office", ("광주 본사", "본점", "HQ")),
    Choice("branch", "지사", "Branch", ("광주 지사", "지점", "연구소", "사무소")),
    Choice("none", "없음", "None", ("-", "미소재", "해당없음", "타지역", "no")),
)

AI_FIELDS = Vocabulary(
    "ai_field",
    Choice("vision", "컴퓨터 비전", "Computer vision"),
    Choice("nlp", "자연어 처리", "Natural language"),
    Choice("speech", "음성", "Speech"),
    Choice("healthcare", "헬스케어", "Healthcare"),
    Choice("mobility", "모빌리티", "Mobility"),
    Choice("energy", "에너지", "Energy"),
    Choice("manufacturing", "제조", "Manufacturing"),
    Choice("culture", "문화콘텐츠", "Culture & content"),
    Choice("agriculture", "농업", "Agriculture"),
    Choice("platform", "AI 플랫폼", "AI platform"),
    Choice("robotics", "로보틱스", "Robotics"),
    Choice("data", "데이터", "Data"),
)

STAFF_ROLE = Vocabulary(
    "staff_role",
    Choice("onsite", "현장 직원", "On-site staff"),
    Choice("operator", "콜센터 상담원", "Call operator"),
    Choice("senior_consultant", "책임상담사", "Senior consultant"),
)

CHANNEL = Vocabulary(
    "channel",
    Choice("walk_in", "대면", "Walk-in", ("내방", "방문상담", "face to face")),
    Choice("phone", "전화", "Phone", ("콜센터", "유선", "call")),
    Choice("site_visit", "방문", "Site visit", ("현장방문", "출장", "visit")),
    Choice("written", "서면", "Written", ("설문", "서면조사", "questionnaire")),
    Choice("open_chat", "오픈채팅", "Open chat"),
    Choice("email", "이메일", "E-mail"),
)

CATEGORY = Vocabulary(
    "category",
    Choice("relocation", "이전·정착", "Relocation"),
    Choice("space", "입주공간", "Space"),
    Choice("funding", "자금·공모사업", "Funding & public calls"),
    Choice("rnd", "R&D·기술", "R&D & technology"),
    Choice("mentoring", "멘토링", "Mentoring"),
    Choice("hiring", "채용·잡매칭", "Hiring & job matching"),
    Choice("finance_tax", "재무·세무", "Finance & tax"),
    Choice("legal_ip", "법률·지식재산", "Legal & IP"),
    Choice("networking", "네트워킹·행사", "Networking & events"),
    Choice("other", "기타", "Other"),
)

OUTCOME = Vocabulary(
    "outcome",
    Choice("resolved", "해결", "Resolved"),
    Choice("follow_up", "후속조치", "Follow-up"),
    Choice("escalated", "책임상담사 이관", "Escalated"),
    Choice("mentor_link", "멘토 연계", "Referred to a mentor", ("멘토연계", "멘토 매칭", "멘토링 연계")),
)

# Outcomes that leave a consultation open until someone resolves it.
OPEN_OUTCOMES = ("follow_up", "escalated")

SPACE_KIND = Vocabulary(
    "space_kind",
    Choice("office", "사무실", "Office"),
    Choice("open_desk", "오픈데스크", "Open desk area"),
    Choice("meeting", "회의실", "Meeting room"),
    Choice("desk", "좌석", "Desk"),
    Choice("unit", "사무 공간", "Office unit"),
    Choice("other", "기타", "Other"),
)

ASSIGNMENT_STATUS = Vocabulary(
    "assignment_status",
    Choice("reserved", "예약", "Reserved"),
    Choice("confirmed", "확정", "Confirmed"),
    Choice("ended", "종료", "Ended"),
    Choice("conflict", "중복 배정", "In conflict"),
)

REQUEST_STATUS = Vocabulary(
    "request_status",
    Choice("waiting", "대기", "Waiting"),
    Choice("placed", "배정 완료", "Placed"),
    Choice("withdrawn", "철회", "Withdrawn"),
)

MENTOR_FIELD = Vocabulary(
    "mentor_field",
    Choice("tech", "기술개발", "Technology development",
           ("기술 개발", "기술", "R&D", "연구개발", "tech development", "technology")),
    Choice("business_model", "비즈니스 모델", "Business model",
           ("비즈니스모델", "BM", "사업모델", "사업 모델", "비즈니스")),
    Choice("management", "창업경영", "Startup management",
           ("창업 경영", "경영", "창업", "경영 일반", "management")),
    Choice("finance", "재무·투자", "Finance",
           ("재무", "투자", "금융·투자", "금융", "재무/투자", "재무.투자", "재무 투자", "재무투자",
            "재무·세무", "finance & investment", "investment")),
)

MENTORING_STATUS = Vocabulary(
    "mentoring_status",
    Choice("planned", "예정", "Planned"),
    Choice("active", "진행 중", "Active", ("진행", "진행중")),
    Choice("done", "수료", "Completed", ("완료", "종료")),
    Choice("dropped", "중단", "Dropped", ("중도 포기", "포기", "취소")),
)
# A pairing that is over: it takes no more sessions.
ENDED_MENTORING = ("done", "dropped")

PROGRAMME_STATUS = Vocabulary(
    "programme_status",
    Choice("planned", "예정", "Planned"),
    Choice("active", "진행 중", "Running"),
    Choice("closed", "종료", "Closed"),
)

SESSION_MODE = Vocabulary(
    "session_mode",
    Choice("offline", "대면", "In person", ("방문", "오프라인", "대면 멘토링")),
    Choice("online", "온라인", "Online", ("비대면", "화상", "zoom", "줌")),
)

MATCH_STATUS = Vocabulary(
    "match_status",
    Choice("proposed", "소개", "Introduced", ("추천", "연결")),
    Choice("interview", "면접", "Interview"),
    Choice("hired", "채용", "Hired", ("채용 완료", "합격")),
    Choice("declined", "불발", "Not hired", ("불합격", "무산", "declined")),
)

SEEKER_STATUS = Vocabulary(
    "seeker_status",
    Choice("seeking", "구직 중", "Seeking", ("구직중", "구직")),
    Choice("hired", "취업", "Hired", ("취업 완료",)),
    Choice("paused", "중단", "Paused", ("보류",)),
)

OPENING_STATUS = Vocabulary(
    "opening_status",
    Choice("open", "모집 중", "Open", ("모집중", "진행")),
    Choice("filled", "채용 완료", "Filled"),
    Choice("closed", "마감", "Closed", ("종료",)),
)

EVENT_KIND = Vocabulary(
    "event_kind",
    Choice("concert", "지식콘서트", "Knowledge concert"),
    Choice("council", "월례회의", "Council meeting"),
    Choice("briefing", "설명회", "Briefing"),
    Choice("other", "기타 행사", "Other event"),
)
