"""A pager like git's (issue 24, part 3): long output on a terminal is paged; plain, piped or --no-pager never."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from mhstod.commands import pager

RECORD = "sh -c 'cat > paged.txt; echo \"$LESS\" > less.txt'"  # a pager that keeps what it was given


def test_the_pager_is_mhstod_s_then_the_user_s_then_less(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "most -s")
    monkeypatch.setenv("MHSTOD_PAGER", "less -S")
    assert pager.command() == ["less", "-S"]
    monkeypatch.delenv("MHSTOD_PAGER")
    assert pager.command() == ["most", "-s"]
    monkeypatch.setenv("PAGER", "")
    assert pager.command() is None, "an empty PAGER means none"


def test_what_is_paged_and_how(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MHSTOD_PAGER", RECORD)
    monkeypatch.delenv("LESS", raising=False)
    assert pager.page("\x1b[1mNu\x1b[0m\nrad 2\n")
    assert (tmp_path / "paged.txt").read_text(encoding="utf-8") == "\x1b[1mNu\x1b[0m\nrad 2\n", "colour kept"
    assert (tmp_path / "less.txt").read_text(encoding="utf-8").strip() == "FRX", "as git sets LESS"


def _run(tmp_path: Path, *argv: str, lines: int = 24) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "MHSTOD_PAGER": RECORD, "COLUMNS": "80", "LINES": str(lines)}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(sys.executable, ["-m", "mhstod", *argv], cwd=str(tmp_path), env=env, encoding="utf-8",
                          timeout=30, dimensions=(lines, 80))
    child.expect(pexpect.EOF)
    child.close()
    return child


@pytest.mark.slow
def test_a_long_look_up_on_a_terminal_is_paged(tmp_path: Path) -> None:
    child = _run(tmp_path, "process")
    assert child.exitstatus == 0
    paged = (tmp_path / "paged.txt").read_text(encoding="utf-8")
    assert "Steg 6. Ett tryggt återvändande" in paged and "\x1b[" in paged


@pytest.mark.slow
@pytest.mark.parametrize("argv", [("process", "--no-pager"), ("--plain", "process"), ("region", "Skåne")])
def test_no_pager_where_it_is_not_wanted(tmp_path: Path, argv: tuple[str, ...]) -> None:
    """--no-pager, --plain (a screen reader reads on) and output that fits the screen are written directly."""
    child = _run(tmp_path, *argv, lines=24 if argv[0] != "region" else 200)
    assert child.exitstatus == 0 and not (tmp_path / "paged.txt").exists()
    assert "Steg" in child.before or "Region Syd" in child.before
