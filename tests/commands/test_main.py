"""What every command shares: version and help, exit codes as a process, plain mode, colour and widths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mhstod import __version__
from mhstod.commands.main import main
from tests.helpers import run


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"mhstod {__version__}")


def test_help_with_h(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "region" in out


def _run_process(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "mhstod", *argv], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=60)


def test_region_json_as_a_process_loads_no_prompt_or_rich_library_nor_the_completion(tmp_path: Path) -> None:
    probe = ("import sys, runpy; sys.argv=['mhstod','region','--county','Skåne','--json'];"
             "from mhstod.commands.main import main; code = main(sys.argv[1:]);"
             "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'rich','questionary','prompt_toolkit'}"
             " or m == 'mhstod.commands.shells');"
             "print('LOADED', bad, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["region"]["id"] == "syd"
    assert "LOADED []" in result.stderr


def test_errors_as_a_process(tmp_path: Path) -> None:
    result = _run_process("region", "--county", "Nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("mhstod: Okänt län 'Nowhere'.")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("env", [{"TERM": "xterm"}, {"TERM": "dumb"}])
def test_plain_has_no_escape_codes_even_on_a_terminal(tmp_path: Path, env: dict[str, str]) -> None:
    import pexpect

    argv = ["-m", "mhstod", "--plain", "contacts"] if env["TERM"] == "xterm" else ["-m", "mhstod", "contacts"]
    child = pexpect.spawn(sys.executable, argv, cwd=str(tmp_path), encoding="utf-8", timeout=30,
                          env={**os.environ, **env, "COLUMNS": "80"}, dimensions=(40, 80))
    child.expect(pexpect.EOF)
    child.close()
    output = child.before
    assert child.exitstatus == 0
    assert "Mia Schyberg" in output and "020-39 00 00" in output
    assert "\x1b" not in output and "─" not in output


@pytest.mark.parametrize("args", [["--plain", "--help"], ["--plain", "nonsense"], ["--plain", "region", "--nope"],
                                  ["region", "--nope", "--plain"]])
def test_plain_help_and_usage_errors_have_no_boxes_either(tmp_path: Path, args: list[str]) -> None:
    import pexpect

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", *args], cwd=str(tmp_path), encoding="utf-8",
                          timeout=30, env={**env, "TERM": "xterm-256color", "COLUMNS": "80"}, dimensions=(40, 80))
    child.expect(pexpect.EOF)
    child.close()
    if "--help" in args:
        assert "Användning: mhstod" in child.before
    else:
        assert child.before.startswith("mhstod: ") and child.before.count("\n") == 1, "a usage error is one line"
    assert "\x1b" not in child.before and "╭" not in child.before


def test_plain_anywhere_on_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    """People put options last: 'mhstod contacts --plain' is the same as 'mhstod --plain contacts'."""
    assert main(["--plain", "contacts"]) == 0
    first = capsys.readouterr().out
    assert main(["contacts", "--plain"]) == 0
    assert capsys.readouterr().out == first and "┃" not in first and "─" not in first
    assert main(["search", "--", "--plain"]) == 0, "after -- it is what to search for"
    assert capsys.readouterr().out == "Inga träffar för '--plain'.\n"


def test_colour_on_a_terminal_without_plain(tmp_path: Path) -> None:
    import pexpect

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "contacts"], cwd=str(tmp_path), encoding="utf-8",
                          timeout=30, env={**env, "TERM": "xterm-256color", "PAGER": "cat"}, dimensions=(40, 80))
    child.expect(pexpect.EOF)
    child.close()
    assert "\x1b[" in child.before


@pytest.mark.parametrize("width", [40, 60, 63, 64, 79, 80, 120, 200])
def test_widths(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for argv in (["contacts"], ["region", "--county", "Västra Götaland"], ["counties"], ["actors"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert max(len(line) for line in out.splitlines()) <= width, (argv, width)
        assert "…" not in out, "nothing cut short"
        rows = [line.rstrip() for line in out.splitlines() if line and line[0] in "┏┃┡│├└"]
        assert all(row[-1] in "┓┃┩│┤┘" for row in rows), "no table wider than the terminal, cropped"
        if argv == ["counties"]:
            assert "Södermanlands län" in out and "Västernorrlands län" in out, "no name cut or folded"
        if argv == ["actors"]:
            assert "Jämställdhetsmyndigheten" in out and "migrationsorganisationen)" in out


def test_lang_c(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C"}
    env.pop("PYTHONIOENCODING", None)
    result = subprocess.run([sys.executable, "-m", "mhstod", "region", "--county", "Skåne"], capture_output=True,
                            cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "lisa.green@malmö.se" in result.stdout.decode("utf-8")


def test_no_color_on_a_terminal_gives_no_colour(tmp_path: Path) -> None:
    import re

    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "mhstod", "region", "--county", "Skåne"], cwd=str(tmp_path),
                          encoding="utf-8", timeout=30,
                          env={**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1", "PAGER": "cat"},
                          dimensions=(40, 80))
    child.expect(pexpect.EOF)
    child.close()
    assert "Lisa Green" in child.before
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|38;5;\d+|9[0-7])m", child.before), "a colour code"


def test_plain_help_leaves_typers_rich_help_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    """--plain switches Typer's Rich help off for its own run only; a later run in the process is unchanged."""
    import typer.core
    import typer.main

    before = (typer.core.HAS_RICH, typer.main.HAS_RICH)  # type: ignore[attr-defined]
    assert before == (True, True), "Rich is installed, so Typer draws its help with it"
    assert main(["--plain", "region", "--help"]) == 0
    assert "╭" not in capsys.readouterr().out
    assert before == (typer.core.HAS_RICH, typer.main.HAS_RICH)  # type: ignore[attr-defined]
    assert main(["region", "--help"]) == 0
    assert "╭" in capsys.readouterr().out


def test_main_gives_back_what_it_changed_in_the_process(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Its signal handlers outlived it (a test run's own SIGTERM then failed one test and went on), and an
    absurd COLUMNS was rewritten for good."""
    import signal

    monkeypatch.setenv("COLUMNS", "0")
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)}
    assert main(["contacts"]) == 0
    assert "112" in capsys.readouterr().out
    assert {signum: signal.getsignal(signum) for signum in before} == before
    assert os.environ["COLUMNS"] == "0"


# A line that names a command gets a program with that command alone (start-up); it must not show.
NARROWED_LINES = [
    ["region", "Skåne", "--json"], ["region", "-h"], ["region"], ["region", "--bogus"], ["--plain", "region", "Skåne"],
    ["counties", "--json"], ["regions", "-h"], ["contacts", "--county", "Skåne"], ["guide", "-h"],
    ["guide", "--answers"], ["process", "3"], ["process", "9"], ["actors", "--json"], ["actor", "polisen"],
    ["actor"], ["search", "112"], ["lag", "kop"], ["data", "-h"], ["data"], ["scenario", "list"],
    ["scenario", "show", "nowhere"], ["scenario", "bogus"], ["completion", "bash"], ["completion", "-h"],
]


@pytest.mark.parametrize("argv", NARROWED_LINES, ids=" ".join)
def test_a_program_of_one_command_says_what_the_whole_program_says(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    from mhstod.commands import main as entry

    narrowed = main(list(argv)), *capsys.readouterr()
    monkeypatch.setattr(entry, "_command_named", lambda argv, app: None)
    whole = main(list(argv)), *capsys.readouterr()
    assert narrowed == whole


@pytest.mark.parametrize(("argv", "commands"), [
    (["region", "Skåne"], ["region"]), (["--plain", "scenario", "list"], ["scenario"]),
    (["regio"], None), (["-h"], None), ([], None), (["--", "region"], None), (["-V", "region"], None),
])
def test_only_a_named_command_is_built_alone(argv: list[str], commands: list[str] | None) -> None:
    from mhstod.commands.main import _program

    built = sorted(_program(argv).commands)
    assert built == (commands or sorted(_program().commands))
    assert len(_program().commands) > 10


@pytest.mark.parametrize("argv", [("region", "Skåne"), ("counties",), ("actors",), ("process", "2"),
                                  ("guide", "--answers", str(Path(__file__).parents[1] / "fixtures" / "examples" /
                                                             "child-begging.yaml"))])
def test_piped_output_has_no_trailing_spaces(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    """Copied into a case record, every line was padded with spaces to the terminal's width (issue 24, 8)."""
    assert main(list(argv)) == 0
    out = capsys.readouterr().out
    assert out and not [line for line in out.splitlines() if line != line.rstrip()]
