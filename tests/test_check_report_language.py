"""The check report speaks the reader's language in what it fills in, too: a transfer finding
names the recipient's country, not its ISO code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import example
from wizard.cli import main
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import save_project

#: India in each report language, where a transfer problem names the recipient's country.
INDIA = {"en": "(India)", "nl": "(India)", "fr": "(Inde)", "de": "(Indien)"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_transfer_finding_names_the_country_in_the_reports_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The country beside a recipient in a transfer finding is a name, not its ISO code."""
    project = example("telehealth-startup")
    sentry = next(r for r in project.recipients if "Sentry" in r.name)
    sentry.country, sentry.safeguard = "IN", None
    path = tmp_path / "in.privacy.json"
    save_project(project, path)
    main(["check", str(path), "--lang", lang, "--format", "json"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["findings"]]
    (found,) = [m for m in messages if "Sentry" in m]
    assert INDIA[lang] in found and "(IN)" not in found, (lang, found)


#: A language named inside a sentence of each report language: French writes it in lower case.
GERMAN_IN = {"en": "German text", "nl": "in het Duits", "fr": "(allemand)", "de": "auf Deutsch"}
FRENCH_IN = {
    "en": "in French",
    "nl": "in het Frans",
    "fr": "(langue : français)",
    "de": "auf Französisch",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_is_named_as_the_report_language_writes_it(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = example("telehealth-startup")
    project.publication.languages = ["en", "nl", "fr", "de"]
    project.purposes[0].consequence.root["de"] = "Ohne diese Daten können wir dir nicht helfen."
    del project.purposes[0].name.root["fr"]
    path = tmp_path / "p.privacy.json"
    save_project(project, path)
    main(["check", str(path), "--lang", lang, "--format", "json"])
    messages = [
        f["message"].replace("\u00a0", " ") for f in json.loads(capsys.readouterr().out)["findings"]
    ]
    assert any(GERMAN_IN[lang] in m and "dir" in m for m in messages), (lang, messages)
    assert any(FRENCH_IN[lang] in m for m in messages), (lang, messages)
    if lang == "fr":
        assert not any("Allemand" in m or "Français" in m for m in messages), messages
