"""The mentor pool: search (초성 too), filter by field and activity, and the profile beside it
(fields, organisation, contact, keywords, availability, hours this year, companies mentored,
notes) with the same edit history as companies."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QSplitter, QVBoxLayout,
    QWidget,
)

from campdesk.domain.choices import MENTOR_FIELD, MENTORING_STATUS
from campdesk.services import mentors
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.core.models.rows import ID_ROLE, RowsModel
from campdesk.ui.core.record_form import Field, FormDialog, RecordForm
from campdesk.ui.widgets.errors import show_failure
from campdesk.ui.widgets.search_box import SearchBox
from campdesk.ui.widgets.tables import data_table, fit_columns
from campdesk.ui.widgets.vocab_combo import VocabCombo

MENTOR_FORM = [
    Field("name", N_("이름")),
    Field("fields", N_("멘토링 분야"), "fields"),
    Field("organisation", N_("소속")),
    Field("phone", N_("전화번호"), placeholder="010-1234-5678"),
    Field("email", N_("이메일")),
    Field("expertise", N_("전문 분야"), placeholder=N_("벤처투자 유치, IR 피칭")),
    Field("keywords", N_("키워드"), placeholder=N_("IR 자료, 투자 유치 (쉼표로 구분)")),
    Field("availability", N_("가능 시간"), placeholder=N_("평일 오후, 온라인 가능")),
    Field("region", N_("지역")),
    Field("active", N_("활동 중"), "check"),
    Field("notes", N_("메모"), "text"),
]

COLUMNS = [
    Column("name", N_("이름"), lambda r: r.name),
    Column("fields", lambda: pgettext("mentor", "분야"),
           lambda r: fmt.labels(MENTOR_FIELD, r.fields)),
    Column("org", N_("소속"), lambda r: r.organisation or ""),
    Column("keywords", N_("키워드"), lambda r: r.keywords or ""),
    Column("hours", N_("올해 시간"), lambda r: f"{r.hours_this_year:g}",
           sort=lambda r: r.hours_this_year, align=RIGHT),
    Column("active", N_("활동"), lambda r: _("활동") if r.active else _("비활동"),
           sort=lambda r: r.active),
]


class MentorProfileView(QWidget):
    """One mentor: the editable form, then hours, companies and the edit history."""

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.mentor_id: str | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.form = RecordForm(MENTOR_FORM, self)
        self.errors = self.form.errors
        self.save_button = QPushButton(_("저장"))
        self.save_button.setObjectName("mentor_save")
        self.save_button.clicked.connect(self.save)
        self.activity_button = QPushButton(_("이번 달 활동 내역서…"))
        self.activity_button.setObjectName("mentor_activity")
        self.activity_button.clicked.connect(self.print_activity)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.history = QListWidget()
        self.history.setMaximumHeight(110)
        inner = QWidget()
        v = QVBoxLayout(inner)
        v.addWidget(self.title)
        v.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.activity_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        v.addLayout(row)
        v.addWidget(self.summary)
        v.addWidget(QLabel(_("수정 이력")))
        v.addWidget(self.history)
        v.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setEnabled(False)

    def show_mentor(self, mentor_id: str | None) -> None:
        self.mentor_id = mentor_id
        if not mentor_id:
            self.setEnabled(False)
            return
        self.app.ops.run(mentors.get_profile, self.app.ctx, mentor_id, key="mentors.profile",
                         owner=self, success=self._on_profile)

    def _on_profile(self, profile) -> None:
        if profile.id != self.mentor_id:
            return
        self.setEnabled(True)
        self.title.setText(profile.values["name"])
        self.form.set_values(profile.values)
        done = [n for _, n, st in profile.companies if st == "done"]
        companies = ", ".join(f"{n} ({fmt.label(MENTORING_STATUS, st)})"
                              for _, n, st in profile.companies[:12]) or _("없음")
        self.summary.setText(_("올해 멘토링 {0}회 · {1}시간\n멘토링한 기업 {2}곳 (수료 {3}): {4}")
                             .format(profile.sessions_this_year, f"{profile.hours_this_year:g}",
                                     len(profile.companies), len(done), companies))
        self.history.clear()
        for when, field, old, new in reversed(profile.history):
            label = fmt.field_name("mentors", field)
            self.history.addItem(f"{fmt.moment(when)}  {label}: {old or '-'} → {new or '-'}")

    def show_errors(self, errors) -> None:
        self.form.show_errors(errors)

    def print_activity(self) -> None:
        if not self.mentor_id:
            return
        from campdesk.domain.dates import today_seoul
        from campdesk.services.period import Month
        from campdesk.reports.kinds import Request, kind
        from campdesk.ui.core.printing import PdfDialog
        month = Month.of(today_seoul())
        PdfDialog.start(self.app, self, kind("mentor_activity_one").make, self.app.ctx,
                        Request(month=month, extra={"mentor_id": self.mentor_id}),
                        title=_("멘토 활동 내역서"),
                        file_name=_("멘토활동내역서-{month}.pdf").format(month=month.key))

    def save(self) -> None:
        if not self.mentor_id:
            return
        values = {**self.form.values(), "_form": True}
        self.save_button.setEnabled(False)
        self.app.ops.run(mentors.update_mentor, self.app.ctx, self.mentor_id, values, write=True,
                         owner=self, success=self._saved, failure=self._failed)

    def _saved(self, _changed) -> None:
        self.save_button.setEnabled(True)
        self.form.errors.clear()
        self.app.bus.changed("mentors")
        self.show_mentor(self.mentor_id)

    def _failed(self, exc) -> None:
        self.save_button.setEnabled(True)
        show_failure(self, exc)


class MentorPoolView(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.rows: list = []
        self.search = SearchBox()
        self.search.setObjectName("mentor_search")
        self.search.setPlaceholderText(_("이름, 초성(ㅂㅌ), 소속, 키워드로 찾기"))
        self.search.search_changed.connect(lambda _text: self._apply())
        self.field = VocabCombo(MENTOR_FIELD, blank=_("모든 분야"))
        self.field.setObjectName("mentor_field_filter")
        self.field.currentIndexChanged.connect(lambda _i: self._apply())
        self.active = QComboBox()
        self.active.setObjectName("mentor_active_filter")
        for value, label in ((True, _("활동 중")), (None, _("전체")),
                             (False, _("비활동"))):
            self.active.addItem(label, value)
        self.active.currentIndexChanged.connect(lambda _i: self._apply())
        self.model = RowsModel(COLUMNS, self)
        self.table = data_table(self.model, self, stretch_column=3)
        self.table.setObjectName("mentors_table")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.count = QLabel()
        self.new_button = QPushButton(_("새 멘토 등록…"))
        self.new_button.clicked.connect(self.new_mentor)
        self.import_button = QPushButton(_("멘토단 가져오기…"))
        self.import_button.clicked.connect(self.import_pool)
        self.profile = MentorProfileView(app)
        left = QWidget()
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.field, 1)
        filters.addWidget(self.active, 1)
        v.addLayout(filters)
        v.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.import_button)
        foot.addWidget(self.new_button)
        v.addLayout(foot)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.profile)
        splitter.setSizes([700, 520])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        fit_columns(self.table, {0: "홍길동 박사", 1: "재무·투자, 기술개발", 2: "광주창조경제혁신센터",  # i18n: data
                                 4: "120", 5: "비활동"})  # i18n: data
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def refresh(self) -> None:
        self.app.ops.run(mentors.list_mentors, self.app.ctx, key="mentors.rows", owner=self,
                         success=self._on_rows)

    def _on_rows(self, rows) -> None:
        self.rows = rows
        self._apply()

    def _apply(self) -> None:
        current = self.profile.mentor_id
        shown = mentors.filter_mentors(self.rows, self.search.text(), self.field.code(),
                                       self.active.currentData())
        self.model.set_rows(shown)
        self.count.setText(_("{0} / 전체 {1}명").format(len(shown), len(self.rows)))
        row = self.model.index_of(current) if current else -1
        if row >= 0:
            self.table.selectRow(row)
        elif shown and not current:
            self.table.selectRow(0)

    def _on_current(self, current: QModelIndex, _previous=None) -> None:
        mentor_id = current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None
        if mentor_id and mentor_id != self.profile.mentor_id:
            self.profile.show_mentor(mentor_id)

    def new_mentor(self) -> None:
        dialog = FormDialog(self.app, _("새 멘토 등록"), MENTOR_FORM,
                            lambda raw: mentors.create_mentor(self.app.ctx, raw), self,
                            values={"active": True}, on_saved=self._created, changed=("mentors",))
        dialog.open()

    def import_pool(self) -> None:
        from campdesk.ui.core.data_tasks import start_import
        start_import(self.app, self, kind="mentors")

    def _created(self, mentor_id: str) -> None:
        self.profile.show_mentor(mentor_id)
        self.refresh()
