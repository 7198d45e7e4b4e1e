"""What is written and printed beyond the answers themselves: the organisation's own sections,
what the record of processing activities needs besides the policy, and the publication
settings (effective date, version, languages, formats, documents).
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated

from msgspec import field

from wizard.model.fields import Check, Language, LocalText, Strict, Url, unique
from wizard.model.vocabularies import DocumentKind, OutputFormat, SectionAnchor


class OwnSection(Strict, kw_only=True):
    """A section of the organisation's own, printed after a chosen section of the policy."""

    heading: LocalText
    #: The text; a blank line starts a new paragraph.
    text: LocalText
    after: SectionAnchor = SectionAnchor.CHANGES


class Record(Strict, kw_only=True):
    """What the record of processing activities (Art. 30(1) GDPR) needs beyond the policy."""

    #: A general description of the technical and organisational security measures (Art. 32).
    security: LocalText = field(default_factory=LocalText)
    #: Who inside the organisation receives the data (teams or roles, not names).
    internal_recipients: LocalText = field(default_factory=LocalText)
    #: The date of the record (the day it was last reviewed); generation day when not set.
    date: _dt.date | None = None


class Publication(Strict, kw_only=True):
    """What to generate, and the facts printed on it."""

    effective_date: _dt.date | None = None
    version: str = "1.0"
    languages: Annotated[list[Language], Check(unique)] = field(default_factory=lambda: ["en"])
    formats: list[OutputFormat] = field(default_factory=lambda: [OutputFormat.PDF])
    output_folder: str | None = None
    #: Print the "Changes to this privacy policy" list of published versions (when there are any).
    show_history: bool = True
    #: The documents to write (the policy, and the short notice, record and consent texts).
    documents: Annotated[list[DocumentKind], Check(unique)] = field(
        default_factory=lambda: [DocumentKind.POLICY]
    )
    #: Where the full policy is published: the short notice links to it and prints its QR code.
    policy_url: Url | None = None
