"""region, counties, regions and contacts as a user and a script see them: output, JSON and exit codes."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run


def test_region_by_county_shows_coordinators_and_support_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "region", "--county", "Skåne")
    assert code == 0, err
    assert "Region Syd – Blekinge, Kalmar, Kronoberg, Skåne" in out
    assert "Lisa Green" in out and "040-34 93 54, 073-435 27 92" in out and "lisa.green@malmö.se" in out
    assert "Sara Olsson" in out
    assert "020-39 00 00" in out and "112" in out and "114 14" in out
    assert "Datan: sidor lästa senast 2026-12-07; äldsta kontakten här från 2018" in out
    assert err == ""


def test_a_focus_is_shown_only_where_the_brochure_prints_one(capsys: pytest.CaptureFixture[str]) -> None:
    _, syd, _ = run(capsys, "region", "--county", "Skåne")
    assert "Lisa Green – uppgift från 2018" in syd and "alla ärenden" not in syd
    _, stockholm, _ = run(capsys, "region", "--county", "Stockholm")
    assert "Jenny Selenius (barn & unga)" in stockholm


def test_region_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--county", "Skane", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["query"] == {"typed": "Skane", "matched_as": "county", "how": "folded", "namesakes": []}
    assert data["county"]["iso_3166_2"] == "SE-M"
    assert data["county"]["region_source"]["doc"] == "004" and data["county"]["region_source"]["inferred"] is None
    assert data["region"]["id"] == "syd"
    assert [c["code"] for c in data["region"]["counties"]] == ["10", "08", "07", "12"]
    coordinators = data["region"]["coordinators"]
    assert [c["name"] for c in coordinators] == ["Lisa Green", "Sara Olsson"]
    assert coordinators[0]["emails"] == ["lisa.green@malmö.se"]
    assert coordinators[0]["as_of"] == "2018"
    assert coordinators[0]["source"]["doc"] == "004"
    assert data["support_line"]["number"] == "020-39 00 00"
    assert [n["number"] for n in data["urgent"]] == ["112", "114 14"]
    assert data["as_of"] == "2018"
    assert any("kontrollera med stödtelefonen" in n for n in data["notes"])
    assert data["data_as_of"] == {"pages_seen": "2026-12-07", "oldest_contact": "2018"}


def test_region_by_municipality(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--municipality", "Göteborgs stad", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["municipality"] == {"code": "1480", "name": "Göteborg"}
    assert data["region"]["id"] == "vast"
    focus = {c["name"]: c["focus"] for c in data["region"]["coordinators"]}
    assert focus["Petra Malmström"] == {"age": "any", "purpose": "sexual", "printed": "sexuella ändamål"}
    assert focus["Catrin Sandman"]["purpose"] == "other"


@pytest.mark.parametrize(("typed", "region", "other"), [("Habo", "Region Öst", "Håbo (kommun i Uppsala län)"),
                                                       ("håbo", "Region Mitt", "Habo (kommun i Jönköpings län)")])
def test_habo_and_habo_are_told_apart(capsys: pytest.CaptureFixture[str], typed: str, region: str,
                                      other: str) -> None:
    """An exact name wins, but whoever typed Habo on a keyboard without å meant another region."""
    code, out, _ = run(capsys, "region", "--municipality", typed)
    assert code == 0 and out.startswith(region)
    said = out.index(f"Obs: inte att förväxla med {other}.")
    assert out.index("Du angav") < said < out.index("Kontakter"), "right below what was typed, not at the end"
    data = json.loads(run(capsys, "region", "--municipality", typed, "--json")[1])
    assert data["query"]["namesakes"] == [other]
    assert f"Obs: inte att förväxla med {other}." in data["notes"]


def test_uppsala_says_its_region_is_inferred(capsys: pytest.CaptureFixture[str]) -> None:
    """The brochure leaves Uppsala out: its view says how the tool placed it; Gävleborg's, which the brochure
    lists, does not; the list of all regions does."""
    note = "Uppsala län: broschyren (2018) utelämnar länet; enligt Region Uppsala (2020) hör det till region"
    assert note in run(capsys, "region", "--county", "Uppsala")[1]
    assert "utelämnar" not in run(capsys, "region", "--county", "Gävleborg")[1]
    assert "utelämnar" not in run(capsys, "region", "--county", "Västerås")[1]
    assert note in run(capsys, "regions")[1]
    data = json.loads(run(capsys, "region", "--county", "Uppsala", "--json")[1])
    assert "polisens regioner" in data["county"]["region_source"]["inferred"]
    assert "29 september 2020" in data["county"]["region_source"]["elsewhere"], "the stated fact, with its date"
    assert any(n.startswith("Uppsala län: broschyren") for n in data["notes"])


def test_a_municipality_given_to_county_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--county", "Lund")
    assert code == 0
    assert "Lund är en kommun i Skåne län." in out


def test_region_ost_gives_the_support_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--county", "Jönköping")
    assert code == 0
    assert "Region Öst har regionkoordinatorer sedan september 2018" in out
    assert "Uppgift från 2018-09, äldre än 2 år: kontrollera att den gäller." in out
    assert out.count("Stödtelefonen för yrkesverksamma (NMT): 020-39 00 00") == 1, "named once"
    assert "Kontakt: Stödtelefonen för yrkesverksamma" in out
    assert "Om koordinatorerna: A1. Not: Broschyren (004, KONTAKT – Region Öst, 2018)" in out, "the newer fact's source"
    assert "A1: annan källa än källdokumenten – NMT:s nyhet" in out, "cited as every view cites"
    data = json.loads(run(capsys, "region", "--county", "Jönköping", "--json")[1])
    assert data["region"]["no_coordinator"]["as_of"] == "2018-09" and data["region"]["no_coordinator"]["stale"]


def test_region_syd_gives_its_shared_number_beside_the_brochures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--county", "Malmö")
    assert code == 0 and "Lisa Green" in out
    assert "Regionkoordinatorerna i Region Syd (Malmö stad): 020-35 40 40" in out
    assert out.index("020-35 40 40") < out.index("Lisa Green"), "the newer number before the brochure's names"
    assert "Odaterad uppgift, sedd 2026: kontrollera att den gäller." in out
    data = json.loads(run(capsys, "region", "--county", "Malmö", "--json")[1])
    assert [(n["number"], n["seen"], n["as_of"]) for n in data["region"]["numbers"]] == [("020-35 40 40", "2026", None)]


def test_uppsala_goes_to_mitt(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "region", "--county", "SE-C", "--json")
    data = json.loads(out)
    assert code == 0 and data["region"]["id"] == "mitt"
    uppsala = next(c for c in data["region"]["counties"] if c["code"] == "03")
    assert uppsala["name"] == "Uppsala län"


def test_unknown_county_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "region", "--county", "Skanee")
    assert code == 2
    assert out == ""
    assert err == "mhstod: Okänt län 'Skanee'. Menade du Skåne län?\n"


def test_ambiguous_place_is_exit_2_listing_both(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "region", "--municipality", "Habö", "--json")
    assert code == 2
    assert "Habo (kommun i Jönköpings län)" in err and "Håbo (kommun i Uppsala län)" in err
    assert err.count("\n") == 1


def test_region_needs_exactly_one_place(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "region")
    assert code == 2 and "Ange ett län eller en kommun, en gång: mhstod region Skåne" in err
    code, _, err = run(capsys, "region", "--county", "Skåne", "--municipality", "Lund")
    assert code == 2


def test_unknown_option_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "region", "--country", "Skåne")
    assert code == 2
    assert "Traceback" not in err


def test_counties(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "counties", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["counties"]) == 21
    first = data["counties"][0]
    assert {k: v for k, v in first.items() if k != "region_source"} == {
        "code": "01", "name": "Stockholms län", "short_name": "Stockholm", "iso_3166_2": "SE-AB", "region": "stockholm"}
    assert (first["region_source"]["doc"], first["region_source"]["section"]) == ("004", "KONTAKT – Region Stockholm")
    code, out, _ = run(capsys, "counties")
    assert code == 0 and "Västra Götalands län" in out and "SE-O" in out


def test_regions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--json")
    data = json.loads(out)
    assert code == 0 and [r["id"] for r in data["regions"]] == [
        "bergslagen", "stockholm", "mitt", "nord", "syd", "vast", "ost"]
    code, out, _ = run(capsys, "regions")
    assert "Region Mitt – Västmanland, Gävleborg, Uppsala" in out
    assert "enligt Region Uppsala (2020)" in out


def test_contacts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "contacts")
    assert code == 0
    for expected in ("112", "114 14", "020-39 00 00", "Mia Schyberg", "Eva Norlin", "Jenny Selenius"):
        assert expected in out
    data = json.loads(run(capsys, "contacts", "--json")[1])
    names = [c["name"] for r in data["regions"] for c in r["coordinators"]]
    assert len(names) == 11


