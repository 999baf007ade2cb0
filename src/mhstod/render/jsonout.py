"""JSON for scripts: plain dicts with a schema_version; the shapes are documented in the README."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from mhstod.engine import Checklist, ContactView, Item
from mhstod.freshness import is_stale
from mhstod.lookup import RegionReport, confirm_note, support_line, urgent_numbers
from mhstod.model import Coordinator, County, Knowledge, Number, Region, Source

SCHEMA_VERSION = 1


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps({"schema_version": SCHEMA_VERSION, **payload}, ensure_ascii=False, indent=2)


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


def county(c: County) -> dict[str, str]:
    return {"code": c.code, "name": c.name, "short_name": c.short_name, "iso_3166_2": c.iso, "region": c.region}


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
        "stale": is_stale(n.as_of, today) if today else False,
        "local": knowledge.local_file("numbers", n.id) or None,
        "source": source(n.source, knowledge),
    }


def region(r: Region, knowledge: Knowledge, today: date) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "counties": [county(knowledge.county(c)) for c in r.counties],
        "coordinators": [coordinator(c, knowledge, today, r.id) for c in r.coordinators],
        "no_coordinator": ({"text": r.no_coordinator.text, "source": source(r.no_coordinator.source, knowledge)}
                           if r.no_coordinator else None),
        "contact_number": r.contact_number or None,
        "local": knowledge.local_file("regions", r.id) or None,
        "source": source(r.source, knowledge),
    }


def region_report(report: RegionReport, knowledge: Knowledge) -> str:
    match = report.match
    place = match.place if match else None
    return dumps({
        "query": ({"typed": match.typed, "matched_as": match.place.kind, "how": match.how} if match else None),
        "county": county(place.county) if place else None,
        "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                         if place and place.municipality else None),
        "region": region(report.region, knowledge, report.today),
        "support_line": number(report.support_line, knowledge, report.today),
        "urgent": [number(n, knowledge, report.today) for n in report.urgent],
        "as_of": report.as_of,
        "notes": list(report.notes),
    })


def counties(knowledge: Knowledge) -> str:
    return dumps({"counties": [county(c) for c in knowledge.counties], "source": source(knowledge.counties_source,
                                                                                        knowledge)})


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


def _item(item: Item, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "text": item.text,
        "actor": item.actor or None,
        "actor_name": item.actor_name or None,
        "for": item.for_whom,
        "verify": item.verify,
        "number": item.number.number if item.number else None,
        "placement": item.placement or None,
        "source": source(item.source, knowledge),
    }


def _contact(c: ContactView, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "name": c.name,
        "actor": c.actor or None,
        "focus": c.focus or None,
        "why": c.why,
        "phones": list(c.phones),
        "emails": list(c.emails),
        "numbers": [{"id": n.id, "number": n.number, "name": n.name, "hours": n.hours or None} for n in c.numbers],
        "how": [{"text": h.text, "source": source(h.source, knowledge)} for h in c.how],
        "web": [{"url": w.url, "source": source(w.source, knowledge)} for w in c.web],
        "as_of": c.as_of or None,
        "stale": c.stale,
        "verify": c.verify,
        "local": c.local or None,
        "source": source(c.source, knowledge),
    }


def checklist(cl: Checklist, knowledge: Knowledge) -> str:
    place = cl.place
    return dumps({
        "answers": {a.question: (list(a.value) if isinstance(a.value, tuple) else a.value) for a in cl.answers},
        "answer_labels": {a.question: a.label for a in cl.answers},
        "place": ({"label": place.label, "county": county(place.county),
                   "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                                    if place.municipality else None)} if place else None),
        "region": {"id": cl.region.id, "name": cl.region.name} if cl.region else None,
        "role": cl.role,
        "now": [_item(i, knowledge) for i in cl.now],
        "support_line": number(cl.support_line, knowledge),
        "your_tasks": [_item(i, knowledge) for i in cl.your_tasks],
        "steps": [{"number": s.number, "name": s.name, "timing": s.timing or None, "summary": s.summary,
                   "source": source(s.source, knowledge), "actions": [_item(i, knowledge) for i in s.items]}
                  for s in cl.steps],
        "contacts": [_contact(c, knowledge) for c in cl.contacts],
        "to_verify": list(cl.to_verify),
        "notes": list(cl.notes),
        "documents": [{"id": d.id, "title": d.title, "publisher": d.publisher, "date": d.date or None}
                      for d in cl.documents],
        "elsewhere": list(cl.elsewhere),
        "as_of": cl.as_of,
    })
