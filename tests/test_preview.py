"""The review page's preview: the document built once per change and language, long tables
shortened with a translated count of the rest, and the template parser's row cache giving the
same document as a fresh parse."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.large_project import large_project
from tests.projects import EXAMPLE_FILES, EXAMPLES
from wizard.model import load_project
from wizard.model.answers import LANGUAGES, LocalText
from wizard.policy import engine, parse
from wizard.policy.document import Cell, Paragraph, Span, Table
from wizard.policy.engine import (
    PolicyError,
    build_document,
    build_preview,
    cached_document,
    cached_preview,
    policy_html,
)
from wizard.policy.parse import TemplateMarkupError, parse_blocks, parse_shortened
from wizard.policy.preview import PREVIEW_ROWS, preview_document
from wizard.render.html import html_text

MORE_COOKIES = {
    "en": "… and {n} more cookies",
    "nl": "… en nog {n} cookies",
    "fr": "… et {n} autres cookies",
    "de": "… und {n} weitere Cookies",
}
MORE_PURPOSES = {
    "en": "… and {n} more purposes",
    "nl": "… en nog {n} doelen",
    "fr": "… et {n} autres finalités",
    "de": "… und {n} weitere Zwecke",
}


def _tables(document: object) -> dict[str, Table]:
    return {b.caption: b for b in document.blocks if isinstance(b, Table)}  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_preview_shortens_long_tables_with_a_translated_count(lang: str) -> None:
    project = large_project(cookies=60, recipients=10, purposes=30)
    full = build_document(project, lang)
    shown = preview_document(full)
    cookies = next(t for t in _tables(full).values() if len(t.rows) == 60)
    short = _tables(shown)[cookies.caption]
    assert short.header == cookies.header
    assert short.rows[:PREVIEW_ROWS] == cookies.rows[:PREVIEW_ROWS]
    assert len(short.rows) == PREVIEW_ROWS + 1
    more = short.rows[-1]
    assert more[0].text == MORE_COOKIES[lang].format(n=60 - PREVIEW_ROWS)
    assert len(more) == len(cookies.header) and all(c.text == "" for c in more[1:])
    purposes = next(t for t in _tables(full).values() if len(t.rows) == 30)
    assert _tables(shown)[purposes.caption].rows[-1][0].text == MORE_PURPOSES[lang].format(
        n=30 - PREVIEW_ROWS
    )
    # The recipients table (10 rows) and everything else are left as they are.
    assert [b for b in shown.blocks if not isinstance(b, Table)] == [
        b for b in full.blocks if not isinstance(b, Table)
    ]
    small = [t for t in _tables(full).values() if len(t.rows) <= PREVIEW_ROWS + 1]
    assert small and all(_tables(shown)[t.caption] == t for t in small)
    # The preview's HTML reads the count, and the files keep every row.
    assert MORE_COOKIES[lang].format(n=60 - PREVIEW_ROWS) in html_text(shown)
    assert cookies.rows[-1][0].text.endswith("_60")
    assert not any(row[0].text.endswith("_60") for row in short.rows)


def test_preview_never_hides_a_single_row() -> None:
    project = large_project(cookies=PREVIEW_ROWS + 1, recipients=5, purposes=5)
    document = build_document(project, "en")
    assert preview_document(document) is document


def test_a_table_without_a_known_caption_counts_rows() -> None:
    document = build_document(load_project(EXAMPLES / "software-company.privacy.json"), "de")
    rows = tuple((Cell(((Span(str(i)),),)),) for i in range(8))
    table = Table((Cell(((Span("Nr."),),)),), rows, (1.0,), "Etwas anderes")
    document = type(document)(**{**document.__dict__, "blocks": (table,)})
    shown = preview_document(document, rows=3)
    assert [r[0].text for r in _tables(shown)["Etwas anderes"].rows] == [
        "0",
        "1",
        "2",
        "… und 5 weitere Zeilen",
    ]


def test_cached_document_builds_once_per_change_and_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    built: list[str] = []

    def counting(project: object, lang: str) -> object:
        built.append(lang)
        return build_document(project, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "build_document", counting)
    engine._documents.clear()
    first = cached_document(project, "en")
    assert cached_document(project, "en") is first
    assert cached_document(project, "nl") is not first
    assert built == ["en", "nl"]
    # Any change to the answers, however it was made, is a new document.
    project.organisation.legal_name = "Klarblick Health B.V."
    changed = cached_document(project, "en")
    assert built == ["en", "nl", "en"]
    assert "Klarblick Health B.V." in changed.text() and changed.organisation != first.organisation
    # The same answers again (an undo) find the earlier document.
    project.organisation.legal_name = first.organisation
    assert cached_document(project, "en") is first
    assert len(built) == 3


def test_cached_document_without_a_date_is_a_draft_whatever_the_day() -> None:
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    project.publication.effective_date = None
    engine._documents.clear()
    document = cached_document(project, "en")
    assert document.draft and "DRAFT" in document.labels.effective
    assert dt.date.today().strftime("%Y") not in document.labels.effective
    assert cached_document(project, "en") is document


def test_cached_document_raises_the_same_problems_again() -> None:
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    project.purposes[0].name = LocalText({"en": "Only in English"})
    engine._documents.clear()
    for _ in range(2):
        with pytest.raises(PolicyError) as caught:
            cached_document(project, "nl")
        assert caught.value.problems == ["purposes[0].name: no text in language 'nl'"]


def test_the_row_cache_gives_the_same_document_as_a_fresh_parse() -> None:
    project = large_project(cookies=40, recipients=12, purposes=12)
    for lang in ("en", "fr"):
        html = policy_html(project, lang)
        parse._ROWS.clear()
        fresh = parse_blocks(html)
        assert parse._ROWS  # the rows were remembered
        assert parse_blocks(html) == fresh
        # A row seen in one table means the same in another; a changed row is parsed anew.
        project.cookies.items[3].name = f"renamed-{lang}"
        again = parse_blocks(policy_html(project, lang))
        assert f"renamed-{lang}" in "\n".join(
            c.text for b in again if isinstance(b, Table) for row in b.rows for c in row
        )


def test_the_parser_reads_markup_as_html_does() -> None:
    html = (
        "<!-- a comment --><H2 ID=intro>A &amp; B &lt;c&gt; &#39;d&#39; 3 < 4</H2>"
        "<p class='lead'>one<br/>two <strong>bold <em>both</em></strong> "
        '<a href="https://x.example/?a=1&amp;b=2">link</a></p>'
        '<table data-widths="1 2"><tr><th>H</th><th>I</th></tr>'
        "<tr><td>x<br>y</td><td><em>z</em></td></tr></table>"
    )
    heading, paragraph, table = parse_blocks(html)
    assert heading.text == "A & B <c> 'd' 3 < 4" and heading.anchor == "intro"  # type: ignore[union-attr]
    assert isinstance(paragraph, Paragraph) and paragraph.role == "lead"
    assert paragraph.spans == (
        Span("one\ntwo "),  # a <br> is a line break, as a browser shows it
        Span("bold ", bold=True),
        Span("both", bold=True, italic=True),
        Span(" "),
        Span("link", href="https://x.example/?a=1&b=2"),
    )
    assert isinstance(table, Table) and table.widths == (1.0, 2.0)
    assert [c.text for c in table.header] == ["H", "I"]
    assert table.rows[0][0].lines == ((Span("x"),), (Span("y"),))
    assert table.rows[0][1].lines == ((Span("z", italic=True),),)
    with pytest.raises(TemplateMarkupError, match="unsupported tag <script>"):
        parse_blocks("<p>x</p><script>alert(1)</script>")
    with pytest.raises(TemplateMarkupError, match="text outside a block"):
        parse_blocks("<p>x</p>stray")


def test_the_parser_shortcuts_read_rows_as_the_tag_handlers_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = large_project(cookies=30, recipients=12, purposes=12)
    project.cookies.items[0].purpose = LocalText(
        {lang: " A &  <b>x</b>\n  y " for lang in LANGUAGES}
    )
    for lang in ("en", "de"):
        html = policy_html(project, lang)
        parse._ROWS.clear()
        quick = parse_blocks(html)
        parse._ROWS.clear()
        monkeypatch.setattr(parse._Parser, "_feed_cells", lambda self, html: False)
        by_handlers = parse_blocks(html)
        monkeypatch.undo()
        parse._ROWS.clear()
        assert quick == by_handlers
        assert "A & <b>x</b> y" in "\n".join(
            c.text for b in quick if isinstance(b, Table) for row in b.rows for c in row
        )


def test_the_review_walks_the_texts_of_a_project_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review page lists the findings at every refresh: a large project's thousands of
    texts are collected once for all pages, not once per page."""
    from wizard import review
    from wizard.flow import checks, texts

    calls: list[int] = []
    real = texts.used_texts

    def counting(project: object) -> object:
        calls.append(1)
        return real(project)  # type: ignore[arg-type]

    monkeypatch.setattr(texts, "used_texts", counting)
    monkeypatch.setattr(checks, "used_texts", counting)
    project = large_project(cookies=5, recipients=5, purposes=5)
    project.purposes[0].name = LocalText({"en": "Only in English"})
    project.publication.languages = ["en", "nl"]
    found = review.findings(project)
    assert len(calls) == 1
    assert any("Only in English" in f.text() for f in found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_preview_cut_while_parsing_is_the_whole_document_shortened(lang: str) -> None:
    """The live preview never parses the rows it does not show, and still shows what the
    whole document, shortened, would: the same blocks, counts and "... and N more" rows."""
    project = large_project(cookies=60, recipients=30, purposes=22)
    parse._ROWS.clear()
    preview = build_preview(project, lang)
    assert preview == preview_document(build_document(project, lang))
    assert MORE_COOKIES[lang].format(n=60 - PREVIEW_ROWS) in preview.text()
    for path in EXAMPLE_FILES:
        example = load_project(path)
        if lang in example.publication.languages:
            assert build_preview(example, lang) == build_document(example, lang)


def _written_lists(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, int]]:
    """Spy on the template renders of the engine: the length of each list every render got."""
    calls: list[dict[str, int]] = []
    real = engine._html

    def spying(context: dict[str, object], lang: str, draft: bool) -> str:
        calls.append({k: len(v) for k, v in context.items() if k in LISTS and isinstance(v, list)})
        return real(context, lang, draft)

    monkeypatch.setattr(engine, "_html", spying)
    return calls


LISTS = ("purposes", "recipients", "transfers", "cookies")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_preview_template_writes_only_the_rows_shown(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A preview of a large project gives the template the first rows of each long list only
    (one render), and still shows the whole document's counts of the rows left out."""
    project = large_project(cookies=300, recipients=40, purposes=30)
    whole = preview_document(build_document(project, lang))
    calls = _written_lists(monkeypatch)
    preview = build_preview(project, lang)
    assert preview == whole
    assert len(calls) == 1
    assert calls[0]["cookies"] == calls[0]["recipients"] == PREVIEW_ROWS + 2
    assert calls[0]["purposes"] == PREVIEW_ROWS + 2
    assert MORE_COOKIES[lang].format(n=300 - PREVIEW_ROWS) in preview.text()
    assert MORE_PURPOSES[lang].format(n=30 - PREVIEW_ROWS) in preview.text()


def test_a_list_whose_table_is_not_found_is_written_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a shortened list's table not be found by its caption (a template changed), the
    preview renders the whole list again rather than show a wrong count."""
    from wizard.policy import preview as preview_module

    lists = {
        ("A caption no table has" if name == "cookies" else caption): name
        for caption, name in preview_module._LISTS.items()
    }
    monkeypatch.setattr(preview_module, "_LISTS", lists)
    project = large_project(cookies=60, recipients=5, purposes=5)
    calls = _written_lists(monkeypatch)
    preview = build_preview(project, "nl")
    assert [c["cookies"] for c in calls] == [PREVIEW_ROWS + 2, 60]
    assert preview == preview_document(build_document(project, "nl"))
    assert MORE_COOKIES["nl"].format(n=60 - PREVIEW_ROWS) in preview.text()


def test_parsing_a_shortened_table_counts_the_rows_it_leaves_out() -> None:
    def table(rows: int) -> str:
        body = "".join(f"<tr><td>{i}</td></tr>" for i in range(rows))
        return f"<table><thead><tr><th>N</th></tr></thead><tbody>{body}</tbody></table>"

    html = "<p>a</p>" + table(7) + "<p>b</p>" + table(4) + table(6)
    blocks, hidden = parse_shortened(html, 5)
    assert hidden == {1: 2}
    rows = [[r[0].text for r in b.rows] for b in blocks if isinstance(b, Table)]
    assert rows == [["0", "1", "2", "3", "4"], ["0", "1", "2", "3"], [str(i) for i in range(6)]]
    assert [b for b in blocks if not isinstance(b, Table)] == [
        b for b in parse_blocks(html) if not isinstance(b, Table)
    ]


def test_cached_preview_builds_once_per_change_and_language() -> None:
    project = load_project(EXAMPLES / "telehealth-startup.privacy.json")
    engine._documents.clear()
    first = cached_preview(project, "en")
    assert cached_preview(project, "en") is first
    assert cached_document(project, "en") is not first  # the whole document is its own
    project.organisation.legal_name = "Klarblick Health B.V."
    assert "Klarblick Health B.V." in cached_preview(project, "en").text()
