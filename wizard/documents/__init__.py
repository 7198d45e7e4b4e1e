"""The documents written from the same answers: the policy, the short notice, the record of
processing activities (Art. 30(1) GDPR) and the consent texts.

A document kind is a parameter: :func:`outputs` says which files a kind writes (the short notice
adds a version for children when the service is directed at them), :func:`build` turns the
answers into the format-neutral :class:`~wizard.policy.document.Document` every renderer reads.
The templates live beside the policy's, in ``resources/templates/<kind>/``; their sentences are
the ``documents`` translation domain. The same rule as the policy holds: a document is never
written with the user's text missing in its language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from wizard.model.answers import DocumentKind, Project
from wizard.policy.document import Document

KINDS: tuple[str, ...] = tuple(k.value for k in DocumentKind)

#: The file name of each document before ``-<lang>.<format>``.
STEMS = {
    "policy": "privacy-policy",
    "notice": "privacy-notice",
    "notice-children": "privacy-notice-children",
    "records": "records-of-processing",
    "consent": "consent-texts",
}
#: Formats a kind is written in besides the project's chosen ones.
EXTRA_FORMATS = {"records": ("xlsx",)}


def extra_formats(kind: str, formats: Sequence[str]) -> list[str]:
    """What ``kind`` writes besides ``formats`` (the chosen ones): the record also as a
    spreadsheet; the notice and the consent texts also as snippets to paste into a web page
    (``snippet.html``, with HTML) or a Markdown site (``snippet.md``, with Markdown)."""
    from wizard.documents.snippets import SNIPPET_FORMATS, SNIPPET_KINDS

    out = list(EXTRA_FORMATS.get(kind, ())) if formats else []
    if kind in SNIPPET_KINDS:
        out += [snippet for full, snippet in SNIPPET_FORMATS.items() if full in formats]
    return out


@dataclass(frozen=True)
class Output:
    """One document of a kind: ``variant`` is the key of :data:`STEMS`."""

    kind: str
    variant: str

    @property
    def stem(self) -> str:
        return STEMS[self.variant]


def outputs(project: Project, kind: str) -> list[Output]:
    """The documents ``kind`` writes for ``project``."""
    if kind not in KINDS:
        raise ValueError(f"unknown document {kind!r} (choose from {', '.join(KINDS)})")
    if kind == "notice" and project.children.targets_children:
        return [Output(kind, "notice"), Output(kind, "notice-children")]
    return [Output(kind, kind)]


def build(project: Project, variant: str, lang: str, draft: bool = False) -> Document:
    """The document ``variant`` (a key of :data:`STEMS`) of ``project`` in ``lang``; a
    ``draft`` (or any document of a project without an effective date) carries the DRAFT mark."""
    if variant == "policy":
        from wizard.policy.engine import build_document

        return build_document(project, lang, draft=draft)
    draft = draft or project.publication.effective_date is None
    document = _build_other(project, variant, lang, draft)
    if draft:
        return as_draft(document)
    return document


def as_draft(document: Document) -> Document:
    """``document`` marked as a draft in its language, as the policy is: a notice under the
    title, the word in the footer of every page, and in the title and subject of the metadata."""
    from wizard.i18n import translation
    from wizard.policy.document import Heading, Paragraph, Span

    policy_words = translation("policy", document.lang).gettext  # the policy's own word
    mark = policy_words("DRAFT")
    note = Paragraph((Span(mark, bold=True),), role="note")
    blocks = list(document.blocks)
    at = next(
        (i + 1 for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), 0
    )
    blocks.insert(at, note)
    effective = document.labels.effective
    return replace(
        document,
        title=f"{document.title} ({mark})",
        subject=f"{mark}: {document.subject}",
        labels=replace(document.labels, effective=f"{mark} · {effective}" if effective else mark),
        blocks=tuple(blocks),
        draft=True,
    )


def _build_other(project: Project, variant: str, lang: str, draft: bool) -> Document:
    """The documents other than the policy, before the draft mark (the notice leaves room for
    it)."""
    if variant in ("notice", "notice-children"):
        from wizard.documents.notice import build_notice

        return build_notice(project, lang, children=variant == "notice-children", draft=draft)
    if variant == "records":
        from wizard.documents.records import build_records

        return build_records(project, lang)
    if variant == "consent":
        from wizard.documents.consent import build_consent

        return build_consent(project, lang)
    raise ValueError(f"unknown document {variant!r}")
