"""Hand-made data for March 2026, small enough to count by hand.

In March 2026 (Seoul time): 6 consultations (phone 3, walk-in 2, e-mail 1; space 2, funding 3,
R&D 1), of which 3 escalated: closed after 3.0 and 10.0 days, one still open; one more
escalation from February is still open. One consultation on 1 April 00:30 KST (still 31 March
in UTC) belongs to April. February has 2 consultations, March 2025 has 1.
Spaces on floor 3: office 301호 (30 ㎡), an open-desk room (100 ㎡) with 4 desks, a meeting
room (40 ㎡, not let). On 31 March: 301호 (A) and desk D1 (B) are taken, D2 only reserved.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest

from campdesk.domain.dates import SEOUL
from campdesk.store import models as m


def kst(y, mo, d, h=10, mi=0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SEOUL).astimezone(timezone.utc)


@dataclass
class Camp:
    a: str      # tenant in 301호 since January, MOU
    b: str      # new tenant on desk D1, 10–31 March
    c: str      # MOU company, dormant (last contact October 2025)
    d: str      # MOU company, active through the March concert
    e: str      # alumni: left desk D3 on 15 March
    escalation: str   # closed after 3 days
    consultant: str


@pytest.fixture
def camp(staffed_ctx) -> Camp:
    ctx = staffed_ctx
    me = ctx.staff_id
    with ctx.db.transaction() as s:
        senior = m.Staff(name="박책임", role="senior_consultant")
        a = m.Company(name="빛고을인공지능", relationship="tenant", mou_date=date(2025, 1, 1),
                      business_no="123-45-67890", representative="이대표")
        b = m.Company(name="무등데이터", relationship="tenant")
        c = m.Company(name="송정로보틱스", relationship="mou", mou_date=date(2024, 5, 1))
        d = m.Company(name="첨단비전", relationship="mou", mou_date=date(2025, 6, 1))
        e = m.Company(name="금남헬스", relationship="alumni")
        s.add_all([senior, a, b, c, d, e])
        s.flush()
        room = m.Space(floor=3, name="301호", kind="office", area_m2=30.0, capacity=4)
        hall = m.Space(floor=3, name="3층 오픈데스크", kind="open_desk", area_m2=100.0, capacity=4)
        meeting = m.Space(floor=3, name="3층 회의실", kind="meeting", area_m2=40.0)
        s.add_all([room, hall, meeting])
        s.flush()
        desks = [m.Space(floor=3, name=f"3F-D{i}", kind="desk", parent_id=hall.id, area_m2=4.0,
                         capacity=1) for i in range(1, 5)]
        s.add_all(desks)
        s.flush()
        s.add_all([
            m.SpaceAssignment(space_id=room.id, company_id=a.id, starts_on=date(2026, 1, 1)),
            m.SpaceAssignment(space_id=desks[0].id, company_id=b.id, starts_on=date(2026, 3, 10),
                              ends_on=date(2026, 3, 31)),
            m.SpaceAssignment(space_id=desks[1].id, company_id=d.id, starts_on=date(2026, 3, 20),
                              status="reserved"),
            m.SpaceAssignment(space_id=desks[2].id, company_id=e.id, starts_on=date(2025, 6, 1),
                              ends_on=date(2026, 3, 15), status="ended"),
        ])

        def consult(at, channel, category, company=a.id, **kw):
            row = m.Consultation(occurred_at=at, channel=channel, category=category,
                                 company_id=company, question=kw.pop("question", "문의"),
                                 staff_id=me, **kw)
            s.add(row)
            return row

        esc = consult(kst(2026, 3, 2), "phone", "space", question="사무실 확장이 가능한가요?",
                      answer="책임상담사에게 이관합니다.", difficulty="사무 공간 부족",
                      outcome="escalated", escalated_to_id=senior.id, escalated_at=kst(2026, 3, 2),
                      due_on=date(2026, 3, 9), closed_at=kst(2026, 3, 5),
                      resolution="3층 오픈데스크 두 좌석을 추가 배정함.")
        consult(kst(2026, 3, 10), "phone", "funding", company=b.id, difficulty="사무 공간이 부족",
                outcome="escalated", escalated_to_id=senior.id, escalated_at=kst(2026, 3, 10),
                closed_at=kst(2026, 3, 20), resolution="공모사업 안내")
        consult(kst(2026, 3, 25), "walk_in", "funding", difficulty="GPU 자원 부족",
                outcome="escalated", escalated_to_id=senior.id, escalated_at=kst(2026, 3, 25),
                due_on=date(2026, 4, 10))
        consult(kst(2026, 3, 12), "walk_in", "space", company=b.id, outcome="follow_up",
                due_on=date(2026, 3, 19), question="입주 계약 갱신 절차")
        consult(kst(2026, 3, 15), "email", "rnd", question="R&D 과제 공고 문의")
        consult(kst(2026, 3, 31, 23, 30), "phone", "funding", question="월말 늦은 문의")
        consult(kst(2026, 4, 1, 0, 30), "phone", "rnd", question="4월 첫 문의")
        consult(kst(2026, 2, 20), "phone", "other", outcome="escalated", escalated_to_id=senior.id,
                escalated_at=kst(2026, 2, 20), difficulty="인력 채용 어려움")
        consult(kst(2026, 2, 21), "written", "other")
        consult(kst(2025, 3, 5), "phone", "relocation", company=c.id)
        consult(kst(2025, 10, 5), "phone", "relocation", company=c.id)

        concert = m.Event(kind="concert", title="3월 지식콘서트: 생성형 AI", held_on=date(2026, 3, 26),
                          venue="1층 세미나실")
        s.add(concert)
        s.flush()
        s.add_all([m.EventAttendance(event_id=concert.id, company_id=a.id, attendees=3),
                   m.EventAttendance(event_id=concert.id, company_id=d.id, attendees=2)])
        mentor = m.Mentor(name="정멘토", field="tech")
        agency = m.Agency(name="광주테크노파크")
        s.add_all([mentor, agency])
        s.flush()
        mentoring = m.Mentoring(company_id=a.id, mentor_id=mentor.id, topic="모델 경량화",
                                starts_on=date(2026, 3, 1), ends_on=date(2026, 5, 31),
                                status="active")
        programme = m.Programme(agency_id=agency.id, name="AI 실증 지원사업", year=2026)
        s.add_all([mentoring, programme])
        s.flush()
        s.add_all([
            m.MentoringSession(mentoring_id=mentoring.id, held_on=date(2026, 3, 15),
                               duration_min=90, difficulty="추론 서버 비용",
                               advice="양자화로 비용을 줄이도록 조언"),
            m.ProgrammeSupport(company_id=a.id, programme_id=programme.id,
                               granted_on=date(2026, 3, 20), amount_krw=5_000_000),
            m.ProgrammeSupport(company_id=a.id, programme_id=programme.id,
                               granted_on=date(2026, 1, 10), amount_krw=1_000_000),
        ])
        s.flush()
        return Camp(a.id, b.id, c.id, d.id, e.id, esc.id, senior.id)
