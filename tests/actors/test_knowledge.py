from __future__ import annotations

import datetime as dt

from dyad.knowledge.actors import shipped, validate


def test_shipped_knowledge_is_consistent() -> None:
    assert validate(shipped()) == []


def test_every_un_member_and_observer_is_known_with_its_words() -> None:
    kb = shipped()
    members = [c for c in kb.countries.values() if c.status == "member"]
    assert len(members) == 193
    assert {"VAT", "PSE"} <= {c.iso3 for c in kb.countries.values() if c.status == "observer"}
    afghanistan = kb.countries["AFG"]
    assert "Afghan" in afghanistan.adjectives and "Kabul" in afghanistan.capitals
    assert kb.countries["SUN"].status == "historical" and kb.countries["SUN"].successor == "RUS"


def test_partially_recognised_entities_name_their_claimant() -> None:
    kb = shipped()
    assert kb.countries["XKX"].claimant == "SRB"
    assert {c.iso3 for c in kb.countries.values() if c.status == "partial"} >= {
        "ABK",
        "PMR",
        "NCY",
        "SML",
        "ESH",
    }


def test_blocs_list_their_members() -> None:
    kb = shipped()
    assert set(kb.entities["bloc:central-asia"].members) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert "RUS" in kb.entities["igo:csto"].members


def test_office_holders_change_with_the_date() -> None:
    kb = shipped()
    assert [t.name for t in kb.holders("USA", "head_of_state", dt.date(2018, 6, 1))] == ["Donald Trump"]
    assert [t.name for t in kb.holders("USA", "head_of_state", dt.date(2022, 6, 1))] == ["Joe Biden"]
    assert [t.name for t in kb.holders("RUS", "foreign_minister", dt.date(2025, 4, 20))] == ["Sergey Lavrov"]


def test_group_sector_changes_with_the_date() -> None:
    kb = shipped()
    taliban = kb.entities["grp:taliban"]
    assert kb.sector_at(taliban, dt.date(2019, 1, 1)) == "REB"
    assert kb.sector_at(taliban, dt.date(2023, 1, 1)) == "GOV"
