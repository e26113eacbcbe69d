"""Outreach documents: the concert attendance sheet, the written questionnaire form (one
company, or many in one PDF), the agencies' monthly council pack, and the outreach section
added to the monthly camp report."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle,
)

from campdesk.domain.choices import AI_FIELDS, EVENT_KIND
from campdesk.domain.outreach import SUPPORT_KIND
from campdesk.i18n import N_, _, pgettext
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.reports.camp import CampMonthRenderer
from campdesk.reports.fonts import REGULAR
from campdesk.reports.styles import GRID
from campdesk.services.outreach.questionnaires import QUESTIONS, FormCompany
from campdesk.services.outreach.reporting import AttendanceSheet, CouncilPack, OutreachMonth

def _blank() -> Spacer:
    """An empty cell left empty (a plain "" would print as "-")."""
    return Spacer(1, 0)


def _or_blank(value):
    return value if value not in (None, "") else _blank()


def _day(d) -> str:
    return f"{fmt.day(d)} ({fmt.weekday(d)})"


class AttendanceSheetRenderer(Renderer):
    """The sheet at the door: registered companies with a column to sign, and blank lines."""

    data: AttendanceSheet

    def document_title(self) -> str:
        return _("{event} 참석자 명단").format(event=self.data.event.title)

    def story(self) -> list:
        e = self.data.event
        when = _day(e.held_on) + (f" {e.starts_at}" if e.starts_at else "")
        if e.moved_from:
            when += " ({})".format(_("정기일 {day}에서 옮김").format(day=fmt.day(e.moved_from)))
        story = self._title_story(self.document_title(), " · ".join(
            [fmt.label(EVENT_KIND, e.kind), _("서명으로 참석을 확인합니다")]))
        story.append(tables.form([(_("일시"), when), (_("장소"), e.venue or "-"),
                                  (_("주제"), e.theme or "-"), (_("연사"), e.speaker or "-")],
                                 self.width))
        story.append(self._gap(4))
        rows = [[i + 1, r.who, _or_blank(r.person_name), _or_blank(r.phone), r.attendees,
                 _("사전등록") if r.registered else _("현장"), _blank()]
                for i, r in enumerate(self.data.rows)]
        start = len(rows)
        rows += [[start + i + 1] + [_blank() for _ in range(6)] for i in range(self.data.blank_rows)]
        widths = tables.widths(self.width, 0.9, 4.2, 2.2, 2.8, 1, 1.5, 2.6)
        table = tables.grid(["No", _("기업·기관"), _("참석자"), _("연락처"), _("인원"), _("구분"),
                             _("서명")], rows, widths,
                            numeric=(4,), centered=(0, 5))
        table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [None]),
                                   ("TOPPADDING", (0, 1), (-1, -1), 7),
                                   ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))
        story.append(table)
        registered = sum(1 for r in self.data.rows if r.registered)
        story.append(self._note(_("사전 등록 {n}곳 · 빈 줄은 현장 참석자가 적습니다.").format(
            n=registered)))
        return story


def _box(height_mm: float, width: float) -> Table:
    t = Table([[""]], colWidths=[width], rowHeights=[height_mm * mm])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return t


class QuestionnaireFormRenderer(Renderer):
    """The written questionnaire, one form (one or two pages) per company, blank when none."""

    data: list[FormCompany | None]
    title = N_("AI창업캠프 MOU 기업 서면 설문")

    def story(self) -> list:
        story: list = []
        for i, company in enumerate(self.data or [None]):
            if i:
                story.append(PageBreak())
            story += self._form(company)
        return story

    def _form(self, c: FormCompany | None) -> list:
        intro = _("AI창업캠프는 MOU 기업의 현황과 애로사항을 듣고 필요한 지원으로 이어 드리고자 합니다. "
                  "아래 질문에 답해 주시고 현장 직원에게 전해 주시거나 사진을 찍어 오픈채팅으로 보내 주세요.")
        story = self._title_story(self.shown_title,
                                  _("작성일: ______년 ____월 ____일 · 작성자: ______________ (서명)"))
        story.append(Paragraph(intro, self.styles["text"]))
        codes = c.ai_fields.split(",") if c and c.ai_fields else []
        fields = ", ".join(fmt.label(AI_FIELDS, x) for x in codes if x)
        story.append(tables.form([
            (_("기업명"), _or_blank(c.name if c else None)),
            (_("사업자등록번호"), _or_blank(c.business_no if c else None)),
            (_("대표자"), _or_blank(c.representative if c else None)),
            (pgettext("person", "담당자"), _or_blank(c.contact if c else None)),
            (_("연락처"), _or_blank(c.phone if c else None)), (_("AI 분야"), _or_blank(fields)),
            (_("주소"), _or_blank(c.address if c else None)),
            (_("이메일"), _or_blank(c.email if c else None))], self.width))
        heights = {"company_status": 20, "difficulties": 28, "proposed_technology": 20,
                   "business_plan": 20, "suggestions": 20}
        for entry in QUESTIONS:
            field, question = _question(entry)
            block = [Paragraph(question, self.styles["h2"])]
            if field == "proposed_technology":
                boxes = "   ".join(f"□ {fmt.label(AI_FIELDS, f.code)}" for f in AI_FIELDS)
                block.append(Paragraph(boxes, self.styles["cell"]))
                block.append(self._gap(1.5))
            if field == "needs_visit":
                block.append(Paragraph(_("□ 예 (희망 시기: ____월 ____주)      □ 아니오"),
                                       self.styles["text"]))
            else:
                block.append(_box(heights[field], self.width))
            story.append(KeepTogether(block))
        story.append(self._gap(3))
        story.append(self._note(_("작성하신 내용은 AI창업캠프 상담 기록에만 쓰이며 지원 연계를 위해 "
                                  "유관기관과 공유될 수 있습니다. 문의: AI창업캠프 현장 사무실")))
        return story


def _question(entry) -> tuple[str, str]:
    """A questionnaire question (``QUESTIONS``: field, Korean[, English]) in the current language."""
    field, text = entry[0], entry[1]
    if len(entry) > 2 and fmt.english():
        return field, entry[2]
    return field, _(text)


def _kind(code: str) -> str:
    return fmt.label(SUPPORT_KIND, code)


def _span(r) -> str:
    end = fmt.day(r.ends_on) if r.ends_on else _("{year}년 말").format(year=r.starts_on.year)
    return f"{fmt.day(r.starts_on)} ~ {end}"


class OutreachSection:
    """The outreach part of a monthly document (a mixin of Renderer)."""

    def _outreach_story(self, o: OutreachMonth, number: str) -> list:
        story = [CondPageBreak(60 * mm), self._heading(_("{n}. 대외협력").format(n=number))]
        cases = fmt.CASES
        story.append(tables.figures([
            (fmt.number(o.responses, cases), _("서면 설문 회신")),
            (fmt.number(o.second_visits, cases), _("2차 방문 희망")),
            (fmt.number(o.visits_open, cases), _("열린 2차 방문")),
            (fmt.number(o.calls_told, cases), _("공모사업 안내")),
            (fmt.number(len(o.overlaps), cases), _("중복 지원"))], self.width))
        story.append(self._heading(_("{n}-1. 기술 수요 (설문 응답의 분야별)").format(n=number), 2))
        if o.tech_demand:
            total = sum(n for _c, n in o.tech_demand)
            rows = [[i + 1, fmt.label(AI_FIELDS, code), n, fmt.percent(n, total)]
                    for i, (code, n) in enumerate(o.tech_demand)]
            story.append(tables.grid([_("순위"), _("기술 분야"), _("응답"), _("비율")], rows,
                                     tables.widths(self.width, 1, 7, 2, 2), numeric=(2, 3),
                                     centered=(0,)))
        else:
            story.append(self._note(_("이번 달 회신된 설문에 기술 수요가 없습니다.")))
        return story

    def _overlaps_table(self, overlaps) -> list:
        if not overlaps:
            return [self._note(_("겹치는 기간에 같은 유형의 지원을 두 기관에서 받은 기업이 없습니다."))]
        rows = [[o.company, _kind(o.kind), f"{o.first.agency}\n{o.second.agency}",
                 f"{o.first.programme}\n{o.second.programme}", f"{_span(o.first)}\n{_span(o.second)}"]
                for o in overlaps]
        return [tables.grid([_("기업"), _("유형"), _("기관"), _("사업"), _("기간")], rows,
                            tables.widths(self.width, 3, 1.8, 3, 4, 4.2))]


class CampMonthWithOutreach(OutreachSection, CampMonthRenderer):
    """The monthly camp report with the outreach section at its end."""

    def __init__(self, data, outreach: OutreachMonth, meta):
        super().__init__(data, meta)
        self.outreach = outreach

    def story(self) -> list:
        return super().story() + self._outreach_story(self.outreach, "9")


class CouncilPackRenderer(OutreachSection, Renderer):
    """The agencies' monthly council pack: supports by agency and kind, the overlaps, and the
    camp's figures."""

    data: CouncilPack
    title = N_("유관기관 월례회의 자료")

    def document_title(self) -> str:
        return _("{month} {title}").format(month=fmt.month(self.data.month), title=self.shown_title)

    def story(self) -> list:
        d = self.data
        m = d.month
        story = self._title_story(self.document_title(), _(
            "기간 {period} · 지원사업 중복 조정과 AI창업캠프 운영 현황").format(
            period=fmt.period(m.first, m.last)))
        story.append(tables.figures([
            (fmt.number(len(d.supports), fmt.CASES), _("진행 중인 지원")),
            (fmt.number(len(d.overlaps), fmt.CASES), _("중복 지원 의심")),
            (fmt.number(d.consultations, fmt.CASES), _("캠프 상담")),
            (fmt.number(d.tenants, fmt.COMPANIES), _("입주기업")),
            (fmt.number(d.mou, fmt.COMPANIES), _("MOU 기업"))], self.width))
        story.append(self._heading(_("1. 중복 지원 의심 (같은 유형 · 두 기관 · 겹치는 기간)")))
        story += self._overlaps_table(d.overlaps)
        story.append(self._note(_("사업자등록번호로, 번호가 없는 행은 법인 형태와 띄어쓰기를 뺀 기업명으로 "
                                  "맞춰 보았습니다. 종료일이 없는 지원은 그해 말까지로 봅니다.")))
        story.append(self._heading(_("2. 기관·유형별 지원 현황 (이번 달 진행 중)")))
        if d.totals:
            rows = [[t.agency, _kind(t.kind), t.count, fmt.won(t.amount)] for t in d.totals]
            rows.append([_("합계"), _blank(), sum(t.count for t in d.totals),
                         fmt.won(sum(t.amount for t in d.totals))])
            story.append(tables.grid([_("기관"), _("지원 유형"), _("건수"), _("지원 금액")], rows,
                                     tables.widths(self.width, 5, 3, 1.5, 3), numeric=(2, 3),
                                     total=True))
        else:
            story.append(self._note(_("이번 달 진행 중인 지원이 없습니다.")))
        story.append(self._heading(_("3. 지원 내역")))
        if d.supports:
            rows = [[r.agency, r.programme, _kind(r.kind), r.company + ("" if r.matched else " *"),
                     _span(r), fmt.won(r.amount_krw) if r.amount_krw else "-"] for r in d.supports]
            story.append(tables.grid([_("기관"), _("사업"), _("유형"), _("기업"), _("기간"), _("금액")],
                                     rows, tables.widths(self.width, 2.6, 3.6, 1.7, 3, 3.8, 2.2),
                                     numeric=(5,)))
            story.append(self._note(_("* 캠프 기업 명부에 없는 기업 (기관이 적은 이름 그대로)")))
        story += self._outreach_story(d.outreach, "4")
        if d.outreach.concerts:
            story.append(self._heading(_("4-2. 지식콘서트"), 2))
            rows = [[_day(e.held_on), e.theme or e.title, e.speaker or "-", e.registered, e.attendees]
                    for e in d.outreach.concerts]
            story.append(tables.grid([_("일자"), _("주제"), _("연사"), _("사전등록"), _("참석 인원")],
                                     rows,
                                     tables.widths(self.width, 2.6, 5, 3, 1.6, 1.6), numeric=(3, 4)))
        return story
