"""Shared test set-up: Qt runs offscreen, and project paths are at hand."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:  # pydantic is imported by the tests themselves, after Qt's import hooks
    from pydantic import BaseModel

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The property tests draw the same examples on every run (a test run that passes today passes
# tomorrow on the same code); HYPOTHESIS_PROFILE=explore draws new ones each run, and
# scripts/fuzz.py explores for as long as asked.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def local_texts(model: BaseModel, path: str = "") -> Iterator[tuple[str, BaseModel, str]]:
    """Every per-language text field (``LocalText``) of ``model``, the history of published
    versions excluded: (model path, owning object, field name)."""
    from pydantic import BaseModel

    from wizard.model.answers import LocalText

    for name in type(model).model_fields:
        if name == "history":
            continue
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        if isinstance(value, LocalText):
            yield where, model, name
        elif isinstance(value, BaseModel):
            yield from local_texts(value, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from local_texts(item, f"{where}[{index}]")
