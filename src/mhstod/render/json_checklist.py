"""The checklist as JSON; kept apart from jsonout so that look-ups do not import the engine."""

from __future__ import annotations

from typing import Any

from mhstod.engine import Checklist, ContactView, Item
from mhstod.model import Knowledge
from mhstod.render.jsonout import county, dumps, number, source


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


def render(cl: Checklist, knowledge: Knowledge) -> str:
    place = cl.place
    return dumps({
        "answers": {a.question: (list(a.value) if isinstance(a.value, tuple) else a.value) for a in cl.answers},
        "answer_labels": {a.question: a.label for a in cl.answers},
        "place": ({"label": place.label, "county": county(place.county, knowledge),
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
