"""How each floor-plan state looks, and what it is called (Korean first)."""
from __future__ import annotations

from PySide6.QtGui import QColor

from campdesk.domain import occupancy as occ
from campdesk.i18n import _

# state → (fill, outline)
STYLE: dict[str, tuple[str, str]] = {
    occ.FREE: ("#d3f9d8", "#2b8a3e"),
    occ.OCCUPIED: ("#d0ebff", "#1864ab"),
    occ.RESERVED: ("#fff3bf", "#e67700"),
    occ.ENDING: ("#ffd8a8", "#d9480f"),
    occ.CONFLICT: ("#ffc9c9", "#c92a2a"),
}
ROOM_STYLE = ("#f8f9fa", "#868e96")     # a room drawn around its desks
SHARED_STYLE = ("#e9ecef", "#868e96")   # meeting rooms: shared, never assigned


def fill(state: str) -> QColor:
    return QColor(STYLE[state][0])


def outline(state: str) -> QColor:
    return QColor(STYLE[state][1])


def state_label(state: str) -> str:
    return {
        occ.FREE: _("공실"),
        occ.OCCUPIED: _("입주 중"),
        occ.RESERVED: _("예약"),
        occ.ENDING: _("30일 내 종료"),
        occ.CONFLICT: _("중복 배정"),
    }[state]
