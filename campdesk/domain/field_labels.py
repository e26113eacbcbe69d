"""What each stored field is called on screen, Korean first: for edit history, conflicts and
the messages about a value the hub could not store."""
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
    # Columns every synced table has, and references most of them hold.
    "id": ("식별자", "ID"), "created_at": ("등록 일시", "Created"),
    "updated_at": ("수정 일시", "Updated"), "updated_by": ("수정한 사람", "Updated by"),
    "company_id": ("기업", "Company"), "organisation": ("소속", "Organisation"),
    "name_en": ("영문명", "English name"), "description": ("설명", "Description"),
}
_OTHER_TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "staff": {"role": ("역할", "Role")},
    "contacts": {"is_primary": ("대표 담당자", "Main contact")},
    "spaces": {
        "name": ("공간명", "Space name"), "kind": ("유형", "Kind"),
        "parent_id": ("상위 공간", "Inside room"),
        "plan_x": ("평면도 가로 위치", "Plan x"), "plan_y": ("평면도 세로 위치", "Plan y"),
        "plan_w": ("평면도 너비", "Plan width"), "plan_h": ("평면도 높이", "Plan height"),
    },
    "space_assignments": {},
    "space_requests": {
        "kind": ("원하는 유형", "Kind wanted"), "desks": ("좌석 수", "Desks"),
        "wanted_from": ("희망 입주일", "Wanted from"),
    },
    "mentors": {
        "field": ("주 분야", "Main field"), "fields": ("멘토링 분야", "Mentoring fields"),
        "expertise": ("전문 분야", "Expertise"), "keywords": ("키워드", "Keywords"),
        "availability": ("가능 시간", "Availability"), "active": ("활동", "Active"),
        "region": ("지역", "Region"),
    },
    "mentoring_programmes": {"name": ("프로그램명", "Programme")},
    "mentorings": {
        "mentor_id": ("멘토", "Mentor"), "topic": ("주제", "Topic"),
        "programme_id": ("멘토링 프로그램", "Programme"), "hours_allocated": ("배정 시간", "Hours allocated"),
        "end_reason": ("중단 사유", "Reason dropped"), "previous_mentor_id": ("이전 멘토", "Previous mentor"),
        "mentor_changed_on": ("멘토 변경일", "Mentor changed on"),
        "mentor_change_reason": ("멘토 변경 사유", "Why the mentor changed"),
    },
    "mentoring_sessions": {
        "mentoring_id": ("멘토링", "Mentoring"), "held_on": ("일자", "Held on"),
        "duration_min": ("소요 시간", "Duration"), "difficulty": ("애로사항", "Difficulty"),
        "advice": ("조언", "Advice"), "mentor_id": ("멘토", "Mentor"),
        "start_time": ("시작 시각", "Start time"), "mode": ("방식", "Mode"),
        "place": ("장소", "Place"), "topic": ("주제", "Topic"), "content": ("진행 내용", "What was done"),
        "next_step": ("다음 단계", "Next step"),
    },
    "job_seekers": {
        "skills": ("보유 기술", "Skills"), "desired_role": ("희망 직무", "Desired role"),
        "consent": ("정보 제공 동의", "Consent to share"), "consent_on": ("동의일", "Consent date"),
    },
    "job_openings": {
        "role": ("모집 직무", "Role"), "skills": ("요구 기술", "Skills wanted"),
        "headcount": ("모집 인원", "Headcount"), "deadline": ("마감일", "Deadline"),
    },
    "job_matches": {
        "job_seeker_id": ("구직자", "Job seeker"), "position": ("채용 직무", "Position"),
        "matched_on": ("소개일", "Introduced on"), "opening_id": ("채용 공고", "Opening"),
        "interview_on": ("면접일", "Interview on"), "decided_on": ("결과일", "Decided on"),
    },
    "events": {
        "title": ("행사명", "Event"), "held_on": ("개최일", "Held on"), "venue": ("장소", "Venue"),
        "speaker": ("연사", "Speaker"), "theme": ("주제", "Theme"), "starts_at": ("시작 시각", "Starts at"),
        "moved_from": ("옮기기 전 정기일", "Moved from"),
    },
    "event_attendance": {
        "event_id": ("행사", "Event"), "person_name": ("참석자 이름", "Attendee"),
        "attendees": ("참석 인원", "Attendees"), "registered": ("사전 등록", "Registered"),
        "registered_on": ("등록일", "Registered on"), "attended": ("참석", "Attended"),
    },
    "questionnaires": {"title": ("설문 제목", "Questionnaire"), "sent_on": ("발송일", "Sent on")},
    "questionnaire_responses": {
        "questionnaire_id": ("설문", "Questionnaire"), "received_on": ("회신일", "Received on"),
        "company_status": ("기업 현황", "Company status"),
        "proposed_technology": ("제안 기술", "Proposed technology"),
        "business_plan": ("사업 계획", "Business plan"), "difficulties": ("애로사항", "Difficulties"),
        "suggestions": ("건의사항", "Suggestions"), "needs_visit": ("방문 필요", "Needs a visit"),
        "tech_themes": ("기술 수요 분야", "Technology demand"),
        "consultation_id": ("서면 상담", "Written consultation"),
    },
    "agencies": {"name": ("기관명", "Agency"), "focus": ("지원 분야", "Focus"),
                 "short_name": ("약칭", "Short name")},
    "programmes": {
        "agency_id": ("기관", "Agency"), "name": ("지원사업명", "Programme"), "year": ("연도", "Year"),
        "kind": ("지원 유형", "Kind of support"),
    },
    "programme_supports": {
        "programme_id": ("지원사업", "Programme"), "granted_on": ("지원일", "Granted on"),
        "amount_krw": ("지원 금액(원)", "Amount (KRW)"), "kind": ("지원 유형", "Kind of support"),
        "business_no": ("사업자등록번호", "Business no."), "company_name": ("기업명(기관 표기)", "Company as written"),
    },
    "public_calls": {
        "title": ("공고명", "Call"), "organiser": ("주관 기관", "Organiser"),
        "announced_on": ("공고일", "Announced on"), "deadline": ("마감일", "Deadline"),
        "url": ("공고 주소", "URL"), "shared_on": ("공유일", "Shared on"),
        "agency_id": ("유관기관", "Agency"), "fields": ("분야", "Fields"),
        "eligible_relationships": ("대상 기업", "Eligible companies"),
        "eligible_stages": ("창업 단계", "Eligible stages"), "eligible_location": ("소재지 조건", "Location"),
    },
    "public_call_notices": {
        "call_id": ("공모사업", "Public call"), "channel": ("알림 경로", "Channel"),
        "told_at": ("알린 일시", "Told at"), "staff_id": ("알린 직원", "Told by"),
    },
    "audit_log": {
        "table_name": ("테이블", "Table"), "row_id": ("기록", "Record"), "field": ("항목", "Field"),
        "old_value": ("이전 값", "Old value"), "new_value": ("새 값", "New value"),
        "changed_at": ("변경 일시", "Changed at"), "changed_by": ("변경한 사람", "Changed by"),
    },
    "sync_conflict": {
        "kind": ("종류", "Kind"), "tbl": ("테이블", "Table"), "row_id": ("기록", "Record"),
        "field": ("항목", "Field"), "other_id": ("상대 기록", "Other record"),
        "loser_value": ("밀린 값", "Losing value"), "winner_value": ("남은 값", "Winning value"),
        "loser_site": ("밀린 PC", "Losing PC"), "winner_site": ("남은 PC", "Winning PC"),
        "detail": ("내용", "Detail"), "resolved_at": ("해결 일시", "Resolved at"),
        "resolved_by": ("해결한 사람", "Resolved by"), "resolution": ("처리 방법", "Resolution"),
    },
}
BY_TABLE = {
    "companies": {**COMPANY_FIELDS, "name_norm": ("검색용 기업명", "Name for matching"),
                  "merged_into": ("병합된 기업", "Merged into")},
    "consultations": CONSULTATION_FIELDS, **_OTHER_TABLES,
}


def field_label(table: str, field: str) -> tuple[str, str]:
    """(Korean, English) for a table's field; the code itself when nothing better is known."""
    return BY_TABLE.get(table, {}).get(field) or COMMON_FIELDS.get(field) or (field, field)
