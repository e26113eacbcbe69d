"""The monthly camp report for the council of partner agencies."""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, Paragraph
from reportlab.lib.units import mm

from campdesk.domain.choices import CATEGORY, CHANNEL, OUTCOME, Vocabulary
from campdesk.domain.dates import format_date
from campdesk.reports import charts, fmt, tables
from campdesk.reports.base import Renderer
from campdesk.services.reporting.views import CampMonth, TenantMove

LIST_LIMIT = 40  # rows of a long list (escalations, dormant companies) before "외 N건"


class CampMonthRenderer(Renderer):
    title = "AI창업캠프 월간 운영 보고서"

    data: CampMonth

    def document_title(self) -> str:
        return f"{self.data.month.label} {self.title}"

    def story(self) -> list:
        d, m = self.data, self.data.month
        if not d.has_data:
            return self._title_story(f"{m.label} {self.title}", f"보고 기간 {fmt.period(m.first, m.last)}") + [
                self._paragraph(f"<b>자료 없음</b>: {m.label}에는 기록이 없습니다 "
                                f"({self._span_text()}).")]
        if d.as_of:
            prev_last, year_last = d.compared_to
            subtitle = (f"보고 기간 {fmt.period(m.first, d.as_of)} (진행 중인 달) · 비교: 전월 같은 기간"
                        f"({fmt.period(m.previous().first, prev_last)}), 전년 같은 기간"
                        f"({fmt.period(m.year_before().first, year_last)}) · "
                        "인공지능종합지원센터 월례회의 자료")
        else:
            subtitle = (f"보고 기간 {fmt.period(m.first, m.last)} · 비교: 전월({m.previous().label}), "
                        f"전년 동월({m.year_before().label}) · 인공지능종합지원센터 월례회의 자료")
        return (self._title_story(f"{m.label} {self.title}", subtitle) + self._provisional_story()
                + self._figures_story()
                + self._comparison_story() + self._consultations_story()
                + self._escalations_story() + self._tenants_story() + self._occupancy_story()
                + self._mou_story() + self._concerts_story() + self._difficulties_story())

    def _span_text(self) -> str:
        span = self.data.span
        if span is None or span.first is None:
            return "아직 상담 기록이 하나도 없습니다"
        return f"기록은 {format_date(span.first)}부터 {format_date(span.today)}까지 있습니다"

    def _provisional_story(self) -> list:
        d = self.data
        if not d.as_of:
            return []
        return [self._paragraph(
            f"<font color='#b5545c'><b>{format_date(d.as_of)} 기준 잠정</b></font> · 진행 중인 달의 "
            f"{fmt.short_date(d.as_of)}까지 기록입니다. 월말까지 수치가 바뀌며, 전월·전년과는 같은 "
            "날짜까지 비교합니다.")]

    @property
    def _until(self) -> str:
        """How the report says "by the end of the month" (or by today, in a running month)."""
        return f"{fmt.short_date(self.data.as_of)} 현재" if self.data.as_of else "월말 현재"

    # --- sections ------------------------------------------------------------------------
    def _figures_story(self) -> list:
        d = self.data
        occ = d.occupancy
        items = [(f"{d.counts.total:,}건", "상담"),
                 (f"{d.escalations.count}건", "책임상담사 이관"),
                 (f"{occ.companies}개사", "입주기업"),
                 (fmt.percent(occ.desks_taken, occ.desks), "좌석 점유율"),
                 (f"{d.mou.active}/{d.mou.total}", "활동 MOU 기업"),
                 (f"{sum(c.attendees for c in self._held())}명", "지식콘서트 참석")]
        return [tables.figures(items, self.width), self._gap(2)]

    def _comparison_story(self) -> list:
        def shown(value, unit):
            return fmt.NO_DATA if value is None else fmt.number(value, unit)

        def change(now, before, unit):
            return fmt.NO_DATA if before is None or now is None else fmt.change(now, before, unit)

        rows = [[r.label, shown(r.this, r.unit), shown(r.previous, r.unit),
                 change(r.this, r.previous, r.unit), shown(r.year_before, r.unit),
                 change(r.this, r.year_before, r.unit)] for r in self.data.comparison]
        same = " 같은 기간" if self.data.as_of else ""
        header = ["항목", "이번 달", f"전월{same}", "전월 대비", "전년 같은 기간" if same else "전년 동월",
                  "전년 대비"]
        story = [self._heading("1. 주요 지표 비교"),
                 tables.grid(header, rows, tables.widths(self.width, 3, 2, 2, 2.6, 2, 2.6),
                             numeric=(1, 2, 3, 4, 5))]
        d, span = self.data, self.data.span
        if not d.year_before_has_data:
            story.append(self._note(f"{fmt.NO_DATA}: 그 기간에는 기록이 없습니다 ({self._span_text()})."))
        elif span and span.first:
            before = d.month.year_before()
            last = d.compared_to[1] if d.compared_to else before.last
            if before.first < span.first <= last:  # the records begin within that period
                story.append(self._note(f"전년 수치는 기록이 시작된 {format_date(span.first)}부터 "
                                        f"{format_date(last)}까지만 셉니다."))
        return story

    def _consultations_story(self) -> list:
        d = self.data
        trend = charts.monthly_columns([m.short_label for m, _ in d.trend],
                                       [n for _, n in d.trend], self.width,
                                       "최근 13개월 상담 건수 (건)")
        return ([CondPageBreak(90 * mm), self._heading("2. 상담 현황"), trend]
                + self._breakdown_story("2-1. 경로별 상담", CHANNEL, "by_channel")
                + self._breakdown_story("2-2. 분야별 상담", CATEGORY, "by_category")
                + self._breakdown_story("2-3. 처리 결과", OUTCOME, "by_outcome", pie=True))

    def _breakdown_story(self, heading: str, vocab: Vocabulary, attr: str,
                         pie: bool = False) -> list:
        """A table (this month, share, previous month, a year before) with its chart."""
        d = self.data
        periods = [d.counts, d.counts_previous, d.counts_year_before]
        codes = [c.code for c in vocab if pie or any(getattr(p, attr).get(c.code) for p in periods)]
        now = getattr(d.counts, attr)
        prev_ok, year_ok = d.previous_has_data, d.year_before_has_data

        def then(counts, ok, code=None):
            if not ok:
                return fmt.NO_DATA
            return counts.total if code is None else getattr(counts, attr).get(code, 0)

        rows = [[vocab.label(code), now.get(code, 0), fmt.percent(now.get(code, 0), d.counts.total),
                 then(d.counts_previous, prev_ok, code),
                 then(d.counts_year_before, year_ok, code)] for code in codes]
        rows.append(["합계", d.counts.total, "100.0%" if d.counts.total else fmt.DASH,
                     then(d.counts_previous, prev_ok), then(d.counts_year_before, year_ok)])
        left_w = self.width * 0.56
        table = tables.grid(["구분", "이번 달", "비율", "전월", "전년"], rows,
                            tables.widths(left_w, 3.2, 1.6, 1.6, 1.5, 1.9),
                            numeric=(1, 2, 3, 4), total=True)
        labels, values = [vocab.label(c) for c in codes], [now.get(c, 0) for c in codes]
        right_w = self.width - left_w
        chart = (charts.pie(labels, values, right_w) if pie else
                 charts.bars(labels, values, right_w, row=tables.ROW_HEIGHT, top=tables.ROW_HEIGHT))
        return [self._heading(heading, 2), tables.side_by_side(table, chart, self.width, 0.56)]

    def _escalations_story(self) -> list:
        e = self.data.escalations
        until = self._until
        by = f"{fmt.short_date(self.data.as_of)}까지" if self.data.as_of else "월말까지"
        summary = f"이번 달 책임상담사에게 이관된 상담은 {e.count}건이며 그중 {len(e.closed)}건이 {by} 종결되었습니다. "
        if e.closed:
            summary += (f"종결까지 걸린 기간은 평균 {fmt.days(e.mean_days)}, 중앙값 "
                        f"{fmt.days(e.median_days)}, 최장 {fmt.days(e.max_days)}입니다. ")
        elif e.count:
            summary += "아직 종결된 건이 없어 처리 기간은 셀 수 없습니다. "
        summary += f"이전 달 이관분을 포함해 {until} 처리 중인 이관은 {e.open_at_month_end}건입니다."
        overdue = sum(1 for x in e.lines if self._overdue(x))
        if overdue:
            summary += f" 그중 이번 달 이관분 {overdue}건은 처리 기한을 넘겼습니다."
        story = [CondPageBreak(60 * mm), self._heading("3. 책임상담사 이관 및 처리 기간"),
                 self._paragraph(summary)]
        if not e.lines:
            return story
        # Still open first, then the slowest to close: what the council asks about.
        shown = sorted(e.lines, key=lambda x: (x.days is not None, -(x.days or 0),
                                               x.escalated_on))[:LIST_LIMIT]
        rows = [[format_date(x.escalated_on), x.who, CATEGORY.label(x.category), x.consultant,
                 format_date(x.due_on), self._open_label(x), fmt.days(x.days)]
                for x in shown]
        story.append(tables.grid(["이관일", "기업·문의자", "분야", "책임상담사", "기한", "종결일",
                                  "처리 기간"], rows,
                                 tables.widths(self.width, 0, 3.6, 2.2, 1.7, 0, 0, 1.5,
                                               fixed={0: tables.DATE_W, 4: tables.DATE_W,
                                                      5: tables.DATE_W}),
                                 numeric=(6,), centered=(0, 4, 5)))
        if len(e.lines) > LIST_LIMIT:
            story.append(self._note(f"처리 중인 건, 처리 기간이 긴 건 순으로 {LIST_LIMIT}건을 보입니다 "
                                    f"(전체 {e.count}건)."))
        return story

    def _tenants_story(self) -> list:
        d = self.data
        story = [CondPageBreak(50 * mm), self._heading("4. 입주기업 변동")]
        for title, moves, verb in (("신규 입주", d.new_tenants, "입주일"),
                                   ("퇴거", d.leaving_tenants, "퇴거일")):
            story.append(self._heading(f"{title} ({len(moves)}개사)", 2))
            story += self._moves_table(moves, verb)
        return story

    def _moves_table(self, moves: list[TenantMove], verb: str) -> list:
        if not moves:
            return [self._note("해당 없음")]
        rows = [[x.company, format_date(x.on), x.space] for x in moves]
        return [tables.grid(["기업명", verb, "공간"], rows, tables.widths(self.width, 5, 0, 6,
                                                                   fixed={1: tables.DATE_W}),
                            centered=(1,))]

    def _occupancy_story(self) -> list:
        o = self.data.occupancy
        rows = [[f"{f.floor}층", f.desks, f.desks_taken, fmt.percent(f.desks_taken, f.desks),
                 fmt.area(f.area_m2), fmt.area(f.area_taken_m2),
                 fmt.percent(f.area_taken_m2, f.area_m2), f.companies] for f in o.floors]
        rows.append(["합계", o.desks, o.desks_taken, fmt.percent(o.desks_taken, o.desks),
                     fmt.area(o.area_m2), fmt.area(o.area_taken_m2),
                     fmt.percent(o.area_taken_m2, o.area_m2), o.companies])
        table = tables.grid(["층", "좌석", "사용 좌석", "좌석 점유율", "임대 면적", "사용 면적",
                             "면적 점유율", "입주기업"], rows,
                            tables.widths(self.width, 1.3, 1.2, 1.5, 1.7, 2, 2, 1.7, 1.5),
                            numeric=(1, 2, 3, 4, 5, 6, 7), centered=(0,), total=True)
        note = ("좌석은 오픈데스크의 개별 좌석, 면적은 회의실을 뺀 임대 공간 기준입니다. 확정된 배정만 "
                "사용으로 보며, 오픈데스크 면적은 사용 좌석 비율만큼 사용으로 셉니다. "
                "입주기업 합계는 여러 층을 쓰는 기업을 한 번만 셉니다.")
        return [CondPageBreak(45 * mm),
                self._heading(f"5. 입주공간 점유 현황 ({format_date(o.as_of)} 기준)"), table,
                self._note(note)]

    def _mou_story(self) -> list:
        mou = self.data.mou
        dormant = len(mou.dormant)
        text = (f"MOU 체결 기업 {mou.total}개사 중 {format_date(mou.since)} 이후 상담·멘토링·행사 참여가 "
                f"있었던 활동 기업은 {mou.active}개사({fmt.percent(mou.active, mou.total)}), "
                f"활동이 없는 휴면 기업은 {dormant}개사입니다.")
        story = [CondPageBreak(50 * mm), self._heading("6. MOU 기업 활동 현황"), self._paragraph(text)]
        if mou.dormant:
            story.append(self._heading("연락이 가장 오래된 휴면 기업", 2))
            rows = [[i + 1, x.name, format_date(x.last_contact) or "기록 없음"]
                    for i, x in enumerate(mou.dormant[:LIST_LIMIT])]
            story.append(tables.grid(["순위", "기업명", "마지막 접촉일"], rows,
                                     tables.widths(self.width, 1, 8, 3), centered=(0, 2)))
            story += self._more_note(dormant)
        return story

    def _concerts_story(self) -> list:
        d = self.data
        story = [CondPageBreak(70 * mm), self._heading("7. 지식콘서트")]
        if d.concerts:
            planned = [c for c in d.concerts if c not in self._held()]
            rows = [[format_date(c.held_on), c.title + (" (예정)" if c in planned else ""), c.venue,
                     "예정" if c in planned else c.companies,
                     "예정" if c in planned else c.attendees] for c in d.concerts]
            story.append(tables.grid(["일자", "주제", "장소", "참여 기업", "참석 인원"], rows,
                                     tables.widths(self.width, 2, 6, 3.4, 1.6, 1.6),
                                     numeric=(3, 4), centered=(0,)))
            if planned:
                story.append(self._note("예정: 아직 열리지 않은 행사입니다. 참석 인원은 행사 뒤에 셉니다."))
        else:
            story.append(self._note("이번 달 열린 지식콘서트가 없습니다."))
        story.append(charts.monthly_columns([m.short_label for m, _ in d.concert_trend],
                                            [n for _, n in d.concert_trend], self.width,
                                            "최근 12개월 지식콘서트 참석 인원 (명)", height=42 * mm))
        return story

    def _difficulties_story(self) -> list:
        d = self.data
        story = [CondPageBreak(50 * mm), self._heading("8. 주요 애로사항")]
        if not d.difficulty_terms:
            return story + [self._note("이번 달 상담에서 기록된 애로사항이 없습니다.")]
        rows = [[i + 1, t.term, t.count, fmt.percent(t.count, d.difficulties_raised)]
                for i, t in enumerate(d.difficulty_terms)]
        story.append(tables.grid(["순위", "애로사항", "언급 상담", "비율"], rows,
                                 tables.widths(self.width, 1, 8, 2, 2), numeric=(2, 3),
                                 centered=(0,)))
        story.append(self._note(f"애로사항이 기록된 상담 {d.difficulties_raised:,}건 기준. 짧은 표현은 "
                                "그대로, 긴 서술은 낱말 단위로 셉니다."))
        return story

    # --- helpers -------------------------------------------------------------------------
    def _day(self):
        """The day the report speaks of: today in a running month, else the month's last."""
        return self.data.as_of or self.data.month.last

    def _overdue(self, x) -> bool:
        return x.closed_on is None and x.due_on is not None and x.due_on < self._day()

    def _open_label(self, x) -> str:
        if x.closed_on:
            return format_date(x.closed_on)
        return "처리 중 (기한\xa0초과)" if self._overdue(x) else "처리 중"

    def _held(self):
        return [c for c in self.data.concerts if c.held_on <= self._day()]

    def _paragraph(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles["text"])

    def _more_note(self, total: int) -> list:
        return [self._note(f"외 {total - LIST_LIMIT}건은 생략했습니다.")] if total > LIST_LIMIT else []
