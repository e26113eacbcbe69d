"""What every CampDesk document shares: A4 geometry, header, footer with "page X of Y", bytes out.

A renderer takes plain data from ``campdesk.services.reporting`` and a ``ReportMeta``;
``render()`` returns the PDF as bytes. Subclasses set ``title`` and build the story from small
``_<section>_story()`` methods.
"""
from __future__ import annotations

from functools import partial
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, PageBreak, PageTemplate,
    Paragraph, Spacer, Table,
)
from reportlab.platypus.flowables import _listWrapOn

from campdesk.i18n import _
from campdesk.reports import fmt
from campdesk.reports.fonts import BOLD, REGULAR, register_korean_font
from campdesk.reports.styles import INK, MUTED, RULE, stylesheet
from campdesk.services.reporting.views import ReportMeta


class SectionStart(Flowable):
    """An invisible mark: pages from here on are numbered as a new document (batch output)."""

    width = height = 0

    def __init__(self, key: str, header_title: str):
        super().__init__()
        self.key, self.header_title = key, header_title

    def wrap(self, *_args):
        return 0, 0

    def draw(self):
        self.canv.section = (self.key, self.header_title)


class KeepHeadingWithNext(KeepTogether):
    """A heading (style keepWithNext, or several in a row) and what follows it.

    The group moves to the next page unless the headings *and the first rows of what
    follows* fit in the room left: ``FIRST_ROWS`` data rows of a table (under its header),
    ``FIRST_LINES`` lines of a paragraph, or the whole of anything that cannot split (a
    chart, a kept-together block). With enough room a long table simply starts under its
    heading and splits, instead of leaving a blank page behind.
    """

    FIRST_ROWS = 2
    FIRST_LINES = 2

    def split(self, aW, aH):
        content = self._content[:]
        heads, follower = content[:-1], content[-1]
        frame = getattr(self, "_frame", None)
        at_top = bool(frame and getattr(frame, "_atTop", 0))
        if not heads or at_top:
            return content  # nothing to keep, or a fresh page already: just go on
        _w, heads_h = _listWrapOn(heads, aW, self.canv)
        gap = max(heads[-1].getSpaceAfter(), follower.getSpaceBefore())
        page_h = frame._height if frame else aH
        need = heads_h + gap + _first_part(follower, self.canv, aW, page_h, self.FIRST_ROWS,
                                           self.FIRST_LINES)
        if need <= aH:
            return content
        return [self.FrameBreak()] + content


ROW_START = 60  # points: the first lines of a tall table row, kept with a heading


def _first_part(flowable, canv, width: float, page_h: float, rows: int, lines: int) -> float:
    """The height of the part of ``flowable`` that must stay with a heading above it."""
    if isinstance(flowable, KeepTogether):  # moves whole when it fits a page, else splits
        flowable.wrapOn(canv, width, page_h)
        return flowable._H if flowable._H <= page_h else lines * 14
    _w, height = flowable.wrapOn(canv, width, 0xFFFFFF)
    if isinstance(flowable, Table):
        heights = list(getattr(flowable, "_rowHeights", []) or [])
        keep = (getattr(flowable, "repeatRows", 0) or 0) + rows
        if isinstance(keep, tuple):  # repeatRows may be a tuple of row indexes
            keep = len(keep) + rows
        if len(heights) <= keep + 1:
            return height
        # A row taller than a few lines may split within itself (splitInRow): its start will do.
        if getattr(flowable, "splitInRow", 0):
            return sum(min(h, ROW_START) for h in heights[:keep])
        return sum(heights[:keep])
    if isinstance(flowable, Paragraph):
        leading = flowable.style.leading
        return min(height, lines * leading)
    return height


class _Document(BaseDocTemplate):
    """Keeps a heading with whatever follows it, even a block that keeps itself together
    (reportlab's own rule leaves such a heading alone at the foot of a page)."""

    def handle_keepWithNext(self, flowables):  # noqa: N802 (reportlab's name)
        i, n = 0, len(flowables)
        while i < n and flowables[i].getKeepWithNext() and _movable(flowables[i]):
            i += 1
        if not i:
            return
        if i < n and _movable(flowables[i]) and not _is_action(flowables[i]):
            i += 1
        group = KeepHeadingWithNext(flowables[:i])
        for f in group._content[:-1]:
            f.__dict__["keepWithNext"] = 0
        del flowables[:i]
        flowables.insert(0, group)


def _movable(f) -> bool:
    return not isinstance(f, KeepHeadingWithNext)


def _is_action(f) -> bool:
    return hasattr(f, "frameAction") or isinstance(f, (PageBreak, CondPageBreak))


class NumberedCanvas(Canvas):
    """Keeps every page until the end, so each can say "page X of Y" within its section."""

    def __init__(self, *args, draw_number=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = ("", "")
        self._pages: list[tuple[dict, str]] = []
        self._draw_number = draw_number

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append((dict(self.__dict__), self.section[0]))
        self._startPage()

    def save(self):
        totals: dict[str, int] = {}
        for _state, key in self._pages:
            totals[key] = totals.get(key, 0) + 1
        seen: dict[str, int] = {}
        for state, key in self._pages:
            self.__dict__.update(state)
            seen[key] = seen.get(key, 0) + 1
            self._draw_number(self, seen[key], totals[key])
            super().showPage()
        super().save()


def _fit(text: str, room: float, size: float = 8.5, smallest: float = 7.0) -> tuple[str, float]:
    """The running title at a size that fits ``room`` (down to ``smallest``), else cut with
    "…": a long company name never runs into the camp's name."""
    while size > smallest and stringWidth(text, REGULAR, size) > room:
        size = round(size - 0.5, 1)
    if stringWidth(text, REGULAR, size) <= room:
        return text, size
    while text and stringWidth(text + "…", REGULAR, size) > room:
        text = text[:-1]
    return text.rstrip() + "…", size


class Renderer:
    PAGE_SIZE = A4
    MARGIN_LEFT = 18 * mm
    MARGIN_RIGHT = 18 * mm
    MARGIN_TOP = 22 * mm
    MARGIN_BOTTOM = 20 * mm
    HEADER_Y = 12 * mm    # from the top edge
    FOOTER_Y = 11 * mm    # from the bottom edge
    title = "CampDesk"

    def __init__(self, data, meta: ReportMeta):
        self.data = data
        self.meta = meta
        register_korean_font()
        self.styles = stylesheet()

    @property
    def camp_name(self) -> str:
        """The camp's name in the report's language: the stored name is Korean data, but the
        camp's own name has its English in the catalog (a name set by hand stays as it is)."""
        name = self.meta.camp_name
        return _(name) if name.strip() else name  # _("") would be the catalog's header

    # --- geometry ------------------------------------------------------------------------
    @property
    def width(self) -> float:
        """The width of the text frame."""
        return self.PAGE_SIZE[0] - self.MARGIN_LEFT - self.MARGIN_RIGHT

    # --- output --------------------------------------------------------------------------
    def render(self) -> bytes:
        buffer = BytesIO()
        self.build(buffer, self.story())
        return buffer.getvalue()

    def build(self, buffer, story: list) -> None:
        doc = _Document(buffer, pagesize=self.PAGE_SIZE, title=self.document_title(),
                              author=self.meta.made_by, creator="CampDesk",
                              leftMargin=self.MARGIN_LEFT, rightMargin=self.MARGIN_RIGHT,
                              topMargin=self.MARGIN_TOP, bottomMargin=self.MARGIN_BOTTOM,
                              initialFontName=REGULAR)  # no Helvetica left in the file
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])
        doc.build(story, canvasmaker=partial(NumberedCanvas, draw_number=self._draw_number))

    def story(self) -> list:
        raise NotImplementedError

    def document_title(self) -> str:
        return self.shown_title

    @property
    def shown_title(self) -> str:
        """``title`` (a catalog text, marked ``N_``) in the current language."""
        return _(self.title)

    # --- page furniture ------------------------------------------------------------------
    def _decorate(self, canvas: Canvas, _doc) -> None:
        page_w, page_h = self.PAGE_SIZE
        left, right = self.MARGIN_LEFT, page_w - self.MARGIN_RIGHT
        top = page_h - self.HEADER_Y
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 9)
        canvas.drawString(left, top, self.camp_name)
        canvas.setFillColor(MUTED)
        section_title = getattr(canvas, "section", ("", ""))[1]
        room = right - left - stringWidth(self.camp_name, BOLD, 9) - 8 * mm
        title, size = _fit(section_title or self.document_title(), room)
        canvas.setFont(REGULAR, size)
        canvas.drawRightString(right, top, title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
        canvas.line(left, self.FOOTER_Y + 4 * mm, right, self.FOOTER_Y + 4 * mm)
        canvas.setFont(REGULAR, 8)
        by = self.meta.made_by if self.meta.made_by not in ("", "-") else ""
        made = _("작성 {when}").format(when=fmt.when(self.meta.made_at))
        if by:
            made += " · " + _("작성자 {name}").format(name=by)
        canvas.drawString(left, self.FOOTER_Y, made)
        canvas.restoreState()

    def _draw_number(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.PAGE_SIZE[0] - self.MARGIN_RIGHT, self.FOOTER_Y,
                               _("{page} / {pages} 쪽").format(page=page, pages=pages))
        canvas.restoreState()

    # --- small story helpers shared by every document --------------------------------------
    def _title_story(self, title: str, subtitle: str) -> list:
        return [Paragraph(title, self.styles["title"]),
                Paragraph(subtitle, self.styles["subtitle"])]

    def _heading(self, text: str, level: int = 1) -> Paragraph:
        return Paragraph(text, self.styles[f"h{level}"])

    def _note(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles["note"])

    def _gap(self, height_mm: float = 3) -> Spacer:
        return Spacer(1, height_mm * mm)
