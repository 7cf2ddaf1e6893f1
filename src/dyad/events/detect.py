"""Finding event triggers in the parse: verbs, event nouns and light-verb constructions, with the lexicon rows
that fit them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.knowledge.events import Condition, EventKnowledge, Predicate

# Verbs whose object noun carries the event: "held talks", "launched strikes", "imposed sanctions".
LIGHT_VERBS = frozenset(
    [
        "hold",
        "conduct",
        "carry",
        "launch",
        "stage",
        "perpetrate",
        "commit",
        "mount",
        "make",
        "give",
        "issue",
        "impose",
        "level",
        "lodge",
        "file",
        "pay",
        "deliver",
        "take",
        "begin",
        "start",
        "resume",
        "continue",
        "announce",
        "order",
        "unleash",
        "wage",
        "fire",
        "step",
        "hold",
        "host",
        "convene",
        "organise",
        "organize",
        "sign",
        "conclude",
        "reach",
        "strike",
        "seal",
        "broker",
        "extend",
        "declare",
        "initiate",
        "perform",
        "undertake",
        "provide",
        "send",
        "offer",
        "grant",
        "pledge",
        "approve",
        "adopt",
        "introduce",
        "slap",
    ]
)
# Nouns that are events only as heads of a phrase, not as modifiers ("the talks venue", "sanctions regime").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_NOUN_OBJECT_PREPS = ("of", "on", "against", "over")


@dataclass
class Candidate:
    """A possible event: its trigger tokens, the token whose arguments count, and the lexicon rows that fit."""

    head: Any  # the token whose subject and objects are the arguments (the verb of a light-verb phrase)
    trigger: tuple[int, int]  # token range of the trigger words
    lemma: str
    pos: str  # verb or noun
    rows: list[Predicate]
    light: Any = None  # the noun of a light-verb phrase

    @property
    def key_token(self) -> Any:
        """The token the lexicon was looked up with (the noun of a light-verb phrase)."""
        return self.light if self.light is not None else self.head


def lemma_of(token: Any) -> str:
    return str(token.lemma_).lower()


def direct_object(token: Any) -> Any:
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    if token.dep_ == "xcomp" or token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "nsubjpass":
                return child
    return None


def _noun_object(token: Any) -> Any:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_OBJECT_PREPS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _temporal(prep: Any) -> bool:
    """Whether a preposition introduces a time ("on Wednesday", "at dawn"), not an argument ("fired on")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _holds(condition: Condition, token: Any, pos: str) -> bool:
    kind, values = condition.kind, condition.values
    if kind == "obj":
        objects = [direct_object(token)] if pos == "verb" else [_noun_object(token)]
        if pos == "verb":  # "withdrew from the treaty", "pulled out of the deal"
            objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        # "a suicide attack", "a terrorist attack": a noun's modifiers say what kind it is
        objects += [c for c in token.children if c.dep_ in ("compound", "amod")] if pos == "noun" else []
        found = [o for o in objects if o is not None]
        found += [c for o in found for c in o.conjuncts]
        return any(lemma_of(o) in values or o.lower_ in values for o in found)
    if kind == "prep":
        return any(
            c.dep_ in ("prep", "agent", "dative") and c.lower_ in values and not _temporal(c)
            for c in token.children
        )
    if kind == "prt":
        # "stepped down": the parser may attach the particle as an adverb or a preposition without object.
        return any(
            (c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and not any(True for _ in c.children)))
            and c.lower_ in values
            for c in token.children
        )
    if kind == "xcomp":
        for child in token.children:
            if child.dep_ in ("xcomp", "acl", "advcl", "ccomp") and (lemma_of(child) in values):
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in ("to", "of")
                and any(lemma_of(g) in values for g in child.children if g.dep_ in ("pcomp", "pobj"))
            ):
                return True
        return False
    if kind == "comp":
        return any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
    return False


def fitting(rows: Sequence[Predicate], token: Any, pos: str) -> list[Predicate]:
    """The rows whose conditions all hold, most specific first."""
    return [row for row in rows if all(_holds(c, token, pos) for c in row.when)]


_PREPOSITIONAL = frozenset(
    {"given", "including", "following", "regarding", "concerning", "considering", "according"}
)


def _prepositional(token: Any) -> bool:
    """ "given the fighting", "following the talks": a participle used as a preposition."""
    return token.lower_ in _PREPOSITIONAL and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children
    )


def candidates(doc: Any, start: int, end: int, kb: EventKnowledge) -> Iterator[Candidate]:
    """The possible events of the tokens ``[start, end)`` (one sentence)."""
    used: set[int] = set()
    for token in doc[start:end]:
        if token.i in used:
            continue
        # "the detained workers", "given the fighting", "following the talks": no event of their own.
        if token.pos_ == "VERB" and token.dep_ not in ("amod", "prep") and not _prepositional(token):
            lemma = lemma_of(token)
            obj = direct_object(token)
            if obj is not None and lemma in LIGHT_VERBS and obj.pos_ == "NOUN":
                own = fitting(kb.rows(lemma, "verb"), token, "verb")
                noun_rows = fitting(kb.rows(lemma_of(obj), "noun"), obj, "noun") or fitting(
                    kb.rows(obj.lower_, "noun"), obj, "noun"
                )
                if noun_rows and not any(r.when for r in own):
                    used.add(obj.i)
                    span = (min(token.i, obj.i), max(token.i, obj.i) + 1)
                    yield Candidate(token, span, lemma_of(obj), "noun", noun_rows, light=obj)
                    continue
            rows = fitting(kb.rows(lemma, "verb"), token, "verb")
            yield Candidate(token, (token.i, token.i + 1), lemma, "verb", rows)
        elif token.pos_ in ("NOUN", "PROPN") and token.dep_ not in _MODIFIER_DEPS:
            rows = fitting(kb.rows(lemma_of(token), "noun"), token, "noun") or fitting(
                kb.rows(token.lower_, "noun"), token, "noun"
            )
            if rows:
                yield Candidate(token, (token.i, token.i + 1), lemma_of(token), "noun", rows)
