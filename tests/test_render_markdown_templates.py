"""Markdown that goes through a static site generator's template language unharmed.

Jekyll (Liquid), Hugo and many Jinja2-based generators run their template language over a page
*before* Markdown sees it. A backslash does not hide ``{%`` or ``{{`` from them, so user text
must reach them with no brace at all: in running text, in table cells, in headings and in link
targets. Checked with a real Liquid implementation (python-liquid) and with Jinja2.
"""

from __future__ import annotations

import html as html_module

import jinja2
import liquid
import pytest
from markdown_it import MarkdownIt

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
from wizard.render.markdown import escape_text, markdown_text

#: What a template engine would evaluate, fail on, or drop (Liquid, Jinja2, Hugo forms).
TEMPLATE_TEXT = [
    "{{ site.title }}",
    "{{7*7}}",
    "{% include secrets.txt %}",
    "{%- raw -%}x{%- endraw -%}",
    "{# a comment #}",
    "{{- .Site.Title -}}",
    "a } lone { brace",
    r"\{% already escaped? %\}",
    "&#123;% spelled out %&#125;",
]
LINK = "https://example.org/{{site.title}}/{%25x%25}?q={%raw%}"


def _document() -> Document:
    spans = tuple(Span(t + " ") for t in TEMPLATE_TEXT)
    return Document(
        lang="en",
        title="Privacy policy {{ site.title }}",
        organisation="{% if true %}Org{% endif %}",
        effective_date="1 March 2026",
        version="1.0",
        labels=Labels("Page {page} of {pages}", "Effective {{ date }}", "Contents"),
        blocks=(
            Heading(1, (Span("Privacy policy {{ page.title }}"),), "", "top"),
            Heading(2, (Span("{% comment %}Section"),), "1", "s1"),
            Paragraph(spans),
            Paragraph((Span("{{ link text }}", href=LINK),)),
            ListBlock(tuple((Span(t),) for t in TEMPLATE_TEXT)),
            Table(
                (Cell(((Span("{{ a }}"),),)), Cell(((Span("{% b %}"),),))),
                tuple(
                    (Cell(((Span(t),),)), Cell(((Span(t, bold=True, href=LINK),),)))
                    for t in TEMPLATE_TEXT
                ),
            ),
        ),
    )


def _visible(md: str) -> str:
    return MarkdownIt("commonmark").enable(["table"]).render(md)


def test_markdown_holds_no_brace_for_a_template_engine() -> None:
    md = markdown_text(_document())
    assert "{" not in md and "}" not in md


def test_liquid_leaves_the_markdown_as_it_is() -> None:
    md = markdown_text(_document())
    out = liquid.Template(md).render(site={"title": "EVALUATED"}, page={"title": "EVALUATED"})
    assert out == md
    assert "EVALUATED" not in out


def test_jinja2_leaves_the_markdown_as_it_is() -> None:
    md = markdown_text(_document())
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    out = env.from_string(md).render(site={"title": "EVALUATED"}, date="EVALUATED")
    assert out == md


@pytest.mark.parametrize("text", TEMPLATE_TEXT)
def test_a_reader_still_sees_the_braces(text: str) -> None:
    html = _visible(markdown_text(_document()))
    # Markdown turns the character references back into braces on the page.
    seen = html_module.unescape(html)
    assert seen.count(text) >= 3  # running text, list item, table cells


def test_link_targets_keep_their_braces_percent_encoded() -> None:
    html = _visible(markdown_text(_document()))
    target = "https://example.org/%7B%7Bsite.title%7D%7D/%7B%25x%25%7D?q=%7B%25raw%25%7D"
    assert html.count(f'href="{target}"') == 1 + len(TEMPLATE_TEXT)


def test_escape_text_spells_braces_as_character_references() -> None:
    assert escape_text("{{ x }}") == "&#123;&#123; x &#125;&#125;"
    # A user's own reference is shown as typed, not decoded into a brace.
    assert "&#123;" not in escape_text("&#123;")
