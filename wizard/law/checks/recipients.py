"""The check of a recipient taken from the processor catalogue whose details (the contracting
company, where the data go, the transfer safeguard) no source confirmed.
"""

from __future__ import annotations

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import Project
from wizard.model.countries import EEA_COUNTRIES


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
