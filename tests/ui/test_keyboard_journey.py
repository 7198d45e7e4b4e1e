"""A new project completed from the keyboard alone, in every UI language.

Every key goes to the widget that has the focus (tests/ui/keyboard.py), never to a named widget:
when the focus leaves a field while typing, the field ends up half-filled and the test fails.
The journey goes from an empty project to a policy in English and Dutch, DOCX and PDF, and
reads both back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from tests.readback import docx_text, pdf_text
from tests.ui.conftest import current
from tests.ui.keyboard import Keyboard, label_of
from wizard.flow import PageId
from wizard.languages import LANGUAGES
from wizard.model.answers import OutputFormat, Service
from wizard.ui.main_window import MainWindow
from wizard.ui.purpose_dialog import PurposeDialog
from wizard.ui.widgets import LocalTextEdit

NAME = "Fysiotherapie Één & Co B.V."
STREET = "Oudegracht 12 bis"
CITY = "Utrecht"
#: The Dutch names typed for the proposed purposes (the website's, then the bookings').
PURPOSES_NL = ["Onze website laten werken", "Afspraken maken en beheren"]


def next_page(keys: Keyboard, window: MainWindow) -> None:
    """Alt + the Next button's mnemonic, as the button reads in the UI language."""
    button = window.wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), window.wizard.currentPage().issues.messages
    before = window.wizard.currentId()
    keys.alt(button.text())
    assert window.wizard.currentId() != before


def write_dutch(keys: Keyboard, edit: LocalTextEdit, text: str) -> None:
    """From the text box of ``edit``: choose Dutch in its language selector, go back, and
    replace the text."""
    assert focused(edit.editor)
    keys.tab()
    assert focused(edit.language)
    keys.type("NL")
    assert edit.current_language() == "nl"
    keys.backtab()
    keys.select_all()
    keys.type(text)
    assert edit.value().get("nl") == text


def focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or focus is widget.focusProxy())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_project_by_keyboard_to_docx_and_pdf(
    qtbot: Any,
    make_window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    window: MainWindow = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    keys = Keyboard(qtbot)
    wizard = window.wizard
    welcome = wizard.pages[PageId.WELCOME]
    # Welcome: an empty project, the policy in English and Dutch (and nothing else), ticked
    # from the keyboard. The last ticked language cannot be cleared, so it is skipped by Tab
    # until another one is ticked.
    keys.alt(label_of(welcome.starter))
    assert focused(welcome.starter)
    wanted = {"en": True, "nl": True, "fr": False, "de": False}
    keys.tab()
    while any(focused(box) for box in welcome.language_boxes.values()):
        lang = next(k for k, box in welcome.language_boxes.items() if focused(box))
        if welcome.language_boxes[lang].isChecked() != wanted[lang]:
            keys.space()
        keys.tab()
    assert welcome.chosen_languages() == ["en", "nl"]
    keys.alt(welcome.new_button.text())
    assert current(window) is PageId.ORGANISATION
    assert window.session.project.publication.languages == ["en", "nl"]

    # Organisation: the first field has the focus; Tab walks the form.
    org = wizard.pages[PageId.ORGANISATION]
    assert focused(org.legal_name), QApplication.focusWidget()
    keys.type(NAME)
    keys.tab()
    keys.type("De Brug")
    keys.tab()
    keys.type(STREET)
    keys.tab()
    keys.type("3511 AB")
    keys.tab()
    keys.type(CITY)
    keys.tab()
    assert focused(org.country)
    keys.type(org.country.itemText(org.country.findData("NL")))
    assert org.country.currentData() == "NL"
    keys.tab()
    keys.type("KvK 12345678")
    keys.tab()
    keys.type("privacy@fysio-een.nl")
    keys.tab()
    keys.type("+31 30 123 45 67")
    keys.tab()
    keys.type("www.fysio-een.nl")
    keys.tab()  # leaving the field completes the address
    assert org.website.editor.text() == "https://www.fysio-een.nl"
    organisation = window.session.project.organisation
    assert organisation.legal_name == NAME
    assert organisation.trading_name == "De Brug"
    assert organisation.address.street == STREET
    assert organisation.address.postal_code == "3511 AB"
    assert organisation.address.city == CITY
    assert organisation.registration_number == "KvK 12345678"
    assert organisation.email == "privacy@fysio-een.nl"
    assert organisation.phone == "+31 30 123 45 67"
    assert organisation.website == "https://www.fysio-een.nl"
    next_page(keys, window)

    # Services: the website is proposed; appointments ticked with the space bar.
    services = wizard.pages[PageId.SERVICES]
    assert current(window) is PageId.SERVICES
    assert services.boxes[Service.WEBSITE].isChecked()
    assert focused(services.boxes[Service.WEBSITE])
    booking = services.boxes[Service.APPOINTMENT_BOOKING]
    while not focused(booking):
        keys.tab()
    keys.space()
    assert booking.isChecked()
    next_page(keys, window)

    # Purposes: each proposed purpose opens with Enter; its name is typed in Dutch.
    assert current(window) is PageId.PURPOSES
    purposes = wizard.pages[PageId.PURPOSES]
    assert purposes.table.rowCount() == len(PURPOSES_NL)
    assert focused(purposes.table)
    for row, dutch in enumerate(PURPOSES_NL):
        if row:
            keys.press(Qt.Key.Key_Down)
        assert purposes.table.currentRow() == row

        def name_in_dutch(dialog: QWidget, dutch: str = dutch) -> None:
            assert isinstance(dialog, PurposeDialog)
            assert focused(dialog.name), QApplication.focusWidget()
            write_dutch(keys, dialog.name, dutch)
            keys.enter()

        opened = keys.in_modal(name_in_dutch)
        keys.enter()  # on the table row: opens the purpose
        opened()
        assert window.session.project.purposes[row].name.get("nl") == dutch
        # The focus returns to the table once the main window is active again.
        qtbot.waitUntil(lambda: focused(purposes.table), timeout=5000)
    next_page(keys, window)

    # No recipients, so no transfers.
    assert current(window) is PageId.RECIPIENTS
    next_page(keys, window)
    assert current(window) is PageId.COOKIES  # a website: which cookies it sets
    cookies = wizard.pages[PageId.COOKIES]
    assert focused(cookies.used)
    assert not cookies.used.isChecked()
    next_page(keys, window)
    assert current(window) is PageId.CHILDREN
    next_page(keys, window)

    rights = wizard.pages[PageId.RIGHTS]
    assert current(window) is PageId.RIGHTS
    assert focused(rights.email)
    keys.type("rechten@fysio-een.nl")
    assert window.session.project.rights.email == "rechten@fysio-een.nl"
    keys.alt(rights.automated_no.text())
    assert rights.automated_no.isChecked()
    next_page(keys, window)

    # Security and more: nothing required, the person goes on.
    assert current(window) is PageId.SECURITY
    next_page(keys, window)

    assert current(window) is PageId.REVIEW
    next_page(keys, window)

    # Output: DOCX ticked and the folder typed from the keyboard.
    assert current(window) is PageId.OUTPUT
    output = wizard.pages[PageId.OUTPUT]
    keys.alt(output.format_boxes[OutputFormat.DOCX].text())
    folder = tmp_path / "beleid"
    keys.alt(label_of(output.folder))
    assert focused(output.folder), (QApplication.focusWidget(), label_of(output.folder))
    keys.select_all()
    keys.type(str(folder))
    publication = window.session.project.publication
    assert publication.languages == ["en", "nl"]
    assert set(publication.formats) == {OutputFormat.DOCX, OutputFormat.PDF}
    assert publication.output_folder == str(folder)
    assert output.generate_button.isEnabled(), output.blocked.text()
    with qtbot.waitSignal(output.generated, timeout=60_000) as blocker:
        keys.alt(output.generate_button.text())
    written = sorted(Path(p).name for p in blocker.args[0])
    assert written == [
        "privacy-policy-en.docx",
        "privacy-policy-en.pdf",
        "privacy-policy-nl.docx",
        "privacy-policy-nl.pdf",
    ]
    for language in ("en", "nl"):
        for text in (
            docx_text(folder / f"privacy-policy-{language}.docx"),
            pdf_text(folder / f"privacy-policy-{language}.pdf"),
        ):
            flat = " ".join(text.split())
            assert NAME in flat, language
            assert STREET in flat, language
            assert CITY in flat, language
    dutch = " ".join(docx_text(folder / "privacy-policy-nl.docx").split())
    for name in PURPOSES_NL:
        assert name in dutch
