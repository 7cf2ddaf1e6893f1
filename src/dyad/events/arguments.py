"""Who did it and to whom: the actor and recipient of an event, read from the parse through the actors stage.

Arguments are found in the trigger's syntactic slots (subject, object, prepositional objects, possessives),
through passives ("was attacked by"), coordination ("X and Y agreed"), control ("urged Iran to release": Iran
releases) and relative clauses. A slot names an actor when one of the actors stage's mentions lies in the
phrase; failing that, a place in it stands for its state ("travelled to Kabul": Afghanistan hosts), and a
generic group ("gunmen", "protesters", "police") is an actor of the country where the event happens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.model import Actor, ActorRef, Analysis, Place, Span

_SUBJECTS = ("nsubj", "csubj")
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "mark"})
# Verbs whose object does what their complement says: "urged Iran to release", "asked Qatar to mediate".
_OBJECT_CONTROL = frozenset(
    [
        "urge",
        "ask",
        "call",
        "press",
        "push",
        "force",
        "order",
        "persuade",
        "invite",
        "allow",
        "encourage",
        "tell",
        "request",
        "pressure",
        "compel",
        "help",
        "instruct",
        "authorize",
        "authorise",
        "permit",
        "enable",
        "appeal",
        "direct",
        "prompt",
        "lead",
        "cause",
        "spur",
        "drive",
        "provoke",
    ]
)
_NOT_ARGUMENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Prepositions inside an argument phrase that lead to who it is: "the leader of Hamas", "the pact with Pyongyang".
_PHRASE_PREPS = frozenset({"of", "from", "in", "for", "with", "between", "to"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "him", "them"})


# Nouns that name events and states of things, not actors: as the subject of a verb of saying or threatening
# ("an attack that threatens to derail the talks", "the crisis warns of ...") they make no one's words.
THINGS = frozenset(
    [
        "attack",
        "bombing",
        "blast",
        "explosion",
        "incident",
        "event",
        "fighting",
        "violence",
        "war",
        "conflict",
        "crisis",
        "situation",
        "tension",
        "escalation",
        "move",
        "decision",
        "development",
        "step",
        "measure",
        "law",
        "deal",
        "shift",
        "change",
        "trend",
        "rise",
        "fall",
        "drought",
        "flood",
        "storm",
        "pandemic",
        "outbreak",
        "inflation",
        "shortage",
        "time",
        "history",
        "experience",
    ]
)


@dataclass(frozen=True)
class Generic:
    """A group named by a common noun ("gunmen", "protesters"): its words and sector."""

    words: str
    sector: str
    type: str


class Arguments:
    """The actors of one document, indexed by token, with the slots of a trigger."""

    def __init__(self, analysis: Analysis, generic: Any = None) -> None:
        self.doc = analysis.parse
        self.analysis = analysis
        self.by_token: dict[int, Actor] = {}
        self.mention_roots: dict[int, Actor] = {}
        lengths: dict[int, int] = {}
        for actor in analysis.actors:
            for mention in actor.mentions:
                span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    if lengths.get(token.i, 0) < len(span):
                        self.by_token[token.i] = actor
                        lengths[token.i] = len(span)
                self.mention_roots[span.root.i] = actor
        self.places: dict[int, Place] = {}
        for place in analysis.places:
            span = self.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
            if span is not None and not place.metonymic:
                for token in span:
                    self.places[token.i] = place
        self.generic = generic  # callable: token -> Generic | None

    # Phrases ------------------------------------------------------------------------------------------
    def actors_of(self, token: Any | None) -> list[Actor]:
        """The actors a phrase headed by ``token`` names: its own, and those of its conjuncts."""
        if token is None:
            return []
        out: list[Actor] = []
        for head in (token, *self._conjuncts(token)):
            actor = self._actor_in(head)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _conjuncts(self, token: Any) -> list[Any]:
        return [c for c in token.conjuncts if c.i != token.i and c.pos_ in ("PROPN", "NOUN", "PRON")]

    def _actor_in(self, head: Any) -> Actor | None:
        """The actor of the mention nearest the top of the phrase headed by ``head``."""
        if head.lower_ in _RELATIVES and head.head.i != head.i:
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is not None:
                return self._actor_in(antecedent)
        queue = [(head, 0)]
        while queue:
            token, depth = queue.pop(0)
            if token.i in self.by_token:
                return self.by_token[token.i]
            if depth >= 3:
                continue
            step = (
                0 if token.dep_ == "prep" else 1
            )  # "resumption of ties with Osgiliath": prepositions are free
            # "his Chinese counterpart, Wang Yi": the apposition names the person; "his" is the owner.
            children = sorted(token.children, key=lambda c: c.dep_ != "appos")
            for child in children:
                if child.dep_ in _CLAUSE_DEPS or child.dep_ == "conj" or child.dep_ == "cc":
                    continue
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    continue
                if child.dep_ == "prep" and child.lower_ not in _PHRASE_PREPS:
                    continue
                queue.append((child, depth + step))
        return None

    def place_state(self, token: Any | None) -> Place | None:
        """A literal place in the phrase headed by ``token`` ("to Kabul")."""
        if token is None:
            return None
        for t in token.subtree:
            if t.i in self.places:
                return self.places[t.i]
        return None

    def generic_of(self, token: Any | None) -> Generic | None:
        if token is None or self.generic is None:
            return None
        result: Generic | None = self.generic(token)
        return result

    # Slots --------------------------------------------------------------------------------------------
    def subject(self, verb: Any) -> Any:
        """The token of the verb's doer: its subject, the agent of a passive, or one inherited."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for child in verb.children:
            if passive and child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
            if not passive and child.dep_ in _SUBJECTS:
                return child
        if passive:
            return None
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            return self.subject(verb.head)
        if verb.dep_ == "xcomp":
            head = verb.head
            if str(head.lemma_).lower() in _OBJECT_CONTROL:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
                if obj is not None:
                    return obj
            return self.subject(head) if head.i != verb.i else None
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return (
                self.subject(verb.head) if verb.head.i != verb.i else None
            )  # "travelled to Istanbul to meet"
        if verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG":
            anchor = verb.head if verb.dep_ == "advcl" else verb.head.head
            return self.subject(anchor) if anchor.i != verb.i else None
        if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP"):
            return verb.head
        # "Arnor is about to restore ties": up through the words that carry the verb to the clause's subject.
        t = verb
        for _ in range(3):
            if t.dep_ not in ("pcomp", "prep", "acomp", "xcomp") or t.head.i == t.i:
                break
            t = t.head
            subject = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                return subject
        return None

    def slot(self, token: Any, slot: str, pos: str, light: Any = None) -> Any:
        """The token heading the phrase in ``slot`` of the trigger ``token``."""
        if slot == "subj":
            return self.subject(token) if pos == "verb" or light is not None else None
        if slot == "obj":
            passive = any(c.dep_ == "nsubjpass" for c in token.children)
            for child in token.children:
                if child.dep_ in ("nsubjpass",) and passive:
                    return child
                if child.dep_ in ("dobj", "obj") and (light is None or child.i != light.i):
                    return child
            return None
        if slot == "dative":
            for child in token.children:
                if child.dep_ == "dative":
                    return next((g for g in child.children if g.dep_ == "pobj"), child)
            return None
        if slot == "poss":
            for child in token.children:
                if child.dep_ == "poss":
                    return child
            for child in token.children:
                if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            for child in token.children:
                if child.dep_ in ("amod", "compound") and child.i in self.by_token:
                    return child
            return None
        if slot.startswith("prep:"):
            word = slot[5:]
            hosts = [token] if light is None else [token, light]
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and (light is None or obj.i != light.i):
                hosts.append(obj)  # "lifted the ban on the Taliban"
            for host in hosts:
                for child in host.children:
                    if child.dep_ in ("prep", "dative", "agent") and child.lower_ == word:
                        found = next((g for g in child.children if g.dep_ == "pobj"), None)
                        # "On 17 April, the court lifted the ban on the Taliban": not the date's "on"
                        if found is not None and found.ent_type_ not in _NOT_ARGUMENTS:
                            return found
        return None


_SLUG = re.compile(r"[^a-z0-9]+")


def state_ref(code: str, name: str) -> ActorRef:
    """The state ``code`` as an event argument."""
    return ActorRef(code, name, "state", code, "GOV")


def generic_ref(generic: Generic, country: str | None) -> ActorRef:
    """A generic group as an event argument, of the country where the event happens when known."""
    slug = _SLUG.sub("-", generic.words.lower()).strip("-")
    owner = country or "UNK"
    return ActorRef(f"{owner}.{slug}", generic.words, generic.type, country, generic.sector)  # type: ignore[arg-type]


def refs(actors: Iterable[Actor]) -> tuple[ActorRef, ...]:
    return tuple(ActorRef.of(a) for a in actors)


def mention_spans(actor: Actor) -> Sequence[Span]:
    return [m.span for m in actor.mentions]
