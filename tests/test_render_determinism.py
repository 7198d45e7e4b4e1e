"""Same project + same app version = same bytes, in every format, whenever it is rendered.

Each rendering runs in its own process, at a different time and in a different time zone, so
that nothing from the clock, the process (object ids, hash seeds) or the zone reaches a file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.projects import EXAMPLES

EXAMPLE = EXAMPLES / "physiotherapy-practice.privacy.json"
FORMATS = ("docx", "pdf", "html", "md")

_RENDER = """
import sys
from pathlib import Path
from wizard.model.project_file import load_project
from wizard.output import render
from wizard.policy.engine import build_document

project = load_project(sys.argv[1])
out = Path(sys.argv[2])
for lang in ("en", "de"):
    document = build_document(project, lang)
    for fmt in sys.argv[3].split(","):
        render(document, fmt, out / f"{lang}.{fmt}")
"""


def _render(out: Path, env_extra: dict[str, str]) -> dict[str, bytes]:
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(env_extra)
    subprocess.run(
        [sys.executable, "-c", _RENDER, str(EXAMPLE), str(out), ",".join(FORMATS)],
        check=True,
        env=env,
        timeout=300,
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_two_renderings_at_different_times_give_the_same_bytes(tmp_path: Path) -> None:
    first = _render(tmp_path / "a", {"TZ": "UTC", "PYTHONHASHSEED": "1"})
    # Zip times have a resolution of two seconds: wait long enough for the clock to show.
    time.sleep(2.1)
    second = _render(tmp_path / "b", {"TZ": "Asia/Tokyo", "PYTHONHASHSEED": "2"})
    assert sorted(first) == sorted(second) and len(first) == 2 * len(FORMATS)
    for name in first:
        assert first[name] == second[name], name


def test_dates_come_from_the_effective_date(tmp_path: Path) -> None:
    effective = json.loads(EXAMPLE.read_text(encoding="utf-8"))["publication"]["effective_date"]
    day = dt.date.fromisoformat(effective)
    files = _render(tmp_path / "a", {})
    pdf = PdfReader(io.BytesIO(files["en.pdf"]))
    created = pdf.metadata.creation_date if pdf.metadata else None
    assert created is not None and created.date() == day
    core = docx.Document(io.BytesIO(files["en.docx"])).core_properties
    assert core.created is not None and core.created.date() == day
    assert core.modified == core.created
    with zipfile.ZipFile(io.BytesIO(files["en.docx"])) as archive:
        assert {i.date_time[:3] for i in archive.infolist()} == {(day.year, day.month, day.day)}


def test_source_date_epoch_wins(tmp_path: Path) -> None:
    epoch = int(dt.datetime(2024, 5, 6, 7, 8, 10, tzinfo=dt.UTC).timestamp())
    files = _render(tmp_path / "a", {"SOURCE_DATE_EPOCH": str(epoch)})
    pdf = PdfReader(io.BytesIO(files["de.pdf"]))
    created = pdf.metadata.creation_date if pdf.metadata else None
    assert created is not None
    assert created.astimezone(dt.UTC) == dt.datetime(2024, 5, 6, 7, 8, 10, tzinfo=dt.UTC)
    core = docx.Document(io.BytesIO(files["de.docx"])).core_properties
    assert core.created is not None
    assert core.created.replace(tzinfo=dt.UTC) == dt.datetime(2024, 5, 6, 7, 8, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_changed_project_changes_the_file(tmp_path: Path, fmt: str) -> None:
    """The fixed id is a digest of the content, not a constant shared by every file."""
    files = _render(tmp_path / "a", {})
    assert files[f"en.{fmt}"] != files[f"de.{fmt}"]
    if fmt == "pdf":
        ids = [
            PdfReader(io.BytesIO(files[f"{lang}.pdf"])).trailer["/ID"][0] for lang in ("en", "de")
        ]
        assert ids[0] != ids[1]
