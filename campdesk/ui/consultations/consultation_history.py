"""The visible edit history of a consultation: who changed which field, when, from what."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from campdesk.domain.choices import CATEGORY, CHANNEL, OUTCOME
from campdesk.domain.dates import parse_date
from campdesk.services import consultations
from campdesk.ui.core import fmt
from campdesk.ui.core.models.columns import Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.i18n import N_

_VOCABS = {"channel": CHANNEL, "category": CATEGORY, "outcome": OUTCOME}


@dataclass(frozen=True)
class HistoryRow:
    id: str
    when: str
    who: str
    field: str
    old: str
    new: str


def _value(field: str, raw: str | None, names: dict[str, str]) -> str:
    if raw is None or raw == "":
        return "—"
    if field in _VOCABS:
        return fmt.label(_VOCABS[field], raw)
    if field in ("staff_id", "escalated_to_id", "company_id"):
        return names.get(raw, raw[:8])
    if field == "due_on":
        return fmt.day(parse_date(raw))
    if field in ("occurred_at", "escalated_at", "closed_at"):
        from datetime import datetime
        return fmt.moment(datetime.fromisoformat(raw))
    return raw


def history_rows(entries, names: dict[str, str]) -> list[HistoryRow]:
    rows = []
    for i, e in enumerate(entries):
        rows.append(HistoryRow(str(i), fmt.moment(e.changed_at), names.get(e.changed_by or "", "—"),
                               fmt.field_name("consultations", e.field),
                               _value(e.field, e.old_value, names),
                               _value(e.field, e.new_value, names)))
    return rows


def load_history(ctx, consultation_id: str, company_names: dict[str, str]) -> list[HistoryRow]:
    """Runs on a worker: the history with people's and companies' names filled in."""
    names = {**company_names, **consultations.staff_names(ctx)}
    return history_rows(consultations.edit_history(ctx, consultation_id), names)


COLUMNS = [
    Column("when", N_("변경 일시"), lambda r: r.when),
    Column("who", N_("변경한 사람"), lambda r: r.who),
    Column("field", N_("항목"), lambda r: r.field),
    Column("old", N_("이전 값"), lambda r: r.old),
    Column("new", N_("새 값"), lambda r: r.new),
]


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = RowsModel(COLUMNS, self)
        self.setModel(self.model_)
        self.setObjectName("history")
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.model_.set_rows(rows)
