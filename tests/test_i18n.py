"""Message catalogues: the templates are up to date with the sources, and placeholders match."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

DOMAINS = ["policy", "ui"]


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
        [str(pybabel), "extract", "-F", f"translations/babel-{domain}.cfg", "-k", "N_", "-k", "_",
         "--no-wrap", "--omit-header", "-o", str(out), "."],
        cwd=ROOT, check=True, capture_output=True,
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


def test_system_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.i18n import system_ui_language

    for var in ("PRIVACY_WIZARD_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert system_ui_language() == "de"
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "fr")
    assert system_ui_language() == "fr"
    monkeypatch.setenv("PRIVACY_WIZARD_LANG", "xx")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    monkeypatch.setattr("locale.getlocale", lambda *a: (None, None))
    assert system_ui_language() == "en"
