"""The guide's part of the data: questions, rules, steps and contacts from process.yaml, checked against the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mhstod.conditions import ALWAYS, All, AnyOf, Condition, Is, Not
from mhstod.model import (
    QUESTION_TYPES,
    Action,
    Actor,
    Choice,
    ContactRule,
    Number,
    Question,
    Rule,
    Step,
)
from mhstod.schema import Node, opt_text, read_source, unique_ids


@dataclass(frozen=True, slots=True)
class Process:
    questions: tuple[Question, ...]
    roles: tuple[tuple[str, str], ...]
    now: tuple[Rule, ...]
    tasks: tuple[Rule, ...]
    steps: tuple[Step, ...]
    contact_rules: tuple[ContactRule, ...]


def read_process(top: dict[str, Node], docs: frozenset[str], actors: tuple[Actor, ...], numbers: tuple[Number, ...]
                 ) -> Process:
    questions = _questions(top["questions"])
    by_id = {q.id: q for q in questions}
    actor_by_id = {a.id: a for a in actors}
    number_ids = {n.id for n in numbers}

    roles = []
    role_question = by_id.get("role")
    for role, actor_node in top["roles"].mapping(set(), set(role_question.values) if role_question else set()).items():
        actor_id = actor_node.ident()
        if actor_id not in actor_by_id:
            raise actor_node.error(f"okänd aktör '{actor_id}'")
        roles.append((role, actor_id))

    def rules(node: Node) -> tuple[Rule, ...]:
        out = []
        for item in node.items():
            f = item.mapping({"id", "text", "source"}, {"when", "number"})
            number = f["number"].ident() if "number" in f else ""
            if number and number not in number_ids:
                raise f["number"].error(f"okänt nummer '{number}'")
            out.append(Rule(id=f["id"].ident(), text=f["text"].text(), source=read_source(f["source"], docs),
                            when=_when(f, by_id), number=number))
        unique_ids([(r.id, n) for r, n in zip(out, node.items(), strict=True)], "punkten")
        return tuple(out)

    steps = []
    step_nodes = list(top["steps"].items())
    for expected, node in enumerate(step_nodes, start=1):
        f = node.mapping({"number", "id", "name", "timing", "summary", "source", "actions"})
        number = f["number"].integer()
        if number != expected:
            raise f["number"].error(f"steget har nummer {number}, väntade {expected} (stegen står i ordning)")
        actions = tuple(_action(a, docs, actor_by_id, by_id) for a in f["actions"].items())
        steps.append(Step(number=number, id=f["id"].ident(), name=f["name"].text(),
                          timing=f["timing"].text(empty=True), summary=f["summary"].text(),
                          source=read_source(f["source"], docs), actions=actions))
    unique_ids([(s.id, n) for s, n in zip(steps, step_nodes, strict=True)], "steget")

    contact_rules = []
    for node in top["contacts"].items():
        f = node.mapping({"actor", "why", "source"}, {"when"})
        actor_id = f["actor"].ident()
        if actor_id not in actor_by_id:
            raise f["actor"].error(f"okänd aktör '{actor_id}'")
        contact_rules.append(ContactRule(actor=actor_id, why=f["why"].text(), source=read_source(f["source"], docs),
                                         when=_when(f, by_id)))
    return Process(questions, tuple(roles), rules(top["now"]), rules(top["tasks"]), tuple(steps),
                    tuple(contact_rules))


def _questions(node: Node) -> tuple[Question, ...]:
    questions = []
    nodes = list(node.items())
    for item in nodes:
        f = item.mapping({"id", "short", "text", "help", "type", "choices"}, {"unknown", "verify"})
        choices = []
        for c in f["choices"].items():
            cf = c.mapping({"value", "label"}, {"exclusive"})
            exclusive = cf["exclusive"].boolean() if "exclusive" in cf else False
            choices.append(Choice(cf["value"].text(), cf["label"].text(), exclusive))
        unique_ids([(c.value, n) for c, n in zip(choices, f["choices"].items(), strict=True)], "svaret")
        question = Question(id=f["id"].text(), short=f["short"].text(), text=f["text"].text(), help=f["help"].text(),
                            type=f["type"].choice(QUESTION_TYPES), unknown=opt_text(f, "unknown"),
                            verify=opt_text(f, "verify"), choices=tuple(choices))
        if not re.fullmatch(r"[a-z]+(_[a-z]+)*", question.id):
            raise f["id"].error(f"'{question.id}' är inget giltigt fråge-id (små bokstäver och understreck)")
        if question.unknown and question.unknown not in question.values:
            raise f["unknown"].error(f"'{question.unknown}' är inget av frågans svar ({', '.join(question.values)})")
        if bool(question.unknown) != bool(question.verify):
            raise item.error("'unknown' och 'verify' anges tillsammans: vad som ska kontrolleras när svaret är okänt")
        if len(choices) < 2:
            raise f["choices"].error("en fråga behöver minst två svar")
        questions.append(question)
    unique_ids([(q.id, n) for q, n in zip(questions, nodes, strict=True)], "frågan")
    return tuple(questions)


def _when(fields: dict[str, Node], questions: dict[str, Question]) -> Condition:
    return _condition(fields["when"], questions) if "when" in fields else ALWAYS


def _condition(node: Node, questions: dict[str, Question]) -> Condition:
    """Parse a `when:` and check that it names real questions and values."""
    if not isinstance(node.value, dict) or len(node.value) != 1:
        raise node.error("ett villkor är en mappning med en nyckel: en fråga, 'all', 'any' eller 'not'")
    ((name, _),) = node.value.items()
    inner = node.child(name)
    if name in ("all", "any"):
        parts = tuple(_condition(p, questions) for p in inner.items())
        if not parts:
            raise inner.error(f"'{name}' behöver minst ett villkor")
        return All(parts) if name == "all" else AnyOf(parts)
    if name == "not":
        return Not(_condition(inner, questions))
    if name not in questions:
        raise node.error(f"okänd fråga '{name}' (frågorna: {', '.join(questions)})")
    values = inner.texts()
    if not values:
        raise inner.error("villkoret behöver minst ett svar")
    for index, value in enumerate(values):
        if value not in questions[name].values:
            raise inner.child(index).error(
                f"'{value}' är inget svar på frågan '{name}' ({', '.join(questions[name].values)})")
    return Is(name, frozenset(values))


def _action(node: Node, docs: frozenset[str], actors: dict[str, Actor], questions: dict[str, Question]) -> Action:
    f = node.mapping({"actor", "placement"}, {"duty", "text", "source", "when"})
    actor_id = f["actor"].ident()
    if actor_id not in actors:
        raise f["actor"].error(f"okänd aktör '{actor_id}'")
    when = _when(f, questions)
    placement = f["placement"].text()
    if "duty" in f:
        if "text" in f or "source" in f:
            raise node.error("en handling anger antingen 'duty' eller 'text' med 'source'")
        wanted = _duty_key(f["duty"].text())
        duty = next((r for r in actors[actor_id].responsibilities if _duty_key(r.text) == wanted), None)
        if duty is None:
            raise f["duty"].error(f"aktören '{actor_id}' har ingen sådan uppgift i data/actors.yaml")
        return Action(actor_id, duty.text, duty.for_whom, duty.source, placement, when)
    if "text" not in f or "source" not in f:
        raise node.error("en handling anger antingen 'duty' eller 'text' med 'source'")
    return Action(actor_id, f["text"].text(), "any", read_source(f["source"], docs), placement, when)


def _duty_key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")
