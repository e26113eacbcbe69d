"""잡매칭: job seekers (with their consent), openings posted by tenant companies, and matches
소개 → 면접 → 채용 / 불발. Suggestions for an opening list only seekers who consented."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from campdesk.domain.choices import MATCH_STATUS, OPENING_STATUS, SEEKER_STATUS
from campdesk.services import companies, jobs
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.ui.core.ops import describe
from campdesk.ui.core.page import Page
from campdesk.ui.core.record_form import Field, FormDialog
from campdesk.ui.widgets.tables import data_table, fit_columns

TABLES = {"job_seekers", "job_openings", "job_matches", "companies", "*"}

SEEKER_COLUMNS = [
    Column("name", N_("이름"), lambda r: r.name),
    Column("skills", N_("보유 기술"), lambda r: r.skills or ""),
    Column("role", N_("희망 직무"), lambda r: r.desired_role or ""),
    Column("status", N_("상태"), lambda r: fmt.label(SEEKER_STATUS, r.status)),
    Column("consent", N_("정보 제공 동의"),
           lambda r: (_("동의") + f" ({fmt.day(r.consent_on)})") if r.consent else _("미동의"),
           sort=lambda r: r.consent),
]
OPENING_COLUMNS = [
    Column("company", N_("기업"), lambda r: r.company),
    Column("role", N_("모집 직무"), lambda r: r.role),
    Column("skills", N_("요구 기술"), lambda r: r.skills or ""),
    Column("headcount", N_("인원"),
           lambda r: str(r.headcount), sort=lambda r: r.headcount, align=RIGHT),
    Column("deadline", N_("마감일"), lambda r: fmt.day(r.deadline), sort=lambda r: r.deadline),
    Column("status", N_("상태"), lambda r: fmt.label(OPENING_STATUS, r.status)),
    Column("matches", N_("소개"), lambda r: str(r.matches), sort=lambda r: r.matches, align=RIGHT),
]
MATCH_COLUMNS = [
    Column("matched", N_("소개일"), lambda r: fmt.day(r.matched_on), sort=lambda r: r.matched_on),
    Column("company", N_("기업"), lambda r: r.company),
    Column("seeker", lambda: pgettext("column", "구직자"), lambda r: r.seeker),
    Column("position", N_("직무"), lambda r: r.position or ""),
    Column("status", N_("상태"), lambda r: fmt.label(MATCH_STATUS, r.status)),
    Column("interview", N_("면접일"),
           lambda r: fmt.day(r.interview_on), sort=lambda r: r.interview_on),
    Column("decided", N_("결과일"), lambda r: fmt.day(r.decided_on), sort=lambda r: r.decided_on),
]
SEEKER_FORM = [
    Field("name", N_("이름")),
    Field("phone", N_("전화번호")),
    Field("email", N_("이메일")),
    Field("skills", N_("보유 기술"), placeholder=N_("Python, PyTorch (쉼표로 구분)")),
    Field("desired_role", N_("희망 직무")),
    Field("status", N_("상태"), "vocab", vocab=SEEKER_STATUS),
    Field("consent", N_("기업에 정보 제공 동의"), "check"),
    Field("consent_on", N_("동의일"), placeholder=N_("비우면 오늘")),
    Field("notes", N_("메모"), "text"),
]
OPENING_FORM = [
    Field("company_id", N_("기업"), "company"),
    Field("role", N_("모집 직무")),
    Field("skills", N_("요구 기술"), placeholder=N_("Python, 컴퓨터 비전")),
    Field("headcount", N_("모집 인원"), placeholder="1"),
    Field("deadline", N_("마감일"), placeholder="2026-12-31"),
    Field("status", N_("상태"), "vocab", vocab=OPENING_STATUS),
    Field("notes", N_("메모"), "text"),
]


class _TableTab(QWidget):
    """A table with buttons below and, optionally, a list of suggestions beside it."""

    def __init__(self, model, stretch: int, side_title: str | None = None, parent=None):
        super().__init__(parent)
        self.model = model
        self.table = data_table(model, self, stretch_column=stretch)
        self.buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        left = QWidget()
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.table, 1)
        v.addWidget(self.message)
        v.addLayout(self.buttons)
        self.side = None
        if side_title:
            right = QWidget()
            rv = QVBoxLayout(right)
            rv.setContentsMargins(0, 0, 0, 0)
            self.side_title = QLabel(side_title)
            self.side_title.setWordWrap(True)
            self.side = QListWidget()
            self.side_button = QPushButton(_("선택한 사람 소개"))
            rv.addWidget(self.side_title)
            rv.addWidget(self.side, 1)
            rv.addWidget(self.side_button)
            self.side.currentItemChanged.connect(lambda *_: self._enable_side())
            self._enable_side()
            split = QSplitter(Qt.Orientation.Horizontal)
            split.addWidget(left)
            split.addWidget(right)
            split.setSizes([820, 400])
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(split)
        else:
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(left)

    def chosen(self) -> str | None:
        """The id of the suggestion chosen beside the table, or None."""
        item = self.side.currentItem() if self.side is not None else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_suggestions(self, found, empty: str) -> None:
        """The suggestions, or ``empty`` as a greyed line that cannot be chosen."""
        self.side.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name}\n   {c.reason}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.side.addItem(item)
        if not found:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.side.addItem(item)
        self._enable_side()

    def _enable_side(self) -> None:
        self.side_button.setEnabled(self.chosen() is not None)

    def add_button(self, label: str, slot, name: str) -> QPushButton:
        b = QPushButton(_(label))
        b.setObjectName(name)
        b.clicked.connect(slot)
        self.buttons.addWidget(b)
        return b

    def current(self):
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None


class JobsPage(Page):
    key = "jobs"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._loaded = False
        self.company_rows: list = []
        self.seekers = _TableTab(RowsModel(SEEKER_COLUMNS, self), 4,
                                 _("이 구직자에게 맞는 채용 공고"))
        self.seekers.side_button.setText(_("이 공고에 소개"))
        self.seekers.add_button(N_("새 구직자…"), self.new_seeker, "seeker_new")
        self.seekers.add_button(N_("수정…"), self.edit_seeker, "seeker_edit")
        self.seekers.buttons.addStretch(1)
        self.seekers.table.selectionModel().currentRowChanged.connect(lambda *_: self._seeker_fits())
        self.seekers.side_button.clicked.connect(self._introduce_to_opening)
        self.openings = _TableTab(RowsModel(OPENING_COLUMNS, self), 2,
                                  _("추천 구직자 (정보 제공에 동의한 사람만)"))
        self.openings.add_button(N_("새 채용 공고…"), self.new_opening, "opening_new")
        self.openings.buttons.addStretch(1)
        self.openings.table.selectionModel().currentRowChanged.connect(lambda *_: self._candidates())
        self.openings.side_button.clicked.connect(self._introduce_candidate)
        self.matches = _TableTab(RowsModel(MATCH_COLUMNS, self), 3)
        for code, label in (("interview", N_("면접")), ("hired", N_("채용")),
                            ("declined", N_("불발"))):
            self.matches.add_button(label, lambda _=False, c=code: self._advance(c), f"match_{code}")
        self.matches.buttons.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("jobs_tabs")
        self.tabs.addTab(self.seekers, _("구직자"))
        self.tabs.addTab(self.openings, _("채용 공고"))
        self.tabs.addTab(self.matches, _("매칭 현황"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # The widest values expected, to size the columns (sample data, not texts).
        fit_columns(self.seekers.table, {0: "홍길동", 1: "Python, PyTorch, 컴퓨터 비전",  # i18n: data
                                         2: "데이터 사이언티스트", 3: fmt.widest(SEEKER_STATUS),  # i18n: data
                                         4: "동의 (2026. 12. 31.)"})  # i18n: data
        fit_columns(self.openings.table, {0: "주식회사 빛고을인공지능",  # i18n: data
                                          1: "데이터 사이언티스트", 3: "10",  # i18n: data
                                          4: "2026. 12. 31.", 5: fmt.widest(OPENING_STATUS)})
        fit_columns(self.matches.table, {0: "2026. 12. 31.", 1: "주식회사 빛고을인공지능",  # i18n: data
                                         2: "홍길동", 3: "데이터 사이언티스트",  # i18n: data
                                         4: fmt.widest(MATCH_STATUS), 5: "2026. 12. 31."})
        self.seekers.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.openings.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.matches.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        app.bus.data_changed.connect(self._on_data_changed)

    # --- data --------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        ctx, run = self.app.ctx, self.app.ops.run
        run(jobs.list_seekers, ctx, key="jobs.seekers", owner=self, success=self._set(self.seekers))
        run(jobs.list_openings, ctx, key="jobs.openings", owner=self, success=self._set(self.openings))
        run(jobs.list_matches, ctx, key="jobs.matches", owner=self, success=self._set(self.matches))
        run(companies.list_companies, ctx, key="jobs.companies", owner=self,
            success=lambda rows: setattr(self, "company_rows", rows))

    def _set(self, tab: _TableTab):
        def apply(rows) -> None:
            current = tab.current()
            tab.model.set_rows(rows)
            row = tab.model.index_of(current.id) if current else -1
            tab.table.selectRow(row if row >= 0 else 0)
        return apply

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in TABLES:
            self.refresh()

    def _seeker_fits(self) -> None:
        seeker = self.seekers.current()
        if seeker:
            self.app.ops.run(jobs.openings_for_seeker, self.app.ctx, seeker.id, key="jobs.fits", owner=self,
                             success=lambda found: self.seekers.show_suggestions(
                                 found, _("맞는 채용 공고가 없습니다.")))

    def _candidates(self) -> None:
        opening = self.openings.current()
        if opening:
            self.app.ops.run(jobs.candidates_for_opening, self.app.ctx, opening.id, key="jobs.candidates",
                             owner=self, success=lambda found: self.openings.show_suggestions(
                                 found, _("맞는 구직자(동의한 사람)가 없습니다.")))

    # --- actions -----------------------------------------------------------------------
    def _write(self, tab: _TableTab, fn, *args) -> None:
        tab.message.clear()
        self.app.ops.run(fn, self.app.ctx, *args, write=True, owner=self,
                         success=lambda _r: self.app.bus.changed("job_matches"),
                         failure=lambda exc: tab.message.setText(describe(exc)))

    def new_seeker(self):
        dialog = FormDialog(self.app, _("새 구직자"), SEEKER_FORM,
                            lambda raw: jobs.create_seeker(self.app.ctx, raw), self,
                            values={"status": "seeking"}, changed=("job_seekers",))
        dialog.open()
        return dialog

    def edit_seeker(self):
        s = self.seekers.current()
        if s is None:
            return None
        dialog = FormDialog(self.app, _("구직자 수정 — {0}").format(s.name), SEEKER_FORM,
                            lambda raw: jobs.update_seeker(self.app.ctx, s.id, raw), self,
                            values={"name": s.name, "phone": s.phone, "email": s.email, "skills": s.skills,
                                    "desired_role": s.desired_role, "status": s.status,
                                    "consent": s.consent, "consent_on": s.consent_on},
                            changed=("job_seekers",))
        dialog.open()
        return dialog

    def new_opening(self):
        dialog = FormDialog(self.app, _("새 채용 공고"), OPENING_FORM,
                            lambda raw: jobs.post_opening(self.app.ctx, raw.pop("company_id") or "", raw),
                            self, values={"status": "open"}, changed=("job_openings",))
        dialog.form.widgets["company_id"].set_rows(self.company_rows)
        dialog.open()
        return dialog

    def _introduce_candidate(self) -> None:
        opening, seeker_id = self.openings.current(), self.openings.chosen()
        if opening and seeker_id:
            self._write(self.openings, jobs.introduce, seeker_id, opening.id)

    def _introduce_to_opening(self) -> None:
        seeker, opening_id = self.seekers.current(), self.seekers.chosen()
        if seeker and opening_id:
            self._write(self.seekers, jobs.introduce, seeker.id, opening_id)

    def _advance(self, code: str) -> None:
        match = self.matches.current()
        if match:
            self._write(self.matches, jobs.advance, match.id, code)


PAGE = JobsPage
