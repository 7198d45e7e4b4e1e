"""The short notice ("privacy at a glance"): one page that points to the full policy, and the
version written for children where the service is directed at them.

The notice must stay on one A4 page however many purposes and recipients the project has, in
the PDF and in the DOCX as a word processor lays it out. The page cannot be measured without a
word processor, so :func:`estimated_lines` counts lines the way the DOCX lays them out (about
92 characters of body text to a line, a little space after each paragraph and list item) and
:func:`build_notice` shortens the two lists, the longer first, to "and N more (see the full
privacy policy)" until the estimate fits :data:`PAGE_LINES`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from wizard.documents.common import document, render_blocks
from wizard.i18n import translation
from wizard.model.answers import Project
from wizard.policy.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    QrCode,
    link_target,
    plain,
)
from wizard.policy.engine import facts

#: Characters of body text on one line of the A4 page (16.6 cm at 10.5 pt), with a margin for
#: words that do not fit at the end of a line.
LINE_CHARS = 90
#: Lines of body text one page holds below the title, with the QR code and the footer.
PAGE_LINES = 57.0
#: The height of the DRAFT mark under the title of a draft.
DRAFT_LINES = 3.0
#: A list is never shortened below this many items.
FEWEST_SHOWN = 3


def _text_lines(text: str, width: int) -> float:
    return float(max(1, math.ceil(len(text) / width)))


def estimated_lines(blocks: Iterable[Block]) -> float:
    """The height of ``blocks`` in lines of body text, as the DOCX and PDF lay them out."""
    total = 0.0
    for block in blocks:
        if isinstance(block, Heading):
            total += 3.5 if block.level == 1 else 2.0
        elif isinstance(block, Paragraph) and block.role == "lead":  # larger type
            total += _text_lines(block.text, LINE_CHARS * 4 // 5) * 1.2 + 1.0
        elif isinstance(block, Paragraph):
            total += _text_lines(block.text, LINE_CHARS) + 0.6
        elif isinstance(block, ListBlock):
            total += sum(_text_lines(plain(item), LINE_CHARS - 5) + 0.5 for item in block.items)
            total += 0.3
        elif isinstance(block, QrCode):
            total += 3.0  # beside the last paragraph, it is taller than two lines of text
    return total


def build_notice(
    project: Project, lang: str, children: bool = False, draft: bool = False
) -> Document:
    """The short notice of ``project`` in ``lang`` (the children's version with ``children``),
    on one page: long lists of purposes and recipients end in "and N more". A ``draft`` leaves
    room for the DRAFT mark :func:`wizard.documents.as_draft` adds under the title."""
    context = facts(project, lang)
    url = link_target(project.publication.policy_url)
    context["policy_url"] = url
    words = translation("documents", lang)
    template = "notice/children.html.j2" if children else "notice/notice.html.j2"
    qr: tuple[Block, ...] = ()
    if url:
        alt = words.gettext("QR code leading to the full privacy policy: {url}")
        qr = (QrCode(url, alt.replace("{url}", url)),)
    purposes: list[Any] = list(context["purposes"])
    recipients: list[Any] = list(context["recipients"])
    shown = [len(purposes), len(recipients)]

    def render() -> tuple[Block, ...]:
        for key, items, count in (
            ("purposes", purposes, shown[0]),
            ("recipients", recipients, shown[1]),
        ):
            context[key] = items[:count]
            context[f"more_{key}"] = len(items) - count
        return (*render_blocks(template, lang, context), *qr)

    blocks = render()
    room = PAGE_LINES - (DRAFT_LINES if draft else 0.0)
    while estimated_lines(blocks) > room and max(shown) > FEWEST_SHOWN:
        longer = 0 if shown[0] >= shown[1] else 1
        total = len(purposes) if longer == 0 else len(recipients)
        # "and 1 more" would take the line the item itself takes: hide two at least.
        shown[longer] = min(shown[longer] - 1, total - 2)
        blocks = render()
    title = (
        words.gettext("Your privacy: the short version")
        if children
        else words.gettext("Privacy at a glance")
    )
    subject = context["org"]["in_sentence"].fill(
        words.gettext("A summary of how {organisation} processes personal data"), "{organisation}"
    )
    return document(project, lang, title, subject, blocks)
