"""The two ways to draw the interview's widgets; the flow itself is in interview.py.

`FancyUi` (questionary: arrow keys, check boxes, completion) and `PlainUi` (numbered choices read line by line,
for --plain, TERM=dumb and screen readers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mhstod.errors import Stopped, signals_held, stop_signals
from mhstod.interview import Options, Validate

SELECT_HINT = "(piltangenterna flyttar, Enter väljer)"
PLACE_HINT = " Tab kompletterar; skriv Vet inte om du inte vet."
PLAIN_PLACE_HINT = " Skriv Vet inte om du inte vet."


class FancyUi:
    """questionary: arrow keys, check boxes, completion. Imported here, so that PlainUi runs without it."""

    place_hint = PLACE_HINT

    def select(self, message: str, options: Options, default: str | None) -> str:
        import questionary
        from questionary import Choice

        choices = [Choice(label, value=value) for label, value in options]
        return str(_ask(questionary.select(message, choices=choices, default=default, instruction=SELECT_HINT)))

    def checkbox(self, message: str, options: Options, checked: set[str], validate: Validate) -> list[str]:
        import questionary
        from questionary import Choice

        choices = [Choice(label, value=value, checked=value in checked) for label, value in options]
        picked = _ask(questionary.checkbox(message, choices=choices, validate=validate,
                                           instruction="(mellanslag väljer, Enter bekräftar)"))
        return [str(v) for v in picked]

    def text(self, message: str, default: str, validate: Validate, words: list[str]) -> str:
        import questionary

        if not words:
            return str(_ask(questionary.text(message, default=default, validate=validate)))
        return str(_ask(questionary.autocomplete(message, choices=words, validate=validate, default=default,
                                                 ignore_case=True, match_middle=False)))


def _ask(question: Any) -> Any:
    """Ask, with the signals a terminal user sends handled where the prompt can end cleanly.

    `kill -INT` ends the guide like Ctrl-C: prompt_toolkit turns it into a key press, and only its text prompt
    bound that key, so the menus ignored it. SIGTERM, SIGHUP and SIGQUIT end the prompt the same way, with
    `Stopped`: raised by a plain signal handler, they landed inside the event loop, which printed "Unhandled
    exception" and waited for Enter, or the process died in raw mode.
    """
    import asyncio

    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    application = question.application
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
    """A number from 1 to count in ASCII digits: "²" is a digit to str.isdigit() and made int() fail."""
    return typed.isascii() and typed.isdigit() and 1 <= int(typed) <= count
