"""Teaching cases for trainers: `scenario list`, `scenario show`, `scenario play`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mhstod.commands import swedish
from mhstod.commands.output import (
    Completed,
    DataDirOption,
    ForceOption,
    HtmlOption,
    JsonOption,
    Output,
    check_page,
    save_page,
)
from mhstod.errors import Interrupted

if TYPE_CHECKING:
    from mhstod.checklist import Checklist
    from mhstod.model import Knowledge, Scenario
    from mhstod.render.lines import Line

app = typer.Typer(help="Undervisningsfall för utbildare.", no_args_is_help=True, cls=swedish.Group)
NameArgument = Annotated[str, typer.Argument(metavar="FALL", click_type=Completed("scenarios"),
                                             help="Fallets namn, t.ex. romania-malmo (se mhstod scenario list).")]


@app.command("list", cls=swedish.Command)
def scenario_list(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista undervisningsfallen."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for

    knowledge = load(data_dir)
    Output.of(ctx).view(json, "scenarios", scenarios_for(knowledge))


@app.command("show", cls=swedish.Command)
def scenario_show(
    ctx: typer.Context,
    name: NameArgument,
    full: Annotated[bool, typer.Option("--full", help="Hela checklistan: varje steg och varje uppgift med källa.")]
    = False,
    html: HtmlOption = None,
    force: ForceOption = False,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa ett fall: berättelsen, vad som är värt att diskutera och checklistan."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import find_scenario

    check_page(html, force, json=json)
    knowledge = load(data_dir)
    scenario = find_scenario(scenarios_for(knowledge), name)
    checklist = _checklist(knowledge, scenario)
    out = Output.of(ctx)
    if json:
        from mhstod.render import json as as_json

        out.json(as_json.scenario(scenario, checklist), as_json.CHECKLIST_SCHEMA_VERSION)
        return
    from mhstod.render import views
    from mhstod.render.outline import outline
    from mhstod.text import Citations

    refs = Citations(knowledge.documents, short=not full)
    if not full:  # the short view's A-numbers are those the full view lists: the case's notes first in both
        from mhstod.render.outline import full_numbering

        notes = Citations(knowledge.documents)
        views.scenario_intro(scenario, knowledge, notes)
        refs = full_numbering(checklist, notes)
    if html is None:
        out.lines(views.scenario_intro(scenario, knowledge, refs) + outline(checklist, full=full, refs=refs))
        return
    from mhstod.render import html as pages

    handout = views.scenario_intro(scenario, knowledge, refs, checklist.answers)  # a page says what was answered
    save_page(html, pages.page(handout + outline(checklist, full=full, stamp=True, refs=refs)), force)


@app.command("play", cls=swedish.Command)
def scenario_play(ctx: typer.Context, name: NameArgument, data_dir: DataDirOption = None) -> None:
    """Spela upp ett fall för en grupp: en fråga i taget, svaret först när du visar det.

    Sedan vad som är värt att diskutera och checklistan, kort; f visar hela.

    Tangenter: Enter eller → nästa, ← eller b tillbaka, q avsluta.
    """
    import sys

    from mhstod.answers import from_mapping
    from mhstod.classroom import Place, lesson, move
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import find_scenario
    from mhstod.render import views
    from mhstod.text import Citations

    knowledge = load(data_dir)
    scenario = find_scenario(scenarios_for(knowledge), name)
    checklist = _checklist(knowledge, scenario)
    slides = lesson(knowledge, checklist, from_mapping(knowledge, dict(scenario.answers)).for_rules(knowledge))
    refs = Citations(knowledge.documents)
    out = Output.of(ctx)

    def show(place: Place) -> list[Line]:
        return views.lesson_slide(slides, place, scenario, knowledge, checklist, refs)

    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # a handout or a pipe: every slide, shown, in order
        out.lines([line for i in range(len(slides)) for line in show(Place(i, revealed=True))[:-1]])
        return
    from mhstod.commands.keys import keys

    place: Place | None = Place()
    try:
        with keys() as pressed:
            while place is not None:
                out.clear()
                out.lines(show(place), page=place.full)  # a slide stays with its key line; `f`, the whole, pages
                place = move(slides, place, next(pressed))
    except KeyboardInterrupt:
        raise Interrupted("avbrutet.") from None


def _checklist(knowledge: Knowledge, scenario: Scenario) -> Checklist:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    return build_checklist(knowledge, from_mapping(knowledge, dict(scenario.answers)))
