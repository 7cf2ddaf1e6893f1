"""The quotes stage scored against gold attributions: what ``dyad eval quotes`` runs.

Gold is brat standoff, as in the PolNeAR corpus: a folder with ``text/NAME.txt`` and ``attributions/NAME_*.ann``
(when an article has several annotators' files, the first by name is the gold), and optionally a
``metadata.tsv`` (with ``filename`` and ``publication_date`` columns) in the folder or the one above it. Each
attribution links a ``Content`` span (possibly in pieces), a ``Cue`` and a ``Source``.

A predicted quote matches a gold attribution when their contents overlap with a token Jaccard of 0.5 or more (one
to one, best first); ``content_f1_exact`` asks for the same first and last character, ``content_f1_any`` for any
overlap. On matched quotes the speaker is right when the words dyad gives as the source, or a mention of the
speaker actor, overlap the gold Source (and when both say there is none). End-to-end F1 counts quotes matched with
the right speaker. ``speaker_accuracy_any`` and ``end_to_end_f1_any`` are the same over the quotes matched by any
overlap (the two readings of "overlap match" in PolNeAR's scoring recipe). Scores are also split into direct quotes
(gold content between quotation marks; dyad's ``direct``) and indirect ones (the rest; dyad's ``indirect`` and
``mixed``).

``baseline=True`` scores textacy's ``direct_quotations`` on the same parses, when textacy is installed.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import MalformedInputError
from dyad.ingest import make_document
from dyad.model import Analysis, Span
from dyad.options import Options, parse_date

_MARKS = '“”"‘’«»„'
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class GoldQuote:
    parts: tuple[Span, ...]
    cue: Span | None
    source: Span | None

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


@dataclass(frozen=True)
class GoldArticle:
    where: str
    text: str
    date: Any
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True)
class Predicted:
    """A quote as scored: content pieces, speaker words and mentions, direct or not."""

    parts: tuple[Span, ...]
    source: tuple[Span, ...]
    direct: bool


def _spans(cell: str, where: str) -> tuple[Span, ...]:
    try:
        return tuple(Span(int(a), int(b)) for a, b in (p.split() for p in cell.split(";")))
    except ValueError as exc:
        raise MalformedInputError(where, f"bad offsets {cell!r}") from exc


def read_ann(path: Path, text: str) -> tuple[GoldQuote, ...]:
    """The attributions of one brat file."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path}:{number}"
        cells = line.split("\t")
        if not cells or not cells[0]:
            continue
        if cells[0].startswith("T") and len(cells) >= 2:
            kind, _, offsets = cells[1].partition(" ")
            spans[cells[0]] = (kind, _spans(offsets, where))
        elif cells[0].startswith("E") and len(cells) >= 2:
            args = dict(a.split(":", 1) for a in cells[1].split() if ":" in a)
            events.append(args)
    out = []
    for args in events:
        if "Attribution" not in args or "Content" not in args or args["Content"] not in spans:
            continue
        content = tuple(sorted(spans[args["Content"]][1]))
        cue = spans[args["Cue"]][1][0] if args.get("Cue") in spans else None
        source = spans[args["Source"]][1][0] if args.get("Source") in spans else None
        if content and content[-1].end <= len(text):
            out.append(GoldQuote(content, cue, source))
    return tuple(sorted(out, key=lambda q: q.start))


def _dates(folder: Path) -> dict[str, str]:
    for candidate in (folder / "metadata.tsv", folder.parent / "metadata.tsv"):
        if candidate.is_file():
            rows = csv.DictReader(candidate.read_text(encoding="utf-8").splitlines(), delimiter="\t")
            return {r["filename"]: r.get("publication_date") or "" for r in rows if r.get("filename")}
    return {}


def read_folder(folder: str | os.PathLike[str]) -> Iterator[GoldArticle]:
    """The articles of a brat attribution folder (``text/`` and ``attributions/``)."""
    root = Path(folder)
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise MalformedInputError(str(root), "not a gold folder: it needs text/ and attributions/")
    dates = _dates(root)
    for text_path in sorted(texts.glob("*.txt")):
        stem = text_path.stem
        files = sorted(anns.glob(f"{stem}*.ann"))
        if not files:
            continue
        text = text_path.read_text(encoding="utf-8")
        raw = dates.get(stem, "")
        date = parse_date(raw) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else None
        yield GoldArticle(str(text_path), text, date, read_ann(files[0], text))


def _is_direct(text: str, parts: Sequence[Span]) -> bool:
    start, end = parts[0].start, parts[-1].end
    head = text[max(0, start - 1) : start + 1]
    tail = text[max(0, end - 1) : end + 1]
    return any(c in _MARKS for c in head) and any(c in _MARKS for c in tail)


def _words(text: str, parts: Sequence[Span]) -> set[tuple[int, int]]:
    out = set()
    for part in parts:
        for m in _WORD.finditer(text, part.start, part.end):
            out.add((m.start(), m.end()))
    return out


@dataclass
class QuoteScores:
    """Counts pooled over articles for one system."""

    articles: int = 0
    skipped: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_exact: int = 0
    matched_any: int = 0
    speaker_right: int = 0
    speaker_right_any: int = 0
    # kind -> gold, predicted, matched (gold of that kind), speaker right, matched (predictions of that kind)
    split: dict[str, list[int]] = field(default_factory=dict)
    mistakes: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float]:
        def ratio(a: float, b: float) -> float:
            return a / b if b else 0.0

        def f1(matched: int, predicted: int, gold: int, matched_predicted: int | None = None) -> float:
            p = ratio(matched if matched_predicted is None else matched_predicted, predicted)
            r = ratio(matched, gold)
            return ratio(2 * p * r, p + r)

        out = {
            "content_precision": ratio(self.matched, self.predicted),
            "content_recall": ratio(self.matched, self.gold),
            "content_f1": f1(self.matched, self.predicted, self.gold),
            "content_f1_exact": f1(self.matched_exact, self.predicted, self.gold),
            "content_f1_any": f1(self.matched_any, self.predicted, self.gold),
            "speaker_accuracy": ratio(self.speaker_right, self.matched),
            "end_to_end_f1": f1(self.speaker_right, self.predicted, self.gold),
            "speaker_accuracy_any": ratio(self.speaker_right_any, self.matched_any),
            "end_to_end_f1_any": f1(self.speaker_right_any, self.predicted, self.gold),
        }
        for kind in ("direct", "indirect"):
            # recall over the gold quotes of the kind, precision over dyad's quotes of the kind
            gold, predicted, matched, right, matched_predicted = self.split.get(kind, [0, 0, 0, 0, 0])
            out[f"{kind}_f1"] = f1(matched, predicted, gold, matched_predicted)
            out[f"{kind}_speaker_accuracy"] = ratio(right, matched)
        return out

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}

    def add(self, kind: str, slot: int) -> None:
        self.split.setdefault(kind, [0, 0, 0, 0, 0])[slot] += 1


def score(gold: GoldArticle, text: str, predicted: Sequence[Predicted], scores: QuoteScores) -> None:
    scores.articles += 1
    scores.gold += len(gold.quotes)
    scores.predicted += len(predicted)
    gold_words = [_words(text, g.parts) for g in gold.quotes]
    pred_words = [_words(text, p.parts) for p in predicted]
    pairs = []
    for gi, gw in enumerate(gold_words):
        for pi, pw in enumerate(pred_words):
            if gw and pw and gw & pw:
                pairs.append((len(gw & pw) / len(gw | pw), gi, pi))
    pairs.sort(reverse=True)
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    for jaccard, gi, pi in pairs:
        if gi in taken_g or pi in taken_p:
            continue
        taken_g.add(gi)
        taken_p.add(pi)
        g, p = gold.quotes[gi], predicted[pi]
        if g.source is None:
            right = not p.source
        else:
            right = any(s.start < g.source.end and g.source.start < s.end for s in p.source)
        scores.matched_any += 1
        scores.speaker_right_any += right
        if jaccard < 0.5:
            continue
        scores.matched += 1
        kind = "direct" if _is_direct(text, g.parts) else "indirect"
        scores.add(kind, 2)
        scores.add("direct" if p.direct else "indirect", 4)
        if (g.start, g.end) == (p.parts[0].start, p.parts[-1].end):
            scores.matched_exact += 1
        scores.speaker_right += right
        scores.split[kind][3] += right
        if not right:
            words = text[g.source.start : g.source.end] if g.source else "(none)"
            scores.mistakes[(text[g.start : g.end][:60], words, "wrong speaker")] += 1
    for gi, g in enumerate(gold.quotes):
        scores.add("direct" if _is_direct(text, g.parts) else "indirect", 0)
        if gi not in taken_g:
            scores.mistakes[(text[g.start : g.end][:60], "(missed)", "")] += 1
    for pi, p in enumerate(predicted):
        scores.add("direct" if p.direct else "indirect", 1)
        if pi not in taken_p:
            scores.mistakes[(text[p.parts[0].start : p.parts[-1].end][:60], "(not a quote)", "")] += 1


def dyad_quotes(analysis: Analysis) -> list[Predicted]:
    """dyad's quotes in the form the scorer reads: the source words and every mention of the speaker."""
    mentions = {a.actor_id: [m.span for m in a.mentions] for a in analysis.actors}
    out = []
    for q in analysis.quotes:
        source = [q.source] if q.source else []
        if q.speaker is not None:
            source += mentions.get(q.speaker.actor_id, [])
        out.append(Predicted(q.parts or (q.span,), tuple(source), q.quote_type == "direct"))
    return out


def textacy_quotes(analysis: Analysis) -> list[Predicted] | None:
    """textacy's ``direct_quotations`` on dyad's parse, or ``None`` when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    out = []
    try:
        triples = list(direct_quotations(analysis.parse))
    except (ValueError, IndexError, AttributeError):  # textacy fails on some documents
        return []
    for triple in triples:
        content = triple.content
        source = tuple(Span(t.idx, t.idx + len(t.text)) for t in triple.speaker)
        out.append(Predicted((Span(content.start_char, content.end_char),), source, True))
    return out


def evaluate_quotes(
    folders: Sequence[str | os.PathLike[str]], options: Options | None = None, baseline: bool = False
) -> tuple[QuoteScores, QuoteScores | None]:
    """Score the quotes stage (and textacy's direct quotations when ``baseline``) on gold folders."""
    from dyad import actors, parse, places, quotes, time
    from dyad.pipeline import Pipeline

    options = options or Options()
    pipeline = Pipeline([parse.STAGE, time.STAGE, actors.STAGE, places.STAGE, quotes.STAGE])
    ours = QuoteScores()
    theirs: QuoteScores | None = QuoteScores() if baseline else None
    for folder in folders:
        for gold in read_folder(folder):
            opts = options.with_(date=gold.date)
            document = make_document(gold.text, gold.where, opts)
            if document.text != gold.text:
                # Reading normalised the text (NFC), so the gold offsets no longer point at its words.
                ours.skipped += 1
                continue
            analysis = pipeline(document, opts)
            score(gold, gold.text, dyad_quotes(analysis), ours)
            if theirs is not None:
                found = textacy_quotes(analysis)
                if found is None:
                    theirs = None
                else:
                    score(gold, gold.text, found, theirs)
    return ours, theirs
