"""Coverage from what the policy emitted: the template declares on a heading, a list item or a
table cell which Art. 13/14 elements it gives (``data-covers``), the parser carries the
declarations into the document tree, the renderers leave them out, and the review locates each
element by them. Every element has a judge; every page has one title, translated."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.projects import EXAMPLE_FILES, ROOT, TRANSLATED, example
from wizard.flow.pages import PageId
from wizard.languages import LANGUAGES
from wizard.law.elements import ELEMENT_IDS
from wizard.model.project_file import load_project
from wizard.output import render_bytes
from wizard.page_titles import PAGE_TITLES
from wizard.policy.document import Document, Heading, ListBlock, Table
from wizard.policy.engine import build_document
from wizard.policy.parse import TemplateMarkupError, parse_blocks
from wizard.review import JUDGES, Coverage, Status, coverage, findings, locations
from wizard.review.judges import judge

TEMPLATE = ROOT / "resources" / "templates" / "policy" / "policy.html.j2"
_DECLARATION = re.compile(r"""data-covers\s*=\s*["']([^"']*)["']""")


def declared_ids(template: str) -> list[str]:
    """The element ids of every ``data-covers`` declaration in a template's source."""
    return [
        element_id for m in _DECLARATION.finditer(template) for element_id in m.group(1).split()
    ]


def unknown_ids(ids: list[str]) -> set[str]:
    return set(ids) - set(ELEMENT_IDS)


# --- the declarations in the template ------------------------------------------------------------


def test_every_element_of_the_schedule_is_declared_in_the_template() -> None:
    declared = declared_ids(TEMPLATE.read_text(encoding="utf-8"))
    assert set(ELEMENT_IDS) - set(declared) == set()


def test_the_template_declares_only_elements_of_the_schedule() -> None:
    assert unknown_ids(declared_ids(TEMPLATE.read_text(encoding="utf-8"))) == set()
    # The check sees a misspelt id, and a declaration in single quotes.
    template = """<h2 data-covers="legal_basis legal_bases">x</h2><li data-covers='rights'>"""
    assert unknown_ids(declared_ids(template)) == {"legal_bases", "rights"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_the_documents_declare_only_elements_of_the_schedule(path: Path, lang: str) -> None:
    found = locations(build_document(load_project(path), lang))
    assert "purposes" in found
    assert set(found) <= set(ELEMENT_IDS)


# --- the parser and the renderers ---------------------------------------------------------------


def test_the_parser_carries_the_declarations_into_the_tree() -> None:
    html = (
        '<h2 id="purposes" data-covers="purposes">Purposes</h2>'
        "<table><thead><tr><th>Purpose</th>"
        '<th data-covers="legal_basis">Legal basis</th>'
        '<th data-covers="retention data_categories">Kept<br>for</th></tr></thead>'
        "<tbody><tr><td>Care</td><td>Contract</td><td>Ten years</td></tr></tbody></table>"
        '<ul><li>Plain</li><li data-covers="rights_access">Access</li><li data-covers="x"></li></ul>'
        "<ul><li>Nothing declared</li></ul>"
    )
    for _ in range(2):  # the second time the table's rows come from the parser's cache
        heading, table, listed, plain_list = parse_blocks(html)
        assert isinstance(heading, Heading) and heading.covers == ("purposes",)
        assert isinstance(table, Table)
        assert [c.covers for c in table.header] == [
            (),
            ("legal_basis",),
            ("retention", "data_categories"),
        ]
        assert table.header[2].text == "Kept\nfor"
        assert all(c.covers == () for row in table.rows for c in row)
        # An empty item is dropped, and with it its declaration.
        assert isinstance(listed, ListBlock) and len(listed.items) == 2
        assert listed.item_covers == ((), ("rights_access",))
        assert isinstance(plain_list, ListBlock) and plain_list.item_covers == ()


@pytest.mark.parametrize(
    "html",
    [
        '<p data-covers="purposes">Text</p>',
        '<table data-covers="purposes"><tr><td>a</td></tr></table>',
        '<ul data-covers="purposes"><li>a</li></ul>',
        '<p><strong data-covers="purposes">Text</strong></p>',
        '<section data-covers="purposes"><p>Text</p></section>',
    ],
)
def test_a_declaration_where_none_belongs_is_an_error(html: str) -> None:
    with pytest.raises(TemplateMarkupError, match="data-covers"):
        parse_blocks(html)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_renderers_do_not_print_the_declarations(fmt: str) -> None:
    document = build_document(example("telehealth-startup"), "en")
    assert locations(document)
    text = render_bytes(document, fmt).decode("utf-8")
    assert "Legal basis" in text
    assert "data-covers" not in text
    # No id that is not also a word of the text ("purposes" is both) is printed.
    assert not [e for e in ELEMENT_IDS if "_" in e and e in text]


# --- the review reads the declarations -----------------------------------------------------------


def _by_id(items: list[Coverage]) -> dict[str, Coverage]:
    return {c.element.id: c for c in items}


def _without_column(document: Document, header: str) -> Document:
    """``document`` without the table column whose header cell reads ``header``."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table) and any(c.text == header for c in block.header):
            index = next(i for i, c in enumerate(block.header) if c.text == header)

            def drop(cells: tuple[object, ...], index: int = index) -> tuple[object, ...]:
                return tuple(c for i, c in enumerate(cells) if i != index)

            block = dataclasses.replace(
                block,
                header=drop(block.header),
                rows=tuple(drop(row) for row in block.rows),
                widths=drop(block.widths),
            )
        blocks.append(block)
    return dataclasses.replace(document, blocks=tuple(blocks))


def test_a_document_without_the_legal_basis_column_does_not_cover_the_legal_basis() -> None:
    project = example("telehealth-startup")
    document = build_document(project, "en")
    before = _by_id(coverage(project, "en", document)[0])
    assert before["legal_basis"].status is Status.COVERED
    assert before["legal_basis"].anchor == "purposes"

    trimmed = _without_column(document, "Legal basis")
    assert "Legal basis" not in trimmed.text() and "Retention period" in trimmed.text()
    after = _by_id(coverage(project, "en", trimmed)[0])
    assert after["legal_basis"].status is Status.MISSING
    assert after["legal_basis"].reason_text() == "not found in the document"
    assert after["legal_basis"].where() == ""
    # Nothing else changes: the other columns and the section still give their elements.
    del before["legal_basis"], after["legal_basis"]
    assert after == before
    assert after["retention"].status is Status.COVERED


def _emptied(document: Document, header: str, row: int) -> Document:
    """``document`` with the cell of row ``row`` in the column headed ``header`` left empty."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table) and any(c.text == header for c in block.header):
            index = next(i for i, c in enumerate(block.header) if c.text == header)
            cells = list(block.rows[row])
            cells[index] = dataclasses.replace(cells[index], lines=())
            rows = list(block.rows)
            rows[row] = tuple(cells)
            block = dataclasses.replace(block, rows=tuple(rows))
        blocks.append(block)
    return dataclasses.replace(document, blocks=tuple(blocks))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_column_left_empty_for_a_purpose_covers_its_element_only_partly(lang: str) -> None:
    """The answers give every purpose a legal basis, but the clause printed none for the
    second purpose: the review says so, naming the purpose, instead of trusting the answers."""
    project = example("telehealth-startup")
    document = build_document(project, lang)
    assert _by_id(coverage(project, lang, document)[0])["legal_basis"].status is Status.COVERED
    header = next(
        c.text
        for b in document.blocks
        if isinstance(b, Table)
        for c in b.header
        if "legal_basis" in c.covers
    )
    after = _by_id(coverage(project, lang, _emptied(document, header, 1))[0])
    assert after["legal_basis"].status is Status.PARTIAL
    assert after["legal_basis"].anchor == "purposes"
    assert project.purposes[1].name.get(lang) in after["legal_basis"].reason_text(lang=lang)
    assert after["retention"].status is Status.COVERED


def test_an_element_is_found_under_the_heading_of_its_clause() -> None:
    """A clause under a subsection counts for that subsection, a heading's own declaration
    for the heading; the first section that gives an element is the one named."""
    document = build_document(example("telehealth-startup"), "en")
    found = locations(document)
    assert found["legal_basis"].anchor == "purposes"
    assert found["rights_access"].anchor == "rights"
    assert found["right_to_object"].anchor == "right-to-object"
    assert found["further_processing_notice"].anchor == "changes"


# --- the judges ----------------------------------------------------------------------------------


def test_every_element_of_the_schedule_has_a_judge() -> None:
    assert list(JUDGES) == list(ELEMENT_IDS)
    project = example("telehealth-startup")
    found = findings(project)
    judged = {element_id: judge(project, element_id, found) for element_id in ELEMENT_IDS}
    assert all(isinstance(status, Status) for status, _reason, _args in judged.values())
    assert judged["further_processing_notice"][0] is Status.NOT_APPLICABLE
    assert judged["rights_access"] == (Status.COVERED, "", {})
    with pytest.raises(KeyError):
        judge(project, "rights", found)


# --- the page titles -----------------------------------------------------------------------------


def test_every_page_has_one_title() -> None:
    assert list(PAGE_TITLES) == [page.value for page in PageId]
    assert PAGE_TITLES[PageId.OUTPUT] == "Generate the policy"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_page_title_is_translated(lang: str) -> None:
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "ui.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    for title in PAGE_TITLES.values():
        message = catalogue.get(title)
        assert message is not None and message.string, (lang, title)
        assert not message.fuzzy, (lang, title)
