"""The processor catalogue says which of its values a source confirmed (``checked``, with the
date); a recipient taken from it that still holds an unconfirmed value gets an advice in the
review, in the reader's language, rather than passing as a checked fact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects import example, with_translated_texts
from wizard import flow
from wizard.catalog.processors import processor
from wizard.model import Project
from wizard.model.project_file import save_project

CODE = "catalogue_entry_unconfirmed"


def with_catalogue_recipient(catalog_id: str) -> Project:
    project = with_translated_texts(example("physiotherapy-practice"))
    entry = processor(catalog_id)
    assert entry is not None
    project.recipients.append(flow.recipient_from_catalog(entry, project.purposes))
    return project


def findings(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str = "en"
) -> list[dict]:
    from wizard.cli import main

    path = tmp_path / "project.privacy.json"
    save_project(project, path)
    main(["check", str(path), "--format", "json", "--lang", lang])
    found: list[dict] = json.loads(capsys.readouterr().out)["findings"]
    return [f for f in found if f["code"] == CODE]


def test_the_catalogue_records_what_was_confirmed() -> None:
    hetzner, analytics, strato = (
        processor("hetzner"),
        processor("google-analytics"),
        processor("strato"),
    )
    assert hetzner and analytics and strato
    assert hetzner.confirmed("legal_entity") and not hetzner.confirmed("data_location")
    assert all(analytics.confirmed(v) for v in ("legal_entity", "role", "safeguard"))
    assert strato.checked == () and strato.verified_on is None


def test_an_unconfirmed_catalogue_value_is_flagged_for_checking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (hit,) = findings(with_catalogue_recipient("hetzner"), tmp_path, capsys)
    assert hit["severity"] == "warning" and hit["page"] == "recipients"
    assert "Hetzner Online GmbH" in hit["message"]
    assert "not all confirmed" in hit["message"]


def test_a_confirmed_entry_or_the_users_own_values_raise_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Google Analytics: entity, role and the DPF transfer to Google LLC were confirmed.
    assert findings(with_catalogue_recipient("google-analytics"), tmp_path, capsys) == []
    # The user replaced every unconfirmed catalogue value with their own answer.
    project = with_catalogue_recipient("hetzner")
    project.recipients[-1].name = "Example Hosting GmbH"
    project.recipients[-1].country = "AT"
    assert findings(project, tmp_path, capsys) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "niet allemaal bevestigd"),
        ("fr", "n'ont pas toutes été confirmées"),
        ("de", "nicht alle anhand der Unterlagen des Anbieters bestätigt"),
    ],
)
def test_the_advice_reads_in_the_users_language(
    lang: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (hit,) = findings(with_catalogue_recipient("hetzner"), tmp_path, capsys, lang)
    assert words in hit["message"].replace("\u00a0", " ").replace("\u202f", " ")
    assert "Hetzner Online GmbH" in hit["message"]
