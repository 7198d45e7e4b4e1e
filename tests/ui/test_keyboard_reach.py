"""Every control of every page and dialog is reachable with the keyboard alone: Tab reaches
every visible control, and the inputs of the answers issue 12 added (and of the small dialogs)
have a label with an Alt+letter whose buddy they are, or sit inside a field that has one (a
text's language selector)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.projects import EXAMPLES
from wizard.flow import PAGE_ORDER, PageId
from wizard.ui.cookie_dialog import CookieDialog
from wizard.ui.extra_dialogs import OtherAuthorityDialog, OwnSectionDialog, ProcessorActivityDialog
from wizard.ui.main_window import MainWindow
from wizard.ui.purpose_dialog import PurposeDialog
from wizard.ui.recipient_dialog import RecipientDialog

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QListWidget)


def _inputs(root: QWidget) -> list[QWidget]:
    out: list[QWidget] = []
    for kind in INPUTS:
        for w in root.findChildren(kind):
            parent = w.parentWidget()
            if isinstance(w, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
                continue  # the editor inside a combo or spin box
            if w.isVisibleTo(root) and w.isEnabled():
                out.append(w)
    return out


def _labelled(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` has a label of its own, or is part of a composite (a text and its
    language) whose main part has one."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        proxy = parent.focusProxy()
        if proxy is not None and proxy is not widget and _own_label(proxy, root):
            return True
        parent = parent.parentWidget()
    return _own_label(widget, root)


def _own_label(widget: QWidget, root: QWidget) -> bool:
    """Whether a label with an Alt+letter has ``widget`` (or a container it sits in, whose
    focus goes to it) as buddy."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not _MNEMONIC.search(label.text()) or not label.isVisibleTo(root):
            continue
        if buddy is widget or buddy.focusProxy() is widget:
            return True
    return False


def _tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, following the focus chain as Qt does."""
    seen: list[QWidget] = []
    start = root.nextInFocusChain()
    w = start
    for _ in range(2000):
        if (
            w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(root)
            and w.isEnabled()
            and w.focusProxy() is None
            and (w is root or root.isAncestorOf(w))
        ):
            seen.append(w)
        w = w.nextInFocusChain()
        if w is start:
            break
    return seen


def unreachable(root: QWidget) -> tuple[list[str], list[str]]:
    chain = _tab_chain(root)
    unlabelled = [
        f"{type(w).__name__} {w.accessibleName()!r}"
        for w in _inputs(root)
        if not _labelled(w, root)
    ]
    buttons = [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root) and b.isEnabled() and not b.objectName().startswith("qt_")
    ]
    off_chain = [
        f"{type(w).__name__} {(w.accessibleName() or getattr(w, 'text', lambda: '')())!r}"
        for w in [*_inputs(root), *buttons]
        if (w.focusProxy() or w) not in chain
    ]
    return unlabelled, off_chain


def test_tab_reaches_every_control_of_every_page(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    project.cookies.used = True
    project.children.targets_children = True
    project.authority.catalog_id = "BE"  # the Rights page then asks why
    for page_id in PAGE_ORDER:
        window.wizard.jump_to(page_id)
        page = window.wizard.pages[page_id]
        if hasattr(page, "has_dpo"):
            page.has_dpo.setChecked(True)
        _unlabelled, off_chain = unreachable(page)
        assert not off_chain, (page_id, off_chain)


@pytest.mark.parametrize(
    ("page_id", "fields"),
    [
        (PageId.ORGANISATION, ["abroad", "fact_people"]),
        (PageId.CHILDREN, ["youngest", "countries", "age"]),
        (PageId.RIGHTS, ["authority", "authority_reason"]),
        (PageId.COOKIES, ["withdrawal"]),
        (PageId.SECURITY, ["other"]),
    ],
)
def test_the_new_answers_have_a_label_with_an_alt_letter(
    qtbot: Any, window: MainWindow, page_id: PageId, fields: list[str]
) -> None:
    """The answers issue 12 added: each input has a label whose Alt+letter reaches it."""
    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json", ask=False)
    project = window.session.project
    project.cookies.used = True
    project.children.targets_children = True
    project.authority.catalog_id = "BE"
    window.wizard.jump_to(page_id)
    page = window.wizard.pages[page_id]
    for name in fields:
        widget = getattr(page, name)
        target = getattr(widget, "editor", widget)
        assert target.isVisibleTo(page), name
        assert _labelled(target, page), name


def test_the_purpose_editor_reaches_every_control(qtbot: Any) -> None:
    """With a purpose loaded, so that the details of its categories show."""
    from wizard.model.project_file import load_project

    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    for purpose in project.purposes:
        dialog = PurposeDialog(purpose, ["en", "de"])
        qtbot.addWidget(dialog)
        _unlabelled, off_chain = unreachable(dialog)
        assert not off_chain, (purpose.id, off_chain)
        if purpose.relies_on_consent:
            assert _labelled(dialog.withdrawal.editor, dialog), purpose.id
        assert _labelled(dialog.amount, dialog)


@pytest.mark.parametrize(
    "make",
    [
        lambda: RecipientDialog(None, [], ["en"]),
        lambda: CookieDialog(None, ["en"]),
        lambda: ProcessorActivityDialog(None, ["en", "nl"]),
        lambda: OtherAuthorityDialog(None, ["en", "nl"]),
        lambda: OwnSectionDialog(None, ["en", "nl"]),
    ],
    ids=["recipient", "cookie", "processor-service", "other-authority", "own-section"],
)
def test_every_input_of_the_dialogs_has_an_alt_letter_and_a_tab_stop(qtbot: Any, make: Any) -> None:
    dialog: QDialog = make()
    qtbot.addWidget(dialog)
    unlabelled, off_chain = unreachable(dialog)
    assert not unlabelled and not off_chain, (unlabelled, off_chain)


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_the_representative_of_a_company_outside_the_eu_has_its_alt_letter(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A company outside the EU names its representative (Art. 27): its name field has its
    own Alt+letter, used by nothing else on the page, in every UI language."""
    from collections import Counter

    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    window = make_window()
    assert window.open_path(EXAMPLES / "software-company.privacy.json", ask=False)
    window.wizard.jump_to(PageId.ORGANISATION)
    page = window.wizard.pages[PageId.ORGANISATION]
    page.country.setCurrentIndex(page.country.findData("CA"))
    assert page.rep_box.isVisibleTo(page)
    assert _labelled(page.rep_name, page)
    keys = [
        match.group(1).lower()
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page) and (match := _MNEMONIC.search(label.text()))
    ] + [
        match.group(1).lower()
        for button in page.findChildren(QAbstractButton)
        if button.isVisibleTo(page) and (match := _MNEMONIC.search(button.text()))
    ]
    assert not [k for k, n in Counter(keys).items() if n > 1], sorted(keys)
