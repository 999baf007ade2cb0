from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mhstod.commands.main import main
from mhstod.load import load
from mhstod.model import Knowledge
from mhstod.places import Gazetteer

FIXTURES = Path(__file__).parent / "fixtures"


def read_csv(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load()


@pytest.fixture(scope="session")
def gazetteer(knowledge: Knowledge) -> Gazetteer:
    return Gazetteer(knowledge)


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich output at a fixed width and without colour, whatever terminal runs the tests."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("MHSTOD_TODAY", "2026-11-23")  # freshness notes must not age the snapshots
    monkeypatch.delenv("MHSTOD_DEBUG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process: exit code, stdout with Rich's line wrapping undone (not for JSON), stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    if "--json" not in argv:
        out = " ".join(out.split())
    return code, out, err
