"""One space on the floor plan: a coloured rectangle with its name and tenant, which staff
can drag and resize (bottom-right corner) when layout editing is on."""
from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyle

from campdesk.domain import occupancy as occ
from campdesk.services.spaces import PlanSpace
from campdesk.ui.core import fmt
from campdesk.ui.spaces import colours
from campdesk.i18n import _

PX_PER_M = 40.0     # scene pixels per metre
GRID_M = 0.25       # layout snaps to 25 cm
HANDLE_PX = 12.0    # the resize grip in the bottom-right corner
MIN_M = 1.0
SCREEN_FONT_PX = 12.0
MIN_SCREEN_FONT_PX = 9.0  # never smaller on screen: a cut name (whole in the tooltip) instead
_LEGAL_FORM = re.compile(r"^\s*(주식회사|\(주\)|㈜)\s*|\s*(주식회사|\(주\)|㈜)\s*$")  # i18n: data


def short_name(company: str) -> str:
    """``주식회사 무등랩스`` → ``무등랩스``: room for the name that matters in a small box."""
    return _LEGAL_FORM.sub("", company) or company


def snap(metres: float) -> float:
    return round(metres / GRID_M) * GRID_M


class SpaceItem(QGraphicsRectItem):
    def __init__(self, plan: PlanSpace, rect_m: tuple[float, float, float, float],
                 parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.plan = plan
        self.space_id = plan.space.id
        self._resizing = self._moved = False
        x, y, w, h = rect_m
        origin = parent.scenePos() if parent else QPointF(0, 0)
        self.setPos(QPointF(x * PX_PER_M, y * PX_PER_M) - origin)
        self.setRect(QRectF(0, 0, w * PX_PER_M, h * PX_PER_M))
        self.setZValue(1 if plan.space.parent_id else 0)
        self.setAcceptHoverEvents(True)
        self._apply_style()
        self.setToolTip(self.tooltip())
        self.set_editable(False)

    # --- what it shows -------------------------------------------------------------
    @property
    def state(self) -> str:
        return self.plan.state

    @property
    def is_container(self) -> bool:
        return self.plan.has_children and self.plan.state == "free"

    @property
    def is_shared(self) -> bool:
        return self.plan.space.kind == "meeting"

    def _apply_style(self) -> None:
        if self.is_shared:
            fill, line = colours.SHARED_STYLE
        elif self.is_container:
            fill, line = colours.ROOM_STYLE
        else:
            fill, line = colours.STYLE[self.state]
        self.setBrush(QBrush(QColor(fill)))
        pen = QPen(QColor(line), 3 if self.state == "conflict" else 1.5)
        if self.is_container:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def caption(self) -> list[str]:
        """The lines written in the rectangle: its name, then the tenant (or the state)."""
        p = self.plan
        lines = [p.space.short_name]
        if self.is_shared:
            return lines + [_("공용")]
        if self.is_container:
            return lines
        if p.upcoming:  # free today, booked from a later day
            return lines + [short_name(p.next_tenant or ""),
                            _("{0}. {1}.부터").format(p.next_starts_on.month,
                                                                   p.next_starts_on.day)]
        if not p.tenant:
            return lines + [colours.state_label(p.state)]
        lines.append(" / ".join(short_name(n) for n in (p.tenant, p.second_tenant) if n))
        if p.state == "ending":
            # Within 30 days: the month and day say enough, and fit in a desk.
            lines.append(_("~{0}. {1}.").format(p.ends_on.month, p.ends_on.day))
        elif p.state == "reserved":
            lines.append(_("{0} 입주 예정").format(fmt.day(p.starts_on)))
        elif p.state == "conflict":
            lines.append(_("재배정 필요"))
        return lines

    def tooltip(self) -> str:
        p = self.plan
        parts = [f"<b>{p.space.name}</b>", colours.state_label(p.state)]
        if p.tenant:
            until = fmt.day(p.ends_on) if p.ends_on else "…"
            parts.append(f"{p.tenant} ({fmt.day(p.starts_on)} – {until})")
        if p.second_tenant:
            parts.append(p.second_tenant)
        if p.next_starts_on is not None:
            parts.append(_("예약: {0}, {1}부터").format(
                p.next_tenant, fmt.day(p.next_starts_on)))
        return "<br>".join(parts)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected  # we draw our own selection
        super().paint(painter, option, widget)
        if self.plan.upcoming:  # hatched in the reservation colour: booked from a later day
            painter.fillRect(self.rect(), QBrush(colours.outline(occ.RESERVED),
                                                 Qt.BrushStyle.BDiagPattern))
        self._paint_caption(painter)
        if self.isSelected():
            painter.setPen(QPen(Qt.GlobalColor.black, 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect())
        if self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            painter.fillRect(self._handle(), Qt.GlobalColor.darkGray)

    def _paint_caption(self, painter: QPainter) -> None:
        rect = self.rect().adjusted(4, 3, -4, -3)
        font = QFont(painter.font())
        font.setPixelSize(max(1, round(self._font_px(painter.worldTransform().m11(), rect))))
        metrics = QFontMetricsF(font)
        painter.setPen(Qt.GlobalColor.black)
        lines = self.caption()
        # A room's desks sit along its top edge: write the room's name at the bottom.
        top = rect.bottom() - metrics.height() * len(lines) if self.is_container else rect.top()
        for i, line in enumerate(lines):
            if top + metrics.height() > rect.bottom() + 2:
                break
            font.setBold(i == 0)
            painter.setFont(font)
            text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRectF(rect.left(), top, rect.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, text)
            top += metrics.height()

    @staticmethod
    def _font_px(scale: float, rect: QRectF) -> float:
        """About 12 pixels on screen whatever the zoom, smaller in a small box, but never
        under 9 pixels on screen (what does not fit is cut, and whole in the tooltip)."""
        scale = max(scale, 0.05)
        fitting = min(SCREEN_FONT_PX / scale, rect.height() / 2.3, rect.width() / 4.5)
        return max(1.0, fitting, MIN_SCREEN_FONT_PX / scale)

    # --- layout editing ------------------------------------------------------------
    def set_editable(self, on: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.update()

    def _handle(self) -> QRectF:
        r = self.rect()
        return QRectF(r.right() - HANDLE_PX, r.bottom() - HANDLE_PX, HANDLE_PX, HANDLE_PX)

    def rect_m(self) -> tuple[float, float, float, float]:
        """Where the item is now, in metres from the floor's top-left corner."""
        top_left = self.scenePos() + self.rect().topLeft()
        return (top_left.x() / PX_PER_M, top_left.y() / PX_PER_M,
                self.rect().width() / PX_PER_M, self.rect().height() / PX_PER_M)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        movable = self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        self._resizing = bool(movable) and self._handle().contains(event.pos())
        self._moved = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self._moved = True
        if self._resizing:
            w = max(MIN_M * PX_PER_M, event.pos().x())
            h = max(MIN_M * PX_PER_M, event.pos().y())
            self.prepareGeometryChange()
            self.setRect(QRectF(0, 0, w, h))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._moved and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            self._snap()
            scene = self.scene()
            if scene is not None and hasattr(scene, "item_edited"):
                scene.item_edited(self)
        self._resizing = False

    def _snap(self) -> None:
        x, y, w, h = (snap(v) for v in self.rect_m())
        origin = self.parentItem().scenePos() if self.parentItem() else QPointF(0, 0)
        self.setPos(QPointF(x * PX_PER_M, y * PX_PER_M) - origin)
        self.setRect(QRectF(0, 0, max(MIN_M, w) * PX_PER_M, max(MIN_M, h) * PX_PER_M))
