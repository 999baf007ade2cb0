"""Help in Swedish: Typer's and Click's own words (Usage, Options, "Show this message and exit." …) replaced.

Typer's bundled Click has no translations: its headings are plain strings, and Typer's Rich help reads its
titles from module constants. The command classes here put Swedish in both, at help time only, so that a
look-up's start-up does not pay for it.
"""

from __future__ import annotations

from typing import Any

from typer._click.types import StringParamType
from typer.core import TyperCommand, TyperGroup

HELP_OPTION = "Visa den här hjälpen och avsluta."
USAGE = "Användning: "
OPTIONS_METAVAR = "[ALTERNATIV]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."

# Typer's Rich help: its titles and marks, as module constants of typer.rich_utils.
RICH = {"ARGUMENTS_PANEL_TITLE": "Argument", "OPTIONS_PANEL_TITLE": "Alternativ", "COMMANDS_PANEL_TITLE": "Kommandon",
        "ENVVAR_STRING": "[miljövariabel: {}]", "REQUIRED_LONG_STRING": "[krävs]", "DEFAULT_STRING": "[standard: {}]",
        "DEPRECATED_STRING": "(utgår) ", "ERRORS_PANEL_TITLE": "Fel", "ABORTED_TEXT": "Avbrutet.",
        "RICH_HELP": "Se [blue]'{command_path} {help_option}'[/]."}
# Click's plain help (--plain, TERM=dumb): the same words in its text, where a line may break inside them.
PLAIN = ((r"^Options:", "Alternativ:"), (r"^Commands:", "Kommandon:"), (r"^Arguments:", "Argument:"),
         (r"\[env\s+var:", "[miljövariabel:"), (r"\[required\]", "[krävs]"), (r"\[default:", "[standard:"))


class Text(StringParamType):
    """Text, without Typer's "<str>" beside the argument's name in the help."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return ""


TEXT = Text()


class _Swedish:
    """Mixed into Typer's command and group classes."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        swedish = {"[OPTIONS]": OPTIONS_METAVAR, "COMMAND [ARGS]...": SUBCOMMAND_METAVAR}
        # Typer writes a required argument as {NAMN}; the usual notation, and the README's, is plain NAMN.
        return [swedish.get(piece, piece.removeprefix("{").removesuffix("}")) for piece in pieces]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        import typer.core

        if typer.core.HAS_RICH:
            import typer.rich_utils

            for name, text in RICH.items():
                setattr(typer.rich_utils, name, text)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_help(self, ctx: Any) -> str:
        import re

        text: str = super().get_help(ctx)  # type: ignore[misc]
        for english, swedish in PLAIN:
            text = re.sub(english, swedish, text, flags=re.MULTILINE)
        return text


class Command(_Swedish, TyperCommand):
    """A command whose help is in Swedish."""


class Group(_Swedish, TyperGroup):
    """A group whose help is in Swedish."""
