"""Looking things up between cases: actors by forgiving name, the process's decision points, search."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mhstod.conditions import ALWAYS, All, AnyOf, Condition, Is, Known, Maybe, Named
from mhstod.errors import UsageError
from mhstod.model import Action, Actor, Knowledge, Scenario
from mhstod.places import MAX_INPUT, fold, shown

KIND_LABELS = {
    "myndighet": "Statlig myndighet", "kommunal": "Kommunal verksamhet", "region": "Region (hälso- och sjukvård)",
    "civilsamhalle": "Civilsamhället", "internationell": "Internationell organisation", "natverk": "Nätverk",
    "regeringskansliet": "Regeringskansliet", "domstol": "Domstol", "funktion": "Funktion inom socialtjänsten",
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


def describe(condition: Condition, knowledge: Knowledge, nested: bool = False) -> str:
    """A condition in Swedish, for trainers: 'ålder: barn (under 18 år) och hemland: ett annat EU-land'."""
    if isinstance(condition, Is):
        question = knowledge.question(condition.question)
        labels = " eller ".join(_in_running_text(question.label(v)) for v in question.values if v in condition.values)
        return f"{_in_running_text(question.short)}: {labels}"
    if isinstance(condition, All):
        if not condition.parts:
            return "alltid"
        return " och ".join(describe(p, knowledge, nested=True) for p in condition.parts)
    if isinstance(condition, AnyOf):
        either = " eller ".join(describe(p, knowledge, nested=True) for p in condition.parts)
        return f"({either})" if nested else either
    if isinstance(condition, Named):
        return condition.text
    if isinstance(condition, Maybe):
        return f"att kontrollera om {describe(condition.part, knowledge)}"
    if isinstance(condition, Known):
        return describe(condition.part, knowledge, nested)
    return f"inte ({describe(condition.part, knowledge)})"


def _in_running_text(label: str) -> str:
    """A label as it reads inside a sentence: 'Barn' → 'barn', but 'EU-land' and 'UD' keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


@dataclass(frozen=True, slots=True)
class Decision:
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


@dataclass(frozen=True, slots=True)
class Hit:
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
        look(f"Fråga: {question.id}", f"{question.text} {question.help}")
    return tuple(hits)


def find_scenario(knowledge: Knowledge, typed: str) -> Scenario:
    """A teaching case by id or title, forgiving of case and diacritics."""
    from mhstod.load.scenarios import scenarios_for

    probe = fold(typed[:MAX_INPUT])
    for scenario in scenarios_for(knowledge):
        if probe in (fold(scenario.id), fold(scenario.title)):
            return scenario
    names = {fold(s.id): s.id for s in scenarios_for(knowledge)}
    close = difflib.get_close_matches(probe, list(names), n=3, cutoff=0.5) if probe else []
    hint = f" Menade du {' eller '.join(names[c] for c in close)}?" if close else ""
    raise UsageError(f"Okänt fall '{shown(typed)}'.{hint} Se 'mhstod scenario list'.")
