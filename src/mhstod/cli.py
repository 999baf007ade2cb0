"""The Typer app: parse arguments, call the core, render; errors become one line and an exit code here."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from mhstod import __version__
from mhstod.errors import ExitCode, MhstodError, UsageError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

app = typer.Typer(
    name="mhstod",
    help="Beslutsstöd vid misstanke om människohandel: vem gör vad, och vem du ringer i din region. "
    "Vid akut fara: ring 112.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
data_app = typer.Typer(help="Kontrollera data som verktyget bygger på.", no_args_is_help=True)
app.add_typer(data_app, name="data")

JsonOption = Annotated[bool, typer.Option("--json", help="Skriv JSON (för skript) i stället för text.")]


def _version(value: bool) -> None:
    if value:
        print(f"mhstod {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen och avsluta.")
    ] = False,
) -> None:
    """Beslutsstöd vid misstanke om människohandel."""


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _show(renderable: RenderableType) -> None:
    _console().print(renderable)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


@app.command()
def region(
    county: Annotated[str | None, typer.Option("--county", "-c", help="Län (eller kommun), t.ex. Skåne, SE-M, 12.")]
    = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help="Kommun, t.ex. Lund eller 'Göteborgs stad'.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Visa regionen, dess regionkoordinatorer och stödtelefonen för ett län eller en kommun."""
    from mhstod.load import load
    from mhstod.lookup import region_report
    from mhstod.places import Gazetteer

    if (county is None) == (municipality is None):
        raise UsageError("Ange antingen --county eller --municipality, till exempel: mhstod region --county Skåne")
    knowledge = load()
    typed, prefer = (county, "county") if county is not None else (municipality, "municipality")
    assert typed is not None
    match = Gazetteer(knowledge).find(typed, prefer)  # type: ignore[arg-type]
    report = region_report(knowledge, knowledge.region(match.place.county.region), match)
    if json:
        from mhstod.render import jsonout

        _out(jsonout.region_report(report, knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.region_report(report, knowledge))


@app.command()
def counties(json: JsonOption = False) -> None:
    """Lista Sveriges 21 län med koder och region."""
    from mhstod.load import load

    knowledge = load()
    if json:
        from mhstod.render import jsonout

        _out(jsonout.counties(knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.counties(knowledge))


@app.command()
def regions(json: JsonOption = False) -> None:
    """Lista de sju regionerna med län och regionkoordinatorer."""
    from mhstod.load import load

    knowledge = load()
    if json:
        from mhstod.render import jsonout

        _out(jsonout.regions(knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.regions(knowledge))


@app.command()
def contacts(json: JsonOption = False) -> None:
    """Visa akutnummer, stödtelefonen och alla regionkoordinatorer."""
    from mhstod.load import load

    knowledge = load()
    if json:
        from mhstod.render import jsonout

        _out(jsonout.contacts(knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.contacts(knowledge))


@data_app.command("check")
def data_check(json: JsonOption = False) -> None:
    """Validera datafilerna och visa en sammanfattning; avslutas med 1 vid fel."""
    from mhstod.load import load
    from mhstod.lookup import counts, oldest_date

    knowledge = load()
    sizes = counts(knowledge)
    oldest = oldest_date(knowledge)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps({"ok": True, "counts": sizes, "oldest_source_date": oldest}))
        return
    _out(
        f"Data OK: {sizes['regions']} regioner, {sizes['counties']} län, {sizes['municipalities']} kommuner, "
        f"{sizes['actors']} aktörer med {sizes['responsibilities']} uppgifter, "
        f"{sizes['coordinators'] + sizes['numbers']} kontakter ({sizes['coordinators']} regionkoordinatorer, "
        f"{sizes['numbers']} nationella nummer), {sizes['steps']} steg. Äldsta källa: {oldest}."
    )


def main(argv: list[str] | None = None) -> int:
    """Run the app; every error the user can cause ends here as one line on stderr."""
    try:
        app(args=argv, prog_name="mhstod")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    except MhstodError as exc:
        sys.stderr.write(f"mhstod: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return ExitCode.INTERRUPTED
    except Exception as exc:  # the last guard: a user never sees a traceback
        if os.environ.get("MHSTOD_DEBUG"):
            raise
        sys.stderr.write(f"mhstod: internt fel ({type(exc).__name__}: {exc}). "
                         "Kör med MHSTOD_DEBUG=1 för detaljer och rapportera felet.\n")
        return ExitCode.ERROR
    return ExitCode.OK
