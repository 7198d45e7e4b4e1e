"""Keyboard use: no mnemonic (Alt+letter) is used twice on a page or in a dialog, every
mnemonic label has a buddy, and the tab order reaches the controls in reading order."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget

from tests.projects import EXAMPLES, TRANSLATED
from wizard.flow import PAGE_ORDER
from wizard.languages import LANGUAGES
from wizard.ui.cookie_dialog import CookieDialog
from wizard.ui.extra_dialogs import OtherAuthorityDialog, OwnSectionDialog, ProcessorActivityDialog
from wizard.ui.main_window import MainWindow
from wizard.ui.processor_picker import ProcessorPicker
from wizard.ui.purpose_dialog import PurposeDialog
from wizard.ui.recipient_dialog import RecipientDialog

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    match = _MNEMONIC.search(text)
    return match.group(1).lower() if match else None


def mnemonics(root: QWidget, extra: list[str] | None = None) -> list[str]:
    keys = list(extra or [])
    for label in root.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.RichText:
            continue  # no mnemonics in rich text (an "&" there is an entity)
        key = mnemonic(label.text())
        if key and label.isVisibleTo(root):
            assert label.buddy() is not None, f"mnemonic without buddy: {label.text()!r}"
            keys.append(key)
    for button in root.findChildren(QAbstractButton):
        key = mnemonic(button.text())
        if key and button.isVisibleTo(root):
            keys.append(key)
    return keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_mnemonic_twice_on_any_page(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    window = make_window()
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    project.cookies.used = True
    project.children.targets_children = True
    # Another authority than the competent one: the Rights page also asks why.
    project.authority.catalog_id = "BE"
    menus = [a.text() for a in window.menuBar().actions()]
    menu_keys = [k for k in map(mnemonic, menus) if k]
    for page_id in PAGE_ORDER:
        window.wizard.jump_to(page_id)
        page = window.wizard.pages[page_id]
        if hasattr(page, "has_dpo"):
            page.has_dpo.setChecked(True)
        keys = mnemonics(window, menu_keys)
        duplicates = [k for k, n in Counter(keys).items() if n > 1]
        assert not duplicates, (page_id, duplicates, "".join(sorted(keys)))


@pytest.mark.parametrize(
    "make",
    [
        lambda: PurposeDialog(None, ["en", "nl"]),
        lambda: RecipientDialog(None, [], ["en"]),
        lambda: CookieDialog(None, ["en"]),
        lambda: ProcessorPicker(),
        lambda: ProcessorActivityDialog(None, ["en", "nl"]),
        lambda: OtherAuthorityDialog(None, ["en", "nl"]),
        lambda: OwnSectionDialog(None, ["en", "nl"]),
    ],
    ids=[
        "purpose",
        "recipient",
        "cookie",
        "catalogue",
        "processor-service",
        "other-authority",
        "own-section",
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_mnemonic_twice_in_dialogs(
    qtbot: Any, make: Any, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    dialog: QDialog = make()
    qtbot.addWidget(dialog)
    keys = mnemonics(dialog)
    duplicates = [k for k, n in Counter(keys).items() if n > 1]
    assert not duplicates, (duplicates, sorted(keys))


def test_tab_order_follows_the_form(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    page = window.wizard.pages[PAGE_ORDER[1]]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.legal_name.setFocus()
    expected = [
        page.legal_name,
        page.trading_name,
        *page.articles.values(),  # the article before the name in French and German
        page.street,
        page.postal_code,
        page.city,
        page.country,
        page.registration,
        page.email.editor,
        page.phone,
        page.website.editor,
        page.abroad,  # own staff outside the EU/EEA (issue 12, point 3)
        page.has_dpo,
    ]
    seen = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected


@pytest.mark.parametrize("lang", TRANSLATED)
def test_output_page_mnemonics_unique_in_every_language(
    qtbot: Any, make_window: Any, lang: str
) -> None:
    """The format check boxes' Alt+letters are chosen per language: none clashes there."""
    from wizard.flow import PageId
    from wizard.ui.tr import set_ui_language

    set_ui_language(lang)
    try:
        window = make_window()
        assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
        menu_keys = [k for k in map(mnemonic, (a.text() for a in window.menuBar().actions())) if k]
        window.wizard.jump_to(PageId.OUTPUT)
        boxes = window.wizard.pages[PageId.OUTPUT].format_boxes.values()
        assert all(mnemonic(box.text()) for box in boxes)
        assert all(box.accessibleName() and "&" not in box.accessibleName() for box in boxes)
        keys = mnemonics(window, menu_keys)
        duplicates = [k for k, n in Counter(keys).items() if n > 1]
        assert not duplicates, (lang, duplicates, sorted(keys))
    finally:
        set_ui_language("en")
