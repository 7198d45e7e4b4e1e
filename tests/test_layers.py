"""The layers stay apart, checked on the real import graph: every ``import`` statement of every
module under ``wizard/`` (those inside functions included) is read with :mod:`ast`.

- nothing outside ``wizard/ui`` imports Qt (and importing every such module loads no Qt);
- every module sits on a floor (the table in ``docs/architecture.md``) and imports only from
  its own floor or the floors below;
- the components (the rows of that table) import each other without a cycle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from tests.projects import ROOT

#: The floors, lowest first: each row is a component (a package, a module, or, for the law
#: package, the part of it that sits on that floor). A module belongs to the longest prefix
#: that names it. Keep this in step with the table in docs/architecture.md.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("wizard", "wizard.languages", "wizard.resources", "wizard.fileio", "wizard.i18n",
     "wizard.i18n_build", "wizard.page_titles"),
    ("wizard.model",),
    ("wizard.catalog", "wizard.starters", "wizard.loading"),
    ("wizard.law.applicability",),
    ("wizard.flow",),
    ("wizard.law",),
    ("wizard.policy",),
    ("wizard.documents",),
    ("wizard.render",),
    ("wizard.review", "wizard.history"),
    ("wizard.law.gate", "wizard.output"),
    ("wizard.cli", "wizard.__main__", "wizard.ui"),
)  # fmt: skip

QT = ("PySide6", "shiboken6")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


@cache
def imports(module: str) -> frozenset[str]:
    """Every module ``module`` imports, absolute, as written in its source (any depth)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            found.add(name)
            # ``from wizard import flow`` imports the module wizard.flow.
            found.update(f"{name}.{a.name}" for a in node.names if f"{name}.{a.name}" in MODULES)
    return frozenset(found - {module})


def component(module: str) -> str:
    """The row of :data:`FLOORS` that ``module`` belongs to (its longest prefix there). The
    row ``wizard`` is the package's ``__init__.py`` alone: a new module directly under
    ``wizard/`` is on no floor until it is given one."""
    rows = [row for floor in FLOORS for row in floor]
    matches = [
        row for row in rows if module == row or (row != "wizard" and module.startswith(row + "."))
    ]
    if not matches:
        raise LookupError(f"{module} is on no floor: add it to FLOORS and docs/architecture.md")
    return max(matches, key=len)


def floor(module: str) -> int:
    row = component(module)
    return next(i for i, names in enumerate(FLOORS) if row in names)


def _internal(module: str) -> Iterator[str]:
    yield from (name for name in imports(module) if name in MODULES)


def test_every_module_is_on_a_floor() -> None:
    for module in MODULES:
        component(module)


def test_the_floor_table_is_documented() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for number, names in enumerate(FLOORS):
        for name in names:
            path = "wizard/__init__.py" if name == "wizard" else name.replace(".", "/")
            tokens = (f"`{path}`", f"`{path}.py`", f"`{path}/`")
            table = [line for line in text.splitlines() if line.startswith("| ")]
            rows = [line for line in table if any(t in line for t in tokens)]
            assert rows, f"{name} is not in the table of docs/architecture.md"
            assert rows[0].startswith(f"| {number} |"), f"{name} is on floor {number}: {rows[0]}"


def test_nothing_outside_the_ui_imports_qt() -> None:
    offenders = [
        f"{module} imports {name}"
        for module in MODULES
        if not module.startswith("wizard.ui")
        for name in imports(module)
        if name.split(".")[0] in QT
    ]
    assert not offenders


def test_no_module_imports_upward() -> None:
    offenders = [
        f"{module} (floor {floor(module)}) imports {name} (floor {floor(name)})"
        for module in MODULES
        for name in _internal(module)
        if floor(name) > floor(module)
    ]
    assert not offenders


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` (its nodes in order), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _component_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        source = component(module)
        for name in _internal(module):
            target = component(name)
            if target != source:
                graph.setdefault(source, set()).add(target)
    return graph


def test_no_cycle_between_components() -> None:
    assert _cycle(_component_graph()) is None, _cycle(_component_graph())


def test_the_checks_can_fail() -> None:
    """The graph checks see what they look for: a cycle, an upward import, a stray module."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
    assert "wizard.law.applicability" in imports("wizard.flow.pages")
    assert "wizard.languages" in imports("wizard.model.answers")
    assert floor("wizard.review") > floor("wizard.policy.engine") > floor("wizard.flow")
    assert component("wizard.law.checks") == "wizard.law"
    assert component("wizard.law.gate") == "wizard.law.gate"
    with pytest.raises(LookupError):
        component("elsewhere.module")
    with pytest.raises(LookupError):
        component("wizard.new_module")
    assert component("wizard.law.new_module") == "wizard.law"
    assert any(name.split(".")[0] in QT for name in imports("wizard.ui.app"))


_PROBE = """
import importlib, sys

class _Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"Qt imported below the UI: {name}")
        return None

sys.meta_path.insert(0, _Block())
for module in sys.argv[1:]:
    importlib.import_module(module)
leaked = [m for m in sys.modules if m.startswith(("PySide6", "shiboken"))]
assert not leaked, leaked
"""


def _probe(modules: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *modules], capture_output=True, text=True, timeout=300
    )


def test_importing_every_module_below_the_ui_loads_no_qt() -> None:
    below = [m for m in MODULES if floor(m) < len(FLOORS) - 1]
    below += ["wizard.cli"]  # the command line starts Qt only for the wizard itself
    result = _probe(below)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_blocker_really_blocks() -> None:
    """The probe itself fails when a module does import Qt (so the test above can fail)."""
    result = _probe(["wizard.model", "PySide6.QtCore"])
    assert result.returncode != 0
    assert "Qt imported below the UI" in result.stderr


def test_the_history_needs_neither_the_flow_nor_the_engine() -> None:
    """The history marks its messages with the registry's ``N_`` and takes its locales from the
    registry: it depends on neither the wizard's flow nor the policy engine."""
    history = [m for m in MODULES if m == "wizard.history" or m.startswith("wizard.history.")]
    assert len(history) > 1
    offenders = [
        f"{module} imports {name}"
        for module in history
        for name in imports(module)
        if name.startswith(("wizard.flow", "wizard.policy.engine"))
    ]
    assert not offenders


#: How long a module may grow: one kind of thing, readable in one sitting.
MAX_MODULE_LINES = 500
#: Packages the limit does not cover: the renderers.
LONG_PACKAGES = ("wizard.render",)


def long_modules(limit: int = MAX_MODULE_LINES) -> dict[str, int]:
    """The modules under ``wizard/`` (outside :data:`LONG_PACKAGES`) longer than ``limit``
    lines, with their length."""
    return {
        module: lines
        for module, path in MODULES.items()
        if component_of(module, LONG_PACKAGES) is None
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > limit
    }


def component_of(module: str, packages: tuple[str, ...]) -> str | None:
    """The package of ``packages`` that holds ``module``, if any."""
    return next((p for p in packages if module == p or module.startswith(p + ".")), None)


def test_every_module_holds_one_kind_of_thing() -> None:
    """No module under ``wizard/`` but the renderers is longer than about 500 lines: the
    engine, the answers model, the legal checks, the flow, the history and the Qt layer (the
    main window's menus, steps, files and autosave) are split along their seams into modules
    whose names say what they hold."""
    assert not long_modules()


def test_the_size_limit_finds_a_long_module() -> None:
    found = long_modules(limit=100)
    assert "wizard.law.applicability" in found or "wizard.policy.engine" in found
    assert any(m.startswith("wizard.ui.") for m in found)
    assert not any(m.startswith("wizard.render.") for m in found)
