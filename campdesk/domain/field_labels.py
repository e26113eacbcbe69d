"""What each stored field is called on screen: for edit history, conflicts and the messages
about a value the hub could not store. Korean, marked for the catalog that holds the English
(a few with the context "field" where the field's English differs from the same word on a
button or a column elsewhere)."""
from __future__ import annotations

from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.domain.labels import Label, labels
from campdesk.i18n import N_, NP_

CONSULTATION_FIELDS: dict[str, Label] = labels({
    "occurred_at": N_("일시"), "channel": N_("경로"),
    "company_id": N_("기업"), "caller_name": N_("문의자"),
    "caller_phone": N_("문의자 전화"), "caller_org": N_("문의자 소속"),
    "category": N_("분야"), "question": N_("상담 내용"),
    "answer": N_("답변"), "outcome": N_("결과"),
    "difficulty": N_("애로사항"), "suggestion": N_("건의사항"),
    "escalated_to_id": N_("책임상담사"), "escalated_at": N_("이관 일시"),
    "due_on": N_("기한"), "closed_at": N_("처리 완료"),
    "resolution": N_("처리 결과"), "duration_min": N_("소요 시간"),
    "staff_id": N_("담당"),
})
COMMON_FIELDS: dict[str, Label] = labels({
    "archived": N_("보관"), "name": N_("이름"), "phone": N_("전화번호"),
    "email": N_("이메일"), "notes": N_("메모"), "status": N_("상태"),
    "starts_on": N_("시작일"), "ends_on": N_("종료일"), "space_id": N_("공간"),
    "title": N_("직함"), "kind": N_("종류"), "capacity": N_("좌석 수"),
    "area_m2": N_("면적"), "floor": N_("층"),
    # Columns every synced table has, and references most of them hold.
    "id": N_("식별자"), "created_at": N_("등록 일시"),
    "updated_at": N_("수정 일시"), "updated_by": N_("수정한 사람"),
    "company_id": N_("기업"), "organisation": N_("소속"),
    "name_en": N_("영문명"), "description": N_("설명"),
})
_OTHER_TABLES: dict[str, dict[str, Label]] = {table: labels(texts) for table, texts in {
    "staff": {"role": N_("역할")},
    "contacts": {"is_primary": N_("대표 담당자")},
    "spaces": {
        "name": NP_("field", "공간명"), "kind": N_("유형"),
        "parent_id": N_("상위 공간"),
        "plan_x": N_("평면도 가로 위치"), "plan_y": N_("평면도 세로 위치"),
        "plan_w": N_("평면도 너비"), "plan_h": N_("평면도 높이"),
    },
    "space_assignments": {},
    "space_requests": {
        "kind": N_("원하는 유형"), "desks": N_("좌석 수"),
        "wanted_from": N_("희망 입주일"),
    },
    "mentors": {
        "field": N_("주 분야"), "fields": N_("멘토링 분야"),
        "expertise": N_("전문 분야"), "keywords": N_("키워드"),
        "availability": N_("가능 시간"), "active": N_("활동"),
        "region": N_("지역"),
    },
    "mentoring_programmes": {"name": N_("프로그램명")},
    "mentorings": {
        "mentor_id": N_("멘토"), "topic": N_("주제"),
        "programme_id": N_("멘토링 프로그램"), "hours_allocated": N_("배정 시간"),
        "end_reason": N_("중단 사유"), "previous_mentor_id": N_("이전 멘토"),
        "mentor_changed_on": N_("멘토 변경일"),
        "mentor_change_reason": N_("멘토 변경 사유"),
    },
    "mentoring_sessions": {
        "mentoring_id": N_("멘토링"), "held_on": N_("일자"),
        "duration_min": N_("소요 시간"), "difficulty": N_("애로사항"),
        "advice": N_("조언"), "mentor_id": N_("멘토"),
        "start_time": N_("시작 시각"), "mode": N_("방식"),
        "place": N_("장소"), "topic": N_("주제"), "content": N_("진행 내용"),
        "next_step": N_("다음 단계"),
    },
    "job_seekers": {
        "skills": N_("보유 기술"), "desired_role": N_("희망 직무"),
        "consent": N_("정보 제공 동의"), "consent_on": N_("동의일"),
    },
    "job_openings": {
        "role": N_("모집 직무"), "skills": N_("요구 기술"),
        "headcount": N_("모집 인원"), "deadline": N_("마감일"),
    },
    "job_matches": {
        "job_seeker_id": NP_("field", "구직자"), "position": N_("채용 직무"),
        "matched_on": N_("소개일"), "opening_id": NP_("field", "채용 공고"),
        "interview_on": N_("면접일"), "decided_on": N_("결과일"),
    },
    "events": {
        "title": N_("행사명"), "held_on": N_("개최일"), "venue": N_("장소"),
        "speaker": N_("연사"), "theme": N_("주제"), "starts_at": N_("시작 시각"),
        "moved_from": N_("옮기기 전 정기일"),
    },
    "event_attendance": {
        "event_id": N_("행사"), "person_name": N_("참석자 이름"),
        "attendees": N_("참석 인원"), "registered": N_("사전 등록"),
        "registered_on": N_("등록일"), "attended": NP_("field", "참석"),
    },
    "questionnaires": {"title": N_("설문 제목"), "sent_on": N_("발송일")},
    "questionnaire_responses": {
        "questionnaire_id": N_("설문"), "received_on": N_("회신일"),
        "company_status": N_("기업 현황"),
        "proposed_technology": N_("제안 기술"),
        "business_plan": N_("사업 계획"), "difficulties": N_("애로사항"),
        "suggestions": N_("건의사항"), "needs_visit": N_("방문 필요"),
        "tech_themes": N_("기술 수요 분야"),
        "consultation_id": N_("서면 상담"),
    },
    "agencies": {"name": N_("기관명"), "focus": N_("지원 분야"),
                 "short_name": N_("약칭")},
    "programmes": {
        "agency_id": N_("기관"), "name": N_("지원사업명"), "year": N_("연도"),
        "kind": N_("지원 유형"),
    },
    "programme_supports": {
        "programme_id": N_("지원사업"), "granted_on": N_("지원일"),
        "amount_krw": N_("지원 금액(원)"), "kind": N_("지원 유형"),
        "business_no": N_("사업자등록번호"), "company_name": N_("기업명(기관 표기)"),
    },
    "public_calls": {
        "title": N_("공고명"), "organiser": N_("주관 기관"),
        "announced_on": N_("공고일"), "deadline": N_("마감일"),
        "url": N_("공고 주소"), "shared_on": N_("공유일"),
        "agency_id": N_("유관기관"), "fields": NP_("public call", "분야"),
        "eligible_relationships": N_("대상 기업"),
        "eligible_stages": N_("창업 단계"), "eligible_location": N_("소재지 조건"),
    },
    "public_call_notices": {
        "call_id": N_("공모사업"), "channel": N_("알림 경로"),
        "told_at": N_("알린 일시"), "staff_id": N_("알린 직원"),
    },
    "audit_log": {
        "table_name": N_("테이블"), "row_id": N_("기록"), "field": N_("항목"),
        "old_value": N_("이전 값"), "new_value": N_("새 값"),
        "changed_at": N_("변경 일시"), "changed_by": N_("변경한 사람"),
    },
    "sync_conflict": {
        "kind": N_("종류"), "tbl": N_("테이블"), "row_id": N_("기록"),
        "field": N_("항목"), "other_id": N_("상대 기록"),
        "loser_value": N_("밀린 값"), "winner_value": N_("남은 값"),
        "loser_site": N_("밀린 PC"), "winner_site": N_("남은 PC"),
        "detail": N_("내용"), "resolved_at": N_("해결 일시"),
        "resolved_by": N_("해결한 사람"), "resolution": N_("처리 방법"),
    },
}.items()}
BY_TABLE = {
    "companies": {**COMPANY_FIELDS, **labels({"name_norm": N_("검색용 기업명"),
                                              "merged_into": N_("병합된 기업")})},
    "consultations": CONSULTATION_FIELDS, **_OTHER_TABLES,
}


def field_label(table: str, field: str) -> Label:
    """A table's field as people call it (``.label()``, or unpacked as ``ko, en``); the code
    itself when nothing better is known."""
    return BY_TABLE.get(table, {}).get(field) or COMMON_FIELDS.get(field) or Label(field)

