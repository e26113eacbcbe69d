"""One consultation on one A4 page, to hand to the company or to file."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table, TableStyle

from campdesk.domain.choices import CATEGORY, CHANNEL
from campdesk.domain.dates import format_date, format_datetime, to_seoul
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.fonts import REGULAR
from campdesk.reports.parts import CompanyParts, outcome_label
from campdesk.reports.styles import GRID
from campdesk.services.reporting.views import ConsultationSummary


class ConsultationSummaryRenderer(CompanyParts, Renderer):
    title = "상담 결과 요약서"

    data: ConsultationSummary

    def document_title(self) -> str:
        c = self.data.consultation
        return f"{self.title} · {c.who} · {format_date(to_seoul(c.occurred_at).date())}"

    def story(self) -> list:
        """One page as a rule; very long notes go on to a second page at the same size, the
        signature boxes kept whole after them."""
        c = self.data.consultation
        return (self._title_story(self.title, f"상담 일시 {format_datetime(c.occurred_at)} · "
                                              f"{fmt.text(c.who)}")
                + self._who_story() + self._meeting_story() + self._content_story()
                + self._follow_up_story() + self._sign_story())

    def _who_story(self) -> list:
        c, company = self.data.consultation, self.data.company
        story = [self._heading("1. 상담 대상")]
        if company:
            return story + self._profile_story(company, brief=True)
        rows = [("문의자", c.caller_name), ("소속", c.caller_org), ("연락처", c.caller_phone),
                ("구분", "미등록 문의자")]
        return story + [tables.form(rows, self.width)]

    def _meeting_story(self) -> list:
        c = self.data.consultation
        rows = [("상담 일시", format_datetime(c.occurred_at)), ("상담 경로", CHANNEL.label(c.channel)),
                ("상담 분야", CATEGORY.label(c.category)), ("상담 시간", fmt.number(c.duration_min, "분")),
                ("담당 직원", c.staff_name), ("처리 결과", outcome_label(c))]
        return [self._heading("2. 상담 개요"), tables.form(rows, self.width)]

    def _content_story(self) -> list:
        c = self.data.consultation
        rows = [("문의 내용", c.question), ("답변", c.answer), ("애로사항", c.difficulty),
                ("건의사항", c.suggestion)]
        return [self._heading("3. 상담 내용"),
                tables.form(rows, self.width, pairs=1)]

    def _follow_up_story(self) -> list:
        c = self.data.consultation
        story = [self._heading("4. 이관 및 후속조치")]
        if c.outcome == "resolved" and not c.due_on and not c.escalated_to_id:
            return story + [self._note("상담 중 해결되어 후속조치가 없습니다.")]
        rows = [("책임상담사", c.escalated_to_name), ("이관 일시", format_datetime(c.escalated_at)),
                ("처리 기한", format_date(c.due_on)),
                ("종결 일시", format_datetime(c.closed_at) or "진행 중")]
        story.append(tables.form(rows, self.width))
        story.append(tables.form([("처리 결과", c.resolution)], self.width, pairs=1))
        return story

    def _sign_story(self) -> list:
        """Boxes to sign: the staff member, and the company's representative when the
        consultation was with a company (a walk-in individual has no company to confirm)."""
        labels = ["담당 직원"] + (["확인 (기업)"] if self.data.company else [])
        box_w = self.width / 4
        table = Table([[tables.cell(x, "cell_head") for x in labels], [""] * len(labels)],
                      colWidths=[box_w] * len(labels), rowHeights=[None, 16 * mm],
                      hAlign="RIGHT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID),
                                   ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
        return [KeepTogether([self._gap(8), table])]
