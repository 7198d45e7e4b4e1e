"""Proposals from the reference data: the purposes each service usually involves (with the
statutory retention of medical records per country) and the cookie consent texts, all from
files in ``resources/data`` written in every language."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from wizard.model.answers import (
    Cookie,
    CookieCategory,
    LocalText,
    Project,
    Purpose,
    RetentionStart,
    Service,
    TimeUnit,
)
from wizard.resources import read_text


@cache


def _suggestion_data() -> dict[str, Any]:
    """``resources/data/suggested-purposes.json``: the proposals, written in every language."""
    data: dict[str, Any] = json.loads(read_text("data", "suggested-purposes.json"))
    return data


def medical_record_retention() -> dict[str, tuple[int, str]]:
    """Statutory retention of medical records where it is well known: years, and the law."""
    table = _suggestion_data()["medical_record_retention"]
    return {country: (int(v["years"]), str(v["law"])) for country, v in table.items()}


def medical_record_start(country: str | None) -> RetentionStart | None:
    """The event a country's statutory period for medical records runs from, where it is not
    the end of the treatment (the Dutch WGBO counts from the making of each record)."""
    entry = _suggestion_data()["medical_record_retention"].get(country or "", {})
    return RetentionStart(entry["starting"]) if "starting" in entry else None


def suggested_purposes(service: Service, country: str | None = None) -> list[Purpose]:
    """The purposes ``service`` usually involves, as new :class:`Purpose` objects, with their
    texts in every output language (from ``resources/data/suggested-purposes.json``)."""
    data = _suggestion_data()
    out = []
    for spec in data["services"].get(service.value, []):
        purpose = copy.deepcopy(spec)
        retention = purpose.setdefault("retention", {})
        if purpose["id"] == "patient-records":
            known = medical_record_retention().get(country or "")
            if known:
                retention["period"] = {"amount": known[0], "unit": TimeUnit.YEARS}
                retention["statutory_reference"] = known[1]
                start = medical_record_start(country)
                if start is not None:
                    retention["starting"] = start
            else:
                retention["criteria"] = dict(data["medical_record_criteria"])
        out.append(Purpose.model_validate(purpose))
    return out


def add_suggestions(project: Project, service: Service) -> list[Purpose]:
    """Add the purposes ``service`` suggests that the project does not have yet; return them."""
    have = {p.id for p in project.purposes}
    proposals = suggested_purposes(service, project.organisation.country)
    added = [p for p in proposals if p.id not in have]
    if added:
        project.purposes = [*project.purposes, *added]
    return added


def remove_untouched_suggestions(project: Project, service: Service) -> list[Purpose]:
    """Remove the purposes ``service`` suggested, where the user left them exactly as suggested
    and no other chosen service suggests them and no recipient refers to them; return them."""
    others = {
        p.id
        for s in project.services
        if s is not service
        for p in suggested_purposes(s, project.organisation.country)
    }
    referenced = {pid for r in project.recipients for pid in r.purposes}
    suggested = {p.id: p for p in suggested_purposes(service, project.organisation.country)}
    removed = [
        p
        for p in project.purposes
        if p.id in suggested
        and p == suggested[p.id]
        and p.id not in others
        and p.id not in referenced
    ]
    if removed:
        project.purposes = [p for p in project.purposes if p not in removed]
    return removed


def propose_consent_texts(project: Project, cookie: Cookie) -> bool:
    """When ``cookie`` needs consent and the project does not yet say how consent is asked or
    withdrawn, propose both (in every language); True when something was proposed."""
    if cookie.category is CookieCategory.STRICTLY_NECESSARY:
        return False
    from wizard.catalog.cookies import proposed_consent_texts

    texts = proposed_consent_texts()
    cookies = project.cookies
    proposed = False
    if not cookies.consent_mechanism:
        cookies.consent_mechanism = LocalText(texts["consent_mechanism"])
        proposed = True
    if not cookies.withdrawal:
        cookies.withdrawal = LocalText(texts["withdrawal"])
        proposed = True
    return proposed

