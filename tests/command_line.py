"""Running the command line as a user does (a fresh ``python -m wizard`` process) and checking
its errors: one line, no traceback."""

from __future__ import annotations

import subprocess
import sys


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m wizard`` with ``args`` in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """``result`` failed with one line on stderr, naming each of ``needles``, no traceback."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("privacy-wizard: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]
