"""The program's entry: the one place where an error becomes one line on stderr and an exit code.

Nothing heavy is imported at the top: the signal handlers are in place before Typer and the rest load, so a
Ctrl-C in the first tenth of a second is one line and exit 130, not a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

from mhstod.commands import COMPLETE_VAR
from mhstod.errors import ExitCode, MhstodError, Stopped, UsageError, shown, signals_held, stop_signals


def main(argv: list[str] | None = None) -> int:
    """Run the app; every error the user can cause, and every signal to stop, ends here as one line on stderr.

    What it changes in the process (signal handlers, COLUMNS) it puts back, for a caller in the same process;
    after a signal to stop, the others stay ignored, so that a burst of them cannot kill it on the way out.
    """
    handlers: dict[int, Any] = {}
    columns = os.environ.get("COLUMNS")
    try:
        handlers = _stop_on_signals()
        return _main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except Stopped as exc:
        handlers = {}
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"mhstod: {exc.said}.\n")
        return exc.exit_code
    finally:
        with signals_held(list(handlers)):
            for signum, handler in handlers.items():
                signal.signal(signum, handler)
        if columns is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = columns


def _stop_on_signals() -> dict[int, Any]:
    """SIGTERM, SIGHUP and SIGQUIT unwind the program (Stopped) instead of killing it where it stands.

    Those ignored at the start (`nohup`, `cmd &` in a script) stay ignored; after the first signal the others
    are ignored too, so that a second one cannot cut the way out short. Returns the handlers it replaced.
    """
    signums = stop_signals()

    def stop(signum: int, frame: FrameType | None) -> None:
        for other in signums:
            signal.signal(other, signal.SIG_IGN)
        raise Stopped(signum)

    return {signum: signal.signal(signum, stop) for signum in signums}


def _main(argv: list[str] | None) -> int:
    from mhstod.commands.output import plain_wanted

    _usable_streams()
    instruction = os.environ.get(COMPLETE_VAR)
    if instruction:  # a shell asks what could come next (commands/shells.py); nothing else runs
        from mhstod.commands.shells import respond

        return respond(instruction, _program)
    _sane_width()
    given = _plain_first(sys.argv[1:] if argv is None else argv)
    with _plain_help_and_errors(given[:1] == ["--plain"] or plain_wanted()):
        code = _run(given)
    try:
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not in the interpreter's exit
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:  # > /dev/full, a full disk or quota: said, not an internal error
        return _unwritable(exc)
    return code


def _unwritable(exc: OSError) -> int:
    """Standard output cannot be written (a full disk): one line, and Python's exit does not fail on it."""
    from mhstod.errors import reason

    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"mhstod: utskriften kunde inte skrivas: {reason(exc)}.\n")
    _reader_gone()  # what is left in the buffer goes nowhere
    return ExitCode.ERROR


def _usable_streams() -> None:
    """Streams closed at the start (`<&-`, `>&-`) read as empty or write nowhere; odd encodings never fail.

    A terminal that cannot show "☐" gets "?", and a line typed in another encoding than the locale's is read
    with "?" where it cannot be decoded, rather than an internal error. Input said to be ASCII
    (PYTHONIOENCODING=ascii) is read as UTF-8, of which ASCII is a part: "Malmö" typed there is Malmö.
    """
    import codecs

    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 (open until exit)
        stream = getattr(sys, name)
        if not hasattr(stream, "reconfigure"):
            continue
        if name == "stdin" and codecs.lookup(stream.encoding or "ascii").name == "ascii":
            stream.reconfigure(encoding="utf-8", errors="replace")
        else:
            stream.reconfigure(errors="replace")


MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1000, 80


def _sane_width() -> None:
    """COLUMNS=0 printed nothing and COLUMNS=1 dropped 112: a width no terminal has counts as the default."""
    given = os.environ.get("COLUMNS")
    if given is None:
        return
    try:
        usable = MIN_WIDTH <= int(given) <= MAX_WIDTH
    except ValueError:
        usable = False
    if not usable:
        os.environ["COLUMNS"] = str(DEFAULT_WIDTH)


def _stdout_identity() -> tuple[int, int] | None:
    try:
        info = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return info.st_dev, info.st_ino


def _help_met_a_closed_pipe(before: tuple[int, int] | None) -> bool:
    """Whether help met a reader that had left, the one case where Click or Rich exits 1 for a closed pipe.

    Click then wraps stdout in its PacifyFlushWrapper; Rich puts /dev/null in its place.
    """
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        return True
    now = _stdout_identity()
    try:
        return now not in (before, None) and now == (os.stat(os.devnull).st_dev, os.stat(os.devnull).st_ino)
    except OSError:
        return False


GLOBAL_FLAGS = ("--plain", "--no-pager")  # options of the whole program, typed anywhere on the line


def _plain_first(argv: list[str]) -> list[str]:
    """`--plain` and `--no-pager` anywhere on the line, as people type them (mhstod contacts --plain), first.

    They are options of the whole program; after a `--` they are arguments and stay.
    """
    options = argv[:argv.index("--")] if "--" in argv else argv
    flags = [flag for flag in GLOBAL_FLAGS if flag in options]
    if not flags:
        return list(argv)
    return [*flags, *(a for a in options if a not in GLOBAL_FLAGS), *argv[len(options):]]


def _reader_gone() -> int:
    """The reader chose to stop reading: end quietly, and keep Python's exit from failing on the same pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return ExitCode.OK


def _program(argv: list[str] | None = None) -> Any:
    """The command line as Click sees it: every command, option and argument, or only what `argv` runs.

    Typer builds a Click command from each function's signature, ~1 ms a command; a line that names a command
    (`region Skåne --json`) gets a program with that command alone (its help, errors and output are the same:
    tests/commands/test_main.py). Anything else (no command, a misspelt one, `-h`) gets them all, to list and
    to suggest from.
    """
    import typer.main

    from mhstod.commands.app import app

    named = _command_named(argv or [], app)
    if named is None:
        return typer.main.get_command(app)
    import copy

    alone = copy.copy(app)
    alone.registered_commands = [c for c in app.registered_commands if c is named]
    alone.registered_groups = [g for g in app.registered_groups if g is named]
    return typer.main.get_command(alone)


def _command_named(argv: list[str], app: Any) -> Any:
    """The command or group the first word after the root options names exactly, or None."""
    import typer.main

    root = {"--plain"}  # the root options that take no value; -V/--version and -h end the line before a command
    word = next((w for w in argv if w not in root), None)
    if word is None or word.startswith("-"):
        return None
    for info in app.registered_commands:
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == word:
            return info
    return next((g for g in app.registered_groups if g.name == word), None)


def _run(argv: list[str]) -> int:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort

    from mhstod.commands.output import ReaderGone

    before = _stdout_identity()
    try:
        program = _program(argv)
        _no_repeated_option(program, argv)
        # Not Click's standalone mode: its errors are a box of 3–5 lines in English, and it ends a closed pipe
        # with exit 1. Here each is one line in Swedish, and a closed pipe ends quietly as everywhere else.
        result = program.main(args=argv, prog_name="mhstod", standalone_mode=False)
        if result == ExitCode.INTERRUPTED:  # Typer turns a bare Ctrl-C into this code, without a word
            sys.stderr.write("mhstod: avbrutet.\n")
        return result if isinstance(result, int) else ExitCode.OK
    except SystemExit as exc:
        if exc.code == ExitCode.ERROR and _help_met_a_closed_pipe(before):
            return _reader_gone()
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    except ClickException as exc:
        sys.stderr.write(usage_line(exc, argv))
        return ExitCode.OK if isinstance(exc, NoArgsIsHelpError) else ExitCode.USAGE
    except Abort:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except MhstodError as exc:
        sys.stderr.write(f"mhstod: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except (ReaderGone, BrokenPipeError):
        return _reader_gone()
    except Exception as exc:  # the last guard: a user never sees a traceback
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return _unwritable(exc)  # standard output on a full disk (> /dev/full)
        if os.environ.get("MHSTOD_DEBUG"):
            raise
        sys.stderr.write(f"mhstod: internt fel ({type(exc).__name__}: {exc}). "
                         "Kör med MHSTOD_DEBUG=1 för detaljer och rapportera felet.\n")
        return ExitCode.ERROR
    return ExitCode.OK


def _no_repeated_option(program: Any, argv: list[str]) -> None:
    """An option that takes one value, given twice (`region --county Skåne --county Kiruna`), is an error.

    Click keeps the last silently; a caseworker who typed two places should be asked which one is meant.
    """
    words = argv[:argv.index("--")] if "--" in argv else argv
    command = program
    for word in words:  # the command the words name: `data check` inside the group `data`
        commands = getattr(command, "commands", None)
        if commands and word in commands:
            command = commands[word]
    for param in getattr(command, "params", ()):
        if getattr(param, "param_type_name", "") != "option" or param.multiple or param.is_flag or param.count:
            continue
        given = [w for w in words if w in param.opts or any(
            w.startswith(f"{o}=") if o.startswith("--") else w.startswith(o) and len(w) > len(o)
            for o in param.opts)]  # --county=Skåne, -cSkåne
        if len(given) > 1:
            raise UsageError(f"Alternativet {param.opts[-1] if param.opts[-1].startswith('--') else param.opts[0]} "
                             f"anges {len(given)} gånger; ange det en gång.")


def usage_line(exc: Exception, argv: list[str] | None = None) -> str:
    """A usage error of the command line as one line in Swedish, with where to read more; help as it is."""
    from typer._click import exceptions as click

    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else _command_path(argv or [])
    where = f" Se '{shown(path, 60)} -h'."
    if isinstance(exc, click.NoArgsIsHelpError):
        return ""  # the help is printed already: `mhstod` alone asks for it (exit 0, see _run)
    number = next((word for word in argv or () if exc.__class__.__name__ == "NoSuchOption" and len(word) > 1
                   and word[0] == "-" and word[1:2].isdigit() and word.startswith(getattr(exc, "option_name", "?"))),
                  None)
    if number is not None:  # `region -12`: Click read "-1" as an option
        said = (f"'{shown(number)}' är inget alternativ; ett värde som börjar med - skrivs efter --, "
                f"till exempel: {shown(path, 60)} -- {shown(number)}.")
    elif isinstance(exc, click.NoSuchOption):
        meant = [option for option in exc.possibilities or () if option not in ("--help", "-h")]
        close = f" Menade du {' eller '.join(meant)}?" if meant else ""
        said = f"Okänt alternativ '{shown(exc.option_name)}'.{close}"
    elif isinstance(exc, click.BadOptionUsage) and "requires an argument" in exc.message:
        said = f"Alternativet {shown(exc.option_name)} behöver ett värde."
    elif isinstance(exc, click.MissingParameter):
        about = getattr(exc.param, "help", None) or ""
        said = f"Ange {about[:1].lower()}{about[1:].rstrip('.')}." if about else "Ett argument saknas."
    elif isinstance(exc, click.BadParameter):
        name = exc.param.human_readable_name if exc.param is not None else ""
        said = f"Ogiltigt värde för {shown(name)}: {shown(exc.message, 80)}."
    else:
        message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
        said = _usage_message(message)
    return f"mhstod: {said}{where}\n"


def _command_path(argv: list[str]) -> str:
    """The command the words on the line name ("mhstod region"), for an error that lost its context."""
    group: Any = _program()
    words = ["mhstod"]
    for word in argv:
        commands = getattr(group, "commands", {})
        if word in commands:
            words.append(word)
            group = commands[word]
        elif not word.startswith("-"):
            break
    return " ".join(words)


def _usage_message(message: str) -> str:
    """Click's other usage errors, in Swedish where they are the common ones."""
    import re

    if found := re.match(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", message, re.DOTALL):
        close = f" Menade du {found.group(2).replace(', ', ' eller ')}?" if found.group(2) else ""
        return f"Okänt kommando '{shown(found.group(1))}'.{close}"
    if found := re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", message, re.DOTALL):
        return f"För många argument: {shown(found.group(1))}."
    if message.startswith("Missing command"):
        return "Ange ett kommando."
    return shown(" ".join(message.split()), 160)


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
