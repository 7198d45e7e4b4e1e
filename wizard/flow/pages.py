"""The wizard's pages in order, which of them a project skips, and the help shown beside the
hardest questions."""

from __future__ import annotations

from enum import StrEnum

from wizard.languages import N_
from wizard.law.applicability import transfers
from wizard.model.answers import Project, Service


class PageId(StrEnum):
    """The wizard's pages, in the order they are shown."""

    WELCOME = "welcome"
    ORGANISATION = "organisation"
    SERVICES = "services"
    PURPOSES = "purposes"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    COOKIES = "cookies"
    CHILDREN = "children"
    RIGHTS = "rights"
    SECURITY = "security"
    REVIEW = "review"
    OUTPUT = "output"


PAGE_ORDER: tuple[PageId, ...] = tuple(PageId)

#: Services that put cookies or similar technologies on people's devices.
WEB_SERVICES: frozenset[Service] = frozenset(
    {Service.WEBSITE, Service.MOBILE_APP, Service.ONLINE_PLATFORM}
)


def has_website_or_app(project: Project) -> bool:
    """True when the organisation has a website or an app (so cookies may be used)."""
    return bool(WEB_SERVICES.intersection(project.services)) or bool(project.organisation.website)


def has_transfers(project: Project) -> bool:
    """True when data are transferred outside the EU/EEA (:func:`wizard.law.applicability.transfers`:
    a non-EU controller's recipients in its own country are not transfers)."""
    return bool(transfers(project))


def page_applies(project: Project, page: PageId) -> bool:
    """Whether ``page`` is shown for this project (the skip rules)."""
    if page is PageId.TRANSFERS:
        return has_transfers(project)
    if page is PageId.COOKIES:
        return has_website_or_app(project)
    return True


def applicable_pages(project: Project) -> list[PageId]:
    """The pages shown for this project, in order."""
    return [p for p in PAGE_ORDER if page_applies(project, p)]


def next_page(project: Project, current: PageId) -> PageId | None:
    """The page after ``current``, skipping pages that do not apply; ``None`` after the last."""
    index = PAGE_ORDER.index(current)
    for page in PAGE_ORDER[index + 1 :]:
        if page_applies(project, page):
            return page
    return None


# --- help for the hard questions ------------------------------------------------------------------

#: An example and a "Not sure?" line in plain words for the questions people find hardest,
#: shown beside them (the legal basis, the Art. 9 condition, retention and transfers).
NOT_SURE: dict[str, str] = {
    "legal_basis": N_(
        "Example: treating a patient rests on (b), the treatment agreement; keeping invoices "
        "for the tax authorities on (c), a legal obligation. Not sure? Choose (b) for what you "
        "need to do what people asked you to, (c) for what a law makes you do, and keep (a), "
        "consent, for extras people may refuse, such as a newsletter."
    ),
    "special_condition": N_(
        "Example: a practice that treats patients relies on (h), health care. Not sure? If you "
        "are a care provider bound by professional secrecy and use health data to treat people, "
        "choose (h); for anything else, such as research or an optional service, ask people "
        "for their explicit consent and choose (a)."
    ),
    "retention": N_(
        "Example: appointment details two years after the last visit; patient records as long "
        "as the law on medical records requires (20 years in the Netherlands). Not sure? Give a "
        "period and the event it runs from, or the law that sets it: 'as long as necessary' "
        "does not tell people anything."
    ),
    "transfers": N_(
        "Example: a video-call service in the United States that is certified under the Data "
        "Privacy Framework. Not sure? Look for 'Data Privacy Framework' or 'standard "
        "contractual clauses' in the provider's data processing agreement or privacy page; if "
        "it names neither, ask the provider before you use it."
    ),
}

