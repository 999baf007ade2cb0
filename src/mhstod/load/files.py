"""The data's files: the shipped ones, and a local directory that overlays them; the only code that opens them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mhstod.errors import DataError, UsageError, reason, shown_path

# The teaching cases (scenarios.yaml) are read only by the commands that use them: see load/scenarios.py.
DATA_FILES = ("sources.yaml", "regions.yaml", "actors.yaml", "process.yaml", "law.yaml")


# What a local data directory may overlay, by file and key: contacts and their sources, not the national rules.
OVERLAYABLE = {"sources.yaml": {"documents"}, "regions.yaml": {"regions"}, "actors.yaml": {"numbers", "actors"}}


MAX_OVERLAY_BYTES = 1024 * 1024


def data_folder() -> Path:
    """The shipped data: inside the installed package (the wheel carries it), else the source tree's data/.

    No symlink joins the two, so a checkout without symlinks (Windows) works as it is; an editable install and
    the tests read the repository's own files.
    """
    package = Path(__file__).resolve().parents[1]  # src/mhstod/load/files.py → src/mhstod
    inside = package / "data"
    return inside if inside.is_dir() else package.parents[1] / "data"


def read_shipped() -> dict[str, str]:
    """The text of each shipped data file, keyed by its name."""
    folder = data_folder()
    return {name: (folder / name).read_text(encoding="utf-8") for name in DATA_FILES}


class Unreadable(Exception):
    """Why a file could not be read as text, in words that fit after its name."""


def read_text(path: Path, limit: int, encoding: str = "utf-8") -> str:
    """The text of a regular file of at most `limit` bytes; Unreadable otherwise.

    Opened without blocking, so that a FIFO or a device at the name is refused at once instead of hanging,
    and read at most `limit` + 1 bytes, so that a huge file costs nothing.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_BINARY: on Windows, no CRLF translation and no end at a 0x1A byte
    except OSError as exc:
        if os.path.isdir(path):  # Windows refuses to open a directory with "permission denied"
            raise Unreadable("är en katalog") from None
        raise Unreadable(f"kan inte läsas: {reason(exc)}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Unreadable("är en katalog" if stat.S_ISDIR(os.fstat(fd).st_mode) else "är ingen vanlig fil")
        data = b""
        while len(data) <= limit and (chunk := os.read(fd, limit + 1 - len(data))):
            data += chunk
    except OSError as exc:
        raise Unreadable(f"kan inte läsas: {reason(exc)}") from None
    finally:
        os.close(fd)
    return decoded(data, limit, encoding)


def decoded(data: bytes, limit: int, encoding: str = "utf-8") -> str:
    """The text of at most `limit` bytes read (a file, standard input); Unreadable if more came or not UTF-8."""
    if len(data) > limit:
        raise Unreadable(f"är större än {limit // 1024} kB")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"är inte UTF-8 (byte {exc.start})") from None


def read_overlay(directory: str) -> dict[str, tuple[str, str]]:
    """The YAML files of a local data directory: file name → (path as shown in messages, text).

    Every file that looks like YAML (.yaml, .yml, in any case) must be one the overlay allows; a directory
    that cannot be read is an error, not an empty overlay.
    """
    folder = Path(directory)
    try:
        if not folder.is_dir():
            what = "är ingen katalog" if folder.exists() else "finns inte"
            raise UsageError(f"Katalogen för lokala uppgifter {what}: '{shown_path(directory)}'.")
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise DataError(f"{shown_path(directory)}: katalogen kan inte läsas: {reason(exc)}") from None
    found: dict[str, tuple[str, str]] = {}
    for name in names:
        # A hidden name is an editor's, not the organisation's: Emacs's lock link .#regions.yaml, while the
        # file is open, made every command fail.
        if name.startswith(".") or not name.lower().endswith((".yaml", ".yml")):
            continue
        path = folder / name
        label = shown_path(path, 120)
        if name not in OVERLAYABLE:
            allowed = ", ".join(OVERLAYABLE)
            raise DataError(f"{label}: filen kan inte läggas över de levererade uppgifterna (tillåtna: {allowed})")
        try:
            found[name] = (label, read_text(path, MAX_OVERLAY_BYTES))
        except Unreadable as exc:
            raise DataError(f"{label}: filen {exc}") from None
    return found
