"""The one stylesheet of every CampDesk document, and its colours."""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from campdesk.reports.fonts import BOLD, REGULAR

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#9aa5b1")
GRID = colors.HexColor("#c3cbd3")
SHADE = colors.HexColor("#eef2f6")
HEAD = colors.HexColor("#dde5ee")
ACCENT = colors.HexColor("#1d4e89")
SERIES = [colors.HexColor(c) for c in ("#1d4e89", "#7aa6d6", "#c9d6e3", "#e0a040", "#5e9c76",
                                        "#b5545c", "#8a6fb0", "#4aa3a1", "#9c8b5e", "#6b7b8c")]


@lru_cache(maxsize=1)
def stylesheet() -> dict[str, ParagraphStyle]:
    """Every paragraph style, by name.

    Korean wraps between words (어절), as in printed Korean documents; a word longer than its
    cell (an e-mail, a URL) is split (reportlab's ``splitLongWords``).
    """
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=14, textColor=INK)

    def style(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": style("title", fontName=BOLD, fontSize=17, leading=23, spaceAfter=2,
                       textColor=ACCENT),
        "subtitle": style("subtitle", fontSize=9.5, leading=14, textColor=MUTED, spaceAfter=8),
        "h1": style("h1", fontName=BOLD, fontSize=12.5, leading=17, spaceBefore=12, spaceAfter=5,
                    textColor=ACCENT, keepWithNext=1),
        "h2": style("h2", fontName=BOLD, fontSize=10.5, leading=15, spaceBefore=8, spaceAfter=3,
                    keepWithNext=1),
        "text": style("text", spaceAfter=4),
        "note": style("note", fontSize=8.5, leading=12, textColor=MUTED, spaceBefore=2,
                      spaceAfter=4),
        "cell": style("cell", fontSize=8.5, leading=11.5),
        "cell_bold": style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11.5),
        "cell_head": style("cell_head", fontName=BOLD, fontSize=8.5, leading=11.5,
                           alignment=TA_CENTER),
        "cell_center": style("cell_center", fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "label": style("label", fontName=BOLD, fontSize=8.5, leading=11.5, alignment=TA_LEFT),
        "figure": style("figure", fontName=BOLD, fontSize=15, leading=19, alignment=TA_CENTER,
                        textColor=ACCENT),
        "figure_label": style("figure_label", fontSize=8, leading=11, alignment=TA_CENTER,
                              textColor=MUTED),
    }
