"""Local contacts: a directory of YAML files overlays the shipped data by id, validated as strictly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhstod.answers import from_mapping
from mhstod.engine import build_checklist
from mhstod.load import load
from tests.helpers import run

OST = """\
regions:
  - id: ost
    name: Region Öst
    source: {document: "Linköpings kommun, kontaktlista", date: "2026-10"}
    counties:
      - {code: "04", source: {doc: "004", section: "KONTAKT – Region Öst"}}
      - {code: "05", source: {doc: "004", section: "KONTAKT – Region Öst"}}
      - {code: "06", source: {doc: "004", section: "KONTAKT – Region Öst"}}
    coordinators:
      - id: lokal-koordinator
        name: Kim Lokal
        phones: ["013-20 00 00"]
        emails: ["kim.lokal@linkoping.se"]
        focus: {age: any, purpose: any}
        as_of: "2026-10"
        source: {document: "Linköpings kommun, kontaktlista", date: "2026-10"}
"""
SOCIALJOUR = """\
numbers:
  - id: socialjour-linkoping
    number: "013-20 60 00"
    name: "Socialjouren i Linköping"
    use: "Socialtjänstens jour utanför kontorstid"
    as_of: "2026-10"
    source: {document: "Linköpings kommun, kontaktlista", date: "2026-10"}
"""


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "regions.yaml").write_text(OST, encoding="utf-8")
    (folder / "actors.yaml").write_text(SOCIALJOUR, encoding="utf-8")
    return folder


def test_a_local_coordinator_for_region_ost(capsys: pytest.CaptureFixture[str], overlay: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # long temporary paths, unwrapped
    code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", str(overlay), "--json")
    data = json.loads(out)
    assert code == 0
    region = data["region"]
    assert region["local"] == str(overlay / "regions.yaml")
    assert [(c["name"], c["phones"], c["local"], c["stale"]) for c in region["coordinators"]] == [
        ("Kim Lokal", ["013-20 00 00"], str(overlay / "regions.yaml"), False)]
    code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", str(overlay))
    assert f"Lokala uppgifter från {overlay / 'regions.yaml'}" in out and "Kim Lokal" in out


def test_other_regions_are_untouched(capsys: pytest.CaptureFixture[str], overlay: Path) -> None:
    data = json.loads(run(capsys, "region", "--county", "Skåne", "--data-dir", str(overlay), "--json")[1])
    assert data["region"]["local"] is None
    assert [c["name"] for c in data["region"]["coordinators"]] == ["Lisa Green", "Sara Olsson"]


def test_the_environment_variable(capsys: pytest.CaptureFixture[str], overlay: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHSTOD_DATA_DIR", str(overlay))
    code, out, _ = run(capsys, "data", "check")
    assert code == 0
    assert "13 kontakter" not in out and f"Lokal uppgift: regions 'ost' från {overlay / 'regions.yaml'}" in out
    assert f"Lokal uppgift: numbers 'socialjour-linkoping' från {overlay / 'actors.yaml'}" in out


def test_the_checklist_marks_local_contacts(overlay: Path) -> None:
    knowledge = load(str(overlay))
    checklist = build_checklist(knowledge, from_mapping(knowledge, {"county": "Norrköping"}))
    kim = next(c for c in checklist.contacts if c.name == "Kim Lokal")
    assert kim.local == str(overlay / "regions.yaml")


@pytest.mark.parametrize(("file", "content", "message"), [
    ("regions.yaml", OST.replace("kim.lokal@linkoping.se", "kim.lokal(at)linkoping.se"),
     "regions.yaml: regions[0].coordinators[0].emails[0]: 'kim.lokal(at)linkoping.se' är ingen e-postadress"),
    ("regions.yaml", OST.replace('    counties:\n      - {code: "04"', '    counties:\n      - {code: "12"'),
     "regions.yaml: regions[0].counties[0].code: länet '12' ligger redan i region"),
    ("regions.yaml", OST.replace("  - id: ost\n", "  - name_only: true\n"),
     "regions.yaml: regions[0]: en lokal post behöver ett 'id'"),
    ("regions.yaml", "regions:\n  - id: ost\n    name: [\n", "regions.yaml: rad 4: ogiltig YAML"),
    ("regions.yaml", "counties: []\n", "regions.yaml: okänd nyckel 'counties'"),
    ("process.yaml", "steps: []\n", "process.yaml: filen kan inte läggas över"),
    ("actors.yaml", SOCIALJOUR.replace('    as_of: "2026-10"\n', ""),
     "numbers[0]: numret behöver 'as_of' (källans datum) eller 'seen'"),
    ("actors.yaml", SOCIALJOUR.replace('"013-20 60 00"', '"ring kommunen"'),
     "numbers[0].number: 'ring kommunen' är inget telefonnummer"),
])
def test_bad_local_data_is_exit_1_naming_file_and_place(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        file: str, content: str, message: str) -> None:
    (tmp_path / file).write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "data", "check", "--data-dir", str(tmp_path))
    assert code == 1 and out == ""
    assert err.startswith(f"mhstod: {tmp_path}/") and message in err, err
    assert err.count("\n") == 1


def test_data_check_json_says_what_failed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").write_text("regions: [", encoding="utf-8")
    code, out, err = run(capsys, "data", "check", "--data-dir", str(tmp_path), "--json")
    assert code == 1 and err.startswith(f"mhstod: {tmp_path}/regions.yaml")
    data = json.loads(out)
    assert data["ok"] is False and data["error"] == err.removeprefix("mhstod: ").rstrip("\n")


def test_a_directory_where_a_file_should_be(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").mkdir()
    code, _, err = run(capsys, "data", "check", "--data-dir", str(tmp_path))
    assert code == 1 and err.startswith(f"mhstod: {tmp_path}/regions.yaml: filen är en katalog")
    assert "internt fel" not in err


def test_a_missing_directory_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "region", "--county", "Skåne", "--data-dir", str(tmp_path / "saknas"))
    assert code == 2 and "Katalogen för lokala uppgifter finns inte" in err


NATIONAL = """\
numbers:
  - id: {ident}
    number: "113"
    name: "Nödnummer"
    use: "Vid akut fara"
    as_of: "2026-10"
    source: {{document: "Kommunens lista", date: "2026"}}
"""


@pytest.mark.parametrize("ident", ["nodnummer", "polisen", "stodtelefonen"])
def test_a_national_number_cannot_be_replaced_locally(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      ident: str) -> None:
    """An overlay made 112 read "Vid akut fara: 113", unmarked: what is called in danger is what the package ships."""
    (tmp_path / "actors.yaml").write_text(NATIONAL.format(ident=ident), encoding="utf-8")
    code, out, err = run(capsys, "region", "--county", "Skåne", "--data-dir", str(tmp_path))
    assert code == 1 and out == ""
    assert f"actors.yaml: numbers[0]: '{ident}' är ett nationellt nummer" in err and "113" not in err


@pytest.mark.parametrize("flag", ["urgent: true", "national: true"])
def test_a_local_number_cannot_make_itself_urgent(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  flag: str) -> None:
    text = NATIONAL.format(ident="lokalt-akutnummer").replace('    as_of:', f"    {flag}\n    as_of:")
    (tmp_path / "actors.yaml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "data", "check", "--data-dir", str(tmp_path))
    assert code == 1 and "kan inte vara ett nationellt nummer eller ett akutnummer" in err


def test_a_local_number_is_not_listed_with_112(capsys: pytest.CaptureFixture[str], overlay: Path) -> None:
    """Every extra number landed in the urgent block of `region` and `contacts`."""
    for argv in (["region", "--county", "Linköping"], ["contacts"]):
        code, out, _ = run(capsys, *argv, "--data-dir", str(overlay), "--json")
        assert code == 0
        assert [n["number"] for n in json.loads(out)["urgent"]] == ["112", "114 14"]


@pytest.mark.parametrize("as_of", ["9999", "0000", "2018-02-30", "2018-13", "2018-00", "1800"])
def test_a_date_that_is_no_date_is_refused_at_load(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   as_of: str) -> None:
    """These passed `data check`, then every look-up failed with an internal error."""
    (tmp_path / "regions.yaml").write_text(OST.replace('"2026-10"', f'"{as_of}"'), encoding="utf-8")
    code, _, err = run(capsys, "data", "check", "--data-dir", str(tmp_path))
    assert code == 1 and "coordinators[0].as_of" in err and "internt fel" not in err, err
    code, _, err = run(capsys, "region", "--county", "Linköping", "--data-dir", str(tmp_path))
    assert code == 1 and "internt fel" not in err


def yaml_quoted(text: str) -> str:
    """Text as a YAML double-quoted string: everything outside printable ASCII as an escape (\\U0001D173)."""
    def escape(character: str) -> str:
        if character in '"\\':
            return "\\" + character
        return character if " " <= character <= "~" else f"\\U{ord(character):08x}"

    return '"' + "".join(escape(character) for character in text) + '"'


HIDDEN = {"escape: clear screen": "\x1b[2J", "escape: window title": "\x1b]0;hackad\x07", "C1 CSI": "\u009b31m",
          "tag character": "\U000e0041", "musical symbol format": "\U0001d173", "shorthand format": "\U0001bca0",
          "line separator": "\u2028", "private use": "\ue000",
          "newline": "\n", "bidi override": "\u202e", "zero width": "\u200b", "tab": "\t"}


@pytest.mark.parametrize("field", ["name", "document"])
@pytest.mark.parametrize("hidden", list(HIDDEN.values()), ids=list(HIDDEN))
def test_a_control_or_bidi_character_is_refused_at_load(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        field: str, hidden: str) -> None:
    """They reached --plain, Rich, the Markdown file and even JSON, where they could forge or hide what is shown."""
    escaped = yaml_quoted(f"Kim{hidden}Lokal")
    text = OST.replace("name: Kim Lokal", f"name: {escaped}") if field == "name" else OST.replace(
        'document: "Linköpings kommun, kontaktlista", date: "2026-10"}\n    counties',
        f'document: {escaped}, date: "2026-10"}}\n    counties')
    assert text != OST
    (tmp_path / "regions.yaml").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "data", "check", "--data-dir", str(tmp_path))
    assert code == 1 and out == "" and "innehåller ett styr- eller osynligt tecken" in err
    assert "\x1b" not in err and "\u009b" not in err and "\u202e" not in err


def test_markup_from_an_overlay_is_escaped_in_the_markdown_file(capsys: pytest.CaptureFixture[str], overlay: Path,
                                                                tmp_path: Path) -> None:
    """<img onerror> reached `-o x.md` raw; HTML escaped it already."""
    regions = overlay / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8").replace(
        "name: Kim Lokal", 'name: "Kim <img src=x onerror=alert(1)> [klicka](https://example.com) *Lokal*"'),
        encoding="utf-8")
    answers = tmp_path / "fall.yaml"
    answers.write_text("county: Linköping\nage: adult\nrole: other\n", encoding="utf-8")
    for ending in ("md", "html"):
        target = tmp_path / f"fall.{ending}"
        code, _, err = run(capsys, "guide", "--answers", str(answers), "--data-dir", str(overlay), "-o", str(target))
        assert code == 0, err
        written = target.read_text(encoding="utf-8")
        assert "Kim &lt;img src=x onerror=alert(1)&gt;" in written and "<img" not in written
    assert "\\[klicka\\](https://example.com) \\*Lokal\\*" in (tmp_path / "fall.md").read_text(encoding="utf-8")


def _hidden_in(value: object) -> list[str]:
    """Every control, format (bidi, zero-width, tag), separator, private or unassigned character in a JSON value.

    Judged by the Unicode categories themselves, not by the code under test.
    """
    import unicodedata

    if isinstance(value, str):
        return [c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs")]
    if isinstance(value, dict):
        return [c for key, item in value.items() for c in _hidden_in(key) + _hidden_in(item)]
    if isinstance(value, list):
        return [c for item in value for c in _hidden_in(item)]
    return []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=24)
       | st.sampled_from(list(HIDDEN.values())).map(lambda hidden: f"Kim{hidden}Lokal"))
def test_any_overlay_text_is_refused_in_one_line_or_shown_without_hidden_characters(
        capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("lokalt")
    escaped = yaml_quoted(text)
    (folder / "regions.yaml").write_text(OST.replace("name: Kim Lokal", f"name: {escaped}"),
                                         encoding="utf-8")
    (folder / "actors.yaml").write_text(SOCIALJOUR.replace('name: "Socialjouren i Linköping"', f"name: {escaped}"),
                                        encoding="utf-8")
    code, out, err = run(capsys, "region", "--county", "Linköping", "--data-dir", str(folder), "--json")
    if code == 0:
        assert not _hidden_in(json.loads(out))
    else:
        assert code == 1 and out == "" and err.count("\n") == 1 and "internt fel" not in err, err
        assert not _hidden_in(err.rstrip("\n"))


def test_a_large_overlay_costs_in_proportion_to_its_size(capsys: pytest.CaptureFixture[str],
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    """Thousands of local entries took 10 s for `region`: four times the entries may cost about four times the
    time (quadratic work would be sixteen), never more than nine."""
    import time

    row = ("      - {{id: c{i}, name: C{i}, phones: ['013-20 00 00'], emails: ['a@b.se'], "
           "focus: {{age: any, purpose: any}}, as_of: '2026', source: {{document: x, date: '2026'}}}}\n")
    head, _, _ = OST.partition("    coordinators:\n")

    def seconds(count: int) -> float:
        best = float("inf")
        for _ in range(2):
            folder = tmp_path_factory.mktemp("stort")  # a new folder: nothing read before is reused
            (folder / "regions.yaml").write_text(head + "    coordinators:\n" + "".join(
                row.format(i=i) for i in range(count)), encoding="utf-8")
            started = time.perf_counter()
            code, out, _ = run(capsys, "region", "--county", "Linköping", "--data-dir", str(folder), "--json")
            best = min(best, time.perf_counter() - started)
            assert code == 0 and len(json.loads(out)["region"]["coordinators"]) == count
        return best

    assert seconds(2_000) < 9 * seconds(500)


@pytest.mark.parametrize("ident", ["[a]", "{a: b}"])
def test_an_id_that_is_a_list_or_a_mapping_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       ident: str) -> None:
    """`numbers: [{id: [a]}]` gave "internt fel (unhashable type)" in the check for national numbers."""
    (tmp_path / "actors.yaml").write_text(f"numbers:\n  - {{id: {ident}}}\n", encoding="utf-8")
    for argv in (["data", "check"], ["contacts"], ["region", "--county", "Skåne"]):
        code, _, err = run(capsys, *argv, "--data-dir", str(tmp_path))
        assert code == 1 and err.count("\n") == 1 and "internt fel" not in err, err
