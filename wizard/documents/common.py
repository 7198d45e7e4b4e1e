"""What the notice, the record and the consent texts share: their template environment (the
``documents`` translation domain), the facts the policy engine reads from the answers
(:func:`wizard.policy.engine.facts`), and the step from template output to a
:class:`~wizard.policy.document.Document`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2
from babel import Locale

from wizard import languages
from wizard.i18n import translation
from wizard.model.answers import Project
from wizard.policy.document import Block, Document, Labels
from wizard.policy.localised import long_date
from wizard.policy.parse import parse_blocks
from wizard.policy.templates import environment as policy_environment


def environment(lang: str) -> jinja2.Environment:
    """The template environment of the other documents in one language (autoescape on)."""
    return policy_environment(lang, "documents")


def render_blocks(template: str, lang: str, context: dict[str, Any]) -> tuple[Block, ...]:
    """The blocks of ``template`` (a path under ``resources/templates``) for ``context``."""
    return parse_blocks(environment(lang).get_template(template).render(context))


def from_template(
    project: Project,
    lang: str,
    template: str,
    context: dict[str, Any],
    title: str,
    subject: str,
    date: dt.date | None = None,
) -> Document:
    """The document ``template`` makes of ``context``, titled ``title``; ``subject`` (for the
    metadata) may name ``{organisation}`` (in the form the words before it govern)."""
    subject = context["org"]["in_sentence"].fill(subject, "{organisation}")
    blocks = render_blocks(template, lang, context)
    return document(project, lang, title, subject, blocks, date=date)


def document(
    project: Project,
    lang: str,
    title: str,
    subject: str,
    blocks: tuple[Block, ...],
    date: dt.date | None = None,
) -> Document:
    """A document of ``project`` in ``lang`` with the footer words of the policy."""
    # The footer's words are the policy's (a call through a plain name is not extracted again).
    policy_words = translation("policy", lang).gettext
    locale = Locale.parse(languages.get(lang).locale)
    day = date or project.publication.effective_date or dt.date.today()
    day_text = long_date(day, locale)
    org = project.organisation.legal_name or project.organisation.trading_name
    words = translation("documents", lang)
    return Document(
        lang=lang,
        title=title,
        organisation=org,
        effective_date=day_text,
        version=project.publication.version,
        labels=Labels(
            page_x_of_y=policy_words("Page {page} of {pages}"),
            effective=words.gettext("As of {date}").replace("{date}", day_text),
            contents=policy_words("Contents"),
        ),
        blocks=blocks,
        subject=subject,
    )
