"""The UI's translator: ``_`` translates a message into the UI language (gettext domain ``ui``).

The UI language is chosen once at start-up (:func:`set_ui_language`); every UI module imports
``_`` from here instead of relying on a global builtin.
"""

from __future__ import annotations

from wizard.i18n import translation

_state: dict[str, str] = {"lang": "en"}


def set_ui_language(lang: str) -> None:
    """Use ``lang`` for every message translated from now on."""
    _state["lang"] = lang


def ui_language() -> str:
    """The current UI language code."""
    return _state["lang"]


def text_language(languages: list[str]) -> str:
    """The language to show the user's own texts in (a purpose's name, a recipient's category):
    the UI language when the policy is written in it, else the first output language."""
    if _state["lang"] in languages:
        return _state["lang"]
    return languages[0] if languages else "en"


def _(message: str) -> str:
    """``message`` in the UI language."""
    return translation("ui", _state["lang"]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the UI language."""
    return translation("ui", _state["lang"]).ngettext(singular, plural, n)
