"""What the rules read (the place as known or not, presumptions) and which questions are still worth asking."""

from __future__ import annotations

from typing import Any

import pytest

from mhstod.answers import from_mapping
from mhstod.conditions import All, Is, Truth, evaluate
from mhstod.model import Knowledge
from mhstod.rules import conditions, for_rules, is_relevant


def test_the_place_is_read_as_known_or_unknown(knowledge: Knowledge) -> None:
    assert for_rules(knowledge, {"county": "Malmö"}, located=True)["county"] == "known"
    assert for_rules(knowledge, {"county": "unknown"}, located=False)["county"] == "unknown"
    assert "county" not in for_rules(knowledge, {}, located=False), "an unasked place stays unasked"


def test_an_unknown_age_is_read_as_a_child(knowledge: Knowledge) -> None:
    """The presumption of 001 5.1: the rules never see an unknown age, so a child is never routed as an adult."""
    assert ("age", "child") in knowledge.presumptions
    assert for_rules(knowledge, {"age": "unknown"}, located=False)["age"] == "child"
    assert for_rules(knowledge, {"age": "adult"}, located=False)["age"] == "adult"


def test_the_answers_themselves_are_not_changed(knowledge: Knowledge) -> None:
    given = {"age": "unknown", "county": "Malmö"}
    for_rules(knowledge, given, located=True)
    assert given == {"age": "unknown", "county": "Malmö"}


def test_a_task_for_some_roles_holds_only_for_them(knowledge: Knowledge) -> None:
    task = next(t for t in knowledge.tasks if t.roles)
    found = conditions(knowledge)[knowledge.tasks.index(task)]
    assert isinstance(found, All) and found.parts[0] == Is("role", frozenset(task.roles))
    other = next(r for r in knowledge.question("role").values if r not in task.roles)
    assert evaluate(found, {"role": other}, knowledge.unknowns) is Truth.NO


def test_every_condition_of_the_process_is_seen(knowledge: Knowledge) -> None:
    expected = (len(knowledge.tasks) + sum(len(s.actions) for s in knowledge.steps) + len(knowledge.contact_rules))
    assert len(conditions(knowledge)) == expected


def relevant(knowledge: Knowledge, question: str, **answers: Any) -> bool:
    given = from_mapping(knowledge, answers)
    return is_relevant(knowledge, knowledge.question(question), given.for_rules(knowledge))


def test_return_is_not_asked_for_someone_from_sweden_but_the_right_to_stay_is(knowledge: Knowledge) -> None:
    """"From Sweden" is a country, not a citizenship: only a Swedish citizen is outside betänketid, so the right
    to stay is asked once, and a "Nej" is checked rather than passed over."""
    assert relevant(knowledge, "residence", origin="sweden")
    assert not relevant(knowledge, "return_home", origin="sweden")
    assert relevant(knowledge, "residence", origin="eu")
    assert relevant(knowledge, "return_home", origin="unknown")


def test_protection_is_asked_only_for_a_child_from_abroad(knowledge: Knowledge) -> None:
    assert relevant(knowledge, "protection", age="child", origin="non_eu")
    assert relevant(knowledge, "protection", age="unknown", origin="eu"), "an unknown age is presumed a child's"
    assert not relevant(knowledge, "protection", age="adult", origin="non_eu")
    assert not relevant(knowledge, "protection", age="child", origin="sweden")


def test_every_question_is_relevant_at_the_start(knowledge: Knowledge) -> None:
    for question in knowledge.questions:
        assert is_relevant(knowledge, question, {}), question.id



def test_the_place_is_always_asked(knowledge: Knowledge) -> None:
    """It decides the region, so whom to call, even when no rule reads it."""
    assert relevant(knowledge, "county", acute_danger="yes", age="adult", origin="sweden")


@pytest.mark.parametrize("question", ["return_home", "protection"])
def test_a_question_no_rule_could_turn_is_not_asked(knowledge: Knowledge, question: str) -> None:
    """After "från Sverige", no rule can turn on going home or protection: asking would only cost time."""
    answers: dict[str, Any] = {"origin": "sweden", "age": "adult"}
    assert not relevant(knowledge, question, **answers)
