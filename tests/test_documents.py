"""The short notice, the record of processing activities and the consent texts: what a reader
looks for, in every language and every format, read back from the files."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.projects import EXAMPLE_FILES, EXAMPLES, TRANSLATED
from tests.readback import docx_text, flat, html_visible_text, pdf_text
from wizard import flow, languages
from wizard.cli import main
from wizard.documents import KINDS, build, outputs
from wizard.documents.consent import consent_purposes
from wizard.documents.readability import measure
from wizard.documents.records_check import record_findings
from wizard.i18n import translation
from wizard.model import load_project
from wizard.model.answers import LANGUAGES, LocalText, Project, Safeguard, Security, SecurityMeasure
from wizard.output import output_jobs, write_output
from wizard.policy.document import Document, ListBlock, Paragraph, QrCode, Table, plain
from wizard.policy.engine import PolicyError

LANGS = list(LANGUAGES)
TELEHEALTH = EXAMPLES / "telehealth-startup.privacy.json"


def _d(lang: str) -> object:
    return translation("documents", lang).gettext


def _more(lang: str, count: int) -> str:
    """The last item of a shortened list in the notice."""
    words = translation("documents", lang)
    text = "and %(count)s more (see the full privacy policy)"
    return words.ngettext(text, text, count) % {"count": count}


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    assert match
    return int(match.group(1))


def _md_text(path: Path) -> str:
    """Markdown as a reader sees it: escapes and emphasis markers removed."""
    text = re.sub(r"\\(.)", r"\1", path.read_text(encoding="utf-8"))
    return flat(re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)", "", text))


@pytest.fixture(scope="module")
def telehealth_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every document of the telehealth example in every language and format."""
    out = tmp_path_factory.mktemp("documents")
    status = main(
        [
            "render",
            str(TELEHEALTH),
            "--document",
            "policy,notice,records,consent",
            "--format",
            "docx,pdf,html,md",
            "--out",
            str(out),
        ]
    )
    assert status == 0
    return out


# --- file names and the choice of documents -------------------------------------------------------


def test_file_names_per_document(telehealth_files: Path) -> None:
    names = {p.name for p in telehealth_files.iterdir()}
    for lang in LANGS:
        for fmt in ("docx", "pdf", "html", "md"):
            for stem in (
                "privacy-policy",
                "privacy-notice",
                "records-of-processing",
                "consent-texts",
            ):
                assert f"{stem}-{lang}.{fmt}" in names
        assert f"records-of-processing-{lang}.xlsx" in names
        # The notice and the consent texts also as snippets to paste into a site.
        for stem in ("privacy-notice", "consent-texts"):
            assert {f"{stem}-{lang}.snippet.html", f"{stem}-{lang}.snippet.md"} <= names
    assert not any(".snippet." in n and n.startswith(("privacy-policy", "records")) for n in names)
    # Only the record is a spreadsheet; the children's notice only where children are targeted.
    assert not any(n.endswith(".xlsx") and not n.startswith("records-") for n in names)
    assert not any(n.startswith("privacy-notice-children") for n in names)


def test_default_document_is_the_policy() -> None:
    project = Project()
    jobs = output_jobs(project, "out", ["en"], ["pdf"])
    assert [j.path.name for j in jobs] == ["privacy-policy-en.pdf"]


def test_children_notice_joins_the_notice_when_children_are_targeted() -> None:
    project = load_project(TELEHEALTH)
    assert [o.stem for o in outputs(project, "notice")] == ["privacy-notice"]
    project.children.targets_children = True
    assert [o.stem for o in outputs(project, "notice")] == [
        "privacy-notice",
        "privacy-notice-children",
    ]


def test_unknown_document_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["render", str(TELEHEALTH), "--document", "leaflet", "--out", str(tmp_path)])
    assert status == 2
    assert "unknown document 'leaflet'" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
def test_examples_produce_all_four_documents(path: Path) -> None:
    """Every example has what the notice (the policy's address) and the record (security
    measures, internal recipients, date) need, in every language."""
    project = load_project(path)
    assert project.publication.policy_url and project.record.date
    # The example chooses all four, and its texts are complete for them in every language.
    assert [d.value for d in project.publication.documents] == list(KINDS)
    assert not any(flow.translation_gaps(project, lang) for lang in LANGS)
    project.children.targets_children = True  # the children's notice too
    jobs = output_jobs(project, "out", LANGS, ["pdf"], ["policy", "notice", "records", "consent"])
    variants = {(j.variant, j.lang) for j in jobs}
    assert len(variants) == 5 * len(LANGS)
    for variant, lang in variants:
        assert build(project, variant, lang).blocks
    assert not [f for f in record_findings(project) if f.severity == "error"]


# --- the short notice ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_notice_has_purposes_rights_authority_and_link(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    url = project.publication.policy_url
    assert url
    rights = {
        "en": ["right of access", "rectification", "erasure", "object", "withdraw"],
        "nl": ["recht op inzage", "rectificatie", "gegevenswissing", "bezwaar", "intrekken"],
        "fr": ["droit d'accès", "rectification", "effacement", "opposition", "retirer"],
        "de": ["Auskunft", "Berichtigung", "Löschung", "Widerspruchsrecht", "widerrufen"],
    }[lang]
    stem = telehealth_files / f"privacy-notice-{lang}"
    readers = {
        "pdf": flat(pdf_text(stem.with_suffix(".pdf"))),
        "docx": flat(docx_text(stem.with_suffix(".docx"), footers=True)),
        "md": _md_text(stem.with_suffix(".md")),
        "html": html_visible_text(stem.with_suffix(".html")),
    }
    # Every purpose is named, or counted in the "and N more" that points to the full policy.
    names = [flat(p.name.get(lang) or "") for p in project.purposes]
    shown = sum(name in readers["pdf"] for name in names)
    assert shown >= 4 and names[:shown] == [n for n in names if n in readers["pdf"]]
    more = _more(lang, len(names) - shown)
    for fmt, text in readers.items():
        for name in names[:shown]:
            assert name in text, (fmt, name)
        if shown < len(names):
            assert more in text, fmt
        for word in rights:
            assert word in text, (fmt, word)
        assert project.rights.email and project.rights.email in text, fmt
        assert "Berliner Beauftragte" in text, fmt
        assert url in text, fmt
    assert _pages(stem.with_suffix(".pdf")) == 1


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
def test_notice_fits_one_a4_page(path: Path, tmp_path: Path) -> None:
    project = load_project(path)
    for job in output_jobs(project, tmp_path, LANGS, ["pdf"], ["notice"]):
        write_output(project, job)
        assert _pages(job.path) == 1, job.path.name


def test_notice_prints_a_qr_code_to_the_policy(telehealth_files: Path) -> None:
    url = load_project(TELEHEALTH).publication.policy_url
    assert url
    document = build(load_project(TELEHEALTH), "notice", "de")
    codes = [b for b in document.blocks if isinstance(b, QrCode)]
    assert [c.target for c in codes] == [url]
    assert "QR-Code" in codes[0].alt
    # DOCX: a picture with the code's description as alt text.
    with zipfile.ZipFile(telehealth_files / "privacy-notice-de.docx") as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and z.read(media[0])[:8] == b"\x89PNG\r\n\x1a\n"
        assert url in z.read("word/document.xml").decode("utf-8")
    # HTML: an inline SVG titled with where it leads (no file, no network).
    html = (telehealth_files / "privacy-notice-de.html").read_text(encoding="utf-8")
    assert re.search(r"<svg[^>]*>\s*<title>QR-Code[^<]*" + re.escape(url), html)
    # PDF: drawn as vector squares (no image to embed).
    pdf = (telehealth_files / "privacy-notice-de.pdf").read_bytes()
    assert b"/Subtype /Image" not in pdf


def test_notice_without_a_policy_address_says_where_to_ask() -> None:
    project = load_project(TELEHEALTH)
    project.publication.policy_url = None
    document = build(project, "notice", "en")
    assert not [b for b in document.blocks if isinstance(b, QrCode)]
    assert f"Ask us for our full privacy policy at {project.organisation.email}." in document.text()


def _fragment(path: Path) -> str:
    """An HTML snippet, checked to be a fragment: one section, nothing of a whole page."""
    text = path.read_text(encoding="utf-8")
    for tag in ("<!doctype", "<html", "<head", "<body", "<style", "<script", "<link", "<meta"):
        assert tag not in text.lower(), (path.name, tag)
    assert text.startswith("<section ") and text.rstrip().endswith("</section>")
    return text


@pytest.mark.parametrize("lang", LANGS)
def test_notice_snippets_to_paste_into_a_site(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    full = html_visible_text(telehealth_files / f"privacy-notice-{lang}.html")
    snippet = _fragment(telehealth_files / f"privacy-notice-{lang}.snippet.html")
    assert f'lang="{languages.get(lang).tag}"' in snippet.split(">", 1)[0]
    # The page's own <h1> stays the only one: the notice's title is an <h2>, its parts <h3>.
    assert "<h1" not in snippet and snippet.count("<h2>") == 1 and snippet.count("<h3>") >= 5
    assert " id=" not in snippet and "<svg" not in snippet
    text = flat(html.unescape(re.sub(r"<[^>]+>", " ", snippet)))
    # What the reader of the full notice reads, in one piece (without the QR code and footer).
    assert text in full and project.rights.email and project.rights.email in text
    md = (telehealth_files / f"privacy-notice-{lang}.snippet.md").read_text(encoding="utf-8")
    assert md.startswith("## ") and "\n# " not in md and "\n---\n" not in md
    assert project.publication.policy_url and project.publication.policy_url in md


@pytest.mark.parametrize("lang", LANGS)
def test_consent_snippet_is_a_form_with_equal_buttons(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    d = translation("documents", lang).gettext
    snippet = _fragment(telehealth_files / f"consent-texts-{lang}.snippet.html")
    assert f'lang="{languages.get(lang).tag}"' in snippet.split(">", 1)[0]
    # One unticked checkbox per purpose on consent, its sentence as the label.
    boxes = re.findall(r"<label><input ([^>]*)> ([^<]*)</label>", snippet)
    consents = [b for b in boxes if 'name="consent-' in b[0]]
    assert len(consents) == len(consent_purposes(project))
    for (attrs, label), i in zip(consents, consent_purposes(project), strict=True):
        assert "checked" not in attrs
        assert (project.purposes[i].name.get(lang) or "") in html.unescape(label)
    assert flat(
        d("Withdrawing does not affect the lawfulness of the processing before the withdrawal.")
    ) in flat(html.unescape(snippet))
    # The banner: "Accept all" and "Reject all" as the same element with the same class.
    buttons = re.findall(
        r'<button type="button" class="([^"]*)" value="[^"]*">([^<]*)</button>', snippet
    )
    assert [label for _cls, label in buttons] == [
        html.escape(d("Accept all")),
        html.escape(d("Reject all")),
    ]
    assert buttons[0][0] == buttons[1][0]
    assert f"<summary>{html.escape(d('Cookie settings'))}</summary>" in snippet
    # Only the strictly necessary category is on, and it cannot be switched off.
    categories = re.findall(
        r'<input type="checkbox" name="cookies-\d+" value="on"([^>]*)>', snippet
    )
    assert [c.strip() for c in categories] == ["checked disabled", ""]
    md = (telehealth_files / f"consent-texts-{lang}.snippet.md").read_text(encoding="utf-8")
    assert md.startswith("## ") and d("Accept all") in md and d("Reject all") in md


# --- the children's notice -----------------------------------------------------------------------


def _own_sentences(document: Document) -> list[str]:
    """The paragraphs the document writes itself (lists hold the user's names)."""
    return [b.text for b in document.blocks if isinstance(b, Paragraph) and b.role != "meta"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
@pytest.mark.parametrize("lang", LANGS)
def test_children_notice_reads_easily(path: Path, lang: str) -> None:
    project = load_project(path)
    project.children.targets_children = True
    children = measure(_own_sentences(build(project, "notice-children", lang)))
    adult = measure(_own_sentences(build(project, "notice", lang)))
    assert children.fits(lang), children
    # The measure tells the two apart: the notice for grown-ups does not pass it.
    assert not adult.fits(lang), adult


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_children_notice_uses_the_informal_you(lang: str) -> None:
    project = load_project(TELEHEALTH)
    project.children.targets_children = True
    text = build(project, "notice-children", lang).text()
    informal, formal = {
        "nl": (r"\bje\b", r"\bu\b"),
        "fr": (r"\btu\b", r"\bvous\b"),
        "de": (r"\bdu\b", r"\bSie\b"),
    }[lang]
    assert re.search(informal, text)
    assert not re.search(formal, text)


# --- the record of processing activities ---------------------------------------------------------

ART_30 = {
    "en": ["30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)", "30(1)(g)"],
    "nl": [f"30 lid 1 sub {p}" for p in "abcdefg"],
    "fr": [f"30, paragraphe 1, point {p})" for p in "abcdefg"],
    "de": [f"30 Abs. 1 lit. {p}" for p in "abcdefg"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_record_has_every_item_of_article_30_for_every_activity(lang: str) -> None:
    project = load_project(TELEHEALTH)
    document = build(project, "records", lang)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    # (a) once for the controller, then one table per purpose with (b) to (g).
    assert len(tables) == 1 + len(project.purposes)
    controller = tables[0]
    assert ART_30[lang][0] in document.text()
    assert project.organisation.legal_name in controller.rows[0][1].text
    assert project.dpo and project.dpo.name in controller.rows[3][1].text
    for table, purpose in zip(tables[1:], project.purposes, strict=True):
        labels = [row[0].text for row in table.rows]
        # (c) has two rows: the data subjects, and the personal data.
        points = [ART_30[lang][i] for i in (1, 2, 2, 3, 4, 5, 6)]
        for point, label in zip(points, labels, strict=True):
            assert point in label, (point, label)
        values = {point: row[1].text for point, row in zip("bcCdefg", table.rows, strict=True)}
        assert values["c"] and values["C"]
        assert purpose.name.get(lang) in values["b"]
        assert values["f"] and "Not stated" not in values["f"]
        for recipient in project.recipients:
            if purpose.id in recipient.purposes:
                assert recipient.name in values["d"]
                if recipient.outside_eea:
                    assert recipient.name in values["e"]
    security = project.record.security.get(lang)
    assert security
    for line in security.splitlines():
        assert line in document.text()
    internal = project.record.internal_recipients.get(lang)
    assert internal and internal.splitlines()[0] in document.text()


@pytest.mark.parametrize("lang", LANGS)
def test_record_names_joint_controllers_and_whole_transfer_safeguards(lang: str) -> None:
    """What a reviewer of Art. 30(1)(a) and (e) looks for: the joint controllers (or that
    there are none), the safeguard a transfer rests on and the one that takes over, and the
    teams inside the organisation only as far as their task requires."""
    from wizard.model.answers import RecipientRole
    from wizard.policy.vocabulary import Words

    d = translation("documents", lang).gettext
    project = load_project(TELEHEALTH)
    controller = [b for b in build(project, "records", lang).blocks if isinstance(b, Table)][0]
    assert [r[0].text for r in controller.rows][1] == d("Joint controllers (Art. 26)")
    assert controller.rows[1][1].text == d("No joint controllers.")
    stripe = next(r for r in project.recipients if r.name.startswith("Stripe"))
    stripe.role = RecipientRole.JOINT_CONTROLLER
    document = build(project, "records", lang)
    controller = [b for b in document.blocks if isinstance(b, Table)][0]
    assert stripe.name in controller.rows[1][1].text
    assert stripe.name in records_sheet_controller(project, lang)
    words = Words(translation("policy", lang), lang)
    zoom = next(r for r in project.recipients if r.name.startswith("Zoom"))
    assert zoom.fallback_safeguards, "the example covers Zoom's transfer twice"
    text = document.text()
    for safeguard in (zoom.safeguard, *zoom.fallback_safeguards):
        assert safeguard and words.safeguard(safeguard) in text
    internal = (project.record.internal_recipients.get(lang) or "").splitlines()
    line = d("Inside the organisation, as far as their task requires: {recipients}")
    assert line.split("{recipients}")[0] in text and internal[0] in text


def records_sheet_controller(project: Project, lang: str) -> str:
    from wizard.documents.records import records_sheet

    return "\n".join(value for _label, value in records_sheet(project, lang).controller)


@pytest.mark.parametrize("lang", LANGS)
def test_record_transfers_name_their_safeguard(lang: str) -> None:
    from wizard.policy.vocabulary import Words

    project = load_project(TELEHEALTH)
    words = Words(translation("policy", lang), lang)
    document = build(project, "records", lang)
    tables = [b for b in document.blocks if isinstance(b, Table)][1:]
    checked = 0
    for table, purpose in zip(tables, project.purposes, strict=True):
        transfers = table.rows[4][1].text
        for r in project.recipients:
            if r.outside_eea and purpose.id in r.purposes:
                assert r.safeguard
                assert f"{r.name}, " in transfers
                assert words.safeguard(r.safeguard) in transfers
                checked += 1
    assert checked >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_record_files_read_back(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    stem = telehealth_files / f"records-of-processing-{lang}"
    for text in (
        flat(pdf_text(stem.with_suffix(".pdf"))),
        flat(docx_text(stem.with_suffix(".docx"), footers=True)),
    ):
        for point in ART_30[lang]:
            assert point in text, point
        for purpose in project.purposes:
            name = purpose.name.get(lang)
            assert name and flat(name) in text
        assert project.dpo and project.dpo.name in text


@pytest.mark.parametrize("lang", LANGS)
def test_record_spreadsheet(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    book = load_workbook(telehealth_files / f"records-of-processing-{lang}.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    for point, cell in zip(
        ART_30[lang][1:], [header[1], header[3], header[5], header[6]], strict=False
    ):
        assert cell and point in cell
    assert any(ART_30[lang][6] in (h or "") for h in header)
    # One row per activity, the header frozen, filters on, widths set.
    assert sheet.max_row == 1 + len(project.purposes)
    assert [sheet.cell(row=i + 2, column=2).value for i in range(len(project.purposes))] == [
        p.name.get(lang) for p in project.purposes
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:I{1 + len(project.purposes)}"
    assert all(sheet.column_dimensions[c].width >= 6 for c in "ABCDEFGHI")
    assert sheet["A2"].font.bold is False and sheet["A1"].font.bold is True
    # The controller on the second sheet.
    info = book.worksheets[1]
    assert project.organisation.legal_name in [c.value for c in info["B"]]


def test_spreadsheet_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    project = load_project(TELEHEALTH)
    project.purposes[0].name = LocalText(
        {lang: '=HYPERLINK("http://x","<b>{{ x }}</b> & Co")' for lang in LANGS}
    )
    job = next(
        j for j in output_jobs(project, tmp_path, ["en"], ["pdf"], ["records"]) if j.fmt == "xlsx"
    )
    write_output(project, job)
    cell = load_workbook(job.path).worksheets[0]["B2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","<b>{{ x }}</b> & Co")'


def test_record_missing_security_in_one_language_is_named() -> None:
    project = load_project(TELEHEALTH)
    texts = dict(project.record.security.root)
    del texts["fr"]
    project.record.security = LocalText(texts)
    with pytest.raises(PolicyError, match=r"record\.security: no text in language 'fr'"):
        build(project, "records", "fr")


def test_record_text_missing_in_one_language_is_named_on_the_output_page() -> None:
    """The one translation check names the record's own texts where they are asked (the
    Output page) when the record is chosen, and generation stops before anything is rendered;
    the policy alone does not need them."""
    from wizard import flow
    from wizard.model.answers import DocumentKind
    from wizard.policy.view import missing_texts

    project = load_project(TELEHEALTH)
    texts = dict(project.record.internal_recipients.root)
    del texts["de"]
    project.record.internal_recipients = LocalText(texts)
    project.publication.languages = ["en", "de"]
    project.publication.documents = [DocumentKind.POLICY, DocumentKind.RECORDS]
    gaps = flow.translation_gaps(project, "de")
    assert [g.field for g in gaps] == ["record.internal_recipients.de"]
    assert gaps[0].page is flow.PageId.OUTPUT
    assert "German" in gaps[0].text(lambda m: m, "en")
    assert not flow.translation_gaps(project, "en")
    on_page = flow.page_issues(project, flow.PageId.OUTPUT)
    assert "record.internal_recipients.de" in [i.field for i in on_page]
    assert "record.internal_recipients.de" in [i.field for i in flow.generation_blockers(project)]
    # The policy does not print the record's texts: it can still be written in German.
    assert missing_texts(project, "de") == []
    assert build(project, "policy", "de").blocks
    # Without the record chosen, its texts are nobody's gap.
    project.publication.documents = [DocumentKind.POLICY]
    assert not flow.translation_gaps(project, "de")


def test_check_records_passes_for_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for path in EXAMPLE_FILES:
        assert main(["check", str(path), "--document", "records"]) == 0
        assert "every item of Article 30(1)" in capsys.readouterr().out


def test_check_records_finds_what_article_30_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = load_project(TELEHEALTH)
    zoom = next(r for r in project.recipients if r.name.startswith("Zoom"))
    zoom.safeguard = Safeguard.NONE
    # No security measures anywhere: neither the policy's section nor the record's own text.
    project.record.security = LocalText()
    project.security = Security()
    project.purposes[0].subjects = []
    path = tmp_path / "p.privacy.json"
    from wizard.model import save_project

    save_project(project, path)
    assert main(["check", str(path), "--document", "records", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    found = {(f["point"], f["severity"]) for f in data["findings"]}
    assert ("Art. 30(1)(e)", "error") in found
    assert ("Art. 30(1)(c)", "error") in found
    assert ("Art. 30(1)(g)", "warning") in found
    # The gate: the record is not written while something must be fixed, and nothing else is.
    out = tmp_path / "out"
    assert main(["render", str(path), "--document", "policy,records", "--out", str(out)]) == 1
    assert "Art. 30(1)(e)" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir())
    assert [f.point for f in record_findings(project) if f.severity == "error"] == ["c", "e"]


def test_record_names_a_missing_representative_outside_the_union() -> None:
    project = load_project(TELEHEALTH)
    project.organisation.country = "CH"
    project.organisation.address.country = "CH"
    project.representative = None
    assert ("a", "error") in {(f.point, f.severity) for f in record_findings(project)}


def test_record_asks_for_a_representative_from_the_address_alone() -> None:
    """The place of establishment is the organisation's country, else its address's (the rule
    of wizard.law.applicability the policy uses too)."""
    project = load_project(TELEHEALTH)
    project.organisation.country = None
    project.organisation.address.country = "CH"
    project.representative = None
    assert ("a", "error") in {(f.point, f.severity) for f in record_findings(project)}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
def test_record_joins_its_facts_with_the_languages_semicolon(path: Path) -> None:
    """A French record sets a no-break space before each semicolon between the facts of a
    cell (the time limits for erasure and the statutory period), as its sentences do."""
    from wizard.languages import get as get_language

    for lang in LANGS:
        if not get_language(lang).spaced_punctuation:
            continue
        text = build(load_project(path), "records", lang).text()
        assert "durée légale" in text or lang != "fr"
        assert not re.findall(r".{0,30}[^\s\u00a0]; ", text), lang


# --- the consent texts ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_consent_text_for_each_consent_purpose(telehealth_files: Path, lang: str) -> None:
    project = load_project(TELEHEALTH)
    indexes = consent_purposes(project)
    assert indexes, "the example has purposes on consent"
    d = translation("documents", lang).gettext
    withdraw = d(
        "Withdrawing does not affect the lawfulness of the processing before the withdrawal."
    )
    stem = telehealth_files / f"consent-texts-{lang}"
    for text in (
        flat(pdf_text(stem.with_suffix(".pdf"))),
        flat(docx_text(stem.with_suffix(".docx"), footers=True)),
        _md_text(stem.with_suffix(".md")),
    ):
        for i in indexes:
            name = project.purposes[i].name.get(lang)
            assert name and flat(name) in text
        assert flat(withdraw) in text
        assert project.rights.email and project.rights.email in text
        # Recipients outside the EEA are named in the consent text.
        assert "Google LLC" in text
    document = build(project, "consent", lang)
    explicit = [
        b.text
        for b in document.blocks
        if isinstance(b, Paragraph) and b.role == "note" and b.text.startswith(d("Checkbox text"))
    ]
    assert len(explicit) == len(indexes)
    word = {"en": "explicitly", "nl": "uitdrukkelijke", "fr": "explicitement", "de": "ausdrücklich"}
    assert sum(word[lang] in t for t in explicit) == 1  # the symptom diary (Art. 9(2)(a))


@pytest.mark.parametrize("lang", LANGS)
def test_cookie_banner_gives_accept_and_reject_equal_weight(
    telehealth_files: Path, lang: str
) -> None:
    d = translation("documents", lang).gettext
    accept, reject = d("Accept all"), d("Reject all")
    assert accept != reject
    document = build(load_project(TELEHEALTH), "consent", lang)
    banner = [b for b in document.blocks if isinstance(b, Table) and b.header]
    buttons = next(t for t in banner if accept in [c.text for c in t.header])
    # Side by side in one row, the same kind of cell: neither is a link or smaller text.
    assert [c.text for c in buttons.header] == [accept, reject]
    assert buttons.widths[0] == buttons.widths[1]
    assert d("Cookie settings") in document.text()
    # DOCX: both buttons in the same header row with the same run formatting.
    table = next(
        t
        for t in docx.Document(str(telehealth_files / f"consent-texts-{lang}.docx")).tables
        if t.rows[0].cells[0].text == accept
    )
    cells = table.rows[0].cells
    assert cells[1].text == reject
    runs = [cell.paragraphs[0].runs[0] for cell in cells]
    assert (runs[0].bold, runs[0].font.size, runs[0].style.name) == (
        runs[1].bold,
        runs[1].font.size,
        runs[1].style.name,
    )
    assert table.columns[0].width == table.columns[1].width
    for fmt in ("pdf", "md", "html"):
        path = telehealth_files / f"consent-texts-{lang}.{fmt}"
        text = flat(pdf_text(path)) if fmt == "pdf" else path.read_text(encoding="utf-8")
        assert accept in text and reject in text


def test_user_text_stays_literal_in_every_document(tmp_path: Path) -> None:
    project = load_project(TELEHEALTH)
    hostile = "<b>{{ x }}</b> & Co"
    project.organisation.legal_name = hostile
    project.purposes[3].name = LocalText({lang: f"{hostile} diary" for lang in LANGS})
    jobs = output_jobs(
        project, tmp_path, ["en"], ["html", "docx"], ["notice", "records", "consent"]
    )
    for job in jobs:
        write_output(project, job)
    assert {j.fmt for j in jobs} == {"html", "docx", "snippet.html", "xlsx"}
    for job in jobs:
        if job.fmt == "html":
            page = job.path.read_text(encoding="utf-8")
            assert "<b>" not in page
            assert hostile in html_visible_text(job.path)
        elif job.fmt == "snippet.html":
            snippet = _fragment(job.path)
            assert "<b>" not in snippet
            assert hostile in html.unescape(re.sub(r"<[^>]+>", " ", snippet))
        elif job.fmt == "docx":
            assert hostile in flat(docx_text(job.path, footers=True))


def test_every_document_in_every_language_names_no_english_in_other_languages() -> None:
    project = load_project(TELEHEALTH)
    project.children.targets_children = True
    english = {"the", "and", "your", "our", "we", "you", "with", "which", "is", "are"}
    for variant in ("notice", "notice-children", "records", "consent"):
        for lang in TRANSLATED:
            document = build(project, variant, lang)
            for line in document.text().splitlines():
                words = set(re.findall(r"[a-z]+", line.lower()))
                assert len(words & english) < 3, (variant, lang, line)


def test_history_records_which_documents_were_published() -> None:
    from wizard.history import new_version
    from wizard.model.answers import DocumentKind

    project = load_project(TELEHEALTH)
    project.publication.documents = [DocumentKind.POLICY]
    assert [d.value for d in new_version(project, LocalText()).documents] == ["policy"]
    project.publication.documents = [DocumentKind.POLICY, DocumentKind.RECORDS]
    entry = new_version(project, LocalText({"en": "x"}))
    assert [d.value for d in entry.documents] == ["policy", "records"]


def test_generation_is_all_or_nothing_across_documents(tmp_path: Path) -> None:
    from wizard.output import GenerationError, generate

    project = load_project(TELEHEALTH)
    texts = dict(project.record.security.root)
    del texts["fr"]
    project.record.security = LocalText(texts)
    out = tmp_path / "out"
    with pytest.raises(GenerationError, match=r"records-of-processing.*'fr'.*record\.security"):
        generate(project, out, ["en", "fr"], ["pdf"], ["policy", "records"], processes=1)
    assert not out.exists()
    written = generate(project, out, ["en"], ["pdf"], ["policy", "records"], processes=1)
    assert sorted(p.name for p in written) == [
        "privacy-policy-en.pdf",
        "records-of-processing-en.pdf",
        "records-of-processing-en.xlsx",
    ]


def _long_project() -> Project:
    """The telehealth example with 21 purposes and 15 recipients, long names, for children."""
    project = load_project(TELEHEALTH)
    for i in range(14):
        extra = project.purposes[0].model_copy(deep=True)
        extra.id = f"extra-{i}"
        extra.name = LocalText(
            {
                lang: f"Further processing activity {i} with a long descriptive name"
                for lang in LANGS
            }
        )
        project.purposes.append(extra)
    for i in range(10):
        recipient = project.recipients[1].model_copy(deep=True)
        recipient.name = f"Processor International Holdings Limited {i}"
        project.recipients.append(recipient)
    project.children.targets_children = True
    return project


def _libreoffice_pages(docs: list[Path], tmp_path: Path) -> dict[str, int]:
    """The pages of each DOCX as LibreOffice lays it out, by file name."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            *map(str, docs),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return {d.name: _pages(tmp_path / "lo" / d.with_suffix(".pdf").name) for d in docs}


def test_long_lists_end_in_and_n_more_on_one_page(tmp_path: Path) -> None:
    project = _long_project()
    for variant in ("notice", "notice-children"):
        for lang in LANGS:
            document = build(project, variant, lang, draft=True)
            lists = [b for b in document.blocks if isinstance(b, ListBlock)]
            purposes = next(
                b
                for b in lists
                if flat(plain(b.items[0])) == flat(project.purposes[0].name.get(lang) or "")
            )
            hidden = len(project.purposes) - (len(purposes.items) - 1)
            assert hidden >= 2, (variant, lang)
            text = plain(purposes.items[-1])
            assert str(hidden) in text, text
            if variant == "notice":
                assert flat(text) == _more(lang, hidden)
    assert _more("en", 15) == "and 15 more (see the full privacy policy)"
    jobs = output_jobs(project, tmp_path, LANGS, ["pdf", "docx"], ["notice"])
    for job in jobs:
        write_output(project, job, build(project, job.variant, job.lang, draft=True))
    for job in jobs:
        if job.fmt == "pdf":
            assert _pages(job.path) == 1, job.path.name
    if shutil.which("soffice"):
        docs = [j.path for j in jobs if j.fmt == "docx"]
        assert set(_libreoffice_pages(docs, tmp_path).values()) == {1}


def test_short_lists_are_not_shortened() -> None:
    project = load_project(EXAMPLES / "physiotherapy-practice.privacy.json")
    text = build(project, "notice", "en").text()
    assert "more (see" not in text
    for purpose in project.purposes:
        assert (purpose.name.get("en") or "") in text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_notice_docx_fits_one_page_in_libreoffice(tmp_path: Path) -> None:
    """Every example's notice, and its children's version, as a word processor lays the DOCX
    out: one page in every language."""
    docs = []
    for path in EXAMPLE_FILES:
        project = load_project(path)
        project.children.targets_children = True
        out = tmp_path / path.name.split(".")[0]
        for job in output_jobs(project, out, LANGS, ["docx"], ["notice"]):
            write_output(project, job, build(project, job.variant, job.lang, draft=True))
            docs.append(job.path.rename(out.parent / f"{out.name}-{job.path.name}"))
    pages = _libreoffice_pages(docs, tmp_path)
    assert len(pages) == len(EXAMPLE_FILES) * 2 * len(LANGS)
    assert {name: n for name, n in pages.items() if n != 1} == {}


def test_render_without_format_uses_the_projects_formats(tmp_path: Path) -> None:
    """Without --format the project's formats are written (the PDF font check once failed on
    the missing option)."""
    out = tmp_path / "out"
    assert main(["render", str(TELEHEALTH), "--lang", "en", "--out", str(out)]) == 0
    formats = [f.value for f in load_project(TELEHEALTH).publication.formats]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"privacy-policy-en.{fmt}" for fmt in formats
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_record_describes_the_measures_of_the_policys_security_section(lang: str) -> None:
    from wizard.documents import build
    from wizard.policy.vocabulary import Words

    project = load_project(TELEHEALTH)
    project.record.security = LocalText()
    project.security = Security(measures=[SecurityMeasure.MULTI_FACTOR])
    policy = build(project, "policy", lang).text()
    record = build(project, "records", lang).text()
    measure = Words(translation("policy", lang), lang).security_measure(
        SecurityMeasure.MULTI_FACTOR
    )
    # One object, two documents: the same measure in the policy and in the record's (g).
    assert measure in policy and measure in record


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_document_of_a_draft_carries_the_mark(lang: str) -> None:
    from wizard.documents import build

    mark = translation("policy", lang).gettext("DRAFT")
    project = load_project(TELEHEALTH)
    for variant in ("notice", "records", "consent"):
        final = build(project, variant, lang)
        draft = build(project, variant, lang, draft=True)
        assert not final.draft and mark not in final.title
        assert draft.draft and mark in draft.title and mark in draft.subject
        assert mark in draft.labels.effective and draft.text().count(mark) > final.text().count(
            mark
        )
