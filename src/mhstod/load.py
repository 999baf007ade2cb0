"""Read the shipped YAML and validate it into a Knowledge, or fail with file and place."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from mhstod.conditions import ALWAYS, All, AnyOf, Condition, Is, Not
from mhstod.errors import DataError
from mhstod.model import (
    ACTOR_KINDS,
    AGE_FOCUS,
    FOR_WHOM,
    PURPOSE_FOCUS,
    QUESTION_TYPES,
    Action,
    Actor,
    Choice,
    Contact,
    ContactRule,
    Coordinator,
    County,
    Document,
    Knowledge,
    Municipality,
    Number,
    Question,
    Region,
    Responsibility,
    Rule,
    Source,
    Step,
    Web,
)
from mhstod.schema import Node, opt_text, read_source, read_sourced, unique_ids
from mhstod.yamlfile import YamlProblem, parse

DATA_FILES = ("sources.yaml", "regions.yaml", "actors.yaml", "process.yaml")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_shipped() -> dict[str, str]:
    """The text of each shipped data file, keyed by its name."""
    folder = files("mhstod") / "data"
    return {name: (folder / name).read_text(encoding="utf-8") for name in DATA_FILES}


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """The shipped data, validated once per process."""
    return build(read_shipped())


def build(texts: dict[str, str]) -> Knowledge:
    """Validate the data files' texts (keyed by file name) into a Knowledge."""
    raw = {name: _parse(name, texts[name]) for name in DATA_FILES}
    nodes = {name: Node(value, f"data/{name}") for name, value in raw.items()}
    documents = _documents(nodes["sources.yaml"])
    doc_ids = frozenset(d.id for d in documents)
    regions, counties, municipalities, counties_source, munis_source, as_of = _places(
        nodes["regions.yaml"], doc_ids)
    numbers, actors = _actors(nodes["actors.yaml"], doc_ids)
    _check_references(nodes, regions, numbers, actors)
    process = _process(nodes["process.yaml"], doc_ids, actors, numbers)
    return Knowledge(
        documents=documents, regions=regions, counties=counties, municipalities=municipalities,
        municipalities_source=munis_source, counties_source=counties_source, numbers=numbers,
        actors=actors, steps=process.steps, regions_as_of=as_of, questions=process.questions,
        roles=process.roles, now=process.now, tasks=process.tasks, contact_rules=process.contact_rules,
    )


def _parse(name: str, text: str) -> Any:
    try:
        return parse(text)
    except YamlProblem as exc:
        line = f" rad {exc.line}:" if exc.line else ""
        raise DataError(f"data/{name}:{line} {exc.message}") from None


def _date(node: Node) -> str:
    value = node.text(empty=True)
    if value and not DATE_RE.match(value):
        raise node.error(f"'{value}' är inget datum i formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")
    return value


def _documents(root: Node) -> tuple[Document, ...]:
    items = root.mapping({"documents"})["documents"]
    documents = []
    for node in items.items():
        f = node.mapping({"id", "file", "title", "publisher", "date"}, {"note"})
        documents.append(Document(
            id=f["id"].text(), file=f["file"].text(), title=f["title"].text(),
            publisher=f["publisher"].text(), date=_date(f["date"]), note=opt_text(f, "note")))
    unique_ids([(d.id, n) for d, n in zip(documents, items.items(), strict=True)], "källdokumentet")
    return tuple(documents)


def _places(root: Node, docs: frozenset[str]) -> tuple[
        tuple[Region, ...], tuple[County, ...], tuple[Municipality, ...], Source, Source, str]:
    top = root.mapping({"as_of", "regions", "counties", "municipalities"})
    as_of = _date(top["as_of"])

    county_fields = top["counties"].mapping({"source", "items"})
    county_rows = []
    for node in county_fields["items"].items():
        f = node.mapping({"code", "name", "short_name", "iso", "letter"})
        code = f["code"].text()
        if not re.fullmatch(r"\d{2}", code):
            raise f["code"].error(f"'{code}' är ingen länskod (två siffror)")
        iso = f["iso"].text()
        if iso != f"SE-{f['letter'].text()}":
            raise f["iso"].error(f"'{iso}' stämmer inte med länsbokstaven '{f['letter'].text()}'")
        county_rows.append((node, code, f))
    unique_ids([(code, node) for node, code, _ in county_rows], "länet")

    # Each county is in exactly one region; remember where it was placed for the error message.
    placed: dict[str, tuple[str, Source, Node]] = {}
    regions = []
    region_nodes = list(top["regions"].items())
    for node in region_nodes:
        f = node.mapping({"id", "name", "source", "counties", "coordinators"}, {"no_coordinator", "contact_number"})
        region_id = f["id"].ident()
        codes = []
        for county_node in f["counties"].items():
            cf = county_node.mapping({"code", "source"})
            code = cf["code"].text()
            if code not in {c for _, c, _ in county_rows}:
                raise cf["code"].error(f"okänt län '{code}'")
            if code in placed:
                raise cf["code"].error(f"länet '{code}' ligger redan i region '{placed[code][0]}'")
            placed[code] = (region_id, read_source(cf["source"], docs), county_node)
            codes.append(code)
        coordinators = tuple(_coordinator(c, docs) for c in f["coordinators"].items())
        no_coordinator = read_sourced(f["no_coordinator"], docs) if "no_coordinator" in f else None
        if not coordinators and (no_coordinator is None or "contact_number" not in f):
            raise node.error("en region utan koordinator behöver 'no_coordinator' och 'contact_number'")
        regions.append(Region(
            id=region_id, name=f["name"].text(), counties=tuple(codes), coordinators=coordinators,
            source=read_source(f["source"], docs), no_coordinator=no_coordinator,
            contact_number=f["contact_number"].ident() if "contact_number" in f else ""))
    unique_ids([(r.id, n) for r, n in zip(regions, region_nodes, strict=True)], "regionen")
    unique_ids([(c.id, n) for r, n in zip(regions, region_nodes, strict=True) for c in r.coordinators],
               "koordinatorn")

    counties = []
    for node, code, f in county_rows:
        if code not in placed:
            raise node.error(f"länet '{code}' ({f['name'].text()}) ligger inte i någon region")
        region_id, source, _ = placed[code]
        counties.append(County(code=code, name=f["name"].text(), short_name=f["short_name"].text(),
                               iso=f["iso"].text(), letter=f["letter"].text(), region=region_id,
                               region_source=source))

    muni_fields = top["municipalities"].mapping({"source", "items"})
    municipalities = []
    muni_nodes = list(muni_fields["items"].items())
    for node in muni_nodes:
        f = node.mapping({"code", "name", "county"})
        code, county = f["code"].text(), f["county"].text()
        if not re.fullmatch(r"\d{4}", code):
            raise f["code"].error(f"'{code}' är ingen kommunkod (fyra siffror)")
        if county not in placed:
            raise f["county"].error(f"okänt län '{county}'")
        if not code.startswith(county):
            raise f["code"].error(f"kommunkoden '{code}' börjar inte med länskoden '{county}'")
        municipalities.append(Municipality(code=code, name=f["name"].text(), county=county))
    unique_ids([(m.code, n) for m, n in zip(municipalities, muni_nodes, strict=True)], "kommunen")
    return (tuple(regions), tuple(counties), tuple(municipalities),
            read_source(county_fields["source"], docs), read_source(muni_fields["source"], docs), as_of)


def _coordinator(node: Node, docs: frozenset[str]) -> Coordinator:
    f = node.mapping({"id", "name", "phones", "emails", "focus", "as_of", "source"}, {"focus_printed"})
    focus = f["focus"].mapping({"age", "purpose"})
    phones = tuple(p.phone() for p in f["phones"].items())
    emails = tuple(e.email() for e in f["emails"].items())
    if not phones and not emails:
        raise node.error("en koordinator behöver minst ett telefonnummer eller en e-postadress")
    as_of = _date(f["as_of"])
    if not as_of:
        raise f["as_of"].error("en namngiven kontakt behöver källans datum")
    return Coordinator(
        id=f["id"].ident(), name=f["name"].text(), phones=phones, emails=emails,
        age=focus["age"].choice(AGE_FOCUS), purpose=focus["purpose"].choice(PURPOSE_FOCUS),
        focus_printed=opt_text(f, "focus_printed"), as_of=as_of, source=read_source(f["source"], docs))


def _actors(root: Node, docs: frozenset[str]) -> tuple[tuple[Number, ...], tuple[Actor, ...]]:
    top = root.mapping({"numbers", "actors"})
    numbers = []
    number_nodes = list(top["numbers"].items())
    for node in number_nodes:
        f = node.mapping({"id", "number", "name", "use", "source"},
                         {"actor", "also_written", "hours", "outside_hours", "hours_source"})
        if ("hours" in f) != ("hours_source" in f):
            raise node.error("'hours' och 'hours_source' anges tillsammans")
        numbers.append(Number(
            id=f["id"].ident(), number=f["number"].phone(), name=f["name"].text(), use=f["use"].text(),
            source=read_source(f["source"], docs), actor=f["actor"].ident() if "actor" in f else "",
            also_written=tuple(p.phone() for p in f["also_written"].items()) if "also_written" in f else (),
            hours=opt_text(f, "hours"), outside_hours=opt_text(f, "outside_hours"),
            hours_source=read_source(f["hours_source"], docs) if "hours_source" in f else None))
    unique_ids([(n.id, node) for n, node in zip(numbers, number_nodes, strict=True)], "numret")

    actors = []
    actor_nodes = list(top["actors"].items())
    for node in actor_nodes:
        f = node.mapping({"id", "name", "aliases", "kind", "summary", "summary_source", "responsibilities"},
                         {"part_of", "about", "no_duties", "contact"})
        responsibilities = []
        for r in f["responsibilities"].items():
            rf = r.mapping({"text", "for", "source"})
            responsibilities.append(Responsibility(
                text=rf["text"].text(), for_whom=rf["for"].choice(FOR_WHOM), source=read_source(rf["source"], docs)))
        _no_repeats([(r.text, n) for r, n in zip(responsibilities, f["responsibilities"].items(), strict=True)])
        actors.append(Actor(
            id=f["id"].ident(), name=f["name"].text(), aliases=f["aliases"].texts(),
            kind=f["kind"].choice(ACTOR_KINDS), summary=f["summary"].text(),
            summary_source=read_source(f["summary_source"], docs), responsibilities=tuple(responsibilities),
            contact=_contact(f["contact"], docs) if "contact" in f else Contact(),
            part_of=f["part_of"].ident() if "part_of" in f else "",
            about=tuple(read_sourced(a, docs) for a in f["about"].items()) if "about" in f else (),
            no_duties=read_sourced(f["no_duties"], docs) if "no_duties" in f else None))
    unique_ids([(a.id, n) for a, n in zip(actors, actor_nodes, strict=True)], "aktören")
    return tuple(numbers), tuple(actors)


def _no_repeats(texts: list[tuple[str, Node]]) -> None:
    seen: dict[str, Node] = {}
    for text, node in texts:
        key = " ".join(text.casefold().split())
        if key in seen:
            raise node.error(f"uppgiften finns redan ({seen[key].path}); ta med den en gång")
        seen[key] = node


def _contact(node: Node, docs: frozenset[str]) -> Contact:
    f = node.mapping(set(), {"numbers", "how", "web"})
    return Contact(
        numbers=tuple(n.ident() for n in f["numbers"].items()) if "numbers" in f else (),
        how=tuple(read_sourced(h, docs) for h in f["how"].items()) if "how" in f else (),
        web=tuple(_web(w, docs) for w in f["web"].items()) if "web" in f else ())


def _web(node: Node, docs: frozenset[str]) -> Web:
    f = node.mapping({"url", "source"})
    url = f["url"].text()
    if " " in url or "." not in url:
        raise f["url"].error(f"'{url}' är ingen webbadress")
    return Web(url, read_source(f["source"], docs))


@dataclass(frozen=True, slots=True)
class _Process:
    questions: tuple[Question, ...]
    roles: tuple[tuple[str, str], ...]
    now: tuple[Rule, ...]
    tasks: tuple[Rule, ...]
    steps: tuple[Step, ...]
    contact_rules: tuple[ContactRule, ...]


def _process(root: Node, docs: frozenset[str], actors: tuple[Actor, ...], numbers: tuple[Number, ...]) -> _Process:
    top = root.mapping({"questions", "roles", "now", "tasks", "steps", "contacts"})
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
    return _Process(questions, tuple(roles), rules(top["now"]), rules(top["tasks"]), tuple(steps),
                    tuple(contact_rules))


def _questions(node: Node) -> tuple[Question, ...]:
    questions = []
    nodes = list(node.items())
    for item in nodes:
        f = item.mapping({"id", "text", "help", "type", "choices"}, {"unknown", "verify"})
        choices = []
        for c in f["choices"].items():
            cf = c.mapping({"value", "label"})
            choices.append(Choice(cf["value"].text(), cf["label"].text()))
        unique_ids([(c.value, n) for c, n in zip(choices, f["choices"].items(), strict=True)], "svaret")
        question = Question(id=f["id"].text(), text=f["text"].text(), help=f["help"].text(),
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


def _check_references(nodes: dict[str, Node], regions: tuple[Region, ...], numbers: tuple[Number, ...],
                      actors: tuple[Actor, ...]) -> None:
    """Every id one place names must exist where it is defined."""
    actor_ids = {a.id for a in actors}
    number_ids = {n.id for n in numbers}
    for index, number in enumerate(numbers):
        if number.actor and number.actor not in actor_ids:
            raise nodes["actors.yaml"].child("numbers").child(index).child("actor").error(
                f"okänd aktör '{number.actor}'")
    for index, actor in enumerate(actors):
        here = nodes["actors.yaml"].child("actors").child(index)
        if actor.part_of and actor.part_of not in actor_ids:
            raise here.child("part_of").error(f"okänd aktör '{actor.part_of}'")
        if actor.part_of == actor.id:
            raise here.child("part_of").error("en aktör kan inte vara del av sig själv")
        for n_index, number_id in enumerate(actor.contact.numbers):
            if number_id not in number_ids:
                raise here.child("contact").child("numbers").child(n_index).error(f"okänt nummer '{number_id}'")
    for index, region in enumerate(regions):
        if region.contact_number and region.contact_number not in number_ids:
            raise nodes["regions.yaml"].child("regions").child(index).child("contact_number").error(
                f"okänt nummer '{region.contact_number}'")
    names = Counter(a.name.casefold() for a in actors)
    for index, actor in enumerate(actors):
        if names[actor.name.casefold()] > 1:
            raise nodes["actors.yaml"].child("actors").child(index).child("name").error(
                f"namnet '{actor.name}' används av flera aktörer")
