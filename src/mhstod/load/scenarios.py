"""Teaching cases: read on demand, since only the scenario commands and the data check need them."""

from __future__ import annotations

from mhstod.answers import from_mapping
from mhstod.errors import AnswersError
from mhstod.load.files import data_folder
from mhstod.load.nodes import Node, opt_text, parse_data, read_sourced, unique_ids
from mhstod.model import Knowledge, Scenario
from mhstod.places import gazetteer_for

_CACHE: dict[int, tuple[Knowledge, tuple[Scenario, ...]]] = {}


def scenarios_for(knowledge: Knowledge) -> tuple[Scenario, ...]:
    """The shipped teaching cases, validated against `knowledge` once."""
    cached = _CACHE.get(id(knowledge))
    if cached is None or cached[0] is not knowledge:
        text = (data_folder() / "scenarios.yaml").read_text(encoding="utf-8")
        cached = _CACHE[id(knowledge)] = (knowledge, read_scenarios(text, knowledge))
    return cached[1]


def read_scenarios(text: str, knowledge: Knowledge, label: str = "data/scenarios.yaml") -> tuple[Scenario, ...]:
    """Teaching cases, each validated as an answers file against the loaded questions."""
    top = Node(parse_data(label, text, trusted=True), label).mapping({"scenarios"})
    docs = frozenset(d.id for d in knowledge.documents)
    gazetteer = gazetteer_for(knowledge)
    actor_ids = {a.id for a in knowledge.actors}
    scenarios = []
    nodes = list(top["scenarios"].items())
    for node in nodes:
        f = node.mapping({"id", "title", "story", "answers", "notes", "key_contacts", "key_actors"},
                         {"not_contacts", "not_contact_names", "first_now_number"})
        f["answers"].mapping(set(), {q.id for q in knowledge.questions})
        try:
            given = from_mapping(knowledge, f["answers"].value, gazetteer)
        except AnswersError as exc:
            raise f["answers"].error(str(exc)) from None
        if given.warnings:
            raise f["answers"].error(given.warnings[0])
        for key in ("key_actors", "not_contacts"):
            for item in f[key].items() if key in f else ():
                if item.ident() not in actor_ids:
                    raise item.error(f"okänd aktör '{item.value}'")
        scenarios.append(Scenario(
            id=f["id"].ident(), title=f["title"].text(), story=f["story"].text(),
            answers=tuple(f["answers"].value.items()), notes=tuple(read_sourced(n, docs) for n in f["notes"].items()),
            key_contacts=f["key_contacts"].texts(), key_actors=f["key_actors"].texts(),
            not_contacts=f["not_contacts"].texts() if "not_contacts" in f else (),
            not_contact_names=f["not_contact_names"].texts() if "not_contact_names" in f else (),
            first_now_number=opt_text(f, "first_now_number")))
    unique_ids([(s.id, n) for s, n in zip(scenarios, nodes, strict=True)], "fallet")
    return tuple(scenarios)
