"""The checks of the Transfers page: whether the safeguard named for a transfer outside the
EU/EEA covers it (Chapter V GDPR)."""

from __future__ import annotations

from wizard.catalog.adequacy import adequate_countries
from wizard.flow.issues import Issue, country_named, recipient_named
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law.applicability import is_transfer
from wizard.model.answers import Project, Safeguard
from wizard.model.countries import EEA_COUNTRIES


def transfer_problem(country: str, safeguard: Safeguard | None) -> str | None:
    """Why ``safeguard`` does not cover a transfer to ``country``; ``None`` when it does (the
    Commission's adequacy decisions are in :mod:`wizard.catalog.adequacy`)."""
    if country in EEA_COUNTRIES:
        return None
    if safeguard is None or safeguard is Safeguard.NONE:
        return N_("Choose the safeguard for this transfer outside the EU/EEA.")
    if safeguard is Safeguard.PRIVACY_SHIELD:
        return N_(
            "The Privacy Shield was declared invalid on 16 July 2020: choose the Data Privacy "
            "Framework (if the recipient is certified) or standard contractual clauses."
        )
    if safeguard is Safeguard.DPF and country not in adequate_countries(Safeguard.DPF):
        return N_("The Data Privacy Framework covers transfers to the United States only.")
    if safeguard is Safeguard.ADEQUACY and country not in adequate_countries():
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


def transfers_issues(project: Project) -> list[Issue]:
    """The Transfers page's issues: a safeguard, or a further one, that does not cover the
    transfer."""
    issues: list[Issue] = []
    for index, recipient in enumerate(project.recipients):
        if not is_transfer(project, recipient):
            continue
        args = {
            "recipient": recipient_named(recipient),
            "country": country_named(recipient.country) if recipient.country else "",
        }
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
