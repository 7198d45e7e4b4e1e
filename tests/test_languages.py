"""Dutch, French and German: complete catalogues, official GDPR terms, no English left over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.projects import EXAMPLE_FILES, EXAMPLES, ROOT
from wizard.languages import LANGUAGES, SOURCE
from wizard.model import load_project
from wizard.policy.document import Heading, ListBlock, Paragraph, Table, plain
from wizard.policy.engine import build_document

#: The translated languages: every registered language but the source.
LANGS = [lang for lang in LANGUAGES if lang != SOURCE]
DOMAINS = ["policy", "ui", "documents"]

# The official terms of each language version of the GDPR (resources: gdpr-terms).
OFFICIAL = {
    "nl": {
        "controller": "verwerkingsverantwoordelijke",
        "processor": "verwerker",
        "supervisory_authority": "toezichthoudende autoriteit",
        "dpo": "functionaris voor gegevensbescherming",
    },
    "fr": {
        "controller": "responsable du traitement",
        "processor": "sous-traitant",
        "supervisory_authority": "autorité de contrôle",
        "dpo": "délégué à la protection des données",
    },
    "de": {
        "controller": "Verantwortliche",
        "processor": "Auftragsverarbeiter",
        "supervisory_authority": "Aufsichtsbehörde",
        "dpo": "Datenschutzbeauftragte",
    },
}
TITLES = {"nl": "Privacyverklaring", "fr": "Politique de confidentialité", "de": "Datenschutzerklärung"}
ENGLISH_STOP_WORDS = {"the", "and", "of", "your", "our", "we", "you", "with", "for", "is", "are", "to", "which"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


def _catalog(lang: str, domain: str):  # noqa: ANN202 - babel Catalog
    path = ROOT / "translations" / lang / "LC_MESSAGES" / f"{domain}.po"
    assert path.is_file(), f"missing catalogue {path.relative_to(ROOT)}"
    with path.open("rb") as handle:
        # abort_invalid: a malformed entry (a msgid without its msgstr, as a bad merge leaves)
        # is an error, not a warning after which the entry is silently dropped.
        return read_po(handle, locale=lang, abort_invalid=True)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_complete(lang: str, domain: str) -> None:
    catalog = _catalog(lang, domain)
    with (ROOT / "translations" / f"{domain}.pot").open("rb") as handle:
        template = read_po(handle, abort_invalid=True)
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    present = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert wanted <= present, f"not in {lang}/{domain}.po: {sorted(wanted - present)[:5]}"
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))]
    assert not untranslated, untranslated[:5]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, fuzzy[:5]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_translation_of_a_changed_sentence_is_left_behind(lang: str, domain: str) -> None:
    """A changed English sentence is a new msgid: the catalogue then lacks it (the test above)
    and still holds the old one. That old entry must be updated to the new sentence or marked
    obsolete (``#~``), never left as a live translation of text the app no longer has."""
    with (ROOT / "translations" / f"{domain}.pot").open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    present = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog(lang, domain) if m.id}
    assert not present - wanted, f"stale in {lang}/{domain}.po: {sorted(present - wanted)[:5]}"


def test_a_malformed_catalogue_is_an_error(tmp_path: Path) -> None:
    from babel.messages.pofile import PoFileError

    broken = tmp_path / "broken.po"
    broken.write_text('msgid "One"\n\nmsgid "Two"\nmsgstr "Deux"\n', encoding="utf-8")
    with broken.open("rb") as handle, pytest.raises(PoFileError):
        read_po(handle, abort_invalid=True)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_identical(lang: str, domain: str) -> None:
    for message in _catalog(lang, domain):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert sorted(PLACEHOLDER.findall(string)) == expected, (lang, domain, message.id, string)


def _blocks_text(lang: str, path: Path) -> list[str]:
    doc = build_document(load_project(path), lang)
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Heading | Paragraph):
            out.append(plain(b.spans))
        elif isinstance(b, ListBlock):
            out.extend(plain(i) for i in b.items)
        elif isinstance(b, Table):
            out.extend(c.text for c in b.header)
            out.extend(c.text for row in b.rows for c in row)
    return out


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
@pytest.mark.parametrize("lang", LANGS)
def test_official_terms_and_title(lang: str, path: Path) -> None:
    project = load_project(path)
    assert lang in project.publication.languages
    doc = build_document(project, lang)
    assert doc.title == TITLES[lang]
    text = doc.text()
    terms = OFFICIAL[lang]
    for key in ("controller", "processor", "supervisory_authority"):
        assert terms[key].lower() in text.lower(), f"{lang}: {terms[key]!r} missing"
    if project.dpo:
        assert terms["dpo"].lower() in text.lower()


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".privacy"))
@pytest.mark.parametrize("lang", LANGS)
def test_no_english_sentence_left(lang: str, path: Path) -> None:
    leftovers = []
    for block in _blocks_text(lang, path):
        words = set(re.findall(r"[a-z]+", block.lower()))
        if len(words & ENGLISH_STOP_WORDS) >= 3:
            leftovers.append(block)
    assert not leftovers, leftovers[:3]


def test_stop_word_check_catches_english() -> None:
    """The check above fails on an English document (so it can fail)."""
    english = _blocks_text("en", EXAMPLE_FILES[0])
    assert sum(len(set(re.findall(r"[a-z]+", b.lower())) & ENGLISH_STOP_WORDS) >= 3 for b in english) > 10


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", ["1 december 2026", "20 jaar", "6 maanden", "Nederland"]),
        ("fr", ["1er décembre 2026", "20 ans", "6 mois", "Pays-Bas"]),
        ("de", ["1. Dezember 2026", "20 Jahre", "6 Monate", "Niederlande"]),
    ],
)
def test_dates_durations_and_countries_are_localised(lang: str, expected: list[str]) -> None:
    text = build_document(load_project(EXAMPLES / "physiotherapy-practice.privacy.json"), lang).text()
    for needle in expected:
        assert needle in text, (lang, needle)


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("nl", "Autoriteit Persoonsgegevens"),
        ("fr", "Autoriteit Persoonsgegevens"),
        ("de", "Autoriteit Persoonsgegevens"),
    ],
)
def test_authority_named_officially(lang: str, name: str) -> None:
    text = build_document(load_project(EXAMPLES / "physiotherapy-practice.privacy.json"), lang).text()
    assert name in text


def test_belgian_authority_in_the_readers_language() -> None:
    project = load_project(EXAMPLES / "software-company.privacy.json")
    assert "Gegevensbeschermingsautoriteit" in build_document(project, "nl").text()
    assert "Autorité de protection des données" in build_document(project, "fr").text()


# French sets a no-break space before the high punctuation marks (": ; ? !").
_FRENCH_BARE_PUNCTUATION = re.compile(r"(?:^|[^\s\u00a0\u202f(]) ?[:;?!](?=\s|$)")


def test_french_policy_text_follows_french_typography() -> None:
    bad = []
    for message in _catalog("fr", "policy"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        bad += [s for s in strings if _FRENCH_BARE_PUNCTUATION.search(s)]
    assert not bad, bad[:5]


def test_french_document_labels_take_a_no_break_space() -> None:
    path = EXAMPLES / "telehealth-startup.privacy.json"
    french = _blocks_text("fr", path)
    assert "Courriel\u00a0: datenschutz@klarblick.health" in french
    assert not [t for t in french if "Courriel:" in t or "Courriel :" in t]
    assert "E-mail: datenschutz@klarblick.health" in _blocks_text("en", path)


def test_french_writes_the_first_of_the_month_as_an_ordinal() -> None:
    import datetime as dt

    from babel import Locale

    from wizard.policy.localised import long_date

    assert long_date(dt.date(2025, 4, 1), Locale.parse("fr_FR")) == "1er avril 2025"
    assert long_date(dt.date(2025, 4, 11), Locale.parse("fr_FR")) == "11 avril 2025"
    assert long_date(dt.date(2025, 4, 1), Locale.parse("nl_NL")) == "1 april 2025"
    assert long_date(dt.date(2025, 4, 1), Locale.parse("de_DE")) == "1. April 2025"


def test_the_authoritys_country_is_named_in_the_readers_language() -> None:
    path = EXAMPLES / "telehealth-startup.privacy.json"  # Berlin's authority
    assert "Alt-Moabit 59-61, 10555 Berlin, Allemagne" in _blocks_text("fr", path)
    assert "Alt-Moabit 59-61, 10555 Berlin, Duitsland" in _blocks_text("nl", path)
    assert "Alt-Moabit 59-61, 10555 Berlin, Germany" in _blocks_text("en", path)
    assert "Alt-Moabit 59-61, 10555 Berlin, Deutschland" in _blocks_text("de", path)
