"""dyad's records: small frozen dataclasses, one per concept.

Every annotation is a pair of character offsets into :attr:`Document.text`; text is sliced from the
document when it is needed (:meth:`Document.slice`), never copied into a record. The JSON Lines exchange
format is produced from these records by :mod:`dyad.serialize`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

RegionKind = Literal["body", "title", "byline", "dateline", "heading", "boilerplate"]
DateSource = Literal["given", "metadata", "inferred"]
ActorType = Literal["state", "group", "organization", "igo", "person", "region"]
TimexType = Literal["DATE", "DURATION", "SET", "TIME"]
Factuality = Literal["asserted", "negated", "hypothetical", "conditional", "planned"]
QuoteType = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Region:
    """A block of the document's layout: body text, or a part kept out of the analysis."""

    span: Span
    kind: RegionKind


@dataclass(frozen=True)
class Document:
    """One ingested article: its text and what is known about it.

    ``text`` is the text exactly as read (after decoding and Unicode NFC); for HTML it is the text that
    extraction produced. Boilerplate, title, byline and headings stay in the text and are marked by
    ``regions``, so that offsets made by others on the same text line up.
    """

    doc_id: str
    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    external_id: str | None = None
    date: dt.date | None = None
    date_source: DateSource | None = None
    language: str = "en"
    regions: tuple[Region, ...] = ()

    @property
    def n_chars(self) -> int:
        return len(self.text)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def body(self) -> tuple[Span, ...]:
        """The spans of the text that the analysis reads."""
        return tuple(r.span for r in self.regions if r.kind == "body")


@dataclass(frozen=True)
class Sentence:
    """A body sentence, trimmed of surrounding white space."""

    index: int
    span: Span


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names or refers to an actor."""

    span: Span
    label: str  # the recogniser's label, e.g. spaCy's PERSON, ORG, GPE, NORP


@dataclass(frozen=True)
class Role:
    """A position an actor holds, possibly for a stated period (ISO dates at their precision)."""

    title: str
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    """A state, group, organisation or person, with every mention of it in one document."""

    actor_id: str
    name: str
    type: ActorType | None = None
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class ActorRef:
    """The part of an actor that an event or a quote carries."""

    actor_id: str
    name: str
    type: ActorType | None = None
    country: str | None = None
    sector: str | None = None

    @classmethod
    def of(cls, actor: Actor) -> ActorRef:
        return cls(actor.actor_id, actor.name, actor.type, actor.country, actor.sector)


@dataclass(frozen=True)
class TimeValue:
    """A time expression and its value in TimeML/ISO 8601 form at its own precision.

    ``value`` is ``None`` while the expression is not resolved. ``anchor`` says what a relative value was
    computed from; ``inferred`` is true when a part of the value (a year, a month) is not in the text.
    """

    span: Span
    type: TimexType
    value: str | None = None
    precision: str | None = None
    anchor: str | None = None
    inferred: bool = False
    mod: str | None = None


@dataclass(frozen=True)
class Dating:
    """The date a clause (or an event noun) refers to, as the time stage reads it.

    ``head`` is the predicate: a verb, or a noun that a date modifies ("the 17 April decision").
    ``source`` says where the date comes from: ``clause`` (a time expression of the clause), ``sentence``
    (one elsewhere in the sentence), ``narrative`` (the last date the text moved to, one step coarser),
    ``document`` (the document date, at month precision). ``future`` is true when the clause is in the
    future tense or the date is after the document date.
    """

    head: Span
    value: str | None
    precision: str | None
    inferred: bool
    source: Literal["clause", "sentence", "narrative", "document"]
    timex: Span | None = None
    tense: Literal["past", "present", "future"] | None = None
    future: bool = False


@dataclass(frozen=True)
class Place:
    """A toponym and where it is."""

    span: Span
    name: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    metonymic: bool = False
    claimants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Locating:
    """Where a clause (or an event noun) happens, as the places stage reads it.

    ``head`` is the predicate; ``place`` the span of the toponym; ``source`` is ``clause`` (a place
    attached to the clause: "met in Kabul", "during his visit to Uzbekistan") or ``sentence`` (a place
    elsewhere in the sentence).
    """

    head: Span
    place: Span
    source: Literal["clause", "sentence"]


@dataclass(frozen=True)
class Event:
    """One coded event: PLOVER type and mode, CAMEO code, its arguments and its evidence."""

    id: str
    event: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    quad_code: int | None = None
    event_scale: float | None = None
    date: str | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    actor: tuple[ActorRef, ...] = ()
    recipient: tuple[ActorRef, ...] = ()
    event_loc: Place | None = None
    factuality: Factuality = "asserted"
    reported_by: ActorRef | None = None
    confidence: float = 0.0
    quote_id: str | None = None
    mentions: tuple[Span, ...] = ()  # triggers of later words that name this same event again


@dataclass(frozen=True)
class Quote:
    """Direct or indirect speech, its speaker and its cue.

    ``span`` runs from the first to the last word quoted; ``parts`` are the pieces when the quote is broken by
    its attribution ("“We will not yield,” he said, “not now.”"). ``source`` is where the text names the speaker
    (a name, "he", "a senior official"), whether or not it resolves to an actor; ``speaker`` is the actor, or
    ``None`` when the words do not say who.
    """

    id: str
    span: Span
    sentence: Span
    quote_type: QuoteType
    speaker: ActorRef | None = None
    cue: Span | None = None
    date: str | None = None
    date_precision: str | None = None
    about: tuple[ActorRef, ...] = ()
    parts: tuple[Span, ...] = ()
    source: Span | None = None


@dataclass(frozen=True)
class Analysis:
    """A document and the layers the pipeline stages have added to it.

    ``layers`` names what has been added so far; the pipeline runner checks it against what each stage
    requires. ``parse`` holds the spaCy ``Doc`` of the document (not serialised).
    """

    document: Document
    layers: frozenset[str] = frozenset({"document"})
    parse: Any = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    timexes: tuple[TimeValue, ...] = ()
    datings: tuple[Dating, ...] = ()
    places: tuple[Place, ...] = ()
    locatings: tuple[Locating, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def dating_of(self, span: Span) -> Dating | None:
        """The dating of the predicate at ``span`` (its first token), if the time stage dated it."""
        for dating in self.datings:
            if (
                dating.head.start <= span.start < dating.head.end
                or span.start <= dating.head.start < span.end
            ):
                return dating
        return None

    def place_at(self, span: Span) -> Place | None:
        """The place whose toponym is at ``span``."""
        for place in self.places:
            if place.span == span:
                return place
        return None

    def locating_of(self, span: Span) -> Locating | None:
        """The locating of the predicate at ``span`` (its first token), if the places stage located it."""
        for locating in self.locatings:
            if (
                locating.head.start <= span.start < locating.head.end
                or span.start <= locating.head.start < span.end
            ):
                return locating
        return None

    def sentence_of(self, span: Span) -> Sentence | None:
        """The body sentence that contains the start of ``span``."""
        starts = [s.span.start for s in self.sentences]
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < self.sentences[i].span.end:
            return self.sentences[i]
        return None
