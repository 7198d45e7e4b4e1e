"""Write every example's documents, in every language, as comparable files: a refactoring that
must not change the output is checked by taking a snapshot before and after and comparing.

    python scripts/snapshot_outputs.py /tmp/before
    ... change the code ...
    python scripts/snapshot_outputs.py /tmp/after
    diff -r /tmp/before /tmp/after

HTML and Markdown are written as they are (compared as bytes); DOCX as its paragraphs, table
cells and language tags; PDF as ``pdftotext -layout`` output and its /Lang. The output of
``check`` for each example and language and of ``diff`` against the first example are written
too. Undated documents carry today's date: take both snapshots on the same day.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from wizard.cli import main  # noqa: E402
from wizard.documents import STEMS, build  # noqa: E402
from wizard.languages import LANGUAGES  # noqa: E402
from wizard.loading import open_project  # noqa: E402
from wizard.output import render_bytes  # noqa: E402


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    lines += sorted(set(re.findall(r"w:lang [^/]*/", document.element.xml)))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return text + "\n" + repr(re.findall(rb"/Lang \(([^)]*)\)", data))


def _cli(args: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return f"{out.getvalue()}{err.getvalue()}exit {status}\n"


def snapshot(target: Path) -> int:
    """Write the snapshot into ``target``; returns the number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    examples = sorted((ROOT / "examples").glob("*.privacy.json"))
    count = 0
    for example in examples:
        project = open_project(example)
        name = example.name.removesuffix(".privacy.json")
        for lang in LANGUAGES:
            for variant in STEMS:
                stem = f"{name}-{variant}-{lang}"
                try:
                    document = build(project, variant, lang)
                except Exception as exc:  # noqa: BLE001 - the failure is part of the snapshot
                    (target / f"{stem}.error").write_text(repr(exc), encoding="utf-8")
                    count += 1
                    continue
                files = {
                    f"{stem}.html": render_bytes(document, "html"),
                    f"{stem}.md": render_bytes(document, "md"),
                    f"{stem}.docx.txt": _docx_text(render_bytes(document, "docx")).encode(),
                    f"{stem}.pdf.txt": _pdf_text(render_bytes(document, "pdf")).encode(),
                }
                for file, data in files.items():
                    (target / file).write_bytes(data)
                count += len(files)
            checked = _cli(["check", str(example), "--lang", lang])
            changed = _cli(["diff", str(examples[0]), str(example), "--lang", lang])
            (target / f"{name}-check-{lang}.txt").write_text(checked, encoding="utf-8")
            (target / f"{name}-diff-{lang}.txt").write_text(changed, encoding="utf-8")
            count += 2
    return count


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the snapshot (created)")
    print(f"{snapshot(parser.parse_args().folder)} files written")
