"""The legal checks the review makes on top of the wizard's questions, as a registry.

Each :class:`Check` carries a stable code, the page and the article it rests on, a default
severity and a plain-language explanation; its function looks at the answers and returns one
:class:`Hit` per problem (with the field path to fix). :func:`run` turns hits into
:class:`~wizard.law.findings.Finding` objects, so nothing downstream recognises a finding by
its field path. Messages are English source strings marked with :func:`~wizard.languages.N_`.

The registry is in :mod:`~wizard.law.checks.registry`; the checks, by topic, in
:mod:`~wizard.law.checks.publication`, :mod:`~wizard.law.checks.controller` (authority, data
protection officer, representative), :mod:`~wizard.law.checks.children`,
:mod:`~wizard.law.checks.register`, :mod:`~wizard.law.checks.own_processing`,
:mod:`~wizard.law.checks.cookies`, :mod:`~wizard.law.checks.recipients`,
:mod:`~wizard.law.checks.retention`, :mod:`~wizard.law.checks.security` and
:mod:`~wizard.law.checks.bases`. Importing this
package registers them all, in the order below: the order of :func:`run`'s findings (the
review then sorts them by page).
"""

from __future__ import annotations

# The topics register their checks when imported, in this order (the order of run's findings).
# isort: off
from wizard.law.checks import publication as publication
from wizard.law.checks import controller as controller
from wizard.law.checks import children as children
from wizard.law.checks import register as register
from wizard.law.checks import own_processing as own_processing
from wizard.law.checks import cookies as cookies
from wizard.law.checks import recipients as recipients
from wizard.law.checks import retention as retention
from wizard.law.checks import security as security
from wizard.law.checks import bases as bases

# isort: on
from wizard.law.checks.controller import dpo_required_by, expected_authority
from wizard.law.checks.register import PAGE_OF_KEY, informal_words
from wizard.law.checks.registry import REGISTRY, Check, Hit, check, run

__all__ = [
    "REGISTRY",
    "Check",
    "Hit",
    "check",
    "PAGE_OF_KEY",
    "dpo_required_by",
    "expected_authority",
    "informal_words",
    "run",
]
