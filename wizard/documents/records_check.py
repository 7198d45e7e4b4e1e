"""The record of processing activities checked against Art. 30(1) GDPR, point by point: what
``privacy-wizard check --document records`` prints, and what stops the record being written.

Points (a) to (e) are required outright: a finding there is an error (must fix). Points (f) and
(g) are required "where possible": a finding there is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.i18n import translation
from wizard.law.applicability import established_outside_eea
from wizard.model.answers import Project, Safeguard


@dataclass(frozen=True)
class RecordFinding:
    """One point of Art. 30(1) that the record does not meet; ``where`` names the activity."""

    point: str
    severity: str  # "error" or "warning"
    message: str
    where: str = ""


def record_findings(project: Project, lang: str = "en") -> list[RecordFinding]:
    """What the record of ``project`` lacks under Art. 30(1), in ``lang``."""
    _ = translation("documents", lang).gettext
    out: list[RecordFinding] = []
    org = project.organisation
    if not (org.legal_name or org.trading_name):
        out.append(RecordFinding("a", "error", _("The controller's name is missing.")))
    address = org.address
    if not (org.email or org.phone or address.street or address.city):
        out.append(RecordFinding("a", "error", _("The controller's contact details are missing.")))
    if established_outside_eea(project) and project.representative is None:
        out.append(
            RecordFinding(
                "a",
                "error",
                _("The controller is not established in the Union and no representative is named."),
            )
        )
    if not project.purposes:
        out.append(RecordFinding("b", "error", _("The record has no processing activity.")))
    for purpose in project.purposes:
        name = purpose.name.get(lang) or purpose.id
        if not purpose.subjects:
            out.append(
                RecordFinding("c", "error", _("No category of data subjects is given."), name)
            )
        if not (purpose.data_categories or purpose.other_data):
            out.append(
                RecordFinding("c", "error", _("No category of personal data is given."), name)
            )
        for recipient in project.recipients:
            if recipient.purposes and purpose.id not in recipient.purposes:
                continue
            if recipient.outside_eea and (recipient.safeguard in (None, Safeguard.NONE)):
                out.append(
                    RecordFinding(
                        "e",
                        "error",
                        _("The transfer to {recipient} has no safeguard.").replace(
                            "{recipient}", recipient.name or recipient.country
                        ),
                        name,
                    )
                )
        retention = purpose.retention
        if not (retention.period or retention.criteria or retention.statutory_reference):
            out.append(
                RecordFinding("f", "warning", _("No time limit for erasure is given."), name)
            )
    if not (project.security or project.record.security):
        out.append(
            RecordFinding(
                "g",
                "warning",
                _("The technical and organisational security measures are not described."),
            )
        )
    return out


def record_report(findings: list[RecordFinding], lang: str = "en") -> str:
    """The findings as lines of text for people."""
    _ = translation("documents", lang).gettext
    if not findings:
        return _("The record contains every item of Article 30(1) GDPR.")
    lines = []
    for f in findings:
        label = _("must fix") if f.severity == "error" else _("warning")
        point = _("Art. 30(1)({point})").replace("{point}", f.point)
        where = f" [{f.where}]" if f.where else ""
        lines.append(f"{label}: {point}{where}: {f.message}")
    return "\n".join(lines)
