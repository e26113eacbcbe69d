"""Window sizes that fit the screen: a 1366×768 laptop has no room for a 1000-pixel-tall
window (its buttons would be below the task bar)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

FRAME_AND_TASK_BAR = QSize(40, 80)  # the title bar, the borders and the task bar


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen the widget shows on is."""
    screen = (widget.parentWidget() or widget).screen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size() - FRAME_AND_TASK_BAR)
