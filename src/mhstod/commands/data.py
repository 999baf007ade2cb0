"""`mhstod data check`: the data validated and summed up; a failure is exit 1, in JSON too when asked."""

from __future__ import annotations

import contextlib
from typing import Any

import typer

from mhstod.commands import swedish
from mhstod.commands.output import DataDirOption, JsonOption, Output, ReaderGone
from mhstod.errors import DataError

app = typer.Typer(help="Kontrollera data som verktyget bygger på.", no_args_is_help=True, cls=swedish.Group)


def _check_snapshot(parsed: dict[str, Any]) -> None:
    """The snapshot a look-up uses must hold what the YAML files say: `data check` reads both and compares.

    It is used only where its hash matches the YAML's bytes; a value edited in the snapshot itself (it takes
    write access to the installation) would otherwise be shown while the YAML is right.
    """
    from mhstod.load.files import DATA_FILES, data_folder
    from mhstod.load.snapshot import NAME, matching

    folder = data_folder()
    stored = matching(folder, {name: (folder / name).read_bytes() for name in DATA_FILES})
    if stored is not None and stored != parsed:
        raise DataError(f"{NAME} i paketet stämmer inte med datafilerna: installera om mhstod")


def _sources_read(data_dir: str | None) -> dict[str, Any]:
    """Each data file parsed from its YAML (checked against the snapshot), local files under their own names."""
    from mhstod.load.files import read_shipped
    from mhstod.load.knowledge import parse_shipped

    parsed = parse_shipped(read_shipped())
    _check_snapshot(parsed)
    if data_dir:  # a local file's sources are reported too, under its own name (a future `seen` among them)
        from mhstod.load.files import read_overlay
        from mhstod.load.nodes import parse_data

        parsed.update({f"{label} (lokal)": parse_data(label, text) for label, text in read_overlay(data_dir).values()})
    return parsed


@app.command("check", cls=swedish.Command)
def data_check(ctx: typer.Context, json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Validera datafilerna och visa en sammanfattning; avslutas med 1 vid fel."""
    from mhstod.load import load
    from mhstod.load.scenarios import scenarios_for
    from mhstod.lookups import counts, oldest_date

    out = Output.of(ctx)
    try:
        knowledge = load(data_dir)
        sizes = {**counts(knowledge), "scenarios": len(scenarios_for(knowledge))}
        parsed = _sources_read(data_dir)
    except DataError as exc:
        if json:  # a script that asked for JSON gets JSON on stdout too; the message also goes to stderr
            from mhstod.render.json import data_error

            with contextlib.suppress(ReaderGone):  # the data error, not the closed pipe, decides the exit
                out.json(data_error(str(exc)))
        raise
    oldest = oldest_date(knowledge)
    from mhstod import freshness, provenance

    sources = provenance.report(parsed, freshness.today())
    if json:
        from mhstod.render.json import data_check as as_json

        out.json(as_json(sizes, oldest, knowledge, sources))
        return
    out.out(
        f"Data OK: {sizes['regions']} regioner, {sizes['counties']} län, {sizes['municipalities']} kommuner, "
        f"{sizes['actors']} aktörer med {sizes['responsibilities']} uppgifter, "
        f"{sizes['coordinators'] + sizes['numbers']} kontakter ({sizes['coordinators']} regionkoordinatorer, "
        f"{sizes['numbers']} nationella nummer), {sizes['steps']} steg, {sizes['scenarios']} undervisningsfall. "
        f"Äldsta källa: {oldest}."
    )
    for line in provenance.lines(sources):
        out.out(line)
    for (kind, ident), file in knowledge.local:
        out.out(f"Lokal uppgift: {kind} '{ident}' från {file}")
