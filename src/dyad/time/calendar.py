"""Calendar points at a precision, their TimeML values, and arithmetic on them.

A :class:`Point` is a date known to some precision: a century, a decade, a year, a half, a quarter, a
season, a month, an ISO week (or its weekend), a day, a part of a day, or a time of day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

#: Precisions from coarsest to finest.
PRECISIONS = (
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "season",
    "quarter",
    "month",
    "week",
    "day",
    "hour",
    "minute",
)
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
#: Lengths of units in days, for shifting a coarse point by a fine unit.
UNIT_DAYS = {
    "S": 1 / 86400,
    "MIN": 1 / 1440,
    "H": 1 / 24,
    "D": 1,
    "WE": 7,
    "W": 7,
    "FN": 14,
    "M": 30.44,
    "Q": 91.3,
    "Y": 365.25,
    "DE": 3652.5,
    "CE": 36525,
    "ML": 365250,
}
#: The precision a unit counts in.
UNIT_PRECISION = {
    "S": "minute",
    "MIN": "minute",
    "H": "hour",
    "D": "day",
    "WE": "week",
    "W": "week",
    "FN": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "ML": "millennium",
}
# Seasons of the northern hemisphere, in the order of a year; a winter belongs to the year it begins in.
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASONS = ("SP", "SU", "FA", "WI")


def finer(a: str, b: str) -> bool:
    """Whether precision ``a`` is finer than ``b``."""
    return _RANK[a] > _RANK[b]


def season_of(month: int) -> str:
    return "WI" if month in (12, 1, 2) else "SP" if month <= 5 else "SU" if month <= 8 else "FA"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _clamp_day(year: int, month: int, day: int) -> dt.date:
    for d in (day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day, d))
        except ValueError:
            continue
    raise ValueError(f"no such day {year}-{month}-{day}")


@dataclass(frozen=True)
class Point:
    """A calendar point at ``precision``; the fields below it are ``None``.

    ``part`` is a TimeML part of day (``MO``, ``AF``, ``EV``, ``NI``); ``weekend`` marks the weekend of
    a week.
    """

    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None
    weekend: bool = False
    decade: int | None = None
    century: int | None = None

    # Constructors -------------------------------------------------------------------------------------
    @classmethod
    def of_date(cls, date: dt.date) -> Point:
        return cls("day", date.year, date.month, date.day)

    @classmethod
    def of_year(cls, year: int) -> Point:
        return cls("year", year)

    # Views ------------------------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The first day of the point (the day itself for day precision), when the year is known."""
        if self.year is None:
            return None
        if self.day is not None and self.month is not None:
            return _clamp_day(self.year, self.month, self.day)
        if self.week is not None:
            return dt.date.fromisocalendar(self.year, self.week, 6 if self.weekend else 1)
        if self.month is not None:
            return dt.date(self.year, self.month, 1)
        if self.quarter is not None:
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        if self.half is not None:
            return dt.date(self.year, 6 * self.half - 5, 1)
        if self.season is not None:
            return dt.date(self.year, _SEASON_MONTH[self.season], 1)
        return dt.date(self.year, 1, 1)

    def value(self) -> str:
        """The TimeML value: ``2025``, ``2025-Q3``, ``2025-04``, ``2025-W16``, ``2025-04-17TMO``, ``199``."""
        p = self.precision
        if p == "millennium":
            return "X" if self.century is None else str(self.century // 10)
        if p == "century":
            return "XX" if self.century is None else f"{self.century:02d}"
        if p == "decade":
            return "XXX" if self.decade is None else f"{self.decade:03d}"
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if p == "year":
            return y
        if p == "half":
            return f"{y}-H{self.half}"
        if p == "quarter":
            return f"{y}-Q{self.quarter if self.quarter else 'X'}"
        if p == "season":
            return f"{y}-{self.season}"
        if p == "month":
            return f"{y}-{self.month:02d}" if self.month else f"{y}-XX"
        if p == "week":
            w = f"{y}-W{self.week:02d}" if self.week else f"{y}-WXX"
            return w + ("-WE" if self.weekend else "")
        day = f"{y}-{self.month:02d}-{self.day:02d}" if self.month and self.day else f"{y}-XX-XX"
        if p == "day":
            return day + (f"T{self.part}" if self.part else "")
        if p == "hour":
            return f"{day}T{self.hour:02d}"
        return f"{day}T{self.hour:02d}:{(self.minute or 0):02d}"

    # Changing precision -------------------------------------------------------------------------------
    def coarsen(self, precision: str) -> Point:
        """The same point at a coarser precision (a finer one is returned unchanged)."""
        if not finer(self.precision, precision):
            return self
        date = self.date()
        if date is None:
            return Point(precision)
        if precision == "millennium":
            return Point(precision, century=date.year // 100)
        if precision == "century":
            return Point(precision, century=date.year // 100)
        if precision == "decade":
            return Point(precision, decade=date.year // 10)
        if precision == "year":
            return Point(precision, date.year)
        if precision == "half":
            return Point(precision, date.year, half=1 if date.month <= 6 else 2)
        if precision == "quarter":
            return Point(precision, date.year, quarter=(date.month - 1) // 3 + 1)
        if precision == "season":
            season = season_of(date.month)
            year = (
                date.year - 1 if season == "WI" and date.month <= 2 else date.year
            )  # winter: the year it begins
            return Point(precision, year, season=season)
        if precision == "month":
            return Point(precision, date.year, date.month)
        if precision == "week":
            iso = date.isocalendar()
            return Point(precision, iso.year, week=iso.week)
        return Point("day", date.year, date.month, date.day)

    # Arithmetic -------------------------------------------------------------------------------------
    def shift(self, n: float, unit: str) -> Point:
        """The point ``n`` units later (earlier when ``n`` is negative), at its own precision.

        A unit finer than the point (five days after "April") moves it by whole steps of its own precision,
        rounded; a unit coarser than or equal to it moves it exactly.
        """
        if self.year is None and self.precision not in ("decade", "century", "millennium"):
            return self
        p = self.precision
        unit_precision = UNIT_PRECISION[unit]
        if finer(unit_precision, p):
            steps = round(n * UNIT_DAYS[unit] / _precision_days(p))
            return self._step(steps) if steps else self
        if unit == "FN":
            n, unit = 2 * n, "W"
        if unit == "WE":
            unit = "W"
        whole = int(n)
        if p in ("day", "hour", "minute"):
            date = self.date()
            assert date is not None
            if unit in ("S", "MIN", "H"):
                moment = dt.datetime(date.year, date.month, date.day, self.hour or 0, self.minute or 0)
                moment += dt.timedelta(days=n * UNIT_DAYS[unit])
                return replace(
                    self,
                    year=moment.year,
                    month=moment.month,
                    day=moment.day,
                    hour=moment.hour,
                    minute=moment.minute,
                )
            if unit in ("D", "W"):
                new = date + dt.timedelta(days=round(n * UNIT_DAYS[unit]))
            else:
                months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}[unit] * whole
                y, m = _add_months(date.year, date.month, months)
                new = _clamp_day(y, m, date.day)
            return replace(self, year=new.year, month=new.month, day=new.day)
        if p == "week":
            date = self.date()
            assert date is not None
            days = round(n * UNIT_DAYS[unit]) if unit in ("D", "W") else round(n * UNIT_DAYS[unit] / 7) * 7
            iso = (date + dt.timedelta(days=days)).isocalendar()
            return replace(self, year=iso.year, week=iso.week)
        if p == "month":
            months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit, 0) * whole
            y, m = _add_months(self.year or 0, self.month or 1, months)
            return replace(self, year=y, month=m)
        if p in ("quarter", "half", "season"):
            per_year = {"quarter": 4, "half": 2, "season": 4}[p]
            steps = {
                "Q": 1 if p != "half" else 0,
                "Y": per_year,
                "DE": 10 * per_year,
                "CE": 100 * per_year,
            }.get(unit, 0)
            if unit == "M":
                steps = round(n / (12 / per_year))
                whole = 1
            return self._step(steps * whole)
        if p == "year":
            years = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit, 0) * whole
            return replace(self, year=(self.year or 0) + years)
        if p == "decade" and self.decade is not None:
            return replace(self, decade=self.decade + {"DE": 1, "CE": 10, "ML": 100}.get(unit, 0) * whole)
        if p in ("century", "millennium") and self.century is not None:
            return replace(self, century=self.century + {"CE": 1, "ML": 10}.get(unit, 0) * whole)
        return self

    def _step(self, steps: int) -> Point:
        """Move by whole steps of the point's own precision."""
        p = self.precision
        if steps == 0:
            return self
        if p in ("day", "hour", "minute"):
            return self.shift(steps, "D")
        if p == "week":
            return self.shift(steps, "W")
        if p == "month":
            return self.shift(steps, "M")
        if p == "year":
            return self.shift(steps, "Y")
        if p == "quarter":
            index = (self.year or 0) * 4 + (self.quarter or 1) - 1 + steps
            return replace(self, year=index // 4, quarter=index % 4 + 1)
        if p == "half":
            index = (self.year or 0) * 2 + (self.half or 1) - 1 + steps
            return replace(self, year=index // 2, half=index % 2 + 1)
        if p == "season":
            index = (self.year or 0) * 4 + _SEASONS.index(self.season or "SP") + steps
            return replace(self, year=index // 4, season=_SEASONS[index % 4])
        if p == "decade" and self.decade is not None:
            return replace(self, decade=self.decade + steps)
        if self.century is not None:
            return replace(self, century=self.century + steps)
        return self


def _precision_days(precision: str) -> float:
    return {
        "minute": 1 / 1440,
        "hour": 1 / 24,
        "day": 1,
        "week": 7,
        "month": 30.44,
        "season": 91.3,
        "quarter": 91.3,
        "half": 182.6,
        "year": 365.25,
        "decade": 3652.5,
        "century": 36525,
        "millennium": 365250,
    }[precision]


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def thanksgiving(year: int) -> dt.date:
    """The fourth Thursday of November (United States)."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
