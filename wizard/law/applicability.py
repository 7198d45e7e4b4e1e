"""When a rule applies: written once, used by the policy engine, the flow, the review and the
history.

Only the model and the catalogues are imported, so every layer above may use this module.
"""

from __future__ import annotations

from wizard.model.answers import Answers, LegalBasis, Recipient, RecipientRole, SecurityMeasure
from wizard.model.countries import EEA_COUNTRIES, EU_COUNTRIES

#: The legal bases that give the right to object (Art. 21(1) GDPR).
OBJECTION_BASES: frozenset[LegalBasis] = frozenset(
    {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}
)
#: The legal bases that give the right to data portability (Art. 20(1)(a) GDPR).
PORTABILITY_BASES: frozenset[LegalBasis] = frozenset({LegalBasis.CONSENT, LegalBasis.CONTRACT})


def legal_bases(project: Answers) -> set[LegalBasis]:
    """The Art. 6 bases the purposes rely on (main and further bases)."""
    return {b for p in project.purposes for b in p.bases}


def uses_consent(project: Answers) -> bool:
    """Whether any purpose relies on consent (Art. 6(1)(a) or Art. 9(2)(a)), so the policy must
    tell people they may withdraw it (Art. 13(2)(c))."""
    return any(p.relies_on_consent for p in project.purposes)


def objection_applies(project: Answers) -> bool:
    """Whether the right to object of Art. 21(1) applies to some purpose."""
    return bool(legal_bases(project) & OBJECTION_BASES)


def portability_applies(project: Answers) -> bool:
    """Whether the right to data portability of Art. 20(1) applies to some purpose."""
    return bool(legal_bases(project) & PORTABILITY_BASES)


def establishment(project: Answers) -> str:
    """The country of establishment (ISO code), from the organisation or its address; empty
    when not known yet."""
    org = project.organisation
    return org.country or org.address.country or ""


def established_in_eu(project: Answers) -> bool:
    """Whether the controller is established in an EU Member State."""
    return establishment(project) in EU_COUNTRIES


def established_outside_eea(project: Answers) -> bool:
    """Whether the controller is established outside the EU/EEA (a known country only): it
    then needs a representative (Art. 27) and has no lead authority (Art. 56 needs an
    establishment in the Union)."""
    country = establishment(project)
    return bool(country) and country not in EEA_COUNTRIES


def consent_age(country: str | None) -> int:
    """The Art. 8(1) age of digital consent in ``country``: the national age where the Member
    State set one, else the GDPR's own 16."""
    from wizard.catalog.ages import DEFAULT_AGE, digital_consent_age

    age = digital_consent_age(country) if country else None
    return age if age is not None else DEFAULT_AGE


def project_consent_age(project: Answers) -> int:
    """The age below which parents consent in this project: the user's threshold, else the
    age of the country of establishment (Art. 8(1))."""
    chosen = project.children.age_threshold
    return chosen if chosen is not None else consent_age(establishment(project))


def is_transfer(project: Answers, recipient: Recipient) -> bool:
    """Whether giving data to ``recipient`` is a transfer to a third country (Chapter V).

    A recipient in the EU/EEA is not. Nor is a recipient in the controller's own country when
    the controller is established outside the EEA: the data are processed there by the
    controller itself, which the policy says plainly (see :func:`own_processing_country`)
    instead of calling it a transfer (EDPB Guidelines 05/2021 on the interplay between
    Art. 3 and Chapter V).
    """
    if not recipient.outside_eea:
        return False
    return not (established_outside_eea(project) and recipient.country == establishment(project))


def transfers(project: Answers) -> list[Recipient]:
    """The recipients the data are transferred to outside the EEA (see :func:`is_transfer`)."""
    return [r for r in project.recipients if is_transfer(project, r)]


def own_processing_country(project: Answers) -> str:
    """The third country where the controller itself processes the data (its own country of
    establishment outside the EEA); empty for a controller in the EU/EEA."""
    return establishment(project) if established_outside_eea(project) else ""


def own_processing_countries(project: Answers) -> list[str]:
    """Every third country where the controller itself processes the data: its own country of
    establishment outside the EEA, or, for a controller in the EU/EEA, the countries where its
    own staff or office process them. Neither is a transfer under Chapter V: no other
    controller or processor receives the data (EDPB Guidelines 05/2021, criterion 2), but the
    controller stays responsible for the risks of processing there (Art. 24 and 32)."""
    own = own_processing_country(project)
    if own:
        return [own]
    if not establishment(project):
        return []
    return list(project.organisation.own_processing_countries)


def has_processor(project: Answers) -> bool:
    """Whether any recipient processes the data on the organisation's behalf (Art. 28)."""
    return any(r.role == RecipientRole.PROCESSOR for r in project.recipients)


def security_measures_stated(project: Answers) -> list[SecurityMeasure]:
    """The security measures the policy may state: all those chosen, except contracts with
    processors (Art. 28) when no recipient is a processor, which would claim contracts with
    processors the policy does not name."""
    return [
        m
        for m in project.security.measures
        if m != SecurityMeasure.PROCESSOR_AGREEMENTS or has_processor(project)
    ]


def authority_of_representative(project: Answers) -> bool:
    """Whether the chosen supervisory authority (from the catalogue) is the one of the Member
    State where the representative is (Art. 27): a controller outside the EU may name it as an
    example of the authorities people can complain to."""
    from wizard.catalog.authorities import authority

    rep = project.representative
    country = rep.address.country if rep is not None and rep.address is not None else None
    chosen = project.authority.catalog_id
    found = authority(chosen) if chosen else None
    return bool(country and found is not None and found.country == country)


__all__ = [
    "OBJECTION_BASES",
    "authority_of_representative",
    "PORTABILITY_BASES",
    "consent_age",
    "established_in_eu",
    "established_outside_eea",
    "establishment",
    "is_transfer",
    "has_processor",
    "legal_bases",
    "objection_applies",
    "own_processing_countries",
    "own_processing_country",
    "portability_applies",
    "project_consent_age",
    "security_measures_stated",
    "transfers",
    "uses_consent",
]
