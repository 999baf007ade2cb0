"""What the tests share besides fixtures: the fixture files, and the CLI run in-process."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mhstod.commands.main import main

FIXTURES = Path(__file__).parent / "fixtures"


def read_csv(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process: exit code, stdout with Rich's line wrapping undone (not for JSON), stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    if "--json" not in argv:
        out = " ".join(out.split())
    return code, out, err
