"""The condition interpreter's three values, case by case: what opens a rule, what shuts it, what leaves it open."""

from __future__ import annotations

import pytest

from mhstod.conditions import All, AnyOf, Is, Known, Maybe, Named, Not, Truth, evaluate

YES, NO, MAYBE = Truth.YES, Truth.NO, Truth.MAYBE
UNKNOWNS = {"police": "undecided", "origin": "unknown"}
POLICE_YES = Is("police", frozenset({"yes"}))
EU = Is("origin", frozenset({"eu"}))


@pytest.mark.parametrize(("answers", "expected"), [
    ({"police": "yes"}, YES), ({"police": "no"}, NO), ({"police": "undecided"}, MAYBE), ({}, MAYBE)])
def test_is(answers: dict[str, str], expected: Truth) -> None:
    assert evaluate(POLICE_YES, answers, UNKNOWNS) is expected


@pytest.mark.parametrize(("answers", "expected"), [
    ({"police": "yes"}, YES), ({"police": "no"}, NO),
    ({"police": "undecided"}, NO),  # "Vet inte" does not make "Personen vill …" possibly true
    ({}, MAYBE),  # not asked yet: still worth asking
])
def test_known_shuts_on_an_unknown_answer_but_not_on_a_missing_one(answers: dict[str, str], expected: Truth) -> None:
    assert evaluate(Known(POLICE_YES), answers, UNKNOWNS) is expected


@pytest.mark.parametrize(("answers", "expected"), [
    ({"origin": "eu"}, MAYBE), ({"origin": "sweden"}, NO), ({"origin": "unknown"}, MAYBE), ({}, MAYBE)])
def test_maybe_is_at_most_something_to_check(answers: dict[str, str], expected: Truth) -> None:
    assert evaluate(Maybe(EU), answers, UNKNOWNS) is expected


def test_a_maybe_inside_known_is_no() -> None:
    assert evaluate(Known(Maybe(EU)), {"origin": "eu"}, UNKNOWNS) is NO
    assert evaluate(Known(AnyOf((POLICE_YES, Maybe(EU)))), {"origin": "eu", "police": "yes"}, UNKNOWNS) is YES


def test_not_all_any_and_named() -> None:
    named = Named("eu_or_police", "EU eller polisen", AnyOf((EU, POLICE_YES)))
    assert evaluate(named, {"origin": "eu", "police": "no"}, UNKNOWNS) is YES
    assert evaluate(All((EU, POLICE_YES)), {"origin": "eu", "police": "undecided"}, UNKNOWNS) is MAYBE
    assert evaluate(Not(Known(POLICE_YES)), {"police": "undecided"}, UNKNOWNS) is YES
    assert evaluate(Not(Maybe(EU)), {"origin": "eu"}, UNKNOWNS) is MAYBE
    assert evaluate(All(()), {}, UNKNOWNS) is YES and evaluate(AnyOf(()), {}, UNKNOWNS) is NO
