"""Contacts older than two years carry a visible note; national numbers do not age; today is injectable."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mhstod.answers import from_mapping
from mhstod.engine import build_checklist
from mhstod.freshness import is_stale, today
from mhstod.model import Knowledge
from tests.helpers import run


@pytest.mark.parametrize(("as_of", "on", "stale"), [
    ("2018", date(2020, 12, 31), False),  # "2018" may mean 31 December 2018
    ("2018", date(2021, 1, 1), True),
    ("2024-06-11", date(2026, 6, 11), False),
    ("2024-06-11", date(2026, 6, 12), True),
    ("2024-02", date(2026, 2, 28), False),
    ("2024-02-29", date(2026, 3, 1), True),
    ("", date(2099, 1, 1), False),
])
def test_is_stale(as_of: str, on: date, stale: bool) -> None:
    assert is_stale(as_of, on) is stale


def test_today_is_injectable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHSTOD_TODAY", "2019-05-01")
    assert today() == date(2019, 5, 1)
    monkeypatch.delenv("MHSTOD_TODAY")
    assert today() == date(2026, 11, 23), "MHSTOD_NOW sets the day where MHSTOD_TODAY is not set"
    monkeypatch.delenv("MHSTOD_NOW")
    assert today() == date.today()


@pytest.mark.parametrize("bad", ["not a date", "2019-02-30"])
def test_a_bad_today_is_said_not_ignored(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                         bad: str) -> None:
    monkeypatch.setenv("MHSTOD_TODAY", bad)
    code, out, err = run(capsys, "region", "--county", "Skåne")
    assert code == 2 and out == ""
    assert err == f"mhstod: MHSTOD_TODAY='{bad}' är inget datum i formen ÅÅÅÅ-MM-DD.\n"


def test_region_json_has_as_of_and_stale(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(run(capsys, "region", "--county", "Skåne", "--json")[1])
    assert [(c["as_of"], c["stale"]) for c in data["region"]["coordinators"]] == [("2018", True), ("2018", True)]
    monkeypatch.setenv("MHSTOD_TODAY", "2019-01-01")
    data = json.loads(run(capsys, "region", "--county", "Skåne", "--json")[1])
    assert [c["stale"] for c in data["region"]["coordinators"]] == [False, False]


@pytest.mark.parametrize("argv", [["region", "--county", "Dalarna"], ["contacts"], ["regions"],
                                  ["--plain", "contacts"]])
def test_every_output_shows_the_note(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "uppgift från 2018, äldre än 2 år: kontrollera att den gäller" in out.casefold()


def test_checklist_marks_stale_coordinators_not_national_numbers(knowledge: Knowledge) -> None:
    answers = from_mapping(knowledge, {"county": "Umeå"})
    cl = build_checklist(knowledge, answers, today=date(2026, 11, 23))
    norlin = next(c for c in cl.contacts if c.name == "Eva Norlin")
    assert norlin.stale and norlin.as_of == "2018"
    line = next(c for c in cl.contacts if c.name.startswith("Stödtelefonen"))
    assert not line.stale and not line.as_of
    fresh = build_checklist(knowledge, answers, today=date(2019, 1, 1))
    assert not next(c for c in fresh.contacts if c.name == "Eva Norlin").stale
