"""The base of every answers object and the checked field types (country, language, e-mail,
web address); :class:`LocalText`, the person's own words in each output language, comes from
:mod:`wizard.model.local_text` and is importable from here too.

The answers are :mod:`msgspec` structs: their classes are made in microseconds (the answers
model is loaded right after the window first shows, see README "Speed"), and a project file is
read and type-checked in C. :class:`Strict` adds what the answers need on top:

- every text is stripped of surrounding white space, and the checks a type names with
  :class:`Check` (a country code, an e-mail address, ...) run on it, when an object is made, read
  from a file, or a field is assigned;
- a value of the wrong type is refused on assignment as on creation (``org.email = 3`` raises);
- a class checks the object as a whole in ``_check`` (e.g. that a recipient has a name or a
  category), after creation and after every assignment.

A problem is a ``ValueError`` whose message starts with the field's path relative to the object
(``country: unknown country code 'XX'``); :mod:`wizard.model.file_problems` prefixes the path of the
object in the file.
"""

from __future__ import annotations

import copy
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Annotated, Any, ClassVar, Self, Union, get_args, get_origin

import msgspec
from msgspec import Meta

from wizard.languages import LANGUAGES
from wizard.model.countries import is_country_code
from wizard.model.local_text import LocalText, plain

__all__ = [
    "Check",
    "CountryCode",
    "Email",
    "Language",
    "LocalText",
    "Meta",
    "NonEmpty",
    "Strict",
    "Url",
    "complete_url",
    "decode_hook",
    "encode_hook",
    "plain",
    "unique",
]


class Check:
    """A check of a field's value, named in its type: ``Annotated[str, Check(func)]``. ``func``
    gets the value (a text already stripped of surrounding white space) and returns the value to
    keep, or raises ``ValueError`` saying what is wrong."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func


def unique(values: list[Any]) -> list[Any]:
    """``values`` without repetitions, in their order (a choice ticked twice counts once)."""
    return list(dict.fromkeys(values))


def _country(value: str) -> str:
    value = value.upper()
    if not is_country_code(value):
        raise ValueError(f"unknown country code {value!r}")
    return value


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r} (choose from {', '.join(LANGUAGES)})")
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


#: A bare host name as people type it ("www.example.nl", "example.com/privacy").
_BARE_HOST = re.compile(r"^[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)
_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)


def complete_url(value: str) -> str:
    """``www.example.nl`` -> ``https://www.example.nl``; anything else unchanged."""
    value = value.strip()
    return "https://" + value if _BARE_HOST.match(value) else value


def _url(value: str) -> str:
    value = complete_url(value)
    if not _URL.match(value):
        raise ValueError(f"not a web address starting with http:// or https://: {value!r}")
    return value


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


CountryCode = Annotated[
    str,
    Meta(description="An ISO 3166-1 alpha-2 country code.", examples=["NL", "DE"]),
    Check(_country),
]


Language = Annotated[str, Meta(extra_json_schema={"enum": list(LANGUAGES)}), Check(_language)]


Email = Annotated[str, Meta(extra_json_schema={"format": "email"}), Check(_email)]


Url = Annotated[str, Meta(extra_json_schema={"format": "uri"}), Check(_url)]


NonEmpty = Annotated[str, Meta(min_length=1), Check(_non_empty)]


def decode_hook(kind: type, value: Any) -> Any:
    """How :mod:`msgspec` makes the types it does not know from JSON values."""
    if kind is LocalText:
        return value if isinstance(value, LocalText) else LocalText(value)
    raise NotImplementedError(f"no decoder for {kind!r}")


def encode_hook(value: Any) -> Any:
    """How :mod:`msgspec` writes the types it does not know as JSON values."""
    if isinstance(value, LocalText):
        return value.root
    raise NotImplementedError(f"cannot write {type(value).__name__}")


def _strip(value: str) -> str:
    return value.strip()


def _checker(hint: Any) -> Callable[[Any], Any] | None:
    """What a value of type ``hint`` goes through after its type is checked: its texts stripped
    and the :class:`Check` s its type names run (``None``: nothing to do)."""
    origin = get_origin(hint)
    if origin is Annotated:
        base, *extras = get_args(hint)
        inner = _checker(base)
        funcs = [extra.func for extra in extras if isinstance(extra, Check)]
        if not funcs:
            return inner
        steps = [inner, *funcs] if inner else funcs

        def run(value: Any) -> Any:
            for step in steps:
                value = step(value)
            return value

        return run
    if hint is str:
        return _strip
    if origin in (Union, types.UnionType):
        # The value's type is one of the union's already: the checker of that one runs.
        choices = [(_runtime_class(arg), _checker(arg)) for arg in get_args(hint)]
        if all(checker is None for _, checker in choices):
            return None

        def either(value: Any) -> Any:
            for kind, checker in choices:
                if isinstance(value, kind):
                    return value if checker is None else checker(value)
            return value

        return either
    if origin is list:
        (item,) = get_args(hint)
        each = _checker(item)
        return None if each is None else (lambda value: [each(v) for v in value])
    if origin is dict:
        key, item = (_checker(arg) for arg in get_args(hint))
        if key is None and item is None:
            return None
        keys = key or (lambda k: k)
        items = item or (lambda v: v)
        return lambda value: {keys(k): items(v) for k, v in value.items()}
    return None


def _runtime_class(hint: Any) -> type:
    """The class a value of type ``hint`` is an instance of (``list`` for ``list[str]``)."""
    while get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    origin = get_origin(hint)
    kind = origin if isinstance(origin, type) else hint
    return kind if isinstance(kind, type) else object


def _prefixed(name: str, exc: Exception) -> str:
    """``exc``'s message as a problem of the field ``name`` (a path inside the value kept)."""
    message = str(exc)
    found = re.fullmatch(r"(.*) - at `\$(.*)`", message, re.DOTALL)
    if found:
        message, inner = found.groups()
        if inner.startswith("[...]"):  # a dict key msgspec does not name
            inner = inner[len("[...]") :]
        name += inner
    if re.match(r"^[A-Za-z_0-9\[\]]+: ", message) and not message.startswith(("http", "Expected")):
        return f"{name}.{message}" if not message.startswith("[") else f"{name}{message}"
    return f"{name}: {message}"


class _Field:
    """How one field of a :class:`Strict` class is checked."""

    __slots__ = ("checker", "hint", "name")

    def __init__(self, name: str, hint: Any) -> None:
        self.name = name
        self.hint = hint
        self.checker = _checker(hint)

    def check(self, value: Any) -> Any:
        try:
            value = msgspec.convert(value, self.hint, strict=False, dec_hook=decode_hook)
            return value if self.checker is None else self.checker(value)
        except (ValueError, TypeError) as exc:
            raise ValueError(_prefixed(self.name, exc)) from None


class Strict(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Base of every answers object: unknown fields are errors, values are checked on creation,
    when read from a file and on assignment. A subclass says ``kw_only=True`` too (msgspec does
    not pass it on): its fields are given by name, so a required one may follow one with a
    default."""

    #: The fields and how each is checked, made on the class's first use.
    __checks: ClassVar[dict[type, dict[str, _Field]]] = {}
    __defaults: ClassVar[dict[type, dict[str, Any]]] = {}

    @classmethod
    def _fields(cls) -> dict[str, _Field]:
        fields = Strict.__checks.get(cls)
        if fields is None:
            fields = {f.name: _Field(f.name, f.type) for f in msgspec.structs.fields(cls)}
            Strict.__checks[cls] = fields
        return fields

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        """Each field with a default: the default value, or the ``msgspec`` factory of it."""
        defaults = Strict.__defaults.get(cls)
        if defaults is None:
            names = cls.__struct_fields__
            tail = names[len(names) - len(cls.__struct_defaults__) :]
            defaults = {
                name: default
                for name, default in zip(tail, cls.__struct_defaults__, strict=True)
                if default is not msgspec.NODEFAULT
            }
            Strict.__defaults[cls] = defaults
        return defaults

    def __post_init__(self) -> None:
        setter = msgspec.Struct.__setattr__
        defaults = self._defaults()
        fields: dict[str, _Field] | None = None
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if name in defaults and _is_default(value, defaults[name]):
                continue  # a default needs no check (and a new object is mostly defaults)
            if fields is None:
                fields = self._fields()
            checked = fields[name].check(value)
            if checked is not value:
                setter(self, name, checked)
        self._check()

    def __setattr__(self, name: str, value: Any) -> None:
        self.assign(**{name: value})

    def assign(self, **values: Any) -> None:
        """Change several fields at once: each value is checked, then the object as a whole
        (a rule across fields, such as an age range, holds after the change, not in between).
        Nothing changes when a check fails."""
        fields = self._fields()
        checked: dict[str, Any] = {}
        for name, value in values.items():
            field = fields.get(name)
            if field is None:
                raise AttributeError(f"{type(self).__name__} has no field {name!r}")
            checked[name] = field.check(value)
        old = {name: getattr(self, name) for name in checked}
        for name, value in checked.items():
            msgspec.Struct.__setattr__(self, name, value)
        try:
            self._check()
        except ValueError:
            for name, value in old.items():
                msgspec.Struct.__setattr__(self, name, value)
            raise

    @staticmethod
    def check_value(hint: Any, value: Any) -> Any:
        """``value``, of type ``hint`` already, with its texts stripped and the checks its type
        names run (``ValueError`` when one fails)."""
        checker = _checker(hint)
        return value if checker is None else checker(value)

    def _check(self) -> None:
        """Check the object as a whole (a subclass's rules across fields); raise
        ``ValueError`` naming the field (``"name: ..."``)."""

    # --- copies, dumps and reads (the names the rest of the app uses) -------------------------

    @classmethod
    def model_validate(cls, data: Any, *, strict: bool = False) -> Self:
        """An object of this class from plain data (dicts, lists, texts, numbers), checked;
        ``msgspec.ValidationError`` (a ``ValueError``) names the first problem's path."""
        return msgspec.convert(data, cls, strict=strict, dec_hook=decode_hook)

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Self:
        """An object of this class read from JSON text, strictly (``"30"`` is no number)."""
        return msgspec.json.decode(text, type=cls, strict=True, dec_hook=decode_hook)

    def model_dump(
        self, *, mode: str = "python", exclude: Iterable[str] | Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """The object as plain data. ``mode="json"``: only JSON's types (dates as text);
        ``exclude``: field names left out, or a mapping of a field name to ``True`` (left
        out) or to the names left out of that field's object."""
        builtin = () if mode == "json" else (_date_types())
        data: dict[str, Any] = msgspec.to_builtins(
            self, enc_hook=encode_hook, builtin_types=builtin, order=None
        )
        if exclude:
            _exclude(data, exclude)
        return data

    def model_dump_json(self) -> str:
        """The object as compact JSON text."""
        return msgspec.json.encode(self, enc_hook=encode_hook).decode()

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        # The values were checked when they were set: a copy takes them as they are.
        made = copy.copy(self)
        memo[id(self)] = made
        for name in self.__struct_fields__:
            msgspec.Struct.__setattr__(made, name, copy.deepcopy(getattr(self, name), memo))
        return made

    def model_copy(self, *, deep: bool = False, update: Mapping[str, Any] | None = None) -> Self:
        """A copy: of the object alone, or (``deep``) of everything in it, with the fields in
        ``update`` changed (each checked, then the object as a whole)."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        if update:
            fields = self._fields()
            for name, value in update.items():
                if name not in fields:
                    raise AttributeError(f"{type(self).__name__} has no field {name!r}")
                msgspec.Struct.__setattr__(made, name, fields[name].check(value))
            made._check()  # once, the fields changed together
        return made


def _is_default(value: Any, default: Any) -> bool:
    """Whether ``value`` is the field's default as the class made it: the default value itself,
    an empty list or mapping from a factory of one, or an object its factory made (checked when
    it was made)."""
    if isinstance(default, _FACTORY):
        made = default.factory
        if made in (list, dict):
            return type(value) is made and not value
        return isinstance(made, type) and type(value) is made
    return value is default


class _Probe(msgspec.Struct):
    items: list[int] = msgspec.field(default_factory=list)


#: The class msgspec keeps a ``field(default_factory=...)`` default in.
_FACTORY = type(_Probe.__struct_defaults__[0])


def _date_types() -> tuple[type, ...]:
    import datetime

    return (datetime.date,)


def _exclude(data: dict[str, Any], exclude: Iterable[str] | Mapping[str, Any]) -> None:
    items: Iterator[tuple[str, Any]] = (
        iter(exclude.items()) if isinstance(exclude, Mapping) else ((n, True) for n in exclude)
    )
    for name, what in items:
        if what is True:
            data.pop(name, None)
        elif isinstance(data.get(name), dict):
            _exclude(data[name], what)
