"""Publishing versions from the wizard: the proposed summary, the history kept in the project
file across save, close and reopen, and the history section in each language's DOCX and PDF."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.projects import EXAMPLES
from tests.readback import docx_text, pypdf_text, squash
from tests.ui.conftest import Dialogs
from wizard import history
from wizard.flow import PageId
from wizard.i18n import translation
from wizard.languages import LANGUAGES
from wizard.model.project_file import load_project
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.output import OutputPage

docx = pytest.importorskip("docx")

#: The section heading of each language (official GDPR wording of the policy's own catalogue).
CHANGES_HEADING = {
    "en": "Changes to this privacy policy",
    "nl": "Wijzigingen in deze privacyverklaring",
    "fr": "Modification de la présente politique de confidentialité",
    "de": "Änderungen dieser Datenschutzerklärung",
}


def _generate(qtbot: Any, window: MainWindow) -> list[Path]:
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert page.generate_button.isEnabled(), page.blocked.text()
    with qtbot.waitSignal(page.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    return [Path(p) for p in blocker.args[0]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_history_survives_save_close_and_reopen(
    qtbot: Any,
    make_window: Callable[[], MainWindow],
    dialogs: Dialogs,
    tmp_path: Path,
    lang: str,
) -> None:
    source = tmp_path / "practice.privacy.json"
    shutil.copy(EXAMPLES / "physiotherapy-practice.privacy.json", source)
    out = tmp_path / "out"

    # 1. First generation: the first version is recorded.
    first = make_window()
    assert first.open_path(source)
    project = first.session.project
    assert project.history == []
    project.publication.languages = [lang]
    project.publication.output_folder = str(out)
    first.wizard.jump_to(PageId.OUTPUT)
    page = first.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert page.summary.isVisible()
    first_text = translation("policy", lang).gettext(history.FIRST_VERSION)
    assert page.summary.value().get(lang) == first_text
    version = project.publication.version
    _generate(qtbot, first)
    assert [v.version for v in project.history] == [version]
    assert project.history[0].summary.get(lang) == first_text
    assert set(project.history[0].summary.languages()) == set(LANGUAGES)
    assert first.isWindowModified(), "a recorded version must be saved"
    assert not page.summary.isVisible(), "nothing new to record"
    assert first.save()
    first.close()

    # 2. Reopened: the history is there; generating again records nothing.
    second = make_window()
    assert second.open_path(source)
    assert [v.version for v in second.session.project.history] == [version]
    dialogs.answers.append(QMessageBox.StandardButton.Yes)  # replace the files
    _generate(qtbot, second)
    assert len(second.session.project.history) == 1

    # 3. One answer changes: only that change is proposed, with the next version number.
    project = second.session.project
    second.wizard.jump_to(PageId.RIGHTS)
    project.rights.response_days = 21
    second.session.mark_changed()
    second.wizard.jump_to(PageId.OUTPUT)
    page = second.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    proposal = history.propose(project)
    assert proposal is not None
    assert [c.kind for c in proposal.changes] == [history.ChangeKind.RESPONSE_TIME_CHANGED]
    assert project.publication.version == history.next_version(version)
    assert page.version.text() == project.publication.version
    expected = proposal.changes[0].text(lang)
    assert page.summary.value().get(lang) == expected
    assert "21" in expected
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    written = _generate(qtbot, second)
    assert [v.version for v in project.history] == [version, history.next_version(version)]
    assert project.history[-1].summary.get(lang) == expected
    assert second.save()

    # 4. The documents carry the new version and list both versions with what changed.
    versions_heading = translation("policy", lang).gettext("Versions of this privacy policy")
    written = [p for p in written if p.name.startswith("privacy-policy-")]  # the policy's list
    for path in written:
        read = docx_text(path) if path.suffix == ".docx" else pypdf_text(path, " ")
        text = squash(read)
        assert CHANGES_HEADING[lang] in text, path.name
        assert versions_heading in text, path.name
        assert squash(expected) in text, path.name
        assert squash(first_text) in text, path.name
        assert history.next_version(version) in text
    assert {p.suffix for p in written} == {".docx", ".pdf"}
    reopened = load_project(source)
    assert [v.version for v in reopened.history] == [version, history.next_version(version)]
    assert reopened.history[-1].answers.rights.response_days == 21


def test_edited_summary_is_recorded_and_kept_while_on_the_page(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json")
    project = window.session.project
    project.publication.languages = ["en", "de"]
    project.publication.formats = [project.publication.formats[0]]
    project.publication.output_folder = str(tmp_path)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    page.summary.set_current_language("en")
    page.summary.editor.setFocus()
    page.summary.editor.selectAll()
    qtbot.keyClicks(page.summary.editor, "Our own words.")
    # Leaving and coming back keeps the edited text.
    window.wizard.jump_to(PageId.REVIEW)
    window.wizard.jump_to(PageId.OUTPUT)
    assert page.summary.value().get("en") == "Our own words."
    _generate(qtbot, window)
    entry = project.history[-1]
    assert entry.summary.get("en") == "Our own words."
    # Languages not edited get the proposal in that language.
    assert entry.summary.get("nl")
    assert entry.summary.get("de") != "Our own words."


def test_show_history_box_writes_the_flag(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json")
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert page.show_history.isChecked()
    page.show_history.setChecked(False)
    assert window.session.project.publication.show_history is False
    assert window.isWindowModified()


def test_published_example_proposes_nothing_until_the_version_number_is_new(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    from tests.ui.conftest import type_text

    assert window.open_path(EXAMPLES / "telehealth-startup.privacy.json")
    project = window.session.project
    project.publication.languages = ["en"]
    project.publication.formats = [project.publication.formats[0]]
    project.publication.output_folder = str(tmp_path)
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert "published as version 2.1" in page.version_status.text()
    assert not page.summary.isVisible()
    assert project.publication.version == "2.1"
    page.version.selectAll()
    type_text(page.version, "3.0")
    assert project.publication.version == "3.0"
    assert page.summary.isVisible()
    assert "version 3.0 is recorded with the same answers" in page.version_status.text()
    _generate(qtbot, window)
    assert [v.version for v in project.history] == ["2.0", "2.1", "3.0"]
    assert project.history[-1].summary.get("en") == history.UNCHANGED


def test_summary_follows_the_output_languages(qtbot: Any, window: MainWindow) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json")
    window.session.project.publication.languages = ["en"]
    window.wizard.jump_to(PageId.OUTPUT)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert not page.summary.language.isVisible()
    page.language_boxes["fr"].setChecked(True)
    assert page.summary.language.isVisible()
    page.summary.set_current_language("fr")
    assert (
        page.summary.text()
        == "Première version publiée de la présente politique de confidentialité."
    )


def test_failed_generation_records_no_version(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(EXAMPLES / "software-company.privacy.json")
    window.session.project.publication.output_folder = str(tmp_path)

    def fail(document: Any, fmt: str) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr("wizard.output.worker_count", lambda _languages: 1)
    monkeypatch.setattr("wizard.output.render_bytes", fail)
    _generate(qtbot, window)
    page = window.wizard.pages[PageId.OUTPUT]
    assert isinstance(page, OutputPage)
    assert "disk full" in page.status.text()
    assert window.session.project.history == []
    assert page.summary.isVisible(), "the version is still to be published"
