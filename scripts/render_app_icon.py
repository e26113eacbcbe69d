"""Render the application icon, resources/app/campdesk.svg, to the PNG sizes and the
multi-size Windows .ico beside it. Run again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_app_icon.py

Qt's SVG renderer draws each size from the SVG itself (no downscaled 512 px bitmap);
Pillow (a reportlab dependency) writes the .ico from those same PNGs.
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QRectF  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

APP = Path(__file__).resolve().parents[1] / "resources" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(APP / "campdesk.svg"))
    if not renderer.isValid():
        print("resources/app/campdesk.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(APP / f"campdesk-{size}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(APP / "campdesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"wrote {len(images)} PNGs and campdesk.ico to {APP}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
