"""Matching what people type to a county: every county and municipality, every accepted form."""

from __future__ import annotations

import time
import unicodedata

import pytest

from mhstod.errors import AmbiguousPlace, UnknownPlace
from mhstod.model import Knowledge
from mhstod.places import Gazetteer
from tests.helpers import read_csv

COUNTIES = read_csv("counties.csv")
MUNICIPALITIES = read_csv("municipalities.csv")
COUNTY_NAME = {c["code"]: c["name"] for c in COUNTIES}

# The regions as the brochure (004, KONTAKT) prints them, plus Uppsala in Mitt (police region Mitt).
REGION_OF = {
    "20": "bergslagen", "17": "bergslagen", "18": "bergslagen",
    "01": "stockholm", "09": "stockholm",
    "19": "mitt", "21": "mitt", "03": "mitt",
    "23": "nord", "25": "nord", "24": "nord", "22": "nord",
    "10": "syd", "08": "syd", "07": "syd", "12": "syd",
    "14": "vast", "13": "vast",
    "04": "ost", "05": "ost", "06": "ost",
}


def strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def county_spellings(row: dict[str, str]) -> list[str]:
    name, short = row["name"], row["short_name"]
    spellings = [name, short, f"{short} län", name.lower(), short.upper(), f"  {short}  ",
                 strip_diacritics(name), strip_diacritics(short), strip_diacritics(f"{short} län").lower(),
                 row["iso_3166_2"], row["iso_3166_2"].lower(), row["code"]]
    genitive = short if short.endswith("s") else short + "s"
    spellings.append(f"{genitive} län")
    return spellings


@pytest.mark.parametrize("row", COUNTIES, ids=lambda r: r["short_name"])
def test_every_county_under_every_spelling(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    for typed in county_spellings(row):
        match = gazetteer.find(typed)
        assert match.place.kind == "county", typed
        assert match.place.county.code == row["code"], typed
        assert match.place.county.region == REGION_OF[row["code"]], typed


def test_every_county_is_in_the_expected_region(gazetteer: Gazetteer) -> None:
    assert {c["code"] for c in COUNTIES} == set(REGION_OF)


@pytest.mark.parametrize("row", MUNICIPALITIES, ids=lambda r: r["code"])
def test_every_municipality_resolves_to_its_county(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    name = row["name"]
    for typed in (name, name.upper(), f"{name} kommun", row["code"]):
        match = gazetteer.find(typed, prefer="municipality")
        assert match.place.county.code == row["county_code"], typed
        assert match.place.county.region == REGION_OF[row["county_code"]], typed
        if name not in {c["short_name"] for c in COUNTIES} or typed != name:
            assert match.place.municipality is not None and match.place.municipality.code == row["code"], typed
    folded = strip_diacritics(name)
    if folded.lower() not in {"habo"}:
        assert gazetteer.find(folded, prefer="municipality").place.county.code == row["county_code"]


def test_official_forms(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("Lunds kommun").place.municipality.name == "Lund"  # type: ignore[union-attr]
    assert gazetteer.find("Göteborgs stad").place.municipality.name == "Göteborg"  # type: ignore[union-attr]
    assert gazetteer.find("Goteborgs Stad").place.county.code == "14"
    assert gazetteer.find("Malmö stad").place.county.region == "syd"
    gotland = gazetteer.find("Region Gotland", prefer="municipality").place
    assert gotland.municipality is not None and gotland.municipality.name == "Gotland"
    assert gazetteer.find("Region Gotland").place.county.code == "09"


@pytest.mark.parametrize("row", [m for m in MUNICIPALITIES if m["name"].endswith("s")], ids=lambda r: r["name"])
def test_names_ending_in_s_keep_their_s(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    for typed in (row["name"], f"{row['name']} kommun", f"{row['name']} stad"):
        place = gazetteer.find(typed, prefer="municipality").place
        assert place.municipality is not None and place.municipality.code == row["code"], typed


def test_there_are_21_names_ending_in_s() -> None:
    assert len([m for m in MUNICIPALITIES if m["name"].endswith("s")]) == 21


def test_a_municipality_given_as_county_resolves_and_says_so(gazetteer: Gazetteer) -> None:
    match = gazetteer.find("Lund", prefer="county")
    assert match.place.kind == "municipality"
    assert match.place.label == "Lund (kommun i Skåne län)"


def test_a_name_that_is_both_prefers_what_was_asked(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("Stockholm", prefer="county").place.kind == "county"
    assert gazetteer.find("Stockholm", prefer="municipality").place.kind == "municipality"
    assert gazetteer.find("Uppsala", prefer="county").place.county.region == "mitt"


def test_exact_spelling_beats_a_match_without_diacritics(gazetteer: Gazetteer) -> None:
    habo = gazetteer.find("Habo", prefer="municipality")
    hobo = gazetteer.find("Håbo", prefer="municipality")
    assert (habo.place.county.code, habo.how) == ("06", "exact")
    assert (hobo.place.county.code, hobo.how) == ("03", "exact")
    assert habo.place.county.region == "ost" and hobo.place.county.region == "mitt"


def test_a_folded_match_that_fits_two_places_is_not_guessed(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousPlace) as caught:
        gazetteer.find("Habö kommun", prefer="municipality")
    assert caught.value.candidates == ("Habo (kommun i Jönköpings län)", "Håbo (kommun i Uppsala län)")


def test_only_habo_and_hobo_collide(gazetteer: Gazetteer) -> None:
    collisions = {k for k, places in gazetteer.folded.items() if len({p.county.code for p in places}) > 1}
    assert collisions and all(k.startswith("habo") for k in collisions)


def test_unknown_county_suggests_the_closest(gazetteer: Gazetteer) -> None:
    with pytest.raises(UnknownPlace) as caught:
        gazetteer.find("Skånee")
    assert str(caught.value).startswith("Okänt län 'Skånee'. Menade du Skåne län")
    assert caught.value.suggestions[0] == "Skåne län"


def test_a_coordinator_region_is_not_a_county(gazetteer: Gazetteer) -> None:
    with pytest.raises(UnknownPlace, match="Region Syd är en av regionkoordinatorernas regioner"):
        gazetteer.find("Region Syd")


@pytest.mark.parametrize("typed", ["", "   ", "\x00", "Skåne" * 10_000, "ä" * 1_000_000, "🙂", "DROP TABLE",
                                   "-1", "1.2", "(12)", "SE-12-"])
def test_junk_is_unknown_quickly(gazetteer: Gazetteer, typed: str) -> None:
    started = time.perf_counter()
    with pytest.raises(UnknownPlace) as caught:
        gazetteer.find(typed)
    assert time.perf_counter() - started < 1.0
    assert len(str(caught.value)) < 300


def test_the_index_without_diacritics_is_built_only_after_an_exact_miss(knowledge: Knowledge) -> None:
    """Its docstring said so, but find() built it for every look-up (~5 ms of each `region`)."""
    fresh = Gazetteer(knowledge)
    assert fresh.find("Skåne").how == "exact" and "folded" not in vars(fresh)
    assert fresh.find("Skane").how == "folded" and "folded" in vars(fresh)
