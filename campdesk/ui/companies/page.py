"""The company register: search as you type (초성 too), filters, and the detail beside it."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import AI_FIELDS, RELATIONSHIP
from campdesk.services import companies
from campdesk.ui.core import fmt
from campdesk.ui.companies.company_detail import CompanyDetailView
from campdesk.i18n import _
from campdesk.ui.companies.model import CompanyFilter, CompanyTableModel
from campdesk.ui.core.models.rows import ID_ROLE
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.search_box import SearchBox
from campdesk.ui.widgets.tables import data_table, fit_columns
from campdesk.ui.widgets.vocab_combo import VocabCombo
from campdesk.ui.widgets.icon import give_icon



class CompaniesPage(Retranslating, Page):
    key = "companies"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._loaded = False
        self._pending_select: str | None = None
        self.model = CompanyTableModel(self)
        self.proxy = CompanyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = SearchBox()
        self.search.setObjectName("company_search")
        self.search.search_changed.connect(lambda text: self._filter(query=text))
        self.relationship = VocabCombo(RELATIONSHIP, blank="")
        self.relationship.currentIndexChanged.connect(
            lambda _: self._filter(relationship=self.relationship.code()))
        self.ai_field = VocabCombo(AI_FIELDS, blank="")
        self.ai_field.currentIndexChanged.connect(lambda _: self._filter(ai_field=self.ai_field.code()))
        self.open_only = QCheckBox()
        self.open_only.toggled.connect(lambda on: self._filter(open_only=on))
        self.count = QLabel()
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_company)
        give_icon(self.new_button, "new")
        self.table = data_table(self.proxy, self, stretch_column=5)
        self.table.setObjectName("companies_table")
        self.search.set_results(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail = CompanyDetailView(app)
        self.detail.log_requested.connect(self._log_for)
        self.detail.open_consultation.connect(self._edit_consultation)
        self._layout()
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.relationship, 1)
        filters.addWidget(self.ai_field, 1)
        filters.addWidget(self.open_only)
        left = QWidget()
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.search)
        v.addLayout(filters)
        v.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.new_button)
        v.addLayout(foot)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("기업명, 초성(ㄱㅈ), 사업자번호, 대표자, 전화번호로 찾기 (Ctrl+F)"))
        self.relationship.retranslate(_("모든 구분"))
        self.ai_field.retranslate(_("모든 AI 분야"))
        self.open_only.setText(_("진행 중 후속조치"))
        self.new_button.setText(_("새 기업 등록…"))
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Widths from typical values and the titles of the current language."""
        widest = {0: "주식회사 빛고을인공지능", 1: "이전 희망 기업", 2: "124-81-00998",  # i18n: data
                  3: "홍길동", 4: "062-123-4567", 5: "컴퓨터 비전, 헬스"}  # i18n: data
        fit_columns(self.table, widest)

    # --- data -------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        self.app.ops.run(companies.list_companies, self.app.ctx, key="companies.rows",
                         success=self._on_rows)

    def _on_rows(self, rows) -> None:
        current = self.detail.company_id
        self.model.set_rows(rows)
        self.proxy.source_reset()
        self._loaded = True
        self._update_count()
        self.select(self._pending_select or current)

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in ("companies", "consultations", "*"):
            self.refresh()

    def _filter(self, **changes) -> None:
        self.proxy.set_filters(**changes)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(_("{0} / 전체 {1}개 기업")
                           .format(fmt.number(shown), fmt.number(total)))
        if not self._loaded:
            self.table.set_empty_text("")
        elif total == 0:
            self.table.set_empty_text(_("등록된 기업이 없습니다. 아래 [새 기업 등록…]으로 시작하세요."))
        else:
            self.table.set_empty_text(_("결과 없음 — 다른 이름이나 초성으로 찾아 보거나 필터를 "
                                        "바꿔 보세요."))

    # --- selection --------------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous=None) -> None:
        company_id = current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None
        if company_id and company_id != self.detail.company_id:
            self.detail.show_company(company_id)

    def select(self, company_id: str | None) -> None:
        """Show one company (and select it in the table when the filters let it through)."""
        if not company_id:
            return
        if not self._loaded:
            self._pending_select = company_id
            return
        self._pending_select = None
        row = self.model.index_of(company_id)
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if proxy_index is not None and proxy_index.isValid():
            self.table.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(proxy_index)
        self.detail.show_company(company_id)

    def current_company(self) -> str | None:
        return self.detail.company_id

    # --- actions ----------------------------------------------------------------------------
    def new_company(self, preset: dict | None = None) -> None:
        from campdesk.ui.companies.new_company_dialog import open_new_company
        open_new_company(self.app, self, on_open=self._open_after_create, preset=preset)

    def _open_after_create(self, company_id: str) -> None:
        self._pending_select = company_id
        self.select(company_id)

    def _log_for(self, company_id: str) -> None:
        from campdesk.ui.consultations.consultation_dialog import open_log_dialog
        open_log_dialog(self.app, self, company_id=company_id or None)

    def _edit_consultation(self, consultation_id: str) -> None:
        from campdesk.ui.consultations.consultation_dialog import open_log_dialog
        open_log_dialog(self.app, self, consultation_id=consultation_id)


PAGE = CompaniesPage
