"""The table models without widgets: the register's filter and the log over ids."""
from __future__ import annotations

from PySide6.QtCore import Qt

from campdesk.services import companies, consultations
from campdesk.ui.consultations import consultation_columns as cc
from campdesk.ui.companies.model import CompanyFilter, CompanyTableModel
from campdesk.ui.core.models.lazy import BLOCK, LazyRowsModel


def _names(proxy):
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_filter_and_sort_the_register(staffed_ctx, companies_made, korean):
    model = CompanyTableModel()
    proxy = CompanyFilter()
    proxy.setSourceModel(model)
    model.set_rows(companies.list_companies(staffed_ctx))
    proxy.source_reset()
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(proxy) == ["빛고을로보틱스", "광주인공지능(주)", "광주데이터랩"]
    proxy.set_filters(query="ㄱㅈ")
    assert _names(proxy) == ["광주인공지능(주)", "광주데이터랩"]
    proxy.set_filters(relationship="mou")
    assert _names(proxy) == ["광주인공지능(주)"]
    proxy.set_filters(query="", relationship=None, ai_field="vision")
    assert _names(proxy) == []


def test_the_log_reads_rows_in_blocks_only_when_shown(staffed_ctx, korean):
    for i in range(BLOCK + 20):
        consultations.log_consultation(staffed_ctx, {"channel": "phone", "question": f"질문 {i}",
                                                     "caller_name": "김"})
    fetched = []

    def fetch(ids):
        fetched.append(len(ids))
        return consultations.get_views(staffed_ctx, ids)

    model = LazyRowsModel(cc.LOG, fetch)
    model.set_ids(consultations.log_ids(staffed_ctx))
    assert model.rowCount() == BLOCK + 20 and fetched == []
    assert model.index(0, 4).data() == f"질문 {BLOCK + 19}"      # newest first
    assert model.index(5, 4).data() == f"질문 {BLOCK + 14}"
    assert fetched == [BLOCK]                                  # one block, cached
    assert model.index(BLOCK + 19, 4).data() == "질문 0"
    assert fetched == [BLOCK, 20]
