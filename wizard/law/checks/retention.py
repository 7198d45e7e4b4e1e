"""The check of the statutes a retention period cites: a period taken over from another
country's law (a project moved from Germany to Luxembourg that still cites § 147 AO) is not the
period that binds the organisation.
"""

from __future__ import annotations

from wizard.catalog.statutes import statutes_cited
from wizard.flow.issues import country_named, purpose_named
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import Project


@check(
    "retention_statute_of_another_country",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 5(1)(e) and Art. 13(2)(a) GDPR"),
    N_(
        "A statutory retention period binds the organisation only where that statute applies "
        "to it: usually the law of the country where it is established. A period taken from "
        "another country's law may keep data longer than allowed (storage limitation) or "
        "shorter than your own law requires, and tells people the wrong rule. Check which "
        "statute of your own country sets the period, and cite that one."
    ),
)
def _retention_statute(project: Project) -> list[Hit]:
    own = project.organisation.country
    if not own:
        return []
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        cited = statutes_cited(purpose.retention.statutory_reference)
        if not cited or any(s.country == own for s in cited):
            continue
        foreign = cited[0]
        hits.append(
            Hit(
                f"purposes[{index}].retention.statutory_reference",
                N_(
                    '{purpose}: the statutory period cites "{statute}", a law of another '
                    "country ({country}) than the one where your organisation is established "
                    "({own})."
                ),
                {
                    "purpose": purpose_named(purpose),
                    "statute": purpose.retention.statutory_reference,
                    "country": country_named(foreign.country),
                    "own": country_named(own),
                },
            )
        )
    return hits
