"""The wizard's flow as plain Python: page order, skip rules, what is missing, suggestions.

No Qt here: the Qt pages in :mod:`wizard.ui` ask this module whether they are complete and which
page comes next, so every path through the wizard can be tested without a window
(``tests/test_flow.py``).

Messages are English source strings marked with :func:`N_` and named ``{placeholders}``; the UI
translates them with its gettext translator through :meth:`Issue.text`, so this module needs no
translator of its own.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from wizard.law.applicability import consent_age, is_transfer, transfers
from wizard.model.answers import (
    LANGUAGES,
    Cookie,
    CookieCategory,
    DocumentKind,
    Email,
    LegalBasis,
    LocalText,
    Party,
    Project,
    Purpose,
    Recipient,
    RetentionStart,
    Safeguard,
    Service,
    TimeUnit,
    Url,
)
from wizard.model.countries import EEA_COUNTRIES
from wizard.resources import read_text


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
    SECURITY = "security"
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
    """True when data are transferred outside the EU/EEA (:func:`wizard.law.applicability.transfers`:
    a non-EU controller's recipients in its own country are not transfers)."""
    return bool(transfers(project))


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


# --- help for the hard questions ------------------------------------------------------------------

#: An example and a "Not sure?" line in plain words for the questions people find hardest,
#: shown beside them (the legal basis, the Art. 9 condition, retention and transfers).
NOT_SURE: dict[str, str] = {
    "legal_basis": N_(
        "Example: treating a patient rests on (b), the treatment agreement; keeping invoices "
        "for the tax authorities on (c), a legal obligation. Not sure? Choose (b) for what you "
        "need to do what people asked you to, (c) for what a law makes you do, and keep (a), "
        "consent, for extras people may refuse, such as a newsletter."
    ),
    "special_condition": N_(
        "Example: a practice that treats patients relies on (h), health care. Not sure? If you "
        "are a care provider bound by professional secrecy and use health data to treat people, "
        "choose (h); for anything else, such as research or an optional service, ask people "
        "for their explicit consent and choose (a)."
    ),
    "retention": N_(
        "Example: appointment details two years after the last visit; patient records as long "
        "as the law on medical records requires (20 years in the Netherlands). Not sure? Give a "
        "period and the event it runs from, or the law that sets it: 'as long as necessary' "
        "does not tell people anything."
    ),
    "transfers": N_(
        "Example: a video-call service in the United States that is certified under the Data "
        "Privacy Framework. Not sure? Look for 'Data Privacy Framework' or 'standard "
        "contractual clauses' in the provider's data processing agreement or privacy page; if "
        "it names neither, ask the provider before you use it."
    ),
}


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
    #: A stable code naming the kind of issue (the review explains it by this code; an issue
    #: without one is an incomplete answer).
    code: str = ""

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


@dataclass(frozen=True)
class UsedText:
    """A text of the person's own that the policy prints: where it is answered, its model
    path, whether the policy needs it even when it is empty, and the message naming it."""

    page: PageId
    path: str
    text: LocalText
    required: bool
    message: str
    args: Mapping[str, Any] = dataclass_field(default_factory=dict)
    #: The document that prints it: the policy, or the record of processing activities.
    document: str = "policy"


def record_texts(project: Project) -> list[UsedText]:
    """The record's own texts (asked on the Output page), which only the record prints."""
    page, record = PageId.OUTPUT, project.record
    return [
        UsedText(page, "record.security", record.security, False,
                 N_("Record of processing: your security measures are not written in "
                    "{language} yet."), document="records"),
        UsedText(page, "record.internal_recipients", record.internal_recipients, False,
                 N_("Record of processing: who receives the data inside your organisation is "
                    "not written in {language} yet."), document="records"),
    ]


def _purpose_texts(purpose: Purpose, index: int) -> list[UsedText]:
    page, base = PageId.PURPOSES, f"purposes[{index}]"
    args = {"purpose": purpose_named(purpose)}
    lawful_interest = LegalBasis.LEGITIMATE_INTERESTS in purpose.bases
    return [
        UsedText(page, f"{base}.name", purpose.name, True,
                 N_("Purpose '{purpose}': name not written in {language} yet."), args),
        *(
            UsedText(page, f"{base}.data_details.{category.value}", details, False,
                     N_("Purpose '{purpose}': what its data categories hold is not written in "
                        "{language} yet."), args)
            for category, details in purpose.data_details.items()
            if category in purpose.data_categories
        ),
        UsedText(page, f"{base}.other_data", purpose.other_data, False,
                 N_("Purpose '{purpose}': other data not written in {language} yet."), args),
        UsedText(page, f"{base}.legitimate_interest", purpose.legitimate_interest,
                 lawful_interest,
                 N_("Purpose '{purpose}': legitimate interest not written in {language} yet."),
                 args),
        UsedText(page, f"{base}.source", purpose.source, False,
                 N_("Purpose '{purpose}': source of the data not written in {language} yet."),
                 args),
        UsedText(page, f"{base}.consequence", purpose.consequence, False,
                 N_("Purpose '{purpose}': what happens without the data is not written in "
                    "{language} yet."), args),
        UsedText(page, f"{base}.retention.criteria", purpose.retention.criteria, False,
                 N_("Purpose '{purpose}': retention criteria not written in {language} yet."),
                 args),
        *(
            [UsedText(page, f"{base}.withdrawal", purpose.withdrawal, False,
                      N_("Purpose '{purpose}': how consent is withdrawn is not written in "
                         "{language} yet."), args)]
            if purpose.relies_on_consent
            else []
        ),
    ]


def used_texts(project: Project) -> list[UsedText]:
    """Every text of the person's own that the policy prints (the same conditions as the
    policy engine's), in page order. :func:`translation_gaps` checks them per language."""
    out: list[UsedText] = []
    for index, purpose in enumerate(project.purposes):
        out += _purpose_texts(purpose, index)
    page = PageId.RECIPIENTS
    for index, recipient in enumerate(project.recipients):
        args = {"recipient": recipient_named(recipient)}
        if not recipient.name:
            out.append(UsedText(page, f"recipients[{index}].category", recipient.category, True,
                                N_("Recipient '{recipient}': category not written in "
                                   "{language} yet."), args))
        out.append(UsedText(page, f"recipients[{index}].service", recipient.service, False,
                            N_("Recipient '{recipient}': what it does is not written in "
                               "{language} yet."), args))
    cookies = project.cookies
    if cookies.used:
        page = PageId.COOKIES
        out.append(UsedText(page, "cookies.consent_mechanism", cookies.consent_mechanism, False,
                            N_("Cookies: how consent is asked is not written in {language} "
                               "yet.")))
        out.append(UsedText(page, "cookies.withdrawal", cookies.withdrawal, False,
                            N_("Cookies: how consent is withdrawn is not written in {language} "
                               "yet.")))
        for index, cookie in enumerate(cookies.items):
            out.append(UsedText(page, f"cookies.items[{index}].purpose", cookie.purpose, True,
                                N_("Cookie '{cookie}': purpose not written in {language} yet."),
                                {"cookie": cookie.name}))
    out.append(UsedText(PageId.CHILDREN, "children.parental_consent",
                        project.children.parental_consent, False,
                        N_("Children: how parents give consent is not written in {language} "
                           "yet.")))
    page = PageId.RIGHTS
    out.append(UsedText(page, "rights.identity_check", project.rights.identity_check, False,
                        N_("Rights: how you check identity is not written in {language} yet.")))
    decisions = project.automated_decisions
    out.append(UsedText(page, "automated_decisions.logic", decisions.logic, bool(decisions.used),
                        N_("Automated decisions: the logic involved is not written in {language} "
                           "yet.")))
    out.append(UsedText(page, "automated_decisions.consequences", decisions.consequences,
                        bool(decisions.used),
                        N_("Automated decisions: the consequences are not written in {language} "
                           "yet.")))
    page = PageId.SECURITY
    for index, authority in enumerate(project.other_authorities):
        out.append(UsedText(page, f"other_authorities[{index}].law", authority.law, True,
                            N_("Authority '{authority}': the law it applies is not written in "
                               "{language} yet."), {"authority": authority.name}))
    out.append(UsedText(page, "security.other", project.security.other, False,
                        N_("Security: your other measures are not written in {language} yet.")))
    for index, activity in enumerate(project.processor_activities):
        numbered: dict[str, Any] = {"number": str(index + 1)}
        out.append(UsedText(page, f"processor_activities[{index}].service", activity.service,
                            True, N_("Service {number} you provide as a processor: not written "
                                     "in {language} yet."), numbered))
        out.append(UsedText(page, f"processor_activities[{index}].controllers",
                            activity.controllers, False,
                            N_("Service {number} you provide as a processor: on whose behalf is "
                               "not written in {language} yet."), numbered))
    for index, section in enumerate(project.own_sections):
        numbered = {"number": str(index + 1)}
        out.append(UsedText(page, f"own_sections[{index}].heading", section.heading, True,
                            N_("Your section {number}: heading not written in {language} yet."),
                            numbered))
        out.append(UsedText(page, f"own_sections[{index}].text", section.text, True,
                            N_("Your section {number}: text not written in {language} yet."),
                            numbered))
    if DocumentKind.RECORDS in project.publication.documents:
        out += record_texts(project)
    return out


def _gaps(texts: Iterable[UsedText], languages: Iterable[str]) -> list[Issue]:
    issues = []
    for lang in languages:
        for used in texts:
            if (used.required or used.text) and not used.text.get(lang):
                issues.append(
                    Issue(
                        used.page,
                        f"{used.path}.{lang}",
                        used.message,
                        {**used.args, "language": LANGUAGE_NAMES[lang], "lang": lang},
                        blocking=False,
                        translation=True,
                        code="text_missing_in_language",
                    )
                )
    return issues


def translation_gaps(project: Project, lang: str, document: str | None = None) -> list[Issue]:
    """What the documents in ``lang`` still lack of the person's own text: each text they
    print that is not written in ``lang`` (or is required and empty); with ``document``, only
    the texts that document prints ("policy", or "records" for the record's own texts, which
    count only when the record is chosen). The one check of missing translations: the pages,
    the review, the Output page and the documents all use it, so a review with nothing missing
    means every document can be written."""
    texts = used_texts(project)
    if document == "records":
        texts = record_texts(project)
    elif document is not None:
        texts = [t for t in texts if t.document == document]
    return _gaps(texts, [lang])


def _page_gaps(
    project: Project, page: PageId, used: list[UsedText] | None = None
) -> list[Issue]:
    texts = [t for t in (used_texts(project) if used is None else used) if t.page is page]
    return _gaps(texts, project.publication.languages)


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
        issues.append(
            Issue(
                page,
                "organisation.legal_name",
                N_("Enter the legal name."),
                code="controller_identity",
            )
        )
    if not (org.address.street and org.address.city):
        issues.append(
            Issue(
                page,
                "organisation.address",
                N_("Enter the street and city of the address."),
                code="controller_identity",
            )
        )
    if not org.country:
        issues.append(
            Issue(
                page,
                "organisation.country",
                N_("Choose the country of establishment."),
                code="controller_identity",
            )
        )
    elif org.country == "DE" and not (org.region or "").startswith("DE-"):
        issues.append(
            Issue(
                page,
                "organisation.region",
                N_("Choose the German Land: it decides which supervisory authority is competent."),
                code="german_land",
            )
        )
    if not org.email:
        issues.append(
            Issue(
                page,
                "organisation.email",
                N_("Enter the e-mail address for privacy questions."),
                code="controller_identity",
            )
        )
    if project.dpo is not None and not (project.dpo.email or project.dpo.phone):
        issues.append(
            Issue(
                page,
                "dpo.email",
                N_("Enter how to reach the data protection officer (e-mail or phone)."),
                code="dpo_contact",
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
                    code="eu_representative",
                )
            )
    return issues


def purpose_issues(
    purpose: Purpose, index: int, languages: Iterable[str] = ("en",)
) -> list[Issue]:
    """What is missing in one purpose (shown in the purpose editor), texts not yet written in
    ``languages`` included."""
    issues = _purpose_checks(purpose, index)
    return _without_covered_gaps(issues + _gaps(_purpose_texts(purpose, index), languages))


def _without_covered_gaps(issues: list[Issue]) -> list[Issue]:
    """``issues`` without the missing translations of a text whose absence is already a
    blocking issue ("Describe the purpose." says it all): one message per problem."""
    covered = {i.field for i in issues if i.blocking}
    return [i for i in issues if not (i.translation and i.field.rpartition(".")[0] in covered)]


def _purpose_checks(purpose: Purpose, index: int) -> list[Issue]:
    page = PageId.PURPOSES
    base = f"purposes[{index}]"
    label = purpose_named(purpose)
    issues: list[Issue] = []
    if not purpose.name:
        issues.append(
            Issue(
                page,
                f"{base}.name",
                N_("Describe the purpose."),
                code="purpose_not_described",
            )
        )
    if not purpose.data_categories and not purpose.other_data:
        issues.append(
            Issue(
                page,
                f"{base}.data_categories",
                N_("{purpose}: choose the data you use for it."),
                {"purpose": label},
                code="purpose_without_data",
            )
        )
    if purpose.legal_basis is None:
        issues.append(
            Issue(
                page,
                f"{base}.legal_basis",
                N_("{purpose}: choose a legal basis."),
                {"purpose": label},
                code="purpose_without_legal_basis",
            )
        )
    if LegalBasis.LEGITIMATE_INTERESTS in purpose.bases:
        if not purpose.legitimate_interest:
            issues.append(
                Issue(
                    page,
                    f"{base}.legitimate_interest",
                    N_("{purpose}: say which legitimate interest you pursue."),
                    {"purpose": label},
                    code="legitimate_interest_not_stated",
                )
            )
    if purpose.relies_on_consent and not purpose.withdrawal:
        issues.append(
            Issue(
                page,
                f"{base}.withdrawal",
                N_(
                    "{purpose}: say how people withdraw their consent (for example the "
                    "unsubscribe link in every e-mail, or a switch in the app's settings)."
                ),
                {"purpose": label},
                blocking=False,
            )
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
                code="special_data_without_condition",
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
                code="retention_not_stated",
            )
        )
    if purpose.requirement is None:
        issues.append(
            Issue(
                page,
                f"{base}.requirement",
                N_("{purpose}: say whether people must give these data (Art. 13(2)(e))."),
                {"purpose": label},
                blocking=False,
                code="requirement_not_stated",
            )
        )
    return issues


def _purposes_issues(project: Project) -> list[Issue]:
    if not project.purposes:
        return [
            Issue(
                PageId.PURPOSES,
                "purposes",
                N_("Add at least one purpose."),
                code="purpose_not_described",
            )
        ]
    issues: list[Issue] = []
    for index, purpose in enumerate(project.purposes):
        issues += _purpose_checks(purpose, index)
    return issues


def _recipients_issues(project: Project) -> list[Issue]:
    page = PageId.RECIPIENTS
    issues: list[Issue] = []
    if project.no_transfers_confirmed and has_transfers(project):
        issues.append(
            Issue(
                page,
                "no_transfers_confirmed",
                N_(
                    "You confirmed that no data leave the EU/EEA, but a recipient is outside "
                    "it: the policy lists that transfer instead. Check the recipients' "
                    "countries, or clear the confirmation."
                ),
                blocking=False,
            )
        )
    for index, recipient in enumerate(project.recipients):
        if not recipient.service:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].service",
                    N_("{recipient}: say what it does with the data."),
                    {"recipient": recipient_named(recipient)},
                    code="recipient_task_missing",
                )
            )
        if not recipient.purposes:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].purposes",
                    N_("{recipient}: no purpose linked to it yet."),
                    {"recipient": recipient_named(recipient)},
                    blocking=False,
                    code="recipient_task_missing",
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


def transfer_code(safeguard: Safeguard | None) -> str:
    """The code of a transfer issue, told apart by the safeguard the project names."""
    if safeguard is Safeguard.PRIVACY_SHIELD:
        return "transfer_privacy_shield"
    if safeguard in (None, Safeguard.NONE):
        return "transfer_without_safeguard"
    return "transfer_wrong_safeguard"
def fallback_problem(country: str, safeguard: Safeguard) -> str | None:
    """Why ``safeguard`` cannot back up a transfer to ``country``; ``None`` when it can."""
    if safeguard in (Safeguard.NONE, Safeguard.PRIVACY_SHIELD):
        return N_("A further safeguard must be one that covers the transfer by itself.")
    return transfer_problem(country, safeguard)


def _transfers_issues(project: Project) -> list[Issue]:
    issues: list[Issue] = []
    for index, recipient in enumerate(project.recipients):
        if not is_transfer(project, recipient):
            continue
        args = {"recipient": recipient_named(recipient), "country": recipient.country}
        problem = transfer_problem(recipient.country, recipient.safeguard)
        if problem:
            issues.append(
                Issue(
                    PageId.TRANSFERS,
                    f"recipients[{index}].safeguard",
                    N_("{recipient} ({country}): {problem}"),
                    {**args, "problem": problem},
                    code=transfer_code(recipient.safeguard),
                )
            )
        if not recipient.outside_eea:
            continue
        for f_index, fallback in enumerate(recipient.fallback_safeguards):
            problem = fallback_problem(recipient.country, fallback)
            if problem:
                issues.append(
                    Issue(
                        PageId.TRANSFERS,
                        f"recipients[{index}].fallback_safeguards[{f_index}]",
                        N_("{recipient} ({country}): {problem}"),
                        {**args, "problem": problem},
                    )
                )
    return issues


def _cookies_issues(project: Project) -> list[Issue]:
    page = PageId.COOKIES
    cookies = project.cookies
    if not cookies.used:
        return []
    issues: list[Issue] = []
    if not cookies.items:
        issues.append(
            Issue(
                page,
                "cookies.items",
                N_("List the cookies you use."),
                code="cookies_not_listed",
            )
        )
    for index, cookie in enumerate(cookies.items):
        if cookie.provider == STARTER_PROVIDER:
            issues.append(
                Issue(
                    page,
                    f"cookies.items[{index}].provider",
                    N_("Cookie '{cookie}': enter your organisation's name as its provider."),
                    {"cookie": cookie.name},
                )
            )
    needs_consent = any(c.category is not CookieCategory.STRICTLY_NECESSARY for c in cookies.items)
    if needs_consent:
        if not cookies.consent_mechanism:
            issues.append(
                Issue(
                    page,
                    "cookies.consent_mechanism",
                    N_("Say how you ask consent for cookies that are not strictly necessary."),
                    code="cookies_without_consent",
                )
            )
        if not cookies.withdrawal:
            issues.append(
                Issue(
                    page,
                    "cookies.withdrawal",
                    N_("Say how people withdraw their consent for cookies."),
                    code="cookie_consent_not_withdrawable",
                )
            )
    return issues


#: The provider of a starter project's own cookies until the person enters their name: the
#: cookies page asks for it (a fact only the person knows).
STARTER_PROVIDER = "…"


def own_name(project: Project) -> str:
    """The name the organisation is known by: its trading name, else its legal name."""
    org = project.organisation
    return org.trading_name or org.legal_name


def apply_own_name(project: Project, previous_name: str) -> None:
    """After the organisation's name changed, its own (first-party) cookies that named it, or
    still wait for it (:data:`STARTER_PROVIDER`), name the new one as their provider."""
    name = own_name(project) or STARTER_PROVIDER
    for cookie in project.cookies.items:
        if cookie.party is Party.FIRST and cookie.provider in (STARTER_PROVIDER, previous_name):
            if cookie.provider != name:
                cookie.provider = name


def _children_issues(project: Project) -> list[Issue]:
    page = PageId.CHILDREN
    children = project.children
    if not children.targets_children:
        return []
    issues: list[Issue] = []
    if children.age_threshold is None:
        issues.append(
            Issue(
                page,
                "children.age_threshold",
                N_("Choose the age below which parents consent."),
                code="parental_consent",
            )
        )
    if not children.parental_consent:
        issues.append(
            Issue(
                page,
                "children.parental_consent",
                N_("Say how you obtain and check the parents' consent."),
                code="parental_consent",
            )
        )
    return issues


def _rights_issues(project: Project) -> list[Issue]:
    page = PageId.RIGHTS
    rights = project.rights
    issues: list[Issue] = []
    if not (rights.email or rights.web_form or rights.by_post or project.organisation.email):
        issues.append(
            Issue(
                page,
                "rights.email",
                N_("Give at least one way to send a request."),
                code="no_request_channel",
            )
        )
    if not rights.identity_check:
        issues.append(
            Issue(
                page,
                "rights.identity_check",
                N_("Say how you check who is asking before you answer a request."),
                blocking=False,
                code="identity_check_not_described",
            )
        )
    authority = project.authority
    if not authority.catalog_id and not authority.name:
        issues.append(
            Issue(
                page,
                "authority",
                N_("Choose the supervisory authority."),
                code="no_supervisory_authority",
            )
        )
    decisions = project.automated_decisions
    if decisions.used is None:
        issues.append(
            Issue(
                page,
                "automated_decisions.used",
                N_("Answer whether you take decisions by computer alone."),
                code="automated_decisions_unanswered",
            )
        )
    elif decisions.used:
        for path, text, what in (
            ("automated_decisions.logic", decisions.logic, N_("The logic involved")),
            ("automated_decisions.consequences", decisions.consequences, N_("The consequences")),
        ):
            if not text:
                issues.append(
                    Issue(
                        page,
                        path,
                        N_("{what}: describe it."),
                        {"what": what},
                        code="automated_decisions_unanswered",
                    )
                )
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


def page_issues(
    project: Project, page: PageId, used: list[UsedText] | None = None
) -> list[Issue]:
    """Everything missing or risky on one page (blocking and not), with the texts not yet
    written in an output language (:func:`translation_gaps`). ``used`` is
    :func:`used_texts` of ``project`` when the caller has it already."""
    check = _PAGE_CHECKS.get(page)
    issues = check(project) if check else []
    return _without_covered_gaps(issues + _page_gaps(project, page, used))


def is_page_complete(project: Project, page: PageId) -> bool:
    """True when nothing on ``page`` blocks going on (the page's Next button)."""
    return not any(i.blocking for i in page_issues(project, page))


def missing(project: Project) -> list[Issue]:
    """Everything missing or risky in the answers, page by page: the issues of the pages that
    apply (not the Output page's settings), and every text the policy prints that is not written
    in an output language, even on a page that does not apply (the policy would lack it)."""
    issues: list[Issue] = []
    applies = applicable_pages(project)
    # Walked once for all pages: a large project has thousands of texts.
    used = used_texts(project)
    for page in PAGE_ORDER:
        if page is PageId.OUTPUT:
            continue
        if page in applies:
            issues += page_issues(project, page, used)
        else:
            issues += [i for i in page_issues(project, page, used) if i.translation]
    return issues


def blocks_generation(issue: Issue) -> bool:
    """Whether ``issue`` keeps the documents from being generated."""
    return issue.blocking or issue.translation


def generation_blockers(project: Project) -> list[Issue]:
    """What keeps the documents from being generated: the blocking issues and missing
    translations of :func:`missing`, then the Output page's own blocking issues."""
    issues = [*missing(project), *page_issues(project, PageId.OUTPUT)]
    return [i for i in issues if blocks_generation(i)]


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


@cache
def country_languages() -> dict[str, tuple[str, ...]]:
    """The official languages of each country that policies are written in, from
    ``resources/data/country-languages.csv`` (a country not listed has none)."""
    reader = csv.DictReader(io.StringIO(read_text("data", "country-languages.csv")))
    return {
        row["country"]: tuple(lang for lang in row["policy_languages"].split() if lang in LANGUAGES)
        for row in reader
    }


def proposed_languages(ui_language: str | None, country: str | None) -> list[str]:
    """The policy languages proposed for a new project: the language of the window (when the
    policy can be written in it), then the official languages of the country of establishment
    (Belgium: Dutch, French and German). Never empty: English when nothing else applies."""
    base = [ui_language] if ui_language in LANGUAGES else []
    official = country_languages().get(country or "", ())
    return list(dict.fromkeys([*base, *official])) or ["en"]


def _update_languages(
    project: Project, previous_country: str | None, ui_language: str | None
) -> None:
    """Follow a change of country with the proposed languages, unless the person chose other
    languages than the proposal for the previous country (for the window's language, or for
    any language when it is not known)."""
    pub = project.publication
    current = set(pub.languages)
    bases = (ui_language,) if ui_language else (*LANGUAGES, None)
    for base in bases:
        if current == set(proposed_languages(base, previous_country)):
            pub.languages = proposed_languages(base, project.organisation.country)
            return


def new_project(ui_language: str | None = None, starter: str | None = None) -> Project:
    """A new project, empty or from a starter project (:func:`starter_projects`), with the
    policy languages proposed for the window's language."""
    if starter:
        from wizard.starters import load_starter

        project = load_starter(starter)
    else:
        project = Project()
    project.publication.languages = proposed_languages(
        ui_language, project.organisation.country
    )
    return project


def apply_country_defaults(
    project: Project,
    previous_country: str | None,
    previous_region: str | None,
    ui_language: str | None = None,
) -> None:
    """After the country (or German Land) changed, update the supervisory authority, the
    children's age threshold and the policy languages, unless the user chose them differently
    from the old proposal."""
    org = project.organisation
    if org.country != previous_country:
        _update_languages(project, previous_country, ui_language)
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
    return consent_age(country)


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


@cache
def _suggestion_data() -> dict[str, Any]:
    """``resources/data/suggested-purposes.json``: the proposals, written in every language."""
    data: dict[str, Any] = json.loads(read_text("data", "suggested-purposes.json"))
    return data


def medical_record_retention() -> dict[str, tuple[int, str]]:
    """Statutory retention of medical records where it is well known: years, and the law."""
    table = _suggestion_data()["medical_record_retention"]
    return {country: (int(v["years"]), str(v["law"])) for country, v in table.items()}


def medical_record_start(country: str | None) -> RetentionStart | None:
    """The event a country's statutory period for medical records runs from, where it is not
    the end of the treatment (the Dutch WGBO counts from the making of each record)."""
    entry = _suggestion_data()["medical_record_retention"].get(country or "", {})
    return RetentionStart(entry["starting"]) if "starting" in entry else None


def suggested_purposes(service: Service, country: str | None = None) -> list[Purpose]:
    """The purposes ``service`` usually involves, as new :class:`Purpose` objects, with their
    texts in every output language (from ``resources/data/suggested-purposes.json``)."""
    data = _suggestion_data()
    out = []
    for spec in data["services"].get(service.value, []):
        purpose = copy.deepcopy(spec)
        retention = purpose.setdefault("retention", {})
        if purpose["id"] == "patient-records":
            known = medical_record_retention().get(country or "")
            if known:
                retention["period"] = {"amount": known[0], "unit": TimeUnit.YEARS}
                retention["statutory_reference"] = known[1]
                start = medical_record_start(country)
                if start is not None:
                    retention["starting"] = start
            else:
                retention["criteria"] = dict(data["medical_record_criteria"])
        out.append(Purpose.model_validate(purpose))
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


def recipient_from_catalog(entry: Any, purposes: Sequence[Purpose] = ()) -> Recipient:
    """A new recipient from a :class:`wizard.catalog.processors.Processor` entry.

    The country is where the data go: the first location outside the EU/EEA when the entry
    names a transfer safeguard, else its first (EU/EEA) location. Of ``purposes`` (the
    project's), those a service of the entry's category usually serves are linked.
    """
    from wizard.catalog.processors import PURPOSES_BY_CATEGORY

    usual = PURPOSES_BY_CATEGORY.get(entry.category, ())
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
        purposes=[p.id for p in purposes if p.id in usual],
    )


def propose_consent_texts(project: Project, cookie: Cookie) -> bool:
    """When ``cookie`` needs consent and the project does not yet say how consent is asked or
    withdrawn, propose both (in every language); True when something was proposed."""
    if cookie.category is CookieCategory.STRICTLY_NECESSARY:
        return False
    from wizard.catalog.cookies import proposed_consent_texts

    texts = proposed_consent_texts()
    cookies = project.cookies
    proposed = False
    if not cookies.consent_mechanism:
        cookies.consent_mechanism = LocalText(texts["consent_mechanism"])
        proposed = True
    if not cookies.withdrawal:
        cookies.withdrawal = LocalText(texts["withdrawal"])
        proposed = True
    return proposed


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
    "NOT_SURE",
    "PAGE_ORDER",
    "STARTER_PROVIDER",
    "Issue",
    "Named",
    "PageId",
    "add_suggestions",
    "applicable_pages",
    "apply_country_defaults",
    "apply_own_name",
    "own_name",
    "blocks_generation",
    "country_languages",
    "new_project",
    "proposed_languages",
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
    "propose_consent_texts",
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
    "translation_gaps",
    "used_texts",
    "UsedText",
    "url_problem",
]
