"""A simple, explainable reading-level measure for the children's notice.

Two numbers per text: the average number of words in a sentence and the average number of
letters in a word. Long sentences and long words are what make a text hard for a young reader
in every language (they are the two inputs of the Flesch and LIX formulas). The limits are the
language's :class:`~wizard.languages.Readability` in the registry. Only the sentences the
document writes itself are measured, not the names of purposes or recipients the user typed,
which the user chooses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wizard import languages

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Letters and apostrophes ("l'effacer" is one word to a reader); numbers and addresses are not
# words a child reads.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


@dataclass(frozen=True)
class Reading:
    """The measure of a text: sentences, words, and the two averages."""

    sentences: int
    words: int
    words_per_sentence: float
    letters_per_word: float

    def fits(self, lang: str) -> bool:
        """True when both averages are within the limits for ``lang``."""
        limits = languages.get(lang).readability
        return (
            self.words_per_sentence <= limits.words_per_sentence
            and self.letters_per_word <= limits.letters_per_word
        )


def measure(paragraphs: list[str]) -> Reading:
    """The reading measure of ``paragraphs`` (each one or more whole sentences)."""
    sentences: list[list[str]] = []
    for paragraph in paragraphs:
        text = _ADDRESS.sub(" ", paragraph)
        for sentence in _SENTENCE_END.split(text.strip()):
            words = _WORD.findall(sentence)
            if words:
                sentences.append(words)
    words = [w for s in sentences for w in s]
    if not words:
        return Reading(0, 0, 0.0, 0.0)
    letters = sum(len(w.replace("'", "").replace("’", "")) for w in words)
    return Reading(
        sentences=len(sentences),
        words=len(words),
        words_per_sentence=len(words) / len(sentences),
        letters_per_word=letters / len(words),
    )
