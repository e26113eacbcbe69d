"""Companies and consultations through the services: what staff do all day, without the UI."""
from datetime import date, timedelta

import pytest

from campdesk.services import companies, consultations, staff
from campdesk.services.errors import FormErrors


def test_company_is_stored_in_canonical_form(staffed_ctx):
    cid = companies.create_company(staffed_ctx, {
        "name": "주식회사 빛고을AI", "business_no": "1248100998", "phone": "0621234567",
        "relationship": "MOU", "ai_fields": "컴퓨터 비전, nlp", "mou_date": "2025.3.5"})
    detail = companies.get_company(staffed_ctx, cid)
    assert detail.values["business_no"] == "124-81-00998"
    assert detail.values["phone"] == "062-123-4567"
    assert detail.values["relationship"] == "mou"
    assert detail.values["ai_fields"] == "vision,nlp"
    assert detail.values["mou_date"] == date(2025, 3, 5)


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(staffed_ctx):
    with pytest.raises(FormErrors) as err:
        companies.create_company(staffed_ctx, {"name": "", "business_no": "1234567890", "email": "x@"})
    assert set(err.value.by_field()) == {"name", "business_no", "email"}
    assert companies.list_companies(staffed_ctx) == []


def test_duplicate_detection_by_business_number_and_by_normalised_name(staffed_ctx):
    cid = companies.create_company(staffed_ctx, {"name": "빛고을인공지능(주)", "business_no": "124-81-00998"})
    assert [r.id for r in companies.find_duplicates(staffed_ctx, business_no="1248100998")] == [cid]
    assert [r.id for r in companies.find_duplicates(staffed_ctx, name="주식회사 빛고을 인공지능")] == [cid]
    assert companies.find_duplicates(staffed_ctx, name="무등데이터") == []
    # Not a unique key: a second record can still be made (two PCs offline), then merged.
    companies.create_company(staffed_ctx, {"name": "빛고을인공지능", "business_no": "124-81-00998"})
    assert len(companies.find_duplicates(staffed_ctx, business_no="124-81-00998")) == 2


def test_a_name_typed_slightly_differently_is_offered_as_a_likely_duplicate(staffed_ctx):
    """"빛고을인공지늉" (one wrong vowel) or "무등데이타" is most likely a company already
    registered: the new-company check offers it, after the exact matches; a different
    company with a similar ring to it is not."""
    kept = companies.create_company(staffed_ctx, {"name": "빛고을인공지능(주)"})
    data = companies.create_company(staffed_ctx, {"name": "무등데이터"})
    companies.create_company(staffed_ctx, {"name": "무등테크"})
    assert [r.id for r in companies.find_duplicates(staffed_ctx, name="빛고을인공지늉")] == [kept]
    assert [r.id for r in companies.find_duplicates(staffed_ctx, name="무등데이타")] == [data]
    assert companies.find_duplicates(staffed_ctx, name="무등로봇") == []
    assert companies.find_duplicates(staffed_ctx, name="무등데이타", exclude_id=data) == []


def test_edits_keep_a_visible_history_of_who_changed_what(staffed_ctx):
    cid = companies.create_company(staffed_ctx, {"name": "무등데이터"})
    kid = consultations.log_consultation(staffed_ctx, {"channel": "walk_in", "company_id": cid,
                                                       "question": "입주 공간 문의"})
    consultations.update_consultation(staffed_ctx, kid, {"answer": "공실 안내함", "category": "space"})
    history = consultations.edit_history(staffed_ctx, kid)
    assert {(h.field, h.new_value) for h in history} == {("answer", "공실 안내함"), ("category", "space")}
    assert all(h.changed_by == staffed_ctx.staff_id for h in history)


def test_a_consultation_needs_at_most_three_things(staffed_ctx):
    with pytest.raises(FormErrors) as err:
        consultations.log_consultation(staffed_ctx, {})
    assert set(err.value.by_field()) == {"channel", "question", "company_id"}
    kid = consultations.log_consultation(staffed_ctx, {"channel": "전화", "caller_name": "홍길동",
                                                       "question": "이전 지원 문의"})
    view = consultations.get_consultation(staffed_ctx, kid)
    assert view.who == "홍길동" and view.channel == "phone" and view.outcome == "resolved"
    assert view.staff_id == staffed_ctx.staff_id


def test_escalate_then_resolve_and_follow_up_lists(staffed_ctx):
    senior = staff.add_staff(staffed_ctx, "윤성호", "senior_consultant")
    cid = companies.create_company(staffed_ctx, {"name": "무등데이터"})
    today = date(2026, 11, 25)
    k1 = consultations.log_consultation(staffed_ctx, {"channel": "phone", "company_id": cid,
                                                      "question": "GPU 지원", "outcome": "follow_up",
                                                      "due_on": today - timedelta(days=2)})
    k2 = consultations.log_consultation(staffed_ctx, {"channel": "phone", "company_id": cid,
                                                      "question": "특허", "outcome": "follow_up",
                                                      "due_on": today})
    consultations.escalate(staffed_ctx, k2, senior, today)
    assert consultations.count_due(staffed_ctx, today) == (1, 1)
    assert [v.id for v in consultations.list_follow_ups(staffed_ctx)] == [k1, k2]
    assert [v.id for v in consultations.list_follow_ups(staffed_ctx, mine=senior)] == [k2]
    escalated = consultations.get_consultation(staffed_ctx, k2)
    assert escalated.outcome == "escalated" and escalated.escalated_to_name == "윤성호"
    with pytest.raises(FormErrors):
        consultations.resolve(staffed_ctx, k2, "  ")
    consultations.resolve(staffed_ctx, k2, "특허 지원사업 연계 완료")
    assert [v.id for v in consultations.list_follow_ups(staffed_ctx)] == [k1]
    assert companies.get_row(staffed_ctx, cid).open_follow_ups == 1


def test_an_unregistered_caller_can_be_linked_to_a_company_later(staffed_ctx):
    kid = consultations.log_consultation(staffed_ctx, {"channel": "phone", "caller_name": "이서연",
                                                       "caller_phone": "010 1234 5678",
                                                       "caller_org": "서울 소재 스타트업",
                                                       "question": "광주 이전 지원"})
    assert consultations.get_consultation(staffed_ctx, kid).caller_phone == "010-1234-5678"
    cid = companies.create_company(staffed_ctx, {"name": "서연랩스", "relationship": "prospect"})
    consultations.link_to_company(staffed_ctx, kid, cid)
    assert [v.id for v in consultations.company_timeline(staffed_ctx, cid)] == [kid]


def test_search_finds_by_initials_business_number_and_phone(staffed_ctx):
    companies.create_company(staffed_ctx, {"name": "광주인공지능", "business_no": "124-81-00998"})
    companies.create_company(staffed_ctx, {"name": "서울데이터", "phone": "062-555-1234"})
    assert [r.name for r in companies.search_companies(staffed_ctx, "ㄱㅈ")] == ["광주인공지능"]
    assert [r.name for r in companies.search_companies(staffed_ctx, "1248100")] == ["광주인공지능"]
    assert [r.name for r in companies.search_companies(staffed_ctx, "555")] == ["서울데이터"]
