"""Full-text search over the stored article text: an inverted index kept in the store, ranked with BM25.

The index is two tables: ``terms`` (``doc_id``, ``term``, ``tf``: how often the term occurs in the document) and
``doc_lengths`` (``doc_id``, ``n_terms``). They are filled when a document is written, in the same transaction,
so the index never lags behind the documents. A term is a word of the text (a run of letters and digits),
case-folded, without accents, and with a plural ``s`` taken off (Harman's S-stemmer), so "Sanctions" finds
"sanction". Everything here runs in the store itself: no extension to download.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.errors import ConfigurationError

# BM25 parameters: the usual ones (Robertson and Zaragoza 2009).
K1 = 1.2
B = 0.75
SNIPPET_CHARS = 200

INDEX_TABLES = {
    "terms": {"doc_id": "VARCHAR", "term": "VARCHAR", "tf": "INTEGER"},
    "doc_lengths": {"doc_id": "VARCHAR", "n_terms": "INTEGER"},
}
_WORD = re.compile(r"[^\W_]+")


def _stem(word: str) -> str:
    """Harman's S-stemmer: the plural endings -ies, -es and -s, nothing else."""
    if len(word) > 3 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def normalise(word: str) -> str:
    """The index term of a word: case-folded, accents taken off, plural ``s`` removed."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return _stem(bare)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Each indexed word of ``text``: its term and its character offsets. Single letters are left out."""
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 2 and not word.isdigit():
            continue
        yield normalise(word), match.start(), match.end()


def query_terms(query: str) -> list[str]:
    """The distinct terms of a search query, in order; an error when it has none."""
    found = list(dict.fromkeys(term for term, _, _ in tokens(query)))
    if not found:
        raise ConfigurationError(f"the search query {query!r} has no word to look for")
    return found


def index_documents(con: Any, documents: Iterable[tuple[str, str | None]]) -> int:
    """Add ``(doc_id, text)`` pairs to the index on the connection ``con`` (inside the caller's transaction).

    Returns the number of documents indexed. The caller removes what the index held for them first.
    """
    ids: list[str] = []
    words: list[str] = []
    counts: list[int] = []
    length_ids: list[str] = []
    lengths: list[int] = []
    for doc_id, text in documents:
        tally = Counter(term for term, _, _ in tokens(text or ""))
        length_ids.append(doc_id)
        lengths.append(sum(tally.values()))
        for term, n in tally.items():
            ids.append(doc_id)
            words.append(term)
            counts.append(n)
    if ids:
        con.execute(
            "INSERT INTO terms SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[])",
            [ids, words, counts],
        )
    if length_ids:
        con.execute(
            "INSERT INTO doc_lengths SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[])", [length_ids, lengths]
        )
    return len(length_ids)


def create_index(con: Any) -> None:
    """Create the index tables and index every stored document (the schema migration to version 2)."""
    for table, cols in INDEX_TABLES.items():
        body = ", ".join(f"{name} {kind}" for name, kind in cols.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    last = ""
    while True:
        rows = con.execute(
            "SELECT doc_id, text FROM documents WHERE doc_id > ? ORDER BY doc_id LIMIT 500", [last]
        ).fetchall()
        if not rows:
            break
        index_documents(con, [(row[0], row[1]) for row in rows])
        last = rows[-1][0]


def bm25_sql(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """A query giving ``doc_id``, ``score`` (BM25) and ``matched`` (how many of ``terms`` the document has) for
    every document with at least one of the terms."""
    sql = f"""
        WITH stats AS (SELECT count(*) AS n, avg(n_terms) AS avgdl FROM doc_lengths),
        df AS (SELECT term, count(*) AS df FROM terms WHERE list_contains(?, term) GROUP BY term)
        SELECT t.doc_id,
            sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                * t.tf * ({K1} + 1) / (t.tf + {K1} * (1 - {B} + {B} * l.n_terms / stats.avgdl))) AS score,
            count(*) AS matched
        FROM terms t JOIN df USING (term) JOIN doc_lengths l USING (doc_id), stats
        WHERE list_contains(?, t.term)
        GROUP BY t.doc_id
    """
    return sql, [list(terms), list(terms)]


def matching_sql(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """A query giving the ``doc_id`` of every document that has all of ``terms``."""
    sql = (
        "SELECT doc_id FROM terms WHERE list_contains(?, term) GROUP BY doc_id "
        "HAVING count(DISTINCT term) = ?"
    )
    return sql, [list(terms), len(set(terms))]


@dataclass(frozen=True)
class Snippet:
    """A passage of a document around the words searched for: offsets into the text, and the words' offsets."""

    start: int
    end: int
    hits: tuple[tuple[int, int], ...]


def snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS) -> Snippet:
    """The passage of ``text`` of about ``width`` characters holding the most of ``terms``."""
    wanted = set(terms)
    hits = [(term, start, end) for term, start, end in tokens(text) if term in wanted]
    if not hits:
        end = _word_end(text, min(len(text), width))
        return Snippet(0, end, ())
    best, best_key = 0, (-1, -1)
    for i, (_, start, _) in enumerate(hits):
        window = [h for h in hits[i:] if h[2] <= start + width]
        key = (len({h[0] for h in window}), len(window))
        if key > best_key:
            best, best_key = i, key
    first = hits[best][1]
    start = _word_start(text, max(0, first - width // 5))
    newline = text.rfind("\n", start, first)
    if newline >= 0:
        start = newline + 1
    end = _word_end(text, min(len(text), start + width))
    inside = tuple((s, e) for _, s, e in hits if s >= start and e <= end)
    return Snippet(start, end, inside)


def _word_start(text: str, at: int) -> int:
    """``at``, moved back to the start of the word it falls in."""
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at
