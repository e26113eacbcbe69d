"""One floor drawn as a scene: rooms with their desks on top, coloured by the day's state."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsScene

from campdesk.services.spaces import PlanSpace
from campdesk.ui.spaces.autolayout import layout
from campdesk.ui.spaces.items import PX_PER_M, SpaceItem

MARGIN_PX = 20.0


class FloorScene(QGraphicsScene):
    space_clicked = Signal(str)      # space id
    layout_edited = Signal(dict)     # space id → (x, y, w, h) in metres

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items_by_id: dict[str, SpaceItem] = {}
        self._editable = False
        self.selectionChanged.connect(self._on_selection)

    def show_plan(self, plan: list[PlanSpace]) -> None:
        """Draw the plan of one floor on one day, replacing what was there."""
        selected = self.selected_id()
        self.blockSignals(True)
        self.clear()
        self.items_by_id = {}
        rects = layout(plan)
        # Rooms before desks, so a desk can be made a child of its room.
        for p in sorted(plan, key=lambda p: p.space.parent_id is not None):
            parent = self.items_by_id.get(p.space.parent_id or "")
            item = SpaceItem(p, rects[p.space.id], parent)
            if parent is None:
                self.addItem(item)
            item.set_editable(self._editable)
            self.items_by_id[p.space.id] = item
        self._draw_grid()
        if selected in self.items_by_id:
            self.items_by_id[selected].setSelected(True)
        self.blockSignals(False)

    def _draw_grid(self) -> None:
        bounds = self.itemsBoundingRect().adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)
        bounds |= QRectF(-MARGIN_PX, -MARGIN_PX, 10 * PX_PER_M, 10 * PX_PER_M)
        self.setSceneRect(bounds)
        pen = QPen(QColor("#edf0f2"), 0)
        step = PX_PER_M
        x = 0.0
        while x <= bounds.right():
            self.addLine(x, bounds.top(), x, bounds.bottom(), pen).setZValue(-10)
            x += step
        y = 0.0
        while y <= bounds.bottom():
            self.addLine(bounds.left(), y, bounds.right(), y, pen).setZValue(-10)
            y += step

    def set_editable(self, on: bool) -> None:
        self._editable = on
        for item in self.items_by_id.values():
            item.set_editable(on)

    def selected_id(self) -> str | None:
        chosen = [i for i in self.selectedItems() if isinstance(i, SpaceItem)]
        return chosen[0].space_id if chosen else None

    def _on_selection(self) -> None:
        chosen = self.selected_id()
        if chosen:
            self.space_clicked.emit(chosen)

    def item_edited(self, item: SpaceItem) -> None:
        """Called by an item after a drag or resize: report it and the desks it carried."""
        moved = [item, *(c for c in item.childItems() if isinstance(c, SpaceItem))]
        self.layout_edited.emit({i.space_id: i.rect_m() for i in moved})
