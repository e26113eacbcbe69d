"""The monthly report of one tenant company."""
from __future__ import annotations

from campdesk.domain.dates import format_date, to_seoul
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.parts import CompanyParts
from campdesk.services.reporting.views import DifficultyLine, TenantMonth

DIFFICULTY_STATUS = {
    "resolved": "상담 중 해결",
    "open": "후속조치 진행 중",
    "escalated": "책임상담사 처리 중",
    "closed": "처리 완료",
    "advised": "멘토 조언",
}
SOURCE = {"consultation": "상담", "mentoring": "멘토링"}


class TenantMonthRenderer(CompanyParts, Renderer):
    title = "입주기업 월간 보고서"

    data: TenantMonth

    def document_title(self) -> str:
        return f"{self.data.month.label} {self.title} · {self.data.profile.name}"

    def story(self) -> list:
        t = self.data
        today = to_seoul(self.meta.made_at).date()
        running = t.month.first <= today <= t.month.last
        period = fmt.period(t.month.first, today if running else t.month.last)
        subtitle = f"보고 기간 {period} · {fmt.text(self.meta.camp_name)}"
        notes = []
        if running:
            notes.append(self._note(f"<font color='#b5545c'><b>{format_date(today)} 기준 잠정</b></font>"
                                    " · 진행 중인 달입니다. 월말까지 내용이 바뀝니다."))
        if not t.was_tenant:
            notes.append(self._note(f"<font color='#b5545c'><b>주의</b></font>: 이 기업은 "
                                    f"{t.month.label}에 입주공간을 사용한 기록이 없습니다 (입주기업이 아님)."))
        return (self._title_story(f"{fmt.text(t.profile.name)} · {t.month.label} 월간 보고",
                                  subtitle) + notes
                + self._summary_story()
                + [self._heading("1. 기업 개요")] + self._profile_story(t.profile, brief=True)
                + [self._heading("2. 입주공간")] + self._spaces_table(t.spaces)
                + [self._heading(f"3. 이달의 상담 ({len(t.consultations)}건)")]
                + self._consultation_table(t.consultations)
                + [self._heading("4. 애로사항과 처리 현황")] + self._difficulties_story()
                + [self._heading("5. 멘토링")]
                + self._mentoring_story(t.mentorings, "이달 진행된 세션이 없습니다.")
                + [self._heading("6. 행사 참여")] + self._events_table(t.events)
                + [self._heading("7. 지원사업 수혜")] + self._supports_story()
                + ([self._heading("8. 잡매칭")] + self._job_matches_table(t.job_matches)
                   if t.job_matches else []))

    def _summary_story(self) -> list:
        t = self.data
        open_items = sum(1 for d in t.difficulties if d.status in ("open", "escalated"))
        sessions = sum(len(m.sessions) for m in t.mentorings)
        figures = [(f"{len(t.consultations)}건", "상담"), (f"{open_items}건", "진행 중 애로사항"),
                   (f"{sessions}회", "멘토링 세션"), (f"{len(t.events)}회", "행사 참여"),
                   (fmt.won(sum(s.amount_krw or 0 for s in t.supports)), "이달 지원 금액")]
        return [tables.figures(figures, self.width)]

    def _difficulties_story(self) -> list:
        items = self.data.difficulties
        if not items:
            return [self._note("이달 제기되었거나 처리 중인 애로사항이 없습니다.")]
        rows = [[format_date(d.raised_on), SOURCE[d.source], d.text, _status(d), d.resolution]
                for d in items]
        return [tables.grid(["제기일", "경로", "애로사항", "처리 현황", "조치 내용"], rows,
                            tables.widths(self.width, 0, 1.1, 4.2, 2.4, 5.5,
                                          fixed={0: tables.DATE_W}), centered=(0, 1))]

    def _supports_story(self) -> list:
        t = self.data
        return self._supports_table(t.supports) + [
            self._note(f"{t.month.year}년 1월부터 이달까지 지원 금액 합계: {fmt.won(t.supports_year_krw)}")]


def _status(d: DifficultyLine) -> str:
    label = DIFFICULTY_STATUS[d.status]
    if d.status == "closed" and d.closed_on:
        label += f" ({format_date(d.closed_on)})"
    return label

