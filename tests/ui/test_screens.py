"""The window fits the screen it opens on: its first size comes from the screen's available
area, a size saved on a larger screen is brought back, and every page can be used at 1024x600
(the content scrolls instead of pushing the buttons off the screen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QWizard

from tests.projects import EXAMPLES
from wizard.flow import PAGE_ORDER
from wizard.ui.main_window import FRAME_ALLOWANCE, PREFERRED_SIZE, MainWindow


def screen_of(monkeypatch: pytest.MonkeyPatch, width: int, height: int) -> QRect:
    area = QRect(0, 0, width, height)
    monkeypatch.setattr(MainWindow, "_available", lambda self: QRect(area))
    return area


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1366, 768), (1920, 1080)])
def test_first_size_fits_the_screen(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    settings: QSettings,
    data_dir: Any,
    width: int,
    height: int,
) -> None:
    area = screen_of(monkeypatch, width, height)
    window = MainWindow(settings=settings, data_dir=data_dir)
    qtbot.addWidget(window)
    assert window.width() <= width - FRAME_ALLOWANCE.width()
    assert window.height() <= height - FRAME_ALLOWANCE.height()
    assert window.width() == min(PREFERRED_SIZE.width(), width - FRAME_ALLOWANCE.width())
    assert area.contains(window.geometry())


def test_a_size_saved_on_a_larger_screen_is_brought_back(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, settings: QSettings, data_dir: Any
) -> None:
    screen_of(monkeypatch, 2560, 1440)
    big = MainWindow(settings=settings, data_dir=data_dir)
    qtbot.addWidget(big)
    big.resize(2000, 1300)
    settings.setValue("window/geometry", big.saveGeometry())
    area = screen_of(monkeypatch, 1024, 600)
    window = MainWindow(settings=settings, data_dir=data_dir)
    qtbot.addWidget(window)
    assert window.height() <= 600 - FRAME_ALLOWANCE.height()
    assert area.contains(window.geometry())


def test_every_page_fits_1024_by_600(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, make_window: Callable[[], MainWindow]
) -> None:
    screen_of(monkeypatch, 1024, 600)
    window = make_window()
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    project.cookies.used = True
    project.children.targets_children = True
    for page_id in PAGE_ORDER:
        window.wizard.jump_to(page_id)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 - FRAME_ALLOWANCE.width(), (page_id, hint)
        assert hint.height() <= 600 - FRAME_ALLOWANCE.height(), (page_id, hint)
    # The Generate button is outside the scrolling part of the Output page.
    output = window.wizard.pages["output"]
    assert not output.scroll_area.isAncestorOf(output.generate_button)
    assert window.wizard.button(QWizard.WizardButton.FinishButton).isVisible()


@pytest.mark.parametrize("kind", ["purpose", "recipient", "cookie"])
def test_dialogs_fit_a_small_screen_without_sideways_scrolling(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The offscreen screen is 800x600: each editor fits it, in German, and scrolls only
    downwards."""
    from PySide6.QtWidgets import QScrollArea

    from wizard.ui import tr
    from wizard.ui.cookie_dialog import CookieDialog
    from wizard.ui.purpose_dialog import PurposeDialog
    from wizard.ui.recipient_dialog import RecipientDialog

    monkeypatch.setitem(tr._state, "lang", "de")
    languages = ["de", "en"]
    dialog = {
        "purpose": lambda: PurposeDialog(None, languages),
        "recipient": lambda: RecipientDialog(None, [], languages),
        "cookie": lambda: CookieDialog(None, languages),
    }[kind]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    (area,) = dialog.findChildren(QScrollArea)
    # No sideways scrolling once the layout has settled.
    bar = area.horizontalScrollBar()
    qtbot.waitUntil(lambda: area.viewport().width() > 0 and bar.maximum() == 0, timeout=3000)
