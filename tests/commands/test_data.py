"""mhstod data check: what the data holds, and bad data said with file and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mhstod.commands.main import main
from mhstod.load.files import read_shipped
from tests.helpers import run


def test_data_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "data", "check")
    assert code == 0
    assert out.startswith("Data OK: 7 regioner, 21 län, 290 kommuner,")
    assert "Äldsta källa: 2018." in out
    data = json.loads(run(capsys, "data", "check", "--json")[1])
    assert data["counts"]["coordinators"] == 11 and data["oldest_source_date"] == "2018"


def test_data_check_exits_1_on_bad_data(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    from mhstod.load import knowledge as load_module

    for name, text in read_shipped().items():
        (tmp_path / name).write_text(text.replace("lisa.green@malmö.se", "lisa.green(at)malmö.se"), encoding="utf-8")
    monkeypatch.setattr(load_module, "data_folder", lambda: tmp_path)
    load_module.load.cache_clear()
    try:
        assert main(["data", "check"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("mhstod: data/regions.yaml: regions[4].coordinators[0].emails[0]: ")
        assert err.count("\n") == 1
    finally:
        load_module.load.cache_clear()
