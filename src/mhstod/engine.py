"""Answers → Checklist: plain Python over plain data; never prompts, never prints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from mhstod import freshness
from mhstod.answers import Answers
from mhstod.conditions import Answer, Condition, Truth, evaluate
from mhstod.lookup import confirm_note, inferred_notes, support_line
from mhstod.model import Coordinator, Document, Knowledge, Number, Region, Source, Sourced, Web
from mhstod.places import Place
from mhstod.words import focus

COORDINATORS = "regionkoordinatorerna"


@dataclass(frozen=True, slots=True)
class Item:
    """One line of the checklist; `verify` when a "Vet inte" answer is why it is shown."""

    text: str
    source: Source
    actor: str = ""
    actor_name: str = ""
    for_whom: str = "any"
    placement: str = ""
    number: Number | None = None
    verify: bool = False


@dataclass(frozen=True, slots=True)
class StepView:
    number: int
    name: str
    timing: str
    summary: str
    source: Source
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class ContactView:
    """Someone to contact, and how, as the sources say; `as_of` for named people."""

    name: str
    why: str
    source: Source
    actor: str = ""
    focus: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    how: tuple[Sourced, ...] = ()
    web: tuple[Web, ...] = ()
    as_of: str = ""
    stale: bool = False
    verify: bool = False
    local: str = ""


@dataclass(frozen=True, slots=True)
class AnswerView:
    question: str
    text: str
    value: Answer
    label: str


@dataclass(frozen=True, slots=True)
class Checklist:
    answers: tuple[AnswerView, ...]
    place: Place | None
    region: Region | None
    role: str
    now: tuple[Item, ...]
    support_line: Number
    your_tasks: tuple[Item, ...]
    steps: tuple[StepView, ...]
    contacts: tuple[ContactView, ...]
    to_verify: tuple[str, ...]
    notes: tuple[str, ...]
    documents: tuple[Document, ...]
    elsewhere: tuple[str, ...]
    as_of: str
    today: date


def build_checklist(knowledge: Knowledge, answers: Answers, today: date | None = None) -> Checklist:
    """The whole checklist for one case; every renderer is a function of this value alone."""
    today = today or freshness.today()
    rules = answers.for_rules(knowledge)
    unknowns = knowledge.unknowns
    actor_names = {a.id: a.name for a in knowledge.actors}
    role = str(answers.values.get("role", "other"))
    region = knowledge.region(answers.place.place.county.region) if answers.place else None

    now = tuple(Item(r.text, r.source, number=knowledge.number(r.number) if r.number else None, verify=v)
                for r, v in _applying(knowledge.now, rules, unknowns))
    steps = []
    for step in knowledge.steps:
        items = tuple(Item(a.text, a.source, a.actor, actor_names[a.actor], a.for_whom, a.placement, verify=v)
                      for a, v in _applying(step.actions, rules, unknowns))
        if items:
            steps.append(StepView(step.number, step.name, step.timing, step.summary, step.source, items))
    own_actor = knowledge.role_actor(role)
    your_tasks = tuple(Item(r.text, r.source, verify=v) for r, v in _applying(knowledge.tasks, rules, unknowns))
    your_tasks += tuple(item for s in steps for item in s.items if own_actor and item.actor == own_actor)

    contacts = _contacts(knowledge, answers, rules, region, today)
    every_item = [*now, *your_tasks, *(i for s in steps for i in s.items)]
    sources = [i.source for i in every_item] + [c.source for c in contacts]
    return Checklist(
        answers=_answer_views(knowledge, answers),
        place=answers.place.place if answers.place else None,
        region=region,
        role=role,
        now=tuple(sorted(now, key=lambda i: i.number is None or i.number.id != "nodnummer")),
        support_line=support_line(knowledge),
        your_tasks=your_tasks,
        steps=tuple(steps),
        contacts=contacts,
        to_verify=_to_verify(knowledge, answers),
        notes=_notes(knowledge, answers, region),
        documents=tuple(d for d in knowledge.documents if any(s.doc == d.id for s in sources)),
        elsewhere=tuple(dict.fromkeys(s.elsewhere for s in sources if s.elsewhere)),
        as_of=knowledge.regions_as_of,
        today=today,
    )


class _HasWhen(Protocol):
    @property
    def when(self) -> Condition: ...


T = TypeVar("T", bound=_HasWhen)


def _applying(rules: Iterable[T], answers: Mapping[str, Answer], unknowns: Mapping[str, str]
              ) -> Iterable[tuple[T, bool]]:
    for rule in rules:
        truth = evaluate(rule.when, answers, unknowns)
        if truth is not Truth.NO:
            yield rule, truth is Truth.MAYBE


def _fitting(region: Region, age: Answer, purposes: Answer) -> tuple[tuple[Coordinator, ...], bool]:
    """The region's coordinators who fit the case; True when an unknown answer left the choice open."""
    chosen = (purposes,) if isinstance(purposes, str) else purposes
    kinds = {"sexual" if p == "sexual" else "other" for p in chosen if p not in ("unknown",)}
    open_choice = "unknown" in chosen or not chosen
    if open_choice:
        kinds = {"sexual", "other"}
    fitting = tuple(c for c in region.coordinators
                    if c.age in ("any", age) and (c.purpose == "any" or c.purpose in kinds))
    return fitting or region.coordinators, open_choice and any(c.purpose != "any" for c in region.coordinators)


def _contacts(knowledge: Knowledge, answers: Answers, rules: Mapping[str, Answer], region: Region | None,
              today: date) -> tuple[ContactView, ...]:
    contacts: list[ContactView] = []
    for rule, verify in _applying(knowledge.contact_rules, rules, knowledge.unknowns):
        if rule.actor == COORDINATORS:
            contacts += _coordinator_contacts(knowledge, rules, region, today)
            continue
        actor = knowledge.actor(rule.actor)
        name = actor.name
        if rule.actor == "socialtjansten" and answers.place is not None:
            place = answers.place.place
            name += f" i {place.municipality.name if place.municipality else place.county.name}"
        contacts.append(ContactView(
            name=name, why=rule.why, source=rule.source, actor=actor.id,
            numbers=tuple(knowledge.number(n) for n in actor.contact.numbers), how=actor.contact.how,
            web=actor.contact.web, verify=verify, local=knowledge.local_file("actors", actor.id)))
    return tuple(contacts)


def _coordinator_contacts(knowledge: Knowledge, rules: Mapping[str, Answer], region: Region | None,
                          today: date) -> list[ContactView]:
    """The region's coordinators who fit the case, or the support line where there are none; then the line."""
    line = support_line(knowledge)
    contacts = []
    if region is not None and region.coordinators:
        coordinators, open_choice = _fitting(region, rules.get("age", "child"), rules.get("purpose", ("unknown",)))
        for c in coordinators:
            contacts.append(ContactView(
                name=c.name, why=f"Regionkoordinator i {region.name}.", source=c.source, actor=COORDINATORS,
                focus=focus(c), phones=c.phones, emails=c.emails, as_of=c.as_of,
                stale=freshness.is_stale(c.as_of, today), verify=open_choice,
                local=knowledge.local_file("regions", region.id)))
    elif region is not None and region.no_coordinator is not None:
        contacts.append(ContactView(name=f"Regionkoordinator i {region.name}", why=region.no_coordinator.text,
                                    source=region.no_coordinator.source, actor=COORDINATORS, numbers=(line,)))
    else:
        contacts.append(ContactView(
            name="Regionkoordinator", why="Var personen befinner sig är inte känt: stödtelefonen hänvisar till "
            "regionkoordinatorn i rätt region.", source=line.source, actor=COORDINATORS, numbers=(line,),
            verify=True))
    contacts.append(ContactView(name=line.name, why=line.use, source=line.source, numbers=(line,),
                                local=knowledge.local_file("numbers", line.id)))
    return contacts


def _answer_views(knowledge: Knowledge, answers: Answers) -> tuple[AnswerView, ...]:
    views = []
    for question in knowledge.questions:
        if question.id not in answers.values:
            continue
        value = answers.values[question.id]
        if question.type == "place" and answers.place is not None:
            label = answers.place.place.label
        elif isinstance(value, tuple):
            label = ", ".join(question.label(v) for v in value)
        else:
            label = question.label(value)
        views.append(AnswerView(question.id, question.text, value, label))
    return tuple(views)


def _to_verify(knowledge: Knowledge, answers: Answers) -> tuple[str, ...]:
    out = []
    for question in knowledge.questions:
        value = answers.values.get(question.id)
        chosen = (value,) if isinstance(value, str) else value or ()
        if question.unknown and question.unknown in chosen:
            out.append(question.verify)
    return tuple(out)


def _notes(knowledge: Knowledge, answers: Answers, region: Region | None) -> tuple[str, ...]:
    notes = []
    if answers.values.get("age") == knowledge.question("age").unknown:
        notes.append("Åldern är okänd: personen behandlas som barn tills annat är klarlagt (presumtion om "
                     "minderårighet). Där regionens koordinatorer delar upp ärenden efter ålder visas den för barn "
                     "och unga.")
    if answers.place is not None:
        notes.extend(answers.place.remarks())
    if region is not None:
        notes.extend(inferred_notes(knowledge, region))
    notes.append(confirm_note(knowledge))
    return tuple(notes)
