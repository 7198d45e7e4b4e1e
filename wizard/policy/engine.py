"""The policy engine: answers + language -> one format-neutral :class:`Document`.

The text lives in Jinja2 templates (``resources/templates/policy/``) that emit a small semantic
HTML subset with autoescape on, so a user's text can never become markup. Each language gets its
own Environment with the ``policy`` translator installed; nothing here uses a global ``_``.
This module prepares the facts (a view of the answers in the document's language) and parses the
template output into the tree every renderer reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list

from wizard import APP_NAME, languages
from wizard.i18n import translation
from wizard.law import applicability as law
from wizard.model.answers import (
    LANGUAGES,
    SPECIAL_CATEGORIES,
    CookieCategory,
    LegalBasis,
    LocalText,
    Project,
    Recipient,
    Safeguard,
    Service,
    SpecialCondition,
)
from wizard.policy.document import Document, Labels
from wizard.policy.grammar import name_in_sentence
from wizard.policy.parse import parse_blocks
from wizard.policy.typography import typography
from wizard.policy.vocabulary import Words
from wizard.resources import resource

TEMPLATE = "policy/policy.html.j2"


class PolicyError(Exception):
    """The answers cannot be turned into a document in this language; ``problems`` says why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def _load_template(name: str) -> tuple[str, str, Any] | None:
    node = resource("templates", *name.split("/"))
    if not node.is_file():
        return None
    # Shipped templates never change while the app runs.
    return node.read_text(encoding="utf-8"), f"resources/templates/{name}", lambda: True


class _SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory and shared by the languages' environments: the code
    does not depend on the language (the translator is looked up when the template runs), so
    a template is compiled once per process, not once per language."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _SharedBytecode()


@cache
def environment(lang: str, domain: str = "policy") -> jinja2.Environment:
    """The template environment for one document language, with the sentences of ``domain``
    (``policy``; ``documents`` for the short notice, the record and the consent texts)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        bytecode_cache=_BYTECODE,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translation(domain, lang), newstyle=True)  # type: ignore[attr-defined]
    locale = Locale.parse(languages.get(lang).locale)
    # "a, b and c" in the document's language.
    env.filters["and_list"] = lambda items: format_list(list(items), locale=locale) if items else ""
    # The colon after a label: French sets a no-break space before it ("Courriel : ...").
    env.globals["colon"] = languages.get(lang).colon
    env.globals["semicolon"] = languages.get(lang).semicolon
    return env


# --- the view of the answers a template sees ------------------------------------------------------


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


class _Texts:
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


def missing_texts(project: Project, lang: str) -> list[str]:
    """The user's texts the policy in ``lang`` would print but that are not written in
    ``lang`` (by field path), from :func:`wizard.flow.texts.translation_gaps`."""
    from wizard.flow.texts import translation_gaps

    return [
        f"{gap.field.rpartition('.')[0]}: no text in language '{lang}'"
        for gap in translation_gaps(project, lang, "policy")
    ]


def engine_missing_texts(project: Project, lang: str) -> list[str]:
    """What the engine itself finds missing while it reads the answers (for the test that
    :func:`missing_texts` leaves nothing out)."""
    texts = _Texts(lang)
    _view(project, lang, texts)
    return texts.missing


def _first_day(locale: Locale) -> str | None:
    """How the registered language of ``locale`` writes the first of a month, if as an
    ordinal ("1er" for French, whatever its country)."""
    for code in LANGUAGES:
        language = languages.get(code)
        if language.first_day and language.locale.split("_")[0] == locale.language:
            return language.first_day
    return None


def long_date(date: dt.date, locale: Locale) -> str:
    """A date in the document language's long form ("1 December 2026", "1 december 2026",
    "1er décembre 2026", "1. Dezember 2026"): French writes the first of a month as an ordinal."""
    text = format_date(date, "long", locale=locale)
    ordinal = _first_day(locale)
    if ordinal and date.day == 1 and text.startswith("1 "):
        text = f"{ordinal} {text[2:]}"
    return text


def _country_name(locale: Locale, code: str) -> str:
    return str(locale.territories.get(code, code))


#: Other names the reference data uses for a country at the end of an address.
_COUNTRY_ALIASES = {"CZ": ("Czech Republic",), "GB": ("UK",), "NL": ("The Netherlands",)}


def localised_address(address: str, country: str, locale: Locale) -> str:
    """``address`` with its last part, when it names ``country`` (in English, Dutch, French,
    German or the reference data's other spelling), in the document's language:
    "Alt-Moabit 59-61, 10555 Berlin, Deutschland" becomes "..., Allemagne" in French."""
    head, sep, last = address.rpartition(",")
    if not sep:
        return address
    names = {
        str(Locale.parse(languages.get(code).locale).territories.get(country, ""))
        for code in LANGUAGES
    }
    names |= set(_COUNTRY_ALIASES.get(country, ()))
    if last.strip().casefold() not in {n.casefold() for n in names if n}:
        return address
    return f"{head}, {_country_name(locale, country)}"


def _view(project: Project, lang: str, texts: _Texts) -> dict[str, Any]:
    words = Words(translation("policy", lang), lang)
    locale = Locale.parse(languages.get(lang).locale)
    org = project.organisation

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
                country=_country_name(locale, importer[1] if importer else r.country),
                transfer_country=_country_name(locale, r.country),
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
    cookie_texts = {
        "consent": texts.get(project.cookies.consent_mechanism, "cookies.consent_mechanism")
        if project.cookies.used
        else None,
        "withdrawal": texts.get(project.cookies.withdrawal, "cookies.withdrawal")
        if project.cookies.used
        else None,
    }
    from wizard.catalog.cookie_laws import cookie_law

    establishment = project.organisation.country or project.organisation.address.country
    provision = cookie_law(establishment) if project.cookies.used else None
    if provision is not None and not provision.confirmed:
        provision = None  # never printed as fact (the review advises checking it)
    # The law in the reader's language, with the country named: a reader elsewhere is never
    # told about "our national law" as if it were theirs.
    cookie_texts["law"] = typography(provision.name(lang), lang) if provision else None
    cookie_texts["law_country"] = _country_name(locale, provision.country) if provision else None

    any_special = any(c in SPECIAL_CATEGORIES for p in project.purposes for c in p.data_categories)
    direct_marketing = Service.NEWSLETTER in project.services and any(
        LegalBasis.LEGITIMATE_INTERESTS in p.bases
        and any(s.value == "subscribers" for s in p.subjects)
        for p in project.purposes
    )

    children = project.children
    age = children.age_threshold
    if age is None and children.targets_children:
        age = law.project_consent_age(project)
    # Who the services are for (the range) and the Art. 8 age are two answers: parental
    # consent is promised only for those in the range below the threshold, and an adults-only
    # service says nothing about children.
    children_view = {
        "applies": children.targets_children,
        "youngest": children.youngest_age,
        "oldest": children.oldest_age,
        "age": age,
        "parental": age is not None and children.minors_below(age),
        "parental_consent": texts.get(children.parental_consent, "children.parental_consent"),
    }

    ad = project.automated_decisions
    automated = {
        "answered": ad.used is not None,
        "used": bool(ad.used),
        "logic": texts.get(ad.logic, "automated_decisions.logic", required=bool(ad.used)),
        "consequences": texts.get(
            ad.consequences, "automated_decisions.consequences", required=bool(ad.used)
        ),
    }

    rights = project.rights
    rights_view = {
        "email": rights.email or org.email,
        "web_form": rights.web_form,
        "by_post": rights.by_post and bool(org.address.street or org.address.city),
        "identity_check": texts.get(rights.identity_check, "rights.identity_check"),
        "days": rights.response_days,
        "portability": law.portability_applies(project),
        "withdraw": law.uses_consent(project),
        "object": law.objection_applies(project),
        "object_legitimate": LegalBasis.LEGITIMATE_INTERESTS in law.legal_bases(project),
        "object_public_task": LegalBasis.PUBLIC_TASK in law.legal_bases(project),
        "direct_marketing": direct_marketing,
    }

    address = org.address
    address_line = ", ".join(
        part
        for part in (
            address.street,
            " ".join(x for x in (address.postal_code, address.city) if x),
            _country_name(locale, address.country) if address.country else "",
        )
        if part
    )

    def person(p: Any) -> dict[str, Any] | None:
        if p is None or not (p.name or p.email or p.phone or p.address):
            return None
        addr = ""
        if p.address:
            addr = ", ".join(
                x
                for x in (
                    p.address.street,
                    " ".join(y for y in (p.address.postal_code, p.address.city) if y),
                    _country_name(locale, p.address.country) if p.address.country else "",
                )
                if x
            )
        return {"name": p.name, "email": p.email, "phone": p.phone, "address": addr}

    effective = project.publication.effective_date
    effective_text = long_date(effective, locale) if effective else ""

    # The published versions, newest first (the one being published included, when the wizard
    # records it): version, effective date and what changed, in the document's language.
    history: list[dict[str, Any]] = []
    if project.publication.show_history:
        for version in reversed(project.history):
            date = version.effective_date or version.published
            history.append(
                {
                    "version": version.version,
                    "effective": long_date(date, locale),
                    # A summary written in other languages only is left out rather than
                    # blocking the document: earlier versions cannot be edited any more.
                    "summary": [
                        typography(line.strip(), lang)
                        for line in (version.summary.get(lang) or "").splitlines()
                        if line.strip()
                    ],
                }
            )

    return {
        "lang": lang,
        "org": {
            "name": org.legal_name or org.trading_name,
            # Inside a sentence, with the article German or French grammar needs.
            "in_sentence": name_in_sentence(org.legal_name or org.trading_name, lang),
            "trading_name": org.trading_name if org.trading_name != org.legal_name else "",
            "address": address_line,
            "registration": org.registration_number,
            "email": org.email,
            "phone": org.phone,
            "website": org.website,
            "in_eu": law.established_in_eu(project),
            "outside_eea": law.established_outside_eea(project),
        },
        "services": format_list([words.service(s) for s in project.services], locale=locale)
        if project.services
        else "",
        "dpo": person(project.dpo),
        # Only a controller without an establishment in the EU/EEA has one (Art. 27).
        "representative": (
            person(project.representative) if law.established_outside_eea(project) else None
        ),
        "purposes": purposes,
        "legitimate": [p for p in purposes if p.legitimate_interest],
        "special": [p for p in purposes if p.special_data],
        "any_special": any_special,
        "sources": [p for p in purposes if p.source],
        "requirements": [p for p in purposes if p.requirement],
        "recipients": recipients,
        "transfers": [r for r in recipients if r.outside_eea],
        "own_processing": _own_processing(project, locale),
        "no_transfers": project.no_transfers_confirmed
        and not any(r.outside_eea for r in recipients),
        "copy_of_safeguards": any(
            r.safeguard_key in ("scc", "bcr")
            or any(f in project.recipients[i].fallback_safeguards for f in _COPYABLE)
            for i, r in enumerate(recipients)
            if r.outside_eea
        ),
        "withdrawals": [p for p in purposes if p.withdrawal],
        "security": {
            "measures": [words.security_measure(m) for m in project.security.measures],
            "other": _paragraphs(texts.get(project.security.other, "security.other")),
        },
        "own_sections": _own_sections(project, texts),
        "processor_activities": [
            {
                "service": texts.get(a.service, f"processor_activities[{i}].service", True),
                "controllers": texts.get(a.controllers, f"processor_activities[{i}].controllers"),
            }
            for i, a in enumerate(project.processor_activities)
        ],
        "other_authorities": [
            {
                "name": a.name,
                "country": _country_name(locale, a.country),
                "law": texts.get(a.law, f"other_authorities[{i}].law", True),
                "address": a.address,
                "website": a.website,
                "email": a.email,
            }
            for i, a in enumerate(project.other_authorities)
        ],
        "app_sdks": Service.MOBILE_APP in project.services,
        "health_law": _health_law(project, lang),
        "cookies": cookies,
        "cookies_used": project.cookies.used,
        "cookies_need_consent": any(
            c.category is not CookieCategory.STRICTLY_NECESSARY for c in project.cookies.items
        ),
        "cookie_texts": cookie_texts,
        "children": children_view,
        "automated": automated,
        "rights": rights_view,
        "authority": _authority(project, lang),
        "version": project.publication.version,
        "effective": effective_text,
        "history": history,
        # A draft (not for publication) or a policy without an effective date.
        "draft": project.publication.effective_date is None,
    }


def _own_processing(project: Project, locale: Locale) -> dict[str, Any] | None:
    """The controller's own processing outside the EEA (not a transfer): in its own country of
    establishment outside the EEA, with the recipients there (``established``), or, for a
    controller in the EU/EEA, by its own staff in the ``countries`` it named; ``None`` when
    there is none."""
    countries = law.own_processing_countries(project)
    if not countries:
        return None
    if not law.own_processing_country(project):
        return {
            "established": False,
            "countries": [_country_name(locale, c) for c in countries],
        }
    country = countries[0]
    return {
        "established": True,
        "country": _country_name(locale, country),
        "recipients": [
            r.name or r.category.get(locale.language) or ""
            for r in project.recipients
            if r.country == country
        ],
    }


def _health_law(project: Project, lang: str) -> dict[str, Any]:
    """Which Art. 9(2)(h)/(i) conditions the policy relies on, and the national provisions
    (in ``lang``) of the controller's country behind them and behind Art. 9(3)."""
    from wizard.catalog.health_law import health_law

    conditions = {p.special_condition for p in project.purposes if p.special_categories}
    org = project.organisation
    provisions = health_law(org.country or org.address.country)
    return {
        "care": SpecialCondition.HEALTH_CARE in conditions,
        "public": SpecialCondition.PUBLIC_HEALTH in conditions,
        "care_provision": provisions.care.get(lang) if provisions else None,
        "public_provision": provisions.public.get(lang) if provisions else None,
        "secrecy": provisions.secrecy.get(lang) if provisions else None,
    }


#: Safeguards of which people may obtain a copy (Art. 13(1)(f) GDPR).
_COPYABLE = (Safeguard.SCC, Safeguard.BCR)


def _paragraphs(text: str | None) -> list[str]:
    """A user's text split into paragraphs at blank lines (single line breaks are kept as
    spaces: the renderers wrap the lines)."""
    if not text:
        return []
    blocks = [
        " ".join(line.strip() for line in block.splitlines())
        for block in text.replace("\r\n", "\n").split("\n\n")
    ]
    return [b.strip() for b in blocks if b.strip()]


def _own_sections(project: Project, texts: _Texts) -> dict[str, list[dict[str, Any]]]:
    """The organisation's own sections by the id of the section they follow."""
    out: dict[str, list[dict[str, Any]]] = {}
    for i, section in enumerate(project.own_sections):
        out.setdefault(section.after.value, []).append(
            {
                "heading": texts.get(section.heading, f"own_sections[{i}].heading", True) or "",
                "paragraphs": _paragraphs(texts.get(section.text, f"own_sections[{i}].text", True)),
            }
        )
    return out


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


def _authority(project: Project, lang: str) -> AuthorityView | None:
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
    texts = _Texts(lang)
    context = _view(project, lang, texts)
    if texts.missing:
        raise PolicyError(texts.missing)
    return context


def policy_html(project: Project, lang: str, draft: bool = False) -> str:
    """The policy as a fragment of semantic HTML (escaped), e.g. for a preview pane; a
    ``draft`` carries the DRAFT notice.

    Raises :class:`PolicyError` when the user's own text is missing in ``lang``.
    """
    context = facts(project, lang)
    context["draft"] = context["draft"] or draft
    return environment(lang).get_template(TEMPLATE).render(context)


def build_document(project: Project, lang: str, draft: bool = False) -> Document:
    """The policy in ``lang`` as a format-neutral document.

    A ``draft`` (and any policy without an effective date: never today's date in its place)
    carries a DRAFT mark in the language of the document: a notice at the top, the word in the
    footer of every page, and in the title and subject of the metadata.
    """
    draft = draft or project.publication.effective_date is None
    html = policy_html(project, lang, draft)
    t = translation("policy", lang)
    locale = Locale.parse(languages.get(lang).locale)
    effective = project.publication.effective_date
    effective_text = long_date(effective, locale) if effective else ""
    effective_label = t.gettext("Effective {date}").replace("{date}", effective_text)
    org = project.organisation.legal_name or project.organisation.trading_name
    title = t.gettext("Privacy policy")
    subject = t.gettext("How %(organisation)s processes personal data") % {
        "organisation": name_in_sentence(org, lang)
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
        blocks=parse_blocks(html),
        subject=subject,
        date=effective,
        draft=draft,
    )


# --- the same document again, for the live preview --------------------------------------------

#: How many built documents :func:`cached_document` keeps: every language of the answers as
#: they are and as they were one change ago.
MAX_CACHED_DOCUMENTS = 8
_documents: OrderedDict[tuple[bytes, str], Document | PolicyError] = OrderedDict()
_documents_lock = threading.Lock()


def answers_key(project: Project) -> bytes:
    """A digest of everything the answers say: equal for equal answers, whatever changed them."""
    return hashlib.blake2b(project.model_dump_json().encode(), digest_size=20).digest()


def cached_document(project: Project, lang: str, key: bytes | None = None) -> Document:
    """:func:`build_document`, built once for the same answers and language (a document without
    an effective date carries the DRAFT mark, never a date of its own) and then taken from memory: the review page's
    preview and coverage, and every return to it, share one build per change and language.

    ``key`` is :func:`answers_key` of ``project`` when the caller has it already. Raises
    :class:`PolicyError` as :func:`build_document` does, also from memory.
    """
    full_key = (key if key is not None else answers_key(project), lang)
    with _documents_lock:
        found = _documents.get(full_key)
        if found is not None:
            _documents.move_to_end(full_key)
    if found is None:
        try:
            found = build_document(project, lang)
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
