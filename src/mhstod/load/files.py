"""The data's files: the shipped ones, and a local directory that overlays them; the only code that opens them."""

from __future__ import annotations

from pathlib import Path

from mhstod.errors import DataError, UsageError

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


def read_overlay(directory: str) -> dict[str, tuple[str, str]]:
    """The YAML files of a local data directory: file name → (path as shown in messages, text)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise UsageError(f"Katalogen för lokala uppgifter finns inte: '{directory}'.")
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.y*ml")):
        label = str(path)
        if path.name not in OVERLAYABLE:
            allowed = ", ".join(OVERLAYABLE)
            raise DataError(f"{label}: filen kan inte läggas över de levererade uppgifterna (tillåtna: {allowed})")
        try:
            with path.open("rb") as f:
                data = f.read(MAX_OVERLAY_BYTES + 1)
        except OSError as exc:
            raise DataError(f"{label}: kan inte läsa filen ({exc.strerror or exc})") from None
        if len(data) > MAX_OVERLAY_BYTES:
            raise DataError(f"{label}: filen är större än {MAX_OVERLAY_BYTES // 1024} kB")
        try:
            found[path.name] = (label, data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise DataError(f"{label}: filen är inte UTF-8 (byte {exc.start})") from None
    return found
