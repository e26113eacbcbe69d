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
    # the 입주공간 tab's definition: 301호 counts its 4 places, the hall its 4 desks (not the
    # hall itself too); D1 and 301호 taken, D2 only reserved, D3 ended on 15 March
    assert (o.desks, o.desks_taken) == (8, 5)
    assert (o.area_m2, o.area_taken_m2) == (46.0, 34.0)  # meeting room not counted; desks 4 ㎡
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


# --- occupancy: the camp report and the 입주공간 › 점유 현황 tab say the same -----------------

def _rates(o):
    return round(o.desk_rate * 100, 1), round(o.area_rate * 100, 1)


def _tab_rates(f):
    return round(f.desk_rate * 100, 1), round(f.area_rate * 100, 1)


@pytest.mark.parametrize("month, today", [(Month(2026, 3), date(2026, 11, 25)),
                                          (Month(2026, 2), date(2026, 11, 25))])
def test_the_report_occupancy_of_a_past_month_is_the_tabs(staffed_ctx, camp, month, today):
    from campdesk.services import spaces
    report = reporting.camp_month(staffed_ctx, month, today=today)
    # the snapshot on the month's last day: the tab on that day
    tab_day = spaces.overview(staffed_ctx, month.last).on_day
    o = report.occupancy
    assert (o.desks, o.desks_taken) == (tab_day.desks_total, tab_day.desks)
    assert (o.area_m2, o.area_taken_m2) == (tab_day.area_total, tab_day.area_m2)
    # the month's average: the tab's chart for that month
    [chart] = [m for m in spaces.overview(staffed_ctx, today).series
               if (m.year, m.month) == (month.year, month.month)]
    assert _rates(report.occupancy_average) == _tab_rates(chart.figures)
    row = {r.label: r for r in report.comparison}
    assert (row["좌석 점유율 (월평균)"].this, row["면적 점유율 (월평균)"].this) == \
        _tab_rates(chart.figures)


def test_a_running_months_snapshot_is_the_tabs_today(staffed_ctx, camp):
    from campdesk.services import spaces
    today = date(2026, 3, 20)
    report = reporting.camp_month(staffed_ctx, Month(2026, 3), today=today)
    tab = spaces.overview(staffed_ctx, today).on_day
    o = report.occupancy
    assert o.as_of == today
    assert (o.desks, o.desks_taken, o.area_m2, o.area_taken_m2) == \
        (tab.desks_total, tab.desks, tab.area_total, tab.area_m2)


def test_a_desk_let_for_part_of_the_month_counts_its_share_of_the_average(march):
    """March: 301호 (4 places) all month, D1 from the 10th to the 31st (22 of 31 days), D3
    until the 15th (15 days); D2 only reserved."""
    avg = march.occupancy_average
    assert avg.desks == 8
    assert avg.desks_taken == pytest.approx(4 + 22 / 31 + 15 / 31, abs=0.01)
