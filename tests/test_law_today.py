"""The law and the contacts as they stand today (issue 22): every outside fact with its page, and betänketid's end.

A fact from outside the five documents names its page and the day it was read, or says what it is inferred
from; a local file may cite its own document. The thirty days of betänketid are dated only from the day of the
decision, named as such, and never move to a weekday: a permit running out is no action to be taken.
"""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mhstod.dates import CaseDays
from mhstod.model import Knowledge
from mhstod.render.outline import outline
from mhstod.render.plain import render as plain
from tests.helpers import run
from tests.load.test_knowledge import broken
from tests.test_case_dates import ADULT, make

# An adult without a right to stay who said no to the police, for social services: betänketid is their task.
NO_PERMIT = {**ADULT, "police": "no"}
DECISION = "beslut-betanketid"


def _set_source(source: dict[str, Any]) -> Any:
    def change(d: Any) -> None:
        d["regions"][0]["source"] = source
    return change


# --- every fact from elsewhere carries its page --------------------------------------------------------

def test_the_loader_refuses_a_fact_from_elsewhere_without_its_page() -> None:
    said = broken("regions.yaml", _set_source({"elsewhere": "Kommunens hemsida"}))
    assert said.startswith("data/regions.yaml: regions[0].source: en uppgift från annat håll ('elsewhere') "
                           "behöver sin sida ('url' med 'date' och 'seen')")
    assert "\n" not in said


@pytest.mark.parametrize(("source", "message"), [
    ({"elsewhere": "x", "url": "https://a.se/", "seen": "2026-12-07"}, "behöver sitt eget datum ('date'"),
    ({"elsewhere": "x", "url": "https://a.se/", "date": "odaterad"}, "behöver dagen då den lästes ('seen'"),
    ({"elsewhere": "x", "url": "ftp://a.se/", "date": "odaterad", "seen": "2026-12-07"}, "är ingen webbadress"),
    ({"elsewhere": "x", "url": "https://a.se/", "date": "igår", "seen": "2026-12-07"}, "är inget datum"),
    ({"elsewhere": "x", "url": "https://a.se/", "date": "2026-02-30", "seen": "2026-12-07"},
     "finns i kalendern"),
    ({"elsewhere": "x", "url": "https://a.se/", "date": "odaterad", "seen": "2026-12"}, "anges som ÅÅÅÅ-MM-DD"),
    ({"elsewhere": "x", "inferred": "y", "seen": "2026-12-07"}, "'date' och 'seen' hör till en sida ('url')"),
    ({"document": "Kommunens lista", "date": "2026"}, "kan bara anges i en lokal fil"),
    ({"doc": "004", "section": "POLISEN", "elsewhere": "x"}, "en källa anger ett av 'doc'"),
])
def test_a_page_is_an_address_a_date_and_the_day_it_was_read(source: dict[str, Any], message: str) -> None:
    assert message in broken("regions.yaml", _set_source(source))


def test_an_inference_says_what_it_rests_on_instead_of_a_page(knowledge: Knowledge) -> None:
    """The counting of days is the tool's reading of a deadline's words: no page says it, and it says so."""
    days = next(r for r in knowledge.counting if r.id == "days")
    assert days.source.inferred and days.source.url == "https://lagen.nu/1930:173"
    every = [s for s in _all_sources(knowledge) if s.elsewhere]
    assert every and all(s.url or s.inferred for s in every)


def _all_sources(knowledge: Knowledge) -> list[Any]:
    from mhstod.model import Source

    found: list[Source] = []
    stack: list[Any] = [knowledge]
    while stack:
        value = stack.pop()
        if isinstance(value, Source):
            found.append(value)
        elif isinstance(value, tuple):
            stack.extend(value)
        elif hasattr(value, "__slots__") or hasattr(value, "_fields") or hasattr(type(value), "__annotations__"):
            stack.extend(getattr(value, name) for name in getattr(type(value), "__annotations__", {})
                         if hasattr(value, name))
    return found


def test_the_shipped_sources_from_elsewhere_all_name_a_page_read_on_a_day(knowledge: Knowledge) -> None:
    pages = [s for s in _all_sources(knowledge) if s.url]
    assert len(pages) > 50
    assert all(len(s.seen) == 10 and s.seen >= "2026-12-07" and s.date for s in pages), "read for issue 22 or later"
    assert all(s.url.startswith(("https://", "http://")) for s in pages)


LOCAL_REGION = """\
regions:
  - id: ost
    name: Region Öst
    source: {source}
    counties:
      - {{code: "04", source: {{doc: "004", section: "KONTAKT – Region Öst"}}}}
      - {{code: "05", source: {{doc: "004", section: "KONTAKT – Region Öst"}}}}
      - {{code: "06", source: {{doc: "004", section: "KONTAKT – Region Öst"}}}}
    coordinators:
      - id: lokal-koordinator
        name: Kim Lokal
        phones: ["013-20 00 00"]
        emails: ["kim.lokal@linkoping.se"]
        focus: {{age: any, purpose: any}}
        as_of: "2026-10"
        source: {source}
"""


def _local(tmp_path: Path, source: str) -> str:
    folder = tmp_path / "lokalt"
    folder.mkdir(exist_ok=True)
    (folder / "regions.yaml").write_text(LOCAL_REGION.format(source=source), encoding="utf-8")
    return str(folder)


def test_a_local_file_may_cite_its_own_document_with_its_date(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = _local(tmp_path, '{document: "Linköpings kommun, kontaktlista", date: "2026-10"}')
    code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", folder)
    assert code == 0 and "Linköpings kommun, kontaktlista (internt dokument, 2026-10)" in out
    code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", folder, "--json")
    source = json.loads(out)["region"]["coordinators"][0]["source"]
    assert source["internal"] is True and source["document"] == "Linköpings kommun, kontaktlista"
    assert source["date"] == "2026-10" and source["url"] is None and source["page_date"] is None
    code, out, _ = run(capsys, "data", "check", "--data-dir", folder)
    assert code == 0 and "regions.yaml (lokal): 3 källor i källdokumenten" in out
    assert "2 interna dokument" in out


@pytest.mark.parametrize(("source", "message"), [
    ('{elsewhere: "Linköpings kommun, kontaktlista 2026-10"}', "behöver sin sida"),
    ('{document: "Linköpings kommun, kontaktlista"}', "behöver sitt datum ('date'"),
    ('{document: "Lista", date: "2026", url: "https://a.se/"}', "'url' hör till en sida"),
    ('{document: "Lista", date: "2026", seen: "2026-12-01"}', "'seen' hör till en sida"),
])
def test_a_local_file_s_source_is_checked_as_strictly(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      source: str, message: str) -> None:
    code, out, err = run(capsys, "data", "check", "--data-dir", _local(tmp_path, source))
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_data_check_reports_a_local_page_read_after_today(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong clock never stops a command; data check names the reading, for a local file too."""
    monkeypatch.setenv("MHSTOD_TODAY", "2026-12-07")
    folder = _local(tmp_path, '{elsewhere: "Kommunens sida", url: "https://linkoping.se/x", date: "odaterad", '
                              'seen: "2027-01-15"}')
    code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", folder)
    assert code == 0
    code, out, _ = run(capsys, "data", "check", "--data-dir", folder)
    assert code == 0 and "en sida sägs läst 2027-01-15, efter dagens datum" in out
    code, out, _ = run(capsys, "data", "check", "--data-dir", folder, "--json")
    local = [f for f in json.loads(out)["sources"] if f["file"].endswith("regions.yaml (lokal)")]
    assert local and local[0]["pages"] == 2 and local[0]["future_seen"] == ["2027-01-15"]


def test_the_sources_list_shows_each_page_s_address_and_date(knowledge: Knowledge) -> None:
    cl = make(knowledge, NO_PERMIT)
    text = plain(outline(cl, full=True))
    assert "www.migrationsverket.se/Andra-aktorer/Socialnamnden.html; odaterad; läst 2026-12-07" in text
    assert "https://" not in text, "an address to copy, never a link to follow"


# --- the betänketid's thirty days -------------------------------------------------------------------------

def _end(cl: Any) -> Any:
    return next(i for i in cl.deadlines if i.due is not None and i.due.id == "betanketid-slut")


# The decision's day is day 1 of the permit: the earlier of the two readings, so never a day after it lapsed.
@pytest.mark.parametrize(("decided", "last"), [
    (date(2026, 12, 2), date(2026, 12, 31)),  # nyårsafton, which a permit does not wait for
    (date(2026, 12, 5), date(2027, 1, 3)),  # a Sunday: the permit still ends then
    (date(2026, 11, 26), date(2026, 12, 25)),  # juldagen
    (date(2027, 5, 8), date(2027, 6, 6)),  # nationaldagen, a Sunday
    (date(2026, 12, 1), date(2026, 12, 30)),  # 30 days from 1 December are 1–30 December
])
def test_the_thirty_days_end_on_their_last_day_whatever_day_that_is(knowledge: Knowledge, decided: date,
                                                                    last: date) -> None:
    cl = make(knowledge, NO_PERMIT, CaseDays(events=((DECISION, decided),)))
    item = _end(cl)
    assert item.date is not None
    assert (item.date.start, item.date.last, item.date.day) == (decided, last, last)
    assert item.date.moved == "" and item.date.kept == ""
    full = plain(outline(cl, full=True))
    assert f"betänketiden slutar {_long(last)}" in full and f"senast {_long(last)}" not in full
    assert "30 dagar med beslutsdagen som dag 1; beslutet anger sista dagen, 5 kap. 15 § utlänningslagen" in full
    short = " ".join(plain(outline(cl)).split())
    assert "– betänketiden slutar" in short and "från beslutet om betänketid" in short
    assert "sista dagen står i beslutet" in short, "the day to trust is the decision's"


def _long(day: date) -> str:
    from mhstod.dates import long_date

    return long_date(day)


def test_a_day_given_for_all_events_does_not_date_the_decision(knowledge: Knowledge) -> None:
    """The decision is usually not yet made when the guide is used: one day for all would invent it."""
    cl = make(knowledge, NO_PERMIT, date(2026, 12, 4))
    assert _end(cl).date is None
    full = plain(outline(cl, full=True))
    assert "räknas bara med dess egen dag: --from beslut-betanketid=ÅÅÅÅ-MM-DD" in full


def test_undated_the_thirty_days_wait_for_the_full_view(knowledge: Knowledge) -> None:
    cl = make(knowledge, NO_PERMIT)
    assert "30 dagar från beslutet" not in plain(outline(cl))
    assert "30 dagar med beslutsdagen som dag 1; beslutet anger sista dagen (5 kap. 15 § utlänningslagen)" in plain(
        outline(cl, full=True))


@pytest.mark.parametrize("role", ["socialtjanst", "polis", "aklagare"])
def test_only_the_roles_that_apply_for_betanketid_get_its_end(knowledge: Knowledge, role: str) -> None:
    cl = make(knowledge, {**NO_PERMIT, "police": "yes"}, CaseDays(events=((DECISION, date(2026, 12, 1)),)),
              role=role)
    assert _end(cl).date is not None


@pytest.mark.parametrize("changes", [
    {"role": "halso_sjukvard"}, {"role": "migrationsverket"},  # they do not apply for it
    {"origin": "sweden", "residence": "permit"},  # a person with a right to stay has no betänketid
    {"age": "child", "origin": "sweden", "residence": "permit"},
])
def test_no_end_of_betanketid_where_there_is_no_betanketid_to_apply_for(knowledge: Knowledge,
                                                                        changes: dict[str, str]) -> None:
    cl = make(knowledge, NO_PERMIT, CaseDays(events=((DECISION, date(2026, 12, 1)),)), **changes)
    assert not [i for i in cl.deadlines if i.due is not None and i.due.id == "betanketid-slut"]
    assert "30 dagar från beslutet" not in plain(outline(cl, full=True))


def test_the_end_of_betanketid_goes_into_the_calendar_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    import icalendar
    import yaml

    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({**NO_PERMIT, "version": 2}, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "frister.ics"
    code, _, _ = run(capsys, "guide", "--answers", str(answers), "--from", "beslut-betanketid=2026-12-04",
                     "--ics", str(target))
    assert code == 0 and stat.S_IMODE(target.stat().st_mode) == 0o600
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == [date(2027, 1, 2)]
    assert str(events[0]["SUMMARY"]) == "Betänketiden slutar (5 kap. 15 § utlänningslagen)"
    assert "betänketiden slutar lördag 2 januari 2027" in str(events[0]["DESCRIPTION"])


def test_the_event_may_be_typed_with_its_a_umlaut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({**NO_PERMIT, "version": 2}, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "guide", "--answers", str(answers), "--from", "Beslut-Betänketid=2026-12-05",
                       "--plain")
    assert code == 0 and "betänketiden slutar sön 3 jan 2027" in " ".join(out.split())


def test_a_check_is_not_dated(knowledge: Knowledge) -> None:
    """A check is not yet a task: a dated line under "Att kontrollera" was no deadline anywhere else."""
    cl = make(knowledge, {**NO_PERMIT, "residence": "unknown", "origin": "eu"},
              CaseDays(events=((DECISION, date(2026, 12, 1)),)))
    checks = [i for i in cl.to_verify if i.due is not None and i.due.id == "betanketid-slut"]
    assert checks and all(i.date is None for i in checks)
    assert "betänketiden slutar" not in plain(outline(cl, full=True))


def test_a_bare_day_with_only_betanketid_makes_no_calendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    import yaml

    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({**NO_PERMIT, "version": 2}, allow_unicode=True), encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(answers), "--from", "2026-12-04", "--ics",
                       str(tmp_path / "f.ics"))
    assert code == 0 and "inga frister med datum" in err and not (tmp_path / "f.ics").exists()
    assert "från beslutet om betänketid räknas bara med --from beslut-betanketid=DATUM" in err


def test_the_json_says_the_thirty_days_end_and_are_not_an_action(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    import yaml

    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({**NO_PERMIT, "version": 2}, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "guide", "--answers", str(answers), "--from", "beslut-betanketid=2026-12-04",
                       "--json")
    assert code == 0
    data = json.loads(out)
    items = [i for i in (*data["now"], *data["your_tasks"]) if i.get("due")]
    ends = [i["due"] for i in items if i["due"]["id"] == "betanketid-slut"]
    assert ends and ends[0]["ends"] == "betänketiden slutar" and ends[0]["event"] == "beslut-betanketid"
    assert ends[0]["dated"]["date"] == "2027-01-02" and ends[0]["dated"]["kept_though"] is None


# --- the data's date on every output ----------------------------------------------------------------------

STOCKHOLM_ADULT = {"acute_danger": "no", "age": "adult", "county": "Stockholm", "origin": "sweden",
                   "purpose": ["sexual"], "residence": "permit", "police": "yes", "return_home": "no",
                   "needs": ["none"], "role": "socialtjanst"}


def test_the_checklist_says_how_old_the_oldest_contact_it_shows_is(knowledge: Knowledge) -> None:
    """Stockholm's adult coordinator is from a 2022 page: the line says 2022, not the brochure's 2018."""
    line = make(knowledge, STOCKHOLM_ADULT).notes[-1]
    assert line == ("Datan: sidor lästa senast 2026-12-07; äldsta kontakten här från 2022 (4 år): kontrollera med "
                    "stödtelefonen 020-39 00 00 eller på jamstalldhetsmyndigheten.se.")
    assert "från 2018 (8 år)" in make(knowledge, NO_PERMIT).notes[-1]  # Göteborg's coordinators, 2018


@pytest.mark.parametrize("argv", [
    ("lag",), ("lag", "köp"), ("actors",), ("actor", "polisen"), ("counties",), ("regions",), ("contacts",),
    ("region", "--county", "Skåne"), ("process",), ("process", "2"), ("process", "--overview"), ("search", "LVU"),
])
def test_every_look_up_says_how_current_the_data_is(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
                                                    ) -> None:
    code, out, _ = run(capsys, *argv, "--plain")
    assert code == 0 and "Datan: sidor lästa senast 2026-12-07" in out
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0 and json.loads(out)["data_as_of"]["pages_seen"] == "2026-12-07"


def test_the_json_checklist_names_the_oldest_contact_shown(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    import yaml

    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({**STOCKHOLM_ADULT, "version": 2}, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "guide", "--answers", str(answers), "--json")
    assert code == 0 and json.loads(out)["data_as_of"] == {"pages_seen": "2026-12-07", "oldest_contact": "2022"}


# --- the renamed offence, found by both names -------------------------------------------------------------

@pytest.mark.parametrize("typed", ["köp", "KÖP", "köp av sexuell handling", "köp av sexuell tjänst",
                                   "Kop av sexuell tjanst"])
def test_the_renamed_offence_is_found_by_either_name(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    code, out, _ = run(capsys, "lag", typed, "--plain")
    assert code == 0 and "Köp av sexuell handling (6 kap. 11 § brottsbalken)" in out
    assert "broschyrens lydelse från 2018" in out


def test_kop_without_its_accent_could_be_either_law(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lag", "kop")
    assert code == 2 and "Menade du Koppleri eller Köp av sexuell handling?" in err


# --- the coordinators' office hours, as data ---------------------------------------------------------------

def test_the_coordinators_hours_are_data_with_their_source(knowledge: Knowledge) -> None:
    hours = knowledge.coordinator_hours
    assert hours is not None and hours.text == "kontorstid" and "114 14" in hours.outside
    assert hours.source.url.endswith("/akut-skydd/") and hours.source.seen == "2026-12-07"


def test_the_hours_are_said_beside_the_coordinators(capsys: pytest.CaptureFixture[str],
                                                    knowledge: Knowledge) -> None:
    code, out, _ = run(capsys, "region", "--county", "Västerås", "--plain")
    assert code == 0 and "Nås under kontorstid; utanför den: brådskande ärenden till kommunens socialjour" in out
    assert "Kontorstid: A1" in out
    data = json.loads(run(capsys, "region", "--county", "Västerås", "--json")[1])
    assert data["region"]["coordinator_hours"]["text"] == "kontorstid"
    ost = json.loads(run(capsys, "region", "--county", "Linköping", "--json")[1])
    assert ost["region"]["coordinator_hours"] is None, "region Öst names no coordinator to reach"
    cl = make(knowledge, NO_PERMIT)
    assert "Nås under kontorstid" in plain(outline(cl, full=True))
    assert "Nås under kontorstid" not in plain(outline(cl)), "the short view has no line to spare"


def test_a_local_reading_does_not_make_the_shipped_data_look_fresh(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = _local(tmp_path, '{elsewhere: "Kommunens sida", url: "https://linkoping.se/x", date: "odaterad", '
                              'seen: "2099-12-31"}')
    code, out, _ = run(capsys, "lag", "köp", "--data-dir", folder, "--json")
    assert code == 0 and json.loads(out)["data_as_of"]["pages_seen"] == "2026-12-07"


def test_data_check_reports_a_local_file_apart_from_the_shipped_one_of_the_same_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`data check --data-dir .` named the local regions.yaml as the shipped one, whose line vanished."""
    folder = Path(_local(tmp_path, '{document: "Lista", date: "2026-10"}'))
    monkeypatch.chdir(folder)
    code, out, _ = run(capsys, "data", "check", "--data-dir", ".", "--json")
    files = [f["file"] for f in json.loads(out)["sources"]]
    assert code == 0 and "regions.yaml" in files and "regions.yaml (lokal)" in files
