"""Teaching cases for trainers: `scenario list`, `scenario show`, `scenario play`."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Annotated

import typer

from mhstod.commands import swedish
from mhstod.commands.output import Completed, DataDirOption, JsonOption, Output
from mhstod.errors import Interrupted

if TYPE_CHECKING:
    from mhstod.checklist import Checklist
    from mhstod.model import Knowledge, Scenario

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
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa ett fall: berättelsen, vad som är värt att diskutera och checklistan."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import find_scenario

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
    out.lines(views.scenario_intro(scenario, knowledge, refs) + outline(checklist, full=full, refs=refs))


@app.command("play", cls=swedish.Command)
def scenario_play(ctx: typer.Context, name: NameArgument, data_dir: DataDirOption = None) -> None:
    """Spela upp ett fall för en grupp: en fråga i taget med svaret och varför, Enter går vidare."""
    import sys

    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import find_scenario
    from mhstod.render import views
    from mhstod.render.outline import outline
    from mhstod.text import Citations

    knowledge = load(data_dir)
    scenario = find_scenario(scenarios_for(knowledge), name)
    checklist = _checklist(knowledge, scenario)
    interactive = sys.stdin.isatty()
    shown = list(checklist.answers)
    out = Output.of(ctx)

    def pause() -> None:
        if interactive:
            with contextlib.suppress(EOFError):
                input("\n[Enter: nästa]")

    try:
        out.lines(views.scenario_intro(scenario, knowledge, Citations(knowledge.documents))[:2])
        pause()
        for index, answer in enumerate(shown, start=1):
            out.lines(views.scenario_step(index, len(shown), knowledge.question(answer.question), answer.label))
            pause()
        out.lines(outline(checklist))
    except KeyboardInterrupt:
        raise Interrupted("avbrutet.") from None


def _checklist(knowledge: Knowledge, scenario: Scenario) -> Checklist:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    return build_checklist(knowledge, from_mapping(knowledge, dict(scenario.answers)))
