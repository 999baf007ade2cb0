"""Everything but the checklist as lines, drawn alike by Rich and plain text.

The look-ups (region, regions, contacts, counties), the actors, the process, the law, search hits and the
teaching cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from mhstod import freshness, text
from mhstod.errors import shown
from mhstod.freshness import is_stale
from mhstod.lookups import Hit, RegionReport, contacts_as_of, data_note, decisions, urgent_numbers
from mhstod.lookups import overview as routes
from mhstod.model import Actor, Coordinator, Hours, Knowledge, Law, Number, Region, Scenario, Step
from mhstod.render.lines import Line
from mhstod.text import KIND_LABELS, Citations, age_note, document, elsewhere, hours_line, stale_note

if TYPE_CHECKING:  # the checklist's module costs a look-up ~10 ms of start-up; only a case needs it
    from mhstod.checklist import AnswerView, Checklist
    from mhstod.classroom import Place, Slide


def _coordinator(c: Coordinator, today: date) -> list[Line]:
    focus = text.focus(c)
    lines = [Line("item", f"{c.name}{f' ({focus})' if focus else ''} – uppgift från {c.as_of}", level=1),
             Line("text", "Telefon: " + ", ".join(c.phones), level=2),
             Line("text", "E-post: " + ", ".join(c.emails), level=2)]
    if is_stale(c.as_of, today):
        lines.append(Line("text", stale_note(c.as_of, today).capitalize() + ".", "verify", level=2))
    return lines


def _open_now(hours: Hours) -> str:
    """Whether the hours hold now, in a line for the screen.

    "Troligen stängt nu (fredag 16.30); öppnar måndag 21 december kl. 08.00." "Troligen" where the times are
    an assumption (the sources say only "kontorstid"); "" where the hours have no times.
    """
    if not hours.opens:
        return ""
    from mhstod.dates import WEEKDAYS, long_date, next_opening

    moment = freshness.now()
    reopens = next_opening(moment, hours.opens, hours.closes)
    likely = "Troligen s" if hours.assumed else "S"
    if reopens is None:
        opens, closes = hours.opens.replace(":", "."), hours.closes.replace(":", ".")
        return f"{'Troligen ö' if hours.assumed else 'Ö'}ppet nu ({opens}–{closes} på vardagar)."
    return (f"{likely}tängt nu ({WEEKDAYS[moment.weekday()]} {moment:%H.%M}); öppnar "
            f"{long_date(reopens.date(), year=reopens.year != moment.year)} kl. {reopens:%H.%M}.")


def _region_body(region: Region, knowledge: Knowledge, today: date) -> list[Line]:
    local = knowledge.local_file("regions", region.id)
    if local:
        note = Line("text", f"Lokala uppgifter från {local}:", "verify")
        return [note, *_coordinators_or_line(region, knowledge, today)]
    return _coordinators_or_line(region, knowledge, today)


def _coordinators_or_line(region: Region, knowledge: Knowledge, today: date) -> list[Line]:
    lines = []
    for n in region.numbers:  # the region's own lines, newer than the brochure's names, with their age
        lines.append(Line("item", _local(f"{n.name}: {n.number} ({n.use})", n), level=1))
        if age := age_note(n.as_of, n.seen, today):
            lines.append(Line("text", age[:1].upper() + age[1:] + ".", "verify", level=2))
    if region.coordinators:
        lines.append(Line("text", "Regionkoordinatorer:"))
        for c in region.coordinators:
            lines += _coordinator(c, today)
        if knowledge.coordinator_hours is not None:
            lines.append(Line("text", hours_line(knowledge.coordinator_hours), level=1))
            if said := _open_now(knowledge.coordinator_hours):
                lines.append(Line("text", said, "verify", level=1))
        for old in region.superseded:  # named by the brochure, replaced by a newer page: said, never a contact
            new = next(c for c in region.coordinators if c.id == old.superseded_by)
            lines.append(Line("text", f"{old.name} ({old.focus_printed or 'regionkoordinator'}), uppgift från "
                                      f"{old.as_of}: en nyare sida anger {new.name} i stället.", "verify", level=1))
    elif region.no_coordinator is not None:
        note = region.no_coordinator
        lines.append(Line("text", note.text, "verify"))
        if note.as_of:
            lines.append(Line("text", age_note(note.as_of, "", today).capitalize() + ".", "verify"))
        lines.append(Line("text", f"Kontakt: {text.number_line(knowledge.number(region.contact_number))}"))
    return lines


def _local(said: str, n: Number) -> str:
    return f"{said} – lokal uppgift från {n.local}" if n.local else said


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
    if knowledge.local_file("regions", region.id):  # the package's own numbers are not under the local heading
        lines.append(Line("text", "Från paketet:"))
    if region.coordinators or region.contact_number != report.support_line.id:  # else the body just named it
        lines.append(Line("item", text.number_line(report.support_line), level=1))
    lines += [_number(n) for n in report.urgent]
    lines.append(Line("heading", "Källa och datum"))
    refs = Citations(knowledge.documents)
    lines.append(Line("note", "Källa: " + refs.with_notes(region.source)))
    if region.no_coordinator is not None and region.no_coordinator.source != region.source:
        lines.append(Line("note", "Om koordinatorerna: " + refs.with_notes(region.no_coordinator.source)))
    for n in region.numbers:
        lines.append(Line("note", f"{n.name}: " + refs.with_notes(n.source)))
    for c in region.coordinators:  # a coordinator from a newer page than the region's source
        if c.source != region.source:
            lines.append(Line("note", f"{c.name}: " + refs.with_notes(c.source)))
    if region.coordinators and knowledge.coordinator_hours is not None:
        lines.append(Line("note", "Kontorstid: " + refs.with_notes(knowledge.coordinator_hours.source)))
    lines += _sources(refs)[1:]  # under "Källa och datum": no heading of their own
    return lines + [Line("note", note) for note in report.notes]


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
    lines.append(Line("note", data_note(knowledge, contacts_as_of(knowledge.regions), today)))
    return lines


def contacts(knowledge: Knowledge, today: date) -> list[Line]:
    line = knowledge.support_line
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
    return [*lines, Line("note", data_note(knowledge))]


FOR_LABEL = {"any": "", "child": " (barn)", "adult": " (vuxna)"}


def _sources(refs: Citations) -> list[Line]:
    """The sources these lines cited, listed as the checklist lists them."""
    lines = [Line("heading", "Källor")]
    lines += [Line("text", document(d), level=1) for d in refs.cited_documents()]
    lines += [Line("text", elsewhere(i, basis), level=1) for i, basis in enumerate(refs.elsewhere, start=1)]
    return lines


def actors(knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", "Aktörerna i stöd- och skyddsprocessen")]
    for actor in knowledge.actors:
        lines.append(Line("item", f"{actor.name} – {KIND_LABELS[actor.kind]}", level=1))
        lines.append(Line("text", actor.summary, level=2))
    lines.append(Line("note", "Mer om en aktör: mhstod actor NAMN (t.ex. mhstod actor polisen)."))
    return [*lines, Line("note", data_note(knowledge))]


def actor(a: Actor, knowledge: Knowledge) -> list[Line]:
    refs = Citations(knowledge.documents)
    lines = [Line("title", a.name), Line("text", f"{KIND_LABELS[a.kind]}. {a.summary}", ref=refs(a.summary_source))]
    if local := knowledge.local_file("actors", a.id):
        lines.append(Line("text", f"Lokala uppgifter från {local}.", "verify"))
    if a.part_of:
        lines.append(Line("text", f"Del av: {knowledge.actor(a.part_of).name}"))
    lines.append(Line("heading", "Uppgifter enligt källorna"))
    for duty in a.responsibilities:
        lines.append(Line("item", duty.text + FOR_LABEL[duty.for_whom], "", refs(duty.source), 1))
    if a.no_duties is not None:
        lines.append(Line("note", a.no_duties.text))
    if a.about:
        lines.append(Line("heading", "Om aktören"))
        lines += [Line("text", fact.text, ref=refs(fact.source), level=1) for fact in a.about]
    lines.append(Line("heading", "Så når du aktören"))
    reach = [Line("item", _local(text.number_line(knowledge.number(n)), knowledge.number(n)), "",
                  refs(knowledge.number(n).source), 1) for n in a.contact.numbers]
    reach += [Line("item", how.text, "", refs(how.source), 1) for how in a.contact.how]
    reach += [Line("item", f"Webb: {w.url}", "", refs(w.source), 1) for w in a.contact.web]
    lines += reach or [Line("note", "Källorna anger inget sätt att nå aktören direkt; fråga stödtelefonen "
                                    f"för yrkesverksamma, {knowledge.support_line.number}.")]
    dated = [knowledge.number(n).as_of for n in a.contact.numbers]
    return [*lines, *_sources(refs), Line("note", data_note(knowledge, dated, freshness.today()))]


def process(knowledge: Knowledge, only: Step | None = None) -> list[Line]:
    refs = Citations(knowledge.documents)
    lines = [Line("title", "Stöd- och skyddsprocessen i sex steg")]
    for step in knowledge.steps if only is None else (only,):
        timing = f" ({step.timing})" if step.timing else ""
        lines.append(Line("heading", f"Steg {step.number}. {step.name}{timing}"))
        lines.append(Line("text", step.summary, ref=refs(step.source)))
        who = list(dict.fromkeys(knowledge.actor(a.actor).name for a in step.actions))
        lines.append(Line("text", "Vem agerar: " + ", ".join(who)))
        for decision in decisions(knowledge, step.number):
            lines.append(Line("subheading", "Alltid:" if decision.text == "alltid" else f"Om {decision.text}:"))
            for action in decision.actions:
                lines.append(Line("item", f"{knowledge.actor(action.actor).name}: {action.text}", "",
                                  refs(action.source), 1))
    lines.append(Line("note", "Källorna listar aktörernas uppgifter, inte stegen: placeringen i ett steg är en "
                              "bedömning, med grunden i JSON-utskriften (mhstod process --json)."))
    if only is not None and only.number < len(knowledge.steps):
        lines.append(Line("note", f"Nästa steg: mhstod process {only.number + 1}"))
    return [*lines, *_sources(refs), Line("note", data_note(knowledge))]


def overview(knowledge: Knowledge) -> list[Line]:
    """The six steps on one screen, each with the answers that decide what happens in it."""
    lines = [Line("title", "Stöd- och skyddsprocessen i sex steg – översikt"),
             Line("item", "Akut fara? Ring 112, före allt annat.", "urgent", level=1)]
    for route in routes(knowledge):
        timing = f" ({route.step.timing})" if route.step.timing else ""
        lines.append(Line("heading", f"Steg {route.step.number}. {route.step.name}{timing}"))
        if route.questions:
            lines.append(Line("text", "Svar som avgör här: " + ", ".join(q.short for q in route.questions), level=1))
    lines.append(Line("note", "Ett steg i detalj: mhstod process 2 (eller --step 2)."))
    return [*lines, Line("note", data_note(knowledge))]


def laws(knowledge: Knowledge, only: Law | None = None) -> list[Line]:
    refs = Citations(knowledge.documents)
    lines = [Line("title", "Lagstiftning i källorna" if only is None else f"Lagstiftning i källorna: {only.name}")]
    for law in knowledge.laws if only is None else (only,):
        lines.append(Line("heading", f"{law.name} ({law.reference})"))
        lines += [Line("text", t.text, ref=refs(t.source), level=1) for t in law.texts]
        lines += [Line("item", f"Observera: {n.text}", "verify", refs(n.source), 1) for n in law.notes]
    lines.append(Line("note", "Texterna är broschyrens (2018); lagen kan ha ändrats. Kontrollera gällande lydelse."))
    return [*lines, *_sources(refs), Line("note", data_note(knowledge))]


def hits(typed: str, found: tuple[Hit, ...], knowledge: Knowledge) -> list[Line]:
    typed = shown(typed, 80)  # echoed: no escape sequence from the command line reaches the terminal
    if not found:
        return [Line("text", f"Inga träffar för '{typed}'.")]  # one line: no data is shown to date
    lines = [Line("title", f"Sökning: {typed} – {len(found)} {'träff' if len(found) == 1 else 'träffar'}")]
    for hit in found:
        lines.append(Line("item", hit.where, level=1))
        lines.append(Line("text", hit.text, level=2))
    return [*lines, Line("note", data_note(knowledge))]


def scenarios(found: tuple[Scenario, ...]) -> list[Line]:
    lines = [Line("title", "Undervisningsfall")]
    lines += [Line("item", f"{s.id}: {s.title}", level=1) for s in found]
    lines.append(Line("note", "Visa ett fall: mhstod scenario show NAMN; spela upp: mhstod scenario play NAMN."))
    return lines


def scenario_intro(scenario: Scenario, knowledge: Knowledge, refs: Citations,
                   answers: Sequence[AnswerView] = ()) -> list[Line]:
    """The case before its checklist; `refs` is shared with the checklist, whose list of sources ends both.

    `answers`, where given, follow the story: a handout says what was answered before what it leads to.
    """
    lines = scenario_story(scenario)
    if answers:
        from mhstod.render.outline import answer_lines

        lines.append(Line("heading", "Svaren i fallet"))
        lines += answer_lines(answers)
    return lines + scenario_discussion(scenario, knowledge, refs)


def scenario_story(scenario: Scenario) -> list[Line]:
    return [Line("title", scenario.title), Line("text", scenario.story)]


def scenario_discussion(scenario: Scenario, knowledge: Knowledge, refs: Citations) -> list[Line]:
    """What to discuss, with sources, and whom a correct checklist names."""
    lines = [Line("heading", "Att diskutera")]
    lines += [Line("item", note.text, "", refs(note.source), 1) for note in scenario.notes]
    lines.append(Line("heading", "En riktig checklista innehåller"))
    lines += [Line("item", name, "todo", level=1) for name in scenario.key_contacts]
    lines += [Line("item", knowledge.actor(a).name, "todo", level=1) for a in scenario.key_actors
              if knowledge.actor(a).name not in scenario.key_contacts]
    return lines


def scenario_question(slide: Slide, revealed: bool) -> list[Line]:
    """A question for the room; its answer and why it matters only once revealed."""
    assert slide.question is not None
    lines = [Line("heading", f"Fråga {slide.number} av {slide.of}: {slide.question.text}")]
    if not revealed:
        return [*lines, Line("text", "Vad svarar ni?", level=1)]
    return [*lines, Line("item", f"Svar: {slide.answer}", level=1),
            Line("text", f"Varför det spelar roll: {slide.why}", level=1)]


def lesson_slide(slides: tuple[Slide, ...], place: Place, scenario: Scenario, knowledge: Knowledge,
                 checklist: Checklist, refs: Citations) -> list[Line]:
    """One screen of `scenario play`, with the keys that move on at its foot."""
    slide = slides[place.slide]
    if slide.kind == "story":
        lines = scenario_story(scenario)
    elif slide.kind == "question":
        lines = scenario_question(slide, place.revealed)
    elif slide.kind == "discussion":
        lines = [Line("title", scenario.title), *scenario_discussion(scenario, knowledge, refs)]
    else:
        from mhstod.render.outline import outline

        lines = outline(checklist, full=place.full, refs=refs, hint="")  # the key line says how: f
    forward = "visa svaret" if slide.hides and not place.revealed else "nästa"
    keys = [f"Enter eller →: {forward}", "← eller b: tillbaka", "q: avsluta"]
    if slide.kind == "checklist":
        keys.insert(1, "f: kort checklista" if place.full else "f: hela checklistan")
    return [*lines, Line("note", f"[{place.slide + 1}/{len(slides)}] " + " · ".join(keys))]
