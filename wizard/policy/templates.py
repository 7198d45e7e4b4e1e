"""The template environments: one Jinja2 environment per document language, with that
language's translator installed (nothing here uses a global ``_``), its list and punctuation
helpers, and the compiled templates shared by all languages."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2
import jinja2.runtime
from babel import Locale
from babel.lists import format_list
from markupsafe import Markup

from wizard import languages
from wizard.i18n import translation
from wizard.policy.grammar import NameInSentence
from wizard.policy.typography import ENDS_SENTENCE, full_stop_after
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


def _formatted(message: str, autoescape: bool, variables: dict[str, Any]) -> str:
    """``message`` with its ``%(name)s`` placeholders filled in, as Jinja's new-style gettext
    does, without doubling a full stop where a value already ends with one. The organisation's
    name takes the form the words before it govern ("von der Praxis Muster", "du Cabinet")."""
    for name, value in list(variables.items()):
        if isinstance(value, NameInSentence) and f"%({name})s" in message:
            pieces = message.split(f"%({name})s")
            message = pieces[0]
            for index, piece in enumerate(pieces[1:]):
                message, variables[f"{name}__{index}"] = value.in_message(message)
                message += f"%({name}__{index})s{piece}"
    for name, value in variables.items():
        if str(value).endswith(ENDS_SENTENCE):
            message = message.replace(f"%({name})s.", f"%({name})s")
    rv: str = Markup(message) if autoescape else message
    return rv % variables


def _gettext(func: Callable[[str], str]) -> Callable[..., str]:
    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, string: str, /, **variables: Any) -> str:
        message = str(context.call(func, string))
        return _formatted(message, context.eval_ctx.autoescape, variables)

    return gettext


def _ngettext(func: Callable[[str, str, int], str]) -> Callable[..., str]:
    @jinja2.pass_context
    def ngettext(
        context: jinja2.runtime.Context, singular: str, plural: str, num: int, /, **variables: Any
    ) -> str:
        variables.setdefault("num", num)
        message = str(context.call(func, singular, plural, num))
        return _formatted(message, context.eval_ctx.autoescape, variables)

    return ngettext


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
    words = translation(domain, lang)
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(gettext=_gettext(words.gettext), ngettext=_ngettext(words.ngettext))
    locale = Locale.parse(languages.get(lang).locale)
    # "a, b and c" in the document's language.
    env.filters["and_list"] = lambda items: format_list(list(items), locale=locale) if items else ""
    # The colon after a label: French sets a no-break space before it ("Courriel : ...").
    env.globals["colon"] = languages.get(lang).colon
    env.globals["semicolon"] = languages.get(lang).semicolon
    # "{{ text }}{{ text|full_stop }}": a sentence ending in the person's text gets one full stop.
    env.filters["full_stop"] = full_stop_after
    return env
