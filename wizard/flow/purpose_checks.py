"""The checks of the Purposes page: what one purpose still lacks (the purpose editor shows it)
and the page's issues."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.flow.issues import Issue, purpose_named
from wizard.flow.pages import PageId
from wizard.flow.texts import gaps, purpose_texts, without_covered_gaps
from wizard.languages import N_
from wizard.model.answers import LegalBasis, Project, Purpose


def purpose_issues(
    purpose: Purpose, index: int, languages: Iterable[str] = ("en",)
) -> list[Issue]:
    """What is missing in one purpose (shown in the purpose editor), texts not yet written in
    ``languages`` included."""
    issues = _purpose_checks(purpose, index)
    return without_covered_gaps(issues + gaps(purpose_texts(purpose, index), languages))


def _purpose_checks(purpose: Purpose, index: int) -> list[Issue]:
    page = PageId.PURPOSES
    base = f"purposes[{index}]"
    label = purpose_named(purpose)
    issues: list[Issue] = []
    if not purpose.name:
        issues.append(
            Issue(
                page,
                f"{base}.name",
                N_("Describe the purpose."),
                code="purpose_not_described",
            )
        )
    if not purpose.data_categories and not purpose.other_data:
        issues.append(
            Issue(
                page,
                f"{base}.data_categories",
                N_("{purpose}: choose the data you use for it."),
                {"purpose": label},
                code="purpose_without_data",
            )
        )
    if purpose.legal_basis is None:
        issues.append(
            Issue(
                page,
                f"{base}.legal_basis",
                N_("{purpose}: choose a legal basis."),
                {"purpose": label},
                code="purpose_without_legal_basis",
            )
        )
    if LegalBasis.LEGITIMATE_INTERESTS in purpose.bases:
        if not purpose.legitimate_interest:
            issues.append(
                Issue(
                    page,
                    f"{base}.legitimate_interest",
                    N_("{purpose}: say which legitimate interest you pursue."),
                    {"purpose": label},
                    code="legitimate_interest_not_stated",
                )
            )
    if purpose.relies_on_consent and not purpose.withdrawal:
        issues.append(
            Issue(
                page,
                f"{base}.withdrawal",
                N_(
                    "{purpose}: say how people withdraw their consent (for example the "
                    "unsubscribe link in every e-mail, or a switch in the app's settings)."
                ),
                {"purpose": label},
                blocking=False,
            )
        )
    if purpose.special_categories and purpose.special_condition is None:
        issues.append(
            Issue(
                page,
                f"{base}.special_condition",
                N_(
                    "{purpose}: health or other special data need a condition of "
                    "Art. 9(2) GDPR (for care providers usually 'health care')."
                ),
                {"purpose": label},
                code="special_data_without_condition",
            )
        )
    retention = purpose.retention
    if retention.period is None and not retention.criteria:
        issues.append(
            Issue(
                page,
                f"{base}.retention",
                N_("{purpose}: say how long you keep the data (a period, or the criteria)."),
                {"purpose": label},
                code="retention_not_stated",
            )
        )
    if purpose.requirement is None:
        issues.append(
            Issue(
                page,
                f"{base}.requirement",
                N_("{purpose}: say whether people must give these data (Art. 13(2)(e))."),
                {"purpose": label},
                blocking=False,
                code="requirement_not_stated",
            )
        )
    return issues


def purposes_issues(project: Project) -> list[Issue]:
    """The Purposes page's issues: no purpose yet, or what each purpose lacks."""
    if not project.purposes:
        return [
            Issue(
                PageId.PURPOSES,
                "purposes",
                N_("Add at least one purpose."),
                code="purpose_not_described",
            )
        ]
    issues: list[Issue] = []
    for index, purpose in enumerate(project.purposes):
        issues += _purpose_checks(purpose, index)
    return issues

