"""The wizard's flow as plain Python, without Qt: the Qt pages in :mod:`wizard.ui` ask it
whether they are complete and which page comes next, so every path through the wizard can be
tested without a window (``tests/test_flow.py``).

Where things live:

- :mod:`~wizard.flow.pages`: the pages in order, which of them a project skips, the help
  beside the hardest questions;
- :mod:`~wizard.flow.issues`: :class:`Issue`, the names messages give purposes and
  recipients, the checks of a typed e-mail or web address;
- :mod:`~wizard.flow.texts`: the person's own texts the documents print, and which of them
  are not yet written in an output language;
- :mod:`~wizard.flow.checks`: the questions each page must have answered and what blocks a
  page or the documents; the Purposes and Transfers pages' checks in
  :mod:`~wizard.flow.purpose_checks` and :mod:`~wizard.flow.transfer_checks`;
- :mod:`~wizard.flow.defaults`: a new project, and what follows a change of country
  (languages, supervisory authority, German Land, Art. 8 age);
- :mod:`~wizard.flow.suggestions`: purposes proposed per service, statutory retention of
  medical records, proposed cookie consent texts (data in ``resources/data``);
- :mod:`~wizard.flow.editing`: duplicating, moving and removing list items, a recipient from
  the processor catalogue;
- :mod:`~wizard.flow.cookie_csv`: cookies imported from a CSV file.

The pages, the review and the tests call the flow as ``flow.<name>`` in some two hundred
places, so the public names are re-exported here; code inside :mod:`wizard.flow` and
:mod:`wizard.law` imports them from their modules.
"""

from wizard.flow.checks import (
    blocks_generation,
    generation_blockers,
    is_page_complete,
    missing,
    page_issues,
    ready_to_generate,
)
from wizard.flow.cookie_csv import COOKIE_CSV_COLUMNS, parse_cookies_csv, parse_lifetime
from wizard.flow.defaults import (
    GERMAN_LAENDER,
    STARTER_PROVIDER,
    apply_country_defaults,
    apply_own_name,
    children_countries,
    country_languages,
    highest_age,
    new_project,
    own_name,
    proposed_age,
    proposed_authority_id,
    proposed_languages,
)
from wizard.flow.editing import (
    duplicate_item,
    duplicate_purpose,
    move_item,
    new_purpose_id,
    recipient_from_catalog,
    remove_purpose,
)
from wizard.flow.issues import (
    Issue,
    email_problem,
    in_language,
    purpose_label,
    purpose_named,
    recipient_label,
    recipient_named,
    url_problem,
)
from wizard.flow.pages import (
    NOT_SURE,
    PAGE_ORDER,
    PageId,
    applicable_pages,
    has_transfers,
    has_website_or_app,
    next_page,
    page_applies,
)
from wizard.flow.purpose_checks import purpose_issues
from wizard.flow.suggestions import (
    add_suggestions,
    propose_consent_texts,
    remove_untouched_suggestions,
    suggested_purposes,
)
from wizard.flow.texts import UsedText, translation_gaps, used_texts
from wizard.flow.transfer_checks import fallback_problem, transfer_problem

__all__ = [
    "COOKIE_CSV_COLUMNS",
    "GERMAN_LAENDER",
    "NOT_SURE",
    "PAGE_ORDER",
    "STARTER_PROVIDER",
    "Issue",
    "PageId",
    "UsedText",
    "add_suggestions",
    "applicable_pages",
    "apply_country_defaults",
    "apply_own_name",
    "blocks_generation",
    "children_countries",
    "country_languages",
    "duplicate_item",
    "duplicate_purpose",
    "email_problem",
    "fallback_problem",
    "generation_blockers",
    "has_transfers",
    "has_website_or_app",
    "highest_age",
    "in_language",
    "is_page_complete",
    "missing",
    "move_item",
    "new_project",
    "new_purpose_id",
    "next_page",
    "own_name",
    "page_applies",
    "page_issues",
    "parse_cookies_csv",
    "parse_lifetime",
    "propose_consent_texts",
    "proposed_age",
    "proposed_authority_id",
    "proposed_languages",
    "purpose_issues",
    "purpose_label",
    "purpose_named",
    "recipient_from_catalog",
    "recipient_label",
    "recipient_named",
    "ready_to_generate",
    "remove_purpose",
    "remove_untouched_suggestions",
    "suggested_purposes",
    "transfer_problem",
    "translation_gaps",
    "url_problem",
    "used_texts",
]
