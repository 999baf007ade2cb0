"""Answers for the look-up commands, as plain values the renderers turn into text or JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mhstod.model import Coordinator, County, Knowledge, Number, Region
from mhstod.places import Match

# nmtsverige.se is being moved to jamstalldhetsmyndigheten.se (../shared/reference, "Contacts change").
CONFIRM = ("Kontaktuppgifterna är från {as_of}. Kontrollera aktuella kontakter med stödtelefonen "
           "{support} eller på jamstalldhetsmyndigheten.se (tidigare www.nmtsverige.se).")


@dataclass(frozen=True, slots=True)
class RegionReport:
    """Everything `mhstod region` shows: the place, its region, whom to call and how old that is.

    `notes` are about the region and its date; what concerns the reading of the place is `match.remarks()`.
    """

    match: Match | None
    region: Region
    counties: tuple[County, ...]
    coordinators: tuple[Coordinator, ...]
    support_line: Number
    urgent: tuple[Number, ...]
    as_of: str
    notes: tuple[str, ...]
    today: date


def support_line(knowledge: Knowledge) -> Number:
    return knowledge.number("stodtelefonen")


def urgent_numbers(knowledge: Knowledge) -> tuple[Number, ...]:
    return tuple(n for n in knowledge.numbers if n.id != "stodtelefonen")


CONFIRM_SHORT = ("Kontakterna är från {as_of}: kontrollera dem med stödtelefonen {support} eller på "
                 "jamstalldhetsmyndigheten.se.")


def confirm_note(knowledge: Knowledge, short: bool = False) -> str:
    """Where to check that a contact still holds; the short form fits one line of a checklist."""
    return (CONFIRM_SHORT if short else CONFIRM).format(as_of=knowledge.regions_as_of,
                                                        support=support_line(knowledge).number)


def inferred_notes(knowledge: Knowledge, region: Region) -> list[str]:
    """How the tool placed a county the sources leave out (Uppsala län): said wherever its region is shown."""
    counties = (knowledge.county(c) for c in region.counties)
    return [f"{c.name}: {c.region_source.inferred}" for c in counties if c.region_source.inferred]


def region_report(knowledge: Knowledge, region: Region, match: Match | None, today: date) -> RegionReport:
    notes = []
    if match is not None and match.place.municipality is not None:
        notes.append(f"{match.place.municipality.name} är en kommun i {match.place.county.name}.")
    notes += inferred_notes(knowledge, region)
    notes.append(confirm_note(knowledge))
    return RegionReport(
        match=match, region=region, counties=tuple(knowledge.county(c) for c in region.counties),
        coordinators=region.coordinators, support_line=support_line(knowledge),
        urgent=urgent_numbers(knowledge), as_of=knowledge.regions_as_of, notes=tuple(notes), today=today)


def oldest_date(knowledge: Knowledge) -> str:
    """The oldest known date among the source documents and the named contacts."""
    dates = [d.date for d in knowledge.documents if d.date]
    dates += [c.as_of for r in knowledge.regions for c in r.coordinators]
    return min(dates) if dates else ""


def counts(knowledge: Knowledge) -> dict[str, int]:
    """The sizes `mhstod data check` reports."""
    return {
        "regions": len(knowledge.regions),
        "counties": len(knowledge.counties),
        "municipalities": len(knowledge.municipalities),
        "actors": len(knowledge.actors),
        "responsibilities": sum(len(a.responsibilities) for a in knowledge.actors),
        "coordinators": sum(len(r.coordinators) for r in knowledge.regions),
        "numbers": len(knowledge.numbers),
        "steps": len(knowledge.steps),
    }
