"""Quotation marks: the stretches of text between matching marks, in every common style, across paragraphs.

Styles: “…” (English), "…" (straight), ‘…’ and '…' (single, told from apostrophes by what stands around them),
«…» and »…« (guillemets), „…“ and „…” (German, Polish), and ”…” at the start of a paragraph. A quote that runs over several paragraphs opens each of
them again and closes only at its end; it is one quoted stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", "‘": "’", '"': '"', "'": "'"}
_DOUBLE = frozenset('“„«»"')
#: Every quotation mark, and those that can open a quote.
MARKS = frozenset("“”\"‘’'«»„")
OPENING = frozenset(_PAIRS)
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Quoted:
    """A stretch between quotation marks: ``start``/``end`` include the marks; ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str

    @property
    def double(self) -> bool:
        return self.mark in _DOUBLE


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quote: at a start of text or after a space or bracket, and before
    something that is not a space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/" or before in _PAIRS) and not after.isspace()


def _opens_paragraph(text: str, i: int) -> bool:
    """Whether a closing mark at ``i`` is used to open a quote, as some sites do: ”Fear. I am afraid.” at the
    start of a paragraph, before a letter."""
    return text[i] == "”" and (i == 0 or text[i - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalpha()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _WORD.match(after)


def find(text: str) -> list[Quoted]:
    """Every quoted stretch of ``text``, outermost first in text order (a quote inside another is not listed)."""
    out: list[Quoted] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if (ch in _PAIRS and _opens(text, i)) or _opens_paragraph(text, i):
            closers = _PAIRS.get(ch, ch)
            j = i + 1
            found = -1
            while j < n:
                c = text[j]
                if c in closers and _closes(text, j) and j > i + 1:
                    found = j
                    break
                if text.startswith("\n\n", j) or (text[j] == "\n" and j + 1 < n and text[j + 1] == "\n"):
                    # A paragraph ends inside the quote: it goes on if the next paragraph opens with the mark.
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if k < n and text[k] == ch:
                        j = k + 1
                        continue
                    break
                if ch in ("'", "‘") and c == "\n":
                    break
                j += 1
            if found > 0:
                out.append(Quoted(i, found + 1, i + 1, found, ch))
                i = found + 1
                continue
        i += 1
    return out
