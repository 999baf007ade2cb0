"""Teaching cases: each plays through the engine and contains the contacts written for it by hand."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from mhstod.answers import from_mapping
from mhstod.commands.main import main
from mhstod.engine import build_checklist
from mhstod.load import load
from mhstod.load.scenarios import read_scenarios, scenarios_for
from mhstod.model import Knowledge
from tests.helpers import run

IDS = [s.id for s in scenarios_for(load())]


def test_at_least_eight_cases(knowledge: Knowledge) -> None:
    assert len(scenarios_for(knowledge)) >= 8


@pytest.mark.parametrize("scenario_id", IDS)
def test_case_plays_through_the_engine(knowledge: Knowledge, scenario_id: str) -> None:
    scenario = next(s for s in scenarios_for(knowledge) if s.id == scenario_id)
    answers = from_mapping(knowledge, dict(scenario.answers))
    assert not answers.warnings
    checklist = build_checklist(knowledge, answers)
    names = [c.name for c in checklist.contacts]
    actors = {c.actor for c in checklist.contacts} | {i.actor for s in checklist.steps for i in s.items}
    for expected in scenario.key_contacts:
        assert expected in names, (expected, names)
    for actor in scenario.key_actors:
        assert actor in actors, actor
    for actor in scenario.not_contacts:
        assert actor not in {c.actor for c in checklist.contacts}, actor
    for name in scenario.not_contact_names:
        assert name not in names, name
    if scenario.first_now_number:
        assert checklist.now[0].number is not None and checklist.now[0].number.number == scenario.first_now_number
    assert all(note.source.doc or note.source.elsewhere for note in scenario.notes)


def test_list_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenario", "list")
    assert code == 0 and "romania-malmo: 15-åring från Rumänien som tigger i Malmö" in out
    data = json.loads(run(capsys, "scenario", "list", "--json")[1])
    assert [s["id"] for s in data["scenarios"]] == IDS


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenario", "show", "ROMANIA-MALMO")
    assert code == 0
    assert "En fältassistent i Malmö" in out and "Bryssel II" in out and "Lisa Green" in out
    data = json.loads(run(capsys, "scenario", "show", "romania-malmo", "--json")[1])
    assert data["scenario"]["answers"]["age"] == "child"
    assert data["checklist"]["region"]["id"] == "syd"


def test_unknown_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scenario", "show", "romania-malmoo")
    assert code == 2 and "Menade du romania-malmo?" in err


def test_bad_case_in_the_data_is_an_error_with_place(knowledge: Knowledge) -> None:

    import yaml

    from mhstod.errors import DataError
    from mhstod.load import data_folder

    data = yaml.safe_load((data_folder() / "scenarios.yaml").read_text(encoding="utf-8"))
    data["scenarios"][1]["answers"]["age"] = "teenager"
    with pytest.raises(DataError, match=r"^data/scenarios.yaml: scenarios\[1\].answers: Ogiltigt svar på 'age'"):
        read_scenarios(yaml.safe_dump(data, allow_unicode=True), knowledge)


def test_play_without_a_terminal_prints_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenario", "play", "akut-fara-orebro")
    assert code == 0
    assert "Fråga 1 av" in out and "Svar: Ja" in out and "Varför det spelar roll" in out
    assert "☐ Svar" not in out, "an answer is not a to-do"
    assert "Ring 112 nu" in out


@pytest.mark.parametrize(("name", "said", "not_said"), [
    ("goteborg-hemresa", "Varför det spelar roll: En vuxen bestämmer själv om polisanmälan.", "För ett barn"),
    ("barn-brott-stockholm", "Varför det spelar roll: För ett barn avgör inte barnets önskan ensam", "En vuxen"),
])
def test_play_explains_each_answer_for_the_case_at_hand(capsys: pytest.CaptureFixture[str], name: str, said: str,
                                                       not_said: str) -> None:
    code, out, _ = run(capsys, "--plain", "scenario", "play", name)
    assert code == 0 and said in " ".join(out.split())
    assert not_said not in out


@pytest.mark.slow
def test_play_advances_on_enter_in_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "scenario", "play", "romania-malmo"], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=20, dimensions=(50, 100))
    child.expect("En fältassistent i Malmö")
    child.expect_exact("[Enter: nästa]")
    child.sendline("")
    child.expect("Fråga 1 av 10")
    child.expect("Svar: Nej")
    child.expect_exact("[Enter: nästa]")
    assert "Fråga 2 av" not in child.before
    for _ in range(10):
        child.sendline("")
    child.expect("Lisa Green")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.slow
def test_play_ctrl_c(tmp_path: Path) -> None:
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "scenario", "play", "romania-malmo"], cwd=str(tmp_path),
                          env={**os.environ, "TERM": "xterm"}, encoding="utf-8", timeout=20)
    child.expect_exact("[Enter: nästa]")
    child.sendcontrol("c")
    child.expect("avbrutet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.parametrize("scenario_id", IDS)
def test_show_numbers_its_sources_once(capsys: pytest.CaptureFixture[str], scenario_id: str) -> None:
    """The case's notes and its checklist share one list of sources: "A1" means one thing in the output."""
    assert main(["--plain", "scenario", "show", scenario_id, "--full"]) == 0
    text = capsys.readouterr().out
    defined = re.findall(r"^  (A\d+): ", text, flags=re.MULTILINE)
    assert len(defined) == len(set(defined)), defined
    assert set(re.findall(r"\b(A\d+)\b", text)) <= set(defined), "every fact from elsewhere cited is listed"
