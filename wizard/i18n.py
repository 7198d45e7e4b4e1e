"""gettext translators, one per (domain, language), loaded from compiled catalogues.

Two domains: ``ui`` for the wizard's own words and ``policy`` for the legal text. The engine never
uses a global ``_``: it asks for the translator of the document's language explicitly, so the UI
language and the document language stay independent. English is the source language: with no
catalogue, the English text is used as is.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Iterable, Sequence
from functools import cache

from wizard.languages import LANGUAGES, SOURCE, get, match_language

DOMAINS = ("ui", "policy", "documents")
#: The languages the wizard speaks: every registered language.
UI_LANGUAGES = LANGUAGES


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
    if lang == SOURCE:
        return gettext.NullTranslations()
    own = get(lang).catalogues if lang in LANGUAGES else None
    if own is not None:
        path = own / lang / "LC_MESSAGES" / f"{domain}.mo"
        if not path.is_file():
            return gettext.NullTranslations()
        return gettext.GNUTranslations(io.BytesIO(path.read_bytes()))
    # Imported here: importlib.resources costs about 12 ms, which an English UI's first page
    # does not need to pay.
    from wizard.resources import resource

    node = resource("locale", lang, "LC_MESSAGES", f"{domain}.mo")
    if not node.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(node.read_bytes()))


def system_ui_language(ui_languages: Sequence[str] | None = None) -> str:
    """The UI language to start with: one of :data:`UI_LANGUAGES`.

    ``PRIVACY_WIZARD_LANG`` comes first. Then ``ui_languages``, the user's preferred languages
    in order as the system gives them: the Qt layer passes ``QLocale.system().uiLanguages()``,
    BCP 47 tags such as ``["nl-NL", "en-US"]`` that Qt reads from the Windows and macOS language
    settings and from the POSIX variables on Linux. Without such a list (no Qt), the POSIX
    variables ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` are read. The first
    preference the app speaks wins (``de-AT`` gives ``de``); English when there is none.
    """
    wanted = os.environ.get("PRIVACY_WIZARD_LANG", "")
    preferred = [wanted] if wanted else []
    preferred.extend(_posix_languages() if ui_languages is None else ui_languages)
    return negotiate_ui_language(preferred)


def negotiate_ui_language(preferred: Iterable[str]) -> str:
    """The first of ``preferred`` (BCP 47 tags or POSIX locale names) that the UI speaks (the
    whole tag, else its language part: :func:`wizard.languages.match_language`); ``"en"`` when
    none is."""
    tags = [tag for tag in (_bcp47(name) for name in preferred) if tag]
    return match_language(tags) or SOURCE


def _bcp47(name: str) -> str:
    """``de_AT.UTF-8@euro`` -> ``de-AT``; the C and POSIX locales -> ``""``."""
    tag = name.strip().split(".")[0].split("@")[0].replace("_", "-")
    return "" if tag.upper() in ("C", "POSIX") else tag


def _posix_languages() -> list[str]:
    languages: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            languages.extend(value.split(":"))
    return languages
