"""Shared fixtures: the bundled sample articles, a CLI runner, and small inputs written per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dyad.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the dyad command line in-process; standard output and standard error are kept apart."""
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write a file under the test's temporary folder and return its path."""

    def make(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return make


ARTICLE = (
    "Kazakhstan and Uzbekistan sign water accord\n\n"
    "By Jane Roe\n\n"
    "The foreign ministers of Kazakhstan and Uzbekistan signed an agreement on sharing the water of the "
    "Syr Darya in Tashkent on Tuesday, officials said. Murat Nurtleu, Kazakhstan's foreign minister, "
    "called the accord a turning point for the region.\n\n"
    "Talks on the river began in 2019 and stalled for three years before resuming last spring.\n"
)
