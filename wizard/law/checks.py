"""The legal checks the review makes on top of the wizard's questions, as a registry.

Each :class:`Check` carries a stable code, the page and the article it rests on, a default
severity and a plain-language explanation; its function looks at the answers and returns one
:class:`Hit` per problem (with the field path to fix). :func:`run` turns hits into
:class:`~wizard.law.findings.Finding` objects, so nothing downstream recognises a finding by
its field path. Messages are English source strings marked with :func:`~wizard.languages.N_`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from wizard.flow.issues import Issue
from wizard.flow.pages import PageId
from wizard.languages import LANGUAGES, N_
from wizard.languages import get as get_language
from wizard.law import applicability as law
from wizard.law.findings import Finding, Severity
from wizard.model.answers import CookieCategory, LegalBasis, LocalText, Project
from wizard.model.countries import EEA_COUNTRIES


@dataclass(frozen=True)
class Hit:
    """One problem a check found: where, the message and, when it differs from the check's
    default, its severity."""

    field: str
    message: str
    args: Mapping[str, Any] = dataclass_field(default_factory=dict)
    severity: Severity | None = None
    #: The page the field is answered on, when it differs from the check's page.
    page: PageId | None = None


@dataclass(frozen=True)
class Check:
    """A registered legal check."""

    code: str
    page: PageId
    severity: Severity
    article: str
    explanation: str
    find: Callable[[Project], list[Hit]]

    def findings(self, project: Project) -> list[Finding]:
        return [
            Finding(
                self.code,
                hit.severity or self.severity,
                Issue(hit.page or self.page, hit.field, hit.message, hit.args, blocking=False),
                self.explanation,
                self.article,
            )
            for hit in self.find(project)
        ]


#: Every check, in registration order.
REGISTRY: dict[str, Check] = {}


def check(
    code: str, page: PageId, severity: Severity, article: str, explanation: str
) -> Callable[[Callable[[Project], list[Hit]]], Callable[[Project], list[Hit]]]:
    """Register the decorated function as the check ``code``."""

    def register(find: Callable[[Project], list[Hit]]) -> Callable[[Project], list[Hit]]:
        if code in REGISTRY:
            raise ValueError(f"check {code!r} registered twice")
        REGISTRY[code] = Check(code, page, severity, article, explanation, find)
        return find

    return register


def run(project: Project) -> list[Finding]:
    """The findings of every registered check."""
    out: list[Finding] = []
    for registered in REGISTRY.values():
        out += registered.findings(project)
    return out


# --- publication ----------------------------------------------------------------------------------


@check(
    "effective_date_missing",
    PageId.OUTPUT,
    Severity.ERROR,
    N_("Art. 12(1) and Art. 13(3) GDPR"),
    N_(
        "A published policy says from when it applies, so that people can tell which version "
        "was in force when they gave their data and see when it changed. Without a date the "
        "documents can only be written as a draft."
    ),
)
def _effective_date(project: Project) -> list[Hit]:
    if project.publication.effective_date is not None:
        return []
    return [Hit("publication.effective_date", N_("The policy has no effective date."))]


# --- the supervisory authority --------------------------------------------------------------------


def expected_authority(project: Project) -> str | None:
    """The catalogue id of the authority that fits the controller: for an organisation in the
    EU/EEA the authority of its country (in Germany, of its Land); for one outside, none (it has
    no lead authority: people complain in their own Member State)."""
    from wizard.catalog.authorities import default_authority

    if law.established_outside_eea(project):
        return None
    country = law.establishment(project)
    if not country:
        return None
    found = default_authority(country, project.organisation.region)
    return found.id if found is not None else None


_EXPLAIN_AUTHORITY = N_(
    "The authority competent for an organisation is the one of the Member State where it is "
    "established (in Germany, of the Land of the establishment; the federal BfDI supervises "
    "federal public bodies and telecommunications and postal services, not a private practice). "
    "A different authority is right only in special cases, for example the lead authority of "
    "your main establishment in another Member State: then record the reason on the Rights page."
)


@check(
    "authority_outside_eea",
    PageId.RIGHTS,
    Severity.ERROR,
    N_("Art. 51 and Art. 77 GDPR"),
    N_(
        "Only the authorities of the EU and EEA Member States supervise the GDPR. An authority "
        "of another country (the United Kingdom, Switzerland, ...) is never 'the supervisory "
        "authority' for a complaint under the GDPR. Choose the authority of your establishment "
        "or, without one in the EU, of your representative's Member State."
    ),
)
def _authority_outside(project: Project) -> list[Hit]:
    from wizard.catalog.authorities import authority

    chosen = project.authority.catalog_id
    found = authority(chosen) if chosen else None
    if found is None or found.country in EEA_COUNTRIES:
        return []
    return [
        Hit(
            "authority",
            N_("{authority} is not a supervisory authority under the GDPR."),
            {"authority": found.name("en")},
        )
    ]


@check(
    "authority_mismatch",
    PageId.RIGHTS,
    Severity.ERROR,
    N_("Art. 55, Art. 56 and Art. 77 GDPR"),
    _EXPLAIN_AUTHORITY,
)
def _authority_mismatch(project: Project) -> list[Hit]:
    from wizard.catalog.authorities import authority

    expected = expected_authority(project)
    chosen = project.authority
    if expected is None or (not chosen.catalog_id and not chosen.name):
        return []
    if chosen.catalog_id == expected:
        return []
    found = authority(chosen.catalog_id) if chosen.catalog_id else None
    if found is not None and found.country not in EEA_COUNTRIES:
        return []  # authority_outside_eea says it
    proposed = authority(expected)
    args = {
        "authority": found.name("en") if found is not None else chosen.name,
        "expected": proposed.name("en") if proposed is not None else expected,
    }
    if chosen.reason.strip():
        return [
            Hit(
                "authority.reason",
                N_(
                    "You name {authority} instead of {expected}, the authority of your "
                    "establishment, for the reason you recorded: check that it still holds."
                ),
                args,
                Severity.WARNING,
            )
        ]
    return [
        Hit(
            "authority",
            N_(
                "{authority} is not the authority of your establishment: that is {expected}. "
                "Choose it, or record why another authority is competent."
            ),
            args,
        )
    ]


# --- the data protection officer -----------------------------------------------------------------


def dpo_required_by(project: Project) -> list[str]:
    """The rules that require a data protection officer for this project, from the facts the
    organisation gave (empty when none does, or when the facts are not answered)."""
    from wizard.catalog.dpo import national_dpo_rule

    facts = project.dpo_facts
    if facts is None:
        return []
    out = []
    if facts.public_body:
        out.append("Art. 37(1)(a)")
    if facts.large_scale_monitoring:
        out.append("Art. 37(1)(b)")
    if facts.large_scale_special:
        out.append("Art. 37(1)(c)")
    rule = national_dpo_rule(law.establishment(project))
    if rule and facts.people_processing is not None:
        if facts.people_processing >= rule.people_threshold:
            out.append(rule.provision)
    return out


@check(
    "dpo_required",
    PageId.ORGANISATION,
    Severity.ERROR,
    N_("Art. 37 and Art. 13(1)(b) GDPR"),
    N_(
        "A data protection officer must be designated by public bodies, and by organisations "
        "whose core activities are large-scale processing of health or other special data, or "
        "regular and systematic monitoring of people on a large scale; some countries add "
        "rules of their own (in Germany, 20 or more people who constantly process personal "
        "data by computer). The policy must then give the officer's contact details."
    ),
)
def _dpo_required(project: Project) -> list[Hit]:
    rules = dpo_required_by(project)
    if not rules or project.dpo is not None:
        return []
    from wizard.law.elements import article_ref

    def cited(lang: str) -> str:
        return "; ".join(
            article_ref(r.removeprefix("Art. "), lang) if r.startswith("Art. ") else r
            for r in rules
        )

    named = LocalText({lang: cited(lang) for lang in LANGUAGES})
    return [
        Hit(
            "dpo",
            N_("Your answers require a data protection officer ({rules}), but none is named."),
            {"rules": named},
        )
    ]


# --- controllers outside the EU/EEA ---------------------------------------------------------------


@check(
    "representative_not_needed",
    PageId.ORGANISATION,
    Severity.WARNING,
    N_("Art. 27(1) GDPR"),
    N_(
        "Only an organisation not established in the EU or EEA designates a representative in "
        "the Union. Your organisation is established in the EU/EEA, so the policy names no "
        "representative; remove it from the project unless your establishment is wrong."
    ),
)
def _representative_left(project: Project) -> list[Hit]:
    rep = project.representative
    if rep is None or not (rep.name or rep.email) or not law.establishment(project):
        return []
    if law.established_outside_eea(project):
        return []
    return [
        Hit(
            "representative",
            N_("A representative in the EU is recorded, but you are established in the EU/EEA."),
        )
    ]


# --- children --------------------------------------------------------------------------------------


@check(
    "children_dpia",
    PageId.CHILDREN,
    Severity.WARNING,
    N_("Art. 35(1), (3) and (4) GDPR"),
    N_(
        "Children are vulnerable data subjects (Recital 75). A service meant for them meets "
        "criteria under which a data protection impact assessment is likely required (Art. "
        "35(1) and (3); the EDPB's criteria for a high risk count vulnerable data subjects as "
        "one), and the lists the supervisory authorities publish under Art. 35(4) name "
        "processing of children's data. Carry out and document the assessment before the "
        "processing starts, or record why it is not needed."
    ),
)
def _children_dpia(project: Project) -> list[Hit]:
    if not project.children.targets_children:
        return []
    return [
        Hit(
            "children.targets_children",
            N_(
                "Your services are meant for children: a data protection impact assessment is "
                "likely needed."
            ),
        )
    ]


@check(
    "children_legitimate_interests",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 6(1)(f) GDPR"),
    N_(
        "Legitimate interests are no basis where the interests or fundamental rights of the "
        'person override them, "in particular where the data subject is a child" (Art. '
        "6(1)(f)). Weigh the child's interests explicitly and record the balancing; for "
        "marketing or profiling it will rarely allow the processing (Recital 38)."
    ),
)
def _children_interests(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named

    if not project.children.targets_children:
        return []
    return [
        Hit(
            f"purposes[{index}].legal_basis",
            N_(
                "{purpose}: rests on legitimate interests, and your services are meant for "
                "children: their interests weigh more."
            ),
            {"purpose": purpose_named(purpose)},
        )
        for index, purpose in enumerate(project.purposes)
        if LegalBasis.LEGITIMATE_INTERESTS in purpose.bases
    ]


@check(
    "children_consent_capacity",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 8 and Art. 9(2)(a) GDPR"),
    N_(
        "For an online service offered directly to a child, a child under the age of digital "
        "consent cannot consent alone: the holder of parental responsibility gives or "
        "authorises the consent (Art. 8(1)). Art. 8 covers only that consent: whether a minor "
        "can give the explicit consent of Art. 9(2)(a) to health or other special data "
        "depends on national law (Art. 8(3) leaves the Member States' rules on capacity "
        "untouched). Make sure each consent you rely on can be given by the people your "
        "services are meant for, or is given by their parents."
    ),
)
def _children_consent(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named
    from wizard.model.answers import SpecialCondition

    children = project.children
    if not children.targets_children:
        return []
    age = children.age_threshold or law.project_consent_age(project)
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        args = {"purpose": purpose_named(purpose), "age": age}
        if LegalBasis.CONSENT in purpose.bases and children.minors_below(age):
            hits.append(
                Hit(
                    f"purposes[{index}].legal_basis",
                    N_(
                        "{purpose}: rests on consent, and some of the people your services "
                        "are meant for are under {age}: their parents give or authorise it."
                    ),
                    args,
                )
            )
        if (
            purpose.special_categories
            and purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT
        ):
            hits.append(
                Hit(
                    f"purposes[{index}].special_condition",
                    N_(
                        "{purpose}: rests on explicit consent to special categories of data, "
                        "and your services are meant for minors: check at what age national "
                        "law lets a minor give it."
                    ),
                    args,
                )
            )
    return hits


# --- one register per document ----------------------------------------------------------------------


#: The page where each top-level part of the project file is answered.
PAGE_OF_KEY: dict[str, PageId] = {
    "organisation": PageId.ORGANISATION,
    "dpo": PageId.ORGANISATION,
    "representative": PageId.ORGANISATION,
    "purposes": PageId.PURPOSES,
    "recipients": PageId.RECIPIENTS,
    "cookies": PageId.COOKIES,
    "children": PageId.CHILDREN,
    "rights": PageId.RIGHTS,
    "authority": PageId.RIGHTS,
    "automated_decisions": PageId.RIGHTS,
    "security": PageId.SECURITY,
    "processor_activities": PageId.SECURITY,
    "other_authorities": PageId.SECURITY,
    "own_sections": PageId.SECURITY,
    "publication": PageId.OUTPUT,
    "record": PageId.OUTPUT,
}

#: The pronouns of the informal register, in the languages whose policy addresses the reader
#: formally ("u", "vous", "Sie"); English has one "you".
_INFORMAL = {
    "nl": ("je", "jij", "jou", "jouw", "jullie"),
    "fr": ("tu", "toi", "ton", "ta", "tes", "te", "t'"),
    "de": (
        "du",
        "dich",
        "dir",
        "dein",
        "deine",
        "deinen",
        "deinem",
        "deiner",
        "deines",
        "euch",
        "euer",
        "eure",
        "euren",
        "eurem",
        "eurer",
    ),
}
_FORMAL = {"nl": "u", "fr": "vous", "de": "Sie"}


def _texts(data: Any, path: str) -> list[tuple[str, str, str]]:
    """Every text of a language in ``data`` (a project as JSON data): (field, language, text)."""
    from wizard.model.answers import LANGUAGES

    if isinstance(data, dict):
        if data and all(k in LANGUAGES and isinstance(v, str) for k, v in data.items()):
            return [(path, lang, text) for lang, text in data.items()]
        out: list[tuple[str, str, str]] = []
        for key, value in data.items():
            out += _texts(value, f"{path}.{key}" if path else str(key))
        return out
    if isinstance(data, list):
        return [t for i, item in enumerate(data) for t in _texts(item, f"{path}[{i}]")]
    return []


def informal_words(text: str, lang: str) -> list[str]:
    """The informal pronouns in ``text`` (a text in ``lang``), in order of appearance."""
    import re

    words = _INFORMAL.get(lang, ())
    # A French "t'" (t'inscrire, t'aider) is "te" or "ta" elided before a vowel.
    tokens = re.findall(r"[^\W\d_]+'?", text.replace("\u2019", "'"))
    found = [t for t in tokens if t.casefold() in words or t.casefold().rstrip("'") in words]
    return list(dict.fromkeys(found))


@check(
    "register_mixed",
    PageId.REVIEW,
    Severity.WARNING,
    N_("Art. 12(1) GDPR"),
    N_(
        'The policy addresses its readers formally in Dutch, French and German ("u", '
        '"vous", "Sie"). A text of yours that says "je", "tu" or "du" switches '
        "register in the middle of the document, which reads as careless in a legal text "
        "that must be clear and intelligible. Rewrite the text in the formal register."
    ),
)
def _register(project: Project) -> list[Hit]:
    data = project.model_dump(mode="json", exclude={"history"})
    hits: list[Hit] = []
    for field, lang, text in _texts(data, ""):
        if lang not in project.publication.languages or lang not in _INFORMAL:
            continue
        words = informal_words(text, lang)
        if not words:
            continue
        page = PAGE_OF_KEY.get(field.split(".")[0].split("[")[0], PageId.REVIEW)
        hits.append(
            Hit(
                field,
                N_('{language} text uses the informal "{words}"; the policy says "{formal}".'),
                {
                    "language": get_language(lang).name,
                    "words": ", ".join(words),
                    "formal": _FORMAL[lang],
                },
                page=page,
            )
        )
    return hits


@check(
    "own_processing_outside_eea",
    PageId.ORGANISATION,
    Severity.WARNING,
    N_("Art. 24, Art. 32 and Art. 44 GDPR"),
    N_(
        "When your own staff or office process the data in a country outside the EU/EEA, no "
        "other organisation receives them: that is no transfer under Chapter V, and no "
        "safeguard such as standard contractual clauses is needed (EDPB Guidelines 05/2021). "
        "You remain responsible for the processing there: assess the risks of that country's "
        "law and practice (for example access by its authorities) and document the measures "
        "that protect the data. A separate company of your group there is a recipient, and "
        "giving it the data is a transfer that needs a safeguard."
    ),
)
def _own_processing(project: Project) -> list[Hit]:
    from wizard.model.answers import LANGUAGES

    if law.established_outside_eea(project):
        return []
    countries = law.own_processing_countries(project)
    if not countries:
        return []
    from babel import Locale

    named = LocalText(
        {
            lang: ", ".join(str(Locale.parse(lang).territories.get(c, c)) for c in countries)
            for lang in LANGUAGES
        }
    )
    return [
        Hit(
            "organisation.own_processing_countries",
            N_(
                "Your own staff process the data in {countries}: assess the risks of that "
                "country's law for the data and document the measures that protect them."
            ),
            {"countries": named},
        )
    ]


@check(
    "cookie_law_unverified",
    PageId.COOKIES,
    Severity.WARNING,
    N_("Art. 5(3) ePrivacy Directive"),
    N_(
        "The app knows a citation for the national provision that implements Art. 5(3) of the "
        "ePrivacy Directive in your country, but it has not been confirmed against a source "
        "that can be cited. The policy therefore names the directive alone. Check the "
        "provision in your country's official journal or with your supervisory authority; you "
        "may add it in an own section."
    ),
)
def _cookie_law_unverified(project: Project) -> list[Hit]:
    from wizard.catalog.cookie_laws import cookie_law

    if not project.cookies.used:
        return []
    provision = cookie_law(law.establishment(project))
    if provision is None or provision.confirmed:
        return []
    return [
        Hit(
            "cookies",
            N_(
                "The national cookie provision the app knows for your country ({citation}) "
                "is not confirmed: the policy names the ePrivacy Directive alone."
            ),
            {"citation": provision.original},
        )
    ]


@check(
    "catalogue_entry_unconfirmed",
    PageId.RECIPIENTS,
    Severity.WARNING,
    N_("Art. 13(1)(e) and (f) GDPR"),
    N_(
        "The policy names this recipient, the company it contracts with, where the data go and "
        "the transfer safeguard as you answered them, and your answers still hold the values "
        "the app's catalogue proposed. Some of those values were not confirmed against the "
        "provider's own documents. Check them in the provider's data processing agreement (and, "
        "for the Data Privacy Framework, on dataprivacyframework.gov) and correct what differs."
    ),
)
def _catalogue_entry_unconfirmed(project: Project) -> list[Hit]:
    from wizard.catalog.processors import processor

    hits: list[Hit] = []
    for index, recipient in enumerate(project.recipients):
        entry = processor(recipient.catalog_id) if recipient.catalog_id else None
        if entry is None:
            continue
        # The catalogue values the answers still hold that the policy states as facts about the
        # transfer (the entity, where the data go, the safeguard), and which no source confirmed.
        kept = {
            "legal_entity": bool(entry.legal_entity)
            and entry.legal_entity.casefold() in recipient.name.casefold(),
            "data_location": recipient.country in entry.data_location,
            "safeguard": entry.safeguard is not None
            and recipient.safeguard is not None
            and recipient.safeguard.value == entry.safeguard,
        }
        confirmed = set(entry.checked)
        if entry.confirmed("safeguard") and recipient.country not in EEA_COUNTRIES:
            confirmed.add("data_location")  # the confirmed transfer goes to that country
        if any(held and value not in confirmed for value, held in kept.items()):
            hits.append(
                Hit(
                    f"recipients[{index}]",
                    N_(
                        "{recipient}: the catalogue's details were not all confirmed against "
                        "the provider's documents; check them before you publish."
                    ),
                    {"recipient": recipient.name},
                )
            )
    return hits


# --- inconsistent answers -------------------------------------------------------------------------


@check(
    "analytics_on_legitimate_interests",
    PageId.PURPOSES,
    Severity.ERROR,
    N_("Art. 5(3) ePrivacy Directive; Art. 6(1)(a) GDPR"),
    N_(
        "Your analytics or marketing cookies need consent before they are set, and the cookie "
        "section says so; a purpose that uses the data those cookies collect cannot then rest "
        "on legitimate interests. Base the purpose on consent (or drop the cookies)."
    ),
)
def _analytics_basis(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named

    cookies = project.cookies
    consent_categories = {
        c.category
        for c in cookies.items
        if cookies.used and c.category in (CookieCategory.ANALYTICS, CookieCategory.MARKETING)
    }
    if not consent_categories:
        return []
    from wizard.catalog.processors import processor

    # Purposes served by an analytics or marketing service from the processor catalogue.
    analytics_ids = {
        pid
        for r in project.recipients
        if r.catalog_id
        and (entry := processor(r.catalog_id)) is not None
        and entry.category == "analytics"
        for pid in r.purposes
    }
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        if LegalBasis.LEGITIMATE_INTERESTS not in purpose.bases:
            continue
        if purpose.id not in analytics_ids and not _is_tracking_purpose(
            purpose.id, purpose.name.root.values()
        ):
            continue
        hits.append(
            Hit(
                f"purposes[{index}].legal_basis",
                N_("{purpose}: rests on legitimate interests, but its cookies need consent."),
                {"purpose": purpose_named(purpose)},
            )
        )
    return hits


#: Words that name a purpose served by analytics or marketing cookies, in the four languages.
_TRACKING_WORDS = (
    "analytic",
    "statistic",
    "statistiek",
    "statistique",
    "statistik",
    "audience",
    "reichweite",
    "bezoekersanalyse",
    "web analytics",
    "tracking",
    "advertis",
    "marketing",
    "publicité",
    "werbung",
    "reclame",
    "advertentie",
)


def _is_tracking_purpose(purpose_id: str, names: Any) -> bool:
    text = " ".join([purpose_id, *names]).casefold()
    return any(word in text for word in _TRACKING_WORDS)


__all__ = [
    "REGISTRY",
    "Check",
    "Hit",
    "check",
    "PAGE_OF_KEY",
    "dpo_required_by",
    "expected_authority",
    "informal_words",
    "run",
]
