"""A name, an address or a safeguard that ends with its own full stop ("Example B.V.") is not
followed by a second one where the sentence ends with it, in any document or language."""

from __future__ import annotations

import re

import pytest

from tests.projects import EXAMPLE_FILES, example
from wizard import languages
from wizard.documents import build
from wizard.policy.typography import full_stop_after
from wizard.render.markdown import markdown_text

#: Two full stops in a row that are not part of an ellipsis.
DOUBLED = re.compile(r"(?<![.])\.\.(?![.])")

VARIANTS = ("policy", "notice", "notice-children", "records", "consent")


def test_a_full_stop_follows_only_text_that_does_not_end_a_sentence() -> None:
    assert full_stop_after("Example B.V.") == ""
    assert full_stop_after("Yahoo!") == ""
    assert full_stop_after("Example GmbH") == "."


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name.split(".")[0])
@pytest.mark.parametrize("lang", list(languages.LANGUAGES))
def test_no_sentence_ends_in_two_full_stops(path, lang: str) -> None:
    project = example(path.name.split(".")[0])
    project.organisation.legal_name = "Zorg & Co. B.V."
    project.children.targets_children = True
    project.publication.languages = [lang]
    for variant in VARIANTS:
        text = markdown_text(build(project, variant, lang))
        assert "Zorg & Co. B.V." in text, variant
        doubled = [text[max(0, m.start() - 60) : m.end() + 20] for m in DOUBLED.finditer(text)]
        assert not doubled, (variant, doubled)
