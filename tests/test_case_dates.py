"""The case's dates, the calendar file and the summary for a call for advice, as a caseworker meets them."""

from __future__ import annotations

import json
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mhstod.answers import from_mapping
from mhstod.checklist import Checklist
from mhstod.dates import CaseDays
from mhstod.engine import build_checklist
from mhstod.model import Knowledge
from mhstod.render.outline import consultation_outline, outline
from mhstod.render.plain import render as plain
from tests.helpers import FIXTURES, run

CHILD = {"acute_danger": "no", "age": "child", "county": "Malmö", "origin": "eu", "purpose": ["begging"],
         "residence": "unknown", "police": "undecided", "return_home": "undecided", "needs": ["shelter"],
         "role": "socialtjanst"}
ADULT = {"acute_danger": "no", "age": "adult", "county": "Göteborg", "origin": "non_eu", "purpose": ["sexual"],
         "residence": "no_permit", "police": "no", "return_home": "no", "needs": ["shelter"], "role": "socialtjanst"}
TODAY = date(2026, 11, 23)


def make(knowledge: Knowledge, case: dict[str, Any], start: date | CaseDays | None = None, **changes: Any
         ) -> Checklist:
    days = CaseDays(start) if isinstance(start, date) else start
    return build_checklist(knowledge, from_mapping(knowledge, {**case, **changes}), today=TODAY, counted_from=days)


def dated(cl: Checklist) -> dict[str, tuple[date, date, str]]:
    return {i.id: (i.date.last, i.date.day, i.date.moved) for i in cl.dated if i.date is not None}


# Each deadline of a child's case for social services, from several starting days.
@pytest.mark.parametrize(("start", "expected"), [
    (date(2026, 11, 27), {  # a Friday: the example; four weeks end on juldagen, four months before Easter
        "lvu-faststallelse": (date(2026, 12, 4), date(2026, 12, 4), ""),
        "forhandsbedomning": (date(2026, 12, 11), date(2026, 12, 11), ""),
        "lvu-vard": (date(2026, 12, 25), date(2026, 12, 28), "juldagen"),
        # the investigation's four months: the last day stands, a Saturday or not (not said to be an action)
        "utredning-barn": (date(2027, 3, 27), date(2027, 3, 27), ""),
    }),
    (date(2026, 12, 19), {  # a Saturday before Christmas: over the turn of the year
        "lvu-faststallelse": (date(2026, 12, 26), date(2026, 12, 28), "annandag jul"),
        "forhandsbedomning": (date(2027, 1, 2), date(2027, 1, 4), "lördag"),
        "lvu-vard": (date(2027, 1, 16), date(2027, 1, 18), "lördag"),
        "utredning-barn": (date(2027, 4, 19), date(2027, 4, 19), ""),
    }),
    (date(2027, 10, 29), {  # four months reach a leap day: 29 February 2028
        "lvu-faststallelse": (date(2027, 11, 5), date(2027, 11, 5), ""),
        "forhandsbedomning": (date(2027, 11, 12), date(2027, 11, 12), ""),
        "lvu-vard": (date(2027, 11, 26), date(2027, 11, 26), ""),
        "utredning-barn": (date(2028, 2, 29), date(2028, 2, 29), ""),
    }),
    (date(2027, 4, 30), {  # första maj is a Saturday in 2027; Kristi himmelsfärdsdag Thursday 6 May
        "lvu-faststallelse": (date(2027, 5, 7), date(2027, 5, 7), ""),
        "forhandsbedomning": (date(2027, 5, 14), date(2027, 5, 14), ""),
        "lvu-vard": (date(2027, 5, 28), date(2027, 5, 28), ""),
        "utredning-barn": (date(2027, 8, 30), date(2027, 8, 30), ""),
    }),
])
def test_each_deadline_of_a_child_s_case_as_a_date(knowledge: Knowledge, start: date,
                                                   expected: dict[str, tuple[date, date, str]]) -> None:
    assert dated(make(knowledge, CHILD, start)) == expected


def test_genast_and_an_adult_s_case_have_no_date(knowledge: Knowledge) -> None:
    child = make(knowledge, CHILD, date(2026, 11, 27))
    assert "skyddsbedomning" not in dated(child)  # "genast" is no period: it is said, not dated
    adult = make(knowledge, ADULT, date(2026, 11, 27))
    assert adult.dated == () and adult.counting == ()
    assert "Inga frister att räkna från fredag 27 november 2026" in plain(outline(adult, full=True))
    assert "Datumen räknas" not in plain(outline(adult))


def test_without_a_starting_day_nothing_is_dated(knowledge: Knowledge) -> None:
    cl = make(knowledge, CHILD)
    assert cl.dated == () and cl.counting == () and cl.counted_from is None
    short = plain(outline(cl))
    assert not re.search(r"senast (mån|tis|ons|tors|fre|lör|sön) ", short) and "Datumen räknas" not in short
    assert "inom en vecka från beslutet (7 § LVU)" in short


def test_the_dates_and_the_rules_are_said_with_their_sources(knowledge: Knowledge) -> None:
    cl = make(knowledge, CHILD, date(2026, 11, 27))
    short = plain(outline(cl))  # the date to act by and the event it runs from; the rules in --full
    assert "fastställs – senast fre 4 dec, från beslutet om omhändertagande (7 § LVU)." in short
    assert "enligt LVU – senast mån 28 dec, från verkställandet (8 § LVU; 25/12 är juldagen)." in short
    assert "(förhandsbedömning) – senast fre 11 dec, från anmälan." in short
    # The one deadline the next-weekday rule does not move says why its day stands (a Saturday here).
    assert ("planering och insatser – senast lör 27 mars 2027, från beslutet att utreda (en lördag, men dagen står "
            "kvar).") in short
    assert "Alla datum från fre 27 nov 2026; andra dagar: --from anmalan=DATUM (se --full)." in short
    full = plain(outline(cl, full=True))
    assert ("senast fredag 4 december 2026 (inom en vecka från beslutet, 7 § LVU)" in full)
    assert ("senast måndag 28 december 2026 (inom fyra veckor från dagen då omhändertagandet verkställdes, 8 § LVU; "
            "fristen slutar på juldagen, fredag 25 december: lagen (1930:173) låter åtgärden vänta till nästa "
            "vardag)" in full)
    assert "Alla datum räknas från fredag 27 november 2026, som om anmälan, besluten och verkställandet" in full
    for rule in ("kalenderdagar", "samma veckodag", "får åtgärden vidtas nästa vardag", "Allmänna helgdagar"):
        assert rule in full
    assert "Lag (1930:173) om beräkning av lagstadgad tid, 2 §" in full  # the rule's source, from elsewhere
    assert "Lag (1989:253) om allmänna helgdagar" in full
    assert full.index("Senast fredag 4 december") < full.index("Senast fredag 11 december") < full.index(
        "Senast måndag 28 december")  # soonest first


# The calendar file.
def test_the_calendar_file_reads_back_as_one_event_per_dated_deadline(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import icalendar

    target = tmp_path / "frister.ics"
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                       "--from", "2026-11-27", "--ics", str(target))
    assert code == 0 and "fristerna sparades i" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and "mhstod" in str(calendar["PRODID"])
    events = [c for c in calendar.walk("VEVENT")]
    days = sorted(e.decoded("DTSTART") for e in events)
    assert days == [date(2026, 12, 4), date(2026, 12, 11), date(2026, 12, 28), date(2027, 3, 27)]
    first = next(e for e in events if e.decoded("DTSTART") == date(2026, 12, 4))
    assert str(first["SUMMARY"]).startswith("Frist (7 § LVU): Efter ett omedelbart omhändertagande")
    description = str(first["DESCRIPTION"])
    assert "senast fredag 4 december 2026 (inom en vecka från beslutet, 7 § LVU)" in description
    assert "Lag (1990:52) med särskilda bestämmelser om vård av unga (LVU), 7 §" in description  # the source
    assert "Lag (1930:173)" in description and "inga personuppgifter" in description
    assert first.decoded("DTEND") == date(2026, 12, 5)
    assert len({str(e["UID"]) for e in events}) == 4
    # Nothing of the answers that could point at a person: not the municipality, not the answers' words.
    assert "Malmö" not in raw.decode("utf-8") and "Tiggeri" not in raw.decode("utf-8")


def test_the_calendar_file_is_never_written_over_or_without_a_day(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers = str(FIXTURES / "examples" / "child-begging.yaml")
    target = tmp_path / "frister.ics"
    target.write_text("min kalender\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", answers, "--from", "2026-11-27", "--ics", str(target))
    assert code == 2 and "finns redan" in err and target.read_text(encoding="utf-8") == "min kalender\n"
    code, _, err = run(capsys, "guide", "--answers", answers, "--ics", str(tmp_path / "ny.ics"))
    assert code == 2 and err.endswith("mhstod: --ics behöver --from DATUM: dagen fristerna räknas från.\n")
    code, _, err = run(capsys, "guide", "--answers", answers, "--from", "2026-11-27", "--ics", str(tmp_path / "x.txt"))
    assert code == 2 and "använd .ics" in err
    code, _, err = run(capsys, "guide", "--answers", answers, "--from", "2026-11-27", "--ics", str(tmp_path / "a.ics"),
                       "--output", str(tmp_path / "a.ics"))
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frister.ics"]
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "adult-refuses-police.yaml"),
                       "--from", "2026-11-27", "--ics", str(tmp_path / "vuxen.ics"))
    assert code == 0 and "ingen kalenderfil sparades" in err and not (tmp_path / "vuxen.ics").exists()


@pytest.mark.parametrize("given", ["27/11", "2026-02-30", "1999-12-31", "i morgon"])
def test_a_bad_starting_day_is_one_line_before_anything_is_done(given: str, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    code, out, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                         "--from", given, "--ics", str(tmp_path / "f.ics"))
    assert code == 2 and out == "" and err.startswith("mhstod: --from: ") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_written_without_ics_or_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    answers = str(FIXTURES / "examples" / "child-begging.yaml")
    for extra in (["--from", "2026-11-27"], ["--from", "2026-11-27", "--json"], ["--samtal"], ["--samtal", "--json"],
                  ["--from", "idag", "--full"]):
        assert run(capsys, "guide", "--answers", answers, *extra)[0] == 0
    assert list(tmp_path.iterdir()) == []


def test_the_json_holds_the_dates_and_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                    "--from", "2026-11-27", "--json")
    data = json.loads(out)
    assert data["counted_from"] == {"every": "2026-11-27", "events": {}, "waiting_for": []}
    assert [r["id"] for r in data["counting"]] == ["days", "weeks-months", "next_weekday", "holidays"]
    by_task = {d["task"]: d for d in data["deadlines"]}
    assert by_task["lvu-vard"]["dated"] == {"from": "2026-11-27", "event": "verkställandet", "last_day": "2026-12-25",
                                            "date": "2026-12-28", "moved_because": "juldagen", "kept_though": None}
    assert by_task["utredning-barn"]["dated"]["kept_though"] == "lördag"
    assert by_task["lvu-vard"]["next_weekday"] is True
    assert by_task["skyddsbedomning"]["dated"] is None  # genast
    item = next(i for i in data["your_tasks"] if i["id"] == "lvu-faststallelse")
    assert item["due"]["dated"]["date"] == "2026-12-04"
    assert data["consultation"]["place"] == "Skåne län, Region Syd"
    _, plain_json, _ = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--json")
    assert json.loads(plain_json)["counted_from"] is None


# The summary for a call for advice.
def consultation_text(knowledge: Knowledge, case: dict[str, Any], **changes: Any) -> str:
    return plain(consultation_outline(make(knowledge, case, **changes)))


def test_the_summary_of_a_case_with_many_unknowns(knowledge: Knowledge) -> None:
    text = consultation_text(knowledge, CHILD, age="unknown", origin="unknown", purpose=["unknown"],
                             county="unknown", needs=["unknown"])
    assert "inga namn, datum eller adresser" in text and "ovanlig kombination av svar" in text
    unclear = text.split("Oklart (Vet inte):")[1].split("Frågor att ställa:")[0]
    for said in ("Var personen befinner sig", "Ålder: Vet inte (räknas som barn: presumtion om minderårighet)",
                 "Hemland: Vet inte", "Utnyttjad för: Vet inte", "Rätt att vistas i Sverige: Vet inte",
                 "Polisanmälan och rättsprocess: Vet inte", "Behov: Vet inte"):
        assert said in unclear, said
    assert "Län och region: okänd" in text
    questions = text.split("Frågor att ställa:")[1].split("Källor:")[0]
    assert questions.count("\n  ") == 3 and "1. Räcker det vi vet" in questions


def test_the_summary_of_a_case_with_no_unknowns(knowledge: Knowledge) -> None:
    text = consultation_text(knowledge, ADULT)
    assert "Oklart" not in text
    for said in ("Du ringer från: Socialtjänsten", "Län och region: Västra Götalands län, Region Väst",
                 "Ålder: Vuxen (18 år eller äldre)", "Hemland: Ett land utanför EU", "Utnyttjad för: Sexuella ändamål",
                 "Rätt att vistas i Sverige: Nej", "Polisanmälan och rättsprocess: Nej", "Återvändande: Nej",
                 "Behov: Skyddat boende"):
        assert said in text, said
    questions = [line.strip() for line in text.split("Frågor att ställa:")[1].split("Källor:")[0].splitlines()]
    assert [q.split("?")[0] + "?" for q in questions if q] == [
        "1. Räcker det vi vet för att misstänka människohandel, och vad är nästa steg?",
        "2. Vad får jag lämna vidare till polisen utan personens samtycke?",
        "3. Är betänketid aktuell för personen, och vem ansöker om den?"]


def test_the_summary_holds_nothing_the_answers_do_not(knowledge: Knowledge) -> None:
    """Not the municipality (the county and region are general enough), no name, no date, no number.

    Above it, whom to call: the support line and the region's coordinators, with their numbers."""
    whole = consultation_text(knowledge, CHILD)
    calls, text = whole.split("Situationen:\n")
    assert "020-39 00 00" in calls and "020-35 40 40" in calls and "Lisa Green" in calls
    assert calls.index("020-39 00 00") < calls.index("Sammanfattningen innehåller inga namn")
    text = "Situationen:\n" + text
    assert "Malmö" not in text and "1280" not in text and "Skåne län, Region Syd" in text
    situation = text.split("Situationen:\n")[1].split("\n\n")[0].splitlines()
    assert situation == ["  Du ringer från: Socialtjänsten", "  Län och region: Skåne län, Region Syd",
                         "  Akut fara: Nej", "  Ålder: Barn (under 18 år)",
                         "  Hemland: Ett annat EU/EES-land eller Schweiz",
                         "  Utnyttjad för: Tiggeri", "  Behov: Skyddat boende"]


def test_the_police_question_is_only_for_an_adult_s_case_where_consent_decides(knowledge: Knowledge) -> None:
    police = "Vad får jag lämna vidare till polisen"
    assert police in consultation_text(knowledge, ADULT)
    assert police not in consultation_text(knowledge, ADULT, police="yes")
    assert police not in consultation_text(knowledge, ADULT, role="polis")
    assert police not in consultation_text(knowledge, CHILD, police="no")  # a child's case is not the adult's


def test_acute_danger_comes_before_the_call_for_advice(knowledge: Knowledge) -> None:
    text = consultation_text(knowledge, CHILD, acute_danger="yes")
    assert "Ring 112 nu: personen är i akut fara." in text.splitlines()[1]


def test_the_summary_is_in_the_full_checklist_and_the_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              knowledge: Knowledge) -> None:
    assert "Inför samtalet med regionkoordinatorn" in plain(outline(make(knowledge, CHILD), full=True))
    assert "Inför samtalet" not in plain(outline(make(knowledge, CHILD)))  # the short screen stays short
    for name in ("c.md", "c.html"):
        run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--output",
            str(tmp_path / name))
        saved = (tmp_path / name).read_text(encoding="utf-8")
        assert "Inför samtalet med regionkoordinatorn eller stödtelefonen" in saved
        assert "Frågor att ställa" in saved
    _, out, _ = run(capsys, "--plain", "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                    "--samtal")
    assert out.startswith("Inför samtalet med regionkoordinatorn eller stödtelefonen")


def test_each_event_may_have_its_own_day(capsys: pytest.CaptureFixture[str]) -> None:
    """The report came on Monday, the custody was decided on Friday: the preliminary assessment runs from Monday."""
    code, out, _ = run(capsys, "--plain", "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                       "--from", "2026-11-27", "--from", "anmalan=2026-11-23")
    assert code == 0
    assert "(förhandsbedömning) – senast mån 7 dec, från anmälan 23/11." in out
    assert "fastställs – senast fre 4 dec, från beslutet om omhändertagande 27/11 (7 § LVU)." in out
    assert "Alla datum från" not in out  # not one day for all
    _, full, _ = run(capsys, "--plain", "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                     "--from", "2026-11-27", "--from", "anmalan=2026-11-23", "--full")
    assert ("Datumen räknas från dagen du angav för varje händelse: anmälan måndag 23 november 2026; övriga "
            "händelser från fredag 27 november 2026.") in full
    # Only the report's day: only the deadline that runs from it is dated.
    _, only, _ = run(capsys, "--plain", "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                     "--from", "anmalan=2026-11-23")
    assert "senast mån 7 dec, från anmälan 23/11" in only and "inom en vecka från beslutet (7 § LVU)" in only


@pytest.mark.parametrize(("given", "said"), [
    (["beslut=2026-11-27"], "okänd händelse 'beslut'; händelserna är anmalan, utredning, omhandertagande"),
    (["2026-11-27", "2026-11-28"], "ett datum för alla händelser anges två gånger"),
    (["anmalan=2026-11-27", "ANMALAN=2026-11-28"], "händelsen anmalan anges två gånger"),
    (["anmalan=27/11"], "27/11 är inget datum"),
])
def test_a_bad_from_is_one_line(capsys: pytest.CaptureFixture[str], given: list[str], said: str) -> None:
    argv = [a for day in given for a in ("--from", day)]
    code, out, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), *argv)
    assert code == 2 and out == "" and said in err and err.count("\n") == 1


def test_the_events_the_command_line_knows_are_the_data_s(knowledge: Knowledge) -> None:
    from mhstod.commands.guide import EVENTS

    assert tuple(e.id for e in knowledge.events) == EVENTS
    assert {d.event for d in knowledge.deadlines} <= set(EVENTS)


def test_a_deadline_that_has_passed_is_said_to_have_passed(knowledge: Knowledge) -> None:
    cl = make(knowledge, CHILD, date(2026, 10, 30))  # TODAY is 23 November 2026
    short = plain(outline(cl))
    assert "senast fre 6 nov, passerat, från beslutet om omhändertagande (7 § LVU)" in short
    assert "senast fre 13 nov, passerat, från anmälan" in short
    assert "senast fre 27 nov, från verkställandet (8 § LVU)" in short  # not yet
    assert "Senast fredag 6 november 2026, passerat" in plain(outline(cl, full=True))


def test_saved_answers_keep_the_days_and_a_re_run_shows_the_same_dates(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       knowledge: Knowledge) -> None:
    """A saved answers file dropped the days given for the deadlines: a re-run showed them relative (24, 5)."""
    from mhstod.answers import EVENT_IDS
    from mhstod.commands.guide import EVENTS
    from mhstod.export import answers_text

    assert EVENT_IDS == EVENTS, "the answers file knows the events --from knows"
    days = CaseDays(date(2026, 11, 27), (("verkstallighet", date(2026, 11, 30)),))
    given = from_mapping(knowledge, CHILD)
    for fmt, name in (("yaml", "svar.yaml"), ("json", "svar.json")):
        (tmp_path / name).write_text(answers_text(knowledge, given, fmt, TODAY, days), encoding="utf-8")
        code, out, _ = run(capsys, "guide", "--answers", str(tmp_path / name), "--json")
        data = json.loads(out)
        assert code == 0 and data["counted_from"]["every"] == "2026-11-27", fmt
        assert data["counted_from"]["events"] == {"verkstallighet": "2026-11-30"}
        code, out, _ = run(capsys, "guide", "--answers", str(tmp_path / name), "--from", "2026-12-01", "--json")
        assert json.loads(out)["counted_from"]["every"] == "2026-12-01", "--from on the line comes first"
    (tmp_path / "old.yaml").write_text("version: 2\nage: child\n", encoding="utf-8")
    assert run(capsys, "guide", "--answers", str(tmp_path / "old.yaml"))[0] == 0, "an old file still works"


@pytest.mark.parametrize(("given", "said"), [
    ("from: 2026-11-27\n", "ska vara en mappning från händelse till datum"),
    ("from: {every: igår}\n", "är inget datum ÅÅÅÅ-MM-DD"),
    ("from: {sommar: 2026-06-01}\n", "okänd händelse"),
    ("from: {every: 2104-01-01}\n", "är inget datum ÅÅÅÅ-MM-DD (2005–2099)"),
])
def test_a_bad_from_in_an_answers_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str,
                                                   said: str) -> None:
    (tmp_path / "svar.yaml").write_text("version: 3\nage: child\n" + given, encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(tmp_path / "svar.yaml"))
    assert code == 2 and said in err and "internt fel" not in err
