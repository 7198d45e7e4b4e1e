"""Shared test set-up: Qt runs offscreen, hypothesis draws repeatable examples, and the
examples' folder is a fixture (the helpers are in ``tests/projects.py`` and
``tests/readback.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.projects import EXAMPLES

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The property tests draw the same examples on every run (a test run that passes today passes
# tomorrow on the same code); HYPOTHESIS_PROFILE=explore draws new ones each run, and
# scripts/fuzz.py explores for as long as asked.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
