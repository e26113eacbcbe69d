"""The floor plan's compact waiting list: one line per company waiting for space, which staff
drag onto a space of the plan to assign it (the plan's view takes the drop)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from campdesk.domain.choices import SPACE_KIND
from campdesk.i18n import _, ngettext
from campdesk.services.spaces import RequestView
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.ui.widgets.errors import ErrorLabel

MIME_TYPE = "application/x-campdesk-space-request"
ID_ROLE = Qt.ItemDataRole.UserRole


def request_mime(request: RequestView) -> QMimeData:
    """What a dragged entry carries: the request's id (and the company's name as text)."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(request.id.encode("ascii")))
    mime.setText(request.company)
    return mime


def request_id_of(mime: QMimeData | None) -> str | None:
    """The waiting-list request a drop carries, or None for anything else dropped."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return bytes(mime.data(MIME_TYPE).data()).decode("ascii") or None


def describe_request(r: RequestView) -> str:
    """``무등랩스 · 좌석 · 2석 · 2026. 12. 1.부터`` (what it asks for, in a narrow panel)."""
    bits = [r.company]
    if r.kind:
        bits.append(SPACE_KIND.label(r.kind, current_language()))
    if r.desks:
        bits.append(ngettext("{n}석", "{n}석", r.desks).format(n=r.desks))
    if r.area_m2:
        bits.append(f"{fmt.number(r.area_m2)} ㎡")
    if r.wanted_from:
        bits.append(_("{day}부터").format(day=fmt.day(r.wanted_from)))
    return " · ".join(bits)


class RequestList(QListWidget):
    """The entries; dragging one carries its request (``request_mime``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.requests: dict[str, RequestView] = {}
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().height() * 5)

    def set_requests(self, rows: list[RequestView]) -> None:
        self.requests = {r.id: r for r in rows}
        self.clear()
        for r in rows:
            item = QListWidgetItem(describe_request(r))
            item.setData(ID_ROLE, r.id)
            item.setToolTip(r.notes or "")
            self.addItem(item)

    def ids(self) -> list[str]:
        return [self.item(i).data(ID_ROLE) for i in range(self.count())]

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        chosen = [self.requests[i.data(ID_ROLE)] for i in items if i.data(ID_ROLE) in self.requests]
        return request_mime(chosen[0]) if chosen else QMimeData()

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]


class WaitingList(QWidget):
    """A title, the entries, and the reason a drop was refused (in red, until the next one)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel(wordWrap=True)
        self.list = RequestList(self)
        self.message = ErrorLabel("drop", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, self.hint):
            layout.addWidget(w)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        n = self.list.count()
        self.title.setText(ngettext("입주 대기 {n}개 기업", "입주 대기 {n}개 기업", n).format(n=n))
        self.hint.setText(_("기업을 도면의 공간으로 끌어다 놓거나, 공간을 선택하고 기업을 두 번 "
                            "누르면(Enter) 배정할 수 있습니다.")
                          if n else _("입주 대기 중인 기업이 없습니다."))
        for i in range(n):
            item = self.list.item(i)
            item.setText(describe_request(self.list.requests[item.data(ID_ROLE)]))

    def set_requests(self, rows: list[RequestView]) -> None:
        self.list.set_requests(rows)
        self.retranslate()

    def show_message(self, text: str | None) -> None:
        self.message.show_message(text)
