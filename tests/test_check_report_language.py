"""The check report speaks the reader's language in what it fills in, too: a transfer finding
names the recipient's country, not its ISO code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard.cli import main
from wizard.model import load_project
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import save_project

TELEHEALTH = EXAMPLES / "telehealth-startup.privacy.json"


#: India in each report language, where a transfer problem names the recipient's country.
INDIA = {"en": "(India)", "nl": "(India)", "fr": "(Inde)", "de": "(Indien)"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_transfer_finding_names_the_country_in_the_reports_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The country beside a recipient in a transfer finding is a name, not its ISO code."""
    project = load_project(TELEHEALTH)
    sentry = next(r for r in project.recipients if "Sentry" in r.name)
    sentry.country, sentry.safeguard = "IN", None
    path = tmp_path / "in.privacy.json"
    save_project(project, path)
    main(["check", str(path), "--lang", lang, "--format", "json"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["findings"]]
    (found,) = [m for m in messages if "Sentry" in m]
    assert INDIA[lang] in found and "(IN)" not in found, (lang, found)
