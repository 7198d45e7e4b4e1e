"""Files on disk: atomic writes keep modes, name their target, leave no temporary file behind, and
survive kill -9 at any point; project files are read strictly and only when they are regular
files of a sane size."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import wizard.fileio
from tests.projects import EXAMPLES, ROOT
from wizard.fileio import TEMP_PATTERN, atomic_write_bytes, remove_stale_temps, temp_name
from wizard.loading import open_project
from wizard.model.answers import Project
from wizard.model.project_file import (
    MAX_FILE_BYTES,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    save_project,
)

EXAMPLE = EXAMPLES / "physiotherapy-practice.privacy.json"


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- permissions (issue 13.8) ------------------------------------------------------------------


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    os.umask(mask)
    save_project(Project(), tmp_path / "p.privacy.json")
    atomic_write_bytes(tmp_path / "policy.html", b"<p>x</p>")
    assert _mode(tmp_path / "p.privacy.json") == expected
    assert _mode(tmp_path / "policy.html") == expected


def test_saving_keeps_the_mode_of_an_existing_file(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "p.privacy.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o664)
    save_project(Project(), target)
    assert _mode(target) == 0o664
    target.chmod(0o640)
    save_project(Project(), target)
    assert _mode(target) == 0o640


# --- temporary files (issue 13.9) --------------------------------------------------------------


def test_temporary_names_are_recognisable_and_short_enough(tmp_path: Path) -> None:
    name = temp_name("x" * 250 + ".privacy.json")
    assert TEMP_PATTERN.match(name)
    assert "privacy-wizard" in name
    assert len(name.encode()) < 200
    # A long target name still saves (the temporary name is cut, the target is not).
    target = tmp_path / ("é" * 100 + ".privacy.json")
    save_project(Project(), target)
    assert target.is_file()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporary_files_are_removed_on_the_next_save(tmp_path: Path) -> None:
    host = f"{zlib.crc32(socket.gethostname().encode()):08x}"
    dead = tmp_path / f".p.privacy.json.privacy-wizard-{host}-{_dead_pid()}-0a1b2c3d.tmp"
    dead.write_bytes(b"half a file" * 1000)
    live = tmp_path / f".p.privacy.json.privacy-wizard-{host}-{os.getpid()}-0a1b2c3e.tmp"
    live.write_bytes(b"being written right now")
    other_host_old = tmp_path / ".p.privacy.json.privacy-wizard-00000000-1-0a1b2c3f.tmp"
    other_host_old.write_bytes(b"x")
    os.utime(other_host_old, (time.time() - 3 * 86400, time.time() - 3 * 86400))
    other_host_new = tmp_path / ".p.privacy.json.privacy-wizard-00000000-1-0a1b2c40.tmp"
    other_host_new.write_bytes(b"x")
    stale_stage = tmp_path / f".output.privacy-wizard-{host}-{_dead_pid()}-0a1b2c41.tmp"
    stale_stage.mkdir()
    (stale_stage / "privacy-policy-en.pdf").write_bytes(b"%PDF")
    users_own = tmp_path / ".notes.tmp"
    users_own.write_bytes(b"not ours")
    save_project(Project(), tmp_path / "p.privacy.json")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["p.privacy.json", live.name, other_host_new.name, users_own.name]), (
        "stale files of killed writers are removed, live and foreign ones kept"
    )


def test_the_folder_is_flushed_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write_bytes(tmp_path / "a.md", b"# A")
    assert events == ["fsync-file", "rename", "fsync-dir"]


# --- errors name the target (issue 13.11) ------------------------------------------------------


def test_a_folder_in_place_of_the_target_is_named(tmp_path: Path) -> None:
    target = tmp_path / "p.privacy.json"
    target.mkdir()
    with pytest.raises(OSError) as info:
        save_project(Project(), target)
    assert info.value.filename == str(target)
    assert [p.name for p in tmp_path.iterdir()] == ["p.privacy.json"]


@pytest.mark.parametrize(
    ("where", "code"), [("open", errno.EACCES), ("write", errno.ENOSPC), ("replace", errno.EROFS)]
)
def test_write_errors_name_the_target_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int
) -> None:
    target = tmp_path / "p.privacy.json"
    target.write_text("old", encoding="utf-8")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(tmp_path / ".p.privacy.json.tmp123"))

    # A full disk shows at the latest when the data is flushed.
    monkeypatch.setattr(wizard.fileio.os, "fsync" if where == "write" else where, fail)
    with pytest.raises(OSError) as info:
        save_project(Project(), target)
    monkeypatch.undo()
    assert info.value.filename == str(target)
    assert info.value.errno == code
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.privacy.json"]


# --- what is opened (issue 13.6) ---------------------------------------------------------------


def _load_problem(path: Path) -> str:
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert info.value.source == str(path)
    return info.value.problems[0]


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.privacy.json"
    os.mkfifo(fifo)
    assert "not a regular file" in _load_problem(fifo)


def test_a_device_is_refused() -> None:
    assert "not a regular file" in _load_problem(Path("/dev/zero"))


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.privacy.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    assert "limited to 5 MB" in _load_problem(big)


def test_a_valid_project_just_under_the_limit_still_loads(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    text = dumps_project(project)
    padding = MAX_FILE_BYTES - len(text.encode("utf-8")) - 10
    padded = "{" + " " * padding + text[1:]
    path = tmp_path / "p.privacy.json"
    path.write_text(padded, encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES - 100
    assert load_project(path) == project


# --- strict input (issue 13.10) and unreadable input (issue 13.7) ------------------------------


def _problems(text: str) -> list[str]:
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, source="t.privacy.json")
    return info.value.problems


def _example_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def test_duplicate_keys_are_refused_with_their_path() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doubled = text.replace(
        '"legal_name": ', '"legal_name": "Shown in an editor",\n"legal_name": ', 1
    )
    problems = _problems(doubled)
    assert problems[0].startswith("organisation.legal_name: this key is given more than once")
    top = '{"format_version": 2, "format_version": 2}'
    assert _problems(top)[0].startswith("format_version: this key is given more than once")


def test_a_number_as_text_is_refused() -> None:
    data = _example_data()
    rights = data["rights"]
    assert isinstance(rights, dict)
    rights["response_days"] = "30"
    problems = _problems(json.dumps(data))
    assert any(p.startswith("rights.response_days: ") for p in problems), problems


def test_text_as_a_number_and_yes_as_a_string_are_refused() -> None:
    data = _example_data()
    org = data["organisation"]
    assert isinstance(org, dict)
    org["legal_name"] = 12
    children = data["children"]
    assert isinstance(children, dict)
    children["targets_children"] = "false"
    problems = _problems(json.dumps(data))
    assert any(p.startswith("organisation.legal_name: ") for p in problems), problems
    assert any(p.startswith("children.targets_children: ") for p in problems), problems


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[" * 10_000 + "]" * 10_000, "nested far too deeply"),
        ('{"format_version": 2, "x": ' + "9" * 5001 + "}", "5001 digits is far too long"),
        ('{"format_version": 2, "x": NaN}', "NaN is not a number JSON allows"),
        ('{"format_version": 2, "x": 1' + "0" * 400 + ".5}", "far too long"),
    ],
)
def test_hostile_json_is_a_clear_problem(text: str, needle: str) -> None:
    problems = _problems(text)
    assert needle in problems[0], problems


def test_an_unknown_authority_id_is_refused_with_its_path(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    project.authority.catalog_id = "NL-TYPO"
    path = tmp_path / "p.privacy.json"
    save_project(project, path)
    with pytest.raises(ProjectFileError) as info:
        open_project(path)
    assert info.value.problems[0].startswith("authority.catalog_id: unknown supervisory authority")
    assert "'NL-TYPO'" in info.value.problems[0]


def test_an_unknown_processor_id_is_refused_with_its_path(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    project.recipients[0].catalog_id = "no-such-service"
    path = tmp_path / "p.privacy.json"
    save_project(project, path)
    with pytest.raises(ProjectFileError) as info:
        open_project(path)
    assert info.value.problems == [
        "recipients[0].catalog_id: unknown catalogue entry 'no-such-service' "
        "(not in the bundled processor catalogue)"
    ]


def test_known_catalogue_ids_open() -> None:
    for example in EXAMPLES.glob("*.privacy.json"):
        assert open_project(example) == load_project(example)


# --- kill -9 during Save ------------------------------------------------------------------------

_SAVER = textwrap.dedent(
    """
    import sys
    from wizard.fileio import atomic_write_bytes

    # What save_project writes (the JSON is made before the file is touched), in a loop.
    target = sys.argv[1]
    texts = [open(p, "rb").read() for p in sys.argv[2:]]
    print("ready", flush=True)
    i = 0
    while True:
        atomic_write_bytes(target, texts[i % 2])
        i += 1
    """
)


def test_save_survives_kill_9_at_any_point(tmp_path: Path) -> None:
    """A process saving in a loop is killed at random moments: the file is always a complete
    old or new project, and the next save removes every temporary file the kills left."""
    first = load_project(EXAMPLE)
    second = first.model_copy(deep=True)
    # Large enough that a kill often lands in the middle of writing.
    second.organisation.legal_name = "Praktijk " + "Ω" * 200
    second.purposes[0].name.root["en"] = "long " * 100_000 + "end"
    sources = []
    for index, project in enumerate((first, second)):
        source = tmp_path / f"source-{index}.json"
        source.write_text(dumps_project(project), encoding="utf-8")
        sources.append(str(source))
    folder = tmp_path / "projects"
    folder.mkdir()
    target = folder / "p.privacy.json"
    save_project(first, target)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(13)
    leftovers_seen = 0
    for _kill in range(40):
        proc = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(target), *sources],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert load_project(target) in (first, second), "always the old or the new file"
        leftovers_seen += sum(1 for p in folder.iterdir() if TEMP_PATTERN.match(p.name))
    remove_stale_temps(folder)  # what the next save does first
    save_project(first, target)
    assert [p.name for p in folder.iterdir()] == ["p.privacy.json"]
    assert leftovers_seen > 0, "some kills should have landed mid-write (else the test is idle)"
