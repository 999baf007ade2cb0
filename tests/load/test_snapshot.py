"""The wheel's snapshot of the parsed data: used only while it matches the YAML beside it, and then equal to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhstod.load import knowledge as knowledge_module
from mhstod.load.files import DATA_FILES, read_shipped
from mhstod.load.nodes import parse_data
from mhstod.load.snapshot import NAME, make, matching


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return read_shipped()


@pytest.fixture(scope="module")
def values(texts: dict[str, str]) -> dict[str, object]:
    return {name: parse_data(name, texts[name], trusted=True) for name in DATA_FILES}


def _bytes(texts: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode("utf-8") for name, text in texts.items()}


@pytest.fixture()
def installed(tmp_path: Path, texts: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped files where load() looks for them, as in a wheel: the snapshot is written by the test."""
    for name in DATA_FILES:
        (tmp_path / name).write_text(texts[name], encoding="utf-8")
    monkeypatch.setattr(knowledge_module, "data_folder", lambda: tmp_path)
    return tmp_path


def test_a_snapshot_of_these_texts_gives_what_the_yaml_gives(installed: Path, texts: dict[str, str],
                                                            values: dict[str, object],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from_yaml = knowledge_module.build(texts)  # the checkout's data/ has no snapshot
    (installed / NAME).write_text(make(_bytes(texts), values), encoding="utf-8")
    assert matching(installed, _bytes(texts)) == values
    monkeypatch.setattr(knowledge_module, "parse_data", _no_yaml)
    assert knowledge_module.load.__wrapped__() == from_yaml  # type: ignore[attr-defined]


def _no_yaml(*args: object, **kwargs: object) -> object:
    raise AssertionError("the YAML was parsed although the snapshot matched")


def test_an_edited_file_is_read_as_yaml_not_from_the_stale_snapshot(installed: Path, texts: dict[str, str],
                                                                   values: dict[str, object]) -> None:
    """An editable install after an edit, or a file corrected by hand in site-packages: the edit counts."""
    (installed / NAME).write_text(make(_bytes(texts), values), encoding="utf-8")
    edited = dict(texts, **{"law.yaml": texts["law.yaml"].replace("name: Koppleri", "name: Koppleri (rättad)")})
    assert edited != texts and matching(installed, _bytes(edited)) is None
    (installed / "law.yaml").write_text(edited["law.yaml"], encoding="utf-8")
    built = knowledge_module.load.__wrapped__()  # type: ignore[attr-defined]
    assert "Koppleri (rättad)" in [law.name for law in built.laws]


@pytest.mark.parametrize("stored", [None, "", "{", "[]", '{"format": 1}', '{"format": 2, "sha256": "x"}'])
def test_a_missing_or_broken_snapshot_is_no_snapshot(tmp_path: Path, texts: dict[str, str],
                                                     stored: str | None) -> None:
    if stored is not None:
        (tmp_path / NAME).write_text(stored, encoding="utf-8")
    assert matching(tmp_path, _bytes(texts)) is None


def test_a_snapshot_that_lacks_a_file_is_no_snapshot(tmp_path: Path, texts: dict[str, str],
                                                     values: dict[str, object]) -> None:
    snapshot = json.loads(make(_bytes(texts), values))
    del snapshot["files"]["law.yaml"]
    (tmp_path / NAME).write_text(json.dumps(snapshot), encoding="utf-8")
    assert matching(tmp_path, _bytes(texts)) is None


@pytest.mark.parametrize("builtin", [True, False], ids=["CPython's own SHA-256", "hashlib's"])
def test_the_hash_is_sha256_of_each_name_and_file(monkeypatch: pytest.MonkeyPatch, texts: dict[str, str],
                                                   builtin: bool) -> None:
    """The built-in hasher spares loading OpenSSL; where it is missing, hashlib gives the same digest."""
    import hashlib
    import sys

    from mhstod.load.snapshot import digest

    if not builtin:
        monkeypatch.setitem(sys.modules, "_sha2", None)  # None in sys.modules: the import fails
        monkeypatch.setitem(sys.modules, "_sha256", None)
    expected = hashlib.sha256()
    for name in DATA_FILES:
        expected.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    assert digest(_bytes(texts)) == expected.hexdigest()


def test_a_snapshot_nested_past_the_parser_s_depth_is_no_snapshot(tmp_path: Path, texts: dict[str, str]) -> None:
    """Every command failed with "internt fel (RecursionError)" instead of reading the YAML (issue 23, 12)."""
    (tmp_path / NAME).write_text("[" * 100_000, encoding="utf-8")
    assert matching(tmp_path, _bytes(texts)) is None


def test_data_check_compares_the_snapshot_with_the_yaml(installed: Path, texts: dict[str, str],
                                                        values: dict[str, object], monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A number edited in the installed snapshot was shown while `data check` said OK (issue 23, 13)."""
    from mhstod.load import files
    from tests.helpers import run

    monkeypatch.setattr(files, "data_folder", lambda: installed)
    cases = (Path(__file__).parents[2] / "data" / "scenarios.yaml").read_text(encoding="utf-8")
    (installed / "scenarios.yaml").write_text(cases, encoding="utf-8")
    snapshot = json.loads(make(_bytes(texts), values))
    (installed / NAME).write_text(json.dumps(snapshot), encoding="utf-8")
    assert run(capsys, "data", "check")[0] == 0
    snapshot["files"]["actors.yaml"]["numbers"][0]["number"] = "113"
    (installed / NAME).write_text(json.dumps(snapshot), encoding="utf-8")
    code, out, err = run(capsys, "data", "check")
    assert code == 1 and out == "" and "snapshot.json i paketet stämmer inte med datafilerna" in err
