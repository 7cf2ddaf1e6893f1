"""Quality floors: minimum scores, pinned in a JSON file, that an evaluation must meet."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import ConfigurationError


@dataclass(frozen=True)
class FloorFailure:
    """A score below its floor."""

    name: str
    score: float
    floor: float

    def __str__(self) -> str:
        digits = 2
        while digits < 6 and f"{self.score:.{digits}f}" == f"{self.floor:.{digits}f}":
            digits += 1
        return f"{self.name} {self.score:.{digits}f} is below the floor {self.floor:.{digits}f}"


def _check_names(floors: Mapping[str, float], known: Iterable[str]) -> None:
    names = set(known)
    unknown = sorted(set(floors) - names)
    if unknown:
        raise ConfigurationError(
            f"unknown score in floors: {', '.join(unknown)} (known: {', '.join(sorted(names))})"
        )


def load_floors(path: str | Path, known: Iterable[str]) -> dict[str, float]:
    """A floors file: a JSON object of score names (among ``known``) to minimum values.

    Raises :class:`~dyad.errors.ConfigurationError` when the file is not one, or names an unknown score.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigurationError(f"{path}: not a readable JSON file of floors ({exc})") from exc
    if not isinstance(data, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in data.values()
    ):
        raise ConfigurationError(f"{path}: floors must be a JSON object of score names to numbers")
    floors = {str(k): float(v) for k, v in data.items()}
    _check_names(floors, known)
    return floors


def check_floors(metrics: Mapping[str, float], floors: Mapping[str, float]) -> list[FloorFailure]:
    """The scores under their floors; raises :class:`~dyad.errors.ConfigurationError` for an unknown name."""
    _check_names(floors, metrics)
    return [
        FloorFailure(name, metrics[name], floor) for name, floor in floors.items() if metrics[name] < floor
    ]
