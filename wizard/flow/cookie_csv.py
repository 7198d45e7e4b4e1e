"""Cookies read from a CSV file (a cookie scanner's export, or a list kept by hand)."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import msgspec

from wizard.model.answers import Cookie, Party, TimeUnit
from wizard.model.file_problems import problem_text

COOKIE_CSV_COLUMNS = ("name", "provider", "party", "category", "purpose", "lifetime")

_UNIT_WORDS: dict[str, TimeUnit] = {
    "day": TimeUnit.DAYS,
    "days": TimeUnit.DAYS,
    "d": TimeUnit.DAYS,
    "week": TimeUnit.WEEKS,
    "weeks": TimeUnit.WEEKS,
    "w": TimeUnit.WEEKS,
    "month": TimeUnit.MONTHS,
    "months": TimeUnit.MONTHS,
    "m": TimeUnit.MONTHS,
    "year": TimeUnit.YEARS,
    "years": TimeUnit.YEARS,
    "y": TimeUnit.YEARS,
}


def parse_lifetime(text: str) -> dict[str, Any] | None:
    """``"13 months"`` -> a duration dict; ``"session"`` or empty -> ``None``; else ValueError."""
    text = text.strip().lower()
    if text in ("", "session"):
        return None
    match = re.fullmatch(r"(\d+)\s*([a-z]+)", text)
    if not match or match.group(2) not in _UNIT_WORDS:
        raise ValueError(f"lifetime {text!r} is not like '13 months' or 'session'")
    return {"amount": int(match.group(1)), "unit": _UNIT_WORDS[match.group(2)]}


def parse_cookies_csv(text: str, lang: str = "en") -> tuple[list[Cookie], list[str]]:
    """Read cookies from CSV text (comma or semicolon separated, with a header row naming
    :data:`COOKIE_CSV_COLUMNS`); returns the cookies and one problem per line that was skipped."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        return [], ["the file is empty"]
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    absent = [c for c in ("name", "provider", "category") if c not in header]
    if absent:
        return [], [
            f"line 1: missing column(s) {', '.join(absent)}; "
            f"expected {', '.join(COOKIE_CSV_COLUMNS)}"
        ]
    cookies: list[Cookie] = []
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not any(values.values()):
            continue
        try:
            category = values.get("category", "").lower().replace(" ", "_").replace("-", "_")
            party = values.get("party", "").lower() or (
                Party.FIRST.value if values.get("provider") else ""
            )
            party = {
                "1st": "first",
                "3rd": "third",
                "first-party": "first",
                "third-party": "third",
            }.get(party, party)
            cookies.append(
                Cookie.model_validate(
                    {
                        "name": values.get("name", ""),
                        "provider": values.get("provider", ""),
                        "party": party,
                        "category": category,
                        "purpose": {lang: values.get("purpose", "")},
                        "lifetime": parse_lifetime(values.get("lifetime", "")),
                    }
                )
            )
        except msgspec.ValidationError as exc:
            problems.append(f"line {line}: {problem_text(exc)}")
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
    return cookies, problems
