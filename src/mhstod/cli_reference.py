"""Commands for looking things up and for trainers: process, actors, actor, search, lag."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Annotated

import typer

from mhstod.cli import (
    ACTORS_TABLE_MIN_WIDTH,
    DataDirOption,
    JsonOption,
    _console,
    _out,
    _Settings,
    _show,
    _show_lines,
    app,
)

if TYPE_CHECKING:
    from mhstod.checklist import Checklist
    from mhstod.model import Knowledge, Scenario


@app.command()
def process(
    json: JsonOption = False,
    mermaid: Annotated[bool, typer.Option("--mermaid", help="Skriv ett Mermaid-flödesschema (för bilder).")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa de sex stegen: när, vad som händer, vem som agerar och vilka svar som avgör vad."""
    from mhstod.load import load
    from mhstod.render import reference_views as views

    knowledge = load(data_dir)
    if mermaid:
        _out(views.mermaid(knowledge).rstrip("\n"))
    elif json:
        from mhstod.render.jsonout import dumps

        _out(dumps(views.process_json(knowledge)))
    else:
        _show_lines(views.process(knowledge))


@app.command()
def actors(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista aktörerna: namn, slag och roll i en mening."""
    from mhstod.load import load
    from mhstod.render import reference_views as views

    knowledge = load(data_dir)
    if json:
        from mhstod.render.jsonout import dumps
        from mhstod.text import KIND_LABELS

        _out(dumps({"actors": [{"id": a.id, "name": a.name, "kind": a.kind, "kind_label": KIND_LABELS[a.kind],
                                "summary": a.summary} for a in knowledge.actors]}))
    elif _Settings.plain or _console().width < ACTORS_TABLE_MIN_WIDTH:
        _show_lines(views.actors(knowledge))
    else:
        from mhstod.render import rich_out

        _show(rich_out.actors(knowledge))


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="Aktörens namn, t.ex. polisen, UD eller migrationsverket.")],
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa en aktörs uppgifter enligt källorna, hur du når den och källorna."""
    from mhstod.load import load
    from mhstod.lookups import find_actor
    from mhstod.render import reference_views as views

    knowledge = load(data_dir)
    found = find_actor(knowledge, name)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps({"actor": views.actor_json(found, knowledge)}))
    else:
        _show_lines(views.actor(found, knowledge))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Sökord, t.ex. betänketid, LVU eller IOM.")],
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Sök i aktörer, uppgifter, steg, frågor och lag; skiftläge och å, ä, ö spelar ingen roll."""
    from mhstod.load import load
    from mhstod.lookups import search as find
    from mhstod.render import reference_views as views

    knowledge = load(data_dir)
    found = find(knowledge, text)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps({"query": text, "hits": [{"where": h.where, "text": h.text} for h in found]}))
    else:
        _show_lines(views.hits(text, found))


@app.command()
def lag(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Visa lagtexterna i källorna: människohandel, människoexploatering, koppleri, köp av sexuell tjänst."""
    from mhstod.load import load
    from mhstod.render import reference_views as views

    knowledge = load(data_dir)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps(views.laws_json(knowledge)))
    else:
        _show_lines(views.laws(knowledge))


scenario_app = typer.Typer(help="Undervisningsfall för utbildare.", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")
NameArgument = Annotated[str, typer.Argument(help="Fallets namn, t.ex. romania-malmo (se mhstod scenario list).")]


@scenario_app.command("list")
def scenario_list(json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Lista undervisningsfallen."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.render.lines import Line

    knowledge = load(data_dir)
    if json:
        from mhstod.render.jsonout import dumps

        _out(dumps({"scenarios": [{"id": s.id, "title": s.title, "answers": dict(s.answers),
                                   "key_contacts": list(s.key_contacts), "key_actors": list(s.key_actors)}
                                  for s in scenarios_for(knowledge)]}))
        return
    lines = [Line("title", "Undervisningsfall")]
    lines += [Line("item", f"{s.id}: {s.title}", level=1) for s in scenarios_for(knowledge)]
    lines.append(Line("note", "Visa ett fall: mhstod scenario show NAMN; spela upp: mhstod scenario play NAMN."))
    _show_lines(lines)


@scenario_app.command("show")
def scenario_show(
    name: NameArgument,
    full: Annotated[bool, typer.Option("--full", help="Hela checklistan: varje steg och varje uppgift med källa.")]
    = False,
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa ett fall: berättelsen, vad som är värt att diskutera och checklistan."""
    from mhstod.load import load
    from mhstod.lookups import find_scenario
    from mhstod.render import reference_views as views
    from mhstod.render.outline import outline

    knowledge = load(data_dir)
    scenario = find_scenario(knowledge, name)
    checklist = _scenario_checklist(knowledge, scenario)
    if json:
        from mhstod.render import json_checklist, jsonout

        _out(jsonout.dumps({"scenario": {"id": scenario.id, "title": scenario.title, "story": scenario.story,
                                         "answers": dict(scenario.answers)},
                            "checklist": json_checklist.payload(checklist, knowledge)},
                           json_checklist.SCHEMA_VERSION))
        return
    _show_lines(views.scenario_intro(scenario, knowledge) + outline(checklist, full=full))


@scenario_app.command("play")
def scenario_play(name: NameArgument, data_dir: DataDirOption = None) -> None:
    """Spela upp ett fall för en grupp: en fråga i taget med svaret och varför, Enter går vidare."""
    import sys

    from mhstod.errors import Interrupted
    from mhstod.load import load
    from mhstod.lookups import find_scenario
    from mhstod.render import reference_views as views
    from mhstod.render.outline import outline

    knowledge = load(data_dir)
    scenario = find_scenario(knowledge, name)
    checklist = _scenario_checklist(knowledge, scenario)
    interactive = sys.stdin.isatty()
    shown = list(checklist.answers)

    def pause() -> None:
        if interactive:
            with contextlib.suppress(EOFError):
                input("\n[Enter: nästa]")

    try:
        _show_lines(views.scenario_intro(scenario, knowledge)[:2])
        pause()
        for index, answer in enumerate(shown, start=1):
            _show_lines(views.scenario_step(index, len(shown), knowledge.question(answer.question), answer.label))
            pause()
        _show_lines(outline(checklist))
    except KeyboardInterrupt:
        raise Interrupted("avbrutet.") from None


def _scenario_checklist(knowledge: Knowledge, scenario: Scenario) -> Checklist:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    return build_checklist(knowledge, from_mapping(knowledge, dict(scenario.answers)))
