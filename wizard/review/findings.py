"""What is missing or risky in a project: the flow's issues explained, the registered legal
checks' findings, the review's own checks (cookie lifetimes, the Art. 8 age, a data protection
officer for large-scale health data, vague retention, withdrawing consent) and the characters
the PDF's fonts cannot show. Each finding has a severity, a message, an explanation, the
article it rests on, and the field path and page to fix it."""

from __future__ import annotations

import re

from wizard import flow
from wizard.flow.issues import Issue, country_named
from wizard.flow.pages import PageId
from wizard.languages import N_
from wizard.law import applicability as law
from wizard.law import checks
from wizard.law.applicability import uses_consent
from wizard.law.findings import Finding, Severity
from wizard.model.answers import CookieCategory, Project, Service, TimeUnit
from wizard.model.digest import answers_text, once_per_answers
from wizard.review.explanations import (
    EXPLAIN_AGE,
    EXPLAIN_COOKIE_LIFETIME,
    EXPLAIN_LARGE_SCALE_DPO,
    EXPLAIN_VAGUE_RETENTION,
    EXPLAIN_WITHDRAW_CONSENT,
    explain,
)

#: "As long as necessary" and nothing more, in the four languages (compiled by ``re`` at its first
#: use: it takes about a millisecond, and this module loads with the window).
_VAGUE_RETENTION = (
    r"^(we keep (the|your) (personal )?data )?(for )?"
    r"(as long as (is |it is |they are )?(necessary|needed|required)"
    r"|zo lang (als )?(nodig|noodzakelijk)"
    r"|aussi longtemps que (nécessaire|necessaire)|le temps nécessaire|le temps necessaire"
    r"|so lange (wie |als )?(nötig|notwendig|erforderlich))"
    r"( (for|voor|pour|für) [\w ]{0,40})?$"
)


def is_vague_retention(text: str) -> bool:
    """True when ``text`` says only "as long as necessary" (in one of the four languages)."""
    normal = re.sub(r"[.!,;:]+", " ", text.casefold())
    normal = re.sub(r"\s+", " ", normal).strip()
    return bool(re.match(_VAGUE_RETENTION, normal))


def _months(amount: int, unit: TimeUnit) -> float:
    per_month = {
        TimeUnit.DAYS: 1 / 30.4375,
        TimeUnit.WEEKS: 7 / 30.4375,
        TimeUnit.MONTHS: 1.0,
        TimeUnit.YEARS: 12.0,
    }
    return amount * per_month[unit]


#: Longest cookie lifetime, in months, accepted without a warning (CNIL guidelines 2020).
MAX_COOKIE_MONTHS = 13

#: Services through which health data reach people at large: with health data, a sign of
#: processing "on a large scale" (Art. 37(1)(c); Recital 91 excludes the individual doctor).
LARGE_SCALE_SERVICES: frozenset[Service] = frozenset(
    {Service.TELECONSULTATION, Service.MOBILE_APP, Service.ONLINE_PLATFORM}
)


def large_scale_health(project: Project) -> bool:
    """Whether the answers suggest large-scale processing of health (special-category) data:
    special-category data together with an app, an online platform or video consultations."""
    special = any(p.special_categories for p in project.purposes)
    return special and bool(LARGE_SCALE_SERVICES.intersection(project.services))


def _own_findings(project: Project) -> list[Finding]:
    """The checks only the review makes (the wizard pages do not block on them)."""
    out: list[Finding] = []
    applies = set(flow.applicable_pages(project))

    # Consent without an easy way to withdraw it.
    org, rights = project.organisation, project.rights
    if uses_consent(project) and not (rights.email or rights.web_form or org.email):
        out.append(
            Finding(
                "consent_not_withdrawable",
                Severity.ERROR,
                Issue(
                    PageId.RIGHTS,
                    "rights.email",
                    N_(
                        "You rely on consent but give no e-mail address or web form to withdraw it."
                    ),
                    blocking=False,
                ),
                EXPLAIN_WITHDRAW_CONSENT,
                N_("Art. 7(3) and Art. 13(2)(c) GDPR"),
            )
        )

    # Cookies kept longer than 13 months: the CNIL's rule, for websites under French law, for
    # the cookies that need consent or are exempt audience measurement (not the strictly
    # necessary ones, which ask no consent).
    if PageId.COOKIES in applies and project.cookies.used and french_cookie_law(project):
        for index, cookie in enumerate(project.cookies.items):
            if cookie.category is CookieCategory.STRICTLY_NECESSARY:
                continue  # no consent to renew: the CNIL's 13 months concern the others
            life = cookie.lifetime
            if life is not None and _months(life.amount, life.unit) > MAX_COOKIE_MONTHS:
                out.append(
                    Finding(
                        "cookie_lifetime",
                        Severity.WARNING,
                        Issue(
                            PageId.COOKIES,
                            f"cookies.items[{index}].lifetime",
                            N_("Cookie '{cookie}' is kept longer than 13 months."),
                            {"cookie": cookie.name},
                            blocking=False,
                        ),
                        EXPLAIN_COOKIE_LIFETIME,
                        N_("Art. 5(3) ePrivacy Directive; CNIL guidelines on cookies (2020)"),
                    )
                )

    # An age threshold below the Art. 8 age of the country of establishment, or of another
    # country whose children the services are offered to.
    children = project.children
    if children.age_threshold is not None:
        from wizard.catalog.ages import consent_age_entry

        for country in flow.children_countries(project):
            entry = consent_age_entry(country)
            if entry is None or entry.age is None or children.age_threshold >= entry.age:
                continue
            law = " ".join(x for x in (entry.provision, entry.national_law) if x and x != "—")
            field = (
                "children.age_threshold"
                if country == (org.country or org.address.country)
                else f"children.other_countries[{children.other_countries.index(country)}]"
            )
            out.append(
                Finding(
                    "age_below_national",
                    Severity.ERROR,
                    Issue(
                        PageId.CHILDREN,
                        field,
                        N_(
                            "{country}: the age of {age} is below the age of digital consent "
                            "there ({national})."
                        ),
                        {
                            "age": children.age_threshold,
                            "country": country_named(country),
                            "national": entry.age,
                        },
                        blocking=False,
                    ),
                    EXPLAIN_AGE,
                    N_("Art. 8(1) GDPR"),
                    law,
                )
            )

    # Large-scale health data and no data protection officer.
    # (Only while the facts that decide it are not answered: then the registry judges.)
    if large_scale_health(project) and project.dpo is None and project.dpo_facts is None:
        out.append(
            Finding(
                "dpo_for_large_scale_health",
                Severity.WARNING,
                Issue(
                    PageId.ORGANISATION,
                    "dpo",
                    N_(
                        "You seem to process health data on a large scale, but name no data "
                        "protection officer."
                    ),
                    blocking=False,
                ),
                EXPLAIN_LARGE_SCALE_DPO,
                N_("Art. 37(1)(c) GDPR; Recital 91"),
            )
        )

    # "As long as necessary" as the only retention.
    for index, purpose in enumerate(project.purposes):
        retention = purpose.retention
        if retention.period is not None or retention.statutory_reference:
            continue
        texts = list(retention.criteria.root.values())
        if texts and any(is_vague_retention(t) for t in texts):
            out.append(
                Finding(
                    "retention_vague",
                    Severity.ERROR,
                    Issue(
                        PageId.PURPOSES,
                        f"purposes[{index}].retention.criteria",
                        N_("{purpose}: 'as long as necessary' is not a retention period."),
                        {"purpose": flow.purpose_named(purpose)},
                        blocking=False,
                    ),
                    EXPLAIN_VAGUE_RETENTION,
                    N_("Art. 13(2)(a) and Art. 14(2)(a) GDPR"),
                )
            )
    # The registered legal checks (the Output page's settings are the flow's and the gate's).
    out += [f for f in checks.run(project) if f.page is not PageId.OUTPUT]
    return out


def french_cookie_law(project: Project) -> bool:
    """Whether French cookie law (art. 82 of the loi Informatique et Libertés, with the CNIL's
    13-month rule) applies: the organisation is established in France, or offers its services
    to people in France."""
    countries = {law.establishment(project), *project.children.other_countries}
    return "FR" in countries


def findings(project: Project) -> list[Finding]:
    """Everything missing or risky, in page order: the flow's issues on the pages that apply,
    explained, and the review's own checks."""
    out = [explain(issue) for issue in flow.missing(project)]
    out += _own_findings(project)
    out += pdf_font_findings(project)
    order = {page: i for i, page in enumerate(flow.PAGE_ORDER)}
    return sorted(out, key=lambda f: order[f.page])


def page_findings(project: Project, page: PageId) -> list[Finding]:
    """What one page shows as open points: the same findings, with the same severity, as the
    review lists for that page (the Output page's own settings included, for its page)."""
    out = [explain(issue) for issue in flow.page_issues(project, page)]
    return out + [f for f in _own_findings(project) + pdf_font_findings(project) if f.page is page]


@once_per_answers
def pdf_font_findings(project: Project) -> list[Finding]:
    """A warning for every text with characters the PDF's fonts cannot show (never silent)."""
    from wizard.render.fonts import missing_characters, missing_in_pdf

    # The common case first: every character of the whole project file shows (a JSON dump keeps
    # each text's characters as they are, escaping only ASCII), so no text needs looking at.
    # The dump is the one the answers' digest was made of, when the caller kept it; it holds
    # the history too, so a character only the history has leads to the look below, which
    # leaves the history out.
    if not missing_characters(answers_text(project)):
        return []
    data = project.model_dump(mode="json", exclude={"history"})
    return [
        Finding(
            "pdf_missing_characters",
            Severity.WARNING,
            Issue(
                checks.PAGE_OF_KEY.get(m.field.split(".")[0].split("[")[0], PageId.REVIEW),
                m.field,
                N_("The PDF cannot show these characters: {characters}"),
                {"characters": " ".join(m.characters)},
                blocking=False,
            ),
            N_(
                "The PDF's fonts cover Latin, Greek, Cyrillic, Arabic and Hebrew script; other "
                "characters (such as Chinese, Japanese, Korean or emoji) would be left blank. "
                "The DOCX, HTML and Markdown files show them."
            ),
        )
        for m in missing_in_pdf(data)
    ]


def errors(items: list[Finding]) -> list[Finding]:
    """The findings that must be fixed."""
    return [f for f in items if f.severity is Severity.ERROR]


def blocking_findings(items: list[Finding]) -> list[Finding]:
    """The findings that keep the documents from being generated (a missing answer the page
    needs, or a text not written in an output language). The review and the Output page count
    these, so they always give the same number."""
    return [f for f in items if flow.blocks_generation(f.issue)]
