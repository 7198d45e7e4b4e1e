"""The wizard's flow as plain Python: page order, skip rules, what is missing, suggestions.

No Qt here: the Qt pages in :mod:`wizard.ui` ask this module whether they are complete and which
page comes next, so every path through the wizard can be tested without a window
(``tests/test_flow.py``).

Messages are English source strings marked with :func:`N_` and named ``{placeholders}``; the UI
translates them with its gettext translator through :meth:`Issue.text`, so this module needs no
translator of its own.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from wizard.model.answers import (
    LANGUAGES,
    Cookie,
    CookieCategory,
    DataCategory,
    DataSubject,
    Email,
    LegalBasis,
    LocalText,
    Party,
    Project,
    Purpose,
    Recipient,
    Requirement,
    RetentionStart,
    Safeguard,
    Service,
    SpecialCondition,
    TimeUnit,
    Url,
)
from wizard.model.countries import EEA_COUNTRIES


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for translation without translating it (translated later, in the UI)."""
    return message


# --- pages ----------------------------------------------------------------------------------------


class PageId(StrEnum):
    """The wizard's pages, in the order they are shown."""

    WELCOME = "welcome"
    ORGANISATION = "organisation"
    SERVICES = "services"
    PURPOSES = "purposes"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    COOKIES = "cookies"
    CHILDREN = "children"
    RIGHTS = "rights"
    REVIEW = "review"
    OUTPUT = "output"


PAGE_ORDER: tuple[PageId, ...] = tuple(PageId)

#: Services that put cookies or similar technologies on people's devices.
WEB_SERVICES: frozenset[Service] = frozenset(
    {Service.WEBSITE, Service.MOBILE_APP, Service.ONLINE_PLATFORM}
)


def has_website_or_app(project: Project) -> bool:
    """True when the organisation has a website or an app (so cookies may be used)."""
    return bool(WEB_SERVICES.intersection(project.services)) or bool(project.organisation.website)


def has_transfers(project: Project) -> bool:
    """True when at least one recipient is outside the EU/EEA."""
    return any(r.outside_eea for r in project.recipients)


def page_applies(project: Project, page: PageId) -> bool:
    """Whether ``page`` is shown for this project (the skip rules)."""
    if page is PageId.TRANSFERS:
        return has_transfers(project)
    if page is PageId.COOKIES:
        return has_website_or_app(project)
    return True


def applicable_pages(project: Project) -> list[PageId]:
    """The pages shown for this project, in order."""
    return [p for p in PAGE_ORDER if page_applies(project, p)]


def next_page(project: Project, current: PageId) -> PageId | None:
    """The page after ``current``, skipping pages that do not apply; ``None`` after the last."""
    index = PAGE_ORDER.index(current)
    for page in PAGE_ORDER[index + 1 :]:
        if page_applies(project, page):
            return page
    return None


# --- issues ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """Something missing or risky, on the page where it is answered.

    ``field`` is the model path (``organisation.email``, ``purposes[2].legal_basis``) so the UI can
    point at the widget. ``blocking`` issues keep the page's Next button disabled; the others are
    shown in amber. ``translation`` issues (a text not yet written in an output language) do not
    block the page, but block generating until the text is written or the language dropped.
    """

    page: PageId
    field: str
    message: str
    args: Mapping[str, Any] = dataclass_field(default_factory=dict)
    blocking: bool = True
    translation: bool = False

    def text(self, gettext: Callable[[str], str] = lambda s: s, lang: str | None = None) -> str:
        """The message in the UI language: ``gettext`` translates the English template and the
        arguments that are themselves marked messages (``what``, ``language``, ``problem``);
        the user's own names (:class:`Named`) are given in ``lang`` where they exist in it."""
        named = in_language(self.args, lang)
        args = dict(named)
        for key in _TRANSLATED_ARGS:
            if key in args:
                args[key] = gettext(args[key]).format(**named)
        return gettext(self.message).format(**args)


class Named(str):
    """A name in the user's own words (a purpose, a recipient's category) in every language it
    was written in. As a ``str`` it is the name in its first language, so it formats and
    compares like one; :meth:`get` gives it in another language."""

    texts: Mapping[str, str]

    def __new__(cls, texts: Mapping[str, str], fallback: str = "") -> Named:
        first = next((t for t in texts.values() if t), "")
        obj = super().__new__(cls, texts.get("en") or first or fallback)
        obj.texts = dict(texts)
        return obj

    def get(self, lang: str | None) -> str:
        """The name in ``lang``, else as a plain ``str`` (its first language)."""
        return (self.texts.get(lang) if lang else None) or str(self)

    @classmethod
    def join(cls, names: Iterable[str], sep: str = ", ") -> Named:
        """Names joined with ``sep``, language by language."""
        items = list(names)
        langs = {lang for n in items if isinstance(n, Named) for lang in n.texts}
        texts = {
            lang: sep.join(n.get(lang) if isinstance(n, Named) else n for n in items)
            for lang in sorted(langs)
        }
        return cls(texts, sep.join(str(n) for n in items))


def in_language(args: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
    """``args`` with every :class:`Named` value given in ``lang``."""
    return {k: v.get(lang) if isinstance(v, Named) else v for k, v in args.items()}


_TRANSLATED_ARGS = ("what", "language", "problem")


LANGUAGE_NAMES: dict[str, str] = {
    "en": N_("English"),
    "nl": N_("Dutch"),
    "fr": N_("French"),
    "de": N_("German"),
}

_EMAIL_ADAPTER: TypeAdapter[str] = TypeAdapter(Email)
_URL_ADAPTER: TypeAdapter[str] = TypeAdapter(Url)


def email_problem(text: str) -> str | None:
    """An error message for a typed e-mail address, or ``None`` when it is fine or empty."""
    if not text.strip():
        return None
    try:
        _EMAIL_ADAPTER.validate_python(text)
    except ValidationError:
        return N_("This is not an e-mail address (it should look like name@example.com).")
    return None


def url_problem(text: str) -> str | None:
    """An error message for a typed web address, or ``None`` when it is fine or empty."""
    if not text.strip():
        return None
    try:
        _URL_ADAPTER.validate_python(text)
    except ValidationError:
        return N_("This is not a web address (it should start with https://).")
    return None


def _text_gaps(
    page: PageId, path: str, text: LocalText, languages: Iterable[str], what: str, **args: Any
) -> list[Issue]:
    """Issues for the output languages that ``text`` has not been written in."""
    issues = []
    for lang in languages:
        if not text.get(lang):
            issues.append(
                Issue(
                    page,
                    f"{path}.{lang}",
                    N_("{what}: not written in {language} yet."),
                    {"what": what, "language": LANGUAGE_NAMES[lang], "lang": lang, **args},
                    blocking=False,
                    translation=True,
                )
            )
    return issues


def purpose_label(purpose: Purpose, lang: str = "en") -> str:
    """A short name for a purpose in messages: its name in ``lang``, any name, or its id."""
    return purpose.name.get(lang) or next(iter(purpose.name.root.values()), "") or purpose.id


def purpose_named(purpose: Purpose) -> Named:
    """A purpose's name in every language it has, for messages shown in any language."""
    return Named(purpose.name.root, purpose.id)


def recipient_label(recipient: Recipient, lang: str = "en") -> str:
    """A short name for a recipient: its name, else its category in ``lang`` (or any language)."""
    return (
        recipient.name
        or recipient.category.get(lang)
        or next(iter(recipient.category.root.values()), "")
    )


def recipient_named(recipient: Recipient) -> Named:
    """A recipient's name (the same in every language), else its category in each language."""
    if recipient.name:
        return Named({}, recipient.name)
    return Named(recipient.category.root)


def _organisation_issues(project: Project) -> list[Issue]:
    org = project.organisation
    page = PageId.ORGANISATION
    issues: list[Issue] = []
    if not org.legal_name:
        issues.append(Issue(page, "organisation.legal_name", N_("Enter the legal name.")))
    if not (org.address.street and org.address.city):
        issues.append(
            Issue(page, "organisation.address", N_("Enter the street and city of the address."))
        )
    if not org.country:
        issues.append(
            Issue(page, "organisation.country", N_("Choose the country of establishment."))
        )
    elif org.country == "DE" and not (org.region or "").startswith("DE-"):
        issues.append(
            Issue(
                page,
                "organisation.region",
                N_("Choose the German Land: it decides which supervisory authority is competent."),
            )
        )
    if not org.email:
        issues.append(
            Issue(page, "organisation.email", N_("Enter the e-mail address for privacy questions."))
        )
    if project.dpo is not None and not (project.dpo.email or project.dpo.phone):
        issues.append(
            Issue(
                page,
                "dpo.email",
                N_("Enter how to reach the data protection officer (e-mail or phone)."),
            )
        )
    if org.country and org.country not in EEA_COUNTRIES:
        rep = project.representative
        if rep is None or not rep.name or not rep.email:
            issues.append(
                Issue(
                    page,
                    "representative",
                    N_(
                        "You are established outside the EU/EEA: enter the name and e-mail "
                        "address of your representative in the EU (Art. 27 GDPR)."
                    ),
                )
            )
    return issues


def purpose_issues(
    purpose: Purpose, index: int, languages: Iterable[str] = ("en",)
) -> list[Issue]:
    """What is missing in one purpose (shown in the purpose editor and on the review page)."""
    page = PageId.PURPOSES
    base = f"purposes[{index}]"
    label = purpose_named(purpose)
    issues: list[Issue] = []
    languages = list(languages)
    if not purpose.name:
        issues.append(Issue(page, f"{base}.name", N_("Describe the purpose.")))
    else:
        issues += _text_gaps(
            page, f"{base}.name", purpose.name, languages, N_("Name of the purpose")
        )
    if not purpose.data_categories and not purpose.other_data:
        issues.append(
            Issue(
                page,
                f"{base}.data_categories",
                N_("{purpose}: choose the data you use for it."),
                {"purpose": label},
            )
        )
    if purpose.legal_basis is None:
        issues.append(
            Issue(
                page,
                f"{base}.legal_basis",
                N_("{purpose}: choose a legal basis."),
                {"purpose": label},
            )
        )
    elif purpose.legal_basis is LegalBasis.LEGITIMATE_INTERESTS:
        if not purpose.legitimate_interest:
            issues.append(
                Issue(
                    page,
                    f"{base}.legitimate_interest",
                    N_("{purpose}: say which legitimate interest you pursue."),
                    {"purpose": label},
                )
            )
        else:
            issues += _text_gaps(
                page,
                f"{base}.legitimate_interest",
                purpose.legitimate_interest,
                languages,
                N_("Legitimate interest of '{purpose}'"),
                purpose=label,
            )
    if purpose.special_categories and purpose.special_condition is None:
        issues.append(
            Issue(
                page,
                f"{base}.special_condition",
                N_(
                    "{purpose}: health or other special data need a condition of "
                    "Art. 9(2) GDPR (for care providers usually 'health care')."
                ),
                {"purpose": label},
            )
        )
    retention = purpose.retention
    if retention.period is None and not retention.criteria:
        issues.append(
            Issue(
                page,
                f"{base}.retention",
                N_("{purpose}: say how long you keep the data (a period, or the criteria)."),
                {"purpose": label},
            )
        )
    elif retention.criteria:
        issues += _text_gaps(
            page,
            f"{base}.retention.criteria",
            retention.criteria,
            languages,
            N_("Retention of '{purpose}'"),
            purpose=label,
        )
    if purpose.source:
        issues += _text_gaps(
            page, f"{base}.source", purpose.source, languages, N_("Source of '{purpose}'"),
            purpose=label,
        )
    if purpose.requirement is None:
        issues.append(
            Issue(
                page,
                f"{base}.requirement",
                N_("{purpose}: say whether people must give these data (Art. 13(2)(e))."),
                {"purpose": label},
                blocking=False,
            )
        )
    return issues


def _purposes_issues(project: Project) -> list[Issue]:
    languages = project.publication.languages
    if not project.purposes:
        return [Issue(PageId.PURPOSES, "purposes", N_("Add at least one purpose."))]
    issues: list[Issue] = []
    for index, purpose in enumerate(project.purposes):
        issues += purpose_issues(purpose, index, languages)
    return issues


def _recipients_issues(project: Project) -> list[Issue]:
    page = PageId.RECIPIENTS
    issues: list[Issue] = []
    languages = project.publication.languages
    for index, recipient in enumerate(project.recipients):
        if not recipient.service:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].service",
                    N_("{recipient}: say what it does with the data."),
                    {"recipient": recipient_named(recipient)},
                )
            )
        else:
            issues += _text_gaps(
                page,
                f"recipients[{index}].service",
                recipient.service,
                languages,
                N_("What '{recipient}' does"),
                recipient=recipient_named(recipient),
            )
        if not recipient.purposes:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].purposes",
                    N_("{recipient}: no purpose linked to it yet."),
                    {"recipient": recipient_named(recipient)},
                    blocking=False,
                )
            )
    return issues


#: Countries with an adequacy decision of the European Commission (Art. 45 GDPR), besides the US,
#: whose adequacy decision (the Data Privacy Framework) covers certified organisations only.
ADEQUACY_COUNTRIES: frozenset[str] = frozenset(
    "AD AR CA CH FO GB GG IL IM JE JP KR NZ UY".split()
)


def transfer_problem(country: str, safeguard: Safeguard | None) -> str | None:
    """Why ``safeguard`` does not cover a transfer to ``country``; ``None`` when it does."""
    if country in EEA_COUNTRIES:
        return None
    if safeguard is None or safeguard is Safeguard.NONE:
        return N_("Choose the safeguard for this transfer outside the EU/EEA.")
    if safeguard is Safeguard.PRIVACY_SHIELD:
        return N_(
            "The Privacy Shield was declared invalid on 16 July 2020: choose the Data Privacy "
            "Framework (if the recipient is certified) or standard contractual clauses."
        )
    if safeguard is Safeguard.DPF and country != "US":
        return N_("The Data Privacy Framework covers transfers to the United States only.")
    if safeguard is Safeguard.ADEQUACY and country not in ADEQUACY_COUNTRIES:
        return N_("This country has no adequacy decision: choose another safeguard.")
    return None


def _transfers_issues(project: Project) -> list[Issue]:
    issues: list[Issue] = []
    for index, recipient in enumerate(project.recipients):
        problem = transfer_problem(recipient.country, recipient.safeguard)
        if problem:
            issues.append(
                Issue(
                    PageId.TRANSFERS,
                    f"recipients[{index}].safeguard",
                    N_("{recipient} ({country}): {problem}"),
                    {
                        "recipient": recipient_named(recipient),
                        "country": recipient.country,
                        "problem": problem,
                    },
                )
            )
    return issues


def _cookies_issues(project: Project) -> list[Issue]:
    page = PageId.COOKIES
    cookies = project.cookies
    if not cookies.used:
        return []
    issues: list[Issue] = []
    languages = project.publication.languages
    if not cookies.items:
        issues.append(Issue(page, "cookies.items", N_("List the cookies you use.")))
    needs_consent = any(c.category is not CookieCategory.STRICTLY_NECESSARY for c in cookies.items)
    if needs_consent:
        if not cookies.consent_mechanism:
            issues.append(
                Issue(
                    page,
                    "cookies.consent_mechanism",
                    N_("Say how you ask consent for cookies that are not strictly necessary."),
                )
            )
        else:
            issues += _text_gaps(
                page, "cookies.consent_mechanism", cookies.consent_mechanism, languages,
                N_("How consent is asked"),
            )
        if not cookies.withdrawal:
            issues.append(
                Issue(
                    page,
                    "cookies.withdrawal",
                    N_("Say how people withdraw their consent for cookies."),
                )
            )
        else:
            issues += _text_gaps(
                page, "cookies.withdrawal", cookies.withdrawal, languages,
                N_("How consent is withdrawn"),
            )
    for index, cookie in enumerate(cookies.items):
        issues += _text_gaps(
            page, f"cookies.items[{index}].purpose", cookie.purpose, languages,
            N_("Purpose of cookie '{cookie}'"), cookie=cookie.name,
        )
    return issues


def _children_issues(project: Project) -> list[Issue]:
    page = PageId.CHILDREN
    children = project.children
    if not children.targets_children:
        return []
    issues: list[Issue] = []
    if children.age_threshold is None:
        issues.append(
            Issue(page, "children.age_threshold", N_("Choose the age below which parents consent."))
        )
    if not children.parental_consent:
        issues.append(
            Issue(
                page,
                "children.parental_consent",
                N_("Say how you obtain and check the parents' consent."),
            )
        )
    else:
        issues += _text_gaps(
            page, "children.parental_consent", children.parental_consent,
            project.publication.languages, N_("Parental consent"),
        )
    return issues


def _rights_issues(project: Project) -> list[Issue]:
    page = PageId.RIGHTS
    rights = project.rights
    languages = project.publication.languages
    issues: list[Issue] = []
    if not (rights.email or rights.web_form or rights.by_post or project.organisation.email):
        issues.append(
            Issue(page, "rights.email", N_("Give at least one way to send a request."))
        )
    if not rights.identity_check:
        issues.append(
            Issue(
                page,
                "rights.identity_check",
                N_("Say how you check who is asking before you answer a request."),
                blocking=False,
            )
        )
    else:
        issues += _text_gaps(
            page, "rights.identity_check", rights.identity_check, languages,
            N_("Identity check"),
        )
    authority = project.authority
    if not authority.catalog_id and not authority.name:
        issues.append(Issue(page, "authority", N_("Choose the supervisory authority.")))
    decisions = project.automated_decisions
    if decisions.used is None:
        issues.append(
            Issue(
                page,
                "automated_decisions.used",
                N_("Answer whether you take decisions by computer alone."),
            )
        )
    elif decisions.used:
        for path, text, what in (
            ("automated_decisions.logic", decisions.logic, N_("The logic involved")),
            ("automated_decisions.consequences", decisions.consequences, N_("The consequences")),
        ):
            if not text:
                issues.append(Issue(page, path, N_("{what}: describe it."), {"what": what}))
            else:
                issues += _text_gaps(page, path, text, languages, what)
    return issues


def _output_issues(project: Project) -> list[Issue]:
    page = PageId.OUTPUT
    pub = project.publication
    issues: list[Issue] = []
    if not pub.languages:
        issues.append(Issue(page, "publication.languages", N_("Choose at least one language.")))
    if not pub.formats:
        issues.append(Issue(page, "publication.formats", N_("Choose at least one format.")))
    if pub.effective_date is None:
        issues.append(
            Issue(
                page, "publication.effective_date", N_("Choose the date the policy takes effect.")
            )
        )
    if not pub.version.strip():
        issues.append(
            Issue(
                page,
                "publication.version",
                N_("Enter the version of the policy (for example 1.0)."),
            )
        )
    if not pub.output_folder:
        issues.append(
            Issue(page, "publication.output_folder", N_("Choose the folder for the documents."))
        )
    return issues


_PAGE_CHECKS: dict[PageId, Callable[[Project], list[Issue]]] = {
    PageId.ORGANISATION: _organisation_issues,
    PageId.SERVICES: lambda p: (
        []
        if p.services
        else [Issue(PageId.SERVICES, "services", N_("Choose at least one service."))]
    ),
    PageId.PURPOSES: _purposes_issues,
    PageId.RECIPIENTS: _recipients_issues,
    PageId.TRANSFERS: _transfers_issues,
    PageId.COOKIES: _cookies_issues,
    PageId.CHILDREN: _children_issues,
    PageId.RIGHTS: _rights_issues,
    PageId.OUTPUT: _output_issues,
}


def page_issues(project: Project, page: PageId) -> list[Issue]:
    """Everything missing or risky on one page (blocking and not)."""
    check = _PAGE_CHECKS.get(page)
    return check(project) if check else []


def is_page_complete(project: Project, page: PageId) -> bool:
    """True when nothing on ``page`` blocks going on (the page's Next button)."""
    return not any(i.blocking for i in page_issues(project, page))


def missing(project: Project) -> list[Issue]:
    """Everything missing or risky in the project, page by page, for the pages that apply."""
    issues: list[Issue] = []
    for page in applicable_pages(project):
        if page is not PageId.OUTPUT:
            issues += page_issues(project, page)
    return issues


def generation_blockers(project: Project) -> list[Issue]:
    """What keeps the documents from being generated: blocking issues on every page that
    applies, and texts not yet written in an output language."""
    return [
        i
        for page in applicable_pages(project)
        for i in page_issues(project, page)
        if i.blocking or i.translation
    ]


def ready_to_generate(project: Project) -> bool:
    """True when the documents can be generated (the Output page's Generate button)."""
    return not generation_blockers(project)


# --- proposals from the catalogues --------------------------------------------------------------

#: The German Länder: their data protection authorities are competent for private companies.
GERMAN_LAENDER: dict[str, str] = {
    "DE-BW": "Baden-Württemberg",
    "DE-BY": "Bayern",
    "DE-BE": "Berlin",
    "DE-BB": "Brandenburg",
    "DE-HB": "Bremen",
    "DE-HH": "Hamburg",
    "DE-HE": "Hessen",
    "DE-MV": "Mecklenburg-Vorpommern",
    "DE-NI": "Niedersachsen",
    "DE-NW": "Nordrhein-Westfalen",
    "DE-RP": "Rheinland-Pfalz",
    "DE-SL": "Saarland",
    "DE-SN": "Sachsen",
    "DE-ST": "Sachsen-Anhalt",
    "DE-SH": "Schleswig-Holstein",
    "DE-TH": "Thüringen",
}


def proposed_authority_id(country: str | None, region: str | None) -> str | None:
    """The catalogue id of the authority competent for this place, if the catalogue knows it."""
    if not country:
        return None
    from wizard.catalog.authorities import default_authority

    found = default_authority(country, region)
    return found.id if found is not None else None


def apply_country_defaults(
    project: Project, previous_country: str | None, previous_region: str | None
) -> None:
    """After the country (or German Land) changed, update the supervisory authority and the
    children's age threshold, unless the user chose them differently from the old proposal."""
    org = project.organisation
    old_authority = proposed_authority_id(previous_country, previous_region)
    authority = project.authority
    if (not authority.catalog_id and not authority.name) or (
        authority.catalog_id is not None and authority.catalog_id == old_authority
    ):
        authority.catalog_id = proposed_authority_id(org.country, org.region)
    children = project.children
    if children.age_threshold is not None and children.age_threshold == proposed_age(
        previous_country
    ):
        children.age_threshold = proposed_age(org.country)


def proposed_age(country: str | None) -> int:
    """The Art. 8 age of digital consent for ``country`` (16, the GDPR default, if unknown)."""
    from wizard.catalog.ages import DEFAULT_AGE, digital_consent_age

    if not country:
        return DEFAULT_AGE
    age = digital_consent_age(country)
    return age if age is not None else DEFAULT_AGE


def children_countries(project: Project) -> list[str]:
    """The countries whose Art. 8 age the children's threshold must respect: the country of
    establishment, then the other countries the services are offered to children in."""
    own = project.organisation.country or project.organisation.address.country
    return list(dict.fromkeys(c for c in (own, *project.children.other_countries) if c))


def highest_age(project: Project) -> tuple[int, str | None]:
    """The highest Art. 8 age among :func:`children_countries` and the country that sets it
    (the GDPR default of 16 and ``None`` when no country is known)."""
    countries = children_countries(project)
    if not countries:
        return proposed_age(None), None
    return max(((proposed_age(c), c) for c in countries), key=lambda pair: pair[0])


# --- suggested purposes per service ---------------------------------------------------------------

#: Statutory retention of medical records where it is well known: years, and the law.
MEDICAL_RECORD_RETENTION: dict[str, tuple[int, str]] = {
    "NL": (20, "WGBO (Burgerlijk Wetboek, Boek 7, art. 7:454)"),
    "DE": (10, "§ 630f Abs. 3 BGB"),
    "BE": (30, "Wet kwaliteitsvolle praktijkvoering in de gezondheidszorg, art. 35"),
    "FR": (20, "Code de la santé publique, art. R1112-7"),
}

_S = DataSubject
_C = DataCategory

#: What each service usually involves. English names only; the user translates.
_SUGGESTIONS: dict[Service, list[dict[str, Any]]] = {
    Service.WEBSITE: [
        {
            "id": "website",
            "name": "Running and securing our website",
            "subjects": [_S.WEBSITE_VISITORS],
            "data_categories": [_C.DEVICE, _C.USAGE],
            "legal_basis": LegalBasis.LEGITIMATE_INTERESTS,
            "legitimate_interest": "Keeping our website working and secure",
            "retention": {"period": {"amount": 3, "unit": TimeUnit.MONTHS},
                          "starting": RetentionStart.COLLECTION},
        }
    ],
    Service.MOBILE_APP: [
        {
            "id": "app",
            "name": "Providing our app",
            "subjects": [_S.APP_USERS],
            "data_categories": [_C.ACCOUNT, _C.DEVICE, _C.USAGE],
            "legal_basis": LegalBasis.CONTRACT,
            "requirement": Requirement.NEEDED_FOR_CONTRACT,
            "retention": {"period": {"amount": 3, "unit": TimeUnit.MONTHS},
                          "starting": RetentionStart.ACCOUNT_CLOSURE},
        }
    ],
    Service.ONLINE_PLATFORM: [
        {
            "id": "platform",
            "name": "Providing our online platform and user accounts",
            "subjects": [_S.CUSTOMERS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.ACCOUNT, _C.USAGE],
            "legal_basis": LegalBasis.CONTRACT,
            "requirement": Requirement.NEEDED_FOR_CONTRACT,
            "retention": {"period": {"amount": 3, "unit": TimeUnit.MONTHS},
                          "starting": RetentionStart.ACCOUNT_CLOSURE},
        }
    ],
    Service.APPOINTMENT_BOOKING: [
        {
            "id": "appointments",
            "name": "Booking and managing appointments",
            "subjects": [_S.PATIENTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.APPOINTMENT],
            "legal_basis": LegalBasis.CONTRACT,
            "requirement": Requirement.NEEDED_FOR_CONTRACT,
            "retention": {"period": {"amount": 2, "unit": TimeUnit.YEARS},
                          "starting": RetentionStart.LAST_CONTACT},
        }
    ],
    Service.TELECONSULTATION: [
        {
            "id": "teleconsultation",
            "name": "Consultations by video call",
            "subjects": [_S.PATIENTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.HEALTH, _C.VIDEO_AUDIO],
            "legal_basis": LegalBasis.CONTRACT,
            "special_condition": SpecialCondition.HEALTH_CARE,
            "requirement": Requirement.NEEDED_FOR_CONTRACT,
            "retention": {"criteria": "We do not record video calls; what we note during the "
                                      "call is kept in your patient record."},
        }
    ],
    Service.PATIENT_CARE: [
        {
            "id": "patient-records",
            "name": "Treating you and keeping your patient record",
            "subjects": [_S.PATIENTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.NATIONAL_ID, _C.INSURANCE, _C.HEALTH],
            "legal_basis": LegalBasis.CONTRACT,
            "special_condition": SpecialCondition.HEALTH_CARE,
            "requirement": Requirement.STATUTORY,
            "retention": {"starting": RetentionStart.END_OF_TREATMENT},
        },
        {
            "id": "invoicing",
            "name": "Invoicing and accounting",
            "subjects": [_S.PATIENTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.INSURANCE, _C.PAYMENT],
            "legal_basis": LegalBasis.LEGAL_OBLIGATION,
            "requirement": Requirement.STATUTORY,
            "retention": {"criteria": "As long as tax and accounting law requires us to keep "
                                      "invoices and accounting records.",
                          "starting": RetentionStart.END_OF_FISCAL_YEAR},
        },
    ],
    Service.ONLINE_PAYMENTS: [
        {
            "id": "orders",
            "name": "Processing orders and payments",
            "subjects": [_S.CUSTOMERS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.PAYMENT],
            "legal_basis": LegalBasis.CONTRACT,
            "requirement": Requirement.NEEDED_FOR_CONTRACT,
            "retention": {"criteria": "As long as tax and accounting law requires us to keep "
                                      "invoices and accounting records.",
                          "starting": RetentionStart.END_OF_FISCAL_YEAR},
        }
    ],
    Service.NEWSLETTER: [
        {
            "id": "newsletter",
            "name": "Sending our newsletter",
            "subjects": [_S.SUBSCRIBERS],
            "data_categories": [_C.CONTACT, _C.MARKETING_PREFERENCES],
            "legal_basis": LegalBasis.CONSENT,
            "requirement": Requirement.VOLUNTARY,
            "retention": {"criteria": "Until you unsubscribe.",
                          "starting": RetentionStart.WITHDRAWAL},
        }
    ],
    Service.CONTACT_FORM: [
        {
            "id": "contact",
            "name": "Answering your questions and messages",
            "subjects": [_S.CONTACTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.COMMUNICATION],
            "legal_basis": LegalBasis.LEGITIMATE_INTERESTS,
            "legitimate_interest": "Answering the questions people send us",
            "requirement": Requirement.VOLUNTARY,
            "retention": {"period": {"amount": 1, "unit": TimeUnit.YEARS},
                          "starting": RetentionStart.LAST_CONTACT},
        }
    ],
    Service.RECRUITMENT: [
        {
            "id": "recruitment",
            "name": "Recruiting new staff",
            "subjects": [_S.APPLICANTS],
            "data_categories": [_C.IDENTITY, _C.CONTACT, _C.APPLICATION],
            "legal_basis": LegalBasis.CONTRACT,
            "requirement": Requirement.VOLUNTARY,
            "retention": {"period": {"amount": 4, "unit": TimeUnit.WEEKS},
                          "starting": RetentionStart.END_OF_PROCEDURE},
        }
    ],
}

_LOCAL_TEXT_KEYS = ("name", "legitimate_interest")


def suggested_purposes(service: Service, country: str | None = None) -> list[Purpose]:
    """The purposes ``service`` usually involves, as new :class:`Purpose` objects (English text)."""
    out = []
    for spec in _SUGGESTIONS.get(service, []):
        data = dict(spec)
        for key in _LOCAL_TEXT_KEYS:
            if key in data:
                data[key] = {"en": data[key]}
        retention = dict(data.get("retention", {}))
        if "criteria" in retention:
            retention["criteria"] = {"en": retention["criteria"]}
        if data["id"] == "patient-records":
            known = MEDICAL_RECORD_RETENTION.get(country or "")
            if known:
                retention["period"] = {"amount": known[0], "unit": TimeUnit.YEARS}
                retention["statutory_reference"] = known[1]
            else:
                retention["criteria"] = {
                    "en": "As long as the law on medical records requires us to keep them."
                }
        data["retention"] = retention
        out.append(Purpose.model_validate(data))
    return out


def add_suggestions(project: Project, service: Service) -> list[Purpose]:
    """Add the purposes ``service`` suggests that the project does not have yet; return them."""
    have = {p.id for p in project.purposes}
    proposals = suggested_purposes(service, project.organisation.country)
    added = [p for p in proposals if p.id not in have]
    if added:
        project.purposes = [*project.purposes, *added]
    return added


def remove_untouched_suggestions(project: Project, service: Service) -> list[Purpose]:
    """Remove the purposes ``service`` suggested, where the user left them exactly as suggested
    and no other chosen service suggests them and no recipient refers to them; return them."""
    others = {
        p.id
        for s in project.services
        if s is not service
        for p in suggested_purposes(s, project.organisation.country)
    }
    referenced = {pid for r in project.recipients for pid in r.purposes}
    suggested = {p.id: p for p in suggested_purposes(service, project.organisation.country)}
    removed = [
        p
        for p in project.purposes
        if p.id in suggested
        and p == suggested[p.id]
        and p.id not in others
        and p.id not in referenced
    ]
    if removed:
        project.purposes = [p for p in project.purposes if p not in removed]
    return removed


def new_purpose_id(project: Project, name: str) -> str:
    """A purpose id derived from ``name`` that no purpose in ``project`` uses yet."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "purpose"
    taken = {p.id for p in project.purposes}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def duplicate_purpose(project: Project, index: int) -> Purpose:
    """Insert a copy of purpose ``index`` right after it, with a new id; return the copy."""
    original = project.purposes[index]
    copy = original.model_copy(deep=True)
    copy.id = new_purpose_id(project, original.id)
    purposes = list(project.purposes)
    purposes.insert(index + 1, copy)
    project.purposes = purposes
    return copy


def remove_purpose(project: Project, index: int) -> Purpose:
    """Remove purpose ``index`` and every recipient's link to it; return it."""
    removed = project.purposes[index]
    for recipient in project.recipients:
        if removed.id in recipient.purposes:
            recipient.purposes = [pid for pid in recipient.purposes if pid != removed.id]
    project.purposes = [p for i, p in enumerate(project.purposes) if i != index]
    return removed


def duplicate_item(items: list[Any], index: int) -> list[Any]:
    """A copy of ``items`` with a deep copy of item ``index`` inserted right after it."""
    out = list(items)
    out.insert(index + 1, items[index].model_copy(deep=True))
    return out


def move_item(items: list[Any], index: int, delta: int) -> list[Any]:
    """A copy of ``items`` with item ``index`` moved by ``delta`` places (clamped)."""
    new_index = max(0, min(len(items) - 1, index + delta))
    out = list(items)
    out.insert(new_index, out.pop(index))
    return out


# --- recipients from the processor catalogue ------------------------------------------------------


def recipient_from_catalog(entry: Any) -> Recipient:
    """A new recipient from a :class:`wizard.catalog.processors.Processor` entry.

    The country is where the data go: the first location outside the EU/EEA when the entry
    names a transfer safeguard, else its first (EU/EEA) location. Purposes are left for the
    user to link.
    """
    locations = list(entry.data_location)
    outside = [c for c in locations if c not in EEA_COUNTRIES]
    country = outside[0] if entry.safeguard and outside else (locations[0] if locations
                                                             else entry.country)
    legal = entry.legal_entity
    if legal and entry.name.casefold() not in legal.casefold():
        name = f"{legal} ({entry.name})"
    else:
        name = legal or entry.name
    return Recipient(
        name=name,
        catalog_id=entry.id,
        role=entry.role,
        service=LocalText({k: v for k, v in entry.purpose.items() if k in LANGUAGES}),
        country=country,
        safeguard=entry.safeguard if country not in EEA_COUNTRIES else None,
    )


# --- cookies from a CSV file ----------------------------------------------------------------------

COOKIE_CSV_COLUMNS = ("name", "provider", "party", "category", "purpose", "lifetime")

_UNIT_WORDS: dict[str, TimeUnit] = {
    "day": TimeUnit.DAYS, "days": TimeUnit.DAYS, "d": TimeUnit.DAYS,
    "week": TimeUnit.WEEKS, "weeks": TimeUnit.WEEKS, "w": TimeUnit.WEEKS,
    "month": TimeUnit.MONTHS, "months": TimeUnit.MONTHS, "m": TimeUnit.MONTHS,
    "year": TimeUnit.YEARS, "years": TimeUnit.YEARS, "y": TimeUnit.YEARS,
}


def parse_lifetime(text: str) -> dict[str, Any] | None:
    """``"13 months"`` -> a duration dict; ``"session"`` or empty -> ``None``; else ValueError."""
    text = text.strip().lower()
    if text in ("", "session"):
        return None
    match = re.fullmatch(r"(\d+)\s*([a-z]+)", text)
    if not match or match.group(2) not in _UNIT_WORDS:
        raise ValueError(f"lifetime {text!r} is not like '13 months' or 'session'")
    return {"amount": int(match.group(1)), "unit": _UNIT_WORDS[match.group(2)]}


def parse_cookies_csv(text: str, lang: str = "en") -> tuple[list[Cookie], list[str]]:
    """Read cookies from CSV text (comma or semicolon separated, with a header row naming
    :data:`COOKIE_CSV_COLUMNS`); returns the cookies and one problem per line that was skipped."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        return [], ["the file is empty"]
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    absent = [c for c in ("name", "provider", "category") if c not in header]
    if absent:
        return [], [f"line 1: missing column(s) {', '.join(absent)}; "
                    f"expected {', '.join(COOKIE_CSV_COLUMNS)}"]
    cookies: list[Cookie] = []
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not any(values.values()):
            continue
        try:
            category = values.get("category", "").lower().replace(" ", "_").replace("-", "_")
            party = values.get("party", "").lower() or (
                Party.FIRST.value if values.get("provider") else ""
            )
            party = {"1st": "first", "3rd": "third", "first-party": "first",
                     "third-party": "third"}.get(party, party)
            cookies.append(
                Cookie.model_validate(
                    {
                        "name": values.get("name", ""),
                        "provider": values.get("provider", ""),
                        "party": party,
                        "category": category,
                        "purpose": {lang: values.get("purpose", "")},
                        "lifetime": parse_lifetime(values.get("lifetime", "")),
                    }
                )
            )
        except (ValueError, ValidationError) as exc:
            if isinstance(exc, ValidationError):
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"] if p != "root")
                problems.append(f"line {line}: {where}: {err['msg']}")
            else:
                problems.append(f"line {line}: {exc}")
    return cookies, problems


__all__ = [
    "ADEQUACY_COUNTRIES",
    "COOKIE_CSV_COLUMNS",
    "GERMAN_LAENDER",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "PAGE_ORDER",
    "Issue",
    "Named",
    "PageId",
    "add_suggestions",
    "applicable_pages",
    "apply_country_defaults",
    "generation_blockers",
    "duplicate_item",
    "duplicate_purpose",
    "email_problem",
    "has_transfers",
    "has_website_or_app",
    "is_page_complete",
    "missing",
    "move_item",
    "new_purpose_id",
    "next_page",
    "page_applies",
    "page_issues",
    "parse_cookies_csv",
    "parse_lifetime",
    "proposed_age",
    "proposed_authority_id",
    "purpose_issues",
    "children_countries",
    "highest_age",
    "in_language",
    "purpose_label",
    "purpose_named",
    "recipient_from_catalog",
    "recipient_label",
    "recipient_named",
    "ready_to_generate",
    "remove_purpose",
    "remove_untouched_suggestions",
    "suggested_purposes",
    "transfer_problem",
    "url_problem",
]
