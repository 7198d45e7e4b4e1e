"""Save a PNG of every wizard page (and the editors) for an example project into
``docs/screenshots/``.

Usage: ``python scripts/screenshots.py [PROJECT] [--out FOLDER] [--lang en] [--pseudo]``.
Runs offscreen (no display needed; the offscreen screen is 800x600, so the window and dialogs
are sized for that); for real screen sizes run it under
``xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb``. Settings and autosaves go to
a temporary folder, so the user's own are left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def dialogs(window: Any) -> list[tuple[str, Any]]:
    """The editors, each opened on the first item of its table (or empty)."""
    from wizard.ui.cookie_dialog import CookieDialog
    from wizard.ui.processor_picker import ProcessorPicker
    from wizard.ui.purpose_dialog import PurposeDialog
    from wizard.ui.recipient_dialog import RecipientDialog

    project = window.session.project
    languages = project.publication.languages
    first = project.purposes[0] if project.purposes else None
    recipient = project.recipients[0] if project.recipients else None
    cookie = project.cookies.items[0] if project.cookies.items else None
    return [
        ("purpose", PurposeDialog(first, languages, window)),
        ("recipient", RecipientDialog(recipient, project.purposes, languages, window)),
        ("cookie", CookieDialog(cookie, languages, window)),
        ("catalogue", ProcessorPicker(window)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "project", nargs="?", default=str(ROOT / "examples" / "telehealth-startup.privacy.json")
    )
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--lang", default="en", help="UI language")
    parser.add_argument(
        "--size", default="",
        help="window size, WIDTHxHEIGHT (default: the size the app chooses for the screen)",
    )
    parser.add_argument(
        "--pseudo", action="store_true",
        help="pseudo-localise the UI (every message about 40%% longer) to see what clips",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.pseudo:
        os.environ["PRIVACY_WIZARD_PSEUDO"] = "1"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from wizard.flow import PAGE_ORDER, PageId
    from wizard.ui.tr import set_ui_language

    app = QApplication.instance() or QApplication([])
    set_ui_language(args.lang)
    from wizard.ui.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, data_dir=Path(tmp) / "data")
        if args.size:
            width, height = (int(v) for v in args.size.split("x"))
            window.resize(width, height)
        settings.setValue("files/recent", [str(Path(args.project).resolve())])
        window.update_recent()
        window.show()
        app.processEvents()
        window.wizard.grab()  # lay out once
        shots = [(PageId.WELCOME, window.grab())]
        if not window.open_path(Path(args.project), ask=False):
            return 1
        window.session.project.publication.output_folder = str(Path(tmp) / "out")
        for page in PAGE_ORDER[1:]:
            window.wizard.jump_to(page)
            app.processEvents()
            if window.wizard.current_page_id() is page:
                shots.append((page, window.grab()))
        for index, (page, pixmap) in enumerate(shots, start=1):
            path = out / f"{index:02d}-{page.value}.png"
            pixmap.save(str(path))
            print(path)
            if page is PageId.REVIEW:
                # The review's second tab: where the policy covers each Art. 13/14 element.
                window.wizard.jump_to(PageId.REVIEW)
                review = window.wizard.pages[PageId.REVIEW]
                review.tabs.setCurrentIndex(1)
                app.processEvents()
                path = out / f"{index:02d}-{page.value}-coverage.png"
                window.grab().save(str(path))
                review.tabs.setCurrentIndex(0)
                print(path)
        for name, dialog in dialogs(window):
            dialog.show()
            app.processEvents()
            path = out / f"dialog-{name}.png"
            dialog.grab().save(str(path))
            dialog.close()
            print(path)
        window.session.set_modified(False)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
