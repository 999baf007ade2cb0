"""Whom to call where: `region`, `counties`, `regions`, `contacts`. Each parses, asks the core, and draws."""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod.commands.output import TABLE_MIN_WIDTH, Completed, DataDirOption, JsonOption, Output
from mhstod.errors import UsageError


def region(
    ctx: typer.Context,
    place: Annotated[str | None, typer.Argument(metavar="ORT", show_default=False,
                                                click_type=Completed("places", unless=("county", "municipality")),
                                                help="Län eller kommun, t.ex. Skåne, Lund eller 12.")] = None,
    county: Annotated[
        str | None, typer.Option("--county", "-c", metavar="LÄN",
                                 click_type=Completed("counties", unless=("place", "municipality")),
                                 help="Län (eller kommun), t.ex. Skåne, SE-M, 12.")
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", "-m", metavar="KOMMUN",
                     click_type=Completed("municipalities", unless=("place", "county")),
                     help="Kommun, t.ex. Lund eller 'Göteborgs stad'."),
    ] = None,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa regionen, dess regionkoordinatorer och stödtelefonen för ett län eller en kommun."""
    from mhstod.freshness import today
    from mhstod.load import load
    from mhstod.lookups import region_report
    from mhstod.places import gazetteer_for, typed_text

    place, county, municipality = (typed_text(v) if v is not None else None for v in (place, county, municipality))
    given = [value for value in (place, county, municipality) if value is not None]
    if len(given) != 1:
        raise UsageError("Ange ett län eller en kommun, en gång: mhstod region Skåne, mhstod region --county Skåne "
                         "eller mhstod region --municipality Lund")
    knowledge = load(data_dir)
    typed, prefer = (municipality, "municipality") if municipality is not None else (given[0], "county")
    assert typed is not None
    match = gazetteer_for(knowledge).find(typed, prefer)  # type: ignore[arg-type]
    report = region_report(knowledge, knowledge.region(match.place.county.region), match, today())
    Output.of(ctx).view(json, "region_report", report, knowledge)


def counties(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista Sveriges 21 län med koder och region."""
    from mhstod.load import load

    knowledge = load(data_dir)
    out = Output.of(ctx)
    if json or out.plain or out.console().width < TABLE_MIN_WIDTH:  # a narrow table would break names mid-word
        out.view(json, "counties", knowledge)
    else:
        from mhstod.render import rich

        out.show(rich.counties(knowledge))


def regions(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista de sju regionerna med län och regionkoordinatorer."""
    from mhstod.freshness import today
    from mhstod.load import load

    knowledge = load(data_dir)
    Output.of(ctx).view(json, "regions", knowledge, today())


def contacts(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Visa akutnummer, stödtelefonen och alla regionkoordinatorer."""
    from mhstod.freshness import today
    from mhstod.load import load

    knowledge = load(data_dir)
    Output.of(ctx).view(json, "contacts", knowledge, today())
