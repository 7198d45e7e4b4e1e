"""The consent texts: the words beside each checkbox for a purpose on consent or explicit
consent (Art. 7(2) and (3), Art. 9(2)(a) GDPR), and the cookie banner's first layer with
"Accept all" and "Reject all" side by side."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from wizard.documents.common import from_template
from wizard.i18n import translation
from wizard.model.answers import (
    SPECIAL_CATEGORIES,
    CookieCategory,
    LegalBasis,
    Project,
    SpecialCondition,
)
from wizard.policy.document import Document
from wizard.policy.engine import facts
from wizard.policy.items import PurposeView, RecipientView
from wizard.policy.vocabulary import Words


@dataclass(frozen=True)
class ConsentView:
    id: str
    name: str
    explicit: bool
    data: list[str]
    special: list[str]
    transfers: list[RecipientView]


@dataclass(frozen=True)
class BannerCategory:
    name: str
    cookies: list[str]
    necessary: bool


def consent_purposes(project: Project) -> list[int]:
    """The indexes of the purposes that rest on consent (Art. 6(1)(a)) or on explicit consent
    for special categories of data (Art. 9(2)(a))."""
    return [
        i
        for i, p in enumerate(project.purposes)
        if p.legal_basis is LegalBasis.CONSENT
        or (p.special_categories and p.special_condition is SpecialCondition.EXPLICIT_CONSENT)
    ]


def consent_context(project: Project, lang: str) -> dict[str, Any]:
    """What the consent texts (the document and the form snippet) show, in ``lang``."""
    context = facts(project, lang)
    views: list[PurposeView] = context["purposes"]
    recipients: list[RecipientView] = context["recipients"]
    consents = []
    for i in consent_purposes(project):
        purpose, view = project.purposes[i], views[i]
        explicit = bool(
            purpose.special_categories
            and purpose.special_condition is SpecialCondition.EXPLICIT_CONSENT
        )
        transfers = [
            rv
            for model, rv in zip(project.recipients, recipients, strict=True)
            if rv.outside_eea and (not model.purposes or purpose.id in model.purposes)
        ]
        consents.append(
            ConsentView(
                id=view.id,
                name=view.name,
                explicit=explicit,
                # For explicit consent the special categories get their own line.
                data=[
                    d
                    for c, d in zip_longest(purpose.data_categories, view.data)
                    if not (explicit and c in SPECIAL_CATEGORIES)
                ],
                special=view.special_data if explicit else [],
                transfers=transfers,
            )
        )
    context["consents"] = consents
    context["withdraw_email"] = context["rights"]["email"]
    banner: list[BannerCategory] = []
    if project.cookies.used and any(
        c.category is not CookieCategory.STRICTLY_NECESSARY for c in project.cookies.items
    ):
        words = Words(translation("policy", lang), lang)
        for category in CookieCategory:
            names = [c.name for c in project.cookies.items if c.category is category]
            if names:
                banner.append(
                    BannerCategory(
                        words.cookie_category(category),
                        names,
                        category is CookieCategory.STRICTLY_NECESSARY,
                    )
                )
    context["banner"] = banner
    return context


def build_consent(project: Project, lang: str) -> Document:
    """The consent texts of ``project`` in ``lang``."""
    words = translation("documents", lang)
    return from_template(
        project,
        lang,
        "consent/consent.html.j2",
        consent_context(project, lang),
        words.gettext("Consent texts"),
        words.gettext("Consent texts of {organisation}"),
    )
