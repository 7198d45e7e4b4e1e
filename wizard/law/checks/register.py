"""The checks that the person's own texts keep the formal register the policy uses in each
language ("u", "vous", "Sie": :class:`wizard.languages.Formality`), and that the purpose names
the notice for children lists (which says "je", "tu", "du") do not address the reader formally;
and the page each part of the project is answered on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from wizard.flow.issues import language_named
from wizard.flow.pages import PageId
from wizard.languages import LANGUAGES, N_
from wizard.languages import get as get_language
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import Project

#: The page where each top-level part of the project file is answered.
PAGE_OF_KEY: dict[str, PageId] = {
    "organisation": PageId.ORGANISATION,
    "dpo": PageId.ORGANISATION,
    "representative": PageId.ORGANISATION,
    "purposes": PageId.PURPOSES,
    "recipients": PageId.RECIPIENTS,
    "cookies": PageId.COOKIES,
    "children": PageId.CHILDREN,
    "rights": PageId.RIGHTS,
    "authority": PageId.RIGHTS,
    "automated_decisions": PageId.RIGHTS,
    "security": PageId.SECURITY,
    "processor_activities": PageId.SECURITY,
    "other_authorities": PageId.SECURITY,
    "own_sections": PageId.SECURITY,
    "publication": PageId.OUTPUT,
    "record": PageId.OUTPUT,
}


def _texts_where(data: Any, keep: Callable[[str, str], bool]) -> list[tuple[str, str, str]]:
    """The texts of a language in ``data`` (a project as JSON data) that ``keep(language,
    text)`` keeps, as (field, language, text). A field's path ("purposes[3].name") is written
    only for a text kept: the walk passes tens of thousands of values in a large project."""
    codes = frozenset(LANGUAGES)
    out: list[tuple[str, str, str]] = []
    keys: list[str | int] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node and node.keys() <= codes and all(isinstance(v, str) for v in node.values()):
                for lang, text in node.items():
                    if keep(lang, text):
                        out.append((_path(keys), lang, text))
                return
            for key, value in node.items():
                if isinstance(value, dict | list):
                    keys.append(str(key))
                    walk(value)
                    keys.pop()
        elif isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, dict | list):
                    keys.append(index)
                    walk(item)
                    keys.pop()

    walk(data)
    return out


def _path(keys: list[str | int]) -> str:
    """``["purposes", 3, "name"]`` -> ``"purposes[3].name"``."""
    path = ""
    for key in keys:
        if isinstance(key, int):
            path += f"[{key}]"
        else:
            path = f"{path}.{key}" if path else key
    return path


@cache
def _maybe_informal(lang: str) -> re.Pattern[str]:
    """Finds a text that may hold one of the informal pronouns of ``lang``: any of them as a
    whole word, in any case (a quick look before the text is split into words)."""
    words = "|".join(re.escape(w.rstrip("'")) for w in sorted(_informal(lang)))
    return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)


def informal_words(text: str, lang: str) -> list[str]:
    """The informal pronouns in ``text`` (a text in ``lang``), in order of appearance."""
    return list(_informal_words(text, lang))


def _informal(lang: str) -> frozenset[str]:
    return frozenset(get_language(lang).formality.informal) if lang in LANGUAGES else frozenset()


@lru_cache(maxsize=65_536)
def _informal_words(text: str, lang: str) -> tuple[str, ...]:
    # Kept per text: after a change of the answers, their other texts are looked up again.
    words = _informal(lang)
    if not words or not _maybe_informal(lang).search(text.replace("\u2019", "'")):
        return ()
    # A French "t'" (t'inscrire, t'aider) is "te" or "ta" elided before a vowel.
    tokens = re.findall(r"[^\W\d_]+'?", text.replace("\u2019", "'"))
    found = [t for t in tokens if t.casefold() in words or t.casefold().rstrip("'") in words]
    return tuple(dict.fromkeys(found))


@check(
    "register_mixed",
    PageId.REVIEW,
    Severity.WARNING,
    N_("Art. 12(1) GDPR"),
    N_(
        'The policy addresses its readers formally in Dutch, French and German ("u", '
        '"vous", "Sie"). A text of yours that says "je", "tu" or "du" switches '
        "register in the middle of the document, which reads as careless in a legal text "
        "that must be clear and intelligible. Rewrite the text in the formal register."
    ),
)
def _register(project: Project) -> list[Hit]:
    wanted = {
        lang
        for lang in project.publication.languages
        if lang in LANGUAGES and get_language(lang).formality.informal
    }
    if not wanted:
        return []
    data = project.model_dump(mode="json", exclude={"history"})
    hits: list[Hit] = []
    found = _texts_where(
        data, lambda lang, text: lang in wanted and bool(_informal_words(text, lang))
    )
    for field, lang, text in found:
        formality = get_language(lang).formality
        words = informal_words(text, lang)
        page = PAGE_OF_KEY.get(field.split(".")[0].split("[")[0], PageId.REVIEW)
        hits.append(
            Hit(
                field,
                N_('{language} text uses the informal "{words}"; the policy says "{formal}".'),
                {
                    "language": language_named(lang),
                    "words": ", ".join(words),
                    "formal": formality.formal,
                },
                page=page,
            )
        )
    return hits


def formal_words(text: str, lang: str) -> list[str]:
    """The words of ``text`` (in ``lang``) that address the reader formally, in order."""
    formality = get_language(lang).formality if lang in LANGUAGES else None
    if formality is None or not formality.formal_words:
        return []
    tokens = re.findall(r"[^\W\d_]+", text)
    if formality.formal_words_capitalised:
        found = [t for t in tokens if t in formality.formal_words]
    else:
        found = [t for t in tokens if t.casefold() in formality.formal_words]
    return list(dict.fromkeys(found))


@check(
    "children_notice_register",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 12(1) GDPR"),
    N_(
        "The short notice for children speaks to them informally in Dutch, French and German "
        '("je", "tu", "du") and lists your purposes by their names. A name that says "your" '
        'formally ("uw", "votre", "Ihre") switches register in the middle of that notice. A '
        "name that does not address the reader at all fits both the policy and the notice: "
        'for example "Setting up the account" rather than "Setting up your account".'
    ),
)
def _children_notice_register(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named
    from wizard.model.answers import DocumentKind

    publication = project.publication
    if not project.children.targets_children or DocumentKind.NOTICE not in publication.documents:
        return []
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        words = [
            w
            for lang in publication.languages
            for w in formal_words(purpose.name.get(lang) or "", lang)
        ]
        if words:
            hits.append(
                Hit(
                    f"purposes[{index}].name",
                    N_(
                        '{purpose}: the name addresses the reader formally ("{words}"), but '
                        "the notice for children that lists it speaks to them informally."
                    ),
                    {"purpose": purpose_named(purpose), "words": ", ".join(words)},
                )
            )
    return hits
