"""Every JSON shape for scripts, as dicts, and `dumps` that adds the schema_version; documented in the README.

The look-ups are at schema_version 1, the checklist at 2. A record has one shape wherever it appears: a source,
a county, a coordinator, a phone number.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from mhstod import __version__
from mhstod.errors import shown
from mhstod.freshness import is_stale
from mhstod.lookups import Hit, RegionReport, contacts_as_of, data_note, decisions, oldest_contact, urgent_numbers
from mhstod.lookups import overview as routes
from mhstod.model import (
    Actor,
    Coordinator,
    County,
    Deadline,
    Document,
    Hours,
    Knowledge,
    Law,
    Number,
    Region,
    Scenario,
    Source,
    Step,
)
from mhstod.places import MAX_INPUT
from mhstod.text import KIND_LABELS

if TYPE_CHECKING:  # the value types cost start-up time, and the look-ups never build a checklist
    from mhstod.checklist import ActorDuties, Checklist, ContactView, Item
    from mhstod.dates import Due
    from mhstod.provenance import FileSources

SCHEMA_VERSION = 1  # the look-ups
CHECKLIST_SCHEMA_VERSION = 2  # the checklist: `guide --json`, `scenario show --json`


def dumps(payload: dict[str, Any], schema_version: int = SCHEMA_VERSION) -> str:
    """A payload as the text a script reads, with its schema_version first."""
    return json.dumps({"schema_version": schema_version, **payload}, ensure_ascii=False, indent=2)


Docs = Mapping[str, Document]  # the source documents by id, to name the one a source cites


def documents(knowledge: Knowledge) -> Docs:
    return {d.id: d for d in knowledge.documents}


def source(src: Source, docs: Docs) -> dict[str, str | bool | None]:
    doc = docs[src.doc] if src.doc else None
    return {
        "doc": src.doc or None,
        "document": doc.title if doc else src.internal or None,
        "date": (doc.date or None) if doc else (src.date or None) if src.internal else None,
        "internal": bool(src.internal),
        "section": src.section or None,
        "elsewhere": src.elsewhere or None,
        "url": src.url or None,
        "page_date": (src.date or None) if not src.internal else None,
        "seen": src.seen or None,
        "inferred": src.inferred or None,
        "note": src.note or None,
    }


def county(c: County, docs: Docs) -> dict[str, Any]:
    return {"code": c.code, "name": c.name, "short_name": c.short_name, "iso_3166_2": c.iso, "region": c.region,
            "region_source": source(c.region_source, docs)}


def coordinator(c: Coordinator, docs: Docs, today: date, local: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "focus": {"age": c.age, "purpose": c.purpose, "printed": c.focus_printed or None},
        "phones": list(c.phones),
        "emails": list(c.emails),
        "as_of": c.as_of,
        "stale": is_stale(c.as_of, today),
        "superseded_by": c.superseded_by or None,
        "local": local or None,
        "source": source(c.source, docs),
    }


def number(n: Number, docs: Docs, today: date | None = None) -> dict[str, Any]:
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
        "local": n.local or None,
        "source": source(n.source, docs),
    }


def region(r: Region, knowledge: Knowledge, today: date) -> dict[str, Any]:
    docs = documents(knowledge)
    local = knowledge.local_file("regions", r.id)
    return {
        "id": r.id,
        "name": r.name,
        "counties": [county(knowledge.county(c), docs) for c in r.counties],
        "coordinators": [coordinator(c, docs, today, local) for c in r.coordinators],
        # The brochure's people a newer page has replaced: never a contact, listed so a script can see why.
        "superseded": [coordinator(c, docs, today, local) for c in r.superseded],
        "no_coordinator": ({"text": r.no_coordinator.text, "as_of": r.no_coordinator.as_of or None,
                            "stale": is_stale(r.no_coordinator.as_of, today),
                            "source": source(r.no_coordinator.source, docs)} if r.no_coordinator else None),
        "contact_number": r.contact_number or None,
        "coordinator_hours": _hours(knowledge.coordinator_hours, docs) if r.coordinators else None,
        "numbers": [number(n, docs, today) for n in r.numbers],
        "local": local or None,
        "source": source(r.source, docs),
    }


def region_report(report: RegionReport, knowledge: Knowledge) -> dict[str, Any]:
    docs = documents(knowledge)
    match = report.match
    place = match.place if match else None
    return {
        "query": ({"typed": match.typed, "matched_as": match.place.kind, "how": match.how,
                   "namesakes": list(match.namesakes)} if match else None),
        "county": county(place.county, docs) if place else None,
        "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                         if place and place.municipality else None),
        "region": region(report.region, knowledge, report.today),
        "support_line": number(report.support_line, docs, report.today),
        "urgent": [number(n, docs, report.today) for n in report.urgent],
        "as_of": report.as_of,
        "notes": [*(match.remarks() if match else ()), *report.notes],
        "data_as_of": data_age(knowledge.pages_seen, contacts_as_of((report.region,))),
    }


def data_age(pages_seen: str, contacts_as_of: Any = ()) -> dict[str, str | None]:
    """How current the data is: the day a page was last read for it, and the oldest contact shown."""
    return {"pages_seen": pages_seen or None, "oldest_contact": oldest_contact(contacts_as_of) or None}


def counties(knowledge: Knowledge) -> dict[str, Any]:
    docs = documents(knowledge)
    return {"counties": [county(c, docs) for c in knowledge.counties],
            "source": source(knowledge.counties_source, docs), "data_as_of": data_age(knowledge.pages_seen)}


def regions(knowledge: Knowledge, today: date) -> dict[str, Any]:
    dated = contacts_as_of(knowledge.regions)
    return {"regions": [region(r, knowledge, today) for r in knowledge.regions],
            "as_of": knowledge.regions_as_of,
            "notes": [data_note(knowledge, dated, today)],
            "data_as_of": data_age(knowledge.pages_seen, dated)}


def contacts(knowledge: Knowledge, today: date) -> dict[str, Any]:
    docs = documents(knowledge)
    return {
        "urgent": [number(n, docs, today) for n in urgent_numbers(knowledge)],
        "support_line": number(knowledge.support_line, docs, today),
        "regions": [{"id": r.id, "name": r.name,
                     "coordinators": [coordinator(c, docs, today, knowledge.local_file("regions", r.id))
                                      for c in r.coordinators],
                     "contact_number": r.contact_number or None} for r in knowledge.regions],
        "as_of": knowledge.regions_as_of,
        "notes": [data_note(knowledge, contacts_as_of(knowledge.regions), today)],
        "data_as_of": data_age(knowledge.pages_seen, contacts_as_of(knowledge.regions)),
    }


def _deadline(d: Deadline, docs: Docs) -> dict[str, Any]:
    return {
        "id": d.id,
        "text": d.text,
        "law": d.law,
        "period": {"unit": d.period[0], "length": d.period[1]} if d.period else None,
        "next_weekday": d.next_weekday,
        "ends": d.ends or None,  # a period that runs out (a permit): said instead of "senast"; no action due
        "event": d.event or None,
        "start": d.start,
        "source": source(d.source, docs),
    }


def _date(due: Due | None) -> dict[str, Any] | None:
    """A deadline as dates: counted from, the period's last day, the day to act by, and why they differ."""
    if due is None:
        return None
    return {"from": due.start.isoformat(), "event": due.event, "last_day": due.last.isoformat(),
            "date": due.day.isoformat(), "moved_because": due.moved or None,
            "kept_though": due.kept or None}


def _item(item: Item, cl: Checklist, docs: Docs) -> dict[str, Any]:
    return {
        "id": item.id,
        "text": item.text,
        "actor": item.actor or None,
        "actor_name": item.actor_name or None,
        "for": item.for_whom,
        "verify": item.verify,
        "urgent": item.urgent,
        "info": item.info,
        "number": number(item.number, docs, cl.today) if item.number else None,
        "due": {**_deadline(item.due, docs), "dated": _date(item.date)} if item.due else None,
        "placement": item.placement or None,
        "source": source(item.source, docs),
        "sources": [source(s, docs) for s in item.sources],
        # `own_words`: the tool's rendering after the source, not the source's wording ("Återgivet efter källan").
        "source_text": [{"actor": a.actor, "text": a.text, "own_words": a.own_words, "source": source(a.source, docs)}
                        for a in item.restates],
    }


def _contact(c: ContactView, cl: Checklist, docs: Docs) -> dict[str, Any]:
    return {
        "name": c.name,
        "kind": c.kind,
        "actor": c.actor or None,
        "focus": c.focus or None,
        "why": c.why,
        "phones": list(c.phones),
        "emails": list(c.emails),
        "numbers": [number(n, docs, cl.today) for n in c.numbers],
        "how": [{"text": h.text, "source": source(h.source, docs)} for h in c.how],
        "web": [{"url": w.url, "source": source(w.source, docs)} for w in c.web],
        "as_of": c.as_of or None,
        "stale": c.stale,
        "age": c.age or None,
        "verify": c.verify,
        "local": c.local or None,
        "hours": _hours(c.hours, docs),
        "source": source(c.source, docs),
    }


def _hours(hours: Hours | None, docs: Docs) -> dict[str, Any] | None:
    """When someone is reached (the coordinators: office hours), and what to do outside those hours."""
    if hours is None:
        return None
    return {"text": hours.text, "opens": hours.opens or None, "closes": hours.closes or None,
            "assumed": hours.assumed or None, "outside": hours.outside, "source": source(hours.source, docs)}


def _others(block: ActorDuties, cl: Checklist, docs: Docs) -> dict[str, Any]:
    return {"actor": block.actor, "name": block.name, "duties": [_item(i, cl, docs) for i in block.items]}


def consultation(cl: Checklist) -> dict[str, Any] | None:
    """The summary for a call for advice (guide --samtal), without personal details."""
    view = cl.consultation
    if view is None:
        return None
    docs = {d.id: d for d in cl.documents}
    return {
        "caller": view.caller,
        "place": view.place,
        "situation": [{"question": short, "answer": label} for short, label in view.situation],
        "unclear": list(view.unclear),
        "questions": [{"text": q.text, "source": source(q.source, docs)} for q in view.questions],
        "privacy": {"text": view.privacy.text, "source": source(view.privacy.source, docs)},
    }


def checklist(cl: Checklist) -> dict[str, Any]:
    """The checklist (at CHECKLIST_SCHEMA_VERSION), also embedded by `scenario show --json`: drawn from it alone."""
    docs = {d.id: d for d in cl.documents}
    place = cl.place
    return {
        "generated": {"date": cl.today.isoformat(), "tool_version": __version__, "data_reviewed": cl.reviewed},
        "answers": {a.question: (list(a.value) if isinstance(a.value, tuple) else a.value) for a in cl.answers},
        "answer_labels": {a.question: a.label for a in cl.answers},
        "place": ({"label": place.label, "county": county(place.county, docs),
                   "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                                    if place.municipality else None)} if place else None),
        "region": {"id": cl.region.id, "name": cl.region.name} if cl.region else None,
        "role": cl.role,
        "role_label": cl.role_label,
        "now": [_item(i, cl, docs) for i in cl.now],
        "your_tasks": [_item(i, cl, docs) for i in cl.your_tasks],
        "deadlines": [{"task": i.id, "task_text": i.text, **_deadline(i.due, docs), "dated": _date(i.date)}
                      for i in cl.deadlines if i.due is not None],
        "counted_from": ({"every": cl.counted_from.every.isoformat() if cl.counted_from.every else None,
                          "events": {event: day.isoformat() for event, day in cl.counted_from.events},
                          # events dated by name only whose deadlines got no day: --from beslut-betanketid=…
                          "waiting_for": [event for event, _ in cl.undated_by_name]}
                         if cl.counted_from else None),
        "counting": [{"id": r.id, "text": r.text, "source": source(r.source, docs)} for r in cl.counting],
        "consultation": consultation(cl),
        "contacts": [_contact(c, cl, docs) for c in cl.contacts],
        "to_verify": [_item(i, cl, docs) for i in cl.to_verify],
        "others": [_others(b, cl, docs) for b in cl.others],
        "steps": [{"number": s.number, "name": s.name, "timing": s.timing or None, "summary": s.summary,
                   "source": source(s.source, docs), "actions": [_item(i, cl, docs) for i in s.items]}
                  for s in cl.steps],
        "remarks": list(cl.remarks),
        "notes": list(cl.notes),
        "sources": {
            "documents": [{"id": d.id, "title": d.title, "publisher": d.publisher, "date": d.date or None}
                          for d in cl.documents],
            "elsewhere": list(cl.elsewhere),
        },
        "as_of": cl.as_of,
        "data_as_of": data_age(cl.pages_seen, (c.as_of for c in cl.contacts)),
    }


def actor(a: Actor, knowledge: Knowledge) -> dict[str, Any]:
    docs = documents(knowledge)
    return {"actor": {
        "id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind, "kind_label": KIND_LABELS[a.kind],
        "summary": a.summary, "summary_source": source(a.summary_source, docs),
        "part_of": a.part_of or None,
        "responsibilities": [{"text": r.text, "for": r.for_whom, "source": source(r.source, docs)}
                             for r in a.responsibilities],
        "no_duties": a.no_duties.text if a.no_duties else None,
        "about": [{"text": f.text, "source": source(f.source, docs)} for f in a.about],
        "contact": {
            "numbers": [number(knowledge.number(n), docs) for n in a.contact.numbers],
            "how": [{"text": h.text, "source": source(h.source, docs)} for h in a.contact.how],
            "web": [{"url": w.url, "source": source(w.source, docs)} for w in a.contact.web],
        },
    }, "data_as_of": data_age(knowledge.pages_seen, (knowledge.number(n).as_of for n in a.contact.numbers))}


def actors(knowledge: Knowledge) -> dict[str, Any]:
    return {"actors": [{"id": a.id, "name": a.name, "kind": a.kind, "kind_label": KIND_LABELS[a.kind],
                        "summary": a.summary} for a in knowledge.actors],
            "data_as_of": data_age(knowledge.pages_seen)}


def process(knowledge: Knowledge, only: Step | None = None) -> dict[str, Any]:
    """The six steps (or one) and their decision points; an action has the fields of a checklist's step action."""
    docs = documents(knowledge)

    def action(a: Any) -> dict[str, Any]:
        return {"id": a.id, "actor": a.actor, "text": a.text, "short": a.short or None, "for": a.for_whom,
                "placement": a.placement, "source": source(a.source, docs)}

    return {"steps": [{
        "number": s.number, "id": s.id, "name": s.name, "timing": s.timing or None, "summary": s.summary,
        "source": source(s.source, docs),
        "decisions": [{"when": d.text, "actions": [action(a) for a in d.actions]}
                      for d in decisions(knowledge, s.number)],
    } for s in (knowledge.steps if only is None else (only,))], "data_as_of": data_age(knowledge.pages_seen)}


def overview(knowledge: Knowledge) -> dict[str, Any]:
    """The six steps, each with the questions (id and short name) whose answers decide what happens in it."""
    return {"steps": [{"number": r.step.number, "id": r.step.id, "name": r.step.name, "timing": r.step.timing or None,
                       "decided_by": [{"question": q.id, "short": q.short} for q in r.questions]}
                      for r in routes(knowledge)], "data_as_of": data_age(knowledge.pages_seen)}


def laws(knowledge: Knowledge, only: Law | None = None) -> dict[str, Any]:
    docs = documents(knowledge)
    return {"laws": [{
        "id": law.id, "name": law.name, "former_names": list(law.former_names), "reference": law.reference,
        "texts": [{"text": t.text, "source": source(t.source, docs)} for t in law.texts],
        "notes": [{"text": n.text, "source": source(n.source, docs)} for n in law.notes],
    } for law in (knowledge.laws if only is None else (only,))], "data_as_of": data_age(knowledge.pages_seen)}


def hits(typed: str, found: tuple[Hit, ...], knowledge: Knowledge) -> dict[str, Any]:
    return {"query": shown(typed, MAX_INPUT), "hits": [{"where": h.where, "text": h.text} for h in found],
            "data_as_of": data_age(knowledge.pages_seen)}


def scenarios(found: tuple[Scenario, ...]) -> dict[str, Any]:
    return {"scenarios": [{"id": s.id, "title": s.title, "answers": dict(s.answers),
                           "key_contacts": list(s.key_contacts), "key_actors": list(s.key_actors)} for s in found]}


def scenario(s: Scenario, cl: Checklist) -> dict[str, Any]:
    return {"scenario": {"id": s.id, "title": s.title, "story": s.story, "answers": dict(s.answers)},
            "checklist": checklist(cl)}


def data_check(counts: dict[str, int], oldest: str, knowledge: Knowledge,
               sources: tuple[FileSources, ...] = ()) -> dict[str, Any]:
    return {"ok": True, "counts": counts, "oldest_source_date": oldest,
            "sources": [{"file": f.file, "documents": f.documents, "pages": f.pages, "without_page": f.without_page,
                         "internal": f.internal,
                         "oldest_seen": [{"day": day, "count": n} for day, n in f.oldest_seen],
                         "future_seen": list(f.future_seen)} for f in sources],
            "local": [{"kind": kind, "id": ident, "file": file} for (kind, ident), file in knowledge.local]}


def data_error(message: str) -> dict[str, Any]:
    return {"ok": False, "error": message}
