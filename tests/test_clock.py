"""Who answers now (issue 24, part 1): the time in Sweden decides what "Nu" says first.

The coordinators and the support line are reached in office hours; the sources say only "kontorstid", so the
times are an assumption and the line says "troligen". Outside them, "Nu" begins with who answers now: 112 in
acute danger, the municipality's social services on call, the police on 114 14; and when the others answer.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from mhstod.dates import next_opening
from mhstod.model import Knowledge
from mhstod.render.outline import outline
from mhstod.render.plain import render as plain
from tests.helpers import FIXTURES, run
from tests.test_case_dates import CHILD


@pytest.mark.parametrize(("moment", "reopens"), [
    ("2026-12-18T16:30", "2026-12-21T08:00"),  # Friday after four: Monday
    ("2026-12-19T12:00", "2026-12-21T08:00"),  # a Saturday
    ("2026-12-24T10:00", "2026-12-28T08:00"),  # julafton, then juldagen, annandag jul and a Sunday
    ("2026-12-22T07:30", "2026-12-22T08:00"),  # before eight on a Tuesday
    ("2026-06-19T09:00", "2026-06-22T08:00"),  # midsommarafton
])
def test_outside_office_hours_the_next_opening_is_a_weekday_morning(moment: str, reopens: str) -> None:
    assert next_opening(datetime.fromisoformat(moment), "08:00", "16:00") == datetime.fromisoformat(reopens)


@pytest.mark.parametrize("moment", ["2026-12-22T10:00", "2026-12-22T08:00", "2026-12-22T15:59"])
def test_inside_office_hours_there_is_no_next_opening(moment: str) -> None:
    assert next_opening(datetime.fromisoformat(moment), "08:00", "16:00") is None


def _now_lines(knowledge: Knowledge, moment: str) -> list[str]:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    cl = build_checklist(knowledge, from_mapping(knowledge, CHILD), moment=datetime.fromisoformat(moment))
    text = plain(outline(cl))
    return text.split("\nNu:\n")[1].split("\nDina uppgifter:")[0].strip().splitlines()


def test_friday_at_half_past_four_says_who_answers_now_first(knowledge: Knowledge) -> None:
    first = _now_lines(knowledge, "2026-12-18T16:30")[0]
    assert first.startswith("- VIKTIGT: Troligen stängt nu (fredag 16.30). Nu: vid akut fara 112; brådskande till "
                            "kommunens socialjour")
    assert "polisen på 114 14" in first and "måndag 21 december från kl. 08.00" in first
    assert first.index("112") < first.index("socialjour") < first.index("114 14") < first.index("Stödtelefonen")


@pytest.mark.parametrize(("moment", "said"), [("2026-12-19T12:00", "(lördag 12.00)"),
                                              ("2026-12-24T10:00", "(julafton 10.00)")])
def test_a_weekend_or_an_eve_is_named(knowledge: Knowledge, moment: str, said: str) -> None:
    assert said in _now_lines(knowledge, moment)[0]


def test_on_a_weekday_morning_nu_is_as_before(knowledge: Knowledge) -> None:
    lines = _now_lines(knowledge, "2026-12-22T10:00")
    assert not any("stängt" in line for line in lines)
    assert "skyddsbedömning" in lines[0]


def test_the_numbers_stay_on_screen_after_hours(knowledge: Knowledge) -> None:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    cl = build_checklist(knowledge, from_mapping(knowledge, CHILD), moment=datetime(2026, 12, 18, 16, 30))
    text = plain(outline(cl))
    assert "020-39 00 00" in text and "Lisa Green" in text, "the support line and coordinators still listed"


def test_mhstod_now_sets_the_moment_and_the_day(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHSTOD_NOW", "2026-12-18T16:30")
    monkeypatch.delenv("MHSTOD_TODAY")
    code, out, _ = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--plain")
    assert code == 0 and "Troligen stängt nu (fredag 16.30)" in out
    code, out, _ = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--from",
                       "idag", "--plain")
    assert "Alla datum från fre 18 dec 2026" in " ".join(out.split())


def test_a_bad_mhstod_now_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHSTOD_NOW", "fredag eftermiddag")
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"))
    assert code == 2 and err.endswith("mhstod: MHSTOD_NOW='fredag eftermiddag' är ingen tid i formen "
                                      "ÅÅÅÅ-MM-DDTtt:mm.\n")


def test_nu_gives_another_moment_and_its_day(capsys: pytest.CaptureFixture[str]) -> None:
    answers = str(FIXTURES / "examples" / "child-begging.yaml")
    code, out, _ = run(capsys, "guide", "--answers", answers, "--nu", "2026-12-24T10:00", "--from", "idag",
                       "--plain")
    flat = " ".join(out.split())
    assert code == 0 and "Troligen stängt nu (julafton 10.00)" in flat and "Alla datum från tors 24 dec 2026" in flat
    code, _, err = run(capsys, "guide", "--answers", answers, "--nu", "i kväll")
    assert code == 2 and "--nu: 'i kväll' är ingen tid" in err


@pytest.mark.parametrize(("moment", "said"), [
    ("2026-12-18T16:30", "Troligen stängt nu (fredag 16.30); öppnar måndag 21 december kl. 08.00."),
    ("2026-12-22T10:00", "Troligen öppet nu (08.00–16.00 på vardagar)."),
    ("2026-12-31T17:00", "Troligen stängt nu (torsdag 17.00); öppnar måndag 4 januari 2027 kl. 08.00."),
])
def test_the_region_says_whether_the_coordinators_answer_now(capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch, moment: str,
                                                             said: str) -> None:
    monkeypatch.setenv("MHSTOD_NOW", moment)
    code, out, _ = run(capsys, "region", "Västerås", "--plain")
    assert code == 0 and said in out
    data = run(capsys, "region", "Västerås", "--json")[1]
    assert "stängt" not in data and "öppet nu" not in data, "JSON carries the hours, not the moment"
    hours = json.loads(data)["region"]["coordinator_hours"]
    assert (hours["opens"], hours["closes"]) == ("08:00", "16:00") and "antagande" in hours["assumed"]


@pytest.mark.parametrize(("changes", "police_named"), [
    ({}, True),  # a child: the social services and the police are for urgent matters
    ({"age": "adult", "police": "no"}, False),  # an adult who said no decides, after hours too
    ({"age": "adult", "police": "undecided"}, False),
    ({"age": "adult", "police": "yes"}, True),
])
def test_after_hours_the_police_are_named_only_where_no_adult_s_choice_stands_against_it(
        knowledge: Knowledge, changes: dict[str, str], police_named: bool) -> None:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    cl = build_checklist(knowledge, from_mapping(knowledge, {**CHILD, **changes}),
                         moment=datetime(2026, 12, 18, 16, 30))
    first = plain(outline(cl)).split("\nNu:\n")[1].splitlines()[0]
    assert "Troligen stängt nu" in first and "112" in first
    assert ("114 14" in first) is police_named



def test_a_trainer_s_day_keeps_the_clock_s_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """MHSTOD_TODAY alone left the clock on the real date: "måndag 17.10" beside dates for a Friday."""
    from mhstod.freshness import now

    monkeypatch.delenv("MHSTOD_NOW")
    monkeypatch.setenv("MHSTOD_TODAY", "2026-12-18")
    assert now().date() == datetime(2026, 12, 18).date()


def test_a_moment_with_an_offset_is_read_as_swedish_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from mhstod.freshness import now

    monkeypatch.setenv("MHSTOD_NOW", "2026-12-18T15:30+00:00")
    assert now() == datetime(2026, 12, 18, 16, 30)


def test_the_summary_for_a_call_says_the_lines_are_probably_closed(capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHSTOD_NOW", "2026-12-18T16:30")
    code, out, _ = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                       "--samtal", "--plain")
    assert code == 0 and "Troligen stängt nu (fredag 16.30)" in out
