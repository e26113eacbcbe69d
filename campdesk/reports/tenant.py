"""The monthly report of one tenant company."""
from __future__ import annotations

from campdesk.domain.dates import to_seoul
from campdesk.i18n import N_, _, ngettext, pgettext
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.parts import CompanyParts
from campdesk.services.reporting.views import DifficultyLine, TenantMonth

DIFFICULTY_STATUS = {
    "resolved": N_("상담 중 해결"),
    "open": N_("후속조치 진행 중"),
    "escalated": N_("책임상담사 처리 중"),
    "closed": N_("처리 완료"),
    "advised": N_("멘토 조언"),
}
SOURCE = {"consultation": N_("상담"), "mentoring": N_("멘토링")}


class TenantMonthRenderer(CompanyParts, Renderer):
    title = N_("입주기업 월간 보고서")

    data: TenantMonth

    def document_title(self) -> str:
        return _("{month} {title}").format(month=fmt.month(self.data.month),
                                           title=self.shown_title) + f" · {self.data.profile.name}"

    def story(self) -> list:
        t = self.data
        today = to_seoul(self.meta.made_at).date()
        running = t.month.first <= today <= t.month.last
        period = fmt.period(t.month.first, today if running else t.month.last)
        subtitle = _("보고 기간 {period} · {camp}").format(period=period,
                                                        camp=fmt.text(self.camp_name))
        red = "<font color='#b5545c'><b>{}</b></font>"
        notes = []
        if running:
            notes.append(self._note(red.format(_("{day} 기준 잠정").format(day=fmt.day(today)))
                                    + " · " + _("진행 중인 달입니다. 월말까지 내용이 바뀝니다.")))
        if not t.was_tenant:
            notes.append(self._note(red.format(_("주의")) + ": " + _(
                "이 기업은 {month}에 입주공간을 사용한 기록이 없습니다 (입주기업이 아님).").format(
                month=fmt.month(t.month))))
        title = _("{company} · {month} 월간 보고").format(company=fmt.text(t.profile.name),
                                                      month=fmt.month(t.month))
        return (self._title_story(title, subtitle) + notes
                + self._summary_story()
                + [self._heading(_("1. 기업 개요"))] + self._profile_story(t.profile, brief=True)
                + [self._heading(_("2. 입주공간"))] + self._spaces_table(t.spaces)
                + [self._heading(ngettext("3. 이달의 상담 ({n}건)", "3. 이달의 상담 ({n}건)",
                                          len(t.consultations)).format(n=len(t.consultations)))]
                + self._consultation_table(t.consultations)
                + [self._heading(_("4. 애로사항과 처리 현황"))] + self._difficulties_story()
                + [self._heading(_("5. 멘토링"))]
                + self._mentoring_story(t.mentorings, _("이달 진행된 세션이 없습니다."))
                + [self._heading(_("6. 행사 참여"))] + self._events_table(t.events)
                + [self._heading(_("7. 지원사업 수혜"))] + self._supports_story()
                + ([self._heading(_("8. 잡매칭"))] + self._job_matches_table(t.job_matches)
                   if t.job_matches else []))

    def _summary_story(self) -> list:
        t = self.data
        open_items = sum(1 for d in t.difficulties if d.status in ("open", "escalated"))
        sessions = sum(len(m.sessions) for m in t.mentorings)
        figures = [(fmt.number(len(t.consultations), fmt.CASES), pgettext("figure", "상담")),
                   (fmt.number(open_items, fmt.CASES), _("진행 중 애로사항")),
                   (fmt.number(sessions, fmt.TIMES), _("멘토링 세션")),
                   (fmt.number(len(t.events), fmt.TIMES), _("행사 참여")),
                   (fmt.won(sum(s.amount_krw or 0 for s in t.supports)), _("이달 지원 금액"))]
        return [tables.figures(figures, self.width)]

    def _difficulties_story(self) -> list:
        items = self.data.difficulties
        if not items:
            return [self._note(_("이달 제기되었거나 처리 중인 애로사항이 없습니다."))]
        rows = [[fmt.day(d.raised_on), _(SOURCE[d.source]), d.text, _status(d), d.resolution]
                for d in items]
        return [tables.grid([_("제기일"), _("경로"), _("애로사항"), _("처리 현황"), _("조치 내용")], rows,
                            tables.widths(self.width, 0, 1.1, 4.2, 2.4, 5.5,
                                          fixed={0: tables.DATE_W}), centered=(0, 1))]

    def _supports_story(self) -> list:
        t = self.data
        return self._supports_table(t.supports) + [
            self._note(_("{year}년 1월부터 이달까지 지원 금액 합계: {amount}").format(
                year=t.month.year, amount=fmt.won(t.supports_year_krw)))]


def _status(d: DifficultyLine) -> str:
    label = _(DIFFICULTY_STATUS[d.status])
    if d.status == "closed" and d.closed_on:
        label += f" ({fmt.day(d.closed_on)})"
    return label

