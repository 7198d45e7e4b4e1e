"""The review as a report: coverage and findings of one project for one document language, as
plain data with stable keys (``check --format json``) and as text for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from wizard import languages
from wizard.languages import N_
from wizard.law.findings import Finding, Gettext, Severity, _identity
from wizard.model.answers import Project
from wizard.page_titles import PAGE_TITLES
from wizard.review.coverage import Coverage, coverage
from wizard.review.findings import errors, findings
from wizard.review.judges import STATUS_LABELS

if TYPE_CHECKING:
    from wizard.policy.document import Document

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: N_("must fix"),
    Severity.WARNING: N_("advice"),
}


class Report(msgspec.Struct, frozen=True):
    """Coverage and findings of one project, for one document language."""

    lang: str
    coverage: list[Coverage]
    findings: list[Finding]
    problems: list[str]

    @property
    def errors(self) -> list[Finding]:
        return errors(self.findings)

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]


def review(project: Project, lang: str, document: Document | None = None) -> Report:
    """The whole review of ``project`` with the policy in ``lang``."""
    found = findings(project)
    items, problems = coverage(project, lang, document, found)
    return Report(lang, items, found, problems)


def report_data(report: Report, gettext: Gettext = _identity) -> dict[str, Any]:
    """The report as plain data with stable keys (for ``check --format json``)."""
    return {
        "lang": report.lang,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "coverage": [
            {
                "id": c.element.id,
                "name": gettext(c.element.name),
                "art13": c.element.art13,
                "art14": c.element.art14,
                "status": c.status.value,
                "section": c.section,
                "heading": c.heading,
                "anchor": c.anchor,
                "reason": c.reason_text(gettext, report.lang),
            }
            for c in report.coverage
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "page": f.page.value,
                "field": f.field,
                "message": f.text(gettext, report.lang),
                "explanation": f.explanation_text(gettext, report.lang),
                "article": f.article_text(gettext),
            }
            for f in report.findings
        ],
        "problems": list(report.problems),
    }


def report_text(report: Report, gettext: Gettext = _identity) -> str:
    """The report as plain text, for a terminal."""

    colon = languages.get(report.lang).colon
    lines = [gettext("Coverage of the information Art. 13 and 14 GDPR require:")]
    width = max(len(gettext(label)) for label in STATUS_LABELS.values())
    for c in report.coverage:
        status = gettext(STATUS_LABELS[c.status]).ljust(width)
        detail = c.where() or c.reason_text(gettext, report.lang)
        if c.where() and c.reason:
            detail += f" ({c.reason_text(gettext, report.lang)})"
        lines.append(f"  {status}  {gettext(c.element.name)}{colon} {detail}")
    if report.problems:
        lines.append("")
        lines.append(gettext(N_("The policy cannot be shown in this language yet:")))
        lines.extend(f"  - {problem}" for problem in report.problems)
    lines.append("")
    if not report.findings:
        lines.append(gettext("Nothing is missing or risky."))
    else:
        lines.append(
            gettext("Findings: {errors} to fix, {warnings} advice.").format(
                errors=len(report.errors), warnings=len(report.warnings)
            )
        )
    for f in report.findings:
        lines.append("")
        lines.append(f"[{gettext(SEVERITY_LABELS[f.severity])}] {f.text(gettext, report.lang)}")
        explanation = f.explanation_text(gettext, report.lang)
        if explanation:
            lines.append("    " + explanation)
        article = f.article_text(gettext)
        if article:
            lines.append("    " + gettext("Rests on: {article}").format(article=article))
        lines.append(
            "    "
            + gettext("Where: {page} ({field})").format(
                page=gettext(PAGE_TITLES[f.page]), field=f.field
            )
        )
    return "\n".join(lines)
