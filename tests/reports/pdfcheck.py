"""Read a produced PDF back: its text per page, page size and embedded fonts."""
from __future__ import annotations

import io
from dataclasses import dataclass
import re

from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


class ReadBack:
    def __init__(self, pdf: bytes):
        assert pdf.startswith(b"%PDF-"), "not a PDF"
        self.reader = PdfReader(io.BytesIO(pdf))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """The text without line breaks or repeated spaces, for phrases that may wrap."""
        return re.sub(r"\s+", " ", self.text)

    def __len__(self) -> int:
        return len(self.pages)

    def page_size(self, index: int = 0) -> tuple[float, float]:
        box = self.reader.pages[index].mediabox
        return float(box.width), float(box.height)

    def embedded_fonts(self) -> set[str]:
        """Base names of the fonts whose file is inside the PDF."""
        names = set()
        for page in self.reader.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                for desc in _descriptors(font):
                    if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        names.add(str(font["/BaseFont"]).split("+")[-1])
        return names

    def used_fonts(self) -> set[str]:
        """Base names of the fonts the pages' text is actually drawn with."""
        names = set()
        for page in self.reader.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            content = page.get_contents().get_data().decode("latin-1")
            for key, ref in fonts.items():
                if re.search(re.escape(key) + r"\s+[\d.]+\s+Tf", content):
                    names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
        return names


def _descriptors(font):
    if "/FontDescriptor" in font:
        yield font["/FontDescriptor"].get_object()
    for child in font.get("/DescendantFonts", []):
        yield from _descriptors(child.get_object())


# --- layout: what a reader sees where -------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: where (points from the page's bottom left) and how big."""

    x: float
    y: float
    size: float
    text: str


BODY_TOP = 841.89 - 22 * 72 / 25.4      # the body frame of every document (reports.base)
BODY_BOTTOM = 20 * 72 / 25.4


def runs(doc: "ReadBack", index: int) -> list[Run]:
    """The page's text runs in drawing order, with their size after every scaling."""
    found: list[Run] = []

    def visit(text, cm, tm, _font, size):
        if not text.strip():
            return
        scale = (abs(cm[0] * tm[0] + cm[2] * tm[1]) if cm else abs(tm[0])) or 1
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append(Run(round(x, 1), round(y, 1), round(size * scale, 2), text.strip("\n")))

    doc.reader.pages[index].extract_text(visitor_text=visit)
    return found


def body_runs(doc: "ReadBack", index: int) -> list[Run]:
    """The runs inside the body frame (not the running header or footer)."""
    return [r for r in runs(doc, index) if BODY_BOTTOM - 2 < r.y < BODY_TOP + 2]


NUMBERED_HEADING = re.compile(r"^\d+(-\d+)?\.\s+\S")


def stranded_headings(doc: "ReadBack") -> list[str]:
    """Numbered headings ("7. 지원사업 수혜") that are the last thing on a page that goes on."""
    found = []
    for i in range(len(doc) - 1):
        body = body_runs(doc, i)
        if not body:
            continue
        lowest = min(r.y for r in body)
        last = [r for r in body if r.y <= lowest + 1]
        for r in last:
            if NUMBERED_HEADING.match(r.text) and r.size >= 10:
                found.append(f"p.{i + 1}: {r.text}")
    return found


def small_text(doc: "ReadBack", minimum: float = 7.0) -> list[str]:
    """Text drawn smaller than ``minimum`` points, anywhere."""
    return [f"p.{i + 1}: {r.text!r} {r.size:.1f} pt" for i in range(len(doc))
            for r in runs(doc, i) if r.size < minimum - 0.01]


def wrapped_pairs(doc: "ReadBack"):
    """Consecutive lines of one paragraph: same left edge and size, one line lower."""
    for i in range(len(doc)):
        page = runs(doc, i)
        for a, b in zip(page, page[1:]):
            step = a.y - b.y
            if abs(a.x - b.x) < 0.6 and abs(a.size - b.size) < 0.01 and \
                    1.0 * a.size < step < 1.6 * a.size:
                yield i, a.text, b.text


_DATE_HEAD = re.compile(r"(^|\D)\d{4}\.( \d{1,2}\.)?\s*$")
_DATE_TAIL = re.compile(r"^\s*\d{1,2}\.")


def split_dates(doc: "ReadBack") -> list[str]:
    """A date broken over two lines: "2026. 11." / "29."."""
    return [f"p.{i + 1}: {a!r} / {b!r}" for i, a, b in wrapped_pairs(doc)
            if _DATE_HEAD.search(a) and _DATE_TAIL.match(b)]


def split_words(doc: "ReadBack", sources: set[str]) -> list[str]:
    """A word broken over two lines: the two lines join without a space in some cell's text
    (``sources``, as given to the table) but never with one."""
    flat = [re.sub(r"\s+", " ", s) for s in sources]
    found = []
    for i, a, b in wrapped_pairs(doc):
        a, b = a.strip(), b.strip()
        if not a or not b:
            continue
        joined, spaced = a + b, a + " " + b
        if any(joined in s for s in flat) and not any(spaced in s for s in flat):
            found.append(f"p.{i + 1}: {a!r} / {b!r}")
    return found
