"""Snippets: the short notice and the consent texts as fragments to paste into a web page, a
form or a Markdown site, written beside the full HTML and Markdown files as
``<name>-<lang>.snippet.html`` and ``<name>-<lang>.snippet.md``.

A snippet has no ``<html>``, ``<head>`` or ``<body>``, no style and no script: the site's own
look applies. The user's text is escaped as in every document. The notice's snippet is the
notice itself (without the QR code, which only paper needs); the consent texts' HTML snippet
is a form: an unticked checkbox per purpose with its sentence as the label, and the cookie
banner with "Accept all" and "Reject all" as the same kind of button.
"""

from __future__ import annotations

from wizard import languages
from wizard.documents.common import environment
from wizard.i18n import translation
from wizard.model.answers import Project
from wizard.policy.document import Document


def snippet_text(project: Project, variant: str, document: Document, fmt: str) -> str:
    """The snippet ``fmt`` (a value of :data:`SNIPPET_FORMATS`) of ``document``, the built
    ``variant`` of ``project`` (with its DRAFT mark if it has one)."""
    if fmt == "snippet.md":
        from wizard.render.markdown import markdown_text

        return markdown_text(document, fragment=True)
    if fmt != "snippet.html":
        raise ValueError(f"unknown snippet format {fmt!r}")
    if variant == "consent":
        from wizard.documents.consent import consent_context

        context = consent_context(project, document.lang)
        context["lang"] = languages.get(document.lang).tag
        policy_words = translation("policy", document.lang).gettext  # the policy's own word
        mark = policy_words("DRAFT")
        context["draft_mark"] = mark if document.draft else ""
        template = environment(document.lang).get_template("consent/snippet.html.j2")
        return template.render(context).strip() + "\n"
    from wizard.render.html import html_fragment

    return html_fragment(document, "privacy-notice")
