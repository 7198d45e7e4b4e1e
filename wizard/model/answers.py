"""The answers a user gives in the wizard, as plain typed objects (:mod:`msgspec` structs checked as
:class:`~wizard.model.fields.Strict` says, no Qt).

Everything the policy says comes from here. An answer that was not given is ``None`` or an empty
list, never a guessed default: the policy engine leaves out what the answers do not say, and the
review reports what is still missing. Free text that ends up in the document is a
:class:`LocalText`, one string per output language, so a Dutch document never borrows an English
sentence.

This module holds the whole (:class:`Answers`, :class:`Project`); its parts live by topic in
:mod:`~wizard.model.fields` (the base model, checked field types, :class:`LocalText`),
:mod:`~wizard.model.vocabularies` (the closed lists), :mod:`~wizard.model.organisation`,
:mod:`~wizard.model.processing` (purposes, recipients, security), :mod:`~wizard.model.people`
(cookies, children, rights, automated decisions) and :mod:`~wizard.model.publication`; every
part can be imported from here too.
"""

from __future__ import annotations

import copy
import datetime as _dt

from msgspec import field

from wizard.languages import LANGUAGES
from wizard.model.fields import (
    CountryCode,
    Email,
    Language,
    LocalText,
    NonEmpty,
    Strict,
    Url,
    complete_url,
    plain,
)
from wizard.model.organisation import (
    Address,
    Authority,
    DpoFacts,
    Organisation,
    OtherAuthority,
    Person,
)
from wizard.model.people import AutomatedDecisions, Children, Cookie, Cookies, Rights
from wizard.model.processing import (
    Duration,
    ProcessorActivity,
    Purpose,
    Recipient,
    Retention,
    Security,
)
from wizard.model.publication import OwnSection, Publication, Record
from wizard.model.vocabularies import (
    SPECIAL_CATEGORIES,
    CookieCategory,
    DataCategory,
    DataSubject,
    DocumentKind,
    LegalBasis,
    OutputFormat,
    Party,
    RecipientRole,
    Requirement,
    RetentionStart,
    Safeguard,
    SectionAnchor,
    SecurityMeasure,
    Service,
    SpecialCondition,
    TimeUnit,
)

#: The parts the answers are made of, importable from here as from the modules that hold them.
__all__ = [
    "LANGUAGES",
    "SPECIAL_CATEGORIES",
    "Address",
    "Answers",
    "Authority",
    "AutomatedDecisions",
    "Children",
    "Cookie",
    "CookieCategory",
    "Cookies",
    "CountryCode",
    "DataCategory",
    "DataSubject",
    "DocumentKind",
    "DpoFacts",
    "Duration",
    "Email",
    "Language",
    "LegalBasis",
    "LocalText",
    "NonEmpty",
    "Organisation",
    "OtherAuthority",
    "OutputFormat",
    "OwnSection",
    "Party",
    "Person",
    "ProcessorActivity",
    "Project",
    "Publication",
    "PublishedVersion",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Record",
    "Requirement",
    "Retention",
    "RetentionStart",
    "Rights",
    "Safeguard",
    "SectionAnchor",
    "Security",
    "SecurityMeasure",
    "Service",
    "SpecialCondition",
    "Strict",
    "TimeUnit",
    "Url",
    "complete_url",
    "plain",
]


#: The project-file format this version writes and reads (wizard/model/project_file.py).
FORMAT_VERSION = 4


class Answers(Strict, kw_only=True):
    """Every answer of a project: what a published version's snapshot keeps (no history)."""

    organisation: Organisation = field(default_factory=Organisation)
    dpo: Person | None = None
    #: The facts that decide whether a data protection officer is required.
    dpo_facts: DpoFacts | None = None
    representative: Person | None = None
    services: list[Service] = field(default_factory=list)
    purposes: list[Purpose] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    cookies: Cookies = field(default_factory=Cookies)
    children: Children = field(default_factory=Children)
    rights: Rights = field(default_factory=Rights)
    authority: Authority = field(default_factory=Authority)
    #: Authorities under other regimes (not the GDPR) the policy also names (format 3).
    other_authorities: list[OtherAuthority] = field(default_factory=list)
    automated_decisions: AutomatedDecisions = field(default_factory=AutomatedDecisions)
    #: The user confirms that no recipient processes the data outside the EU/EEA (format 3).
    no_transfers_confirmed: bool = False
    security: Security = field(default_factory=Security)
    #: Services in which the organisation is itself a processor for others (format 3).
    processor_activities: list[ProcessorActivity] = field(default_factory=list)
    own_sections: list[OwnSection] = field(default_factory=list)
    record: Record = field(default_factory=Record)
    publication: Publication = field(default_factory=Publication)

    def _check(self) -> None:
        ids = [p.id for p in self.purposes]
        seen: set[str] = set()
        for index, pid in enumerate(ids):
            if pid in seen:
                raise ValueError(f"purposes[{index}].id: duplicate purpose id {pid!r}")
            seen.add(pid)
        for r_index, recipient in enumerate(self.recipients):
            for p_index, pid in enumerate(recipient.purposes):
                if pid not in seen:
                    raise ValueError(
                        f"recipients[{r_index}].purposes[{p_index}]: no purpose with id {pid!r}"
                    )

    def purpose(self, purpose_id: str) -> Purpose | None:
        """The purpose with this id, if any."""
        return next((p for p in self.purposes if p.id == purpose_id), None)


class PublishedVersion(Strict, kw_only=True):
    """One version of the policy as it was published: when, what changed, and the answers."""

    version: NonEmpty
    effective_date: _dt.date | None = None
    #: The day the documents were generated.
    published: _dt.date
    #: What changed since the previous version, per language (printed in the policy).
    summary: LocalText = field(default_factory=LocalText)
    #: The documents written for this version (older files, which did not say, had the policy).
    documents: list[DocumentKind] = field(default_factory=lambda: [DocumentKind.POLICY])
    #: The answers as published, so the next version can say what changed since.
    answers: Answers


class Project(Answers, kw_only=True):
    """A whole project: everything needed to write the policy again next year."""

    #: The project-file format of these answers (what this version writes and reads).
    format_version: int = FORMAT_VERSION
    #: The published versions, oldest first.
    history: list[PublishedVersion] = field(default_factory=list)

    def snapshot(self) -> Answers:
        """The answers without the history (a deep copy), as a published version keeps them."""
        copied = copy.deepcopy(self)
        return Answers(**{name: getattr(copied, name) for name in Answers.__struct_fields__})
