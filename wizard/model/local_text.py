"""The person's own words in each output language: :class:`LocalText`, one text per language
(``{"en": "...", "nl": "..."}``), so that a Dutch document never borrows an English sentence.
Importable from :mod:`wizard.model.fields` and :mod:`wizard.model.answers` too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wizard.languages import LANGUAGES, SOURCE

__all__ = ["LocalText", "plain"]


class LocalText:
    """A user's own text in one or more output languages, e.g. ``{"en": "...", "nl": "..."}``.

    Texts are stripped, and a language whose text is empty is left out; a language that is not
    one of the documents' is refused."""

    __slots__ = ("root",)
    __hash__ = None  # type: ignore[assignment]  # it can change, like a dict

    root: dict[str, str]

    def __init__(self, root: Mapping[str, str] | None = None) -> None:
        texts: dict[str, str] = {}
        if root is None:
            root = {}
        if not isinstance(root, Mapping):
            raise ValueError(f"expected texts by language, got {type(root).__name__}")
        for lang, text in root.items():
            if not isinstance(lang, str) or lang not in LANGUAGES:
                raise ValueError(
                    f"{lang}: unsupported language {lang!r} (choose from {', '.join(LANGUAGES)})"
                )
            if not isinstance(text, str):
                raise ValueError(f"{lang}: expected text, got {type(text).__name__}")
            if text := text.strip():
                texts[lang] = text
        self.root = texts

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalText):
            return self.root == other.root
        return NotImplemented

    def __repr__(self) -> str:
        return f"LocalText({self.root!r})"

    def __copy__(self) -> LocalText:
        return _local_text(dict(self.root))

    def __deepcopy__(self, memo: dict[int, Any]) -> LocalText:
        return _local_text(dict(self.root))

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or ``None`` when it was not given in that language."""
        return self.root.get(lang)

    def languages(self) -> set[str]:
        """The languages this text is available in."""
        return set(self.root)

    def text_in(self, lang: str | None) -> str:
        """The text for a reader of ``lang``: in ``lang``, else in the source language, else in
        the first registered language that has it ("" when it is written in none)."""
        found = self.pick(lang)
        return found[1] if found else ""

    def pick(self, lang: str | None) -> tuple[str, str] | None:
        """The language and the text :meth:`text_in` gives (``None`` when there is none)."""
        for code in (lang, SOURCE, *LANGUAGES):
            if code and (text := self.root.get(code)):
                return code, text
        return None

    @classmethod
    def join(cls, parts: Iterable[LocalText | str], sep: str = ", ") -> LocalText | str:
        """``parts`` (texts, or plain strings that read the same in every language) joined with
        ``sep``, language by language; a plain string when no part is a text."""
        items = list(parts)
        langs = [
            lang
            for lang in LANGUAGES
            if any(isinstance(p, LocalText) and lang in p.root for p in items)
        ]
        if not langs:
            return sep.join(plain(p, None) for p in items)
        return cls({lang: sep.join(plain(p, lang) for p in items) for lang in langs})

    def model_validate(self, data: Mapping[str, str]) -> LocalText:
        """A new text from ``data`` (checked as on creation)."""
        return LocalText(data)

    def __bool__(self) -> bool:
        return bool(self.root)


def _local_text(texts: dict[str, str]) -> LocalText:
    """A :class:`LocalText` of texts already checked (a copy)."""
    text = LocalText.__new__(LocalText)
    text.root = texts
    return text


def plain(value: LocalText | str, lang: str | None) -> str:
    """``value`` for a reader of ``lang``: a text in that language (:meth:`LocalText.text_in`),
    a plain string as it is."""
    return value.text_in(lang) if isinstance(value, LocalText) else value
