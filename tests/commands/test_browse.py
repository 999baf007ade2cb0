"""Looking things up between cases and teaching: process, actors, actor, search, lag."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert "Om ålder: barn (under 18 år) och hemland: ett annat EU/EES-land eller Schweiz:" in " ".join(out.split()), \
        "labels keep their capitals"
    assert "Vem agerar: Socialtjänsten" in out


def test_process_json_and_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "process", "--json")[1])
    assert [s["number"] for s in data["steps"]] == [1, 2, 3, 4, 5, 6]
    assert all(a["placement"] for s in data["steps"] for d in s["decisions"] for a in d["actions"])
    code, out, _ = run(capsys, "process", "--mermaid")
    assert code == 0 and out.startswith("flowchart TD")
    assert "danger -->|Ja| call112" in out and "s5 --> s6" in out
    assert max(map(len, _labels(out))) <= 40, "wrapped: one line of 226 characters made the chart 8,259 px wide"
    assert run(capsys, "process", "--mermaid", "--json")[::2] == (2, "mhstod: Välj antingen --mermaid eller --json.\n")


def _labels(chart: str) -> list[str]:
    """Every line of every label in a Mermaid chart: the text in [""], {""}, ([""]) and |edge|."""
    import re

    found = re.findall(r'"([^"]*)"|\|([^|]*)\|', chart)
    return [part for pair in found for text in pair if text for part in text.split("<br/>")]


STEPS = ["Identifiering", "Akut skydd", "Inledande stöd", "Långsiktigt stöd", "Straffrättsligt förfarande",
         "Ett tryggt återvändande"]


@pytest.mark.parametrize("argv", [("process", "3"), ("process", "--step", "3"), ("process", "inledande stöd"),
                                  ("process", "Inledande"), ("process", "3", "--step", "3")])
def test_one_step_is_shown_alone(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0, out
    assert "Steg 3. Inledande stöd" in out and "Vem agerar:" in out
    assert not any(f"Steg {n}. {STEPS[n - 1]}" in out for n in (1, 2, 4, 5, 6))
    assert "Nästa steg: mhstod process 4" in out


def test_one_step_as_json_and_as_a_small_chart(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "process", "6", "--json")[1])
    assert [s["name"] for s in data["steps"]] == ["Ett tryggt återvändande"]
    code, chart, _ = run(capsys, "process", "--step", "2", "--mermaid")
    assert code == 0 and chart.startswith("flowchart TD s2[")
    assert "s1" not in chart and "s3" not in chart and "call112" not in chart
    assert "Socialtjänsten" in chart and max(map(len, _labels(chart))) <= 40


@pytest.mark.parametrize(("argv", "said"), [
    (("process", "7"), "Okänt steg '7'. Stegen är 1 Identifiering, 2 Akut skydd, 3 Inledande stöd, "
                       "4 Långsiktigt stöd, 5 Straffrättsligt förfarande, 6 Ett tryggt återvändande."),
    (("process", "0"), "Okänt steg '0'."),
    (("process", "stöd"), "Flera steg passar 'stöd'"),  # steps 3 and 4 are about support: none is guessed
    (("process", "2", "--step", "3"), "Ange steget en gång: som STEG eller med --step."),
    (("process", "2", "--overview"), "Välj antingen --overview eller ett steg."),
])
def test_a_step_that_is_not_one_is_one_line(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                                            said: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(f"mhstod: {said}") and err.count("\n") == 1


def test_the_overview_fits_a_slide(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--plain", "process", "--overview")
    assert code == 0 and len(out.splitlines()) <= 25
    assert all(f"Steg {n}. {name}" in out for n, name in enumerate(STEPS, 1))
    assert "Akut fara? Ring 112" in out
    assert "Svar som avgör här: Ålder, Hemland, Rätt att vistas i Sverige, Behov" in out  # steg 2
    assert "Din roll" not in out, "the user's role decides whose tasks are shown, not the person's route"
    data = json.loads(run(capsys, "process", "--overview", "--json")[1])
    assert [q["question"] for q in data["steps"][5]["decided_by"]] == ["age", "origin", "return_home"]


def test_the_overview_chart_is_small(capsys: pytest.CaptureFixture[str]) -> None:
    code, chart, _ = run(capsys, "process", "--overview", "--mermaid")
    assert code == 0 and chart.startswith("flowchart TD")
    labels = _labels(chart)
    assert all(len(label) < 40 for label in labels), labels
    diamonds = chart.count('{"')
    assert diamonds <= 10, "the six steps and the few decisions that route between them"
    assert all(f"s{n}[" in chart for n in range(1, 7)) and "s5 --> s6" in chart
    assert {"Ålder?", "Rätt att vistas i Sverige?", "Återvändande?", "Akut fara?"} <= set(labels)
    assert chart.count('"Ålder?"') == 1, "each decision once"


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


@pytest.mark.parametrize("typed", ["koppleri", "KOPPLERI", "Koppl", " koppleri "])
def test_one_law_by_name(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    code, out, _ = run(capsys, "lag", typed)
    assert code == 0 and "6 kap. 12 § brottsbalken" in out
    assert "4 kap. 1 a §" not in out and "Köp av sexuell handling" not in out
    data = json.loads(run(capsys, "lag", "köp av sexuell tjänst", "--json")[1])
    assert [law["id"] for law in data["laws"]] == ["kop-av-sexuell-tjanst"]


@pytest.mark.parametrize("typed", ["köp av sexuell handling", "köp av sexuell tjänst", "Kop av sexuell tjanst",
                                   "köp av sexuell h"])
def test_the_renamed_offence_is_found_by_both_names(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    """Renamed on 1 July 2025 (prop. 2024/25:124): a caseworker may know either name."""
    code, out, _ = run(capsys, "lag", typed)
    text = " ".join(out.split())
    assert code == 0 and "Köp av sexuell handling (6 kap. 11 § brottsbalken)" in text
    assert "tidigare köp av sexuell tjänst" in text and "broschyrens lydelse från 2018" in text
    assert "prop. 2024/25:124" in text.casefold() or "Prop. 2024/25:124" in text
    data = json.loads(run(capsys, "lag", typed, "--json")[1])
    assert data["laws"][0]["name"] == "Köp av sexuell handling"
    assert data["laws"][0]["former_names"] == ["Köp av sexuell tjänst"]


@pytest.mark.parametrize(("typed", "said"), [
    ("kop", "Okänd lag 'kop'. Menade du Koppleri eller Köp av sexuell handling?"),
    ("xx", "Okänd lag 'xx'. Välj bland: Människohandel, Människoexploatering, Koppleri, Köp av sexuell "
           "handling."),
    ("människohandell", "Okänd lag 'människohandell'. Menade du Människohandel"),
])
def test_an_unknown_law_is_one_line(capsys: pytest.CaptureFixture[str], typed: str, said: str) -> None:
    code, out, err = run(capsys, "lag", typed)
    assert code == 2 and out == "" and err.startswith(f"mhstod: {said}")


def test_a_search_that_finds_nothing_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "search", "xyzzy") == (0, "Inga träffar för 'xyzzy'.", "")
    assert json.loads(run(capsys, "search", "xyzzy", "--json")[1])["hits"] == []


def test_search_names_questions_by_their_titles_not_their_ids(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "search", "uppehållstillstånd")[1]
    assert "Fråga: Rätt att vistas i Sverige" in out
    assert "Fråga: residence" not in out
    assert run(capsys, "search", "residence")[1] == "Inga träffar för 'residence'."


@pytest.mark.parametrize("command", ["lag", "process"])
def test_a_local_folder_acts_on_the_law_and_the_process_too(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            command: str) -> None:
    """Both cite the sources, which a local folder can add to, and process names actors, which it can correct:
    the option stays, and the folder is read (a local file that would re-title a source document is refused)."""
    (tmp_path / "sources.yaml").write_text(
        'documents:\n  - id: "004"\n    short: "Broschyren"\n    file: 004_31549bb2a0d6a5f9.txt\n'
        '    title: "Broschyren, rättad lokalt"\n    publisher: "Jämställdhetsmyndigheten"\n    date: "2026"\n',
        encoding="utf-8")
    assert "--data-dir" in run(capsys, command, "-h")[1]
    code, out, err = run(capsys, command, "--data-dir", str(tmp_path))
    assert code == 1 and out == "" and "'004' är ett av källdokumenten och kan inte ersättas lokalt" in err


@pytest.mark.parametrize("width", [80, 81, 100, 200])
def test_a_long_local_actor_name_folds_and_the_role_stays(knowledge: Knowledge, width: int) -> None:
    """A municipality's overlay may name an actor at length; the role column must not vanish for it."""
    import io

    from rich.console import Console

    from mhstod.record import replace
    from mhstod.render import rich

    first = replace(knowledge.actors[0], name="Socialtjänsten i " + "Långnamnskommun" * 4)
    local = replace(knowledge, actors=(first, *knowledge.actors[1:]))
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(rich.actors(local))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert max(len(line) for line in out.splitlines()) <= width
    assert "…" not in out, "the long name folds, nothing is cut"
    cells = [line.split("│")[3].strip() for line in out.splitlines() if line.count("│") == 4]
    assert "skyddsprocessen." in " ".join(cells), "the first actor's role is all there"


def test_the_law_on_trafficking_says_what_is_coming_as_of_the_day_it_was_seen(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The EU amendment and the Swedish inquiry, dated by the day the pages were read, so they cannot go stale
    silently; forced marriage as it stands (äktenskapstvång)."""
    code, out, _ = run(capsys, "lag", "människohandel")
    text = " ".join(out.split())
    assert code == 0
    assert "På väg, enligt sidor sedda 2026-12-07" in text and "2024/1712" in text and "SOU 2025:119" in text
    assert "Kontrollera vad som gäller i dag" in text
    assert "äktenskapstvång (4 kap. 4 c § brottsbalken" in text
