"""The checklist as a value: what every renderer draws, with order, urgency, age, labels and sources decided."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from mhstod.conditions import Answer
from mhstod.dates import CaseDays, Due
from mhstod.model import (
    Action,
    CountingRule,
    Deadline,
    Document,
    Hours,
    Number,
    Region,
    Source,
    Sourced,
    Web,
)
from mhstod.places import Place
from mhstod.record import Record


class Item(Record):
    """One line of the checklist: a task in the user's words, or an actor's duty.

    `verify` when an unknown answer is why it is shown; `restates` are the step actions a task says in other
    words (the sources' own wording); `number` a phone number the line is about, `due` its deadline.
    """

    id: str
    text: str
    sources: tuple[Source, ...]
    actor: str = ""
    actor_name: str = ""
    for_whom: str = "any"
    placement: str = ""
    number: Number | None = None
    due: Deadline | None = None
    date: Due | None = None  # the deadline as a date, where the checklist is counted from a day
    verify: bool = False
    restates: tuple[Action, ...] = ()
    info: bool = False  # informs rather than asks the user to act: no box to tick

    @property
    def source(self) -> Source:
        return self.sources[0]

    @property
    def urgent(self) -> bool:
        return self.number is not None and self.number.urgent


class StepView(Record):
    number: int
    name: str
    timing: str
    summary: str
    source: Source
    items: tuple[Item, ...]


class ActorDuties(Record):
    """What another actor does in this case, each duty as a short phrase (its wording in `restates`)."""

    actor: str
    name: str
    items: tuple[Item, ...]
    only_identifies: bool = False  # its only part here is identification (step 1): the user already suspects

    @property
    def sure(self) -> tuple[Item, ...]:
        """What surely applies: the short view shows only these, and describes the actor only if there are any."""
        return tuple(i for i in self.items if not i.verify)


ContactKind = Literal["person", "line", "note", "actor"]


class ContactView(Record):
    """Someone to contact, and how, as the sources say; `age` says how old a dated contact is.

    `kind`: a named person, a phone line, a note on how to reach people who are not named, or an actor.
    """

    name: str
    why: str
    source: Source
    kind: ContactKind = "actor"
    actor: str = ""
    focus: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    how: tuple[Sourced, ...] = ()
    web: tuple[Web, ...] = ()
    as_of: str = ""
    stale: bool = False
    age: str = ""
    verify: bool = False
    local: str = ""
    hours: Hours | None = None  # when a named person is reached (the coordinators: office hours)


class AnswerView(Record):
    question: str
    short: str
    text: str
    value: Answer
    label: str


class ConsultationView(Record):
    """What to say when calling for advice without personal details (guide --samtal).

    `situation`: (the question's short title, the answer) for what the answers say; `place` the county and
    region, never the municipality; `unclear` the short titles of the questions answered "Vet inte";
    `questions` the first three that hold for the case.
    """

    caller: str
    place: str
    situation: tuple[tuple[str, str], ...]
    unclear: tuple[str, ...]
    questions: tuple[Sourced, ...]
    privacy: Sourced


class AfterHours(Record):
    """The moment the checklist is made falls outside office hours: who answers now, and when the others do.

    `at` and `reopens` are Swedish local times; `hours` the office hours (and whether their times are assumed).
    """

    at: datetime
    reopens: datetime
    hours: Hours
    police: bool = True  # whether the police are named: not for an adult who has not said yes to them


class Checklist(Record):
    """Everything every renderer needs, decided here: order, urgency, staleness, labels and sources."""

    answers: tuple[AnswerView, ...]
    place: Place | None
    region: Region | None
    role: str
    role_label: str
    now: tuple[Item, ...]
    your_tasks: tuple[Item, ...]
    to_verify: tuple[Item, ...]
    contacts: tuple[ContactView, ...]
    others: tuple[ActorDuties, ...]
    steps: tuple[StepView, ...]
    notes: tuple[str, ...]
    documents: tuple[Document, ...]
    elsewhere: tuple[str, ...]
    as_of: str
    reviewed: str
    today: date
    remarks: tuple[str, ...] = ()
    counted_from: CaseDays | None = None  # the days the deadlines run from (--from), if given
    counting: tuple[CountingRule, ...] = ()  # the rules the dates were counted by, where there are dates
    consultation: ConsultationView | None = None
    # Events dated only by name (--from beslut-betanketid=DATUM) whose deadlines here have no day: (id, label)
    undated_by_name: tuple[tuple[str, str], ...] = ()
    pages_seen: str = ""  # when a page was last read for the data (Knowledge.pages_seen)
    after_hours: AfterHours | None = None  # the moment is outside the coordinators' and support line's hours


    @property
    def deadlines(self) -> tuple[Item, ...]:
        """The user's items that have a deadline, in the order they are shown."""
        return tuple(i for i in (*self.now, *self.your_tasks) if i.due is not None)

    @property
    def dated(self) -> tuple[Item, ...]:
        """The user's items whose deadline is a date (counted from `counted_from`), soonest first."""
        return tuple(sorted((i for i in self.deadlines if i.date is not None),
                            key=lambda i: i.date.day if i.date else self.today))
