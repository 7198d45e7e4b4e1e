"""Each wizard page's title, once: the Qt pages show it, and the review and the publication gate
name the page to fix with it.

Keyed by the page's id (the values of :class:`wizard.flow.pages.PageId`, a ``str`` enum, so
either looks a title up). English source strings marked with :func:`~wizard.languages.N_`;
translate them with a ``ui`` translator. This module imports only the language registry, so the
welcome page reads its title before the answers model or the flow are loaded.
"""

from __future__ import annotations

from wizard.languages import N_

PAGE_TITLES: dict[str, str] = {
    "welcome": N_("Welcome to Privacy Wizard"),
    "organisation": N_("Your organisation"),
    "services": N_("Your services"),
    "purposes": N_("Data and purposes"),
    "recipients": N_("Processors and other recipients"),
    "transfers": N_("International transfers"),
    "cookies": N_("Cookies"),
    "children": N_("Children"),
    "rights": N_("Rights and complaints"),
    "security": N_("Security and more"),
    "review": N_("Review"),
    "output": N_("Generate the policy"),
}

__all__ = ["PAGE_TITLES"]
