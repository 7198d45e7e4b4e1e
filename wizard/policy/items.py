"""The rows the policy lists, in the document's language: each purpose, recipient and cookie
as the template prints it, and the supervisory authority. :class:`Texts` picks the person's own
words in that language and records what is not written in it."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from wizard import languages
from wizard.law import applicability as law
from wizard.model.answers import LegalBasis, LocalText, Project, Recipient, Safeguard
from wizard.policy.localised import country_name, localised_address
from wizard.policy.typography import typography
from wizard.policy.vocabulary import Words


@dataclass(frozen=True)
class PurposeView:
    id: str
    name: str
    subjects: list[str]
    data: list[str]
    basis: str | None
    basis_key: str | None
    #: Every Art. 6(1) basis, the main one first (the table lists them all).
    bases: list[str]
    legitimate_interest: str | None
    special_data: list[str]
    special_condition: str | None
    source: str | None
    source_is_public: bool
    requirement: str | None
    consequence: str | None
    retention: str | None
    retention_criteria: str | None
    retention_law: str
    #: How consent for this purpose is withdrawn, when a basis is consent.
    withdrawal: str | None


@dataclass(frozen=True)
class RecipientView:
    name: str
    role: str
    service: str | None
    #: Where the recipient is: the contracting entity's country (Ireland for Google Ireland
    #: Limited), else the country the user gave.
    country: str
    outside_eea: bool
    safeguard: str | None
    safeguard_key: str | None
    #: Further safeguards that also cover the transfer (e.g. SCC besides the DPF).
    fallbacks: list[str]
    purposes: list[str]
    #: Where the data go outside the EEA (the recipient's country unless a catalogue entry
    #: names a separate importer there).
    transfer_country: str = ""
    #: The company outside the EEA that receives the data from the recipient, from the
    #: processor catalogue (Google LLC for Google Ireland Limited); empty otherwise.
    importer: str = ""


@dataclass(frozen=True)
class CookieView:
    name: str
    provider: str
    third_party: bool
    category: str
    purpose: str
    lifetime: str | None


@dataclass(frozen=True)
class AuthorityView:
    name: str
    address: str
    website: str | None
    email: str | None


class Texts:
    """Picks the user's own words in the document's language and records what is missing."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.missing: list[str] = []

    def get(self, text: LocalText, where: str, required: bool = False) -> str | None:
        value = text.get(self.lang)
        if value is None and (required or text):
            self.missing.append(f"{where}: no text in language '{self.lang}'")
        # The user's words get the document language's typography too.
        return typography(value, self.lang) if value is not None else None


def purpose_views(project: Project, lang: str, words: Words, texts: Texts) -> list[PurposeView]:
    """Each purpose as the policy prints it in ``lang``."""
    purposes: list[PurposeView] = []
    for i, p in enumerate(project.purposes):
        where = f"purposes[{i}]"
        name = texts.get(p.name, f"{where}.name", required=True) or p.id
        # Each category by name, followed by what it holds for this purpose where the user said
        # so ("Identification data: name"); nothing is claimed beyond the user's answer.
        data: list[str] = []
        for data_category in p.data_categories:
            details = texts.get(
                p.data_details.get(data_category, LocalText()),
                f"{where}.data_details.{data_category.value}",
            )
            category = words.data_category(data_category)
            data.append(f"{category}{languages.get(lang).colon} {details}" if details else category)
        other = texts.get(p.other_data, f"{where}.other_data")
        if other:
            data.append(other)
        retention = None
        if p.retention.period is not None:
            retention = words.retention(
                p.retention.period.amount, p.retention.period.unit, p.retention.starting
            )
        purposes.append(
            PurposeView(
                id=p.id,
                name=name,
                subjects=[words.subject(s) for s in p.subjects],
                data=data,
                basis=words.legal_basis(p.legal_basis) if p.legal_basis else None,
                basis_key=p.legal_basis.value if p.legal_basis else None,
                bases=[words.legal_basis(b) for b in p.bases],
                legitimate_interest=texts.get(
                    p.legitimate_interest,
                    f"{where}.legitimate_interest",
                    required=LegalBasis.LEGITIMATE_INTERESTS in p.bases,
                ),
                special_data=[words.special_category(c) for c in p.special_categories],
                special_condition=(
                    words.special_condition(p.special_condition)
                    if p.special_condition and p.special_categories
                    else None
                ),
                source=texts.get(p.source, f"{where}.source"),
                source_is_public=p.source_is_public,
                requirement=words.requirement(p.requirement) if p.requirement else None,
                consequence=texts.get(p.consequence, f"{where}.consequence"),
                retention=retention,
                retention_criteria=texts.get(p.retention.criteria, f"{where}.retention.criteria"),
                retention_law=p.retention.statutory_reference,
                withdrawal=(
                    texts.get(p.withdrawal, f"{where}.withdrawal") if p.relies_on_consent else None
                ),
            )
        )
    return purposes


def recipient_views(
    project: Project, locale: Locale, words: Words, texts: Texts, purposes: list[PurposeView]
) -> list[RecipientView]:
    """Each recipient as the policy prints it, with the names of its ``purposes``."""
    names = {p.id: p.name for p in purposes}
    recipients: list[RecipientView] = []
    for i, r in enumerate(project.recipients):
        label = r.name or texts.get(r.category, f"recipients[{i}].category", required=True) or ""
        importer = _catalogue_importer(r)
        recipients.append(
            RecipientView(
                name=label,
                role=words.role(r.role),
                service=texts.get(r.service, f"recipients[{i}].service"),
                country=country_name(locale, importer[1] if importer else r.country),
                transfer_country=country_name(locale, r.country),
                importer=importer[0] if importer else "",
                outside_eea=law.is_transfer(project, r),
                safeguard=(
                    words.safeguard(r.safeguard or Safeguard.NONE)
                    if law.is_transfer(project, r)
                    else None
                ),
                safeguard_key=(
                    (r.safeguard or Safeguard.NONE).value if law.is_transfer(project, r) else None
                ),
                fallbacks=(
                    [
                        words.safeguard(f)
                        for f in r.fallback_safeguards
                        if f not in (r.safeguard, Safeguard.NONE)
                    ]
                    if law.is_transfer(project, r)
                    else []
                ),
                purposes=[names[pid] for pid in r.purposes if pid in names],
            )
        )
    return recipients


def cookie_views(project: Project, words: Words, texts: Texts) -> list[CookieView]:
    """Each cookie as the policy prints it (none when the project says it uses no cookies)."""
    cookies: list[CookieView] = []
    if project.cookies.used:
        for i, c in enumerate(project.cookies.items):
            cookies.append(
                CookieView(
                    name=c.name,
                    provider=c.provider,
                    third_party=c.party.value == "third",
                    category=words.cookie_category(c.category),
                    purpose=texts.get(c.purpose, f"cookies.items[{i}].purpose", required=True)
                    or "",
                    lifetime=(
                        words.duration(c.lifetime.amount, c.lifetime.unit) if c.lifetime else None
                    ),
                )
            )
    return cookies


def _catalogue_importer(recipient: Recipient) -> tuple[str, str] | None:
    """For a recipient taken from the processor catalogue whose contracting entity is in the EEA
    while the data go to another company outside it: (that company, the contracting entity's
    country). ``None`` when the catalogue names no separate importer, or when the user changed
    the recipient so that the catalogue no longer describes it (another name or country)."""
    if not recipient.catalog_id or not recipient.outside_eea:
        return None
    from wizard.catalog.processors import processor

    entry = processor(recipient.catalog_id)
    if entry is None or not entry.importer or entry.importer_country != recipient.country:
        return None
    if not entry.legal_entity or entry.legal_entity.casefold() not in recipient.name.casefold():
        return None
    return entry.importer, entry.country


def authority_view(project: Project, lang: str) -> AuthorityView | None:
    a = project.authority
    if a.catalog_id:
        from wizard.catalog.authorities import authority
        from wizard.model.countries import EEA_COUNTRIES

        found = authority(a.catalog_id)
        if found is not None and found.country not in EEA_COUNTRIES:
            # An authority outside the EU/EEA is never "the supervisory authority" under the
            # GDPR; the review asks for another one.
            return None
        if found is not None:
            local, national = found.names.get(lang), found.name_national
            # The official name in the reader's language where the authority has one; otherwise
            # its national name, followed by the name in the reader's language if there is one.
            if local and (not national or local in national):
                name = local
            elif local:
                name = f"{national} ({local})"
            else:
                name = national or found.name(lang)
            return AuthorityView(
                name=name,
                address=localised_address(
                    found.postal_address, found.country, Locale.parse(languages.get(lang).locale)
                ),
                website=found.website or None,
                email=found.email or None,
            )
    if a.name:
        return AuthorityView(a.name, a.address, a.website, a.email)
    return None
