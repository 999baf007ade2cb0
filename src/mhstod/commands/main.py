"""The program's entry: the one place where an error becomes one line on stderr and an exit code."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from mhstod.commands.output import ReaderGone, plain_wanted
from mhstod.errors import ExitCode, MhstodError


def main(argv: list[str] | None = None) -> int:
    """Run the app; every error the user can cause ends here as one line on stderr."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with the stream closed (mhstod contacts >&-): no one reads it
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open until exit)
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure"):  # a terminal that cannot show "☐" gets "?", not an internal error
            stream.reconfigure(errors="replace")
    given = _plain_first(sys.argv[1:] if argv is None else argv)
    with _plain_help_and_errors(given[:1] == ["--plain"] or plain_wanted()):
        code = _run(given)
    try:
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not in the interpreter's exit
    except BrokenPipeError:
        return _reader_gone()
    return code


def _plain_first(argv: list[str]) -> list[str]:
    """`--plain` anywhere on the line, as people type it (mhstod contacts --plain), before the command.

    It is an option of the whole program; after a `--` it is an argument and stays.
    """
    options = argv[:argv.index("--")] if "--" in argv else argv
    if "--plain" not in options:
        return list(argv)
    return ["--plain", *(a for a in options if a != "--plain"), *argv[len(options):]]


def _reader_gone() -> int:
    """The reader chose to stop reading: end quietly, and keep Python's exit from failing on the same pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return ExitCode.OK


def _run(argv: list[str]) -> int:
    from mhstod.commands.app import app

    try:
        app(args=argv, prog_name="mhstod")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    except MhstodError as exc:
        sys.stderr.write(f"mhstod: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except (ReaderGone, BrokenPipeError):
        return _reader_gone()
    except Exception as exc:  # the last guard: a user never sees a traceback
        if os.environ.get("MHSTOD_DEBUG"):
            raise
        sys.stderr.write(f"mhstod: internt fel ({type(exc).__name__}: {exc}). "
                         "Kör med MHSTOD_DEBUG=1 för detaljer och rapportera felet.\n")
        return ExitCode.ERROR
    return ExitCode.OK


@contextlib.contextmanager
def _plain_help_and_errors(plain: bool) -> Iterator[None]:
    """Click's own help and usage errors instead of Rich panels (no boxes, no escape codes), for this run only.

    Typer reads TYPER_USE_RICH once, at import, into these flags, and consults them on every help and error; they
    are put back afterwards, so that a later run in the same process (the tests) is not changed by this one.
    """
    if not plain:
        yield
        return
    import typer.core
    import typer.main

    before = typer.core.HAS_RICH, getattr(typer.main, "HAS_RICH")  # noqa: B009  (not exported by name)
    typer.core.HAS_RICH = False
    setattr(typer.main, "HAS_RICH", False)  # noqa: B010  (typer.main imports the flag by name)
    try:
        yield
    finally:
        typer.core.HAS_RICH = before[0]
        setattr(typer.main, "HAS_RICH", before[1])  # noqa: B010
