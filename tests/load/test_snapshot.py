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


def test_a_snapshot_of_these_texts_gives_what_the_yaml_gives(tmp_path: Path, texts: dict[str, str],
                                                            values: dict[str, object],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from_yaml = knowledge_module.build(texts)  # the checkout's data/ has no snapshot
    (tmp_path / NAME).write_text(make(texts, values), encoding="utf-8")
    assert matching(tmp_path, texts) == values
    monkeypatch.setattr(knowledge_module, "data_folder", lambda: tmp_path)
    monkeypatch.setattr(knowledge_module, "parse_data", _no_yaml)
    assert knowledge_module.load.__wrapped__() == from_yaml  # type: ignore[attr-defined]


def _no_yaml(*args: object, **kwargs: object) -> object:
    raise AssertionError("the YAML was parsed although the snapshot matched")


def test_an_edited_file_is_read_as_yaml_not_from_the_stale_snapshot(tmp_path: Path, texts: dict[str, str],
                                                                   values: dict[str, object],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install after an edit, or a file corrected by hand in site-packages: the edit counts."""
    (tmp_path / NAME).write_text(make(texts, values), encoding="utf-8")
    edited = dict(texts, **{"law.yaml": texts["law.yaml"].replace("name: Koppleri", "name: Koppleri (rättad)")})
    assert edited != texts and matching(tmp_path, edited) is None
    monkeypatch.setattr(knowledge_module, "data_folder", lambda: tmp_path)
    monkeypatch.setattr(knowledge_module, "read_shipped", lambda: edited)
    built = knowledge_module.load.__wrapped__()  # type: ignore[attr-defined]
    assert "Koppleri (rättad)" in [law.name for law in built.laws]


@pytest.mark.parametrize("stored", [None, "", "{", "[]", '{"format": 1}', '{"format": 2, "sha256": "x"}'])
def test_a_missing_or_broken_snapshot_is_no_snapshot(tmp_path: Path, texts: dict[str, str],
                                                     stored: str | None) -> None:
    if stored is not None:
        (tmp_path / NAME).write_text(stored, encoding="utf-8")
    assert matching(tmp_path, texts) is None


def test_a_snapshot_that_lacks_a_file_is_no_snapshot(tmp_path: Path, texts: dict[str, str],
                                                     values: dict[str, object]) -> None:
    snapshot = json.loads(make(texts, values))
    del snapshot["files"]["law.yaml"]
    (tmp_path / NAME).write_text(json.dumps(snapshot), encoding="utf-8")
    assert matching(tmp_path, texts) is None
