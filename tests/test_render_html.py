"""HTML and Markdown export: valid, accessible, self-contained, and carrying each example's facts.

Every example is rendered from the command line in every language, then read back as a browser
would (a strict html5lib parse) and as a Markdown site generator would (markdown-it, CommonMark
with GFM tables). The same facts that the DOCX and PDF tests look for must be there.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from tests.projects import EXAMPLE_FILES, EXAMPLES, HOSTILE, expected_facts, hostile_project_file
from tests.readback import squash
from wizard.cli import main
from wizard.languages import LANGUAGES
from wizard.model import load_project
from wizard.policy.document import (
    Cell,
    Document,
    Heading,
    Labels,
    ListBlock,
    Paragraph,
    Span,
    Table,
)
from wizard.policy.engine import build_document
from wizard.render.html import html_text, render_html
from wizard.render.markdown import escape_text, markdown_text, render_markdown

LANGS = tuple(LANGUAGES)
CASES = [(path, lang) for path in EXAMPLE_FILES for lang in LANGS]
IDS = [f"{p.stem.removesuffix('.privacy')}-{lang}" for p, lang in CASES]
TAGS = {"en": "en-GB", "nl": "nl-NL", "fr": "fr-FR", "de": "de-DE"}

#: Elements that load something, or run something: none may appear.
FETCHING = {
    "img",
    "script",
    "link",
    "iframe",
    "frame",
    "object",
    "embed",
    "video",
    "audio",
    "source",
    "track",
    "picture",
    "svg",
    "math",
    "base",
    "form",
    "input",
    "canvas",
}


@cache
def _rendered(out: Path) -> dict[tuple[str, str], tuple[Path, Path]]:
    """Every example in every language as HTML and Markdown (one CLI run per example)."""
    files: dict[tuple[str, str], tuple[Path, Path]] = {}
    for path in EXAMPLE_FILES:
        folder = out / path.stem
        args = ["render", str(path), "--lang", ",".join(LANGS), "--format", "html,md"]
        assert main([*args, "--out", str(folder)]) == 0
        for lang in LANGS:
            files[(path.name, lang)] = (
                folder / f"privacy-policy-{lang}.html",
                folder / f"privacy-policy-{lang}.md",
            )
    return files


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, Path]]:
    return _rendered(tmp_path_factory.mktemp("html-md"))


def parse_strict(data: bytes) -> ET.Element:
    """Parse as an HTML5 browser would, failing on any parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ET.Element = parser.parse(data)
    return root


def text_of(element: ET.Element) -> str:
    return squash("".join(element.itertext()))


def markdown_to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def markdown_visible_text(text: str) -> str:
    """What a reader sees of a Markdown file once a site generator has turned it into a page."""
    root = ET.fromstring(
        "<root>"
        + markdown_to_html(text).replace("<br>", "<br/>").replace("&nbsp;", " ")
        + "</root>"
    )
    return squash(" ".join(root.itertext()))


# --- validity and accessibility ------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lang"), CASES, ids=IDS)
def test_html_is_valid_and_accessible(
    path: Path, lang: str, rendered: dict[tuple[str, str], tuple[Path, Path]]
) -> None:
    html_file, _md = rendered[(path.name, lang)]
    data = html_file.read_bytes()
    raw = data.decode("utf-8")
    assert raw.startswith("<!DOCTYPE html>\n")
    root = parse_strict(data)  # raises on any HTML5 parse error

    # The registry's BCP 47 tag, as the DOCX proofing language and the PDF's /Lang.
    assert root.tag == "html" and root.get("lang") == TAGS[lang]
    head = root.find("head")
    assert head is not None
    assert head.find("meta[@charset='utf-8']") is not None
    viewport = head.find("meta[@name='viewport']")
    assert viewport is not None and "width=device-width" in (viewport.get("content") or "")
    title = head.find("title")
    assert title is not None and (title.text or "").strip()

    # One h1, then levels that never skip.
    headings = [el for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
    levels = [int(el.tag[1]) for el in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, (before, after)

    # Tables: a name, column headers with a scope.
    tables = list(root.iter("table"))
    assert tables
    for table in tables:
        caption = table.find("caption")
        assert (caption is not None and text_of(caption)) or table.get("aria-label")
        head_cells = table.findall("thead/tr/th")
        assert head_cells and all(th.get("scope") == "col" for th in head_cells)
        assert all(th.get("scope") for th in table.iter("th"))
        assert table.findall("tbody/tr")

    # Ids are unique; the contents link to headings that exist.
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    nav = root.find(".//nav")
    assert nav is not None
    links = [a.get("href") or "" for a in nav.iter("a")]
    assert len(links) >= 5 and all(h.startswith("#") for h in links)
    heading_ids = {el.get("id") for el in headings}
    assert all(h[1:] in heading_ids for h in links)
    every_anchor = [a.get("href") or "" for a in root.iter("a")]
    assert all(h[1:] in ids for h in every_anchor if h.startswith("#"))
    assert all(re.match(r"(#|https?://|mailto:|tel:)", h) for h in every_anchor)

    # Self-contained: nothing that fetches or runs.
    tags = {el.tag for el in root.iter()}
    assert not tags & FETCHING
    assert len(root.findall(".//style")) == 1
    lowered = raw.lower()
    for needle in ("src=", "@import", "url(", "<script", "<link", "srcset", "@font-face"):
        assert needle not in lowered, needle


# --- content -------------------------------------------------------------------------------------


def _must_find(project_path: Path, lang: str) -> list[str]:
    """Facts every language must show: organisation, authority, headings, processors, cookies."""
    from wizard.catalog.authorities import authority

    project = load_project(project_path)
    document = build_document(project, lang)
    facts = [project.organisation.legal_name]
    facts += [h.numbered_text for h in document.headings()]
    facts += [r.name for r in project.recipients]
    if project.cookies.used:
        facts += [c.name for c in project.cookies.items]
    if project.authority.catalog_id:
        found = authority(project.authority.catalog_id)
        assert found is not None
        facts += [found.name(lang), found.website]  # the official name in that language
    return [squash(f) for f in facts if f]


@pytest.mark.parametrize(("path", "lang"), CASES, ids=IDS)
def test_html_and_markdown_carry_the_facts(
    path: Path, lang: str, rendered: dict[tuple[str, str], tuple[Path, Path]]
) -> None:
    html_file, md_file = rendered[(path.name, lang)]
    facts = _must_find(path, lang)
    if lang == "en":
        facts += expected_facts(load_project(path))
    html_seen = text_of(parse_strict(html_file.read_bytes()))
    md_seen = markdown_visible_text(md_file.read_text(encoding="utf-8"))
    for name, seen in (("html", html_seen), ("md", md_seen)):
        missing = [fact for fact in facts if fact not in seen]
        assert not missing, f"{name} lacks: {missing}"


def test_html_shows_organisation_date_and_version(
    rendered: dict[tuple[str, str], tuple[Path, Path]],
) -> None:
    html_file, md_file = rendered[("telehealth-startup.privacy.json", "en")]
    root = parse_strict(html_file.read_bytes())
    header = root.find(".//header")
    footer = root.find(".//footer")
    assert header is not None and footer is not None
    assert "Klarblick Health GmbH" in text_of(header)
    assert "Version 2.1, effective 15 November 2026" in text_of(header)
    assert text_of(footer) == "Klarblick Health GmbH · Effective 15 November 2026"
    title = root.find("head/title")
    assert title is not None and title.text == "Privacy policy – Klarblick Health GmbH"
    raw = html_file.read_text(encoding="utf-8")
    # The print footer (page margin boxes), as in the DOCX and PDF footers.
    assert "@bottom-left" in raw and "counter(pages)" in raw
    md = md_file.read_text(encoding="utf-8")
    assert md.startswith("# Privacy policy\n")
    assert "Version 2.1, effective 15 November 2026" in md
    assert md.rstrip().endswith("*Klarblick Health GmbH · Effective 15 November 2026*")


def test_markdown_structure(rendered: dict[tuple[str, str], tuple[Path, Path]]) -> None:
    _html, md_file = rendered[("telehealth-startup.privacy.json", "de")]
    text = md_file.read_text(encoding="utf-8")
    document = build_document(load_project(EXAMPLES / "telehealth-startup.privacy.json"), "de")
    html = markdown_to_html(text)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert html.count("<table>") == len(tables)
    assert html.count("<h1>") == 1
    assert html.count("<h2>") == len(document.headings(2))
    assert html.count("<h3>") == len(document.headings(3))
    assert '<a href="mailto:' in html and '<a href="https://' in html
    assert "<blockquote>" in html  # the right to object stands out
    assert "<li>" in html


# --- hostile text --------------------------------------------------------------------------------


def test_hostile_text_comes_out_literally(tmp_path: Path) -> None:
    path = hostile_project_file(tmp_path)
    out = tmp_path / "out"
    assert (
        main(["render", str(path), "--lang", "en", "--format", "html,md", "--out", str(out)]) == 0
    )
    raw_html = (out / "privacy-policy-en.html").read_bytes()
    root = parse_strict(raw_html)
    seen = text_of(root)
    assert seen.count(HOSTILE) >= 10
    assert " 49 " not in seen
    assert root.find(".//b") is None  # the user's <b> is text, not an element
    assert b"{{" not in raw_html  # not even for a template engine the page is pasted into
    author = root.find("head/meta[@name='author']")
    assert author is not None and author.get("content") == HOSTILE
    title = root.find("head/title")
    assert title is not None and HOSTILE in (title.text or "")

    md = (out / "privacy-policy-en.md").read_text(encoding="utf-8")
    assert "{{" not in md and "<b>" not in md
    html = markdown_to_html(md)
    assert "<b>" not in html
    visible = markdown_visible_text(md)
    assert visible.count(HOSTILE) >= 10
    assert " 49 " not in visible


def _tiny(blocks: tuple[object, ...], organisation: str = "Org") -> Document:
    return Document(
        lang="en",
        title="Privacy policy",
        organisation=organisation,
        effective_date="1 March 2026",
        version="1.0",
        labels=Labels("Page {page} of {pages}", "Effective 1 March 2026", "Contents"),
        blocks=blocks,  # type: ignore[arg-type]
    )


def test_markdown_escapes_what_markdown_would_read_as_markup() -> None:
    nasty = [
        "a | b",
        "*not emphasis* and _not either_",
        "[not a link](https://example.org)",
        "# not a heading",
        "1. not a list",
        "- not a bullet",
        "+ not a bullet",
        "= not an underline",
        "<em>not html</em>",
        "&amp; stays &amp;",
        "`not code`",
        "~~not struck~~",
        "back\\slash",
        "{% raw %}{{ x }}",
    ]
    rows = tuple(
        (
            Cell(
                ((Span(t),),),
            ),
            Cell(
                ((Span(t, bold=True),),),
            ),
        )
        for t in nasty
    )
    doc = _tiny(
        (
            Heading(1, (Span("Privacy policy"),), "", "top"),
            *(Paragraph((Span(t),)) for t in nasty),
            ListBlock(tuple((Span(t),) for t in nasty)),
            Table((Cell(((Span("A|B"),),)), Cell(((Span("C"),),))), rows),
        )
    )
    md = markdown_text(doc)
    html = markdown_to_html(md).split("<hr />")[0]  # the closing line is emphasised
    assert html.count("<table>") == 1
    assert html.count("<tr>") == len(nasty) + 1  # one row per line: no pipe split a row
    assert html.count("<td>") == 2 * len(nasty)
    for tag in ("<em>", "<code>", "<s>", "<del>", "<h2>", "<ol>", "<a "):
        assert tag not in html, tag
    assert html.count("<h1>") == 1 and html.count("<ul>") == 1
    visible = markdown_visible_text(md)
    for t in nasty:
        assert visible.count(t) == 4, t  # paragraph, list item, two table cells
    assert escape_text("a|b*c") == "a\\|b\\*c"


def test_unsafe_links_lose_their_target_but_keep_their_words() -> None:
    doc = _tiny(
        (
            Heading(1, (Span("Privacy policy"),), "", "top"),
            Paragraph(
                (
                    Span("click", href="javascript:alert(1)"),
                    Span(" "),
                    Span("here", href="data:text/html,x"),
                    Span(" "),
                    Span("site", href="www.example.org"),
                    Span(" "),
                    Span("mail", href="mailto:a@example.org"),
                    Span(" "),
                    Span("nowhere", href="#missing"),
                )
            ),
        )
    )
    html = html_text(doc)
    root = parse_strict(html.encode())
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ["https://www.example.org", "mailto:a@example.org"]
    assert "click here site mail nowhere" in text_of(root)
    md = markdown_text(doc)
    assert "javascript:" not in md and "data:" not in md
    assert "[site](<https://www.example.org>)" in md


def test_forbidden_characters_are_dropped_not_fatal() -> None:
    doc = _tiny(
        (
            Heading(1, (Span("Privacy policy"),), "", "top"),
            Paragraph((Span("bell\x07 nul\x00 surrogate\ud800 end\ufffe"),)),
        ),
        organisation="Org\x0b",
    )
    html = html_text(doc)
    parse_strict(html.encode("utf-8"))
    assert "bell nul surrogate end" in html
    markdown_text(doc).encode("utf-8")


def test_a_document_without_title_or_captions_still_has_its_structure() -> None:
    doc = _tiny(
        (
            Heading(3, (Span("Deep first"),), "", "a b"),  # a level too deep, an odd anchor
            Table((), ((Cell(((Span("x"),),)),),)),
            Heading(2, (Span("Second"),), "1", "a b"),  # the same anchor again
            Heading(2, (Span("Third"),), "2", "top"),  # the id of the added title
        )
    )
    root = parse_strict(html_text(doc).encode())
    levels = [el.tag for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
    assert levels == ["h1", "h2", "h2", "h2", "h2"]  # the title, "Contents", the sections
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    table = root.find(".//table")
    assert table is not None and table.get("aria-label")
    assert all(th.get("scope") == "col" for th in table.iter("th"))


def test_files_are_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = build_document(load_project(EXAMPLES / "software-company.privacy.json"), "fr")
    html_path, md_path = tmp_path / "p.html", tmp_path / "p.md"
    render_html(document, html_path)
    render_markdown(document, md_path)
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md_path.read_text(encoding="utf-8").startswith("# Politique de confidentialité")
    before = html_path.read_bytes()

    def broken(_data: bytes) -> bytes:
        raise OSError("disk full")

    import wizard.fileio

    real_fdopen = wizard.fileio.os.fdopen

    class _Failing:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self._handle = real_fdopen(*args, **kwargs)  # type: ignore[call-overload]

        def __enter__(self) -> _Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, data: bytes) -> int:
            broken(data)
            return 0

    monkeypatch.setattr(wizard.fileio.os, "fdopen", _Failing)
    with pytest.raises(OSError, match="disk full"):
        render_html(document, html_path)
    monkeypatch.undo()
    assert html_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.html", "p.md"]


def test_the_strict_parse_really_is_strict() -> None:
    """The validity test above can fail: html5lib in strict mode rejects a stray end tag."""
    with pytest.raises(html5lib.html5parser.ParseError):
        parse_strict(b"<!DOCTYPE html><html lang=en><title>x</title><p>a</b></p>")


def test_format_1_project_files_choose_html_and_markdown(tmp_path: Path) -> None:
    """The new formats are new values of an existing field: a format 1 file may name them, and
    it loads (migrated to the current format) with them chosen."""
    from wizard.model import project_schema, save_project
    from wizard.model.answers import OutputFormat
    from wizard.model.project_file import FORMAT_VERSION

    schema = project_schema()
    assert schema["$defs"]["OutputFormat"]["enum"] == ["docx", "pdf", "html", "md"]
    raw = (EXAMPLES / "telehealth-startup.privacy.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    data["format_version"] = 1  # as a file of format 1 has it: no history yet
    del data["history"]
    del data["publication"]["show_history"]
    data["publication"]["formats"] = ["html", "md"]
    path = tmp_path / "web.privacy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    project = load_project(path)
    assert project.publication.formats == [OutputFormat.HTML, OutputFormat.MARKDOWN]
    save_project(project, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == FORMAT_VERSION
    assert saved["publication"]["formats"] == ["html", "md"]
    out = tmp_path / "out"
    assert main(["render", str(path), "--lang", "de", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "privacy-policy-de.html",
        "privacy-policy-de.md",
    ]
