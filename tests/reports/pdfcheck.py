"""Read a produced PDF back: its text per page, page size and embedded fonts."""
from __future__ import annotations

import io
from dataclasses import dataclass
import re

from pypdf import PdfReader
from pypdf.generic import ContentStream

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
    """The page's lines of text in drawing order, each with its size after every scaling
    (a document shrunk to fit draws its text smaller than its style says)."""
    cache = doc.__dict__.setdefault("_runs", {})
    if index not in cache:
        cache[index] = _read_runs(doc, index)
    return cache[index]


def _read_runs(doc: "ReadBack", index: int) -> list[Run]:
    page = doc.reader.pages[index]
    fonts = {str(k): _to_unicode(v.get_object())
             for k, v in page.get("/Resources", {}).get("/Font", {}).items()}
    found: list[Run] = []
    ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    tm = tlm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    font, size, leading = None, 0.0, 0.0
    for operands, op in ContentStream(page.get_contents(), doc.reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(x) for x in operands), ctm)
        elif op == b"BT":
            tm = tlm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif op == b"Tm":
            tm = tlm = tuple(float(x) for x in operands)
        elif op in (b"Td", b"TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if op == b"TD":
                leading = -ty
            tm = tlm = _mul((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"T*":
            tm = tlm = _mul((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
        elif op == b"Tf":
            font, size = str(operands[0]), float(operands[1])
        elif op in (b"Tj", b"TJ"):
            parts = operands[0] if op == b"TJ" else [operands[0]]
            text = "".join(_decode(fonts.get(font, {}), p) for p in parts
                           if not isinstance(p, (int, float)))
            m = _mul(tm, ctm)
            scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
            if text.strip():
                found.append(Run(round(m[4], 1), round(m[5], 1), round(size * scale, 2), text))
    return _lines(found)


def _mul(a, b):
    """The product of two PDF matrices (a, b, c, d, e, f): ``a`` then ``b``."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _to_unicode(font) -> dict[int, str]:
    """A subset font's codes → text, from its ToUnicode map (bfchar and bfrange)."""
    if "/ToUnicode" not in font:
        return {}
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    found: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                      block):
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                found[code] = chr(int(uni, 16) + i)
    return found


def _decode(cmap: dict[int, str], value) -> str:
    raw = value.original_bytes if hasattr(value, "original_bytes") else bytes(str(value), "latin-1")
    if not cmap:
        return raw.decode("latin-1")
    return "".join(cmap.get(b, chr(b)) for b in raw)


def _lines(found: list[Run]) -> list[Run]:
    """Pieces drawn one after another on the same baseline (a line switches between the
    font's subsets) joined into one line."""
    lines: list[Run] = []
    for r in found:
        last = lines[-1] if lines else None
        if last and abs(last.y - r.y) < 0.3 and abs(last.size - r.size) < 0.01 and r.x >= last.x:
            lines[-1] = Run(last.x, last.y, last.size, last.text + r.text)
        else:
            lines.append(r)
    return lines


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
    """Consecutive lines of one paragraph: drawn one after the other, same size, one
    line lower (cells of a row sit on one baseline; the next row is further down)."""
    for i in range(len(doc)):
        page = runs(doc, i)
        for a, b in zip(page, page[1:]):
            step = a.y - b.y
            if abs(a.size - b.size) < 0.01 and 1.0 * a.size < step < 1.6 * a.size:
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
