"""The layers stay apart: nothing below the UI imports Qt, and data flows one way."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = [
    "wizard.model",
    "wizard.model.answers",
    "wizard.model.project_file",
    "wizard.catalog",
    "wizard.catalog.authorities",
    "wizard.catalog.ages",
    "wizard.policy.engine",
    "wizard.policy.parse",
    "wizard.render.docx",
    "wizard.render.pdf",
    "wizard.render.html",
    "wizard.render.markdown",
    "wizard.output",
    "wizard.fileio",
    "wizard.loading",
    "wizard.cli",
    "wizard.flow",
    "wizard.review",
    "wizard.history",
    "wizard.law.applicability",
    "wizard.law.checks",
    "wizard.law.gate",
]

_PROBE = """
import importlib, sys

class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
            raise ImportError(f"Qt imported below the UI: {name}")
        return None

sys.meta_path.insert(0, _Block())
importlib.import_module(sys.argv[1])
leaked = [m for m in sys.modules if m.startswith(("PySide6", "shiboken"))]
assert not leaked, leaked
"""


@pytest.mark.parametrize("module", QT_FREE)
def test_module_never_imports_qt(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, module], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_blocker_really_blocks() -> None:
    """The probe itself fails when a module does import Qt (so the tests above can fail)."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "PySide6.QtCore"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Qt imported below the UI" in result.stderr


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        (
            "wizard/model",
            ("wizard.policy", "wizard.render", "wizard.ui", "wizard.catalog", "wizard.cli"),
        ),
        ("wizard/policy", ("wizard.render", "wizard.ui", "wizard.cli")),
        ("wizard/render", ("wizard.policy.engine", "wizard.ui", "wizard.cli", "wizard.model")),
        ("wizard/catalog", ("wizard.policy", "wizard.render", "wizard.ui")),
        ("wizard/history.py", ("wizard.render", "wizard.ui", "wizard.cli", "wizard.output")),
    ],
)
def test_imports_point_down_only(lower: str, higher: tuple[str, ...]) -> None:
    from tests.conftest import ROOT

    base = ROOT / lower
    for path in [base] if base.is_file() else base.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in higher:
            assert f"from {name}" not in text and f"import {name}" not in text, (
                f"{path.relative_to(ROOT)} imports {name}"
            )
