"""Saved case files: new, private, never replacing anything, never left half-written, on every path the writer has."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

import mhstod.export as export
from mhstod.errors import MhstodError, UsageError


def saved(folder: Path, name: str = "fall.md") -> Path:
    target = folder / name
    export.write_private(str(target), "# Checklista\nsekretess")
    return target


def assert_private_and_alone(folder: Path, target: Path) -> None:
    assert target.read_text(encoding="utf-8") == "# Checklista\nsekretess\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [target.name], "no temporary file stays behind"


@pytest.fixture(params=["nameless", "temporary", "no-links"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The writer's three ways: an unnamed file (Linux), a temporary file, an exclusive create (no hard links)."""
    if request.param != "nameless":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    if request.param == "no-links":
        def no_links(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    return str(request.param)


def test_each_way_writes_a_private_file_and_nothing_else(tmp_path: Path, way: str) -> None:
    assert_private_and_alone(tmp_path, saved(tmp_path))


def test_the_nameless_way_is_used_where_linux_offers_it(tmp_path: Path) -> None:
    if not hasattr(os, "O_TMPFILE") or not os.path.isdir("/proc/self/fd"):
        pytest.skip("no O_TMPFILE here: the temporary file's way is used, and tested")
    assert export._write_nameless(str(tmp_path), str(tmp_path / "a.md"), b"x\n")


def test_nothing_is_replaced(tmp_path: Path, way: str) -> None:
    (tmp_path / "fall.md").write_text("en annan anteckning\n", encoding="utf-8")
    with pytest.raises(UsageError, match="finns redan; ingenting skrivs över"):
        saved(tmp_path)
    assert (tmp_path / "fall.md").read_text(encoding="utf-8") == "en annan anteckning\n"


def test_a_name_that_appears_during_the_write_is_not_replaced(tmp_path: Path, way: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    write_all = export._write_all

    def racing(fd: int, data: bytes) -> None:
        write_all(fd, data)
        if not (tmp_path / "fall.md").exists():
            (tmp_path / "fall.md").write_text("kom emellan\n", encoding="utf-8")

    monkeypatch.setattr(export, "_write_all", racing)
    with pytest.raises(UsageError, match="finns redan"):
        saved(tmp_path)
    assert (tmp_path / "fall.md").read_text(encoding="utf-8") == "kom emellan\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fall.md"]


def failing(error: BaseException, after: int = 0) -> Callable[[int, bytes], None]:
    calls = []

    def write_all(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) > after:
            os.write(fd, data[:3])  # half of it, then the failure
            raise error
        export_write_all(fd, data)

    return write_all


export_write_all = export._write_all


def test_a_failed_write_leaves_nothing(tmp_path: Path, way: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "_write_all", failing(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(MhstodError, match=r"Kan inte skriva .*disken är full"):
        saved(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_without_links_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EOPNOTSUPP, "Operation not supported")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(export, "_write_all", failing(KeyboardInterrupt(), after=1))  # the temporary file is whole
    with pytest.raises(KeyboardInterrupt):
        saved(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_other_link_errors_are_errors_not_a_second_try(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)

    def quota(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EDQUOT, "diskkvoten är slut")

    monkeypatch.setattr(os, "link", quota)
    with pytest.raises(MhstodError, match="diskkvoten är slut"):
        saved(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_at_the_name_is_refused_and_not_followed(tmp_path: Path, way: str) -> None:
    (tmp_path / "fall.md").symlink_to(tmp_path / "target.md")
    with pytest.raises(UsageError, match="finns redan"):
        saved(tmp_path)
    assert not (tmp_path / "target.md").exists()


def test_a_missing_folder_is_said_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"Katalogen för .* finns inte"):
        export.check_new_file(str(tmp_path / "saknas" / "fall.md"))
