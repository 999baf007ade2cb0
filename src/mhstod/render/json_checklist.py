"""The checklist as JSON (schema_version 2); kept apart from jsonout so that look-ups do not import the engine."""

from __future__ import annotations

from typing import Any

from mhstod import __version__
from mhstod.checklist import ActorDuties, Checklist, ContactView, Item
from mhstod.model import Deadline, Knowledge
from mhstod.render.jsonout import county, dumps, number, source

SCHEMA_VERSION = 2


def _deadline(d: Deadline, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "id": d.id,
        "text": d.text,
        "law": d.law,
        "period": {"unit": d.period[0], "length": d.period[1]} if d.period else None,
        "start": d.start,
        "source": source(d.source, knowledge),
    }


def _item(item: Item, cl: Checklist, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "id": item.id,
        "text": item.text,
        "actor": item.actor or None,
        "actor_name": item.actor_name or None,
        "for": item.for_whom,
        "verify": item.verify,
        "urgent": item.urgent,
        "info": item.info,
        "number": number(item.number, knowledge, cl.today) if item.number else None,
        "due": _deadline(item.due, knowledge) if item.due else None,
        "placement": item.placement or None,
        "source": source(item.source, knowledge),
        "sources": [source(s, knowledge) for s in item.sources],
        "source_text": [{"actor": a.actor, "text": a.text, "source": source(a.source, knowledge)}
                        for a in item.restates],
    }


def _contact(c: ContactView, cl: Checklist, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "name": c.name,
        "kind": c.kind,
        "actor": c.actor or None,
        "focus": c.focus or None,
        "why": c.why,
        "phones": list(c.phones),
        "emails": list(c.emails),
        "numbers": [number(n, knowledge, cl.today) for n in c.numbers],
        "how": [{"text": h.text, "source": source(h.source, knowledge)} for h in c.how],
        "web": [{"url": w.url, "source": source(w.source, knowledge)} for w in c.web],
        "as_of": c.as_of or None,
        "stale": c.stale,
        "age": c.age or None,
        "verify": c.verify,
        "local": c.local or None,
        "source": source(c.source, knowledge),
    }


def _others(block: ActorDuties, cl: Checklist, knowledge: Knowledge) -> dict[str, Any]:
    return {"actor": block.actor, "name": block.name, "duties": [_item(i, cl, knowledge) for i in block.items]}


def render(cl: Checklist, knowledge: Knowledge) -> str:
    return dumps(payload(cl, knowledge), SCHEMA_VERSION)


def payload(cl: Checklist, knowledge: Knowledge) -> dict[str, Any]:
    """The checklist as a dict (without schema_version), for embedding in another JSON output."""
    place = cl.place
    return {
        "generated": {"date": cl.today.isoformat(), "tool_version": __version__, "data_reviewed": cl.reviewed},
        "answers": {a.question: (list(a.value) if isinstance(a.value, tuple) else a.value) for a in cl.answers},
        "answer_labels": {a.question: a.label for a in cl.answers},
        "place": ({"label": place.label, "county": county(place.county, knowledge),
                   "municipality": ({"code": place.municipality.code, "name": place.municipality.name}
                                    if place.municipality else None)} if place else None),
        "region": {"id": cl.region.id, "name": cl.region.name} if cl.region else None,
        "role": cl.role,
        "role_label": cl.role_label,
        "now": [_item(i, cl, knowledge) for i in cl.now],
        "your_tasks": [_item(i, cl, knowledge) for i in cl.your_tasks],
        "deadlines": [{"task": i.id, "task_text": i.text, **_deadline(i.due, knowledge)}
                      for i in cl.deadlines if i.due is not None],
        "contacts": [_contact(c, cl, knowledge) for c in cl.contacts],
        "to_verify": [_item(i, cl, knowledge) for i in cl.to_verify],
        "others": [_others(b, cl, knowledge) for b in cl.others],
        "steps": [{"number": s.number, "name": s.name, "timing": s.timing or None, "summary": s.summary,
                   "source": source(s.source, knowledge), "actions": [_item(i, cl, knowledge) for i in s.items]}
                  for s in cl.steps],
        "remarks": list(cl.remarks),
        "notes": list(cl.notes),
        "sources": {
            "documents": [{"id": d.id, "title": d.title, "publisher": d.publisher, "date": d.date or None}
                          for d in cl.documents],
            "elsewhere": list(cl.elsewhere),
        },
        "as_of": cl.as_of,
    }
