"""Compile the gettext catalogues: ``translations/<lang>/LC_MESSAGES/<domain>.po`` ->
``resources/locale/<lang>/LC_MESSAGES/<domain>.mo``.

The ``.mo`` files are build products (never committed, never edited by hand); this runs at set-up
and before packaging. Run ``python -m wizard.i18n_build``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]


def compile_all(
    src: Path = ROOT / "translations", dest: Path = ROOT / "resources" / "locale"
) -> int:
    """Compile every .po under ``src``; returns how many were written."""
    count = 0
    for po_path in sorted(src.glob("*/LC_MESSAGES/*.po")):
        lang = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=po_path.stem)
        out = dest / lang / "LC_MESSAGES" / f"{po_path.stem}.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        count += 1
    return count


def main() -> int:
    if not (ROOT / "translations").is_dir():
        return 0
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
