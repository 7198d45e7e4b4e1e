"""What is processed and where it goes: the purposes with their data, legal bases and retention,
the recipients (and transfers outside the EU/EEA), the services the organisation runs as a
processor for others, and the security measures.
"""

from __future__ import annotations

import re
from typing import Annotated

from msgspec import field

from wizard.model.countries import EEA_COUNTRIES
from wizard.model.fields import Check, CountryCode, LocalText, Meta, NonEmpty, Strict, unique
from wizard.model.vocabularies import (
    SPECIAL_CATEGORIES,
    DataCategory,
    DataSubject,
    LegalBasis,
    RecipientRole,
    Requirement,
    RetentionStart,
    Safeguard,
    SecurityMeasure,
    SpecialCondition,
    TimeUnit,
)

_PURPOSE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _purpose_id(value: str) -> str:
    if not _PURPOSE_ID.match(value):
        raise ValueError(
            f"{value!r} is no purpose id (small letters, digits, '-' and '_', starting with a "
            "letter or digit)"
        )
    return value


class Duration(Strict, kw_only=True):
    amount: Annotated[int, Meta(ge=1, le=1000)]
    unit: TimeUnit


class Retention(Strict, kw_only=True):
    """How long data are kept (Art. 13(2)(a)): a period, and/or the criteria that decide it."""

    period: Duration | None = None
    starting: RetentionStart | None = None
    #: Criteria in the user's words, for when no fixed period can be given.
    criteria: LocalText = field(default_factory=LocalText)
    #: A statute that imposes the period, e.g. "WGBO (Dutch Civil Code, Book 7, art. 454)".
    statutory_reference: str = ""


class Purpose(Strict, kw_only=True):
    """One purpose of processing with everything Art. 13/14 asks about it."""

    id: Annotated[
        NonEmpty, Meta(extra_json_schema={"pattern": _PURPOSE_ID.pattern}), Check(_purpose_id)
    ]
    #: What the purpose is, in the user's words, per language.
    name: LocalText
    subjects: list[DataSubject] = field(default_factory=list)
    data_categories: list[DataCategory] = field(default_factory=list)
    #: What each category holds for this purpose, in the user's words per language ("name,
    #: date of birth"): the policy prints exactly this after the category's name, and nothing
    #: for a category without details. The wizard proposes the usual contents.
    data_details: dict[DataCategory, LocalText] = field(default_factory=dict)
    #: Further categories in the user's words.
    other_data: LocalText = field(default_factory=LocalText)
    legal_basis: LegalBasis | None = None
    #: Further Art. 6(1) bases for the same purpose, e.g. a legal obligation to keep the
    #: records of a treatment given under a contract (format 3).
    additional_bases: Annotated[list[LegalBasis], Check(unique)] = field(default_factory=list)
    #: The interest pursued, required where a basis is legitimate interests.
    legitimate_interest: LocalText = field(default_factory=LocalText)
    #: The Art. 9(2) condition, required where special categories are processed.
    special_condition: SpecialCondition | None = None
    #: Where the data come from when not from the person (Art. 14); empty means from the person.
    source: LocalText = field(default_factory=LocalText)
    source_is_public: bool = False
    requirement: Requirement | None = None
    #: What happens if the person does not provide the data.
    consequence: LocalText = field(default_factory=LocalText)
    retention: Retention = field(default_factory=Retention)
    #: How people withdraw their consent for this purpose (e.g. "the unsubscribe link in
    #: every newsletter", "the switch under Settings > Privacy in the app"), format 3.
    withdrawal: LocalText = field(default_factory=LocalText)

    def _check(self) -> None:
        # Details of a category the purpose no longer has are never printed: they go with it.
        for category in [c for c in self.data_details if c not in self.data_categories]:
            del self.data_details[category]

    @property
    def special_categories(self) -> list[DataCategory]:
        """The special categories of data among this purpose's data."""
        return [c for c in self.data_categories if c in SPECIAL_CATEGORIES]

    @property
    def bases(self) -> list[LegalBasis]:
        """Every Art. 6(1) basis of this purpose: the main one first, then the further ones."""
        main = [self.legal_basis] if self.legal_basis is not None else []
        return list(dict.fromkeys([*main, *self.additional_bases]))

    @property
    def relies_on_consent(self) -> bool:
        """Whether a basis or the Art. 9(2) condition is (explicit) consent."""
        return LegalBasis.CONSENT in self.bases or (
            bool(self.special_categories)
            and self.special_condition is SpecialCondition.EXPLICIT_CONSENT
        )


class Recipient(Strict, kw_only=True):
    """A processor or other recipient of personal data."""

    #: The recipient's own name (a company's name is not translated).
    name: str = ""
    #: A category of recipients in the user's words, for when no single name applies
    #: (Art. 13(1)(e): "recipients or categories of recipients"), e.g. "your health insurer".
    category: LocalText = field(default_factory=LocalText)
    #: Identifier in the processor catalogue, when picked from it.
    catalog_id: str | None = None
    role: RecipientRole = RecipientRole.PROCESSOR
    #: What the recipient does with the data, in the user's words.
    service: LocalText = field(default_factory=LocalText)
    #: Country where the data are processed or from where they are accessed.
    country: CountryCode
    safeguard: Safeguard | None = None
    #: Further safeguards that also cover the transfer, e.g. standard contractual clauses
    #: that apply should the recipient's Data Privacy Framework certification end (format 3).
    fallback_safeguards: Annotated[list[Safeguard], Check(unique)] = field(default_factory=list)
    #: Ids of the purposes for which this recipient receives data.
    purposes: list[str] = field(default_factory=list)

    def _check(self) -> None:
        if not self.name and not self.category:
            raise ValueError("name: give the recipient's name or a category of recipients")

    @property
    def outside_eea(self) -> bool:
        """True when data go to a third country (outside the EU/EEA)."""
        return self.country not in EEA_COUNTRIES


class ProcessorActivity(Strict, kw_only=True):
    """A service for which the organisation processes personal data on behalf of its
    customers, as their processor (Art. 28): this policy does not cover those data."""

    #: The service, in the user's words (e.g. "the practice software we host for clinics").
    service: LocalText
    #: On whose behalf (e.g. "the clinics that use our software"); optional.
    controllers: LocalText = field(default_factory=LocalText)


class Security(Strict, kw_only=True):
    """How the data are protected (Art. 32 GDPR): printed in the policy, and the general
    description of the measures the record of processing activities asks for (Art. 30(1)(g))."""

    measures: Annotated[list[SecurityMeasure], Check(unique)] = field(default_factory=list)
    #: Other measures in the user's words.
    other: LocalText = field(default_factory=LocalText)

    def __bool__(self) -> bool:
        return bool(self.measures or self.other)
