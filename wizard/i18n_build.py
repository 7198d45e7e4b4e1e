"""Compile the gettext catalogues: ``translations/<lang>/LC_MESSAGES/<domain>.po`` ->
``resources/locale/<lang>/LC_MESSAGES/<domain>.mo``.

The ``.mo`` files are build products (never committed, never edited by hand); this runs at set-up
and before packaging. Run ``python -m wizard.i18n_build``.

Strict: a catalogue that does not parse, or a translation whose placeholders differ from its
source (``%(name)s`` in one, not the other), stops the build with the file, line and message, and
nothing is written for any catalogue. A half-compiled set would ship a policy that is silently
partly English. Each ``.mo`` is written atomically (temporary file, then rename).

This module imports nothing from ``wizard``: ``setup.py`` loads it from its file before the
package's dependencies exist.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

ROOT = Path(__file__).resolve().parents[1]


class CatalogueError(ValueError):
    """A catalogue that must not be compiled; the message names the file and what is wrong."""


def _read(po_path: Path, lang: str) -> Catalog:
    try:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=po_path.stem, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogueError(f"{po_path}: {exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError(f"{po_path}: {exc}") from None
    problems = []
    for message, errors in catalog.check():
        if message.fuzzy:
            continue
        for error in errors:
            where = f"{po_path}:{message.lineno}" if message.lineno else str(po_path)
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            problems.append(f"{where}: {msgid!r}: {error}")
    if problems:
        raise CatalogueError("\n".join(problems))
    return catalog


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def compile_all(
    src: Path = ROOT / "translations", dest: Path = ROOT / "resources" / "locale"
) -> int:
    """Compile every .po under ``src``; returns how many were written.

    Raises :class:`CatalogueError` (naming every problem found) before writing anything when a
    catalogue is invalid."""
    compiled: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for po_path in sorted(src.glob("*/LC_MESSAGES/*.po")):
        lang = po_path.parent.parent.name
        try:
            catalog = _read(po_path, lang)
        except CatalogueError as exc:
            problems.append(str(exc))
            continue
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        compiled.append((dest / lang / "LC_MESSAGES" / f"{po_path.stem}.mo", buffer.getvalue()))
    if problems:
        raise CatalogueError("\n".join(problems))
    for out, data in compiled:
        _write_atomic(out, data)
    return len(compiled)


def main() -> int:
    if not (ROOT / "translations").is_dir():
        return 0
    try:
        compile_all()
    except CatalogueError as exc:
        print(f"message catalogues not compiled:\n{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
