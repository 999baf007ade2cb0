"""The checklist as an outline of headings and lines, so every text format says the same thing in order."""

from __future__ import annotations

from datetime import date

from mhstod.engine import Checklist, ContactView, Item
from mhstod.freshness import is_stale, stale_note
from mhstod.model import Knowledge, Source
from mhstod.render.lines import Line, Mark


class _Refs:
    """Short references for items ("001 7.1 Socialtjänsten", "A2"), listed in full at the end."""

    def __init__(self) -> None:
        self.elsewhere: list[str] = []
        self.docs: set[str] = set()

    def __call__(self, source: Source) -> str:
        if source.doc:
            self.docs.add(source.doc)
            return f"{source.doc}: {source.section}"
        if source.elsewhere not in self.elsewhere:
            self.elsewhere.append(source.elsewhere)
        return f"A{self.elsewhere.index(source.elsewhere) + 1}"


def _item(item: Item, refs: _Refs, level: int = 1, who: bool = False) -> Line:
    text = item.text
    if who and item.actor_name:
        text = f"{item.actor_name}: {text}"
    if item.for_whom != "any":
        text += " (gäller barn)" if item.for_whom == "child" else " (gäller vuxna)"
    if item.verify:
        text += " – att kontrollera"
    return Line("item", text, "verify" if item.verify else "todo", refs(item.source), level)


def _contact(contact: ContactView, refs: _Refs, today: date) -> list[Line]:
    title = contact.name + (f" ({contact.focus})" if contact.focus else "")
    if contact.verify:
        title += " – att kontrollera"
    lines = [Line("item", title, "verify" if contact.verify else "", refs(contact.source), 1),
             Line("text", contact.why, level=2)]
    if contact.phones:
        lines.append(Line("text", "Telefon: " + ", ".join(contact.phones), level=2))
    if contact.emails:
        lines.append(Line("text", "E-post: " + ", ".join(contact.emails), level=2))
    for number in contact.numbers:
        hours = f" ({number.hours})" if number.hours else ""
        whose = "" if number.name == contact.name else f" – {number.name}"
        lines.append(Line("text", f"Telefon: {number.number}{hours}{whose}", level=2))
        if is_stale(number.as_of, today):
            lines.append(Line("text", stale_note(number.as_of).capitalize() + ".", "verify", level=2))
    for how in contact.how:
        lines.append(Line("text", how.text, ref=refs(how.source), level=2))
    for web in contact.web:
        lines.append(Line("text", f"Webb: {web.url}", ref=refs(web.source), level=2))
    if contact.local:
        lines.append(Line("text", f"Lokal uppgift från {contact.local}.", level=2))
    if contact.stale:
        lines.append(Line("text", stale_note(contact.as_of).capitalize() + ".", "verify", level=2))
    elif contact.as_of:
        lines.append(Line("text", f"Uppgift från {contact.as_of}.", level=2))
    return lines


def outline(checklist: Checklist, knowledge: Knowledge) -> list[Line]:
    refs = _Refs()
    lines = [Line("title", "Checklista vid misstanke om människohandel")]
    place = checklist.place.label if checklist.place else "okänt"
    region = checklist.region.name if checklist.region else "okänd"
    lines.append(Line("text", f"Plats: {place} · Region: {region}"))

    lines.append(Line("heading", "Gör nu"))
    for item in checklist.now:
        number = f" – ring {item.number.number}" if item.number else ""
        mark: Mark = "urgent" if item.number and item.number.id == "nodnummer" else "todo"
        if item.verify:
            mark = "verify"
        text = item.text + number + (" – att kontrollera" if item.verify else "")
        lines.append(Line("item", text, mark, refs(item.source), 1))
    line = checklist.support_line
    if line.hours:
        outside = f" Utanför öppettiderna: {line.outside_hours}" if line.outside_hours else ""
        lines.append(Line("text", f"Stödtelefonen {line.number} har öppet {line.hours}.{outside}",
                          ref=refs(line.hours_source) if line.hours_source else "", level=1))

    role_label = knowledge.question("role").label(checklist.role)
    lines.append(Line("heading", f"Dina uppgifter ({role_label})"))
    lines.extend(_item(item, refs) for item in checklist.your_tasks)

    lines.append(Line("heading", "Stegen i stöd- och skyddsprocessen"))
    for step in checklist.steps:
        timing = f" ({step.timing})" if step.timing else ""
        lines.append(Line("subheading", f"Steg {step.number}. {step.name}{timing}", ref=refs(step.source)))
        lines.extend(_item(item, refs, level=1, who=True) for item in step.items)
    lines.append(Line("note", "Källorna listar aktörernas uppgifter, inte stegen: placeringen i ett steg är en "
                              "bedömning (grunden står i JSON-utskriften)."))

    lines.append(Line("heading", "Kontakter"))
    for contact in checklist.contacts:
        lines.extend(_contact(contact, refs, checklist.today))

    if checklist.to_verify:
        lines.append(Line("heading", "Att kontrollera"))
        lines.extend(Line("item", text, "verify", level=1) for text in checklist.to_verify)

    lines.append(Line("heading", "Svaren som checklistan bygger på"))
    for answer in checklist.answers:
        lines.append(Line("text", f"{knowledge.question(answer.question).short}: {answer.label}", level=1))

    lines.append(Line("heading", "Noter"))
    lines.extend(Line("note", note) for note in checklist.notes)

    lines.append(Line("heading", "Källor"))
    for doc in (d for d in knowledge.documents if d.id in refs.docs):
        date = doc.date or "odaterad"
        lines.append(Line("text", f"{doc.id}: {doc.publisher}, ”{doc.title}” ({date})", level=1))
    for index, basis in enumerate(refs.elsewhere, start=1):
        lines.append(Line("text", f"A{index}: annan källa än källdokumenten – {basis}", level=1))
    return lines
