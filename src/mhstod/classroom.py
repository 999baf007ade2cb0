"""A teaching case played in front of a room: slides, and where a key press moves the room.

The story; then each question on its own, its answer and why it matters revealed only when the trainer asks;
then what to discuss and whom a correct checklist names; then the checklist, short, with the full one a key away.
Pure: the terminal and its keys are in commands/scenario.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from mhstod.checklist import Checklist
from mhstod.conditions import Answer
from mhstod.model import Knowledge, Question
from mhstod.record import Record, replace
from mhstod.rules import help_for

SlideKind = Literal["story", "question", "discussion", "checklist"]
Action = Literal["next", "back", "full", "quit"]


class Slide(Record):
    """One screen; a question's answer is hidden until revealed."""

    kind: SlideKind
    question: Question | None = None
    answer: str = ""
    why: str = ""  # the question's help for the case's answers (rules.help_for)
    number: int = 0  # the question's place among the questions, from 1
    of: int = 0

    @property
    def hides(self) -> bool:
        return self.kind == "question"


class Place(Record):
    """Where the room is: the slide, whether its answer is shown, and whether the checklist is the full one."""

    slide: int = 0
    revealed: bool = False
    full: bool = False


def lesson(knowledge: Knowledge, checklist: Checklist, rule_answers: Mapping[str, Answer]) -> tuple[Slide, ...]:
    """The slides of a case, from the answers its checklist was built on, in the guide's order.

    `rule_answers` are the case's answers as the rules read them: each question's help is the one for this case.
    """
    answers = checklist.answers
    questions = []
    for number, answer in enumerate(answers, start=1):
        question = knowledge.question(answer.question)
        why = help_for(knowledge, question, rule_answers)
        questions.append(Slide("question", question, answer.label, why, number, len(answers)))
    return (Slide("story"), *questions, Slide("discussion"), Slide("checklist"))


def move(slides: tuple[Slide, ...], place: Place, action: Action) -> Place | None:
    """Where an action takes the room; None when it is over (quit, or next on the last slide).

    Next reveals a hidden answer before it moves on; back returns to the slide before, as it was left: shown.
    """
    if action == "quit":
        return None
    if action == "full":
        return replace(place, full=not place.full) if slides[place.slide].kind == "checklist" else place
    if action == "back":
        return Place(place.slide - 1, revealed=True) if place.slide > 0 else replace(place, revealed=False)
    if slides[place.slide].hides and not place.revealed:
        return replace(place, revealed=True)
    return Place(place.slide + 1) if place.slide + 1 < len(slides) else None
