"""Finding time expressions: patterns over the text of body sentences, checked against the parse.

Each pattern has a kind that tells the resolver how to read it. Overlapping matches keep the longest.
Month and weekday names must be capitalised; the parse rules out verbs ("officials may meet", "they
plan to march"), quantities ("2,003 people", "1500 troops"), numbered names ("Resolution 2231") and
"now" as a discourse marker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dyad.model import Span
from dyad.time.lexicon import Lexicon, lexicon


@dataclass(frozen=True)
class Candidate:
    """A time expression found in the text, not yet resolved."""

    span: Span
    kind: str
    groups: dict[str, str]


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cap(words: Any) -> str:
    """Alternation of capitalised (or upper-case) forms of the words."""
    forms = set()
    for w in words:
        forms.add(w[0].upper() + w[1:])
        forms.add(w.upper())
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lx: Lexicon = lexicon()
    month_full = [m for m in lx.months if len(m) > 3 or m == "may"]
    month_abbr = [m for m in lx.months if len(m) <= 4 and m != "may" and m not in ("june", "july")]
    MONTH = rf"(?:(?:{_cap(month_full)})(?![\w])|(?:{_cap(month_abbr)})\.)"
    WEEKDAY = rf"(?:(?:{_cap([w for w in lx.weekdays if w.endswith('day')])})(?![\w])|(?:{_cap([w for w in lx.weekdays if not w.endswith('day')])})\.)"
    DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)(?![\d,]\d|\d|-(?:strong|odd|page|member|year-old|\w+-old))"
    NUMBERS = _alt([n for n in lx.numbers if n not in ("half a", "a half")])
    TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ONES = "one|two|three|four|five|six|seven|eight|nine"
    NUM = (
        rf"(?:(?:{ONES}|a|\d+)\s+(?:hundred|thousand)|(?:{TENS})[- ](?:{ONES})|\d+(?:\.\d+)?(?:\s+1/2|½)?|{NUMBERS}|{_alt(lx.vague_numbers)})"
        rf"(?:\s+and\s+a\s+half)?"
    )
    UNIT_SG = _alt(lx.units)
    UNIT_PL = _alt(lx.unit_plurals)
    UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"
    SEASON = _alt(lx.seasons)
    PART = _alt(lx.parts_of_day)
    EDGE_WORDS = "early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of|middle of"
    APPROX = r"(?P<approx>about|around|nearly|almost|roughly|some|more than|less than|over|under|at least|up to|approximately|just over|just under|fewer than|no more than|at most|barely|only)"
    ORD = _alt(lx.ordinals)
    TZ_WORDS = r"GMT|UTC|BST|CET|CEST|EST|EDT|CST|PST|MSK|IST|local time|\(\d{4} GMT\)"
    TZ = rf"(?:\s*(?:{TZ_WORDS}))?"
    # a year in words, as a broadcast transcript gives it: "nineteen ninety-four", "two thousand and one"
    SPELLED_YEAR = (
        r"(?i:(?:nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?"
        r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
        r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)(?![\w-])"
    )

    table: list[tuple[str, str]] = [
        (
            "iso",
            r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?)?(?![\d-])",
        ),
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/.])"),
        (
            "dmy",
            rf"(?:(?P<edge>(?i:{EDGE_WORDS}))[- ]?)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{DAY})\s+(?:(?i:of)\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?(?!\s*\d)",
        ),
        (
            "mdy",
            rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?![\d%]|:\d|\s*(?:percent|per cent|%))(?:,?\s+(?P<y>{YEAR}))?",
        ),
        (
            "week_of",
            rf"(?i:the\s+week\s+of\s+)(?P<mon>{MONTH})\s+(?P<d>{DAY})(?![\d%]|:\d)(?:,?\s+(?P<y>{YEAR}))?",
        ),
        (
            # the second day of "April 24 and 25": its own date, in the first one's month
            "mdy",
            rf"(?P<lead>(?P<mon>{MONTH})\s+{DAY}\s+(?:and|or)\s+)(?P<d>{DAY})(?![\d%]|:\d|\s*(?:percent|per cent|%))(?:,?\s+(?P<y>{YEAR}))?",
        ),
        (
            "month",
            rf"(?:(?P<edge>(?i:{EDGE_WORDS}))(?:-|\s+|\s*-\s*)|(?P<rel>(?i:last|this|next|past|coming|early|late|earlier|later)\s+(?:this\s+|last\s+|next\s+)?))?(?P<mon>{MONTH})(?:,?\s+(?:(?i:of)\s+)?(?:(?P<y>{YEAR})|(?P<yrel>(?i:this|last|next) year)|(?P<sy>{SPELLED_YEAR})))?",
        ),
        (
            "season",
            rf"(?i:(?P<edge>early|mid|late)[- ])?(?i:(?P<det>this|last|next|the|coming|past|that)\s+)?(?P<season>(?i:{SEASON}))(?:\s+(?i:of\s+)?(?:(?P<y>{YEAR})|(?P<yrel>(?i:this|last|next) year)|(?P<sy>{SPELLED_YEAR})))?",
        ),
        (
            "decade",
            rf"(?i:the\s+)?(?i:(?P<edge>early|mid|late)[- ]?)?(?:(?P<dec>(?:1[0-9]|20)\d0)s|'(?P<short>\d0)s|(?P<word>(?i:{_alt(lx.decade_words)})))(?!\w)",
        ),
        (
            "century",
            rf"(?i:the\s+)?(?i:(?P<edge>early|mid|late)[- ])?(?P<ord>(?i:{ORD})|\d{{1,2}}(?:st|nd|rd|th))[- ](?i:century)",
        ),
        (
            "quarter",
            rf"(?:(?P<yrel3>(?i:this|last|next)) year's\s+|(?i:the\s+)?(?P<y3>{YEAR})\s+)?(?i:(?:the\s+)?(?:(?P<ago>year-ago|year-earlier|year-before|prior-year)\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|same|year-earlier|year-ago|year-before|prior-year|fiscal|recent|past)(?:[- ]fiscal)?[- ]quarter(?P<pl>s)?(?!ly|\w))(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?:(?P<y>{YEAR})|(?P<yrel>(?i:this|last|next|the) year)))?|(?<![\w-])Q(?P<qn>[1-4])(?:[\s/-]*(?P<y2>{YEAR}|'?\d{{2}}(?!\d)))?",
        ),
        (
            "half",
            rf"(?i:(?:the\s+)?(?:(?P<h>first|second|latter|last|1st|2nd)[- ]half|(?P<hq>first|last)\s+two\s+quarters))(?:\s+(?i:of)\s+(?:(?P<y>{YEAR})|(?P<yrel>(?i:this|last|next|the) year)))?",
        ),
        (
            "year",
            rf"(?:(?i:(?P<edge>early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of|middle of|the first half of|the second half of)[- ]))?(?:(?P<fy>(?i:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|financial\s+year))\s*)?(?<![\d$£€#.,])(?P<y>{YEAR})(?:/(?:\d{{2}}|\d{{4}})(?!\d))?",
        ),
        (
            "weekday",
            rf"(?:(?P<rel>(?i:last|next|this|coming|past|previous|following|that|the following|the previous|the next|early|late))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>(?i:{PART})))?",
        ),
        (
            "weekdays",
            rf"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)(?!\w)|(?P<wd1>{WEEKDAY})\s+(?P<parts>(?i:{PART})s)(?!\w)",
        ),
        (
            "holiday",
            rf"(?P<h>(?i:christmas(?: day| eve)?|new year's (?:day|eve)|valentine's day|halloween|thanksgiving(?: day)?|easter(?: sunday)?)|International Women's Day|Labour Day|May Day|Victory Day)(?!\w)(?:\s+(?P<wk>(?i:week))(?!\w))?(?:\s+(?P<y>{YEAR}))?",
        ),
        (
            "clock",
            rf"(?<![\d:.])(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d))?(?:\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?!\w))|\s+(?P<ap2>(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))(?!\w)){TZ}(?:,?\s+(?:(?i:on)\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})\s+(?P<d>{DAY})(?![\d%])))?",
        ),
        ("clock24", rf"(?<![\d:.$£€])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)(?:\s*(?P<tz>{TZ_WORDS}))?"),
        ("noon", rf"(?i:(?P<w>noon|midnight|midday))(?!\w)(?:\s+(?:(?i:on)\s+)?(?P<wd>{WEEKDAY}))?"),
        (
            "deictic",
            rf"(?i:(?P<w>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow))(?:\s+(?P<part>(?i:{PART})))?|(?i:(?P<w2>this|last|tomorrow|yesterday))\s+(?P<part2>(?i:{PART}))(?!\w)",
        ),
        (
            "ref",
            rf"(?i:(?P<w>recent (?:years|months|weeks|days|decades)|(?:the\s+)?coming (?:days|weeks|months|years|quarters)|the (?:days|weeks|months|years) ahead|future (?:years|quarters)|years to come|{_alt(lx.future_ref)}|{_alt(lx.present_ref)}|{_alt(lx.past_ref)}))(?!\w)",
        ),
        (
            "edge_rel",
            rf"(?i:(?P<edge>early|late|earlier|later|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of|middle of|mid)[- ])(?i:(?P<rel>this|last|next|the|that|the same|the previous|the following|the current|the past))\s+(?P<unit>(?i:{UNIT_SG}))(?!\w)",
        ),
        (
            "year_ago",
            r"(?i:(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago|before)(?:\s+(?:period|quarter|level|results?|figures?|months?))?|the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))|last\s+year's\s+(?:period|quarter))(?!\w)",
        ),
        ("long", r"(?i:(?P<unit>hours?|days?|weeks?|months?|years?|decades?|centuries|century)-long)(?!\w)"),
        ("weekend", r"(?i:(?P<rel>the|this|last|next|that)\s+weekend)(?!\w)"),
        (
            "part_edge",
            rf"(?i:(?P<edge>mid|early|late)[- ]?(?P<part>morning|afternoon|evening))(?!\w)(?:\s+(?:(?i:(?P<w>yesterday|today|tomorrow))|(?P<wd>{WEEKDAY})))?",
        ),
        (
            "next_part",
            r"(?i:the\s+(?P<rel>next|following|previous)\s+(?P<part>morning|afternoon|evening|night))(?!\w)",
        ),
        ("year_period", rf"(?i:the\s+)(?P<y>{YEAR})\s+(?i:period|quarter)(?!\w)"),
        (
            "the_period",
            r"(?i:the\s+(?:(?P<adj>latest|current|full|fiscal|same|comparable|most recent)\s+)?(?P<unit>quarter|period|year|fiscal year))(?!\w)(?:\s+(?P<ago2>a\s+year\s+(?:ago|earlier)))?(?!\w)(?=(?P<ended>\s+(?i:ended|ending|to)\b)?)",
        ),
        (
            "spelled_year",
            rf"(?i:the\s+year\s+)?{SPELLED_YEAR}",
        ),
        (
            "year_end",
            r"(?i:(?P<w>year-end|year end|(?:the\s+)?year's end|month-end|the turn of the (?:century|millennium|year)))(?!\w)",
        ),
        (
            "rel_unit",
            rf"(?i:(?P<rel>this|last|next|the past|the coming|the previous|the following|the current|the same|that same|that|the next|the prior|the preceding|the first|the last|the latest|the final|previous|following|current|past|coming)\s+(?P<unit>{UNIT_SG}))(?!\w)(?:\s+(?P<after>(?i:ago|earlier|later|before|after)(?!\w)))?",
        ),
        (
            "amount",
            rf"(?i:(?:(?P<det>the|a|an|this|that)\s+)?(?:(?P<rel>past|last|next|coming|first|final|previous|following|latest|recent|preceding|initial|remaining|additional|further|other|same)\s+)?(?:{APPROX}\s+)?(?P<num>{NUM})[\s-]+(?:(?:more|additional|extra|further)\s+)?(?P<unit>{UNIT})(?:-long|(?P<old>-old)|(?P<half>\s+and\s+a\s+half))?)(?![\w-])(?:\s+(?P<dir>(?i:ago|earlier|later|before|after|from now|hence|since|back|previously|beforehand|afterwards?|running|in a row|old)(?![\w-])))?",
        ),
        (
            "vague_plural",
            r"(?i:(?P<lead>for|within|over|in|after|took|lasted|spanning|spent)\s+)(?i:(?P<unit>years|decades|months|weeks|days|hours|centuries))(?!\w)(?!\s+(?:ago|earlier|later|of\b))",
        ),
        (
            # "over the years", "in the decades that followed": an unstated number of them
            "vague_plural",
            r"(?i:(?P<lead>over|in|through|throughout|during)\s+)(?i:the\s+(?P<unit>years|decades|centuries))(?!\w)(?!\s+(?:ago|earlier|later|before|after|of|to come|ahead)\b)",
        ),
        (
            # "sold shares in the morning": that part of the day the narrative is on
            "day_part",
            r"(?i:(?P<lead>in)\s+)(?i:the\s+(?P<part>morning|afternoon|evening))(?!\w)(?!\s+(?:of|hours|session|edition|papers?|news|attacks?|raids?)\b)",
        ),
        (
            "set",
            rf"(?i:(?P<q>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}))(?!\w)|(?P<adv>(?i:{_alt(lx.set_adverbs)}))(?!\w)|(?i:(?P<freq>once|twice|three times|four times|\d+ times)\s+(?:a|an|per|every)\s+(?P<unit2>{UNIT_SG}))(?!\w)|(?i:every|each)\s+(?P<wd>{WEEKDAY}|(?i:{SEASON})|{MONTH})",
        ),
    ]
    return tuple((kind, re.compile(rf"(?<![\w])(?:{pattern})")) for kind, pattern in table)


# Words before a four-digit number that make it a name or a quantity, not a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:no|nos|number|resolution|article|route|flight|highway|room|page|pp?|chapter|section|rule|order|decree|"
    r"model|type|code|zone|unit|line|bus|platform|gate|paragraph|item|lot|case|file|bill|act|law|list|table|"
    r"protocol|form|boeing|airbus|mig|su|t|f|u|b)\.?\s*$|[$£€#¥]\s*$|(?<![\d,.])(?!(?:1\d|20|21)\d\d\b)\d[\d,.]*\s*(?:-|to|and|or)?\s*$)"
)
_QUANTITY_AFTER = re.compile(
    r"^(?:\.\d|\s*(?:%|percent|per cent|-strong|-year-old|people|troops|soldiers))", re.IGNORECASE
)
_TIME_HEADS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "quarter",
        "quarters",
        "century",
        "decade",
        "decades",
        "season",
        "term",
        "election",
        "elections",
        "census",
        "budget",
    ]
)


def _amount_start(m: re.Match[str], start: int) -> int:
    """TimeML leaves an indefinite article out of a duration's extent ("a two-year term")."""
    if (m.group("rel") or "").lower() == "last" and m.group("approx"):
        return m.start("approx")  # "meant to last more than 200 days": this "last" is the verb
    if m.group("det") and m.group("det").lower() in ("a", "an"):
        return m.start("rel") if m.group("rel") else m.start("num")
    return start


def find(text: str, offset: int = 0) -> list[Candidate]:
    """Candidates in ``text`` (one sentence), longest first where they overlap; offsets shifted by ``offset``."""
    found: list[tuple[int, int, int, str, dict[str, str]]] = []
    plurals = lexicon().unit_plurals
    for order, (kind, pattern) in enumerate(_patterns()):
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "amount":
                if (m.group("num") or "").lower() in ("a", "an") and m.group("unit").lower() in plurals:
                    continue  # "a decades-long feud": the article is the feud's
                start = _amount_start(m, start)
            if m.groupdict().get("lead"):
                start = m.end("lead")
                while start < end and text[start].isspace():
                    start += 1
            while end > start and text[end - 1] in " \t\n-,":
                end -= 1
            if end <= start:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            found.append((start, end, order, kind, groups))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for start, end, _, kind, groups in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Candidate(Span(start + offset, end + offset), kind, groups))
    out.sort(key=lambda c: c.span.start)
    return out


def _tokens_in(doc: Any, span: Span) -> list[Any]:
    char_span = doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(char_span) if char_span is not None else []


@dataclass(frozen=True)
class _Seen:
    """A candidate with its tokens and the text around it, for the checks below."""

    doc: Any
    tokens: list[Any]
    groups: dict[str, str]
    before: str
    after: str

    @property
    def first(self) -> Any:
        return self.tokens[0]

    def next_token(self) -> Any:
        i = self.tokens[-1].i + 1
        return self.doc[i] if i < len(self.doc) else None


_TIME_PREPOSITION = re.compile(
    r"(?i)\b(in|since|until|till|by|from|to|of|for|during|before|after|early|late|mid|between|and|through)\s*$"
)


def _month_ok(c: _Seen) -> bool:
    """A bare month name that is not a verb or modal ("may", "march") nor part of a name ("April Smith")."""
    if len(c.tokens) > 1:
        return True
    nxt = c.next_token()
    if c.first.tag_ == "MD" or c.first.pos_ in ("VERB", "AUX"):
        return False
    if nxt is not None and nxt.ent_type_ == "PERSON" and c.first.ent_type_ == "PERSON":
        return False
    if re.match(r"^\s+(?:for|of\s+the)\s+[A-Z]", c.after):
        return False  # a name: "the annual March for Life", "the March of the Mothers"
    return not (
        c.groups.get("mon", "").lower() == "may" and nxt is not None and nxt.pos_ in ("VERB", "AUX", "PRON")
    )


def _year_ok(c: _Seen) -> bool:
    """A four-digit number that is a year, not a quantity or part of a name."""
    if c.groups.get("edge") or c.groups.get("fy"):
        return True
    if _NOT_YEAR_BEFORE.search(c.before) or _QUANTITY_AFTER.match(c.after):
        return False
    token = c.tokens[-1]
    head = token.head
    prev = c.doc[c.first.i - 1] if c.first.i > 0 else None
    # "the 1992 protests", "the company's 1989 results": a year after a determiner, not a count
    determined = (
        prev is not None and prev.tag_ in ("DT", "PRP$", "POS") and prev.lower_ not in ("all", "some")
    )
    if (
        token.dep_ == "nummod"
        and head.i > token.i
        and head.tag_ in ("NNS", "NNPS")
        and head.lower_ not in _TIME_HEADS
        and not determined
    ):
        return False
    nxt = c.next_token()
    if (
        nxt is not None
        and not (prev is not None and prev.tag_ == "DT")  # "the 2000 Olympics"; not "Kopp's 1987 Chevrolet"
        and nxt.pos_ == "PROPN"
        and nxt.lower_ not in lexicon().months
        and nxt.ent_type_ != "DATE"
        and not (head.pos_ == "NOUN" and head.i > nxt.i)  # "her 2012 Nokia sales forecast"
    ):
        return False  # a model year ("his 1987 Chevrolet") or a number before a name
    if (
        prev is not None
        and prev.pos_ == "PROPN"
        and prev.lower_ not in lexicon().months
        and prev.ent_type_ not in ("DATE", "EVENT", "GPE", "ORG", "NORP")
    ):
        return False
    quantity = c.first.like_num and c.first.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
    return not quantity or bool(_TIME_PREPOSITION.search(c.before))


def _season_ok(c: _Seen) -> bool:
    """A season as a time ("last spring", "in the autumn"), not a verb or "the fall of Kabul"."""
    g = c.groups
    if g.get("y") or g.get("yrel") or g.get("sy") or g.get("edge"):
        return True
    det = g.get("det", "").lower()
    if not det:
        return c.first.pos_ != "VERB" and bool(
            re.search(r"(?i)\b(in|this|last|next|during|by|until|since|from)\s*$", c.before)
        )
    if det == "the":
        return not re.match(r"^\s*of\b", c.after) and bool(
            re.search(
                r"(?i)\b(in|into|during|by|until|till|since|from|over|through|throughout|before|after)\s*$",
                c.before,
            )
        )
    return True


def _ref_ok(c: _Seen) -> bool:
    word = c.groups.get("w", "").lower()
    if word == "now":
        # "Now, ..." opening a sentence is discourse, not time; "now that the border is shut" is the present.
        sentence_initial = c.first.i == c.first.sent.start
        return not (sentence_initial and re.match(r"^\s*,", c.after))
    if word in ("current", "recent"):
        # An adjective before a noun: "current market conditions", "recent declines", "future losses".
        return bool(c.first.pos_ == "ADJ" and c.first.head.pos_ == "NOUN" and c.first.head.i > c.first.i)
    if word == "presently":
        return bool(c.first.pos_ == "ADV")
    return True


# Rates that stay times before a noun ("her weekly briefing", "hourly wages"); "a quarterly dividend" is a kind
# of dividend.
_RATE_ADJECTIVES = frozenset({"daily", "weekly", "hourly", "nightly"})


def _set_ok(c: _Seen) -> bool:
    if c.groups.get("adv"):
        # "met daily", "a daily rally"; not "a quarterly dividend" nor "the Communist Party daily Pravda".
        word = c.first.lower_
        doc, i = c.first.doc, c.first.i
        if 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN":
            return False  # "the Communist Party daily Pravda": a newspaper, however it is tagged
        return bool(
            c.first.pos_ == "ADV"
            or (word in _RATE_ADJECTIVES and c.first.pos_ == "ADJ" and c.first.head.pos_ == "NOUN")
        )
    return True


def _amount_ok(c: _Seen) -> bool:
    g = c.groups
    num, unit = g.get("num", "").lower(), g.get("unit", "").lower()
    if (
        g.get("dir", "").lower() == "old"
        or g.get("old")
        or re.match(r"^-?(?:year|month|week|day)s?-old", c.after)
    ):
        return False  # an age, not a time
    if g.get("dir"):
        return True
    if num in ("a", "an", "the") and unit in ("second", "minute"):
        return False
    if unit.startswith("second") and (
        re.match(r"^\s*(quarter|half)", c.after) or (num.isdigit() and int(num) > 300)
    ):
        return False  # "the 1988 second quarter"
    if num in ("a", "an") and not g.get("rel") and not g.get("det"):
        prev = c.doc[c.first.i - 1] if c.first.i > 0 else None
        if prev is not None and prev.pos_ in ("NOUN", "NUM", "PROPN"):
            return False  # a rate: "four flights a week", "$1.76 a year", "24 hours a day"
    if any(t.text[:1].isupper() for t in c.tokens[1:]) and not c.tokens[-1].text.isupper():
        return False  # a title: "60 Minutes"
    if num in ("some", "many") and not g.get("rel"):
        return False
    return not (unit in ("quarter", "quarters", "half") and re.match(r"^\s*of\b", c.after))


_PART_OF = frozenset({"the first", "the last", "the latest", "the final", "the same", "that same", "that"})


def _rel_unit_ok(c: _Seen) -> bool:
    if c.tokens[-1].text[:1].isupper() and not c.tokens[-1].text.isupper():
        return False  # a title: ABC's "This Week"
    unit, rel = c.groups.get("unit", "").lower(), c.groups.get("rel", "").lower()
    if unit == "second":
        return False
    if rel in _PART_OF and re.match(r"^\s*of\b", c.after):
        return False  # "the last day of the talks", "that week of protests": part of what follows
    return not (rel in ("the first", "the last", "the final") and unit in ("day", "week", "night"))


def _weekday_ok(c: _Seen) -> bool:
    return not (len(c.tokens) == 1 and c.first.ent_type_ == "PERSON")


# What can follow "of" after a quarter or a period: a year, or an amount ("a loss for the third quarter of $2
# million"), not a place ("the Christian quarter of the old city").
_OF_AMOUNT = r"(?:[\d']|this|last|next|the year|fiscal|(?:US|C|A)?\$|£|€)"


def _quarter_ok(c: _Seen) -> bool:
    return not re.match(rf"^\s*of\s+(?!{_OF_AMOUNT})", c.after)


def _the_period_ok(c: _Seen) -> bool:
    """ "for the quarter", "in the latest period", "The latest period had ...": a reported period, not "the
    Christian quarter"."""
    reported = bool(c.groups.get("adj")) or bool(
        re.search(r"(?i)\b(in|for|during|over|of|from|through)\s*$", c.before)
    )
    return reported and not re.match(rf"^\s*of\s+(?!{_OF_AMOUNT})", c.after)


def _half_ok(c: _Seen) -> bool:
    """ "the second half of 1989"; "the last half" or "the first two quarters" only with a year."""
    g = c.groups
    loose = g.get("hq") or g.get("h", "").lower() == "last"
    return not loose or bool(g.get("y") or g.get("yrel"))


def _clock_ok(c: _Seen) -> bool:
    """ "4 in the morning" is a time; "two in the morning raid" is a count, and "13 in the morning" no hour."""
    if not c.groups.get("ap2"):
        return True
    nxt = c.next_token()
    return int(c.groups["hh"]) <= 12 and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))


def _spelled_year_ok(c: _Seen) -> bool:
    """ "nineteen ninety-four", not the count in "two thousand years"."""
    nxt = c.next_token()
    return nxt is None or nxt.tag_ not in ("NNS", "NNPS")


def _noon_ok(c: _Seen) -> bool:
    return not re.search(r"(?i)\bhigh\s*$", c.before)


_CHECKS = {
    "noon": _noon_ok,
    "spelled_year": _spelled_year_ok,
    "half": _half_ok,
    "clock": _clock_ok,
    "the_period": _the_period_ok,
    "month": _month_ok,
    "year": _year_ok,
    "season": _season_ok,
    "ref": _ref_ok,
    "set": _set_ok,
    "amount": _amount_ok,
    "rel_unit": _rel_unit_ok,
    "weekday": _weekday_ok,
    "quarter": _quarter_ok,
}


def plausible(candidate: Candidate, doc: Any, text: str, sentence_start: int) -> bool:
    """Whether the parse agrees that a candidate is a time expression."""
    tokens = _tokens_in(doc, candidate.span)
    if not tokens:
        return False
    check = _CHECKS.get(candidate.kind)
    if check is None:
        return True
    before = text[max(sentence_start, candidate.span.start - 30) : candidate.span.start]
    after = text[candidate.span.end : candidate.span.end + 30]
    return check(_Seen(doc, tokens, candidate.groups, before, after))


def candidates(doc: Any, text: str, sentences: Any) -> Iterator[Candidate]:
    """Every plausible time expression of the body sentences, in text order."""
    for sentence in sentences:
        start = sentence.span.start
        for candidate in find(text[start : sentence.span.end], start):
            if plausible(candidate, doc, text, start):
                yield candidate
