"""Fixtures for every test: the loaded data, and a fixed terminal, date and environment."""

from __future__ import annotations

import pytest

from mhstod.load import load
from mhstod.model import Knowledge
from mhstod.places import Gazetteer


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
    monkeypatch.setenv("MHSTOD_NOW", "2026-11-23T10:00")  # a Monday morning: office hours, as the snapshots were
    monkeypatch.delenv("MHSTOD_DEBUG", raising=False)

