"""Entry point of the frozen app (PyInstaller): the same command line as ``privacy-wizard``.

Resources are found through importlib.resources (``wizard.resources``), so nothing here knows it
is frozen.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    # A windowed build on Windows has no console: sys.stdout/stderr are None, and `--version`
    # or an error message would crash instead of being dropped.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _ensure_streams()
    from wizard.cli import main

    sys.exit(main())
