"""The check of the Art. 6(1) bases against the organisation: a task in the public interest or
in the exercise of official authority (point (e)) relied on by an organisation that says it is
no public body.
"""

from __future__ import annotations

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law.checks.registry import Hit, check, hits_on_basis
from wizard.law.findings import Severity
from wizard.model.answers import LegalBasis, Project


@check(
    "public_task_without_public_body",
    PageId.PURPOSES,
    Severity.WARNING,
    N_("Art. 6(1)(e) and Art. 6(3) GDPR"),
    N_(
        "A task carried out in the public interest or in the exercise of official authority is "
        "a basis only where Union or Member State law lays that task down for the organisation "
        "(Art. 6(3)). A private organisation rarely has such a task; a few are entrusted with "
        "one by law. If no law gives you the task, choose the basis that fits: usually the "
        "contract, a legal obligation or legitimate interests."
    ),
)
def _public_task(project: Project) -> list[Hit]:
    facts = project.dpo_facts
    if facts is None or facts.public_body:
        return []
    return hits_on_basis(
        project,
        LegalBasis.PUBLIC_TASK,
        N_(
            "{purpose}: rests on a task in the public interest, but your organisation is "
            "no public body: that basis needs a task laid down by law for you."
        ),
    )
