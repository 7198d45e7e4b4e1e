"""The problems of a project file's data, each as ``path: message`` (``recipients[2].country:
unknown country code 'XX'``), in words a person reads: msgspec's messages ("Expected `int`, got
`str`") are said again plainly.

Reading a file stops at its first problem (:meth:`~wizard.model.fields.Strict.model_validate_json`,
in C); only a file that has one is read again here, field by field down the whole file, so that
the person sees every problem at once.
"""

from __future__ import annotations

import enum
import re
import types
from typing import Any, Union, get_args, get_origin

import msgspec

from wizard.model.fields import Strict, decode_hook

__all__ = ["problem_text", "problems_of"]


def problems_of(data: Any, kind: type[Strict]) -> list[str]:
    """Every problem of ``data`` (plain JSON data) read as a ``kind``."""
    return _object_problems(data, kind, "")


#: A message that starts with a field's path relative to the object it checks.
_RELATIVE_PATH = re.compile(r"^[a-z_][a-z0-9_]*(\[\d+\]|\.[a-z_][a-z0-9_]*)*: ")
#: msgspec's "<message> - at `$.path`".
_AT_PATH = re.compile(r"(.*) - at `\$(.*)`", re.DOTALL)
#: A step of such a path: ``.name`` or ``[index]``.
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")

#: msgspec's names of JSON's types, as the problems name them.
_KINDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "null": "null",
    "array": "a list",
    "object": "an object",
}

#: The most problems a file is reported with (each needs another look at the whole file).
_MAX_PROBLEMS = 20


def _kind(name: str) -> str:
    return _KINDS.get(name, name)


def _wording(message: str) -> tuple[str | None, str]:
    """A validation message as the problem says it: the field it is about when the message
    names one below the path (a missing or unknown field), and the words."""
    if found := re.fullmatch(r"Object contains unknown field `(.*)`", message):
        return found[1], "unknown field (not part of this project format)"
    if found := re.fullmatch(r"Object missing required field `(.*)`", message):
        return found[1], "required field is missing"
    if found := re.fullmatch(r"Expected `([^`]+)`, got `(\w+)`", message):
        wanted = " or ".join(_kind(k.strip()) for k in found[1].split("|"))
        return None, f"expected {wanted}, not {_kind(found[2])}"
    if found := re.fullmatch(r"Expected `(\w+)` ([<>]=) (-?\d+)", message):
        bound = "at least" if found[2] == ">=" else "at most"
        return None, f"expected {_kind(found[1])} of {bound} {found[3]}"
    if found := re.fullmatch(r"Expected `str` of length >= 1", message):
        return None, "must not be empty"
    if found := re.fullmatch(r"Invalid enum value (.*)", message):
        return None, f"{found[1]} is not one of the values this field takes"
    if message.startswith("Invalid RFC3339 encoded date"):
        return None, "not a date (expected the form 2025-01-31)"
    return None, message


def _join(path: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{step}" if path else step


def _described(exc: Exception, where: str) -> str:
    """The problem ``exc`` reports about the value at ``where``, as ``path: message``."""
    message, inner = str(exc), ""
    if found := _AT_PATH.fullmatch(message):
        message, inner = found[1], found[2].replace("[...]", "")
    where += inner
    if _RELATIVE_PATH.match(message):
        # Checks of an object name the field relative to that object.
        return f"{where}.{message}" if where else message
    field, words = _wording(message)
    if field is not None:
        where = _join(where, field)
    return f"{where or '(file)'}: {words}"


def problem_text(exc: msgspec.ValidationError) -> str:
    """A problem msgspec found in plain data, as ``path: message``."""
    return _described(exc, "")


def _struct_of(hint: Any) -> tuple[type[Strict] | None, bool]:
    """The answers class ``hint`` names (``X`` or ``X | None``), and whether it may be null."""
    args = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    optional = type(None) in args
    kinds = [a for a in args if a is not type(None)]
    if len(kinds) == 1 and isinstance(kinds[0], type) and issubclass(kinds[0], Strict):
        return kinds[0], optional
    return None, optional


def _object_problems(data: Any, kind: type[Strict], where: str) -> list[str]:
    """Every problem of ``data`` read as a ``kind``, field by field, down the whole file."""
    if not isinstance(data, dict):
        return [
            _described(
                msgspec.ValidationError(f"Expected `object`, got `{_json_kind(data)}`"), where
            )
        ]
    fields = {f.encode_name: f for f in msgspec.structs.fields(kind)}
    problems = [
        f"{_join(where, key)}: unknown field (not part of this project format)"
        for key in data
        if key not in fields
    ]
    for name, info in fields.items():
        if name not in data:
            if info.required:
                problems.append(f"{_join(where, name)}: required field is missing")
            continue
        problems += _value_problems(data[name], info.type, name, _join(where, name))
    if not problems:
        try:
            msgspec.convert(data, kind, strict=True, dec_hook=decode_hook)
        except msgspec.ValidationError as exc:
            problems.append(_described(exc, where))
    return problems


def _value_problems(value: Any, hint: Any, name: str, where: str) -> list[str]:
    struct, optional = _struct_of(hint)
    if struct is not None:
        if value is None and optional:
            return []
        return _object_problems(value, struct, where)
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        struct, _ = _struct_of(item)
        if struct is not None and isinstance(value, list):
            return [
                p for i, v in enumerate(value) for p in _object_problems(v, struct, f"{where}[{i}]")
            ]
    try:
        checked = msgspec.convert(value, hint, strict=True, dec_hook=decode_hook)
    except msgspec.ValidationError as exc:
        problem = _described(exc, where)
        choices = _choices(hint)
        if choices and " is not one of the values this field takes" in problem:
            problem = problem.replace(
                " is not one of the values this field takes",
                f" is not one of {', '.join(repr(choice) for choice in choices)}",
            )
        return [problem]
    try:
        Strict.check_value(hint, checked)
    except ValueError as exc:
        return [f"{where}: {exc}"]
    return []


def _choices(hint: Any) -> list[str]:
    """The values of the closed list ``hint`` names (inside a list, a mapping or ``| None``)."""
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return [str(member.value) for member in hint]
    for arg in get_args(hint):
        if found := _choices(arg):
            return found
    return []


def _json_kind(value: Any) -> str:
    kinds = {str: "str", bool: "bool", int: "int", float: "float", list: "array", dict: "object"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)
