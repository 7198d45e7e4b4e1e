"""The questions each page must have answered, and what keeps a page or the documents from
going on: :func:`page_issues` (a page's Next button), :func:`missing` (everything, page by
page) and :func:`generation_blockers` (the Output page's Generate button). The Purposes and
Transfers pages' own checks are in :mod:`wizard.flow.purpose_checks` and
:mod:`wizard.flow.transfer_checks`."""

from __future__ import annotations

from collections.abc import Callable

from wizard.flow.defaults import STARTER_PROVIDER
from wizard.flow.issues import Issue, recipient_named
from wizard.flow.pages import PAGE_ORDER, PageId, applicable_pages, has_transfers
from wizard.flow.purpose_checks import purposes_issues
from wizard.flow.texts import UsedText, page_gaps, used_texts, without_covered_gaps
from wizard.flow.transfer_checks import transfers_issues
from wizard.languages import N_
from wizard.law.applicability import established_outside_eea
from wizard.model.answers import CookieCategory, Project


def _organisation_issues(project: Project) -> list[Issue]:
    org = project.organisation
    page = PageId.ORGANISATION
    issues: list[Issue] = []
    if not org.legal_name:
        issues.append(
            Issue(
                page,
                "organisation.legal_name",
                N_("Enter the legal name."),
                code="controller_identity",
            )
        )
    if not (org.address.street and org.address.city):
        issues.append(
            Issue(
                page,
                "organisation.address",
                N_("Enter the street and city of the address."),
                code="controller_identity",
            )
        )
    if not org.country:
        issues.append(
            Issue(
                page,
                "organisation.country",
                N_("Choose the country of establishment."),
                code="controller_identity",
            )
        )
    elif org.country == "DE" and not (org.region or "").startswith("DE-"):
        issues.append(
            Issue(
                page,
                "organisation.region",
                N_("Choose the German Land: it decides which supervisory authority is competent."),
                code="german_land",
            )
        )
    if not org.email:
        issues.append(
            Issue(
                page,
                "organisation.email",
                N_("Enter the e-mail address for privacy questions."),
                code="controller_identity",
            )
        )
    if project.dpo is not None and not (project.dpo.email or project.dpo.phone):
        issues.append(
            Issue(
                page,
                "dpo.email",
                N_("Enter how to reach the data protection officer (e-mail or phone)."),
                code="dpo_contact",
            )
        )
    if established_outside_eea(project):
        rep = project.representative
        if rep is None or not rep.name or not rep.email:
            issues.append(
                Issue(
                    page,
                    "representative",
                    N_(
                        "You are established outside the EU/EEA: enter the name and e-mail "
                        "address of your representative in the EU (Art. 27 GDPR)."
                    ),
                    code="eu_representative",
                )
            )
    return issues


def _recipients_issues(project: Project) -> list[Issue]:
    page = PageId.RECIPIENTS
    issues: list[Issue] = []
    if project.no_transfers_confirmed and has_transfers(project):
        issues.append(
            Issue(
                page,
                "no_transfers_confirmed",
                N_(
                    "You confirmed that no data leave the EU/EEA, but a recipient is outside "
                    "it: the policy lists that transfer instead. Check the recipients' "
                    "countries, or clear the confirmation."
                ),
                blocking=False,
            )
        )
    for index, recipient in enumerate(project.recipients):
        if not recipient.service:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].service",
                    N_("{recipient}: say what it does with the data."),
                    {"recipient": recipient_named(recipient)},
                    code="recipient_task_missing",
                )
            )
        if not recipient.purposes:
            issues.append(
                Issue(
                    page,
                    f"recipients[{index}].purposes",
                    N_("{recipient}: no purpose linked to it yet."),
                    {"recipient": recipient_named(recipient)},
                    blocking=False,
                    code="recipient_task_missing",
                )
            )
    return issues


def _cookies_issues(project: Project) -> list[Issue]:
    page = PageId.COOKIES
    cookies = project.cookies
    if not cookies.used:
        return []
    issues: list[Issue] = []
    if not cookies.items:
        issues.append(
            Issue(
                page,
                "cookies.items",
                N_("List the cookies you use."),
                code="cookies_not_listed",
            )
        )
    for index, cookie in enumerate(cookies.items):
        if cookie.provider == STARTER_PROVIDER:
            issues.append(
                Issue(
                    page,
                    f"cookies.items[{index}].provider",
                    N_("Cookie '{cookie}': enter your organisation's name as its provider."),
                    {"cookie": cookie.name},
                )
            )
    needs_consent = any(c.category is not CookieCategory.STRICTLY_NECESSARY for c in cookies.items)
    if needs_consent:
        if not cookies.consent_mechanism:
            issues.append(
                Issue(
                    page,
                    "cookies.consent_mechanism",
                    N_("Say how you ask consent for cookies that are not strictly necessary."),
                    code="cookies_without_consent",
                )
            )
        if not cookies.withdrawal:
            issues.append(
                Issue(
                    page,
                    "cookies.withdrawal",
                    N_("Say how people withdraw their consent for cookies."),
                    code="cookie_consent_not_withdrawable",
                )
            )
    return issues


def _children_issues(project: Project) -> list[Issue]:
    page = PageId.CHILDREN
    children = project.children
    if not children.targets_children:
        return []
    issues: list[Issue] = []
    if children.age_threshold is None:
        issues.append(
            Issue(
                page,
                "children.age_threshold",
                N_("Choose the age below which parents consent."),
                code="parental_consent",
            )
        )
    if not children.parental_consent:
        issues.append(
            Issue(
                page,
                "children.parental_consent",
                N_("Say how you obtain and check the parents' consent."),
                code="parental_consent",
            )
        )
    return issues


def _rights_issues(project: Project) -> list[Issue]:
    page = PageId.RIGHTS
    rights = project.rights
    issues: list[Issue] = []
    if not (rights.email or rights.web_form or rights.by_post or project.organisation.email):
        issues.append(
            Issue(
                page,
                "rights.email",
                N_("Give at least one way to send a request."),
                code="no_request_channel",
            )
        )
    if not rights.identity_check:
        issues.append(
            Issue(
                page,
                "rights.identity_check",
                N_("Say how you check who is asking before you answer a request."),
                blocking=False,
                code="identity_check_not_described",
            )
        )
    authority = project.authority
    if not authority.catalog_id and not authority.name:
        if established_outside_eea(project):
            # No authority is competent for an organisation without an establishment in the
            # Union (Art. 56 needs one): the policy already says that people may complain in
            # their own Member State, and an authority named is only an example.
            issues.append(
                Issue(
                    page,
                    "authority",
                    N_(
                        "Name the supervisory authority of your representative's Member State "
                        "as an example of where people can complain."
                    ),
                    blocking=False,
                    code="no_example_authority",
                )
            )
        else:
            issues.append(
                Issue(
                    page,
                    "authority",
                    N_("Choose the supervisory authority."),
                    code="no_supervisory_authority",
                )
            )
    decisions = project.automated_decisions
    if decisions.used is None:
        issues.append(
            Issue(
                page,
                "automated_decisions.used",
                N_("Answer whether you take decisions by computer alone."),
                code="automated_decisions_unanswered",
            )
        )
    elif decisions.used:
        for path, text, what in (
            ("automated_decisions.logic", decisions.logic, N_("The logic involved")),
            ("automated_decisions.consequences", decisions.consequences, N_("The consequences")),
        ):
            if not text:
                issues.append(
                    Issue(
                        page,
                        path,
                        N_("{what}: describe it."),
                        {"what": what},
                        code="automated_decisions_unanswered",
                    )
                )
    return issues


def _output_issues(project: Project) -> list[Issue]:
    page = PageId.OUTPUT
    pub = project.publication
    issues: list[Issue] = []
    if not pub.languages:
        issues.append(Issue(page, "publication.languages", N_("Choose at least one language.")))
    if not pub.formats:
        issues.append(Issue(page, "publication.formats", N_("Choose at least one format.")))
    if pub.effective_date is None:
        issues.append(
            Issue(
                page, "publication.effective_date", N_("Choose the date the policy takes effect.")
            )
        )
    if not pub.version.strip():
        issues.append(
            Issue(
                page,
                "publication.version",
                N_("Enter the version of the policy (for example 1.0)."),
            )
        )
    if not pub.output_folder:
        issues.append(
            Issue(page, "publication.output_folder", N_("Choose the folder for the documents."))
        )
    return issues


_PAGE_CHECKS: dict[PageId, Callable[[Project], list[Issue]]] = {
    PageId.ORGANISATION: _organisation_issues,
    PageId.SERVICES: lambda p: (
        []
        if p.services
        else [Issue(PageId.SERVICES, "services", N_("Choose at least one service."))]
    ),
    PageId.PURPOSES: purposes_issues,
    PageId.RECIPIENTS: _recipients_issues,
    PageId.TRANSFERS: transfers_issues,
    PageId.COOKIES: _cookies_issues,
    PageId.CHILDREN: _children_issues,
    PageId.RIGHTS: _rights_issues,
    PageId.OUTPUT: _output_issues,
}


def page_issues(
    project: Project, page: PageId, used: list[UsedText] | None = None
) -> list[Issue]:
    """Everything missing or risky on one page (blocking and not), with the texts not yet
    written in an output language (:func:`~wizard.flow.texts.translation_gaps`). ``used`` is
    :func:`~wizard.flow.texts.used_texts` of ``project`` when the caller has it already."""
    check = _PAGE_CHECKS.get(page)
    issues = check(project) if check else []
    return without_covered_gaps(issues + page_gaps(project, page, used))


def is_page_complete(project: Project, page: PageId) -> bool:
    """True when nothing on ``page`` blocks going on (the page's Next button)."""
    return not any(i.blocking for i in page_issues(project, page))


def missing(project: Project) -> list[Issue]:
    """Everything missing or risky in the answers, page by page: the issues of the pages that
    apply (not the Output page's settings), and every text the policy prints that is not written
    in an output language, even on a page that does not apply (the policy would lack it)."""
    issues: list[Issue] = []
    applies = applicable_pages(project)
    # Walked once for all pages: a large project has thousands of texts.
    used = used_texts(project)
    for page in PAGE_ORDER:
        if page is PageId.OUTPUT:
            continue
        if page in applies:
            issues += page_issues(project, page, used)
        else:
            issues += [i for i in page_issues(project, page, used) if i.translation]
    return issues


def blocks_generation(issue: Issue) -> bool:
    """Whether ``issue`` keeps the documents from being generated."""
    return issue.blocking or issue.translation


def generation_blockers(project: Project) -> list[Issue]:
    """What keeps the documents from being generated: the blocking issues and missing
    translations of :func:`missing`, then the Output page's own blocking issues."""
    issues = [*missing(project), *page_issues(project, PageId.OUTPUT)]
    return [i for i in issues if blocks_generation(i)]


def ready_to_generate(project: Project) -> bool:
    """True when the documents can be generated (the Output page's Generate button)."""
    return not generation_blockers(project)

