"""gettext translators, one per (domain, language), loaded from compiled catalogues.

Two domains: ``ui`` for the wizard's own words and ``policy`` for the legal text. The engine never
uses a global ``_``: it asks for the translator of the document's language explicitly, so the UI
language and the document language stay independent. English is the source language: with no
catalogue, the English text is used as is.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
import re
from functools import cache

DOMAINS = ("ui", "policy")
UI_LANGUAGES = ("en", "nl", "fr", "de")


#: Set to 1 to stretch every UI string (pseudo-localisation), to find labels that clip.
PSEUDO_ENV = "PRIVACY_WIZARD_PSEUDO"
_KEEP = re.compile(r"(%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}|&&|&(?=\w)|<[^>]+>)")
_ACCENTS = str.maketrans("aeiouAEIOUcnsyCNSY", "àéîöûÀÉÎÖÛçñšýÇÑŠÝ")


def pseudo(text: str) -> str:
    """``text`` made about 40% longer with accented letters, placeholders and mnemonics intact."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    return f"[{out}{'~' * max(2, len(text) * 2 // 5)}]"


class PseudoTranslations(gettext.NullTranslations):
    """Wraps a translator and stretches what it returns."""

    def __init__(self, inner: gettext.NullTranslations) -> None:
        super().__init__()
        self._inner = inner

    def gettext(self, message: str) -> str:
        return pseudo(self._inner.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(self._inner.ngettext(msgid1, msgid2, n))


@cache
def translation(domain: str, lang: str) -> gettext.NullTranslations:
    """The translator for ``domain`` in ``lang`` (a NullTranslations for English or no catalogue).

    With ``PRIVACY_WIZARD_PSEUDO=1`` the ``ui`` domain is pseudo-localised.
    """
    base = _translation(domain, lang)
    if domain == "ui" and os.environ.get(PSEUDO_ENV) == "1":
        return PseudoTranslations(base)
    return base


def _translation(domain: str, lang: str) -> gettext.NullTranslations:
    if domain not in DOMAINS:
        raise ValueError(f"unknown gettext domain {domain!r}")
    if lang == "en":
        return gettext.NullTranslations()
    # Imported here: importlib.resources costs about 12 ms, which an English UI's first page
    # does not need to pay.
    from wizard.resources import resource

    node = resource("locale", lang, "LC_MESSAGES", f"{domain}.mo")
    if not node.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(node.read_bytes()))


def system_ui_language() -> str:
    """The UI language to start with: ``PRIVACY_WIZARD_LANG``, else the system locale, else English."""
    wanted = os.environ.get("PRIVACY_WIZARD_LANG", "")
    candidates = [wanted] if wanted else []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            candidates.extend(value.split(":"))
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    if loc:
        candidates.append(loc)
    for cand in candidates:
        code = cand.split(".")[0].split("_")[0].lower()
        if code in UI_LANGUAGES:
            return code
    return "en"
