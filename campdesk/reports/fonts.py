"""Find a Korean TrueType font on this computer and register it with reportlab, once.

reportlab embeds (a subset of) a TrueType font, so the PDF reads the same on any PC. It refuses
CFF-outline fonts (.otf, Noto CJK .ttc), so only TrueType files are candidates.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFError

from campdesk.i18n import _
from campdesk.paths import resources_dir
from campdesk.services.errors import UserError

ENV_FONT = "CAMPDESK_PDF_FONT"  # a path to a .ttf, to override the search
REGULAR, BOLD = "CampKR", "CampKR-Bold"

# (regular, bold) pairs, best first. Bold may be missing: the regular face is used then.
_SYSTEM = [
    ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
     "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
    ("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
     "/usr/share/fonts/truetype/nanum/NanumBarunGothicBold.ttf"),
    ("C:/Windows/Fonts/malgun.ttf", "C:/Windows/Fonts/malgunbd.ttf"),
    ("/Library/Fonts/NanumGothic.ttf", "/Library/Fonts/NanumGothicBold.ttf"),
    ("/System/Library/Fonts/Supplemental/AppleGothic.ttf", None),
]


class KoreanFontMissing(UserError):
    def __init__(self):
        super().__init__(_(
            "PDF에 넣을 한글 트루타입 글꼴을 찾지 못했습니다. 나눔고딕(fonts-nanum)이나 맑은 고딕을 "
            "설치하거나, {variable} 환경 변수에 .ttf 파일 경로를 지정해 주세요.").format(variable=ENV_FONT))


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path


def _fc_match() -> tuple[str, str | None] | None:
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", ":lang=ko:fontformat=TrueType"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (out, None) if out.lower().endswith(".ttf") else None


def _windows_dir() -> Path:
    return Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"


def find_font_files() -> FontFiles:
    """The first usable Korean TrueType pair; raises KoreanFontMissing when there is none."""
    candidates: list[tuple[str, str | None]] = []
    if os.environ.get(ENV_FONT):
        candidates.append((os.environ[ENV_FONT], None))
    shipped = resources_dir() / "fonts"  # a font shipped with the app wins
    candidates.append((str(shipped / "NanumGothic.ttf"), str(shipped / "NanumGothicBold.ttf")))
    if sys.platform == "win32":
        candidates.append((str(_windows_dir() / "malgun.ttf"), str(_windows_dir() / "malgunbd.ttf")))
    candidates += _SYSTEM
    found = _fc_match()
    if found:
        candidates.append(found)
    for regular, bold in candidates:
        if Path(regular).is_file() and regular.lower().endswith(".ttf"):
            bold_path = Path(bold) if bold and Path(bold).is_file() else Path(regular)
            return FontFiles(Path(regular), bold_path)
    raise KoreanFontMissing()


_lock = threading.Lock()
_registered: FontFiles | None = None


def register_korean_font() -> FontFiles:
    """Register the Korean font as ``CampKR`` / ``CampKR-Bold`` (once per process)."""
    global _registered
    with _lock:
        if _registered is None:
            files = find_font_files()
            try:
                pdfmetrics.registerFont(TTFont(REGULAR, str(files.regular)))
                pdfmetrics.registerFont(TTFont(BOLD, str(files.bold)))
            except TTFError as exc:
                raise KoreanFontMissing() from exc
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = files
        return _registered
