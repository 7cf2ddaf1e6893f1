"""Finding the names the knowledge knows, as token sequences of the parsed text.

Names match case-sensitively (``US`` is not ``us``, ``Chad`` is not ``chad``) after typographic apostrophes
are made straight; a leading "the" is not part of a name. The longest match wins.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dyad.knowledge.actors import Knowledge

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
# When two kinds of name cover the same words, the first kind wins.
_PRIORITY = ("entity", "person", "metonym", "capital", "adjective")


def norm(text: str) -> str:
    return text.translate(_QUOTES)


@dataclass(frozen=True)
class Hit:
    """A name found in the text: tokens ``[start, end)``, and what it names."""

    start: int
    end: int
    kind: str
    keys: tuple[str, ...]


class Gazetteer:
    """Names as token tuples, indexed by their first token."""

    def __init__(self, names: Iterable[tuple[str, str, str]], tokenize: Any) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        forms: dict[tuple[str, str], set[str]] = {}
        for form, kind, key in names:
            form = norm(form.strip())
            if form.lower().startswith("the "):
                form = form[4:]
            if form:
                forms.setdefault((form, kind), set()).add(key)
        texts = sorted({form for form, _ in forms})
        tokens = {text: tuple(t.text for t in doc) for text, doc in zip(texts, tokenize(texts), strict=True)}
        for (form, kind), keys in forms.items():
            words = tokens[form]
            if not words:
                continue
            for key in sorted(keys):
                self.index.setdefault(words[0], []).append((words, kind, key))
        for entries in self.index.values():
            entries.sort(key=lambda e: (-len(e[0]), _PRIORITY.index(e[1])))

    def find(self, doc: Any, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Non-overlapping hits in ``doc[start:end]``, left to right, longest first."""
        end = len(doc) if end is None else end
        words = [norm(t.text) for t in doc[start:end]]
        i = 0
        while i < len(words):
            best: tuple[int, str, list[str]] | None = None
            for entry, kind, key in self.index.get(words[i], ()):
                n = len(entry)
                if best is not None and (n < best[0] or kind != best[1]):
                    if n < best[0]:
                        break
                    continue
                if tuple(words[i : i + n]) == entry:
                    if best is None:
                        best = (n, kind, [key])
                    else:
                        best[2].append(key)
            if best is None:
                i += 1
                continue
            yield Hit(start + i, start + i + best[0], best[1], tuple(best[2]))
            i += best[0]


@functools.lru_cache(maxsize=8)
def gazetteer(kb: Knowledge, nlp: Any) -> Gazetteer:
    """The gazetteer of a knowledge base, tokenised by the pipeline's tokenizer (built once)."""
    return Gazetteer(kb.names(), lambda texts: nlp.tokenizer.pipe(texts))
