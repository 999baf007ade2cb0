"""The Typer app: the root options, and every command group registered here, so that none imports the app."""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod import __version__
from mhstod.commands import browse, completion, data, guide, places, scenario, swedish
from mhstod.commands.output import Output, plain_wanted, write

app = typer.Typer(
    name="mhstod",
    help="Beslutsstöd vid misstanke om människohandel: vem gör vad, och vem du ringer i din region. "
    "Vid akut fara: ring 112.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    cls=swedish.Group,
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # completing `mhstod -V …` reads the line, it does not run it
        write(f"mhstod {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Visa versionen och avsluta.")
    ] = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="Ren text utan färg, tabeller eller ramar (skärmläsare, journalanteckningar)."),
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Skriv lång text direkt, utan bläddrare (less).")
    ] = False,
) -> None:
    """Beslutsstöd vid misstanke om människohandel."""
    ctx.obj = Output(plain_wanted(plain), pager=not no_pager)
    from mhstod.freshness import today

    today()  # a bad MHSTOD_TODAY is said before any question, not after the whole interview


for command in (places.region, places.counties, places.regions, places.contacts, guide.guide, browse.process,
                browse.actors, browse.actor, browse.search, browse.lag):
    app.command(cls=swedish.Command)(command)
app.add_typer(data.app, name="data")
app.add_typer(scenario.app, name="scenario")
app.command(cls=swedish.Command)(completion.completion)
