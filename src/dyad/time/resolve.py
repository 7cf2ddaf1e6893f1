"""Values of time expressions, resolved against the document date and the narrative.

Deictic expressions ("yesterday", "on Tuesday", "last week", "two years ago") count from the document
date, in the direction the clause's tense points. Anaphoric ones ("five days later", "the next day", "a
year earlier", "that month") count from the last date the narrative moved to, at the precision they need.
A day or month whose year the text does not give takes it from the narrative or the document date and is
marked ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.model import Span, TimeValue, TimexType
from dyad.time.calendar import UNIT_PRECISION, Point, easter, finer, thanksgiving
from dyad.time.lexicon import lexicon
from dyad.time.tagger import Candidate
from dyad.time.tense import Tense, governor, prospective_at, schedules, tense

# Words after which a date is when something falls due: ahead of the report ("payable Dec. 15").
_FALLING_DUE = frozenset({"payable", "effective", "due", "expiring", "maturing"})
# Verbs that put their dates ahead of the time they were done: "planned a rally on Saturday".
_LOOKS_AHEAD = frozenset(
    {"plan", "schedule", "slate", "postpone", "delay", "reschedule", "adjourn", "extend", "set"}
)

# Verbs that move something to a later time: the time they move it to lies ahead of when they are told.
_PUTS_OFF = frozenset({"postpone", "delay", "reschedule", "adjourn", "extend", "defer"})

_EDGE_MOD = {
    "early": "START",
    "the beginning of": "START",
    "beginning of": "START",
    "the start of": "START",
    "start of": "START",
    "earlier": "START",
    "mid": "MID",
    "the middle of": "MID",
    "middle of": "MID",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "end of": "END",
}
_APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "barely": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
_DURATION_LETTER = {
    "S": "S",
    "MIN": "M",
    "H": "H",
    "D": "D",
    "WE": "D",
    "W": "W",
    "FN": "W",
    "M": "M",
    "Q": "Q",
    "Y": "Y",
    "DE": "DE",
    "CE": "CE",
    "ML": "ML",
}
_BACKWARD = frozenset({"ago", "earlier", "before", "back", "previously", "beforehand"})
_FORWARD = frozenset({"later", "after", "afterward", "afterwards", "hence", "from now"})
_PERIODS = frozenset({"quarter", "half", "month", "season"})


@dataclass
class Narrative:
    """The dates the narrative has moved through, most recent last, with the sentence each came from."""

    points: list[tuple[Point, int]] = field(default_factory=list)
    #: The points whose year the text states ("in 2021", "May 1992"): only they lend a year to a bare month.
    explicit: set[int] = field(default_factory=set)
    #: Quarters and halves the text names outright: the periods a report compares ("a year earlier").
    periods: list[Point] = field(default_factory=list)
    #: The document date: a period that begins after it is a forecast, not the one being reported.
    dct: dt.date | None = None

    def add(self, point: Point, sentence: int, derived: bool = False, explicit: bool = False) -> None:
        if explicit:
            self.explicit.add(len(self.points))
        self.points.append((point, sentence))
        if not derived and point.precision in ("quarter", "half"):
            self.periods.append(point)

    def period(self) -> Point | None:
        """The last quarter or half the text named (not one computed from another) that had begun by the
        document date: a slump seen lasting "into the second quarter of 2012" in a report of 2011 compares nothing."""
        for point in reversed(self.periods):
            start = point.date()
            if self.dct is None or start is None or start <= self.dct:
                return point
        return None

    def latest(self, precision: str | None = None) -> Point | None:
        """The most recent point at ``precision`` or finer (any point when ``precision`` is ``None``)."""
        for point, _ in reversed(self.points):
            if precision is None or not finer(precision, point.precision):
                return point
        return None

    def recent_year(self, sentence: int, window: int = 2) -> int | None:
        """The year of the narrative when a date with a year was given in the last ``window`` sentences."""
        for i in range(len(self.points) - 1, -1, -1):
            point, index = self.points[i]
            if sentence - index > window:
                return None
            if point.year is not None and i in self.explicit:
                return point.year
        return None

    def recent_period(self, sentence: int) -> Point | None:
        """A quarter, half, month or season named in this or the previous sentence."""
        for point, index in reversed(self.points):
            if sentence - index > 1:
                return None
            if point.precision in _PERIODS:
                return point
        return None


@dataclass(frozen=True)
class Resolved:
    """What the resolver makes of a candidate: the value, and whether it moves the narrative."""

    timex: TimeValue
    point: Point | None = None
    derived: bool = False


def _duration(n: float | None, unit: str) -> str:
    """An ISO 8601 duration: ``P3Y``, ``P2Y6M``, ``PT5H30M``, ``P10Y`` for a decade, ``PXY`` for "years"."""
    if unit in ("DE", "CE", "ML"):
        n, unit = (None if n is None else n * {"DE": 10, "CE": 100, "ML": 1000}[unit]), "Y"
    if unit in ("WE", "FN"):
        n, unit = (None if n is None else n * 2), "D" if unit == "WE" else "W"
    letter = _DURATION_LETTER[unit]
    time_unit = unit in ("S", "MIN", "H")
    if n is None:
        return f"PTX{letter}" if time_unit else f"PX{letter}"
    whole, part = int(n), n - int(n)
    if not part:
        return f"PT{whole}{letter}" if time_unit else f"P{whole}{letter}"
    smaller = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S")}
    factor, sub = smaller.get(unit, (1, letter))
    rest = round(part * factor)
    if unit == "D":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    head = f"{whole}{letter}" if whole else ""
    return f"PT{head}{rest}{sub}" if time_unit else f"P{head}{rest}{sub}"


def _clamp(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


class Resolver:
    """Resolves the candidates of one document, in text order."""

    def __init__(self, doc: Any, text: str, dct: dt.date | None) -> None:
        self.doc = doc
        self.text = text
        self.dct = Point.of_date(dct) if dct else None
        self.dct_label = dct.isoformat() if dct else None
        self.narrative = Narrative(dct=dct)
        self.lx = lexicon()
        self.previous: tuple[Span, Point] | None = None  # the last expression resolved to a calendar point

    # Helpers ------------------------------------------------------------------------------------------
    def _lead(self, span: Span, width: int = 8) -> str:
        """The few characters before an expression, where its preposition is ("until ", "since ")."""
        return self.text[max(0, span.start - width) : span.start]

    def _root(self, span: Span) -> Any:
        char_span = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return char_span.root if char_span is not None and len(char_span) else None

    def _tense(self, span: Span) -> Tense | None:
        root = self._root(span)
        return tense(governor(root)) if root is not None else None

    def adverbial(self, span: Span) -> bool:
        """Whether the expression dates a clause (and so moves the narrative), not a noun ("2003 designation")."""
        root = self._root(span)
        if root is None:
            return False
        if root.dep_ == "poss":
            return True  # "Thursday's election" moves the narrative to Thursday
        if root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
            return False  # "their 2003 designation" dates a noun, not the narrative
        t = root
        for _ in range(6):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                return True
            if t.pos_ in ("NOUN", "PROPN") and t.i != root.i and t.dep_ not in ("pobj", "npadvmod", "obl"):
                return False
            t = t.head
        return True

    def _period_end(self, span: Span) -> bool:
        """Whether the date ends a period ("bought shares through Sept. 29", "until Nov. 9")."""
        root = self._root(span)
        return bool(
            root is not None and root.dep_ == "pobj" and root.head.lower_ in ("through", "until", "till")
        )

    def _scheduled(self, span: Span) -> bool:
        """Whether the date is when something falls due ("payable Dec. 15", "effective Feb. 1", "due
        March 3"): always ahead of a report that names it without a year."""
        root = self._root(span)
        if root is None:
            return False
        head = root.head.head if root.dep_ == "pobj" else root.head
        return head.lower_ in _FALLING_DUE and head.i != root.i

    def _background(self, span: Span) -> bool:
        """Whether the expression dates a relative clause ("the Taliban, who seized Kabul in 2021, ..."):
        background to the story, which does not move on to it."""
        root = self._root(span)
        verb = governor(root) if root is not None else None
        return verb is not None and verb.dep_ == "relcl"

    def nominal(self, span: Span) -> bool:
        """Whether the expression modifies a noun ("the Jan. 14 deadline", "a cutback in September")
        rather than a clause, or ends a period ("until Nov. 9"): its tense then says little."""
        root = self._root(span)
        if root is None:
            return False
        if root.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and root.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            return True
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ in ("until", "till", "through", "by", "before"):
                return True
            return bool(prep.head.pos_ == "NOUN" and prep.lower_ in ("in", "on", "for", "of"))
        return False

    def _year_for(
        self, month: int, day: int | None, span: Span, sentence: int, tense_: Tense | None
    ) -> tuple[int | None, bool]:
        """The year of a day or month the text gives without one, and whether it came from the narrative.

        A year stated earlier in the same sentence wins when it is in the past; otherwise the year is the
        document's, moved back or forward so that the date lies where the clause's tense points. Without a
        tense (or for a date that modifies a noun) the date is the last one before the document date, unless
        the next one is much nearer.
        """
        narrative_year = self.narrative.recent_year(sentence, window=0)
        if self.dct is None:
            return narrative_year, False
        dct = self.dct.date()
        assert dct is not None
        if (
            narrative_year is not None
            and narrative_year < dct.year
            and tense_ == "past"
            and not self._period_end(span)
        ):
            return narrative_year, True
        day_ = day or (15 if day is None else day)
        this = _clamp(dct.year, month, day_)
        previous = this if this <= dct else _clamp(dct.year - 1, month, day_)
        following = this if this >= dct else _clamp(dct.year + 1, month, day_)
        if day is None:  # a month: the current month counts as both
            if month == dct.month:
                return dct.year, False
            previous = _clamp(dct.year if month < dct.month else dct.year - 1, month, 28)
            following = _clamp(dct.year if month > dct.month else dct.year + 1, month, 1)
        root = self._root(span)
        if self._scheduled(span):
            return following.year, False  # "payable Dec. 15", "effective Feb. 1"
        if tense_ == "future" or (
            tense_ == "present"
            and not self.nominal(span)
            and schedules(governor(root) if root is not None else None)
        ):
            return following.year, False
        ahead, back = (following - dct).days, (dct - previous).days
        if tense_ != "past" and ahead < back and _DEADLINE.search(self._lead(span)):
            return (
                following.year,
                False,
            )  # "to repay the credit line by February"; not "by Jan. 14" on 15 January
        verb = governor(root) if root is not None else None
        if self._put_off_until(verb, span):
            return following.year, False  # "the talks were adjourned until March"
        if (
            verb is not None
            and verb.lemma_ in _LOOKS_AHEAD
            and verb.idx < span.start
            and _FOR_OR_UNTIL.search(self._lead(span))
        ):
            # "the handover was scheduled for late March": a plan's date is the nearer one, either way
            return (following.year if ahead < back else previous.year), False
        if tense_ == "past" and not self.nominal(span):
            if day is not None and ahead <= 45 and back >= 240:
                # "had been set to expire Nov. 6" in a story of 2 November: a date a few days off is not a
                # year old (a writer would give the year of a date that far back).
                return following.year, False
            return previous.year, False
        return (following.year if ahead <= 90 and ahead < back else previous.year), False

    def _make(
        self,
        span: Span,
        type_: TimexType,
        value: str | None,
        precision: str | None = None,
        anchor: str | None = None,
        inferred: bool = False,
        mod: str | None = None,
        point: Point | None = None,
    ) -> Resolved:
        return Resolved(TimeValue(span, type_, value, precision, anchor, inferred, mod), point)

    def _date(
        self,
        span: Span,
        point: Point,
        anchor: str | None = None,
        inferred: bool = False,
        mod: str | None = None,
    ) -> Resolved:
        return self._make(span, "DATE", point.value(), point.precision, anchor, inferred, mod, point)

    def _anchor(self, unit: str | None = None) -> tuple[Point | None, str | None]:
        """The narrative point to count from at the precision ``unit`` needs, else the document date."""
        need = UNIT_PRECISION[unit] if unit else None
        point = self.narrative.latest(need) or self.narrative.latest()
        if point is not None:
            return point, point.value()
        return self.dct, self.dct_label

    # Resolution -----------------------------------------------------------------------------------
    def resolve(self, c: Candidate, sentence: int) -> Resolved | None:
        handler = getattr(self, f"_r_{c.kind}")
        result: Resolved | None = handler(c, sentence)
        if result is None or result.point is None or result.timex.type != "DATE":
            return result
        result = self._day_beside(result, result.point)
        point = result.point
        assert point is not None
        self.previous = (c.span, point)
        if self.adverbial(c.span) and not self._background(c.span):
            explicit = c.kind in ("year", "spelled_year", "iso") or any(
                k in c.groups for k in ("y", "y2", "y3")
            )
            self.narrative.add(point, sentence, result.derived, explicit)
        elif not result.derived and point.precision in ("quarter", "half"):
            self.narrative.periods.append(point)  # "third-quarter profit" names the period reported
        return result

    def _day_beside(self, result: Resolved, point: Point) -> Resolved:
        """ "the day before last Tuesday's vote": the day next to a named day, not that day."""
        span = result.timex.span
        lead = _DAY_BESIDE.search(self.text, max(0, span.start - 20), span.start)
        if point.precision != "day" or lead is None:
            return result
        step = -1 if lead.group("dir").lower() == "before" else 1
        return self._date(Span(lead.start(), span.end), point.shift(step, "D"), point.value())

    def _r_iso(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
        try:
            dt.date(y, m, d)
        except ValueError:
            return self._make(c.span, "DATE", None)
        if "hh" in g:
            point = Point("minute", y, m, d, hour=int(g["hh"]), minute=int(g["mm"]))
            return self._make(c.span, "TIME", point.value(), "minute", point=Point("day", y, m, d))
        return self._date(c.span, Point("day", y, m, d))

    def _r_numeric(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if y < 100:
            pivot = (self.dct.year % 100 + 10) if self.dct and self.dct.year else 30
            y += 2000 if y <= pivot else 1900
        day, month = (a, b) if a > 12 or ("." in self.text[c.span.start : c.span.end]) else (b, a)
        if b > 12:
            day, month = b, a
        try:
            dt.date(y, month, day)
        except ValueError:
            return None
        return self._date(c.span, Point("day", y, month, day))

    def _day_month(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        month = self.lx.months[g["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", g["d"]))
        if "y" in g:
            year, inferred = int(g["y"]), False
        else:
            year_, _ = self._year_for(month, day, c.span, sentence, self._tense(c.span))
            if year_ is None:
                return self._make(c.span, "DATE", f"XXXX-{month:02d}-{day:02d}", "day")
            year, inferred = year_, True
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        anchor = (
            None
            if not inferred
            else (self.dct_label if year == (self.dct.year if self.dct else None) else str(year))
        )
        mod = _EDGE_MOD.get(g.get("edge", "").lower())
        return self._date(c.span, Point("day", year, month, day), anchor, inferred, mod)

    _r_dmy = _day_month
    _r_mdy = _day_month

    def _r_week_of(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "the week of March 6": the week that holds the day."""
        day = self._day_month(c, sentence)
        if day is None or day.point is None or day.point.precision != "day":
            return day
        week = self._date(c.span, day.point.coarsen("week"), day.timex.anchor, day.timex.inferred)
        return replace(week, derived=day.derived)

    def _r_month(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        month = self.lx.months[g["mon"].rstrip(".").lower()]
        edge = g.get("edge", "").lower()
        mod = _EDGE_MOD.get(edge)
        rel = " ".join(g.get("rel", "").lower().split())
        inferred = False
        anchor = None
        if "y" in g:
            year: int | None = int(g["y"])
        elif "sy" in g:
            year = self.lx.spelled_year(g["sy"])
        elif "yrel" in g and self.dct is not None and self.dct.year is not None:
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].split()[0].lower()]
            anchor = self.dct_label
        elif rel and self.dct is not None and self.dct.year is not None and self.dct.month is not None:
            first = rel.split()[0]
            if first in ("last", "past"):
                year = self.dct.year if month < self.dct.month else self.dct.year - 1
            elif first in ("next", "coming"):
                year = self.dct.year if month > self.dct.month else self.dct.year + 1
            else:  # this, early, late, earlier, later
                year = self.dct.year
                if first in ("early", "late"):
                    mod = _EDGE_MOD.get(first)
            anchor = self.dct_label
        elif (start := self._range_start(c.span)) is not None and start.year is not None:
            # "between March and May": the end of a range lies after its start.
            year = start.year if start.month is None or month >= start.month else start.year + 1
            inferred = True
        else:
            year, _ = self._year_for(month, None, c.span, sentence, self._tense(c.span))
            inferred = True
            anchor = (
                self.dct_label
                if self.dct is not None and year == self.dct.year
                else (str(year) if year else None)
            )
        return self._date(c.span, Point("month", year, month), anchor, inferred, mod)

    def _range_start(self, span: Span) -> Point | None:
        """The start of a range this expression ends ("from March to May"), if it is one."""
        if self.previous is None:
            return None
        before, point = self.previous
        joint = self.text[before.end : span.start]
        if re.match(r"['’]s\b", self.text[span.end : span.end + 3]):
            return None  # "a revision Friday to December's figures": a possessive ends no range
        if point.precision in ("month", "day") and re.fullmatch(
            r"\s*(?:and|to|through|until|till|-|–|—)\s*", joint
        ):
            return point
        return None

    def _r_season(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        season = self.lx.seasons[g["season"].lower()]
        mod = _EDGE_MOD.get(g.get("edge", "").lower())
        det = g.get("det", "").lower()
        anchor, inferred = None, False
        if "y" in g:
            year: int | None = int(g["y"])
        elif "sy" in g:
            year = self.lx.spelled_year(g["sy"])
        elif self.dct is None or self.dct.year is None or self.dct.month is None:
            year = self.narrative.recent_year(sentence)
            inferred = True
        else:
            now = self.dct.coarsen("season")
            target = Point("season", now.year, season=season)
            order = ("SP", "SU", "FA", "WI")
            ahead = order.index(season) > order.index(now.season or "SP")
            if "yrel" in g:
                target = Point(
                    "season",
                    self.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].split()[0].lower()],
                    season=season,
                )
            elif det in ("last", "past"):
                if ahead or season == now.season:
                    target = target.shift(-1, "Y")
            elif det in ("next", "coming"):
                if not ahead:
                    target = target.shift(1, "Y")
            elif det in ("that",):
                year_ = self.narrative.recent_year(sentence, window=5)
                if year_ is not None:
                    target = Point("season", year_, season=season)
            elif det != "this":
                narrative_year = self.narrative.recent_year(sentence, window=0)
                tense_ = self._tense(c.span)
                if narrative_year is not None and narrative_year < (now.year or 0) and tense_ == "past":
                    target = Point("season", narrative_year, season=season)
                elif tense_ == "past" and ahead:
                    target = target.shift(-1, "Y")
                elif tense_ == "future" and not ahead and season != now.season:
                    target = target.shift(1, "Y")
                inferred = True
            year = target.year
            anchor = self.dct_label
        return self._date(c.span, Point("season", year, season=season), anchor, inferred, mod)

    def _r_decade(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        if "dec" in g:
            decade = int(g["dec"]) // 10
        elif "short" in g:
            tens = int(g["short"]) // 10
            century = 19
            if self.dct is not None and self.dct.year is not None:
                century = (
                    self.dct.year // 100 if tens * 10 <= self.dct.year % 100 else self.dct.year // 100 - 1
                )
            decade = century * 10 + tens
        else:
            century = 19
            decade = century * 10 + self.lx.decade_words[g["word"].lower()]
        mod = _EDGE_MOD.get(g.get("edge", "").lower())
        return self._date(c.span, Point("decade", decade=decade), None, "word" in g, mod)

    def _r_century(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        word = g["ord"].lower()
        n = self.lx.ordinals.get(word) or int(re.sub(r"\D", "", word) or 0)
        mod = _EDGE_MOD.get(g.get("edge", "").lower())
        return self._date(c.span, Point("century", century=n - 1), None, False, mod)

    def _year_of_period(self, g: dict[str, str], sentence: int) -> tuple[int | None, bool]:
        if "y" in g:
            return int(g["y"]), False
        if "y3" in g:
            return int(g["y3"]), False
        if "yrel3" in g and self.dct is not None and self.dct.year is not None:
            return self.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel3"].lower()], False
        if "y2" in g:
            y = g["y2"].lstrip("'")
            return (int(y) if len(y) == 4 else 2000 + int(y)), False
        dct_year = self.dct.year if self.dct is not None else None
        if "yrel" in g and dct_year is not None:
            word = g["yrel"].split()[0].lower()
            if word == "the":
                return (self.narrative.recent_year(sentence, 5) or dct_year), True
            return dct_year + {"this": 0, "last": -1, "next": 1}[word], False
        return dct_year, True

    def _past_period(
        self, year: int | None, inferred: bool, first_month: int, months: int, span: Span
    ) -> int | None:
        """A quarter or half told in the past tense that has not begun by the document date is last year's."""
        dct = self.dct.date() if self.dct is not None else None
        if not inferred or year is None or dct is None:
            return year
        # A period under way counts as this year's: a report in November of a "fourth quarter" that fell is
        # of a fiscal quarter just closed, not last year's.
        started = dct.month >= first_month
        return year - 1 if not started and self._tense(span) == "past" else year

    def _r_quarter(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        word = g.get("q", "").lower()
        numbers = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
        if "pl" in g:  # "most grain moves in the fourth quarters": those quarters of any year
            if word in numbers:
                return self._make(c.span, "DATE", f"XXXX-Q{numbers[word]}", "quarter")
            past = word in ("recent", "past", "latest", "previous", "last")
            return self._make(c.span, "DATE", "PAST_REF", None, self.dct_label) if past else None
        if "qn" in g or word in numbers:
            quarter = int(g["qn"]) if "qn" in g else numbers[word]
            year, inferred = self._year_of_period(g, sentence)
            year = self._past_period(year, inferred, 3 * quarter - 2, 3, c.span)
            resolved = self._date(
                c.span,
                # "the year-ago third quarter"
                Point("quarter", year - 1 if year is not None and "ago" in g else year, quarter=quarter),
                self.dct_label if inferred else None,
                inferred,
            )
            return replace(resolved, derived=True) if "ago" in g else resolved
        if self.dct is None:
            return self._make(c.span, "DATE", "XXXX-QX", "quarter")
        this_quarter = self.dct.coarsen("quarter")
        last_done = this_quarter.shift(-1, "Q")
        if word == "current":
            point = this_quarter
        elif word in ("same",):
            point = self.narrative.period() or last_done
        elif word in ("year-earlier", "year-ago", "year-before", "prior-year"):
            return replace(
                self._date(c.span, (self.narrative.period() or last_done).shift(-1, "Y"), self.dct_label),
                derived=True,
            )
        else:  # latest, last, previous, recent, past, final, fiscal
            point = last_done
        return self._date(c.span, point, self.dct_label)

    def _r_half(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        half = 1 if g.get("h", g.get("hq", "")).lower() in ("first", "1st") else 2
        year, inferred = self._year_of_period(g, sentence)
        year = self._past_period(year, inferred, 6 * half - 5, 6, c.span)
        return self._date(
            c.span, Point("half", year, half=half), self.dct_label if inferred else None, inferred
        )

    def _r_year(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        year = int(g["y"])
        edge = g.get("edge", "").lower()
        if edge in ("the first half of", "the second half of"):
            return self._date(c.span, Point("half", year, half=1 if "first" in edge else 2))
        return self._date(c.span, Point("year", year), None, False, _EDGE_MOD.get(edge))

    def _weekday_point(
        self, weekday: int, rel: str, span: Span, sentence: int
    ) -> tuple[Point | None, str | None]:
        if rel in ("that", "the following", "the next", "following", "the previous", "previous"):
            base, label = self._anchor("D")
        else:
            base, label = self.dct, self.dct_label
        if base is None:
            return None, None
        date = base.date()
        if date is None:
            return None, None
        today = date.isoweekday()
        back = (today - weekday) % 7
        ahead = (weekday - today) % 7
        if rel in ("last", "past", "previous", "the previous"):
            delta = -(back or 7)
        elif rel in ("next", "coming", "following", "the following", "the next"):
            delta = ahead or 7
        elif rel == "this":
            delta = weekday - today
        elif rel == "that":
            delta = ahead if ahead <= back else -back
        else:
            tense_ = self._tense(span)
            root = self._root(span)
            verb = governor(root) if root is not None else None
            before = self._lead(span, 16).lower()
            if back == 0:
                delta = 0
            elif before.rstrip().endswith(("as soon as", "as early as")):
                delta = ahead  # "ready to leave as soon as Tuesday": the earliest it can be
            elif (
                before.rstrip().endswith((" until", " till"))
                and verb is not None
                and verb.tag_ != "VBD"
                and not any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))
            ):
                delta = ahead  # "has given them until Tuesday to sign": a deadline still to come
            elif self._put_off_until(verb, span):
                delta = ahead  # "the regulator delayed its ruling until Tuesday morning": put off to what is to come
            elif (
                verb is not None
                and verb.lemma_ in _LOOKS_AHEAD
                and verb.tag_ == "VBN"
                and verb.dep_ in ("acl", "amod")
                and tense(governor(verb.head)) == "past"
            ):
                delta = ahead if ahead < back else -back  # "a concert planned for Saturday was called off"
            elif (
                tense_ == "future"
                or (
                    tense_ == "present"
                    and (self._progressive(span) or (schedules(verb) and not self.nominal(span)))
                )
                or (
                    verb is not None
                    and verb.lemma_ in _LOOKS_AHEAD
                    and verb.idx < span.start
                    and tense_ != "past"
                )
            ):
                delta = ahead  # "planned a rally on Saturday", "postponed the vote until Tuesday"
            elif prospective_at(self.doc, span.start, span.end) or (
                verb is not None and verb.lemma_ in _LOOKS_AHEAD and verb.idx < span.start
            ):
                # "said he would leave Tuesday", "had fixed Friday as the last day": the nearer one
                delta = ahead if ahead < back else -back
            else:
                delta = -back
        day = date + dt.timedelta(days=delta)
        return Point("day", day.year, day.month, day.day), label

    def _put_off_until(self, verb: Any, span: Span) -> bool:
        """ "postponed the vote until Tuesday", "adjourned to May": what is put off is put off to a time ahead."""
        return bool(
            verb is not None
            and verb.lemma_ in _PUTS_OFF
            and verb.idx < span.start
            and _UNTIL.search(self._lead(span))
        )

    def _progressive(self, span: Span) -> bool:
        root = self._root(span)
        verb = governor(root) if root is not None else None
        return bool(
            verb is not None
            and verb.tag_ == "VBG"
            and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
        )

    def _r_weekday(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        weekday = self.lx.weekdays[g["wd"].rstrip(".").lower()]
        rel = " ".join(g.get("rel", "").lower().split())
        mod = _EDGE_MOD.get(rel) if rel in ("early", "late") else None
        point, anchor = self._weekday_point(weekday, "" if mod else rel, c.span, sentence)
        if point is None:
            return self._make(c.span, "DATE", f"XXXX-WXX-{weekday}", "day")
        if "part" in g:
            point = replace(point, part=self.lx.parts_of_day[g["part"].lower()])
        return self._date(c.span, point, anchor, False, mod)

    def _r_weekdays(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        if "wd1" in g:  # "Tuesday nights": every Tuesday night
            weekday = self.lx.weekdays[g["wd1"].rstrip(".").lower()]
            part = self.lx.parts_of_day[g["parts"][:-1].lower()]
            return self._make(c.span, "SET", f"XXXX-WXX-{weekday}T{part}", "set")
        weekday = self.lx.weekdays[g["wd"][:-1].lower()]
        return self._make(c.span, "SET", f"XXXX-WXX-{weekday}", "set")

    def _r_holiday(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        name = g["h"].lower()
        code = self.lx.holidays.get(name)
        if code is None:
            return None
        if "y" in g:
            year, inferred = int(g["y"]), False
        else:
            probe = (
                (12, 25)
                if code in ("thanksgiving",)
                else (4, 10)
                if code == "easter"
                else tuple(int(x) for x in code.split("-"))
            )
            year_, _ = self._year_for(probe[0], probe[1], c.span, sentence, self._tense(c.span))
            if year_ is None:
                return None
            year, inferred = year_, True
        if code == "easter":
            date = easter(year)
        elif code == "thanksgiving":
            date = thanksgiving(year)
        else:
            month, day = (int(x) for x in code.split("-"))
            date = dt.date(year, month, day)
        point = Point.of_date(date)
        if "wk" in g:  # "Easter week": the week the holiday falls in
            point = point.coarsen("week")
        return self._date(c.span, point, self.dct_label if inferred else None, inferred)

    def _day_of_sentence(self, c: Candidate, sentence: int) -> Point | None:
        """The day a time of day belongs to: a weekday next to it, else a day named in the sentence."""
        if "mon" in c.groups:
            month = self.lx.months[c.groups["mon"].rstrip(".").lower()]
            day = int(re.sub(r"\D", "", c.groups["d"]))
            year, _ = self._year_for(month, day, c.span, sentence, self._tense(c.span))
            return Point("day", year, month, day) if year else None
        if "wd" in c.groups:
            point, _ = self._weekday_point(
                self.lx.weekdays[c.groups["wd"].rstrip(".").lower()], "", c.span, sentence
            )
            return point
        return self.narrative.latest("day") or self.dct

    def _r_clock(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        hour = int(g["hh"]) % 12
        later = " ".join(g.get("ap2", "").lower().split()) in ("in the afternoon", "in the evening")
        if (
            g.get("ap", "").lower().startswith("p")
            or later
            or (g.get("ap2", "").endswith("night") and hour >= 6)
        ):
            hour += 12
        minute = int(g.get("mm", "0"))
        return self._time(c, sentence, hour, minute)

    def _r_clock24(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        if "tz" not in g and not re.search(
            r"(?i)\b(at|from|until|till|by|before|after)\s*$",
            self._lead(c.span),
        ):
            return None
        return self._time(c, sentence, int(g["hh"]), int(g["mm"]))

    def _r_noon(self, c: Candidate, sentence: int) -> Resolved:
        word = c.groups["w"].lower()
        return self._time(c, sentence, 24 if word == "midnight" else 12, 0)

    def _time(self, c: Candidate, sentence: int, hour: int, minute: int) -> Resolved:
        day = self._day_of_sentence(c, sentence)
        if day is None or day.precision != "day":
            return self._make(c.span, "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "minute")
        point = Point("minute", day.year, day.month, day.day, hour=hour, minute=minute)
        return self._make(c.span, "TIME", point.value(), "minute", day.value())

    def _r_deictic(self, c: Candidate, sentence: int) -> Resolved:
        g = c.groups
        word = " ".join(g.get("w", g.get("w2", "")).lower().split())
        part = g.get("part") or g.get("part2")
        offset = {
            "today": 0,
            "tonight": 0,
            "this": 0,
            "yesterday": -1,
            "last": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[word]
        if self.dct is None:
            return self._make(c.span, "DATE", None)
        point = self.dct.shift(offset, "D")
        part_code = self.lx.parts_of_day[part.lower()] if part else ("NI" if word == "tonight" else None)
        if word == "last" and part_code != "NI":
            point = self.dct
        if part_code:
            point = Point("day", point.year, point.month, point.day, part=part_code)
        return self._date(c.span, point, self.dct_label)

    def _r_ref(self, c: Candidate, sentence: int) -> Resolved:
        word = " ".join(c.groups["w"].lower().split())
        if (
            word in self.lx.future_ref
            or word.startswith(("the coming", "coming", "future"))
            or word.endswith(" ahead")
            or word == "years to come"
        ):
            value = "FUTURE_REF"
        elif word in self.lx.present_ref:
            value = "PRESENT_REF"
        else:
            value = "PAST_REF"
        return self._make(c.span, "DATE", value, None, self.dct_label)

    def _unit_point(self, unit: str, base: Point) -> Point:
        precision = UNIT_PRECISION[unit]
        point = replace(base.coarsen(precision), part=None, hour=None, minute=None)
        if point.precision in ("hour", "minute"):
            point = replace(point, precision="day")
        if unit == "WE":
            point = Point("week", point.year, week=point.week, weekend=True)
        return point

    def _r_edge_rel(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        unit = self.lx.unit(g["unit"])
        if unit is None or unit in ("S", "MIN", "H"):
            return None
        rel = " ".join(g["rel"].lower().split())
        edge = g["edge"].lower()
        mod = _EDGE_MOD.get(edge)
        if rel in ("that", "the same"):
            base, anchor = self._anchor(unit)
        else:
            base, anchor = self.dct, self.dct_label
        if base is None:
            return self._make(c.span, "DATE", None)
        point = self._unit_point(unit, base)
        if rel in ("last", "the previous", "the past"):
            point = point.shift(-1, unit)
        elif rel in ("next", "the following"):
            point = point.shift(1, unit)
        return self._date(c.span, point, anchor, False, mod)

    def _r_weekend(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "over the weekend": the last weekend in a past-tense clause, the next one in a future one."""
        if self.dct is None:
            return None
        rel = c.groups["rel"].lower()
        date = self.dct.date()
        assert date is not None
        step = {"last": -1, "next": 1}.get(rel, 0)
        if rel in ("the", "that"):
            step = 1 if self._tense(c.span) == "future" else (-1 if date.isoweekday() < 6 else 0)
        iso = (date + dt.timedelta(weeks=step)).isocalendar()
        return self._date(c.span, Point("week", iso.year, week=iso.week, weekend=True), self.dct_label)

    def _r_long(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "a day-long meeting", "a decades-long feud": one unit, or an unstated number of them."""
        word = c.groups["unit"].lower()
        unit = self.lx.unit(word)
        if unit is None:
            return None
        plural = word in self.lx.unit_plurals
        return self._make(c.span, "DURATION", _duration(None if plural else 1, unit), "duration")

    def _r_day_part(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "traders sold shares in the morning": the morning of the narrative's day; nothing for a habit told in
        the present ("he swims in the morning")."""
        if self._tense(c.span) == "present":
            return None
        return self._r_part_edge(c, sentence)

    def _r_part_edge(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "mid-afternoon yesterday", "by late morning": that part of the day the text names, else of the
        narrative's day."""
        g = c.groups
        if "w" in g and self.dct is not None:
            day: Point | None = self.dct.shift(
                {"yesterday": -1, "today": 0, "tomorrow": 1}[g["w"].lower()], "D"
            )
            anchor = self.dct_label
        elif "wd" in g:
            day, anchor = self._weekday_point(
                self.lx.weekdays[g["wd"].rstrip(".").lower()], "", c.span, sentence
            )
        else:
            day, anchor = self._anchor("D")
        if day is None or day.precision != "day":
            return None
        point = Point("day", day.year, day.month, day.day, part=self.lx.parts_of_day[g["part"].lower()])
        return self._date(c.span, point, anchor, False, _EDGE_MOD.get(g.get("edge", "").lower()))

    def _r_next_part(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "the next morning": the day after the narrative's day, at that part of the day."""
        base, anchor = self._anchor("D")
        if base is None:
            return None
        step = -1 if c.groups["rel"].lower() == "previous" else 1
        day = self._unit_point("D", base).shift(step, "D")
        return self._date(c.span, replace(day, part=self.lx.parts_of_day[c.groups["part"].lower()]), anchor)

    def _reported_period(self, span: Span) -> Point | None:
        """The period a report compares: the quarter or half the text last named, or its whole year when the
        sentence reports a run of months that is neither ("for the nine months, ... a year earlier")."""
        period = self.narrative.period()
        if period is None:
            return None
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None and _PART_OF_YEAR.search(tokens.sent.text):
            return Point("year", period.year)
        return period

    def _r_year_period(self, c: Candidate, sentence: int) -> Resolved:
        """ "the 1988 period": the period being reported, in that year."""
        year = int(c.groups["y"])
        period = self._reported_period(c.span)
        if period is None:
            return self._date(c.span, Point("year", year))
        return replace(self._date(c.span, replace(period, year=year)), derived=True)

    def _r_the_period(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "for the quarter", "the latest period", "the year ended June 30"."""
        g = c.groups
        unit = g["unit"].lower()
        if unit in ("year", "fiscal year") and g.get("ended"):
            return self._make(c.span, "DURATION", "P1Y", "duration")
        if self.dct is None:
            return None
        named = self.narrative.period()  # a fiscal quarter the text has named keeps its label
        if unit == "quarter" and named is None and (ended := self._quarter_ended(c.span)) is not None:
            return self._date(c.span, ended, self.dct_label)
        if unit in ("quarter", "period"):
            point = named or self.dct.coarsen("quarter").shift(-1, "Q")
            if "ago2" in g:  # "the quarter a year ago"
                point = point.shift(-1, "Y")
            return replace(self._date(c.span, point, point.value()), derived=True)
        return self._date(c.span, self.dct.coarsen("year"), self.dct_label)

    def _quarter_ended(self, span: Span) -> Point | None:
        """ "the quarter ended May 31", when the text has named no quarter: the calendar quarter that holds most
        of the three months to that day (March to May: the second), in the last year it has ended by the document
        date."""
        m = _ENDED.match(self.text, span.end)
        month = self.lx.months.get(m.group("mon").lower()) if m else None
        if month is None or self.dct is None or self.dct.year is None or self.dct.month is None:
            return None
        year = self.dct.year if month <= self.dct.month else self.dct.year - 1
        middle = (month - 2) % 12 + 1  # the middle month of the three
        if middle > month:
            year -= 1  # a quarter ended in January: mostly the year before
        return Point("quarter", year, quarter=(middle - 1) // 3 + 1)

    def _r_spelled_year(self, c: Candidate, sentence: int) -> Resolved | None:
        year = self.lx.spelled_year(self.text[c.span.start : c.span.end])
        return self._date(c.span, Point("year", year)) if year is not None else None

    def _r_year_end(self, c: Candidate, sentence: int) -> Resolved | None:
        word = c.groups["w"].lower()
        if self.dct is None:
            return None
        if word.startswith("month"):
            return self._date(c.span, self.dct.coarsen("month"), self.dct_label, False, "END")
        if "century" in word or "millennium" in word:
            return self._make(c.span, "DATE", None)
        year = self.dct.coarsen("year")
        since = re.search(r"(?i)\bsince\s+$", self._lead(c.span))
        if self.dct.month != 12 and since:
            year = year.shift(-1, "Y")  # "the index has risen 8% since year-end": the last one passed
        return self._date(c.span, year, self.dct_label, False, "END")

    def _r_rel_unit(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        unit = self.lx.unit(g["unit"])
        if unit is None:
            return None
        rel = " ".join(g["rel"].lower().split())
        if rel in ("the past", "the last", "the first", "the latest", "the final") and unit not in ("WE",):
            return self._make(c.span, "DURATION", _duration(1, unit), "duration")
        if unit in ("S", "MIN", "H"):
            return self._make(c.span, "DURATION", _duration(1, unit), "duration")
        anaphoric = rel in (
            "the previous",
            "the following",
            "the next",
            "the same",
            "that same",
            "that",
            "the prior",
            "the preceding",
            "previous",
            "following",
        )
        if anaphoric:
            base, anchor = self._anchor(unit)
        else:
            base, anchor = self.dct, self.dct_label
        if base is None:
            return self._make(c.span, "DATE", None)
        point = self._unit_point(unit, base)
        step = {
            "last": -1,
            "past": -1,
            "the previous": -1,
            "previous": -1,
            "the prior": -1,
            "the preceding": -1,
            "next": 1,
            "the next": 1,
            "the following": 1,
            "following": 1,
            "the coming": 1,
            "coming": 1,
        }.get(rel, 0)
        if unit == "WE" and step == 0 and rel in ("this",):
            pass
        point = point.shift(step, "W" if unit == "WE" else unit) if step else point
        if unit == "WE":
            point = Point("week", point.year, week=point.week, weekend=True)
        return self._date(c.span, point, anchor)

    def _r_amount(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        unit = self.lx.unit(g["unit"])
        if unit is None:
            return None
        number = self.lx.number(g["num"])
        if number is not None and "half" in g:  # "a minute and a half"
            number += 0.5
        direction = " ".join(g.get("dir", "").lower().split())
        mod = _APPROX_MOD.get(" ".join(g.get("approx", "").lower().split()))
        span = c.span
        if direction in ("before", "after"):
            following = self.text[span.end : span.end + 3]
            if not re.match(r"^\s*([.,;:!?)\"”’]|$)", following):
                # "two days before the vote": a duration, counted from an event, not from a date.
                cut = self.text.rfind(direction, span.start, span.end)
                span = Span(span.start, _rstrip(self.text, span.start, cut))
                direction = ""
        if direction in ("running", "in a row", "old"):
            direction = ""
        if not direction:
            return self._make(span, "DURATION", _duration(number, unit), "duration", None, False, mod)
        if number is None:
            return self._make(
                span, "DATE", "PAST_REF" if direction in _BACKWARD else "FUTURE_REF", None, self.dct_label
            )
        sign = -1 if direction in _BACKWARD else 1
        period = self._reported_period(span) if unit == "Y" and number == 1 and sign < 0 else None
        if period is not None:
            # "profit rose from $5 million a year earlier": the same reporting period, a year before.
            return replace(self._date(span, period.shift(-1, "Y"), period.value(), False, mod), derived=True)
        deictic = direction in ("ago", "from now", "hence")
        if deictic:
            base, anchor = self.dct, self.dct_label
        else:
            base, anchor = self._anchor(unit)
        if base is None:
            return self._make(span, "DATE", None)
        precision = UNIT_PRECISION[unit]
        if (
            not deictic
            and base.precision in ("day", "week", "month", "quarter", "half", "season")
            and finer(base.precision, precision)
        ):
            point = base.shift(sign * number, unit)
        else:
            point = self._unit_point(unit, base).shift(sign * number, unit)
        return self._date(span, point, anchor, False, mod)

    def _r_year_ago(self, c: Candidate, sentence: int) -> Resolved | None:
        """ "year-earlier", "the year-ago period": the period being reported, a year before."""
        period = self._reported_period(c.span)
        if period is not None:
            return replace(self._date(c.span, period.shift(-1, "Y"), period.value()), derived=True)
        if self.dct is None:
            return None
        return self._date(c.span, self.dct.coarsen("year").shift(-1, "Y"), self.dct_label)

    def _r_vague_plural(self, c: Candidate, sentence: int) -> Resolved | None:
        unit = self.lx.unit(c.groups["unit"])
        if unit is None:
            return None
        return self._make(c.span, "DURATION", _duration(None, unit), "duration")

    def _r_set(self, c: Candidate, sentence: int) -> Resolved | None:
        g = c.groups
        if "adv" in g:
            return self._make(c.span, "SET", self.lx.set_adverbs[g["adv"].lower()], "set")
        if "wd" in g:
            word = g["wd"].rstrip(".").lower()
            if word in self.lx.weekdays:
                return self._make(c.span, "SET", f"XXXX-WXX-{self.lx.weekdays[word]}", "set")
            if word in self.lx.seasons:
                return self._make(c.span, "SET", f"XXXX-{self.lx.seasons[word]}", "set")
            if word in self.lx.months:
                return self._make(c.span, "SET", f"XXXX-{self.lx.months[word]:02d}", "set")
            return None
        unit = self.lx.unit(g.get("unit") or g.get("unit2", ""))
        if unit is None:
            return None
        number = self.lx.number(g["num"]) if "num" in g else 1
        if "other" in g:
            number = 2 * (number or 1)
        return self._make(c.span, "SET", _duration(number, unit), "set")


_PART_OF_YEAR = re.compile(r"(?i)\b(?:nine|eight|seven|ten|eleven) months\b|\byear to date\b")
_ENDED = re.compile(r"\s+(?:ended|ending)\s+(?P<mon>[A-Z][a-z]+)\.?\s+\d{1,2}\b")
_FOR_OR_UNTIL = re.compile(r"(?i)\b(?:for|until|till|to)\s+$")
_UNTIL = re.compile(r"(?i)\b(?:until|till|to)\s+$")
_DEADLINE = re.compile(r"(?i)\b(?:by|until|till)\s+$")
_DAY_BESIDE = re.compile(r"(?i)(?<![\w-])(?:the\s+)?day\s+(?P<dir>before|after)\s+$")


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
