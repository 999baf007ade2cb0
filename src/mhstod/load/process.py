"""The guide's part of the data: questions, tasks, steps and contacts from process.yaml, checked against the rest."""

from __future__ import annotations

import re
from itertools import product

from mhstod.conditions import (
    ALWAYS,
    All,
    AnyOf,
    Condition,
    Is,
    Known,
    Maybe,
    Named,
    Not,
    Truth,
    evaluate,
    questions_in,
)
from mhstod.load.nodes import Node, opt_text, read_source, read_sourced, unique_ids
from mhstod.model import (
    COUNTING_RULES,
    PERIOD_UNITS,
    PLACE_QUESTION,
    QUESTION_TYPES,
    QUESTIONS_READ_BY_CODE,
    ROLE_QUESTION,
    Action,
    Actor,
    Choice,
    Consultation,
    ConsultQuestion,
    ContactRule,
    CountingRule,
    Deadline,
    Event,
    HelpText,
    Number,
    PeriodUnit,
    Question,
    Source,
    Step,
    Task,
)
from mhstod.record import Record, replace

MAX_URGENCY = 5
NAME_RE = re.compile(r"[a-z]+(_[a-z]+)*")  # question ids and names of definitions


class Process(Record):
    questions: tuple[Question, ...]
    roles: tuple[tuple[str, str], ...]
    tasks: tuple[Task, ...]
    deadlines: tuple[Deadline, ...]
    steps: tuple[Step, ...]
    contact_rules: tuple[ContactRule, ...]
    presumptions: tuple[tuple[str, str], ...]
    counting: tuple[CountingRule, ...]
    consultation: Consultation
    events: tuple[Event, ...]


class _Context(Record):
    """What the readers below check names against."""

    docs: frozenset[str]
    actors: dict[str, Actor]
    questions: dict[str, Question]
    definitions: dict[str, Named]
    presumptions: dict[str, str]


def read_process(top: dict[str, Node], docs: frozenset[str], actors: tuple[Actor, ...], numbers: tuple[Number, ...]
                 ) -> Process:
    questions = _questions(top["questions"], docs)
    ctx = _Context(docs, {a.id: a for a in actors}, {q.id: q for q in questions}, {},
                   _presumptions(top["presumptions"], {q.id: q for q in questions}))
    definitions = top["definitions"]
    names = set(definitions.value) if isinstance(definitions.value, dict) else set()
    for name, node in definitions.mapping(set(), names).items():
        f = node.mapping({"text", "when"})
        if not NAME_RE.fullmatch(name):
            raise node.error(f"'{name}' är inget giltigt namn på en definition (små bokstäver och understreck)")
        ctx.definitions[name] = Named(name, f["text"].text(), _condition(f["when"], ctx))
    questions = tuple(replace(q, helps=_helps(n.child("help"), q.id, ctx))
                      for q, n in zip(questions, top["questions"].items(), strict=True))

    roles = []
    for role, actor_node in top["roles"].mapping(set(), set(ctx.questions[ROLE_QUESTION].values)).items():
        actor_id = actor_node.ident()
        if actor_id not in ctx.actors:
            raise actor_node.error(f"okänd aktör '{actor_id}'")
        roles.append((role, actor_id))

    counting = _counting(top["counting"], docs)
    events = _events(top["events"])
    deadlines = _deadlines(top["deadlines"], docs, {e.id for e in events})
    steps = _steps(top["steps"], ctx)
    actions = [a for s in steps for a in s.actions]
    tasks = _tasks(top["tasks"], ctx, dict(roles), {d.id for d in deadlines}, {n.id for n in numbers}, numbers,
                   actions)

    contact_rules = []
    number_ids = {n.id for n in numbers}
    for node in top["contacts"].items():
        f = node.mapping({"why", "source"}, {"actor", "number", "when"})
        if ("actor" in f) == ("number" in f):
            raise node.error("en kontakt anger antingen 'actor' eller 'number'")
        actor_id = f["actor"].ident() if "actor" in f else ""
        number_id = f["number"].ident() if "number" in f else ""
        if actor_id and actor_id not in ctx.actors:
            raise f["actor"].error(f"okänd aktör '{actor_id}'")
        if number_id and number_id not in number_ids:
            raise f["number"].error(f"okänt nummer '{number_id}'")
        contact_rules.append(ContactRule(why=f["why"].text(), source=read_source(f["source"], docs), actor=actor_id,
                                         number=number_id, when=_when(f, ctx)))
    return Process(questions, tuple(roles), tasks, deadlines, steps, tuple(contact_rules),
                   tuple(ctx.presumptions.items()), counting, _consultation(top["consultation"], ctx), events)


def _presumptions(node: Node, questions: dict[str, Question]) -> dict[str, str]:
    """An unknown answer that is replaced before any rule reads it: {question: value}."""
    found = {}
    for question_id, value_node in node.mapping(set(), set(questions)).items():
        question = questions[question_id]
        value = value_node.text()
        if not question.unknown:
            raise value_node.error(f"frågan '{question_id}' har inget ”Vet inte” att ersätta")
        if value not in question.values or value == question.unknown:
            raise value_node.error(f"'{value}' är inget annat svar på frågan '{question_id}'")
        found[question_id] = value
    return found


def _questions(node: Node, docs: frozenset[str]) -> tuple[Question, ...]:
    questions = []
    nodes = list(node.items())
    for item in nodes:
        f = item.mapping({"id", "short", "text", "help", "type", "choices"}, {"unknown", "verify", "verify_source"})
        choices = []
        for c in f["choices"].items():
            cf = c.mapping({"value", "label"}, {"exclusive", "alert"})
            exclusive = cf["exclusive"].boolean() if "exclusive" in cf else False
            choices.append(Choice(cf["value"].text(), cf["label"].text(), exclusive, opt_text(cf, "alert")))
        unique_ids([(c.value, n) for c, n in zip(choices, f["choices"].items(), strict=True)], "svaret")
        question = Question(id=f["id"].text(), short=f["short"].text(), text=f["text"].text(), helps=(),
                            type=f["type"].choice(QUESTION_TYPES), unknown=opt_text(f, "unknown"),
                            verify=opt_text(f, "verify"), choices=tuple(choices),
                            verify_source=read_source(f["verify_source"], docs) if "verify_source" in f else None)
        if not NAME_RE.fullmatch(question.id):
            raise f["id"].error(f"'{question.id}' är inget giltigt fråge-id (små bokstäver och understreck)")
        if question.unknown and question.unknown not in question.values:
            raise f["unknown"].error(f"'{question.unknown}' är inget av frågans svar ({', '.join(question.values)})")
        if question.verify and not question.unknown:
            raise f["verify"].error("'verify' säger vad som ska kontrolleras när svaret är okänt: ange 'unknown'")
        if bool(question.verify) != (question.verify_source is not None):
            raise item.error("'verify' och 'verify_source' anges tillsammans: vad som ska kontrolleras, och varför")
        if len(choices) < 2:
            raise f["choices"].error("en fråga behöver minst två svar")
        questions.append(question)
    unique_ids([(q.id, n) for q, n in zip(questions, nodes, strict=True)], "frågan")
    by_id = {q.id: q for q in questions}
    for question_id, (kind, needed) in QUESTIONS_READ_BY_CODE.items():
        if question_id not in by_id:
            raise node.error(f"frågan '{question_id}' saknas: programmet läser den")
        question = by_id[question_id]
        if question.type != kind:
            raise node.error(f"frågan '{question_id}' ska ha typen '{kind}': programmet läser den så")
        missing = [v for v in needed if v not in question.values]
        if missing:
            raise node.error(f"frågan '{question_id}' saknar svaret '{missing[0]}': programmet läser det")
    if not by_id[PLACE_QUESTION].unknown:
        raise node.error(f"frågan '{PLACE_QUESTION}' behöver 'unknown': en okänd plats ska kunna anges")
    return tuple(questions)


def _helps(node: Node, question_id: str, ctx: _Context) -> tuple[HelpText, ...]:
    """A help text, or a list of parts `{text, when}` said only where their condition can hold.

    Read after the definitions, which conditions may name. A part cannot read its own question's answer: the help
    is said before it is given.
    """
    if isinstance(node.value, str):
        return (HelpText(node.text()),)
    parts = []
    for item in node.items():
        f = item.mapping({"text"}, {"when"})
        when = _when(f, ctx)
        if question_id in set(questions_in(when)):
            raise f["when"].error(f"hjälptexten sägs före svaret: villkoret kan inte läsa frågan '{question_id}'")
        parts.append(HelpText(f["text"].text(), when))
    if not parts:
        raise node.error("en hjälptext är en text eller en lista med minst en del")
    return tuple(parts)


def _consultation(node: Node, ctx: _Context) -> Consultation:
    f = node.mapping({"privacy", "questions"})
    nodes = list(f["questions"].items())
    questions = []
    for item in nodes:
        q = item.mapping({"id", "text", "source"}, {"when"})
        questions.append(ConsultQuestion(q["id"].ident(), q["text"].text(), read_source(q["source"], ctx.docs),
                                         _when(q, ctx)))
    unique_ids([(q.id, n) for q, n in zip(questions, nodes, strict=True)], "frågan")
    if not questions:
        raise f["questions"].error("minst en fråga att ställa")
    return Consultation(read_sourced(f["privacy"], ctx.docs), tuple(questions))


def _counting(node: Node, docs: frozenset[str]) -> tuple[CountingRule, ...]:
    """The rules by which deadlines are counted: each that dates.py applies, said once, and no other."""
    nodes = list(node.items())
    rules = []
    for item in nodes:
        f = item.mapping({"id", "text", "source"})
        rule_id = f["id"].text()
        if rule_id not in COUNTING_RULES:
            raise f["id"].error(f"'{rule_id}' är ingen räkneregel som verktyget tillämpar "
                                f"({', '.join(COUNTING_RULES)})")
        rules.append(CountingRule(rule_id, f["text"].text(), read_source(f["source"], docs)))
    unique_ids([(r.id, n) for r, n in zip(rules, nodes, strict=True)], "räkneregeln")
    missing = [r for r in COUNTING_RULES if r not in {rule.id for rule in rules}]
    if missing:
        raise node.error(f"räkneregeln '{missing[0]}' saknas: verktyget räknar efter den")
    return tuple(rules)


def _events(node: Node) -> tuple[Event, ...]:
    nodes = list(node.items())
    events = []
    for item in nodes:
        f = item.mapping({"id", "label"}, {"by_name"})
        events.append(Event(f["id"].ident(), f["label"].text(), f["by_name"].boolean() if "by_name" in f else False))
    unique_ids([(e.id, n) for e, n in zip(events, nodes, strict=True)], "händelsen")
    return tuple(events)


def _deadlines(node: Node, docs: frozenset[str], events: set[str]) -> tuple[Deadline, ...]:
    deadlines = []
    nodes = list(node.items())
    for item in nodes:
        f = item.mapping({"id", "text", "law", "start", "source", "event"}, {"period", "next_weekday", "ends"})
        event = f["event"].ident()
        if event not in events:
            raise f["event"].error(f"okänd händelse '{event}' ({', '.join(sorted(events))})")
        period: tuple[PeriodUnit, int] | None = None
        if "period" in f:
            fields = f["period"].mapping(set(), set(PERIOD_UNITS))
            if len(fields) != 1:
                raise f["period"].error(f"en period anger en av {', '.join(PERIOD_UNITS)}, till exempel {{days: 14}}")
            ((unit, length_node),) = fields.items()
            length = length_node.integer()
            if length < 1:
                raise length_node.error("en period är minst 1")
            period = (next(u for u in PERIOD_UNITS if u == unit), length)
        next_weekday = f["next_weekday"].boolean() if "next_weekday" in f else False
        if next_weekday and period is None:
            raise f["next_weekday"].error("nästa vardag gäller bara en frist med en period")
        ends = f["ends"].text() if "ends" in f else ""
        if ends and (next_weekday or period is None):
            raise f["ends"].error("en tid som löper ut ('ends') har en period och ingen regel om nästa vardag: "
                                  "ingen åtgärd ska vidtas den dagen")
        deadlines.append(Deadline(id=f["id"].ident(), text=f["text"].text(), law=f["law"].text(),
                                  start=f["start"].text(), source=read_source(f["source"], docs), period=period,
                                  next_weekday=next_weekday, event=event, ends=ends))
    unique_ids([(d.id, n) for d, n in zip(deadlines, nodes, strict=True)], "fristen")
    return tuple(deadlines)


def _steps(node: Node, ctx: _Context) -> tuple[Step, ...]:
    steps = []
    step_nodes = list(node.items())
    for expected, item in enumerate(step_nodes, start=1):
        f = item.mapping({"number", "id", "name", "timing", "summary", "source", "actions"})
        number = f["number"].integer()
        if number != expected:
            raise f["number"].error(f"steget har nummer {number}, väntade {expected} (stegen står i ordning)")
        actions = tuple(replace(_action(a, ctx), step=number, id=f"s{number}-{index}")
                        for index, a in enumerate(f["actions"].items(), start=1))
        steps.append(Step(number=number, id=f["id"].ident(), name=f["name"].text(),
                          timing=f["timing"].text(empty=True), summary=f["summary"].text(),
                          source=read_source(f["source"], ctx.docs), actions=actions))
    unique_ids([(s.id, n) for s, n in zip(steps, step_nodes, strict=True)], "steget")
    return tuple(steps)


def _tasks(node: Node, ctx: _Context, roles: dict[str, str], deadline_ids: set[str], number_ids: set[str],
           numbers: tuple[Number, ...], actions: list[Action]) -> tuple[Task, ...]:
    role_values = set(ctx.questions[ROLE_QUESTION].values)
    by_text: dict[str, list[Action]] = {}
    for action in actions:
        by_text.setdefault(_duty_key(action.text), []).append(action)
    tasks = []
    nodes = list(node.items())
    for item in nodes:
        f = item.mapping({"id", "text"}, {"roles", "when", "urgency", "due", "number", "check", "restates",
                                           "source", "sources", "info"})
        task_roles = f["roles"].texts() if "roles" in f else ()
        for index, role in enumerate(task_roles):
            if role not in role_values:
                raise f["roles"].child(index).error(f"okänd roll '{role}' (rollerna: {', '.join(sorted(role_values))})")
        urgency = f["urgency"].integer() if "urgency" in f else 0
        if not 0 <= urgency <= MAX_URGENCY:
            raise f["urgency"].error(f"brådskan är 1–{MAX_URGENCY} (1 först)")
        due = f["due"].ident() if "due" in f else ""
        if due and due not in deadline_ids:
            raise f["due"].error(f"okänd frist '{due}'")
        number = f["number"].ident() if "number" in f else ""
        text = f["text"].text()
        if number:
            if number not in number_ids:
                raise f["number"].error(f"okänt nummer '{number}'")
            digits = next(n.number for n in numbers if n.id == number)
            if digits not in text:
                raise f["text"].error(f"texten nämner inte numret {digits}")
        own_actors = {roles.get(r, "") for r in task_roles}
        own = own_actors.pop() if len(own_actors) == 1 else ""
        restates = tuple(_restated(n, own, by_text) for n in f["restates"].items()) if "restates" in f else ()
        sources = _task_sources(f, ctx.docs, restates)
        when = _when(f, ctx)
        if "check" not in f and _can_be_open(when, ctx.questions, ctx.presumptions):
            raise item.error("ett okänt svar kan lämna uppgiften öppen: ange 'check', texten som då visas under "
                             "Att kontrollera (uppgiftens egen text kan vara fel i det fallet)")
        tasks.append(Task(id=f["id"].ident(), text=text, sources=sources, roles=task_roles, when=when,
                          urgency=urgency, due=due, number=number, check=opt_text(f, "check"), restates=restates,
                          info=f["info"].boolean() if "info" in f else False))
    unique_ids([(t.id, n) for t, n in zip(tasks, nodes, strict=True)], "uppgiften")
    return tuple(tasks)


def _can_be_open(condition: Condition, questions: dict[str, Question], presumed: dict[str, str]) -> bool:
    """Whether some full set of answers leaves the condition MAYBE (a "Vet inte", or a `maybe:`).

    A presumed answer is never read as "Vet inte": rules see what it is replaced with.
    """
    read = sorted(set(questions_in(condition)))
    options = [[(v,) if questions[q].type == "multi" else v for v in questions[q].values
                if not (q in presumed and v == questions[q].unknown)] for q in read]
    unknowns = {q.id: q.unknown for q in questions.values() if q.unknown}
    return any(evaluate(condition, dict(zip(read, combination, strict=True)), unknowns) is Truth.MAYBE
               for combination in product(*options))


def _restated(node: Node, own_actor: str, by_text: dict[str, list[Action]]) -> Action:
    """The step action a task says in other words, by its text; the task's own actor decides between namesakes.

    `by_text`: the step actions by their compared text (_duty_key), in the order of the steps.
    """
    found = by_text.get(_duty_key(node.text()), [])
    actors = {a.actor for a in found}
    if len(actors) > 1:
        found = [a for a in found if a.actor == own_actor]
    if not found:
        raise node.error("ingen handling i stegen har den texten" + (" (flera aktörer har den; ange rollerna så att "
                                                                   "en aktör avgör)" if actors else ""))
    return found[0]


def _task_sources(f: dict[str, Node], docs: frozenset[str], restates: tuple[Action, ...]) -> tuple[Source, ...]:
    if "source" in f and "sources" in f:
        raise f["sources"].error("ange 'source' eller 'sources', inte båda")
    given = [read_source(f["source"], docs)] if "source" in f else []
    given += [read_source(n, docs) for n in f["sources"].items()] if "sources" in f else []
    sources = tuple(dict.fromkeys([*(a.source for a in restates), *given]))
    if not sources:
        raise f["text"].error("en uppgift behöver en källa: 'source', 'sources' eller 'restates'")
    return sources


def _when(fields: dict[str, Node], ctx: _Context) -> Condition:
    return _condition(fields["when"], ctx) if "when" in fields else ALWAYS


def _condition(node: Node, ctx: _Context) -> Condition:
    """Parse a `when:` and check that it names real questions, values and definitions."""
    if not isinstance(node.value, dict) or len(node.value) != 1:
        raise node.error("ett villkor är en mappning med en nyckel: en fråga, 'all', 'any', 'not', 'maybe', 'known' "
                         "eller 'def'")
    ((name, _),) = node.value.items()
    inner = node.child(name)
    if name in ("all", "any"):
        parts = tuple(_condition(p, ctx) for p in inner.items())
        if not parts:
            raise inner.error(f"'{name}' behöver minst ett villkor")
        return All(parts) if name == "all" else AnyOf(parts)
    if name == "not":
        return Not(_condition(inner, ctx))
    if name == "maybe":
        return Maybe(_condition(inner, ctx))
    if name == "known":
        return Known(_condition(inner, ctx))
    if name == "def":
        ident = inner.text()
        if ident not in ctx.definitions:
            known = ", ".join(ctx.definitions) or "inga"
            raise inner.error(f"okänd definition '{ident}' (definierade före denna: {known})")
        return ctx.definitions[ident]
    if name not in ctx.questions:
        raise node.error(f"okänd fråga '{name}' (frågorna: {', '.join(ctx.questions)})")
    values = inner.texts()
    if not values:
        raise inner.error("villkoret behöver minst ett svar")
    for index, value in enumerate(values):
        if value not in ctx.questions[name].values:
            raise inner.child(index).error(
                f"'{value}' är inget svar på frågan '{name}' ({', '.join(ctx.questions[name].values)})")
    return Is(name, frozenset(values))


def _action(node: Node, ctx: _Context) -> Action:
    f = node.mapping({"actor", "placement"}, {"duty", "text", "source", "when", "short"})
    actor_id = f["actor"].ident()
    if actor_id not in ctx.actors:
        raise f["actor"].error(f"okänd aktör '{actor_id}'")
    when = _when(f, ctx)
    placement = f["placement"].text()
    short = opt_text(f, "short")
    if "duty" in f:
        if "text" in f or "source" in f:
            raise node.error("en handling anger antingen 'duty' eller 'text' med 'source'")
        wanted = _duty_key(f["duty"].text())
        duty = next((r for r in ctx.actors[actor_id].responsibilities if _duty_key(r.text) == wanted), None)
        if duty is None:
            raise f["duty"].error(f"aktören '{actor_id}' har ingen sådan uppgift i data/actors.yaml")
        return Action(actor_id, duty.text, duty.for_whom, duty.source, placement, when, short)
    if "text" not in f or "source" not in f:
        raise node.error("en handling anger antingen 'duty' eller 'text' med 'source'")
    return Action(actor_id, f["text"].text(), "any", read_source(f["source"], ctx.docs), placement, when, short,
                  own_words=True)


def _duty_key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")
