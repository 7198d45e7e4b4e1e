"""The record of processing activities (Art. 30(1) GDPR): one entry per purpose, as a document
(DOCX, PDF, HTML, Markdown) and as a spreadsheet with one row per activity (XLSX)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel import Locale

from wizard import languages
from wizard.documents.common import environment, from_template
from wizard.i18n import translation
from wizard.model.answers import Project, RecipientRole
from wizard.policy.document import Document
from wizard.policy.engine import facts
from wizard.policy.items import RecipientView
from wizard.policy.localised import long_date
from wizard.policy.typography import full_stop_after


@dataclass(frozen=True)
class Activity:
    """One processing activity (a purpose) with the items (b) to (g) of Art. 30(1)."""

    id: str
    name: str
    basis: str | None
    special_condition: str | None
    subjects: list[str]
    data: list[str]
    recipients: list[str]
    transfers: list[str]
    erasure: str


@dataclass(frozen=True)
class Sheet:
    """The record as a table: one row per activity, every cell plain text."""

    title: str
    header: list[str]
    rows: list[list[str]]
    #: Column widths in characters.
    widths: list[int]
    #: The controller's details, as (label, value) lines, for a second sheet.
    controller: list[tuple[str, str]]


def record_date(project: Project) -> dt.date:
    """The date printed on the record: the one the user gave, else today."""
    return project.record.date or dt.date.today()


def missing_record_texts(project: Project, lang: str) -> list[str]:
    """The record's own texts written in other languages but not in ``lang``, from the one
    translation check (:func:`wizard.flow.texts.translation_gaps`)."""
    from wizard.flow.texts import translation_gaps

    return [
        f"{gap.field.rpartition('.')[0]}: no text in language '{lang}'"
        for gap in translation_gaps(project, lang, "records")
    ]


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _transfer(rv: RecipientView, colon: str, lang: str) -> str:
    """A transfer for Art. 30(1)(e): who receives the data in which third country, on which
    safeguard, with the safeguards that cover it should that one cease to apply (the policy's
    own words for both)."""
    policy_words = translation("policy", lang).gettext
    text = f"{rv.importer or rv.name}, {rv.transfer_country or rv.country}{colon} {rv.safeguard}"
    if rv.fallbacks:
        text += full_stop_after(text) + " " + policy_words(
            "Should that basis cease to apply, the transfer is covered by: %(safeguards)s"
        ) % {"safeguards": str(environment(lang).globals["semicolon"]).join(rv.fallbacks)}
    if rv.importer:
        text += (
            f" ({policy_words('Receives the data from %(recipient)s') % {'recipient': rv.name}})"
        )
    return text


def joint_controllers(project: Project, context: dict[str, Any]) -> list[str]:
    """The joint controllers (Art. 26) among the recipients, with their country, for
    Art. 30(1)(a)."""
    views: list[RecipientView] = context["recipients"]
    return [
        f"{rv.name}, {rv.country}"
        for model, rv in zip(project.recipients, views, strict=True)
        if model.role is RecipientRole.JOINT_CONTROLLER
    ]


def activities(project: Project, lang: str, context: dict[str, Any]) -> list[Activity]:
    """The activities of the record in ``lang`` from the policy engine's ``context``."""
    words = translation("documents", lang)
    colon = context["colon"] if "colon" in context else ":"
    internal = _lines(project.record.internal_recipients.get(lang))
    semicolon = str(environment(lang).globals["semicolon"])
    out = []
    recipients: list[RecipientView] = context["recipients"]
    for purpose, view in zip(project.purposes, context["purposes"], strict=True):
        mine = [
            (model, rv)
            for model, rv in zip(project.recipients, recipients, strict=True)
            if not model.purposes or purpose.id in model.purposes
        ]
        names = [
            words.gettext("{recipient} ({role}), {country}")
            .replace("{recipient}", rv.name + (f", {rv.service}" if rv.service else ""))
            .replace("{role}", rv.role)
            .replace("{country}", rv.country)
            for _, rv in mine
        ]
        if internal:
            # One list for the whole organisation: each team only as far as its task requires.
            names.append(
                words.gettext(
                    "Inside the organisation, as far as their task requires: {recipients}"
                ).replace("{recipients}", semicolon.join(internal))
            )
        transfers = [_transfer(rv, colon, lang) for _, rv in mine if rv.outside_eea]
        erasure = semicolon.join(
            x
            for x in (
                view.retention,
                view.retention_criteria,
                words.gettext("statutory period: {law}").replace("{law}", view.retention_law)
                if view.retention_law
                else "",
            )
            if x
        )
        condition = None
        if view.special_condition:
            condition = (
                words.gettext("For {data}: {condition}")
                .replace("{data}", ", ".join(view.special_data))
                .replace("{condition}", view.special_condition)
            )
        out.append(
            Activity(
                id=view.id,
                name=view.name,
                basis=view.basis,
                special_condition=condition,
                subjects=view.subjects,
                data=view.data,
                recipients=names,
                transfers=transfers,
                erasure=erasure,
            )
        )
    return out


def _context(project: Project, lang: str) -> dict[str, Any]:
    context = facts(project, lang, missing_record_texts(project, lang))
    context["colon"] = environment(lang).globals["colon"]
    context["activities"] = activities(project, lang, context)
    context["joint_controllers"] = joint_controllers(project, context)
    # Art. 30(1)(g): the measures of the policy's security section (one object, so the policy and
    # the record never disagree), then what the record adds in the user's words.
    policy_security = context["security"]
    context["security"] = [
        *policy_security["measures"],
        *policy_security["other"],
        *_lines(project.record.security.get(lang)),
    ]
    context["record_date"] = long_date(record_date(project), Locale.parse(languages.get(lang).locale))
    return context


def build_records(project: Project, lang: str) -> Document:
    """The record of processing activities of ``project`` in ``lang``."""
    words = translation("documents", lang)
    return from_template(
        project,
        lang,
        "records/records.html.j2",
        _context(project, lang),
        words.gettext("Record of processing activities"),
        words.gettext("Record of processing activities of {organisation} (Article 30 GDPR)"),
        date=record_date(project),
    )


def records_sheet(project: Project, lang: str) -> Sheet:
    """The record as one row per activity, for the spreadsheet."""
    context = _context(project, lang)
    _ = translation("documents", lang).gettext
    header = [
        _("No."),
        _("Purpose of the processing (Art. 30(1)(b))"),
        _("Legal basis"),
        _("Categories of data subjects (Art. 30(1)(c))"),
        _("Categories of personal data (Art. 30(1)(c))"),
        _("Categories of recipients (Art. 30(1)(d))"),
        _(
            "Transfers to third countries or international organisations and their "
            "safeguards (Art. 30(1)(e))"
        ),
        _("Time limits for erasure (Art. 30(1)(f))"),
        _("Technical and organisational security measures (Art. 30(1)(g), Art. 32(1))"),
    ]
    security = "\n".join(context["security"]) or _("Not stated")
    rows = []
    for number, a in enumerate(context["activities"], start=1):
        basis = "\n".join(x for x in (a.basis, a.special_condition) if x)
        rows.append(
            [
                str(number),
                a.name,
                basis,
                "\n".join(a.subjects) or _("Not stated"),
                "\n".join(a.data) or _("Not stated"),
                "\n".join(a.recipients) or _("No recipients"),
                "\n".join(a.transfers)
                or _("No transfers to third countries or international organisations"),
                a.erasure or _("Not stated"),
                security,
            ]
        )
    org = context["org"]
    controller = [
        (_("Controller"), org["name"]),
        (_("Address"), org["address"]),
        (_("E-mail"), org["email"] or ""),
        (_("Telephone"), org["phone"]),
    ]
    controller.append(
        (
            _("Joint controllers (Art. 26)"),
            "\n".join(context["joint_controllers"]) or _("No joint controllers."),
        )
    )
    for label, person in (
        (_("Representative in the Union (Art. 27)"), context["representative"]),
        (_("Data protection officer"), context["dpo"]),
    ):
        if person:
            details = ", ".join(
                x
                for x in (person["name"], person["email"], person["phone"], person["address"])
                if x
            )
            controller.append((label, details))
    controller.append((_("Date of the record"), context["record_date"]))
    return Sheet(
        title=_("Record of processing activities"),
        header=header,
        rows=rows,
        widths=[6, 30, 30, 26, 34, 40, 40, 34, 50],
        controller=[(k, v) for k, v in controller if v],
    )
