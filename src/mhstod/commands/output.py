"""What every command shares: the common options, and how output is written, plain or with Rich.

The plain setting is not a module-level switch: the root command puts an `Output` in Typer's context, and each
command takes it from there (`Output.of(ctx)`).
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mhstod.commands.swedish import Text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from typer._click.core import Context, Parameter
    from typer._click.shell_completion import CompletionItem

    from mhstod.render.lines import Line


class Completed(Text):
    """Text that the shell completes: `values` names a source in shells.VALUES (counties, actors …) or a path.

    `unless` names parameters that, once given, leave nothing to offer here (`region` takes one place). The
    completing itself (commands/shells.py) is imported only when a shell asks, not on every start.
    """

    def __init__(self, values: str, unless: tuple[str, ...] = ()) -> None:
        self.values = values
        self.unless = unless

    def shell_complete(self, ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        if any(ctx.params.get(name) is not None for name in self.unless):
            return []
        from mhstod.commands import shells

        return shells.candidates(self.values, ctx, incomplete)


JsonOption = Annotated[bool, typer.Option("--json", help="Skriv JSON (för skript) i stället för text.")]
DataDirOption = Annotated[
    str | None,
    typer.Option("--data-dir", envvar="MHSTOD_DATA_DIR", show_envvar=True, metavar="KATALOG",
                 click_type=Completed("dirs"),
                 help="Katalog med lokala YAML-filer som kompletterar eller rättar de levererade kontakterna."),
]
HtmlOption = Annotated[
    str | None,
    typer.Option("--html", metavar="FIL", help="Spara sidan som HTML i en ny fil, för projektor och utskrift."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Ersätt en befintlig fil vid --html (aldrig en länk).")
]

# Below these widths a table would wrap names mid-word or squeeze a column to nothing: lines instead.
TABLE_MIN_WIDTH = 63  # the counties table at its natural width
ACTORS_TABLE_MIN_WIDTH = 80  # render.rich.actors: a role column worth reading


class ReaderGone(Exception):
    """Standard output was closed by its reader (mhstod contacts | head -1).

    Not an OSError, so that Click does not turn it into exit 1 on the way to main().
    """


def write(text: str, flush: bool = False) -> None:
    """Text to standard output; a reader who has gone is ReaderGone, which ends the program quietly."""
    try:
        sys.stdout.write(text)
        if flush:
            sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone from None


def plain_wanted(flag: bool = False) -> bool:
    """--plain, or a terminal that says it draws nothing (TERM=dumb)."""
    return flag or os.environ.get("TERM") == "dumb"


class Output:
    """How this run writes: plain, linear text (--plain, TERM=dumb: screen readers, case notes), or Rich."""

    def __init__(self, plain: bool, pager: bool = True) -> None:
        self.plain = plain
        self.pager = pager and not plain  # plain text is never paged: a pager stands in a screen reader's way

    @staticmethod
    def of(ctx: typer.Context) -> Output:
        """The root command's Output; a command run on its own (tests) gets one from the environment."""
        found = ctx.find_root().obj
        return found if isinstance(found, Output) else Output(plain_wanted())

    def console(self) -> Console:
        if self.plain:
            return _quiet_console_class()(highlight=False, color_system=None, no_color=True, emoji=False)
        return _quiet_console_class()(highlight=False)

    def out(self, text: str) -> None:
        write(text + "\n")

    def json(self, payload: dict[str, Any], schema_version: int | None = None) -> None:
        from mhstod.render import json

        self.out(json.dumps(payload) if schema_version is None else json.dumps(payload, schema_version))

    def view(self, as_json: bool, name: str, *args: Any) -> None:
        """One look-up as JSON or as lines, and only the module asked for is imported.

        render.json and render.views name each view alike; tests/test_architecture.py holds them to it.
        """
        if as_json:
            from mhstod.render import json

            self.json(getattr(json, name)(*args))
        else:
            from mhstod.render import views

            self.lines(getattr(views, name)(*args))

    def clear(self) -> None:
        """A clean screen for the next slide; plain output has no escape codes, so a rule parts the slides."""
        if self.plain:
            write("\n" + "—" * 40 + "\n\n")
        else:
            write("\x1b[H\x1b[2J\x1b[3J", flush=True)

    def show(self, renderable: RenderableType, page: bool = True) -> None:
        console = self.console()
        if console.is_terminal and page and self.pager:  # a terminal: long output through a pager, as git does
            from mhstod.commands import pager

            with console.capture() as captured:
                console.print(renderable)
            text = captured.get()
            if not (pager.wanted(text) and pager.page(text)):
                write(text)
            return
        if console.is_terminal:
            console.print(renderable)
            return
        # Piped or redirected (copied into a case record): Rich pads each line to the full width; not here.
        with console.capture() as captured:
            console.print(renderable)
        write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))

    def lines(self, lines: list[Line], page: bool = True) -> None:
        """Plain text with --plain or TERM=dumb, otherwise Rich; long Rich output on a terminal is paged."""
        if self.plain:
            from mhstod.render import plain

            write(plain.render(lines))
        else:
            from mhstod.render import rich

            self.show(rich.render(lines), page)


def check_page(path: str | None, force: bool, **others: bool) -> None:
    """A page asked for with --html: said wrong before anything is loaded, as guide --output is.

    `others` are the output options the command also has (json=…, mermaid=…): a page is instead of them.
    """
    if path is None:
        return
    from mhstod.errors import UsageError
    from mhstod.export import PAGE_FORMATS, check_new_file, format_of

    given = [name for name, on in others.items() if on]
    if given:
        raise UsageError(f"Välj antingen --html eller --{given[0]}.")  # as process says of --mermaid and --json
    format_of(path, PAGE_FORMATS)
    check_new_file(path, replace=force, hint=" eller använd --force för att ersätta den")


def save_page(path: str, html: str, force: bool) -> None:
    """Write the page as export.py writes a checklist: a new private file, replaced only with --force."""
    from mhstod.errors import shown_path
    from mhstod.export import write_private

    write_private(path, html, replace=force)
    sys.stderr.write(f"mhstod: sidan sparades i {shown_path(path)} (bara du kan läsa filen)\n")


@functools.cache
def _quiet_console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:  # Rich would exit 1; main() ends a closed pipe quietly with 0
            raise ReaderGone

    return QuietConsole
