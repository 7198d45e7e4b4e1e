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

from dataclasses import dataclass

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


def build(project: Project, variant: str, lang: str) -> Document:
    """The document ``variant`` (a key of :data:`STEMS`) of ``project`` in ``lang``."""
    if variant == "policy":
        from wizard.policy.engine import build_document

        return build_document(project, lang)
    if variant in ("notice", "notice-children"):
        from wizard.documents.notice import build_notice

        return build_notice(project, lang, children=variant == "notice-children")
    if variant == "records":
        from wizard.documents.records import build_records

        return build_records(project, lang)
    if variant == "consent":
        from wizard.documents.consent import build_consent

        return build_consent(project, lang)
    raise ValueError(f"unknown document {variant!r}")
