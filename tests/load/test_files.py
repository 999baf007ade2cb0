"""Where the data's files are found and how a local directory's files are read, before any of them is parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhstod.errors import DataError
from mhstod.load.files import DATA_FILES, MAX_OVERLAY_BYTES, data_folder, read_overlay, read_shipped

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


def test_a_local_file_too_large_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_bytes(b"#" * (MAX_OVERLAY_BYTES + 1))
    with pytest.raises(DataError, match=r"actors.yaml: filen är större än 1024 kB"):
        read_overlay(str(tmp_path))


def test_a_local_file_not_in_utf_8_says_where(tmp_path: Path) -> None:
    (tmp_path / "regions.yaml").write_bytes("regions: []\n# Malmö".encode("latin-1"))
    with pytest.raises(DataError, match=r"regions.yaml: filen är inte UTF-8 \(byte 18\)"):
        read_overlay(str(tmp_path))
