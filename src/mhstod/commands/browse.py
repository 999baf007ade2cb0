"""Looking things up between cases: `process`, `actors`, `actor`, `search`, `lag`."""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod.commands.output import (
    ACTORS_TABLE_MIN_WIDTH,
    Completed,
    DataDirOption,
    ForceOption,
    HtmlOption,
    JsonOption,
    Output,
    check_page,
    save_page,
)
from mhstod.commands.swedish import TEXT


def process(
    ctx: typer.Context,
    step: Annotated[str | None, typer.Argument(metavar="STEG", click_type=Completed("steps"), show_default=False,
                                               help="Bara ett steg: 1–6 eller namnet, t.ex. 3 eller 'akut skydd'.")]
    = None,
    step_option: Annotated[str | None, typer.Option("--step", metavar="N", click_type=Completed("steps"),
                                                    show_default=False, help="Bara ett steg (samma som STEG).")]
    = None,
    overview: Annotated[bool, typer.Option("--overview",
                                           help="Bara översikten: de sex stegen och svaren som avgör i varje.")]
    = False,
    json: JsonOption = False,
    mermaid: Annotated[bool, typer.Option("--mermaid", help="Skriv ett Mermaid-flödesschema (för bilder); "
                                          "med --overview eller ett steg ett mindre schema.")] = False,
    html: HtmlOption = None,
    force: ForceOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa de sex stegen: när, vad som händer, vem som agerar och vilka svar som avgör vad."""
    from mhstod.errors import UsageError
    from mhstod.load import load
    from mhstod.lookups import find_step

    if step is not None and step_option is not None and step != step_option:
        raise UsageError("Ange steget en gång: som STEG eller med --step.")
    if overview and (step is not None or step_option is not None):
        raise UsageError("Välj antingen --overview eller ett steg.")
    if mermaid and json:
        raise UsageError("Välj antingen --mermaid eller --json.")
    check_page(html, force, json=json, mermaid=mermaid)
    typed = step if step is not None else step_option
    knowledge = load(data_dir)
    chosen = find_step(knowledge, typed) if typed is not None else None
    out = Output.of(ctx)
    if html is not None:
        from mhstod.render import html as pages
        from mhstod.render import views

        lines = views.overview(knowledge) if overview else views.process(knowledge, chosen)
        save_page(html, pages.page(lines, () if chosen or overview else knowledge.steps), force)
    elif mermaid:
        from mhstod.render import mermaid as charts

        chart = (charts.overview_chart(knowledge) if overview else
                 charts.step_chart(knowledge, chosen) if chosen else charts.mermaid(knowledge))
        out.out(chart.rstrip("\n"))
    elif overview:
        out.view(json, "overview", knowledge)
    else:
        out.view(json, "process", knowledge, chosen)


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
    from mhstod.places import typed_text

    found = find_actor(knowledge, typed_text(name))
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
    from mhstod.places import typed_text

    text = typed_text(text)
    found = find(knowledge, text)
    Output.of(ctx).view(json, "hits", text, found, knowledge)


def lag(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="LAG", click_type=Completed("laws"), show_default=False,
                                               help="Bara en lag, t.ex. koppleri eller människohandel.")] = None,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa lagtexterna i källorna: människohandel, människoexploatering, koppleri, köp av sexuell handling.

    Köp av sexuell handling hette köp av sexuell tjänst till 1 juli 2025 och hittas under båda namnen.
    """
    from mhstod.load import load
    from mhstod.lookups import find_law

    knowledge = load(data_dir)
    from mhstod.places import typed_text

    found = find_law(knowledge, typed_text(name)) if name is not None else None
    Output.of(ctx).view(json, "laws", knowledge, found)
