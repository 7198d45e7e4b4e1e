"""A statutory retention period that cites another country's statute (issue 12: "retention
statutes of another country"): the check advises, in the reader's language, naming the statute,
its country and the organisation's own; a period citing the organisation's own law, and every
example, gets no such advice. The statutes recognised are data with a source and a date."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from tests.projects import EXAMPLE_FILES, example
from wizard.cli import main
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import save_project
from wizard.resources import read_text

CODE = "retention_statute_of_another_country"

#: What the advice says in each language for the Berlin start-up moved to Luxembourg.
SAYS = {
    "en": ("§ 630f BGB", "Germany", "Luxembourg"),
    "nl": ("§ 630f BGB", "Duitsland", "Luxemburg"),
    "fr": ("§ 630f BGB", "Allemagne", "Luxembourg"),
    "de": ("§ 630f BGB", "Deutschland", "Luxemburg"),
}


def findings(path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    main(["check", str(path), "--lang", lang, "--format", "json"])
    return [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == CODE]


def moved_to_luxembourg(tmp_path: Path) -> Path:
    project = example("telehealth-startup")
    project.organisation.country = "LU"
    project.organisation.region = None
    project.organisation.address.country = "LU"
    project.authority.catalog_id = "LU"
    path = tmp_path / "lu.privacy.json"
    save_project(project, path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_period_citing_another_countrys_statute_is_advised_against(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = findings(moved_to_luxembourg(tmp_path), lang, capsys)
    fields = {f["field"] for f in found}
    project = example("telehealth-startup")
    cited = {
        f"purposes[{i}].retention.statutory_reference"
        for i, p in enumerate(project.purposes)
        if p.retention.statutory_reference
    }
    assert cited and fields == cited, (lang, fields)
    assert all(f["severity"] == "warning" for f in found)
    message = next(f["message"] for f in found if "630f" in f["message"]).replace("\xa0", " ")
    for words in SAYS[lang]:
        assert words in message, (lang, message)
    if lang != "en":
        assert "the statutory period" not in message and "storage limitation" not in str(found)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_no_example_cites_another_countrys_statute(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert findings(example, "en", capsys) == []


def test_every_statute_has_a_country_a_source_and_a_date_and_a_marker_of_one_country() -> None:
    rows = list(csv.DictReader(io.StringIO(read_text("data", "retention-statutes.csv"))))
    assert rows
    owners: dict[str, set[str]] = {}
    for row in rows:
        assert len(row["country"]) == 2 and row["marker"].strip(), row
        assert "https://" in row["source"] and date.fromisoformat(row["verified_on"]), row
        owners.setdefault(row["marker"], set()).add(row["country"])
    assert all(len(countries) == 1 for countries in owners.values()), owners
