"""Hypothesis strategies for projects full of hostile text, built from the project's JSON Schema.

Shared by the property test (``tests/test_property.py``) and the long fuzzing run
(``scripts/fuzz.py``). A project is one of the examples with some of its free-text fields (the
string fields of the schema that are not codes, ids, addresses on the internet or choices)
replaced by text of up to 10,000 characters mixing right-to-left scripts, emoji, combining marks,
control characters, markup and template syntax.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from hypothesis import strategies as st

from tests.projects import EXAMPLE_FILES
from wizard.model.project_file import project_schema

#: String fields of the schema that are not free text: codes, ids, e-mail and web addresses,
#: dates, file names, or the list of the purposes a recipient serves.
NOT_FREE_TEXT = frozenset(
    {
        "$schema",
        "id",
        "catalog_id",
        "country",
        "region",
        "email",
        "website",
        "web_form",
        "effective_date",
        "output_folder",
        "languages",
        "purposes",
        "other_countries",
        "version",
    }
)

#: Pieces a user (or an attacker) might paste: markup, template tags, Markdown, and the
#: characters that break naive escaping.
HOSTILE = [
    "<b>{{ x }}</b> & Co",
    "{% raw %}",
    "{{site.title}}",
    "<script>alert(1)</script>",
    "](javascript:alert(1))",
    "# heading",
    "| cell |",
    "*_`~\\",
    "&amp;",
    "\u202e\u2066",
    "שלום עולם",
    "مرحبا بالعالم",
    "👩‍⚕️🏥🇳🇱",
    "e\u0301\u0308\u20dd",
    "\x00\x07\x1b\x0b\x0c\r\n\t",
    "\ufffe\uffff",
    "Zażółć gęślą jaźń",
    "ß" * 40,
]

_letters = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs", "Cc", "Cf"), exclude_characters="\ud800"
)
_piece = st.one_of(st.text(_letters, max_size=60), st.sampled_from(HOSTILE))


def _repeat(parts: list[str], times: int) -> str:
    return ("".join(parts) * times)[:10_000]


#: Text of up to 10,000 characters: pieces of hostile text, sometimes repeated to full length,
#: and sometimes one long word without any space.
hostile_text = st.one_of(
    st.builds(lambda parts: "".join(parts)[:10_000], st.lists(_piece, min_size=1, max_size=8)),
    st.builds(_repeat, st.lists(_piece, min_size=1, max_size=4), st.integers(1, 2_000)),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["x", "Ω", "中", "ש", "a\u0301"]),
        st.integers(1, 10_000),
    ),
)


def _free_text_paths(schema: dict[str, Any]) -> list[tuple[str, ...]]:
    """Patterns of paths to free-text strings: keys, ``[]`` for list items, ``{}`` for the
    languages of a multilingual text."""
    defs = schema.get("$defs", {})
    found: list[tuple[str, ...]] = []

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> None:
        if "$ref" in node:
            walk(defs[node["$ref"].rsplit("/", 1)[-1]], path)
            return
        for key in ("anyOf", "oneOf", "allOf"):
            if key in node:
                for sub in node[key]:
                    walk(sub, path)
                return
        kind = node.get("type")
        if kind == "object" and "properties" in node:
            for name, sub in node["properties"].items():
                if name not in NOT_FREE_TEXT and name != "history":
                    walk(sub, (*path, name))
        elif kind == "object" and isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], (*path, "{}"))
        elif kind == "array":
            walk(node.get("items", {}), (*path, "[]"))
        elif kind == "string" and "enum" not in node and "format" not in node:
            found.append(path)

    walk(schema, ())
    return sorted(set(found))


@cache
def free_text_patterns() -> tuple[tuple[str, ...], ...]:
    return tuple(_free_text_paths(project_schema()))


def _locations(
    data: Any, pattern: tuple[str, ...], at: tuple[Any, ...] = ()
) -> Iterator[tuple[Any, ...]]:
    """Every concrete location in ``data`` matching ``pattern`` whose value is a string."""
    if not pattern:
        if isinstance(data, str):
            yield at
        return
    step, rest = pattern[0], pattern[1:]
    if step == "[]" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _locations(item, rest, (*at, index))
    elif step == "{}" and isinstance(data, dict):
        for key, item in data.items():
            yield from _locations(item, rest, (*at, key))
    elif isinstance(data, dict) and step in data:
        yield from _locations(data[step], rest, (*at, step))


@cache
def example_data(index: int) -> str:
    return EXAMPLE_FILES[index].read_text(encoding="utf-8")


def text_locations(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every free-text location of a project's JSON data."""
    return [loc for pattern in free_text_patterns() for loc in _locations(data, pattern)]


def _set(data: Any, location: tuple[Any, ...], value: str) -> None:
    for step in location[:-1]:
        data = data[step]
    data[location[-1]] = value


@st.composite
def hostile_projects(draw: st.DrawFn) -> tuple[str, str]:
    """``(json_text, legal_name)``: an example project with hostile text in some fields; its
    legal name (printed in every format) is always one of them."""
    data = json.loads(example_data(draw(st.integers(0, len(EXAMPLE_FILES) - 1))))
    locations = text_locations(data)
    chosen = draw(st.lists(st.sampled_from(locations), max_size=6, unique=True))
    for location in chosen:
        _set(data, location, draw(hostile_text))
    name = draw(hostile_text)
    data["organisation"]["legal_name"] = name
    return json.dumps(data, ensure_ascii=False), name


_WORD = re.compile(r"[^\W_]+")


def visible_words(text: str, limit: int = 20) -> list[str]:
    """Runs of letters and digits of ``text`` (NFC) that any faithful rendering shows as they
    are, whatever it escapes or drops around them."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    return list(dict.fromkeys(words))[:limit]
