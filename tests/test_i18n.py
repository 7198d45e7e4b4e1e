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
