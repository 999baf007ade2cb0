"""Saving what the user asks to save: a new file only, readable by its owner only, never left half-written.

A checklist holds a person's situation, so nothing here replaces an existing file or follows a link at the
file's name, and a failed write leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

from mhstod import __version__
from mhstod.answers import Answers
from mhstod.errors import MhstodError, UsageError
from mhstod.model import Knowledge
from mhstod.places import shown

CHECKLIST_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
ANSWERS_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def format_of(path: str, formats: dict[str, str]) -> str:
    """The format a file name asks for by its ending, or a UsageError that lists the endings."""
    fmt = formats.get(Path(path).suffix.lower())
    if fmt is None:
        endings = ", ".join(dict.fromkeys(formats))
        raise UsageError(f"Okänt filformat för '{shown(path)}': använd {endings}.")
    return fmt


def check_new_file(path: str) -> None:
    """Refuse, before anything is asked or computed, a name that exists or a folder that cannot be written."""
    target = Path(path)
    if os.path.lexists(target):
        raise UsageError(f"'{shown(path)}' finns redan; ingenting skrivs över. Välj ett annat namn.")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"Katalogen för '{shown(path)}' finns inte.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"Du kan inte skriva i katalogen för '{shown(path)}'.")


def write_private(path: str, text: str) -> None:
    """Write `text` to a new file at `path`, mode 0600; never replace anything, never leave a partial file.

    The text goes to a temporary file beside the target first and is linked into place: a link fails if the name
    has appeared meanwhile, where a rename would silently replace it. File systems without links get an
    exclusive create instead.
    """
    check_new_file(path)
    data = text if text.endswith("\n") else text + "\n"
    folder = str(Path(path).parent)
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".mhstod-", suffix=".tmp")  # created 0600
    except OSError as exc:
        raise MhstodError(f"Kan inte skriva '{shown(path)}': {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise UsageError(f"'{shown(path)}' finns redan; ingenting skrivs över. Välj ett annat namn.") from None
        except OSError:  # no hard links here (some network and FAT file systems)
            _create_exclusive(path, data)
    except OSError as exc:
        raise MhstodError(f"Kan inte skriva '{shown(path)}': {exc.strerror or exc}.") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _create_exclusive(path: str, data: str) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(path)  # ours, created just now: no half-written case file stays behind
        raise


def answers_text(knowledge: Knowledge, answers: Answers, fmt: str, today: date) -> str:
    """The answers as a file `mhstod guide --answers` reads back; a place by its code, which cannot be misread."""
    values: dict[str, object] = {}
    for question in knowledge.questions:
        if question.id not in answers.values:
            continue
        value = answers.values[question.id]
        if question.type == "place" and answers.place is not None:
            place = answers.place.place
            values[question.id] = place.municipality.code if place.municipality else place.county.code
        else:
            values[question.id] = list(value) if isinstance(value, tuple) else value
    if fmt == "json":
        return json.dumps(values, ensure_ascii=False, indent=2)
    lines = [f"# Svar till mhstod guide, sparade {today.isoformat()} med mhstod {__version__} "
             f"(data granskad {knowledge.reviewed}).",
             "# Filen beskriver ett ärende: förvara den som andra ärendeuppgifter.",
             "# Kör igen: mhstod guide --answers FIL"]
    for key, given in values.items():
        if isinstance(given, list):
            lines.append(f"{key}: [{', '.join(json.dumps(v) for v in given)}]")
        else:
            comment = f"  # {answers.place.place.label}" if key == "county" and answers.place else ""
            lines.append(f"{key}: {json.dumps(given, ensure_ascii=False)}{comment}")
    return "\n".join(lines) + "\n"
