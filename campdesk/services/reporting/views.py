"""The plain data a report is laid out from: no ORM objects, no reportlab."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from campdesk.services.consultations import ConsultationView
from campdesk.services.period import Month
from campdesk.services.reporting.units import CASES


@dataclass(frozen=True)
class ReportMeta:
    """Who made the document, when, for which camp: printed in every header and footer."""

    camp_name: str
    made_by: str
    made_at: datetime  # aware; shown in Asia/Seoul


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str | None
    phone: str | None
    email: str | None
    is_primary: bool


@dataclass(frozen=True)
class CompanyProfile:
    id: str
    name: str
    fields: list[tuple[str, object]]  # (field name in COMPANY_FIELDS, shown value), in form order
    contacts: list[ContactLine] = field(default_factory=list)

    def value(self, name: str):
        return next((v for k, v in self.fields if k == name), "")


@dataclass(frozen=True)
class SpaceLine:
    space: str        # "301호" or "301호 · 301-D04"
    floor: int
    kind: str         # SPACE_KIND code
    starts_on: date
    ends_on: date | None
    status: str       # ASSIGNMENT_STATUS code
    area_m2: float | None
    capacity: int | None


@dataclass(frozen=True)
class SessionLine:
    held_on: date
    duration_min: int | None
    difficulty: str | None
    advice: str | None


@dataclass(frozen=True)
class MentoringLine:
    mentor: str
    mentor_field: str  # MENTOR_FIELD code
    topic: str | None
    starts_on: date | None
    ends_on: date | None
    status: str        # MENTORING_STATUS code
    sessions: list[SessionLine] = field(default_factory=list)


@dataclass(frozen=True)
class EventLine:
    held_on: date
    kind: str          # EVENT_KIND code
    title: str
    venue: str | None
    attendees: int


@dataclass(frozen=True)
class SupportLine:
    granted_on: date | None
    programme: str
    agency: str | None
    amount_krw: int | None
    notes: str | None


@dataclass(frozen=True)
class JobMatchLine:
    matched_on: date | None
    position: str | None
    seeker: str
    status: str        # MATCH_STATUS code


@dataclass(frozen=True)
class ConsultationSummary:
    """One consultation, for the one-page summary handed to the company."""

    consultation: ConsultationView
    company: CompanyProfile | None


@dataclass(frozen=True)
class CompanyRecord:
    """A company's whole file: profile and every entry on it, oldest first."""

    profile: CompanyProfile
    consultations: list[ConsultationView]
    spaces: list[SpaceLine]
    mentorings: list[MentoringLine]
    events: list[EventLine]
    supports: list[SupportLine]
    job_matches: list[JobMatchLine]

    @property
    def open_items(self) -> list[ConsultationView]:
        return [c for c in self.consultations if c.is_open]


@dataclass(frozen=True)
class DifficultyLine:
    """A difficulty a company raised, and where it stands."""

    raised_on: date
    source: str        # "consultation" or "mentoring"
    text: str
    status: str        # "resolved", "open", "escalated", "closed", "advised"
    closed_on: date | None
    resolution: str | None


@dataclass(frozen=True)
class TenantMonth:
    month: Month
    profile: CompanyProfile
    spaces: list[SpaceLine]
    consultations: list[ConsultationView]
    difficulties: list[DifficultyLine]
    mentorings: list[MentoringLine]   # sessions: only this month's
    events: list[EventLine]
    supports: list[SupportLine]       # granted this month
    supports_year_krw: int            # granted from January to the end of this month
    job_matches: list[JobMatchLine]
    was_tenant: bool = True           # held a space at some point in the month


# --- the camp report -------------------------------------------------------------------

@dataclass(frozen=True)
class ConsultationCounts:
    month: Month
    total: int
    by_channel: dict[str, int]
    by_category: dict[str, int]
    by_outcome: dict[str, int]


@dataclass(frozen=True)
class EscalationLine:
    escalated_on: date
    who: str
    category: str
    consultant: str | None
    due_on: date | None
    closed_on: date | None
    days: float | None  # escalation to close, None while open


@dataclass(frozen=True)
class EscalationSummary:
    lines: list[EscalationLine]
    open_at_month_end: int  # every escalation still open at the end of the month, any age

    @property
    def count(self) -> int:
        return len(self.lines)

    @property
    def closed(self) -> list[float]:
        return sorted(x.days for x in self.lines if x.days is not None)

    @property
    def mean_days(self) -> float | None:
        return sum(self.closed) / len(self.closed) if self.closed else None

    @property
    def median_days(self) -> float | None:
        days = self.closed
        if not days:
            return None
        mid = len(days) // 2
        return days[mid] if len(days) % 2 else (days[mid - 1] + days[mid]) / 2

    @property
    def max_days(self) -> float | None:
        return self.closed[-1] if self.closed else None


@dataclass(frozen=True)
class TenantMove:
    company: str
    on: date
    space: str


@dataclass(frozen=True)
class FloorOccupancy:
    floor: int
    desks: int
    desks_taken: int
    area_m2: float
    area_taken_m2: float
    companies: int


@dataclass(frozen=True)
class Occupancy:
    as_of: date
    floors: list[FloorOccupancy]
    companies: int

    @property
    def desks(self) -> int:
        return sum(f.desks for f in self.floors)

    @property
    def desks_taken(self) -> int:
        return sum(f.desks_taken for f in self.floors)

    @property
    def area_m2(self) -> float:
        return sum(f.area_m2 for f in self.floors)

    @property
    def area_taken_m2(self) -> float:
        return sum(f.area_taken_m2 for f in self.floors)

    @property
    def desk_rate(self) -> float | None:
        return self.desks_taken / self.desks if self.desks else None

    @property
    def area_rate(self) -> float | None:
        return self.area_taken_m2 / self.area_m2 if self.area_m2 else None


@dataclass(frozen=True)
class DormantCompany:
    name: str
    last_contact: date | None


@dataclass(frozen=True)
class MouActivity:
    since: date        # the window's first day (three months up to the month's end)
    total: int
    active: int
    dormant: list[DormantCompany]


@dataclass(frozen=True)
class ConcertLine:
    held_on: date
    title: str
    venue: str | None
    companies: int
    attendees: int


@dataclass(frozen=True)
class TermCount:
    term: str
    count: int  # consultations that mention it


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    this: float | None
    previous: float | None
    year_before: float | None
    unit: str = CASES


@dataclass(frozen=True)
class RecordSpan:
    """The days the records cover: the first consultation on record to today."""

    first: date | None
    today: date

    def covers(self, month: Month, last: date | None = None) -> bool:
        """Whether the month (or its days up to ``last``) has data: not wholly before the
        first record, not in the future."""
        last = last or month.last
        return self.first is not None and last >= self.first and month.first <= self.today


@dataclass(frozen=True)
class CampMonth:
    month: Month
    counts: ConsultationCounts
    counts_previous: ConsultationCounts
    counts_year_before: ConsultationCounts
    trend: list[tuple[Month, int]]       # consultations a month, the last 13 months
    escalations: EscalationSummary
    new_tenants: list[TenantMove]
    leaving_tenants: list[TenantMove]
    occupancy: Occupancy
    mou: MouActivity
    concerts: list[ConcertLine]
    concert_trend: list[tuple[Month, int]]  # attendees a month, the last 12 months
    difficulty_terms: list[TermCount]
    difficulties_raised: int
    comparison: list[ComparisonRow]
    as_of: date | None = None           # a running month: the day its figures run to
    compared_to: tuple[date, date] | None = None  # last days counted: month before, year before
    span: RecordSpan | None = None
    # desks and area let on average over the month (a running month: its days so far), the
    # figure the 입주공간 tab charts; ``occupancy`` is the snapshot on its last day
    occupancy_average: Occupancy | None = None

    @property
    def has_data(self) -> bool:
        return self.span is None or self.span.covers(self.month)

    @property
    def year_before_has_data(self) -> bool:
        last = self.compared_to[1] if self.compared_to else None
        return self.span is None or self.span.covers(self.month.year_before(), last)

    @property
    def previous_has_data(self) -> bool:
        last = self.compared_to[0] if self.compared_to else None
        return self.span is None or self.span.covers(self.month.previous(), last)
