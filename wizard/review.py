"""The review of a project: which Art. 13/14 elements the policy covers, and what is risky.

No Qt here. Two things are computed for a :class:`~wizard.model.answers.Project`:

* :func:`coverage` -- for each element a privacy notice must contain (Articles 13 and 14 GDPR,
  in the order of the WP29 transparency guidelines' annex), whether the generated policy covers
  it and in which section of the real document (:func:`wizard.policy.engine.build_document`),
  why it does not apply, or that it is missing.
* :func:`findings` -- what is missing or risky, each with a severity, a short message, a
  plain-language explanation, the article it rests on, and the field path and wizard page to
  fix it. Most findings are :mod:`wizard.flow` issues (the same checks the wizard pages use),
  explained here; a few checks exist only in the review (cookie lifetimes, the Art. 8 age,
  a data protection officer for large-scale health data, vague retention, withdrawing consent).

Messages, explanations and article references are English source strings marked with
:func:`~wizard.languages.N_`; callers translate them with a ``ui`` domain translator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from wizard import flow, languages
from wizard.flow.issues import Issue
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law import checks
from wizard.law.applicability import (
    objection_applies,
    portability_applies,
    transfers,
    uses_consent,
)
from wizard.law.elements import ELEMENT_IDS, ELEMENTS, Element, article_ref
from wizard.law.findings import Finding, Gettext, Severity
from wizard.model.answers import (
    LegalBasis,
    LocalText,
    Project,
    Purpose,
    Service,
    TimeUnit,
)
from wizard.model.countries import EEA_COUNTRIES
from wizard.policy.document import Document, Heading, ListBlock, Paragraph, QrCode, Table, plain


def _identity(message: str) -> str:
    return message


# --- coverage status -----------------------------------------------------------------------------


class Status(StrEnum):
    """Whether the policy covers an element."""

    COVERED = "covered"
    #: The section is there, but not for everything it should say (e.g. one purpose lacks it).
    PARTIAL = "partial"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"


STATUS_LABELS: dict[Status, str] = {
    Status.COVERED: N_("covered"),
    Status.PARTIAL: N_("partly covered"),
    Status.NOT_APPLICABLE: N_("not applicable"),
    Status.MISSING: N_("missing"),
}


@dataclass(frozen=True)
class Coverage:
    """Whether and where the policy covers one :class:`Element`.

    ``section`` and ``heading`` come from the generated document (``"2.1"``, ``"Our legitimate
    interests"`` in the document's language); ``reason`` says why an element does not apply or
    what is missing (an English template with ``args``).
    """

    element: Element
    status: Status
    section: str = ""
    heading: str = ""
    anchor: str = ""
    reason: str = ""
    args: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def reason_text(self, gettext: Gettext = _identity, lang: str | None = None) -> str:
        args = flow.in_language(self.args, lang)
        return gettext(self.reason).format(**args) if self.reason else ""

    def where(self) -> str:
        """``"2.1 Our legitimate interests"`` (empty when no section covers it)."""
        if not self.heading:
            return ""
        if not self.section:
            return self.heading
        sep = ". " if "." not in self.section else " "
        return f"{self.section}{sep}{self.heading}"


# --- findings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    code: str
    explanation: str
    article: str
    severity: Severity | None = None  # None: error when the issue blocks, else warning


def _rule(code: str, explanation: str, article: str, **kw: Any) -> _Rule:
    return _Rule(code, explanation, article, **kw)


#: Explanations of the flow's issues, by the issue's code.
_RULE_LIST: tuple[_Rule, ...] = (
    _rule(
        "text_missing_in_language",
        N_(
            "You chose to publish the policy in {language}, but this text is written only in "
            "other languages. The policy is not generated with sentences missing or in another "
            "language: people must be able to understand the whole notice. Write the text in "
            "{language}, or drop the language on the Output page."
        ),
        N_("Art. 12(1) GDPR"),
        severity=Severity.ERROR,
    ),
    _rule(
        "controller_identity",
        N_(
            "The policy must say who is responsible for the data and how people can reach you. "
            "Without a name, an address and an e-mail address people cannot identify you or "
            "send you a question or a request."
        ),
        N_("Art. 13(1)(a) and Art. 14(1)(a) GDPR"),
    ),
    _rule(
        "german_land",
        N_(
            "In Germany each Land has its own data protection authority for private "
            "organisations. The Land of your establishment decides which authority is "
            "competent for you, and the policy names it for complaints."
        ),
        N_("Art. 13(2)(d) GDPR; § 40 BDSG"),
    ),
    _rule(
        "purpose_not_described",
        N_(
            "The policy must say for which purposes you use personal data, each in words people "
            "understand (for example 'booking and managing appointments'), so that they know "
            "what happens with their data."
        ),
        N_("Art. 13(1)(c) and Art. 14(1)(c) GDPR"),
    ),
    _rule(
        "purpose_without_data",
        N_(
            "Say which data you use for each purpose. Where data do not come from the person, "
            "the policy must list their categories; and naming the data helps you use no more "
            "than the purpose needs."
        ),
        N_("Art. 5(1)(c) and Art. 14(1)(d) GDPR"),
    ),
    _rule(
        "recipient_task_missing",
        N_(
            "The policy must name the recipients of the data, or their categories, and people "
            "understand a recipient only when they know what it does with their data and for "
            "which purpose."
        ),
        N_("Art. 13(1)(e) and Art. 14(1)(e) GDPR"),
    ),
    _rule(
        "cookies_not_listed",
        N_(
            "People must be told which cookies are used before they are set, including how long "
            "each cookie lasts and whether third parties can read it. List each cookie with its "
            "provider, purpose and lifetime."
        ),
        N_("Art. 5(3) ePrivacy Directive; Court of Justice, C-673/17 (Planet49)"),
    ),
    _rule(
        "eu_representative",
        N_(
            "An organisation outside the EU that offers goods or services to people in the EU, "
            "or monitors their behaviour, must appoint a representative in the EU in writing, "
            "and the policy must name it. Exempt are only occasional processing that does not "
            "include health data on a large scale, and public authorities."
        ),
        N_("Art. 27 GDPR"),
    ),
    _rule(
        "dpo_contact",
        N_(
            "You said you have a data protection officer. The policy must give the officer's "
            "contact details (a name is not required) so that people can reach the officer "
            "directly."
        ),
        N_("Art. 13(1)(b) and Art. 37(7) GDPR"),
    ),
    _rule(
        "purpose_without_legal_basis",
        N_(
            "Every use of personal data needs one of the six legal grounds of the GDPR, for "
            "example a contract with the person, a legal obligation or consent. Without a legal "
            "basis the processing is unlawful, and the policy must state the basis for each "
            "purpose."
        ),
        N_("Art. 6(1) and Art. 13(1)(c) GDPR"),
    ),
    _rule(
        "legitimate_interest_not_stated",
        N_(
            "When you rely on your legitimate interests, the policy must say which interest you "
            "pursue (for example keeping your website secure). 'Our legitimate interest' alone "
            "does not tell people anything; they need it to decide whether to object."
        ),
        N_("Art. 6(1)(f), Art. 13(1)(d) and Art. 14(2)(b) GDPR"),
    ),
    _rule(
        "special_data_without_condition",
        N_(
            "Health data and other special categories of personal data may be processed only "
            "when one of the exceptions of Article 9(2) applies, on top of a legal basis. A "
            "health care provider usually relies on point (h): care and treatment under "
            "professional secrecy. Choose the condition that applies."
        ),
        N_("Art. 9(1) and Art. 9(2) GDPR"),
    ),
    _rule(
        "retention_not_stated",
        N_(
            "The policy must say how long you keep the data, or, when no fixed period can be "
            "given, the criteria that decide it (for example 'until the end of the treatment "
            "plus the period the law on medical records requires')."
        ),
        N_("Art. 13(2)(a) and Art. 14(2)(a) GDPR"),
    ),
    _rule(
        "requirement_not_stated",
        N_(
            "When you collect data from people themselves, the policy must say whether they "
            "have to give them (by law, by contract, or to conclude a contract) and what "
            "happens if they do not."
        ),
        N_("Art. 13(2)(e) GDPR"),
    ),
    _rule(
        "transfer_without_safeguard",
        N_(
            "Personal data may leave the European Economic Area only with a legal ground for "
            "the transfer: an adequacy decision of the European Commission for the country (for "
            "the United States only with a company certified under the Data Privacy Framework), "
            "standard contractual clauses or binding corporate rules. The policy must name the "
            "ground for each transfer."
        ),
        N_("Art. 44 to 46 and Art. 13(1)(f) GDPR"),
    ),
    _rule(
        "cookies_without_consent",
        N_(
            "Analytics, marketing and preference cookies may be placed only after people have "
            "agreed, by a clear action, before the cookie is set. Only strictly necessary "
            "cookies are exempt. Say how your website or app asks for that consent (for example "
            "a banner with equally visible 'Accept' and 'Refuse' buttons)."
        ),
        N_("Art. 5(3) ePrivacy Directive (2002/58/EC)"),
    ),
    _rule(
        "cookie_consent_not_withdrawable",
        N_(
            "People must be able to withdraw their consent to cookies at any time, as easily as "
            "they gave it, for example with a 'Cookie settings' link on every page. The policy "
            "must tell them how."
        ),
        N_("Art. 7(3) and Art. 13(2)(c) GDPR"),
    ),
    _rule(
        "parental_consent",
        N_(
            "When an online service is offered directly to children and relies on consent, a "
            "parent must consent for children below the age set by national law, and you must "
            "make reasonable efforts to check that the parent did."
        ),
        N_("Art. 8(1) and Art. 8(2) GDPR"),
    ),
    _rule(
        "no_request_channel",
        N_(
            "People must be able to exercise their rights easily. Give at least one way to send "
            "a request: an e-mail address, a web form or a postal address."
        ),
        N_("Art. 12(2) GDPR"),
    ),
    _rule(
        "identity_check_not_described",
        N_(
            "Before you hand over or delete data on request, you must be reasonably sure the "
            "request comes from the person concerned. Saying how you check this avoids asking "
            "for more than necessary (a copy of a passport is rarely needed)."
        ),
        N_("Art. 12(6) GDPR"),
    ),
    _rule(
        "no_supervisory_authority",
        N_(
            "The policy must tell people that they can complain to a supervisory authority. "
            "Naming the authority competent for you (usually the one of your country of "
            "establishment) makes that right concrete."
        ),
        N_("Art. 13(2)(d) and Art. 77 GDPR"),
    ),
    _rule(
        "automated_decisions_unanswered",
        N_(
            "The policy must say whether you take decisions about people by computer alone, "
            "including profiling, with legal or similarly significant effects, and if so explain "
            "the logic and the consequences."
        ),
        N_("Art. 13(2)(f), Art. 14(2)(g) and Art. 22 GDPR"),
    ),
)
_RULES: dict[str, _Rule] = {rule.code: rule for rule in _RULE_LIST}

# Explanations of the review's own checks.
_EXPLAIN_PRIVACY_SHIELD = N_(
    "The EU-US Privacy Shield was declared invalid by the Court of Justice on 16 July 2020 "
    "(Schrems II) and can no longer be relied on. A transfer to the United States is lawful "
    "with a company certified under the EU-US Data Privacy Framework (adequacy decision of 10 "
    "July 2023), or with standard contractual clauses. An older project file may still name "
    "the Privacy Shield: choose the current safeguard."
)
_EXPLAIN_WRONG_SAFEGUARD = N_(
    "The safeguard chosen does not cover this country. The Data Privacy Framework covers only "
    "certified companies in the United States, and an adequacy decision exists only for the "
    "countries the European Commission has recognised. Choose standard contractual clauses or "
    "another safeguard that applies."
)
_RULES.update(
    (rule.code, rule)
    for rule in (
        _rule(
            "transfer_privacy_shield",
            _EXPLAIN_PRIVACY_SHIELD,
            N_("Art. 45 GDPR; Court of Justice, C-311/18 (Schrems II)"),
            severity=Severity.ERROR,
        ),
        _rule(
            "transfer_wrong_safeguard",
            _EXPLAIN_WRONG_SAFEGUARD,
            N_("Art. 45 and Art. 46 GDPR"),
            severity=Severity.ERROR,
        ),
    )
)
_EXPLAIN_WITHDRAW_CONSENT = N_(
    "Where you rely on consent, people may withdraw it at any time, and withdrawing must be as "
    "easy as giving it. Consent given online cannot require a letter to withdraw it: give an "
    "e-mail address or a web form for requests."
)
_EXPLAIN_COOKIE_LIFETIME = N_(
    "A cookie that lasts longer than 13 months keeps consent alive longer than regulators "
    "accept: the French authority (CNIL) limits the lifetime of audience-measurement cookies to "
    "13 months, and asks people again after that period at the latest. Shorten the lifetime, or "
    "check that it is really needed."
)
_EXPLAIN_AGE = N_(
    "The national law ({country}) sets the age of digital consent at {national}. Below that age a "
    "parent must give or authorise consent for an online service offered to a child. A lower "
    "threshold ({age}) would treat younger children's own consent as valid when it is not."
)
_EXPLAIN_LARGE_SCALE_DPO = N_(
    "You process health data through a service that reaches patients at large (an app, an "
    "online platform or video consultations). Processing health data on a large scale as a core "
    "activity requires a data protection officer. A single doctor or physiotherapist treating "
    "their own patients is not large-scale processing (Recital 91), but a hospital, a clinic "
    "group or a telehealth service usually is. If you are sure your processing is small, you "
    "may leave this as it is; otherwise name your data protection officer."
)
_EXPLAIN_VAGUE_RETENTION = N_(
    "'As long as necessary' does not tell people how long their data are kept. Give a period "
    "(for example 'two years after the last appointment') or the criteria that decide it (for "
    "example a statutory period, or the end of a contract)."
)

_VAGUE_RETENTION = re.compile(
    r"^(we keep (the|your) (personal )?data )?(for )?"
    r"(as long as (is |it is |they are )?(necessary|needed|required)"
    r"|zo lang (als )?(nodig|noodzakelijk)"
    r"|aussi longtemps que (nécessaire|necessaire)|le temps nécessaire|le temps necessaire"
    r"|so lange (wie |als )?(nötig|notwendig|erforderlich))"
    r"( (for|voor|pour|für) [\w ]{0,40})?$"
)


def is_vague_retention(text: str) -> bool:
    """True when ``text`` says only "as long as necessary" (in one of the four languages)."""
    normal = re.sub(r"[.!,;:]+", " ", text.casefold())
    normal = re.sub(r"\s+", " ", normal).strip()
    return bool(_VAGUE_RETENTION.match(normal))


def _months(amount: int, unit: TimeUnit) -> float:
    per_month = {
        TimeUnit.DAYS: 1 / 30.4375,
        TimeUnit.WEEKS: 7 / 30.4375,
        TimeUnit.MONTHS: 1.0,
        TimeUnit.YEARS: 12.0,
    }
    return amount * per_month[unit]


#: Longest cookie lifetime, in months, accepted without a warning (CNIL guidelines 2020).
MAX_COOKIE_MONTHS = 13

#: Services through which health data reach people at large: with health data, a sign of
#: processing "on a large scale" (Art. 37(1)(c); Recital 91 excludes the individual doctor).
LARGE_SCALE_SERVICES: frozenset[Service] = frozenset(
    {Service.TELECONSULTATION, Service.MOBILE_APP, Service.ONLINE_PLATFORM}
)


def large_scale_health(project: Project) -> bool:
    """Whether the answers suggest large-scale processing of health (special-category) data:
    special-category data together with an app, an online platform or video consultations."""
    special = any(p.special_categories for p in project.purposes)
    return special and bool(LARGE_SCALE_SERVICES.intersection(project.services))


def _explain(issue: Issue) -> Finding:
    rule = _RULES.get(issue.code)
    if rule is None:
        severity = Severity.ERROR if issue.blocking or issue.translation else Severity.WARNING
        return Finding(issue.code or "incomplete", severity, issue)
    severity = rule.severity or (Severity.ERROR if issue.blocking else Severity.WARNING)
    return Finding(rule.code, severity, issue, rule.explanation, rule.article)


def _own_findings(project: Project) -> list[Finding]:
    """The checks only the review makes (the wizard pages do not block on them)."""
    out: list[Finding] = []
    applies = set(flow.applicable_pages(project))

    # Consent without an easy way to withdraw it.
    org, rights = project.organisation, project.rights
    if uses_consent(project) and not (rights.email or rights.web_form or org.email):
        out.append(
            Finding(
                "consent_not_withdrawable",
                Severity.ERROR,
                Issue(
                    PageId.RIGHTS,
                    "rights.email",
                    N_(
                        "You rely on consent but give no e-mail address or web form to withdraw it."
                    ),
                    blocking=False,
                ),
                _EXPLAIN_WITHDRAW_CONSENT,
                N_("Art. 7(3) and Art. 13(2)(c) GDPR"),
            )
        )

    # Cookies kept longer than 13 months: the CNIL's rule, for websites under French law.
    if PageId.COOKIES in applies and project.cookies.used and french_cookie_law(project):
        for index, cookie in enumerate(project.cookies.items):
            life = cookie.lifetime
            if life is not None and _months(life.amount, life.unit) > MAX_COOKIE_MONTHS:
                out.append(
                    Finding(
                        "cookie_lifetime",
                        Severity.WARNING,
                        Issue(
                            PageId.COOKIES,
                            f"cookies.items[{index}].lifetime",
                            N_("Cookie '{cookie}' is kept longer than 13 months."),
                            {"cookie": cookie.name},
                            blocking=False,
                        ),
                        _EXPLAIN_COOKIE_LIFETIME,
                        N_("Art. 5(3) ePrivacy Directive; CNIL guidelines on cookies (2020)"),
                    )
                )

    # An age threshold below the Art. 8 age of the country of establishment, or of another
    # country whose children the services are offered to.
    children = project.children
    if children.age_threshold is not None:
        from wizard.catalog.ages import consent_age_entry

        for country in flow.children_countries(project):
            entry = consent_age_entry(country)
            if entry is None or entry.age is None or children.age_threshold >= entry.age:
                continue
            law = " ".join(x for x in (entry.provision, entry.national_law) if x and x != "—")
            field = (
                "children.age_threshold"
                if country == (org.country or org.address.country)
                else f"children.other_countries[{children.other_countries.index(country)}]"
            )
            out.append(
                Finding(
                    "age_below_national",
                    Severity.ERROR,
                    Issue(
                        PageId.CHILDREN,
                        field,
                        N_(
                            "{country}: the age of {age} is below the age of digital consent "
                            "there ({national})."
                        ),
                        {
                            "age": children.age_threshold,
                            "country": _country_named(country),
                            "national": entry.age,
                        },
                        blocking=False,
                    ),
                    _EXPLAIN_AGE,
                    N_("Art. 8(1) GDPR"),
                    law,
                )
            )

    # Large-scale health data and no data protection officer.
    # (Only while the facts that decide it are not answered: then the registry judges.)
    if large_scale_health(project) and project.dpo is None and project.dpo_facts is None:
        out.append(
            Finding(
                "dpo_for_large_scale_health",
                Severity.WARNING,
                Issue(
                    PageId.ORGANISATION,
                    "dpo",
                    N_(
                        "You seem to process health data on a large scale, but name no data "
                        "protection officer."
                    ),
                    blocking=False,
                ),
                _EXPLAIN_LARGE_SCALE_DPO,
                N_("Art. 37(1)(c) GDPR; Recital 91"),
            )
        )

    # "As long as necessary" as the only retention.
    for index, purpose in enumerate(project.purposes):
        retention = purpose.retention
        if retention.period is not None or retention.statutory_reference:
            continue
        texts = list(retention.criteria.root.values())
        if texts and any(is_vague_retention(t) for t in texts):
            out.append(
                Finding(
                    "retention_vague",
                    Severity.ERROR,
                    Issue(
                        PageId.PURPOSES,
                        f"purposes[{index}].retention.criteria",
                        N_("{purpose}: 'as long as necessary' is not a retention period."),
                        {"purpose": flow.purpose_named(purpose)},
                        blocking=False,
                    ),
                    _EXPLAIN_VAGUE_RETENTION,
                    N_("Art. 13(2)(a) and Art. 14(2)(a) GDPR"),
                )
            )
    # The registered legal checks (the Output page's settings are the flow's and the gate's).
    out += [f for f in checks.run(project) if f.page is not PageId.OUTPUT]
    return out


def french_cookie_law(project: Project) -> bool:
    """Whether French cookie law (art. 82 of the loi Informatique et Libertés, with the CNIL's
    13-month rule) applies: the organisation is established in France, or offers its services
    to people in France."""
    countries = {law.establishment(project), *project.children.other_countries}
    return "FR" in countries


def _finding(project: Project, issue: Issue) -> Finding:
    return _explain(issue)


def findings(project: Project) -> list[Finding]:
    """Everything missing or risky, in page order: the flow's issues on the pages that apply,
    explained, and the review's own checks."""
    out = [_finding(project, issue) for issue in flow.missing(project)]
    out += _own_findings(project)
    out += pdf_font_findings(project)
    order = {page: i for i, page in enumerate(flow.PAGE_ORDER)}
    return sorted(out, key=lambda f: order[f.page])


def page_findings(project: Project, page: PageId) -> list[Finding]:
    """What one page shows as open points: the same findings, with the same severity, as the
    review lists for that page (the Output page's own settings included, for its page)."""
    out = [_finding(project, issue) for issue in flow.page_issues(project, page)]
    return out + [f for f in _own_findings(project) + pdf_font_findings(project) if f.page is page]




def pdf_font_findings(project: Project) -> list[Finding]:
    """A warning for every text with characters the PDF's fonts cannot show (never silent)."""
    from wizard.render.fonts import missing_characters, missing_in_pdf

    # The common case first: every character of the whole project file shows (a JSON dump keeps
    # each text's characters as they are, escaping only ASCII), so no text needs looking at.
    if not missing_characters(project.model_dump_json(exclude={"history"})):
        return []
    data = project.model_dump(mode="json", exclude={"history"})
    return [
        Finding(
            "pdf_missing_characters",
            Severity.WARNING,
            Issue(
                checks.PAGE_OF_KEY.get(m.field.split(".")[0].split("[")[0], PageId.REVIEW),
                m.field,
                N_("The PDF cannot show these characters: {characters}"),
                {"characters": " ".join(m.characters)},
                blocking=False,
            ),
            N_(
                "The PDF's fonts cover Latin, Greek, Cyrillic, Arabic and Hebrew script; other "
                "characters (such as Chinese, Japanese, Korean or emoji) would be left blank. "
                "The DOCX, HTML and Markdown files show them."
            ),
        )
        for m in missing_in_pdf(data)
    ]


def errors(items: list[Finding]) -> list[Finding]:
    """The findings that must be fixed."""
    return [f for f in items if f.severity is Severity.ERROR]


def blocking_findings(items: list[Finding]) -> list[Finding]:
    """The findings that keep the documents from being generated (a missing answer the page
    needs, or a text not written in an output language). The review and the Output page count
    these, so they always give the same number."""
    return [f for f in items if flow.blocks_generation(f.issue)]


# --- coverage -------------------------------------------------------------------------------------


class _Sections:
    """The numbered sections of a document, by anchor, with the text under each."""

    def __init__(self, document: Document) -> None:
        self.headings: dict[str, Heading] = {}
        self.texts: dict[str, str] = {}
        open_: list[Heading] = []
        for block in document.blocks:
            if isinstance(block, Heading):
                open_ = [h for h in open_ if h.level < block.level]
                open_.append(block)
                self.headings[block.anchor] = block
                self.texts.setdefault(block.anchor, "")
                continue
            if isinstance(block, QrCode):
                continue
            text = _block_text(block)
            for heading in open_:
                self.texts[heading.anchor] += "\n" + text


def _block_text(block: Paragraph | ListBlock | Table) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(plain(i) for i in block.items)
    return "\n".join(c.text for row in (block.header, *block.rows) for c in row)


#: Where each element is found: the heading's anchor (see the template) and, for elements that
#: share a section, the policy-domain sentence that must appear in it.
_LOCATION: dict[str, tuple[str, str]] = {
    "controller_identity": ("controller", ""),
    "representative_identity": ("representative", ""),
    "dpo_contact": ("dpo", ""),
    "purposes": ("purposes", ""),
    "legal_basis": ("purposes", "Legal basis"),
    "legitimate_interests": ("legitimate-interests", ""),
    "data_categories": ("purposes", "Personal data"),
    "recipients": ("recipients", ""),
    "transfers": ("transfers", ""),
    "retention": ("purposes", "Retention period"),
    "rights_access": ("rights", "Right of access"),
    "rights_rectification": ("rights", "Right to rectification"),
    "rights_erasure": ("rights", "Right to erasure"),
    "rights_restriction": ("rights", "Right to restriction of processing"),
    "right_to_object": ("right-to-object", ""),
    "right_to_portability": ("rights", "Right to data portability"),
    "right_to_withdraw_consent": ("rights", "Right to withdraw consent"),
    "right_to_complain": ("complaints", ""),
    "statutory_or_contractual_requirement": ("requirements", ""),
    "automated_decision_making": ("automated-decisions", ""),
    "source_of_data": ("sources", ""),
    "further_processing_notice": ("changes", ""),
}

_NA = Status.NOT_APPLICABLE


def _country_named(code: str) -> LocalText:
    """A country's name in each document language (from CLDR), for messages."""
    from babel import Locale

    names = {
        lang: str(Locale.parse(languages.get(lang).locale).territories.get(code, code))
        for lang in languages.LANGUAGES
    }
    return LocalText(names)


def _labels(purposes: list[Purpose]) -> LocalText | str:
    return LocalText.join(flow.purpose_named(p) for p in purposes)


def _flagged(found: list[Finding], codes: set[str], key: str) -> list[LocalText | str]:
    """The ``key`` argument (a purpose's or recipient's label) of the findings with ``codes``."""
    labels: list[LocalText | str] = []
    for label in (f.issue.args.get(key, "") for f in found if f.code in codes):
        if label and label not in labels:
            labels.append(label)
    return labels


def _judge(
    project: Project, element_id: str, found: list[Finding]
) -> tuple[Status, str, dict[str, Any]]:
    """Whether ``element_id`` applies to the project and whether the answers give it:
    COVERED (to be located in the document), PARTIAL, NOT_APPLICABLE or MISSING, with a reason.
    What is incomplete comes from the findings (the same checks as the wizard's pages)."""
    codes = {f.code for f in found}
    org = project.organisation
    purposes = project.purposes
    indirect = [p for p in purposes if p.source]
    direct = [p for p in purposes if not p.source]
    ok: tuple[Status, str, dict[str, Any]] = (Status.COVERED, "", {})
    if element_id == "controller_identity":
        if "controller_identity" in codes:
            return Status.MISSING, N_("the name or the contact details are not given"), {}
        return ok
    if element_id == "representative_identity":
        if not org.country or org.country in EEA_COUNTRIES:
            return _NA, N_("no EU representative needed: established in the EU/EEA"), {}
        if "eu_representative" in codes:
            return (
                Status.MISSING,
                N_("established outside the EU/EEA, but no representative is named (Art. 27)"),
                {},
            )
        return ok
    if element_id == "dpo_contact":
        if project.dpo is None:
            if "dpo_required" in codes:
                return (
                    Status.MISSING,
                    N_("a data protection officer is required, but none is named"),
                    {},
                )
            return _NA, N_("no data protection officer designated"), {}
        return ok
    if element_id == "purposes":
        if not purposes:
            return Status.MISSING, N_("no purpose is given"), {}
        return ok
    if element_id == "legal_basis":
        if not purposes:
            return Status.MISSING, N_("no purpose is given"), {}
        labels = _flagged(
            found, {"purpose_without_legal_basis", "special_data_without_condition"}, "purpose"
        )
        if labels:
            return (
                Status.PARTIAL,
                N_("no legal basis (or Art. 9 condition) for: {purposes}"),
                {"purposes": LocalText.join(labels)},
            )
        return ok
    if element_id == "legitimate_interests":
        relying = [p for p in purposes if LegalBasis.LEGITIMATE_INTERESTS in p.bases]
        if not relying:
            return _NA, N_("no purpose relies on legitimate interests"), {}
        labels = _flagged(found, {"legitimate_interest_not_stated"}, "purpose")
        if labels:
            return (
                Status.PARTIAL,
                N_("the interest is not stated for: {purposes}"),
                {"purposes": LocalText.join(labels)},
            )
        return ok
    if element_id == "data_categories":
        if not indirect:
            return _NA, N_("all data come from the person: Art. 14(1)(d) does not apply"), {}
        lacking = [p for p in indirect if not (p.data_categories or p.other_data)]
        if lacking:
            return (
                Status.PARTIAL,
                N_("no categories of data for: {purposes}"),
                {"purposes": _labels(lacking)},
            )
        return ok
    if element_id == "recipients":
        if not project.recipients:
            return _NA, N_("no recipients: the data are not shared"), {}
        return ok
    if element_id == "transfers":
        if not transfers(project) and law.own_processing_countries(project):
            return ok
        if not transfers(project):
            return _NA, N_("no transfers: every recipient is in the EEA"), {}
        labels = _flagged(
            found,
            {f"transfer_{x}" for x in ("without_safeguard", "privacy_shield", "wrong_safeguard")},
            "recipient",
        )
        if labels:
            return (
                Status.PARTIAL,
                N_("no valid safeguard for: {recipients}"),
                {"recipients": LocalText.join(labels)},
            )
        return ok
    if element_id == "retention":
        if not purposes:
            return Status.MISSING, N_("no purpose is given"), {}
        labels = _flagged(found, {"retention_not_stated", "retention_vague"}, "purpose")
        if labels:
            return (
                Status.PARTIAL,
                N_("no period or criteria for: {purposes}"),
                {"purposes": LocalText.join(labels)},
            )
        return ok
    if element_id == "right_to_object":
        if not objection_applies(project):
            return (
                _NA,
                N_("no purpose relies on legitimate interests or a public task (Art. 21(1))"),
                {},
            )
        return ok
    if element_id == "right_to_portability":
        if not portability_applies(project):
            return _NA, N_("no purpose relies on consent or a contract (Art. 20(1))"), {}
        return ok
    if element_id == "right_to_withdraw_consent":
        if not uses_consent(project):
            return _NA, N_("no processing is based on consent"), {}
        return ok
    if element_id == "statutory_or_contractual_requirement":
        if not direct:
            return (
                _NA,
                N_("no data are collected from the person: Art. 13(2)(e) does not apply"),
                {},
            )
        labels = _flagged(found, {"requirement_not_stated"}, "purpose")
        if len(labels) >= len(direct):
            return Status.MISSING, N_("not stated for any purpose"), {}
        if labels:
            return (
                Status.PARTIAL,
                N_("not stated for: {purposes}"),
                {"purposes": LocalText.join(labels)},
            )
        return ok
    if element_id == "automated_decision_making":
        if "automated_decisions_unanswered" in codes:
            return Status.MISSING, N_("not answered yet"), {}
        return ok
    if element_id == "source_of_data":
        if not indirect:
            return _NA, N_("all data come from the person: Art. 14(2)(f) does not apply"), {}
        return ok
    if element_id == "further_processing_notice":
        return (
            _NA,
            N_(
                "only before you use data for a new purpose: then inform people first "
                "and update this policy"
            ),
            {},
        )
    return ok


def coverage(
    project: Project,
    lang: str,
    document: Document | None = None,
    found: list[Finding] | None = None,
) -> tuple[list[Coverage], list[str]]:
    """The coverage of every :data:`ELEMENTS` entry by the policy in ``lang``.

    The sections are looked up in ``document`` (built with
    :func:`wizard.policy.engine.cached_document` when not given). When the policy cannot be
    written in ``lang`` yet, the elements it would cover are reported as missing, and the
    second value lists the engine's problems.
    """
    from wizard.i18n import translation
    from wizard.policy.engine import PolicyError, cached_document

    problems: list[str] = []
    if document is None:
        try:
            # The review page asks again for a language it has shown: built once per change.
            document = cached_document(project, lang)
        except PolicyError as exc:
            problems = list(exc.problems)
    sections = _Sections(document) if document is not None else None
    policy = translation("policy", lang)
    if found is None:
        found = findings(project)
    out: list[Coverage] = []
    for element in ELEMENTS:
        status, reason, args = _judge(project, element.id, found)
        if status in (Status.COVERED, Status.PARTIAL) or element.id == "further_processing_notice":
            anchor, marker = _LOCATION[element.id]
            if sections is None:
                if status is not _NA:
                    status, reason, args = (
                        Status.MISSING,
                        N_("the policy cannot be written in this language yet"),
                        {},
                    )
                out.append(Coverage(element, status, reason=reason, args=args))
                continue
            heading = sections.headings.get(anchor)
            present = heading is not None and (
                not marker or policy.gettext(marker) in sections.texts.get(anchor, "")
            )
            if heading is None or not present:
                if status is not _NA:
                    status, reason, args = (Status.MISSING, N_("not found in the document"), {})
                out.append(Coverage(element, status, reason=reason, args=args))
                continue
            out.append(
                Coverage(
                    element, status, heading.number, heading.text, heading.anchor, reason, args
                )
            )
            continue
        out.append(Coverage(element, status, reason=reason, args=args))
    return out, problems


# --- the report, as text and as data --------------------------------------------------------------

#: Page names for reports without a window (the same words as the wizard's page titles).
PAGE_TITLES: dict[PageId, str] = {
    PageId.WELCOME: N_("Welcome to Privacy Wizard"),
    PageId.ORGANISATION: N_("Your organisation"),
    PageId.SERVICES: N_("Your services"),
    PageId.PURPOSES: N_("Data and purposes"),
    PageId.RECIPIENTS: N_("Processors and other recipients"),
    PageId.TRANSFERS: N_("International transfers"),
    PageId.COOKIES: N_("Cookies"),
    PageId.CHILDREN: N_("Children"),
    PageId.RIGHTS: N_("Rights and complaints"),
    PageId.SECURITY: N_("Security and more"),
    PageId.REVIEW: N_("Review"),
    PageId.OUTPUT: N_("Generate the policy"),
}

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: N_("must fix"),
    Severity.WARNING: N_("advice"),
}


@dataclass(frozen=True)
class Report:
    """Coverage and findings of one project, for one document language."""

    lang: str
    coverage: list[Coverage]
    findings: list[Finding]
    problems: list[str]

    @property
    def errors(self) -> list[Finding]:
        return errors(self.findings)

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]


def review(project: Project, lang: str, document: Document | None = None) -> Report:
    """The whole review of ``project`` with the policy in ``lang``."""
    found = findings(project)
    items, problems = coverage(project, lang, document, found)
    return Report(lang, items, found, problems)


def report_data(report: Report, gettext: Gettext = _identity) -> dict[str, Any]:
    """The report as plain data with stable keys (for ``check --format json``)."""
    return {
        "lang": report.lang,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "coverage": [
            {
                "id": c.element.id,
                "name": gettext(c.element.name),
                "art13": c.element.art13,
                "art14": c.element.art14,
                "status": c.status.value,
                "section": c.section,
                "heading": c.heading,
                "anchor": c.anchor,
                "reason": c.reason_text(gettext, report.lang),
            }
            for c in report.coverage
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "page": f.page.value,
                "field": f.field,
                "message": f.text(gettext, report.lang),
                "explanation": f.explanation_text(gettext, report.lang),
                "article": f.article_text(gettext),
            }
            for f in report.findings
        ],
        "problems": list(report.problems),
    }


def report_text(report: Report, gettext: Gettext = _identity) -> str:
    """The report as plain text, for a terminal."""

    colon = languages.get(report.lang).colon
    lines = [gettext("Coverage of the information Art. 13 and 14 GDPR require:")]
    width = max(len(gettext(label)) for label in STATUS_LABELS.values())
    for c in report.coverage:
        status = gettext(STATUS_LABELS[c.status]).ljust(width)
        detail = c.where() or c.reason_text(gettext, report.lang)
        if c.where() and c.reason:
            detail += f" ({c.reason_text(gettext, report.lang)})"
        lines.append(f"  {status}  {gettext(c.element.name)}{colon} {detail}")
    if report.problems:
        lines.append("")
        lines.append(gettext(N_("The policy cannot be shown in this language yet:")))
        lines.extend(f"  - {problem}" for problem in report.problems)
    lines.append("")
    if not report.findings:
        lines.append(gettext("Nothing is missing or risky."))
    else:
        lines.append(
            gettext("Findings: {errors} to fix, {warnings} advice.").format(
                errors=len(report.errors), warnings=len(report.warnings)
            )
        )
    for f in report.findings:
        lines.append("")
        lines.append(f"[{gettext(SEVERITY_LABELS[f.severity])}] {f.text(gettext, report.lang)}")
        explanation = f.explanation_text(gettext, report.lang)
        if explanation:
            lines.append("    " + explanation)
        article = f.article_text(gettext)
        if article:
            lines.append("    " + gettext("Rests on: {article}").format(article=article))
        lines.append(
            "    "
            + gettext("Where: {page} ({field})").format(
                page=gettext(PAGE_TITLES[f.page]), field=f.field
            )
        )
    return "\n".join(lines)


__all__ = [
    "ELEMENTS",
    "article_ref",
    "ELEMENT_IDS",
    "LARGE_SCALE_SERVICES",
    "MAX_COOKIE_MONTHS",
    "PAGE_TITLES",
    "SEVERITY_LABELS",
    "STATUS_LABELS",
    "Coverage",
    "Element",
    "Finding",
    "Report",
    "Severity",
    "Status",
    "coverage",
    "blocking_findings",
    "errors",
    "findings",
    "page_findings",
    "is_vague_retention",
    "large_scale_health",
    "report_data",
    "report_text",
    "review",
    "uses_consent",
]
