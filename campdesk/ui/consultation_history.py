"""The visible edit history of a consultation: who changed which field, when, from what."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from campdesk.domain.choices import CATEGORY, CHANNEL, OUTCOME
from campdesk.domain.dates import parse_date
from campdesk.services import consultations
from campdesk.ui import fmt
from campdesk.ui.i18n import t
from campdesk.ui.models.columns import Column
from campdesk.ui.models.rows import RowsModel

FIELD_LABELS = {
    "occurred_at": ("일시", "When"), "channel": ("경로", "Channel"),
    "company_id": ("기업", "Company"), "caller_name": ("문의자", "Caller"),
    "caller_phone": ("문의자 전화", "Caller phone"), "caller_org": ("문의자 소속", "Caller organisation"),
    "category": ("분야", "Category"), "question": ("상담 내용", "Question"),
    "answer": ("답변", "Answer"), "outcome": ("결과", "Outcome"),
    "escalated_to_id": ("책임상담사", "Senior consultant"), "escalated_at": ("이관 일시", "Escalated at"),
    "due_on": ("기한", "Due"), "closed_at": ("처리 완료", "Closed"),
    "resolution": ("처리 결과", "Resolution"), "duration_min": ("소요 시간", "Duration"),
    "staff_id": ("담당", "Staff"),
}
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
        ko, en = FIELD_LABELS.get(e.field, (e.field, e.field))
        rows.append(HistoryRow(str(i), fmt.moment(e.changed_at), names.get(e.changed_by or "", "—"),
                               t(ko, en), _value(e.field, e.old_value, names),
                               _value(e.field, e.new_value, names)))
    return rows


def load_history(ctx, consultation_id: str, company_names: dict[str, str]) -> list[HistoryRow]:
    """Runs on a worker: the history with people's and companies' names filled in."""
    names = {**company_names, **consultations.staff_names(ctx)}
    return history_rows(consultations.edit_history(ctx, consultation_id), names)


COLUMNS = [
    Column("when", "변경 일시", "Changed", lambda r: r.when),
    Column("who", "변경한 사람", "By", lambda r: r.who),
    Column("field", "항목", "Field", lambda r: r.field),
    Column("old", "이전 값", "Before", lambda r: r.old),
    Column("new", "새 값", "After", lambda r: r.new),
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
