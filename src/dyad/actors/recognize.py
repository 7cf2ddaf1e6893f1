"""Recognising actor mentions: names the knowledge knows, named entities, institutions and offices of a
state ("Russia's Supreme Court", "the Afghan foreign minister"), capitals and buildings standing for a
government ("Moscow said", "the Kremlin"), descriptions ("the envoy", "the alliance", "the junta") and
pronouns, with the parse deciding when a place name is an actor.

Extent conventions: a possessive owner is its own mention ("Russia" and "Supreme Court" in "Russia's Supreme
Court"); an adjective or noun owner is part of the mention ("US president", "Western intelligence
agencies"); a title before a name is not part of the name ("President [Putin]"); a title set in apposition
is a mention of the person too ("[Russia's] [special envoy for Afghanistan], [Zamir Kabulov]").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dyad.knowledge.actors import Institution, Knowledge, Title
from dyad.knowledge.names import Hit, gazetteer, norm
from dyad.knowledge.places import gazetteer as place_gazetteer
from dyad.model import ActorType

# Prepositions after which a place name is a party, not a location: "talks with Kabul".
_PARTY = frozenset({"with", "by", "against", "between", "among", "versus", "vs"})
# Verbs and nouns of motion: "travelled to Kabul", "a flight from Moscow" name places.
_MOVEMENT = frozenset(
    {
        "travel",
        "go",
        "fly",
        "come",
        "return",
        "arrive",
        "move",
        "deploy",
        "send",
        "visit",
        "head",
        "reach",
        "leave",
        "flee",
        "drive",
        "sail",
        "march",
        "walk",
        "cross",
        "enter",
        "relocate",
        "evacuate",
        "transfer",
        "bring",
        "take",
        "ship",
        "export",
        "import",
        "smuggle",
        "expel",
        "deport",
        "extradite",
        "trip",
        "journey",
        "flight",
        "route",
        "road",
        "corridor",
        "border",
        "withdraw",
        "pull",
        "retreat",
        "advance",
        "push",
        "launch",
        "fire",
        "strike",
        "attack",
        "shell",
        "bomb",
        "sweep",
        "spread",
        "extend",
        "stretch",
        "run",
    }
)
_PLACE_HEADS = frozenset(
    {
        "city",
        "capital",
        "outskirts",
        "centre",
        "center",
        "streets",
        "street",
        "province",
        "region",
        "north",
        "south",
        "east",
        "west",
        "part",
        "parts",
        "airport",
        "suburbs",
        "border",
        "area",
        "heart",
        "edge",
    }
)
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_EVENT_HEADS = frozenset(
    {
        "forum",
        "summit",
        "conference",
        "games",
        "olympics",
        "festival",
        "expo",
        "talks",
        "war",
        "agreement",
        "accords",
        "accord",
        "treaty",
        "process",
        "format",
        "declaration",
        "cup",
        "award",
        "prize",
        "plan",
    }
)
TITLE_WORDS = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emir",
        "sultan",
        "prince",
        "general",
        "gen.",
        "gen",
        "admiral",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "chief",
        "commander",
        "director",
        "head",
        "senator",
        "sen.",
        "rep.",
        "governor",
        "mayor",
        "judge",
        "justice",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "sheikh",
        "ayatollah",
        "mullah",
        "colonel",
        "col.",
        "lt.",
        "maj.",
        "capt.",
        "sgt.",
        "foreign",
        "defence",
        "defense",
        "prime",
        "deputy",
        "vice",
        "acting",
        "supreme",
        "special",
        "interior",
        "finance",
        "chairman",
        "chairwoman",
        "chair",
        "secretary-general",
        "representative",
        "negotiator",
        "coordinator",
        "commissioner",
        "prosecutor",
        "of",
        "state",
        "affairs",
        "external",
        "director-general",
        "managing",
    }
)
# Descriptions that point back to the last organisation or group of a kind.
_BACK = {
    "alliance": "igo",
    "bloc": "igo",
    "organisation": "igo",
    "organization": "igo",
    "grouping": "igo",
    "union": "igo",
    "body": "igo",
    "group": "group",
    "movement": "group",
    "militia": "group",
}
# Words of titles that do not make a title on their own before a name.
_TITLE_PARTS = frozenset(
    {
        "of",
        "state",
        "affairs",
        "external",
        "foreign",
        "defence",
        "defense",
        "prime",
        "deputy",
        "vice",
        "acting",
        "supreme",
        "special",
        "interior",
        "finance",
        "managing",
        "head",
        "chief",
        "leader",
    }
)
_SETTLEMENTS = frozenset(
    {"town", "city", "village", "province", "region", "district", "port", "capital", "outskirts"}
)
_PLACE_SLOT = frozenset(
    {"in", "at", "near", "outside", "around", "across", "into", "between", "via", "through"}
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")


@dataclass
class Found:
    """A mention in the making: tokens ``[start, end)``, what it may refer to, and how it was found.

    ``kind``: ``entity`` (a known state, bloc, organisation or group), ``person`` (a known person),
    ``office`` (an office of a state or organisation: "the US president"), ``institution`` ("Russia's
    Supreme Court"), ``name`` (a person the knowledge does not know), ``org`` (an organisation it does not
    know), ``pronoun``, ``description`` ("the envoy"), ``back`` ("the alliance"), ``generic`` (an
    institution without an owner: "the junta"), ``appos`` (a title in apposition to a name).
    """

    start: int
    end: int
    kind: str
    label: str
    key: str | None = None
    type: ActorType | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    owner: str | None = None
    office: str | None = None
    title: str | None = None
    head: str | None = None
    phrase: str | None = None
    candidates: tuple[str, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict)


def appositive_person(head: Any) -> Any:
    """A person's name set beside a title in apposition ("Russia's envoy for Afghanistan, Zamir Kabulov"),
    even when the parser hangs the name on a noun inside the title."""
    for token in head.subtree:
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.i > head.i:
            t = token.head
            while t.i != head.i and t.dep_ in ("pobj", "prep", "appos", "compound") and t.head.i != t.i:
                t = t.head
            if t.i == head.i:
                return token
    return None


def appositive_title(person: Any) -> Any:
    """The title head a person's name is in apposition to, climbing out of a prepositional phrase that the
    parser wrongly attached the name to ("special envoy for Afghanistan, Zamir Kabulov")."""
    if person.dep_ != "appos":
        return None
    t = person.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head
    return t if t.pos_ in ("NOUN", "PROPN") and t.i < person.i else None


def _phrases(items: Iterable[tuple[str, Any]], tokenize: Any) -> dict[tuple[str, ...], Any]:
    forms = [(form.lower(), value) for form, value in items if form.strip()]
    out: dict[tuple[str, ...], Any] = {}
    for (_, value), doc in zip(forms, tokenize([f for f, _ in forms]), strict=True):
        out.setdefault(tuple(norm(t.lower_) for t in doc), value)
    return out


class Recognizer:
    """Finds the actor mentions of a parsed document, using one knowledge base."""

    def __init__(self, kb: Knowledge, nlp: Any) -> None:
        self.kb = kb
        self.gazetteer = gazetteer(kb, nlp)
        self.places = place_gazetteer(kb)
        tokenize = nlp.tokenizer.pipe
        self.institutions: dict[tuple[str, ...], Institution] = _phrases(
            ((form, inst) for inst in kb.institutions for form in (inst.phrase, *inst.aliases)), tokenize
        )
        self.titles: dict[tuple[str, ...], Title] = _phrases(
            ((form, title) for title in kb.titles for form in (title.title, *title.aliases)), tokenize
        )
        self.longest: dict[str, int] = {}  # first word -> length of the longest phrase it starts
        for phrase in (*self.institutions, *self.titles):
            self.longest[phrase[0]] = max(self.longest.get(phrase[0], 0), len(phrase))
        self.surnames: dict[str, set[str]] = {}
        for term in kb.terms:
            for form in (term.name, *term.aliases):
                words = form.split()
                if words:
                    self.surnames.setdefault(norm(words[-1]), set()).add(term.person_id)

    def phrase_at(
        self, doc: Any, i: int, end: int, lowered: list[str] | None = None, offset: int = 0
    ) -> tuple[int, Institution | None, Title | None]:
        """The longest institution or title phrase starting at token ``i``: its end and what it is.

        ``lowered`` may give the normalised lower-case words of ``doc[offset:end]``, computed once.
        """
        words = lowered if lowered is not None else [norm(t.lower_) for t in doc[i:end]]
        base = offset if lowered is not None else i
        first = words[i - base] if i - base < len(words) else None
        longest = self.longest.get(first or "", 0)
        for n in range(min(longest, end - i), 0, -1):
            key = tuple(words[i - base : i - base + n])
            title = self.titles.get(key)
            inst = self.institutions.get(key)
            if title is not None or inst is not None:
                return i + n, inst, title
        return i, None, None

    # Recognition ------------------------------------------------------------------------------------
    def find(self, doc: Any, spans: Iterable[tuple[int, int]]) -> tuple[list[Found], list[tuple[int, str]]]:
        """Every mention in the token ranges ``spans`` (the body sentences), in text order, not overlapping;
        and every country the text names, as actor or as place (``(token, code)``), for context."""
        found: list[Found] = []
        context: list[tuple[int, str]] = []
        for start, end in spans:
            hits = list(self.gazetteer.find(doc, start, end))
            context.extend(
                (h.start, h.keys[0])
                for h in hits
                if h.kind in ("capital", "adjective")
                or (h.kind == "entity" and h.keys[0] in self.kb.countries)
            )
            here = list(self._from_hits(doc, hits))
            covered = {i for h in hits for i in range(h.start, h.end)}
            here = self._institutions(doc, start, end, here)
            taken = covered | {i for f in here for i in range(f.start, f.end)}
            here.extend(self._entities(doc, start, end, taken))
            taken |= {i for f in here for i in range(f.start, f.end)}
            here.extend(self._surnames_alone(doc, start, end, taken))
            taken |= {i for f in here for i in range(f.start, f.end)}
            here.extend(self._pronouns(doc, start, end, taken))
            found.extend(here)
        found.sort(key=lambda f: f.start)
        return found, context

    def _from_hits(self, doc: Any, hits: list[Hit]) -> Iterator[Found]:
        for hit in hits:
            span = doc[hit.start : hit.end]
            if hit.kind == "entity":
                entity = self.kb.entities[hit.keys[0]]
                ent = [t for t in span if t.ent_type_ == "PERSON"]
                if (
                    entity.type == "state"
                    and ent
                    and (
                        span[0].ent_iob_ != "B"
                        or (span[-1].i + 1 < len(doc) and doc[span[-1].i + 1].ent_iob_ == "I")
                    )
                ):
                    continue  # part of a person's name: "Michael Jordan"
                if entity.type in ("state", "region") and not self.acts(doc, hit.start, hit.end):
                    continue  # "in Afghanistan", "across Central Asia": a place
                yield Found(
                    hit.start,
                    hit.end,
                    "entity",
                    span[0].ent_type_ or "KB",
                    key=entity.id,
                    type=entity.type,
                    country=entity.country,
                    sector=entity.sector,
                    name=entity.name,
                    candidates=hit.keys,
                )
            elif hit.kind == "person":
                yield Found(
                    hit.start,
                    hit.end,
                    "person",
                    "PERSON",
                    key=hit.keys[0],
                    type="person",
                    candidates=hit.keys,
                )
            elif hit.kind == "metonym":
                metonym = self.kb.metonyms[int(hit.keys[0])]
                yield Found(
                    hit.start,
                    hit.end,
                    "institution",
                    "METONYM",
                    type="organization",
                    country=metonym.country,
                    sector=metonym.sector,
                    name=metonym.actor_name,
                    owner=metonym.country,
                )
            elif hit.kind == "capital":
                person = span[0].ent_type_ == "PERSON" and (
                    span[0].ent_iob_ == "I" or (hit.end < len(doc) and doc[hit.end].ent_iob_ == "I")
                )
                if person or not self.acts(doc, hit.start, hit.end, capital=True):
                    continue  # "Washington Post", "George Washington"; "in Kabul"
                iso3 = hit.keys[0]
                yield Found(
                    hit.start,
                    hit.end,
                    "entity",
                    "METONYM",
                    key=iso3,
                    type="state",
                    country=iso3,
                    sector="GOV",
                    name=self.kb.countries[iso3].name,
                    extras={"metonymic": True},
                )
            elif hit.kind == "adjective":
                token = doc[hit.end - 1]
                if token.tag_ in ("NNS", "NNPS") and token.dep_ not in ("compound", "amod"):
                    iso3 = hit.keys[0]  # "Afghans protested": the people of a country
                    yield Found(
                        hit.start,
                        hit.end,
                        "institution",
                        "NORP",
                        type="group",
                        country=iso3,
                        sector="CVL",
                        name=f"People of {self.kb.countries[iso3].name}",
                        owner=iso3,
                        phrase="people",
                    )

    def acts(self, doc: Any, start: int, end: int, capital: bool = False) -> bool:
        """Whether a place name is an actor here ("Moscow said", "talks with Kabul", "Russia's war") rather
        than a location ("in Kabul", "travelled to Moscow", "withdraw from Mali")."""
        token = doc[start:end].root
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        dep = token.dep_
        if dep in ("nsubj", "nsubjpass", "poss", "agent", "csubj", "appos"):
            return True
        if dep in ("compound", "amod", "nmod"):
            return (
                token.head.pos_ in ("NOUN", "PROPN") and token.head.lower_ not in _PLACE_HEADS and not capital
            )
        if dep == "pobj":
            prep, governor = token.head.lower_, token.head.head
            if prep in _PARTY:
                return True
            if prep == "of":
                return governor.lower_ not in _PLACE_HEADS and not capital
            if prep in ("on", "to", "from", "for", "toward", "towards", "over"):
                moving = governor.lemma_.lower() in _MOVEMENT
                return not moving and not capital and governor.pos_ in ("VERB", "NOUN")
            return False
        if dep in ("dobj", "attr"):
            return token.head.lemma_.lower() not in _MOVEMENT
        return dep == "ROOT" and not capital

    def _owner(self, doc: Any, start: int, end: int, found: list[Found]) -> tuple[Found | None, str]:
        """The state, bloc, organisation or group an institution at ``[start, end)`` belongs to, and how:
        ``poss`` ("Russia's"), ``inside`` ("US president"), or ``of`` ("President of Russia")."""
        by_token = {i: f for f in found for i in range(f.start, f.end)}
        head = doc[start:end].root
        for child in head.children:
            if child.dep_ == "poss" and child.i in by_token:
                return by_token[child.i], "poss"
        i = start - 1
        while i >= 0 and doc[i].pos_ in ("ADJ", "PROPN", "NOUN") and doc[i].lower_ not in ("the", "a"):
            if i in by_token and by_token[i].kind == "entity":
                return by_token[i], "inside"
            i -= 1
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in by_token and by_token[pobj.i].kind == "entity":
                        return by_token[pobj.i], "of"
        return None, ""

    def _adjective_owner(self, doc: Any, start: int) -> tuple[str | None, int]:
        """A country adjective right before an institution ("Afghan", "Iranian"): its code and its token."""
        i = start - 1
        while i >= 0 and doc[i].pos_ in ("ADJ", "PROPN", "NOUN") and doc[i].lower_ not in ("the", "a"):
            hits = list(self.gazetteer.find(doc, i, i + 1))
            if hits and hits[0].kind == "adjective":
                return hits[0].keys[0], i
            i -= 1
        return None, start

    def _institutions(self, doc: Any, start: int, end: int, found: list[Found]) -> list[Found]:
        """Institutions, offices and descriptions, with their owners; titles beside names become roles."""
        out = list(found)
        lowered = [norm(t.lower_) for t in doc[start:end]]
        i = start
        while i < end:
            stop, inst, title = self.phrase_at(doc, i, end, lowered, start)
            if stop == i:
                i += 1
                continue
            if any(f.start < stop and i < f.end for f in out):
                i = stop  # a name the knowledge knows wins: "Security Council" is the UN's
                continue
            person = self._beside_name(doc, i, stop)
            if person is not None:
                if person.dep_ == "appos":
                    out = self._appositive(doc, i, person, out)
                i = stop
                continue
            owner, how = self._owner(doc, i, stop, out)
            adjective, adjective_at = (None, i) if owner else self._adjective_owner(doc, i)
            span_start = i
            if owner is not None and how == "inside":
                out.remove(owner)
                span_start = owner.start
            elif adjective is not None:
                span_start = adjective_at
            phrase = " ".join(t.lower_ for t in doc[i:stop])
            determiner = i > 0 and doc[span_start - 1].lower_ in ("the", "this", "that")
            if owner is None and adjective is None:
                out.extend(self._ownerless(doc, i, stop, inst, title, determiner))
                i = stop
                continue
            country = adjective or (owner.country if owner else None)
            owner_id = adjective or (owner.key if owner else None)
            owner_type = self.kb.entities[owner_id].type if owner_id in self.kb.entities else None
            if title is not None:
                office = title.office
                if (
                    owner_type in ("igo", "region", "group")
                    and owner_type != "group"
                    and office in ("head_of_state", "head_of_government")
                ):
                    office = "head_of_organization"
                out.append(
                    Found(
                        span_start,
                        stop,
                        "office",
                        "OFFICE",
                        type="person",
                        country=country,
                        sector=title.sector,
                        owner=owner_id,
                        office=office,
                        title=doc[i:stop].text,
                        phrase=phrase,
                    )
                )
            elif inst is not None:
                owner_name = self._owner_name(owner_id, country)
                name = inst.name_template.replace("{country}", owner_name) if owner_name else doc[i:stop].text
                kind = "office" if inst.type == "person" else "institution"
                out.append(
                    Found(
                        span_start,
                        stop,
                        kind,
                        "INST",
                        type=inst.type,
                        country=country,
                        sector=inst.sector,
                        owner=owner_id,
                        name=name,
                        title=doc[i:stop].text if kind == "office" else None,
                        phrase=inst.phrase,
                    )
                )
            i = stop
        return out

    def _owner_name(self, owner_id: str | None, country: str | None) -> str | None:
        if country in self.kb.countries:
            return self.kb.countries[country].name
        if owner_id in self.kb.entities:
            return self.kb.entities[owner_id].name
        return None

    def _ownerless(
        self, doc: Any, i: int, stop: int, inst: Institution | None, title: Title | None, determiner: bool
    ) -> Iterator[Found]:
        """ "the envoy", "the alliance", "the junta", "his government": descriptions resolved by what came
        before."""
        possessor = i > 0 and doc[i - 1].lower_ in ("his", "her", "its", "their")
        if possessor and inst is not None and inst.type != "person":
            yield Found(
                i,
                stop,
                "generic",
                "INST",
                type=inst.type,
                sector=inst.sector,
                phrase=inst.phrase,
                extras={"template": inst.name_template, "possessor": i - 1},
            )
            return
        if not determiner:
            return
        head = doc[i:stop].root.lower_
        if title is not None or (inst is not None and inst.type == "person"):
            yield Found(
                i,
                stop,
                "description",
                "DESC",
                type="person",
                head=head,
                office=title.office if title else None,
                title=doc[i:stop].text,
            )
        elif inst is not None:
            yield Found(
                i,
                stop,
                "generic",
                "INST",
                type=inst.type,
                sector=inst.sector,
                phrase=inst.phrase,
                extras={"template": inst.name_template},
            )

    def _surnames_alone(self, doc: Any, start: int, end: int, taken: set[int]) -> Iterator[Found]:
        """ "Lavrov travelled to Tashkent": the surname of an office holder that the parser left untagged,
        standing alone as the subject or object of a clause."""
        for token in doc[start:end]:
            if (
                token.i in taken
                or token.pos_ != "PROPN"
                or token.ent_type_
                or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos")
                or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "flat") for c in token.children)
                or (token.dep_ == "compound")
            ):
                continue
            surname = norm(token.text)
            if surname in self.surnames:
                yield Found(
                    token.i,
                    token.i + 1,
                    "name",
                    "PERSON",
                    type="person",
                    name=surname,
                    candidates=tuple(sorted(self.surnames[surname])),
                )

    def _beside_name(self, doc: Any, start: int, end: int) -> Any:
        """The name a title stands before or beside, if any: then the title is that person's role."""
        head = doc[start:end].root
        if head.dep_ in ("compound", "appos") and head.head.ent_type_ == "PERSON":
            return head.head
        person = appositive_person(head)
        if person is not None:
            return person
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B":
            return doc[end]
        return None

    def _appositive(self, doc: Any, i: int, person: Any, found: list[Found]) -> list[Found]:
        """A title in apposition ("special envoy for Afghanistan, Zamir Kabulov") is a mention of the person;
        mentions inside it other than a possessive owner are dropped."""
        head = appositive_title(person)
        if head is None:
            return found
        tokens = [
            t
            for t in head.subtree
            if t.i < person.i
            and t.dep_ not in ("punct", "det")
            and not (person.left_edge.i <= t.i <= person.right_edge.i)
        ]
        owner_tokens = {t.i for t in head.children if t.dep_ == "poss" for t in t.subtree}
        tokens = [t for t in tokens if t.i not in owner_tokens]
        if not tokens:
            return found
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        kept = [f for f in found if not (start <= f.start and f.end <= end)]
        kept.append(Found(start, end, "appos", "APPOS", type="person", extras={"person": person.i}))
        return kept

    def _entities(self, doc: Any, start: int, end: int, taken: set[int]) -> Iterator[Found]:
        for ent in doc.ents:
            if ent.start < start or ent.end > end or any(i in taken for i in range(ent.start, ent.end)):
                continue
            s, e = ent.start, ent.end
            while s < e and (
                doc[s].lower_ == "the" or (ent.label_ == "PERSON" and doc[s].lower_ in TITLE_WORDS)
            ):
                s += 1
            while e > s and doc[e - 1].tag_ == "POS":
                e -= 1
            if s >= e:
                continue
            if self._place_not_actor(doc, s, e, ent.label_):
                continue  # "drove into central Kherson": a city the parser took for a person
            # "Lavrov said": the parser may take a lone surname of an office holder for an organisation.
            lone_surname = ent.label_ == "ORG" and e - s == 1 and norm(doc[s].text) in self.surnames
            if ent.label_ == "PERSON" or lone_surname:
                surname = norm(doc[e - 1].text)
                yield Found(
                    s,
                    e,
                    "name",
                    "PERSON",
                    type="person",
                    name=" ".join(norm(t.text) for t in doc[s:e]),
                    candidates=tuple(sorted(self.surnames.get(surname, ()))),
                )
            elif ent.label_ == "ORG":
                before = doc[s - 1].lower_ if s > 0 else ""
                if doc[e - 1].lower_ in _EVENT_HEADS or (
                    before == "of" and s > 1 and doc[s - 2].lower_ in TITLE_WORDS
                ):
                    continue  # an event's name, or the end of a title ("Secretary of State")
                yield Found(
                    s,
                    e,
                    "org",
                    "ORG",
                    type="organization",
                    name=doc[s:e].text,
                    extras={"acronym": bool(ACRONYM.match(doc[s:e].text))},
                )

    def _place_not_actor(self, doc: Any, start: int, end: int, label: str) -> bool:
        """Whether a name the parser called a person or an organisation is rather a place: a known region
        or large city, or any known place after "in", "between", "the town of" ..."""
        text = doc[start:end].text
        if label == "PERSON" and end - start > 1:
            return False  # "Jordan Bardella", "Paris Hilton"
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in _PLACE_SLOT or (before == "of" and start > 1 and doc[start - 2].lower_ in _SETTLEMENTS):
            return bool(self.places.known(text))
        title = start > 0 and doc[start - 1].lower_.rstrip(".") in TITLE_WORDS - _TITLE_PARTS
        return not title and self.places.is_place_name(text)

    def _pronouns(self, doc: Any, start: int, end: int, taken: set[int]) -> Iterator[Found]:
        for token in doc[start:end]:
            if token.i in taken or token.lower_ not in _PRONOUNS:
                continue
            if token.pos_ == "PRON" or token.tag_ == "PRP$":
                yield Found(
                    token.i,
                    token.i + 1,
                    "pronoun",
                    "PRON",
                    type="person",
                    extras={"gender": _PRONOUNS[token.lower_]},
                )
        for token in doc[start:end]:
            word = token.lower_
            if token.i in taken or word not in _BACK or token.i == 0 or doc[token.i - 1].lower_ != "the":
                continue
            if token.pos_ == "NOUN" and not any(
                c.dep_ in ("amod", "compound", "poss") for c in token.children
            ):
                yield Found(
                    token.i, token.i + 1, "back", "DESC", type=None, head=word, extras={"wants": _BACK[word]}
                )
