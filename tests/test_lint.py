"""Lint and types: ruff over the whole tree, mypy (strict) over the layers without Qt.

Both are in the ``test`` extra, so CI runs them with the rest of the suite.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.projects import ROOT


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


def _imported_modules(tree: ast.AST, package: str) -> Iterator[str]:
    """Every module an ``import`` of ``tree`` names (those inside functions too), relative
    imports resolved against ``package``; ``from x import y`` names ``x.y`` as well, as ``y``
    may be a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def test_no_test_module_imports_another() -> None:
    # Shared helpers live in helper modules (tests/readback.py, tests/projects.py, ...): a test
    # module that imports another runs that module's tests' set-up and ties the two together.
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).parent.parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module in _imported_modules(tree, package):
            if any(part.startswith("test_") for part in module.split(".")):
                found.append(f"{path.relative_to(ROOT)}: {module}")
    assert not found, found


def test_the_import_check_sees_every_kind_of_import() -> None:
    source = (
        "import tests.test_a\n"
        "from tests.test_b import helper\n"
        "from tests import test_c\n"
        "from .test_d import helper\n"
        "from . import test_e\n"
        "def f():\n"
        "    from tests.ui.test_f import helper\n"
        "from tests.readback import docx_text\n"
    )
    seen = {
        module
        for module in _imported_modules(ast.parse(source), "tests.ui")
        if any(part.startswith("test_") for part in module.split("."))
    }
    assert {m.rsplit(".", 1)[-1] for m in seen} >= {"test_a", "test_b", "test_c", "test_d",
                                                    "test_e", "test_f"}  # fmt: skip
    assert not any("readback" in m for m in seen)
