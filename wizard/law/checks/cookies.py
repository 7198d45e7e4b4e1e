"""The checks of cookies: a national cookie provision that is not confirmed, and purposes served
by consent cookies that rest on legitimate interests.
"""

from __future__ import annotations

from typing import Any

from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law.checks.registry import Hit, check
from wizard.law.findings import Severity
from wizard.model.answers import CookieCategory, LegalBasis, Project


@check(
    "cookie_law_unverified",
    PageId.COOKIES,
    Severity.WARNING,
    N_("Art. 5(3) ePrivacy Directive"),
    N_(
        "The app knows a citation for the national provision that implements Art. 5(3) of the "
        "ePrivacy Directive in your country, but it has not been confirmed against a source "
        "that can be cited. The policy therefore names the directive alone. Check the "
        "provision in your country's official journal or with your supervisory authority; you "
        "may add it in an own section."
    ),
)
def _cookie_law_unverified(project: Project) -> list[Hit]:
    from wizard.catalog.cookie_laws import cookie_law

    if not project.cookies.used:
        return []
    provision = cookie_law(law.establishment(project))
    if provision is None or provision.confirmed:
        return []
    return [
        Hit(
            "cookies",
            N_(
                "The national cookie provision the app knows for your country ({citation}) "
                "is not confirmed: the policy names the ePrivacy Directive alone."
            ),
            {"citation": provision.original},
        )
    ]


@check(
    "analytics_on_legitimate_interests",
    PageId.PURPOSES,
    Severity.ERROR,
    N_("Art. 5(3) ePrivacy Directive; Art. 6(1)(a) GDPR"),
    N_(
        "Your analytics or marketing cookies need consent before they are set, and the cookie "
        "section says so; a purpose that uses the data those cookies collect cannot then rest "
        "on legitimate interests. Base the purpose on consent (or drop the cookies)."
    ),
)
def _analytics_basis(project: Project) -> list[Hit]:
    from wizard.flow.issues import purpose_named

    cookies = project.cookies
    consent_categories = {
        c.category
        for c in cookies.items
        if cookies.used and c.category in (CookieCategory.ANALYTICS, CookieCategory.MARKETING)
    }
    if not consent_categories:
        return []
    from wizard.catalog.processors import processor

    # Purposes served by an analytics or marketing service from the processor catalogue.
    analytics_ids = {
        pid
        for r in project.recipients
        if r.catalog_id
        and (entry := processor(r.catalog_id)) is not None
        and entry.category == "analytics"
        for pid in r.purposes
    }
    hits: list[Hit] = []
    for index, purpose in enumerate(project.purposes):
        if LegalBasis.LEGITIMATE_INTERESTS not in purpose.bases:
            continue
        if purpose.id not in analytics_ids and not _is_tracking_purpose(
            purpose.id, purpose.name.root.values()
        ):
            continue
        hits.append(
            Hit(
                f"purposes[{index}].legal_basis",
                N_("{purpose}: rests on legitimate interests, but its cookies need consent."),
                {"purpose": purpose_named(purpose)},
            )
        )
    return hits


#: Words that name a purpose served by analytics or marketing cookies, in the four languages.
_TRACKING_WORDS = (
    "analytic",
    "statistic",
    "statistiek",
    "statistique",
    "statistik",
    "audience",
    "reichweite",
    "bezoekersanalyse",
    "web analytics",
    "tracking",
    "advertis",
    "marketing",
    "publicité",
    "werbung",
    "reclame",
    "advertentie",
)


def _is_tracking_purpose(purpose_id: str, names: Any) -> bool:
    text = " ".join([purpose_id, *names]).casefold()
    return any(word in text for word in _TRACKING_WORDS)
