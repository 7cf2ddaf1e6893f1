"""The time lexicon (``data/lexicon.json``), loaded once."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    holidays: dict[str, str]
    set_adverbs: dict[str, str]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]

    def unit(self, word: str) -> str | None:
        """The unit code of a unit word, singular or plural: ``years`` -> ``Y``."""
        word = word.lower()
        return self.units.get(self.unit_plurals.get(word, word))

    def number(self, words: str) -> float | None:
        """The value of a number in words or digits: ``twenty-five``, ``two and a half``, ``18``; ``None``
        for a vague amount (``several``)."""
        text = " ".join(words.lower().replace("-", " ").replace("½", " 1/2").split())
        if not text:
            return None
        if text in self.numbers:
            return self.numbers[text]
        try:
            return float(text.replace(",", ""))
        except ValueError:
            pass
        total, group = 0.0, 0.0
        for part in text.replace(" and a half", " +half").split():
            if part in ("+half", "1/2"):
                group += 0.5
            elif part in ("hundred", "thousand") and group:
                # "two hundred", "three thousand": a multiplier, not a sum
                group *= self.numbers[part]
                if part == "thousand":
                    total, group = total + group, 0.0
            elif part in self.numbers:
                group += self.numbers[part]
            elif part == "and":
                continue
            else:
                try:
                    group += float(part)
                except ValueError:
                    return None
        return (total + group) or None

    def spelled_year(self, words: str) -> int | None:
        """The year of a year in words: ``nineteen ninety-four`` -> 1994, ``two thousand and one`` -> 2001."""
        parts = [
            w for w in words.lower().replace("-", " ").split() if w not in ("the", "year", "hundred", "and")
        ]
        if parts[:2] == ["two", "thousand"]:
            rest = " ".join(parts[2:])
            return 2000 + int(self.number(rest) or 0) if rest else 2000
        centuries = {"eighteen": 18, "nineteen": 19, "twenty": 20}
        if len(parts) < 2 or parts[0] not in centuries:
            return None
        tens = self.number(" ".join(parts[1:]))
        return centuries[parts[0]] * 100 + int(tens) if tens is not None and tens < 100 else None


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("dyad.time").joinpath("data/lexicon.json").read_text("utf-8")
    )
    raw.pop("_about", None)
    for key in ("vague_numbers", "present_ref", "past_ref", "future_ref"):
        raw[key] = tuple(raw[key])
    return Lexicon(**raw)
