"""The PDF's fonts, what they can show, and how text is split between them.

The PDF embeds Noto Sans (Latin, Greek, Cyrillic) and, for the characters it lacks, subsetted
Noto Sans Arabic and Noto Sans Hebrew (all in ``resources/fonts``). Arabic is shaped into its
contextual forms (arabic-reshaper) and right-to-left runs are put in visual order (python-bidi),
because ReportLab writes characters in the order it receives them.

:func:`missing_characters` and :func:`missing_in_pdf` name what no bundled font can show (CJK,
emoji, other scripts): the PDF would leave a gap there, so ``check``, the Review page and
``render`` report it instead of dropping it silently. They need no ReportLab set-up and import
nothing above the render layer.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from wizard.resources import resource

__all__ = [
    "FALLBACKS",
    "MAIN",
    "FontFamily",
    "Missing",
    "font_runs",
    "main_font_shows",
    "missing_characters",
    "missing_in_pdf",
    "register_fonts",
    "text_width",
    "visual_order",
]


@dataclass(frozen=True)
class FontFamily:
    """A registered family: its name and the files of its regular, bold, italic, bold italic."""

    name: str
    files: tuple[str, str, str, str]
    #: Written right to left (the run is reordered for display).
    rtl: bool = False

    @property
    def faces(self) -> tuple[str, str, str, str]:
        """Registered names of the regular, bold, italic and bold-italic faces."""
        n = self.name
        return (n, f"{n}-Bold", f"{n}-Italic", f"{n}-BoldItalic")


MAIN = FontFamily(
    "NotoSans",
    (
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
    ),
)
#: Tried in order for a character the main family lacks. Neither script has italics: the
#: upright faces stand in for them.
FALLBACKS: tuple[FontFamily, ...] = (
    FontFamily(
        "NotoSansArabic",
        (
            "NotoSansArabic-Regular.ttf",
            "NotoSansArabic-Bold.ttf",
            "NotoSansArabic-Regular.ttf",
            "NotoSansArabic-Bold.ttf",
        ),
        rtl=True,
    ),
    FontFamily(
        "NotoSansHebrew",
        (
            "NotoSansHebrew-Regular.ttf",
            "NotoSansHebrew-Bold.ttf",
            "NotoSansHebrew-Regular.ttf",
            "NotoSansHebrew-Bold.ttf",
        ),
        rtl=True,
    ),
)

_lock = threading.Lock()
_registered = False
_TRAILING_NEUTRAL = " \u00a0,.;:!?)]}»\"'-"


@cache
def _cmap(filename: str) -> frozenset[int]:
    """The code points a font file maps to a glyph."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    with _lock:
        face = TTFontFile(io.BytesIO(resource("fonts", filename).read_bytes()))
    return frozenset(c for c, g in face.charToGlyph.items() if g)


@cache
def _main_chars() -> frozenset[str]:
    return frozenset(map(chr, _cmap(MAIN.files[0])))


def main_font_shows(text: str) -> bool:
    """Whether the main family alone shows every character of ``text`` (the common case)."""
    return text.isascii() or _main_chars().issuperset(text)


def register_fonts() -> None:
    """Register every family with ReportLab (once per process, thread-safe)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if _registered:
            return
        for family in (MAIN, *FALLBACKS):
            for name, filename in zip(family.faces, family.files, strict=True):
                data = resource("fonts", filename).read_bytes()
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
            # So that <b> and <i> inside a Paragraph pick the right face.
            regular, bold, italic, bold_italic = family.faces
            pdfmetrics.registerFontFamily(
                regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
            )
        _registered = True


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in points, set in the main family at ``size``."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return float(pdfmetrics.stringWidth(text, MAIN.faces[1 if bold else 0], size))


def _covers(family: FontFamily, char: str) -> bool:
    return ord(char) in _cmap(family.files[0])


def _invisible(char: str) -> bool:
    """Characters nobody misses on paper: spaces, controls, joiners, variation selectors."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


@lru_cache(maxsize=4)
def missing_characters(text: str) -> str:
    """The distinct characters of ``text`` that no PDF font can show, in order of appearance.
    (The last few answers are kept: the review and a page's open points ask about the same
    whole project.)"""
    seen: dict[str, None] = {}
    if main_font_shows(text):
        return ""
    for char in text:
        if char in seen or _invisible(char) or _covers(MAIN, char):
            continue
        if not any(_covers(f, char) for f in FALLBACKS):
            seen[char] = None
    return "".join(seen)


@dataclass(frozen=True)
class Missing:
    """Characters the PDF cannot show, and the field (model path) they are in."""

    field: str
    characters: str

    def described(self) -> str:
        """``purposes[0].name.en: 漢 (U+6F22), 😀 (U+1F600)``"""
        chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in self.characters)
        return f"{self.field}: {chars}"


def _leaves(data: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, Sequence) and not isinstance(data, bytes | bytearray):
        for index, value in enumerate(data):
            yield from _leaves(value, f"{path}[{index}]")


def missing_in_pdf(data: object) -> list[Missing]:
    """Every text in ``data`` (a project as plain JSON data) with characters the PDF cannot show.

    Fields are named by their path in the project file, e.g. ``organisation.legal_name`` or
    ``purposes[2].name.de``.
    """
    out: list[Missing] = []
    for path, text in _leaves(data, ""):
        chars = missing_characters(text)
        if chars:
            out.append(Missing(path, chars))
    return out


def font_runs(text: str) -> list[tuple[FontFamily, str]]:
    """``text`` cut into runs, each with the family that shows it.

    A character goes to the main family when it has it, else to the first fallback that does.
    Spaces, digits and punctuation (which every family has) stay in the run they are in, so a
    name in Arabic script stays one run, spaces included. Characters no family has stay with
    the main family (and are reported by :func:`missing_characters`).
    """
    if main_font_shows(text):
        return [(MAIN, text)]
    runs: list[tuple[FontFamily, list[str]]] = []
    for char in text:
        family = MAIN
        if not _covers(MAIN, char):
            family = next((f for f in FALLBACKS if _covers(f, char)), MAIN)
        elif runs and runs[-1][0] is not MAIN and _covers(runs[-1][0], char):
            if not char.isalpha():
                family = runs[-1][0]
        if runs and runs[-1][0] is family:
            runs[-1][1].append(char)
        else:
            runs.append((family, [char]))
    out: list[tuple[FontFamily, str]] = []
    for family, chars in runs:
        run = "".join(chars)
        if family.rtl:
            # Spaces and punctuation after a right-to-left run belong to the text around it.
            core = run.rstrip(_TRAILING_NEUTRAL)
            if core != run:
                out.append((family, core))
                family, run = MAIN, run[len(core) :]
        if out and out[-1][0] is family:
            out[-1] = (family, out[-1][1] + run)
        else:
            out.append((family, run))
    return out


def visual_order(text: str) -> str:
    """A right-to-left run as it is drawn left to right: Arabic joined into its contextual
    forms, then the characters in visual order (numbers stay left to right)."""
    import arabic_reshaper
    from bidi import get_display

    leading = text[: len(text) - len(text.lstrip())]
    trailing = text[len(text.rstrip()) :]
    core = text.strip()
    if not core:
        return text
    shaped = arabic_reshaper.reshape(core)
    return leading + str(get_display(shaped, base_dir="R")) + trailing
