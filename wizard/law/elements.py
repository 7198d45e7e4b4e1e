"""The elements a privacy notice must contain (Articles 13 and 14 GDPR) as data, and how each
language's version of the GDPR cites an article."""

from __future__ import annotations

import re

import msgspec

from wizard import languages
from wizard.languages import N_


class Element(msgspec.Struct, frozen=True):
    """One element a privacy notice must contain: its id, name and where Art. 13 and 14 ask
    for it (an empty reference: that article does not require it)."""

    id: str
    name: str
    art13: str
    art14: str


_REF = re.compile(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?")


def article_ref(ref: str, lang: str = "en") -> str:
    """A reference such as ``"13(2)(f)"`` as that language's version of the GDPR cites it:
    Art. 13(2)(f), art. 13 lid 2 sub f, article 13, paragraphe 2, point f), Art. 13 Abs. 2 lit. f."""
    match = _REF.fullmatch(ref)
    if not match:
        return ref
    article, paragraph, point = match.groups()
    return languages.get(lang).citation.cite(article, paragraph, point)


#: The elements of Art. 13 and 14 GDPR, in the order of the schedule annexed to the Article 29
#: Working Party's Guidelines on transparency (WP260 rev.01, endorsed by the EDPB on 25 May 2018).
#: Source: Regulation (EU) 2016/679, Articles 13 and 14 (EUR-Lex, CELEX 32016R0679), as
#: tabulated in the team's reference notes; verified on 2026-12-01.
ELEMENTS: tuple[Element, ...] = (
    Element(
        "controller_identity",
        N_("Identity and contact details of the controller"),
        "13(1)(a)",
        "14(1)(a)",
    ),
    Element("representative_identity", N_("Representative in the EU"), "13(1)(a)", "14(1)(a)"),
    Element(
        "dpo_contact", N_("Contact details of the data protection officer"), "13(1)(b)", "14(1)(b)"
    ),
    Element("purposes", N_("Purposes of the processing"), "13(1)(c)", "14(1)(c)"),
    Element("legal_basis", N_("Legal basis for the processing"), "13(1)(c)", "14(1)(c)"),
    Element("legitimate_interests", N_("Legitimate interests pursued"), "13(1)(d)", "14(2)(b)"),
    Element("data_categories", N_("Categories of personal data concerned"), "", "14(1)(d)"),
    Element("recipients", N_("Recipients or categories of recipients"), "13(1)(e)", "14(1)(e)"),
    Element(
        "transfers", N_("Transfers to third countries and their safeguards"), "13(1)(f)", "14(1)(f)"
    ),
    Element(
        "retention", N_("Storage period or the criteria that decide it"), "13(2)(a)", "14(2)(a)"
    ),
    Element("rights_access", N_("Right of access"), "13(2)(b)", "14(2)(c)"),
    Element("rights_rectification", N_("Right to rectification"), "13(2)(b)", "14(2)(c)"),
    Element("rights_erasure", N_("Right to erasure"), "13(2)(b)", "14(2)(c)"),
    Element("rights_restriction", N_("Right to restriction of processing"), "13(2)(b)", "14(2)(c)"),
    Element("right_to_object", N_("Right to object"), "13(2)(b)", "14(2)(c)"),
    Element("right_to_portability", N_("Right to data portability"), "13(2)(b)", "14(2)(c)"),
    Element("right_to_withdraw_consent", N_("Right to withdraw consent"), "13(2)(c)", "14(2)(d)"),
    Element(
        "right_to_complain",
        N_("Right to lodge a complaint with a supervisory authority"),
        "13(2)(d)",
        "14(2)(e)",
    ),
    Element(
        "statutory_or_contractual_requirement",
        N_("Whether the data must be provided, and the consequences if not"),
        "13(2)(e)",
        "",
    ),
    Element(
        "automated_decision_making",
        N_("Automated decision-making, including profiling"),
        "13(2)(f)",
        "14(2)(g)",
    ),
    Element("source_of_data", N_("Source of the data"), "", "14(2)(f)"),
    Element(
        "further_processing_notice", N_("Information before further processing"), "13(3)", "14(4)"
    ),
)

ELEMENT_IDS: tuple[str, ...] = tuple(e.id for e in ELEMENTS)


__all__ = ["ELEMENTS", "ELEMENT_IDS", "Element", "article_ref"]
