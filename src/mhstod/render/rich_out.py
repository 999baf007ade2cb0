"""Rich views of the look-ups; each returns renderables, the command prints them."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mhstod import words
from mhstod.lookup import RegionReport, confirm_note, support_line, urgent_numbers
from mhstod.model import Coordinator, Knowledge, Region


def _coordinator(c: Coordinator) -> Text:
    text = Text("  ")
    text.append(c.name, style="bold")
    text.append(f" ({words.focus(c)})\n", style="cyan")
    text.append(f"    Telefon: {', '.join(c.phones)}\n")
    text.append(f"    E-post:  {', '.join(c.emails)}")
    return text


def _region_body(region: Region, knowledge: Knowledge) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if region.coordinators:
        parts.append(Text(f"Regionkoordinatorer (uppgifter från {knowledge.regions_as_of}):", style="bold"))
        parts.extend(_coordinator(c) for c in region.coordinators)
    elif region.no_coordinator is not None:
        line = knowledge.number(region.contact_number)
        parts.append(Text(region.no_coordinator.text, style="yellow"))
        parts.append(Text(f"Kontakt: {words.number_line(line)}", style="bold"))
    return parts


def region_report(report: RegionReport, knowledge: Knowledge) -> RenderableType:
    region = report.region
    title = Text(region.name, style="bold magenta")
    title.append(" – " + ", ".join(c.short_name for c in report.counties), style="magenta")
    parts: list[RenderableType] = [title]
    if report.match is not None:
        parts.append(Text(f"Du angav: {report.match.place.label}", style="dim"))
    parts.append(Text())
    parts.extend(_region_body(region, knowledge))
    parts.append(Text())
    parts.append(Text(words.number_line(report.support_line), style="bold"))
    for n in report.urgent:
        parts.append(Text(f"{n.use}: {n.number} ({n.name})"))
    parts.append(Text())
    parts.append(Text("Källa: " + words.source(region.source, knowledge), style="dim"))
    parts.extend(Text(note, style="italic") for note in report.notes)
    return Group(*parts)


def counties(knowledge: Knowledge) -> RenderableType:
    table = Table(title="Sveriges 21 län", title_justify="left")
    for column in ("Kod", "Län", "ISO 3166-2", "Region"):
        table.add_column(column)
    for c in knowledge.counties:
        table.add_row(c.code, c.name, c.iso, knowledge.region(c.region).name)
    return table


def regions(knowledge: Knowledge) -> RenderableType:
    parts: list[RenderableType] = []
    for region in knowledge.regions:
        names = ", ".join(knowledge.county(c).short_name for c in region.counties)
        parts.append(Text(f"{region.name} – {names}", style="bold magenta"))
        for code in region.counties:
            c = knowledge.county(code)
            if c.region_source.inferred:
                parts.append(Text(f"  {c.name}: {c.region_source.inferred}", style="dim"))
        parts.extend(_region_body(region, knowledge))
        parts.append(Text())
    parts.append(Text(confirm_note(knowledge), style="italic"))
    return Group(*parts)


def contacts(knowledge: Knowledge) -> RenderableType:
    parts: list[RenderableType] = [Text("Akut", style="bold red")]
    for n in urgent_numbers(knowledge):
        parts.append(Text(f"  {n.use}: {n.number} ({n.name})"))
    line = support_line(knowledge)
    parts.append(Text())
    parts.append(Text(words.number_line(line), style="bold"))
    if line.outside_hours:
        parts.append(Text(f"  Utanför öppettiderna: {line.outside_hours}"))
    parts.append(Text())
    parts.append(regions(knowledge))
    return Group(*parts)
