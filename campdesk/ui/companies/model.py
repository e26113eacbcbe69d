"""The company register as a model (CompanyRow tuples) and the proxy that filters it.

Search as you type matches name, English name, business number, representative and phone
(``CompanyRow.search_text``, as ``companies.filter_rows`` does), with initial consonants
(``ㄱㅈ`` → 광주…) and a half-typed last syllable (``domain.hangul.search_pattern``). The
texts are made once per load and the proxy reads a precomputed mask, so a keystroke over
2,000 companies costs a few milliseconds.
"""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from campdesk.domain.choices import RELATIONSHIP
from campdesk.domain.hangul import search_pattern
from campdesk.ui.core import fmt
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.i18n import N_, pgettext

COLUMNS = [
    Column("name", N_("기업명"), lambda r: r.name),
    Column("relationship", N_("구분"), lambda r: fmt.label(RELATIONSHIP, r.relationship),
           sort=lambda r: RELATIONSHIP.codes.index(r.relationship)
           if r.relationship in RELATIONSHIP else 99),
    # Short English in the column titles, so that every title fits at 1366×768.
    Column("business_no", lambda: pgettext("column", "사업자등록번호"),
           lambda r: r.business_no or ""),
    Column("representative", lambda: pgettext("column", "대표자"),
           lambda r: r.representative or ""),
    Column("phone", N_("전화번호"), lambda r: r.phone or ""),
    Column("ai_fields", N_("AI 분야"), lambda r: fmt.ai_fields(r.ai_fields)),
    Column("open_follow_ups", lambda: pgettext("column", "진행 중 후속조치"),
           lambda r: fmt.number(r.open_follow_ups) if r.open_follow_ups else "",
           sort=lambda r: r.open_follow_ups, align=RIGHT),
]


class CompanyTableModel(RowsModel):
    """Keeps each row's searchable text, made once per load rather than per keystroke."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)
        self.search_texts: list[str] = []

    def set_rows(self, rows) -> None:
        super().set_rows(rows)
        self.search_texts = [r.search_text for r in self.rows]

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        super().sort(column, order)
        self.search_texts = [r.search_text for r in self.rows]


class CompanyFilter(QSortFilterProxyModel):
    """Filters by search text, relationship, AI field and open follow-ups; sorting is the
    source model's (fast Python sort), so a keystroke never re-sorts through Qt."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""
        self.relationship: str | None = None
        self.ai_field: str | None = None
        self.open_only = False
        self._mask: list[bool] | None = None

    def set_filters(self, query: str | None = None, relationship: str | None = ...,
                    ai_field: str | None = ..., open_only: bool | None = None) -> None:
        if query is not None:
            self.query = query
        if relationship is not ...:
            self.relationship = relationship
        if ai_field is not ...:
            self.ai_field = ai_field
        if open_only is not None:
            self.open_only = open_only
        self._recompute()

    def accepts(self, row, text: str, pattern) -> bool:
        return ((pattern is None or pattern.search(text) is not None)
                and (not self.relationship or row.relationship == self.relationship)
                and (not self.ai_field or self.ai_field in row.ai_fields.split(","))
                and (not self.open_only or row.open_follow_ups > 0))

    def _recompute(self) -> None:
        model = self.sourceModel()
        pattern = search_pattern(self.query)
        self.beginFilterChange()
        self._mask = [self.accepts(r, text, pattern)
                      for r, text in zip(model.rows, model.search_texts)]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        mask = self._mask
        return mask is None or source_row >= len(mask) or mask[source_row]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
        self._recompute()  # the mask follows the rows' new order

    def source_reset(self) -> None:
        """Call after the source's rows were replaced: re-applies the filters."""
        self._recompute()
