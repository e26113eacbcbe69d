"""What CampDesk ships with itself and what a person sees of it: the Korean font in every
PDF and on screen whether or not the PC has one, the application icon at every size, and
one set of navigation and action icons."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime

import pytest

from campdesk import icons
from campdesk.paths import fonts_dir, resources_dir, translation_file, translations_dir


def _hide_system_fonts(monkeypatch, fonts):
    monkeypatch.setattr(fonts, "_SYSTEM", [])
    monkeypatch.setattr(fonts, "_fc_match", lambda: None)
    monkeypatch.setattr(fonts, "_windows_dir", lambda: resources_dir() / "no-such-folder")
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)


def test_a_pdf_made_on_a_pc_without_a_korean_font_embeds_the_shipped_nanumgothic(
        monkeypatch, tmp_path):
    from campdesk.reports import fonts
    from campdesk.reports.base import Renderer
    from campdesk.services import reporting
    _hide_system_fonts(monkeypatch, fonts)
    found = fonts.find_font_files()
    assert found == fonts.FontFiles(fonts_dir() / "NanumGothic.ttf", fonts_dir() / "NanumGothicBold.ttf")
    monkeypatch.setattr(fonts, "_registered", None)  # register again, from what is found now

    class Notice(Renderer):
        title = "입주 안내"

        def story(self):
            return self._title_story("광주 AI창업캠프 입주 안내", "한글 문서")

    meta = reporting.ReportMeta("광주 AI창업캠프", "김민서", datetime.now().astimezone())
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(Notice(None, meta).render())
    assert fonts.register_korean_font() == found
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = [line.split() for line in listed.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), listed  # embedded
    assert {r[0].split("+")[-1] for r in rows} <= {"NanumGothic", "NanumGothicBold"}, listed
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "광주 AI창업캠프 입주 안내" in text


def test_the_shipped_font_wins_over_the_pcs_own_so_every_pc_makes_the_same_pdf(monkeypatch):
    from campdesk.reports import fonts
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    assert fonts.find_font_files().regular == fonts_dir() / "NanumGothic.ttf"


SHELL = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from campdesk.ui.app import start_shell
    qapp = QApplication([])
    launch = start_shell(qapp, sys.argv[1])
    qapp.processEvents()
    print("font", qapp.font().family())
    print("font_ok", launch.font_ok)
    sizes = sorted(s.width() for s in qapp.windowIcon().availableSizes())
    print("icon", ",".join(map(str, sizes)))
    print("window_icon", not launch.window.windowIcon().isNull())
""")


def test_on_a_pc_without_any_font_the_app_shows_hangul_in_nanumgothic_and_has_its_icon(tmp_path):
    conf = tmp_path / "fonts.conf"  # fontconfig with no font folder: a bare PC
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "none"}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(conf))
    proc = subprocess.run([sys.executable, "-c", SHELL, str(tmp_path / "home")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    said = dict(line.partition(" ")[::2] for line in proc.stdout.splitlines())
    assert said["font"] == "NanumGothic"
    assert said["font_ok"] == "True"  # no "Hangul may show as boxes" warning
    assert said["icon"] == ",".join(map(str, icons.APP_ICON_SIZES))
    assert said["window_icon"] == "True"


def test_the_application_icon_exists_at_every_size_and_as_a_windows_icon():
    from PIL import Image
    for size in icons.APP_ICON_SIZES:
        with Image.open(icons.app_icon_path(size)) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            corner, middle = image.getpixel((0, 0)), image.getpixel((size // 2, size // 3))
            assert corner[3] == 0 and middle[3] == 255  # a rounded tile, not a square
    with Image.open(icons.app_icon_path(ico=True)) as ico:
        assert sorted(ico.ico.sizes()) == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    assert icons.app_icon_path().read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_every_navigation_and_action_icon_draws(qapp):
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    def ink(data: bytes) -> tuple[int, QColor]:
        renderer = QSvgRenderer(QByteArray(data))
        assert renderer.isValid()
        image = QImage(32, 32, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, 32, 32))
        painter.end()
        drawn = [image.pixelColor(x, y) for x in range(32) for y in range(32)
                 if image.pixelColor(x, y).alpha() == 255]
        return len(drawn), drawn[0] if drawn else QColor()

    from campdesk.ui.core.page_registry import PAGES
    assert set(icons.NAVIGATION) >= {p.key for p in PAGES} | {"settings"}  # every page has one
    for name in icons.NAMES:
        assert icons.icon_path(name).is_file(), name
        count, _ = ink(icons.icon_path(name).read_bytes())
        assert 20 < count < 32 * 32 * 0.6, name  # a line drawing, not empty, not a blot
    _, colour = ink(icons.icon_svg("sync", color="#1c4ea6"))
    assert colour.name() == "#1c4ea6"
    with pytest.raises(icons.UnknownIcon):
        icons.icon_path("no-such-icon")


def test_translations_have_their_place_and_a_missing_one_is_none():
    assert translations_dir().is_dir()
    assert translations_dir() == resources_dir() / "i18n"
    assert translation_file("xx") is None
