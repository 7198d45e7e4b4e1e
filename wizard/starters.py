"""Starter projects: a project already filled in for a common kind of organisation.

Each starter (``resources/data/starters/<id>.json``, listed in ``index.json`` with its name in
every UI language) fills the services, the purposes with their legal bases and retention, the
typical processors (from the processor catalogue) and cookies, with every text in English,
Dutch, French and German; each purpose says what its data categories hold (``data_details``),
as proposals the user edits. What only the person knows (name, address, e-mail address, the
provider of their own cookies) is left for them. Starters load through the project file's
loader, so they are validated like any project. No Qt here; the model is imported only when
a starter is loaded, so the welcome page can list the starters before the model is needed.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

import msgspec

from wizard.languages import SOURCE
from wizard.resources import read_text

if TYPE_CHECKING:
    from wizard.model.answers import Project

__all__ = ["Starter", "load_starter", "starters"]


class Starter(msgspec.Struct, frozen=True):
    """One starter project: its id, its name and a one-line description per UI language."""

    id: str
    names: dict[str, str]
    descriptions: dict[str, str]

    def name(self, lang: str) -> str:
        """The name in ``lang`` (English when the language is unknown)."""
        return self.names.get(lang) or self.names[SOURCE]

    def description(self, lang: str) -> str:
        """The description in ``lang`` (English when the language is unknown)."""
        return self.descriptions.get(lang) or self.descriptions[SOURCE]


@cache
def _index() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("data", "starters", "index.json"))
    return data


def starters() -> list[Starter]:
    """The starter projects, in the order the welcome page offers them."""
    return [
        Starter(entry["id"], dict(entry["name"]), dict(entry["description"]))
        for entry in _index()["starters"]
    ]


def load_starter(starter_id: str) -> Project:
    """A new project from the starter ``starter_id`` (a fresh copy each time)."""
    from wizard.model.project_file import loads_project

    if starter_id not in {s.id for s in starters()}:
        raise KeyError(f"no starter project {starter_id!r}")
    return loads_project(read_text("data", "starters", f"{starter_id}.json"), starter_id)
