"""Saving what the user asks to save: a new file only, readable by its owner only, never left half-written.

A checklist holds a person's situation, so nothing here replaces an existing file unless asked (--force, and
then only a regular file that is not the answers file), follows a link at the file's name, or leaves anything
behind when a write fails.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from datetime import date
from pathlib import Path

from mhstod import __version__
from mhstod.answers import ANSWERS_VERSION, DAYS_KEY, EVERY, VERSION_KEY, Answers
from mhstod.dates import CaseDays
from mhstod.errors import MhstodError, UsageError, reason, shown_path
from mhstod.model import PLACE_QUESTION, Knowledge

CHECKLIST_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
ANSWERS_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
CALENDAR_FORMATS = {".ics": "ics"}
PAGE_FORMATS = {".html": "html", ".htm": "html"}  # process --html, scenario show --html


def format_of(path: str, formats: dict[str, str]) -> str:
    """The format a file name asks for by its ending, or a UsageError that lists the endings."""
    fmt = formats.get(Path(path).suffix.lower())
    if fmt is None:
        endings = ", ".join(dict.fromkeys(formats))
        raise UsageError(f"Okänt filformat för '{shown_path(path)}': använd {endings}.")
    return fmt


def _exists(path: str, hint: str = "") -> UsageError:
    return UsageError(f"'{shown_path(path)}' finns redan; ingenting skrivs över. Välj ett annat namn{hint}.")


def check_new_file(path: str, replace: bool = False, keep: tuple[str, ...] = (), hint: str = "") -> None:
    """Refuse, before anything is asked or computed, a name that exists or a folder that cannot be written.

    `replace` (--force) allows an existing regular file at the name, but never a link, a FIFO or a device,
    and never one of `keep` (the answers file the checklist is made from).
    """
    target = Path(path)
    if os.path.lexists(target):
        if not replace:
            raise _exists(path, hint)
        if not stat.S_ISREG(os.lstat(target).st_mode):
            raise UsageError(f"'{shown_path(path)}' är ingen vanlig fil; den ersätts inte, inte heller med --force.")
        if any(_is_answers(target, k) for k in keep):
            raise UsageError(f"'{shown_path(path)}' är svarsfilen som checklistan bygger på; den skrivs inte över.")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"Katalogen för '{shown_path(path)}' finns inte.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"Du kan inte skriva i katalogen för '{shown_path(path)}'.")


def _is_answers(target: Path, answers: str) -> bool:
    """Whether `target` is the answers file: a named one, or `-`, whatever standard input is (< f.json)."""
    try:
        if answers == "-":
            given, there = os.fstat(0), os.stat(target)
            return (given.st_dev, given.st_ino) == (there.st_dev, there.st_ino)
        return os.path.exists(answers) and os.path.samefile(target, answers)
    except OSError:  # standard input closed, or the file gone meanwhile: nothing to compare with
        return False


# What os.link raises where a file system has no hard links (some network and FAT file systems): only then is an
# exclusive create used instead; any other error is an error.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK}


def write_private(path: str, text: str, replace: bool = False, keep: tuple[str, ...] = ()) -> None:
    """Write `text` to a new file at `path`, mode 0600; never replace anything, never leave a partial file.

    The text is written first and linked into place: a link fails if the name has appeared meanwhile, where a
    rename would silently replace it. On Linux the file has no name at all until then (O_TMPFILE), so even a
    killed process leaves nothing; elsewhere a temporary file beside the target is removed on any error.
    With `replace` (--force) an existing regular file is replaced whole, by a rename, never written into.
    """
    check_new_file(path, replace, keep)
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    folder = str(Path(path).parent)
    try:
        if replace and os.path.lexists(path):
            _replace_through_temporary(folder, path, data)
        elif not _write_nameless(folder, path, data):
            _write_through_temporary(folder, path, data)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise MhstodError(f"Kan inte skriva '{shown_path(path)}': {reason(exc)}.") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _write_nameless(folder: str, path: str, data: bytes) -> bool:
    """Linux: write an unnamed file in `folder` and give it its name at the end; False where that is not offered."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False  # this file system or kernel has no O_TMPFILE
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        _write_all(fd, data)
        # With a directory fd, os.link calls linkat(AT_SYMLINK_FOLLOW): it links the file, not the proc link.
        os.link(f"/proc/self/fd/{fd}", os.path.basename(path), src_dir_fd=directory, dst_dir_fd=directory)
    except FileExistsError:
        raise
    except OSError:
        return False  # linking an unnamed file is not offered here: the temporary file's way instead
    finally:
        os.close(fd)
        os.close(directory)
    return True


def _private_temporary(folder: str, data: bytes) -> str:
    """The data in a new temporary file in `folder`, created 0600; its name. Nothing is left if writing fails."""
    import tempfile  # here: only where the file system has no O_TMPFILE, and ~8 ms of the guide's start

    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".mhstod-", suffix=".tmp")
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _write_through_temporary(folder: str, path: str, data: bytes) -> None:
    temporary = _private_temporary(folder, data)
    try:
        try:
            os.link(temporary, path)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
                raise
            _create_exclusive(path, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _replace_through_temporary(folder: str, path: str, data: bytes) -> None:
    """--force: the new text in a private temporary file, renamed over the old one (a name, never followed)."""
    temporary = _private_temporary(folder, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_exclusive(path: str, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    try:
        _write_all(fd, data)
    except BaseException:  # also Ctrl-C: no half-written case file stays behind
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)  # ours, created just now
        raise
    os.close(fd)


def answers_text(knowledge: Knowledge, answers: Answers, fmt: str, today: date, days: CaseDays | None = None
                 ) -> str:
    """The answers as a file `mhstod guide --answers` reads back; a place by its code, which cannot be misread.

    `days`: the days the deadlines were counted from, kept under `from` so that a re-run shows the same dates.
    """
    values: dict[str, object] = {VERSION_KEY: ANSWERS_VERSION}
    for question in knowledge.questions:
        if question.id not in answers.values:
            continue
        value = answers.values[question.id]
        if question.type == "place" and answers.place is not None:
            place = answers.place.place
            values[question.id] = place.municipality.code if place.municipality else place.county.code
        else:
            values[question.id] = list(value) if isinstance(value, tuple) else value
    given_days = {**({EVERY: days.every.isoformat()} if days is not None and days.every else {}),
                  **({event: day.isoformat() for event, day in days.events} if days is not None else {})}
    if given_days:
        values[DAYS_KEY] = given_days
    if fmt == "json":
        return json.dumps(values, ensure_ascii=False, indent=2)
    lines = [f"# Svar till mhstod guide, sparade {today.isoformat()} med mhstod {__version__} "
             f"(data granskad {knowledge.reviewed}).",
             "# Filen beskriver ett ärende: förvara den som andra ärendeuppgifter.",
             "# Kör igen: mhstod guide --answers FIL"]
    for key, given in values.items():
        if isinstance(given, dict):  # `from`, the days: {every: "2026-11-27"}
            lines.append(f"{key}: {{{', '.join(f'{k}: {json.dumps(v)}' for k, v in given.items())}}}")
        elif isinstance(given, list):
            lines.append(f"{key}: [{', '.join(json.dumps(v) for v in given)}]")
        else:
            comment = f"  # {answers.place.place.label}" if key == PLACE_QUESTION and answers.place else ""
            lines.append(f"{key}: {json.dumps(given, ensure_ascii=False)}{comment}")
    return "\n".join(lines) + "\n"
