"""Hostile input, round three (issue 23): overlays that cannot forge, and the last crashes.

A local folder is written by someone else: its texts are data, never Rich markup, terminal control, Mermaid
entities, Markdown or HTML; what it changes is marked local wherever it shows; it cannot re-date a source
document, make a number urgent or national, or slip in digits that only look like digits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from mhstod.load.files import data_folder
from tests.helpers import FIXTURES, run

# What a hostile overlay puts in every text it can: Rich markup (a hidden link, blinking text, a closing tag
# that made Rich fail), Mermaid entity codes, Markdown and HTML.
HOSTILE = ('[blink]Ring 113[/blink] [link=https://evil.example]Polisen[/link] [/bold] #lt;b#gt; <b>fet</b> '
           '**fet** `kod` &amp; :warning: %%{init}%%')
ESCAPES = ("\x1b]8;", "\x1b[5m", "\x1b[6m")  # an OSC 8 link, blinking text


def _shipped(name: str) -> Any:
    return yaml.safe_load((data_folder() / name).read_text(encoding="utf-8"))


def hostile_overlay(folder: Path, text: str = HOSTILE) -> Path:
    """Region Syd, the police and UD renamed with `text`; UD reached only by a local `how` line."""
    folder.mkdir(exist_ok=True)
    syd = next(r for r in _shipped("regions.yaml")["regions"] if r["id"] == "syd")
    syd = {**syd, "name": text, "coordinators": [{**syd["coordinators"][0], "name": text}],
           "numbers": [{**syd["numbers"][0], "name": text, "use": text}]}
    actors = {a["id"]: a for a in _shipped("actors.yaml")["actors"]}
    police = {**actors["polismyndigheten"], "name": text, "summary": text}
    ud = {**actors["utrikesdepartementet"], "name": f"UD {text}", "aliases": ["UD"],
          "contact": {"how": [{"text": f"Ring UD:s barnjour på 08-123 45 67. {text}",
                               "source": {"document": "Kommunens lista", "date": "2026-10"}}]}}
    (folder / "regions.yaml").write_text(yaml.safe_dump({"regions": [syd]}, allow_unicode=True), encoding="utf-8")
    (folder / "actors.yaml").write_text(yaml.safe_dump({"actors": [police, ud]}, allow_unicode=True),
                                        encoding="utf-8")
    return folder


# A child from outside the EU in Skåne who does not seek protection: UD, the police and region Syd all show.
CHILD = {"version": 2, "acute_danger": "no", "age": "child", "county": "Malmö", "origin": "non_eu",
         "purpose": ["begging"], "residence": "no_permit", "protection": "no", "police": "undecided",
         "return_home": "undecided", "needs": ["shelter"], "guardians": "unknown", "role": "socialtjanst"}


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = hostile_overlay(tmp_path / "lokalt")
    monkeypatch.setenv("MHSTOD_DATA_DIR", str(folder))
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich writes its styles as it would to a terminal
    monkeypatch.setenv("COLUMNS", "400")
    monkeypatch.setenv("MHSTOD_TODAY", "2026-12-07")
    return folder


def _answers(tmp_path: Path) -> str:
    path = tmp_path / "svar.yaml"
    path.write_text(yaml.safe_dump(CHILD, allow_unicode=True), encoding="utf-8")
    return str(path)


# Every command that shows data, each in Rich and plain text.
SHOWN = [("region", "--county", "Malmö"), ("regions",), ("contacts",), ("counties",), ("actors",),
         ("actor", "UD"), ("search", "Ring"), ("process",), ("process", "2"), ("process", "--overview"),
         ("lag",), ("scenario", "show", "romania-malmo", "--full")]


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("argv", SHOWN, ids=[" ".join(a) for a in SHOWN])
def test_a_local_text_is_shown_as_text_never_as_markup(capsys: pytest.CaptureFixture[str], overlay: Path,
                                                       argv: tuple[str, ...], plain: bool) -> None:
    code, out, err = run(capsys, *argv, *(["--plain"] if plain else []))
    assert code == 0, err
    assert not any(escape in out for escape in ESCAPES), "a link or blinking text from data"
    assert "internt fel" not in err
    if argv[0] in ("region", "regions", "contacts", "counties", "actors", "actor", "search"):
        flat = "".join(out.split())
        assert "[blink]Ring113[/blink]" in flat, "the text itself, brackets and all"


@pytest.mark.parametrize("extra", [(), ("--full",), ("--samtal",)])
def test_a_local_text_in_the_checklist_is_text(capsys: pytest.CaptureFixture[str], overlay: Path, tmp_path: Path,
                                               extra: tuple[str, ...]) -> None:
    code, out, err = run(capsys, "guide", "--answers", _answers(tmp_path), *extra)
    assert code == 0, err
    assert not any(escape in out for escape in ESCAPES)


def test_the_exports_escape_a_local_text(capsys: pytest.CaptureFixture[str], overlay: Path, tmp_path: Path) -> None:
    answers = _answers(tmp_path)
    md, page, data, ics = (tmp_path / f"fall.{ext}" for ext in ("md", "html", "json", "ics"))
    for target in (md, page, data):
        assert run(capsys, "guide", "--answers", answers, "-o", str(target))[0] == 0
    assert run(capsys, "guide", "--answers", answers, "--from", "2026-12-07", "--ics", str(ics))[0] == 0
    markdown = md.read_text(encoding="utf-8")
    assert "<b>" not in markdown and "**fet**" not in markdown and "\\*\\*fet\\*\\*" in markdown
    html = page.read_text(encoding="utf-8")
    assert "<b>fet" not in html and "&lt;b&gt;fet&lt;/b&gt;" in html and "evil.example" not in html.split(
        "[link=")[0]
    assert "href=\"https://evil" not in html
    assert HOSTILE in json.dumps(json.loads(data.read_text(encoding="utf-8")), ensure_ascii=False)
    assert not any(escape in ics.read_text(encoding="utf-8") for escape in ESCAPES)


def test_mermaid_shows_an_entity_code_as_it_is_spelt(capsys: pytest.CaptureFixture[str], overlay: Path) -> None:
    code, out, _ = run(capsys, "process", "--mermaid")
    assert code == 0
    assert "#lt;" not in out.replace("#35;lt;", ""), "Mermaid would draw #lt; as <"
    assert "#35;lt;b#35;gt;" in out and "#38;amp;" in out and "#96;kod#96;" in out
    assert "%%" not in out.split("flowchart", 1)[1], "no directive or comment from data"


# --- 2: markup in names no longer fails or forges ---------------------------------------------------------

@pytest.mark.parametrize("name", ["A [/bold] x", "[link=https://evil.example]Polisen[/link] [blink]Ring 113[/blink]"])
@pytest.mark.parametrize("command", ["actors", "counties"])
def test_a_name_with_markup_is_shown_in_the_tables(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, name: str, command: str) -> None:
    """`mhstod actors` failed with "internt fel (MarkupError …)"; a link printed as a hidden OSC 8 link."""
    hostile_overlay(tmp_path / "lokalt", name)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(capsys, command, "--data-dir", str(tmp_path / "lokalt"))
    assert code == 0 and err == ""
    assert not any(escape in out for escape in ESCAPES)
    assert "[/bold]" in out or "[blink]" in out


# --- 3: a local contact is marked local however it is reached ---------------------------------------------

def test_a_local_contact_reached_only_by_a_line_of_text_is_marked_local(capsys: pytest.CaptureFixture[str],
                                                                        overlay: Path, tmp_path: Path) -> None:
    answers = _answers(tmp_path)
    for extra in ((), ("--full",), ("--plain",)):
        out = run(capsys, "guide", "--answers", answers, *extra)[1]
        flat = " ".join(out.split())
        ud = flat[flat.index("Ring UD:s barnjour"):]
        assert "Lokal uppgift från" in ud[:400], extra
    for ext in ("md", "html"):
        target = tmp_path / f"ud.{ext}"
        assert run(capsys, "guide", "--answers", answers, "-o", str(target))[0] == 0
        text = " ".join(target.read_text(encoding="utf-8").split())
        assert "Lokal uppgift från" in text[text.index("Ring UD:s barnjour"):][:600], ext


# --- 4: standard input is the answers file too --------------------------------------------------------------

def test_force_never_writes_over_the_answers_read_from_standard_input(tmp_path: Path) -> None:
    answers = tmp_path / "f.json"
    answers.write_text(json.dumps({**CHILD}), encoding="utf-8")
    before = answers.read_bytes()
    with answers.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", "-", "--output", str(answers),
                               "--force"], stdin=stdin, capture_output=True, timeout=60,
                              env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert done.returncode == 2 and answers.read_bytes() == before
    assert "är svarsfilen som checklistan bygger på; den skrivs inte över" in done.stderr.decode()


# --- 5 and 6: what a local file cannot do -----------------------------------------------------------------

def _refused(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    code, out, err = run(capsys, "data", "check", "--data-dir", str(folder))
    assert code == 1 and out == "" and err.count("\n") == 1, err
    return err


def test_a_local_file_cannot_re_date_a_source_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    brochure = next(d for d in _shipped("sources.yaml")["documents"] if d["id"] == "004")
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump({"documents": [{**brochure, "date": "2026"}]}),
                                           encoding="utf-8")
    assert "'004' är ett av källdokumenten och kan inte ersättas lokalt" in _refused(capsys, tmp_path)


def _syd(tmp_path: Path, **changes: Any) -> Path:
    syd = next(r for r in _shipped("regions.yaml")["regions"] if r["id"] == "syd")
    coordinator = {**syd["coordinators"][0], **changes.pop("coordinator", {})}
    number = {**syd["numbers"][0], **changes.pop("number", {})}
    (tmp_path / "regions.yaml").write_text(yaml.safe_dump(
        {"regions": [{**syd, "coordinators": [coordinator], "numbers": [number]}]}, allow_unicode=True),
        encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("changes", "message"), [
    ({"coordinator": {"phones": ["０４０-34 93 54"]}}, "telefonnummer"),  # fullwidth digits
    ({"coordinator": {"phones": ["040-34 93 5٤"]}}, "telefonnummer"),  # an Arabic-Indic four
    ({"coordinator": {"as_of": "٢٠١٨"}}, "är inget datum"),
    ({"number": {"urgent": True}}, "en regions nummer kan inte vara ett nationellt nummer eller ett akutnummer"),
    ({"number": {"national": True}}, "en regions nummer kan inte vara ett nationellt nummer eller ett akutnummer"),
])
def test_a_local_region_cannot_look_like_what_it_is_not(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        changes: dict[str, Any], message: str) -> None:
    assert message in _refused(capsys, _syd(tmp_path, **changes))


def test_a_contact_dated_in_the_future_is_said_to_be_checked(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future as_of hid the warning that a contact may be out of date; now it is one itself."""
    monkeypatch.setenv("MHSTOD_TODAY", "2026-12-07")
    folder = _syd(tmp_path, coordinator={"as_of": "2031"})
    code, out, _ = run(capsys, "region", "--county", "Malmö", "--data-dir", str(folder), "--plain")
    assert code == 0 and "Uppgift daterad 2031, efter dagens datum: kontrollera datumet" in out
    data = json.loads(run(capsys, "region", "--county", "Malmö", "--data-dir", str(folder), "--json")[1])
    assert data["region"]["coordinators"][0]["stale"] is True


def test_the_examples_still_load(capsys: pytest.CaptureFixture[str]) -> None:
    for example in sorted((FIXTURES / "examples").glob("*.yaml")):
        assert run(capsys, "guide", "--answers", str(example))[0] == 0


# --- the last crashes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("plain", [False, True])
def test_a_search_echoes_what_was_typed_without_its_escape_codes(capsys: pytest.CaptureFixture[str],
                                                                 plain: bool) -> None:
    """`mhstod search $'\\e]0;pwned\\a\\e[2Jxyz'` retitled the window and cleared the screen (issue 23, 11)."""
    typed = "\x1b]0;pwned\x07\x1b[2Jxyz" + "a" * 120_000
    code, out, _ = run(capsys, "search", typed, *(["--plain"] if plain else []))
    assert code == 0 and "\x1b]0;" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert len(out) < 500, "a 120 kB query is not echoed whole"


@pytest.mark.parametrize(("today", "given"), [("9999-12-31", "idag"), ("0001-01-01", "igår"),
                                              ("2005-01-01", "igår")])
def test_a_day_said_in_words_is_checked_like_a_date(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch, today: str, given: str) -> None:
    """MHSTOD_TODAY=9999-12-31 with --from idag ended in "internt fel (OverflowError)" (issue 23, 14)."""
    monkeypatch.setenv("MHSTOD_TODAY", today)
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"),
                       "--from", given)
    assert code == 2 and "--from: datum från 2005 till 2099" in err and "internt fel" not in err


def test_output_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    """`mhstod region Skåne > /dev/full` was "internt fel (OSError: [Errno 28] …)" (issue 23, 15)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    for argv in (["region", "Skåne"], ["regions"], ["guide", "--answers", str(FIXTURES / "examples" /
                                                                             "swedish-teen.yaml"), "--json"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "mhstod", *argv], stdout=full, capture_output=False,
                                  stderr=subprocess.PIPE, timeout=60, env={**os.environ, "LC_ALL": "C.UTF-8"})
        said = done.stderr.decode()
        assert done.returncode == 1 and "utskriften kunde inte skrivas: disken är full" in said, said
        assert "internt fel" not in said and "Traceback" not in said and "Exception ignored" not in said


def test_a_number_named_twice_by_an_actor_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """100,000 references to one number in a 1 MiB file took 25 s and 436 MB (issue 23, 19)."""
    police = next(a for a in _shipped("actors.yaml")["actors"] if a["id"] == "polismyndigheten")
    (tmp_path / "actors.yaml").write_text(yaml.safe_dump(
        {"actors": [{**police, "contact": {"numbers": ["polisen"] * 50_000}}]}, default_flow_style=None,
        width=10**9), encoding="utf-8")
    assert "contact.numbers[1]: numret 'polisen' finns redan" in _refused(capsys, tmp_path)


# --- 17: an answer the others make moot is said, and left out of the summary for a call -------------------

def test_an_answer_to_a_question_that_does_not_apply_is_warned_about(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump({"version": 2, "acute_danger": "no", "age": "adult", "county": "Malmö",
                                       "origin": "sweden", "purpose": ["sexual"], "residence": "permit",
                                       "police": "yes", "return_home": "yes", "needs": ["none"],
                                       "role": "socialtjanst"}), encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(answers), "--samtal", "--plain")
    assert code == 0
    assert ("varning: Frågan 'return_home' (Vill personen återvända till sitt hemland?) ställs inte med de "
            "övriga svaren: svaret används inte.") in err
    assert "Återvända" not in out and "återvända" not in out.split("Frågor")[0], "not part of the case told"


@pytest.mark.parametrize("example", sorted((FIXTURES / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_public_examples_are_warned_only_where_a_question_is_not_asked(capsys: pytest.CaptureFixture[str],
                                                                          example: Path) -> None:
    """The Swedish teenager's file answers whether she wants to return home: a question the guide never asks."""
    code, _, err = run(capsys, "guide", "--answers", str(example))
    moot = [line for line in err.splitlines() if "ställs inte med de övriga svaren" in line]
    assert code == 0 and [m.split("'")[1] for m in moot] == (["return_home"] if example.stem == "swedish-teen"
                                                               else [])


# --- 20 and 21: messages that say what happened, and arguments that are not read leniently ----------------

@pytest.mark.parametrize(("argv", "said"), [
    (("guide", "--answers", ""), "--answers: ange en svarsfil (namnet är tomt)"),
    (("region", "-12"), "'-12' är inget alternativ; ett värde som börjar med - skrivs efter --"),
    (("process", "stöd"), "Flera steg passar 'stöd': 3 Inledande stöd eller 4 Långsiktigt stöd. Ange numret."),
    (("process", "--", "-3"), "Okänt steg '-3'"),
    (("region", "--county", "Skåne", "--county", "Kiruna"), "Alternativet --county anges 2 gånger"),
    (("region", "-c", "Skåne", "--county=Kiruna"), "Alternativet --county anges 2 gånger"),
    (("region", "-c", "Skåne", "-cKiruna"), "Alternativet --county anges 2 gånger"),
    (("guide", "--answers", "a.yaml", "--answers", "b.yaml"), "Alternativet --answers anges 2 gånger"),
    (("guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--from", "anmalan="),
     "--from anmalan=: ange ett datum efter '='"),
    (("guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--from", "=2026-11-27"),
     "--from =2026-11-27: ange händelsen före '='"),
])
def test_a_mistake_on_the_command_line_is_said_as_it_is(capsys: pytest.CaptureFixture[str],
                                                        argv: tuple[str, ...], said: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and said in err and err.count("\n") == 1, err


@pytest.mark.parametrize(("text", "name", "said"), [
    ("<<: {age: child}\n", "svar.yaml", "YAML:s sammanslagningsnyckel '<<', som inte läses"),
    ('{"age": ' + "9" * 5000 + "}", "svar.json", "ett tal i filen har fler än 100 siffror"),
])
def test_an_answers_file_s_mistake_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str,
                                            name: str, said: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(tmp_path / name))
    assert code == 2 and said in err and "ogiltig JSON" not in err and "[visas inte]" not in err


def test_the_package_s_numbers_are_not_under_a_local_heading(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    folder = hostile_overlay(tmp_path / "lokalt", "Kim Lokal")
    out = run(capsys, "region", "Malmö", "--data-dir", str(folder), "--plain")[1]
    local, _, package = out.partition("Från paketet:")
    rows = ("Vid akut fara: 112", "Stödtelefonen för yrkesverksamma (NMT): 020-39 00 00")
    assert "Lokala uppgifter från" in local and not any(row in local for row in rows)
    assert all(row in package for row in rows)


def test_a_place_typed_under_the_c_locale_is_found() -> None:
    """Under LC_ALL=C with PYTHONUTF8=0 the words came escaped: "Okänt län 'Sk??ne'" (issue 23, 23)."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run([sys.executable, "-m", "mhstod", "region", "Skåne", "--json"], capture_output=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["county"]["code"] == "12"


# --- found by fuzzing the surfaces added since round two (Deliver 4) -----------------------------------------

def test_a_local_document_whose_id_is_no_text_is_refused_in_words(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text('documents:\n  - {id: [1], file: x, title: t, publisher: p, date: "2026"}\n',
                                           encoding="utf-8")
    err = _refused(capsys, tmp_path)
    assert "internt fel" not in err and "sources.yaml" in err


@pytest.mark.parametrize("version", ['"²"', '"¹"', '"٢"'])
def test_a_version_in_digits_that_are_no_ascii_is_refused_in_words(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path, version: str) -> None:
    (tmp_path / "v.yaml").write_text(f"age: child\nversion: {version}\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(tmp_path / "v.yaml"))
    assert code == 2 and "Ogiltig version i svarsfilen" in err and "internt fel" not in err


@pytest.mark.parametrize("argv", [("region", "Malmö"), ("contacts",), ("guide", "--answers",
                                                                    str(FIXTURES / "examples" / "child-begging.yaml"))])
def test_a_moment_outside_the_calendar_is_one_line(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]) -> None:
    """MHSTOD_NOW=9999-12-31T23:59 overflowed in the after-hours line: "internt fel (OverflowError)"."""
    monkeypatch.setenv("MHSTOD_NOW", "9999-12-31T23:59")
    code, _, err = run(capsys, *argv)
    assert code == 2 and "MHSTOD_NOW='9999-12-31T23:59' är ingen tid" in err and "internt fel" not in err
    monkeypatch.delenv("MHSTOD_NOW")
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--nu",
                       "9999-12-31T23:59")
    assert code == 2 and "--nu: '9999-12-31T23:59' är ingen tid" in err


def test_a_from_message_echoes_no_escape_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "guide", "--answers", str(FIXTURES / "examples" / "child-begging.yaml"), "--from",
                       "=\x1b[2J\x1b]0;pwned\x07" + "x" * 100_000)
    assert code == 2 and "\x1b" not in err and "\x07" not in err and len(err) < 400


def test_a_search_s_json_holds_no_invisible_character(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "\u202eabc\u009b31m lv\u200bu", "--json")
    query = json.loads(out)["query"]
    assert code == 0 and not any(ch in query for ch in "\u202e\u009b\u200b")


def test_an_actor_with_thousands_of_local_numbers_is_shown(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    """10,294 numbers named by one actor took 24 s, each looked up by a scan; with an index, 2.5 s (the parse).

    The time is measured in the closing note of issue 23, not here.
    """
    numbers = [{"id": f"n{i}", "number": "08-1 1", "name": "n", "use": "u", "as_of": "2026",
                "source": {"document": "Lista", "date": "2026"}} for i in range(3000)]
    actor = {"id": "lokal", "name": "Lokal", "aliases": [], "kind": "kommunal", "summary": "s",
             "summary_source": {"document": "Lista", "date": "2026"}, "responsibilities": [],
             "contact": {"numbers": [n["id"] for n in numbers]}}
    (tmp_path / "actors.yaml").write_text(yaml.safe_dump({"numbers": numbers, "actors": [actor]},
                                                         default_flow_style=None, width=10**9), encoding="utf-8")
    code, out, _ = run(capsys, "actor", "lokal", "--data-dir", str(tmp_path), "--json")
    numbers_shown = json.loads(out)["actor"]["contact"]["numbers"]
    assert code == 0 and [n["id"] for n in numbers_shown] == [f"n{i}" for i in range(3000)]



def test_a_file_named_with_a_ring_is_read_under_the_c_locale(tmp_path: Path) -> None:
    """Decoding the command line as UTF-8 for places must leave file names as the system gave them."""
    (tmp_path / "fall-å.yaml").write_text("version: 3\nage: child\n", encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", "fall-å.yaml", "--json"],
                          capture_output=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
