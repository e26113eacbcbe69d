"""The monthly camp report for the council of partner agencies."""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, Paragraph
from reportlab.lib.units import mm

from campdesk.domain.choices import CATEGORY, CHANNEL, OUTCOME, Vocabulary
from campdesk.i18n import N_, _, ngettext, pgettext
from campdesk.reports import charts, fmt, tables
from campdesk.reports.base import Renderer
from campdesk.services.reporting.views import CampMonth, TenantMove

LIST_LIMIT = 40  # rows of a long list (escalations, dormant companies) before "N more"


class CampMonthRenderer(Renderer):
    title = N_("AI창업캠프 월간 운영 보고서")

    data: CampMonth

    def document_title(self) -> str:
        return _("{month} {title}").format(month=fmt.month(self.data.month), title=self.shown_title)

    def story(self) -> list:
        d, m = self.data, self.data.month
        title = self.document_title()
        if not d.has_data:
            return self._title_story(title, _("보고 기간 {period}").format(
                period=fmt.period(m.first, m.last))) + [
                self._paragraph(_("<b>자료 없음</b>: {month}에는 기록이 없습니다 ({span}).").format(
                    month=fmt.month(m), span=self._span_text()))]
        if d.as_of:
            prev_last, year_last = d.compared_to
            subtitle = _("보고 기간 {period} (진행 중인 달) · 비교: 전월 같은 기간({previous}), "
                         "전년 같은 기간({year_before}) · 인공지능종합지원센터 월례회의 자료").format(
                period=fmt.period(m.first, d.as_of),
                previous=fmt.period(m.previous().first, prev_last),
                year_before=fmt.period(m.year_before().first, year_last))
        else:
            subtitle = _("보고 기간 {period} · 비교: 전월({previous}), 전년 동월({year_before}) · "
                         "인공지능종합지원센터 월례회의 자료").format(
                period=fmt.period(m.first, m.last), previous=fmt.month(m.previous()),
                year_before=fmt.month(m.year_before()))
        return (self._title_story(title, subtitle) + self._provisional_story()
                + self._figures_story()
                + self._comparison_story() + self._consultations_story()
                + self._escalations_story() + self._tenants_story() + self._occupancy_story()
                + self._mou_story() + self._concerts_story() + self._difficulties_story())

    def _span_text(self) -> str:
        span = self.data.span
        if span is None or span.first is None:
            return _("아직 상담 기록이 하나도 없습니다")
        return _("기록은 {first}부터 {last}까지 있습니다").format(first=fmt.day(span.first),
                                                         last=fmt.day(span.today))

    def _provisional_story(self) -> list:
        d = self.data
        if not d.as_of:
            return []
        return [self._paragraph(
            "<font color='#b5545c'><b>" + _("{day} 기준 잠정").format(day=fmt.day(d.as_of))
            + "</b></font> · " + _("진행 중인 달의 {day}까지 기록입니다. 월말까지 수치가 바뀌며, "
                                   "전월·전년과는 같은 날짜까지 비교합니다.").format(
                day=fmt.short_date(d.as_of)))]

    @property
    def _until(self) -> str:
        """How the report says "by the end of the month" (or by today, in a running month)."""
        if self.data.as_of:
            return _("{day} 현재").format(day=fmt.short_date(self.data.as_of))
        return _("월말 현재")

    # --- sections ------------------------------------------------------------------------
    def _figures_story(self) -> list:
        d = self.data
        occ = d.occupancy
        avg = d.occupancy_average or occ
        items = [(fmt.number(d.counts.total, fmt.CASES), pgettext("figure", "상담")),
                 (fmt.number(d.escalations.count, fmt.CASES), pgettext("count", "책임상담사 이관")),
                 (fmt.number(occ.companies, fmt.COMPANIES), _("입주기업")),
                 (fmt.percent(avg.desks_taken, avg.desks), _("좌석 점유율 (월평균)")),
                 (f"{d.mou.active}/{d.mou.total}", _("활동 MOU 기업")),
                 (fmt.number(sum(c.attendees for c in self._held()), fmt.PEOPLE), _("지식콘서트 참석"))]
        return [tables.figures(items, self.width), self._gap(2)]

    def _comparison_story(self) -> list:
        def shown(value, unit):
            return fmt.NO_DATA if value is None else fmt.number(value, unit)

        def change(now, before, unit):
            return fmt.NO_DATA if before is None or now is None else fmt.change(now, before, unit)

        rows = [[_(r.label), shown(r.this, r.unit), shown(r.previous, r.unit),
                 change(r.this, r.previous, r.unit), shown(r.year_before, r.unit),
                 change(r.this, r.year_before, r.unit)] for r in self.data.comparison]
        running = bool(self.data.as_of)
        header = [_("항목"), _("이번 달"), _("전월 같은 기간") if running else _("전월"), _("전월 대비"),
                  _("전년 같은 기간") if running else _("전년 동월"), _("전년 대비")]
        story = [self._heading(_("1. 주요 지표 비교")),
                 tables.grid(header, rows, tables.widths(self.width, 3, 2, 2, 2.6, 2, 2.6),
                             numeric=(1, 2, 3, 4, 5))]
        d, span = self.data, self.data.span
        if not d.year_before_has_data:
            story.append(self._note(_("{mark}: 그 기간에는 기록이 없습니다 ({span}).").format(
                mark=fmt.NO_DATA, span=self._span_text())))
        elif span and span.first:
            before = d.month.year_before()
            last = d.compared_to[1] if d.compared_to else before.last
            if before.first < span.first <= last:  # the records begin within that period
                story.append(self._note(_("전년 수치는 기록이 시작된 {first}부터 {last}까지만 "
                                          "셉니다.").format(first=fmt.day(span.first),
                                                          last=fmt.day(last))))
        return story

    def _consultations_story(self) -> list:
        d = self.data
        trend = charts.monthly_columns([m.short_label for m, _ in d.trend],
                                       [n for _, n in d.trend], self.width,
                                       _("최근 13개월 상담 건수 (건)"))
        return ([CondPageBreak(90 * mm), self._heading(_("2. 상담 현황")), trend]
                + self._breakdown_story(_("2-1. 경로별 상담"), CHANNEL, "by_channel")
                + self._breakdown_story(_("2-2. 분야별 상담"), CATEGORY, "by_category")
                + self._breakdown_story(_("2-3. 처리 결과"), OUTCOME, "by_outcome", pie=True))

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

        rows = [[fmt.label(vocab, code), now.get(code, 0), fmt.percent(now.get(code, 0), d.counts.total),
                 then(d.counts_previous, prev_ok, code),
                 then(d.counts_year_before, year_ok, code)] for code in codes]
        rows.append([_("합계"), d.counts.total, "100.0%" if d.counts.total else fmt.DASH,
                     then(d.counts_previous, prev_ok), then(d.counts_year_before, year_ok)])
        left_w = self.width * 0.56
        labels, values = [fmt.label(vocab, c) for c in codes], [now.get(c, 0) for c in codes]
        shares = tables.widths(left_w, 3.2, 1.6, 1.6, 1.5, 1.9)
        need = max(tables.widest_line(x) for x in labels + [_("합계")]) if labels else 0
        fixed = {0: min(need, left_w * 0.4)} if need > shares[0] else None  # a label on one line
        table = tables.grid([_("구분"), _("이번 달"), _("비율"), _("전월"), _("전년")], rows,
                            tables.widths(left_w, 3.2, 1.6, 1.6, 1.5, 1.9, fixed=fixed),
                            numeric=(1, 2, 3, 4), total=True)
        right_w = self.width - left_w
        # Each bar level with its row: under the header as the table draws it (two lines in
        # English), one row of the table per bar.
        _w, _h = table.wrap(left_w, 0xFFFFFF)
        header = table._rowHeights[0] if table._rowHeights else tables.ROW_HEIGHT
        chart = (charts.pie(labels, values, right_w) if pie else
                 charts.bars(labels, values, right_w, row=tables.ROW_HEIGHT, top=header))
        return [self._heading(heading, 2), tables.side_by_side(table, chart, self.width, 0.56)]

    def _escalations_story(self) -> list:
        e = self.data.escalations
        until = self._until
        if self.data.as_of:
            by = _("{day}까지").format(day=fmt.short_date(self.data.as_of))
        else:
            by = _("월말까지")
        summary = ngettext("이번 달 책임상담사에게 이관된 상담은 {n}건이며 그중 {closed}건이 {by} "
                           "종결되었습니다.",
                           "이번 달 책임상담사에게 이관된 상담은 {n}건이며 그중 {closed}건이 {by} "
                           "종결되었습니다.", e.count).format(n=e.count, closed=len(e.closed), by=by)
        if e.closed:
            summary += " " + _("종결까지 걸린 기간은 평균 {mean}, 중앙값 {median}, 최장 {longest}입니다.").format(
                mean=fmt.days(e.mean_days), median=fmt.days(e.median_days),
                longest=fmt.days(e.max_days))
        elif e.count:
            summary += " " + _("아직 종결된 건이 없어 처리 기간은 셀 수 없습니다.")
        summary += " " + ngettext("이전 달 이관분을 포함해 {until} 처리 중인 이관은 {n}건입니다.",
                                  "이전 달 이관분을 포함해 {until} 처리 중인 이관은 {n}건입니다.",
                                  e.open_at_month_end).format(until=until, n=e.open_at_month_end)
        overdue = sum(1 for x in e.lines if self._overdue(x))
        if overdue:
            summary += " " + ngettext("그중 이번 달 이관분 {n}건은 처리 기한을 넘겼습니다.",
                                      "그중 이번 달 이관분 {n}건은 처리 기한을 넘겼습니다.",
                                      overdue).format(n=overdue)
        story = [CondPageBreak(60 * mm), self._heading(_("3. 책임상담사 이관 및 처리 기간")),
                 self._paragraph(summary)]
        if not e.lines:
            return story
        # Still open first, then the slowest to close: what the council asks about.
        shown = sorted(e.lines, key=lambda x: (x.days is not None, -(x.days or 0),
                                               x.escalated_on))[:LIST_LIMIT]
        rows = [[fmt.day(x.escalated_on), x.who, fmt.label(CATEGORY, x.category), x.consultant,
                 fmt.day(x.due_on), self._open_label(x), fmt.days(x.days)]
                for x in shown]
        story.append(tables.grid([_("이관일"), _("기업·문의자"), _("분야"), _("책임상담사"), _("기한"),
                                  _("종결일"), _("처리 기간")], rows,
                                 tables.widths(self.width, 0, 3.6, 2.2, 1.7, 0, 0, 1.5,
                                               fixed={0: tables.DATE_W, 4: tables.DATE_W,
                                                      5: tables.DATE_W}),
                                 numeric=(6,), centered=(0, 4, 5)))
        if len(e.lines) > LIST_LIMIT:
            story.append(self._note(_("처리 중인 건, 처리 기간이 긴 건 순으로 {shown}건을 보입니다 "
                                      "(전체 {total}건).").format(shown=LIST_LIMIT, total=e.count)))
        return story

    def _tenants_story(self) -> list:
        d = self.data
        story = [CondPageBreak(50 * mm), self._heading(_("4. 입주기업 변동"))]
        for title, moves, verb in ((_("신규 입주 ({n}개사)"), d.new_tenants, _("입주일")),
                                   (_("퇴거 ({n}개사)"), d.leaving_tenants, _("퇴거일"))):
            story.append(self._heading(title.format(n=len(moves)), 2))
            story += self._moves_table(moves, verb)
        return story

    def _moves_table(self, moves: list[TenantMove], verb: str) -> list:
        if not moves:
            return [self._note(_("해당 없음"))]
        rows = [[x.company, fmt.day(x.on), x.space] for x in moves]
        return [tables.grid([_("기업명"), verb, _("공간")], rows, tables.widths(self.width, 5, 0, 6,
                                                                   fixed={1: tables.DATE_W}),
                            centered=(1,))]

    def _occupancy_story(self) -> list:
        o = self.data.occupancy
        rows = [[_("{n}층").format(n=f.floor), f.desks, f.desks_taken, fmt.percent(f.desks_taken, f.desks),
                 fmt.area(f.area_m2), fmt.area(f.area_taken_m2),
                 fmt.percent(f.area_taken_m2, f.area_m2), f.companies] for f in o.floors]
        rows.append([_("합계"), o.desks, o.desks_taken, fmt.percent(o.desks_taken, o.desks),
                     fmt.area(o.area_m2), fmt.area(o.area_taken_m2),
                     fmt.percent(o.area_taken_m2, o.area_m2), o.companies])
        table = tables.grid([_("층"), _("좌석"), _("사용 좌석"), _("좌석 점유율"), _("임대 면적"),
                             _("사용 면적"), _("면적 점유율"), _("입주기업")], rows,
                            tables.widths(self.width, 1.3, 1.2, 1.5, 1.7, 2, 2, 1.7, 1.5),
                            numeric=(1, 2, 3, 4, 5, 6, 7), centered=(0,), total=True)
        note = _("입주공간 › 점유 현황 탭과 같은 기준입니다. 좌석은 사무실 정원과 오픈데스크 좌석을 "
                 "모두 세고, 면적은 회의실을 뺀 공간의 면적입니다(좌석이 있는 방은 좌석별로 셉니다). "
                 "예약만 된 배정은 사용으로 보지 않습니다. 입주기업 합계는 여러 층을 쓰는 기업을 "
                 "한 번만 셉니다.")
        return [CondPageBreak(45 * mm),
                self._heading(_("5. 입주공간 점유 현황 ({day} 기준)").format(day=fmt.day(o.as_of))),
                table,
                self._note(note)]

    def _mou_story(self) -> list:
        mou = self.data.mou
        dormant = len(mou.dormant)
        text = _("MOU 체결 기업 {total}개사 중 {since} 이후 상담·멘토링·행사 참여가 있었던 활동 기업은 "
                 "{active}개사({share}), 활동이 없는 휴면 기업은 {dormant}개사입니다.").format(
            total=mou.total, since=fmt.day(mou.since), active=mou.active,
            share=fmt.percent(mou.active, mou.total), dormant=dormant)
        story = [CondPageBreak(50 * mm), self._heading(_("6. MOU 기업 활동 현황")),
                 self._paragraph(text)]
        if mou.dormant:
            story.append(self._heading(_("연락이 가장 오래된 휴면 기업"), 2))
            rows = [[i + 1, x.name, fmt.day(x.last_contact) or _("기록 없음")]
                    for i, x in enumerate(mou.dormant[:LIST_LIMIT])]
            story.append(tables.grid([_("순위"), _("기업명"), _("마지막 접촉일")], rows,
                                     tables.widths(self.width, 1, 8, 3), centered=(0, 2)))
            story += self._more_note(dormant)
        return story

    def _concerts_story(self) -> list:
        d = self.data
        story = [CondPageBreak(70 * mm), self._heading(_("7. 지식콘서트"))]
        if d.concerts:
            planned = [c for c in d.concerts if c not in self._held()]
            rows = [[fmt.day(c.held_on), c.title + (" ({})".format(_("예정")) if c in planned else ""),
                     c.venue, _("예정") if c in planned else c.companies,
                     _("예정") if c in planned else c.attendees] for c in d.concerts]
            story.append(tables.grid([_("일자"), _("주제"), _("장소"), _("참여 기업"), _("참석 인원")],
                                     rows,
                                     tables.widths(self.width, 2, 6, 3.4, 1.6, 1.6),
                                     numeric=(3, 4), centered=(0,)))
            if planned:
                story.append(self._note(_("예정: 아직 열리지 않은 행사입니다. 참석 인원은 행사 뒤에 "
                                          "셉니다.")))
        else:
            story.append(self._note(_("이번 달 열린 지식콘서트가 없습니다.")))
        story.append(charts.monthly_columns([m.short_label for m, _ in d.concert_trend],
                                            [n for _, n in d.concert_trend], self.width,
                                            _("최근 12개월 지식콘서트 참석 인원 (명)"),
                                            height=42 * mm))
        return story

    def _difficulties_story(self) -> list:
        d = self.data
        story = [CondPageBreak(50 * mm), self._heading(_("8. 주요 애로사항"))]
        if not d.difficulty_terms:
            return story + [self._note(_("이번 달 상담에서 기록된 애로사항이 없습니다."))]
        rows = [[i + 1, t.term, t.count, fmt.percent(t.count, d.difficulties_raised)]
                for i, t in enumerate(d.difficulty_terms)]
        story.append(tables.grid([_("순위"), _("애로사항"), _("언급 상담"), _("비율")], rows,
                                 tables.widths(self.width, 1, 8, 2, 2), numeric=(2, 3),
                                 centered=(0,)))
        story.append(self._note(_("애로사항이 기록된 상담 {n}건 기준. 짧은 표현은 그대로, 긴 서술은 "
                                  "낱말 단위로 셉니다.").format(n=f"{d.difficulties_raised:,}")))
        return story

    # --- helpers -------------------------------------------------------------------------
    def _day(self):
        """The day the report speaks of: today in a running month, else the month's last."""
        return self.data.as_of or self.data.month.last

    def _overdue(self, x) -> bool:
        return x.closed_on is None and x.due_on is not None and x.due_on < self._day()

    def _open_label(self, x) -> str:
        if x.closed_on:
            return fmt.day(x.closed_on)
        return _("처리 중 (기한\xa0초과)") if self._overdue(x) else _("처리 중")

    def _held(self):
        return [c for c in self.data.concerts if c.held_on <= self._day()]

    def _paragraph(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles["text"])

    def _more_note(self, total: int) -> list:
        if total <= LIST_LIMIT:
            return []
        return [self._note(_("외 {n}건은 생략했습니다.").format(n=total - LIST_LIMIT))]
