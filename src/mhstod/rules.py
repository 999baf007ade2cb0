"""What the rules read, and which questions are still worth asking: presumptions and relevance."""

from __future__ import annotations

from collections.abc import Mapping

from mhstod.conditions import All, Answer, Condition, Is, Truth, evaluate, questions_in
from mhstod.model import PLACE_QUESTION, ROLE_QUESTION, Knowledge, Question


def for_rules(knowledge: Knowledge, answers: Mapping[str, Answer], located: bool) -> dict[str, Answer]:
    """What conditions read: the county as known/unknown, and the data's presumptions (an unknown age: a child).

    `located`: the place answer was read as a real place.
    """
    values = dict(answers)
    if PLACE_QUESTION in values:
        values[PLACE_QUESTION] = "known" if located else knowledge.question(PLACE_QUESTION).fallback
    for question_id, presumed in knowledge.presumptions:
        if values.get(question_id) == knowledge.question(question_id).unknown:
            values[question_id] = presumed
    return values


def conditions(knowledge: Knowledge) -> list[Condition]:
    """Every condition in the process; a task for some roles holds only for them."""
    found: list[Condition] = [All((Is(ROLE_QUESTION, frozenset(t.roles)), t.when)) if t.roles else t.when
                              for t in knowledge.tasks]
    found += [a.when for s in knowledge.steps for a in s.actions]
    found += [c.when for c in knowledge.contact_rules]
    return found


def is_relevant(knowledge: Knowledge, question: Question, rule_answers: Mapping[str, Answer]) -> bool:
    """Asked only when its answer could change whether some rule applies, given the other answers.

    The place is always asked: it decides the region, and so whom to call.
    """
    if question.type == "place":
        return True
    others = {k: v for k, v in rule_answers.items() if k != question.id}
    unknowns = knowledge.unknowns
    options: list[Answer] = [(v,) if question.type == "multi" else v for v in question.values]
    for cond in conditions(knowledge):
        if question.id in set(questions_in(cond)):
            outcomes = {evaluate(cond, {**others, question.id: option}, unknowns) for option in options}
            if len(outcomes) > 1:
                return True
    return False


def help_for(knowledge: Knowledge, question: Question, rule_answers: Mapping[str, Answer]) -> str:
    """The question's help for the answers so far: a part whose condition cannot hold is left out.

    A part whose condition is open (an answer not given, "Vet inte") is said: it may apply.
    """
    return " ".join(h.text for h in question.helps
                    if evaluate(h.when, rule_answers, knowledge.unknowns) is not Truth.NO)
