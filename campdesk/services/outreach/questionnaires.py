"""Written questionnaires (서면 설문) for the MOU companies not in face-to-face consulting,
and what their answers lead to: each answer is a written consultation of its company (the
difficulty text kept), and a wish for another visit an open follow-up "2차 방문" with a due
date, assigned to the on-site staff member with the fewest open follow-ups."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import holidays
from sqlalchemy import func, select

from campdesk.domain.choices import AI_FIELDS, OPEN_OUTCOMES
from campdesk.domain.dates import SEOUL, parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.events import is_working_day
from campdesk.domain.ids import natural_id
from campdesk.domain.outreach import parse_yes_no, tech_themes
from campdesk.i18n import N_, _, in_language
from campdesk.services.context import Context
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.outreach.common import raise_if
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import (
    Company, Consultation, Contact, Questionnaire, QuestionnaireResponse, Staff,
)

# The questions of the form, in order: (field, question (marked; translate where shown with
# _()), a short English name of the field).
QUESTIONS = [
    ("company_status", N_("1. 기업 현황 (매출·인력·주요 제품 등 최근 변화)"), "Company status"),
    ("difficulties", N_("2. 현재 겪고 있는 애로사항"), "Difficulties"),
    ("proposed_technology", N_("3. 필요한 기술·기술 수요 (분야를 골라 주시고 내용을 적어 주세요)"),
     "Technology demand"),
    ("business_plan", N_("4. 향후 사업 계획"), "Business plan"),
    ("needs_visit", N_("5. 담당자의 2차 방문 상담을 희망하십니까?"), "Another visit wanted?"),
    ("suggestions", N_("6. AI창업캠프에 바라는 점·건의사항"), "Suggestions"),
]
ANSWER_FIELDS = ("company_status", "difficulties", "proposed_technology", "tech_themes",
                 "business_plan", "needs_visit", "suggestions")
# Starts the stored question of a follow-up visit (reports count them by it).
VISIT_WHAT = "2차 방문"  # i18n: data
VISIT_DUE_DAYS = 14     # a second visit is due two weeks after the answer came back
FACE_TO_FACE_DAYS = 180  # a walk-in or site visit this recent: the company is consulted in person


@dataclass(frozen=True)
class ResponseRow:
    id: str
    questionnaire: str
    company_id: str
    company: str
    received_on: date | None
    difficulties: str | None
    proposed_technology: str | None
    tech_themes: str | None
    needs_visit: bool
    consultation_id: str | None


@dataclass(frozen=True)
class FormCompany:
    """A company's details printed at the top of its form."""

    id: str
    name: str
    business_no: str | None
    representative: str | None
    address: str | None
    phone: str | None
    contact: str | None
    ai_fields: str
    email: str | None = None


def default_title(today: date | None = None) -> str:
    """The year's questionnaire (stored: Korean whatever the language of the window)."""
    return in_language("ko", N_("{year}년 MOU 기업 서면 설문")).format(year=(today or today_seoul()).year)


def ensure_questionnaire(ctx: Context, title: str | None = None, sent_on: date | None = None) -> str:
    """The questionnaire of that title; its id comes from the title (one row on every PC)."""
    with ctx.db.transaction() as s:
        return questionnaire_in(s, ctx, title, sent_on)


def questionnaire_in(s, ctx: Context, title: str | None = None, sent_on: date | None = None) -> str:
    """:func:`ensure_questionnaire` inside the caller's transaction."""
    title = (title or default_title()).strip()
    qid = natural_id("questionnaire", title)
    existing = s.scalar(select(Questionnaire.id).where(Questionnaire.title == title).limit(1))
    if existing:
        return existing
    if s.get(Questionnaire, qid) is None:
        s.add(Questionnaire(id=qid, title=title, sent_on=sent_on or today_seoul(),
                            updated_by=ctx.staff_id))
        s.flush()
    return qid


def _due(received: date) -> date:
    kr = holidays.KR(years=[received.year, received.year + 1])
    day = received + timedelta(days=VISIT_DUE_DAYS)
    while not is_working_day(day, kr):
        day += timedelta(days=1)
    return day


def _assignee(s, fallback: str | None) -> str | None:
    """The on-site staff member with the fewest open follow-ups (first by name on a tie)."""
    people = s.execute(select(Staff.id, Staff.name).where(Staff.role == "onsite",
                                                         Staff.archived.is_(False))).all()
    if not people:
        return fallback
    load = dict(s.execute(select(Consultation.staff_id, func.count())
                          .where(Consultation.outcome.in_(OPEN_OUTCOMES),
                                 Consultation.closed_at.is_(None),
                                 Consultation.archived.is_(False))
                          .group_by(Consultation.staff_id)).all())
    return min(people, key=lambda p: (load.get(p[0], 0), p[1]))[0]


def clean_answer(raw: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    values = clean_input({k: v for k, v in raw.items() if k in (*ANSWER_FIELDS, "received_on")})
    errors: list[ValidationError] = []
    try:
        values["received_on"] = parse_date(values.get("received_on"), "received_on")
    except ValidationError as exc:
        errors.append(exc)
        values["received_on"] = None
    try:
        values["needs_visit"] = bool(parse_yes_no(values.get("needs_visit")))
    except ValueError:
        errors.append(ValidationError("needs_visit", _("예/아니오(O/X, Y/N, ✓)로 적어 주세요 (입력: {value}).")
                                      .format(value=values.get("needs_visit"))))
    for field in ("company_status", "difficulties", "proposed_technology", "business_plan", "suggestions"):
        text = values.get(field)
        values[field] = str(text).strip() if text not in (None, "") and str(text).strip() else None
    themes = values.get("tech_themes")
    codes = [c.strip() for c in str(themes).split(",") if c.strip()] if themes else []
    codes = [AI_FIELDS.parse(c).code if AI_FIELDS.parse(c) else c for c in codes]
    found = tech_themes(",".join(c for c in codes if c not in AI_FIELDS.codes), values["proposed_technology"])
    chosen = set(c for c in codes if c in AI_FIELDS.codes) | set(found)
    values["tech_themes"] = ",".join(c for c in AI_FIELDS.codes if c in chosen) or None
    return values, with_limits("questionnaire_responses", values, errors)


def is_empty_answer(values: dict[str, Any]) -> bool:
    return not any(values.get(f) for f in ANSWER_FIELDS)


def _summary(title: str, v: dict[str, Any]) -> tuple[str, str | None]:
    """The consultation's question and answer (stored: Korean whatever the language)."""
    def ko(text: str) -> str:
        return in_language("ko", text)
    head = (ko(N_("{visit} (서면 설문: {title})")).format(visit=VISIT_WHAT, title=title)
            if v.get("needs_visit") else ko(N_("서면 설문 응답: {title}")).format(title=title))
    parts = [ko(N_("기업 현황: {text}")).format(text=v["company_status"]) if v.get("company_status") else None,
             ko(N_("기술 수요: {text}")).format(text=v["proposed_technology"])
             if v.get("proposed_technology") else None,
             ko(N_("사업 계획: {text}")).format(text=v["business_plan"]) if v.get("business_plan") else None]
    body = "\n".join(p for p in parts if p)
    return head + ("\n" + body if body else ""), body or None


def record_answer(ctx: Context, company_id: str, raw: dict[str, Any],
                  questionnaire_id: str | None = None, session=None) -> tuple[str, str]:
    """Store one company's answer; returns (response id, "created", "updated" or "unchanged").

    The answer becomes a written consultation; a wish for another visit makes it an open
    follow-up "2차 방문". Storing the same answer again changes nothing, and never reopens a
    follow-up someone closed."""
    values, errors = clean_answer(raw)
    raise_if(errors)
    if session is not None:
        return _store(ctx, session, company_id, values, questionnaire_id)
    qid = questionnaire_id or ensure_questionnaire(ctx)
    with ctx.db.transaction() as s:
        return _store(ctx, s, company_id, values, qid)


def _store(ctx: Context, s, company_id: str, values: dict[str, Any], qid: str) -> tuple[str, str]:
    get_or_raise(s, Company, company_id)
    questionnaire = get_or_raise(s, Questionnaire, qid)
    received = values.get("received_on") or today_seoul()
    rid = natural_id(qid, company_id)
    cons_id = natural_id(rid, "written")
    question, answer = _summary(questionnaire.title, values)
    fields = {k: values.get(k) for k in ANSWER_FIELDS}
    fields["received_on"] = received
    fields["consultation_id"] = cons_id
    response = s.get(QuestionnaireResponse, rid)
    changed: list[str] = []
    text = {"question": question, "answer": answer, "difficulty": values.get("difficulties"),
            "suggestion": values.get("suggestions")}
    consultation = s.get(Consultation, cons_id)
    if consultation is None:
        occurred = datetime.combine(received, time(9), SEOUL)
        open_visit = bool(values.get("needs_visit"))
        s.add(Consultation(
            id=cons_id, occurred_at=occurred, channel="written", company_id=company_id,
            category="rnd" if values.get("proposed_technology") else "other",
            outcome="follow_up" if open_visit else "resolved",
            due_on=_due(received) if open_visit else None,
            staff_id=_assignee(s, ctx.staff_id) if open_visit else ctx.staff_id,
            updated_by=ctx.staff_id, **text))
        changed.append("*")
    else:
        changes = dict(text)
        if values.get("needs_visit") and consultation.outcome == "resolved" and consultation.closed_at is None:
            changes.update(outcome="follow_up", due_on=_due(received),
                           staff_id=_assignee(s, ctx.staff_id))
        changed += apply_changes(s, consultation, changes, ctx.staff_id)
    s.flush()  # the consultation first: the response refers to it
    if response is None:
        s.add(QuestionnaireResponse(id=rid, questionnaire_id=qid, company_id=company_id,
                                    updated_by=ctx.staff_id, **fields))
        changed.append("*")
    else:
        changed += apply_changes(s, response, {**fields, "archived": False}, ctx.staff_id)
    s.flush()
    status = "created" if response is None else "updated" if changed else "unchanged"
    return rid, status


def list_responses(ctx: Context, questionnaire_id: str | None = None) -> list[ResponseRow]:
    r = QuestionnaireResponse
    stmt = (select(r.id, Questionnaire.title, r.company_id, Company.name, r.received_on,
                   r.difficulties, r.proposed_technology, r.tech_themes, r.needs_visit, r.consultation_id)
            .join(Questionnaire, Questionnaire.id == r.questionnaire_id)
            .join(Company, Company.id == r.company_id)
            .where(r.archived.is_(False)).order_by(r.received_on.desc(), Company.name))
    if questionnaire_id:
        stmt = stmt.where(r.questionnaire_id == questionnaire_id)
    with ctx.db.reading() as s:
        return [ResponseRow(*row) for row in s.execute(stmt)]


def list_questionnaires(ctx: Context) -> list[tuple[str, str, date | None]]:
    with ctx.db.reading() as s:
        return [tuple(r) for r in s.execute(
            select(Questionnaire.id, Questionnaire.title, Questionnaire.sent_on)
            .where(Questionnaire.archived.is_(False)).order_by(Questionnaire.sent_on.desc()))]


def form_companies(ctx: Context, company_id: str | None = None,
                   today: date | None = None) -> list[FormCompany]:
    """One company, or every MOU company not in face-to-face consulting (no walk-in or site
    visit in the last 180 days), with the details its form is pre-filled with."""
    today = today or today_seoul()
    with ctx.db.reading() as s:
        stmt = select(Company).where(Company.archived.is_(False), Company.merged_into.is_(None))
        if company_id:
            get_or_raise(s, Company, company_id)
            stmt = select(Company).where(Company.id == company_id)
        else:
            since = datetime.combine(today - timedelta(days=FACE_TO_FACE_DAYS), time(0), SEOUL)
            met = select(Consultation.company_id).where(
                Consultation.channel.in_(("walk_in", "site_visit")), Consultation.occurred_at >= since,
                Consultation.archived.is_(False), Consultation.company_id.is_not(None))
            stmt = stmt.where(Company.relationship == "mou", Company.id.not_in(met))
        companies = list(s.scalars(stmt.order_by(Company.name)))
        contacts = dict(s.execute(select(Contact.company_id, Contact.name)
                                  .where(Contact.company_id.in_([c.id for c in companies]),
                                         Contact.archived.is_(False))
                                  .order_by(Contact.is_primary)).all())
        return [FormCompany(c.id, c.name, c.business_no, c.representative, c.address, c.phone,
                            contacts.get(c.id), c.ai_fields, c.email) for c in companies]


def tech_demand(ctx: Context, since: date, until: date) -> list[tuple[str, int]]:
    """Technology demand across answers received in [since, until]: (AI field code, answers
    naming it), most named first."""
    with ctx.db.reading() as s:
        rows = s.scalars(select(QuestionnaireResponse.tech_themes).where(
            QuestionnaireResponse.archived.is_(False),
            QuestionnaireResponse.received_on >= since, QuestionnaireResponse.received_on <= until))
        counts = Counter(code for themes in rows if themes for code in themes.split(",") if code)
    order = {c: i for i, c in enumerate(AI_FIELDS.codes)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
