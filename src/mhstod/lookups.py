"""Looking things up: a region for a place, an actor by name, a teaching case, a search, the process's decisions.

Also the data's sizes and dates; plain values the renderers turn into text or JSON.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from mhstod.conditions import ALWAYS, Condition, questions_in
from mhstod.errors import UsageError, shown
from mhstod.model import (
    ACUTE_QUESTION,
    ROLE_QUESTION,
    Action,
    Actor,
    Coordinator,
    County,
    Knowledge,
    Law,
    Number,
    Question,
    Region,
    Scenario,
    Step,
)
from mhstod.places import MAX_INPUT, Match, fold
from mhstod.record import Record
from mhstod.text import CONFIRM, describe


class RegionReport(Record):
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


def urgent_numbers(knowledge: Knowledge) -> tuple[Number, ...]:
    """The numbers a region's view lists after the support line: 112 and the police, never a local number."""
    return tuple(n for n in knowledge.numbers if n.national and n.id != knowledge.support_line_id)


def data_note(knowledge: Knowledge, contacts_as_of: Iterable[str] = (), today: date | None = None) -> str:
    """How current the data is, in one line: the day a page was last read for it, and the oldest contact.

    The oldest contact the view shows, how old it is and where to check it; a view without dated contacts
    says only the first.
    """
    said = f"Datan: sidor lästa senast {knowledge.pages_seen}" if knowledge.pages_seen else "Datan"
    oldest = oldest_contact(contacts_as_of)
    if oldest:
        years = (today.year - int(oldest[:4])) if today is not None else 0
        age = f" ({years} år)" if years > 0 else ""
        said += (f"; äldsta kontakten här från {oldest}{age}: "
                 + CONFIRM.format(support=knowledge.support_line.number))
    return said + "."


def oldest_contact(contacts_as_of: Iterable[str]) -> str:
    """The oldest of the contacts' dates ("2018" before "2018-09"), "" where none is dated."""
    return min((a for a in contacts_as_of if a), default="")


def contacts_as_of(regions: Iterable[Region]) -> list[str]:
    """The dates of the contacts the regions show.

    Their people (not those a newer page replaced), and a region's line on how to reach its unnamed ones.
    """
    dates = [c.as_of for r in regions for c in r.coordinators if not c.superseded_by]
    return dates + [r.no_coordinator.as_of for r in regions if r.no_coordinator is not None]


def inferred_notes(knowledge: Knowledge, region: Region, county: str | None = None) -> list[str]:
    """How the tool placed a county the sources leave out (Uppsala län).

    Where a place was given, only that county's note: Västmanland and Gävleborg are in the brochure, and a
    remark about Uppsala län printed for Västerås misleads. Where only the region is shown, every county's.
    """
    codes = region.counties if county is None else [c for c in region.counties if c == county]
    counties = (knowledge.county(c) for c in codes)
    return [f"{c.name}: {c.region_source.inferred}" for c in counties if c.region_source.inferred]


def region_report(knowledge: Knowledge, region: Region, match: Match | None, today: date) -> RegionReport:
    notes = []
    if match is not None and match.place.municipality is not None:
        notes.append(f"{match.place.municipality.name} är en kommun i {match.place.county.name}.")
    notes += inferred_notes(knowledge, region, match.place.county.code if match is not None else None)
    notes.append(data_note(knowledge, contacts_as_of((region,)), today))
    return RegionReport(
        match=match, region=region, counties=tuple(knowledge.county(c) for c in region.counties),
        coordinators=region.coordinators, support_line=knowledge.support_line,
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


def _names(actor: Actor) -> list[str]:
    return [actor.id, actor.name, *actor.aliases]


def find_actor(knowledge: Knowledge, typed: str) -> Actor:
    """The actor a name, id or alias means ("polisen", "UD", "migrationsverket"); UsageError with suggestions."""
    probe = fold(typed[:MAX_INPUT])
    for actor in knowledge.actors:
        if probe and any(fold(name) == probe for name in _names(actor)):
            return actor
    # A name that starts the actor's name ("Polismyndighet", "Jämställdhetsmyndigheten") is meant as it.
    starts = [a for a in knowledge.actors if probe and any(fold(n).startswith(probe) for n in _names(a))]
    if len(starts) == 1 and len(probe) >= 4:
        return starts[0]
    by_name = {fold(name): actor for actor in knowledge.actors for name in _names(actor)}
    close = difflib.get_close_matches(probe, list(by_name), n=6, cutoff=0.6) if probe else []
    suggestions = list(dict.fromkeys(by_name[c].name for c in close))[:3]
    hint = f" Menade du {' eller '.join(suggestions)}?" if suggestions else " Se 'mhstod actors' för alla aktörer."
    raise UsageError(f"Okänd aktör '{shown(typed)}'.{hint}")


class Decision(Record):
    """Actions of a step that apply under one condition."""

    condition: Condition
    text: str
    actions: tuple[Action, ...]


def decisions(knowledge: Knowledge, step_number: int) -> tuple[Decision, ...]:
    """The step's actions grouped by condition, unconditional first, in the data's order."""
    step = knowledge.steps[step_number - 1]
    groups: dict[Condition, list[Action]] = {}
    for action in step.actions:
        groups.setdefault(action.when, []).append(action)
    ordered = sorted(groups.items(), key=lambda kv: kv[0] != ALWAYS)
    return tuple(Decision(cond, "alltid" if cond == ALWAYS else describe(cond, knowledge), tuple(actions))
                 for cond, actions in ordered)


def find_step(knowledge: Knowledge, typed: str) -> Step:
    """A step by its number ("3") or name ("akut skydd", "återvändande"); UsageError listing the six otherwise."""
    probe = fold(typed[:MAX_INPUT]).strip()
    for step in knowledge.steps:  # the number as typed: folding made "-3" (after --) the third step
        if typed.strip() == str(step.number) or probe in (fold(step.id), fold(step.name)):
            return step
    within = [s for s in knowledge.steps if len(probe) >= 4 and probe in fold(s.name)]
    if len(within) == 1:
        return within[0]
    if within:
        which = " eller ".join(f"{s.number} {s.name}" for s in within)
        raise UsageError(f"Flera steg passar '{shown(typed)}': {which}. Ange numret.")
    steps = ", ".join(f"{s.number} {s.name}" for s in knowledge.steps)
    raise UsageError(f"Okänt steg '{shown(typed)}'. Stegen är {steps}.")


class Route(Record):
    """A step in the overview: the questions whose answers decide what happens in it, and those that do so first."""

    step: Step
    questions: tuple[Question, ...]
    first: tuple[Question, ...]


def overview(knowledge: Knowledge) -> tuple[Route, ...]:
    """The six steps and the answers that decide what happens in each.

    Acute danger comes before every step (112), and the user's own role decides whose tasks are shown, not the
    person's route: neither is a decision within the steps.
    """
    seen = {ACUTE_QUESTION, ROLE_QUESTION}
    routes = []
    for step in knowledge.steps:
        read = dict.fromkeys(q for a in step.actions for q in questions_in(a.when))
        ordered = [q.id for q in knowledge.questions if q.id in read and q.id not in (ACUTE_QUESTION, ROLE_QUESTION)]
        first = [q for q in ordered if q not in seen]
        seen.update(first)
        routes.append(Route(step, tuple(map(knowledge.question, ordered)), tuple(map(knowledge.question, first))))
    return tuple(routes)


class Hit(Record):
    where: str
    text: str


def search(knowledge: Knowledge, typed: str) -> tuple[Hit, ...]:
    """Every place the term occurs, forgiving of case and diacritics."""
    term = fold(typed[:MAX_INPUT])
    if len(term) < 2:
        raise UsageError("Sökordet behöver minst två tecken.")
    hits: list[Hit] = []

    def look(where: str, text: str) -> None:
        if term in fold(text):
            hits.append(Hit(where, text))

    for actor in knowledge.actors:
        look(f"Aktör: {actor.name}", " · ".join([actor.name, *actor.aliases]))
        look(f"Aktör: {actor.name} – roll", actor.summary)
        for fact in actor.about:
            look(f"Aktör: {actor.name} – om", fact.text)
        for duty in actor.responsibilities:
            look(f"Aktör: {actor.name} – uppgift", duty.text)
        for how in actor.contact.how:
            look(f"Aktör: {actor.name} – kontakt", how.text)
    for step in knowledge.steps:
        look(f"Steg {step.number}. {step.name}", step.summary)
    for law in knowledge.laws:
        for text in (*law.texts, *law.notes):
            look(f"Lag: {law.name} ({law.reference})", text.text)
    for question in knowledge.questions:
        look(f"Fråga: {question.short}", f"{question.text} {question.help}")
    return tuple(hits)


def find_law(knowledge: Knowledge, typed: str) -> Law:
    """A law of the sources by id, name or a word that begins its name ("koppleri", "köp"); UsageError otherwise.

    An offence renamed since the sources is found by its former name too ("köp av sexuell tjänst").
    """
    probe = fold(typed[:MAX_INPUT])
    exact = [law for law in knowledge.laws
             if probe in (fold(law.id), fold(law.name), *(fold(n) for n in law.former_names))]
    starts = [law for law in knowledge.laws
              if probe and any(fold(n).startswith(probe) for n in (law.name, *law.former_names))]
    if exact or len(starts) == 1:
        return (exact or starts)[0]
    # "köp" folds to "kop", which begins "koppleri" too: as typed, with its ö, it begins only one name
    said = " ".join(typed[:MAX_INPUT].split()).casefold()
    as_typed = [law for law in starts if any(n.casefold().startswith(said) for n in (law.name, *law.former_names))]
    if said != fold(said) and len(as_typed) == 1:  # only where a letter's accent told them apart
        return as_typed[0]
    names = {fold(law.name): law.name for law in knowledge.laws}
    close = [law.name for law in starts] or [
        names[c] for c in (difflib.get_close_matches(probe, list(names), n=3, cutoff=0.6) if probe else [])]
    everything = ", ".join(law.name for law in knowledge.laws)
    hint = f"Menade du {' eller '.join(close)}?" if close else f"Välj bland: {everything}."
    raise UsageError(f"Okänd lag '{shown(typed)}'. {hint}")


def find_scenario(scenarios: tuple[Scenario, ...], typed: str) -> Scenario:
    """A teaching case by id or title, forgiving of case and diacritics."""
    probe = fold(typed[:MAX_INPUT])
    for scenario in scenarios:
        if probe in (fold(scenario.id), fold(scenario.title)):
            return scenario
    names = {fold(s.id): s.id for s in scenarios}
    close = difflib.get_close_matches(probe, list(names), n=3, cutoff=0.5) if probe else []
    hint = f" Menade du {' eller '.join(names[c] for c in close)}?" if close else ""
    raise UsageError(f"Okänt fall '{shown(typed)}'.{hint} Se 'mhstod scenario list'.")
