"""Message catalogues: the templates are up to date with the sources, and placeholders match."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.projects import ROOT

DOMAINS = ["policy", "ui", "documents"]


def _msgids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


@pytest.mark.parametrize("domain", DOMAINS)
def test_message_template_is_up_to_date(domain: str, tmp_path: Path) -> None:
    """Every translatable string in the sources is in translations/<domain>.pot, and no stale one."""
    pybabel = Path(sys.executable).with_name("pybabel")
    out = tmp_path / f"{domain}.pot"
    subprocess.run(
        [
            str(pybabel),
            "extract",
            "-F",
            f"translations/babel-{domain}.cfg",
            "-k",
            "N_",
            "-k",
            "_",
            "--no-wrap",
            "--omit-header",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    fresh = _msgids(out)
    committed = _msgids(ROOT / "translations" / f"{domain}.pot")
    assert fresh == committed, (
        "run scripts/extract_messages.sh: "
        f"new {sorted(fresh - committed)[:5]}, stale {sorted(committed - fresh)[:5]}"
    )


def test_policy_template_has_the_legal_text() -> None:
    ids = _msgids(ROOT / "translations" / "policy.pot")
    assert "Privacy policy" in ids
    assert "Page {page} of {pages}" in ids
    assert "Consent (Article 6(1)(a) GDPR)" in ids
    assert len(ids) > 150


def test_pseudo_localisation_stretches_but_keeps_placeholders() -> None:
    from wizard.i18n import pseudo

    out = pseudo("Page {page} of %(num)d &Next")
    assert "{page}" in out and "%(num)d" in out and "&Ñ" in out
    assert len(out) >= len("Page {page} of %(num)d &Next") * 1.3


def test_pseudo_mode_applies_to_the_ui_domain_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard import i18n

    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.translation.cache_clear()
    try:
        assert i18n.translation("ui", "en").gettext("Next").startswith("[")
        assert i18n.translation("policy", "en").gettext("Privacy policy") == "Privacy policy"
    finally:
        monkeypatch.delenv(i18n.PSEUDO_ENV)
        i18n.translation.cache_clear()


def _clear_language_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("PRIVACY_WIZARD_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def test_system_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.i18n import system_ui_language

    _clear_language_environment(monkeypatch)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert system_ui_language() == "de"
    monkeypatch.setenv("LANGUAGE", "es_ES:nl_BE:de")
    assert system_ui_language() == "nl"
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "fr")
    assert system_ui_language() == "fr"
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "xx")
    monkeypatch.setenv("LANGUAGE", "es_ES")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert system_ui_language() == "en"


@pytest.mark.parametrize(
    ("ui_languages", "expected"),
    [
        # Windows (GetUserPreferredUILanguages through Qt): the display languages in order.
        (["nl-NL", "en-US"], "nl"),
        (["en-GB", "nl-NL"], "en"),
        (["es-ES", "de-DE"], "de"),
        # macOS (the language list of System Settings, through Qt).
        (["de-AT"], "de"),
        (["fr-CA", "en-CA"], "fr"),
        (["zh-Hans-CN", "nl-BE"], "nl"),
        # Linux (Qt 6 reads LANGUAGE, LC_ALL, LC_MESSAGES, LANG and adds script and language).
        (["fr-Latn-BE", "fr-BE", "fr-Latn", "fr"], "fr"),
        (["es-Latn-ES", "es-ES", "es-Latn", "es", "de-Latn-DE", "de-DE", "de-Latn", "de"], "de"),
        (["C"], "en"),
        # Nothing the UI speaks.
        (["pt-BR", "es-419"], "en"),
        ([], "en"),
    ],
)
def test_system_language_negotiates_the_systems_preferred_languages(
    monkeypatch: pytest.MonkeyPatch, ui_languages: list[str], expected: str
) -> None:
    from wizard.i18n import system_ui_language

    _clear_language_environment(monkeypatch)
    # The POSIX variables say otherwise: the system's list decides.
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert system_ui_language(ui_languages) == expected


def test_a_language_is_matched_by_its_whole_tag_then_its_language() -> None:
    from dataclasses import replace

    from wizard.languages import get, match_language, register, unregister

    assert match_language(["pt-BR", "DE-at", "nl"]) == "de"
    assert match_language(["zh-Hans-CN"]) is None
    register(replace(get("en"), code="en-XA", tag="en-XA"))
    try:
        assert match_language(["en-xa"]) == "en-XA"
        assert match_language(["en-US", "en-XA"]) == "en"
    finally:
        unregister("en-XA")


def test_override_wins_over_the_systems_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.i18n import system_ui_language

    _clear_language_environment(monkeypatch)
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "de")
    assert system_ui_language(["nl-NL", "en-US"]) == "de"
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "xx")  # not a UI language: the system decides
    assert system_ui_language(["nl-NL", "en-US"]) == "nl"


def test_windows_locale_names_no_longer_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows, locale.getlocale() gives names such as 'Dutch_Netherlands' that matched no
    language, so a Dutch Windows got English: the system's preferred languages decide now."""
    from wizard.i18n import system_ui_language

    _clear_language_environment(monkeypatch)
    monkeypatch.setattr("locale.getlocale", lambda *a: ("Dutch_Netherlands", "1252"))
    assert system_ui_language(["nl-NL"]) == "nl"
    monkeypatch.setattr("locale.getlocale", lambda *a: ("German_Germany", "1252"))
    assert system_ui_language(["en-US"]) == "en"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "es_ES.UTF-8", "LANGUAGE": "fr_BE:de"}, "fr"),
        ({"LANG": "es_ES.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8", "PRIVACY_WIZARD_LANG": "de"}, "de"),
    ],
)
def test_ui_layer_asks_qt_for_the_systems_languages(
    environment: dict[str, str], expected: str
) -> None:
    """The Qt layer passes QLocale.system().uiLanguages() (what Qt reads from the system's
    language settings) to the negotiation; in a fresh process, as Qt reads them once."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PRIVACY_WIZARD_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    env.update(environment, QT_QPA_PLATFORM="offscreen")
    code = "from wizard.ui.app import system_language; print(system_language())"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


_GOOD_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello %(name)s"
msgstr "Hallo %(name)s"
"""


def _catalogues(tmp_path: Path, broken: str) -> Path:
    src = tmp_path / "translations"
    for lang, text in (("de", _GOOD_PO), ("nl", broken)):
        folder = src / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "policy.po").write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        # A line that is not gettext syntax (a merge gone wrong, a stray edit).
        (_GOOD_PO + 'msgid "Bye"\nthis is not a po line\nmsgstr "Dag"\n', "nl/LC_MESSAGES/policy.po"),
        # A translation whose placeholder is misspelt: formatting it would fail at run time.
        (_GOOD_PO.replace("Hallo %(name)s", "Hallo %(naam)s"), "'Hello %(name)s'"),
    ],
)
def test_catalogue_compiler_refuses_a_broken_catalogue_and_writes_nothing(
    tmp_path: Path, broken: str, named: str
) -> None:
    from wizard.i18n_build import CatalogueError, compile_all

    src = _catalogues(tmp_path, broken)
    dest = tmp_path / "locale"
    with pytest.raises(CatalogueError) as caught:
        compile_all(src, dest)
    assert named in str(caught.value)
    assert not list(dest.rglob("*.mo")), "a half-compiled set must not be left behind"


def test_catalogue_compiler_command_exits_1_naming_the_file(tmp_path: Path) -> None:
    """``python -m wizard.i18n_build`` (what set-up and packaging run) fails loudly."""
    from wizard import i18n_build

    src = _catalogues(tmp_path, _GOOD_PO + 'msgid "x"\ngarbage\n')
    dest = tmp_path / "locale"
    code = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pathlib, wizard.i18n_build as b;"
            "b.ROOT = pathlib.Path(sys.argv[1]);"
            "b.compile_all.__defaults__ = (b.ROOT / 'translations', b.ROOT / 'locale');"
            "sys.exit(b.main())",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert code.returncode == 1, code.stderr
    assert "nl/LC_MESSAGES/policy.po" in code.stderr
    assert "Traceback" not in code.stderr
    assert not dest.exists()
    assert i18n_build.compile_all(src.parent / "none", dest) == 0
