"""The template environments: one Jinja2 environment per document language, with that
language's translator installed (nothing here uses a global ``_``), its list and punctuation
helpers, and the compiled templates shared by all languages."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from babel import Locale
from babel.lists import format_list

from wizard import languages
from wizard.i18n import translation
from wizard.resources import resource


def _load_template(name: str) -> tuple[str, str, Any] | None:
    node = resource("templates", *name.split("/"))
    if not node.is_file():
        return None
    # Shipped templates never change while the app runs.
    return node.read_text(encoding="utf-8"), f"resources/templates/{name}", lambda: True


class _SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory and shared by the languages' environments: the code
    does not depend on the language (the translator is looked up when the template runs), so
    a template is compiled once per process, not once per language."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _SharedBytecode()


@cache
def environment(lang: str, domain: str = "policy") -> jinja2.Environment:
    """The template environment for one document language, with the sentences of ``domain``
    (``policy``; ``documents`` for the short notice, the record and the consent texts)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        bytecode_cache=_BYTECODE,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translation(domain, lang), newstyle=True)  # type: ignore[attr-defined]
    locale = Locale.parse(languages.get(lang).locale)
    # "a, b and c" in the document's language.
    env.filters["and_list"] = lambda items: format_list(list(items), locale=locale) if items else ""
    # The colon after a label: French sets a no-break space before it ("Courriel : ...").
    env.globals["colon"] = languages.get(lang).colon
    env.globals["semicolon"] = languages.get(lang).semicolon
    return env
