"""The floor-plan tab: a floor and a day to look at, the plan, a legend, the clicked space,
and the waiting list whose entries are dragged onto a space to assign it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGraphicsView, QHBoxLayout, QLabel, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from campdesk.domain.dates import today_seoul
from campdesk.domain import occupancy as occ
from campdesk.domain.occupancy import STATES
from campdesk.services import spaces
from campdesk.services.spaces import Placement, PlanSpace, RequestView, SpaceView
from campdesk.services.spaces.plan import UPCOMING
from campdesk.ui.spaces import colours
from campdesk.ui.core.ops import describe
from campdesk.ui.spaces.details import SpaceDetails
from campdesk.ui.spaces.dialogs import AssignDialog
from campdesk.ui.spaces.fields import DateEdit
from campdesk.ui.spaces.items import SpaceItem
from campdesk.ui.spaces.scene import FloorScene
from campdesk.ui.spaces.waiting_list import ID_ROLE, WaitingList, request_id_of
from campdesk.i18n import _


@dataclass
class FloorData:
    floors: list[int]
    floor: int | None
    plan: list[PlanSpace]
    all_spaces: list[SpaceView]
    waiting: list[RequestView]


def load_floor(ctx, floor: int | None, day: date) -> FloorData:
    """Everything the tab shows, read off the UI thread in one go."""
    floors = spaces.floors(ctx)
    if floor not in floors:
        floor = floors[0] if floors else None
    plan = spaces.floor_plan(ctx, floor, day) if floor is not None else []
    return FloorData(floors, floor, plan, spaces.list_spaces(ctx), spaces.list_requests(ctx))


class PlanView(QGraphicsView):
    """The floor as staff look at it: the whole floor fits the view (also when the window
    is resized) until someone zooms, with the buttons or Ctrl+wheel around the pointer.
    A waiting-list entry dropped on a space is reported by ``dropped`` (mime data, space id)."""

    ZOOM_STEP = 1.25
    dropped = Signal(QMimeData, str)

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.fitted = True  # follows the view's size until zoomed by hand
        self.setAcceptDrops(True)

    def fit(self) -> None:
        self.fitted = True
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.fitted = False
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(anchor)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def space_at(self, pos) -> str | None:
        """The space under a point of the view: a desk rather than the room around it."""
        found = [i for i in self.items(pos) if isinstance(i, SpaceItem)]
        return found[0].space_id if found else None

    def _takes(self, event) -> bool:
        return request_id_of(event.mimeData()) is not None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        event.acceptProposedAction() if self._takes(event) else event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._takes(event) and self.space_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        space_id = self.space_at(event.position().toPoint())
        if not self._takes(event) or space_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(event.mimeData(), space_id)

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.fitted = False
            self.scale(factor, factor)
            event.accept()
        else:
            super().wheelEvent(event)


class Legend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.labels = {}
        for state in (*STATES, UPCOMING):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            if state == UPCOMING:  # free now, hatched: booked from a later day
                swatch.setPixmap(_hatched_swatch())
            else:
                fill, line = colours.STYLE[state]
                swatch.setStyleSheet(f"background: {fill}; border: 1px solid {line};")
            self.labels[state] = QLabel()
            row.addWidget(swatch)
            row.addWidget(self.labels[state])
            row.addSpacing(10)
        row.addStretch(1)
        self.set_counts({})

    def set_counts(self, counts: dict[str, int]) -> None:
        for state, label in self.labels.items():
            n = counts.get(state)
            name = _("입주 예정") if state == UPCOMING \
                else colours.state_label(state)
            label.setText(name + (f" {n}" if n is not None else ""))


def _hatched_swatch():
    from PySide6.QtGui import QBrush, QColor, QPixmap
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colours.STYLE[occ.FREE][0]))
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QBrush(colours.outline(occ.RESERVED), Qt.BrushStyle.BDiagPattern))
    painter.setPen(colours.outline(occ.RESERVED))
    painter.drawRect(0, 0, 13, 13)
    painter.end()
    return pixmap


class FloorPlanPanel(QWidget):
    changed = Signal(str)  # a table this panel wrote to

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.data = FloorData([], None, [], [], [])
        self.floor_box = QComboBox()
        self.day = DateEdit(today_seoul())
        self.today_button = QPushButton()
        self.edit_box = QCheckBox()
        self.fit_button = QPushButton()
        self.zoom_in, self.zoom_out = QPushButton("+"), QPushButton("−")
        for b in (self.zoom_in, self.zoom_out):
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("+") * 3 + 16)
        self.zoom_in.setObjectName("zoom_in")
        self.zoom_out.setObjectName("zoom_out")
        self.legend = Legend()
        self.scene = FloorScene(self)
        self.view = PlanView(self.scene)
        self.details = SpaceDetails(app, self.day.value, lambda: self.data.all_spaces)
        self.waiting_list = WaitingList()
        self.waiting_list.list.itemActivated.connect(self._place_chosen)  # Enter, double-click
        self.placing: AssignDialog | None = None  # the dialog a drop opened
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.tools = QHBoxLayout()
        self.floor_label, self.day_label = QLabel(), QLabel()
        for w in (self.floor_label, self.floor_box, self.day_label, self.day, self.today_button,
                  self.zoom_out, self.zoom_in, self.fit_button, self.edit_box):
            self.tools.addWidget(w)
        self.tools.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.details)
        self.side.addWidget(self.waiting_list)
        self.side.setStretchFactor(0, 1)
        self.side.setStretchFactor(1, 1)
        self.side.setSizes([330, 270])  # the history needs a few rows; the list, room to pick
        self.side.setCollapsible(1, False)
        self.side.setMinimumWidth(300)
        self.side.setMaximumWidth(400)
        split.addWidget(self.view)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setCollapsible(0, False)
        split.setSizes([1000, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(self.tools)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        self.floor_box.activated.connect(lambda _: self.refresh())
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.today_button.clicked.connect(lambda: self.day.set_value(today_seoul()))
        self.edit_box.toggled.connect(self._set_editable)
        self.fit_button.clicked.connect(self.fit)
        self.zoom_in.clicked.connect(lambda: self.view.zoom(PlanView.ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.view.zoom(1 / PlanView.ZOOM_STEP))
        self.scene.space_clicked.connect(self._clicked)
        self.scene.layout_edited.connect(self._save_layout)
        self.details.changed.connect(self.changed)
        self.view.dropped.connect(self.drop_request)

    def retranslate(self) -> None:
        self.floor_label.setText(_("층"))
        self.day_label.setText(_("날짜"))
        self.today_button.setText(_("오늘"))
        self.edit_box.setText(_("배치 편집 (끌어서 이동, 모서리로 크기 조절)"))
        self.fit_button.setText(_("층 전체 보기"))
        self.zoom_in.setToolTip(_("확대 (Ctrl+휠)"))
        self.zoom_out.setToolTip(_("축소 (Ctrl+휠)"))
        self.details.retranslate()
        self.waiting_list.retranslate()
        self.legend.set_counts(spaces.state_counts(self.data.plan))
        self._fill_floors()
        self.scene.show_plan(self.data.plan)  # captions and tooltips in the new language

    # --- data ----------------------------------------------------------------------
    def floor(self) -> int | None:
        return self.floor_box.currentData()

    def refresh(self) -> None:
        self.app.ops.run(load_floor, self.app.ctx, self.floor(), self.day.value(),
                         success=self.show_data, key="floor-plan")

    def show_data(self, data: FloorData) -> None:
        refit = (not self.data.plan or data.floor != self.data.floor  # a new floor: all of it
                 or self.view.fitted)
        self.data = data
        self._fill_floors()
        self.scene.show_plan(data.plan)
        self.legend.set_counts(spaces.state_counts(data.plan))
        chosen = self.scene.selected_id()
        self.details.show_space(next((p for p in data.plan if p.space.id == chosen), None))
        self.waiting_list.set_requests(data.waiting)
        if refit:
            self.fit()

    def _fill_floors(self) -> None:
        self.floor_box.blockSignals(True)
        self.floor_box.clear()
        for f in self.data.floors:
            self.floor_box.addItem(_("{0}층").format(f), f)
        self.floor_box.setCurrentIndex(max(0, self.floor_box.findData(self.data.floor)))
        self.floor_box.blockSignals(False)

    def fit(self) -> None:
        self.view.fit()

    def _clicked(self, space_id: str) -> None:
        self.details.show_space(next((p for p in self.data.plan if p.space.id == space_id), None))

    # --- a waiting-list entry dropped on a space -------------------------------------
    def drop_request(self, mime: QMimeData, space_id: str) -> bool:
        """Check that the space can take the dropped request, then open the assign dialog
        for it (or say why not). False when the drop carries no waiting-list entry."""
        request_id = request_id_of(mime)
        if request_id is None:
            return False
        self.place(request_id, space_id)
        return True

    def _place_chosen(self, item) -> None:
        """The keyboard's way to drop: Enter (or a double-click) on an entry places it in
        the space chosen on the plan."""
        space_id = self.scene.selected_id()
        if space_id is None:
            self.waiting_list.show_message(_("먼저 도면에서 배정할 공간을 선택하세요."))
            return
        self.place(item.data(ID_ROLE), space_id)

    def place(self, request_id: str, space_id: str) -> None:
        self.waiting_list.show_message(None)
        self.app.ops.run(spaces.check_placement, self.app.ctx, request_id, space_id,
                         self.day.value(), success=self._open_placement,
                         failure=self._drop_refused, key="space-drop")

    def _open_placement(self, placement: Placement) -> None:
        self.placing = AssignDialog(self.app, placement.space, placement.starts_on, self,
                                    until=placement.until, request=placement.request)
        self.placing.accepted.connect(self._placed)
        self.placing.open()

    def _placed(self) -> None:
        for table in ("space_assignments", "space_requests"):
            self.changed.emit(table)

    def _drop_refused(self, exc: BaseException) -> None:
        self.waiting_list.show_message(describe(exc))

    def _set_editable(self, on: bool) -> None:
        self.scene.set_editable(on)
        self.view.setDragMode(QGraphicsView.DragMode.NoDrag if on
                              else QGraphicsView.DragMode.ScrollHandDrag)

    def _save_layout(self, rects: dict) -> None:
        self.app.ops.run(spaces.save_layout, self.app.ctx, rects, write=True,
                         success=lambda _: self.changed.emit("spaces"))
