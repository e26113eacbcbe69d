"""The mentoring documents: the 멘토링 일지 of one session (one A4 page, signed by both) and a
mentor's monthly activity statement (sessions and hours, for paying honoraria)."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Table, TableStyle

from campdesk.domain.choices import SESSION_MODE
from campdesk.domain.dates import format_date, format_date_long
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.fonts import REGULAR
from campdesk.reports.styles import GRID
from campdesk.services.mentoring_reports import MentorActivity, MentoringLog


def _hours(h: float | None) -> str:
    return "-" if h is None else f"{h:g}시간"


def _sign_boxes(renderer: Renderer, labels: list[str]) -> list:
    box_w = renderer.width / 4
    table = Table([[tables.cell(x, "cell_head") for x in labels], [""] * len(labels)],
                  colWidths=[box_w] * len(labels), rowHeights=[None, 18 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID),
                               ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return [renderer._gap(8), table]


class MentoringLogRenderer(Renderer):
    """멘토링 일지: company, mentor, date and time, content, and both signatures."""

    title = "멘토링 일지"
    data: MentoringLog

    def document_title(self) -> str:
        return f"{self.title} — {self.data.company} {self.data.number}회차"

    def story(self) -> list:
        d = self.data
        when = format_date_long(d.held_on) + (f" {d.start_time}" if d.start_time else "")
        body = self._title_story(self.title, f"{d.programme or '멘토링'} · {d.company} · {d.number}회차")
        body += [self._heading("1. 멘토링 개요"), tables.form([
            ("기업명", d.company), ("대표자", d.representative),
            ("멘토", d.mentor), ("멘토 소속", d.mentor_org),
            ("멘토링 분야", d.mentor_fields), ("회차", f"{d.number}회차"),
            ("일시", when), ("시간", _hours(d.hours)),
            ("방식", SESSION_MODE.label(d.mode)), ("장소", d.place),
            ("배정 시간", _hours(d.hours_allocated)), ("누적 시간", _hours(d.hours_to_date)),
        ], self.width)]
        body += [self._heading("2. 멘토링 내용"), tables.form([
            ("주제", d.topic or d.pairing_topic), ("애로사항", d.difficulty),
            ("진행 내용", d.content), ("멘토 조언", d.advice), ("다음 단계", d.next_step),
        ], self.width, pairs=1)]
        body += [self._gap(4), self._note("위와 같이 멘토링을 진행하였음을 확인합니다.")]
        body += _sign_boxes(self, ["멘토 (서명)", "기업 대표 (서명)", "담당 직원"])
        height = self.PAGE_SIZE[1] - self.MARGIN_TOP - self.MARGIN_BOTTOM
        return [KeepInFrame(self.width, height, body, mode="shrink")]


class MentorActivityRenderer(Renderer):
    """A mentor's sessions and hours in a month, one mentor to a page (or more)."""

    title = "멘토 활동 내역서"
    data: list[MentorActivity]

    def __init__(self, data, meta, month):
        super().__init__(data, meta)
        self.month = month

    def document_title(self) -> str:
        return f"{self.title} {self.month.year}년 {self.month.month}월"

    def story(self) -> list:
        story: list = []
        if not self.data:
            return self._title_story(self.title, f"{self.month.year}년 {self.month.month}월") + [
                self._note("이달에 기록된 멘토링이 없습니다.")]
        for i, a in enumerate(self.data):
            if i:
                story.append(PageBreak())
            story += self._mentor_story(a)
        return story

    def _mentor_story(self, a: MentorActivity) -> list:
        story = self._title_story(self.title, f"{a.month.year}년 {a.month.month}월 · {a.mentor}")
        story += [self._heading("1. 멘토"), tables.form([
            ("성명", a.mentor), ("소속", a.organisation), ("멘토링 분야", a.fields),
            ("연락처", a.phone), ("이메일", a.email), ("기간", fmt.period(a.month.first, a.month.last)),
        ], self.width)]
        story += [self._heading("2. 활동 요약"),
                  tables.figures([(f"{a.sessions}회", "멘토링 횟수"), (f"{a.hours:g}시간", "멘토링 시간"),
                                  (f"{len(a.by_company())}개사", "멘토링 기업")], self.width)]
        story.append(self._heading("3. 회차별 내역"))
        if not a.lines:
            story.append(self._note("이달에 기록된 멘토링이 없습니다."))
        else:
            widths = tables.widths(self.width, 1, 0.6, 2, 0.7, 0.7, 2.6, fixed={0: tables.DATE_W})
            rows = [[format_date(x.held_on), x.start_time or "", x.company, f"{x.hours:g}",
                     SESSION_MODE.label(x.mode), x.topic or ""] for x in a.lines]
            rows.append(["합계", "", f"{len(a.by_company())}개사", f"{a.hours:g}", "", f"{a.sessions}회"])
            story.append(tables.grid(["일자", "시각", "기업", "시간", "방식", "주제"], rows, widths,
                                     numeric=(3,), centered=(1, 4), total=True))
            story.append(self._heading("4. 기업별 시간"))
            widths = tables.widths(self.width, 3, 1, 1)
            story.append(tables.grid(["기업", "횟수", "시간"],
                                     [[c, f"{n}회", f"{h:g}시간"] for c, n, h in a.by_company()],
                                     widths, numeric=(1, 2)))
        story += [self._gap(4), self._note("위 활동 내역이 사실과 같음을 확인합니다. (멘토 수당 지급 근거)")]
        story += _sign_boxes(self, ["멘토 (서명)", "담당 직원", "확인"])
        return story
