"""Lint and types: ruff over the whole tree, mypy (strict) over the layers without Qt.

Both are in the ``test`` extra, so CI runs them with the rest of the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_layers_without_qt() -> None:
    # The files come from [tool.mypy] in pyproject.toml.
    result = _run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


_TEXT_SUFFIXES = {".py", ".md", ".po", ".pot", ".j2", ".json", ".csv", ".toml", ".cfg", ".txt",
                  ".spec", ".sh", ".yml", ".yaml", ".xml", ".desktop", ".iss"}  # fmt: skip
_SKIPPED = {".venv", ".git", "build", "dist", "node_modules", "__pycache__"}


def _text_files() -> Iterator[Path]:
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIPPED]  # never walk into a venv or a build
        for name in files:
            if Path(name).suffix in _TEXT_SUFFIXES:
                yield Path(folder, name)


def test_no_file_holds_merge_conflict_markers() -> None:
    found = []
    for path in _text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "=======":
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert not found, found
