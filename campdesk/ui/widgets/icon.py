"""The shipped icons as QIcons for buttons (made once each; never in the start-up shell)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from campdesk import icons


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    return QIcon(str(icons.icon_path(name)))


def give_icon(button, name: str) -> None:
    """A main action's icon beside its text (the text stays: icons alone say too little)."""
    button.setIcon(icon(name))
