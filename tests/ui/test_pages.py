"""Page by page: inline validation, skip rules, tables and dialogs, review links, generation
control, translations of the wizard's buttons, and accessibility."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QWizard,
)

import wizard.output
from tests.projects import EXAMPLES
from tests.ui.conftest import Dialogs, click, click_next, current, type_text
from wizard.flow import PAGE_ORDER, PageId
from wizard.model.answers import (
    DataCategory,
    LegalBasis,
    LocalText,
    Recipient,
    Service,
    SpecialCondition,
)
from wizard.ui.main_window import MainWindow
from wizard.ui.processor_picker import ProcessorPicker
from wizard.ui.purpose_dialog import PurposeDialog
from wizard.ui.recipient_dialog import RecipientDialog


def open_example(window: MainWindow, name: str = "physiotherapy-practice") -> None:
    assert window.open_path(EXAMPLES / f"{name}.privacy.json", ask=False)


def test_wizard_buttons_use_our_texts(window: MainWindow) -> None:
    wizard = window.wizard
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< &Back"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Fi&nish"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Cancel"


def test_inline_validation_and_next_disabled(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    org = window.wizard.pages[PageId.ORGANISATION]
    next_button = window.wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    org.website.editor.clear()
    type_text(org.website, "praktijk")
    assert org.website.error.isVisible()
    assert "https://" in org.website.error.text()
    assert not next_button.isEnabled()
    # One message for one mistake: under the field, not repeated in the page's list.
    assert not any("web address" in m for m in org.issues.messages)
    org.website.editor.clear()
    type_text(org.website, "www.praktijk.nl")  # completed to https://
    assert not org.website.error.isVisible()
    assert next_button.isEnabled()
    assert window.session.project.organisation.website == "https://www.praktijk.nl"
    org.legal_name.setFocus()  # leaving the field shows the completed address
    assert org.website.editor.text() == "https://www.praktijk.nl"
    org.legal_name.clear()
    type_text(org.legal_name, " ")
    assert not next_button.isEnabled()
    assert "Enter the legal name." in org.issues.messages


def test_german_land_and_representative_fields(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    org = window.wizard.pages[PageId.ORGANISATION]
    assert not org.region.isVisible()
    assert not org.rep_box.isVisible()
    org.country.setCurrentIndex(org.country.findData("DE"))
    assert org.region.isVisible()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    org.region.setCurrentIndex(org.region.findData("DE-HH"))
    assert window.session.project.organisation.region == "DE-HH"
    assert window.session.project.authority.catalog_id == "DE-HH"
    assert "Hamburg" in org.proposal.text()
    org.country.setCurrentIndex(org.country.findData("CH"))
    assert org.rep_box.isVisible()
    assert not org.region.isVisible()
    assert window.session.project.organisation.region is None


def test_cookies_page_skipped_without_website(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    project = window.session.project
    project.services = [Service.PATIENT_CARE]
    project.organisation.website = None
    window.wizard.jump_to(PageId.RECIPIENTS)
    click_next(qtbot, window)
    assert current(window) is PageId.CHILDREN
    step = window.steps.item(PAGE_ORDER.index(PageId.COOKIES))
    assert "not needed" in step.text()
    assert not step.flags() & Qt.ItemFlag.ItemIsEnabled


def test_services_propose_and_withdraw_purposes(qtbot: Any, window: MainWindow) -> None:
    qtbot.mouseClick(window.wizard.pages[PageId.WELCOME].new_button, Qt.MouseButton.LeftButton)
    window.wizard.jump_to(PageId.SERVICES)
    page = window.wizard.pages[PageId.SERVICES]
    click(qtbot, page.boxes[Service.NEWSLETTER])
    assert [p.id for p in window.session.project.purposes] == ["newsletter"]
    click(qtbot, page.boxes[Service.NEWSLETTER])
    assert window.session.project.purposes == []
    assert "Removed" in page.status.text()


def test_purpose_table_operations(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.PURPOSES)
    page = window.wizard.pages[PageId.PURPOSES]
    project = window.session.project
    count = len(project.purposes)
    assert page.table.rowCount() == count
    assert not page.items.edit_button.isEnabled()

    def fill(dialog: PurposeDialog) -> QDialog.DialogCode:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        type_text(dialog.name, "Onderzoek naar tevredenheid")
        dialog.categories[DataCategory.HEALTH].setChecked(True)
        assert dialog.condition.isVisibleTo(dialog)
        dialog.legal_basis.setCurrentIndex(
            dialog.legal_basis.findData(LegalBasis.LEGITIMATE_INTERESTS)
        )
        assert dialog.interest.isVisibleTo(dialog)
        assert not ok.isEnabled()
        messages = " ".join(dialog.issues.messages)
        assert "legitimate interest" in messages and "Art. 9(2)" in messages
        type_text(dialog.interest, "Betere zorg")
        dialog.condition.setCurrentIndex(dialog.condition.findData(SpecialCondition.HEALTH_CARE))
        dialog.amount.setValue(6)
        assert ok.isEnabled(), dialog.issues.messages
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PurposeDialog, "exec", fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(project.purposes) == count + 1
    added = project.purposes[-1]
    assert added.id == "onderzoek-naar-tevredenheid"
    assert added.legitimate_interest.get("en") == "Betere zorg"
    assert page.items.selected_row() == count
    qtbot.mouseClick(page.items.up_button, Qt.MouseButton.LeftButton)
    assert project.purposes[count - 1].id == added.id
    qtbot.mouseClick(page.items.duplicate_button, Qt.MouseButton.LeftButton)
    assert project.purposes[count].id == "onderzoek-naar-tevredenheid-2"
    qtbot.mouseClick(page.items.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.items.remove_button, Qt.MouseButton.LeftButton)
    assert len(project.purposes) == count
    assert window.isWindowModified()


def test_purpose_dialog_edits_other_languages(qtbot: Any) -> None:
    dialog = PurposeDialog(None, ["en", "nl"])
    assert dialog.name.language.isVisibleTo(dialog)
    type_text(dialog.name, "Appointments")
    dialog.name.set_current_language("nl")
    assert dialog.name.text() == ""
    type_text(dialog.name, "Afspraken")
    assert dialog.purpose().name.root == {"en": "Appointments", "nl": "Afspraken"}
    dialog.name.set_current_language("en")
    assert dialog.name.text() == "Appointments"
    dialog.deleteLater()


def test_transfers_page_only_with_a_recipient_outside_the_eea(
    qtbot: Any, window: MainWindow
) -> None:
    open_example(window)
    project = window.session.project
    window.wizard.jump_to(PageId.RECIPIENTS)
    click_next(qtbot, window)
    assert current(window) is PageId.COOKIES
    calendly = Recipient(
        name="Calendly LLC",
        country="US",
        service={"en": "Online booking"},
        purposes=[project.purposes[0].id],
    )
    project.recipients = [*project.recipients, calendly]
    window.wizard.jump_to(PageId.RECIPIENTS)
    click_next(qtbot, window)
    assert current(window) is PageId.TRANSFERS
    page = window.wizard.pages[PageId.TRANSFERS]
    index = len(project.recipients) - 1
    assert page.errors[index].isVisible()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cookie_csv_import(
    qtbot: Any, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.COOKIES)
    page = window.wizard.pages[PageId.COOKIES]
    before = len(window.session.project.cookies.items)
    csv_file = tmp_path / "cookies.csv"
    csv_file.write_text(
        "name;provider;party;category;purpose;lifetime\n"
        "_pk_id;Matomo (ons);first;analytics;Bezoekersstatistiek;13 months\n"
        "broken;X;first;unknown;?;1 year\n",
        encoding="utf-8",
    )
    assert page.import_csv(csv_file) == 1
    assert len(window.session.project.cookies.items) == before + 1
    assert page.table.rowCount() == before + 1
    assert "line 3" in dialogs.texts("warning")[0]


def test_children_age_defaults_to_the_country(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.CHILDREN)
    page = window.wizard.pages[PageId.CHILDREN]
    assert not page.details.isVisible()
    click(qtbot, page.targets)
    assert page.details.isVisible()
    assert window.session.project.children.age_threshold == 16
    assert "Netherlands" in page.age_note.text()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(page.consent, "Ouders bevestigen via e-mail")
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_review_lists_missing_points_that_jump_to_their_page(
    qtbot: Any, window: MainWindow
) -> None:
    open_example(window)
    project = window.session.project
    project.purposes[0].legal_basis = None
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    texts = [page.points.item(i).text() for i in range(page.points.count())]
    assert "Data and purposes" in texts
    point = next(
        page.points.item(i)
        for i in range(page.points.count())
        if "choose a legal basis" in page.points.item(i).text()
    )
    assert "must be resolved" in page.summary.text()
    page.points.itemActivated.emit(point)
    assert current(window) is PageId.PURPOSES


def test_review_preview_per_language(qtbot: Any, window: MainWindow) -> None:
    open_example(window, "software-company")
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    languages = [page.language.itemData(i) for i in range(page.language.count())]
    assert languages == window.session.project.publication.languages
    assert window.session.project.organisation.legal_name in page.preview.toPlainText()


def test_step_list_jumps(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    item = window.steps.item(PAGE_ORDER.index(PageId.RIGHTS))
    window.steps.itemActivated.emit(item)
    assert current(window) is PageId.RIGHTS
    window.steps.itemActivated.emit(window.steps.item(PAGE_ORDER.index(PageId.SERVICES)))
    assert current(window) is PageId.SERVICES


def test_generation_can_be_cancelled_and_then_writes_nothing(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_example(window)
    project = window.session.project
    out = tmp_path / "out"
    out.mkdir()
    project.publication.output_folder = str(out)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    started = threading.Event()
    release = threading.Event()
    real = wizard.output.render_language

    def slow_render(project: Any, lang: str, formats: Any, *args: Any) -> dict[str, bytes]:
        started.set()
        release.wait(10)
        return real(project, lang, formats, *args)

    monkeypatch.setattr("wizard.output.worker_count", lambda _languages: 1)
    monkeypatch.setattr("wizard.output.render_language", slow_render)
    assert page.generate()
    assert page.is_generating()
    assert not page.generate_button.isEnabled()
    assert started.wait(5)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.generated, timeout=30_000) as blocker:
        release.set()
    assert blocker.args[0] == []
    assert f"Stopped: 0 of {page.progress.maximum()} files" in page.status.text()
    assert list(out.iterdir()) == [], "a cancelled run leaves nothing behind"
    assert page.progress.maximum() == len(wizard.output.output_jobs(project, out))
    assert not page.is_generating()
    assert page.generate_button.isEnabled()


def test_generation_failure_is_shown_and_nothing_is_written(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_example(window)
    out = tmp_path / "out"
    out.mkdir()
    window.session.project.publication.output_folder = str(out)
    (out / "privacy-policy-en.html").write_text("old", encoding="utf-8")
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    real = wizard.output.render_bytes

    def fail_pdf(document: Any, fmt: str) -> bytes:
        if fmt == "pdf":
            raise RuntimeError("disk full")
        return real(document, fmt)

    monkeypatch.setattr("wizard.output.worker_count", lambda _languages: 1)
    monkeypatch.setattr("wizard.output.render_bytes", fail_pdf)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.generated, timeout=30_000):
        assert page.generate()
    assert "disk full" in page.status.text()
    assert ".pdf" in page.status.text(), "the file that failed is named"
    assert "No file was written or changed." in page.status.text()
    assert page.progress.value() == 0
    assert [p.name for p in out.iterdir()] == ["privacy-policy-en.html"]
    assert (out / "privacy-policy-en.html").read_text(encoding="utf-8") == "old"


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    open_example(window, "telehealth-startup")
    for page_id in PAGE_ORDER:
        window.wizard.jump_to(page_id)
        page = window.wizard.pages[page_id]
        controls = page.findChildren(QLineEdit) + page.findChildren(QComboBox)
        controls += page.findChildren(QPlainTextEdit) + page.findChildren(QAbstractSpinBox)
        controls += page.findChildren(QListWidget) + page.findChildren(QTableWidget)
        for control in controls:
            if isinstance(control, QLineEdit) and isinstance(
                control.parent(), QComboBox | QAbstractSpinBox
            ):
                continue  # the editor inside a combo or spin box
            assert control.accessibleName(), (page_id, control)
        for button in page.findChildren(QAbstractButton):
            if button.objectName().startswith("qt_"):
                continue  # Qt's own, e.g. a table's corner button
            assert button.text() or button.accessibleName(), (page_id, button)


def test_finish_asks_before_closing_without_documents(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.OUTPUT)
    window.session.set_modified(False)
    finish = window.wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    dialogs.answers.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert "not been generated" in dialogs.texts("question")[-1]
    assert window.isVisible()  # "No": the person stays to generate
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_finish_closes_the_window_once_documents_were_written(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.OUTPUT)
    window.wizard.pages[PageId.OUTPUT].generated.emit(["/tmp/privacy-policy-en.pdf"])
    window.session.set_modified(False)
    qtbot.mouseClick(
        window.wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
    )
    assert not dialogs.calls
    assert not window.isVisible()


def test_another_authority_by_hand(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.RIGHTS)
    page = window.wizard.pages[PageId.RIGHTS]
    assert page.authority.currentData() == "NL"
    assert not page.custom_authority.isVisible()
    page.authority.setCurrentIndex(page.authority.count() - 1)
    assert page.custom_authority.isVisible()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(page.authority_name, "Commissione per la protezione dei dati")
    type_text(page.authority_email, "info@")
    assert page.authority_email.error.isVisible()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(page.authority_email, "example.org")
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    authority = window.session.project.authority
    assert authority.catalog_id is None
    assert authority.name == "Commissione per la protezione dei dati"
    assert authority.email == "info@example.org"
    page.authority.setCurrentIndex(page.authority.findData("BE"))
    assert window.session.project.authority.catalog_id == "BE"
    assert window.session.project.authority.name == ""


def test_translation_point_opens_the_page_in_that_language(qtbot: Any, window: MainWindow) -> None:
    open_example(window)
    project = window.session.project
    project.publication.languages = ["en", "nl"]
    project.rights.identity_check = LocalText({"en": "We ask for a copy of your ID."})
    window.wizard.jump_to(PageId.REVIEW)
    page = window.wizard.pages[PageId.REVIEW]
    point = next(
        page.points.item(i)
        for i in range(page.points.count())
        if "how you check identity" in page.points.item(i).text()
    )
    assert "Dutch" in point.text()
    page.points.itemActivated.emit(point)
    assert current(window) is PageId.RIGHTS
    rights = window.wizard.pages[PageId.RIGHTS]
    assert rights.identity.current_language() == "nl"
    assert rights.identity.language.isVisible()
    assert rights.identity.text() == ""
    type_text(rights.identity, "Wij vragen om een kopie van uw identiteitsbewijs")
    identity = window.session.project.rights.identity_check
    assert identity.get("nl") == "Wij vragen om een kopie van uw identiteitsbewijs"
    assert identity.get("en")


def test_add_a_recipient_from_the_catalogue(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_example(window)
    window.wizard.jump_to(PageId.RECIPIENTS)
    page = window.wizard.pages[PageId.RECIPIENTS]
    project = window.session.project
    before = len(project.recipients)

    def pick(picker: ProcessorPicker) -> QDialog.DialogCode:
        type_text(picker.search, "zoom")
        assert picker.chosen() is not None and picker.chosen().id == "zoom"
        assert "Zoom" in picker.details.text()
        assert picker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        picker.search.clear()
        type_text(picker.search, "no such service")
        assert picker.chosen() is None
        assert not picker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        picker.search.clear()
        type_text(picker.search, "Calendly")
        return QDialog.DialogCode.Accepted

    def complete(dialog: RecipientDialog) -> QDialog.DialogCode:
        assert dialog.windowTitle() == "New recipient"
        assert dialog.name.text() == "Calendly LLC"
        assert dialog.country.currentData() == "US"
        dialog.purposes.item(0).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProcessorPicker, "exec", pick)
    monkeypatch.setattr(RecipientDialog, "exec", complete)
    qtbot.mouseClick(page.catalog_button, Qt.MouseButton.LeftButton)
    assert len(project.recipients) == before + 1
    added = project.recipients[-1]
    assert added.catalog_id == "calendly"
    assert added.safeguard is not None
    assert added.purposes == [project.purposes[0].id]
    assert page.table.rowCount() == before + 1


def test_recipient_by_category_instead_of_name(qtbot: Any) -> None:
    dialog = RecipientDialog(None, [], ["en"])
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.country.setCurrentIndex(dialog.country.findData("NL"))
    assert not ok.isEnabled()
    type_text(dialog.category, "your health insurer")
    assert ok.isEnabled()
    recipient = dialog.recipient()
    assert recipient.name == ""
    assert recipient.category.get("en") == "your health insurer"
    dialog.deleteLater()


def test_tables_show_the_users_texts_in_the_ui_language(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A German UI shows a purpose's German name (the project is written in all four
    languages), not the first output language's."""
    from wizard.ui import tr

    window = make_window()
    open_example(window, "telehealth-startup")
    purpose = window.session.project.purposes[0]
    assert purpose.name.get("en") != purpose.name.get("de")
    monkeypatch.setitem(tr._state, "lang", "de")
    window.wizard.jump_to(PageId.PURPOSES)
    page = window.wizard.pages[PageId.PURPOSES]
    page.load()
    assert page.table.item(0, 0).text() == purpose.name.get("de")
    monkeypatch.setitem(tr._state, "lang", "en")
    page.load()
    assert page.table.item(0, 0).text() == purpose.name.get("en")


def test_cookie_dialog_fills_a_known_cookie_from_the_database(qtbot: Any) -> None:
    from wizard.catalog.cookies import proposed_purpose
    from wizard.model.answers import CookieCategory, Party, TimeUnit
    from wizard.ui.cookie_dialog import CookieDialog

    dialog = CookieDialog(None, ["en", "nl"])
    qtbot.addWidget(dialog)
    assert not dialog.fill_button.isEnabled()
    type_text(dialog.name, "_ga_XYZ123")
    assert dialog.fill_button.isEnabled()
    assert "Google Analytics" in dialog.known.text()
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.provider.text() == "Google Analytics"
    assert dialog.category.currentData() == CookieCategory.ANALYTICS
    assert dialog.party.currentData() == Party.FIRST
    assert (dialog.amount.value(), dialog.unit.currentData()) == (2, TimeUnit.YEARS)
    # The proposed purpose comes in every output language (the database speaks English only).
    analytics = proposed_purpose("analytics")
    assert dialog.purpose.value().root == {"en": analytics["en"], "nl": analytics["nl"]}
    cookie = dialog.cookie()
    assert cookie.name == "_ga_XYZ123" and cookie.lifetime is not None

    # A purpose the user already wrote is kept.
    dialog.name.clear()
    type_text(dialog.name, "_fbp")
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.party.currentData() == Party.THIRD
    assert dialog.category.currentData() == CookieCategory.MARKETING
    assert dialog.purpose.value().get("en") == analytics["en"]

    # A session cookie of the site's own platform is strictly necessary, first party.
    dialog.name.clear()
    dialog.purpose.set_value(LocalText())
    type_text(dialog.name, "PHPSESSID")
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.category.currentData() == CookieCategory.STRICTLY_NECESSARY
    assert dialog.party.currentData() == Party.FIRST
    assert dialog.purpose.value().get("nl") == proposed_purpose("strictly_necessary/session")["nl"]

    dialog.name.clear()
    type_text(dialog.name, "our_own_cookie")
    assert not dialog.fill_button.isEnabled()
    assert "Not in the Open Cookie Database" in dialog.known.text()


@pytest.mark.parametrize("page_id", [PageId.RECIPIENTS, PageId.COOKIES])
def test_recipient_and_cookie_tables_duplicate_reorder_and_remove(
    qtbot: Any, window: MainWindow, page_id: PageId
) -> None:
    open_example(window, "telehealth-startup")
    project = window.session.project

    def items() -> list[Any]:
        return project.recipients if page_id is PageId.RECIPIENTS else project.cookies.items

    window.wizard.jump_to(page_id)
    table = window.wizard.pages[page_id].items
    before = [i.model_copy(deep=True) for i in items()]
    assert len(before) >= 2 and table.table.rowCount() == len(before)
    assert not table.duplicate_button.isEnabled()
    table.table.selectRow(0)
    assert not table.up_button.isEnabled() and table.down_button.isEnabled()
    qtbot.mouseClick(table.duplicate_button, Qt.MouseButton.LeftButton)
    assert items()[:2] == [before[0], before[0]] and items()[1] is not items()[0]
    assert table.selected_row() == 1 and table.table.rowCount() == len(before) + 1
    qtbot.mouseClick(table.down_button, Qt.MouseButton.LeftButton)
    assert items()[:3] == [before[0], before[1], before[0]] and table.selected_row() == 2
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert items() == before
    table.table.selectRow(1)
    qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert items()[:2] == [before[1], before[0]]
    assert window.isWindowModified()


def test_review_preview_starts_in_the_ui_language(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.ui import tr

    monkeypatch.setitem(tr._state, "lang", "de")
    window = make_window()
    open_example(window, "telehealth-startup")  # written in en, nl, fr, de; English first
    assert window.session.project.publication.languages[0] == "en"
    window.wizard.jump_to(PageId.REVIEW)
    review = window.wizard.pages[PageId.REVIEW]
    assert review.language.currentData() == "de"
    assert "Datenschutzerklärung" in review.preview.toPlainText()


def test_children_page_other_countries_raise_the_age(qtbot: Any, window: MainWindow) -> None:
    open_example(window, "software-company")  # Belgium: 13
    project = window.session.project
    project.children.targets_children = True
    window.wizard.jump_to(PageId.CHILDREN)
    page = window.wizard.pages[PageId.CHILDREN]
    assert page.age.value() == 13
    codes = [
        page.countries.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.countries.count())
    ]
    assert "BE" not in codes and {"DE", "FR", "NL", "NO", "GB"} <= set(codes)
    germany = page.countries.item(codes.index("DE"))
    assert germany.text() == "Germany (16)"
    germany.setCheckState(Qt.CheckState.Checked)
    assert project.children.other_countries == ["DE"]
    assert page.age.value() == 16 and project.children.age_threshold == 16
    assert "16 (Germany)" in page.age_note.text()
    assert window.isWindowModified()
    germany.setCheckState(Qt.CheckState.Unchecked)
    assert project.children.other_countries == []
    assert project.children.age_threshold == 16  # lowering it is the user's choice


def test_country_lists_sort_as_a_reader_expects(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.ui import tr
    from wizard.ui.labels import countries_sorted

    monkeypatch.setitem(tr._state, "lang", "de")
    names = [name for _code, name in countries_sorted()]
    assert names.index("Dänemark") < names.index("Deutschland")
    assert names.index("Oman") < names.index("Österreich") < names.index("Pakistan")


def test_children_page_sets_the_age_range_by_keyboard(qtbot: Any, window: MainWindow) -> None:
    """The ages the services are meant for are asked apart from the Art. 8 age (issue 12)."""
    from tests.ui.keyboard import Keyboard, label_of

    open_example(window, "software-company")
    project = window.session.project
    project.children.targets_children = True
    window.wizard.jump_to(PageId.CHILDREN)
    page = window.wizard.pages[PageId.CHILDREN]
    assert page.youngest.specialValueText() and page.youngest.value() == 0
    assert not page.oldest.isEnabled()
    page.targets.setFocus()
    keys = Keyboard(qtbot)
    keys.alt(label_of(page.youngest))
    assert page.youngest.hasFocus()
    keys.select_all()
    keys.type("13")
    keys.alt(page.only_minors.text())
    assert page.only_minors.isChecked() and page.oldest.isEnabled()
    assert project.children.youngest_age == 13 and project.children.oldest_age == 17
    page.oldest.setValue(15)
    assert project.children.oldest_age == 15
    page.youngest.setValue(16)  # the oldest age follows: never below the youngest
    assert project.children.youngest_age == 16 and project.children.oldest_age == 16
    page.only_minors.setChecked(False)
    assert project.children.oldest_age is None
    assert window.isWindowModified()


def test_organisation_page_records_own_staff_outside_the_eea(
    qtbot: Any, window: MainWindow
) -> None:
    """An organisation in the EU/EEA ticks the countries where its own staff process the data;
    one outside has no such list (its own country is already where it processes them)."""
    open_example(window, "physiotherapy-practice")
    window.wizard.jump_to(PageId.ORGANISATION)
    page = window.wizard.pages[PageId.ORGANISATION]
    assert page.abroad.isVisibleTo(window)
    codes = [page.abroad.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.abroad.count())]
    assert "US" in codes and "NL" not in codes and "NO" not in codes
    page.abroad.item(codes.index("US")).setCheckState(Qt.CheckState.Checked)
    assert window.session.project.organisation.own_processing_countries == ["US"]
    assert window.isWindowModified()
    page.country.setCurrentIndex(page.country.findData("US"))
    assert not page.abroad.isVisibleTo(window)
