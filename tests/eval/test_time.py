"""`dyad eval time` and evaluate_time on a tiny TimeML file; scores of the tagger itself are not asserted."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from dyad.errors import MalformedInputError
from dyad.eval import evaluate_time

Cli = Callable[..., Result]
Write = Callable[[str, bytes | str], Path]

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-06" functionInDocument="CREATION_TIME">March 6, 2025</TIMEX3></DCT>
<TEXT>
The foreign ministers of the two countries <EVENT eid="e1" class="OCCURRENCE">met</EVENT> in Geneva on <TIMEX3 tid="t1" type="DATE" value="2025-03-04">Tuesday</TIMEX3> to discuss the border dispute.
They agreed to meet again <TIMEX3 tid="t2" type="DATE" value="2025-04">next month</TIMEX3>, after talks that lasted <TIMEX3 tid="t3" type="DURATION" value="PT6H">six hours</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_json_gives_counts_and_scores(cli: Cli, write: Write) -> None:
    result = cli("eval", "time", str(write("gold/a.tml", TML).parent), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["documents"], data["skipped"], data["gold"]) == (1, 0, 3)
    for key in ("predicted", "strict_f1", "relaxed_precision", "relaxed_recall", "relaxed_f1"):
        assert key in data
    for key in ("type_accuracy", "value_accuracy", "type_f1", "value_f1"):
        assert 0.0 <= data[key] <= 1.0


def test_errors_option_adds_the_error_lists(cli: Cli, write: Write) -> None:
    result = cli("eval", "time", str(write("a.tml", TML)), "--format", "json", "--errors", "5")
    data = json.loads(result.stdout)
    assert isinstance(data["errors"], list)
    assert {s["shape"] for s in data["shapes"]} == {"dddd-dd-dd", "dddd-dd", "PTdH"}


def test_table_is_the_default(cli: Cli, write: Write) -> None:
    result = cli("eval", "time", str(write("a.tml", TML)))
    assert result.exit_code == 0
    assert "relaxed span" in result.stdout and "value" in result.stdout


def test_floor_not_met_exits_1_with_one_line_per_floor(cli: Cli, write: Write) -> None:
    floors = write("floors.json", '{"relaxed_f1": 1.01, "value_f1": 1.01}')
    result = cli("eval", "time", str(write("a.tml", TML)), "--format", "json", "--floors", str(floors))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("dyad: eval: relaxed_f1 ") and lines[0].endswith(" is below the floor 1.01")
    assert lines[1].startswith("dyad: eval: value_f1 ")


def test_floor_with_unknown_name_is_a_usage_error(cli: Cli, write: Write) -> None:
    floors = write("floors.json", '{"value": 0.5}')
    result = cli("eval", "time", str(write("a.tml", TML)), "--floors", str(floors))
    assert result.exit_code == 2 and "unknown score in floors: value" in result.stderr


def test_bad_file_is_reported_and_skipped(cli: Cli, write: Write) -> None:
    write("gold/a.tml", TML)
    write("gold/b.tml", "<TimeML><TEXT>broken")
    result = cli("eval", "time", str(write("gold/a.tml", TML).parent), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.startswith("dyad: error: ") and "b.tml: malformed XML" in result.stderr
    data = json.loads(result.stdout)
    assert (data["documents"], data["skipped"]) == (1, 1)


def test_evaluate_time_raises_input_errors_without_a_handler(write: Write) -> None:
    with pytest.raises(MalformedInputError):
        evaluate_time([write("b.tml", "<TimeML><TEXT>broken")])
