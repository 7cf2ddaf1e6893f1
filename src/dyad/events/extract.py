"""Events of one document: triggers decided, arguments read, facts told from plans, records built."""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.events import classify
from dyad.events.arguments import THINGS, Arguments, Generic, generic_ref, state_ref
from dyad.events.code import cameo_of, contexts_of, mode_of, scores
from dyad.events.detect import Candidate, candidates, lemma_of
from dyad.events.factuality import read, reporter
from dyad.knowledge.events import EventKnowledge, Predicate
from dyad.model import ActorRef, Analysis, Event, Place, Span
from dyad.options import Options

# Events whose content is another event they do not assert: "urged Iran to release", "threatened to strike",
# "agreed to hold talks", "refused to meet". The embedded event is not coded on its own.
_EMBEDDING = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
# Verbal events: located only where the clause itself says (not where the speaker is).
# Events that are said: they point to the quote they come from.
_SAID = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
_VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_TEMPORAL_PREPS = frozenset({"after", "during", "at", "before", "following", "ahead", "amid", "on", "in"})
_GENERIC_SECTORS = frozenset(
    {"UAF", "CVL", "REB", "COP", "MIL", "JRN", "OPP", "CRM", "LAB", "EDU", "MED", "REF", "REL", "BUS", "SPY"}
)
# Adjectives that name who did what an event noun names ("a terrorist attack"): words, sector, type.
_DOER_ADJECTIVES = {
    "terrorist": ("Terrorists", "UAF", "group"),
    "militant": ("Militants", "REB", "group"),
    "insurgent": ("Insurgents", "REB", "group"),
    "rebel": ("Rebels", "REB", "group"),
    "jihadist": ("Jihadists", "REB", "group"),
    "separatist": ("Separatists", "REB", "group"),
    "extremist": ("Extremists", "REB", "group"),
    "guerrilla": ("Guerrillas", "REB", "group"),
}
_OFFICIALS = frozenset(
    [
        "counterpart",
        "counterparts",
        "minister",
        "ministers",
        "officials",
        "official",
        "leaders",
        "leader",
        "delegation",
        "delegations",
        "envoy",
        "envoys",
        "diplomats",
        "diplomat",
        "government",
        "authorities",
        "president",
        "premier",
        "negotiators",
    ]
)
_MILITARY = frozenset(
    [
        "warplanes",
        "warplane",
        "jets",
        "jet",
        "aircraft",
        "drones",
        "drone",
        "artillery",
        "troops",
        "forces",
        "soldiers",
        "navy",
        "tanks",
        "warships",
        "gunboats",
        "helicopters",
        "bombers",
        "fighters",
        "military",
        "army",
        "marines",
        "commandos",
    ]
)
# How sure a trigger must be for an event whose sides the text does not name ("the two sides agreed").
_BARE_EVENT = 0.75
UNSEEN_WEIGHT = classify.UNSEEN_LEXICON_WEIGHT
_SURE_ROW = 0.85
_TWO_SIDED = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "fighting", "clashes", "combat"})
_EMBEDDED_RECIPIENTS = ("prep:between", "prep:with", "prep:for", "prep:to", "obj", "prep:on")
_DEFAULT_RECIPIENTS = ("obj", "prep:with", "prep:to", "prep:against", "prep:on")


@dataclass
class Decision:
    """A candidate that is an event: its type, the lexicon row behind it (if any) and how sure we are."""

    candidate: Candidate
    event: str
    row: Predicate | None
    probability: float
    sentence: int
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    alleged_by: Decision | None = None  # the accusation whose content this event is
    dated: bool = False  # the date comes from the event's own clause


class Extractor:
    """Codes the events of one analysed document."""

    def __init__(self, kb: EventKnowledge, analysis: Analysis, options: Options) -> None:
        self.kb = kb
        self.analysis = analysis
        self.options = options
        self.doc = analysis.parse
        self.model = classify.model()
        self.recognizer = _recognizer(options)
        self.args = Arguments(analysis, self._generic)
        self.country_counts: Counter[str] = Counter()
        for actor in analysis.actors:
            if actor.type == "state" and actor.country:
                self.country_counts[actor.country] += len(actor.mentions)
        for place in analysis.places:
            if place.country_code and not place.metonymic:
                self.country_counts[place.country_code] += 1

    # Deciding -----------------------------------------------------------------------------------------
    def decide(self, candidate: Candidate, sentence: int) -> Decision | None:
        rows = candidate.rows
        row = rows[0] if rows else None
        model = self.model
        if model is None:
            return Decision(candidate, row.event, row, row.prior, sentence) if row is not None else None
        probs = model.predict(candidate, self.args)
        if row is None:
            event, p = max(((k, v) for k, v in probs.items() if k != "NONE"), key=lambda kv: kv[1])
            if p < model.unlisted_threshold:
                return None
            return Decision(candidate, event, None, p, sentence)
        mixed = classify.mix(row, rows, probs, model.lexicon_weight)
        # Where the model finds no event, the lexicon leads if the model never saw the word, or if a row for
        # one sense of it matched ("attack" after "terrorist", "seize" with "town").
        sure = bool(row.when) and row.prior >= _SURE_ROW
        if max(mixed, key=lambda k: mixed[k]) == "NONE" and (sure or not model.knows(candidate)):
            mixed = classify.mix(row, rows, probs, max(model.lexicon_weight, UNSEEN_WEIGHT))
        event, p = max(mixed.items(), key=lambda kv: kv[1])
        if event == "NONE":
            return None
        chosen = next((r for r in rows if r.event == event), None)
        return Decision(candidate, event, chosen, p, sentence)

    # Arguments ----------------------------------------------------------------------------------------
    def _generic(self, token: Any) -> Generic | None:
        if self.recognizer is None:
            return None
        sent_end = token.sent.end
        for start in range(token.left_edge.i, token.i + 1):
            stop, inst, title = self.recognizer.phrase_at(self.doc, start, sent_end)
            if stop == token.i + 1 and inst is not None and title is None and inst.sector in _GENERIC_SECTORS:
                if inst.type == "person":
                    return None
                words = self.doc[start:stop].text
                return Generic(
                    words, inst.sector, "group" if inst.sector in ("UAF", "REB") else "organization"
                )
        return None

    def _refs(self, token: Any, where: Place | None, allow_place: bool) -> list[ActorRef]:
        actors = self.args.actors_of(token)
        if actors:
            return [ActorRef.of(a) for a in actors]
        if token is None:
            return []
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            token = token.head.head  # "the insurgents, who renounced violence": the antecedent
        adjective = self._adjective_country(token)
        generic = self.args.generic_of(token)
        if generic is not None:
            return [generic_ref(generic, adjective or self._country(where))]
        if adjective is not None and token.lower_ in _OFFICIALS:
            return [state_ref(adjective, self._state_name(adjective))]  # "his Japanese counterpart"
        if adjective is not None and token.lower_ in _MILITARY:
            name = self._state_name(adjective)  # "Israeli warplanes", "Turkish artillery"
            return [
                ActorRef(
                    f"{adjective}.armed-forces", f"Armed forces of {name}", "organization", adjective, "MIL"
                )
            ]
        if allow_place:
            place = self.args.place_state(token)
            if place is not None and place.country_code:
                name = self._state_name(place.country_code)
                return [state_ref(place.country_code, name)]
        return []

    def _adjective_country(self, token: Any) -> str | None:
        """The country of a nationality adjective modifying ``token`` ("Japanese counterpart")."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                code = _adjectives().get(child.lower_)
                if code:
                    return code
        return None

    def _state_name(self, code: str) -> str:
        from dyad.knowledge.actors import knowledge as actor_knowledge

        entity = actor_knowledge().countries.get(code)
        return entity.name if entity is not None else code

    def _country(self, where: Place | None) -> str | None:
        if where is not None and where.country_code:
            return where.country_code
        if self.country_counts:
            return self.country_counts.most_common(1)[0][0]
        return None

    def arguments(self, decision: Decision, where: Place | None) -> None:
        cand = decision.candidate
        row = decision.row
        head, light = cand.head, cand.light
        pos = "verb" if light is not None else cand.pos
        actor_slot = row.actor if row is not None else ("subj" if pos == "verb" else "poss")
        if light is not None and actor_slot == "poss":
            actor_slot = "subj"
        # The row's slots first, then the usual ones ("ratify the pact with Pyongyang" / "ratify Sweden's bid").
        recipient_slots = tuple(
            dict.fromkeys((*(row.recipient if row is not None else ()), *_DEFAULT_RECIPIENTS))
        )
        actor_token = self.args.slot(head, actor_slot, pos, light)
        if light is not None and actor_token is None:
            actor_token = self.args.slot(light, "poss", "noun")
        doer = None
        if actor_token is None and pos == "noun":
            modifiers = (c.lower_ for c in head.children if c.dep_ in ("amod", "compound"))
            doer = next((_DOER_ADJECTIVES[m] for m in modifiers if m in _DOER_ADJECTIVES), None)
            if doer is None:
                actor_token = self._noun_doer(head)
        if doer is not None:  # "a terrorist attack in Kashmir", "a rebel offensive"
            country = where.country_code if where is not None else None  # not the article's commonest
            decision.actors = [generic_ref(Generic(*doer), country)]
        else:
            decision.actors = self._refs(actor_token, where, allow_place=actor_slot.startswith("prep:"))
        hosts = [(head, pos, light)]
        # "offered to host talks between Addis Ababa and the Tigrayans", "pledged $1.5bn for Pakistan": the
        # recipient of an offer, promise or demand sits in what is offered.
        hosts += [
            (c, "verb", None)
            for c in head.children
            if c.pos_ == "VERB"
            and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.lower_ == "to" for g in c.children)))
        ]
        chosen: list[ActorRef] = []
        for host, host_pos, host_light in hosts:
            slots = recipient_slots if host is head else _EMBEDDED_RECIPIENTS
            for slot in slots:
                token = self.args.slot(host, slot, host_pos, host_light)
                if token is None and host_light is not None and slot.startswith("prep:"):
                    token = self.args.slot(host_light, slot, "noun")
                refs = self._refs(token, where, allow_place=True)
                refs = [r for r in refs if r.actor_id not in {a.actor_id for a in decision.actors}]
                if refs:
                    chosen = refs
                    break
            if chosen:
                break
        decision.recipients = chosen
        if cand.lemma in _TWO_SIDED and decision.event == "ASSAULT":
            # "clashed with the rebels": fighting has no victim; every side is an actor.
            decision.actors = decision.actors + decision.recipients
            decision.recipients = []

    def _noun_doer(self, noun: Any) -> Any:
        """The doer of an event noun that names none: the subject of the clause it sits in as a time or place
        ("Lavrov, after talks with Wang, said ...")."""
        if noun.dep_ == "pobj" and noun.head.lower_ in _TEMPORAL_PREPS:
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                return self.args.subject(verb)
        return None

    # Records ------------------------------------------------------------------------------------------
    def events(self) -> tuple[Event, ...]:
        decisions: list[Decision] = []
        for sentence in self.analysis.sentences:
            span = self.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if span is None:
                continue
            for cand in candidates(self.doc, span.start, span.end, self.kb):
                decision = self.decide(cand, sentence.index)
                if decision is not None:
                    decisions.append(decision)
        decisions = self._unembedded(decisions)
        out: list[Event] = []
        reports: list[Decision] = []  # the decision behind each event of ``out``
        kept: list[tuple[int, str, set[str], set[str]]] = []
        for decision in decisions:
            event = self._record(decision)
            if event is None:
                continue
            # "the war", "sanctions": an event nobody is said to take part in needs a sure verb, or a likely
            # trigger that the text places and dates ("talks are to be held in Kazan next month").
            placed = decision.probability >= 0.5 and event.event_loc is not None and decision.dated
            bare = not (event.actor or event.recipient)
            if (
                bare
                and not placed
                and (decision.probability < _BARE_EVENT or decision.candidate.pos == "noun")
            ):
                continue
            if not event.actor and self._thing_says(decision):
                continue
            actors = {a.actor_id for a in event.actor}
            recipients = {r.actor_id for r in event.recipient}
            # One event per real action: "lifted the ban, revoking the designation"; "met and held talks".
            if actors and any(
                s == decision.sentence
                and e == event.event
                and a == actors
                and (recipients <= r or r <= recipients)
                for s, e, a, r in kept
            ):
                continue
            earlier = self._reported_before(decision, event, out, reports)
            if earlier is not None:
                first = out[earlier]
                out[earlier] = replace(first, mentions=(*first.mentions, event.trigger))
                continue
            kept.append((decision.sentence, event.event, actors, recipients))
            out.append(event)
            reports.append(decision)
        return tuple(out)

    def _reported_before(
        self, decision: Decision, event: Event, out: Sequence[Event], reports: Sequence[Decision]
    ) -> int | None:
        """The index of an earlier event of the article that this one names again, if any: "the Supreme
        Court lifted the ban ... the court's decision to lift the ban" is one lifting, told twice.

        A mention again is a noun, or a verb under a noun or a possessive ("the decision to lift"), with no
        date of its own, of the same type and trigger word (and object, when both have one) as an event
        before it, and with no actor or recipient that the first does not have.
        """
        cand = decision.candidate
        head = cand.key_token
        if decision.dated:
            return None
        under_noun = cand.pos == "verb" and head.dep_ in ("acl", "xcomp") and head.head.pos_ == "NOUN"
        if not (cand.pos == "noun" or under_noun):
            return None
        actors = {a.actor_id for a in event.actor}
        recipients = {r.actor_id for r in event.recipient}
        obj = _object_lemma(cand)
        for index in range(len(out) - 1, -1, -1):
            first, its = out[index], reports[index]
            if first.event != event.event or its.candidate.lemma != cand.lemma:
                continue
            other = _object_lemma(its.candidate)
            if obj is not None and other is not None and obj != other:
                continue
            if actors <= {a.actor_id for a in first.actor} and recipients <= {
                r.actor_id for r in first.recipient
            }:
                return index
        return None

    def _thing_says(self, decision: Decision) -> bool:
        """Whether a verbal event's subject is a thing, not an actor: "the attack threatens to unravel the
        accords" and "the move demands patience" are nobody's threat or demand."""
        cand = decision.candidate
        if decision.event not in _VERBAL or cand.pos != "verb" or cand.light is not None:
            return False
        subject = self.args.subject(cand.head)
        nouns = [subject]
        if subject is not None and subject.lower_ in ("which", "that") and cand.head.dep_ == "relcl":
            # "an attack in Kashmir, which threatens ...": the parser may hang the clause on the place
            antecedent = cand.head.head
            nouns = [antecedent]
            if antecedent.dep_ == "pobj" and antecedent.head.head.pos_ == "NOUN":
                nouns.append(antecedent.head.head)
        return any(n is not None and n.pos_ == "NOUN" and str(n.lemma_).lower() in THINGS for n in nouns)

    def _unembedded(self, decisions: Sequence[Decision]) -> list[Decision]:
        """Leave out events that are the content or the object of another: "urged Iran to release"
        (REQUEST only), "lifted the ban" (CONCEDE only), "travelled to Kabul for a meeting" (one CONSULT)."""
        by_token = {d.candidate.head.i: d for d in decisions}
        for d in decisions:
            if d.candidate.light is not None:
                by_token[d.candidate.light.i] = d
        out = []
        for d in decisions:
            head = d.candidate.head
            governor = _governor(head)
            above = by_token.get(governor.i) if governor is not None else None
            if above is not None and above is not d:
                if above.event in _EMBEDDING:
                    continue
                if above.event == "ACCUSE" and head.dep_ in ("pcomp", "pobj"):
                    # "accused Western agencies of seeking to destabilise": the alleged act is coded only when
                    # it is a material one, as the accuser's claim against the accused.
                    if self.kb.types[d.event].quad in (1, 3):
                        continue
                    d.alleged_by = above
                if d.candidate.pos == "noun" and d.candidate.light is None:
                    object_of = (
                        head.dep_ in ("dobj", "obj", "nsubjpass") and head.head.i == above.candidate.head.i
                    )
                    # "condemned the attack": the attack is an event of its own.
                    kept = above.event == "ACCUSE" and d.event in (
                        "ASSAULT",
                        "COERCE",
                        "SANCTION",
                        "MOBILIZE",
                    )
                    if (object_of and not kept) or above.event == d.event:
                        continue
            out.append(d)
        return out

    def _record(self, decision: Decision) -> Event | None:
        cand = decision.candidate
        doc = self.doc
        first, last = doc[cand.trigger[0]], doc[cand.trigger[1] - 1]
        trigger = Span(first.idx, last.idx + len(last.text))
        key_token = cand.key_token
        key_span = Span(key_token.idx, key_token.idx + len(key_token.text))
        head_span = Span(cand.head.idx, cand.head.idx + len(cand.head.text))
        sentence = (
            self.analysis.sentences[decision.sentence]
            if decision.sentence < len(self.analysis.sentences)
            else None
        )
        if sentence is None or sentence.index != decision.sentence:
            sentence = next(s for s in self.analysis.sentences if s.index == decision.sentence)
        where = self._location(decision, head_span, key_span)
        self.arguments(decision, where)
        dating = self.analysis.dating_of(head_span) or self.analysis.dating_of(key_span)
        if dating is None:
            dating = self._dating_above(cand.head)
        decision.dated = dating is not None and dating.source == "clause"
        if dating is not None and dating.source == "narrative" and dating.future:
            # The story's last date was a plan ("a meeting in May"); an event told after it, undated, is not in
            # that future: it takes the document's month.
            when = self.analysis.document.date
            dating = replace(
                dating,
                value=f"{when:%Y-%m}" if when else None,
                precision="month" if when else None,
                source="document",
                future=False,
            )
        # Only a date of the event's own sentence makes it future: the narrative's last date may be a plan
        # mentioned earlier ("a meeting in May"), not this event's.
        own_date_future = bool(dating and dating.future and dating.source in ("clause", "sentence"))
        reading = read(cand.head, document_date_after=own_date_future)
        reporter_token = reporter(cand.head)
        reported = self.args.actors_of(reporter_token) if reporter_token is not None else []
        if decision.alleged_by is not None:
            accusation = decision.alleged_by
            if not accusation.actors and not accusation.recipients:
                self.arguments(accusation, None)
            reported = []
            reported_refs = accusation.actors[:1]
            if accusation.recipients:
                decision.actors = list(accusation.recipients)
        else:
            reported_refs = [ActorRef.of(a) for a in reported[:1]]
        event = decision.event
        near = [lemma_of(t) for t in doc[cand.trigger[0] : cand.trigger[1]]]
        near += [lemma_of(c) for t in (cand.head, key_token) for c in t.subtree if c.i - t.i < 6]
        wide = [lemma_of(t) for t in cand.head.sent]
        mode = mode_of(event, decision.row, near, wide)
        if event == "CONSULT" and mode is None and len(decision.actors) + len(decision.recipients) >= 3:
            mode = "multilateral"
        cameo = cameo_of(self.kb, event, mode, decision.row)
        quad, scale = scores(self.kb, event, mode, cameo)
        confidence = self._confidence(decision, reading.factuality)
        digest = hashlib.sha1(f"{self.analysis.document.doc_id}:{trigger.start}:{event}".encode()).hexdigest()
        quote_id = self._quote_of(trigger) if event in _SAID else None
        return Event(
            id=f"ev-{digest[:12]}",
            event=event,
            trigger=trigger,
            sentence=sentence.span,
            mode=mode,
            context=contexts_of(self.kb, cameo),
            cameo=cameo,
            quad_code=quad,
            event_scale=scale,
            date=dating.value if dating else None,
            date_precision=dating.precision if dating else None,
            date_inferred=bool(dating.inferred) if dating else False,
            actor=tuple(decision.actors),
            recipient=tuple(decision.recipients),
            event_loc=where,
            factuality=reading.factuality,
            reported_by=reported_refs[0] if reported_refs else None,
            confidence=confidence,
            quote_id=quote_id,
        )

    def _quote_of(self, trigger: Span) -> str | None:
        """The quote a verbal event is said in, or whose cue it is ("accused X of ...")."""
        for quote in self.analysis.quotes:
            pieces = quote.parts or (quote.span,)
            if any(p.start <= trigger.start < p.end for p in pieces):
                return quote.id
            if quote.cue is not None and quote.cue.start <= trigger.start < quote.cue.end:
                return quote.id
        return None

    def _dating_above(self, token: Any) -> Any:
        t = token
        for _ in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            found = self.analysis.dating_of(Span(t.idx, t.idx + len(t.text)))
            if found is not None:
                return found
        return None

    def _location(self, decision: Decision, head: Span, key: Span) -> Place | None:
        spans = [key, head]
        token = decision.candidate.key_token
        if (
            token.pos_ == "NOUN"
            and token.dep_ in ("nsubj", "nsubjpass", "dobj")
            and token.head.pos_ == "VERB"
        ):
            verb = token.head  # "the summit will be held on the margins of the forum"
            spans.append(Span(verb.idx, verb.idx + len(verb.text)))
        for span in spans:
            locating = self.analysis.locating_of(span)
            if locating is None:
                continue
            if locating.source != "clause" and decision.event in _VERBAL:
                continue
            return self.analysis.place_at(locating.place)
        token = decision.candidate.key_token
        if token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "on", "to"):
                    for t in child.subtree:
                        if t.i in self.args.places:
                            return self.args.places[t.i]
        return None

    def _confidence(self, decision: Decision, factuality: str) -> float:
        p = decision.probability
        if not decision.actors:
            p *= 0.7
        if self.kb.types[decision.event].needs_recipient and not decision.recipients:
            p *= 0.85
        return round(classify.calibrate(p), 3)


def _object_lemma(candidate: Candidate) -> str | None:
    """The lemma of what an event acts on: the verb's object, or the noun of "of"/"on" after an event noun."""
    head = candidate.head if candidate.light is None else candidate.light
    for child in head.children:
        if child.dep_ in ("dobj", "obj"):
            return lemma_of(child)
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "against"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return lemma_of(pobj)
    return None


def _governor(token: Any) -> Any:
    """The trigger a clause is the content of ("urged Iran to release" -> urged), if it is one."""
    t = token
    for _ in range(3):
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "dobj") and t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "NOUN"):
                return t
        else:
            return None
    return None


@functools.lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    from dyad.knowledge.actors import knowledge as actor_knowledge

    out: dict[str, str] = {}
    for country in actor_knowledge().countries.values():
        for adjective in country.adjectives:
            out.setdefault(adjective.lower(), country.iso3)
    return out


def _recognizer(options: Options) -> Any:
    from pathlib import Path

    from dyad.actors import recognizer
    from dyad.knowledge.actors import knowledge as actor_knowledge
    from dyad.nlp import load_pipeline

    kb = actor_knowledge(tuple(Path(p) for p in options.actors))
    return recognizer(kb, load_pipeline(options.model_candidates()))
