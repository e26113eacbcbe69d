"""Realistic, deterministic demo data at the two scales of docs/PERFORMANCE.md.

The same seed gives the same data (ids included) on the same day; the data always ends
"today", so the dashboard, follow-ups and floor plan look alive. ``large`` (2,000
companies, 200,000 consultations over ten years) loads in well under a minute.
"""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable

import holidays
from sqlalchemy import func, insert, select

from campdesk.i18n import _
from campdesk.domain.choices import AI_FIELDS
from campdesk.domain.dates import SEOUL, today_seoul
from campdesk.domain.events import concert_plan, is_working_day, nth_weekday
from campdesk.domain.outreach import tech_themes
from campdesk.domain.ids import natural_id
from campdesk.domain.validation import format_business_no, normalise_company_name
from campdesk.services import demo_text as T
from campdesk.services.context import Context
from campdesk.services.errors import UserError
from campdesk.store import capture
from campdesk.store import models as m

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Scale:
    mou: int
    tenants: int
    prospects: int
    inquirers: int
    alumni: int
    consultations: int
    years: int
    floors: int
    offices_per_floor: int
    desks_per_floor: int
    job_seekers: int
    mentorings_per_year: int


SCALES = {
    "small": Scale(90, 30, 25, 20, 15, 3000, 1, 3, 8, 10, 60, 25),
    "large": Scale(400, 150, 500, 750, 200, 200_000, 10, 5, 16, 42, 600, 40),
}


def is_empty(ctx: Context) -> bool:
    with ctx.db.reading() as s:
        return not s.scalar(select(func.count()).select_from(m.Company))


class _Builder:
    def __init__(self, scale: Scale, seed: int, today: date):
        self.s = scale
        self.rng = random.Random(seed)
        # Mentoring and job-matching details draw from their own stream, so the rest of the
        # data stays as it was before they existed.
        self.rng2 = random.Random(seed * 1000 + 14)
        self.today = today
        self.start = today - timedelta(days=365 * scale.years)
        self.rows: dict[type, list[dict]] = {}
        self.kr = holidays.KR(years=range(self.start.year, today.year + 2))

    # ---- helpers -------------------------------------------------------------------
    def id_at(self, moment: datetime) -> str:
        """A UUIDv7 whose time is the record's creation time and whose bits come from the seed."""
        ms = int(moment.timestamp() * 1000)
        rand = self.rng.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
        return str(uuid.UUID(int=value))

    def moment(self, day: date, hour: int = 9, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), SEOUL).astimezone(timezone.utc)

    def add(self, model: type, created: datetime, **values) -> str:
        values.setdefault("id", self.id_at(created))
        values.update(created_at=created, updated_at=created, archived=values.get("archived", False))
        self.rows.setdefault(model, []).append(values)
        return values["id"]

    def add2(self, model: type, created: datetime, **values) -> str:
        """add() with the id drawn from the second stream."""
        ms = int(created.timestamp() * 1000)
        rand = self.rng2.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
        return self.add(model, created, id=str(uuid.UUID(int=value)), **values)

    def person(self) -> str:
        return self.rng.choice(T.SURNAMES) + self.rng.choice(T.GIVEN)

    def mobile(self) -> str:
        return f"010-{self.rng.randint(2000, 9999)}-{self.rng.randint(0, 9999):04d}"

    def gwangju_phone(self) -> str:
        return f"062-{self.rng.randint(200, 999)}-{self.rng.randint(0, 9999):04d}"

    def business_no(self) -> str:
        while True:
            digits = f"{self.rng.randint(101, 899)}{self.rng.choice(['81', '86', '87', '88'])}" \
                     f"{self.rng.randint(0, 9999):04d}"
            weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
            total = sum(int(a) * b for a, b in zip(digits, weights)) + (int(digits[8]) * 5) // 10
            full = digits + str((10 - total % 10) % 10)
            if full not in self.used_nos:
                self.used_nos.add(full)
                return format_business_no(full)

    def day_between(self, a: date, b: date) -> date:
        return a + timedelta(days=self.rng.randint(0, max(0, (b - a).days)))

    # ---- parts -----------------------------------------------------------------------
    def staff(self) -> None:
        t0 = self.moment(self.start)
        people = [("김민서", "onsite"), ("이준호", "onsite"), ("박지현", "onsite"),
                  ("최유나", "operator"), ("정다은", "operator"), ("강현우", "operator"),
                  ("윤성호", "senior_consultant"), ("장미경", "senior_consultant"),
                  ("임태윤", "senior_consultant"), ("한지원", "senior_consultant")]
        self.staff_ids: dict[str, list[str]] = {}
        for name, role in people:
            org = "광주테크노파크" if role == "senior_consultant" else "인공지능종합지원센터"
            sid = self.add(m.Staff, t0, name=name, role=role, organisation=org,
                           phone=self.gwangju_phone(), email=None)
            self.staff_ids.setdefault(role, []).append(sid)

    def companies(self) -> None:
        self.used_nos: set[str] = set()
        names: set[str] = set()
        self.by_rel: dict[str, list[str]] = {}
        self.company_names: dict[str, str] = {}
        self.company_nos: dict[str, str | None] = {}
        plan = (["mou"] * self.s.mou + ["tenant"] * self.s.tenants + ["prospect"] * self.s.prospects
                + ["inquirer"] * self.s.inquirers + ["alumni"] * self.s.alumni)
        for i, rel in enumerate(plan):
            while True:
                (hk, he), (tk, te) = self.rng.choice(T.NAME_HEADS), self.rng.choice(T.NAME_TAILS)
                base_ko, base_en = hk + tk, f"{he} {te}"
                if len(names) > 600:  # the large set needs more names than pairs exist
                    n = self.rng.randint(2, 99)
                    base_ko, base_en = f"{base_ko}{n}", f"{base_en} {n}"
                if base_ko not in names:
                    names.add(base_ko)
                    break
            form = self.rng.random()
            name = f"주식회사 {base_ko}" if form < 0.45 else f"{base_ko}(주)" if form < 0.8 else base_ko
            created = self.moment(self.day_between(self.start - timedelta(days=400), self.today
                                                   - timedelta(days=30)))
            in_gwangju = rel in ("mou", "tenant", "alumni") or self.rng.random() < 0.3
            if rel == "tenant":
                address = T.CAMP_ADDRESS
            elif in_gwangju:
                gu, road = self.rng.choice(T.GWANGJU_ROADS)
                address = f"광주광역시 {gu} {road} {self.rng.randint(1, 300)}"
            else:
                address = f"{self.rng.choice(T.OTHER_CITIES)} {self.rng.randint(1, 500)}"
            fields = self.rng.sample(AI_FIELDS.codes, self.rng.randint(1, 3))
            mou_date = (self.day_between(self.start - timedelta(days=700), self.today - timedelta(days=60))
                        if rel in ("mou", "tenant", "alumni") else None)
            cid = self.add(
                m.Company, created, name=name, name_en=f"{base_en} Inc.", name_norm=normalise_company_name(name),
                relationship=rel, mou_date=mou_date,
                gwangju_presence=("head_office" if rel == "tenant" or (in_gwangju and self.rng.random() < 0.6)
                                  else "branch" if in_gwangju else "none"),
                ai_fields=",".join(fields), employees=self.rng.randint(2, 120),
                founded_on=self.day_between(date(2012, 1, 1), self.today - timedelta(days=200)),
                business_no=self.business_no() if rel != "inquirer" or self.rng.random() < 0.5 else None,
                corporate_no=None, representative=self.person(),
                address=address, phone=self.gwangju_phone() if in_gwangju else
                f"02-{self.rng.randint(200, 9999)}-{self.rng.randint(0, 9999):04d}",
                email=f"contact{i + 1}@{he.lower()}{te.lower()}.co.kr".replace(" ", ""),
                website=None, notes=None, merged_into=None, updated_by=None)
            self.by_rel.setdefault(rel, []).append(cid)
            self.company_names[cid] = name
            self.company_nos[cid] = self.rows[m.Company][-1]["business_no"]
            if rel != "inquirer":
                for k in range(self.rng.randint(1, 2)):
                    self.add(m.Contact, created, company_id=cid, name=self.person(),
                             title=self.rng.choice(["대표", "CTO", "경영지원팀장", "연구소장", "매니저"]),
                             phone=self.mobile(), email=f"staff{k + 1}.{i + 1}@example.co.kr",
                             is_primary=k == 0, notes=None)

    def spaces(self) -> None:
        self.assignable: list[tuple[str, int]] = []
        t0 = self.moment(self.start - timedelta(days=30))
        for f in range(2, 2 + self.s.floors):
            per_row = 8
            for k in range(self.s.offices_per_floor):
                row, col = divmod(k, per_row)
                sid = self.add(m.Space, t0, floor=f, name=f"{f}{k + 1:02d}호", kind="office", parent_id=None,
                               capacity=self.rng.choice([2, 4, 4, 6]), area_m2=self.rng.choice([18.0, 24.0, 33.0]),
                               notes=None, plan_x=col * 6.0, plan_y=0.0 if row == 0 else 18.0, plan_w=6.0,
                               plan_h=6.0)
                self.assignable.append((sid, f))
            room = self.add(m.Space, t0, floor=f, name=f"{f}층 오픈데스크", kind="open_desk", parent_id=None,
                            capacity=self.s.desks_per_floor, area_m2=240.0, notes=None,
                            plan_x=0.0, plan_y=7.0, plan_w=36.0, plan_h=10.0)
            for d in range(self.s.desks_per_floor):
                row, col = divmod(d, 14)
                sid = self.add(m.Space, t0, floor=f, name=f"{f}F-D{d + 1:02d}", kind="desk", parent_id=room,
                               capacity=1, area_m2=4.0, notes=None, plan_x=0.5 + col * 2.5,
                               plan_y=7.5 + row * 2.4, plan_w=2.2, plan_h=1.8)
                self.assignable.append((sid, f))
            self.add(m.Space, t0, floor=f, name=f"{f}층 회의실", kind="meeting", parent_id=None, capacity=10,
                     area_m2=40.0, notes=None, plan_x=38.0, plan_y=7.0, plan_w=9.0, plan_h=10.0)

    def assignments(self) -> None:
        spaces = sorted(self.assignable, key=lambda sf: sf[1] + self.rng.random() * 1.6)
        tenants = list(self.by_rel["tenant"])
        occupied = {sid for sid, _ in spaces[:len(tenants)]}
        alumni, prospects = self.by_rel["alumni"], self.by_rel["prospect"]
        span = (self.today - self.start).days
        for sid, _floor in spaces:
            if sid in occupied:
                company = tenants.pop()
                start = self.today - timedelta(days=self.rng.randint(20, max(40, min(700, span))))
                end = None if self.rng.random() < 0.7 else self.today + timedelta(days=self.rng.randint(5, 365))
                self.add(m.SpaceAssignment, self.moment(start - timedelta(days=7)), space_id=sid,
                         company_id=company, starts_on=start, ends_on=end, status="confirmed", notes=None)
                cursor = start - timedelta(days=self.rng.randint(1, 90))
            else:
                if self.rng.random() < 0.12 and prospects:
                    start = self.today + timedelta(days=self.rng.randint(7, 60))
                    self.add(m.SpaceAssignment, self.moment(self.today - timedelta(days=3)), space_id=sid,
                             company_id=self.rng.choice(prospects), starts_on=start, ends_on=None,
                             status="reserved", notes="입주 예정")
                cursor = self.today - timedelta(days=self.rng.randint(1, 150))
            while cursor > self.start:
                end = cursor
                start = end - timedelta(days=self.rng.randint(120, 720))
                self.add(m.SpaceAssignment, self.moment(start - timedelta(days=7)), space_id=sid,
                         company_id=self.rng.choice(alumni), starts_on=start, ends_on=end, status="ended",
                         notes=None)
                cursor = start - timedelta(days=self.rng.randint(1, 90))
        for cid in self.rng.sample(prospects, min(len(prospects), 3 + self.s.floors)):
            self.add(m.SpaceRequest, self.moment(self.today - timedelta(days=self.rng.randint(3, 60))),
                     company_id=cid, kind=self.rng.choice(["office", "desk", None]),
                     desks=self.rng.randint(1, 4), area_m2=None,
                     wanted_from=self.today + timedelta(days=self.rng.randint(0, 90)), status="waiting",
                     notes="입주 희망")

    def consultations(self, progress: Progress) -> None:
        days = [self.start + timedelta(days=i) for i in range((self.today - self.start).days + 1)]
        days = [d for d in days if is_working_day(d, self.kr)]
        weighted = ([(c, 4) for c in self.by_rel["tenant"]] + [(c, 3) for c in self.by_rel["mou"]]
                    + [(c, 2) for c in self.by_rel["prospect"]] + [(c, 1) for c in self.by_rel["inquirer"]]
                    + [(c, 1) for c in self.by_rel["alumni"]])
        pool, weights = zip(*weighted)
        channels = ["phone", "walk_in", "site_visit", "written", "open_chat", "email"]
        channel_w = [40, 25, 10, 10, 8, 7]
        categories = list(T.TEXTS)
        category_w = [14, 10, 18, 12, 9, 8, 7, 6, 9, 7]
        companies = self.rng.choices(pool, weights, k=self.s.consultations)
        now = datetime.now(timezone.utc)
        for i in range(self.s.consultations):
            day = days[int(len(days) * (i / self.s.consultations) ** 0.9)] if i % 3 else self.rng.choice(days)
            occurred = self.moment(day, self.rng.randint(9, 17), self.rng.randint(0, 59))
            if occurred > now:
                occurred = now - timedelta(minutes=self.rng.randint(5, 120))
            channel = self.rng.choices(channels, channel_w)[0]
            category = self.rng.choices(categories, category_w)[0]
            questions, answers = T.TEXTS[category]
            registered = self.rng.random() < 0.78
            outcome_roll = self.rng.random()
            outcome = "resolved" if outcome_roll < 0.78 else "follow_up" if outcome_roll < 0.9 else "escalated"
            due = day + timedelta(days=self.rng.randint(3, 14)) if outcome != "resolved" else None
            closed_after = timedelta(days=self.rng.randint(1, 20), hours=self.rng.randint(0, 8))
            # Old follow-ups were closed long ago; a few recent ones are still open or overdue.
            still_open = occurred > now - timedelta(days=21) and self.rng.random() < 0.4
            closed = occurred + closed_after if outcome != "resolved" and occurred + closed_after < now \
                and not still_open else None
            staff_role = "operator" if channel == "phone" else "onsite"
            self.add(
                m.Consultation, occurred, occurred_at=occurred, channel=channel,
                company_id=companies[i] if registered else None,
                caller_name=None if registered else self.person(),
                caller_phone=None if registered else self.mobile(),
                caller_org=None if registered else self.rng.choice(T.CALLER_ORGS),
                category=category, question=self.rng.choice(questions),
                answer=self.rng.choice(answers),
                difficulty=self.rng.choice(T.DIFFICULTIES) if registered and self.rng.random() < 0.3 else None,
                suggestion=self.rng.choice(T.SUGGESTIONS) if self.rng.random() < 0.08 else None,
                outcome=outcome,
                escalated_to_id=self.rng.choice(self.staff_ids["senior_consultant"]) if outcome == "escalated" else None,
                escalated_at=occurred if outcome == "escalated" else None,
                due_on=due, closed_at=closed,
                resolution="처리 완료: 안내 및 연계 조치함." if closed else None,
                duration_min=self.rng.randint(5, 20) if channel == "phone" else self.rng.randint(15, 60),
                staff_id=self.rng.choice(self.staff_ids[staff_role]), updated_by=None)
            if i % 20000 == 0:
                progress(0.3 + 0.4 * i / self.s.consultations, "상담 기록 만드는 중")

    def mentors_and_mentoring(self) -> None:
        t0 = self.moment(self.start - timedelta(days=60))
        fields = ["tech"] * 30 + ["business_model"] * 21 + ["management"] * 20 + ["finance"] * 20
        mentors = []
        r2 = self.rng2
        for i, field in enumerate(fields):
            codes = [field]
            if r2.random() < 0.25:
                codes.append(r2.choice([c for c in T.MENTOR_KEYWORDS if c != field]))
            keywords = r2.sample(T.MENTOR_KEYWORDS[field], 3)
            if len(codes) > 1:
                keywords.append(r2.choice(T.MENTOR_KEYWORDS[codes[1]]))
            mentors.append(self.add(
                m.Mentor, t0, name=self.person(), field=field, fields=",".join(codes),
                expertise=", ".join(self.rng.sample(T.MENTOR_EXPERTISE[field], 2)),
                organisation=self.rng.choice(T.MENTOR_ORGS), region=self.rng.choice(T.REGIONS),
                phone=self.mobile(), email=f"mentor{i + 1:03d}@mentors.example.kr",
                keywords=", ".join(keywords), availability=r2.choice(T.AVAILABILITY),
                active=r2.random() < 0.92, notes=None))
        candidates = self.by_rel["tenant"] + self.by_rel["mou"]
        for year in range(self.start.year, self.today.year + 1):
            begin = date(year, 4, 1)
            if begin > self.today or begin < self.start - timedelta(days=200):
                continue
            p_end = date(year, 6, 30)
            pid = self.add2(m.MentoringProgramme, self.moment(begin - timedelta(days=20)),
                            name=f"{year} 상반기 멘토링", starts_on=begin, ends_on=p_end,
                            status="closed" if p_end < self.today - timedelta(days=30) else "active",
                            notes="2~3개월 정기 멘토링 (기업당 10~20시간)")
            for cid in self.rng.sample(candidates, min(len(candidates), self.s.mentorings_per_year)):
                starts = self.day_between(begin, date(year, 4, 30))
                ends = starts + timedelta(days=self.rng.randint(60, 90))
                status = "done" if ends < self.today else "active" if starts <= self.today else "planned"
                mentor = self.rng.choice(mentors)
                topic = self.rng.choice(T.DIFFICULTIES) + " 해결"
                dropped = status == "done" and r2.random() < 0.08
                changed = r2.random() < 0.05
                first_mentor = r2.choice(mentors) if changed else mentor
                change_day = starts + timedelta(days=28)
                mid = self.add(m.Mentoring, self.moment(starts - timedelta(days=10)), company_id=cid,
                               mentor_id=mentor, topic=topic,
                               starts_on=starts, ends_on=ends, status="dropped" if dropped else status,
                               programme_id=pid, hours_allocated=float(r2.choice([10, 12, 15, 20])),
                               end_reason=r2.choice(T.DROP_REASONS) if dropped else None,
                               previous_mentor_id=first_mentor if changed else None,
                               mentor_changed_on=change_day if changed else None,
                               mentor_change_reason="멘토 일정 사정으로 교체" if changed else None)
                held = starts
                last = min(ends, self.today, starts + timedelta(days=30) if dropped else ends)
                while held <= min(ends, self.today):
                    # The main stream draws as it always did: duration, difficulty, id.
                    duration = self.rng.choice([60, 90, 120])
                    difficulty = self.rng.choice(T.DIFFICULTIES)
                    sid = self.id_at(self.moment(held, 14))
                    if held <= last:
                        work = r2.choice(T.SESSION_WORK)
                        online = r2.random() < 0.3
                        self.add(m.MentoringSession, self.moment(held, 14), id=sid, mentoring_id=mid,
                                 held_on=held, duration_min=duration, difficulty=difficulty,
                                 advice="개선 방안을 제시하고 다음 회차 과제를 정함.",
                                 mentor_id=first_mentor if changed and held < change_day else mentor,
                                 start_time=r2.choice(["10:00", "14:00", "15:30", "16:00"]),
                                 mode="online" if online else "offline",
                                 place="Zoom" if online else r2.choice(T.SESSION_PLACES),
                                 topic=work[0], content=work[1], next_step=work[2])
                    held += timedelta(days=14)
        self.autumn_programme(mentors)

    def autumn_programme(self, mentors: list[str]) -> None:
        """The programme running now (from mid-September): pairings with sessions up to
        today, one gone quiet for weeks and one over its hours, so the warnings show."""
        r2 = self.rng2
        begin = date(self.today.year, 9, 15)
        if self.today < begin + timedelta(days=14):
            return
        end = date(self.today.year, 12, 15)
        pid = self.add2(m.MentoringProgramme, self.moment(begin - timedelta(days=20)),
                        name=f"{self.today.year} 하반기 멘토링", starts_on=begin, ends_on=end,
                        status="active" if self.today <= end + timedelta(days=30) else "closed",
                        notes="2~3개월 정기 멘토링")
        active = [row["id"] for row in self.rows[m.Mentor] if row["active"]]
        candidates = self.by_rel["tenant"] + self.by_rel["mou"]
        for k, cid in enumerate(r2.sample(candidates, min(len(candidates), 12))):
            mentor = r2.choice(active)
            allocated = float(r2.choice([10, 12, 15]))
            mid = self.add2(m.Mentoring, self.moment(begin - timedelta(days=7)), company_id=cid,
                            mentor_id=mentor, topic=r2.choice(T.DIFFICULTIES) + " 해결", starts_on=begin,
                            ends_on=end, status="active", programme_id=pid, hours_allocated=allocated,
                            end_reason=None, previous_mentor_id=None, mentor_changed_on=None,
                            mentor_change_reason=None)
            quiet = k in (1, 5)  # no session for the last four weeks
            last = self.today - timedelta(days=28 if quiet else 1)
            held = begin + timedelta(days=r2.randint(0, 6))
            while held <= last:
                work = r2.choice(T.SESSION_WORK)
                online = r2.random() < 0.3
                self.add2(m.MentoringSession, self.moment(held, 14), mentoring_id=mid, held_on=held,
                          duration_min=180 if k == 3 else r2.choice([60, 90, 120]),
                          difficulty=r2.choice(T.DIFFICULTIES), advice="개선 방안을 제시하고 다음 회차 과제를 정함.",
                          mentor_id=mentor, start_time=r2.choice(["10:00", "14:00", "15:30"]),
                          mode="online" if online else "offline",
                          place="Zoom" if online else r2.choice(T.SESSION_PLACES),
                          topic=work[0], content=work[1], next_step=work[2])
                held += timedelta(days=14)

    def events(self) -> None:
        attendees = self.by_rel["tenant"] + self.by_rel["mou"]
        month = date(self.start.year, self.start.month, 1)
        end = (self.today.replace(day=1) + timedelta(days=40)).replace(day=1)
        n = 0
        while month <= end:
            plan = concert_plan(month.year, month.month)
            day = plan.day
            if self.start <= day:
                topic = T.CONCERT_TOPICS[n % len(T.CONCERT_TOPICS)]
                eid = self.add(m.Event, self.moment(day - timedelta(days=20)), kind="concert",
                               title=f"{month.month}월 지식콘서트: {topic}",
                               held_on=day, venue="AI창업캠프 1층 세미나실",
                               description=f"정기일({plan.regular:%m월 %d일}) {plan.reason_in('ko')}로 옮김" if plan.moved else None,
                               speaker=f"{self.person()} {self.rng.choice(T.SPEAKER_TITLES)}", theme=topic,
                               starts_at="16:00", moved_from=plan.regular if plan.moved else None)
                n += 1
                invited = self.rng.sample(attendees, min(len(attendees), self.rng.randint(15, 40)))
                for cid in invited:
                    registered = self.rng.random() < 0.8
                    came = day <= self.today and (not registered or self.rng.random() < 0.85)
                    if not registered and not came:
                        continue
                    self.add(m.EventAttendance, self.moment(day - timedelta(days=7), 10),
                             id=natural_id(eid, cid), event_id=eid, company_id=cid,
                             person_name=self.person(), organisation=None,
                             attendees=self.rng.randint(1, 3), phone=self.mobile(), registered=registered,
                             registered_on=min(self.today, day - timedelta(days=self.rng.randint(3, 14))) if registered else None,
                             attended=came)
                council_day = nth_weekday(month.year, month.month, 1, 2)
                cid_ = self.add(m.Event, self.moment(council_day - timedelta(days=7)), kind="council",
                                title=f"{month.year}년 {month.month}월 유관기관 월례회의", held_on=council_day,
                                venue="AI창업캠프 회의실", description="지원사업 중복 조정",
                                speaker=None, theme="유관기관 지원사업 중복 조정", starts_at="15:00", moved_from=None)
                if council_day <= self.today:
                    for name, _en, _focus, _short in T.AGENCIES:
                        self.add(m.EventAttendance, self.moment(council_day, 15), id=natural_id(cid_, name),
                                 event_id=cid_, company_id=None, person_name=self.person(), organisation=name,
                                 attendees=1, phone=None, registered=False, registered_on=None, attended=True)
            month = (month + timedelta(days=32)).replace(day=1)

    def agencies_and_support(self) -> None:
        t0 = self.moment(self.start - timedelta(days=90))
        programmes = []
        kinds: dict[str, str] = {}
        agency_of: dict[str, str] = {}
        self.agency_ids: list[str] = []
        for name, en, focus, short in T.AGENCIES:
            aid = self.add(m.Agency, t0, name=name, name_en=en, focus=focus, short_name=short)
            self.agency_ids.append(aid)
            for year in range(max(self.start.year, self.today.year - 2), self.today.year + 1):
                for prog, kind in self.rng.sample(T.PROGRAMMES_KINDS, 2):
                    pid = self.add(m.Programme, t0, agency_id=aid, name=f"{year} {prog}", year=year,
                                   description=f"{name} {focus} 지원", kind=kind)
                    programmes.append(pid)
                    kinds[pid], agency_of[pid] = kind, aid

        def support(cid: str | None, pid: str, starts: date, as_written: str | None = None,
                    no: str | None = None) -> None:
            ends = starts + timedelta(days=self.rng.choice([90, 180, 240, 300]))
            self.add(m.ProgrammeSupport, self.moment(starts), company_id=cid, programme_id=pid,
                     granted_on=starts, amount_krw=self.rng.choice([5, 10, 20, 30, 50, 100]) * 1_000_000,
                     notes=None, kind=kinds[pid], starts_on=starts, ends_on=ends, business_no=no,
                     company_name=as_written)

        receivers = self.by_rel["tenant"] + self.by_rel["mou"]
        for cid in receivers:
            for _n in range(self.rng.randint(0, 2)):
                support(cid, self.rng.choice(programmes), self.day_between(self.start, self.today))
        # A few companies funded twice for the same thing by two agencies: what the council
        # meeting is for. Some of these come from an agency's list that names the company
        # its own way, without a business number.
        funding = [p for p in programmes if kinds[p] == "funding"]
        for cid in self.rng.sample(receivers, min(len(receivers), 6)):
            first = self.rng.choice(funding)
            others = [p for p in funding if agency_of[p] != agency_of[first]]
            if not others:
                continue
            starts = self.day_between(self.start, self.today - timedelta(days=30))
            support(cid, first, starts)
            written = self.company_names[cid]
            written = (written.replace("주식회사 ", "(주)") if written.startswith("주식회사")
                       else written.replace("(주)", " 주식회사"))
            support(None, self.rng.choice(others), starts + timedelta(days=self.rng.randint(10, 60)),
                    as_written=written, no=None)
        year_q = {}
        for year in range(self.start.year, self.today.year + 1):
            sent = date(year, 3, 15)
            if self.start - timedelta(days=90) <= sent <= self.today:
                year_q[year] = self.add(m.Questionnaire, self.moment(sent), title=f"{year}년 AI 기업 기술수요 조사",
                                        sent_on=sent)
        for year, qid in year_q.items():
            for cid in self.rng.sample(self.by_rel["mou"], int(len(self.by_rel["mou"]) * 0.6)):
                received = date(year, 3, 15) + timedelta(days=self.rng.randint(5, 40))
                if received > self.today:
                    continue
                self.add(m.QuestionnaireResponse, self.moment(received), questionnaire_id=qid, company_id=cid,
                         received_on=received, company_status="정상 운영, 매출 발생 단계",
                         proposed_technology=self.rng.choice(["영상 분석 기반 품질 검사", "의료 영상 판독 보조",
                                                              "자율주행 데이터 가공", "에너지 수요 예측", "대화형 상담봇"]),
                         business_plan="광주 지역 실증을 거쳐 사업화 추진",
                         difficulties=self.rng.choice(T.DIFFICULTIES), suggestions=self.rng.choice(T.SUGGESTIONS),
                         needs_visit=self.rng.random() < 0.2)
                row = self.rows[m.QuestionnaireResponse][-1]
                row["tech_themes"] = ",".join(tech_themes(row["proposed_technology"])) or None
                row["consultation_id"] = None

    def jobs_and_calls(self) -> None:
        seekers = []
        r2 = self.rng2
        created_on: dict[str, date] = {}
        for _n in range(self.s.job_seekers):
            day = self.day_between(self.start, self.today)
            created = self.moment(day)
            sid = self.add(m.JobSeeker, created, name=self.person(), phone=self.mobile(), email=None,
                           skills=self.rng.choice(T.SKILLS), desired_role=self.rng.choice(T.ROLES),
                           notes=None, status="seeking", consent=r2.random() < 0.6, consent_on=None)
            seekers.append(sid)
            created_on[sid] = day
        by_id = {row["id"]: row for row in self.rows[m.JobSeeker]}
        hiring = self.by_rel["tenant"] + self.by_rel["mou"]
        openings: dict[tuple[str, str], str] = {}
        for seeker in self.rng.sample(seekers, int(len(seekers) * 0.6)):
            matched = self.day_between(self.start, self.today)
            company, role = self.rng.choice(hiring), self.rng.choice(T.ROLES)
            status = self.rng.choice(["proposed", "interview", "hired", "hired", "declined"])
            row = by_id[seeker]
            row["consent"] = True  # nobody is introduced to a company without consent
            row["consent_on"] = min(created_on[seeker], matched)
            if status == "hired":
                row["status"] = "hired"
            oid = openings.get((company, role))
            if oid is None:
                posted = matched - timedelta(days=r2.randint(5, 30))
                oid = openings[(company, role)] = self.add2(
                    m.JobOpening, self.moment(posted), company_id=company, role=role,
                    skills=T.ROLE_SKILLS.get(role), headcount=r2.choice([1, 1, 1, 2, 3]),
                    deadline=posted + timedelta(days=30),
                    status="open" if posted + timedelta(days=30) >= self.today else "closed", notes=None)
            interview = matched + timedelta(days=r2.randint(3, 14)) if status in ("interview", "hired") else None
            decided = (interview or matched) + timedelta(days=r2.randint(3, 10)) \
                if status in ("hired", "declined") else None
            self.add(m.JobMatch, self.moment(matched), company_id=company, job_seeker_id=seeker,
                     position=role, matched_on=matched, status=status, opening_id=oid,
                     interview_on=min(interview, self.today) if interview else None,
                     decided_on=min(decided, self.today) if decided else None, notes=None)
        for row in self.rows[m.JobSeeker]:
            if row["consent"] and row["consent_on"] is None:
                row["consent_on"] = created_on[row["id"]]
        n_calls = 24 * self.s.years
        onsite = self.staff_ids["onsite"]
        for k in range(n_calls):
            announced = self.day_between(self.start, self.today)
            agency = self.rng.choice(self.agency_ids) if self.rng.random() < 0.5 else None
            fields = self.rng.sample(AI_FIELDS.codes, self.rng.randint(1, 3)) if self.rng.random() < 0.7 else []
            call = self.add(
                m.PublicCall, self.moment(announced),
                title=f"{announced.year}년 {self.rng.choice(T.PROGRAMMES)} 공모 ({k + 1}차)",
                organiser=None if agency else self.rng.choice(["과학기술정보통신부", "중소벤처기업부", "정보통신산업진흥원",
                                                               "광주광역시", "창업진흥원"]),
                announced_on=announced, deadline=announced + timedelta(days=self.rng.randint(14, 30)),
                url=f"https://www.example.go.kr/notice/{k + 1}", shared_on=announced + timedelta(days=1), notes=None,
                agency_id=agency, fields=",".join(fields) or None,
                eligible_relationships=self.rng.choice([None, "tenant,mou", "tenant"]),
                eligible_stages=self.rng.choice([None, "early", "early,growth"]),
                eligible_location=self.rng.choice([None, "gwangju", "head_office"]))
            if k >= n_calls - 2:  # the dashboard's week: two deadlines coming up
                announced = self.today - timedelta(days=10 + k % 3)
                row = self.rows[m.PublicCall][-1]
                row.update(announced_on=announced, deadline=self.today + timedelta(days=2 + 3 * (k % 2)),
                           shared_on=announced + timedelta(days=1),
                           title=f"{self.today.year}년 AI 바우처 지원사업 공모 ({k + 1}차)")
            for cid in self.rng.sample(hiring, min(len(hiring), self.rng.randint(0, 6))):
                told = announced + timedelta(days=self.rng.randint(1, 5))
                if told > self.today:
                    continue
                self.add(m.PublicCallNotice, self.moment(told, 10), call_id=call, company_id=cid,
                         channel=self.rng.choice(["open_chat", "open_chat", "phone", "email"]),
                         told_at=self.moment(told, 10), staff_id=self.rng.choice(onsite), notes=None)


# Insert order: parents before children (foreign keys are on).
_ORDER = [m.Staff, m.Company, m.Contact, m.Space, m.SpaceAssignment, m.SpaceRequest, m.Consultation,
          m.Mentor, m.MentoringProgramme, m.Mentoring, m.MentoringSession, m.Event, m.EventAttendance,
          m.Agency, m.Programme, m.ProgrammeSupport, m.Questionnaire, m.QuestionnaireResponse,
          m.JobSeeker, m.JobOpening, m.JobMatch, m.PublicCall, m.PublicCallNotice]


def generate(ctx: Context, scale: str = "small", seed: int = 1, progress: Progress | None = None,
             today: date | None = None) -> dict[str, int]:
    """Fill an empty local database; returns the number of rows made per table."""
    if scale not in SCALES:
        raise UserError(_("규모는 small 또는 large입니다 (입력: {scale}).").format(scale=scale))
    if not is_empty(ctx):
        raise UserError(_("이미 데이터가 있어 예시 데이터를 넣지 않았습니다. "
                          "빈 데이터 폴더(--home)에서 실행해 주세요."))
    progress = progress or (lambda fraction, message: None)
    b = _Builder(SCALES[scale], seed, today or today_seoul())
    progress(0.0, "직원과 기업 만드는 중")
    b.staff()
    b.companies()
    b.spaces()
    b.assignments()
    b.consultations(progress)
    b.mentors_and_mentoring()
    b.events()
    b.agencies_and_support()
    b.jobs_and_calls()
    with ctx.db.transaction() as s:
        conn = s.connection()
        # One set-wise enqueue for sync at the end is far cheaper than a trigger per row.
        with capture.applying(conn):
            _insert_all(conn, b, progress)
        capture.enqueue_existing(conn)
    progress(1.0, "완료")
    return {model.__tablename__: len(b.rows.get(model, [])) for model in _ORDER}


def _insert_all(conn, b: _Builder, progress: Progress) -> None:
    for i, model in enumerate(_ORDER):
        rows = b.rows.get(model, [])
        progress(0.7 + 0.3 * i / len(_ORDER), f"{model.__tablename__} 저장 중")
        for chunk in range(0, len(rows), 20000):
            conn.execute(insert(model.__table__), rows[chunk:chunk + 20000])
