"""The generation service: every file or none, in worker processes or in this one, with progress,
cancel, the target named in errors, and the effective-date rule."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

import wizard.output
from tests.projects import EXAMPLES
from wizard import history
from wizard.model.answers import LANGUAGES, DocumentKind, Project
from wizard.model.project_file import load_project
from wizard.output import (
    FORMATS,
    Cancelled,
    GenerationError,
    file_name,
    generate,
    render_language,
    worker_count,
)
from wizard.policy.engine import build_document

EXAMPLE = EXAMPLES / "software-company.privacy.json"


@pytest.fixture(scope="module")
def project() -> Project:
    """The example with the policy as its one document (the example chooses all four; these
    tests count the policy's files)."""
    project = load_project(EXAMPLE)
    project.publication.documents = [DocumentKind.POLICY]
    return project


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _existing(folder: Path) -> dict[str, bytes]:
    folder.mkdir(exist_ok=True)
    (folder / file_name("en", "html")).write_bytes(b"old html")
    (folder / file_name("nl", "md")).write_bytes(b"old md")
    (folder / "notes.txt").write_bytes(b"the user's own file")
    return _listing(folder)


def test_worker_processes_and_one_process_give_the_same_files(
    project: Project, tmp_path: Path
) -> None:
    steps: list[tuple[int, int]] = []
    parallel = generate(
        project,
        tmp_path / "a",
        LANGUAGES,
        ["html", "md"],
        processes=2,
        progress=lambda done, total: steps.append((done, total)),
    )
    single = generate(project, tmp_path / "b", LANGUAGES, ["html", "md"], processes=1)
    assert [p.name for p in parallel] == [p.name for p in single]
    assert len(parallel) == 8
    for a, b in zip(parallel, single, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert steps[-1] == (8, 8) and [d for d, _t in steps] == sorted(d for d, _t in steps)
    text = (tmp_path / "a" / "privacy-policy-de.md").read_text(encoding="utf-8")
    assert text.startswith("# Datenschutzerklärung")


def test_every_format_is_written_and_reads_back(project: Project, tmp_path: Path) -> None:
    import docx
    from pypdf import PdfReader

    written = generate(project, tmp_path, ["fr"], list(FORMATS), processes=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    name = project.organisation.legal_name
    assert any(
        name in p.text for p in docx.Document(str(tmp_path / "privacy-policy-fr.docx")).paragraphs
    )
    pdf = "".join(
        page.extract_text() for page in PdfReader(tmp_path / "privacy-policy-fr.pdf").pages
    )
    assert "Politique de confidentialité" in pdf


def test_a_failing_format_leaves_nothing_new_and_old_files_untouched(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _existing(tmp_path)
    real = wizard.output.render_bytes

    def docx_fails(document: Any, fmt: str) -> bytes:
        if fmt == "docx" and document.lang == "nl":
            raise ValueError("exceeded 255 char limit for property")
        return real(document, fmt)

    monkeypatch.setattr(wizard.output, "render_bytes", docx_fails)
    with pytest.raises(GenerationError) as info:
        generate(project, tmp_path, ["en", "nl"], ["html", "md", "docx"], processes=1)
    assert str(info.value).startswith("privacy-policy-nl.docx: ValueError: exceeded 255")
    assert _listing(tmp_path) == before


def test_a_language_that_cannot_be_written_fails_in_a_worker_process_too(
    project: Project, tmp_path: Path
) -> None:
    broken = project.model_copy(deep=True)
    del broken.purposes[0].name.root["nl"]
    before = _existing(tmp_path)
    with pytest.raises(GenerationError) as info:
        generate(broken, tmp_path, ["en", "nl"], ["html", "md"], processes=2, draft=True)
    assert "cannot write the policy in 'nl'" in str(info.value)
    assert "purposes[0].name" in str(info.value)
    assert _listing(tmp_path) == before


def test_a_failed_rename_puts_back_the_files_already_replaced(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _existing(tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def third_fails(src: Any, dst: Any) -> None:
        if Path(dst).parent == tmp_path and Path(dst).name.startswith("privacy-policy-"):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", third_fails)
    with pytest.raises(OSError) as info:
        generate(project, tmp_path, ["en", "nl"], ["html", "md"], processes=1)
    monkeypatch.undo()
    assert info.value.filename == str(tmp_path / "privacy-policy-nl.html"), "the target is named"
    assert _listing(tmp_path) == before, "replaced files are back, new ones gone, no staging left"


def test_cancel_writes_nothing(project: Project, tmp_path: Path) -> None:
    before = _existing(tmp_path)
    steps: list[int] = []
    with pytest.raises(Cancelled):
        generate(
            project,
            tmp_path,
            ["en", "nl", "de"],
            ["html"],
            processes=1,
            progress=lambda done, _total: steps.append(done),
            cancelled=lambda: bool(steps),
        )
    assert steps == [1]
    assert _listing(tmp_path) == before


def test_cancel_while_workers_run_writes_nothing(project: Project, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        generate(project, tmp_path / "out", LANGUAGES, ["md"], processes=2, cancelled=lambda: True)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_falls_back_to_one_process_when_workers_cannot_start(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*_args: object, **_kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(cf, "ProcessPoolExecutor", no_processes)
    written = generate(project, tmp_path, ["en", "de"], ["md"], processes=2)
    assert [p.name for p in written] == ["privacy-policy-en.md", "privacy-policy-de.md"]
    assert all(p.read_text(encoding="utf-8").startswith("# ") for p in written)


def test_falls_back_when_a_worker_dies(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            pass

        def submit(self, *_args: object, **_kwargs: object) -> None:
            raise cf.process.BrokenProcessPool("a worker died")

        def shutdown(self, *_args: object, **_kwargs: object) -> None:
            pass

    monkeypatch.setattr(cf, "ProcessPoolExecutor", Broken)
    written = generate(project, tmp_path, ["en", "fr"], ["html"], processes=2)
    assert len(written) == 2 and all(p.is_file() for p in written)


def test_a_frozen_app_renders_in_its_own_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(1) == 1
    assert worker_count(4) == min(4, os.cpu_count() or 1)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_count(4) == 1


def test_generated_files_follow_the_umask_and_keep_existing_modes(
    project: Project, tmp_path: Path
) -> None:
    tmp_path.joinpath("privacy-policy-en.md").write_bytes(b"old")
    tmp_path.joinpath("privacy-policy-en.md").chmod(0o640)
    old = os.umask(0o022)
    try:
        generate(project, tmp_path, ["en"], ["md", "html"], processes=1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(tmp_path.joinpath("privacy-policy-en.html").stat().st_mode) == 0o644
    assert stat.S_IMODE(tmp_path.joinpath("privacy-policy-en.md").stat().st_mode) == 0o640


def test_a_folder_in_place_of_a_file_is_named_and_nothing_written(
    project: Project, tmp_path: Path
) -> None:
    (tmp_path / "privacy-policy-en.md").mkdir()
    with pytest.raises(OSError) as info:
        generate(project, tmp_path, ["en"], ["html", "md"], processes=1)
    assert info.value.filename == str(tmp_path / "privacy-policy-en.md")
    assert [p.name for p in tmp_path.iterdir()] == ["privacy-policy-en.md"]


def test_a_worker_renders_what_this_process_renders(project: Project) -> None:
    out = render_language(project, "nl", ["md"])
    assert out["md"].decode("utf-8").startswith("# Privacyverklaring")
    assert build_document(project, "nl").lang == "nl"


# --- the effective date of a new version (moved out of the Output page) ------------------------


def test_effective_date_rule() -> None:
    project = load_project(EXAMPLE)
    today = dt.date(2027, 5, 1)
    project.publication.effective_date = None
    assert history.effective_date(project, today, history.propose(project)) == today
    project.publication.effective_date = dt.date(2026, 1, 1)
    entry = history.new_version(project, history.propose(project).summaries())  # type: ignore[union-attr]
    history.record(project, entry)
    # Nothing new: the date stays.
    assert history.effective_date(project, today, history.propose(project)) == dt.date(2026, 1, 1)
    # A new version carrying the last version's date moves to today...
    project.organisation.trading_name = "Renamed"
    proposal = history.propose(project)
    assert proposal is not None
    assert history.effective_date(project, today, proposal) == today
    # ... but not to a day before the last version's, and a later date the user chose stays.
    assert history.effective_date(project, dt.date(2025, 12, 1), proposal) == dt.date(2026, 1, 1)
    project.publication.effective_date = dt.date(2027, 6, 1)
    assert history.effective_date(project, today, proposal) == dt.date(2027, 6, 1)


def test_workers_started_fresh_as_the_wizard_starts_them(project: Project, tmp_path: Path) -> None:
    """The wizard asks for "spawn" workers (forking a process with Qt threads is unsafe)."""
    written = generate(project, tmp_path, ["en", "nl"], ["md"], processes=2, mp_context="spawn")
    assert [p.read_text(encoding="utf-8").splitlines()[0] for p in written] == [
        "# Privacy policy",
        "# Privacyverklaring",
    ]


def test_a_folder_made_for_a_failed_run_is_removed_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wizard.output, "_write_new", full)
    with pytest.raises(OSError):
        generate(project, tmp_path / "new" / "site", ["en"], ["md"], processes=1)
    assert list(tmp_path.iterdir()) == []


def test_a_language_or_format_named_twice_is_written_once(project: Project, tmp_path: Path) -> None:
    written = generate(project, tmp_path, ["en", "en"], ["md", "md"], processes=1)
    assert written == [tmp_path / "privacy-policy-en.md"]
