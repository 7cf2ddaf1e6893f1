"""Which way a clause points in time: past, present or future, read from the parse."""

from __future__ import annotations

from typing import Any, Literal

Tense = Literal["past", "present", "future"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "would" is the future of a past ("said it would meet on Friday"): it points neither way from the document date.
_FUTURE_IN_PAST = frozenset({"would", "'d"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "should", "ought"})
# Verbs whose dates lie ahead whatever their tense ("planned a rally on Saturday", "scheduled for Thursday").
_SCHEDULING = frozenset(
    {"plan", "schedule", "slate", "expect", "postpone", "delay", "reschedule", "due", "set"}
)
_PLANNING = frozenset(
    {
        "plan",
        "expect",
        "intend",
        "aim",
        "schedule",
        "set",
        "due",
        "prepare",
        "hope",
        "want",
        "seek",
        "vow",
        "promise",
        "pledge",
        "agree",
        "threaten",
        "decide",
        "propose",
        "offer",
        "arrange",
        "go",
    }
)


def governor(token: Any) -> Any:
    """The verb a token hangs on: the token itself if it is a verb, else the first verb above it."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def tense(verb: Any, depth: int = 0) -> Tense | None:
    """The tense of a verb's clause; ``None`` when the parse does not tell."""
    if verb is None or depth > 3:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    present_aux = any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux)
    if (
        verb.lemma_ in _SCHEDULING
        and (
            verb.tag_ in ("VBZ", "VBP")
            or (verb.tag_ == "VBN" and (present_aux or (not aux and verb.dep_ in ("acl", "amod"))))
        )
        # "a record set on Aug. 6" is over; "a summit set for April" is ahead
        and (verb.lemma_ != "set" or any(c.lower_ in ("for", "to") for c in verb.children))
    ):
        return "future"  # "is scheduled for", "a summit set for April"
    if words & _FUTURE_AUX:
        return "future"
    if words & _FUTURE_IN_PAST:
        return None
    if verb.lower_ in _FUTURE_AUX and verb.tag_ == "MD":
        return "future"
    to_infinitive = "to" in words and verb.tag_ == "VB"
    if to_infinitive:
        if any(c.lemma_ == "be" for c in aux):  # "is to meet"
            return "future"
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "the ferries are to sail again Monday", parsed with "are" as the head
        if verb.dep_ in ("xcomp", "advcl") and (head.lemma_ in _PLANNING or head.lower_ == "going"):
            above = head if head.pos_ in ("VERB", "AUX") else governor(head)
            had = (
                above is not None and any(c.lower_ == "had" for c in above.children)
            ) or head.lower_ == "had"
            return "past" if had else "future"  # "had been due to expire Friday" is over
        return None  # "subpoenaed him to testify on Feb. 10": later than its head, but not told how
    if words & _MODALS:
        return "future" if verb.tag_ == "VB" else None
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if verb.tag_ == "VBN":
        if words & {"has", "have", "'ve", "'s", "had"}:
            return "past"
        if present_aux:
            return "present"
        if not aux and verb.dep_ in ("acl", "amod", "advcl"):
            return "past"  # "the decision, announced Wednesday, ..."
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG":
        if any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux):
            return "present"
        if any(c.lemma_ == "be" and c.tag_ == "VBD" for c in aux):
            return "past"
    if (
        verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "pcomp", "pobj")
        and verb.head.i != verb.i
    ):
        # "can take part in planning for the summit in April": through the preposition to its verb
        head = verb.head if verb.head.pos_ in ("VERB", "AUX") else governor(verb.head)
        return tense(head, depth + 1)
    return None


_REPORTING = frozenset(
    {"say", "tell", "announce", "report", "state", "add", "note", "claim", "insist", "write"}
)


# Verbs whose past tense looks like their present ("stocks hurt the index on Friday").
_SAME_FORM = frozenset(
    {
        "hurt",
        "put",
        "cut",
        "set",
        "hit",
        "let",
        "cost",
        "quit",
        "spread",
        "shut",
        "split",
        "cast",
        "bet",
        "bid",
        "read",
        "beat",
    }
)


def schedules(verb: Any) -> bool:
    """Whether a present-tense verb describes something scheduled ("they meet Monday"), not a report ("says")
    nor a state ("is")."""
    return (
        verb is not None
        and verb.tag_ in ("VBZ", "VBP", "VB")
        and verb.lemma_ not in _REPORTING | _SAME_FORM | {"be", "have"}
    )


def tense_at(doc: Any, start: int, end: int) -> Tense | None:
    """The tense of the clause that the text ``[start, end)`` belongs to."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return tense(governor(span.root))


def prospective_at(doc: Any, start: int, end: int) -> bool:
    """Whether the clause looks ahead: future tense, or "would" ("said a meeting would take place in May")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = governor(span.root)
    if tense(verb) == "future":
        return True
    for _ in range(4):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_IN_PAST for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
