"""The project file: versioned, human-readable JSON, with a published JSON Schema.

Loading never raises anything but :class:`ProjectFileError`, whose ``problems`` name each field by
its path (``recipients[2].country: unknown country code 'XX'``). Reading is strict: only regular
files up to :data:`MAX_FILE_BYTES` are read (a FIFO or a device is refused without waiting on it),
a key given twice in one object is refused with its path (otherwise an editor would show one value
and the app use the other), types are not coerced (``"30"`` is not a number), and numbers with
thousands of digits or arrays nested thousands deep are refused instead of exhausting the
interpreter. Saving is atomic: the JSON is written to a temporary file in the same folder, flushed
to disk, and renamed over the target, so a crash leaves either the old file or the new one, never
half of one.
"""

from __future__ import annotations

import enum
import json
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from wizard.fileio import atomic_write_bytes
from wizard.languages import LANGUAGES
from wizard.model.answers import FORMAT_VERSION as FORMAT_VERSION
from wizard.model.answers import Project
from wizard.model.fields import LocalText

SCHEMA_ID = "https://privacy-wizard.invalid/schema/project-v4.json"
FILE_SUFFIX = ".privacy.json"
#: The largest project file read: a real project with years of history is well under 1 MB.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Longest number accepted in a project file (no answer needs more than a few digits).
_MAX_DIGITS = 30


class ProjectFileError(Exception):
    """A project file that cannot be read; ``problems`` lists each one with its field path."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        """One line for a status bar or stderr."""
        first = self.problems[0] if self.problems else "unknown problem"
        more = len(self.problems) - 1
        extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
        return f"{self.source}: {first}{extra}"


def _validated(data: dict[str, Any], source: str) -> Project:
    """``data`` as a project; :class:`ProjectFileError` with every problem when it is none."""
    try:
        return Project.model_validate_json(msgspec.json.encode(data))
    except msgspec.ValidationError as exc:
        # Read again field by field, to name every problem of the file, not only the first.
        from wizard.model.file_problems import problem_text, problems_of

        problems = problems_of(data, Project) or [problem_text(exc)]
        raise ProjectFileError(source, problems) from None


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj and key not in obj.duplicates:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise ValueError(f"a number with {len(digits.lstrip('-'))} digits is far too long")
    return int(digits)


def _float(text: str) -> float:
    if len(text) > _MAX_DIGITS + 10:
        raise ValueError(f"a number written with {len(text)} characters is far too long")
    return float(text)


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _duplicate_keys(data: Any) -> list[str]:
    """The path of every key given twice, in file order (iterative: no depth limit)."""
    found: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        children: list[tuple[Any, str]] = []
        if isinstance(value, _Object):
            for key in value.duplicates:
                found.append(f"{path}.{key}" if path else key)
            children = [(v, f"{path}.{k}" if path else k) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(v, f"{path}[{i}]") for i, v in enumerate(value)]
        stack.extend(reversed(children))
    return found


def _parse(text: str, source: str) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            source,
            [
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                "the file may be truncated or not a project file"
            ],
        ) from None
    except RecursionError:
        raise ProjectFileError(
            source, ["not a project file: its lists or objects are nested far too deeply"]
        ) from None
    except ValueError as exc:
        raise ProjectFileError(source, [f"not a project file: {exc}"]) from None


def loads_project(text: str, source: str = "project") -> Project:
    """Parse and validate a project from JSON text."""
    if not text.strip():
        raise ProjectFileError(source, ["the file is empty"])
    data = _parse(text, source)
    duplicates = _duplicate_keys(data)
    if duplicates:
        raise ProjectFileError(
            source,
            [
                f"{path}: this key is given more than once (which one counts would depend on "
                "the program reading the file); keep one"
                for path in duplicates
            ],
        )
    if not isinstance(data, dict):
        raise ProjectFileError(source, ["the file holds no project (expected a JSON object)"])
    version = data.get("format_version")
    if version is None:
        raise ProjectFileError(source, ["format_version: required field is missing"])
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(source, [f"format_version: not a format version: {version!r}"])
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            source,
            [
                f"format_version: the file uses format {version}, made by a newer version of "
                f"Privacy Wizard; this version reads format {FORMAT_VERSION} and older. "
                "Please update the app to open it."
            ],
        )
    data = {k: v for k, v in data.items() if k != "$schema"}
    data = _migrate(data, version)
    try:
        # Strict: JSON's own types only ("30" is no number, 1 is no text); dates and choices
        # are read from their JSON text as usual.
        return _validated(data, source)
    except RecursionError:
        raise ProjectFileError(source, ["the file is nested far too deeply"]) from None


def _add_history(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 had no history of published versions: it gets an empty one."""
    return {**data, "history": data.get("history", [])}


def _each_answers(
    data: dict[str, Any], fill: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """``fill`` applied to the answers and to the answers of every published version."""
    data = fill(data)
    history = data.get("history")
    if isinstance(history, list):
        data["history"] = [
            {**v, "answers": fill(v["answers"])}
            if isinstance(v, dict) and isinstance(v.get("answers"), dict)
            else v
            for v in history
        ]
    return data


#: The categories whose name format 2 printed with "such as ..." examples.
_CATEGORIES_WITH_EXAMPLES = frozenset(
    {
        "identity",
        "contact",
        "health",
        "appointment",
        "payment",
        "account",
        "usage",
        "device",
        "application",
    }
)


def _add_data_details(data: dict[str, Any]) -> dict[str, Any]:
    """Format 3 records what each data category holds per purpose (``data_details``); older
    formats printed fixed examples ("such as name, date of birth, sex") for every category.

    A project that was published keeps what its published policy said: the examples become its
    details, in all four languages, so the next version does not change silently and the user
    can now edit them. A project never published claims nothing: its categories print by name
    only until the user says what they hold. The snapshots of published versions get the same
    details, so comparing versions reports no change the user did not make.
    """
    from wizard.model.answers import LANGUAGES
    from wizard.model.details import proposed_details

    published = bool(data.get("history"))

    def fill(answers: dict[str, Any]) -> dict[str, Any]:
        org = answers.get("organisation") or {}
        country = org.get("country") or (org.get("address") or {}).get("country")
        purposes = answers.get("purposes")
        if not isinstance(purposes, list):
            return answers
        filled = []
        for purpose in purposes:
            if isinstance(purpose, dict) and "data_details" not in purpose:
                details: dict[str, dict[str, str]] = {}
                if published:
                    for category in purpose.get("data_categories") or []:
                        if not isinstance(category, str):
                            continue
                        # Only the categories that printed examples keep them.
                        if category not in _CATEGORIES_WITH_EXAMPLES:
                            continue
                        texts = proposed_details(category, country, LANGUAGES)
                        if texts:
                            details[category] = texts
                purpose = {**purpose, "data_details": details}
            filled.append(purpose)
        return {**answers, "purposes": filled}

    return _each_answers(data, fill)


def _add_age_range(data: dict[str, Any]) -> dict[str, Any]:
    """Format 4 records the ages the services are meant for (``children.youngest_age`` and
    ``oldest_age``) apart from the Art. 8 threshold. Format 3 knew only whether the services
    were meant for children, which its policy printed as "also intended for children": that is
    no lower and no upper limit, so the policy of a migrated file says what it said before."""

    def fill(answers: dict[str, Any]) -> dict[str, Any]:
        children = answers.get("children")
        if not isinstance(children, dict):
            return answers
        return {
            **answers,
            "children": {"youngest_age": None, "oldest_age": None, **children},
        }

    return _each_answers(data, fill)


#: The migration steps, oldest first. Each adds one field and runs on every older file whatever
#: its number says: a step only fills what is absent, so steps written at different times (or
#: on different branches that both raise the format number) compose in any order.
_STEPS = (_add_history, _add_data_details, _add_age_range)


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older format up to :data:`FORMAT_VERSION`, one step at a time."""
    if version < FORMAT_VERSION:
        for step in _STEPS:
            data = step(data)
    data["format_version"] = FORMAT_VERSION
    return data


def read_limited(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`ProjectFileError` else.

    The file is opened without blocking, so a FIFO or a device is refused at once instead of
    hanging or filling the memory.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ProjectFileError(str(p), ["no such file"]) from None
    except IsADirectoryError:
        raise ProjectFileError(str(p), ["this is a folder, not a project file"]) from None
    except OSError as exc:
        raise ProjectFileError(str(p), [f"cannot be read: {exc.strerror or exc}"]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ProjectFileError(str(p), ["this is a folder, not a project file"])
        if not stat.S_ISREG(info.st_mode):
            raise ProjectFileError(
                str(p), ["not a regular file (a device, pipe or socket cannot be a project)"]
            )
        if info.st_size > limit:
            raise ProjectFileError(
                str(p),
                [
                    f"the file is {info.st_size / 1_048_576:.1f} MB; project files are "
                    f"limited to {limit / 1_048_576:.0f} MB, far above any real project"
                ],
            )
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while being read
                raise ProjectFileError(
                    str(p), [f"project files are limited to {limit / 1_048_576:.0f} MB"]
                )
        return b"".join(chunks)
    except OSError as exc:
        raise ProjectFileError(str(p), [f"cannot be read: {exc.strerror or exc}"]) from None
    finally:
        os.close(fd)


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file."""
    p = Path(path)
    raw = read_limited(p)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFileError(str(p), ["not a text file (expected UTF-8 JSON)"]) from None
    return loads_project(text, source=str(p))


def dumps_project(project: Project) -> str:
    """The project as stable, indented JSON (field order fixed, so it diffs well in git)."""
    data = project.model_dump(mode="json")
    data.pop("format_version", None)
    history = data.pop("history", [])
    # The version first, the answers in model order, the (long) history of versions last.
    ordered = {"$schema": SCHEMA_ID, "format_version": FORMAT_VERSION, **data, "history": history}
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Save atomically: the old file stays intact until the new one is complete."""
    atomic_write_bytes(path, dumps_project(project).encode("utf-8"))


def _schema_hook(kind: type) -> dict[str, Any]:
    if kind is LocalText:
        return {
            "type": "object",
            "description": "A text in each language it is written in.",
            "propertyNames": {"enum": list(LANGUAGES)},
            "additionalProperties": {"type": "string"},
        }
    raise NotImplementedError


def project_schema() -> dict[str, Any]:
    """The JSON Schema of the project file."""
    from wizard.model import vocabularies

    generated = msgspec.json.schema(Project, schema_hook=_schema_hook)
    definitions = generated["$defs"]
    # The closed lists in the order they are defined (the order the wizard offers them).
    for name, definition in definitions.items():
        kind = getattr(vocabularies, name, None)
        if isinstance(kind, type) and issubclass(kind, enum.Enum) and "enum" in definition:
            definition["enum"] = [member.value for member in kind]
    root = definitions.pop("Project")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **root,
        "$defs": definitions,
    }
    schema["title"] = "Privacy Wizard project"
    props = schema.setdefault("properties", {})
    props["$schema"] = {"type": "string", "description": "The schema this file follows."}
    props["format_version"] = {
        **props.get("format_version", {}),
        "const": FORMAT_VERSION,
        "description": "The format of the file (older formats are migrated when loaded).",
    }
    schema["required"] = sorted({*schema.get("required", []), "format_version"})
    # List the properties in the order a saved file has them.
    first = ["$schema", "format_version"]
    schema["properties"] = {
        **{k: props[k] for k in first},
        **{k: v for k, v in props.items() if k not in first},
    }
    return schema
