"""`mhstod guide` without a terminal: answers files, JSON, --output, errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mhstod import __version__
from mhstod.model import Knowledge
from tests.helpers import run

ROMANIA_MALMO = """\
acute_danger: no
age: child
county: Malmö
origin: eu
purpose: [begging]
residence: unknown
protection: no
police: undecided
return_home: undecided
needs: [shelter]
guardians: unknown
role: socialtjanst
"""




@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "fall.yaml"
    path.write_text(ROMANIA_MALMO, encoding="utf-8")
    return path


def test_answers_file_gives_the_checklist(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    code, out, err = run(capsys, "guide", "--answers", str(answers_file))
    assert code == 0, err
    assert "Checklista vid misstanke om människohandel" in out
    assert "Lisa Green" in out and "040-34 93 54" in out
    assert "Kontakta UD för att nå myndigheterna i barnets hemland" in out
    assert "Utrikesdepartementet (UD) – kontakten med myndigheterna i barnets hemland" in out
    assert "Bryssel II" not in out, "UD is a contact: described once, its duties in --full"
    assert "Stegen i stöd- och skyddsprocessen" not in out, "the steps are behind --full"
    assert err == ""
    code, out, _ = run(capsys, "guide", "--answers", str(answers_file), "--full")
    assert code == 0 and "Stegen i stöd- och skyddsprocessen" in out
    assert "Kontaktar UD i ärenden som berör barn för att få kontakt med behöriga myndigheter i hemlandet." in out
    assert "Bryssel II" in out


def test_json_checklist(capsys: pytest.CaptureFixture[str], answers_file: Path) -> None:
    code, out, _ = run(capsys, "guide", "--answers", str(answers_file), "--json")
    data = json.loads(out)
    assert code == 0 and data["schema_version"] == 2
    assert data["answers"]["age"] == "child" and data["answers"]["purpose"] == ["begging"]
    assert data["region"] == {"id": "syd", "name": "Region Syd"}
    assert data["place"]["municipality"]["name"] == "Malmö"
    assert [c["name"] for c in data["contacts"]][:4] == [
        "Stödtelefonen för yrkesverksamma (NMT)", "Regionkoordinatorerna i Region Syd (Malmö stad)", "Lisa Green",
        "Sara Olsson"], "the current numbers before the brochure's names from 2018"
    assert any("Bryssel II" in a["text"] for s in data["steps"] for a in s["actions"])
    assert all(a["placement"] for s in data["steps"] for a in s["actions"])
    assert data["to_verify"] and data["as_of"] == "2018"
    assert data["generated"] == {"date": "2026-11-23", "tool_version": __version__, "data_reviewed": "2026-11-23"}
    first = data["now"][0]
    assert first["id"] == "skyddsbedomning" and first["due"]["id"] == "genast" and first["source"]["doc"] == "001"
    assert first["source_text"][1]["text"].startswith("Gör omedelbar skyddsbedömning"), "the sources' own wording"
    assert {d["id"] for d in data["deadlines"]} == {"genast", "forhandsbedomning", "utredning-barn", "lvu-7", "lvu-8"}
    lvu = next(d for d in data["deadlines"] if d["id"] == "lvu-7")
    assert lvu["period"] == {"unit": "weeks", "length": 1} and lvu["law"] == "7 § LVU" and lvu["task"]
    for item in (*data["now"], *data["your_tasks"], *data["to_verify"],
                 *(d for o in data["others"] for d in o["duties"])):
        assert item["text"] and item["source"], item
    ids = [i["id"] for i in (*data["now"], *data["your_tasks"])]
    assert len(ids) == len(set(ids)), "now and your_tasks never repeat one another"
    own = {a["text"] for i in (*data["now"], *data["your_tasks"], *data["to_verify"]) for a in i["source_text"]}
    assert not own & {a["text"] for o in data["others"] for d in o["duties"] for a in d["source_text"]}


def test_json_answers_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.json"
    path.write_text(json.dumps({"acute_danger": "yes", "age": "adult", "county": "SE-O", "role": "polis"}))
    code, out, err = run(capsys, "guide", "--answers", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["now"][0]["number"]["number"] == "112" and data["now"][0]["urgent"]
    assert "varning: Svar saknas på 'origin'" in err


def test_unquoted_yes_in_yaml_means_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("acute_danger: yes\nage: Vet inte\ncounty: Skane\n", encoding="utf-8")
    code, out, _ = run(capsys, "guide", "--answers", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["answers"]["acute_danger"] == "yes" and data["answers"]["age"] == "unknown"


def test_missing_answers_warn_and_count_as_unknown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("county: Lund\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path), "--json")
    assert code == 0
    assert json.loads(out)["answers"]["age"] == "unknown"
    assert "Svar saknas på 'age'" in err and "räknas som ”Vet inte”" in err


def test_invalid_value_is_exit_2_naming_question_and_values(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("age: teenager\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and out == ""
    assert err == "mhstod: Ogiltigt svar på 'age': 'teenager'. Giltiga svar: child, adult, unknown.\n"


def test_unknown_question_and_bad_county(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("ålder: barn\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and "Okänd fråga 'ålder'" in err
    path.write_text("county: Narnia\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and "Svaret på 'county': Okänd kommun 'Narnia'" in err


@pytest.mark.parametrize("content", [b"\xff\xfe\x00bad", b"age: [unclosed", b"- just\n- a list\n", b"a: &x [1]\nb: *x"])
def test_broken_answers_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fall.yaml"
    path.write_bytes(content)
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and out == ""
    assert err.startswith("mhstod: ") and err.count("\n") == 1 and "Traceback" not in err


def test_missing_answers_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "guide", "--answers", str(tmp_path / "saknas.yaml"))
    assert code == 2 and "saknas.yaml' kan inte läsas: finns inte." in err


@pytest.mark.parametrize(("suffix", "marker"), [(".md", "# Checklista"), (".html", "<!DOCTYPE html>"),
                                                (".json", '"schema_version": 2')])
def test_output_formats(capsys: pytest.CaptureFixture[str], answers_file: Path, tmp_path: Path, suffix: str,
                        marker: str) -> None:
    target = tmp_path / f"checklista{suffix}"
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(target))
    assert code == 0
    content = target.read_text(encoding="utf-8")
    assert marker in content and "Lisa Green" in content
    assert "2026-11-23" in content and __version__ in content, "the date and the tool's version"
    assert f"sparades i {target}" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "a case file is private"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["fall.yaml", target.name]), "no temporary file"


def test_output_never_overwrites(capsys: pytest.CaptureFixture[str], answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "checklista.md"
    target.write_text("en annan anteckning\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(target))
    assert code == 2 and out == "" and "finns redan; ingenting skrivs över" in err
    assert target.read_text(encoding="utf-8") == "en annan anteckning\n"
    beside = str(answers_file.with_suffix(".md"))
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", beside)
    assert code == 0
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(answers_file))
    assert code == 2, "not even the answers file it was run from"


def test_output_is_checked_before_anything_else(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A bad --output is said first: in the interactive guide, before the first question."""
    code, _, err = run(capsys, "guide", "--answers", str(tmp_path / "saknas.yaml"),
                       "--output", str(tmp_path / "ingen-katalog" / "c.md"))
    assert code == 2 and "Katalogen för" in err and "svarsfilen" not in err


def test_a_symlink_at_the_name_is_not_followed(capsys: pytest.CaptureFixture[str], answers_file: Path,
                                                tmp_path: Path) -> None:
    link = tmp_path / "c.md"
    link.symlink_to(tmp_path / "elsewhere.md")  # dangling: writing through it would create its target
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(link))
    assert code == 2 and "finns redan" in err
    assert not (tmp_path / "elsewhere.md").exists()


def test_saved_answers_read_back_to_the_same_checklist(knowledge: Knowledge, answers_file: Path,
                                                       tmp_path: Path) -> None:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist
    from mhstod.export import answers_text, write_private
    from mhstod.load.answersfile import read_file

    given = from_mapping(knowledge, read_file(str(answers_file)))
    for name in ("svar.yaml", "svar.json"):
        target = tmp_path / name
        write_private(str(target), answers_text(knowledge, given, "json" if name.endswith("json") else "yaml",
                                                date(2026, 11, 23)))
        again = from_mapping(knowledge, read_file(str(target)))
        assert again.values == given.values and again.place is not None and given.place is not None
        assert again.place.place.label == given.place.place.label
        assert build_checklist(knowledge, again) == build_checklist(knowledge, given)
    header = (tmp_path / "svar.yaml").read_text(encoding="utf-8")
    assert header.startswith(f"# Svar till mhstod guide, sparade 2026-11-23 med mhstod {__version__}")
    assert 'county: "1280"  # Malmö (kommun i Skåne län)' in header
    assert "\nversion: 3\n" in header and json.loads((tmp_path / "svar.json").read_text())["version"] == 3


def test_unknown_output_format(capsys: pytest.CaptureFixture[str], answers_file: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(tmp_path / "x.docx"))
    assert code == 2 and "Okänt filformat" in err
    assert not (tmp_path / "x.docx").exists()


def test_html_escapes_what_it_shows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("county: Malmo\n", encoding="utf-8")
    target = tmp_path / "c.html"
    assert run(capsys, "guide", "--answers", str(path), "--output", str(target))[0] == 0
    html = target.read_text(encoding="utf-8")
    assert "'Malmo' tolkades som" in html or "&#x27;Malmo&#x27; tolkades som" in html
    assert "<script" not in html


def test_no_terminal_and_no_answers_is_exit_2(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mhstod", "guide"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2
    assert result.stderr == "mhstod: Standardinmatningen är ingen terminal: ange svaren med --answers FIL.\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "content", "message"), [
    ("fall.json", '{"age": "child", "age": "adult"}', "frågan 'age' står två gånger"),
    ("fall.yaml", "needs: [none, shelter]\n", "”Inget av detta” kan inte kombineras med andra svar"),
    ("fall.yaml", "purpose: [sexual, unknown]\n", "”Vet inte” kan inte kombineras med andra svar"),
])
def test_contradictory_answers_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
                                           content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and out == "" and message in err, err


def test_an_empty_answer_counts_as_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("age:\nrole: ''\ncounty: '12'\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path), "--json")
    assert code == 0, err
    assert "Svar saknas på 'age'" in err and "Svar saknas på 'role'" in err
    data = json.loads(out)
    assert data["answers"]["age"] == "unknown" and data["region"]["id"] == "syd"


def test_a_county_code_as_a_yaml_number_is_not_guessed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """YAML reads 12 as a number: a number is never taken for a code, which is text."""
    path = tmp_path / "fall.yaml"
    path.write_text("county: 12\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and out == ""
    assert 'skriv en kod inom citattecken, t.ex. county: "12"' in err


@pytest.mark.parametrize(("county", "place"), [("0114", "Upplands Väsby"), ("012", "")])
def test_a_code_with_a_leading_zero_is_text_not_octal(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      county: str, place: str) -> None:
    """YAML 1.1 read 0114 (Upplands Väsby) as octal 76 and 012 as 10 (Blekinge); now they are the text typed."""
    path = tmp_path / "fall.yaml"
    path.write_text(f"county: {county}\nage: adult\nrole: other\n", encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path), "--json")
    if place:
        assert code == 0 and json.loads(out)["place"]["municipality"]["name"] == place
    else:
        assert code == 2 and "Okänd kommun '012'" in err


def test_a_json_number_too_long_to_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.json"
    path.write_text('{"age": ' + "1" * 5000 + "}", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and "ett tal i filen har fler än 100 siffror" in err and "internt fel" not in err


def test_a_failed_output_still_shows_the_checklist_and_says_so(capsys: pytest.CaptureFixture[str],
                                                               answers_file: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder vanished between the check and the save: the JSON is printed, and the exit code says 1."""
    import mhstod.export

    def full(*args: object) -> None:
        raise mhstod.export.MhstodError("Kan inte skriva 'x.md': No space left on device.")

    monkeypatch.setattr(mhstod.export, "write_private", full)
    code, out, err = run(capsys, "guide", "--answers", str(answers_file), "--json", "--output",
                         str(tmp_path / "x.md"))
    assert code == 1 and json.loads(out)["schema_version"] == 2
    assert "No space left on device" in err


def test_the_whole_checklist_goes_through_the_pager_with_its_colours(knowledge: Knowledge, answers_file: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich's pager went through pydoc, which ignores $PAGER's choice and -R: colour was stripped (issue 24, 3)."""
    from rich.console import Console

    from mhstod.answers import from_mapping
    from mhstod.commands import guide, pager
    from mhstod.commands.output import Output
    from mhstod.engine import build_checklist
    from mhstod.load.answersfile import read_file

    shown: list[str] = []
    monkeypatch.setattr(pager, "wanted", lambda text: True)
    monkeypatch.setattr(pager, "page", lambda text: shown.append(text) or True)
    monkeypatch.delenv("NO_COLOR")
    terminal = Output(plain=False)
    monkeypatch.setattr(terminal, "console", lambda: Console(force_terminal=True, color_system="standard"))
    interview = object.__new__(guide.Interview)  # the pager alone: no terminal needed
    interview.output = terminal
    interview._page(build_checklist(knowledge, from_mapping(knowledge, read_file(str(answers_file)))))
    assert "Stegen i stöd- och skyddsprocessen" in shown[0] and "\x1b[" in shown[0]


def test_force_replaces_a_regular_file_but_never_the_answers_file_or_a_link(
        capsys: pytest.CaptureFixture[str], answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "checklista.md"
    target.write_text("förra versionen\n", encoding="utf-8")
    target.chmod(0o644)
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(target))
    assert code == 2 and "eller använd --force" in err
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Checklista") and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mhstod-")] == [], "no temporary file left"

    as_json = tmp_path / "fall.json"
    as_json.write_text('{"age": "adult", "county": "Malmö"}', encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(as_json), "--output", str(as_json), "--force")
    assert code == 2 and "är svarsfilen som checklistan bygger på" in err
    assert as_json.read_text(encoding="utf-8").startswith('{"age"')

    secret = tmp_path / "annan.md"
    secret.write_text("orörd\n", encoding="utf-8")
    link = tmp_path / "länk.md"
    link.symlink_to(secret)
    code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(link), "--force")
    assert code == 2 and "är ingen vanlig fil" in err
    assert secret.read_text(encoding="utf-8") == "orörd\n" and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_at_the_output_name_is_refused(capsys: pytest.CaptureFixture[str], answers_file: Path,
                                              tmp_path: Path) -> None:
    fifo = tmp_path / "checklista.md"
    os.mkfifo(fifo)
    for extra in ([], ["--force"]):
        code, _, err = run(capsys, "guide", "--answers", str(answers_file), "--output", str(fifo), *extra)
        assert code == 2 and ("finns redan" in err or "är ingen vanlig fil" in err)


def _limited(umask: int, file_size: int | None) -> None:
    """For a child process: a umask, and a limit on the size of a file it writes (`ulimit -f`)."""
    import resource

    os.umask(umask)
    if file_size is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))


@pytest.mark.skipif(sys.platform == "win32", reason="umask and ulimit are POSIX")
def test_output_is_private_under_any_umask(answers_file: Path, tmp_path: Path) -> None:
    """Created 0644 before, and 0666 under `umask 000`."""
    target = tmp_path / "ut" / "checklista.md"
    target.parent.mkdir()
    result = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", str(answers_file), "-o",
                             str(target)], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                            preexec_fn=lambda: _limited(0, None))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="umask and ulimit are POSIX")
def test_a_write_cut_short_by_the_system_leaves_no_file(answers_file: Path, tmp_path: Path) -> None:
    """`ulimit -f 4` left a truncated case file behind."""
    folder = tmp_path / "ut"
    folder.mkdir()
    result = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", str(answers_file), "-o",
                             str(folder / "checklista.md")], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL, preexec_fn=lambda: _limited(0o022, 4 * 1024))
    assert result.returncode == 1 and "filen blir för stor" in result.stderr, result.stderr
    assert list(folder.iterdir()) == [], "no truncated or temporary file stays behind"


@pytest.mark.parametrize(("version", "code", "said"), [
    ("", 0, ""), ("version: 1\n", 0, ""), ("version: 2\n", 0, ""), ("version: 3\n", 0, ""),
    ("version: 4\n", 2, "Svarsfilen har version 4, men den här versionen av mhstod läser svarsfiler upp till "
                        "version 3"),
    ("version: two\n", 2, "Ogiltig version i svarsfilen: 'two'"), ("version: true\n", 2, "Ogiltig version"),
    ("version: 2.0\n", 0, ""), ("version: '2'\n", 0, ""), ("version: 1.5\n", 2, "Ange ett heltal 1–3"),
    ("version: " + "9" * 4_000 + "\n", 2, "Ogiltig version i svarsfilen"),  # YAML keeps 19+ digits as text
])
def test_the_answers_file_names_its_version(capsys: pytest.CaptureFixture[str], tmp_path: Path, version: str,
                                            code: int, said: str) -> None:
    """A file without `version` reads as before; one written for a newer mhstod says so, not "okänd fråga"."""
    path = tmp_path / "fall.yaml"
    path.write_text(version + ROMANIA_MALMO, encoding="utf-8")
    got, out, err = run(capsys, "guide", "--answers", str(path))
    assert got == code, err
    assert said in err and "Traceback" not in err
    if code == 0:
        assert "Checklista vid misstanke om människohandel" in out


def test_a_file_of_version_1_without_protection_still_reads_and_says_what_is_missing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text(ROMANIA_MALMO.replace("protection: no\n", ""), encoding="utf-8")
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert code == 0
    assert "Svar saknas på 'protection'" in err
    assert "Kontakta UD" not in out and "UD och hemlandet: kontakta dem först" in out, "unknown: a check, never a task"


def test_a_huge_version_in_json_is_said_in_a_few_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.json"
    path.write_text('{"version": ' + "9" * 4_000 + ', "age": "child"}', encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and "ett tal i filen har fler än 100 siffror" in err and len(err) < 300
