"""The one place that asks questions: questionary prompts over the questions in the data.

The flow (which question next, going back, the review) is plain Python over `Answers`; only `_ask`
touches the terminal, so everything else can be driven without one.
"""

from __future__ import annotations

from collections.abc import Callable

import questionary
from questionary import Choice

from mhstod.answers import Answers, is_relevant, parse_value
from mhstod.conditions import Answer
from mhstod.errors import AnswersError, Interrupted
from mhstod.model import Knowledge, Question
from mhstod.places import Gazetteer, Match, gazetteer_for

BACK = "__back__"
DONE = "__done__"
BACK_LABEL = "← Tillbaka till föregående fråga"
SELECT_HINT = "(piltangenterna flyttar, Enter väljer)"
PLACE_HINT = " Tab kompletterar; skriv Vet inte om du inte vet."
PLACE_BACK = " Skriv < för att gå tillbaka."

Say = Callable[[str], None]


class Session:
    """Answers given so far, in the order they were given."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.values: dict[str, Answer] = {}
        self.place: Match | None = None
        self.history: list[str] = []
        self.defaults: dict[str, Answer] = {}

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
        if question_id == "county" and self.place is not None:
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


def run(knowledge: Knowledge, say: Say) -> Answers:
    """Ask until every relevant question is answered and the user accepts the review."""
    session = Session(knowledge)
    gazetteer = gazetteer_for(knowledge)
    try:
        _ask_all(session, gazetteer, say)
        while True:
            chosen = _review(session)
            if chosen == DONE:
                return session.answers()
            question = knowledge.question(chosen)
            _ask_one(session, question, gazetteer, say, allow_back=False)
            _ask_all(session, gazetteer, say)
    except KeyboardInterrupt:
        raise Interrupted("avbrutet; inget sparades.") from None


def _ask_all(session: Session, gazetteer: Gazetteer, say: Say) -> None:
    question = session.next_question()
    while question is not None:
        went_back = _ask_one(session, question, gazetteer, say, allow_back=bool(session.history))
        if went_back:
            previous = session.back()
            question = previous or question
        else:
            question = session.next_question()


def _ask_one(session: Session, question: Question, gazetteer: Gazetteer, say: Say, allow_back: bool) -> bool:
    """Ask one question; True when the user chose to go back."""
    say(question.help + (PLACE_HINT + (PLACE_BACK if allow_back else "") if question.type == "place" else ""))
    previous = session.values.get(question.id, session.defaults.get(question.id))
    raw = _prompt(question, previous, gazetteer, session, allow_back)
    if raw == BACK or (isinstance(raw, list) and BACK in raw):
        return True
    try:
        value, place = parse_value(session.knowledge, question, raw, gazetteer)
    except AnswersError as exc:  # validation in the prompt makes this rare; ask again rather than fail
        say(str(exc))
        return _ask_one(session, question, gazetteer, say, allow_back)
    session.record(question, value, place)
    return False


def _prompt(question: Question, previous: Answer | None, gazetteer: Gazetteer, session: Session,
            allow_back: bool) -> object:
    back = [Choice(BACK_LABEL, value=BACK)] if allow_back else []
    if question.type == "single":
        choices = [Choice(c.label, value=c.value) for c in question.choices] + back
        default = previous if isinstance(previous, str) and previous in question.values else None
        return questionary.select(question.text, choices=choices, default=default,
                                  instruction=SELECT_HINT).unsafe_ask()
    if question.type == "multi":
        chosen = set(previous) if isinstance(previous, tuple) else set()
        choices = [Choice(c.label, value=c.value, checked=c.value in chosen) for c in question.choices] + back
        return questionary.checkbox(
            question.text, choices=choices, validate=lambda picked: bool(picked) or "Välj minst ett svar.",
            instruction="(mellanslag väljer, Enter bekräftar)").unsafe_ask()
    return _place_prompt(question, gazetteer, session, allow_back)


def _place_prompt(question: Question, gazetteer: Gazetteer, session: Session, allow_back: bool) -> object:
    names = sorted({c.name for c in session.knowledge.counties} | {m.name for m in session.knowledge.municipalities})
    words = [question.label(question.unknown), *names]
    if allow_back:
        words.insert(0, "<")

    def valid(text: str) -> bool | str:
        if allow_back and text.strip() == "<":
            return True
        try:
            parse_value(session.knowledge, question, text, gazetteer)
        except AnswersError as exc:
            return str(exc).split(": ", 1)[-1]
        return True

    previous = session.defaults.get(question.id)
    default = session.place.typed if session.place else previous if isinstance(previous, str) else ""
    text = questionary.autocomplete(question.text, choices=words, validate=valid, default=default,
                                    ignore_case=True, match_middle=False).unsafe_ask()
    return BACK if allow_back and str(text).strip() == "<" else text


def _review(session: Session) -> str:
    choices = [Choice("✔ Visa checklistan", value=DONE)]
    for view_question in session.knowledge.questions:
        if view_question.id not in session.values:
            continue
        value = session.values[view_question.id]
        if view_question.type == "place":
            label = session.place.place.label if session.place else view_question.label(view_question.unknown)
        elif isinstance(value, tuple):
            label = ", ".join(view_question.label(v) for v in value)
        else:
            label = view_question.label(value)
        choices.append(Choice(f"Ändra: {view_question.short} – {label}", value=view_question.id))
    result = questionary.select("Dina svar. Stämmer de?", choices=choices, instruction=SELECT_HINT).unsafe_ask()
    return str(result)
