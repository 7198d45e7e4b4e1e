"""The command line: clear one-line errors, plain file names, and the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.command_line import assert_one_line_error, run_cli
from tests.projects import EXAMPLES
from wizard.cli import main

PHYSIO = EXAMPLES / "physiotherapy-practice.privacy.json"


def test_schema_prints_json_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Privacy Wizard project"


def test_render_writes_plainly_named_files(tmp_path: Path) -> None:
    result = run_cli(
        "render", str(PHYSIO), "--lang", "en", "--format", "docx,pdf", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "privacy-policy-en.docx",
        "privacy-policy-en.pdf",
    ]
    assert result.stdout.split() == [
        str(tmp_path / "privacy-policy-en.docx"),
        str(tmp_path / "privacy-policy-en.pdf"),
    ]


def test_render_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    assert main(["render", str(PHYSIO), "--format", "pdf", "--out", str(tmp_path)]) == 0
    target = tmp_path / "privacy-policy-en.pdf"
    target.write_bytes(b"mine")
    result = run_cli("render", str(PHYSIO), "--format", "pdf", "--out", str(tmp_path))
    assert_one_line_error(result, "already exists", "--force")
    assert target.read_bytes() == b"mine"
    assert main(["render", str(PHYSIO), "--format", "pdf", "--out", str(tmp_path), "--force"]) == 0
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("", "the file is empty"),
        ("{not json", "not valid JSON"),
        ('{"format_version": 1, "organisation": {"legal_name": [1]}}', "organisation.legal_name"),
        ('{"format_version": 1, "surprise": true}', "surprise: unknown field"),
        ('{"format_version": 7}', "newer version"),
        (
            '{"format_version": 1, "recipients": [{"name": "A", "country": "XX"}]}',
            "recipients[0].country: unknown country code 'XX'",
        ),
    ],
    ids=["empty", "not-json", "wrong-type", "unknown-field", "newer-version", "bad-country"],
)
def test_broken_project_files_give_one_clear_line(
    tmp_path: Path, content: str, needle: str
) -> None:
    path = tmp_path / "broken.privacy.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("render", str(path), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, str(path), needle)
    assert not (tmp_path / "out").exists()


def test_truncated_example(tmp_path: Path) -> None:
    path = tmp_path / "cut.privacy.json"
    text = PHYSIO.read_text(encoding="utf-8")
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    assert_one_line_error(run_cli("render", str(path), "--out", str(tmp_path)), "truncated")


def test_missing_project_file(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("render", str(tmp_path / "nope.json"), "--out", str(tmp_path)), "no such file"
    )


def test_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(PHYSIO), "--lang", "es", "--out", str(tmp_path)]) == 2
    assert "unknown language 'es'" in capsys.readouterr().err
    assert main(["render", str(PHYSIO), "--format", "odt", "--out", str(tmp_path)]) == 2
    assert "unknown format 'odt'" in capsys.readouterr().err
    assert main(["render", str(PHYSIO)]) == 2
    err = capsys.readouterr().err
    assert "--out" in err and len(err.strip().splitlines()) == 1


def test_language_without_the_users_text_is_refused(tmp_path: Path) -> None:
    from wizard.model import load_project, save_project

    project = load_project(PHYSIO)
    del project.purposes[0].name.root["nl"]
    path = tmp_path / "partly-translated.privacy.json"
    save_project(project, path)
    out = tmp_path / "out"
    result = run_cli("render", str(path), "--lang", "en,nl", "--out", str(out))
    assert result.returncode == 1
    assert "must fix" in result.stderr and "purposes[0].name.nl" in result.stderr
    assert "nothing was written" in result.stderr
    # Even a draft is never written with a sentence missing in one language.
    result = run_cli("render", str(path), "--lang", "en,nl", "--out", str(out), "--draft")
    assert_one_line_error(
        result, "cannot write the policy", "purposes[0].name: no text in language 'nl'"
    )
    assert not out.exists() or list(out.iterdir()) == [], "nothing is written when a language fails"


def test_unwritable_output_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("render", str(PHYSIO), "--format", "pdf", "--out", str(blocker / "sub"))
    assert_one_line_error(result)


def test_render_html_and_markdown(tmp_path: Path) -> None:
    result = run_cli(
        "render", str(PHYSIO), "--lang", "en,nl", "--format", "html,md", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "privacy-policy-en.html",
        "privacy-policy-en.md",
        "privacy-policy-nl.html",
        "privacy-policy-nl.md",
    ]
    page = (tmp_path / "privacy-policy-nl.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl-NL">' in page
    assert (tmp_path / "privacy-policy-nl.md").read_text(encoding="utf-8").startswith("# ")
    unknown = run_cli("render", str(PHYSIO), "--format", "htm", "--out", str(tmp_path))
    assert_one_line_error(unknown, "unknown format 'htm'", "docx, pdf, html, md")


# --- diff ---------------------------------------------------------------------------------------


def _changed_copy(tmp_path: Path) -> Path:
    from wizard.model import load_project, save_project

    project = load_project(PHYSIO)
    project.recipients.pop(1)  # Microsoft, a processor
    project.rights.response_days = 14
    project.publication.version = "1.1"  # not a change of the policy's content
    path = tmp_path / "new.privacy.json"
    save_project(project, path)
    return path


def test_diff_prints_one_change_per_line(tmp_path: Path) -> None:
    new = _changed_copy(tmp_path)
    result = run_cli("diff", str(PHYSIO), str(new))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "We no longer use this processor: Microsoft Ireland Operations Limited.",
        "We now answer requests about your rights within 14 days (previously 30 days).",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("lang", "needle"),
    [
        ("nl", "Wij schakelen deze verwerker niet meer in: Microsoft"),
        ("fr", "Nous ne faisons plus appel au sous-traitant suivant\u00a0: Microsoft"),
        ("de", "Diesen Auftragsverarbeiter setzen wir nicht mehr ein: Microsoft"),
    ],
)
def test_diff_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, needle: str
) -> None:
    new = _changed_copy(tmp_path)
    assert main(["diff", str(PHYSIO), str(new), "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith(needle)


def test_diff_of_identical_projects_prints_nothing_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(PHYSIO), str(PHYSIO)]) == 0
    assert capsys.readouterr().out == ""


def test_diff_errors_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("diff", str(PHYSIO), str(tmp_path / "missing.privacy.json")), "no such file"
    )
    broken = tmp_path / "broken.privacy.json"
    broken.write_text('{"format_version": 9}', encoding="utf-8")
    assert_one_line_error(run_cli("diff", str(broken), str(PHYSIO)), "newer version")
    result = run_cli("diff", str(PHYSIO), str(PHYSIO), "--lang", "xx")
    assert_one_line_error(result, "unknown language 'xx'")
    assert result.returncode == 2
    result = run_cli("diff", str(PHYSIO))
    assert_one_line_error(result, "NEW")
    assert result.returncode == 2


def test_diff_reads_a_format_1_file(tmp_path: Path) -> None:
    data = json.loads(PHYSIO.read_text(encoding="utf-8"))
    data["format_version"] = 1
    del data["history"]
    del data["publication"]["show_history"]
    old = tmp_path / "old.privacy.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("diff", str(old), str(PHYSIO))
    assert result.returncode == 0 and result.stdout == "", result.stderr


def test_render_without_format_writes_the_project_s_own_choice(tmp_path: Path) -> None:
    """No --lang and no --format: the languages and formats chosen in the project (PDF among
    them, so the font check runs too)."""
    out = tmp_path / "out"
    result = run_cli("render", str(EXAMPLES / "software-company.privacy.json"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "privacy-policy-nl.pdf").is_file() and (out / "privacy-policy-de.docx").is_file()
