"""Where the data's files are found and how a local directory's files are read, before any of them is parsed."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from mhstod.errors import DataError
from mhstod.load.files import (
    DATA_FILES,
    MAX_OVERLAY_BYTES,
    Unreadable,
    data_folder,
    read_overlay,
    read_shipped,
    read_text,
)

ROOT = Path(__file__).resolve().parents[2]


def test_a_source_checkout_reads_the_repositorys_data() -> None:
    """No copy and no link: the editable install and the tests read data/ at the top (the wheel: test_wheel.py)."""
    assert data_folder() == ROOT / "data"
    assert not (ROOT / "src" / "mhstod" / "data").exists()


def test_every_shipped_file_is_read() -> None:
    texts = read_shipped()
    assert set(texts) == set(DATA_FILES)
    assert all(text.strip() for text in texts.values())


def test_a_local_directory_gives_its_files_with_the_path_to_show(tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").write_text("regions: []\n", encoding="utf-8")
    (tmp_path / "anteckningar.txt").write_text("inte data", encoding="utf-8")
    assert read_overlay(str(tmp_path)) == {"regions.yaml": (str(tmp_path / "regions.yaml"), "regions: []\n")}


def test_an_editor_s_lock_link_in_the_folder_is_not_data(tmp_path: Path) -> None:
    """Emacs links .#regions.yaml to user@host.pid while the file is open: every command failed (issue 23, 22)."""
    (tmp_path / "regions.yaml").write_text("regions: []\n", encoding="utf-8")
    (tmp_path / ".#regions.yaml").symlink_to("kim@dator.4711:1700000000")
    (tmp_path / ".utkast.yaml").write_text("inte: data\n", encoding="utf-8")
    assert read_overlay(str(tmp_path)) == {"regions.yaml": (str(tmp_path / "regions.yaml"), "regions: []\n")}


def test_a_local_file_too_large_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_bytes(b"#" * (MAX_OVERLAY_BYTES + 1))
    with pytest.raises(DataError, match=r"actors.yaml: filen är större än 1024 kB"):
        read_overlay(str(tmp_path))


def test_a_local_file_not_in_utf_8_says_where(tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").write_bytes("regions: []\n# Malmö".encode("latin-1"))
    with pytest.raises(DataError, match=r"regions.yaml: filen är inte UTF-8 \(byte 18\)"):
        read_overlay(str(tmp_path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    """A FIFO at the name hung the tool forever: only regular files are read."""
    fifo = tmp_path / "regions.yaml"
    os.mkfifo(fifo)
    signal.alarm(10)  # a hang fails the test instead of the whole run
    try:
        with pytest.raises(Unreadable, match="är ingen vanlig fil"):
            read_text(fifo, 1024)
        with pytest.raises(DataError, match=r"regions\.yaml: filen är ingen vanlig fil"):
            read_overlay(str(tmp_path))
    finally:
        signal.alarm(0)


def test_a_directory_that_cannot_be_listed_is_an_error(tmp_path: Path) -> None:
    """Mode 000 or 311 made the overlay silently empty, with exit 0."""
    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "regions.yaml").write_text("regions: []\n", encoding="utf-8")
    folder.chmod(0o311)
    try:
        if os.access(folder, os.R_OK):
            pytest.skip("running as a user who reads every directory (root)")
        with pytest.raises(DataError, match="katalogen kan inte läsas: du har inte behörighet"):
            read_overlay(str(folder))
    finally:
        folder.chmod(0o755)


def test_a_listing_that_fails_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, where the tests run as root: the listing itself fails."""
    def refuse(path: object) -> list[str]:
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "listdir", refuse)
    with pytest.raises(DataError, match="katalogen kan inte läsas: du har inte behörighet"):
        read_overlay(str(tmp_path))


@pytest.mark.parametrize("name", ["regions.YAML", "Actors.yaml", "process.yml", "notes.yaml"])
def test_a_yaml_file_the_overlay_does_not_know_is_an_error(tmp_path: Path, name: str) -> None:
    """regions.YAML was skipped silently: every file that looks like YAML must be one the overlay reads."""
    (tmp_path / name).write_text("regions: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="filen kan inte läggas över"):
        read_overlay(str(tmp_path))


def test_a_file_given_as_the_local_directory_is_named_for_what_it_is(tmp_path: Path) -> None:
    from mhstod.errors import UsageError

    (tmp_path / "regions.yaml").write_text("regions: []\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"^Katalogen för lokala uppgifter är ingen katalog: '.*regions.yaml'.$"):
        read_overlay(str(tmp_path / "regions.yaml"))
    with pytest.raises(UsageError, match=r"^Katalogen för lokala uppgifter finns inte: "):
        read_overlay(str(tmp_path / "saknas"))
