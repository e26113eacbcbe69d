"""Story pieces about one company, shared by the company record and the tenant report."""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph

from campdesk.domain.choices import (
    ASSIGNMENT_STATUS, CATEGORY, CHANNEL, EVENT_KIND, MATCH_STATUS, MENTOR_FIELD,
    MENTORING_STATUS, OUTCOME, SPACE_KIND,
)
from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.domain.dates import to_seoul
from campdesk.i18n import N_, _, current_language, pgettext
from campdesk.reports import fmt, tables
from campdesk.services.consultations import ConsultationView
from campdesk.services.reporting.views import (
    CompanyProfile, EventLine, JobMatchLine, MentoringLine, SpaceLine, SupportLine,
)

NONE = N_("해당 없음")


def outcome_label(c: ConsultationView) -> str:
    """The outcome as people say it, including whether an open item was closed."""
    label = fmt.label(OUTCOME, c.outcome)
    if c.outcome != "resolved":
        if c.closed_at:
            return _("{outcome} → 종결 ({day})").format(outcome=label,
                                                      day=fmt.day(to_seoul(c.closed_at).date()))
        label = _("{outcome} (진행 중)").format(outcome=label)
    return label


def field_label(field: str) -> str:
    """A company field's label (``COMPANY_FIELDS``) in the current language."""
    label = COMPANY_FIELDS[field]
    if isinstance(label, tuple):  # (Korean, English)
        return label[1] if current_language() == "en" else label[0]
    return _(label)

# The company fields a brief profile shows, and those that take a whole line.
BRIEF_FIELDS = ("relationship", "representative", "business_no", "phone", "mou_date", "ai_fields")
LONG_FIELDS = ("address", "notes", "ai_fields")


class CompanyParts:
    """Mixed into a Renderer: needs ``self.styles``, ``self.width`` and ``self._note``."""

    def _profile_story(self, profile: CompanyProfile, brief: bool = False) -> list:
        shown = [(k, v) for k, v in profile.fields if v and k != "name"]
        if brief:
            shown = [(k, v) for k, v in shown if k in BRIEF_FIELDS]
        long_ = [(field_label(k), v) for k, v in shown if k in LONG_FIELDS]
        short = [(field_label(k), v) for k, v in shown if k not in LONG_FIELDS]
        story = [tables.form([(field_label("name"), profile.name)] + short, self.width)]
        if long_:
            story.append(tables.form(long_, self.width, pairs=1))
        if profile.contacts and not brief:
            primary = " ({})".format(_("주 담당"))
            rows = [[c.name + (primary if c.is_primary else ""), c.title, c.phone, c.email]
                    for c in profile.contacts]
            story += [self._gap(2), tables.grid([pgettext("person", "담당자"), _("직책"), _("전화"), _("이메일")], rows,
                                                tables.widths(self.width, 3, 2, 3, 4))]
        return story

    def _consultation_table(self, consultations: list[ConsultationView]) -> list:
        if not consultations:
            return [self._note(_(NONE))]
        rows = [[fmt.when(c.occurred_at), fmt.label(CHANNEL, c.channel),
                 fmt.label(CATEGORY, c.category), c.question, outcome_label(c), c.staff_name]
                for c in consultations]
        return [tables.grid([_("일시"), _("경로"), _("분야"), _("문의 내용"), _("결과"), _("담당")], rows,
                            tables.widths(self.width, 0, 1.1, 1.9, 5.7, 2.6, 1.4,
                                          fixed={0: tables.DATETIME_W}),
                            centered=(1,))]

    def _consultation_block(self, c: ConsultationView) -> KeepTogether:
        """One consultation in full, kept on one page where it fits."""
        head = " · ".join([fmt.when(c.occurred_at), fmt.label(CHANNEL, c.channel),
                           fmt.label(CATEGORY, c.category),
                           _("담당 {name}").format(name=c.staff_name or "-")])
        rows = [(_("문의 내용"), c.question), (_("답변"), c.answer)]
        rows += [(k, v) for k, v in ((_("애로사항"), c.difficulty), (_("건의사항"), c.suggestion)) if v]
        rows.append((_("결과"), outcome_label(c)))
        if c.outcome == "escalated":
            rows.append((pgettext("record", "이관"), _("{name} · 이관일 {when}").format(
                name=c.escalated_to_name or "-", when=fmt.when(c.escalated_at) or "-")))
        if c.due_on:
            rows.append((_("처리 기한"), fmt.day(c.due_on)))
        if c.resolution:
            rows.append((_("처리 결과"), c.resolution))
        return KeepTogether([Paragraph(fmt.text(head), self.styles["h2"]),
                             tables.form(rows, self.width, pairs=1)])

    def _spaces_table(self, spaces: list[SpaceLine]) -> list:
        if not spaces:
            return [self._note(_(NONE))]
        rows = [[s.space, _("{n}층").format(n=s.floor), fmt.label(SPACE_KIND, s.kind),
                 fmt.period(s.starts_on, s.ends_on), fmt.label(ASSIGNMENT_STATUS, s.status),
                 fmt.area(s.area_m2)] for s in spaces]
        return [tables.grid([_("공간"), _("층"), _("종류"), _("기간"), _("상태"), _("면적")], rows,
                            tables.widths(self.width, 4, 1, 1.6, 4, 1.3, 1.4),
                            numeric=(5,), centered=(1, 2, 4))]

    def _mentoring_story(self, mentorings: list[MentoringLine], sessions_note: str = "") -> list:
        if not mentorings:
            return [self._note(_(NONE))]
        story = []
        for m in mentorings:
            head = " · ".join([
                _("{name} 멘토 ({field})").format(name=m.mentor,
                                                 field=fmt.label(MENTOR_FIELD, m.mentor_field)),
                m.topic or "-", fmt.period(m.starts_on, m.ends_on),
                fmt.label(MENTORING_STATUS, m.status)])
            lead = Paragraph(fmt.text(head), self.styles["text"])
            lead.keepWithNext = 1  # with the first sessions under it, never alone at a foot
            story.append(lead)
            if m.sessions:
                rows = [[fmt.day(x.held_on), fmt.number(x.duration_min, fmt.MINUTES), x.difficulty,
                         x.advice] for x in m.sessions]
                story.append(tables.grid([_("일자"), pgettext("duration", "시간"), _("애로사항"),
                                          _("조언")], rows,
                                         tables.widths(self.width, 0, 1.1, 4.5, 6.6,
                                                       fixed={0: tables.DATE_W}),
                                         centered=(0, 1)))
            elif sessions_note:
                story.append(self._note(sessions_note))
            story.append(self._gap(2))
        return story

    def _events_table(self, events: list[EventLine]) -> list:
        if not events:
            return [self._note(_(NONE))]
        today = to_seoul(self.meta.made_at).date()
        planned = _("예정")
        rows = [[fmt.day(e.held_on), fmt.label(EVENT_KIND, e.kind),
                 e.title + (f" ({planned})" if e.held_on > today else ""), e.venue,
                 planned if e.held_on > today else fmt.number(e.attendees, fmt.PEOPLE)]
                for e in events]
        return [tables.grid([_("일자"), _("구분"), _("행사"), _("장소"), pgettext("column", "참석")],
                            rows,
                            tables.widths(self.width, 0, 1.6, 5.6, 3.6, 1.2, fixed={0: tables.DATE_W}),
                            numeric=(4,), centered=(0, 1))]

    def _supports_table(self, supports: list[SupportLine]) -> list:
        if not supports:
            return [self._note(_(NONE))]
        rows = [[fmt.day(x.granted_on), x.programme, x.agency, fmt.won(x.amount_krw), x.notes]
                for x in supports]
        return [tables.grid([_("지원일"), _("지원사업"), _("기관"), _("금액"), _("비고")], rows,
                            tables.widths(self.width, 0, 4.4, 3.4, 2.4, 2.6, fixed={0: tables.DATE_W}),
                            numeric=(3,),
                            centered=(0,))]

    def _job_matches_table(self, matches: list[JobMatchLine]) -> list:
        if not matches:
            return [self._note(_(NONE))]
        rows = [[fmt.day(j.matched_on), j.position, j.seeker, fmt.label(MATCH_STATUS, j.status)]
                for j in matches]
        return [tables.grid([_("일자"), _("직무"), _("구직자"), _("상태")], rows,
                            tables.widths(self.width, 2, 6, 3, 2), centered=(0, 3))]
