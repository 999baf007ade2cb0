"""The one exception family of the core, the exit codes the CLI maps it to, and how a message echoes input."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from enum import IntEnum


def shown(text: str, limit: int = 40) -> str:
    """Something typed or read, safe to echo in one line of a message: no control or bidi characters, short.

    Every message that repeats what the user gave (a place, a path, a key, a value from a file) goes through
    this, so that no input can move the cursor, clear the screen, reorder the line or fill the terminal.
    """
    clean = _printable(text[: limit + 1])
    return clean if len(clean) <= limit else clean[:limit] + "…"


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


NAMELIKE = re.compile(r"[\w .,()@+-]{1,40}")


def quoted(text: str) -> str:
    """A value read from a file, quoted in a message only if it looks like a name, a number or an address.

    Anything else is "[visas inte]": a file given by mistake (`--answers /etc/shadow`, an overlay linked to a
    secret) must not have its first line printed because it is not what was expected.
    """
    return f"'{text}'" if NAMELIKE.fullmatch(text) and text.isprintable() else "[visas inte]"


def shown_path(path: object, limit: int = 200) -> str:
    """A file name for a message: as `shown`, but a long one keeps its end, where the name is.

    The limit is for names made to flood a message: where a file was saved must be said whole (80 characters
    cut an ordinary path under /tmp/pytest-of-root/…/popen-gw0/… to "…tmp/pytes…").
    """
    text = str(path)
    if len(text) <= limit:
        return shown(text, limit)
    return "…" + _printable(text[-limit:])


_REASONS = {"ENOENT": "finns inte", "EACCES": "du har inte behörighet", "EPERM": "du har inte behörighet",
            "EISDIR": "är en katalog", "ENOTDIR": "en del av sökvägen är ingen katalog",
            "ENAMETOOLONG": "namnet är för långt", "ELOOP": "för många symboliska länkar i sökvägen",
            "ENOSPC": "disken är full", "EDQUOT": "diskkvoten är slut", "EROFS": "filsystemet är skrivskyddat",
            "EFBIG": "filen blir för stor", "EIO": "fel vid läsning eller skrivning"}


def reason(exc: OSError) -> str:
    """Why a file operation failed, in Swedish where the reason is a common one."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _REASONS.get(name) or shown(exc.strerror or str(exc), 80)


class ExitCode(IntEnum):
    """Process exit codes; listed in the README."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130
    HANGUP = 129  # 128 + SIGHUP: the terminal went away
    QUIT = 131  # 128 + SIGQUIT
    TERMINATED = 143  # 128 + SIGTERM: stopped by another program (kill, a logout, a timeout)


class MhstodError(Exception):
    """An error the user should see as one line, never as a traceback."""

    exit_code: ExitCode = ExitCode.ERROR


class DataError(MhstodError):
    """The shipped or local data is malformed; the message names file and place."""

    exit_code = ExitCode.ERROR


class UsageError(MhstodError):
    """Something the user typed cannot be used."""

    exit_code = ExitCode.USAGE


class UnknownPlace(UsageError):
    """No county or municipality matches what was typed."""

    def __init__(self, message: str, typed: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(message)
        self.typed = typed
        self.suggestions = suggestions


class AmbiguousPlace(UsageError):
    """What was typed fits places in different counties, and guessing could send someone wrong."""

    def __init__(self, message: str, typed: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.typed = typed
        self.candidates = candidates


# The signals that stop the program: what it says, and its exit code (128 + the signal's number).
STOP_SIGNALS = {"SIGTERM": ("avslutat (SIGTERM)", ExitCode.TERMINATED),
                "SIGHUP": ("terminalen stängdes (SIGHUP)", ExitCode.HANGUP),
                "SIGQUIT": ("avslutat (SIGQUIT)", ExitCode.QUIT)}


class Stopped(BaseException):
    """A signal to stop (SIGTERM, SIGHUP, SIGQUIT), raised where the program is, so that the way out runs.

    A prompt puts the terminal back as it was; a half-written file is removed. A BaseException, like
    KeyboardInterrupt: no `except Exception` may swallow it.
    """

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.signum = signum
        self.said, self.exit_code = STOP_SIGNALS[signal.Signals(signum).name]


def stop_signals() -> list[int]:
    """The signals to stop on that this platform has, leaving alone those ignored at the start (`nohup`)."""
    import signal

    found = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]
    return [signum for signum in found if signal.getsignal(signum) is not signal.SIG_IGN]


@contextlib.contextmanager
def signals_held(signums: list[int]) -> Iterator[None]:
    """Hold these signals back while their handlers change, so that none meets the system's default between."""
    import signal

    block = getattr(signal, "pthread_sigmask", None)
    if block is None or not signums:
        yield
        return
    before = block(signal.SIG_BLOCK, signums)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, before)


class Interrupted(MhstodError):
    """The user pressed Ctrl-C."""

    exit_code = ExitCode.INTERRUPTED


class AnswersError(UsageError):
    """An answers file, or an answer, the guide cannot use."""
