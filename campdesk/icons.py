"""The icons shipped with CampDesk, by what they stand for; no Qt here (the UI makes the
QIcon from the path: ``QIcon(str(icon_path("companies")))``).

Navigation and action icons are Lucide's (ISC licence, resources/icons/LICENSE.txt), one
stroke width and style for all; resources/README.md names the Lucide icon behind each.
They draw in ``currentColor`` (black in Qt); ``icon_svg`` gives one in another colour.
"""
from __future__ import annotations

from pathlib import Path

from campdesk.paths import resources_dir

NAVIGATION = ("dashboard", "companies", "consultations", "followups", "mentoring", "jobs",
              "spaces", "outreach", "reports", "attention", "settings")
ACTIONS = ("new", "save", "print", "sync", "search", "export", "import", "undo")
NAMES = NAVIGATION + ACTIONS

# The application icon: an SVG, PNGs of these sizes, and a Windows .ico holding up to 256.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class UnknownIcon(KeyError):
    pass


def icon_path(name: str) -> Path:
    """The SVG file of a navigation or action icon, e.g. ``icon_path("sync")``."""
    if name not in NAMES:
        raise UnknownIcon(f"no icon named {name!r}; CampDesk ships {', '.join(NAMES)}")
    return resources_dir() / "icons" / f"{name}.svg"


def icon_svg(name: str, color: str | None = None) -> bytes:
    """The icon's SVG text, drawn in ``color`` ("#1c4ea6", "white") instead of the
    current colour when one is given (for a dark background or a selected item)."""
    data = icon_path(name).read_bytes()
    if color is not None:
        data = data.replace(b'"currentColor"', b'"' + color.encode("ascii") + b'"')
    return data


def app_icon_path(size: int | None = None, ico: bool = False) -> Path:
    """The application icon: the SVG, a PNG of one of ``APP_ICON_SIZES``, or the .ico."""
    folder = resources_dir() / "app"
    if ico:
        return folder / "campdesk.ico"
    if size is None:
        return folder / "campdesk.svg"
    if size not in APP_ICON_SIZES:
        raise UnknownIcon(f"no {size} px application icon; sizes: {APP_ICON_SIZES}")
    return folder / f"campdesk-{size}.png"


def app_icon_pngs() -> list[Path]:
    """Every size of the application icon as PNG, smallest first (for a QIcon)."""
    return [app_icon_path(size) for size in APP_ICON_SIZES]
