"""Answers to the guide's questions: validated the same way from a prompt or from a file."""

from __future__ import annotations

from collections.abc import Mapping

from mhstod.conditions import Answer
from mhstod.dates import CaseDays
from mhstod.errors import AnswersError, MhstodError, quoted
from mhstod.model import PLACE_QUESTION, ROLE_QUESTION, Knowledge, Question
from mhstod.places import Gazetteer, Match, gazetteer_for
from mhstod.record import Record
from mhstod.rules import for_rules, is_relevant

YES_NO = {True: "yes", False: "no"}  # YAML reads an unquoted yes/no as a boolean
# The answers file's schema. 1: the questions up to 2026-11 (a file without `version`); 2: adds `protection`
# and `guardians`.
# A newer version may add questions and answers, never rename or remove one: a file of an older version still
# reads, and what it leaves out counts as "Vet inte" with a warning.
VERSION_KEY = "version"
DAYS_KEY = "from"  # the days the deadlines run from, as --from gives them (version 3): {every: …, anmalan: …}
ANSWERS_VERSION = 3
UNKNOWN_WORDS = {"vet inte", "vet ej", "okänt", "okänd"}


class Answers(Record):
    """Valid answers by question id; `place` is the resolved county answer, if one was given."""

    values: Mapping[str, Answer]
    place: Match | None = None
    warnings: tuple[str, ...] = ()
    days: CaseDays | None = None  # the file's `from`: the deadlines' days, as --from gives them

    def label(self, question: Question) -> str:
        """The answer as the user reads it: the place's name, or the chosen labels."""
        value = self.values[question.id]
        if question.type == "place" and self.place is not None:
            return self.place.place.label
        if isinstance(value, tuple):
            return ", ".join(question.label(v) for v in value)
        return question.label(value)

    def for_rules(self, knowledge: Knowledge) -> dict[str, Answer]:
        """What conditions read (rules.for_rules): the place as known or not, presumptions applied."""
        return for_rules(knowledge, self.values, self.place is not None)


def parse_value(knowledge: Knowledge, question: Question, raw: object, gazetteer: Gazetteer | None = None
                ) -> tuple[Answer, Match | None]:
    """One answer, from a file or a prompt; AnswersError names the question and what it accepts."""
    if question.type == "place":
        if isinstance(raw, int) and not isinstance(raw, bool):
            # YAML reads 12 as a number: a number is never guessed to be a code (a code is text).
            raise _bad(question, raw, f"ett län eller en kommun som text; skriv en kod inom citattecken, t.ex. "
                                      f"{question.id}: \"12\" (en kod är text, inget tal)")
        if not isinstance(raw, str):
            raise _bad(question, raw, "ett län eller en kommun som text, eller 'unknown'")
        if raw.strip().casefold() in UNKNOWN_WORDS or raw.strip() == "unknown":
            return question.unknown, None
        try:
            match = (gazetteer or gazetteer_for(knowledge)).find(raw, "municipality")
        except MhstodError as exc:
            raise AnswersError(f"Svaret på '{question.id}': {exc}") from None
        return "known", match
    if question.type == "multi":
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            raise _bad(question, raw, _accepted(question))
        values = tuple(dict.fromkeys(_single(question, item) for item in items))
        if problem := question.combination_error(values):
            raise AnswersError(f"Ogiltigt svar på '{question.id}': {problem}.")
        return values, None
    return _single(question, raw), None


def _single(question: Question, raw: object) -> str:
    if isinstance(raw, bool) and YES_NO[raw] in question.values:
        return YES_NO[raw]
    if isinstance(raw, str):
        text = raw.strip()
        if text in question.values:
            return text
        if text.casefold() in UNKNOWN_WORDS and question.unknown:
            return question.unknown
        for choice in question.choices:
            if text.casefold() == choice.label.casefold():
                return choice.value
    raise _bad(question, raw, _accepted(question))


def _accepted(question: Question) -> str:
    return ", ".join(question.values)


def _bad(question: Question, raw: object, accepted: str) -> AnswersError:
    return AnswersError(f"Ogiltigt svar på '{question.id}': {brief(raw)}. Giltiga svar: {accepted}.")


def brief(raw: object) -> str:
    """A value from a file, said in a few words: never its repr, which for a deep or huge value is unbounded."""
    if isinstance(raw, str):
        return quoted(raw)
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int):
        digits = str(abs(raw)) if raw.bit_length() < 64 else ""
        return f"talet {'-' if raw < 0 else ''}{digits}" if digits else "ett mycket stort tal"
    if isinstance(raw, float):
        return f"talet {raw:g}"
    if raw is None:
        return "ett tomt värde"
    if isinstance(raw, list):
        return "en lista"
    return "en mappning" if isinstance(raw, dict) else "ett värde av fel slag"


def from_mapping(knowledge: Knowledge, raw: object, gazetteer: Gazetteer | None = None) -> Answers:
    """Answers from a file's mapping; a missing or empty answer that matters counts as "Vet inte".

    Each such answer gets a warning.
    """
    if not isinstance(raw, dict):
        raise AnswersError("Svarsfilen ska vara en mappning från fråge-id till svar, t.ex. 'age: child'.")
    ids = [q.id for q in knowledge.questions]
    if VERSION_KEY in raw:
        _check_version(raw[VERSION_KEY])
    days = _days(raw[DAYS_KEY]) if DAYS_KEY in raw else None
    for key in raw:
        if key == DAYS_KEY:
            continue
        if key == "<<":  # YAML 1.1's merge key, which this reader does not apply (it could hide an answer)
            raise AnswersError("Svarsfilen använder YAML:s sammanslagningsnyckel '<<', som inte läses: skriv "
                               "varje svar för sig.")
        if key not in ids and key != VERSION_KEY:
            raise AnswersError(f"Okänd fråga {brief(key)} i svarsfilen. Frågorna: {', '.join(ids)}.")
    gazetteer = gazetteer or gazetteer_for(knowledge)
    values: dict[str, Answer] = {}
    place: Match | None = None
    warnings = []
    for question in knowledge.questions:
        if not _empty(raw.get(question.id)):  # an empty answer ("age:" or "age: ''") counts as missing
            value, match = parse_value(knowledge, question, raw[question.id], gazetteer)
            values[question.id] = value
            place = match or place
    for question in knowledge.questions:
        if question.id not in values and is_relevant(knowledge, question, Answers(values, place).for_rules(knowledge)):
            fallback = question.fallback
            values[question.id] = fallback if question.type != "multi" else (fallback,)
            warnings.append(f"Svar saknas på '{question.id}' ({question.text}): räknas som "
                            f"”{question.label(fallback)}”.")
    warnings += not_applying(knowledge, Answers(values, place), given=set(raw))
    return Answers(values, place, tuple(warnings), days)


EVERY = "every"  # in `from`: the day for every event


def _days(raw: object) -> CaseDays:
    """The file's `from`: {every: 2026-11-27, anmalan: 2026-11-23}, each a date; the events are --from's."""
    from datetime import date

    from mhstod.dates import FIRST_YEAR, LAST_YEAR

    if not isinstance(raw, dict) or not raw:
        raise AnswersError(f"'{DAYS_KEY}' i svarsfilen ska vara en mappning från händelse till datum, t.ex. "
                           f"{DAYS_KEY}: {{{EVERY}: 2026-11-27}}.")
    every: date | None = None
    events: list[tuple[str, date]] = []
    for key, value in raw.items():
        text = str(value) if isinstance(value, (str, date)) else ""
        try:
            day = date.fromisoformat(text) if len(text) == 10 and text.isascii() else None
        except ValueError:
            day = None
        if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise AnswersError(f"'{DAYS_KEY}' i svarsfilen: {brief(value)} är inget datum ÅÅÅÅ-MM-DD "
                               f"({FIRST_YEAR}–{LAST_YEAR}).")
        if key == EVERY:
            every = day
        elif isinstance(key, str) and key in EVENT_IDS:
            events.append((key, day))
        else:
            raise AnswersError(f"'{DAYS_KEY}' i svarsfilen: okänd händelse {brief(key)}; händelserna är "
                               f"{EVERY}, {', '.join(EVENT_IDS)}.")
    return CaseDays(every, tuple(events))


EVENT_IDS = ("anmalan", "utredning", "omhandertagande", "verkstallighet", "beslut-betanketid")  # process.yaml


def not_applying(knowledge: Knowledge, answers: Answers, given: set[object]) -> list[str]:
    """A warning for each answer given to a question the other answers make moot.

    Return home for a person from Sweden: the guide would not have asked it, and nothing in the checklist
    rests on it. Said, never refused.
    """
    rules = answers.for_rules(knowledge)
    return [f"Frågan '{q.id}' ({q.text}) ställs inte med de övriga svaren: svaret används inte."
            for q in knowledge.questions
            if q.id in given and q.id not in (ROLE_QUESTION, PLACE_QUESTION) and not is_relevant(knowledge, q, rules)]


def _check_version(raw: object) -> None:
    """A file written for a newer mhstod may hold questions this one does not know: say so, not "okänd fråga".

    A whole number as YAML or JSON writes it (2, 2.0, "2") is read as that number.
    """
    version = raw
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e6:
        version = int(raw)
    elif isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit() and len(raw.strip()) <= 6:
        version = int(raw.strip())
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise AnswersError(f"Ogiltig version i svarsfilen: {brief(raw)}. Ange ett heltal 1–{ANSWERS_VERSION} "
                           f"(version: {ANSWERS_VERSION}).")
    if version > ANSWERS_VERSION:
        raise AnswersError(f"Svarsfilen har version {brief(version).removeprefix('talet ')}, men den här versionen "
                           f"av mhstod läser svarsfiler upp till version {ANSWERS_VERSION}: uppdatera mhstod, eller "
                           f"ta bort det som är nyare.")


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


