"""Typography of the document's language applied to text the templates do not write themselves.

French sets a no-break space before the high punctuation marks (``:`` ``;`` ``?`` ``!``) and
inside guillemets (« ... »). The catalogue's sentences already do; a user's own words ("Notre
bannière : ...") and data-file citations get the same treatment here, so a line never breaks
between a word and its colon and a French document does not mix two typographies.
"""

from __future__ import annotations

import re

from wizard import languages

__all__ = ["NBSP", "typography"]

NBSP = "\u00a0"

# A high punctuation mark that ends a word or clause: followed by a space, a closing mark or the
# end of the text (so "https://", "10:30" and "?page=2" are left alone). Any ordinary spaces
# before it become one no-break space.
_HIGH = re.compile(r"(?<=\S)[ \t]*([:;?!]+)(?=\s|$|[»)\]\"'])")
# Guillemets: a no-break space inside them, whatever spacing the user typed.
_OPEN = re.compile(r"«[ \t\u00a0\u202f]*")
_CLOSE = re.compile(r"[ \t\u00a0\u202f]*»")


#: What ends a name such as "Praxis Dr. Muster GmbH & Co. KG." or "Yahoo!" or a sentence: a full
#: stop written after it is left out ("We are Example B.V." rather than "B.V..").
ENDS_SENTENCE = (".", "!", "?", "\u2026")


def full_stop_after(text: str) -> str:
    """The full stop that closes a sentence ending in ``text``: none when ``text`` ends one."""
    return "" if text.endswith(ENDS_SENTENCE) else "."


def _french(text: str) -> str:
    text = _OPEN.sub("«" + NBSP, text)
    text = _CLOSE.sub(NBSP + "»", text)

    # A mark already preceded by a no-break space (which is whitespace to ``\S``) is left as is.
    return _HIGH.sub(lambda match: NBSP + match.group(1), text)


def typography(text: str, lang: str) -> str:
    """``text`` with the typography of ``lang`` (where it spaces its punctuation, as French
    does; other languages unchanged)."""
    if text and languages.get(lang).spaced_punctuation:
        return _french(text)
    return text
