"""How each floor-plan state looks, and what it is called (Korean first)."""
from __future__ import annotations

from PySide6.QtGui import QColor

from campdesk.domain import occupancy as occ
from campdesk.ui.core.i18n import t

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
        occ.FREE: t("공실", "Free"),
        occ.OCCUPIED: t("입주 중", "Occupied"),
        occ.RESERVED: t("예약", "Reserved"),
        occ.ENDING: t("30일 내 종료", "Ending within 30 days"),
        occ.CONFLICT: t("중복 배정", "In conflict"),
    }[state]
