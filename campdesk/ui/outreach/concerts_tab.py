"""지식콘서트: the year's concerts (fourth Thursday, moved off holidays; the move shown and
editable), invitations and the open-chat message, registrations, attendance, the sheet."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import EVENT_KIND
from campdesk.domain.dates import today_seoul
from campdesk.services import companies
from campdesk.services.outreach import events as ev
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.outreach.common import (
    Texts,
    Field, FormDialog, MessageDialog, current_row, open_dialog, outreach_pdf, table,
)
from campdesk.ui.widgets.tables import fit_columns

def _day(d) -> str:
    """``2026. 9. 24. (목)``: the weekday in the current language (Qt's locale names)."""
    if not d:
        return ""
    weekday = QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{fmt.day(d)} ({weekday})"


EVENT_COLUMNS = [
    Column("held_on", N_("일자"), lambda r: _day(r.held_on), sort=lambda r: r.held_on),
    Column("moved", N_("옮김"), lambda r: _("정기일 {0}에서").format(fmt.day(r.moved_from))
           if r.moved_from else ""),
    Column("kind", N_("종류"), lambda r: fmt.label(EVENT_KIND, r.kind)),
    Column("title", N_("행사"), lambda r: r.title),
    Column("speaker", N_("연사"), lambda r: r.speaker or ""),
    Column("registered", N_("사전등록"),
           lambda r: fmt.number(r.registered), sort=lambda r: r.registered,
           align=RIGHT),
    Column("attended", N_("참석"),
           lambda r: fmt.number(r.attended), sort=lambda r: r.attended, align=RIGHT),
]
ATTENDANCE_COLUMNS = [
    Column("who", N_("기업·기관"), lambda r: r.who),
    Column("person", N_("참석자"), lambda r: r.person_name or ""),
    Column("phone", N_("연락처"), lambda r: r.phone or ""),
    Column("n", N_("인원"), lambda r: str(r.attendees), sort=lambda r: r.attendees, align=RIGHT),
    Column("registered", N_("사전등록"), lambda r: fmt.day(r.registered_on) if r.registered else "-"),
    Column("attended", N_("참석"), lambda r: _("참석") if r.attended else _("미참석")),
]


class ConcertsTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.texts = Texts()
        self.year = QSpinBox()
        self.year.setObjectName("concert_year")
        self.year.setRange(2020, 2100)
        self.year.setValue(today_seoul().year)
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.events_model, self.events = table(EVENT_COLUMNS, self, stretch=3, sort_column=0)
        self.events.setObjectName("events_table")
        self.events.selectionModel().currentRowChanged.connect(lambda *_: self._load_attendance())
        self.events.doubleClicked.connect(lambda _: self.edit_event())
        self.att_model, self.att = table(ATTENDANCE_COLUMNS, self, stretch=0)
        self.att.setObjectName("attendance_table")
        self.summary = QLabel()
        buttons = {
            "schedule": (N_("올해 콘서트 일정 만들기"), self.schedule),
            "new": (N_("새 행사…"), lambda: self.edit_event(new=True)),
            "edit": (N_("일정·연사 수정…"), self.edit_event),
            "invite": (N_("초대 안내문…"), self.invitation),
            "register": (N_("참가 신청 등록…"), self.register),
            "attended": (N_("참석 확인/취소"), self.toggle_attended),
            "withdraw": (N_("신청 취소"), self.withdraw),
            "sheet": (N_("참석자 명단 인쇄…"), self.print_sheet),
        }
        self.buttons = {}
        for key, (text, handler) in buttons.items():
            b = self.texts.button(text)
            b.setObjectName(f"concert_{key}")
            b.clicked.connect(handler)
            self.buttons[key] = b
        top = QHBoxLayout()
        top.addWidget(self.texts.label(N_("연도")))
        top.addWidget(self.year)
        for key in ("schedule", "new", "edit"):
            top.addWidget(self.buttons[key])
        top.addStretch(1)
        mid = QHBoxLayout()
        mid.addWidget(self.summary, 1)
        for key in ("invite", "register", "attended", "withdraw", "sheet"):
            mid.addWidget(self.buttons[key])
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(mid)
        lv.addWidget(self.att, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.events)
        split.addWidget(lower)
        split.setSizes([260, 300])
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(split, 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths from typical values; the kinds' in the current language."""
        fit_columns(self.events, {0: "2026. 09. 17. (목)", 1: "정기일 2026. 09. 24.에서",  # i18n: data
                                  2: fmt.widest(EVENT_KIND),
                                  4: "홍길동 수석연구원", 5: "사전등록", 6: "참석"})  # i18n: data
        fit_columns(self.att, {1: "홍길동", 2: "010-0000-0000", 3: "인원", 4: "2026. 09. 07.", 5: "미참석"})  # i18n: data

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.app.ops.run(ev.list_events, self.app.ctx, self.year.value(), key="outreach.events",
                         success=self._on_events)

    def _on_events(self, rows) -> None:
        keep = self.current_event().id if self.current_event() else None
        self.events_model.set_rows(rows)
        today = today_seoul()
        if keep is None or self.events_model.index_of(keep) < 0:
            upcoming = [r for r in rows if r.held_on >= today and r.kind == "concert"]
            keep = upcoming[0].id if upcoming else (rows[-1].id if rows else None)
        if rows:
            self.events.selectRow(max(0, self.events_model.index_of(keep)))
        else:
            self.att_model.set_rows([])
            self.summary.setText(_("이 해의 행사가 없습니다. '올해 콘서트 일정 만들기'를 눌러 주세요."))

    def current_event(self):
        return current_row(self.events)

    def _load_attendance(self) -> None:
        e = self.current_event()
        if e is None:
            return
        self.app.ops.run(ev.attendance, self.app.ctx, e.id, key="outreach.attendance",
                         success=self._on_attendance)

    def _on_attendance(self, rows) -> None:
        self.att_model.set_rows(rows)
        e = self.current_event()
        came = sum(1 for r in rows if r.attended)
        registered = sum(1 for r in rows if r.registered)
        self.summary.setText(_("{0} · 사전등록 {1}곳 · 참석 {2}곳 ({3}명)").format(
            e.title if e else "", registered, came, sum(r.attendees for r in rows if r.attended)))

    # --- actions --------------------------------------------------------------------------
    def schedule(self) -> None:
        self.app.ops.run(ev.schedule_concerts, self.app.ctx, self.year.value(), write=True,
                         success=lambda _ids: self.app.bus.changed("events"))

    def edit_event(self, new: bool = False) -> None:
        e = None if new else self.current_event()
        if e is None and not new:
            return
        kinds = [(c.code, c.label(current_language())) for c in EVENT_KIND]
        fields = [Field("kind", N_("종류"), "combo", kinds), Field("title", N_("행사 이름")),
                  Field("held_on", N_("날짜"), "date"), Field("starts_at", N_("시작 시각")),
                  Field("moved_from", N_("옮기기 전 정기일"), "date"),
                  Field("venue", N_("장소")), Field("theme", N_("주제")),
                  Field("speaker", N_("연사"))]
        values = {} if e is None else {"kind": e.kind, "title": e.title, "held_on": e.held_on,
                                       "starts_at": e.starts_at, "moved_from": e.moved_from,
                                       "venue": e.venue, "theme": e.theme, "speaker": e.speaker}
        if e is None:
            values = {"kind": "concert", "venue": ev.CONCERT_VENUE, "starts_at": "16:00"}
        ctx, event_id = self.app.ctx, e.id if e else None
        open_dialog(FormDialog(self.app, _("행사"), fields, values,
                               lambda v: ev.save_event(ctx, v, event_id), self, changed=("events",)))

    def invitation(self) -> None:
        e = self.current_event()
        if e is None:
            return

        def make(ctx, event_id):
            people = ev.invitees(ctx, event_id)
            lines = [f"- {p.name} ({p.contact or '-'} {p.phone or ''})".rstrip()
                     + (_(" ✓신청") if p.registered else "") for p in people]
            return ev.invitation_text(ctx, event_id), lines

        def show(result) -> None:
            text, lines = result
            body = text + "\n\n" + _("── 초대 대상 (입주·MOU 기업 {0}곳) ──") \
                .format(len(lines)) + "\n" + "\n".join(lines)
            dialog = MessageDialog(_("초대 안내문"), body, self)
            dialog.text.setPlainText(body)
            dialog.message = text
            open_dialog(dialog)
        self.app.ops.run(make, self.app.ctx, e.id, success=show)

    def register(self) -> None:
        e = self.current_event()
        if e is None:
            return
        ctx = self.app.ctx
        fields = [Field("company_id", N_("기업"), "company"),
                  Field("person_name", N_("참석자")), Field("organisation", N_("기관(기업이 아닐 때)")),
                  Field("phone", N_("연락처")), Field("attendees", N_("인원"), "int")]
        open_dialog(FormDialog(self.app, _("참가 신청"), fields, {"attendees": 1},
                               lambda v: ev.register(ctx, e.id, v), self, changed=("event_attendance",),
                               companies=companies.list_companies(ctx)))

    def toggle_attended(self) -> None:
        row = current_row(self.att)
        if row is None:
            return
        self.app.ops.run(ev.set_attended, self.app.ctx, row.id, not row.attended, write=True,
                         success=lambda _: self.app.bus.changed("event_attendance"))

    def withdraw(self) -> None:
        row = current_row(self.att)
        if row is None:
            return
        self.app.ops.run(ev.remove_attendance, self.app.ctx, row.id, write=True,
                         success=lambda _: self.app.bus.changed("event_attendance"))

    def print_sheet(self) -> None:
        e = self.current_event()
        if e is None:
            return
        from campdesk.ui.core.printing import PdfDialog
        PdfDialog.start(self.app, self, outreach_pdf("attendance_pdf"), self.app.ctx, e.id,
                        title=_("참석자 명단"), file_name=_("참석자명단-{day}.pdf").format(day=e.held_on))

    def retranslate(self) -> None:
        """Texts, headers and labels in the language chosen now (the rows stay)."""
        self.texts.retranslate()
        self.events_model.retranslate()
        self.att_model.retranslate()
        self._fit_columns()

    def on_data_changed(self, table: str) -> None:
        if table in ("events", "*"):
            self.refresh()
        elif table in ("event_attendance", "companies"):
            self._load_attendance()
            self.refresh()
