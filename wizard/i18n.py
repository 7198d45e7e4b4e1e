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
from functools import cache

from wizard.resources import resource

DOMAINS = ("ui", "policy")
UI_LANGUAGES = ("en", "nl", "fr", "de")


@cache
def translation(domain: str, lang: str) -> gettext.NullTranslations:
    """The translator for ``domain`` in ``lang`` (a NullTranslations for English or no catalogue)."""
    if domain not in DOMAINS:
        raise ValueError(f"unknown gettext domain {domain!r}")
    if lang == "en":
        return gettext.NullTranslations()
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
