"""Languages first, starter projects, and one truth for what is missing, as a person sees them.

The welcome page offers the kind of organisation (a starter project) and the policy languages;
the organisation page shows the languages proposed for the country; a page, the review and the
Output page count and colour the same open points the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.projects import EXAMPLES
from tests.readback import docx_text
from tests.ui.conftest import click, click_next, current, type_text
from wizard import flow, review
from wizard.flow import PageId
from wizard.model.answers import LocalText, Service
from wizard.ui.main_window import MainWindow
from wizard.ui.notes import ERROR_COLOUR, WARNING_COLOUR
from wizard.ui.tr import set_ui_language


def test_a_starter_project_in_the_languages_proposed_on_the_welcome_page(
    qtbot: Any, window: MainWindow
) -> None:
    welcome = window.wizard.pages[PageId.WELCOME]
    assert current(window) is PageId.WELCOME
    assert [lang for lang, box in welcome.language_boxes.items() if box.isChecked()] == ["en"]
    assert not welcome.language_boxes["en"].isEnabled()  # one language at least
    welcome.starter.setCurrentIndex(welcome.starter.findData("dental"))
    assert "dental laboratory" in welcome.starter_description.text()
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    assert current(window) is PageId.ORGANISATION
    project = window.session.project
    assert project.publication.languages == ["en"]
    assert "dental-care" in {p.id for p in project.purposes}
    assert all(p.name.get("nl") and p.name.get("de") for p in project.purposes)
    # The country adds its official languages, and the page says so.
    org = window.wizard.pages[PageId.ORGANISATION]
    org.country.setCurrentIndex(org.country.findData("BE"))
    assert project.publication.languages == ["en", "nl", "fr", "de"]
    assert "Policy languages: English, Dutch, French, German." in org.proposal.text()


def test_languages_ticked_by_the_person_stay_when_the_country_changes(
    qtbot: Any, window: MainWindow
) -> None:
    welcome = window.wizard.pages[PageId.WELCOME]
    click(qtbot, welcome.language_boxes["nl"])
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    project = window.session.project
    assert project.publication.languages == ["en", "nl"]
    org = window.wizard.pages[PageId.ORGANISATION]
    org.country.setCurrentIndex(org.country.findData("BE"))
    assert project.publication.languages == ["en", "nl"]


def test_next_on_the_welcome_page_starts_the_project_chosen_there(
    qtbot: Any, window: MainWindow
) -> None:
    welcome = window.wizard.pages[PageId.WELCOME]
    welcome.starter.setCurrentIndex(welcome.starter.findData("shop"))
    click_next(qtbot, window)
    assert current(window) is PageId.ORGANISATION
    assert {p.id for p in window.session.project.purposes} >= {"orders", "newsletter"}


def test_a_dutch_window_proposes_a_dutch_policy(make_window: Any, qtbot: Any) -> None:
    set_ui_language("nl")
    try:
        window = make_window()
        welcome = window.wizard.pages[PageId.WELCOME]
        project = welcome.new_project()
        assert project.publication.languages == ["nl"]
    finally:
        set_ui_language("en")


def _page_colours(page: Any) -> tuple[int, int]:
    styles = [item.styleSheet().replace(" ", "") for item in page.issues.items]
    return (
        sum(f"color:{ERROR_COLOUR}" in style for style in styles),
        sum(f"color:{WARNING_COLOUR}" in style for style in styles),
    )


def test_page_review_and_output_count_and_colour_the_same_points(
    qtbot: Any, window: MainWindow
) -> None:
    assert window.open_path(EXAMPLES / "physiotherapy-practice.privacy.json", ask=False)
    project = window.session.project
    project.publication.languages = ["en", "nl"]
    # Two texts written in English only: a purpose's consequence (once missed) and a name.
    project.purposes[0].consequence = LocalText({"en": "we cannot book you."})
    project.purposes[1].name = LocalText({"en": "Treatment"})
    found = review.findings(project)
    blockers = review.blocking_findings(found)
    assert {f.field for f in blockers} == {"purposes[0].consequence.nl", "purposes[1].name.nl"}

    window.wizard.jump_to(PageId.PURPOSES)
    purposes = window.wizard.pages[PageId.PURPOSES]
    purposes.refresh()
    page_found = review.page_findings(project, PageId.PURPOSES)
    assert page_found == [f for f in found if f.page is PageId.PURPOSES]
    errors = sum(f.severity is review.Severity.ERROR for f in page_found)
    assert _page_colours(purposes) == (errors, len(page_found) - errors)
    assert "Purpose 'Treatment': name not written in Dutch yet." in purposes.issues.messages

    window.wizard.jump_to(PageId.REVIEW)
    review_page = window.wizard.pages[PageId.REVIEW]
    assert review_page.summary.text().startswith("2 points must be resolved")
    red = [
        review_page.points.item(i)
        for i in range(review_page.points.count())
        if review_page.points.item(i).foreground().color().name() == ERROR_COLOUR
    ]
    assert len(red) == len(review.errors(found))

    window.wizard.jump_to(PageId.OUTPUT)
    output = window.wizard.pages[PageId.OUTPUT]
    assert output.blocked.text().startswith("2 points must be resolved")
    assert not output.generate_button.isEnabled()
    assert not flow.ready_to_generate(project)


def test_a_starter_project_typed_from_nothing_to_documents_in_two_languages(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A practice with a Dutch and an English policy: choose the starter, type the
    organisation's own facts, and nothing else is needed before Generate."""
    welcome = window.wizard.pages[PageId.WELCOME]
    welcome.starter.setCurrentIndex(welcome.starter.findData("practice"))
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    org = window.wizard.pages[PageId.ORGANISATION]
    type_text(org.legal_name, "Fysiotherapie De Brug B.V.")
    type_text(org.street, "Brugstraat 1")
    type_text(org.postal_code, "3511 AB")
    type_text(org.city, "Utrecht")
    org.country.setCurrentIndex(org.country.findData("NL"))
    type_text(org.email, "privacy@debrug.example")
    project = window.session.project
    assert project.publication.languages == ["en", "nl"]
    # The practice's own cookies name it as their provider.
    own = [c for c in project.cookies.items if c.party.value == "first"]
    assert own and all(c.provider == "Fysiotherapie De Brug B.V." for c in own)
    assert review.blocking_findings(review.findings(project)) == []
    assert review.errors(review.findings(project)) == []

    window.wizard.jump_to(PageId.OUTPUT)
    output = window.wizard.pages[PageId.OUTPUT]
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(output.browse, Qt.MouseButton.LeftButton)
    assert output.generate_button.isEnabled(), output.blocked.text()
    with qtbot.waitSignal(output.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(output.generate_button, Qt.MouseButton.LeftButton)
    names = sorted(Path(p).name for p in blocker.args[0])
    assert names == [
        "privacy-policy-en.docx",
        "privacy-policy-en.pdf",
        "privacy-policy-nl.docx",
        "privacy-policy-nl.pdf",
    ]
    dutch = docx_text(folder / "privacy-policy-nl.docx")
    assert "Privacyverklaring" in dutch
    assert "Fysiotherapie De Brug B.V." in dutch
    assert project.purposes[0].name.get("nl") in dutch
    assert flow.STARTER_PROVIDER not in dutch


def test_the_services_page_names_its_proposals_in_the_windows_language(
    qtbot: Any, make_window: Any
) -> None:
    set_ui_language("nl")
    try:
        window = make_window()
        qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
        window.wizard.jump_to(PageId.SERVICES)
        services = window.wizard.pages[PageId.SERVICES]
        click(qtbot, services.boxes[Service.APPOINTMENT_BOOKING])
        assert "Het plannen en beheren van afspraken" in services.status.text()
    finally:
        set_ui_language("en")
