"""One key press at a time, for `scenario play`: a trainer moves the room on without pressing Enter each time.

POSIX terminals are read in cbreak mode (Ctrl-C still interrupts) and put back however the read ends; where
there is no termios (Windows), a line is read instead: Enter for next, b and q followed by Enter.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator

from mhstod.classroom import Action

KEYS: dict[bytes, Action] = {
    b"\r": "next", b"\n": "next", b" ": "next", b"n": "next", b"j": "next",
    b"\x1b[C": "next", b"\x1bOC": "next", b"\x1b[B": "next", b"\x1bOB": "next", b"\x1b[6~": "next",
    b"b": "back", b"p": "back", b"k": "back", b"\x7f": "back", b"\x08": "back",
    b"\x1b[D": "back", b"\x1bOD": "back", b"\x1b[A": "back", b"\x1bOA": "back", b"\x1b[5~": "back",
    b"f": "full", b"F": "full",
    b"q": "quit", b"Q": "quit", b"\x1b": "quit", b"\x04": "quit",
}


@contextlib.contextmanager
def keys() -> Iterator[Iterator[Action]]:
    """The trainer's key presses as actions, for as long as the block runs; the terminal is put back after it.

    The terminal leaves line mode before the first slide is drawn, so that a key pressed early is neither echoed
    nor lost. Keys this player has no use for are ignored; the end of input is quit.
    """
    fd = sys.stdin.fileno()
    try:
        import termios
        import tty
    except ImportError:  # pragma: no cover - Windows
        yield _lines()
        return
    import signal

    before = termios.tcgetattr(fd)

    def resumed(_signum: int, _frame: object) -> None:
        # After Ctrl-Z and `fg` the shell gives the terminal back in line mode: each arrow echoed as ^[[C
        # until Enter. Key by key again, as before the stop.
        with contextlib.suppress(termios.error, OSError):
            tty.setcbreak(fd, termios.TCSANOW)

    earlier = signal.signal(signal.SIGCONT, resumed)
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        yield _presses(fd)
    finally:
        signal.signal(signal.SIGCONT, earlier)
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSADRAIN, before)


def _presses(fd: int) -> Iterator[Action]:
    while True:
        pressed = os.read(fd, 32)
        if not pressed:
            yield "quit"
            return
        yield from parse(pressed)


# One key in what a read returned: an escape sequence (arrows, Page Up …), a lone Esc, or one byte.
_KEY = re.compile(rb"\x1b(?:\[[0-9;]*[~A-Za-z]|O[A-Za-z])|\x1b|.", re.DOTALL)


def parse(pressed: bytes) -> list[Action]:
    """The actions in what one read returned: one key, or several pressed quickly (over SSH they come together).

    Esc quits only when it came alone: within a read it begins an arrow or another key's sequence, and a key
    this player has no use for (F1, Home …) is no action.
    """
    if pressed == b"\x1b":
        return ["quit"]
    keys = [key if key.startswith(b"\x1b") else key.lower() for key in _KEY.findall(pressed)]
    return [KEYS[key] for key in keys if key in KEYS and key != b"\x1b"]


def _lines() -> Iterator[Action]:  # pragma: no cover - Windows
    while True:
        try:
            typed = input().strip().lower()
        except EOFError:
            yield "quit"
            return
        yield {"": "next", "b": "back", "f": "full", "q": "quit"}.get(typed, "next")  # type: ignore[misc]
