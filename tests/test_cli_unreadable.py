"""Every input the command line cannot read ends with exit status 2, one line naming the file
(and the field where there is one), and no traceback: for render, check and diff alike."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.command_line import assert_one_line_error, run_cli
from tests.projects import EXAMPLES

PHYSIO = EXAMPLES / "physiotherapy-practice.privacy.json"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.privacy.json"
    path.write_text(text, encoding="utf-8")
    return path


def _commands(path: Path, out: Path) -> list[tuple[str, ...]]:
    return [
        ("check", str(path)),
        ("render", str(path), "--out", str(out)),
        ("diff", str(PHYSIO), str(path)),
    ]


def _doubled() -> str:
    text = PHYSIO.read_text(encoding="utf-8")
    return text.replace('"legal_name": ', '"legal_name": "Other",\n"legal_name": ', 1)


def _typo_authority() -> str:
    data = json.loads(PHYSIO.read_text(encoding="utf-8"))
    data["authority"]["catalog_id"] = "NL-TYPO"
    return json.dumps(data)


def _days_as_text() -> str:
    data = json.loads(PHYSIO.read_text(encoding="utf-8"))
    data["rights"]["response_days"] = "30"
    return json.dumps(data)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[" * 10_000 + "]" * 10_000, "nested far too deeply"),
        ('{"format_version": 2, "x": ' + "7" * 5001 + "}", "5001 digits"),
        (_doubled(), "organisation.legal_name: this key is given more than once"),
        (_typo_authority(), "authority.catalog_id: unknown supervisory authority 'NL-TYPO'"),
        (_days_as_text(), "rights.response_days: "),
        ("{ not json", "not valid JSON"),
    ],
    ids=["deep", "digits", "duplicate", "catalogue", "strict", "json"],
)
def test_unreadable_project_exits_2_naming_file_and_field(
    tmp_path: Path, content: str, needle: str
) -> None:
    path = _write(tmp_path, content)
    for command in _commands(path, tmp_path / "out"):
        result = run_cli(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert_one_line_error(result, str(path), needle)
    assert not (tmp_path / "out").exists(), "render wrote nothing"


def test_devices_and_fifos_exit_2_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.privacy.json"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        for command in _commands(path, tmp_path / "out"):
            result = run_cli(*command, timeout=30)  # a hang would time out
            assert result.returncode == 2, (command, result.stderr)
            assert_one_line_error(result, str(path), "not a regular file")


def test_a_file_over_the_size_limit_exits_2(tmp_path: Path) -> None:
    big = tmp_path / "big.privacy.json"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse
    for command in _commands(big, tmp_path / "out"):
        result = run_cli(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert_one_line_error(result, str(big), "limited to 5 MB")


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.privacy.json"
    for command in _commands(missing, tmp_path / "out"):
        result = run_cli(*command)
        assert result.returncode == 2
        assert_one_line_error(result, str(missing), "no such file")


def test_render_failure_writes_nothing_and_names_the_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "privacy-policy-en.md").mkdir()  # a folder where a file must go
    (out / "privacy-policy-en.html").write_text("old", encoding="utf-8")
    result = run_cli(
        "render",
        str(PHYSIO),
        "--lang",
        "en,nl",
        "--format",
        "html,md",
        "--out",
        str(out),
        "--force",
    )
    assert result.returncode == 1
    assert_one_line_error(result, str(out / "privacy-policy-en.md"), "no file was written")
    assert sorted(p.name for p in out.iterdir()) == [
        "privacy-policy-en.html",
        "privacy-policy-en.md",
    ]
    assert (out / "privacy-policy-en.html").read_text(encoding="utf-8") == "old"
