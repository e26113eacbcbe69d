"""One consultation on one A4 page, to hand to the company or to file."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table, TableStyle

from campdesk.domain.choices import CATEGORY, CHANNEL
from campdesk.domain.dates import to_seoul
from campdesk.i18n import N_, _
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.fonts import REGULAR
from campdesk.reports.parts import CompanyParts, outcome_label
from campdesk.reports.styles import GRID
from campdesk.services.reporting.views import ConsultationSummary


class ConsultationSummaryRenderer(CompanyParts, Renderer):
    title = N_("상담 결과 요약서")

    data: ConsultationSummary

    def document_title(self) -> str:
        c = self.data.consultation
        return " · ".join([self.shown_title, c.who, fmt.day(to_seoul(c.occurred_at).date())])

    def story(self) -> list:
        """One page as a rule; very long notes go on to a second page at the same size, the
        signature boxes kept whole after them."""
        c = self.data.consultation
        subtitle = _("상담 일시 {when} · {who}").format(when=fmt.when(c.occurred_at),
                                                     who=fmt.text(c.who))
        return (self._title_story(self.shown_title, subtitle)
                + self._who_story() + self._meeting_story() + self._content_story()
                + self._follow_up_story() + self._sign_story())

    def _who_story(self) -> list:
        c, company = self.data.consultation, self.data.company
        story = [self._heading(_("1. 상담 대상"))]
        if company:
            return story + self._profile_story(company, brief=True)
        rows = [(_("문의자"), c.caller_name), (_("소속"), c.caller_org), (_("연락처"), c.caller_phone),
                (_("구분"), _("미등록 문의자"))]
        return story + [tables.form(rows, self.width)]

    def _meeting_story(self) -> list:
        c = self.data.consultation
        rows = [(_("상담 일시"), fmt.when(c.occurred_at)),
                (_("상담 경로"), fmt.label(CHANNEL, c.channel)),
                (_("상담 분야"), fmt.label(CATEGORY, c.category)),
                (_("상담 시간"), fmt.number(c.duration_min, fmt.MINUTES)),
                (_("담당 직원"), c.staff_name), (_("처리 결과"), outcome_label(c))]
        return [self._heading(_("2. 상담 개요")), tables.form(rows, self.width)]

    def _content_story(self) -> list:
        c = self.data.consultation
        rows = [(_("문의 내용"), c.question), (_("답변"), c.answer), (_("애로사항"), c.difficulty),
                (_("건의사항"), c.suggestion)]
        return [self._heading(_("3. 상담 내용")),
                tables.form(rows, self.width, pairs=1)]

    def _follow_up_story(self) -> list:
        c = self.data.consultation
        story = [self._heading(_("4. 이관 및 후속조치"))]
        if c.outcome == "resolved" and not c.due_on and not c.escalated_to_id:
            return story + [self._note(_("상담 중 해결되어 후속조치가 없습니다."))]
        rows = [(_("책임상담사"), c.escalated_to_name), (_("이관 일시"), fmt.when(c.escalated_at)),
                (_("처리 기한"), fmt.day(c.due_on)),
                (_("종결 일시"), fmt.when(c.closed_at) or _("진행 중"))]
        story.append(tables.form(rows, self.width))
        story.append(tables.form([(_("처리 결과"), c.resolution)], self.width, pairs=1))
        return story

    def _sign_story(self) -> list:
        """Boxes to sign: the staff member, and the company's representative when the
        consultation was with a company (a walk-in individual has no company to confirm)."""
        labels = [_("담당 직원")] + ([_("확인 (기업)")] if self.data.company else [])
        box_w = self.width / 4
        table = Table([[tables.cell(x, "cell_head") for x in labels], [""] * len(labels)],
                      colWidths=[box_w] * len(labels), rowHeights=[None, 16 * mm],
                      hAlign="RIGHT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                   ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
        return [KeepTogether([self._gap(8), table])]
