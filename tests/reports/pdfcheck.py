"""Read a produced PDF back: its text per page, page size and embedded fonts."""
from __future__ import annotations

import io
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
