"""What each stored field is called on screen, Korean first: for edit history and conflicts."""
from __future__ import annotations

from campdesk.domain.company_rules import COMPANY_FIELDS

CONSULTATION_FIELDS: dict[str, tuple[str, str]] = {
    "occurred_at": ("일시", "When"), "channel": ("경로", "Channel"),
    "company_id": ("기업", "Company"), "caller_name": ("문의자", "Caller"),
    "caller_phone": ("문의자 전화", "Caller phone"), "caller_org": ("문의자 소속", "Caller organisation"),
    "category": ("분야", "Category"), "question": ("상담 내용", "Question"),
    "answer": ("답변", "Answer"), "outcome": ("결과", "Outcome"),
    "difficulty": ("애로사항", "Difficulty"), "suggestion": ("건의사항", "Suggestion"),
    "escalated_to_id": ("책임상담사", "Senior consultant"), "escalated_at": ("이관 일시", "Escalated at"),
    "due_on": ("기한", "Due"), "closed_at": ("처리 완료", "Closed"),
    "resolution": ("처리 결과", "Resolution"), "duration_min": ("소요 시간", "Duration"),
    "staff_id": ("담당", "Staff"),
}
COMMON_FIELDS: dict[str, tuple[str, str]] = {
    "archived": ("보관", "Archived"), "name": ("이름", "Name"), "phone": ("전화번호", "Phone"),
    "email": ("이메일", "E-mail"), "notes": ("메모", "Notes"), "status": ("상태", "Status"),
    "starts_on": ("시작일", "Starts"), "ends_on": ("종료일", "Ends"), "space_id": ("공간", "Space"),
    "title": ("직함", "Title"), "kind": ("종류", "Kind"), "capacity": ("좌석 수", "Capacity"),
    "area_m2": ("면적", "Area"), "floor": ("층", "Floor"),
}
BY_TABLE = {"companies": COMPANY_FIELDS, "consultations": CONSULTATION_FIELDS}


def field_label(table: str, field: str) -> tuple[str, str]:
    """(Korean, English) for a table's field; the code itself when nothing better is known."""
    return BY_TABLE.get(table, {}).get(field) or COMMON_FIELDS.get(field) or (field, field)
