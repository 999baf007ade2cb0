"""Looking things up between cases and teaching: process, actors, actor, search, lag."""

from __future__ import annotations

import json

import pytest

from mhstod.lookups import find_actor
from mhstod.model import Knowledge
from tests.helpers import run


@pytest.mark.parametrize(("typed", "expected"), [
    ("polisen", "polismyndigheten"), ("Polismyndigheten", "polismyndigheten"), ("UD", "utrikesdepartementet"),
    ("migrationsverket", "migrationsverket"), ("MIGRATIONSVERKET", "migrationsverket"), ("RIO", "aklagarmyndigheten"),
    ("KST", "evonhuset"), ("nspm", "jamstalldhetsmyndigheten"),
    ("Jamstalldhetsmyndigheten", "jamstalldhetsmyndigheten"),
    ("IOM", "iom"), ("regionkoordinator", "regionkoordinatorerna"), ("socialtjänst", "socialtjansten"),
])
def test_forgiving_actor_names(knowledge: Knowledge, typed: str, expected: str) -> None:
    assert find_actor(knowledge, typed).id == expected


def test_actor_shows_duties_reach_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "actor", "UD")
    assert code == 0
    assert "Svarar på om Bryssel II-förordningen" in out and "(barn)" in out
    assert "UC-KC" in out
    assert "000: Socialstyrelsen" in out


def test_actor_without_a_number_says_how_the_sources_reach_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "actor", "mikamottagningen")
    assert code == 0 and "fråga regionkoordinatorn eller stödtelefonen" in out
    data = json.loads(run(capsys, "actor", "mikamottagningen", "--json")[1])
    assert data["actor"]["contact"]["numbers"] == []


def test_actor_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "actor", "polisen", "--json")[1])["actor"]
    assert data["id"] == "polismyndigheten"
    assert [n["number"] for n in data["contact"]["numbers"]] == ["114 14", "112"]
    assert any(r["for"] == "child" for r in data["responsibilities"])


def test_unknown_actor_is_exit_2_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "actor", "polisn")
    assert code == 2 and out == ""
    assert err == "mhstod: Okänd aktör 'polisn'. Menade du Polismyndigheten?\n"


def test_actors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "actors")
    assert code == 0 and "┃ Aktör ┃ Slag ┃ Roll ┃" in out, "a table: actor, kind, role"
    assert "│ Skatteverket │ Statlig myndighet │ Ingår i NMT" in out
    code, out, _ = run(capsys, "--plain", "actors")
    assert code == 0 and "Skatteverket – Statlig myndighet" in out and "┃" not in out
    data = json.loads(run(capsys, "actors", "--json")[1])
    assert {"id": "iom", "kind": "internationell"}.items() <= data["actors"][[a["id"] for a in data["actors"]]
                                                                             .index("iom")].items()


def test_process_shows_steps_and_decision_points(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "process")
    assert code == 0
    for number, name in enumerate(["Identifiering", "Akut skydd", "Inledande stöd", "Långsiktigt stöd",
                                   "Straffrättsligt förfarande", "Ett tryggt återvändande"], start=1):
        assert f"Steg {number}. {name}" in out
    assert "Om ålder: barn (under 18 år):" in out
    assert "Om personen kan sakna rätt att vistas i Sverige eller din roll: migrationsverket:" in \
        " ".join(out.split()), "named conditions in words; no parentheses around a whole condition"
    assert "Om ålder: barn (under 18 år) och hemland: ett annat EU-land:" in " ".join(out.split()), \
        "labels keep their capitals"
    assert "Vem agerar: Socialtjänsten" in out


def test_process_json_and_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "process", "--json")[1])
    assert [s["number"] for s in data["steps"]] == [1, 2, 3, 4, 5, 6]
    assert all(a["placement"] for s in data["steps"] for d in s["decisions"] for a in d["actions"])
    code, out, _ = run(capsys, "process", "--mermaid", "--json")
    assert code == 0 and out.startswith("flowchart TD")
    assert "danger -->|Ja| call112" in out and "s5 --> s6" in out


@pytest.mark.parametrize(("term", "expected"), [
    ("betänketid", "Socialtjänsten – uppgift"), ("BETANKETID", "Migrationsverket – uppgift"),
    ("LVU", "Förvaltningsrätten"), ("iom", "Aktör: IOM"), ("tiggeri", "Lag: Människoexploatering"),
])
def test_search(capsys: pytest.CaptureFixture[str], term: str, expected: str) -> None:
    code, out, _ = run(capsys, "search", term)
    assert code == 0 and expected in out


def test_search_json_and_short_term(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "search", "UC-KC", "--json")[1])
    assert data["hits"] and all("UC-KC" in h["text"] for h in data["hits"])
    code, _, err = run(capsys, "search", "x")
    assert code == 2 and "minst två tecken" in err


def test_lag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lag")
    assert code == 0
    for expected in ("4 kap. 1 a § brottsbalken", "4 kap. 1 b § brottsbalken", "6 kap. 12 § brottsbalken",
                     "6 kap. 11 § brottsbalken", "kontrollera nuvarande lydelse"):
        assert expected.casefold() in out.casefold()
    data = json.loads(run(capsys, "lag", "--json")[1])
    assert [law["id"] for law in data["laws"]] == ["manniskohandel", "manniskoexploatering", "koppleri",
                                                  "kop-av-sexuell-tjanst"]
    assert data["laws"][3]["notes"][0]["source"]["elsewhere"]


@pytest.mark.parametrize("width", [80, 81, 100, 200])
def test_a_long_local_actor_name_folds_and_the_role_stays(knowledge: Knowledge, width: int) -> None:
    """A municipality's overlay may name an actor at length; the role column must not vanish for it."""
    import dataclasses
    import io

    from rich.console import Console

    from mhstod.render import rich

    first = dataclasses.replace(knowledge.actors[0], name="Socialtjänsten i " + "Långnamnskommun" * 4)
    local = dataclasses.replace(knowledge, actors=(first, *knowledge.actors[1:]))
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(rich.actors(local))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert max(len(line) for line in out.splitlines()) <= width
    assert "…" not in out, "the long name folds, nothing is cut"
    cells = [line.split("│")[3].strip() for line in out.splitlines() if line.count("│") == 4]
    assert "skyddsprocessen." in " ".join(cells), "the first actor's role is all there"
