"""The check of what a published policy must carry itself: its effective date."""

from __future__ import annotations

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import Project


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
