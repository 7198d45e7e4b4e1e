"""The check of the organisation's own processing outside the EU/EEA (its own staff, no
transfer): the risks of that country's law are its to assess, unless the European Commission has
found the whole country's protection adequate (Art. 45), its law on access by public
authorities included.
"""

from __future__ import annotations

from wizard.catalog.adequacy import adequate_as_a_whole
from wizard.flow.issues import country_named
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import LocalText, Project


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
    adequate = adequate_as_a_whole()
    countries = [c for c in law.own_processing_countries(project) if c not in adequate]
    if not countries:
        return []
    names = [country_named(c) for c in countries]
    named = LocalText({lang: ", ".join(name.text_in(lang) for name in names) for lang in LANGUAGES})
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
