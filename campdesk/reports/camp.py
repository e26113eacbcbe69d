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
        m = self.data.month
        subtitle = (f"보고 기간 {fmt.period(m.first, m.last)} · 비교: 전월({m.previous().label}), "
                    f"전년 동월({m.year_before().label}) · 인공지능종합지원센터 월례회의 자료")
        return (self._title_story(f"{m.label} {self.title}", subtitle) + self._figures_story()
                + self._comparison_story() + self._consultations_story()
                + self._escalations_story() + self._tenants_story() + self._occupancy_story()
                + self._mou_story() + self._concerts_story() + self._difficulties_story())

    # --- sections ------------------------------------------------------------------------
    def _figures_story(self) -> list:
        d = self.data
        occ = d.occupancy
        items = [(f"{d.counts.total:,}건", "상담"),
                 (f"{d.escalations.count}건", "책임상담사 이관"),
                 (f"{occ.companies}개사", "입주기업"),
                 (fmt.percent(occ.desks_taken, occ.desks), "좌석 점유율"),
                 (f"{d.mou.active}/{d.mou.total}", "활동 MOU 기업"),
                 (f"{sum(c.attendees for c in d.concerts)}명", "지식콘서트 참석")]
        return [tables.figures(items, self.width), self._gap(2)]

    def _comparison_story(self) -> list:
        rows = [[r.label, fmt.number(r.this, r.unit), fmt.number(r.previous, r.unit),
                 fmt.change(r.this, r.previous, r.unit), fmt.number(r.year_before, r.unit),
                 fmt.change(r.this, r.year_before, r.unit)] for r in self.data.comparison]
        header = ["항목", "이번 달", "전월", "전월 대비", "전년 동월", "전년 대비"]
        return [self._heading("1. 주요 지표 비교"),
                tables.grid(header, rows, tables.widths(self.width, 3, 2, 2, 2.6, 2, 2.6),
                            numeric=(1, 2, 3, 4, 5))]

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
        rows = [[vocab.label(code), now.get(code, 0), fmt.percent(now.get(code, 0), d.counts.total),
                 getattr(d.counts_previous, attr).get(code, 0),
                 getattr(d.counts_year_before, attr).get(code, 0)] for code in codes]
        rows.append(["합계", d.counts.total, "100.0%" if d.counts.total else fmt.DASH,
                     d.counts_previous.total, d.counts_year_before.total])
        left_w = self.width * 0.56
        table = tables.grid(["구분", "이번 달", "비율", "전월", "전년 동월"], rows,
                            tables.widths(left_w, 3.2, 1.6, 1.6, 1.5, 1.9),
                            numeric=(1, 2, 3, 4), total=True)
        labels, values = [vocab.label(c) for c in codes], [now.get(c, 0) for c in codes]
        right_w = self.width - left_w
        chart = (charts.pie(labels, values, right_w) if pie else
                 charts.bars(labels, values, right_w, row=tables.ROW_HEIGHT))
        return [self._heading(heading, 2), tables.side_by_side(table, chart, self.width, 0.56)]

    def _escalations_story(self) -> list:
        e = self.data.escalations
        summary = (f"이번 달 책임상담사에게 이관된 상담은 {e.count}건이며 그중 {len(e.closed)}건이 "
                   f"월말까지 종결되었습니다. 종결까지 걸린 기간은 평균 {fmt.days(e.mean_days)}, "
                   f"중앙값 {fmt.days(e.median_days)}, 최장 {fmt.days(e.max_days)}입니다. "
                   f"이전 달 이관분을 포함해 월말 현재 처리 중인 이관은 {e.open_at_month_end}건입니다.")
        story = [CondPageBreak(60 * mm), self._heading("3. 책임상담사 이관 및 처리 기간"),
                 self._paragraph(summary)]
        if not e.lines:
            return story
        # Still open first, then the slowest to close: what the council asks about.
        shown = sorted(e.lines, key=lambda x: (x.days is not None, -(x.days or 0),
                                               x.escalated_on))[:LIST_LIMIT]
        rows = [[format_date(x.escalated_on), x.who, CATEGORY.label(x.category), x.consultant,
                 format_date(x.due_on), format_date(x.closed_on) or "처리 중", fmt.days(x.days)]
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
            rows = [[format_date(c.held_on), c.title, c.venue, c.companies, c.attendees]
                    for c in d.concerts]
            story.append(tables.grid(["일자", "주제", "장소", "참여 기업", "참석 인원"], rows,
                                     tables.widths(self.width, 2, 6, 3.4, 1.6, 1.6),
                                     numeric=(3, 4), centered=(0,)))
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
    def _paragraph(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles["text"])

    def _more_note(self, total: int) -> list:
        return [self._note(f"외 {total - LIST_LIMIT}건은 생략했습니다.")] if total > LIST_LIMIT else []
