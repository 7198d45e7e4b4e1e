"""The project file: versioned, human-readable JSON, with a published JSON Schema.

Loading never raises anything but :class:`ProjectFileError`, whose ``problems`` name each field by
its path (``recipients[2].country: unknown country code 'XX'``). Saving is atomic: the JSON is
written to a temporary file in the same folder, flushed to disk, and renamed over the target, so
a crash leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.fileio import atomic_write_bytes
from wizard.model.answers import Project

#: The project-file format this version writes and reads.
FORMAT_VERSION = 2
SCHEMA_ID = "https://privacy-wizard.invalid/schema/project-v2.json"
FILE_SUFFIX = ".privacy.json"


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


_RELATIVE_PATH = re.compile(r"^[a-z_][a-z0-9_]*(\[\d+\]|\.[a-z_][a-z0-9_]*)*: ")


def _path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _message(error: Any) -> str:
    msg: str = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    if error["type"] == "extra_forbidden":
        msg = "unknown field (not part of this project format)"
    elif error["type"] == "missing":
        msg = "required field is missing"
    return msg


def _problems(exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors():
        # RootModel values (LocalText) add a "root" step that means nothing to a user.
        loc = [p for p in error["loc"] if p != "root"]
        message = _message(error)
        if _RELATIVE_PATH.match(message):
            # Cross-field checks name the field, relative to the object they check.
            prefix = _path(loc)
            problems.append(f"{prefix}.{message}" if prefix else message)
            continue
        problems.append(f"{_path(loc) or '(file)'}: {message}")
    return problems


def loads_project(text: str, source: str = "project") -> Project:
    """Parse and validate a project from JSON text."""
    if not text.strip():
        raise ProjectFileError(source, ["the file is empty"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            source,
            [
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                "the file may be truncated or not a project file"
            ],
        ) from None
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
        return Project.model_validate(data)
    except ValidationError as exc:
        raise ProjectFileError(source, _problems(exc)) from None


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older format up to :data:`FORMAT_VERSION`, one step at a time.

    Format 1 (the first) had no history of published versions: it gets an empty one. A future
    step that changes the answers must change the snapshots in ``history[].answers`` too.
    """
    if version < 2:
        data = {**data, "history": data.get("history", [])}
    data["format_version"] = FORMAT_VERSION
    return data


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(str(p), ["no such file"]) from None
    except IsADirectoryError:
        raise ProjectFileError(str(p), ["this is a folder, not a project file"]) from None
    except OSError as exc:
        raise ProjectFileError(str(p), [f"cannot be read: {exc.strerror or exc}"]) from None
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


def project_schema() -> dict[str, Any]:
    """The JSON Schema of the project file."""
    schema = Project.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
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
