from __future__ import annotations

from dyad.knowledge.actors import shipped
from dyad.knowledge.places import distance_km, gazetteer


def test_every_country_has_a_point_inside_the_map() -> None:
    gaz = gazetteer(shipped())
    assert set(gaz.countries) == set(shipped().countries)
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in gaz.countries.values())


def test_city_names_find_every_namesake_with_its_country() -> None:
    gaz = gazetteer(shipped())
    assert {e.country for e in gaz.lookup("Tripoli") if e.feature == "city"} >= {"LBY", "LBN"}
    assert any(e.feature == "admin1" for e in gaz.lookup("Helmand province"))


def test_great_circle_distance() -> None:
    assert round(distance_km(51.5074, -0.1278, 48.8566, 2.3522)) in range(340, 346)  # London-Paris
