"""The one exception family of the core, and the exit codes the CLI maps it to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes; listed in the README."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


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


class Interrupted(MhstodError):
    """The user pressed Ctrl-C."""

    exit_code = ExitCode.INTERRUPTED


class AnswersError(UsageError):
    """An answers file, or an answer, the guide cannot use."""
