"""Long translations (German is often 30-50 % longer than English) must wrap, not clip: with
every message pseudo-localised (about 40 % longer), each page still fits a laptop screen and
needs no sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.projects import EXAMPLES
from wizard import i18n
from wizard.flow import PAGE_ORDER, PageId
from wizard.ui.main_window import MainWindow

#: A 1366x768 laptop screen, minus room for the window frame and a panel.
MAX_WIDTH, MAX_HEIGHT = 1340, 700


@pytest.fixture
def stretched(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.translation.cache_clear()
    yield
    monkeypatch.delenv(i18n.PSEUDO_ENV)
    i18n.translation.cache_clear()


def test_pages_fit_a_laptop_screen_with_long_texts(
    qtbot: Any, stretched: None, settings: QSettings, data_dir: Path
) -> None:
    window = MainWindow(settings=settings, data_dir=data_dir)
    try:
        window.show()
        window.ensure_ready()
        assert window.wizard.pages[PageId.WELCOME].title().startswith("[")  # really stretched
        assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
        project = window.session.project
        project.cookies.used = True
        project.children.targets_children = True
        project.automated_decisions.used = True
        window.resize(1100, 760)
        for page_id in PAGE_ORDER:
            window.wizard.jump_to(page_id)
            hint = window.minimumSizeHint()
            assert hint.width() <= MAX_WIDTH, (page_id, hint)
            assert hint.height() <= MAX_HEIGHT, (page_id, hint)
            page = window.wizard.pages[page_id]
            qtbot.waitUntil(lambda p=page: p.scroll_area.viewport().width() > 0)
            # No sideways scrolling: everything wraps into the width of the page (once the
            # layout requests posted by the page change are handled).
            bar = page.scroll_area.horizontalScrollBar()
            try:
                qtbot.waitUntil(lambda b=bar: not b.isVisible(), timeout=2000)
            except Exception:
                pass
            assert not bar.isVisible(), (
                page_id,
                page.scroll_area.widget().minimumSizeHint().width(),
                page.scroll_area.viewport().width(),
            )
    finally:
        window.session.set_modified(False)
        window.close()
        window.deleteLater()
