"""The policy engine: the right sections with the project's own facts, and nothing else."""

from __future__ import annotations

from pathlib import Path

import jinja2.meta
import pytest

from tests.projects import EXAMPLE_FILES, EXAMPLES, HOSTILE, example, fill_every_text
from wizard.model import Project, load_project
from wizard.model.answers import (
    Cookie,
    CookieCategory,
    LegalBasis,
    LocalText,
    Purpose,
    Recipient,
    Safeguard,
)
from wizard.policy.document import Heading, ListBlock, Paragraph, Table
from wizard.policy.engine import TEMPLATE, PolicyError, build_document
from wizard.policy.items import Texts
from wizard.policy.parse import TemplateMarkupError, parse_blocks
from wizard.policy.templates import environment
from wizard.policy.view import answers_view, missing_texts


def section_titles(project: Project, lang: str = "en") -> list[str]:
    return [h.text for h in build_document(project, lang).headings(2)]


def test_physiotherapy_practice_sections_and_facts() -> None:
    doc = build_document(example("physiotherapy-practice"), "en")
    titles = [h.text for h in doc.headings(2)]
    assert titles == [
        "Who is responsible for your data",
        "What data we process, why, and for how long",
        "Trainee physiotherapists",  # the practice's own section, after the purposes
        "Where we obtain your data",
        "Who receives your data",
        "Transfers outside the European Economic Area",  # none: the user confirmed it
        "Cookies and similar technologies",
        "Automated decision-making",
        "How we protect your data",
        "Your rights",
        "Complaints",
        "Changes to this privacy policy",
    ]
    assert [h.number for h in doc.headings(2)] == [str(i) for i in range(1, 13)]
    text = doc.text()
    assert "Fysiotherapie De Linde B.V. is the controller of your personal data" in text
    # The WGBO's 20 years run from the making of each record (art. 7:454(3) BW).
    assert "20 years from the date on which each record was made" in text
    assert "art. 7:454 BW (WGBO)" in text
    assert (
        "medical diagnosis and the provision of health care or treatment (Article 9(2)(h) GDPR)"
        in text
    )
    assert "your general practitioner or medical specialist" in text
    assert "Autoriteit Persoonsgegevens" in text
    assert "We use only strictly necessary cookies, so we do not ask for your consent." in text
    # Not claimed: no DPO, no children, no withdrawal of consent (no consent basis); no transfer
    # table, only the statement the practice confirmed.
    assert "data protection officer" not in text.lower()
    assert "We do not transfer your personal data to countries outside" in text
    assert "Right to withdraw consent" not in text
    assert "Right to object" in text  # legitimate interests for the contact form


def test_purpose_table_has_a_row_per_purpose() -> None:
    project = example("physiotherapy-practice")
    doc = build_document(project, "en")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.header] == [
        "Purpose",
        "Personal data",
        "Legal basis",
        "Retention period",
    ]
    assert len(table.rows) == len(project.purposes)
    assert table.rows[0][0].lines[0][0].bold
    assert table.rows[0][2].text == "Performance of a contract (Article 6(1)(b) GDPR)"
    assert table.rows[3][3].text == "6 months after our last contact with you"


def test_telehealth_transfers_dpo_children_and_consent() -> None:
    doc = build_document(example("telehealth-startup"), "en")
    titles = [h.text for h in doc.headings(2)]
    assert "Transfers outside the European Economic Area" in titles
    assert "Children" not in titles  # adults only (issue 12, point 8)
    text = doc.text()
    assert "dpo@dsb-consult.de" in text and "Dr. Jana Weber, DSB Consult GmbH" in text
    transfer = next(
        b
        for b in doc.blocks
        if isinstance(b, Table) and b.header[2].text == "Basis for the transfer"
    )
    rows = {r[0].text: (r[1].text, r[2].text) for r in transfer.rows}
    assert set(rows) == {
        "Zoom Video Communications, Inc.",
        "Google LLC",
        "Functional Software, Inc. (Sentry)",
    }
    assert rows["Zoom Video Communications, Inc."][0] == "United States"
    assert "EU-U.S. Data Privacy Framework" in rows["Zoom Video Communications, Inc."][1]
    assert "Article 46(2)(c)" in rows["Functional Software, Inc. (Sentry)"][1]
    assert "copy of the appropriate safeguards" in text
    assert "Right to withdraw consent" in text
    # For adults only: nothing about children (the Art. 8 age alone is no audience).
    assert "intended for children" not in text and "under the age of 16" not in text
    assert "Berliner Beauftragte für Datenschutz und Informationsfreiheit" in text
    assert "13 months" in text and "_ga" in text


def test_software_company_has_no_health_section() -> None:
    doc = build_document(example("software-company"), "en")
    text = doc.text()
    assert "Special categories" not in text
    assert "Article 9" not in text
    assert "The Rocket Science Group LLC (Mailchimp)" in text
    assert "10 years after the end of the financial year" in text


def test_sections_appear_only_when_they_apply() -> None:
    project = Project()
    project.organisation.legal_name = "Minimal Ltd"
    titles = section_titles(project)
    assert titles == [
        "Who is responsible for your data",
        "Your rights",
        "Complaints",
        "Changes to this privacy policy",
    ]
    project.cookies.used = True
    project.cookies.items.append(
        Cookie(
            name="c",
            provider="p",
            category=CookieCategory.ANALYTICS,
            purpose=LocalText({"en": "x"}),
        )
    )
    assert "Cookies and similar technologies" in section_titles(project)
    project.purposes.append(
        Purpose(id="p", name=LocalText({"en": "P"}), legal_basis=LegalBasis.CONSENT)
    )
    project.recipients.append(Recipient(name="R", country="NL", purposes=["p"]))
    titles = section_titles(project)
    assert "Who receives your data" in titles
    assert "Transfers outside the European Economic Area" not in titles
    project.recipients.append(Recipient(name="US Co", country="US", safeguard=Safeguard.SCC))
    assert "Transfers outside the European Economic Area" in section_titles(project)


def test_right_to_object_is_separate_and_highlighted() -> None:
    doc = build_document(example("software-company"), "en")
    index = next(
        i
        for i, b in enumerate(doc.blocks)
        if isinstance(b, Heading) and b.text == "Right to object"
    )
    assert doc.blocks[index].level == 3
    after = doc.blocks[index + 1]
    assert isinstance(after, Paragraph) and after.role == "note"
    assert "Article 21(1) GDPR" in after.text


def test_user_text_is_data_never_markup() -> None:
    project = example("telehealth-startup")
    fill_every_text(project, HOSTILE)
    project.children.targets_children = True
    doc = build_document(project, "en")
    text = doc.text()
    assert text.count(HOSTILE) >= 30
    assert "49" not in text.replace("+49", "")
    for block in doc.blocks:
        spans = []
        if isinstance(block, Heading | Paragraph):
            spans = list(block.spans)
        elif isinstance(block, ListBlock):
            spans = [s for item in block.items for s in item]
        elif isinstance(block, Table):
            spans = [s for row in block.rows for cell in row for line in cell.lines for s in line]
        for span in spans:
            if "{{" in span.text:
                assert HOSTILE in span.text


def test_missing_translation_is_an_error_not_a_mix() -> None:
    project = example("physiotherapy-practice")
    assert missing_texts(project, "nl") == []
    del project.purposes[0].name.root["nl"]
    del project.purposes[1].name.root["nl"]
    project.recipients[0].service = LocalText({"en": "Only in English"})
    problems = missing_texts(project, "nl")
    assert "recipients[0].service: no text in language 'nl'" in problems
    assert "purposes[0].name: no text in language 'nl'" in problems
    with pytest.raises(PolicyError) as info:
        build_document(project, "nl")
    assert "purposes[1].name: no text in language 'nl'" in info.value.problems
    assert missing_texts(project, "en") == []


def test_unknown_language_is_refused() -> None:
    with pytest.raises(PolicyError, match="unsupported language 'es'"):
        build_document(Project(), "es")


def test_template_asks_only_for_what_the_context_supplies() -> None:
    env = environment("en")
    source = env.loader.get_source(env, TEMPLATE)[0]  # type: ignore[union-attr]
    wanted = jinja2.meta.find_undeclared_variables(env.parse(source))
    context = answers_view(example("telehealth-startup"), "en", Texts("en"))
    assert wanted - {"_", "gettext", "ngettext"} <= set(context), wanted - set(context)


def test_parser_rejects_markup_outside_the_subset() -> None:
    with pytest.raises(TemplateMarkupError):
        parse_blocks("<p>ok</p><script>x</script>")
    with pytest.raises(TemplateMarkupError):
        parse_blocks("stray text")


def test_headings_number_sections_and_subsections() -> None:
    blocks = parse_blocks("<h1>T</h1><h2>A</h2><h3>a</h3><h3>b</h3><h2>B</h2><h3>c</h3>")
    numbered = [b.numbered_text for b in blocks if isinstance(b, Heading)]
    assert numbered == ["T", "1. A", "1.1 a", "1.2 b", "2. B", "2.1 c"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_builds(path: Path) -> None:
    doc = build_document(load_project(path), "en")
    assert doc.title == "Privacy policy"
    assert doc.labels.page_x_of_y == "Page {page} of {pages}"
    assert doc.organisation in doc.text()


def test_the_cookie_section_cites_the_national_cookie_law() -> None:
    """§ 25 TDDDG for a German controller, art. 11.7a Telecommunicatiewet for a Dutch one, art.
    10/2 of the Act of 30 July 2018 for a Belgian one: named in the reader's language, with the
    country of establishment, never as "our national law"."""
    from wizard.catalog.cookie_laws import cookie_law
    from wizard.policy.document import Paragraph, plain

    def paragraphs(name: str, lang: str) -> str:
        doc = build_document(load_project(EXAMPLES / f"{name}.privacy.json"), lang)
        return "\n".join(plain(b.spans) for b in doc.blocks if isinstance(b, Paragraph))

    de, nl, be = cookie_law("DE"), cookie_law("nl"), cookie_law("BE")
    assert de is not None and nl is not None and be is not None and cookie_law(None) is None
    assert (de.original, nl.original) == ("§ 25 TDDDG", "art. 11.7a Telecommunicatiewet")
    assert (
        "In dem Staat, in dem wir niedergelassen sind (Deutschland), ist diese Vorschrift durch "
        "§\u00a025 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes (TDDDG) umgesetzt."
    ) in paragraphs("telehealth-startup", "de")
    assert (
        "In the country where we are established (Netherlands), it is implemented by Article "
        "11.7a of the Telecommunications Act (Telecommunicatiewet)."
    ) in paragraphs("physiotherapy-practice", "en")
    belgian = paragraphs("software-company", "fr")
    assert "(Belgique), cette disposition est transposée par l'article 10/2 de la loi du" in belgian
    assert "notre droit national" not in belgian


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("  mailto:privacy@example.org ", "mailto:privacy@example.org"),
        ("tel:+31301234567", "tel:+31301234567"),
        ("www.example.org", "https://www.example.org"),
        ("#rights", "#rights"),
        ("#no-such-heading", None),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("../relative/path", None),
        ("https://example.org/a b", None),
        ("", None),
        (None, None),
    ],
)
def test_every_format_links_only_to_safe_targets(href: str | None, expected: str | None) -> None:
    from wizard.policy.document import link_target

    assert link_target(href, {"rights"}) == expected
