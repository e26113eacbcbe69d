"""A company's whole file: profile, every consultation, follow-up, space and mentoring entry."""
from __future__ import annotations

from campdesk.domain.dates import to_seoul
from campdesk.i18n import N_, _, ngettext
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.parts import CompanyParts, outcome_label
from campdesk.services.reporting.views import CompanyRecord


class CompanyRecordRenderer(CompanyParts, Renderer):
    title = N_("기업 상담 기록부")

    data: CompanyRecord

    def document_title(self) -> str:
        return " · ".join([self.shown_title, self.data.profile.name,
                           fmt.day(to_seoul(self.meta.made_at).date())])

    def story(self) -> list:
        r = self.data
        counts = ((ngettext("상담 {n}건", "상담 {n}건", len(r.consultations)), len(r.consultations)),
                  (ngettext("진행 중 {n}건", "진행 중 {n}건", len(r.open_items)), len(r.open_items)),
                  (ngettext("입주공간 {n}건", "입주공간 {n}건", len(r.spaces)), len(r.spaces)),
                  (ngettext("멘토링 {n}건", "멘토링 {n}건", len(r.mentorings)), len(r.mentorings)))
        subtitle = " · ".join([text.format(n=f"{n:,}") for text, n in counts] + [
            _("기준일 {day}").format(day=fmt.day(to_seoul(self.meta.made_at).date()))])
        title = _("{company} {title}").format(company=fmt.text(r.profile.name),
                                              title=self.shown_title)
        return (self._title_story(title, subtitle)
                + [self._heading(_("1. 기업 개요"))] + self._profile_story(r.profile)
                + self._open_story() + self._consultations_story()
                + [self._heading(_("4. 입주공간"))] + self._spaces_table(r.spaces)
                + [self._heading(_("5. 멘토링"))]
                + self._mentoring_story(r.mentorings, _("세션 기록 없음"))
                + [self._heading(_("6. 행사 참여"))] + self._events_table(r.events)
                + [self._heading(_("7. 지원사업 수혜"))] + self._supports_table(r.supports)
                + [self._heading(_("8. 잡매칭"))] + self._job_matches_table(r.job_matches))

    def _open_story(self) -> list:
        items = self.data.open_items
        story = [self._heading(_("2. 진행 중인 후속조치 · 이관"))]
        if not items:
            return story + [self._note(_("진행 중인 건이 없습니다."))]
        today = to_seoul(self.meta.made_at).date()
        late = " ({})".format(_("기한 초과"))
        rows = [[fmt.when(c.occurred_at), c.question, outcome_label(c),
                 c.escalated_to_name,
                 fmt.day(c.due_on) + (late if c.due_on and c.due_on < today else "")]
                for c in items]
        return story + [tables.grid([_("상담 일시"), _("내용"), _("상태"), _("책임상담사"), _("기한")],
                                    rows,
                                    tables.widths(self.width, 0, 6.4, 2.6, 1.8, 0,
                                                  fixed={0: tables.DATETIME_W, 4: tables.DATE_W}),
                                    centered=(4,))]

    def _consultations_story(self) -> list:
        n = len(self.data.consultations)
        story = [self._heading(ngettext("3. 상담 이력 (전체 {n}건, 오래된 순)",
                                        "3. 상담 이력 (전체 {n}건, 오래된 순)", n).format(n=f"{n:,}"))]
        if not self.data.consultations:
            return story + [self._note(_("상담 기록이 없습니다."))]
        for c in self.data.consultations:
            story += [self._consultation_block(c), self._gap(2)]
        return story
