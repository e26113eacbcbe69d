"""What every CampDesk document shares: A4 geometry, header, footer with "X / Y 쪽", bytes out.

A renderer takes plain data from ``campdesk.services.reporting`` and a ``ReportMeta``;
``render()`` returns the PDF as bytes. Subclasses set ``title`` and build the story from small
``_<section>_story()`` methods.
"""
from __future__ import annotations

from functools import partial
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer,
)

from campdesk.domain.dates import format_datetime
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
    """What a heading (style keepWithNext) and the next flowable become: moved to the next
    page together only when less than ``ROOM`` is left; with more room a long table simply
    starts under its heading and splits, instead of leaving a blank page behind."""

    ROOM = 50 * mm

    def __init__(self, flowables):
        super().__init__(flowables, maxHeight=self.ROOM)


class NumberedCanvas(Canvas):
    """Keeps every page until the end, so each can say "X / Y 쪽" within its section."""

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
        doc = BaseDocTemplate(buffer, pagesize=self.PAGE_SIZE, title=self.document_title(),
                              author=self.meta.made_by, creator="CampDesk",
                              leftMargin=self.MARGIN_LEFT, rightMargin=self.MARGIN_RIGHT,
                              topMargin=self.MARGIN_TOP, bottomMargin=self.MARGIN_BOTTOM,
                              initialFontName=REGULAR)  # no Helvetica left in the file
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])
        doc.keepTogetherClass = KeepHeadingWithNext
        doc.build(story, canvasmaker=partial(NumberedCanvas, draw_number=self._draw_number))

    def story(self) -> list:
        raise NotImplementedError

    def document_title(self) -> str:
        return self.title

    # --- page furniture ------------------------------------------------------------------
    def _decorate(self, canvas: Canvas, _doc) -> None:
        page_w, page_h = self.PAGE_SIZE
        left, right = self.MARGIN_LEFT, page_w - self.MARGIN_RIGHT
        top = page_h - self.HEADER_Y
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 9)
        canvas.drawString(left, top, self.meta.camp_name)
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        section_title = getattr(canvas, "section", ("", ""))[1]
        canvas.drawRightString(right, top, section_title or self.document_title())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
        canvas.line(left, self.FOOTER_Y + 4 * mm, right, self.FOOTER_Y + 4 * mm)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(left, self.FOOTER_Y,
                          f"작성 {format_datetime(self.meta.made_at)} · 작성자 {self.meta.made_by}")
        canvas.restoreState()

    def _draw_number(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.PAGE_SIZE[0] - self.MARGIN_RIGHT, self.FOOTER_Y,
                               f"{page} / {pages} 쪽")
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
