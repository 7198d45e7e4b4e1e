"""The checks of who is responsible and whom people turn to: the supervisory authority (one of
the EU/EEA, the one of the establishment), the data protection officer the facts require, and a
representative only for a controller outside the EU/EEA.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.flow.pages import PageId
from wizard.languages import LANGUAGES, N_
from wizard.law import applicability as law
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import LocalText, Project
from wizard.model.countries import EEA_COUNTRIES

if TYPE_CHECKING:
    from wizard.catalog.authorities import SupervisoryAuthority


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


def authority_named(entry: SupervisoryAuthority) -> LocalText:
    """The authority's name in each language, as the policy gives it (its name in that
    language, else its national one): a report in Dutch never names it in English."""
    return LocalText({lang: entry.name(lang) for lang in LANGUAGES})


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
            {"authority": authority_named(found)},
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
        "authority": authority_named(found) if found is not None else chosen.name,
        "expected": authority_named(proposed) if proposed is not None else expected,
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


@check(
    "dpo_for_impact_assessment",
    PageId.ORGANISATION,
    Severity.WARNING,
    N_("Art. 35 and Art. 37(4) GDPR"),
    N_(
        "Some countries require a data protection officer, whatever the number of people, "
        "from any organisation whose processing needs a data protection impact assessment "
        "(Art. 35) (in Germany, § 38(1), second sentence, of the Federal Data Protection Act). "
        "A service meant for children is likely to need one. If your assessment finds it is "
        "needed, designate an officer and give the contact details; if it is not, record why."
    ),
)
def _dpo_for_impact_assessment(project: Project) -> list[Hit]:
    from wizard.catalog.dpo import national_dpo_rule

    if project.dpo is not None or not project.children.targets_children:
        return []
    rule = national_dpo_rule(law.establishment(project))
    if rule is None or not rule.dpia_provision or dpo_required_by(project):
        return []
    return [
        Hit(
            "dpo",
            N_(
                "Your services are meant for children, so an impact assessment is likely "
                "needed; where it is, a data protection officer is required whatever the "
                "number of people ({provision})."
            ),
            {"provision": rule.dpia_provision},
        )
    ]


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
