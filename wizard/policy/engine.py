"""The policy engine: answers + language -> one format-neutral :class:`Document`.

The text lives in Jinja2 templates (``resources/templates/policy/``) that emit a small semantic
HTML subset with autoescape on, so a user's text can never become markup. Each language gets its
own Environment with the ``policy`` translator installed (:mod:`~wizard.policy.templates`).
The facts a template sees are prepared in :mod:`~wizard.policy.view` (the rows it lists in
:mod:`~wizard.policy.items`; dates and places in :mod:`~wizard.policy.localised`); this module
checks that they can be written in the language, renders the template and parses its output
into the tree every renderer reads, and keeps the last documents built for the live preview.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from babel import Locale

from wizard import APP_NAME, languages
from wizard.i18n import translation
from wizard.model.answers import LANGUAGES, Project
from wizard.model.digest import answers_key
from wizard.policy.document import Block, Document, Labels
from wizard.policy.grammar import name_in_sentence
from wizard.policy.items import Texts
from wizard.policy.localised import long_date
from wizard.policy.parse import parse_blocks, parse_shortened
from wizard.policy.preview import PREVIEW_ROWS, hidden_rows, shorten_lists, with_more_rows
from wizard.policy.templates import environment
from wizard.policy.view import answers_view, missing_texts

TEMPLATE = "policy/policy.html.j2"


class PolicyError(Exception):
    """The answers cannot be turned into a document in this language; ``problems`` says why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


# --- entry points -----------------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise PolicyError([f"unsupported language {lang!r} (choose from {', '.join(LANGUAGES)})"])


def warm_up(langs: Sequence[str] = LANGUAGES) -> None:
    """Load and compile the policy template for ``langs`` now (about 40 ms for the first
    language, a few for each further one), so the first preview does not wait for it."""
    for lang in langs:
        if lang in LANGUAGES:
            environment(lang).get_template(TEMPLATE)


def facts(project: Project, lang: str, also_missing: list[str] | None = None) -> dict[str, Any]:
    """The view of the answers a template sees, in ``lang`` (the policy's, and the other
    documents' too).

    Raises :class:`PolicyError` when the user's own text is missing in ``lang`` (or
    ``also_missing``, what only another document needs, is not empty): a document never
    silently mixes languages.
    """
    _check_lang(lang)
    # The one check of missing texts (the same the wizard's pages and review show); the
    # engine's own record stays as a safety net and is tested to add nothing to it.
    gaps = missing_texts(project, lang) + list(also_missing or [])
    if gaps:
        raise PolicyError(gaps)
    texts = Texts(lang)
    context = answers_view(project, lang, texts)
    if texts.missing:
        raise PolicyError(texts.missing)
    return context


def policy_html(project: Project, lang: str, draft: bool = False) -> str:
    """The policy as a fragment of semantic HTML (escaped), e.g. for a preview pane; a
    ``draft`` carries the DRAFT notice.

    Raises :class:`PolicyError` when the user's own text is missing in ``lang``.
    """
    return _html(facts(project, lang), lang, draft)


def _html(context: dict[str, Any], lang: str, draft: bool) -> str:
    context["draft"] = context["draft"] or draft
    return environment(lang).get_template(TEMPLATE).render(context)


def build_document(project: Project, lang: str, draft: bool = False) -> Document:
    """The policy in ``lang`` as a format-neutral document.

    A ``draft`` (and any policy without an effective date: never today's date in its place)
    carries a DRAFT mark in the language of the document: a notice at the top, the word in the
    footer of every page, and in the title and subject of the metadata.
    """
    draft = draft or project.publication.effective_date is None
    return _document(project, lang, draft, parse_blocks(_html(facts(project, lang), lang, draft)))


def _document(project: Project, lang: str, draft: bool, blocks: tuple[Block, ...]) -> Document:
    t = translation("policy", lang)
    locale = Locale.parse(languages.get(lang).locale)
    effective = project.publication.effective_date
    effective_text = long_date(effective, locale) if effective else ""
    effective_label = t.gettext("Effective {date}").replace("{date}", effective_text)
    org = project.organisation.legal_name or project.organisation.trading_name
    title = t.gettext("Privacy policy")
    subject = t.gettext("How %(organisation)s processes personal data") % {
        "organisation": name_in_sentence(org, lang, project.organisation.name_article.get(lang))
    }
    if draft:
        mark = t.gettext("DRAFT")
        effective_label = f"{mark} · {effective_label}" if effective else mark
        title = f"{title} ({mark})"
        subject = f"{mark}: {subject}"
    return Document(
        lang=lang,
        title=title,
        organisation=org,
        effective_date=effective_text,
        version=project.publication.version,
        labels=Labels(
            page_x_of_y=t.gettext("Page {page} of {pages}"),
            effective=effective_label,
            contents=t.gettext("Contents"),
        ),
        blocks=blocks,
        subject=subject,
        date=effective,
        draft=draft,
    )


# --- the same document again, for the live preview --------------------------------------------


def build_preview(project: Project, lang: str, rows: int = PREVIEW_ROWS) -> Document:
    """The policy as the review page previews it: :func:`build_document` with every table of
    more than ``rows`` + 1 rows cut to ``rows`` and a row counting the rest (the same document as
    :func:`~wizard.policy.preview.preview_document` makes of the whole one).

    The template is given the first rows of each long list only (every row is still looked at
    for texts missing in ``lang``, as for the whole document), and the tables are cut as its
    output is parsed: the rows not shown are neither written nor parsed."""
    draft = project.publication.effective_date is None
    context = facts(project, lang)
    full = dict(context)
    cut = shorten_lists(context, rows)
    blocks, hidden = parse_shortened(_html(context, lang, draft), rows)
    more = hidden_rows(blocks, hidden, cut, lang)
    if more is None:  # a long list whose table was not found: the whole document, then cut
        blocks, more = parse_shortened(_html(full, lang, draft), rows)
    return _document(project, lang, draft, with_more_rows(blocks, more, lang))


#: How many built documents :func:`cached_document` and :func:`cached_preview` keep: every
#: language of the answers as they are and as they were one change ago, whole and previewed.
MAX_CACHED_DOCUMENTS = 16
#: Built documents by (answers digest, language, whether it is the preview).
_documents: OrderedDict[tuple[bytes, str, bool], Document | PolicyError] = OrderedDict()
_documents_lock = threading.Lock()


def cached_document(project: Project, lang: str, key: bytes | None = None) -> Document:
    """:func:`build_document`, built once for the same answers and language (a document without
    an effective date carries the DRAFT mark, never a date of its own) and then taken from
    memory: every return to the review page, and the checks that read the same document.

    ``key`` is :func:`answers_key` of ``project`` when the caller has it already. Raises
    :class:`PolicyError` as :func:`build_document` does, also from memory.
    """
    full_key = (key if key is not None else answers_key(project), lang, False)
    return _cached(full_key, lambda: build_document(project, lang))


def cached_preview(project: Project, lang: str, key: bytes | None = None) -> Document:
    """:func:`build_preview`, built once for the same answers and language: the review page's
    preview and its coverage tab (the tables' headers and sections are those of the whole
    document) share one build per change and language."""
    full_key = (key if key is not None else answers_key(project), lang, True)
    return _cached(full_key, lambda: build_preview(project, lang))


def _cached(full_key: tuple[bytes, str, bool], build: Callable[[], Document]) -> Document:
    with _documents_lock:
        found = _documents.get(full_key)
        if found is not None:
            _documents.move_to_end(full_key)
    if found is None:
        try:
            found = build()
        except PolicyError as exc:
            found = PolicyError(list(exc.problems))  # without the traceback and its frames
        with _documents_lock:
            _documents[full_key] = found
            while len(_documents) > MAX_CACHED_DOCUMENTS:
                _documents.popitem(last=False)
    if isinstance(found, PolicyError):
        raise PolicyError(list(found.problems))
    return found


def generator_name() -> str:
    """The producer named in document metadata."""
    return APP_NAME
