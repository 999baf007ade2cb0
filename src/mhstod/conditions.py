"""The small interpreter for `when:` conditions: structured data, three-valued, never eval.

A condition is `{question: [values]}` (the answer is one of them), `all:` / `any:` / `not:` over
conditions, `maybe:` (what holds there is at most something to check), `known:` (only what the answers say:
an unknown answer leaves it shut, not open), or a named definition. Evaluated
against answers it gives YES, NO or MAYBE: MAYBE when an answer is the question's "Vet inte" value
(`unknowns`, default "unknown") (the rule might apply, so it is shown and marked to verify), when the
question has not been answered yet (so the question may still matter and is worth asking), or under
`maybe:`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum

from mhstod.record import Record

UNKNOWN = "unknown"

Answer = str | tuple[str, ...]


class Truth(Enum):
    NO = 0
    MAYBE = 1
    YES = 2


class Is(Record):
    """The answer to `question` is one of `values` (for a multiple choice: any chosen value is)."""

    question: str
    values: frozenset[str]


class All(Record):
    parts: tuple[Condition, ...]


class AnyOf(Record):
    parts: tuple[Condition, ...]


class Not(Record):
    part: Condition


class Maybe(Record):
    """Where `part` holds, the rule is only something to check (an EU citizen may have a right to stay)."""

    part: Condition


class Known(Record):
    """Holds only where the answers say so: for a line whose text states the answer ("Personen vill …").

    A "Vet inte" answer, or a `maybe:`, inside it counts as no; a question not yet answered still leaves it
    open, so that the question is still worth asking.
    """

    part: Condition


class Named(Record):
    """A definition from the data, evaluated as its condition; `text` says it in Swedish for trainers."""

    name: str
    text: str
    part: Condition


Condition = Is | All | AnyOf | Not | Maybe | Known | Named
ALWAYS = All(())


def evaluate(condition: Condition, answers: Mapping[str, Answer], unknowns: Mapping[str, str] | None = None,
             strict: bool = False) -> Truth:
    """YES, NO or MAYBE; an unanswered question, or "unknown" where it is not named, leaves it open.

    `strict` (inside `known:`): a "Vet inte" answer and a `maybe:` count as no; only an unanswered question
    leaves the condition open.
    """
    if isinstance(condition, Is):
        answer = answers.get(condition.question)
        if answer is None:
            return Truth.MAYBE
        chosen = (answer,) if isinstance(answer, str) else answer
        if any(value in condition.values for value in chosen):
            return Truth.YES
        unknown = (unknowns or {}).get(condition.question, UNKNOWN)
        return Truth.MAYBE if unknown in chosen and not strict else Truth.NO
    if isinstance(condition, All):
        return min((evaluate(p, answers, unknowns, strict) for p in condition.parts), key=lambda t: t.value,
                   default=Truth.YES)
    if isinstance(condition, AnyOf):
        return max((evaluate(p, answers, unknowns, strict) for p in condition.parts), key=lambda t: t.value,
                   default=Truth.NO)
    if isinstance(condition, Known):
        return evaluate(condition.part, answers, unknowns, strict=True)
    inner = evaluate(condition.part, answers, unknowns, strict)
    if isinstance(condition, Named):
        return inner
    if isinstance(condition, Maybe):
        return Truth.NO if inner is Truth.NO or strict else Truth.MAYBE
    return {Truth.YES: Truth.NO, Truth.NO: Truth.YES, Truth.MAYBE: Truth.MAYBE}[inner]


def questions_in(condition: Condition) -> Iterator[str]:
    """Every question id the condition reads."""
    if isinstance(condition, Is):
        yield condition.question
    elif isinstance(condition, All | AnyOf):
        for part in condition.parts:
            yield from questions_in(part)
    else:
        yield from questions_in(condition.part)


def values_in(condition: Condition) -> Iterator[tuple[str, str]]:
    """Every (question, value) pair the condition names, for the loader to check."""
    if isinstance(condition, Is):
        for value in sorted(condition.values):
            yield condition.question, value
    elif isinstance(condition, All | AnyOf):
        for part in condition.parts:
            yield from values_in(part)
    else:
        yield from values_in(condition.part)
