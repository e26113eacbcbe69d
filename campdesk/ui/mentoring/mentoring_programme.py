"""A mentoring programme on one screen: its pairings with hours used against allocated and
warnings, the sessions of the chosen pairing, hours per company and per mentor, and the
actions of a programme's life (pair, log a session, change mentor, complete, drop, print the
멘토링 일지, close)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
    QWidget,
)

from campdesk.domain.choices import MENTOR_FIELD, MENTORING_STATUS, SESSION_MODE
from campdesk.services import companies, mentoring, mentors
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.core.models.rows import ID_ROLE, RowsModel
from campdesk.ui.core.record_form import Field, FormDialog
from campdesk.ui.widgets.tables import data_table, fit_columns

WARN = QColor("#b3261e")


def _h(value) -> str:
    return "" if value is None else f"{value:g}"


PAIRING_COLUMNS = [
    Column("company", N_("기업"), lambda r: r.company),
    Column("mentor", N_("멘토"),
           lambda r: r.mentor + (f" (← {r.previous_mentor})" if r.previous_mentor else "")),
    Column("allocated", lambda: pgettext("hours", "배정"),
           lambda r: _h(r.hours_allocated), sort=lambda r: r.hours_allocated or 0, align=RIGHT),
    Column("used", N_("사용"), lambda r: _h(r.hours_used), sort=lambda r: r.hours_used, align=RIGHT),
    Column("sessions", N_("회차"), lambda r: str(r.sessions), sort=lambda r: r.sessions, align=RIGHT),
    Column("last", N_("최근 멘토링"), lambda r: fmt.day(r.last_session), sort=lambda r: r.last_session),
    Column("status", N_("상태"), lambda r: fmt.label(MENTORING_STATUS, r.status)),
    Column("warn", N_("확인할 점"), lambda r: " · ".join(r.warnings) or (r.end_reason or "")),
]
SESSION_COLUMNS = [
    Column("day", N_("일자"),
           lambda r: f"{fmt.day(r.held_on)} {r.start_time or ''}".strip(), sort=lambda r: (r.held_on, r.start_time or "")),
    Column("hours", N_("시간"), lambda r: _h(r.hours), sort=lambda r: r.hours, align=RIGHT),
    Column("mode", N_("방식"), lambda r: fmt.label(SESSION_MODE, r.mode)),
    Column("mentor", N_("멘토"), lambda r: r.mentor or ""),
    Column("topic", N_("주제"), lambda r: r.topic or ""),
    Column("content", N_("진행 내용"), lambda r: r.content or ""),
    Column("next", N_("다음 단계"), lambda r: r.next_step or ""),
]
HOURS_COLUMNS = [
    Column("name", N_("이름"), lambda r: r.name),
    Column("pairings", N_("배정 건"),
           lambda r: str(r.pairings), sort=lambda r: r.pairings, align=RIGHT),
    Column("allocated", N_("배정 시간"),
           lambda r: _h(r.allocated), sort=lambda r: r.allocated, align=RIGHT),
    Column("used", N_("사용 시간"), lambda r: _h(r.used), sort=lambda r: r.used, align=RIGHT),
    Column("over", N_("초과"), lambda r: _("초과") if r.over else ""),
]

PROGRAMME_FORM = [
    Field("name", N_("프로그램명"), placeholder=N_("2026 상반기 멘토링")),
    Field("starts_on", N_("시작일"), placeholder="2026-04-01"),
    Field("ends_on", N_("종료일"), placeholder="2026-06-30"),
    Field("notes", N_("메모"), "text"),
]
SESSION_FORM = [
    Field("held_on", N_("일자"), placeholder="2026-04-14"),
    Field("start_time", N_("시작 시각"), placeholder="14:00"),
    Field("hours", N_("시간"), placeholder="2"),
    Field("mode", N_("방식"), "vocab", vocab=SESSION_MODE),
    Field("place", N_("장소"), placeholder=N_("AI창업캠프 3층 회의실")),
    Field("topic", N_("주제")),
    Field("difficulty", N_("애로사항"), "text"),
    Field("content", N_("진행 내용"), "text"),
    Field("advice", N_("멘토 조언"), "text"),
    Field("next_step", N_("다음 단계"), "text"),
]


class ProgrammeView(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.programmes: list = []
        self.company_rows: list = []
        self.mentor_rows: list = []
        self.programme = QComboBox()
        self.programme.setObjectName("programme_combo")
        self.programme.setMinimumWidth(260)
        self.programme.currentIndexChanged.connect(lambda _i: self.load_pairings())
        self.new_programme_button = QPushButton(_("새 프로그램…"))
        self.new_programme_button.clicked.connect(self.new_programme)
        self.close_button = QPushButton(_("프로그램 종료…"))
        self.close_button.clicked.connect(self.close_programme)
        self.summary = QLabel()
        self.pairings = RowsModel(PAIRING_COLUMNS, self, tone=lambda r: WARN if r.warnings else None)
        self.pairing_table = data_table(self.pairings, self, stretch_column=7)
        self.pairing_table.setObjectName("pairings_table")
        self.pairing_table.selectionModel().currentRowChanged.connect(self._on_pairing)
        self.sessions = RowsModel(SESSION_COLUMNS, self)
        self.session_table = data_table(self.sessions, self, stretch_column=5)
        self.session_table.setObjectName("sessions_table")
        self.session_table.doubleClicked.connect(lambda _i: self.edit_session())
        self.session_table.setToolTip(_("두 번 누르면 회차를 고칩니다"))
        self.by_company = RowsModel(HOURS_COLUMNS, self, tone=lambda r: WARN if r.over else None)
        self.by_mentor = RowsModel(HOURS_COLUMNS, self, tone=lambda r: WARN if r.over else None)
        buttons = QHBoxLayout()
        self.actions = {}
        for key, text, slot in (
                ("pair", N_("기업 배정…"), self.pair),
                ("session", N_("회차 기록…"), self.log_session),
                ("change", N_("멘토 변경…"), self.change_mentor),
                ("done", N_("수료"), lambda: self.end("done")),
                ("drop", N_("중단…"), lambda: self.end("dropped")),
                ("print", N_("멘토링 일지 인쇄…"), self.print_log)):
            b = QPushButton(_(text))
            b.setObjectName(f"mentoring_{key}")
            b.clicked.connect(slot)
            self.actions[key] = b
            buttons.addWidget(b)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("프로그램")))
        top.addWidget(self.programme)
        top.addWidget(self.new_programme_button)
        top.addWidget(self.close_button)
        top.addWidget(self.summary, 1)
        lower = QTabWidget()
        lower.addTab(self.session_table, _("회차"))
        for model, title in ((self.by_company, N_("기업별 시간")),
                             (self.by_mentor, N_("멘토별 시간"))):
            table = data_table(model, self, stretch_column=0)
            lower.addTab(table, _(title))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.pairing_table)
        split.addWidget(lower)
        split.setSizes([330, 230])
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(top)
        v.addLayout(buttons)
        v.addWidget(split, 1)
        fit_columns(self.pairing_table, {0: "주식회사 빛고을인공지능", 1: "홍길동 (← 김철수)", 2: "20", 3: "12.5",  # i18n: data
                                         4: "10", 5: "2026. 10. 22.", 6: "진행 중"})  # i18n: data
        fit_columns(self.session_table, {0: "2026. 10. 22. 14:00", 1: "2.5", 2: "온라인", 3: "홍길동",  # i18n: data
                                         4: "IR 자료 점검"})  # i18n: data
        self.pairing_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.session_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._update_buttons()

    # --- data --------------------------------------------------------------------------
    def programme_id(self) -> str | None:
        return self.programme.currentData()

    def pairing(self):
        index = self.pairing_table.currentIndex()
        return self.pairings.row(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        self.app.ops.run(mentoring.list_programmes, self.app.ctx, key="mentoring.programmes",
                         owner=self, success=self._on_programmes)
        self.app.ops.run(companies.list_companies, self.app.ctx, key="mentoring.companies",
                         owner=self, success=lambda rows: setattr(self, "company_rows", rows))
        self.app.ops.run(mentors.list_mentors, self.app.ctx, key="mentoring.mentors",
                         owner=self, success=lambda rows: setattr(self, "mentor_rows", rows))

    def _on_programmes(self, rows) -> None:
        current = self.programme_id()
        self.programmes = rows
        self.programme.blockSignals(True)
        self.programme.clear()
        for p in rows:
            state = _("종료") if p.status == "closed" else f"{fmt.day(p.starts_on)}~"
            self.programme.addItem(f"{p.name} ({state})", p.id)
        index = self.programme.findData(current)
        self.programme.setCurrentIndex(index if index >= 0 else 0 if rows else -1)
        self.programme.blockSignals(False)
        self.load_pairings()

    def load_pairings(self) -> None:
        pid = self.programme_id()
        if not pid:
            self.pairings.set_rows([])
            self._update_buttons()
            return
        self.app.ops.run(mentoring.list_pairings, self.app.ctx, pid, key="mentoring.pairings",
                         owner=self, success=self._on_pairings)
        self.app.ops.run(mentoring.hours_by_company, self.app.ctx, pid, key="mentoring.by_company",
                         owner=self, success=self.by_company.set_rows)
        self.app.ops.run(mentoring.hours_by_mentor, self.app.ctx, pid, key="mentoring.by_mentor",
                         owner=self, success=self.by_mentor.set_rows)

    def _on_pairings(self, rows) -> None:
        current = self.pairing()
        self.pairings.set_rows(rows)
        allocated = sum(r.hours_allocated or 0 for r in rows)
        used = sum(r.hours_used for r in rows)
        warned = sum(1 for r in rows if r.warnings)
        self.summary.setText(_("기업 {0}곳 · 배정 {1}시간 · 사용 {2}시간 · 확인할 점 {3}건")
                             .format(len(rows), _h(allocated), _h(round(used, 2)), warned))
        row = self.pairings.index_of(current.id) if current else -1
        if row >= 0:
            self.pairing_table.selectRow(row)
        else:
            self.sessions.set_rows([])
        self._update_buttons()

    def _on_pairing(self, current: QModelIndex, _previous=None) -> None:
        self._update_buttons()
        pairing_id = current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None
        if pairing_id:
            self.app.ops.run(mentoring.list_sessions, self.app.ctx, pairing_id, key="mentoring.sessions",
                             owner=self, success=self.sessions.set_rows)

    def _update_buttons(self) -> None:
        p = self.pairing()
        open_pairing = p is not None and p.status not in ("done", "dropped")
        programme = next((x for x in self.programmes if x.id == self.programme_id()), None)
        running = programme is not None and programme.status != "closed"
        self.actions["pair"].setEnabled(running)
        self.close_button.setEnabled(running)
        for key in ("session", "change", "done", "drop"):
            self.actions[key].setEnabled(open_pairing)
        self.actions["print"].setEnabled(p is not None)

    def _changed(self, _result=None) -> None:
        self.app.bus.changed("mentorings")

    # --- actions -----------------------------------------------------------------------
    def new_programme(self) -> None:
        FormDialog(self.app, _("새 멘토링 프로그램"), PROGRAMME_FORM,
                   lambda raw: mentoring.create_programme(self.app.ctx, raw), self,
                   changed=("mentoring_programmes",)).open()

    def close_programme(self) -> None:
        pid = self.programme_id()
        if not pid:
            return
        answer = QMessageBox.question(self, _("프로그램 종료"),
                                      _("진행 중인 멘토링은 모두 수료로 끝납니다. 프로그램을 종료할까요?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.app.ops.run(mentoring.close_programme, self.app.ctx, pid, write=True, owner=self,
                             success=self._changed)

    def _mentor_options(self, exclude: str | None = None):
        active = sorted((m for m in self.mentor_rows if m.active and m.id != exclude),
                        key=lambda m: m.name)
        return [(m.id, f"{m.name} · {fmt.labels(MENTOR_FIELD, m.fields)} · {m.organisation or ''}")
                for m in active]

    def pair(self) -> None:
        pid = self.programme_id()
        fields = [Field("company_id", N_("기업"), "company"),
                  Field("mentor_id", N_("멘토"), "options", options=self._mentor_options()),
                  Field("hours_allocated", N_("배정 시간"), placeholder="15"),
                  Field("topic", N_("주제"), placeholder=N_("투자 유치 전략"))]
        dialog = FormDialog(self.app, _("기업 배정"), fields,
                            lambda raw: mentoring.pair(self.app.ctx, pid, raw["company_id"], raw["mentor_id"],
                                                       raw["hours_allocated"], raw["topic"]), self,
                            changed=("mentorings",))
        dialog.form.widgets["company_id"].set_rows(self.company_rows)
        dialog.open()
        return dialog

    def log_session(self):
        p = self.pairing()
        if p is None:
            return None
        from campdesk.domain.dates import today_seoul
        dialog = FormDialog(self.app, _("멘토링 회차 기록 — {0} · {1}")
                            .format(p.company, p.mentor), SESSION_FORM,
                            lambda raw: mentoring.record_session(self.app.ctx, p.id, raw), self,
                            values={"held_on": today_seoul(), "mode": "offline",
                                    "topic": p.topic or ""},
                            changed=("mentoring_sessions",))
        dialog.open()
        return dialog

    def edit_session(self):
        index = self.session_table.currentIndex()
        if not index.isValid():
            return None
        r = self.sessions.row(index.row())
        values = {"held_on": r.held_on, "start_time": r.start_time, "hours": r.hours,
                  "mode": r.mode, "place": r.place, "topic": r.topic, "difficulty": r.difficulty,
                  "content": r.content, "advice": r.advice, "next_step": r.next_step}
        dialog = FormDialog(self.app, _("멘토링 회차 고치기 — {0}").format(fmt.day(r.held_on)),
                            SESSION_FORM, lambda raw: mentoring.update_session(self.app.ctx, r.id, raw), self,
                            values=values, changed=("mentoring_sessions",))
        dialog.open()
        return dialog

    def change_mentor(self):
        p = self.pairing()
        if p is None:
            return None
        fields = [Field("mentor_id", N_("새 멘토"), "options",
                        options=self._mentor_options(exclude=p.mentor_id)),
                  Field("reason", N_("변경 사유"), "text")]
        dialog = FormDialog(self.app, _("멘토 변경 — {0}").format(p.company), fields,
                            lambda raw: mentoring.change_mentor(self.app.ctx, p.id, raw["mentor_id"],
                                                                raw["reason"]), self, changed=("mentorings",))
        dialog.open()
        return dialog

    def end(self, state: str):
        p = self.pairing()
        if p is None:
            return None
        if state == "done":
            self.app.ops.run(mentoring.end_pairing, self.app.ctx, p.id, "done", write=True, owner=self,
                             success=self._changed)
            return None
        dialog = FormDialog(self.app, _("멘토링 중단 — {0}").format(p.company),
                            [Field("end_reason", N_("중단 사유"), "text")],
                            lambda raw: mentoring.end_pairing(self.app.ctx, p.id, "dropped", raw["end_reason"]),
                            self, changed=("mentorings",))
        dialog.open()
        return dialog

    def print_log(self) -> None:
        index = self.session_table.currentIndex()
        if not index.isValid() and self.sessions.rowCount():
            index = self.sessions.index(self.sessions.rowCount() - 1, 0)
        if not index.isValid():
            QMessageBox.information(self, _("멘토링 일지"),
                                    _("인쇄할 회차가 없습니다. 먼저 회차를 기록해 주세요."))
            return
        session = self.sessions.row(index.row())
        from campdesk.reports.kinds import Request, kind
        from campdesk.ui.core.printing import PdfDialog
        PdfDialog.start(self.app, self, kind("mentoring_log").make, self.app.ctx,
                        Request(extra={"session_id": session.id}),
                        title=_("멘토링 일지"), file_name=_("멘토링일지.pdf"))
