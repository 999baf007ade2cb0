"""The guide's interview without a terminal: which question next, going back, the review, the menu at the end.

Also the shortcut to the checklist after an alert (acute danger). A `Ui` (prompts.py) draws the widgets; everything
here can be driven by a scripted one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, Protocol

from mhstod.answers import Answers, parse_value
from mhstod.conditions import Answer
from mhstod.errors import AnswersError, Interrupted
from mhstod.model import PLACE_QUESTION, Knowledge, Question
from mhstod.places import Gazetteer, Match, gazetteer_for
from mhstod.rules import help_for, is_relevant

BACK = "__back__"


DONE = "__done__"


NOW = "__now__"


BACK_LABEL = "← Tillbaka till föregående fråga"


NOW_LABEL = "Visa checklistan nu (resten räknas som ”Vet inte”)"


NOW_WORD = "!"


PLACE_NOW = " Skriv ! för att visa checklistan nu."


PLACE_BACK = " Skriv < för att gå tillbaka."


Say = Callable[[str], None]


Outcome = Literal["answered", "back", "now"]


class Session:
    """Answers given so far, in the order they were given."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.values: dict[str, Answer] = {}
        self.place: Match | None = None
        self.history: list[str] = []
        self.defaults: dict[str, Answer] = {}
        self.hurry = False  # after an alert (acute danger): every question offers the checklist at once

    def answers(self) -> Answers:
        return Answers(dict(self.values), self.place)

    def next_question(self) -> Question | None:
        """The first question not yet answered that some rule that can still apply reads."""
        rules = self.answers().for_rules(self.knowledge)
        for question in self.knowledge.questions:
            if question.id not in self.values and is_relevant(self.knowledge, question, rules):
                return question
        return None

    def record(self, question: Question, value: Answer, place: Match | None) -> None:
        self.values[question.id] = value
        self.defaults.pop(question.id, None)
        if question.type == "place":
            self.place = place
        if question.id in self.history:
            self.history.remove(question.id)
        self.history.append(question.id)
        self.prune()

    def finish_now(self) -> Answers:
        """What is known so far; every question that still matters counts as "Vet inte"."""
        while (question := self.next_question()) is not None:
            fallback = question.fallback
            self.values[question.id] = (fallback,) if question.type == "multi" else fallback
        return self.answers()

    def back(self) -> Question | None:
        """Forget the last answer and return its question, to be asked again."""
        if not self.history:
            return None
        question_id = self.history.pop()
        self._forget(question_id)
        return self.knowledge.question(question_id)

    def _forget(self, question_id: str) -> None:
        """Drop an answer but keep it as the default, should the question be asked again."""
        if question_id in self.values:
            self.defaults[question_id] = self.values.pop(question_id)
        if question_id == PLACE_QUESTION and self.place is not None:
            self.defaults[question_id] = self.place.typed
            self.place = None

    def prune(self) -> None:
        """Drop answers that no longer matter after a change; later answers that still apply are kept."""
        changed = True
        while changed:
            changed = False
            rules = self.answers().for_rules(self.knowledge)
            for question_id in list(self.values):
                question = self.knowledge.question(question_id)
                others = {k: v for k, v in rules.items() if k != question_id}
                if not is_relevant(self.knowledge, question, others):
                    self._forget(question_id)
                    self.history.remove(question_id)
                    changed = True
                    break


def run(knowledge: Knowledge, say: Say, ui: Ui, alert: Say | None = None) -> Answers:
    """Ask until every relevant question is answered and the user accepts the review.

    An answer with an alert (acute danger: ring 112) is said at once through `alert`; from then on every question
    offers to show the checklist at once, with what is known.
    """
    session = Session(knowledge)
    gazetteer = gazetteer_for(knowledge)
    shout = alert or say
    try:
        if _ask_all(session, gazetteer, say, shout, ui) == "now":
            return session.finish_now()
        while True:
            chosen = _review(session, ui)
            if chosen == DONE:
                return session.answers()
            question = knowledge.question(chosen)
            if _ask_one(session, question, gazetteer, say, shout, ui, allow_back=False) == "now":
                return session.finish_now()
            if _ask_all(session, gazetteer, say, shout, ui) == "now":
                return session.finish_now()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("avbrutet; inget sparades.") from None


def _ask_all(session: Session, gazetteer: Gazetteer, say: Say, alert: Say, ui: Ui) -> Outcome:
    question = session.next_question()
    while question is not None:
        outcome = _ask_one(session, question, gazetteer, say, alert, ui, allow_back=bool(session.history))
        if outcome == "now":
            return outcome
        if outcome == "back":
            previous = session.back()
            question = previous or question
        else:
            question = session.next_question()
    return "answered"


def _ask_one(session: Session, question: Question, gazetteer: Gazetteer, say: Say, alert: Say, ui: Ui,
             allow_back: bool) -> Outcome:
    """Ask one question: answered, or the user chose to go back or to see the checklist now."""
    hint = ""
    if question.type == "place":
        hint = ui.place_hint + (PLACE_BACK if allow_back else "") + (PLACE_NOW if session.hurry else "")
    say(help_for(session.knowledge, question, session.answers().for_rules(session.knowledge)) + hint)
    previous = session.values.get(question.id, session.defaults.get(question.id))
    raw = _prompt(question, previous, gazetteer, session, ui, allow_back)
    for special, outcome in ((NOW, "now"), (BACK, "back")):
        if raw == special or (isinstance(raw, list) and special in raw):
            return outcome  # type: ignore[return-value]
    try:
        value, place = parse_value(session.knowledge, question, raw, gazetteer)
    except AnswersError as exc:  # validation in the prompt makes this rare; ask again rather than fail
        say(str(exc))
        return _ask_one(session, question, gazetteer, say, alert, ui, allow_back)
    session.record(question, value, place)
    chosen = value if isinstance(value, tuple) else (value,)
    for choice in question.choices:
        if choice.value in chosen and choice.alert:
            alert(choice.alert)
            session.hurry = True
    return "answered"


def _prompt(question: Question, previous: Answer | None, gazetteer: Gazetteer, session: Session, ui: Ui,
            allow_back: bool) -> object:
    back = [(BACK_LABEL, BACK)] if allow_back else []
    now = [(NOW_LABEL, NOW)] if session.hurry else []
    options = now + [(c.label, c.value) for c in question.choices] + back
    if question.type == "single":
        default = previous if isinstance(previous, str) and previous in question.values else None
        return ui.select(question.text, options, default)
    if question.type == "multi":
        def valid(picked: list[str]) -> bool | str:
            if not picked:
                return "Välj minst ett svar."
            if BACK in picked or NOW in picked:
                return True
            return question.combination_error(tuple(picked)) or True

        chosen = set(previous) if isinstance(previous, tuple) else set()
        return ui.checkbox(question.text, options, chosen, valid)
    return _place_prompt(question, gazetteer, session, ui, allow_back)


def _place_prompt(question: Question, gazetteer: Gazetteer, session: Session, ui: Ui, allow_back: bool) -> object:
    names = sorted({c.name for c in session.knowledge.counties} | {m.name for m in session.knowledge.municipalities})
    words = [question.label(question.unknown), *names]
    if allow_back:
        words.insert(0, "<")

    def special(text: str) -> str:
        typed = text.strip()
        if allow_back and typed == "<":
            return BACK
        return NOW if session.hurry and typed == NOW_WORD else ""

    def valid(text: str) -> bool | str:
        if special(text):
            return True
        try:
            parse_value(session.knowledge, question, text, gazetteer)
        except AnswersError as exc:
            return str(exc).split(": ", 1)[-1]
        return True

    previous = session.defaults.get(question.id)
    default = session.place.typed if session.place else previous if isinstance(previous, str) else ""
    text = ui.text(question.text, default, valid, words)
    return special(str(text)) or text


def _review(session: Session, ui: Ui) -> str:
    options = [("✔ Visa checklistan", DONE)]
    answers = session.answers()
    for question in session.knowledge.questions:
        if question.id in answers.values:
            options.append((f"Ändra: {question.short} – {answers.label(question)}", question.id))
    return ui.select("Dina svar. Stämmer de?", options, None)


END_CHOICES = [
    ("Visa hela checklistan, med alla steg och källor", "full"),
    ("Visa sammanfattningen inför ett samtal om råd (utan personuppgifter)", "consultation"),
    ("Spara checklistan som fil (.md, .html eller .json)", "save"),
    ("Spara fristerna som datum i en kalenderfil (.ics)", "calendar"),
    ("Spara svaren som svarsfil (.yaml), för att köra om eller ändra dem", "answers"),
    ("Avsluta", "quit"),
]


def end_menu(ui: Ui, dated: bool = False) -> str:
    """What to do with the checklist that was just shown; end of input (Ctrl-D in the line-by-line guide) quits.

    The calendar file is offered only where the checklist has deadlines as dates.
    """
    choices = [c for c in END_CHOICES if c[1] != "calendar" or dated]
    try:
        return ui.select("Vad vill du göra nu?", choices, None)
    except EOFError:
        return "quit"


def ask_path(ui: Ui, message: str, validate: Validate, default: str = "") -> str:
    """A file name, `default` offered; empty (or Ctrl-D) means the user changed their mind."""
    try:
        return ui.text(message, default, lambda text: True if not text.strip() else validate(text.strip()),
                       []).strip()
    except EOFError:
        return ""


DAY_QUESTION = ("Från vilket datum ska fristerna räknas? Samma dag gäller anmälan, besluten och verkställandet. "
                "Skriv ÅÅÅÅ-MM-DD, eller inga.")
NO_DAY = ("", "inga", "nej")  # the deadlines stay relative


def ask_day(ui: Ui, today: date) -> date | None:
    """The day the case's deadlines run from, today unless changed; empty or Ctrl-D: none, they stay relative."""
    from mhstod.dates import parse_day

    def valid(text: str) -> bool | str:
        if text.strip().lower() in NO_DAY:
            return True
        try:
            parse_day(text, today)
        except ValueError as exc:
            return f"{str(exc)[:1].upper()}{str(exc)[1:]}."
        return True

    try:
        answer = ui.text(DAY_QUESTION, today.isoformat(), valid, [])
    except EOFError:
        return None
    return None if answer.strip().lower() in NO_DAY else parse_day(answer, today)


Options = list[tuple[str, str]]


Validate = Callable[[Any], "bool | str"]


class Ui(Protocol):
    """The widgets the flow needs; options are (label, value) pairs."""

    place_hint: str

    def select(self, message: str, options: Options, default: str | None) -> str: ...

    def checkbox(self, message: str, options: Options, checked: set[str], validate: Validate) -> list[str]: ...

    def text(self, message: str, default: str, validate: Validate, words: list[str]) -> str: ...
