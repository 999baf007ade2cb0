"""Mistakes on the command line: one line in Swedish, with where to read more; Click's box was 3–5 lines in English
(36 lines at COLUMNS=2)."""

from __future__ import annotations

import pytest

from tests.helpers import run

USAGE = {
    ("gude",): "mhstod: Okänt kommando 'gude'. Menade du 'guide'? Se 'mhstod -h'.",
    ("region", "--nope"): "mhstod: Okänt alternativ '--nope'. Se 'mhstod region -h'.",
    ("region", "--coun", "Skåne"): "mhstod: Okänt alternativ '--coun'. Menade du --county eller --json? "
                                   "Se 'mhstod region -h'.",
    ("region", "--county"): "mhstod: Alternativet --county behöver ett värde. Se 'mhstod region -h'.",
    ("counties", "extra"): "mhstod: För många argument: extra. Se 'mhstod counties -h'.",
    ("actor",): "mhstod: Ange aktörens namn, t.ex. polisen, UD eller migrationsverket. Se 'mhstod actor -h'.",
    ("scenario", "play"): "mhstod: Ange fallets namn, t.ex. romania-malmo (se mhstod scenario list). "
                          "Se 'mhstod scenario play -h'.",
    ("-X",): "mhstod: Okänt alternativ '-X'. Se 'mhstod -h'.",
    ("--plain",): "mhstod: Ange ett kommando. Se 'mhstod -h'.",
}


@pytest.mark.parametrize("argv", list(USAGE), ids=[" ".join(a) for a in USAGE])
@pytest.mark.parametrize("columns", ["80", "2"])
def test_a_usage_error_is_one_line_in_swedish(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                             argv: tuple[str, ...], columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err == USAGE[argv] + "\n"


@pytest.mark.parametrize("typed", ["--\x1b[2Jx", "--" + "x" * 1_000_000, "--a\nb"])
def test_an_unknown_option_is_echoed_short_and_harmless(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    code, _, err = run(capsys, "region", typed)
    assert code == 2 and err.count("\n") == 1 and len(err) < 200
    assert "\x1b" not in err and err.startswith("mhstod: Okänt alternativ '--")


def test_suggestions_never_offer_help_as_the_option_meant(capsys: pytest.CaptureFixture[str]) -> None:
    """`--step` is not `--help`: Click's guess sent people to the help instead of saying the option is unknown."""
    code, _, err = run(capsys, "process", "--stepp", "3")
    assert code == 2 and "--help" not in err and "Okänt alternativ '--stepp'" in err
