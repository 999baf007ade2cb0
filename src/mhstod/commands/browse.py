"""Looking things up between cases: `process`, `actors`, `actor`, `search`, `lag`."""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod.commands.output import ACTORS_TABLE_MIN_WIDTH, Completed, DataDirOption, JsonOption, Output
from mhstod.commands.swedish import TEXT


def process(
    ctx: typer.Context,
    json: JsonOption = False,
    mermaid: Annotated[bool, typer.Option("--mermaid", help="Skriv ett Mermaid-flödesschema (för bilder).")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa de sex stegen: när, vad som händer, vem som agerar och vilka svar som avgör vad."""
    from mhstod.load import load

    knowledge = load(data_dir)
    out = Output.of(ctx)
    if mermaid:
        from mhstod.render.mermaid import mermaid as flowchart

        out.out(flowchart(knowledge).rstrip("\n"))
    else:
        out.view(json, "process", knowledge)


def actors(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista aktörerna: namn, slag och roll i en mening."""
    from mhstod.load import load

    knowledge = load(data_dir)
    out = Output.of(ctx)
    if json or out.plain or out.console().width < ACTORS_TABLE_MIN_WIDTH:
        out.view(json, "actors", knowledge)
    else:
        from mhstod.render import rich

        out.show(rich.actors(knowledge))


def actor(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAMN", click_type=Completed("actors"),
                                        help="Aktörens namn, t.ex. polisen, UD eller migrationsverket.")],
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa en aktörs uppgifter enligt källorna, hur du når den och källorna."""
    from mhstod.load import load
    from mhstod.lookups import find_actor

    knowledge = load(data_dir)
    found = find_actor(knowledge, name)
    Output.of(ctx).view(json, "actor", found, knowledge)


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="SÖKORD", click_type=TEXT,
                                        help="Sökord, t.ex. betänketid, LVU eller IOM.")],
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Sök i aktörer, uppgifter, steg, frågor och lag; skiftläge och å, ä, ö spelar ingen roll."""
    from mhstod.load import load
    from mhstod.lookups import search as find

    knowledge = load(data_dir)
    found = find(knowledge, text)
    Output.of(ctx).view(json, "hits", text, found)


def lag(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Visa lagtexterna i källorna: människohandel, människoexploatering, koppleri, köp av sexuell tjänst."""
    from mhstod.load import load

    knowledge = load(data_dir)
    Output.of(ctx).view(json, "laws", knowledge)
