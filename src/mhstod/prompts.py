"""The two ways to draw the interview's widgets; the flow itself is in interview.py.

`FancyUi` (questionary: arrow keys, check boxes, completion) and `PlainUi` (numbered choices read line by line,
for --plain, TERM=dumb and screen readers).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from mhstod.errors import Stopped, signals_held, stop_signals
from mhstod.interview import BACK, NOW, Options, Validate
from mhstod.wrap import wrap, wrap_spans

SELECT_HINT = "(piltangenterna eller en siffra flyttar, Enter väljer)"
CHECKBOX_HINT = "(piltangenterna flyttar, mellanslag eller en siffra kryssar i, Enter bekräftar)"
PLACE_HINT = " Tab kompletterar; skriv Vet inte om du inte vet."
PLAIN_PLACE_HINT = " Skriv Vet inte om du inte vet."
INVALID = "Ogiltigt svar."  # where a validation says only False; questionary would say "Invalid input"
MAX_DIGIT = 9  # a digit picks one of the first nine choices; later ones are reached with the arrows
POINTER = " » "
TICK = ("● ", "○ ")  # ticked, not ticked


class FancyUi:
    """questionary's menus and prompt_toolkit: arrow keys, digits, check boxes, completion.

    The menus are built here from questionary's parts (its list control and layout) rather than its
    `select`/`checkbox`, whose answered line ("done (2 selections)") and instructions are English and whose
    Enter cannot act on the choice under the cursor. Every line is broken between words to the terminal's width
    when the question is asked. Imported only here, so that PlainUi runs without questionary.
    """

    place_hint = PLACE_HINT

    def select(self, message: str, options: Options, default: str | None) -> str:
        return str(_ask(_menu(message, options, default, None, _always)))

    def checkbox(self, message: str, options: Options, checked: set[str], validate: Validate) -> list[str]:
        return [str(v) for v in _ask(_menu(message, options, None, checked, validate))]

    def text(self, message: str, default: str, validate: Validate, words: list[str]) -> str:
        """A line of text, validated when Enter is pressed: not while the user is still typing ("Malm")."""
        import questionary

        width = _columns() - 1
        shown = wrap(message, width, indent=2, start=2)

        def check(text: str) -> bool | str:
            verdict = validate(text)
            return True if verdict is True else wrap(str(verdict) if verdict is not False else INVALID, width)

        if words:
            question = questionary.autocomplete(shown, choices=words, validate=check, default=default,
                                                ignore_case=True, match_middle=False, validate_while_typing=False)
        else:
            question = questionary.text(shown, default=default, validate=check, validate_while_typing=False)
        _tall_validation_errors(question.application)
        _capped(question.application.layout.current_buffer)
        return str(_ask(question.application))


MAX_TYPED = 200  # characters a text field takes: a place's name is at most 80, a day 10


def _capped(buffer: Any) -> None:
    """A field that keeps only its first MAX_TYPED characters, however they come (typed key by key, pasted).

    Typed key by key, 10 kB took 4 s to echo and 100 kB grew to 3.4 GB, deaf to Ctrl-C: each key redrew and
    re-matched the whole line.
    """
    def cap(changed: Any) -> None:
        if len(changed.text) > MAX_TYPED:
            changed.text = changed.text[:MAX_TYPED]
            changed.cursor_position = MAX_TYPED

    buffer.on_text_changed += cap


def _always(_: object) -> bool:
    return True


def _columns() -> int:
    """The terminal's width as prompt_toolkit sees it (80 where there is no terminal)."""
    from prompt_toolkit.application.current import get_app_session

    return int(get_app_session().output.get_size().columns)


def _menu(message: str, options: Options, default: str | None, checked: set[str] | None, validate: Validate
          ) -> Any:
    """A menu of one choice (`checked` None) or of several; the choices numbered 1–9, lines broken between words.

    A digit moves to its choice, and in a multiple choice ticks or unticks it, as Space does. Enter on "Tillbaka"
    or "Visa checklistan nu" acts at once in both kinds, whatever is ticked.
    """
    from prompt_toolkit.application import Application
    from prompt_toolkit.filters import Condition, is_done
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Layout, Window
    from questionary.prompts.common import Choice, InquirerControl, create_inquirer_layout
    from questionary.styles import merge_styles_default

    multi = checked is not None
    width = _columns() - 1
    start = len(POINTER) + (len(TICK[0]) if multi else 0)
    titles = [wrap(f"{i}) {label}" if i <= MAX_DIGIT else f"   {label}", width, indent=start + 3, start=start)
              for i, (label, _) in enumerate(options, start=1)]
    choices = [Choice(title, value=value, checked=multi and value in (checked or ())) for title, (_, value)
               in zip(titles, options, strict=True)]
    earlier = default if default in [v for _, v in options] else None  # drawn reversed, where the pointer starts
    control = InquirerControl(choices, earlier, pointer=POINTER.strip(), use_indicator=multi, initial_choice=earlier)
    tokens: Callable[[], list[Any]] = control._get_choice_tokens  # untyped in questionary
    control.text = lambda: _styled_lines(tokens())
    labels = {value: label for label, value in options}
    refusal: list[tuple[str, str]] = []
    values = [value for _, value in options]

    def prompt() -> list[tuple[str, str]]:  # questionary's layout reads it as formatted text
        spans = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if not control.is_answered:
            spans.append(("class:instruction", CHECKBOX_HINT if multi else SELECT_HINT))
        elif multi:
            spans.append(("class:answer", ", ".join(labels[v] for v in values if v in control.selected_options)))
        else:
            spans.append(("class:answer", labels[str(control.get_pointed_at().value)]))
        return wrap_spans(spans, width, indent=2)

    bindings = KeyBindings()

    @bindings.add(Keys.ControlQ, eager=True)
    @bindings.add(Keys.ControlC, eager=True)
    def interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def toggle(value: str) -> None:
        chosen = control.selected_options
        if value in chosen:
            chosen.remove(value)
        else:
            chosen.append(value)
        refusal.clear()

    def move(step: int, _event: Any) -> None:
        control.pointed_at = (control.pointed_at + step) % len(values)

    for key, step in ((Keys.Down, 1), (Keys.Up, -1), (Keys.ControlN, 1), (Keys.ControlP, -1), ("j", 1), ("k", -1)):
        bindings.add(key, eager=True)(functools.partial(move, step))

    for index in range(min(len(values), MAX_DIGIT)):
        # Esc then a digit was prompt_toolkit's repeat count, "(arg: 2)", and Enter then picked the first choice
        @bindings.add("escape", str(index + 1), eager=True)
        @bindings.add(str(index + 1), eager=True)
        def digit(_event: Any, index: int = index) -> None:
            control.pointed_at = index
            if multi:
                toggle(values[index])

    if multi:
        @bindings.add(" ", eager=True)
        def space(_event: Any) -> None:
            toggle(str(control.get_pointed_at().value))

    @bindings.add(Keys.ControlM, eager=True)
    def enter(event: Any) -> None:
        pointed = control.get_pointed_at().value
        if not multi:
            control.is_answered = True
            event.app.exit(result=pointed)
            return
        if pointed in (BACK, NOW):
            control.selected_options = [pointed]
            picked = [pointed]
        else:
            picked = [v for v in values if v in control.selected_options]
            verdict = validate(picked)
            if verdict is not True:
                refusal[:] = [("class:validation-toolbar", wrap(str(verdict) if verdict is not False else INVALID,
                                                                width))]
                return
        control.is_answered = True
        event.app.exit(result=picked)

    @bindings.add(Keys.Any)
    def other(_event: Any) -> None:
        """Typed letters do nothing."""

    # The refusal is drawn below the menu, not in questionary's bottom toolbar, which prompt_toolkit shows only
    # once the terminal has answered a cursor position request (never with PROMPT_TOOLKIT_NO_CPR).
    def refused_now() -> bool:
        return bool(refusal)

    refused = ConditionalContainer(Window(FormattedTextControl(lambda: list(refusal)), dont_extend_height=True),
                                   filter=Condition(refused_now) & ~is_done)
    inquirer: Callable[..., Any] = create_inquirer_layout  # untyped in questionary
    layout = Layout(HSplit([inquirer(control, prompt).container, refused]))
    return Application(layout=layout, key_bindings=bindings, style=merge_styles_default([]))


def _styled_lines(tokens: list[Any]) -> list[Any]:
    """A choice broken over lines: its indentation unstyled, so that a highlighted choice is not a bar."""
    out: list[Any] = []
    for style, text, *rest in tokens:
        if "\n" not in text or not style or text == "\n":
            out.append((style, text, *rest))
            continue
        first, *others = text.split("\n")
        out.append((style, first))
        for line in others:
            body = line.lstrip(" ")
            out += [("", "\n" + " " * (len(line) - len(body))), (style, body)]
    return out


def _tall_validation_errors(application: Any) -> None:
    """Let a text prompt's error take the lines it needs: prompt_toolkit gives it one and cuts the rest.

    "Okänd kommun 'Got'. Menade du Götene …, Gotlands län eller Gotland …?" is longer than most terminals.
    """
    from prompt_toolkit.layout.controls import FormattedTextControl

    for window in application.layout.find_all_windows():
        text = getattr(window.content, "text", None)
        if isinstance(window.content, FormattedTextControl) and \
                getattr(text, "__qualname__", "").startswith("ValidationToolbar."):
            window.height = None


def _ask(application: Any) -> Any:
    """Ask, with the signals a terminal user sends handled where the prompt can end cleanly.

    `kill -INT` ends the guide like Ctrl-C: prompt_toolkit turns it into a key press, and only its text prompt
    bound that key, so the menus ignored it. SIGTERM, SIGHUP and SIGQUIT end the prompt the same way, with
    `Stopped`: raised by a plain signal handler, they landed inside the event loop, which printed "Unhandled
    exception" and waited for Enter, or the process died in raw mode.
    """
    import asyncio

    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.SIGINT, eager=True)
    def interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    application.key_bindings = merge_key_bindings([application.key_bindings or KeyBindings(), bindings])
    return asyncio.run(_stoppable(application))


async def _stoppable(application: Any) -> Any:
    """Run the prompt with the signals to stop handled by its own loop, and give them back before it closes.

    The loop's handlers are removed here, not by the loop's closing: closing left the system's default behind
    (a second SIGTERM killed the process) and wrote to a wake-up pipe it had already closed. After the first
    signal, the rest are ignored while the program ends. A terminal that is gone (EIO when the prompt puts it
    back) is a hang-up.
    """
    import asyncio
    import errno
    import signal

    loop = asyncio.get_running_loop()
    stopped: list[int] = []

    def stop(signum: int) -> None:
        if stopped:
            return
        stopped.append(signum)
        if application.future is not None and not application.future.done():
            application.exit(exception=Stopped(signum), style="class:aborting")

    handled = {}
    for signum in stop_signals():
        try:
            before = signal.getsignal(signum)
            loop.add_signal_handler(signum, stop, signum)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            continue
        handled[signum] = before
    try:
        return await application.run_async()
    except OSError as exc:
        if stopped:
            raise Stopped(stopped[0]) from None
        if exc.errno == errno.EIO and hasattr(signal, "SIGHUP"):
            raise Stopped(signal.SIGHUP) from None
        raise
    finally:
        with signals_held(list(handled)):
            for signum, before in handled.items():
                loop.remove_signal_handler(signum)
                signal.signal(signum, signal.SIG_IGN if stopped else before)


class PlainUi:
    """Numbered choices read line by line: no escape codes, for screen readers and TERM=dumb."""

    place_hint = PLAIN_PLACE_HINT

    def __init__(self, write: Callable[[str], object], read: Callable[[str], str] = input) -> None:
        self._write = write
        self._read = read

    def select(self, message: str, options: Options, default: str | None) -> str:
        self._list(message, options)
        values = [value for _, value in options]
        keep = f" (Enter behåller {values.index(default) + 1})" if default in values else ""
        while True:
            line = self._read(f"Skriv ett nummer{keep}: ").strip()
            if not line and default in values:
                return str(default)
            if _number(line, len(options)):
                return values[int(line) - 1]
            self._write(f"Skriv ett nummer från 1 till {len(options)}.\n")

    def checkbox(self, message: str, options: Options, checked: set[str], validate: Validate) -> list[str]:
        self._list(message, options)
        values = [value for _, value in options]
        kept = [str(values.index(v) + 1) for v in values if v in checked]
        keep = f" (Enter behåller {','.join(kept)})" if kept else ""
        while True:
            line = self._read(f"Skriv ett eller flera nummer, med komma emellan{keep}: ").strip()
            parts = [p.strip() for p in line.split(",") if p.strip()] if line else kept
            if not all(_number(p, len(options)) for p in parts):
                self._write(f"Skriv nummer från 1 till {len(options)}, till exempel 1,3.\n")
                continue
            picked = list(dict.fromkeys(values[int(p) - 1] for p in parts))
            verdict = validate(picked)
            if verdict is True:
                return picked
            self._write(f"{verdict}\n")

    def text(self, message: str, default: str, validate: Validate, words: list[str]) -> str:
        keep = f" (Enter behåller {default})" if default else ""
        self._write(message + "\n")
        while True:
            line = self._read(f"Svar{keep}: ").strip() or default
            verdict = validate(line)
            if verdict is True:
                return line
            self._write(f"{verdict}\n")

    def _list(self, message: str, options: Options) -> None:
        """The options numbered; without the arrow and tick that a screen reader would read out."""
        labels = [label.removeprefix("← ").removeprefix("✔ ") for label, _ in options]
        self._write(message + "\n" + "".join(f"  {i}. {label}\n" for i, label in enumerate(labels, 1)))


def _number(typed: str, count: int) -> bool:
    """A number from 1 to count in ASCII digits.

    "²" is a digit to str.isdigit() and made int() fail; more than 4,300 digits were more than int() reads.
    """
    return len(typed) <= 9 and typed.isascii() and typed.isdigit() and 1 <= int(typed) <= count
