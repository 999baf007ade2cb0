"""Commands for looking things up and for trainers: process, actors, actor, search, lag."""

from __future__ import annotations

from typing import Annotated

import typer

from mhstod.cli import DataDirOption, JsonOption, _out, _show_lines, app


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
        from mhstod.reference import KIND_LABELS
        from mhstod.render.jsonout import dumps

        _out(dumps({"actors": [{"id": a.id, "name": a.name, "kind": a.kind, "kind_label": KIND_LABELS[a.kind],
                                "summary": a.summary} for a in knowledge.actors]}))
    else:
        _show_lines(views.actors(knowledge))


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="Aktörens namn, t.ex. polisen, UD eller migrationsverket.")],
    json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Visa en aktörs uppgifter enligt källorna, hur du når den och källorna."""
    from mhstod.load import load
    from mhstod.reference import find_actor
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
    from mhstod.reference import search as find
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
