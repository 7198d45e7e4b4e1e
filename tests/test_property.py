"""Property: any project that loads renders in every language and format, all files or none, and
the user's text is there to read.

Projects come from ``tests/hostile_projects.py`` (the examples with free-text fields replaced by up
to 10,000 characters of right-to-left scripts, emoji, combining marks, control characters,
markup and template syntax). Each example renders the four languages as HTML and Markdown and one
drawn language as DOCX and PDF, through the generation service, into a folder that already holds
an older set: no exception, every file of a set or none, and the legal name's words readable in
the DOCX, HTML and Markdown. A few hundred examples keep the run near a minute;
``scripts/fuzz.py --minutes N`` runs the same property for longer, every language in every
format.
"""

from __future__ import annotations

import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.hostile_projects import hostile_projects, visible_words
from tests.projects import EXAMPLE_FILES
from tests.readback import docx_text
from wizard.model.answers import LANGUAGES
from wizard.model.project_file import ProjectFileError, loads_project
from wizard.output import GenerationError, file_name, generate

EXAMPLE = EXAMPLE_FILES[0]

#: Words longer than this may be broken with invisible break opportunities by a renderer (so a
#: table cell can wrap); they are checked by their start.
_CHECKED_LENGTH = 40


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.parts)


def readable(fmt: str, data: bytes) -> str | None:
    """What a reader sees in a file (NFC), for the formats whose text is read back here."""
    if fmt == "html":
        text = html_text(data)
    elif fmt == "md":
        text = html_text(MarkdownIt("commonmark").render(data.decode("utf-8")).encode("utf-8"))
    elif fmt == "docx":
        text = docx_text(data)
    else:
        return None
    return unicodedata.normalize("NFC", text)


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def check_rendering(
    text: str,
    name: str,
    calls: list[tuple[list[str], list[str]]],
    folder: Path,
    processes: int = 1,
) -> list[str]:
    """Generate each ``(languages, formats)`` of ``calls`` for the project ``text`` into
    ``folder`` (which already holds an older set) and check the property. Returns the
    reasons of the generations that were refused (a project that does not load, a policy that
    cannot be written); each one left the folder as it was."""
    try:
        project = loads_project(text, source="hostile.privacy.json")
    except ProjectFileError:
        return ["does not load"]
    for langs, fmts in calls:
        for lang in langs:
            for fmt in fmts:
                (folder / file_name(lang, fmt)).write_bytes(b"older version")
    refused = []
    words = [w[:_CHECKED_LENGTH] for w in visible_words(name)]
    for langs, fmts in calls:
        before = _listing(folder)
        try:
            # A draft: the property is about rendering, not about the publication gate; and
            # about the policy (the examples the projects grow from choose all four documents).
            written = generate(
                project, folder, langs, fmts, ["policy"], processes=processes, draft=True
            )
        except GenerationError as exc:
            assert _listing(folder) == before, "a failed generation changed the folder"
            message = str(exc)
            if "cannot write the policy in" in message:
                refused.append("policy refused")  # e.g. a text left empty in one language
                continue
            raise
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(before), "exactly the set, no temporary file or staging folder"
        for path in written:
            data = path.read_bytes()
            assert data != b"older version", path.name
            seen = readable(path.suffix.lstrip("."), data)
            if seen is None:
                continue
            missing = [w for w in words if w not in seen]
            assert not missing, f"{path.name}: the legal name's words {missing[:3]} are not shown"
    return refused


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(project=hostile_projects(), lang=st.sampled_from(LANGUAGES))
def test_hostile_projects_render_completely(project: tuple[str, str], lang: str) -> None:
    text, name = project
    calls = [(list(LANGUAGES), ["html", "md"]), ([lang], ["docx", "pdf"])]
    with tempfile.TemporaryDirectory() as tmp:
        for reason in check_rendering(text, name, calls, Path(tmp)):
            event(reason)
