"""The explanations of the findings: for each issue of the flow (by its code) a plain-language
explanation, the article it rests on and, for some, a fixed severity; and the explanations of the
review's own checks. English source strings marked with :func:`~wizard.languages.N_`."""

from __future__ import annotations

from typing import Any

import msgspec

from wizard.flow.issues import Issue
from wizard.languages import N_
from wizard.law.findings import Finding, Severity


class Rule(msgspec.Struct, frozen=True):
    code: str
    explanation: str
    article: str
    severity: Severity | None = None  # None: error when the issue blocks, else warning


def _rule(code: str, explanation: str, article: str, **kw: Any) -> Rule:
    return Rule(code, explanation, article, **kw)


#: Explanations of the flow's issues, by the issue's code.
RULE_LIST: tuple[Rule, ...] = (
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
        "no_example_authority",
        N_(
            "An organisation without an establishment in the EU or EEA has no supervisory "
            "authority competent for it: people may complain to the authority of the Member "
            "State where they live or work, and the policy says so. Naming the authority of "
            "your representative's Member State as an example helps them find one."
        ),
        N_("Art. 13(2)(d), Art. 27 and Art. 77 GDPR"),
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
RULES: dict[str, Rule] = {rule.code: rule for rule in RULE_LIST}

# Explanations of the review's own checks.
EXPLAIN_PRIVACY_SHIELD = N_(
    "The EU-US Privacy Shield was declared invalid by the Court of Justice on 16 July 2020 "
    "(Schrems II) and can no longer be relied on. A transfer to the United States is lawful "
    "with a company certified under the EU-US Data Privacy Framework (adequacy decision of 10 "
    "July 2023), or with standard contractual clauses. An older project file may still name "
    "the Privacy Shield: choose the current safeguard."
)
EXPLAIN_WRONG_SAFEGUARD = N_(
    "The safeguard chosen does not cover this country. The Data Privacy Framework covers only "
    "certified companies in the United States, and an adequacy decision exists only for the "
    "countries the European Commission has recognised. Choose standard contractual clauses or "
    "another safeguard that applies."
)
RULES.update(
    (rule.code, rule)
    for rule in (
        _rule(
            "transfer_privacy_shield",
            EXPLAIN_PRIVACY_SHIELD,
            N_("Art. 45 GDPR; Court of Justice, C-311/18 (Schrems II)"),
            severity=Severity.ERROR,
        ),
        _rule(
            "transfer_wrong_safeguard",
            EXPLAIN_WRONG_SAFEGUARD,
            N_("Art. 45 and Art. 46 GDPR"),
            severity=Severity.ERROR,
        ),
    )
)
EXPLAIN_WITHDRAW_CONSENT = N_(
    "Where you rely on consent, people may withdraw it at any time, and withdrawing must be as "
    "easy as giving it. Consent given online cannot require a letter to withdraw it: give an "
    "e-mail address or a web form for requests."
)
EXPLAIN_COOKIE_LIFETIME = N_(
    "A cookie that lasts longer than 13 months keeps consent alive longer than regulators "
    "accept: the French authority (CNIL) limits the lifetime of audience-measurement cookies to "
    "13 months, and asks people again after that period at the latest. Shorten the lifetime, or "
    "check that it is really needed."
)
EXPLAIN_AGE = N_(
    "The national law ({country}) sets the age of digital consent at {national}. Below that age a "
    "parent must give or authorise consent for an online service offered to a child. A lower "
    "threshold ({age}) would treat younger children's own consent as valid when it is not."
)
EXPLAIN_LARGE_SCALE_DPO = N_(
    "You process health data through a service that reaches patients at large (an app, an "
    "online platform or video consultations). Processing health data on a large scale as a core "
    "activity requires a data protection officer. A single doctor or physiotherapist treating "
    "their own patients is not large-scale processing (Recital 91), but a hospital, a clinic "
    "group or a telehealth service usually is. If you are sure your processing is small, you "
    "may leave this as it is; otherwise name your data protection officer."
)
EXPLAIN_VAGUE_RETENTION = N_(
    "'As long as necessary' does not tell people how long their data are kept. Give a period "
    "(for example 'two years after the last appointment') or the criteria that decide it (for "
    "example a statutory period, or the end of a contract)."
)


def explain(issue: Issue) -> Finding:
    """The finding of one of the flow's issues, with its explanation and article when known."""
    rule = RULES.get(issue.code)
    if rule is None:
        severity = Severity.ERROR if issue.blocking or issue.translation else Severity.WARNING
        return Finding(issue.code or "incomplete", severity, issue)
    severity = rule.severity or (Severity.ERROR if issue.blocking else Severity.WARNING)
    return Finding(rule.code, severity, issue, rule.explanation, rule.article)
