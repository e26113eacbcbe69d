"""Table flowables in the house style: a form grid (label | value) and a data table.

A cell whose text fits its column on one line is drawn as a plain string (cheap); only text
that must wrap becomes a Paragraph. Both look the same: one font, size and leading.

Text wraps only at spaces, never inside a word or a date ("2026. 11. 29." stays on one
line): a column with a word too wide for it is set one step smaller (``SMALL_SIZE``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from campdesk.reports import fmt
from campdesk.reports.fonts import BOLD, REGULAR
from campdesk.reports.styles import GRID, HEAD, INK, SHADE, stylesheet

FONT_SIZE = 8.5       # every table cell (the paragraph styles "cell*" and "label" agree)
LEADING = 11.5
PAD_X = 4
ROW_HEIGHT = 18.0     # points: one line of a cell with its padding (leading + 3 + 3.5)
SMALL_SIZE = 7.5      # one step down, for a column whose longest word does not fit
SMALL_LEADING = 10
_BOLD_STYLES = ("cell_bold", "cell_head", "label")

_BASE = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # also for empty cells, or Helvetica creeps in
    ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
    ("LEADING", (0, 0), (-1, -1), LEADING),
    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
    ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
]


_DATE = re.compile(r"\d{4}\. \d{1,2}\. \d{1,2}\.(?: \d{1,2}:\d{2})?|\d{4}\. \d{1,2}\.|"
                   r"\d{1,2}\. \d{1,2}\.|"  # Korean; then English: Dec 9, 2026 14:05, Dec 2026
                   r"[A-Z][a-z]{2} \d{1,2}, \d{4}(?: \d{1,2}:\d{2})?|[A-Z][a-z]{2} \d{4}")
_BREAK = re.compile(r"[ \t\n]+")  # where a line may break: not at a no-break space


def keep_dates(text: str) -> str:
    """Dates joined by no-break spaces, so a line never breaks inside one."""
    return _DATE.sub(lambda m: m.group(0).replace(" ", "\xa0"), text)


def widest_word(value, bold: bool = False, size: float = FONT_SIZE) -> float:
    """The width of the longest run of text a line may not break (a word, a date)."""
    if isinstance(value, Flowable):
        return 0.0
    font = BOLD if bold else REGULAR
    return max((stringWidth(w, font, size) for w in _BREAK.split(keep_dates(fmt.plain(value)))),
               default=0.0)


@lru_cache(maxsize=None)
def _style(name: str, size: float) -> ParagraphStyle:
    base = stylesheet()[name]
    if size == base.fontSize:
        return base
    return ParagraphStyle(f"{name}_{size}", parent=base, fontSize=size, leading=SMALL_LEADING)


def widest_line(value, bold: bool = False, size: float = FONT_SIZE) -> float:
    """The width a cell needs to show ``value`` on one line, padding included."""
    font = BOLD if bold else REGULAR
    return stringWidth(fmt.plain(value), font, size) + 2 * PAD_X + 1


def cell(value, style: str = "cell", width: float | None = None, size: float = FONT_SIZE):
    """A value for a table cell: a plain string when it fits ``width`` on one line, else a
    paragraph in ``style`` that wraps at spaces (never inside a date); flowables pass through."""
    if isinstance(value, Flowable):
        return value
    shown = fmt.plain(value)
    font = BOLD if style in _BOLD_STYLES else REGULAR
    if width is not None and "\n" not in shown and \
            stringWidth(shown, font, size) <= width - 2 * PAD_X:
        return shown
    return Paragraph(keep_dates(fmt.text(value)), _style(style, size))


def fit_columns(columns: Sequence[Sequence[object]], widths: Sequence[float]
                ) -> tuple[list[float], list[float]]:
    """Font sizes and widths so that no word or date of a column has to break: a column
    whose widest word does not fit is set one step smaller (``SMALL_SIZE``); if even that
    does not fit, it takes the width it lacks from the column with the most to spare."""
    widths = list(widths)
    sizes = [FONT_SIZE] * len(widths)

    def need(i: int, size: float) -> float:
        col = columns[i]
        return max((widest_word(v, j == 0, size) for j, v in enumerate(col)), default=0) + 2 * PAD_X

    for i in range(len(widths)):
        if need(i, FONT_SIZE) <= widths[i]:
            continue
        sizes[i] = SMALL_SIZE
        lack = need(i, SMALL_SIZE) - widths[i]
        if lack <= 0:
            continue
        spare = {j: widths[j] - need(j, sizes[j]) for j in range(len(widths)) if j != i}
        donor = max(spare, key=spare.get, default=None)
        if donor is not None and spare[donor] >= lack:
            widths[donor] -= lack
            widths[i] += lack
    return sizes, widths


def form(rows: Sequence[tuple[str, object]], width: float, pairs: int = 2,
         label_share: float = 0.16) -> Table:
    """Label/value pairs, ``pairs`` to a line; a long value may take the whole line (pairs=1)."""
    label_w = width * label_share
    value_w = width / pairs - label_w
    data, line = [], []
    for label, value in rows:
        line += [cell(label, "label", label_w), cell(value, "cell", value_w)]
        if len(line) == pairs * 2:
            data.append(line)
            line = []
    if line:
        line += [""] * (pairs * 2 - len(line))
        data.append(line)
    # A value longer than a page goes on to the next page within its row.
    table = Table(data, colWidths=[label_w, value_w] * pairs, splitInRow=1)
    labels = range(0, pairs * 2, 2)
    table.setStyle(TableStyle(_BASE + [("VALIGN", (0, 0), (-1, -1), "TOP")] * (pairs == 1)
                              + [("BACKGROUND", (c, 0), (c, -1), SHADE) for c in labels]
                              + [("FONTNAME", (c, 0), (c, -1), BOLD) for c in labels]))
    return table


def grid(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
         numeric: Sequence[int] = (), centered: Sequence[int] = (), total: bool = False) -> Table:
    """A data table: shaded header repeated on every page, numbers right-aligned.

    ``total`` marks the last row as a bold, shaded sum line.
    """
    columns = list(zip(header, *rows)) if rows else [(h,) for h in header]
    sizes, widths = fit_columns(columns, widths)

    def shown(i: int, value, bold: bool):
        if i in numeric and not isinstance(value, (str, Flowable)):
            value = fmt.number(value)
        style = "cell_bold" if bold else "cell_center" if i in centered else "cell"
        return cell(value, style, widths[i], sizes[i])

    data = [[cell(h, "cell_head", widths[i], sizes[i]) for i, h in enumerate(header)]]
    for r, row in enumerate(rows):
        bold = total and r == len(rows) - 1
        data.append([shown(i, v, bold) for i, v in enumerate(row)])
    table = Table(data, colWidths=list(widths), repeatRows=1)
    style = _BASE + [("BACKGROUND", (0, 0), (-1, 0), HEAD), ("FONTNAME", (0, 0), (-1, 0), BOLD),
                     ("ALIGN", (0, 0), (-1, 0), "CENTER")]
    style += [x for i, size in enumerate(sizes) if size != FONT_SIZE
              for x in (("FONTSIZE", (i, 0), (i, -1), size), ("LEADING", (i, 0), (i, -1), SMALL_LEADING))]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    style += [("ALIGN", (i, 1), (i, -1), "CENTER") for i in centered]
    style += [("BACKGROUND", (0, r), (-1, r), SHADE) for r in range(2, len(data), 2)]
    if total and rows:
        style += [("BACKGROUND", (0, -1), (-1, -1), HEAD), ("FONTNAME", (0, -1), (-1, -1), BOLD)]
    table.setStyle(TableStyle(style))
    return table


DATE_W = 66       # points: "2026. 10. 22." (or "Dec 22, 2026") on one line
DATETIME_W = 92   # points: "2026. 10. 22. 16:30" (or "Dec 22, 2026 16:30") on one line


def widths(total: float, *shares: float, fixed: dict[int, float] | None = None) -> list[float]:
    """Column widths in points: ``fixed`` columns (index → points, e.g. dates) first, the
    rest of ``total`` shared out by the relative ``shares`` of the other columns."""
    fixed = fixed or {}
    free = total - sum(fixed.values())
    whole = sum(s for i, s in enumerate(shares) if i not in fixed)
    return [fixed[i] if i in fixed else free * s / whole for i, s in enumerate(shares)]


def figures(items: Sequence[tuple[str, str]], width: float) -> Table:
    """Key figures side by side: a big number over a small label."""
    st = stylesheet()
    box = width / len(items) - 2 * 6

    def figure(value: str) -> Paragraph:
        style = st["figure"]
        wide = stringWidth(value, BOLD, style.fontSize)
        if wide <= box:
            return Paragraph(value, style)
        size = max(9.0, style.fontSize * box / wide)
        return Paragraph(value, ParagraphStyle("figure_small", parent=style, fontSize=size))

    data = [[figure(value) for value, _ in items],
            [Paragraph(label, st["figure_label"]) for _, label in items]]
    table = Table(data, colWidths=[width / len(items)] * len(items))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("BOX", (0, 0), (-1, -1), 0.5, GRID),
                               ("LINEBEFORE", (1, 0), (-1, -1), 0.5, GRID),
                               ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                               ("TOPPADDING", (0, 0), (-1, 0), 7),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 6)]))
    return table


def side_by_side(left, right, width: float, left_share: float = 0.55) -> Table:
    """Two flowables next to each other (a table and its chart), no border."""
    table = Table([[left, right]], colWidths=[width * left_share, width * (1 - left_share)])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, -1), 6),
                               ("RIGHTPADDING", (1, 0), (1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return table
