"""Render the application icon from its one source, ``resources/icons/privacy-wizard.svg``.

    .venv/bin/python packaging/render_icons.py

writes (and overwrites):

- ``packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` for N in 16, 32, 48, 64, 128, 256
  (the freedesktop icon theme layout; ``packaging/linux/install.sh`` copies it as is), plus the SVG
  as ``hicolor/scalable/apps/<APP_ID>.svg``;
- ``packaging/windows/privacy-wizard.ico`` (16-256 px) for the Windows executable and installer;
- ``packaging/macos/privacy-wizard.icns`` (16-1024 px) for the macOS app bundle.

Rendering uses Qt's SVG renderer offscreen (PySide6 is a dependency of the app, so nothing else
is needed); the ICO and ICNS containers are written with Pillow (a dependency of reportlab).
Run it again after editing the SVG and commit the results.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.privacywizard.PrivacyWizard"
SOURCE = ROOT / "resources" / "icons" / "privacy-wizard.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "windows" / "privacy-wizard.ico"
ICNS = ROOT / "packaging" / "macos" / "privacy-wizard.icns"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels as PNG bytes (transparent background)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed by Qt
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: error: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    rendered = {
        size: render_png(renderer, size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))
    }

    for size in PNG_SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(rendered[size])
        print(out.relative_to(ROOT))
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(ROOT))

    try:
        from PIL import Image
    except ImportError:
        print("render_icons: Pillow is missing: .ico and .icns not written", file=sys.stderr)
        return 0
    images = {size: Image.open(io.BytesIO(png)).convert("RGBA") for size, png in rendered.items()}
    ICO.parent.mkdir(parents=True, exist_ok=True)
    # Pillow writes one entry per size, each from the largest image scaled down; pass the
    # renders of every size so that small sizes are Qt's own crisp renders, not downscales.
    images[256].save(
        ICO,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    print(ICO.relative_to(ROOT))
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    images[1024].save(
        ICNS, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != 1024]
    )
    print(ICNS.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
