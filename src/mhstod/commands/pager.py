"""Long output through a pager, as git pages it: only on a terminal, only when it is taller than the screen.

The pager is $MHSTOD_PAGER, then $PAGER, then `less` where there is one (an empty variable means none). `less`
gets LESS=FRX unless the user set LESS: colour codes shown as colour (-R), no wait for output that fits a screen
(-F), and the screen not cleared at the end (-X). Rich's own pager goes through pydoc, which reads neither our
variables nor -R. While the pager runs, Ctrl-C is the pager's: our process ignores it, so that it does not end
under the pager and leave the terminal in the pager's mode; `q` closes the pipe, which ends quietly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys


def command() -> list[str] | None:
    """The pager to run, or None where there is none (an empty MHSTOD_PAGER or PAGER says so)."""
    for name in ("MHSTOD_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            try:
                return shlex.split(value) or None
            except ValueError:  # an unbalanced quote: no pager rather than an error
                return None
    less = shutil.which("less")
    return [less] if less else None


def wanted(text: str) -> bool:
    """Whether `text` should be paged: standard output is a terminal and the text is taller than it."""
    if os.environ.get("TERM") == "dumb" or not sys.stdout.isatty():
        return False
    return text.count("\n") >= shutil.get_terminal_size().lines - 1


def page(text: str) -> bool:
    """Show `text` through the pager; False where none could be started (the caller writes it instead)."""
    argv = command()
    if argv is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    earlier = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            pager = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
        except OSError:
            return False
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
            pager.stdin.close()
        except BrokenPipeError:  # q before the end: the reader has gone, nothing is lost
            pass
        pager.wait()
        return True
    finally:
        signal.signal(signal.SIGINT, earlier)
