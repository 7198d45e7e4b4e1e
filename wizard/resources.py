"""One small locator for the files shipped in ``resources/``.

``resources/`` is installed as the package ``wizard_resources`` (see pyproject.toml), so
:mod:`importlib.resources` finds it the same way from a source checkout (editable install), an
installed wheel and a frozen app: no ``sys._MEIPASS`` or ``__file__`` arithmetic anywhere else.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

_PACKAGE = "wizard_resources"


def resource(*parts: str) -> Traversable:
    """Return the shipped resource at ``resources/<parts...>``."""
    node: Traversable = resources.files(_PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    """Read a shipped UTF-8 text resource."""
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    """Read a shipped binary resource."""
    return resource(*parts).read_bytes()
