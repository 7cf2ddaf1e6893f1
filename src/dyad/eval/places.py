"""The places stage scored against gold toponyms: what ``dyad eval places`` runs.

Two gold formats: GeoWebNews XML (``<article><text>`` with ``<toponym>`` elements giving ``start``, ``end``,
``type`` and, for some, ``latitude``/``longitude``), and dyad's JSON Lines (``{"id", "date", "text",
"toponyms": [{"start", "end", "text", "name", "country", "lat", "lon", "feature", "metonymic"}]}``).

- recognition: a prediction is right when it overlaps a gold toponym; recall is over the gold toponyms that
  carry coordinates (GeoWebNews) or over all of them (dyad's gold);
- resolution, over matched gold toponyms with coordinates: the great-circle error, the share within 161 km,
  the median error, and the share in the right country. For GeoWebNews, which gives no country, the gold
  country is that of the nearest known city, division, island or country point within 50 km, else of the
  nearest country point; a toponym placed within 161 km of its gold point on a place that belongs to no one
  country (a continent, an ocean, a sea, a region of several states) is not scored for country, having none;
- metonymy: the share of matched toponyms whose metonymic flag is right (GeoWebNews: its ``Literal`` and
  ``Metonymic`` types).
"""

from __future__ import annotations

import os
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import InputError, MalformedInputError
from dyad.eval.gold import gold_lines
from dyad.ingest import make_document
from dyad.knowledge.places import Gazetteer, distance_km
from dyad.model import Place
from dyad.options import Options
from dyad.pipeline import Pipeline

_NOT_TOPONYMS = frozenset({"Non_Toponym", "Demonym", "Language", "Homonym"})


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    country: str | None = None
    metonymic: bool | None = None
    scored: bool = True  # counts for recall
    derive_country: bool = True  # the gold gives no country: take that of the nearest known place


@dataclass(frozen=True)
class GoldDocument:
    where: str
    text: str
    date: Any
    toponyms: tuple[GoldToponym, ...]


# GeoWebNews types that say whether a name is used for its place or for what is there ("Moscow said").
_GWN_METONYMY = {"Literal": False, "Metonymic": True}


def read_gwn(path: str | os.PathLike[str]) -> Iterator[GoldDocument]:
    """The articles of a GeoWebNews XML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise MalformedInputError(str(path), f"malformed XML ({exc})") from exc
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            kind = (t.findtext("type") or "").strip()
            if kind in _NOT_TOPONYMS:
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            has = bool(lat and lon and lat.strip() and lon.strip())
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    float(lat) if has and lat else None,
                    float(lon) if has and lon else None,
                    scored=has,
                    metonymic=_GWN_METONYMY.get(kind),
                )
            )
        yield GoldDocument(f"{path}:{article.get('file')}", text, None, tuple(toponyms))


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[GoldDocument]:
    """The documents of dyad's JSON Lines gold."""
    for line in gold_lines(path, "places", _toponyms):
        yield GoldDocument(line.id, line.text, line.date, line.annotations)


def _toponyms(record: dict[str, Any]) -> tuple[GoldToponym, ...]:
    return tuple(
        GoldToponym(
            t["start"],
            t["end"],
            t["text"],
            t.get("lat"),
            t.get("lon"),
            t.get("country"),
            bool(t.get("metonymic")),
            derive_country=False,
        )
        for t in record["toponyms"]
    )


@dataclass
class PlaceScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    predicted_right: int = 0
    recalled: int = 0
    errors_km: list[float] = field(default_factory=list)
    unresolved: int = 0
    country_checked: int = 0
    country_right: int = 0
    metonymy_checked: int = 0
    metonymy_right: int = 0
    mistakes: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float]:
        def ratio(a: float, b: float) -> float:
            return a / b if b else 0.0

        precision, recall = ratio(self.predicted_right, self.predicted), ratio(self.recalled, self.gold)
        resolved = len(self.errors_km) + self.unresolved
        return {
            "recognition_precision": precision,
            "recognition_recall": recall,
            "recognition_f1": ratio(2 * precision * recall, precision + recall),
            "accuracy_161km": ratio(sum(e <= 161 for e in self.errors_km), resolved),
            "median_error_km": statistics.median(self.errors_km) if self.errors_km else 0.0,
            "country_accuracy": ratio(self.country_right, self.country_checked),
            "metonymy_accuracy": ratio(self.metonymy_right, self.metonymy_checked),
        }

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}


class _Countries:
    """The country of a point: that of the nearest city, division, island or country point within 50 km, else of
    the nearest country point."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.cities = [e for entries in gaz.index.values() for e in entries if e.country and not e.claimants]
        self.cells: dict[tuple[int, int], list[Any]] = {}
        for entry in set(self.cities):
            self.cells.setdefault((int(entry.lat), int(entry.lon)), []).append(entry)
        self.countries = list(gaz.countries.values())

    def of(self, lat: float, lon: float) -> str | None:
        best, best_km = None, 50.0
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for entry in self.cells.get((int(lat) + dlat, int(lon) + dlon), ()):
                    km = distance_km(lat, lon, entry.lat, entry.lon)
                    if km < best_km:
                        best, best_km = entry.country, km
        if best is not None:
            return str(best)
        nearest = min(self.countries, key=lambda e: distance_km(lat, lon, e.lat, e.lon), default=None)
        return nearest.country if nearest else None


def score(gold: GoldDocument, places: Sequence[Place], scores: PlaceScores, countries: _Countries) -> None:
    scores.documents += 1
    scores.gold += sum(t.scored for t in gold.toponyms)
    scores.predicted += len(places)
    matched: dict[int, int] = {}
    for pi, place in enumerate(places):
        overlaps = [
            gi for gi, t in enumerate(gold.toponyms) if t.start < place.span.end and place.span.start < t.end
        ]
        if overlaps:
            scores.predicted_right += 1
            gi = overlaps[0]
            matched.setdefault(gi, pi)
        else:
            scores.mistakes[
                (gold.text[place.span.start : place.span.end], "(not a toponym)", place.name)
            ] += 1
    for gi, toponym in enumerate(gold.toponyms):
        if gi not in matched:
            if toponym.scored:
                scores.mistakes[(toponym.text, "(missed)", "")] += 1
            continue
        place = places[matched[gi]]
        if toponym.scored:
            scores.recalled += 1
        if toponym.metonymic is not None:
            scores.metonymy_checked += 1
            scores.metonymy_right += toponym.metonymic == place.metonymic
        if toponym.lat is None or toponym.lon is None:
            continue
        if place.lat is None or place.lon is None:
            scores.unresolved += 1
            scores.mistakes[(toponym.text, f"{toponym.lat:.2f},{toponym.lon:.2f}", "(unresolved)")] += 1
            continue
        km = distance_km(toponym.lat, toponym.lon, place.lat, place.lon)
        scores.errors_km.append(km)
        expected = toponym.country or (
            countries.of(toponym.lat, toponym.lon) if toponym.derive_country else None
        )
        if expected and (toponym.country or place.country_code or place.claimants or km > 161):
            scores.country_checked += 1
            scores.country_right += expected == place.country_code or expected in place.claimants
        if km > 161:
            scores.mistakes[
                (
                    toponym.text,
                    f"{toponym.lat:.2f},{toponym.lon:.2f} {expected}",
                    f"{place.name} {place.country_code} {km:.0f} km",
                )
            ] += 1


def evaluate_places(paths: Sequence[str | os.PathLike[str]], options: Options | None = None) -> PlaceScores:
    """Score the places stage on gold files (GeoWebNews ``.xml`` or dyad ``.jsonl``)."""
    from dyad import actors, parse, places, time
    from dyad.knowledge.actors import knowledge
    from dyad.knowledge.places import gazetteer

    options = options or Options()
    pipeline = Pipeline([parse.STAGE, time.STAGE, actors.STAGE, places.STAGE])
    countries = _Countries(gazetteer(knowledge()))
    scores = PlaceScores()
    for path in paths:
        reader = read_gwn if str(path).endswith(".xml") else read_jsonl
        for gold in reader(path):
            opts = options.with_(date=gold.date)
            try:
                document = make_document(gold.text, gold.where, opts, layout=False)
            except InputError:
                continue
            score(gold, pipeline(document, opts).places, scores, countries)
    return scores
