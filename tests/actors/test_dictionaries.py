"""User dictionaries: dyad's YAML and CSV formats, and PETRARCH/TABARI actor and agent files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import dyad
from dyad.knowledge.actors import KnowledgeError, knowledge
from tests.actors.conftest import actor_of

Write = Callable[[str, bytes | str], Path]

YAML = """
- name: Ruritania
  id: RRT
  type: state
  country: RRT
  sector: GOV
  aliases: [Kingdom of Ruritania]
- name: Rudolf Elphberg
  type: person
  country: RRT
  aliases: [King Rudolf]
  roles:
    - {title: King, office: head_of_state, country: RRT, sector: GOV, start: 2019-05-01, end: 2024-12-31}
- name: Zenda Liberation Front
  type: group
  country: RRT
  sector: REB
  aliases: [ZLF]
"""


def test_yaml_dictionary_adds_actors_and_dated_offices(write: Write) -> None:
    path = write("ruritania.yaml", YAML)
    text = (
        "Ruritania accused the Zenda Liberation Front of the attack. The king of Ruritania condemned the ZLF."
    )
    analysis = dyad.extract(text, date="2021-03-02", actors=(str(path),))
    assert actor_of(analysis, "Ruritania").actor_id == "RRT"
    group = actor_of(analysis, "Zenda Liberation Front")
    assert (group.actor_id, group.sector) == ("grp:zenda-liberation-front", "REB")
    assert actor_of(analysis, "ZLF") is group


def test_csv_dictionary_gives_one_row_per_role(write: Write) -> None:
    csv = (
        "id,name,type,country,sector,aliases,title,office,start,end\n"
        "per:anna-lind,Anna Lind,person,SWE,GOV,,Foreign Minister,foreign_minister,1998-10-07,2003-09-11\n"
    )
    path = write("people.csv", csv)
    kb = knowledge((path,))
    assert [
        t.name for t in kb.holders("SWE", "foreign_minister", __import__("datetime").date(2001, 1, 1))
    ] == ["Anna Lind"]


def test_petrarch_actor_and_agent_dictionaries_resolve(write: Write) -> None:
    actors = write(
        "mine.actors.txt",
        "<!-- a small dictionary written for the test -->\n"
        "ARNOR  [ARN]\n+ARNORIAN\nGONDOR [GON]\n+MINAS_TIRITH\n"
        "WHITE_COUNCIL\n\t[WCL < 20000101]\n\t[WCLGOV 20000102 - 20101231]\n",
    )
    agents = write("mine.agents.txt", "!PERSON! = MAN, MEN\nROYAL_ARCHIVE [~GOV]\nWATCHMEN {} [~COP]\n")
    text = "Envoys from Arnor reopened an embassy in Gondor this week, and both courts sent gifts to Minas Tirith."
    analysis = dyad.extract(text, date="2005-06-01", actors=(str(actors), str(agents)))
    assert actor_of(analysis, "Arnor").actor_id == "ARN"
    assert actor_of(analysis, "Gondor").actor_id == "GON"
    kb = knowledge((actors, agents))
    assert kb.dated_codes["WCL"][1] == ("WCLGOV", "2000-01-02", "2010-12-31")
    assert any(i.phrase == "watchmen" and i.sector == "COP" for i in kb.institutions)


def test_bad_dictionaries_are_refused_with_a_reason(write: Write, tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no such actor dictionary"):
        knowledge((tmp_path / "missing.yaml",))
    bad = write("bad.yaml", "- name: X\n  type: planet\n")
    with pytest.raises(KnowledgeError, match="type 'planet' is not one of"):
        knowledge((bad,))
    sector = write("sector.yaml", "- name: X\n  sector: XYZ\n")
    with pytest.raises(KnowledgeError, match="not a PLOVER sector"):
        knowledge((sector,))


def test_cli_reads_a_dictionary_and_reports_a_missing_one(
    cli: Callable[..., object], write: Write, tmp_path: Path
) -> None:
    from click.testing import Result

    path = write("ruritania.yaml", YAML)
    article = write("a.txt", "Ruritania closed its border on Monday, officials said.\n")
    result = cli("extract", str(article), "--actors", str(path), "--format", "jsonl", "--date", "2021-03-02")
    assert isinstance(result, Result) and result.exit_code == 0
    assert '"actor_id":"RRT"' in result.stdout
    missing = cli("extract", str(article), "--actors", str(tmp_path / "none.yaml"))
    assert isinstance(missing, Result) and missing.exit_code == 2


def test_petrarch_dated_codes_give_the_sector_of_the_date(write: Write) -> None:
    actors = write(
        "council.actors.txt",
        "WHITE_COUNCIL\n\t[WCL < 20000101]\n\t[WCLGOV 20000102 - 20101231]\n\t[WCLREB > 20110101]\n",
    )
    assert (
        actor_of(
            dyad.extract("The White Council met.", date="2005-06-01", actors=(str(actors),)), "White Council"
        ).sector
        == "GOV"
    )
    assert (
        actor_of(
            dyad.extract("The White Council met.", date="2012-06-01", actors=(str(actors),)), "White Council"
        ).sector
        == "REB"
    )
