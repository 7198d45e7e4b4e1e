"""The checks of what the policy says about the organisation's processors: a contract with
processors stated as a security measure while no recipient is a processor, and an online
service with no recipient at all (somebody hosts the website or app).
"""

from __future__ import annotations

from wizard.flow.pages import PageId, has_website_or_app
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import Project, SecurityMeasure


@check(
    "processor_agreements_without_processor",
    PageId.SECURITY,
    Severity.WARNING,
    N_("Art. 28(3) and Art. 13(1)(e) GDPR"),
    N_(
        "You chose contracts with processors (Art. 28) as a security measure, but no recipient "
        "is a processor, so the policy would claim contracts with companies it does not name; "
        "it leaves that measure out. Most organisations do use processors: the host of the "
        "website, the e-mail provider, practice or accounting software. List them as recipients "
        "with the role processor, or remove the measure."
    ),
)
def _processor_agreements(project: Project) -> list[Hit]:
    if SecurityMeasure.PROCESSOR_AGREEMENTS not in project.security.measures:
        return []
    if law.has_processor(project):
        return []
    return [
        Hit(
            "security.measures",
            N_(
                "You state contracts with processors, but no recipient is a processor: the "
                "policy leaves this measure out."
            ),
        )
    ]


@check(
    "online_service_without_recipient",
    PageId.RECIPIENTS,
    Severity.WARNING,
    N_("Art. 13(1)(e) and Art. 28 GDPR"),
    N_(
        "A website or app runs on a server: unless you host it on your own hardware, the "
        "hosting provider processes the data people send through it (and the addresses of "
        "their devices) on your behalf, and is a recipient the policy must name (Art. 13(1)(e)) "
        "with whom you need a processing contract (Art. 28). The same holds for an e-mail "
        "provider that receives the messages. Add them as recipients; if you run everything "
        "yourself, no recipient is needed."
    ),
)
def _online_without_recipient(project: Project) -> list[Hit]:
    if project.recipients or not has_website_or_app(project):
        return []
    return [
        Hit(
            "recipients",
            N_(
                "You offer a website or app but list no recipient: name the company that hosts "
                "it, unless you host it yourself."
            ),
        )
    ]
