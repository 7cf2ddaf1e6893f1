"""Finding toponyms and choosing, for each, the place it names.

A toponym's candidates come from the gazetteer; each is scored by how important it is (a country, a
capital, a city's population), by the countries the article talks about, by an explicit qualifier ("Kazan,
Russia", "Tripoli in Lebanon") and by the other places of its sentence. Places the actors stage took for
actors ("Moscow said", "sanctions on Iran") are kept as toponyms marked metonymic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dyad.knowledge.names import Gazetteer as NameFinder
from dyad.knowledge.places import Entry, Gazetteer, distance_km
from dyad.model import Analysis, Place, Span

_LABELS = ("GPE", "LOC", "FAC")
# Gatherings named after where they meet: "the Kazan Economic Forum", "the Munich Security Conference".
GATHERINGS = frozenset(
    [
        "forum",
        "summit",
        "conference",
        "talks",
        "meeting",
        "meetings",
        "games",
        "olympics",
        "expo",
        "congress",
        "convention",
        "process",
        "format",
        "dialogue",
        "negotiations",
        "festival",
        "show",
        "assembly",
    ]
)
_PRIOR = {
    "country": 5.0,
    "disputed": 4.0,
    "region": 3.5,
    "sea": 4.0,
    "ocean": 5.0,
    "gulf": 3.5,
    "strait": 3.5,
    "continent": 5.0,
    "admin1": 2.8,
    "river": 2.5,
    "lake": 2.5,
    "mountains": 3.0,
    "desert": 3.0,
    "canal": 3.0,
    "peninsula": 3.0,
    "island": 2.0,
    "islands": 2.5,
    "valley": 2.0,
}
# Words that name a direction or a quarter, not a place, when they stand alone ("the South", "the West").
_NOT_ALONE = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "centre",
        "center",
        "middle",
        "capital",
        "city",
        "state",
        "union",
        "republic",
        "kingdom",
    }
)


@dataclass
class Toponym:
    """A name of a place in the text, before and after resolution."""

    span: Span
    text: str
    start: int  # first token
    end: int
    metonymic: bool = False
    country: str | None = None  # known beforehand, for metonymic mentions of states
    entry: Entry | None = None


def _prior(entry: Entry) -> float:
    if entry.feature == "city":
        return 0.75 * math.log10(entry.population + 1) - 1.5 + (1.5 if entry.capital else 0.0)
    return _PRIOR.get(entry.feature, 2.0)


class Resolver:
    """Finds and resolves the toponyms of one document."""

    def __init__(self, gazetteer: Gazetteer, names: NameFinder, analysis: Analysis) -> None:
        self.gaz = gazetteer
        self.names = names
        self.analysis = analysis
        self.doc = analysis.parse

    # Finding ------------------------------------------------------------------------------------------
    def find(self) -> list[Toponym]:
        doc, text = self.doc, self.analysis.document.text
        taken: set[int] = set()
        out: list[Toponym] = []
        actor_tokens: set[int] = set()
        for actor in self.analysis.actors:
            for mention in actor.mentions:
                span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
                if span is None:
                    continue
                actor_tokens.update(range(span.start, span.end))
                words = text[mention.span.start : mention.span.end]
                if actor.type == "state" and self.gaz.lookup(words):
                    out.append(Toponym(mention.span, words, span.start, span.end, True, actor.country))
                    taken.update(range(span.start, span.end))
        blocked = {
            i
            for e in doc.ents
            if e.label_ in ("ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "LAW")
            for i in range(e.start, e.end)
        }
        for sentence in self.analysis.sentences:
            span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if span is None:
                continue
            for hit in self.names.find(doc, span.start, span.end):
                if any(i in taken or i in blocked or i in actor_tokens for i in range(hit.start, hit.end)):
                    continue
                toponym = self._toponym(hit.start, hit.end)
                if toponym is not None:
                    out.append(toponym)
                    taken.update(range(hit.start, hit.end))
            for ent in span.ents:
                if any(i in taken or i in actor_tokens for i in range(ent.start, ent.end)):
                    continue
                if ent.label_ not in _LABELS and not (
                    ent.label_ in ("ORG", "PRODUCT", "PERSON", "NORP") and self._placelike(ent)
                ):
                    continue
                for s, e in self._conjuncts(ent):
                    while s < e and doc[s].lower_ == "the":
                        s += 1
                    while e > s and doc[e - 1].tag_ == "POS":
                        e -= 1
                    toponym = self._toponym(s, e) if s < e else None
                    if toponym is not None:
                        out.append(toponym)
                        taken.update(range(s, e))
        for ent in doc.ents:
            if ent.label_ in ("ORG", "EVENT", "FAC") and ent[-1].lower_ in GATHERINGS:
                toponym = self._venue(ent, taken | actor_tokens)
                if toponym is not None:
                    out.append(toponym)
                    taken.update(range(toponym.start, toponym.end))
        out.sort(key=lambda t: t.span.start)
        return out

    def _venue(self, ent: Any, taken: set[int]) -> Toponym | None:
        """The place a gathering is named after: the longest leading run of words that is a city or country."""
        start = ent.start
        while start < ent.end and self.doc[start].lower_ == "the":
            start += 1
        for end in range(ent.end - 1, start, -1):
            if any(i in taken for i in range(start, end)):
                return None
            if any(
                e.feature in ("city", "country", "admin1") for e in self.gaz.known(self.doc[start:end].text)
            ):
                return self._toponym(start, end)
        return None

    def _conjuncts(self, ent: Any) -> list[tuple[int, int]]:
        """ "Bakhmut and Avdiivka" as one entity: two names, when each is a known place."""
        words = [t for t in ent if t.lower_ in ("and", "or", ",")]
        if not words:
            return [(ent.start, ent.end)]
        parts, start = [], ent.start
        for w in words:
            parts.append((start, w.i))
            start = w.i + 1
        parts.append((start, ent.end))
        if all(e > s and self.gaz.lookup(self.doc[s:e].text) for s, e in parts):
            return parts
        return [(ent.start, ent.end)]

    def _placelike(self, ent: Any) -> bool:
        """A name the parser took for an organisation or a person but that is a known place: a region or a
        large city, or any known place in a place's slot ("between Quetta and Karachi")."""
        if ent.label_ == "PERSON" and len(ent) > 1:
            return False
        parts = self._conjuncts(ent)
        if len(parts) > 1 or self.gaz.is_place_name(ent.text):
            return True
        if not self.gaz.lookup(ent.text):
            return False
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is None:
            return False
        if before.lower_ in (
            "in",
            "at",
            "near",
            "from",
            "to",
            "into",
            "outside",
            "around",
            "of",
            "across",
            "towards",
            "between",
            "via",
            "through",
        ):
            return not (ent.end < len(self.doc) and self.doc[ent.end].pos_ in ("PROPN",))
        return (
            before.lower_ in ("and", ",", "or")
            and ent.start > 1
            and bool(self.gaz.lookup(self.doc[ent.start - 2].text))
        )

    def _toponym(self, start: int, end: int) -> Toponym | None:
        first, last = self.doc[start], self.doc[end - 1]
        if end - start == 1 and (first.lower_ in _NOT_ALONE or not first.text[:1].isupper()):
            return None
        span = Span(first.idx, last.idx + len(last.text))
        return Toponym(span, self.analysis.document.slice(span), start, end)

    # Resolving ----------------------------------------------------------------------------------------
    def resolve(self, toponyms: Sequence[Toponym]) -> list[Toponym]:
        context: Counter[str] = Counter()
        for actor in self.analysis.actors:
            if actor.country:
                context[actor.country] += len(actor.mentions)
        pending: list[tuple[Toponym, list[Entry]]] = []
        for toponym in toponyms:
            candidates = self.gaz.lookup(toponym.text)
            if toponym.country:
                # A state the actors stage found: the country itself when the name is the country's.
                candidates = (
                    [c for c in candidates if c.country == toponym.country and c.feature == "country"]
                    or [c for c in candidates if c.country == toponym.country]
                    or candidates
                )
            if len(candidates) == 1 or (candidates and toponym.country):
                toponym.entry = max(candidates, key=_prior)
                if toponym.entry.country:
                    context[toponym.entry.country] += 1
            elif candidates:
                pending.append((toponym, candidates))
        total = sum(context.values()) or 1
        for toponym, candidates in pending:
            qualifier = self._qualifier(toponym, toponyms)
            neighbours = Counter(
                t.entry.country
                for t in toponyms
                if t.entry and t.entry.country and t is not toponym and abs(t.start - toponym.start) < 40
            )

            shadowed = any(c.feature == "country" for c in candidates)

            def score(
                entry: Entry,
                shadowed: bool = shadowed,
                qualifier: Entry | None = qualifier,
                neighbours: Counter[str] = neighbours,
                text: str = toponym.text,
            ) -> float:
                value = _prior(entry) - (1.5 if self.gaz.by_alternate(text, entry) else 0.0)
                value -= 1.0 if self.gaz.by_shortening(text, entry) else 0.0
                if entry.feature == "city" and shadowed:
                    value -= 2.5  # "Greece" is the country, not the town in New York
                if entry.country:
                    value += 2.0 * context[entry.country] / total
                    value += min(1.0, 0.5 * neighbours[entry.country])
                    if qualifier is not None:
                        value += 6.0 if entry.country == qualifier.country else -2.0
                        near = distance_km(entry.lat, entry.lon, qualifier.lat, qualifier.lon) < 500
                        value += 3.0 if qualifier.feature == "admin1" and near else 0.0
                return value

            toponym.entry = max(candidates, key=score)
            if toponym.entry.country:
                context[toponym.entry.country] += 1
        return list(toponyms)

    def _qualifier(self, toponym: Toponym, toponyms: Sequence[Toponym]) -> Entry | None:
        """The country or division named right after a place to say where it is: "Kazan, Russia", "Tripoli in
        Lebanon", "Parkland, Florida"."""
        for other in toponyms:
            if other.start <= toponym.end or other.start > toponym.end + 2:
                continue
            between = " ".join(t.lower_ for t in self.doc[toponym.end : other.start])
            if between in (",", "in", ", in"):
                entries = self.gaz.lookup(other.text)
                areas = [e for e in entries if e.feature in ("country", "admin1") and e.country]
                if areas:
                    return max(areas, key=_prior)
        return None

    # Records ------------------------------------------------------------------------------------------
    def places(self) -> tuple[Place, ...]:
        out = []
        for toponym in self.resolve(self.find()):
            entry = toponym.entry
            if entry is None:
                out.append(Place(toponym.span, toponym.text, metonymic=toponym.metonymic))
                continue
            out.append(
                Place(
                    span=toponym.span,
                    name=entry.name,
                    country_code=entry.country,
                    lat=round(entry.lat, 5),
                    lon=round(entry.lon, 5),
                    geonameid=entry.geonameid,
                    feature=entry.feature,
                    metonymic=toponym.metonymic,
                    claimants=entry.claimants,
                )
            )
        return tuple(out)


def region_names(gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """Names to look for in the text with the token matcher: countries, regions, divisions, and cities whose
    name has several words ("Dera Ghazi Khan"); single-word cities come from the parser."""
    return [(name, "entity", name) for name in sorted(gaz.surface | gaz.multiword)]


def tokens_of(doc: Any, span: Span) -> tuple[int, int] | None:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return (found.start, found.end) if found is not None else None
