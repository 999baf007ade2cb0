"""Answers → Checklist: plain Python over plain data; never prompts, never prints.

The checklist puts first what the user does now (at most NOW_LIMIT items, most urgent first), then the rest of
the user's own tasks, whom to contact, what to check, and what the other actors do. Nothing is said twice:
a task that restates a step action keeps that action out of "Vem gör vad"; the steps themselves, with every
duty as the sources word it, stay whole for the full view and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Protocol, TypeVar

from mhstod import dates, freshness
from mhstod.answers import Answers
from mhstod.checklist import (
    ActorDuties,
    AfterHours,
    AnswerView,
    Checklist,
    ConsultationView,
    ContactView,
    Item,
    StepView,
)
from mhstod.conditions import Answer, Condition, Truth, evaluate
from mhstod.lookups import data_note, inferred_notes
from mhstod.model import (
    AGE_QUESTION,
    PLACE_QUESTION,
    PURPOSE_QUESTION,
    ROLE_QUESTION,
    Action,
    Actor,
    ContactRule,
    Coordinator,
    Knowledge,
    Region,
    Source,
    Sourced,
    Task,
)
from mhstod.places import Place
from mhstod.rules import is_relevant
from mhstod.text import COORDINATOR, COORDINATOR_UNPLACED, WHERE_THE_PERSON_IS, age_note, coordinators_in, focus

NOW_LIMIT = 5


def build_checklist(knowledge: Knowledge, answers: Answers, today: date | None = None,
                    counted_from: dates.CaseDays | None = None, moment: datetime | None = None) -> Checklist:
    """The whole checklist for one case; every renderer is a function of this value alone.

    `counted_from`: the days the deadlines run from (the event each names: the report, the decision), which
    turn each deadline with a period whose event has a day into a date (dates.py); None leaves them relative.
    """
    today = today or freshness.today()
    moment = moment or freshness.now()  # the time in Sweden: who answers now (office hours)
    rules = answers.for_rules(knowledge)
    role_question = knowledge.question(ROLE_QUESTION)
    role = str(answers.values.get(ROLE_QUESTION, role_question.fallback))
    region = knowledge.region(answers.place.place.county.region) if answers.place else None

    steps = _steps(knowledge, rules)
    sure: list[tuple[Task, Item]] = []
    open_: list[Item] = []
    for task, verify in _applying((t for t in knowledge.tasks if not t.roles or role in t.roles), rules,
                                  knowledge.unknowns):
        item = _task_item(knowledge, task, verify, counted_from)
        if verify:
            open_.append(item)
        else:
            sure.append((task, item))
    urgent = sorted(((t, i) for t, i in sure if t.urgency), key=lambda pair: pair[0].urgency)
    now = tuple(i for _, i in urgent[:NOW_LIMIT])
    later = sorted((i for t, i in sure if not t.urgency), key=lambda i: i.info)  # what to do, then what to know
    your_tasks = tuple(i for _, i in urgent[NOW_LIMIT:]) + tuple(later)
    shown = (*now, *your_tasks, *open_)
    restated = {a for i in shown for a in i.restates}
    others = _others(steps, knowledge.role_actor(role), restated)
    place = answers.place.place if answers.place else None
    age_unknown = answers.values.get(AGE_QUESTION) == knowledge.question(AGE_QUESTION).unknown
    contacts = _contacts(knowledge, rules, place, region, today, age_unknown)
    to_verify = (*_question_checks(knowledge, answers), *open_)

    dated = counted_from is not None and any(i.date is not None for i in shown)
    undated_by_name = _undated_by_name(knowledge, (*now, *your_tasks)) if counted_from is not None else ()
    counting = knowledge.counting if dated else ()
    consultation = _consultation(knowledge, answers, rules, region, role_question.label(role))
    sources = _cited((*shown, *to_verify, *(i for s in steps for i in s.items)), contacts, steps, place)
    sources += [rule.source for rule in counting]
    if consultation is not None:
        sources += [consultation.privacy.source, *(q.source for q in consultation.questions)]
    return Checklist(
        answers=_answer_views(knowledge, answers),
        place=place,
        region=region,
        role=role,
        role_label=role_question.label(role),
        now=now,
        your_tasks=your_tasks,
        to_verify=tuple(to_verify),
        contacts=contacts,
        others=others,
        steps=steps,
        notes=_notes(knowledge, region, place, contacts, today),
        documents=tuple(d for d in knowledge.documents if any(s.doc == d.id for s in sources)),
        elsewhere=tuple(dict.fromkeys(s.elsewhere or s.internal for s in sources if s.from_elsewhere)),
        as_of=knowledge.regions_as_of,
        reviewed=knowledge.reviewed,
        today=today,
        remarks=answers.place.remarks() if answers.place else (),
        counted_from=counted_from,
        counting=counting,
        consultation=consultation,
        undated_by_name=undated_by_name,
        pages_seen=knowledge.pages_seen,
        after_hours=_after_hours(knowledge, moment, rules),
    )


def _after_hours(knowledge: Knowledge, now: datetime, rules: Mapping[str, Answer]) -> AfterHours | None:
    """Where `now` is outside the coordinators' and the support line's hours: when they are reached next.

    The police are named for urgent matters only where no adult's choice stands against it: an adult who has
    not said yes to the police decides (001 7.1), after hours too.
    """
    hours = knowledge.coordinator_hours
    if hours is None or not hours.opens:
        return None
    reopens = dates.next_opening(now, hours.opens, hours.closes)
    if reopens is None:
        return None
    adult_undecided = rules.get(AGE_QUESTION) == "adult" and rules.get("police") != "yes"
    return AfterHours(at=now, reopens=reopens, hours=hours, police=not adult_undecided)


def _undated_by_name(knowledge: Knowledge, items: tuple[Item, ...]) -> tuple[tuple[str, str], ...]:
    """The events dated by name only (the decision on betänketid) whose deadlines here got no day: (id, label)."""
    waiting = {i.due.event for i in items if i.due is not None and i.due.period is not None and i.date is None}
    return tuple((e.id, e.label) for e in knowledge.events if e.by_name and e.id in waiting)


def _cited(items: tuple[Item, ...], contacts: tuple[ContactView, ...], steps: tuple[StepView, ...],
           place: Place | None) -> list[Source]:
    """Every source the checklist can cite, so that its list of documents resolves each of them."""
    found = [s for i in items for s in i.sources] + [c.source for c in contacts]
    found += [i.due.source for i in items if i.due is not None]
    found += [a.source for i in items for a in i.restates] + [s.source for s in steps]
    found += [h.source for c in contacts for h in c.how] + [w.source for c in contacts for w in c.web]
    found += [c.hours.source for c in contacts if c.hours is not None]
    numbers = [i.number for i in items if i.number is not None] + [n for c in contacts for n in c.numbers]
    found += [s for n in numbers for s in (n.source, n.hours_source) if s is not None]
    return found + ([place.county.region_source] if place is not None else [])


class _HasWhen(Protocol):
    @property
    def when(self) -> Condition: ...


T = TypeVar("T", bound=_HasWhen)


def _applying(rules: Iterable[T], answers: Mapping[str, Answer], unknowns: Mapping[str, str]
              ) -> Iterable[tuple[T, bool]]:
    """The rules that hold (False) or might hold under an unknown answer (True)."""
    for rule in rules:
        truth = evaluate(rule.when, answers, unknowns)
        if truth is not Truth.NO:
            yield rule, truth is Truth.MAYBE


def _task_item(knowledge: Knowledge, task: Task, verify: bool, counted_from: dates.CaseDays | None) -> Item:
    text = (task.check or task.text) if verify else task.text
    deadline = knowledge.deadline(task.due) if task.due else None
    dated = None
    event = next((e for e in knowledge.events if deadline is not None and e.id == deadline.event), None)
    start = None
    if counted_from is not None and deadline is not None:
        start = counted_from.of(deadline.event, by_name=event is not None and event.by_name)
    # A check is not yet a task: it says its deadline, but gets no date (it is not among the case's deadlines).
    if deadline is not None and deadline.period is not None and start is not None and not verify:
        dated = dates.due(start, *deadline.period, next_weekday_rule=deadline.next_weekday,
                          event=event.label if event is not None else deadline.start, ends=bool(deadline.ends))
    return Item(id=task.id, text=text, sources=task.sources, verify=verify, restates=task.restates, info=task.info,
                number=knowledge.number(task.number) if task.number else None, due=deadline, date=dated)


def _action_item(action: Action, name: str, verify: bool, short: bool = False) -> Item:
    return Item(id=action.id, text=action.short if short else action.text, sources=(action.source,),
                actor=action.actor, actor_name=name, for_whom=action.for_whom, placement=action.placement,
                verify=verify, restates=(action,))


def _steps(knowledge: Knowledge, rules: Mapping[str, Answer]) -> tuple[StepView, ...]:
    names = {a.id: a.name for a in knowledge.actors}
    steps = []
    for step in knowledge.steps:
        items = tuple(_action_item(a, names[a.actor], v) for a, v in _applying(step.actions, rules, knowledge.unknowns))
        if items:
            steps.append(StepView(step.number, step.name, step.timing, step.summary, step.source, items))
    return tuple(steps)


def _others(steps: tuple[StepView, ...], own_actor: str, restated: set[Action]) -> tuple[ActorDuties, ...]:
    """Each other actor's duties in this case as short phrases, once each, in the order of the steps.

    An actor whose only part here is identification (step 1: Arbetsmiljöverket finds victims at inspections)
    comes last: the user already suspects trafficking, and what follows matters more.
    """
    by_actor: dict[str, dict[str, Item]] = {}
    names: dict[str, str] = {}
    acts_after_identification: set[str] = set()
    for step in steps:
        for item in step.items:
            action = item.restates[0]
            if action.actor == own_actor or not action.short or action in restated:
                continue
            names[action.actor] = item.actor_name
            if step.number > 1:
                acts_after_identification.add(action.actor)
            phrases = by_actor.setdefault(action.actor, {})
            seen = phrases.get(action.short)
            if seen is None:
                phrases[action.short] = _action_item(action, item.actor_name, item.verify, short=True)
            else:  # the same phrase for two duties: one line, both sources and wordings
                phrases[action.short] = Item(
                    id=seen.id, text=seen.text, sources=tuple(dict.fromkeys((*seen.sources, action.source))),
                    actor=seen.actor, actor_name=seen.actor_name, for_whom=seen.for_whom, placement=seen.placement,
                    verify=seen.verify and item.verify, restates=(*seen.restates, action))
    order = sorted(by_actor, key=lambda actor: actor not in acts_after_identification)
    return tuple(ActorDuties(actor, names[actor], tuple(by_actor[actor].values()),
                             only_identifies=actor not in acts_after_identification) for actor in order)


def _fitting(region: Region, age: Answer, purposes: Answer, unknown: str,
             age_unknown: bool = False) -> tuple[tuple[Coordinator, ...], bool]:
    """The region's coordinators who fit the case; True when an unknown answer left the choice open.

    `age_unknown`: the age was answered "Vet inte". The person is treated as a child, but may not be one: the
    coordinators for children and for adults are both shown (Stockholm has one of each).
    """
    chosen = (purposes,) if isinstance(purposes, str) else purposes
    kinds = {"sexual" if p == "sexual" else "other" for p in chosen if p != unknown}
    open_purpose = unknown in chosen or not chosen
    if open_purpose:
        kinds = {"sexual", "other"}
    ages = {"any", "child", "adult"} if age_unknown else {"any", str(age)}
    fitting = tuple(sorted((c for c in region.coordinators
                            if c.age in ages and (c.purpose == "any" or c.purpose in kinds)),
                           key=lambda c: c.age not in ("any", age)))  # the presumed age's first
    open_choice = (open_purpose and any(c.purpose != "any" for c in region.coordinators)) or (
        age_unknown and any(c.age != "any" for c in region.coordinators))
    return fitting or region.coordinators, open_choice


def _contacts(knowledge: Knowledge, rules: Mapping[str, Answer], place: Place | None, region: Region | None,
              today: date, age_unknown: bool = False) -> tuple[ContactView, ...]:
    contacts: list[ContactView] = []
    for rule, verify in _applying(knowledge.contact_rules, rules, knowledge.unknowns):
        if rule.number:
            number = knowledge.number(rule.number)
            contacts.append(ContactView(name=number.name, why=rule.why, source=rule.source, kind="line",
                                        numbers=(number,), local=number.local,
                                        verify=verify))
        elif rule.actor == knowledge.coordinators_actor:  # the region's people, not the actor's own contact
            contacts += _coordinator_contacts(knowledge, rules, region, today, age_unknown)
        else:
            contacts += _actor_contact(knowledge, knowledge.actor(rule.actor), rule, place, region, verify)
    return tuple(contacts)


def _actor_contact(knowledge: Knowledge, actor: Actor, rule: ContactRule, place: Place | None,
                   region: Region | None, verify: bool) -> list[ContactView]:
    """An actor as a contact; one with offices only where the person's region has one (all, to check, if unknown).

    A municipal service without offices of its own is the one in the person's municipality.
    """
    name = actor.name
    if actor.locations is not None:
        places = actor.locations.places
        if region is not None:
            places = tuple(p for p in places if _region_of(knowledge, p) == region.id)
            if not places:
                return []
        else:
            verify = True
        name += f" ({', '.join(places)})"
    elif actor.kind == "kommunal":  # in brackets: "i Malmö" but "på Gotland", and no preposition fits all
        name += f" ({place.municipality.name})" if place and place.municipality else WHERE_THE_PERSON_IS
    return [ContactView(
        name=name, why=rule.why, source=rule.source, actor=actor.id,
        numbers=tuple(knowledge.number(n) for n in actor.contact.numbers), how=actor.contact.how,
        web=actor.contact.web, verify=verify, local=knowledge.local_file("actors", actor.id))]


def _region_of(knowledge: Knowledge, municipality: str) -> str:
    county = next(m.county for m in knowledge.municipalities if m.name == municipality)
    return knowledge.county(county).region


def _coordinator_contacts(knowledge: Knowledge, rules: Mapping[str, Answer], region: Region | None,
                          today: date, age_unknown: bool = False) -> list[ContactView]:
    """The region's own lines, its coordinators who fit the case, and where none is named, how to reach them.

    The region's lines come first: they are newer than the brochure's names.
    """
    if region is None:
        name, why = COORDINATOR_UNPLACED
        return [ContactView(name=name, why=why, source=knowledge.support_line.source, kind="note",
                            actor=knowledge.coordinators_actor, verify=True)]
    local = knowledge.local_file("regions", region.id)
    contacts = []
    unknown = knowledge.question(PURPOSE_QUESTION).unknown
    coordinators, open_choice = _fitting(region, rules.get(AGE_QUESTION, "child"),
                                         rules.get(PURPOSE_QUESTION, (unknown,)), unknown, age_unknown)
    actor = knowledge.coordinators_actor
    for n in region.numbers:
        contacts.append(ContactView(
            name=n.name, why=n.use, source=n.source, kind="line", actor=actor, numbers=(n,), as_of=n.as_of,
            stale=freshness.is_stale(n.as_of, today), age=age_note(n.as_of, n.seen, today), local=local))
    for c in coordinators:
        contacts.append(ContactView(
            name=c.name, why=COORDINATOR, source=c.source, kind="person", actor=actor,
            focus=focus(c), phones=c.phones, emails=c.emails, as_of=c.as_of,
            stale=freshness.is_stale(c.as_of, today), age=age_note(c.as_of, "", today),
            verify=open_choice, local=local, hours=knowledge.coordinator_hours))
    if not coordinators and region.no_coordinator is not None:
        note = region.no_coordinator
        listed = {r.number for r in knowledge.contact_rules if r.number}  # a national line is a contact of its own
        number = (knowledge.number(region.contact_number),) if region.contact_number not in listed else ()
        contacts.append(ContactView(
            name=coordinators_in(region.name), why=note.text, source=note.source, kind="note",
            actor=actor, numbers=number,
            as_of=note.as_of, stale=freshness.is_stale(note.as_of, today),
            age=age_note(note.as_of, "", today), local=local))
    return contacts


CONSULTATION_QUESTIONS = 3  # "the three questions the checklist leaves open" for the call
# How a presumed answer is said (data/process.yaml, presumptions): the rule, not a fact about the person.
PRESUMED = {AGE_QUESTION: "räknas som barn: presumtion om minderårighet"}


def _consultation(knowledge: Knowledge, answers: Answers, rules: Mapping[str, Answer], region: Region | None,
                  caller: str) -> ConsultationView | None:
    """The summary for a call for advice: the answers in general terms, what is unknown, three questions.

    The place is said as its county and region only; nothing the answers do not hold is added.
    """
    consultation = knowledge.consultation
    if consultation is None:
        return None
    presumed = dict(knowledge.presumptions)
    situation, unclear = [], []
    for question in knowledge.questions:
        if question.id in (ROLE_QUESTION, PLACE_QUESTION) or question.id not in answers.values:
            continue
        if not is_relevant(knowledge, question, rules):  # an answer the others make moot is no part of the case
            continue
        value = answers.values[question.id]
        chosen = (value,) if isinstance(value, str) else value
        label = answers.label(question)
        if question.unknown and question.unknown in chosen:
            counted = presumed.get(question.id)
            presumed_as = PRESUMED.get(question.id, f"räknas som {question.label(counted or '').lower()}")
            unclear.append(f"{question.short}: {label}" + (f" ({presumed_as})" if counted else ""))
        else:
            situation.append((question.short, label))
    place = answers.place.place if answers.place else None
    where = f"{place.county.name}, {region.name}" if place is not None and region is not None else "okänd"
    if place is None:
        unclear.insert(0, "Var personen befinner sig")
    holding = list(_applying(consultation.questions, rules, knowledge.unknowns))
    chosen_questions = [q for q, maybe in holding if not maybe] + [q for q, maybe in holding if maybe]
    return ConsultationView(
        caller=caller, place=where, situation=tuple(situation), unclear=tuple(unclear),
        questions=tuple(Sourced(q.text, q.source) for q in chosen_questions[:CONSULTATION_QUESTIONS]),
        privacy=consultation.privacy)


def _answer_views(knowledge: Knowledge, answers: Answers) -> tuple[AnswerView, ...]:
    return tuple(AnswerView(q.id, q.short, q.text, answers.values[q.id], answers.label(q))
                 for q in knowledge.questions if q.id in answers.values)


def _question_checks(knowledge: Knowledge, answers: Answers) -> list[Item]:
    """What to find out, for each question answered "Vet inte" that says what (the age: and why)."""
    out = []
    for question in knowledge.questions:
        value = answers.values.get(question.id)
        chosen = (value,) if isinstance(value, str) else value or ()
        if question.verify and question.verify_source and question.unknown in chosen:
            out.append(Item(id=f"fraga-{question.id}", text=question.verify, sources=(question.verify_source,),
                            verify=True))
    return out


def _notes(knowledge: Knowledge, region: Region | None, place: Place | None, contacts: tuple[ContactView, ...],
           today: date) -> tuple[str, ...]:
    county = place.county.code if place is not None else None
    notes = list(inferred_notes(knowledge, region, county)) if region is not None else []
    notes.append(data_note(knowledge, (c.as_of for c in contacts), today))
    return tuple(notes)
