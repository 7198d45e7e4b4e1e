"""The project file: round trip, atomic save, and a clear error for every kind of broken file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.projects import EXAMPLE_FILES
from wizard.model import (
    FORMAT_VERSION,
    Project,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    project_schema,
    save_project,
)


def test_there_are_three_examples() -> None:
    assert len(EXAMPLE_FILES) >= 3


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_round_trip_byte_for_byte(path: Path, tmp_path: Path) -> None:
    project = load_project(path)
    out = tmp_path / "copy.privacy.json"
    save_project(project, out)
    assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert load_project(out) == project


def test_saved_file_is_readable_json_with_stable_order() -> None:
    text = dumps_project(Project())
    data = json.loads(text)
    assert list(data)[:3] == ["$schema", "format_version", "organisation"]
    assert list(data)[-2:] == ["publication", "history"]
    assert data["format_version"] == FORMAT_VERSION == 4
    assert text.startswith('{\n  "$schema"')
    assert text.endswith("}\n")


def test_non_ascii_is_kept_readable(tmp_path: Path) -> None:
    project = Project()
    project.organisation.legal_name = "Łódź Zahnärzte & Søn €"
    out = tmp_path / "p.privacy.json"
    save_project(project, out)
    assert "Łódź Zahnärzte & Søn €" in out.read_text(encoding="utf-8")


def test_save_is_atomic_old_file_survives_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p.privacy.json"
    first = Project()
    first.organisation.legal_name = "First"
    save_project(first, out)
    before = out.read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    second = Project()
    second.organisation.legal_name = "Second"
    with pytest.raises(OSError):
        save_project(second, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.privacy.json"], "temporary file left behind"


def _problems(text: str) -> list[str]:
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, source="test.privacy.json")
    assert info.value.problems
    return info.value.problems


def test_empty_file() -> None:
    assert _problems("") == ["the file is empty"]
    assert _problems("   \n") == ["the file is empty"]


def test_not_json() -> None:
    (problem,) = _problems("this is not json")
    assert problem.startswith("not valid JSON (line 1, column 1")


def test_truncated_file() -> None:
    text = dumps_project(Project())
    (problem,) = _problems(text[: len(text) // 2])
    assert "not valid JSON" in problem and "truncated" in problem


def test_not_an_object() -> None:
    assert _problems("[1, 2]") == ["the file holds no project (expected a JSON object)"]


def test_missing_version() -> None:
    assert _problems('{"organisation": {}}') == ["format_version: required field is missing"]


def test_format_1_is_migrated_with_an_empty_history(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    data["format_version"] = 1
    del data["history"]
    del data["publication"]["show_history"]
    data["$schema"] = "https://privacy-wizard.invalid/schema/project-v1.json"
    project = loads_project(json.dumps(data), source="old.privacy.json")
    assert project.history == []
    assert project.publication.show_history is True
    assert project.format_version == FORMAT_VERSION
    assert project.organisation == load_project(EXAMPLE_FILES[0]).organisation
    # Saved again, it is a file of the current format.
    out = tmp_path / "old.privacy.json"
    save_project(project, out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["format_version"] == 4 and saved["history"] == []
    assert saved["$schema"].endswith("project-v4.json")


def test_history_survives_a_round_trip(tmp_path: Path) -> None:
    import datetime as dt

    from wizard.model.answers import LocalText, PublishedVersion

    project = load_project(EXAMPLE_FILES[0])
    project.history.append(
        PublishedVersion(
            version="1.0",
            effective_date=dt.date(2025, 1, 1),
            published=dt.date(2024, 12, 20),
            summary=LocalText({"en": "First version.", "nl": "Eerste versie."}),
            answers=project.snapshot(),
        )
    )
    out = tmp_path / "h.privacy.json"
    save_project(project, out)
    text = out.read_text(encoding="utf-8")
    again = load_project(out)
    assert again == project
    assert again.history[0].answers == project.snapshot()
    data = json.loads(text)
    entry = data["history"][0]
    assert list(entry) == [
        "version",
        "effective_date",
        "published",
        "summary",
        "documents",
        "answers",
    ]
    assert "history" not in entry["answers"] and "format_version" not in entry["answers"]
    assert entry["summary"] == {"en": "First version.", "nl": "Eerste versie."}


def test_snapshot_is_a_copy() -> None:
    project = load_project(EXAMPLE_FILES[0])
    snapshot = project.snapshot()
    project.organisation.legal_name = "Changed"
    assert snapshot.organisation.legal_name != "Changed"


def test_invalid_history_entry_names_its_path() -> None:
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    data["history"] = [
        {"version": "1.0", "published": "yesterday", "answers": {"organisation": {"country": "XX"}}}
    ]
    problems = _problems(json.dumps(data))
    assert "history[0].published: not a date (expected the form 2025-01-31)" in problems
    assert "history[0].answers.organisation.country: unknown country code 'XX'" in problems


def test_newer_version_is_refused_clearly() -> None:
    (problem,) = _problems('{"format_version": 99}')
    assert problem.startswith("format_version: the file uses format 99")
    assert "newer version" in problem and "update" in problem
    (problem,) = _problems('{"format_version": 5}')
    assert "reads format 4 and older" in problem


def test_wrong_types_name_the_field() -> None:
    problems = _problems(
        json.dumps(
            {
                "format_version": 1,
                "organisation": {"legal_name": 42, "email": "not-an-address"},
                "children": {"age_threshold": "sixteen"},
                "cookies": {"used": "maybe"},
            }
        )
    )
    joined = "\n".join(problems)
    assert "organisation.legal_name: expected text, not a whole number" in problems
    assert "organisation.email: not an e-mail address: 'not-an-address'" in joined
    assert "children.age_threshold: expected a whole number or null, not text" in problems
    assert "cookies.used: expected true or false, not text" in problems


def test_unknown_fields_are_named() -> None:
    problems = _problems('{"format_version": 1, "organisation": {"legal_nam": "x"}, "extra": 1}')
    assert "organisation.legal_nam: unknown field (not part of this project format)" in problems
    assert "extra: unknown field (not part of this project format)" in problems


def test_bad_country_in_a_list_names_its_index() -> None:
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    data["recipients"][2]["country"] = "XX"
    assert _problems(json.dumps(data)) == ["recipients[2].country: unknown country code 'XX'"]


def test_dangling_purpose_reference() -> None:
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    data["recipients"][0]["purposes"] = ["nope"]
    (problem,) = _problems(json.dumps(data))
    assert problem == "recipients[0].purposes[0]: no purpose with id 'nope'"


def test_unknown_language_in_user_text() -> None:
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    data["purposes"][1]["name"] = {"xx": "Hello"}
    (problem,) = _problems(json.dumps(data))
    assert problem.startswith("purposes[1].name.xx")


def test_load_reports_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="no such file"):
        load_project(tmp_path / "missing.privacy.json")
    with pytest.raises(ProjectFileError, match="folder"):
        load_project(tmp_path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.privacy.json"
    path.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(ProjectFileError, match="not a text file"):
        load_project(path)


def test_summary_counts_further_problems() -> None:
    with pytest.raises(ProjectFileError) as info:
        loads_project('{"format_version": 1, "a": 1, "b": 2, "c": 3}', source="f.json")
    assert info.value.summary().startswith("f.json: ")
    assert info.value.summary().endswith("(and 2 more problems)")


def test_schema_describes_the_file_and_accepts_the_examples() -> None:
    schema = project_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "Privacy Wizard project"
    for key in (
        "organisation",
        "purposes",
        "recipients",
        "cookies",
        "children",
        "publication",
        "history",
    ):
        assert key in schema["properties"]
    assert list(schema["properties"])[:3] == ["$schema", "format_version", "organisation"]
    assert schema["properties"]["format_version"]["const"] == 4
    assert "format_version" in schema["required"]
    version = schema["$defs"]["PublishedVersion"]
    assert set(version["properties"]) == {
        "version",
        "effective_date",
        "published",
        "summary",
        "answers",
        "documents",
    }
    assert schema["additionalProperties"] is False
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    assert set(data) <= set(schema["properties"])


def test_documentation_covers_every_top_level_field() -> None:
    from tests.projects import ROOT

    doc = (ROOT / "docs" / "project-file.md").read_text(encoding="utf-8")
    for name in project_schema()["properties"]:
        assert f"`{name}`" in doc, f"docs/project-file.md does not describe {name}"
