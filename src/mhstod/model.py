"""The frozen types the data is loaded into; plain values that every layer above reads."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from mhstod.conditions import ALWAYS, Condition
from mhstod.record import Record

AgeFocus = Literal["any", "adult", "child"]
PurposeFocus = Literal["any", "sexual", "other"]
ActorKind = Literal[
    "myndighet", "kommunal", "region", "civilsamhalle", "internationell",
    "natverk", "regeringskansliet", "domstol", "funktion",
]
ForWhom = Literal["any", "child", "adult"]

AGE_FOCUS: tuple[AgeFocus, ...] = ("any", "adult", "child")
PURPOSE_FOCUS: tuple[PurposeFocus, ...] = ("any", "sexual", "other")
ACTOR_KINDS: tuple[ActorKind, ...] = (
    "myndighet", "kommunal", "region", "civilsamhalle", "internationell",
    "natverk", "regeringskansliet", "domstol", "funktion",
)
FOR_WHOM: tuple[ForWhom, ...] = ("any", "child", "adult")

# The questions the code reads by id (the rest only the rules in process.yaml read). Their ids are keys of the
# answers file (README, "Svarsfil"): names in a format, not records. The loader checks that the data asks each,
# of the type and with the answers named here (and for the place, a "Vet inte").
ACUTE_QUESTION = "acute_danger"  # asked first: "Ring 112" tops the checklist
ROLE_QUESTION = "role"  # whose tasks are shown (process.yaml, roles: an answer's actor)
PLACE_QUESTION = "county"  # where the person is: a county or municipality, read as "known"/"unknown" by the rules
AGE_QUESTION = "age"  # whom a coordinator's focus fits: its answers include AgeFocus's "child" and "adult"
PURPOSE_QUESTION = "purpose"  # the same: "sexual" among its answers, every other purpose is "other"
QUESTIONS_READ_BY_CODE: dict[str, tuple[str, tuple[str, ...]]] = {
    ROLE_QUESTION: ("single", ()), PLACE_QUESTION: ("place", ("known",)),
    AGE_QUESTION: ("single", ("child", "adult")), PURPOSE_QUESTION: ("multi", ("sexual",))}


class Document(Record):
    """One source document; `date` holds only what is known of it ("2018", "2024-06-11", or "")."""

    id: str
    file: str
    title: str
    publisher: str
    date: str
    note: str = ""
    short: str = ""


class Source(Record):
    """Where a fact comes from: a seed document and section, or elsewhere with its basis.

    A fact from elsewhere names, where it can, its page: `url`, the page's own `date` ("odaterad" where it has
    none) and `seen`, the day it was read, so that a reader can open it and knows how old the reading is.
    """

    doc: str = ""
    section: str = ""
    elsewhere: str = ""
    inferred: str = ""
    note: str = ""
    url: str = ""
    date: str = ""
    seen: str = ""
    internal: str = ""  # a local overlay's own document (a contact list), with its `date`; never shipped

    @property
    def from_elsewhere(self) -> bool:
        return bool(self.elsewhere or self.internal)

    @property
    def basis(self) -> str:
        """What a source from elsewhere says, with its page, the page's date and the day it was read."""
        if self.internal:
            return f"{self.internal} (internt dokument, {self.date})"
        # The address without its scheme: a page the tool prints is text to copy, never a link to follow.
        address = self.url.split("://", 1)[-1]
        page = "; ".join(x for x in (address, self.date, f"läst {self.seen}" if self.seen else "") if x)
        return f"{self.elsewhere} ({page})" if page else self.elsewhere


class Sourced(Record):
    """A sentence and its source."""

    text: str
    source: Source


class DatedNote(Record):
    """A sentence with its source and the date of that source ("2018-09"), so that its age can be shown."""

    text: str
    source: Source
    as_of: str = ""


class County(Record):
    code: str
    name: str
    short_name: str
    iso: str
    letter: str
    region: str
    region_source: Source


class Municipality(Record):
    code: str
    name: str
    county: str


class Hours(Record):
    """When someone is reached ("kontorstid"), what to do outside those hours, and the source of both."""

    text: str
    outside: str
    source: Source
    opens: str = ""  # "08:00": when the hours begin on a weekday, where known or assumed
    closes: str = ""  # "16:00"
    assumed: str = ""  # why the times are an assumption ("" where a source gives them)


class Coordinator(Record):
    id: str
    name: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    age: AgeFocus
    purpose: PurposeFocus
    focus_printed: str
    as_of: str
    source: Source
    superseded_by: str = ""  # a newer page names another person for the same post: this one is no contact


class Number(Record):
    """A phone number and what it is for.

    National numbers (112, 114 14, the support line) do not age and carry no `as_of`; organisation-specific
    ones, such as a local overlay's, carry the date of their source, or `seen`, the year an undated page was
    seen. `urgent` marks the number to call in acute danger.
    """

    id: str
    number: str
    name: str
    use: str
    source: Source
    actor: str = ""
    also_written: tuple[str, ...] = ()
    hours: str = ""
    outside_hours: str = ""
    hours_source: Source | None = None
    as_of: str = ""
    seen: str = ""
    national: bool = False
    urgent: bool = False
    local: str = ""  # the local file it comes from; "" for shipped data


class Region(Record):
    """A coordinators' region; `numbers` are the region's own (a shared line), `no_coordinator` where none is named."""

    id: str
    name: str
    counties: tuple[str, ...]
    coordinators: tuple[Coordinator, ...]
    source: Source
    no_coordinator: DatedNote | None = None
    contact_number: str = ""
    numbers: tuple[Number, ...] = ()
    # The brochure's people whom a newer page has replaced: said in the region's view, never offered as a contact.
    superseded: tuple[Coordinator, ...] = ()


class Responsibility(Record):
    text: str
    for_whom: ForWhom
    source: Source


class Web(Record):
    url: str
    source: Source


class Contact(Record):
    numbers: tuple[str, ...] = ()
    how: tuple[Sourced, ...] = ()
    web: tuple[Web, ...] = ()


class Locations(Record):
    """The municipalities where an actor has an office, so it is named only in regions that have one."""

    places: tuple[str, ...]
    source: Source


class Actor(Record):
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: ActorKind
    summary: str
    summary_source: Source
    responsibilities: tuple[Responsibility, ...]
    contact: Contact
    part_of: str = ""
    about: tuple[Sourced, ...] = ()
    no_duties: Sourced | None = None
    locations: Locations | None = None


QuestionType = Literal["single", "multi", "place"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("single", "multi", "place")


class Choice(Record):
    """One answer to a question; an `exclusive` answer cannot be combined with others in a multiple choice."""

    value: str
    label: str
    exclusive: bool = False
    alert: str = ""


class HelpText(Record):
    """A part of a question's help, said where `when` can hold for the answers so far (rules.help_for)."""

    text: str
    when: Condition = ALWAYS


class Question(Record):
    """A question of the guide; `unknown` is the value that means "Vet inte" ("" where none does).

    `verify` is what to find out when the answer is unknown ("" where the checklist's own items say it).
    """

    id: str
    short: str
    text: str
    helps: tuple[HelpText, ...]
    type: QuestionType
    unknown: str
    verify: str
    choices: tuple[Choice, ...]
    verify_source: Source | None = None

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    @property
    def help(self) -> str:
        """Every part of the help, whatever the answers: for search and for trainers."""
        return " ".join(h.text for h in self.helps)

    @property
    def fallback(self) -> str:
        """What a missing answer counts as: "Vet inte", or the last choice where there is none ("Annat / vet inte")."""
        return self.unknown or self.values[-1]

    def label(self, value: str) -> str:
        return next((c.label for c in self.choices if c.value == value), value)

    def combination_error(self, values: tuple[str, ...]) -> str:
        """Why these values of a multiple choice cannot go together, or "" when they can.

        "Vet inte" and the answers marked exclusive stand alone.
        """
        if len(values) < 2:
            return ""
        alone = [c.label for c in self.choices if c.value in values and (c.exclusive or c.value == self.unknown)]
        return f"”{alone[0]}” kan inte kombineras med andra svar" if alone else ""


PeriodUnit = Literal["days", "weeks", "months"]
PERIOD_UNITS: tuple[PeriodUnit, ...] = ("days", "weeks", "months")


class Deadline(Record):
    """A deadline the law gives, relative to an event ("inom 14 dagar från anmälan"); no period means at once."""

    id: str
    text: str
    law: str
    start: str
    source: Source
    period: tuple[PeriodUnit, int] | None = None
    next_weekday: bool = False  # the action may wait for the next weekday where the last day is none (dates.py)
    event: str = ""  # the event it runs from (Knowledge.events), whose day the user may give
    # A period that runs out (the betänketid's 30 days), no action due by it: the phrase said instead of
    # "senast" ("betänketiden slutar"); its first day counts as day 1 (dates.due), and it never moves.
    ends: str = ""


class Event(Record):
    """An event of the case that deadlines run from ("anmälan"), by an id the user can type (--from anmalan=…).

    `by_name`: its day is taken only where the user names it (--from beslut-betanketid=DATUM), never from the
    one day given for all events: a decision that is usually not yet made has no day to share.
    """

    id: str
    label: str
    by_name: bool = False


# The rules by which a deadline becomes a date (process.yaml, counting); dates.py counts by them.
COUNTING_RULES = ("days", "weeks-months", "next_weekday", "holidays")


class CountingRule(Record):
    """A rule of law by which a deadline is counted, in words for the user, with its source."""

    id: str
    text: str
    source: Source


class ConsultQuestion(Record):
    """A question to ask a coordinator or the support line, where `when` holds for the case."""

    id: str
    text: str
    source: Source
    when: Condition = ALWAYS


class Consultation(Record):
    """What a call for advice without personal details needs: the line on privacy, and the questions."""

    privacy: Sourced
    questions: tuple[ConsultQuestion, ...]


class Task(Record):
    """Something the user does, in the user's words, for some roles (all when `roles` is empty).

    `urgency` 1–5 makes it a candidate for "Nu"; `restates` are the step actions it says in other words, with
    the sources' wording; `check` is what to say when an unknown answer leaves it open.
    """

    id: str
    text: str
    sources: tuple[Source, ...]
    roles: tuple[str, ...] = ()
    when: Condition = ALWAYS
    urgency: int = 0
    due: str = ""
    number: str = ""
    check: str = ""
    restates: tuple[Action, ...] = ()
    info: bool = False


class Action(Record):
    """What an actor does in a step, as the sources word it; `short` is the phrase for "Vem gör vad".

    `placement` is the basis for placing it in this step.
    """

    actor: str
    text: str
    for_whom: ForWhom
    source: Source
    placement: str
    when: Condition = ALWAYS
    short: str = ""
    step: int = 0
    id: str = ""  # "s2-5": the fifth action of step 2, unique in the process
    own_words: bool = False  # `text:` in the data, not a duty as the sources word it: never "the source's wording"


class ContactRule(Record):
    """Whom to contact, and why: an actor (`actor`), or a national number (`number`)."""

    why: str
    source: Source
    actor: str = ""
    number: str = ""
    when: Condition = ALWAYS


class Step(Record):
    """One of the manual's six steps."""

    number: int
    id: str
    name: str
    timing: str
    summary: str
    source: Source
    actions: tuple[Action, ...] = ()


class Law(Record):
    """A legal text of the sources, with notes where the law may have changed since."""

    id: str
    name: str
    reference: str
    texts: tuple[Sourced, ...]
    notes: tuple[Sourced, ...]
    former_names: tuple[str, ...] = ()  # the offence's earlier names, as the sources print them: found by them too


class Scenario(Record):
    """A teaching case: a story, its answers, notes, and what a correct checklist must (not) contain."""

    id: str
    title: str
    story: str
    answers: tuple[tuple[str, object], ...]
    notes: tuple[Sourced, ...]
    key_contacts: tuple[str, ...]
    key_actors: tuple[str, ...]
    not_contacts: tuple[str, ...] = ()
    not_contact_names: tuple[str, ...] = ()
    first_now_number: str = ""


_T = TypeVar("_T")


SCAN_UP_TO = 32  # a shipped list is at most 22 long; a local file can make one 10,000 long
_INDEXES: dict[tuple[int, str], tuple[tuple[Any, ...], dict[Any, Any]]] = {}


def _by(items: tuple[_T, ...], attr: str, value: str) -> _T:
    """The first item whose `attr` is `value`: a scan for a short list, an index kept for a long one.

    An overlay with 10,000 numbers made `actor` take 24 s, each of its numbers looked up by a scan.
    """
    if len(items) <= SCAN_UP_TO:
        for item in items:
            if getattr(item, attr) == value:
                return item
        raise KeyError(value)
    key = (id(items), attr)
    cached = _INDEXES.get(key)
    if cached is None or cached[0] is not items:  # the tuple is kept with its index: its id is not reused
        index: dict[Any, Any] = {}
        for item in items:
            index.setdefault(getattr(item, attr), item)
        cached = _INDEXES[key] = (items, index)
    return cached[1][value]  # type: ignore[no-any-return]


class Knowledge(Record):
    """Everything the tool knows, validated. Look-ups by id: a scan, or an index for a long (local) list."""

    documents: tuple[Document, ...]
    regions: tuple[Region, ...]
    counties: tuple[County, ...]
    municipalities: tuple[Municipality, ...]
    municipalities_source: Source
    counties_source: Source
    numbers: tuple[Number, ...]
    actors: tuple[Actor, ...]
    steps: tuple[Step, ...]
    regions_as_of: str
    coordinators_actor: str  # the actor whose people and lines the regions list (regions.yaml, actor)
    support_line_id: str  # the number for advice and for checking contacts (actors.yaml, support_line)
    questions: tuple[Question, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    tasks: tuple[Task, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    contact_rules: tuple[ContactRule, ...] = ()
    presumptions: tuple[tuple[str, str], ...] = ()
    local: tuple[tuple[tuple[str, str], str], ...] = ()
    laws: tuple[Law, ...] = ()
    reviewed: str = ""
    counting: tuple[CountingRule, ...] = ()
    consultation: Consultation | None = None
    events: tuple[Event, ...] = ()
    # The newest `seen` among the shipped sources: when a page was last read for the package's data (a local
    # file's readings are its own: a date there must not make the whole look freshly checked).
    pages_seen: str = ""
    coordinator_hours: Hours | None = None  # when the regional coordinators are reached (regions.yaml, hours)

    def local_file(self, key: str, ident: str) -> str:
        """The local file an entry ("regions", "ost") comes from, or "" for shipped data."""
        return dict(self.local).get((key, ident), "")

    @property
    def unknowns(self) -> dict[str, str]:
        """Each question's "Vet inte" value, for the condition interpreter."""
        return {q.id: q.unknown for q in self.questions if q.unknown}

    @property
    def support_line(self) -> Number:
        """The line for advice and for checking contacts; an overlay may replace its entry but not the choice."""
        return self.number(self.support_line_id)

    def question(self, question_id: str) -> Question:
        return _by(self.questions, "id", question_id)

    def role_actor(self, role: str) -> str:
        return dict(self.roles).get(role, "")

    def region(self, region_id: str) -> Region:
        return _by(self.regions, "id", region_id)

    def county(self, code: str) -> County:
        return _by(self.counties, "code", code)

    def number(self, number_id: str) -> Number:
        return _by(self.numbers, "id", number_id)

    def deadline(self, deadline_id: str) -> Deadline:
        return _by(self.deadlines, "id", deadline_id)

    def actor(self, actor_id: str) -> Actor:
        return _by(self.actors, "id", actor_id)

    def document(self, doc_id: str) -> Document:
        return _by(self.documents, "id", doc_id)
