"""The figures of the reports, checked against the hand-made March 2026 (see conftest)."""
from datetime import date

import pytest

from campdesk.services import reporting
from campdesk.services.errors import NotFound, UserError
from campdesk.services.reporting import Month

MARCH = Month(2026, 3)


@pytest.fixture
def march(staffed_ctx, camp):
    return reporting.camp_month(staffed_ctx, MARCH, today=date(2026, 11, 25))


def test_consultations_are_counted_by_channel_category_and_outcome_in_seoul_time(march):
    counts = march.counts
    assert counts.total == 6  # the 1 April 00:30 KST call is April's, the 31 March 23:30 one March's
    assert counts.by_channel == {"phone": 3, "walk_in": 2, "email": 1}
    assert counts.by_category == {"space": 2, "funding": 3, "rnd": 1}
    assert counts.by_outcome == {"escalated": 3, "follow_up": 1, "resolved": 2}


def test_previous_month_and_a_year_before_are_compared(march):
    assert march.counts_previous.total == 2
    assert march.counts_year_before.total == 1
    row = next(r for r in march.comparison if r.label == "상담 건수")
    assert (row.this, row.previous, row.year_before) == (6, 2, 1)


def test_escalations_and_how_long_they_took_to_close(march):
    e = march.escalations
    assert e.count == 3
    assert e.closed == [3.0, 10.0]
    assert e.mean_days == pytest.approx(6.5)
    assert e.median_days == pytest.approx(6.5)
    assert e.max_days == pytest.approx(10.0)
    assert e.open_at_month_end == 2  # the one of 25 March and the one left from February
    assert [x.consultant for x in e.lines] == ["박책임"] * 3


def test_occupancy_counts_desks_and_area_taken_on_the_last_day(march):
    o = march.occupancy
    assert o.as_of == date(2026, 3, 31)
    assert (o.desks, o.desks_taken) == (4, 1)          # D1 taken; D2 only reserved; D3 ended
    assert (o.area_m2, o.area_taken_m2) == (130.0, 55.0)  # meeting room not let; 1/4 of the hall
    assert o.companies == 2


def test_new_and_leaving_tenants(march):
    assert [t.company for t in march.new_tenants] == ["무등데이터"]
    assert [(t.company, t.on) for t in march.leaving_tenants] == [
        ("금남헬스", date(2026, 3, 15)), ("무등데이터", date(2026, 3, 31))]


def test_mou_companies_active_versus_dormant(march):
    assert (march.mou.total, march.mou.active) == (3, 2)
    assert [(d.name, d.last_contact) for d in march.mou.dormant] == [("송정로보틱스", date(2025, 10, 5))]


def test_concert_attendance_and_frequent_difficulties(march):
    [concert] = march.concerts
    assert (concert.companies, concert.attendees) == (2, 5)
    assert march.difficulties_raised == 3
    top = march.difficulty_terms[0]
    assert (top.term, top.count) == ("사무 공간 부족", 2)  # "사무 공간이 부족" counts with it


def test_tenant_month_gathers_the_company_s_month(staffed_ctx, camp):
    t = reporting.tenant_month(staffed_ctx, camp.a, MARCH)
    assert [s.space for s in t.spaces] == ["301호"]
    assert len(t.consultations) == 4
    statuses = {(d.text, d.status) for d in t.difficulties}
    assert statuses == {("인력 채용 어려움", "escalated"), ("사무 공간 부족", "closed"),
                        ("GPU 자원 부족", "escalated"), ("추론 서버 비용", "advised")}
    assert [len(m.sessions) for m in t.mentorings] == [1]
    assert [e.attendees for e in t.events] == [3]
    assert [s.amount_krw for s in t.supports] == [5_000_000]
    assert t.supports_year_krw == 6_000_000


def test_tenants_of_a_month_are_those_holding_space(staffed_ctx, camp):
    assert set(reporting.tenant_ids(staffed_ctx, MARCH)) == {camp.a, camp.b, camp.e}
    assert set(reporting.tenant_ids(staffed_ctx, Month(2026, 4))) == {camp.a}


def test_company_record_holds_every_entry(staffed_ctx, camp):
    r = reporting.company_record(staffed_ctx, camp.a)
    assert len(r.consultations) == 7
    assert r.consultations == sorted(r.consultations, key=lambda c: c.occurred_at)
    assert len(r.open_items) == 2  # the February and 25 March escalations
    assert len(r.supports) == 2 and len(r.mentorings) == 1 and len(r.spaces) == 1


@pytest.mark.parametrize("text", ["2026-13", "26-3", "March", ""])
def test_a_bad_month_is_a_user_error(text):
    with pytest.raises(UserError, match="YYYY-MM"):
        Month.parse(text)


def test_unknown_ids_are_not_found(staffed_ctx):
    with pytest.raises(NotFound):
        reporting.consultation_summary(staffed_ctx, "no-such-id")
    with pytest.raises(NotFound):
        reporting.tenant_month(staffed_ctx, "no-such-id", MARCH)


def test_month_arithmetic():
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2026, 3).minus(14) == Month(2025, 1)
    assert Month(2026, 2).last == date(2026, 2, 28)


def test_year_before_any_record_has_no_figures(staffed_ctx, camp):
    """March 2025 has one consultation, so March 2026's year before is data; February 2025
    is before the first record: "–", not growth from zero."""
    data = reporting.camp_month(staffed_ctx, Month(2026, 2), today=date(2026, 11, 25))
    row = next(r for r in data.comparison if r.label == "상담 건수")
    assert row.this == 2 and row.year_before is None and not data.year_before_has_data
    march = reporting.camp_month(staffed_ctx, MARCH, today=date(2026, 11, 25))
    assert next(r for r in march.comparison if r.label == "상담 건수").year_before == 1
