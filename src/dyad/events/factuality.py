"""Whether an event happened: asserted, negated, hypothetical, conditional or planned, and whose claim it is.

Read from the trigger's clause and the clauses above it: negation ("did not meet", "no talks", "failed to"),
modal verbs and verbs of possibility ("could", "may", "is expected to"), conditions ("if", "unless", "so long
as"), the future ("will", "is to", "plans to", a date after the document's), and reporting verbs ("the ministry
said troops had shelled ...": the shelling is the ministry's claim).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.model import Factuality

_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
_NEGATING_VERBS = frozenset({"fail", "refrain", "cease", "avoid", "deny", "stop"})
_HYPOTHETICAL_MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must", "ought"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PLANNING_VERBS = frozenset(
    ["plan", "intend", "aim", "schedule", "expect", "prepare", "set", "seek", "hope", "want", "propose"]
)
_HYPOTHETICAL_VERBS = frozenset(["consider", "weigh", "mull", "contemplate", "threaten", "risk"])
_POSSIBILITY_WORDS = frozenset(
    {"possible", "possibly", "likely", "perhaps", "potential", "potentially", "reportedly"}
)
_CONDITIONS = frozenset({"if", "unless", "provided", "providing", "whether"})
_CONDITION_PHRASES = ("so long as", "as long as", "on condition that", "provided that", "in case", "only if")
_REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "allege",
        "accuse",
        "announce",
        "state",
        "confirm",
        "add",
        "insist",
        "assert",
        "warn",
        "write",
        "note",
        "argue",
        "suggest",
        "believe",
        "deny",
        "maintain",
        "charge",
        "quote",
        "cite",
    ]
)
_FUTURE_NOUN_MODS = frozenset(
    {"upcoming", "planned", "proposed", "scheduled", "forthcoming", "next", "future"}
)


@dataclass(frozen=True)
class Reading:
    """The factuality of one trigger, the token of whoever reports it (if someone does), and why."""

    factuality: Factuality
    reporter: Any = None
    cue: str | None = None


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _negated(token: Any) -> str | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no",)):
            return str(child.lower_)
        if child.dep_ == "advmod" and child.lower_ in ("never",):
            return str(child.lower_)
    return None


def _aux(token: Any) -> list[Any]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def _condition_mark(token: Any) -> str | None:
    """The conjunction that makes the clause of ``token`` a condition, if any."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return str(child.lower_)
    start = token.left_edge.i
    left = token.doc[max(0, start - 1) : token.i].text.lower()
    for phrase in _CONDITION_PHRASES:
        if phrase in left and token.dep_ in ("advcl", "ccomp", "conj", "relcl"):
            return phrase
    return None


_ANNOUNCING = frozenset(
    [
        "say",
        "announce",
        "add",
        "confirm",
        "state",
        "tell",
        "report",
        "expect",
        "reveal",
        "declare",
        "insist",
        "note",
    ]
)


def _reported(verb: Any) -> bool:
    """Whether ``verb`` heads what someone announced ("announced that a meeting would take place")."""
    return verb.dep_ in ("ccomp", "parataxis") and _lemma(verb.head) in _ANNOUNCING


def _conditioned_verb(sentence: Any) -> tuple[int, str] | None:
    """The verb a multi-word condition ("so long as", "provided that") attaches to, and the phrase."""
    lowered = [t.lower_ for t in sentence]
    for phrase in _CONDITION_PHRASES:
        words = phrase.split()
        for k in range(len(lowered) - len(words) + 1):
            if lowered[k : k + len(words)] == words:
                inside = range(sentence[k].i, sentence[k].i + len(words))
                for start in (sentence[k + len(words) - 1], sentence[k]):
                    token = start
                    for _ in range(4):
                        if token.dep_ == "advcl" and token.head.i != token.i:
                            head = token.head
                            while head.i in inside and head.head.i != head.i:
                                head = head.head  # "so long as ...": the clause hangs on "long"
                            return head.i, phrase
                        if token.head.i == token.i:
                            break
                        token = token.head
    return None


def read(trigger: Any, document_date_after: bool = False) -> Reading:
    """The factuality of the event whose trigger (or light verb) is ``trigger``.

    ``document_date_after``: the time stage dates the clause after the document date.
    """
    token = trigger
    chain = []
    t = token
    for _ in range(6):
        chain.append(t)
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "pobj", "prep", "dobj"):
            break
        if t.head.i == t.i:
            break
        t = t.head
    # Negation: on the trigger, or on a verb that governs it without a clause boundary ("failed to meet").
    cue = _negated(token)
    if cue is None and token.pos_ == "NOUN":
        governor = token.head if token.dep_ in ("dobj", "nsubjpass", "nsubj") else None
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            cue = _negated(governor)
            if cue is None and any(c.lower_ == "no" for c in token.children):
                cue = "no"
    if cue is None:
        t = token
        while t.dep_ == "xcomp" and t.head.i != t.i:
            t = t.head
            if _lemma(t) in _NEGATING_VERBS:
                cue = _lemma(t)
                break
            cue = _negated(t)
            if cue:
                break
    if cue:
        return Reading("negated", cue=cue)
    # Conditions: the trigger's clause is governed by "if"/"unless", or has such a clause attached.
    clause = (
        token
        if token.pos_ in ("VERB", "AUX")
        else (token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") else token)
    )
    for t in (clause, *chain[1:3]):
        mark = _condition_mark(t)
        if mark:
            return Reading("hypothetical" if t.i == clause.i else "conditional", cue=mark)
    for child in clause.children:
        if child.dep_ == "advcl" and _condition_mark(child):
            return Reading("conditional", cue=_condition_mark(child))
    conditioned = _conditioned_verb(clause.sent)
    if conditioned is not None:
        # the condition may hang on a verb above: "remains committed to taking part ... so long as ..."
        t = clause
        for _ in range(5):
            if t.i == conditioned[0]:
                return Reading("conditional", cue=conditioned[1])
            if t.dep_ not in ("xcomp", "pcomp", "prep", "acomp", "pobj", "dobj") or t.head.i == t.i:
                break
            t = t.head
    # Modality and the future.
    for t in (clause, *[c for c in chain[1:3] if c.dep_ != "ccomp"]):
        for aux in _aux(t):
            if aux.lower_ in _FUTURE_AUX or _lemma(aux) in _FUTURE_AUX:
                return Reading("planned", cue=aux.lower_)
            if aux.lower_ == "would" and _reported(t):
                return Reading("planned", cue="would")  # "announced that a meeting would take place"
            if aux.lower_ in _HYPOTHETICAL_MODALS:
                return Reading("hypothetical", cue=aux.lower_)
        if t.i != clause.i and _lemma(t) in _PLANNING_VERBS and clause.dep_ == "xcomp":
            return Reading("planned", cue=_lemma(t))
        if t.i != clause.i and _lemma(t) in _HYPOTHETICAL_VERBS and clause.dep_ == "xcomp":
            return Reading("hypothetical", cue=_lemma(t))
        # "is to visit", "are set to meet", "is due to"
        if (
            t.i != clause.i
            and clause.dep_ == "xcomp"
            and _lemma(t) in ("be", "set", "due")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            return Reading("planned", cue="to")
    if token.pos_ == "NOUN" and any(c.lower_ in _FUTURE_NOUN_MODS for c in token.children):
        return Reading("planned", cue="upcoming")
    if any(c.dep_ == "advmod" and c.lower_ in _POSSIBILITY_WORDS - {"reportedly"} for c in clause.children):
        return Reading("hypothetical", cue="possibly")
    if document_date_after:
        return Reading("planned", cue="date")
    return Reading("asserted")


def reporter(trigger: Any) -> Any:
    """The token of whoever the event is reported by: the subject of a reporting verb governing the clause
    ("the ministry said troops had shelled"), or the object of "according to"."""
    t = trigger
    for _ in range(5):
        if t.dep_ in ("ccomp", "parataxis") and _lemma(t.head) in _REPORTING:
            head = t.head
            for child in head.children:
                if child.dep_ in ("nsubj",):
                    return child
            return None
        if t.head.i == t.i:
            break
        t = t.head
    sentence = trigger.sent
    for token in sentence:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            return next((g for g in token.doc[token.i + 1].children if g.dep_ == "pobj"), None)
    return None
