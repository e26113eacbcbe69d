"""Use cases of the consultation log: log, edit, escalate, resolve, follow-ups, history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select

from campdesk.domain.choices import CATEGORY, CHANNEL, OPEN_OUTCOMES, OUTCOME
from campdesk.domain.dates import parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import parse_phone
from campdesk.i18n import _
from campdesk.services.consultation_view import ConsultationView
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound
from campdesk.services.fields import clean_input, clean_text, with_limits
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes, history
from campdesk.store.base import utcnow
from campdesk.store.models import Company, Consultation, Staff

FIELDS = ("occurred_at", "channel", "company_id", "caller_name", "caller_phone", "caller_org",
          "category", "question", "answer", "difficulty", "suggestion", "outcome",
          "escalated_to_id", "due_on", "duration_min", "staff_id")


@dataclass(frozen=True)
class HistoryEntry:
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by: str | None


def _check(values: dict[str, Any], creating: bool) -> list[ValidationError]:
    """Clean and check ``values`` in place; every problem, the hub's limits included."""
    values.update(clean_input(values))
    errors = []
    for field, vocab in (("channel", CHANNEL), ("category", CATEGORY), ("outcome", OUTCOME)):
        if field in values and values[field] is not None:
            choice = vocab.parse(values[field])
            if choice is None:
                errors.append(ValidationError(
                    field, _("알 수 없는 값입니다: {value}").format(value=values[field])))
            else:
                values[field] = choice.code
    if creating and not values.get("channel"):
        errors.append(ValidationError("channel", _("상담 경로를 선택해 주세요.")))
    if creating or "question" in values:
        if not (values.get("question") or "").strip():
            errors.append(ValidationError("question", _("상담 내용을 입력해 주세요.")))
    if creating and not values.get("company_id") and not (values.get("caller_name") or "").strip():
        errors.append(ValidationError("company_id", _("기업을 고르거나 미등록 문의자 이름을 입력해 주세요.")))
    if "caller_phone" in values:
        try:
            values["caller_phone"] = parse_phone(values["caller_phone"], "caller_phone")
        except ValidationError as exc:
            errors.append(exc)
    if "due_on" in values:
        try:
            values["due_on"] = parse_date(values["due_on"], "due_on")
        except ValidationError as exc:
            errors.append(exc)
    outcome = values.get("outcome")
    if outcome == "escalated" and creating and not values.get("escalated_to_id"):
        errors.append(ValidationError("escalated_to_id", _("이관할 책임상담사를 선택해 주세요.")))
    if values.get("duration_min") not in (None, ""):
        try:
            values["duration_min"] = int(values["duration_min"])
            if values["duration_min"] < 0:
                raise ValueError
        except (TypeError, ValueError):
            errors.append(ValidationError("duration_min", _("상담 시간은 0 이상의 분 단위 숫자로 입력해 주세요.")))
    elif "duration_min" in values:
        values["duration_min"] = None
    return with_limits("consultations", values, errors)


def log_consultation(ctx: Context, raw: dict[str, Any]) -> str:
    """Record a consultation. Required: channel, question, and a company or a caller name."""
    values = {k: v for k, v in raw.items() if k in FIELDS}
    values.setdefault("occurred_at", utcnow())
    values.setdefault("category", "other")
    values.setdefault("outcome", "resolved")
    values.setdefault("staff_id", ctx.staff_id)
    errors = _check(values, creating=True)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        if values.get("company_id"):
            get_or_raise(s, Company, values["company_id"])
        c = Consultation(**values, updated_by=ctx.staff_id)
        if c.outcome == "escalated":
            c.escalated_at = values["occurred_at"]
        s.add(c)
        s.flush()
        return c.id


def undo_log(ctx: Context, consultation_id: str) -> None:
    """Take back a consultation just logged ("실행 취소" after saving): it is deleted, and the
    deletion is sent to the other PCs like any change."""
    with ctx.db.transaction() as s:
        s.delete(_get(s, consultation_id))


def _get(s, consultation_id: str) -> Consultation:
    return get_or_raise(s, Consultation, consultation_id)


def update_consultation(ctx: Context, consultation_id: str, raw: dict[str, Any]) -> list[str]:
    values = {k: v for k, v in raw.items() if k in FIELDS}
    errors = _check(values, creating=False)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        return apply_changes(s, _get(s, consultation_id), values, ctx.staff_id)


def escalate(ctx: Context, consultation_id: str, consultant_id: str, due_on: date | None) -> None:
    """Pass a consultation to a senior consultant; it stays open until resolved."""
    with ctx.db.transaction() as s:
        get_or_raise(s, Staff, consultant_id)
        apply_changes(s, _get(s, consultation_id), {
            "outcome": "escalated", "escalated_to_id": consultant_id, "escalated_at": utcnow(),
            "due_on": due_on, "closed_at": None}, ctx.staff_id)


def set_follow_up(ctx: Context, consultation_id: str, due_on: date | None) -> None:
    with ctx.db.transaction() as s:
        apply_changes(s, _get(s, consultation_id),
                      {"outcome": "follow_up", "due_on": due_on, "closed_at": None}, ctx.staff_id)


def resolve(ctx: Context, consultation_id: str, resolution: str) -> None:
    """Close a follow-up or escalation with a note of how it was resolved."""
    resolution = clean_text(resolution or "")
    if not resolution.strip():
        raise FormErrors([ValidationError("resolution", _("처리 결과를 입력해 주세요."))])
    with ctx.db.transaction() as s:
        apply_changes(s, _get(s, consultation_id),
                      {"closed_at": utcnow(), "resolution": resolution.strip()}, ctx.staff_id)


def view_query():
    """A select of every ConsultationView column; callers add their where/order clauses."""
    company = select(Company.name).where(Company.id == Consultation.company_id) \
        .correlate(Consultation).scalar_subquery()
    escalated = select(Staff.name).where(Staff.id == Consultation.escalated_to_id) \
        .correlate(Consultation).scalar_subquery()
    staff = select(Staff.name).where(Staff.id == Consultation.staff_id) \
        .correlate(Consultation).scalar_subquery()
    c = Consultation
    return select(c.id, c.occurred_at, c.channel, c.company_id, company, c.caller_name,
                  c.caller_phone, c.caller_org, c.category, c.question, c.answer, c.difficulty,
                  c.suggestion, c.outcome, c.escalated_to_id, escalated, c.escalated_at,
                  c.due_on, c.closed_at, c.resolution, c.duration_min, c.staff_id, staff)


def views(ctx: Context, stmt) -> list[ConsultationView]:
    """Run a ``view_query()`` statement and return plain views."""
    with ctx.db.reading() as s:
        return [ConsultationView(*r) for r in s.execute(stmt)]


def get_consultation(ctx: Context, consultation_id: str) -> ConsultationView:
    rows = views(ctx, view_query().where(Consultation.id == consultation_id))
    if not rows:
        raise NotFound(_("상담 기록을 찾을 수 없습니다."))
    return rows[0]


def company_timeline(ctx: Context, company_id: str) -> list[ConsultationView]:
    """Every consultation of a company, newest first."""
    return views(ctx, view_query().where(Consultation.company_id == company_id,
                                           Consultation.archived.is_(False))
                  .order_by(Consultation.occurred_at.desc()))


def recent(ctx: Context, since: datetime, limit: int = 500) -> list[ConsultationView]:
    return views(ctx, view_query().where(Consultation.occurred_at >= since,
                                           Consultation.archived.is_(False))
                  .order_by(Consultation.occurred_at.desc()).limit(limit))


def list_follow_ups(ctx: Context, mine: str | None = None) -> list[ConsultationView]:
    """Open follow-ups and escalations, soonest due first (no due date last).

    ``mine`` is a staff id: the items that person logged or that were escalated to them.
    """
    stmt = view_query().where(Consultation.outcome.in_(OPEN_OUTCOMES),
                               Consultation.closed_at.is_(None),
                               Consultation.archived.is_(False))
    if mine:
        stmt = stmt.where((Consultation.staff_id == mine) | (Consultation.escalated_to_id == mine))
    stmt = stmt.order_by(Consultation.due_on.is_(None), Consultation.due_on,
                         Consultation.occurred_at)
    return views(ctx, stmt)


def count_due(ctx: Context, today: date | None = None) -> tuple[int, int]:
    """(due today, overdue) among open follow-ups: what the app says at start."""
    today = today or today_seoul()
    base = select(func.count()).where(Consultation.outcome.in_(OPEN_OUTCOMES),
                                      Consultation.closed_at.is_(None),
                                      Consultation.archived.is_(False))
    with ctx.db.reading() as s:
        due = s.scalar(base.where(Consultation.due_on == today))
        overdue = s.scalar(base.where(Consultation.due_on < today))
    return due, overdue


def link_to_company(ctx: Context, consultation_id: str, company_id: str) -> None:
    """An unregistered caller turned out to be (or became) a registered company."""
    with ctx.db.transaction() as s:
        get_or_raise(s, Company, company_id)
        apply_changes(s, _get(s, consultation_id), {"company_id": company_id}, ctx.staff_id)


def edit_history(ctx: Context, consultation_id: str) -> list[HistoryEntry]:
    with ctx.db.reading() as s:
        return [HistoryEntry(e.field, e.old_value, e.new_value, e.changed_at, e.changed_by)
                for e in history(s, "consultations", consultation_id)]


# --- The consultation log as a model over ids (added for the desktop UI) -------------------

LOG_ORDER = {
    "occurred_at": Consultation.occurred_at,
    "channel": Consultation.channel,
    "category": Consultation.category,
    "outcome": Consultation.outcome,
    "due_on": Consultation.due_on,
    "duration_min": Consultation.duration_min,
}


def log_ids(ctx: Context, query: str = "", since: datetime | None = None,
            until: datetime | None = None, channel: str | None = None,
            order: str = "occurred_at", descending: bool = True) -> list[str]:
    """Ids of the log, filtered and sorted in the database; rows are fetched when shown.

    ``query`` matches the question, the answer, the company's name and the caller (a plain
    substring: ``instr`` answers short Korean words correctly, unlike a trigram index).
    """
    c = Consultation
    stmt = select(c.id).where(c.archived.is_(False))
    if since is not None:
        stmt = stmt.where(c.occurred_at >= since)
    if until is not None:
        stmt = stmt.where(c.occurred_at < until)
    if channel:
        stmt = stmt.where(c.channel == channel)
    text = (query or "").strip()
    if text:
        names = select(Company.id).where(func.instr(Company.name, text) > 0)
        found = [func.instr(func.coalesce(col, ""), text) > 0
                 for col in (c.question, c.answer, c.caller_name, c.caller_org)]
        stmt = stmt.where(or_(*found, c.company_id.in_(names)))
    column = LOG_ORDER.get(order, c.occurred_at)
    stmt = stmt.order_by(column.desc() if descending else column.asc(),
                         c.occurred_at.desc(), c.id)
    with ctx.db.reading() as s:
        return list(s.scalars(stmt))


def get_views(ctx: Context, ids: list[str]) -> list[ConsultationView]:
    """The rows for these ids, in the order given (missing ids are left out)."""
    if not ids:
        return []
    by_id = {v.id: v for v in views(ctx, view_query().where(Consultation.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def staff_names(ctx: Context) -> dict[str, str]:
    """Every staff id with its name, archived people included (for edit histories)."""
    with ctx.db.reading() as s:
        return dict(s.execute(select(Staff.id, Staff.name)).all())
