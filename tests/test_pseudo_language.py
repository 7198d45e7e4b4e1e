"""A fifth language is one registration: a pseudo language (``en-XA``, accented and lengthened
English made at test time, its catalogues compiled into a temporary folder) goes through the
model, the translation check, the four renderers, the notice for children, ``check`` and
``diff`` with no other file changed. What its registration leaves out (the reading limits of
the children's notice, the articles before a name) comes from the registry's defaults."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.projects import EXAMPLES, ROOT
from tests.readback import docx_paragraphs, pdf_text, policy_docx_text, squash
from wizard import languages
from wizard.cli import main
from wizard.documents import build
from wizard.documents.readability import measure
from wizard.flow import translation_gaps
from wizard.i18n import DOMAINS, pseudo, translation
from wizard.languages import LANGUAGES, Citation, Language, NameArticles, Readability
from wizard.law.elements import article_ref
from wizard.model.answers import Project
from wizard.model.project_file import load_project, save_project
from wizard.output import render_bytes
from wizard.policy.document import Paragraph
from wizard.policy.grammar import name_in_sentence

CODE = "en-XA"
EXAMPLE = EXAMPLES / "physiotherapy-practice.privacy.json"


def _compile_catalogues(folder: Path) -> None:
    """Every message of the templates (``translations/*.pot``) as its pseudo form."""
    for domain in DOMAINS:
        with (ROOT / "translations" / f"{domain}.pot").open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                message.string = tuple(pseudo(part) for part in message.id)
            else:
                message.string = pseudo(message.id)
        target = folder / CODE / "LC_MESSAGES" / f"{domain}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, catalog)


@pytest.fixture
def pseudo_language(tmp_path: Path) -> Iterator[Language]:
    folder = tmp_path / "locale"
    _compile_catalogues(folder)
    language = Language(
        CODE,
        "en_GB",
        CODE,
        "Pseudo-English",
        "Ëñglîsh",
        Citation("Àrt. {}", "§{}", "‹{}›", " "),
        catalogues=folder,
    )
    languages.register(language)
    try:
        yield language
    finally:
        languages.unregister(CODE)


def _with_pseudo_texts(data: Any) -> Any:
    """``data`` (a project as JSON) with every English text also written in the pseudo
    language, the history of published versions left as it was."""
    if isinstance(data, dict):
        texts = all(k in LANGUAGES and isinstance(v, str) for k, v in data.items())
        if data and "en" in data and texts:
            return {**data, CODE: pseudo(data["en"]) if data["en"] else ""}
        return {k: v if k == "history" else _with_pseudo_texts(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_pseudo_texts(item) for item in data]
    return data


def _pseudo_project(tmp_path: Path, name: str = "project") -> Path:
    project = load_project(EXAMPLE)
    data = json.loads(project.model_dump_json())
    data = _with_pseudo_texts(data)
    data["publication"]["languages"] = ["en", CODE]
    path = tmp_path / f"{name}.privacy.json"
    save_project(Project.model_validate(data), path)
    return path


def test_the_registry_speaks_the_four_languages_by_default() -> None:
    assert tuple(LANGUAGES) == ("en", "nl", "fr", "de")
    assert CODE not in LANGUAGES


def test_a_registered_language_is_a_language_of_the_model(
    pseudo_language: Language, tmp_path: Path
) -> None:
    path = _pseudo_project(tmp_path)
    project = load_project(path)
    assert project.publication.languages == ["en", CODE]
    assert project.purposes[0].name.get(CODE) == pseudo(project.purposes[0].name.get("en"))
    save_project(project, tmp_path / "again.privacy.json")
    assert load_project(tmp_path / "again.privacy.json") == project
    assert translation_gaps(project, CODE) == []
    assert article_ref("13(2)(f)", CODE) == "Àrt. 13 §2 ‹f›"


def test_the_translation_check_names_a_text_missing_in_it(
    pseudo_language: Language, tmp_path: Path
) -> None:
    project = load_project(_pseudo_project(tmp_path))
    purpose = project.purposes[0]
    purpose.name = type(purpose.name)({"en": purpose.name.get("en")})
    gaps = translation_gaps(project, CODE)
    assert [gap.field for gap in gaps] == [f"purposes[0].name.{CODE}"]
    assert "in Pseudo-English" in gaps[0].text()


def test_all_four_formats_are_written_in_it(pseudo_language: Language, tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = _pseudo_project(tmp_path)
    formats = "docx,pdf,html,md"
    status = main(["render", str(path), "--lang", CODE, "--format", formats, "--out", str(out)])
    assert status == 0
    title = translation("policy", CODE).gettext("Privacy policy")
    assert title == pseudo("Privacy policy")
    purpose = pseudo(load_project(EXAMPLE).purposes[0].name.get("en"))

    html = (out / f"privacy-policy-{CODE}.html").read_text(encoding="utf-8")
    assert f'<html lang="{CODE}">' in html
    assert f'<h1 id="top">{title}</h1>' in html
    assert purpose in html
    assert "Privacy policy" not in html

    markdown = (out / f"privacy-policy-{CODE}.md").read_text(encoding="utf-8")
    # Markdown escapes the pseudo form's brackets and tildes.
    assert markdown.startswith(f"# \\[{title.strip('[]~')}")
    assert purpose.strip("[]~") in markdown
    assert "Privacy policy" not in markdown

    document = docx.Document(io.BytesIO((out / f"privacy-policy-{CODE}.docx").read_bytes()))
    paragraphs = [p.text for p in document.paragraphs]
    assert title in paragraphs
    assert f'w:val="{CODE}"' in document.styles.element.xml

    pdf = out / f"privacy-policy-{CODE}.pdf"
    text = pdf_text(pdf, "-layout")
    assert title.strip("[]~") in text
    assert f"/Lang ({CODE})".encode() in pdf.read_bytes()


def test_check_and_diff_speak_it(
    pseudo_language: Language, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _pseudo_project(tmp_path, "old")
    project = load_project(old)
    project.organisation.email = "privacy@example.org"
    new = tmp_path / "new.privacy.json"
    save_project(project, new)

    assert main(["check", str(new), "--lang", CODE]) in (0, 1)
    checked = capsys.readouterr().out
    assert main(["check", str(new), "--lang", "en"]) in (0, 1)
    english = capsys.readouterr().out
    assert checked != english
    assert "~~]" in checked

    assert main(["diff", str(old), str(new), "--lang", CODE]) == 0
    changed = capsys.readouterr().out
    assert "privacy@example.org" in changed
    assert "~~]" in changed
    assert main(["diff", str(old), str(new), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "privacy@example.org" in english
    assert "~~]" not in english


def test_what_it_leaves_out_comes_from_the_registrys_defaults(
    pseudo_language: Language, tmp_path: Path
) -> None:
    # Registered without readability limits or name articles: the defaults apply.
    assert pseudo_language.readability == Readability()
    assert pseudo_language.name_articles == NameArticles()
    project = load_project(_pseudo_project(tmp_path))
    name = project.organisation.legal_name
    assert name_in_sentence(name, CODE) == name  # a name as it is, as in English
    lead = pseudo(
        "This privacy policy explains how {org} processes your personal data in connection "
        "with {services}: which data we process, why, on what legal basis, with whom we share "
        "them and how long we keep them. It also explains your rights and how to exercise them."
    )
    text = policy_docx_text(project, CODE)
    assert lead.split("{org}")[0] + name + " " in text

    # The notice for children is written in it and measured against the default limits.
    project.children.targets_children = True
    document = build(project, "notice-children", CODE)
    title = pseudo("Your privacy: the short version")
    assert translation("documents", CODE).gettext("Your privacy: the short version") == title
    assert docx_paragraphs(render_bytes(document, "docx"))[0] == title
    assert title.strip("[]~") in squash(pdf_text(render_bytes(document, "pdf")))
    assert "Your privacy" not in document.text()
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.role != "meta"]
    reading = measure(paragraphs)
    assert reading.words > 30
    defaults = Readability()
    assert reading.fits(CODE) == (
        reading.words_per_sentence <= defaults.words_per_sentence
        and reading.letters_per_word <= defaults.letters_per_word
    )


def test_its_own_articles_and_limits_are_read_from_its_registration(
    pseudo_language: Language, tmp_path: Path
) -> None:
    project = load_project(_pseudo_project(tmp_path))
    name = project.organisation.legal_name  # "Fysiotherapie De Linde B.V."
    articles = NameArticles(nouns=(("thë", ("therapie",)),), compounds=True)
    languages.register(replace(pseudo_language, name_articles=articles))
    assert name_in_sentence(name, CODE) == f"thë {name}"
    assert f"thë {name} " in policy_docx_text(project, CODE)
    # A legal form anywhere in the name makes it a company's: no article.
    languages.register(
        replace(pseudo_language, name_articles=replace(articles, legal_forms=("b.v.",)))
    )
    assert name_in_sentence(name, CODE) == name

    project.children.targets_children = True
    document = build(project, "notice-children", CODE)
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.role != "meta"]
    reading = measure(paragraphs)
    languages.register(replace(pseudo_language, readability=Readability(1.0, 1.0)))
    assert not reading.fits(CODE)
    languages.register(replace(pseudo_language, readability=Readability(100.0, 100.0)))
    assert reading.fits(CODE)
