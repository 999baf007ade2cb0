"""The two Uis alone: questionary fed keys through prompt_toolkit's pipe input, the plain one fed lines.

The flow over them is in test_interview.py; the whole guide in a real terminal in tests/commands/test_guide_pty.py.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any
from unittest.mock import patch

import pytest
from prompt_toolkit.application import Application, create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from mhstod import prompts
from mhstod.interview import BACK, BACK_LABEL, NOW, NOW_LABEL
from mhstod.prompts import CHECKBOX_HINT, PLAIN_PLACE_HINT, FancyUi, PlainUi

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"
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


MENU = [("Ja", "yes"), ("Nej", "no"), ("Vet inte", "unknown"), (BACK_LABEL, BACK)]
ENGLISH = ("done", "selection", "Use arrow", "Use shortcuts", "Invalid input", "Answer:", "Description:", "Cancelled")


class Screen:
    """questionary fed keys at a terminal width; what it drew, without escape codes, one string per line.

    The input ends after the screen is drawn with the keys' effect, so that a refusal is seen before the end.
    """

    def __init__(self, width: int, keys: str) -> None:
        self.width, self.keys, self.buffer = width, keys, io.StringIO()

    def run(self, ask: Callable[[FancyUi], object]) -> object:
        output = Vt100_Output(self.buffer, lambda: Size(rows=40, columns=self.width), term="xterm")
        renders: list[object] = []
        original = prompts._ask

        def feed(application: Application[Any]) -> None:
            renders.append(application)
            if len(renders) == 1:
                pipe.send_text(self.keys)
            elif len(renders) == 2:
                pipe.close()

        def asked(application: Application[Any]) -> object:
            renders.clear()
            application.after_render += feed
            return original(application)

        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output), \
                patch.object(prompts, "_ask", asked):
            try:
                return ask(FancyUi())
            except EOFError:
                return EOFError

    @property
    def lines(self) -> list[str]:
        text = re.sub(r"\x1b\[[0-9;?]*[A-HJK]", "\n", self.buffer.getvalue())  # the cursor moves: a new line
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "").split("\n")

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def refuse_empty(picked: list[str]) -> bool | str:
    return True if picked else "Välj minst ett svar."


@pytest.mark.parametrize("keys", [UP + ENTER, "4" + ENTER, SPACE + UP + ENTER])
def test_fancy_checkbox_enter_on_back_goes_back_whatever_is_ticked(keys: str) -> None:
    """Enter on "Tillbaka" said "Välj minst ett svar" unless Space had ticked it first."""
    screen = Screen(80, keys)
    assert screen.run(lambda ui: ui.checkbox("Vilka?", MENU, set(), refuse_empty)) == [BACK]
    assert "Välj minst ett svar" not in screen.text


def test_fancy_checkbox_enter_on_the_checklist_now_shows_it() -> None:
    screen = Screen(80, DOWN + SPACE + UP + ENTER)
    assert screen.run(lambda ui: ui.checkbox("Vilka?", [(NOW_LABEL, NOW), *MENU], set(), refuse_empty)) == [NOW]


def test_fancy_checkbox_enter_on_an_answer_still_needs_one_ticked() -> None:
    screen = Screen(80, ENTER)
    assert screen.run(lambda ui: ui.checkbox("Vilka?", MENU, set(), refuse_empty)) is EOFError
    assert "Välj minst ett svar." in screen.text


def test_fancy_menus_number_their_choices_and_say_how_digits_work() -> None:
    screen = Screen(80, "3" + ENTER)
    assert screen.run(lambda ui: ui.select("Fråga?", MENU, None)) == "unknown", "a digit moves to its choice"
    assert "(piltangenterna eller en siffra flyttar, Enter väljer)" in screen.text
    assert all(f"{i}) {label}" in screen.text for i, (label, _) in enumerate(MENU, 1))
    screen = Screen(80, "1" + "3" + "1" + ENTER)  # a digit ticks and unticks in a multiple choice
    assert screen.run(lambda ui: ui.checkbox("Vilka?", MENU, set(), refuse_empty)) == ["unknown"]
    assert "mellanslag eller en siffra kryssar i, Enter bekräftar" in screen.text


def test_fancy_menus_ignore_digits_without_a_choice() -> None:
    assert Screen(80, "9" + "0" + ENTER).run(lambda ui: ui.select("Fråga?", MENU, "no")) == "no"
    many = [(f"Svar {i}", str(i)) for i in range(1, 13)]
    screen = Screen(80, "9" + DOWN + DOWN + ENTER)
    assert screen.run(lambda ui: ui.select("Fråga?", many, None)) == "11"
    assert "   9) Svar 9" in screen.lines and "      Svar 10" in screen.lines, "no number past 9, same indent"


def test_fancy_answered_lines_are_swedish() -> None:
    screen = Screen(80, SPACE + DOWN + SPACE + ENTER)
    assert screen.run(lambda ui: ui.checkbox("Vilka?", MENU, set(), refuse_empty)) == ["yes", "no"]
    assert "? Vilka? Ja, Nej" in screen.text
    screen = Screen(80, SPACE + ENTER)
    screen.run(lambda ui: ui.checkbox("Vilka?", MENU, set(), refuse_empty))
    assert [line for line in screen.lines if line.startswith("? Vilka?")][-1] == "? Vilka? Ja"
    for ask in (lambda ui: ui.select("Fråga?", MENU, None), lambda ui: ui.text("Fil?", "", lambda t: False, []),
                lambda ui: ui.text("Var?", "", lambda t: False, ["Malmö"]),
                lambda ui: ui.checkbox("Vilka?", MENU, set(), lambda p: False)):
        screen = Screen(80, ENTER)
        screen.run(ask)
        assert not [word for word in ENGLISH if word in screen.text], screen.text
    assert "Ogiltigt svar." in screen.text


def test_fancy_text_is_validated_on_enter_and_says_the_whole_error() -> None:
    def valid(text: str) -> bool | str:
        return True if text == "Lund" else f"Okänd kommun '{text}'. Menade du Götene (kommun i Västra Götalands " \
                                           "län), Gotlands län eller Gotland (kommun i Gotlands län)?"

    typing = Screen(40, "Got")
    assert typing.run(lambda ui: ui.text("Var?", "", valid, ["Gotland", "Lund"])) is EOFError
    assert "Okänd" not in typing.text, "nothing is said while the user types"
    entered = Screen(40, "Got" + ENTER)
    entered.run(lambda ui: ui.text("Var?", "", valid, ["Gotland", "Lund"]))
    assert "Menade du Götene (kommun i Västra Götalands län), Gotlands län eller Gotland (kommun i Gotlands " \
           "län)?" in entered.text, "the error takes the lines it needs at 40 columns"
    assert max(len(line) for line in entered.lines) <= 40


@pytest.mark.parametrize("width", [40, 57, 80, 133, 200])
def test_fancy_lines_break_between_words_at_the_terminal_width(width: int) -> None:
    question = "Vad misstänker du att personen har utnyttjats för? Välj allt som passar."
    options = [("Ändra: Polisanmälan och rättsprocess – Vet inte / har inte bestämt sig", "a"),
               ("Arbete (tvångsarbete, orimliga villkor)", "b"), (BACK_LABEL, BACK)]
    screen = Screen(width, DOWN + SPACE + UP + SPACE + ENTER)
    assert screen.run(lambda ui: ui.checkbox(question, options, set(), refuse_empty)) == ["a", "b"]
    words = set(" ".join([question, CHECKBOX_HINT, *(label for label, _ in options)]).split())
    drawn = {word for line in screen.lines for word in line.split()}
    assert words - {"»", "○", "●"} <= drawn, "every word whole on one line"
    assert all(len(line) <= width for line in screen.lines)
    assert "Polisanmälan och rättsprocess – Vet inte / har inte bestämt sig, Arbete (tvångsarbete, orimliga " \
           "villkor)" in screen.text, "the answer in full, never cut"


def test_fancy_text_keeps_at_most_200_characters(keys: Keys) -> None:
    """Typed key by key, a long line grew without end (issue 23, 10): the field keeps its first 200."""
    keys.send_text("a" * 5000 + ENTER)
    assert FancyUi().text("Var?", "", lambda t: True, []) == "a" * prompts.MAX_TYPED


def test_plain_select_asks_again_for_a_number_longer_than_int_reads() -> None:
    """More than 4,300 digits at "Skriv ett nummer" ended in "internt fel (ValueError …)" (issue 23, 9)."""
    ui, _, written = plain("9" * 5000, "2")
    assert ui.select("Fråga?", OPTIONS, None) == "yes"
    assert any("Skriv ett nummer från 1 till 4" in w for w in written)
