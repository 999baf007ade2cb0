"""Whatever people and scripts throw at it: one clear line and exit 2, never a traceback, and quickly."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhstod.answers import from_mapping
from mhstod.errors import AnswersError, UsageError
from mhstod.load.answersfile import read_file
from mhstod.model import Knowledge
from mhstod.places import Gazetteer
from tests.helpers import run

QUESTIONS = ["acute_danger", "age", "county", "origin", "purpose", "residence", "protection", "police", "return_home",
             "needs", "guardians", "role"]
junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPOTHESIS
@given(typed=st.text(max_size=300))
def test_any_text_as_a_county(gazetteer: Gazetteer, typed: str) -> None:
    try:
        match = gazetteer.find(typed)
    except UsageError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 400
    else:
        assert match.place.county.region


@HYPOTHESIS
@given(answers=st.dictionaries(st.sampled_from(QUESTIONS) | st.text(max_size=12), junk, max_size=6))
def test_any_answers_mapping(knowledge: Knowledge, answers: dict[str, object]) -> None:
    try:
        result = from_mapping(knowledge, answers)
    except AnswersError as exc:
        assert "\n" not in str(exc)
    else:
        assert set(result.values) <= set(QUESTIONS)


@HYPOTHESIS
@given(raw=junk)
def test_any_top_level_value(knowledge: Knowledge, raw: object) -> None:
    with contextlib.suppress(AnswersError):
        from_mapping(knowledge, raw)


@HYPOTHESIS
@given(data=st.binary(max_size=400))
def test_any_bytes_as_an_answers_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("a") / "fall.yaml"
    path.write_bytes(data)
    try:
        read_file(str(path))
    except AnswersError as exc:
        assert "\n" not in str(exc)


def test_a_huge_county_is_quick(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    with pytest.raises(UsageError):
        gazetteer.find("Skåne " * 200_000)
    assert time.perf_counter() - started < 1.0


def test_billion_laughs_is_refused_quickly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "fall.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert time.perf_counter() - started < 2.0
    assert code == 2 and out == "" and "YAML-alias" in err


def test_a_huge_answers_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text("county: " + "x" * 2_000_000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(path))
    assert code == 2 and "större än" in err


@pytest.mark.parametrize("argv", [
    ["region", "--county", "\udcff"], ["region", "--county", "x" * 100_000], ["region", "--municipality", ""],
    ["guide", "--answers", "/"], ["nosuchcommand"], ["region", "--county"],
])
def test_no_traceback_as_a_process(tmp_path: Path, argv: list[str]) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C"}
    result = subprocess.run([sys.executable, "-m", "mhstod", *argv], capture_output=True, cwd=tmp_path, env=env,
                            timeout=60)
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("argv", [["contacts"], ["--plain", "contacts"], ["scenario", "play", "romania-malmo"],
                                  ["region", "--county", "Skåne", "--json"], ["-h"], ["region", "--help"]])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, argv: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "mhstod", *argv], stdout=write_end, stdin=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, cwd=tmp_path, timeout=60)
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 0, "the same for every command: the reader chose to stop"


def test_an_output_encoding_without_the_symbols(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = subprocess.run([sys.executable, "-m", "mhstod", "contacts"], capture_output=True, cwd=tmp_path, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Mia Schyberg".encode("latin-1") in result.stdout and "Västra".encode("latin-1") in result.stdout


@pytest.mark.parametrize("argv", [["contacts"], ["--plain", "contacts"], ["region", "--county", "Skåne", "--json"]])
def test_a_closed_stdout_ends_quietly(tmp_path: Path, argv: list[str]) -> None:
    """Started with standard output closed (mhstod contacts >&-): Python has no sys.stdout at all."""
    result = subprocess.run([sys.executable, "-m", "mhstod", *argv], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=tmp_path, timeout=60, preexec_fn=lambda: os.close(1))
    assert result.stderr == b""
    assert result.returncode == 0


def test_a_data_error_is_not_hidden_by_a_closed_pipe(tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").write_text("regions: [", encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        argv = ["data", "check", "--json", "--data-dir", str(tmp_path)]
        result = subprocess.run([sys.executable, "-m", "mhstod", *argv], stdout=write_end, stdin=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, cwd=tmp_path, timeout=60)
    finally:
        os.close(write_end)
    assert result.returncode == 1, "the broken data decides, not the reader who left"
    assert result.stderr.decode().startswith(f"mhstod: {tmp_path}/regions.yaml")


def test_a_bad_today_is_said_before_the_first_question(tmp_path: Path) -> None:
    import pexpect

    env = {**os.environ, "TERM": "dumb", "MHSTOD_TODAY": "igår"}
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "guide"], cwd=str(tmp_path), encoding="utf-8", timeout=30,
                          env=env, dimensions=(40, 80))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "MHSTOD_TODAY='igår' är inget datum" in child.before and "akut fara just nu" not in child.before


HOSTILE_ANSWERS = {
    "nested 40,000 deep (the C composer overflowed: exit 139)": "age: " + "[" * 40_000 + "]" * 40_000,
    "nested 2,000 deep (repr: internal error)": "age: " + "[" * 2_000 + "]" * 2_000,
    "a 4,000-digit hexadecimal number (internal error)": "age: 0x" + "f" * 4_000,
    "a binary number of 20,000 digits": "age: 0b" + "1" * 20_000,
    "a base-60 number (5 s, then an internal error)": "age: " + ":".join(["1"] * 3_000),
    "a merge key hiding a repeated answer": "age: child\n<<: {age: adult}",
    "a huge JSON-style number in a list": "age: [" + "9" * 4_000 + "]",
}


@pytest.mark.parametrize("text", list(HOSTILE_ANSWERS.values()), ids=list(HOSTILE_ANSWERS))
def test_a_hostile_answers_file_is_one_short_line_and_quick(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                             text: str) -> None:
    path = tmp_path / "fall.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run(capsys, "guide", "--answers", str(path))
    assert time.perf_counter() - started < 3.0
    assert code == 2 and out == "", err
    lines = [line for line in err.splitlines() if "varning" not in line]
    assert len(lines) == 1 and len(lines[0]) < 300 and "internt fel" not in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_answers_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "fall.yaml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", str(fifo)], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "är ingen vanlig fil" in result.stderr


@pytest.mark.parametrize(("argv", "code"), [(["region", "--county", "Skåne"], 0), (["guide"], 2)])
def test_a_closed_stdin(tmp_path: Path, argv: list[str], code: int) -> None:
    """Started with standard input closed (`<&-`): "internt fel (AttributeError …isatty)" before."""
    result = subprocess.run([sys.executable, "-m", "mhstod", *argv], capture_output=True, text=True, cwd=tmp_path,
                            timeout=60, preexec_fn=lambda: os.close(0))
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == code // 2 and "internt fel" not in result.stderr


@pytest.mark.parametrize("columns", ["0", "1", "-5", "99999", "bred"])
def test_a_width_no_terminal_has_counts_as_the_default(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """COLUMNS=0 printed nothing with exit 0; COLUMNS=1 dropped 112 and every contact."""
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run(capsys, "region", "--county", "Skåne")
    assert code == 0 and "112" in out and "Lisa Green" in out and "lisa.green@malmö.se" in out


def test_a_folder_name_too_long_for_the_system(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --data-dir name over 255 bytes: an internal error (ENAMETOOLONG) before."""
    code, out, err = run(capsys, "region", "--county", "Skåne", "--data-dir", str(tmp_path / ("å" * 200)))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "namnet är för långt" in err and len(err) < 300 and "internt fel" not in err


@pytest.mark.parametrize("name", ["x\x1b[2Jy", "x\x1b]0;titel\x07y", "rad\nbrytning", "\u202egpj.md",
                                  "z" * 1_000_000])
def test_names_given_on_the_line_are_echoed_short_and_harmless(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                               name: str) -> None:
    """--data-dir and --output were echoed raw: escape codes, newlines, 1 MB in one line."""
    answers = tmp_path / "fall.yaml"
    answers.write_text("age: adult\ncounty: Skåne\n", encoding="utf-8")
    for argv in (["region", "--county", "Skåne", "--data-dir", name],
                 ["guide", "--answers", str(answers), "-o", str(tmp_path / "saknas" / name)]):
        code, _, err = run(capsys, *argv)
        assert code in (1, 2) and err.count("\n") == 1 and len(err) < 300, err[:300]
        assert not any(ch in err for ch in "\x1b\x07\u202e")


SECRET = "root:$6$hemligtsalt$hemlighash:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n"


def test_a_secret_file_given_as_answers_is_not_printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`--answers /etc/shadow` printed the file's first key, which is its first line."""
    secret = tmp_path / "shadow"
    secret.write_text(SECRET, encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(secret))
    assert code == 2 and "Okänd fråga [visas inte]" in err
    assert "root:" not in err and "$6$" not in err and "hemlig" not in err


def test_an_overlay_linked_to_a_secret_file_is_not_printed(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "regions.yaml").symlink_to(secret)
    code, _, err = run(capsys, "region", "--county", "Skåne", "--data-dir", str(folder))
    assert code == 1 and "okänd nyckel [visas inte]" in err
    assert "root:" not in err and "$6$" not in err and "hemlig" not in err


def test_a_mistyped_name_is_still_quoted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Only what does not look like a name is held back: a misspelt question is said as written."""
    answers = tmp_path / "fall.yaml"
    answers.write_text("ålder: vuxen\n", encoding="utf-8")
    code, _, err = run(capsys, "guide", "--answers", str(answers))
    assert code == 2 and "Okänd fråga 'ålder'" in err


@pytest.mark.parametrize("reader", ["head -c 10 >/dev/null", "true"])
@pytest.mark.parametrize("argv", [["-h"], ["region", "-h"], ["contacts"], ["--plain", "-h"]])
def test_a_reader_that_stops_early_ends_it_quietly(tmp_path: Path, argv: list[str], reader: str) -> None:
    """`mhstod -h | head -c 10` exited 1 (Rich's help into the closed pipe), and so did Click's plain help into
    a reader that had left (`| true`); every other command exited 0."""
    script = f'"$0" -m mhstod "$@" | {reader}; exit "${{PIPESTATUS[0]}}"'
    result = subprocess.run(["bash", "-c", script, sys.executable, *argv], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and result.stderr == ""
