"""Who said what: direct quotes between quotation marks, indirect and mixed speech, their cues and speakers.

Direct quotes are stretches between quotation marks that hold speech: words with a verb or several words, tied to
a cue ("“...,” he said", "X said: “...”", "“...,” said X") or continuing the speech of the quote before them in
the paragraph. Scare quotes and titles ("a “historic step”", "the “Permanent Bilateral Commission”") are not
speech. Indirect speech is the clause a verb of saying governs ("X said (that) ...", "X warned ...", "X accused Y
of ..."), what "according to X" attributes, and the content of a noun of saying ("X's statement that ...", "in
X's words"). Reported speech that quotes some of its words is mixed.

The speaker is the actor the cue's subject (or "according to" object, or possessor) names, through the actors
stage's mentions, pronouns included; when the words name no actor the speaker is ``None`` and ``source`` still
marks them.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from dyad.events.arguments import THINGS, Arguments
from dyad.model import ActorRef, Analysis, Quote, Span
from dyad.quotes.marks import MARKS, OPENING, Quoted, find

# Verbs of praise and blame, whose object is what is judged: "criticized the handling of the floods".
_EVALUATING = frozenset(
    {"criticize", "criticise", "condemn", "praise", "defend", "reject", "blast", "slam", "mock"}
    | {
        "ridicule",
        "applaud",
        "welcome",
        "hail",
        "denounce",
        "decry",
        "dispute",
        "challenge",
        "endorse",
        "oppose",
        "lambaste",
        "berate",
        "scold",
    }
)
# Verbs of public praise and blame whose object, even a bare name, is what the words were about: "blasted
# Ortiz", "endorsed her" (not "opposed her", "rejected it": a stance or a deed as often as words).
_CENSURING = frozenset(
    {
        "endorse",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "praise",
        "condemn",
        "denounce",
        "mock",
        "ridicule",
    }
    | {"decry", "lambaste", "berate", "scold"}
)
# Verbs of thought and finding: reported only with a "that" clause ("the poll shows that ...").
_OPINION_VERBS = frozenset(
    {
        "believe",
        "describe",
        "suggest",
        "indicate",
        "estimate",
        "hint",
        "show",
        "find",
        "know",
    }
    | {"fear", "expect", "feel", "doubt", "conclude", "agree", "rule"}
)
SPEECH_VERBS = _OPINION_VERBS | frozenset(
    {"say", "tell", "add", "state", "stress", "underline", "underscore", "emphasise", "emphasize", "warn"}
    | {"insist", "deny", "argue", "claim", "assert", "announce", "note", "reiterate", "explain", "declare"}
    | {"confirm", "reply", "respond", "write", "report", "acknowledge", "admit", "accuse", "allege", "charge"}
    | {"complain", "concede", "predict", "recall", "remark", "observe", "urge", "promise", "pledge", "vow"}
    | {"threaten", "caution", "contend", "maintain", "counter", "retort", "quip", "testify", "reveal"}
    | {"disclose", "affirm", "proclaim", "tweet", "post", "repeat", "lament", "continue", "ask", "demand"}
    | {"wonder", "exclaim", "shout", "scream", "joke", "plead", "read", "call", "cite", "mention", "describe"}
    | {"propose", "echo", "voice", "express", "question", "recommend", "caution", "point out", "point"}
    | {"speak", "talk"}
    | _EVALUATING
)
# Verbs of saying proper, not of thought or finding.
_SAYING = SPEECH_VERBS - _OPINION_VERBS
_SPEECH_NOUNS = frozenset(
    [
        "statement",
        "remarks",
        "remark",
        "words",
        "comments",
        "comment",
        "claim",
        "assertion",
        "announcement",
        "warning",
        "view",
        "accusation",
        "message",
        "speech",
        "address",
        "declaration",
        "testimony",
        "argument",
    ]
)
# Verbs by which someone makes a statement: "she made the claim that ...", "issued a warning that ...".
_DELIVERING = frozenset(
    {"make", "issue", "repeat", "deliver", "give", "offer", "reiterate", "release", "send", "publish", "post"}
)
# What is issued and then says something: "issued a statement calling the vote unlawful".
_ISSUED = frozenset(
    {"statement", "letter", "note", "release", "communique", "communiqué", "memo", "tweet", "post"}
)
# Adjectives of conviction and fear with a clause: "confident that the truce will hold".
_MINDED = frozenset(
    {"confident", "convinced", "sure", "certain", "hopeful", "optimistic", "worried", "concerned", "afraid"}
    | {"adamant", "skeptical", "sceptical", "aware", "fearful", "insistent"}
)
# Verbs of declaring whose object is what was said: "asserted his determination to ...", and verbs of saying whose
# object is the content of the report: "denied the reports of a secret deal".
_DECLARING = frozenset(
    {"assert", "reiterate", "voice", "express", "declare", "stress", "underline", "emphasise", "emphasize"}
    | {
        "deny",
        "announce",
        "acknowledge",
        "disclose",
        "reveal",
        "mention",
        "describe",
        "demand",
        "propose",
        "echo",
        "point out",
        "note",
        "question",
        "promise",
        "claim",
        "cite",
    }
)
# Verbs that report what was said but do not introduce quoted words: "“...,” she said" but not "“...,” when
# his rival mocked him", nor "pointed to".
_REPORT_ONLY = _EVALUATING | {"point", "speak", "talk"}
# Verbs of saying whose content follows a preposition: "warned against ...", "pointed to ...", "spoke of ...".
_POINTING = {
    "warn": ("against",),
    "caution": ("against",),
    "point": ("to",),
    "speak": ("about", "of"),
    "talk": ("about",),
}
# Verbs of saying whose content can be a gerund: "proposed doing away with the mandate".
_GERUND_VERBS = frozenset(
    {"propose", "suggest", "admit", "recommend", "deny", "acknowledge", "urge", "mention"}
)
# Verbs that report an object as something: "described the vote as a farce".
_AS_VERBS = frozenset(
    {"describe", "cite", "characterize", "characterise", "portray", "depict", "brand", "label", "dismiss"}
    | {"paint", "hail", "denounce", "see", "view", "regard"}
)
# Verbs that tell someone to do something: "told his aides to wait".
_TELLING = frozenset({"tell", "ask", "urge", "warn", "advise", "order", "instruct", "implore", "encourage"})
# Verbs by which evidence shows something, and what can show it: "polls show her ahead by three points".
_EVIDENCE_VERBS = frozenset({"show", "indicate", "find", "suggest", "reveal", "confirm"})
_EVIDENCE = frozenset(
    {
        "poll",
        "survey",
        "study",
        "analysis",
        "report",
        "video",
        "footage",
        "data",
        "figure",
        "average",
        "record",
    }
    | {"document", "research", "audit", "result", "count", "estimate", "review", "investigation", "recording"}
)
# Verbs that judge someone for something: "faulted the mayor for the delays", "hailed her as a hero".
_JUDGING = _EVALUATING | frozenset(
    {"fault", "scold", "chide", "berate", "rebuke", "lambaste", "credit", "commend", "blame"}
)
# The verbs whose object with its complement is reported, and those whose object alone is.
_COMPLEMENTED = _AS_VERBS | _TELLING | _EVIDENCE_VERBS | _JUDGING
_OBJECT_REPORTED = _DECLARING | _EVALUATING
# Words that can head who speaks when no actor is named ("a senior official said").
_SPEAKER_NOUNS = frozenset(
    [
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "sources",
        "minister",
        "ministers",
        "analyst",
        "analysts",
        "diplomat",
        "diplomats",
        "envoy",
        "president",
        "leader",
        "leaders",
        "commander",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "expert",
        "experts",
        "lawmaker",
        "lawmakers",
        "senator",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "observer",
        "observers",
        "statement",
        "report",
        "ministry",
        "government",
        "agency",
        "office",
        "police",
        "army",
        "military",
        "group",
        "activists",
        "campaigners",
        "negotiator",
        "negotiators",
        "secretary",
        "chief",
        "head",
        "director",
        "ambassador",
        "prosecutor",
        "prosecutors",
        "judge",
        "court",
    ]
)
# Participles by which the writer comments on what was said: ", contradicting the police", ", marking the first
# time ...". With verbs of saying (", adding that ..."), the participles cut off a report; others go on with it
# (", allowing visitors to see ...").
_ASIDES = frozenset({"reference", "contradict", "echo", "mark", "mean"})
# Words that open a concession the writer adds: ", although it may take days to tell".
_CONCESSIVE = frozenset({"although", "though", "whereas"})
# Words a title in title case leaves in lower case: 'Face the Nation'.
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with", "from"}
)
# Words before a quoted name: "the so-called “...”", "dubbed “...”".
_NAMING = frozenset({"so-called", "dubbed", "termed", "nicknamed", "titled", "entitled", "styled", "branded"})
# A dash after a closing mark, and a capital: "”― Ana Ruiz", "” — Ana Ruiz" (no-break spaces too).
_SIGNATURE = re.compile(r"[ \t\xa0]*(?:―|—|–|--)[ \t\xa0]*(?=[A-Z])")
# Words that open a clause added to what was said, not part of it: ", which forced her to ...".
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "who"})
# Words for some of a group or for anyone ("many of his supporters believe", "someone asked").
_SOME = frozenset(
    {"many", "some", "most", "all", "few", "several", "each", "both", "others", "none", "one"}
) | {
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "anyone",
    "nobody",
}
# Verbs by which a document or a recording says something: "it says the campaign broke the law".
_DOCUMENT_VERBS = frozenset(
    {"say", "state", "report", "note", "show", "find", "claim", "argue", "add", "conclude", "suggest", "read"}
    | {"indicate", "allege", "warn", "estimate", "predict"}
)
_NOT_SPEAKERS = frozenset({"this", "that", "there"})
# Words that point back to what was said before: "stressed this point" reports nothing new.
_POINTERS = frozenset({"this", "that", "these", "those"})
# A transcript's turn: a paragraph that opens (after a quotation mark, maybe) with a name in capitals and a colon.
_TURN = re.compile(
    r"(?m)^[ \t]*[\"“]?(?P<label>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):[ \t]+(?P<said>\S[^\n]*)$"
)
# Labels that are not speakers.
_NOT_LABELS = frozenset(
    {"CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "WATCH", "VIDEO", "PHOTO"}
    | {
        "SOURCE",
        "SOURCES",
        "WARNING",
        "READ MORE",
        "RELATED",
        "ADVERTISEMENT",
        "Q",
        "A",
        "BREAKING",
        "FULL SPEECH",
    }
)


@dataclass
class Found:
    """A quote before it becomes a record."""

    parts: list[tuple[int, int]]  # character spans of the content
    kind: str  # direct, indirect, mixed
    cue: Any = None  # token
    cue_end: Any = None  # last token of a multi-word cue ("according to")
    speaker_token: Any = None
    paragraph: int = 0

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _lemma(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return "point out"  # "pointed out that ..."
    return "hope" if lemma == "hop" and token.lower_.startswith("hope") else lemma


class QuoteFinder:
    """Finds the quotes of one analysed document."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc = analysis.parse
        self.text = analysis.document.text
        self.args = Arguments(analysis)
        self.body = [(s.span.start, s.span.end) for s in analysis.sentences]
        self.starts = [s.span.start for s in analysis.sentences]  # in text order
        self.marked = find(self.text)  # every stretch between quotation marks

    # Helpers ------------------------------------------------------------------------------------------
    def _in_body(self, start: int, end: int) -> bool:
        return any(a <= start < b for a, b in self.body)

    def _tokens(self, start: int, end: int) -> Any:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _paragraph(self, offset: int) -> int:
        return self.text.count("\n\n", 0, offset)

    def _is_cue(self, token: Any) -> bool:
        """Whether ``token`` is a verb that can introduce or close someone's quoted words."""
        lemma = _lemma(token)
        return token.pos_ in ("VERB", "AUX") and lemma in SPEECH_VERBS and lemma not in _REPORT_ONLY

    def _speaker_of(self, cue: Any) -> Any:
        if cue is None:
            return None
        phrase = self._attribution(cue)
        if phrase is not None:
            return phrase[2]
        if cue.lower_ == "according":
            to = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
            return next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if cue.pos_ in ("PROPN", "PRON") or (
            cue.pos_ == "NOUN" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].text == ":"
        ):
            return cue  # "Trump: “...”"
        if cue.pos_ == "NOUN" and self._verbal(cue):
            return next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if cue.pos_ == "NOUN":
            return next((c for c in cue.children if c.dep_ == "poss"), None)
        issued = cue.head
        if (
            cue.dep_ == "acl"
            and cue.tag_ == "VBG"
            and issued.lower_ in _ISSUED
            and issued.dep_ == "dobj"
            and _lemma(issued.head) in _DELIVERING
        ):
            # "the council issued a statement calling the vote unlawful": who issued it
            issuer = next((c for c in issued.head.children if c.dep_ == "nsubj"), None)
            if issuer is not None:
                return issuer
        subject = self.args.subject(cue)
        if subject is None and cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.dep_ == "prep":
            # "Ortiz stopped short of calling the raid a crime": the subject of the verb the phrase hangs on
            governor = cue.head.head
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                governor = governor.head
            subject = self.args.subject(governor) if governor.pos_ in ("VERB", "AUX") else None
        if subject is None and cue.tag_ != "VBG":
            # "said the minister" / "“...,” said X": the subject may follow the verb as its object or attr
            subject = next(
                (c for c in cue.children if c.dep_ in ("nsubj", "attr", "dobj") and c.i > cue.i), None
            )
        inverted = (
            cue.tag_ in ("VBD", "VBZ", "VBP")
            and cue.i + 1 < len(cue.doc)
            and cue.doc[cue.i + 1].pos_ in ("DET", "PROPN", "NOUN", "ADJ")
            and not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
        )
        if subject is None and inverted:
            # "“...,” said Russia's ambassador, ...": the words right after the verb, however the parser joined them
            words = cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 5)]
            first = next((t for t in words if t.pos_ in ("PROPN", "NOUN")), None)
            while first is not None and first.dep_ in ("compound", "poss") and first.head.i > first.i:
                first = first.head
            subject = first
        if subject is None and (cue.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in cue.children)):
            # "as stated in the ministry's report": where it was stated
            where = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"), None)
            subject = next((g for g in where.children if g.dep_ == "pobj"), None) if where else None
        return subject

    def _speaker_outside(self, cue: Any, q: Quoted) -> Any:
        """The speaker of a direct quote: the cue's subject, but never words inside the quote itself (the parser
        may take "“… Total despair,” said Vance" for a subject inside the marks); failing that, the last name or
        noun between the quote and the cue, or the first one after the cue outside any quote ("“…,” said Russia's
        envoy, “and …”")."""
        speaker = self._speaker_of(cue)
        spans = [(q.start, q.end), *((o.start, o.end) for o in self.marked if abs(o.start - q.end) < 200)]
        if speaker is not None and not any(a <= speaker.idx < b for a, b in spans):
            return speaker
        if speaker is None and cue.idx < q.start:
            return None  # "Ruiz said: “…”" with no subject found: nothing to look for after the quote
        after = [
            t
            for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + 6)]
            if t.idx >= q.end and not any(a <= t.idx < b for a, b in spans)
        ]
        between = [t for t in self.doc[cue.i - 8 if cue.i >= 8 else 0 : cue.i] if t.idx >= q.end]
        for t in [*reversed(between), *after]:
            if t.is_sent_start and t.i > cue.i:
                break
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME"):
                while t.dep_ in ("compound", "poss", "amod") and t.head.i > t.i and t.head.idx >= q.end:
                    t = t.head
                return t
        return None

    @staticmethod
    def _antecedent(token: Any) -> Any:
        """What a relative pronoun stands for: "the study, which notes that ..." -> study; else ``token``."""
        verb = token.head
        if token.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i != verb.i:
            return verb.head
        return token

    # Direct quotes ------------------------------------------------------------------------------------
    def _speechlike(self, q: Quoted) -> bool:
        inner = self.text[q.inner_start : q.inner_end]
        words = inner.split()
        if len(words) <= 2:
            # “Really?” she asked: a short quote that ends as speech does, with a verb of saying after it
            after = self.text[q.end : q.end + 40].split()
            said = any(w.lower().strip(".,") in ("said", "says", "asked", "replied") for w in after[:4])
            return bool(words) and inner.rstrip().endswith(("?", "!", ",")) and said

        before = self.text[max(0, q.start - 20) : q.start].lower().split()
        if before and before[-1] in _NAMING:
            return False  # the so-called “new collective quantified goal”: a name, not speech
        capitals = sum(1 for w in words if w[:1].isupper())
        if (
            len(words) <= 8
            and capitals >= 0.6 * len(words)
            and not inner.rstrip().endswith((".", "!", "?", ","))
        ):
            return False  # a title: the “Permanent Bilateral Commission”
        if (
            3 <= len(words) <= 8
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)
            and sum(w[:1].isupper() for w in words) >= 2
        ):
            return (
                False  # a title in title case, even with its stop: 'The Long Road Home.', “Face the Nation,”
            )
        span = self._tokens(q.inner_start, q.inner_end)
        has_verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
        return has_verb or len(words) >= 6 or self._attributed(q) is not None

    def _attributed(self, q: Quoted) -> Any:
        """The cue of a phrase outside the quote that gives its words to someone, in the quote's sentence: "in
        Ortiz's words", "in the words of one envoy", "as one aide put it"."""
        span = self._tokens(q.start, q.end)
        if span is None or not len(span):
            return None
        return next(
            (t for t in span[0].sent if not q.start <= t.idx < q.end and self._attribution(t) is not None),
            None,
        )

    def _attribution(self, token: Any) -> tuple[int, int, Any] | None:
        """The first and last token of "in X's words", "in the words of X" or "as X put it" at ``token`` (the
        "words" or the "put"), with the token naming X; ``None`` elsewhere."""
        doc = self.doc
        if token.lower_ == "words" and token.dep_ == "pobj" and token.head.lower_ == "in":
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            speaker = next((c for c in token.children if c.dep_ == "poss"), None)
            if speaker is None and of is not None:
                speaker = next((g for g in of.children if g.dep_ == "pobj"), None)
            if speaker is None:
                return None
            return token.head.i, token.right_edge.i, speaker
        if token.lemma_ == "put" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "it":
            mark = next((t for t in doc[max(0, token.i - 6) : token.i] if t.lower_ == "as"), None)
            if mark is None:
                return None
            speaker = next(
                (t for t in reversed(doc[mark.i + 1 : token.i]) if t.pos_ in ("PROPN", "NOUN", "PRON")), None
            )
            return (mark.i, token.i + 1, speaker) if speaker is not None else None
        return None

    def _cue_near(self, q: Quoted) -> Any:
        """The verb of saying that introduces or follows the quote in its sentence."""
        span = self._tokens(q.start, q.end)
        if span is None:
            return None
        sent = span[0].sent
        inside = set(range(span.start, span.end))
        after = list(self.doc[span.end : min(len(self.doc), span.end + 6)])
        attributed = self._attributed(q)
        if attributed is not None:
            return attributed  # “…”, in Ortiz's words / as one aide put it
        # “...” ― Ana Ruiz: a name signed after a dash is who said it
        signed = _SIGNATURE.match(self.text, q.end)
        at = signed.end() if signed else -1
        first = self._tokens(at, at + 1) if signed else None
        if first is not None and len(first) and first[0].pos_ == "PROPN" and first[0].idx == at:
            name = first[0]
            while (
                name.i + 1 < len(self.doc)
                and self.doc[name.i + 1].pos_ == "PROPN"
                and (self.doc[name.i + 1].idx - name.idx - len(name.text) <= 1)
            ):
                name = self.doc[name.i + 1]
            return name
        # “...,” he said / “...,” said X / “...” - he said
        ended = self.text[q.inner_start : q.inner_end].rstrip()[-1:] in (".", "!", "?")
        # (the speaker's words may be long: "“...,” a voice in the opposition's spot asks", "“...,” Sen. Ana
        # Ruiz (D-N.M.) said", but not past the end of the sentence, or a bracket's)
        depth = 0
        # a quote that closes its sentence is attributed by a short clause after it ("“...?” Ortiz asked")
        reach = 12
        for t in self.doc[span.end : min(len(self.doc), span.end + reach)]:
            depth += (t.text == "(") - (t.text == ")")
            if depth > 0 or t.text == ")":
                continue
            if (t.is_sent_start and t.i > span.end + 1) or t.text in (".", "!", "?") or "\n" in t.text:
                break
            if ended and t.i == span.end and t.is_sent_start and self._introduces_next(after):
                break  # “... failed.” He adds, “...”: a new sentence, whose verb belongs to the next quote
            if self._is_cue(t) and any(self._own_words_after(t, c) for c in t.children):
                break  # "In 2025, Lavrov underlined that “...”": a verb with words of its own
            if self._is_cue(t):
                return t
            if t.text in ("“", '"', "«", "„") or (t.pos_ == "VERB" and not self._is_cue(t)):
                break
        # X said: “...” / X said “...” / X told reporters that “...”
        before = [t for t in sent if t.i < span.start and t.i not in inside]
        colon = span.start - 1
        while colon > 0 and self.doc[colon].is_space:
            colon -= 1  # "She went on:", a paragraph of its own before the quote
        if colon < span.start - 1:
            lead = self.doc[colon - 1] if colon > 0 and self.doc[colon].text == ":" else None
            if lead is not None and lead.pos_ == "NOUN" and lead.lower_ in _SPEECH_NOUNS:
                lead = lead.head  # "He made the following remarks:"
            if lead is not None and (self._is_cue(lead) or lead.lemma_ in ("make", "issue", "give")):
                return lead
        if span.start > 0 and self.doc[span.start - 1].text == ":" and span.start >= 2:
            previous = self.doc[span.start - 2]
            if previous.pos_ != "VERB" and self._is_cue(previous.head) and previous.head.i < previous.i:
                return previous.head  # "said last week: “...”", "told reporters: “...”"
            if previous.pos_ in ("VERB", "PROPN", "NOUN", "PRON"):
                return previous  # He continued: “...” / Trump: “...”
        opened = span.start > 0 and self.doc[span.start - 1].text in (",", ":")
        for t in reversed(before):
            between = self.doc[t.i + 1 : span.start]
            if self._is_cue(t) and (
                span.start - t.i <= 6
                # "saying during the debate last week, “...”": a longer way to the comma before the quote
                or (opened and span.start - t.i <= 10 and not any(u.pos_ in ("VERB", "AUX") for u in between))
            ):
                return t
            if t.lower_ == "according" and span.start - t.i <= 8:
                return t
        # the quote is the object or complement of a verb of saying elsewhere in the sentence
        for t in sent:
            if t.i in inside or not self._is_cue(t):
                continue
            if any(
                c.i in inside
                for child in t.children
                for c in child.subtree
                if child.dep_ in ("ccomp", "dobj")
            ):
                return t
            if t.head.i in inside and t.dep_ in ("parataxis", "ccomp", "advcl"):
                return t
        # in a sentence whose root is a verb of saying outside the quote
        root = sent.root
        if root.i not in inside and self._is_cue(root):
            return root
        return None

    def direct(self) -> list[Found]:
        out: list[Found] = []
        quotes = [q for q in self.marked if self._in_body(q.start, q.end)]
        last: Found | None = None
        for q in quotes:
            if not self._speechlike(q):
                if last is not None and last.cue is not None and self._resumes(last, q):
                    last.parts.append((q.start, q.end))  # “We will bring them home,” he said, “every one.”
                continue
            cue = self._cue_near(q)
            paragraph = self._paragraph(q.start)
            if cue is None:
                # A quote standing as its own sentence goes on with the speaker of the quote before it.
                opens_sentence = self._opens_sentence(q)
                if (
                    last is not None
                    and last.paragraph == paragraph
                    and opens_sentence
                    and last.kind == "direct"
                ):
                    # “Yes,” Ortiz told the crowd. “Yes, we can.”: one quote, in two parts
                    last.parts.append((q.start, q.end))
                    continue
                if last is not None and last.paragraph >= paragraph - 1 and opens_sentence:
                    found = Found([(q.start, q.end)], "direct", last.cue, speaker_token=last.speaker_token)
                    found.paragraph = paragraph
                    out.append(found)
                    last = found
                continue
            if out and out[-1].cue is not None and out[-1].cue.i == cue.i and out[-1].paragraph == paragraph:
                out[-1].parts.append((q.start, q.end))  # “We will not yield,” he said, “not now.”
                continue
            found = Found([(q.start, q.end)], "direct", cue, speaker_token=self._speaker_outside(cue, q))
            found.paragraph = paragraph
            if cue.lower_ == "according":
                found.cue_end = cue.doc[cue.i + 1]
            out.append(found)
            last = found
        return out

    def _own_words_after(self, cue: Any, child: Any) -> bool:
        """Whether ``child`` is a clause after ``cue`` that reports words of its own: it opens with "that" or
        holds quotation marks."""
        return (
            child.dep_ == "ccomp"
            and child.i > cue.i
            and (child.left_edge.lower_ == "that" or any(u.text in MARKS for u in child.subtree))
        )

    def _introduces_next(self, after: list[Any]) -> bool:
        """Whether the verb of saying in ``after`` (the words after a quote) introduces a quote that follows
        it ("He adds, “...”") rather than closing the one before."""
        for t in after:
            if self._is_cue(t):
                # "He adds, “...”", "She went on: “...”"; not "Ortiz asked. “Nobody here can.”"
                following = list(self.doc[t.i + 1 : t.i + 4])
                mark = next((k for k, u in enumerate(following) if u.text in ("“", '"', "«", "„")), None)
                return mark is not None and not any(u.text in (".", "!", "?") for u in following[:mark])
        return False

    def _resumes(self, found: Found, q: Quoted) -> bool:
        """Whether the quote ``q`` picks up the quote ``found`` right after its attribution."""
        cue = found.cue
        gap = self.text[found.end : q.start]
        return (
            q.double
            and found.kind == "direct"
            and 0 <= q.start - (cue.idx + len(cue.text)) < 60
            and found.end < cue.idx
            and "\n" not in gap
            and not any(ch in gap for ch in ".!?")
        )

    def _opens_sentence(self, q: Quoted) -> bool:
        span = self._tokens(q.start, q.end)
        if span is None:
            return False
        first = span[0]
        return first.is_sent_start or (first.i > 0 and self.doc[first.i - 1].text in (":", "—", "–"))

    # Indirect speech ----------------------------------------------------------------------------------
    def indirect(self) -> list[Found]:
        quoted = [(q.start, q.end) for q in self.marked]
        out: list[Found] = []
        for sentence in self.analysis.sentences:
            span = self._tokens(sentence.span.start, sentence.span.end)
            if span is None:
                continue
            for token in span:
                found = self._reported(token, span)
                if found is None or self._within_speech(found, quoted):
                    continue
                if any(found.start <= a and b <= found.end for a, b in quoted):
                    found.kind = "mixed"
                found.paragraph = self._paragraph(found.start)
                self._goes_on(found, quoted)
                out.append(found)
        return out

    def _goes_on(self, found: Found, quoted: list[tuple[int, int]]) -> None:
        """Run a report on into the next sentence when that sentence carries it on: it opens with "But" or
        "And", its subject is a pronoun, its verb has "would" or "will", and it has no verb of saying or quotation
        of its own ("The archive, she said, would hold painful records. But it would also ...")."""
        sentence = self.analysis.sentence_of(Span(found.end - 1, found.end))
        if (
            sentence is None
            or found.cue is None
            or not (sentence.span.start <= found.cue.idx < sentence.span.end)
        ):
            return
        k = bisect.bisect_left(self.starts, sentence.span.end)
        nxt = self.analysis.sentences[k] if k < len(self.starts) else None
        if nxt is None or "\n\n" in self.text[sentence.span.end : nxt.span.start]:
            return
        span = self._tokens(nxt.span.start, nxt.span.end)
        if span is None or len(span) < 4 or span[0].lower_ not in ("but", "and", "yet"):
            return
        root = span.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            subject is None
            or subject.lower_ not in ("it", "he", "she", "they", "we")
            or not any(c.lower_ in ("would", "will", "could", "'d", "'ll") for c in root.children)
            or any(t.pos_ in ("VERB", "AUX") and _lemma(t) in _SAYING for t in span)
            or any(nxt.span.start <= a < nxt.span.end for a, _ in quoted)
        ):
            return
        words = self._words(list(span))
        if words is not None:
            found.parts.append(words)

    def _within_speech(self, found: Found, quoted: list[tuple[int, int]]) -> bool:
        """Whether ``found`` is part of someone's own words rather than a report: "I think ..." or "you know"
        inside quotation marks, or a question to "you" ("Do you know where ...?")."""
        speaker = found.speaker_token
        person = speaker.lower_ if speaker is not None else ""
        if person == "you":
            return True
        cue = found.cue
        inside = cue is not None and any(a < cue.idx < b for a, b in quoted)
        return inside and (speaker is None or person in ("i", "we"))

    def _merge(self, direct: list[Found], indirect: list[Found]) -> list[Found]:
        """One quote per stretch of speech: a quote that is most of what a verb reports is direct ("X said:
        “...”"); one that is a small part of it makes the report mixed ("said that talks focused on “...”")."""
        text = self.text
        kept_direct: list[Found] = []
        dropped: set[int] = set()
        for d in direct:
            inside = [
                (k, i)
                for k, i in enumerate(indirect)
                if i.start <= d.start and d.end <= i.end + 3 and k not in dropped  # + the closing marks
            ]
            if not inside:
                overlapping = [k for k, i in enumerate(indirect) if i.start < d.end and d.start < i.end]
                dropped.update(overlapping)
                kept_direct.append(d)
                continue
            k, i = inside[0]
            rest = text[i.start : d.start] + " " + text[d.end : i.end]
            if len([w for w in rest.split() if w.lower() not in ("that", "of", ":", ",")]) <= 2:
                dropped.add(k)
                kept_direct.append(d)
            else:
                i.kind = "mixed"
        kept = [i for k, i in enumerate(indirect) if k not in dropped]
        return [*kept_direct, *kept]

    def _content(self, head: Any, skip: Any = None, least: int = 3) -> tuple[int, int] | None:
        return self._words([t for t in head.subtree if skip is None or t.i not in skip], least)

    def _words(self, tokens: list[Any], least: int = 3) -> tuple[int, int] | None:
        """The stretch of ``tokens`` that was said: without the writer's additions at its end, the punctuation
        and a dangling "and" at its edges ("… step out of the truck and"); ``None`` under ``least`` words."""
        tokens = self._own_words(tokens)
        while tokens and (
            tokens[-1].is_space
            or (tokens[-1].is_punct and tokens[-1].text not in ("”", '"', "’", "»"))
            or tokens[-1].dep_ == "cc"
        ):
            tokens.pop()
        while tokens and tokens[0].is_punct and tokens[0].text not in ("“", '"', "‘", "«", "„"):
            tokens.pop(0)
        if len(tokens) < least:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def _continued(self, cue: Any, clause: Any, content: tuple[int, int]) -> tuple[int, int]:
        """``content`` run on over what the parser hung on the cue but still belongs to what was said: a reason
        ("said the charge was absurd, because ...") and a second predicate of the reported subject ("said they
        liked her, but could not vote for her")"""
        end = content[1]
        for child in cue.children:
            if child.i <= clause.i or child.idx < end:
                continue
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            reason = child.dep_ == "advcl" and marks & {"because", "since"}
            modal = (
                child.dep_ in ("conj", "ccomp")
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children)
                and _lemma(child) not in SPEECH_VERBS
            )
            if not (reason or modal):
                continue
            extended = self._content(
                cue,
                skip={t.i for t in cue.subtree}
                - {*(t.i for t in clause.subtree), *(t.i for t in child.subtree)},
            )
            if extended is not None and extended[0] == content[0]:
                end = max(end, extended[1])
                content = (content[0], end)
        return content

    @staticmethod
    def _named(token: Any) -> bool:
        """Whether ``token`` heads a name (of a person, a body, a place) rather than a deed or a state."""
        return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")

    def _with_complement(self, token: Any, lemma: str) -> Found | None:
        """What a verb reports with its object and what completes it: "described the vote as a farce", "told
        his aides to wait", "polls show her ahead by three points" (a poll, a study or a video shows)."""
        children = list(token.children)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > token.i), None)
        if obj is None:
            return None
        speaker = self._speaker_of(token)
        if speaker is None or not self._speaker_like(speaker):
            return None
        after = [c for c in children if c.i > obj.i]
        if lemma in _AS_VERBS:
            tail = next((c for c in after if c.dep_ == "prep" and c.lower_ == "as"), None)
        elif lemma in _JUDGING:
            tail = next((c for c in after if c.dep_ == "prep" and c.lower_ in ("for", "as")), None)
            if tail is not None and any(
                g.ent_type_ in ("DATE", "TIME", "CARDINAL") for g in tail.children if g.dep_ == "pobj"
            ):
                return None  # "praised them for years": how long, not what for
        elif lemma in _TELLING:
            tail = next((c for c in after if c.dep_ == "xcomp"), None)
        elif _lemma(speaker) in _EVIDENCE:
            rest = [
                c
                for c in after
                if c.dep_ in ("prep", "oprd", "advmod", "acomp", "npadvmod", "xcomp", "ccomp")
            ]
            tail = max(rest, key=lambda c: c.right_edge.i, default=obj)
        else:
            return None
        if tail is None:
            return None
        content = self._words(list(self.doc[obj.left_edge.i : tail.right_edge.i + 1]), least=2)
        if content is None:
            return None
        return Found([content], "indirect", token, None, speaker)

    def _own_words(self, tokens: list[Any]) -> list[Any]:
        """``tokens`` without what the writer adds at the end of what was said: a clause after a semicolon, a
        relative clause after a comma (", which forced her to leave"), a participle of saying or commenting after a
        comma (", contradicting the police's account") and a second verb of saying ("and warned against ...")."""
        semicolon = next((k for k, t in enumerate(tokens) if t.text == ";"), None)
        if semicolon is not None and semicolon >= 3:
            tokens = tokens[:semicolon]
        while tokens:
            last = next((t.i for t in reversed(tokens) if not (t.is_punct or t.is_space)), tokens[-1].i)
            cut = None
            for k, t in enumerate(tokens):
                if k < 3 or t.right_edge.i < last or t.head.i == t.i:
                    continue
                before = self.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
                after_comma = before is not None and before.text == ","
                if (
                    (t.dep_ == "relcl" and after_comma and t.left_edge.lower_ in _RELATIVES)
                    or (
                        t.dep_ == "advcl"
                        and after_comma
                        and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in t.children)
                    )
                    or (
                        t.dep_ in ("advcl", "acl", "xcomp")
                        and after_comma
                        and t.tag_ == "VBG"
                        and t.left_edge.i == t.i
                        and (_lemma(t) in SPEECH_VERBS or _lemma(t) in _ASIDES)
                    )
                    or (
                        t.dep_ == "conj"
                        and t.pos_ in ("VERB", "AUX")
                        and _lemma(t) in SPEECH_VERBS
                        and _lemma(t) not in _REPORT_ONLY  # "… and talked about …" goes on
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                    )
                ):
                    cut = t.left_edge.i
                    break
            if cut is None:
                break
            tokens = [t for t in tokens if t.i < cut]
            while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or tokens[-1].is_space):
                tokens.pop()
        return tokens

    def _called(self, token: Any, lemma: str) -> tuple[int, int] | None:
        """What "call" and "cite" report: "called for a moratorium", "called the charges unfounded",
        "cited his remarks as an example"."""
        children = list(token.children)
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        if lemma == "call":
            on = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")), None)
            then = next((c for c in children if c.dep_ == "xcomp" and c.i > token.i), None)
            whom = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
            particle = next((c for c in children if c.dep_ == "prt" and c.lower_ in ("on", "upon")), None)
            if on is None and particle is not None:
                # "on" taken for a particle, its object hung on it or on the verb
                whom = next((c for c in [*particle.children, *children] if c.dep_ == "pobj"), None)
            if whom is not None and then is not None:
                # "called on the rebels to lay down their arms", "called for the judges to resign": whom, and
                # what they are to do (up to a second verb of saying: "... and called on X to ...")
                return self._words(list(self.doc[whom.left_edge.i : then.right_edge.i + 1]), least=1)
            clause = next(
                (
                    c
                    for c in children
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                ),
                None,
            )
            if clause is not None:  # "called for the minister to step down", parsed as a clause with "for"
                mark = next(m for m in clause.children if m.dep_ == "mark")
                last = clause.right_edge
                return self._trim(mark.idx + len(mark.text), last.idx + len(last.text))
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "for"), None)
            if prep is not None and obj is None:
                pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
                return self._content(pobj) if pobj is not None else None
            named = next(
                (c for c in children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > token.i), None
            )
            if obj is not None and named is None and any(t.text in MARKS for t in obj.subtree):
                return self._content(obj)  # "calls the new tax ‘a reckless gamble’": the name given is quoted
            if named is None and obj is not None:
                # "calling her actions reckless": an adjective after the noun, which the parser hung on it
                named = next((c for c in obj.children if c.dep_ == "amod" and c.i > obj.i), None)
            if obj is None or named is None:
                return None  # "called a meeting", "called him"
            # "called the ballot “unlawful and in open contempt” of two rulings": the name given, and what
            # the cue goes on with after it
            rest = [c for c in children if c.i > obj.i and c.dep_ not in ("conj", "cc", "punct", "advcl")]
            last = max((c.right_edge.i for c in rest), default=named.right_edge.i)
            return self._words(list(self.doc[obj.left_edge.i : last + 1]), least=2)
        return self._content(obj) if obj is not None else None

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` without the spaces and commas at its edges; ``None`` when nothing is left."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
            end -= 1
        return (start, end) if start < end else None

    def _reported(self, token: Any, sentence: Any) -> Found | None:
        lemma = _lemma(token)
        attribution = self._attribution(token)
        if attribution is not None:
            # "The treaty, in the words of one envoy, was a dead letter": the sentence around the phrase
            first, last, speaker = attribution
            left = self._trim(sentence[0].idx, self.doc[first].idx)
            right = self._trim(
                self.doc[last].idx + len(self.doc[last].text), sentence[-1].idx + len(sentence[-1].text)
            )
            if right is not None and self.text[right[1] - 1] in ".!?":
                right = self._trim(right[0], right[1] - 1)
            parts = [p for p in (left, right) if p is not None]
            if sum(len(self.text[a:b].split()) for a, b in parts) < 3:
                return None
            return Found(parts, "indirect", token, None, speaker)
        if (
            token.lower_ == "according"
            and token.i + 1 < len(self.doc)
            and self.doc[token.i + 1].lower_ == "to"
        ):
            to = self.doc[token.i + 1]
            phrase = set(range(token.i, to.right_edge.i + 1))
            root = sentence.root
            # What the phrase attributes is the rest of its sentence on one side of it: before it when that
            # says enough ("Taxes would rise, according to X, a former aide"), else after it.
            before = {t.i for t in sentence if t.i >= token.i}
            after = {t.i for t in sentence if t.i <= to.right_edge.i}
            content = self._content(root, skip=before | phrase) or self._content(root, skip=after | phrase)
            if content is None:
                return None
            speaker = next((g for g in to.children if g.dep_ == "pobj"), None)
            return Found([content], "indirect", token, to, speaker)
        if self._verbal(token) and lemma in _COMPLEMENTED:
            complemented = self._with_complement(token, lemma)
            if complemented is not None:
                return complemented
        if self._verbal(token) and lemma in SPEECH_VERBS:
            # "It was unlikely; the team says she will go on": the clause after the cue, when there is one
            clauses = sorted((c for c in token.children if c.dep_ == "ccomp"), key=lambda c: c.i < token.i)
            comp = None if lemma == "cite" else next(iter(clauses), None)
            if comp is None and lemma not in _OPINION_VERBS:
                # "said after the vote she would not take it": a clause the parser hung on a misread "after"
                comp = next(
                    (
                        c
                        for c in token.children
                        if c.dep_ == "advcl"
                        and c.i > token.i
                        and not any(m.dep_ == "mark" for m in c.children)
                        and any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)
                        and c.left_edge.dep_ == "prep"
                        and c.left_edge.i == token.i + 1
                    ),
                    None,
                )
            misread = (
                {t.i for t in comp.left_edge.subtree} if comp is not None and comp.dep_ == "advcl" else set()
            )
            if comp is None and lemma in ("accuse", "charge", "blame"):
                prep = next(
                    (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None
                )
                comp = prep
            if comp is None and lemma in ("urge", "warn", "promise", "pledge", "vow", "threaten", "agree"):
                comp = next((c for c in token.children if c.dep_ == "xcomp"), None)
            if comp is None and lemma in _GERUND_VERBS:
                # "proposed doing away with the mandate", "admitted using the tax code"
                comp = next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
            if comp is None and lemma in _POINTING:
                # "warned against hackers from abroad", "pointed to the reports of abuse"
                prep = next(
                    (c for c in token.children if c.dep_ == "prep" and c.lower_ in _POINTING[lemma]), None
                )
                comp = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
            skip = None
            least = 3  # words of content at least
            if comp is None and lemma in _OBJECT_REPORTED:
                # "asserted his determination to pivot away from Europe"
                comp = next(
                    # two words are enough for what is declared ("denied the report", "mentioned climate
                    # change"), not for what is judged ("defended the compromise": a stance as often as words)
                    (
                        c
                        for c in token.children
                        if c.dep_ == "dobj"
                        and len(list(c.subtree)) >= (2 if lemma in _DECLARING else 3)
                        and not (len(list(c.subtree)) == 2 and c.left_edge.lower_ in _POINTERS)
                    ),
                    None,
                )
                least = 2
                if (
                    comp is not None
                    and lemma in _EVALUATING
                    and lemma not in _DECLARING
                    and self._named(comp)
                ):
                    comp = None  # "welcomed the Permanent Commission": whom, not what
                if comp is None and lemma in _CENSURING and not any(c.dep_ == "neg" for c in token.children):
                    # "slammed Senator Kaine", "praised them": whom the words were about (not in "did not
                    # condemn Russia")
                    comp = next(
                        (
                            c
                            for c in token.children
                            if c.dep_ == "dobj" and (self._named(c) or len(list(c.subtree)) < 3)
                        ),
                        None,
                    )
                    least = 1
                if comp is None:
                    least = 3
            if comp is None and lemma in ("call", "cite"):
                comp = self._called(token, lemma)
                if comp is not None:
                    speaker = self._speaker_of(token)
                    if not self._speaker_like(speaker) or speaker is None:
                        return None
                    return Found([comp], "indirect", token, None, speaker)
            if (comp is None or comp.i > token.i) and (colon := self._after_colon(token)) is not None:
                speaker = self._speaker_of(token)
                if speaker is None or not self._speaker_like(speaker):
                    return None
                return Found([colon], "indirect", token, None, speaker)
            if (
                comp is None
                and token.dep_ == "advcl"
                and token.head.pos_ in ("VERB", "AUX")
                and lemma not in _REPORT_ONLY  # not "..., as his rival mocked him"
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
            ):
                # "The footage does not show his face, as the prosecutors have said": the clause the "as" joins
                comp, skip = token.head, {t.i for t in token.subtree}
            if comp is None and token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
                # "To prevent problems, he said, officials should be vigilant": the clause around the cue, up to
                # its sentence's main verb ("Though the handover went well, he said, a new one would not")
                root = token.sent.root
                comp = root if root.i != token.i and root.pos_ in ("VERB", "AUX") else token.head
                if token.head.dep_ == "relcl":
                    comp = (
                        token.head
                    )  # "the stadium, which, she said, is full on game days": the which-clause
                skip = {t.i for t in token.subtree}
            if comp is None:
                return None
            if (
                lemma in _OPINION_VERBS
                and comp.dep_ != "xcomp"
                and not any(
                    c.dep_ == "mark"
                    or (c.dep_ in ("nsubj", "nsubjpass", "expl") and c.tag_ not in ("WDT", "WP"))
                    for c in comp.children
                )
            ):
                return None  # "the poll shows (that) voters ...": a clause with its own subject
            if lemma in _OPINION_VERBS and any(
                c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children
            ):
                return None  # "the recording does not show who fired first": nothing is asserted
            if token.dep_ == "relcl" and not any(
                t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in token.subtree
            ):
                return None  # "the two million dollars he says he raised": the clause has a gap, filled outside it
            content = self._content(comp, skip=(skip or set()) | misread or None, least=least)
            if content is None:
                return None
            if skip is None and comp.dep_ == "ccomp" and comp.i > token.i:
                content = self._continued(token, comp, content)
            speaker = self._speaker_of(token)
            if not self._speaker_like(speaker):
                return None  # "an attack that threatens to unravel ...": no one speaks
            parts = [content]
            if skip:  # the words before and after the parenthetical "he said"
                inner = sorted(skip)
                left = self._trim(content[0], self.doc[inner[0]].idx)
                right = self._trim(self.doc[inner[-1]].idx + len(self.doc[inner[-1]].text), content[1])
                parts = [p for p in (left, right) if p is not None] or [content]
            return Found(parts, "indirect", token, None, speaker)
        if token.pos_ == "ADJ" and lemma in _MINDED and token.dep_ == "acomp":
            # "officials are confident that the truce will hold": what someone is sure or afraid of
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
                return None
            speaker = self._speaker_of(token.head)
            content = self._content(clause)
            if speaker is None or not self._speaker_like(speaker) or content is None:
                return None
            return Found([content], "indirect", token, None, speaker)
        if token.pos_ == "NOUN" and token.lower_ in _SPEECH_NOUNS:
            clause = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in ("acl", "relcl", "ccomp") and c.left_edge.lower_ == "that"
                ),
                None,
            )
            if clause is None:
                return None
            content = self._content(clause)
            if content is None:
                return None
            speaker = self._speaker_of(token)
            if speaker is None and token.dep_ == "dobj" and _lemma(token.head) in _DELIVERING:
                speaker = self._speaker_of(token.head)  # "she made the claim that ...": who made it
            return Found([content], "indirect", token, None, speaker)
        if lemma == "make" and self._verbal(token):
            return self._made(token)
        return None

    def _made(self, token: Any) -> Found | None:
        """What "made it clear that ..." and "made the case that ..." report."""
        clause = None
        for child in token.children:
            if child.dep_ in ("ccomp", "oprd", "xcomp") and child.lower_ == "clear":
                clause = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ in ("advcl", "ccomp") and c.left_edge.lower_ == "that"
                    ),
                    None,
                )
            elif child.dep_ == "dobj" and child.lower_ in ("case", "point"):
                clause = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"
                    ),
                    None,
                )
            if clause is not None:
                break
        if clause is None:
            return None
        speaker = self._speaker_of(token)
        content = self._content(clause)
        if content is None or speaker is None or not self._speaker_like(speaker):
            return None
        return Found([content], "indirect", token, None, speaker)

    @staticmethod
    def _verbal(token: Any) -> bool:
        """Whether ``token`` acts as a verb: a verb, or a verb of saying the tagger took for a plural noun
        at the head of its sentence ("the minister claims that ...", "..., the doctor maintains")."""
        if token.pos_ in ("VERB", "AUX"):
            return True
        return (
            token.pos_ == "NOUN"
            and token.dep_ == "ROOT"
            and token.tag_ == "NNS"
            and any(c.dep_ == "ccomp" for c in token.children)
        )

    def _speaker_like(self, token: Any) -> bool:
        """Whether the words at ``token`` can name someone who speaks."""
        if token is None:
            return True  # "it was reported that ...": speech without a named source
        if token.i in self.args.by_token:
            return True
        if token.lower_ in _SOME:
            return True
        if token.lower_ == "those" and any(
            c.dep_ in ("amod", "acl", "relcl", "prep") for c in token.children
        ):
            return True  # "those close to him", "those who know her"
        if self._antecedent(token) is not token:
            # "the study, which notes that ...", but not "an attack in Kashmir, which threatens to ..."
            said = any(c.dep_ == "ccomp" for c in token.head.children) or _lemma(token.head) == "call"
            return said and self._speaker_like(self._antecedent(token))
        if token.lower_ == "it":
            cue = token.head
            return token.dep_ == "nsubj" and _lemma(cue) in _DOCUMENT_VERBS
        if token.pos_ == "PRON":
            return token.lower_ in _PERSONAL
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if token.lower_ in _SPEAKER_NOUNS or _lemma(token) in _SPEAKER_NOUNS:
            return True
        # "the governor said", "two former aides said", "the campaign says": any noun that is not an
        # event or a state of things ("an attack that threatens to ...", "the crisis warns of ...")
        return token.pos_ in ("NOUN", "PROPN") and _lemma(token) not in THINGS

    # Records ------------------------------------------------------------------------------------------
    def turns(self) -> list[Found]:
        """The turns of a transcript: paragraphs that open with a speaker's name in capitals and a colon
        ("PENCE: Well, look, ..."). A label counts when it opens two paragraphs or names an actor."""
        found = []
        for m in _TURN.finditer(self.text):
            label = m.group("label")
            if label.upper() in _NOT_LABELS or not self._in_body(m.start("label"), m.end("label")):
                continue
            found.append(m)
        named = {
            word.upper()
            for a in self.analysis.actors
            for x in a.mentions
            for word in self.text[x.span.start : x.span.end].split()
        }
        out = []
        for m in found:
            label = m.group("label")
            if len(found) < 2 and label.split()[-1] not in named:
                continue
            tokens = self._tokens(m.start("label"), m.end("label"))
            content = self._trim(m.start("said"), m.end("said"))
            if tokens is None or not len(tokens) or content is None:
                continue
            turn = Found([content], "direct", tokens[-1], None, tokens[-1])
            turn.paragraph = self._paragraph(content[0])
            out.append(turn)
        return out

    def _after_colon(self, token: Any) -> tuple[int, int] | None:
        """What a verb of saying introduces with a colon and no quotation marks: "He added: It is typical of
        her." runs to the end of the paragraph, or is the next paragraph when the colon ends its own."""
        colon = next(
            (
                t
                for t in self.doc[token.i + 1 : min(len(self.doc), token.i + 5)]
                if t.text == ":" and t.head.i == token.i
            ),
            None,
        )
        if colon is None or any(t.is_punct or t.pos_ == "VERB" for t in self.doc[token.i + 1 : colon.i]):
            return None
        start = colon.idx + 1
        end = self.text.find("\n", start)
        if end >= 0 and not self.text[start:end].strip():
            # "The governor added:" ending its paragraph: the paragraph after it, set out with no marks
            start = len(self.text) - len(self.text[end:].lstrip())
            if not self._in_body(start, start + 1):
                return None
            end = self.text.find("\n", start)
        content = self._trim(start, len(self.text) if end < 0 else end)
        if content is not None and self.text[content[1] - 1] == ".":
            content = self._trim(content[0], content[1] - 1)
        if (
            content is None
            or self.text[content[0]] in OPENING
            or len(self.text[content[0] : content[1]].split()) < 3
        ):
            return None
        return content

    def quotes(self) -> tuple[Quote, ...]:
        turns = self.turns()
        direct = [d for d in self.direct() if not any(t.start <= d.start < t.end for t in turns)]
        indirect = [i for i in self.indirect() if not any(t.start <= i.start < t.end for t in turns)]
        found = sorted([*turns, *self._merge(direct, indirect)], key=lambda f: f.start)
        out: list[Quote] = []
        for f in found:
            out.append(self._record(f))
        return tuple(out)

    def _speaker(self, token: Any) -> tuple[ActorRef | None, Span | None]:
        if token is None or token.lower_ in _NOT_SPEAKERS:
            return None, None
        actors = self.args.actors_of(token) or self.args.actors_of(self._antecedent(token))
        left = token.left_edge
        while left.i < token.i and not left.text[:1].isalnum():
            left = self.doc[left.i + 1]  # "”― Ana Ruiz": a mark glued to the dash before a name
        right = token
        for child in token.children:
            if child.i > token.i and child.dep_ in ("compound", "appos", "prep", "amod", "flat"):
                right = max(right, child.right_edge, key=lambda t: t.i)
        end = right.idx + len(right.text)
        words = self.text[left.idx : end]
        if words.count("(") > words.count(")") and self.text[end : end + 1] == ")":
            end += 1  # "Rep. Ann Lee (D-Md.)": the bracket closes
        return (ActorRef.of(actors[0]) if actors else None), Span(left.idx, end)

    def _record(self, f: Found) -> Quote:
        span = Span(f.start, f.end)
        sentence = self.analysis.sentence_of(span) or self.analysis.sentences[0]
        cue_span = None
        if f.cue is not None:
            last = f.cue_end if f.cue_end is not None else f.cue
            cue_span = Span(f.cue.idx, last.idx + len(last.text))
        speaker, source = self._speaker(f.speaker_token)
        date = precision = None
        if cue_span is not None:
            dating = self.analysis.dating_of(cue_span)
            inside = (
                dating is not None
                and dating.timex is not None
                and any(a <= dating.timex.start < b for a, b in f.parts)
            )
            # When it was said: a date of the cue's clause or sentence, or the story's, but not a date of the
            # words quoted ("the reality today", "in May 2025") and not a future one.
            if dating is not None and not inside and not dating.future and dating.source != "document":
                date, precision = dating.value, dating.precision
        about: list[ActorRef] = []
        for actor in self.analysis.actors:
            if speaker is not None and actor.actor_id == speaker.actor_id:
                continue
            if any(a <= m.span.start < b for m in actor.mentions for a, b in f.parts):
                about.append(ActorRef.of(actor))
        digest = hashlib.sha1(f"{self.analysis.document.doc_id}:{span.start}:{span.end}".encode()).hexdigest()
        return Quote(
            id=f"qt-{digest[:12]}",
            span=span,
            sentence=sentence.span,
            quote_type=f.kind,  # type: ignore[arg-type]
            speaker=speaker,
            cue=cue_span,
            date=date,
            date_precision=precision,
            about=tuple(about),
            parts=tuple(Span(a, b) for a, b in f.parts) if len(f.parts) > 1 else (),
            source=source,
        )
