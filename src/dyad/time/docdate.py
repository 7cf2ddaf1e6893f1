"""The document date, when no one gives it: worked out from the dates the text mentions.

The year is the latest year the text mentions in a clause that is not in the future tense. The day is the
latest day (or month) of that year that the text refers to in the past or present; a month or day named in
the future tense ("a meeting will take place in May 2025") means the document was written before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from dyad.time.lexicon import lexicon
from dyad.time.tagger import Candidate
from dyad.time.tense import prospective_at

_WITH_YEAR = ("iso", "numeric", "dmy", "mdy", "month", "year", "quarter", "half", "season", "holiday")


def _parts(c: Candidate) -> tuple[int | None, int | None, int | None]:
    """Year, month and day that a candidate states (each ``None`` when not stated)."""
    g = c.groups
    lx = lexicon()
    year = int(g["y"]) if "y" in g and len(g["y"]) == 4 and g["y"].isdigit() else None
    month = day = None
    if c.kind == "iso":
        month, day = int(g["m"]), int(g["d"])
    elif c.kind in ("dmy", "mdy"):
        month, day = lx.months[g["mon"].rstrip(".").lower()], int(re.sub(r"\D", "", g["d"]))
    elif c.kind == "month":
        month = lx.months[g["mon"].rstrip(".").lower()]
        if g.get("rel") or g.get("yrel"):
            return None, None, None
    elif c.kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12:
            day, month = a, b
        elif b > 12:
            month, day = a, b
    return year, month, day


def infer_document_date(candidates: Iterable[Candidate], doc: Any) -> dt.date | None:
    """The latest date the text refers to outside the future tense, within the year it is about."""
    past: list[tuple[int | None, int | None, int | None]] = []
    future: list[tuple[int, int | None, int | None]] = []
    for c in candidates:
        if c.kind not in _WITH_YEAR or c.groups.get("edge"):
            continue
        year, month, day = _parts(c)
        if year is None and month is None:
            continue
        if prospective_at(doc, c.span.start, c.span.end):
            if year is not None:
                future.append((year, month, day))
        else:
            past.append((year, month, day))
    years = [y for y, _, _ in past if y is not None]
    if years:
        year = max(years)
    elif future:
        year = min(y for y, _, _ in future)
    else:
        return None
    bound = min(
        (dt.date(y, m or 1, d or 1) for y, m, d in future if y >= year and (m is not None or y > year)),
        default=None,
    )
    dates: list[dt.date] = []
    for y, m, d in past:
        if m is None or (y is not None and y != year):
            continue
        try:
            date = dt.date(year, m, d or 1)
        except ValueError:
            continue
        if bound is None or date < bound:
            dates.append(date)
    if dates:
        return max(dates)
    middle = dt.date(year, 7, 1)
    return middle if bound is None or middle < bound else bound - dt.timedelta(days=1)
