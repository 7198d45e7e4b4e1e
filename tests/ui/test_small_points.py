"""Small points a person notices: visiting pages changes nothing, plural units, file names,
a website proposes its service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.projects import EXAMPLES
from tests.ui.conftest import type_text
from wizard.flow import PAGE_ORDER, PageId
from wizard.model.answers import Duration, Service, TimeUnit
from wizard.ui.labels import duration_text
from wizard.ui.main_window import MainWindow
from wizard.ui.project_files import suggested_file_name


def test_visiting_every_page_leaves_the_project_saved(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    assert not window.isWindowModified()
    from wizard import flow

    for page in PAGE_ORDER[1:]:
        if not flow.page_applies(window.session.project, page):
            continue
        window.wizard.jump_to(page)
        assert window.wizard.current_page_id() is page
        assert not window.session.modified, page
    window.wizard.jump_to(PageId.ORGANISATION)
    assert not window.session.modified
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 year", "2 years"),
        ("nl", "1 jaar", "2 jaar"),
        ("fr", "1 an", "2 ans"),
        ("de", "1 Jahr", "2 Jahre"),
    ],
)
def test_units_have_their_plural_in_every_language(
    monkeypatch: pytest.MonkeyPatch, lang: str, one: str, two: str
) -> None:
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    assert duration_text(1, TimeUnit.YEARS) == one
    assert duration_text(2, TimeUnit.YEARS) == two


def test_purposes_table_reads_one_year(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    purpose = window.session.project.purposes[0]
    purpose.retention.period = Duration(amount=1, unit=TimeUnit.YEARS)
    window.wizard.jump_to(PageId.PURPOSES)
    page = window.wizard.pages[PageId.PURPOSES]
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert any(cell.startswith("1 year ") for cell in cells), cells
    assert not any("1 years" in cell for cell in cells)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fysiotherapie De Brug B.V.", "Fysiotherapie De Brug B.V.privacy.json"),
        ("Praxis Müller GmbH", "Praxis Müller GmbH.privacy.json"),
        ("A/B: Zorg?", "A-B- Zorg-.privacy.json"),
        ("", "privacy-policy.privacy.json"),
    ],
)
def test_proposed_file_name_has_no_double_dot(name: str, expected: str) -> None:
    assert suggested_file_name(name) == expected
    assert ".." not in suggested_file_name(name)


def test_save_as_proposes_the_clean_name(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window.new_project()
    window.session.project.organisation.legal_name = "Fysiotherapie De Brug B.V."
    proposed: list[str] = []

    def save_dialog(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        proposed.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert window.save_as() is False
    assert Path(proposed[0]).name == "Fysiotherapie De Brug B.V.privacy.json"


def test_a_website_address_proposes_the_website_service(qtbot: Any, window: MainWindow) -> None:
    window.new_project()
    org = window.wizard.pages[PageId.ORGANISATION]
    type_text(org.website, "www.fysio-debrug.nl")
    project = window.session.project
    assert project.organisation.website == "https://www.fysio-debrug.nl"
    assert project.services == [Service.WEBSITE]
    assert any(p.id == "website" for p in project.purposes)


def test_a_website_does_not_override_chosen_services(qtbot: Any, window: MainWindow) -> None:
    window.new_project()
    project = window.session.project
    project.services = [Service.APPOINTMENT_BOOKING]
    org = window.wizard.pages[PageId.ORGANISATION]
    type_text(org.website, "https://www.fysio-debrug.nl")
    assert project.services == [Service.APPOINTMENT_BOOKING]


def test_a_recipient_from_the_catalogue_comes_with_its_purposes_ticked(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from wizard.catalog.processors import by_category
    from wizard.ui.recipient_dialog import RecipientDialog

    window.new_project()
    project = window.session.project
    flow_page = window.wizard.pages[PageId.SERVICES]
    flow_page._toggled(Service.APPOINTMENT_BOOKING, True)
    flow_page._toggled(Service.CONTACT_FORM, True)
    window.wizard.jump_to(PageId.RECIPIENTS)
    page = window.wizard.pages[PageId.RECIPIENTS]
    monkeypatch.setattr(page, "pick_from_catalog", lambda: by_category("booking")[0])
    ticked: list[str] = []

    def look(dialog: RecipientDialog) -> int:
        for row in range(dialog.purposes.count()):
            item = dialog.purposes.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(item.data(Qt.ItemDataRole.UserRole))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RecipientDialog, "exec", look)
    qtbot.mouseClick(page.catalog_button, Qt.MouseButton.LeftButton)
    assert ticked == ["appointments"]
    assert project.recipients[0].purposes == ["appointments"]


@pytest.mark.parametrize(
    ("lang", "first"),
    [("en", "Step 1 of {n}"), ("nl", "Stap 1 van {n}"), ("de", "Schritt 1 von {n}")],
)
def test_the_window_says_which_step_it_is(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch, lang: str, first: str
) -> None:
    from wizard import flow
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", lang)
    window = make_window()
    assert not window.step_label.isVisible()  # the welcome page is not a step
    window.new_project()
    project = window.session.project
    total = sum(flow.page_applies(project, p) for p in PAGE_ORDER[1:])
    assert window.step_label.text() == first.format(n=total)
    assert window.step_label.isVisible()
    project.organisation.country = "NL"
    window.wizard.jump_to(PageId.RIGHTS)
    number = [p for p in PAGE_ORDER[1:] if flow.page_applies(project, p)].index(PageId.RIGHTS) + 1
    assert window.step_label.text().split()[1] == str(number)


def test_explanations_and_field_errors_show_markup_as_text(qtbot: Any) -> None:
    """They carry messages that quote the person's answers: markup in them stays text."""
    from PySide6.QtCore import Qt

    from wizard.ui.notes import PLAIN_TEXT_FORMAT, Explanation, FieldError

    assert Qt.TextFormat(PLAIN_TEXT_FORMAT) is Qt.TextFormat.PlainText
    for label in (Explanation("<b>{{ x }}</b> & Co"), FieldError()):
        qtbot.addWidget(label)
        label.setText("<b>{{ x }}</b> & Co")
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == "<b>{{ x }}</b> & Co"


def test_the_wizard_is_part_of_the_main_window(qtbot: Any, window: MainWindow) -> None:
    """Laid out in the window, the QWizard (a dialog by birth) is a child widget, not a second
    window of its own."""
    assert not window.wizard.isWindow()
    assert window.wizard.window() is window
    assert window.wizard.isVisible()
