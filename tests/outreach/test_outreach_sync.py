"""Every new kind of outreach record travels through the real hub: made on PC A through the
services, found the same on PC B."""
from __future__ import annotations

from datetime import date

import pytest

from campdesk.services import companies, consultations, staff
from campdesk.services.outreach import events as ev
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import questionnaires as qs
from campdesk.services.outreach import supports as sv
from campdesk.store.models import (
    Event, EventAttendance, ProgrammeSupport, PublicCall, PublicCallNotice, QuestionnaireResponse,
)
from sync.pcs import assert_converged

pytestmark = pytest.mark.hub


def test_outreach_records_made_on_one_pc_reach_the_other(make_pc, hub_url):
    a, b = make_pc("a"), make_pc("b")
    ctx = a.ctx
    ctx.settings.staff_id = staff.add_staff(ctx, "김민서", "onsite")
    soft = companies.create_company(ctx, {"name": "(주)무등소프트", "business_no": "410-81-10005",
                                          "relationship": "mou", "gwangju_presence": "head_office",
                                          "ai_fields": "vision"})
    # A concert moved off Chuseok's eve, a registration and an attendance.
    eid = ev.save_event(ctx, {"title": "9월 지식콘서트", "held_on": "2026-09-17", "moved_from": "2026-09-24",
                              "speaker": "고승현 파트너", "theme": "AI 인재 채용 전략", "starts_at": "16:00"})
    ev.register(ctx, eid, {"company_id": soft, "person_name": "정소프트", "phone": "010-1234-5678",
                           "attendees": 2})
    walk_in = ev.check_in(ctx, eid, {"person_name": "한방문", "organisation": "광주대학교"})
    # Two agencies' supports of one kind at once, one naming the company its own way.
    sv.ensure_agencies(ctx)
    agencies = sv.list_agencies(ctx)
    first = sv.save_support(ctx, {"agency_id": agencies[2].id, "programme": "AI 콘텐츠 사업화 지원",
                                  "kind": "사업화 자금", "company_id": soft, "starts_on": "2026-03-01",
                                  "ends_on": "2026-08-31", "amount_krw": "50,000,000"})
    second = sv.save_support(ctx, {"agency_id": agencies[3].id, "programme": "창업 도약 패키지",
                                   "kind": "funding", "company_name": "무등소프트웨어", "business_no": "",
                                   "starts_on": "2026-06-01", "ends_on": "2026-11-30",
                                   "amount_krw": "30,000,000"})
    # A questionnaire answer wishing another visit, and a public call told by open chat.
    rid, _ = qs.record_answer(ctx, soft, {"received_on": date(2026, 11, 2), "needs_visit": "O",
                                          "difficulties": "GPU 비용", "proposed_technology": "의료 영상 판독"})
    call = pc.save_call(ctx, {"title": "AI 비전 실증", "agency_id": agencies[0].id, "deadline": "2026-12-10",
                              "fields": "vision", "eligible_relationships": "mou,tenant",
                              "eligible_stages": "pre,early,growth,mature", "eligible_location": "gwangju"})
    pc.tell(ctx, call, [soft], "open_chat")

    a.sync()
    b.sync()
    a.sync()
    assert_converged(hub_url, a, b)

    event = b.get(Event, eid)
    assert (event.held_on, event.moved_from, event.speaker, event.theme) == (
        date(2026, 9, 17), date(2026, 9, 24), "고승현 파트너", "AI 인재 채용 전략")
    rows = {r.who: r for r in ev.attendance(b.ctx, eid)}
    assert rows["(주)무등소프트"].registered and not rows["(주)무등소프트"].attended
    assert rows["(주)무등소프트"].phone == "010-1234-5678" and rows["(주)무등소프트"].attendees == 2
    assert b.get(EventAttendance, walk_in).attended is True
    s1, s2 = b.get(ProgrammeSupport, first), b.get(ProgrammeSupport, second)
    assert (s1.kind, s1.starts_on, s1.ends_on, s1.amount_krw) == ("funding", date(2026, 3, 1),
                                                                  date(2026, 8, 31), 50_000_000)
    assert s2.company_id is None and s2.company_name == "무등소프트웨어"
    assert sv.overlaps(b.ctx) == sv.overlaps(ctx) == []   # "무등소프트웨어" is another company
    response = b.get(QuestionnaireResponse, rid)
    assert response.needs_visit and response.tech_themes == "vision,healthcare"
    visit = consultations.list_follow_ups(b.ctx)
    assert [(v.company_name, v.due_on, v.staff_name) for v in visit] == [("(주)무등소프트", date(2026, 11, 16),
                                                                         "김민서")]
    assert response.consultation_id == visit[0].id
    remote = b.get(PublicCall, call)
    assert (remote.fields, remote.eligible_relationships, remote.eligible_location) == (
        "vision", "mou,tenant", "gwangju")
    notice = pc.notices(b.ctx, call)
    assert [(n.company, n.channel, n.staff) for n in notice] == [("(주)무등소프트", "open_chat", "김민서")]
    assert b.get(PublicCallNotice, notice[0].id).told_at == a.get(PublicCallNotice, notice[0].id).told_at

    # An edit on B (the concert moved by hand) comes back to A.
    ev.save_event(b.ctx, {"held_on": "2026-09-16"}, eid)
    b.sync()
    a.sync()
    assert a.get(Event, eid).held_on == date(2026, 9, 16)
    assert a.get(Event, eid).moved_from == date(2026, 9, 24)
