"""The checklist as an outline of headings and lines, so every text format says the same thing in order.

The short outline answers "what do I do now, whom do I call" on one screen; the full one adds every step of the
process with each duty as the sources word it, the deadlines, the answers and every source.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from mhstod import __version__
from mhstod.checklist import ActorDuties, AfterHours, AnswerView, Checklist, ContactView, Item
from mhstod.dates import WEEKDAYS, long_date, short_date
from mhstod.record import replace
from mhstod.render.lines import Line, Mark
from mhstod.text import Citations, document, elsewhere, hours_line

TITLE = "Checklista vid misstanke om människohandel"
FULL_HINT = "Hela checklistan: --full eller en sparad fil."
MENU_HINT = "Hela checklistan: välj den i menyn nedan, eller spara den."  # the interactive guide: no flags
SHORT_PHRASES = 1  # per actor under "Vem gör vad" on the short view; the rest in the full one


def outline(checklist: Checklist, full: bool = False, stamp: bool = False, refs: Citations | None = None,
            hint: str = FULL_HINT) -> list[Line]:
    """The checklist's lines: short by default, whole with `full`; `stamp` adds when and from what it was made.

    `refs`: the citations of what is shown above the checklist (a teaching case), so that one list of sources
    at the end numbers them all. `hint`: how to get the whole checklist, after the short one's sources.
    """
    if refs is None and not full:  # the short view's A-numbers are those --full lists
        refs = full_numbering(checklist)
    refs = refs or Citations(checklist.documents, short=not full)
    lines = [Line("title", TITLE), Line("text", _header(checklist))]
    if stamp:
        lines.append(Line("text", provenance(checklist)))
    lines += [Line("note", remark) for remark in checklist.remarks]

    def task(item: Item) -> list[Line]:
        return _task(item, refs, full, checklist.today, _one_day(checklist))

    lines.append(Line("heading", "Nu"))
    if checklist.after_hours is not None:
        lines.append(Line("item", after_hours_line(checklist.after_hours), "urgent",
                          refs(checklist.after_hours.hours.source), 1))
    lines += [line for item in checklist.now for line in task(item)]
    lines.append(Line("heading", "Dina uppgifter"))
    if checklist.your_tasks:
        lines += [line for item in checklist.your_tasks for line in task(item)]
    else:
        lines.append(Line("text", "Källorna ger din roll inga fler uppgifter i det här fallet.", level=1))

    lines.append(Line("heading", "Kontakter"))
    # On the short view an actor is said once: one listed under "Kontakter" is not described again under
    # "Vem gör vad" (its duties are in the full view); its contact line says why it is there.
    listed = {contact.actor for contact in checklist.contacts if contact.actor}
    # Nor is an actor whose only part here is identification: the user already suspects trafficking.
    blocks = [block for block in checklist.others
              if full or (block.actor not in listed and not block.only_identifies)]
    described = {block.actor for block in blocks if full or block.sure}
    for contact in checklist.contacts:
        lines += _contact(contact, refs, full, contact.actor in described)

    if checklist.to_verify:
        lines.append(Line("heading", "Att kontrollera"))
        lines += [line for item in checklist.to_verify for line in task(item)]

    others = [line for block in blocks if (line := _others(block, refs, full)) is not None]
    if others:
        lines.append(Line("heading", "Vem gör vad"))
        lines += others

    if full:
        lines += _deadlines(checklist, refs)
        lines += _steps(checklist, refs)
        lines.append(Line("heading", "Svaren som checklistan bygger på"))
        lines += answer_lines(checklist.answers)
        if checklist.consultation is not None:
            lines.append(Line("heading", CONSULTATION_TITLE))
            lines += [replace(line, kind="subheading") if line.kind == "heading" else line
                      for line in consultation_lines(checklist, refs)]

    if full:
        lines.append(Line("heading", "Noter"))
        lines += [Line("note", note) for note in checklist.notes]
        return lines + _sources(refs, full, hint)
    lines.append(Line("text", ""))
    lines += [Line("note", note) for note in checklist.notes[:-1]]
    last = _sources(refs, full, hint)[0]  # the note on checking contacts shares the sources' line
    dated = ""
    days = checklist.counted_from
    if checklist.dated and days is not None:  # on the same line: the short screen has no line to spare
        other_days = "" if hint == MENU_HINT else "; andra dagar: --from anmalan=DATUM (se --full)"
        dated = (f"Alla datum från {short_date(days.every)}{other_days}. "
                 if days.one_day and days.every is not None else "")
    return [*lines, Line("note", f"{dated}{checklist.notes[-1]} {last.text}")]


CONSULTATION_TITLE = "Inför samtalet med regionkoordinatorn eller stödtelefonen"


def full_numbering(checklist: Checklist, before: Citations | None = None) -> Citations:
    """Short citations numbered as the full checklist numbers them, so that "A8" means the A8 `--full` lists.

    `before`: what a view cites above the checklist (a teaching case's notes), numbered first in both views.
    """
    numbered = Citations(checklist.documents, numbering=before.elsewhere if before is not None else ())
    outline(checklist, full=True, refs=numbered)
    return Citations(checklist.documents, short=True, numbering=numbered.elsewhere)


def consultation_outline(checklist: Checklist, hint: str = "Hela checklistan: samma kommando utan --samtal."
                         ) -> list[Line]:
    """The summary to read out when calling for advice (guide --samtal): no personal details, and it says so."""
    refs = full_numbering(checklist)
    lines = [Line("title", CONSULTATION_TITLE)]
    if checklist.after_hours is not None:  # the call is to lines that are probably closed now: say who answers
        lines.append(Line("item", after_hours_line(checklist.after_hours), "urgent",
                          refs(checklist.after_hours.hours.source), 1))
    # Acute danger comes before any call for advice, here as at the top of the checklist.
    lines += [line for item in checklist.now if item.urgent for line in _task(item, refs, False, checklist.today)]
    # Whom the call is to: the support line and the region's coordinators, as the checklist lists them.
    lines.append(Line("heading", "Ring"))
    lines += [line for contact in checklist.contacts if contact.kind in ("line", "person", "note")
              for line in _contact(contact, refs, False, True)]
    lines += consultation_lines(checklist, refs)
    return lines + _sources(refs, False, hint)


def consultation_lines(checklist: Checklist, refs: Citations) -> list[Line]:
    """The summary's body, also a section of the full checklist and the exports."""
    view = checklist.consultation
    if view is None:
        return []
    lines = [Line("note", view.privacy.text, ref=refs(view.privacy.source)),
             Line("heading", "Situationen"),
             Line("text", f"Du ringer från: {view.caller}", level=1),
             Line("text", f"Län och region: {view.place}", level=1)]
    lines += [Line("text", f"{short}: {label}", level=1) for short, label in view.situation]
    if view.unclear:
        lines.append(Line("heading", "Oklart (Vet inte)"))
        lines += [Line("text", said, level=1) for said in view.unclear]
    lines.append(Line("heading", "Frågor att ställa"))
    lines += [Line("text", f"{n}. {q.text}", ref=refs(q.source), level=1) for n, q in enumerate(view.questions, 1)]
    return lines


def answer_lines(answers: Iterable[AnswerView]) -> list[Line]:
    """Each answer under its question's short title, as the full checklist and a teaching case list them."""
    return [Line("text", f"{a.short}: {a.label}", level=1) for a in answers]


def provenance(checklist: Checklist) -> str:
    """When and with what a saved checklist was made: the date, the tool's version and the data's dates."""
    return (f"Skapad {checklist.today.isoformat()} med mhstod {__version__}. Data granskad {checklist.reviewed}; "
            f"kontaktuppgifterna i källorna är från {checklist.as_of}.")


def after_hours_line(after: AfterHours) -> str:
    """Who answers now, outside office hours, most urgent first; then when the support line and coordinators do.

    Where the sources say only "kontorstid" the times are an assumption, and the line says "troligen".
    """
    from mhstod.dates import not_a_weekday

    day = not_a_weekday(after.at.date())
    when = f"{day if day not in ('', 'lördag', 'söndag') else WEEKDAYS[after.at.weekday()]} {after.at:%H.%M}"
    reopens = after.reopens
    if reopens.date() == after.at.date():
        next_day = "i dag"
    elif reopens.date() == after.at.date() + timedelta(days=1):
        next_day = "i morgon"
    else:
        next_day = long_date(reopens.date(), year=reopens.year != after.at.year)
    closed = "Troligen stängt nu" if after.hours.assumed else "Stängt nu"
    police = " eller polisen på 114 14" if after.police else ""
    return (f"{closed} ({when}). Nu: vid akut fara 112; brådskande till kommunens socialjour (kommunens växel "
            f"eller webbplats har numret){police}. Stödtelefonen och regionkoordinatorerna: "
            f"{next_day} från kl. {reopens:%H.%M}.")


def _header(checklist: Checklist) -> str:
    place = checklist.place.label if checklist.place else "okänd"
    region = checklist.region.name if checklist.region else "region okänd"
    return f"Plats: {place} · {region} · Din roll: {checklist.role_label}"


def _task(item: Item, refs: Citations, full: bool, today: date, one_day: bool = True) -> list[Line]:
    """A task; in full, with the sources' own wording of what it says, so nothing is lost by rewording."""
    text = item.text
    if item.date is not None and item.due is not None:
        said = due_phrase(item, today) if full else short_due_phrase(item, today, one_day)
        text = f"{text.rstrip('.')} – {said}."
    elif item.due is not None and item.due.period is not None and (full or not item.due.ends):
        # "genast" is said in the text itself; a period that only runs out, undated, waits for --full
        law = f" ({item.due.law})" if "§" in item.due.law or full else ""
        text = f"{text.rstrip('.')} – {item.due.text}{law}."
    # A deadline's own law is cited on the short view too: the duty's source (001 7.1) gives no deadline. Not
    # for "genast", which the line's own text says with its source.
    sources = item.sources
    if item.due is not None and (full or (item.due.period is not None and (item.date or not item.due.ends))):
        sources = (*sources, item.due.source)
    mark: Mark = "urgent" if item.urgent else "verify" if item.verify else "" if item.info else "todo"
    lines = [Line("item", text, mark, refs(*sources), 1)]
    if full:
        lines += [Line("text", f"{'Återgivet efter källan' if a.own_words else 'Källans ordalydelse'}: ”{a.text}”",
                       ref=refs(a.source), level=2) for a in item.restates]
    return lines


def _contact(contact: ContactView, refs: Citations, full: bool, described: bool) -> list[Line]:
    """A contact: who and why (or, for a named person, how old the details are), then how to reach them.

    The why of an actor that "Vem gör vad" describes is not said twice on the short view.
    """
    person = contact.kind == "person"
    title = contact.name + (f" ({contact.focus})" if contact.focus else "")
    if person:
        title += f", {contact.why}"
        if contact.as_of:
            title += f" – uppgift från {contact.as_of}" + (": kontrollera den" if contact.stale else "")
    elif full or not described or contact.kind != "actor":
        title += f" – {contact.why}"
    if contact.verify:  # depends on what is still unknown (the purpose, the place)
        title += " (om det gäller)"
    reach = [*contact.phones, *contact.emails]
    for number in contact.numbers:
        outside = f"utanför dem: {_lower(number.outside_hours).rstrip('.')}" if number.outside_hours else ""
        when = "; ".join(x for x in (number.hours, outside) if x)
        reach.append(f"{number.number} ({when})" if when else number.number)
    reach += [w.url for w in (contact.web if full else contact.web[:1])]
    if contact.age and not person:
        reach.append(contact.age)
    mark: Mark = "verify" if contact.verify else ""
    local = [Line("text", f"Lokal uppgift från {contact.local}.", level=2)] if contact.local else []
    if not reach:  # how the sources say to reach them, each with its own source
        return [Line("item", title, mark, refs(contact.source), 1),
                *(Line("text", how.text, ref=refs(how.source), level=2) for how in contact.how[:None if full else 1]),
                *local]
    hours = [n.hours_source for n in contact.numbers if n.hours_source is not None]
    # The line cites where its numbers and addresses are from (a web address from the brochure, 004), and the
    # contact's own source where the title says why it is listed.
    said = [contact.source] if person or full or not described or contact.kind != "actor" or not contact.web else []
    webs = [w.source for w in (contact.web if full else contact.web[:1])]
    lines = [Line("item", title, mark, level=1),
             Line("text", " · ".join(reach), ref=refs(*said, *hours, *webs), level=2)]
    if full:
        lines += [Line("text", how.text, ref=refs(how.source), level=2) for how in contact.how]
    if full and contact.hours is not None:
        lines.append(Line("text", hours_line(contact.hours), ref=refs(contact.hours.source), level=2))
    return lines + local


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _others(block: ActorDuties, refs: Citations, full: bool) -> Line | None:
    """One line per actor; the short view shows only what surely applies."""
    items = list(block.items if full else block.sure)
    if not items:
        return None
    more = "" if full or len(items) <= SHORT_PHRASES else " …"
    items = items if full else items[:SHORT_PHRASES]
    phrases = "; ".join(i.text + (" (att kontrollera)" if i.verify else "") for i in items)
    text = f"{block.name}: {phrases[:1].lower()}{phrases[1:]}" + (more or ".")
    return Line("item", text, "", refs(*(s for i in items for s in i.sources)), 1)


def due_phrase(item: Item, today: date | None = None) -> str:
    """A dated deadline in words: "senast fredag 4 december 2026 (inom en vecka från beslutet, 7 § LVU)".

    Where the period's last day is no weekday, the day it moves to, and why; a day before `today` is passed.
    """
    assert item.date is not None and item.due is not None
    passed = ", passerat" if today is not None and item.date.day < today else ""
    said = f"{_by(item)} {long_date(item.date.day)}{passed} ({item.due.text}, {item.due.law}"
    if item.date.moved:
        last = long_date(item.date.last, year=False)
        ends = last if item.date.moved in ("lördag", "söndag") else f"på {item.date.moved}, {last}"
        said += f"; fristen slutar {ends}: lagen (1930:173) låter åtgärden vänta till nästa vardag"
    elif item.date.kept:
        said += (f"; dagen är {_named_day(item.date.kept)} men står kvar: att regeln om nästa vardag gäller här är "
                 f"inte klart, så den säkra sidan är sista dagen")
    return said + ")"


def short_due_phrase(item: Item, today: date, one_day: bool) -> str:
    """The same for the short screen: "senast mån 28 dec, från verkställandet (8 § LVU; 25/12 är juldagen)".

    The event it runs from is always said: one day given for all may not be every event's day. Its day too,
    unless one day was given for all (the line under the checklist says which); the year where it is not the
    starting day's.
    """
    assert item.date is not None and item.due is not None
    day = short_date(item.date.day, year=item.date.day.year != item.date.start.year)
    passed = ", passerat" if item.date.day < today else ""
    start = "" if one_day else f" {item.date.start.day}/{item.date.start.month}"
    notes = [item.due.law] if "§" in item.due.law else []
    if item.due.ends:
        notes.append("sista dagen står i beslutet")
    if item.date.moved:
        notes.append(f"{item.date.last.day}/{item.date.last.month} är {_named_day(item.date.moved)}")
    elif item.date.kept:  # every other deadline moved to a weekday: say why this one did not
        notes.append(f"{_named_day(item.date.kept)}, men dagen står kvar")
    return f"{_by(item)} {day}{passed}, från {item.date.event}{start}" + (f" ({'; '.join(notes)})" if notes else "")


def _by(item: Item) -> str:
    """"senast" for an action due by the day; a period that runs out then in its own words.

    "betänketiden slutar …": the day is never read as the last day to apply.
    """
    return item.due.ends if item.due is not None and item.due.ends else "senast"


def _one_day(checklist: Checklist) -> bool:
    return checklist.counted_from is None or checklist.counted_from.one_day


def _named_day(day_name: str) -> str:
    return f"en {day_name}" if day_name in ("lördag", "söndag") else day_name


def dates_note(checklist: Checklist) -> str:
    """Which days the dates are counted from, or that this case has no deadline to count; "" without --from."""
    days = checklist.counted_from
    if days is None:
        return ""
    waiting = "".join(f" Från {label} räknas bara med dess egen dag: --from {event}=ÅÅÅÅ-MM-DD."
                      for event, label in checklist.undated_by_name)
    if not checklist.dated:
        given = long_date(days.every) if days.every else "de dagar du angav"
        return f"Inga frister att räkna från {given} i det här fallet.{waiting}"
    if days.one_day and days.every is not None:
        return (f"Alla datum räknas från {long_date(days.every)}, som om anmälan, besluten och verkställandet "
                f"skedde den dagen; skedde de andra dagar, ange var och en: --from anmalan=ÅÅÅÅ-MM-DD (också "
                f"utredning, omhandertagande, verkstallighet).{waiting}")
    labels = {i.due.event: i.date.event for i in checklist.dated if i.due is not None and i.date is not None}
    own = [f"{labels[event]} {long_date(day)}" for event, day in days.events if event in labels]
    rest = f"; övriga händelser från {long_date(days.every)}" if days.every is not None else ""
    return f"Datumen räknas från dagen du angav för varje händelse: {', '.join(own)}{rest}.{waiting}"


def _deadlines(checklist: Checklist, refs: Citations) -> list[Line]:
    if not checklist.deadlines:
        return [Line("note", note)] if (note := dates_note(checklist)) else []
    lines = [Line("heading", "Frister")]
    for item in (*checklist.dated, *(i for i in checklist.deadlines if i.date is None)):
        assert item.due is not None
        if item.date is not None:
            said = due_phrase(item, checklist.today)
            text = (f"{said[:1].upper()}{said[1:]}, räknat från {item.due.start}, {long_date(item.date.start)}: "
                    f"{item.text}")
        else:
            text = f"{item.due.text[:1].upper()}{item.due.text[1:]} ({item.due.law}): {item.text}"
        lines.append(Line("item", text, "", refs(item.due.source), 1))
    if checklist.counted_from is None:
        lines.append(Line("note", "Fristerna räknas från en händelse i ärendet (anmälan, beslutet); med --from DATUM "
                                  "visas de som datum."))
        return lines
    lines.append(Line("note", dates_note(checklist)))
    lines += [Line("text", rule.text, ref=refs(rule.source), level=1) for rule in checklist.counting]
    return lines


def _steps(checklist: Checklist, refs: Citations) -> list[Line]:
    lines = [Line("heading", "Stegen i stöd- och skyddsprocessen")]
    for step in checklist.steps:
        timing = f" ({step.timing})" if step.timing else ""
        lines.append(Line("subheading", f"Steg {step.number}. {step.name}{timing}", ref=refs(step.source)))
        for item in step.items:
            text = f"{item.actor_name}: {item.text}" + (" (att kontrollera)" if item.verify else "")
            lines.append(Line("item", text, "verify" if item.verify else "", refs(item.source), 1))
    lines.append(Line("note", "Källorna listar aktörernas uppgifter, inte stegen: placeringen i ett steg är en "
                              "bedömning (grunden står i JSON-utskriften)."))
    return lines


def _sources(refs: Citations, full: bool, hint: str) -> list[Line]:
    used = refs.cited_documents()
    if not full:
        parts = [f"{d.id} {d.short} ({d.date or 'odaterad'})" for d in used]
        if refs.highest:
            last = f"A{refs.highest}"
            parts.append(f"{'A1' if last == 'A1' else 'A1–' + last}: annan källa")
        return [Line("note", "Källor: " + "; ".join(parts) + "." + (f" {hint}" if hint else ""))]
    lines = [Line("heading", "Källor")]
    for doc in used:
        lines.append(Line("text", document(doc), level=1))
    lines += [Line("text", elsewhere(index, basis), level=1) for index, basis in enumerate(refs.elsewhere, start=1)]
    return lines
