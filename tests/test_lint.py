"""Lint and types: ruff over the whole tree, mypy (strict) over the layers without Qt.

Both are in the ``test`` extra, so CI runs them with the rest of the suite.
"""

from __future__ import annotations

import subprocess
import sys
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
