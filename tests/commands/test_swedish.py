"""Swedish where a user looks: every command's help and the errors a user can provoke, with no English left."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run

COMMANDS = [[], ["region"], ["counties"], ["regions"], ["contacts"], ["guide"], ["process"], ["actors"], ["actor"],
            ["search"], ["lag"], ["data"], ["data", "check"], ["scenario"], ["scenario", "list"],
            ["scenario", "show"], ["scenario", "play"], ["completion"]]
# Typer's and Click's own words, as they appeared in the help and the errors.
ENGLISH = re.compile(r"\b(Usage|Options|Commands|Arguments|Show this message|required|env var|default|Error|"
                     r"Missing|No such|Try|Did you mean|Got unexpected|requires an argument|Aborted|COMMAND|ARGS|"
                     r"OPTIONS|TEXT)\b|<str>|\[required\]")


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "mhstod")
def test_every_help_is_in_swedish(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  command: list[str], plain: bool) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, *(["--plain"] if plain else []), *command, "-h")
    assert code == 0 and err == ""
    assert "Användning: mhstod" in out and "Visa den här hjälpen och avsluta." in out
    assert not ENGLISH.search(out), ENGLISH.search(out)
    usage = out[out.index("Användning: mhstod"):].split("\n")[0]
    assert "{" not in usage and "<" not in usage, usage


ERRORS = [["gude"], ["region", "--nope"], ["region", "--county"], ["region", "Skåne", "Lund"], ["actor"],
          ["scenario", "play"], ["--plain"], ["region", "Narnia"], ["guide", "--answers", "/finns/inte.yaml"],
          ["scenario", "show", "finns-inte"], ["actor", "ingen-sådan-aktör"], ["search"], ["data", "nope"],
          ["completion", "tcsh"], ["completion"]]


@pytest.mark.parametrize("argv", ERRORS, ids=lambda a: " ".join(a))
def test_every_error_is_one_line_in_swedish(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "", (code, err)
    assert err.startswith("mhstod: ") and err.count("\n") == 1
    assert not ENGLISH.search(err), err


def test_mhstod_alone_shows_the_help_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """`mhstod` alone exited 2, as if asking for help were a mistake."""
    code, out, err = run(capsys)
    assert code == 0 and "Användning: mhstod [ALTERNATIV] KOMMANDO" in out and err == ""


def test_version_with_capital_v(capsys: pytest.CaptureFixture[str]) -> None:
    from mhstod import __version__

    assert run(capsys, "-V") == (0, f"mhstod {__version__}", "")


@pytest.mark.parametrize(("typed", "said"), [("Skåne", "Du angav: Skåne län"),
                                             ("Lund", "Du angav: Lund (kommun i Skåne län)"),
                                             ("12", "Du angav: Skåne län")])
def test_the_place_as_people_type_it(capsys: pytest.CaptureFixture[str], typed: str, said: str) -> None:
    """`mhstod region Skåne` failed: only --county and --municipality were understood."""
    code, out, _ = run(capsys, "region", typed)
    assert code == 0 and said in out and "Lisa Green" in out
    assert run(capsys, "region", "--county", typed)[1] == out, "the same as the option"


def test_a_place_given_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "region", "Skåne", "--municipality", "Lund")
    assert code == 2 and "en gång" in err


def test_answers_from_standard_input(tmp_path: Path) -> None:
    """`--answers -` for a script that builds the answers."""
    result = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", "-", "--json"],
                            input="age: child\ncounty: Lund\nrole: socialtjanst\n", capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"age"' in result.stdout and "Skåne" in result.stdout
    broken = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", "-"], input="age: [\n",
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert broken.returncode == 2 and broken.stderr.startswith("mhstod: Svaren på standardinmatningen rad 2")
    assert list(tmp_path.iterdir()) == []
