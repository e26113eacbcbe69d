"""The mentoring documents: the mentoring log (멘토링 일지) of one session (one A4 page, signed by both) and a
mentor's monthly activity statement (sessions and hours, for paying honoraria)."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Table, TableStyle

from campdesk.domain.choices import SESSION_MODE
from campdesk.i18n import N_, _, ngettext, pgettext
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.fonts import REGULAR
from campdesk.reports.styles import GRID
from campdesk.services.mentoring_reports import MentorActivity, MentoringLog


def _sign_boxes(renderer: Renderer, labels: list[str]) -> list:
    box_w = renderer.width / 4
    table = Table([[tables.cell(x, "cell_head") for x in labels], [""] * len(labels)],
                  colWidths=[box_w] * len(labels), rowHeights=[None, 18 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID),
                               ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return [renderer._gap(8), table]


def _session(number: int) -> str:
    """``3회차`` / ``Session 3``."""
    return _("{n}회차").format(n=number)


class MentoringLogRenderer(Renderer):
    """멘토링 일지: company, mentor, date and time, content, and both signatures."""

    title = N_("멘토링 일지")
    data: MentoringLog

    def document_title(self) -> str:
        return f"{self.shown_title} — {self.data.company} " + _session(self.data.number)

    def story(self) -> list:
        d = self.data
        when = fmt.long_day(d.held_on) + (f" {d.start_time}" if d.start_time else "")
        subtitle = " · ".join([d.programme or _("멘토링"), d.company, _session(d.number)])
        body = self._title_story(self.shown_title, subtitle)
        body += [self._heading(_("1. 멘토링 개요")), tables.form([
            (_("기업명"), d.company), (_("대표자"), d.representative),
            (_("멘토"), d.mentor), (_("멘토 소속"), d.mentor_org),
            (_("멘토링 분야"), d.mentor_fields), (pgettext("mentoring log", "회차"), _session(d.number)),
            (_("일시"), when), (_("시간"), fmt.hours(d.hours)),
            (_("방식"), fmt.label(SESSION_MODE, d.mode)), (_("장소"), d.place),
            (_("배정 시간"), fmt.hours(d.hours_allocated)),
            (_("누적 시간"), fmt.hours(d.hours_to_date)),
        ], self.width)]
        body += [self._heading(_("2. 멘토링 내용")), tables.form([
            (_("주제"), d.topic or d.pairing_topic), (_("애로사항"), d.difficulty),
            (_("진행 내용"), d.content), (_("멘토 조언"), d.advice), (_("다음 단계"), d.next_step),
        ], self.width, pairs=1)]
        body += [self._gap(4), self._note(_("위와 같이 멘토링을 진행하였음을 확인합니다."))]
        body += _sign_boxes(self, [_("멘토 (서명)"), _("기업 대표 (서명)"), _("담당 직원")])
        height = self.PAGE_SIZE[1] - self.MARGIN_TOP - self.MARGIN_BOTTOM
        return [KeepInFrame(self.width, height, body, mode="shrink")]


class MentorActivityRenderer(Renderer):
    """A mentor's sessions and hours in a month, one mentor to a page (or more)."""

    title = N_("멘토 활동 내역서")
    data: list[MentorActivity]

    def __init__(self, data, meta, month):
        super().__init__(data, meta)
        self.month = month

    def document_title(self) -> str:
        return f"{self.shown_title} {fmt.month(self.month)}"

    def story(self) -> list:
        story: list = []
        if not self.data:
            return self._title_story(self.shown_title, fmt.month(self.month)) + [
                self._note(_("이달에 기록된 멘토링이 없습니다."))]
        for i, a in enumerate(self.data):
            if i:
                story.append(PageBreak())
            story += self._mentor_story(a)
        return story

    def _mentor_story(self, a: MentorActivity) -> list:
        story = self._title_story(self.shown_title, f"{fmt.month(a.month)} · {a.mentor}")
        story += [self._heading(_("1. 멘토")), tables.form([
            (_("성명"), a.mentor), (_("소속"), a.organisation), (_("멘토링 분야"), a.fields),
            (_("연락처"), a.phone), (_("이메일"), a.email),
            (_("기간"), fmt.period(a.month.first, a.month.last)),
        ], self.width)]
        companies = len(a.by_company())
        story += [self._heading(_("2. 활동 요약")),
                  tables.figures([(fmt.number(a.sessions, fmt.TIMES), _("멘토링 횟수")),
                                  (fmt.hours(a.hours), _("멘토링 시간")),
                                  (fmt.number(companies, fmt.COMPANIES), _("멘토링 기업"))],
                                 self.width)]
        story.append(self._heading(_("3. 회차별 내역")))
        if not a.lines:
            story.append(self._note(_("이달에 기록된 멘토링이 없습니다.")))
        else:
            widths = tables.widths(self.width, 1, 0.6, 2, 0.7, 0.7, 2.6, fixed={0: tables.DATE_W})
            rows = [[fmt.day(x.held_on), x.start_time or "", x.company, f"{x.hours:g}",
                     fmt.label(SESSION_MODE, x.mode), x.topic or ""] for x in a.lines]
            rows.append([_("합계"), "", ngettext("{n}개사", "{n}개사", companies).format(n=companies),
                         f"{a.hours:g}", "",
                         ngettext("{n}회", "{n}회", a.sessions).format(n=a.sessions)])
            story.append(tables.grid([_("일자"), _("시각"), _("기업"), _("시간"), _("방식"), _("주제")],
                                     rows, widths, numeric=(3,), centered=(1, 4), total=True))
            story.append(self._heading(_("4. 기업별 시간")))
            widths = tables.widths(self.width, 3, 1, 1)
            story.append(tables.grid([_("기업"), _("횟수"), _("시간")],
                                     [[c, fmt.number(n, fmt.TIMES), fmt.hours(h)]
                                      for c, n, h in a.by_company()],
                                     widths, numeric=(1, 2)))
        story += [self._gap(4),
                  self._note(_("위 활동 내역이 사실과 같음을 확인합니다. (멘토 수당 지급 근거)"))]
        story += _sign_boxes(self, [_("멘토 (서명)"), _("담당 직원"),
                                   pgettext("signature", "확인")])
        return story
