"""Atomic file writes, shared by the project file, the autosave and every renderer.

A file is written to a temporary file in the same folder, flushed to disk, renamed over the
target, and the folder itself is flushed, so a crash, a kill or a full disk leaves either the old
file or the new one, never half of one.

The temporary files have recognisable names (``.<name>.privacy-wizard-<host>-<pid>-<random>.tmp``)
so that one left behind by a process that was killed is removed by the next write into the same
folder: at once when it was this machine's and that process no longer runs, otherwise after a
day.

Permissions follow the usual rules for a file saved by a desktop app: a new file gets the mode the
umask allows (``0666 & ~umask``, usually 0644 or 0664), and a file that is replaced keeps its mode.

Errors name the target, never the hidden temporary file: an :class:`OSError` raised here has the
target's path as its ``filename``.
"""

from __future__ import annotations

import errno
import os
import platform
import re
import shutil
import stat
import time
import zlib
from pathlib import Path

#: A temporary file of this module: ``.<name>.privacy-wizard-<host>-<pid>-<random>.tmp``.
TEMP_PATTERN = re.compile(r"^\..*\.privacy-wizard-(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-\w+\.tmp$")
#: A temporary file left by another machine (on a shared folder) is stale after this many seconds.
STALE_AFTER_S = 24 * 3600
#: How much of the target's name goes into the temporary name (names are limited to 255 bytes).
_NAME_PART = 80


def _host_tag() -> str:
    # The machine's network name (what socket.gethostname() gives, without loading sockets).
    return f"{zlib.crc32(platform.node().encode('utf-8', 'replace')):08x}"


def temp_name(target_name: str) -> str:
    """A new, recognisable name for the temporary file of ``target_name``."""
    part = target_name[:_NAME_PART]
    return f".{part}.privacy-wizard-{_host_tag()}-{os.getpid()}-{os.urandom(4).hex()}.tmp"


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists but belongs to someone else
        return True
    return True


def is_stale_temp(path: Path, now: float | None = None) -> bool:
    """True for a temporary file of this module whose writer is gone."""
    match = TEMP_PATTERN.match(path.name)
    if match is None:
        return False
    if match["host"] == _host_tag() and not _process_alive(int(match["pid"])):
        return True
    # Another machine's (on a shared folder), or a process id used again since: by age.
    try:
        age = (time.time() if now is None else now) - path.lstat().st_mtime
    except OSError:
        return False
    return age > STALE_AFTER_S


def remove_stale_temps(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files (and staging folders) that killed writers left in ``folder``.

    Returns what was removed.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(".") or not entry.name.endswith(".tmp"):
            continue
        path = Path(entry.path)
        if entry.is_symlink() or not is_stale_temp(path):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode(target: Path) -> int:
    """The mode a write of ``target`` gives it: the existing file's, else what the umask allows."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (a rename) to disk, where the system supports it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _named(exc: OSError, target: Path) -> OSError:
    """The same error, naming ``target`` instead of a temporary file."""
    if exc.errno is None:
        return OSError(errno.EIO, f"{exc}", str(target))
    return OSError(exc.errno, exc.strerror or os.strerror(exc.errno), str(target))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A crash or a full disk leaves the old file (if any) untouched, never half a file. Stale
    temporary files of killed writers in the folder are removed first.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder has this name", str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _named(exc, target) from exc
    remove_stale_temps(target.parent)
    mode = new_file_mode(target)
    tmp = target.parent / temp_name(target.name)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise _named(exc, target) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _named(exc, target) from exc
        raise
    fsync_folder(target.parent)
