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
    assert out.index("Fråga 1 av") < out.index("Att diskutera") < out.index("Checklista vid misstanke")
    assert "q: avsluta" not in out, "no keys to press on paper"


def _play(tmp_path: Path, name: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "50", "PAGER": "cat"}
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "scenario", "play", name], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=20, dimensions=(50, 100))
    child.delaybeforesend = None  # each key waits for its slide's footer
    return child


def _slide(child: pexpect.spawn, number: int) -> str:
    """Wait for slide `number`'s footer; what the screen showed since the last one."""
    child.expect(rf"\[{number}/15\] Enter eller →: (nästa|visa svaret)[^\r\n]*q: avsluta")
    return str(child.before)


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
def test_play_in_front_of_a_room(tmp_path: Path) -> None:
    """The question first, the answer when the trainer asks; back and quit keys; the discussion before the list."""
    child = _play(tmp_path, "romania-malmo")
    assert "En fältassistent i Malmö" in _slide(child, 1)
    child.send("\r")
    question = _slide(child, 2)
    assert "Fråga 1 av 12: Är personen i akut fara just nu?" in question and "Vad svarar ni?" in question
    assert "Svar:" not in question, "the room answers first"
    assert "visa svaret" in child.after
    child.send(" ")
    shown = _slide(child, 2)
    assert "Svar: Nej" in shown and "Varför det spelar roll: Vid akut fara" in shown
    child.send("\x1b[C")  # →
    assert "Fråga 2 av 12" in _slide(child, 3)
    child.send("\x1b[D")  # ← back to the first question, as it was left: answered
    assert "Svar: Nej" in _slide(child, 2)
    child.send("b")
    assert "En fältassistent" in _slide(child, 1)
    child.send("x")  # a key with no use does nothing
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Fråga 2" not in str(child.before)


@pytest.mark.slow
def test_play_ends_with_the_discussion_and_the_short_checklist(tmp_path: Path) -> None:
    child = _play(tmp_path, "romania-malmo")
    _slide(child, 1)
    child.send("\r" * 25)  # twelve questions, each revealed, then on: keys typed quickly are each taken
    discussion = _slide(child, 14)
    assert "Att diskutera" in discussion and "Bryssel II-förordningen" in discussion
    assert "En riktig checklista innehåller" in discussion and "Lisa Green" in discussion
    child.send("\r")
    short = _slide(child, 15)
    assert "Lisa Green" in short and "--full" not in short, "no option to type in the middle of a lesson"
    assert "f: hela checklistan" in child.after
    child.send("f")
    full = _slide(child, 15)
    assert "Källans ordalydelse" in full or "Steg 2" in full
    assert "f: kort checklista" in child.after
    child.send("\r")  # next on the last slide ends it
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_key_press_is_read_as_the_trainer_meant_it() -> None:
    from mhstod.commands.keys import parse

    assert parse(b"\r") == ["next"] and parse(b"\x1b[C") == ["next"] and parse(b"\x1bOC") == ["next"]
    assert parse(b"\x1b[D") == ["back"] and parse(b"B") == ["back"] and parse(b"\x7f") == ["back"]
    assert parse(b"q") == ["quit"] and parse(b"\x1b") == ["quit"] and parse(b"F") == ["full"]
    assert parse(b"\r\rq") == ["next", "next", "quit"], "keys typed quickly are each taken"
    assert parse(b"\x1b[11~") == [] and parse(b"xyz") == [], "a key with no use is no action"
    assert parse(b"n\x1b[C") == ["next", "next"], "n then → in one read: the lesson went on, it did not quit"
    assert parse(b"b\x1bOD") == ["back", "back"] and parse(b"\x1b[C\x1b[C") == ["next", "next"]
    assert parse(b"\x1b[C\x1b") == ["next"], "Esc within a read is no quit"


def test_the_room_moves_one_reveal_or_slide_at_a_time(knowledge: Knowledge) -> None:
    from mhstod.classroom import Place, lesson, move

    scenario = next(s for s in scenarios_for(knowledge) if s.id == "romania-malmo")
    answers = from_mapping(knowledge, dict(scenario.answers))
    slides = lesson(knowledge, build_checklist(knowledge, answers), answers.for_rules(knowledge))
    assert [s.kind for s in slides] == ["story", *["question"] * 12, "discussion", "checklist"]
    assert move(slides, Place(0), "next") == Place(1)  # the story hides nothing
    assert move(slides, Place(1), "next") == Place(1, revealed=True)
    assert move(slides, Place(1, revealed=True), "next") == Place(2)
    assert move(slides, Place(2), "back") == Place(1, revealed=True)
    assert move(slides, Place(0), "back") == Place(0)
    assert move(slides, Place(3), "full") == Place(3), "only the checklist has a full form"
    last = Place(len(slides) - 1)
    assert move(slides, last, "full") == Place(last.slide, full=True)
    assert move(slides, last, "next") is None and move(slides, Place(4), "quit") is None


@pytest.mark.slow
def test_play_ctrl_c(tmp_path: Path) -> None:
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "scenario", "play", "romania-malmo"], cwd=str(tmp_path),
                          env={**os.environ, "TERM": "xterm"}, encoding="utf-8", timeout=20)
    child.expect_exact("q: avsluta")
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


def test_play_reads_key_by_key_again_after_ctrl_z_and_fg(tmp_path: Path) -> None:
    """After Ctrl-Z and `fg` the shell gave the terminal back in line mode: → echoed ^[[C until Enter (23, 7).

    The shell's part is played here: the stop, the terminal put back in line mode, the continue.
    """
    import signal
    import termios

    child = _play(tmp_path, "romania-malmo")
    _slide(child, 1)
    os.kill(child.pid, signal.SIGSTOP)
    attributes = termios.tcgetattr(child.child_fd)
    attributes[3] |= termios.ICANON | termios.ECHO  # what a shell restores when a job stops
    termios.tcsetattr(child.child_fd, termios.TCSANOW, attributes)
    os.kill(child.pid, signal.SIGCONT)
    child.send(" ")  # in line mode a space waits for Enter; key by key it turns the page
    assert "Fråga 1 av 12" in _slide(child, 2)
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
