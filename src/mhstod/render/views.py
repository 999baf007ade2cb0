"""The look-ups (region, regions, contacts, counties) as lines, drawn alike by Rich and plain text."""

from __future__ import annotations

from datetime import date

from mhstod import text
from mhstod.freshness import is_stale
from mhstod.lookups import RegionReport, confirm_note, support_line, urgent_numbers
from mhstod.model import Coordinator, Knowledge, Number, Region
from mhstod.render.lines import Line
from mhstod.text import age_note, stale_note


def _coordinator(c: Coordinator, today: date) -> list[Line]:
    focus = text.focus(c)
    lines = [Line("item", f"{c.name}{f' ({focus})' if focus else ''} – uppgift från {c.as_of}", level=1),
             Line("text", "Telefon: " + ", ".join(c.phones), level=2),
             Line("text", "E-post: " + ", ".join(c.emails), level=2)]
    if is_stale(c.as_of, today):
        lines.append(Line("text", stale_note(c.as_of).capitalize() + ".", "verify", level=2))
    return lines


def _region_body(region: Region, knowledge: Knowledge, today: date) -> list[Line]:
    local = knowledge.local_file("regions", region.id)
    if local:
        note = Line("text", f"Lokala uppgifter från {local}:", "verify")
        return [note, *_coordinators_or_line(region, knowledge, today)]
    return _coordinators_or_line(region, knowledge, today)


def _coordinators_or_line(region: Region, knowledge: Knowledge, today: date) -> list[Line]:
    lines = []
    for n in region.numbers:  # the region's own lines, newer than the brochure's names, with their age
        lines.append(Line("item", f"{n.name}: {n.number} ({n.use})", level=1))
        if age := age_note(n.as_of, n.seen, today):
            lines.append(Line("text", age[:1].upper() + age[1:] + ".", "verify", level=2))
    if region.coordinators:
        lines.append(Line("text", "Regionkoordinatorer:"))
        for c in region.coordinators:
            lines += _coordinator(c, today)
    elif region.no_coordinator is not None:
        note = region.no_coordinator
        lines.append(Line("text", note.text, "verify"))
        if note.as_of:
            lines.append(Line("text", age_note(note.as_of, "", today).capitalize() + ".", "verify"))
        lines.append(Line("text", f"Kontakt: {text.number_line(knowledge.number(region.contact_number))}"))
    return lines


def _number(n: Number) -> Line:
    return Line("item", f"{n.use}: {n.number} ({n.name})", "urgent" if n.urgent else "", level=1)


def region_report(report: RegionReport, knowledge: Knowledge) -> list[Line]:
    region = report.region
    lines = [Line("title", f"{region.name} – " + ", ".join(c.short_name for c in report.counties))]
    if report.match is not None:
        lines.append(Line("text", f"Du angav: {report.match.place.label}"))
        lines += [Line("note", remark) for remark in report.match.remarks()]
    lines.append(Line("heading", "Kontakter"))
    lines += _region_body(region, knowledge, report.today)
    if region.coordinators or region.contact_number != report.support_line.id:  # else the body just named it
        lines.append(Line("item", text.number_line(report.support_line), level=1))
    lines += [_number(n) for n in report.urgent]
    lines.append(Line("heading", "Källa och datum"))
    lines.append(Line("note", "Källa: " + text.source(region.source, knowledge)))
    if region.no_coordinator is not None and region.no_coordinator.source != region.source:
        lines.append(Line("note", "Om koordinatorerna: " + text.source(region.no_coordinator.source, knowledge)))
    for n in region.numbers:
        lines.append(Line("note", f"{n.name}: " + text.source(n.source, knowledge)))
    lines += [Line("note", note) for note in report.notes]
    return lines


def regions(knowledge: Knowledge, today: date) -> list[Line]:
    lines = [Line("title", "Regionkoordinatorernas sju regioner")]
    for region in knowledge.regions:
        names = ", ".join(knowledge.county(c).short_name for c in region.counties)
        lines.append(Line("subheading", f"{region.name} – {names}"))
        for code in region.counties:
            c = knowledge.county(code)
            if c.region_source.inferred:
                lines.append(Line("note", f"{c.name}: {c.region_source.inferred}"))
        lines += _region_body(region, knowledge, today)
    lines.append(Line("heading", "Datum"))
    lines.append(Line("note", confirm_note(knowledge)))
    return lines


def contacts(knowledge: Knowledge, today: date) -> list[Line]:
    line = support_line(knowledge)
    lines = [Line("title", "Kontakter vid misstanke om människohandel"), Line("heading", "Akut")]
    lines += [_number(n) for n in urgent_numbers(knowledge)]
    lines.append(Line("heading", "Stödtelefonen"))
    lines.append(Line("item", text.number_line(line), level=1))
    if line.outside_hours:
        lines.append(Line("text", f"Utanför öppettiderna: {line.outside_hours}", level=2))
    return lines + regions(knowledge, today)[1:]


def counties(knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", "Sveriges 21 län")]
    for c in knowledge.counties:
        lines.append(Line("item", f"{c.code} {c.name} ({c.iso}) – {knowledge.region(c.region).name}", level=1))
    return lines
