"""The two Uis alone: questionary fed keys through prompt_toolkit's pipe input, the plain one fed lines.

The flow over them is in test_interview.py; the whole guide in a real terminal in tests/commands/test_guide_pty.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from mhstod.prompts import PLAIN_PLACE_HINT, FancyUi, PlainUi

DOWN, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\r", " ", "\x03", "\x7f"
OPTIONS = [("← Tillbaka", "back"), ("Ja", "yes"), ("Nej", "no"), ("✔ Klar", "done")]


class Keys:
    """Keys typed into questionary; the input ends after them, so a missing key fails the test (EOFError)."""

    def __init__(self, pipe: PipeInput) -> None:
        self.pipe = pipe

    def send_text(self, text: str) -> None:
        self.pipe.send_text(text)
        self.pipe.close()


@pytest.fixture
def keys() -> Iterator[Keys]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield Keys(pipe)


def test_fancy_select_moves_with_the_arrows(keys: Keys) -> None:
    keys.send_text(DOWN + ENTER)
    assert FancyUi().select("Fråga?", OPTIONS, None) == "yes"


def test_fancy_select_starts_at_the_default(keys: Keys) -> None:
    keys.send_text(ENTER)
    assert FancyUi().select("Fråga?", OPTIONS, "no") == "no"


def test_fancy_checkbox_keeps_what_was_checked_and_validates(keys: Keys) -> None:
    said: list[list[str]] = []

    def valid(picked: list[str]) -> bool | str:
        said.append(picked)
        return True if picked else "Välj minst ett svar."

    keys.send_text(SPACE + ENTER + DOWN + SPACE + ENTER)  # untick the kept one: refused; tick another
    assert FancyUi().checkbox("Vilka?", OPTIONS, {"back"}, valid) == ["yes"]
    assert [] in said


def test_fancy_text_validates_until_the_answer_is_good(keys: Keys) -> None:
    keys.send_text("Nowhere" + ENTER + BACKSPACE * 7 + "Malmö" + ENTER)
    assert FancyUi().text("Var?", "", lambda t: True if t == "Malmö" else "okänd ort", ["Malmö", "Mora"]) == "Malmö"


def test_fancy_text_offers_the_default(keys: Keys) -> None:
    keys.send_text(ENTER)
    assert FancyUi().text("Fil?", "svar.yaml", lambda t: True, []) == "svar.yaml"


def test_fancy_ctrl_c_is_an_interrupt(keys: Keys) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        FancyUi().select("Fråga?", OPTIONS, None)


class Lines:
    """A fake line reader: the prompts it was shown, and the lines it gives back; EOF when none are left."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


def plain(*lines: str) -> tuple[PlainUi, Lines, list[str]]:
    written: list[str] = []
    reader = Lines(*lines)
    return PlainUi(written.append, reader), reader, written


def test_plain_select_numbers_the_choices_without_arrows_or_ticks() -> None:
    ui, reader, written = plain("2")
    assert ui.select("Fråga?", OPTIONS, None) == "yes"
    assert written == ["Fråga?\n  1. Tillbaka\n  2. Ja\n  3. Nej\n  4. Klar\n"]
    assert reader.prompts == ["Skriv ett nummer: "]


def test_plain_select_asks_again_on_a_bad_number_and_enter_keeps_the_default() -> None:
    ui, reader, written = plain("9", "ja", "")
    assert ui.select("Fråga?", OPTIONS, "no") == "no"
    assert written[1:] == ["Skriv ett nummer från 1 till 4.\n"] * 2
    assert reader.prompts[0] == "Skriv ett nummer (Enter behåller 3): "


@pytest.mark.parametrize("typed", ["²", "١", "2²", "０"])
def test_plain_select_asks_again_on_digits_that_are_not_ascii(typed: str) -> None:
    """"²" is a digit to str.isdigit(): int() then failed with an internal error instead of asking again."""
    ui, _, written = plain(typed, "3")
    assert ui.select("Fråga?", OPTIONS, None) == "no"
    assert written[1:] == ["Skriv ett nummer från 1 till 4.\n"]


def test_plain_checkbox_asks_again_on_digits_that_are_not_ascii() -> None:
    ui, _, written = plain("2,³", "2")
    assert ui.checkbox("Vilka?", OPTIONS, set(), lambda p: True) == ["yes"]
    assert written[1:] == ["Skriv nummer från 1 till 4, till exempel 1,3.\n"]


def test_plain_checkbox_takes_numbers_with_commas_once_each() -> None:
    ui, _, _ = plain("3, 2,3")
    assert ui.checkbox("Vilka?", OPTIONS, set(), lambda p: True) == ["no", "yes"]


def test_plain_checkbox_says_what_validation_says_and_keeps_the_checked() -> None:
    ui, reader, written = plain("x", "2,3", "")
    verdicts = iter(["”Vet inte” kan inte kombineras med andra svar", True])
    assert ui.checkbox("Vilka?", OPTIONS, {"no"}, lambda p: next(verdicts)) == ["no"]
    assert written[1:] == ["Skriv nummer från 1 till 4, till exempel 1,3.\n",
                           "”Vet inte” kan inte kombineras med andra svar\n"]
    assert reader.prompts[0].endswith("(Enter behåller 3): ")


def test_plain_text_validates_and_enter_keeps_the_default() -> None:
    ui, _, written = plain("Nowhere", "")
    assert ui.text("Var?", "Malmö", lambda t: True if t == "Malmö" else "okänd ort", []) == "Malmö"
    assert written == ["Var?\n", "okänd ort\n"]


def test_plain_end_of_input_is_end_of_input() -> None:
    ui, _, _ = plain()
    with pytest.raises(EOFError):
        ui.select("Fråga?", OPTIONS, None)


def test_plain_place_hint_mentions_no_tab() -> None:
    assert "Tab" not in PLAIN_PLACE_HINT and "Tab" in FancyUi.place_hint


def test_fancy_prompts_work_where_the_loop_cannot_handle_signals(keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' event loops have no add_signal_handler: the first question crashed with NotImplementedError.

    (prompt_toolkit asks for SIGINT and SIGWINCH only where they work; these are refused for the others.)
    """
    import asyncio
    import signal

    loop = asyncio.new_event_loop()
    loop_class = type(loop)
    loop.close()
    original = loop_class.add_signal_handler

    def as_on_windows(self: asyncio.AbstractEventLoop, signum: int, *args: object) -> None:
        if signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            raise NotImplementedError
        original(self, signum, *args)

    monkeypatch.setattr(loop_class, "add_signal_handler", as_on_windows)
    keys.send_text(DOWN + ENTER)
    assert FancyUi().select("Fråga?", OPTIONS, None) == "yes"


def test_fancy_prompts_give_back_the_signal_handlers(keys: Keys) -> None:
    import signal

    before = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)}
    keys.send_text(ENTER)
    FancyUi().select("Fråga?", OPTIONS, None)
    assert {signum: signal.getsignal(signum) for signum in before} == before
