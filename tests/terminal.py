"""The guide driven through a real pseudo-terminal (pexpect), as a caseworker's keys reach it."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"


def spawn(cwd: Path, *args: str, term: str = "xterm", after: tuple[str, ...] = (),
          program: list[str] | None = None, preexec_fn: Callable[[], object] | None = None,
          columns: int = 100) -> pexpect.spawn:
    """The guide in a terminal of `columns` × 50; `program` is how it is started (by default `python -m mhstod`)."""
    command, *start = program or [sys.executable, "-m", "mhstod"]
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": term, "COLUMNS": str(columns), "LINES": "50",
           "PAGER": "cat"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(command, [*start, *args, "guide", *after], cwd=str(cwd), env=env,
                          encoding="utf-8", timeout=20, dimensions=(50, columns), preexec_fn=preexec_fn)
    child.delaybeforesend = None  # each send waits for the screen (answer()), not for pexpect's fixed 50 ms
    return child


def screen_lines(drawn: str) -> list[str]:
    """What was drawn, without escape codes; a cursor movement starts a new line (so no line is made longer)."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-HJK]", "\n", drawn)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "\n").split("\n")


RENDERED = "\x1b[?7h"  # prompt_toolkit turns line wrap back on when a render is complete


def answer(child: pexpect.spawn, prompt: str, *keys: str) -> None:
    """Wait for the prompt to be drawn (keys sent earlier may be dropped), then press the keys."""
    child.expect(prompt)
    child.expect_exact(RENDERED)
    for key in keys:
        child.send(key)


def first_part(child: pexpect.spawn) -> None:
    """Danger no, a child, in Malmö, from the EU."""
    answer(child, "akut fara just nu", DOWN, ENTER)
    answer(child, r"ett barn \(under 18 år\)", ENTER)
    answer(child, "Ange län eller kommun", "Malmö", ENTER)
    answer(child, "kommer personen från", DOWN, ENTER)


def quit_at_the_end(child: pexpect.spawn) -> None:
    """The menu after the checklist: "Avsluta" is the last choice; Up wraps to it."""
    answer(child, "Vad vill du göra nu", UP, ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def rest(child: pexpect.spawn) -> None:
    """Begging; residence, protection, police and return unknown; shelter; social services."""
    answer(child, "utnyttjats för", DOWN, DOWN, SPACE, ENTER)
    answer(child, "rätt att vistas i Sverige", DOWN, DOWN, ENTER)
    answer(child, "asyl eller annat skydd", DOWN, DOWN, DOWN, ENTER)
    answer(child, "polisanmälan", DOWN, DOWN, ENTER)
    answer(child, "återvända", DOWN, DOWN, ENTER)
    answer(child, "behöver personen", SPACE, ENTER)
    answer(child, "vårdnadshavare vara inblandade", DOWN, DOWN, ENTER)
    answer(child, "Var arbetar du", ENTER)
