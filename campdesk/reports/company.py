"""A company's whole file: profile, every consultation, follow-up, space and mentoring entry."""
from __future__ import annotations

from campdesk.domain.dates import format_date, format_datetime, to_seoul
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.parts import CompanyParts, outcome_label
from campdesk.services.reporting.views import CompanyRecord


class CompanyRecordRenderer(CompanyParts, Renderer):
    title = "기업 상담 기록부"

    data: CompanyRecord

    def document_title(self) -> str:
        return f"{self.title} · {self.data.profile.name} · {format_date(to_seoul(self.meta.made_at).date())}"

    def story(self) -> list:
        r = self.data
        subtitle = (f"상담 {len(r.consultations):,}건 · 진행 중 {len(r.open_items)}건 · "
                    f"입주공간 {len(r.spaces)}건 · 멘토링 {len(r.mentorings)}건 · "
                    f"기준일 {format_date(to_seoul(self.meta.made_at).date())}")
        return (self._title_story(f"{fmt.text(r.profile.name)} {self.title}", subtitle)
                + [self._heading("1. 기업 개요")] + self._profile_story(r.profile)
                + self._open_story() + self._consultations_story()
                + [self._heading("4. 입주공간")] + self._spaces_table(r.spaces)
                + [self._heading("5. 멘토링")] + self._mentoring_story(r.mentorings, "세션 기록 없음")
                + [self._heading("6. 행사 참여")] + self._events_table(r.events)
                + [self._heading("7. 지원사업 수혜")] + self._supports_table(r.supports)
                + [self._heading("8. 잡매칭")] + self._job_matches_table(r.job_matches))

    def _open_story(self) -> list:
        items = self.data.open_items
        story = [self._heading("2. 진행 중인 후속조치 · 이관")]
        if not items:
            return story + [self._note("진행 중인 건이 없습니다.")]
        today = to_seoul(self.meta.made_at).date()
        rows = [[format_datetime(c.occurred_at), c.question, outcome_label(c),
                 c.escalated_to_name,
                 format_date(c.due_on) + (" (기한 초과)" if c.due_on and c.due_on < today else "")]
                for c in items]
        return story + [tables.grid(["상담 일시", "내용", "상태", "책임상담사", "기한"], rows,
                                    tables.widths(self.width, 0, 6.4, 2.6, 1.8, 0,
                                                  fixed={0: tables.DATETIME_W, 4: tables.DATE_W}),
                                    centered=(4,))]

    def _consultations_story(self) -> list:
        story = [self._heading(f"3. 상담 이력 (전체 {len(self.data.consultations):,}건, 오래된 순)")]
        if not self.data.consultations:
            return story + [self._note("상담 기록이 없습니다.")]
        for c in self.data.consultations:
            story += [self._consultation_block(c), self._gap(2)]
        return story
