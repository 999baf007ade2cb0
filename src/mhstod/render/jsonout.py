"""JSON for scripts: plain dicts with a schema_version; the shapes are documented in the README."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from mhstod.freshness import is_stale
from mhstod.lookups import RegionReport, confirm_note, support_line, urgent_numbers
from mhstod.model import Coordinator, County, Knowledge, Number, Region, Source

SCHEMA_VERSION = 1


def dumps(payload: dict[str, Any], schema_version: int = SCHEMA_VERSION) -> str:
    """JSON for scripts; the look-ups are at version 1, the checklist (render.json_checklist) at 2."""
    return json.dumps({"schema_version": schema_version, **payload}, ensure_ascii=False, indent=2)


def source(src: Source, knowledge: Knowledge) -> dict[str, str | None]:
    doc = knowledge.document(src.doc) if src.doc else None
    return {
        "doc": src.doc or None,
        "document": doc.title if doc else None,
        "date": (doc.date or None) if doc else None,
        "section": src.section or None,
        "elsewhere": src.elsewhere or None,
        "inferred": src.inferred or None,
        "note": src.note or None,
    }


def county(c: County, knowledge: Knowledge) -> dict[str, Any]:
    return {"code": c.code, "name": c.name, "short_name": c.short_name, "iso_3166_2": c.iso, "region": c.region,
            "region_source": source(c.region_source, knowledge)}


def coordinator(c: Coordinator, knowledge: Knowledge, today: date, region_id: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "focus": {"age": c.age, "purpose": c.purpose, "printed": c.focus_printed or None},
        "phones": list(c.phones),
        "emails": list(c.emails),
        "as_of": c.as_of,
        "stale": is_stale(c.as_of, today),
        "local": knowledge.local_file("regions", region_id) or None,
        "source": source(c.source, knowledge),
    }


def number(n: Number, knowledge: Knowledge, today: date | None = None) -> dict[str, Any]:
    return {
        "id": n.id,
        "number": n.number,
        "name": n.name,
        "use": n.use,
        "also_written": list(n.also_written),
        "hours": n.hours or None,
        "outside_hours": n.outside_hours or None,
        "as_of": n.as_of or None,
        "seen": n.seen or None,
        "stale": is_stale(n.as_of, today) if today else False,
        "local": knowledge.local_file("numbers", n.id) or None,
        "source": source(n.source, knowledge),
    }


def region(r: Region, knowledge: Knowledge, today: date) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "counties": [county(knowledge.county(c), knowledge) for c in r.counties],
        "coordinators": [coordinator(c, knowledge, today, r.id) for c in r.coordinators],
        "no_coordinator": ({"text": r.no_coordinator.text, "as_of": r.no_coordinator.as_of or None,
                            "stale": is_stale(r.no_coordinator.as_of, today),
                            "source": source(r.no_coordinator.source, knowledge)} if r.no_coordinator else None),
        "contact_number": r.contact_number or None,
        "numbers": [number(n, knowledge, today) for n in r.numbers],
        "local": knowledge.local_file("regions", r.id) or None,
        "source": source(r.source, knowledge),
    }


def region_report(report: RegionReport, knowledge: Knowledge) -> str:
    match = report.match
    place = match.place if match else None
    return dumps({
        "query": ({"typed": match.typed, "matched_as": match.place.kind, "how": match.how,
                   "namesakes": list(match.namesakes)} if match else None),
        "county": county(place.county, knowledge) if place else None,
        "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                         if place and place.municipality else None),
        "region": region(report.region, knowledge, report.today),
        "support_line": number(report.support_line, knowledge, report.today),
        "urgent": [number(n, knowledge, report.today) for n in report.urgent],
        "as_of": report.as_of,
        "notes": [*(match.remarks() if match else ()), *report.notes],
    })


def counties(knowledge: Knowledge) -> str:
    return dumps({"counties": [county(c, knowledge) for c in knowledge.counties],
                  "source": source(knowledge.counties_source, knowledge)})


def regions(knowledge: Knowledge, today: date) -> str:
    return dumps({"regions": [region(r, knowledge, today) for r in knowledge.regions],
                  "as_of": knowledge.regions_as_of,
                  "notes": [confirm_note(knowledge)]})


def contacts(knowledge: Knowledge, today: date) -> str:
    return dumps({
        "urgent": [number(n, knowledge, today) for n in urgent_numbers(knowledge)],
        "support_line": number(support_line(knowledge), knowledge, today),
        "regions": [{"id": r.id, "name": r.name,
                     "coordinators": [coordinator(c, knowledge, today, r.id) for c in r.coordinators],
                     "contact_number": r.contact_number or None} for r in knowledge.regions],
        "as_of": knowledge.regions_as_of,
        "notes": [confirm_note(knowledge)],
    })
