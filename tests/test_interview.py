"""The guide's flow without a terminal: a scripted Ui answers, and the tests read what was asked and what came out.

The same flow runs under questionary and the line-by-line guide (test_prompts.py, tests/commands/test_guide_pty.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from mhstod.errors import Interrupted
from mhstod.interview import BACK, DONE, NOW, Options, Session, Validate, ask_path, end_menu, run
from mhstod.model import Knowledge
from mhstod.places import gazetteer_for


@dataclass
class Asked:
    kind: str
    message: str
    values: list[str]
    default: object


@dataclass
class ScriptedUi:
    """Gives the scripted answers in order; fails on a question the script did not expect."""

    script: list[object]
    asked: list[Asked] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # what validation said to an answer
    place_hint = " [tips]"

    def _next(self, kind: str, message: str, values: list[str], default: object) -> object:
        self.asked.append(Asked(kind, message, values, default))
        if not self.script:
            raise AssertionError(f"a question the script did not expect: {message}")
        answer = self.script.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def select(self, message: str, options: Options, default: str | None) -> str:
        values = [v for _, v in options]
        answer = self._next("select", message, values, default)
        assert answer in values, (answer, message)
        return str(answer)

    def checkbox(self, message: str, options: Options, checked: set[str], validate: Validate) -> list[str]:
        values = [v for _, v in options]
        while True:
            answer = self._next("checkbox", message, values, checked)
            assert isinstance(answer, list)
            verdict = validate(answer)
            if verdict is True:
                return answer
            self.refused.append(str(verdict))

    def text(self, message: str, default: str, validate: Validate, words: list[str]) -> str:
        while True:
            answer = self._next("text", message, words, default)
            verdict = validate(answer)
            if verdict is True:
                return str(answer)
            self.refused.append(str(verdict))

    def questions(self) -> list[str]:
        return [a.message for a in self.asked]


def interview(knowledge: Knowledge, *script: object) -> tuple[dict[str, object], ScriptedUi, list[str], list[str]]:
    ui = ScriptedUi(list(script))
    said: list[str] = []
    alerts: list[str] = []
    answers = run(knowledge, said.append, ui, alerts.append)
    assert not ui.script, f"not asked: {ui.script}"
    return dict(answers.values), ui, said, alerts


def text_of(knowledge: Knowledge, question_id: str) -> str:
    return knowledge.question(question_id).text


# An adult from Sweden in Malmö: going home is never asked; the right to stay is, once (only a Swedish citizen
# is outside betänketid, and "from Sweden" is a country, not a citizenship).
SWEDISH_ADULT = ["no", "adult", "Malmö", "sweden", ["sexual"], "permit", "yes", ["none"], "socialtjanst"]


def test_a_straight_run_asks_only_what_matters_and_ends_at_the_review(knowledge: Knowledge) -> None:
    values, ui, said, alerts = interview(knowledge, *SWEDISH_ADULT, DONE)
    assert values == {"acute_danger": "no", "age": "adult", "county": "known", "origin": "sweden",
                      "purpose": ("sexual",), "residence": "permit", "police": "yes", "needs": ("none",),
                      "role": "socialtjanst"}
    asked = ui.questions()
    assert asked.count(text_of(knowledge, "residence")) == 1 and text_of(knowledge, "return_home") not in asked
    assert text_of(knowledge, "protection") not in asked, "asked only for a child from abroad"
    assert asked[-1] == "Dina svar. Stämmer de?"
    assert said[0] == knowledge.question("acute_danger").help, "each question's help is said before it"
    assert not alerts


def test_the_first_question_offers_no_way_back(knowledge: Knowledge) -> None:
    _, ui, _, _ = interview(knowledge, *SWEDISH_ADULT, DONE)
    assert BACK not in ui.asked[0].values
    assert BACK in ui.asked[1].values


def test_back_asks_the_previous_question_again_with_its_answer_as_default(knowledge: Knowledge) -> None:
    values, ui, _, _ = interview(knowledge, "no", "adult", "<", "child", *SWEDISH_ADULT[2:-1], "unknown",
                                 SWEDISH_ADULT[-1], DONE)  # a child: whether the guardians may be involved
    asked = ui.asked
    assert asked[2].kind == "text" and asked[3].message == text_of(knowledge, "age")
    assert asked[3].default == "adult", "the answer given before is offered again"
    assert values["age"] == "child"


def test_back_from_a_choice(knowledge: Knowledge) -> None:
    values, ui, _, _ = interview(knowledge, "no", BACK, "unknown", "adult", *SWEDISH_ADULT[2:], DONE)
    assert [a.message for a in ui.asked[:3]] == [text_of(knowledge, q) for q in ("acute_danger", "age",
                                                                                 "acute_danger")]
    assert values["acute_danger"] == "unknown"


def test_changing_an_answer_at_the_review_asks_what_now_matters_and_drops_what_does_not(
        knowledge: Knowledge) -> None:
    """From Sweden to another EU country: going home is asked, the right to stay kept; and back again, dropped."""
    values, ui, _, _ = interview(knowledge, *SWEDISH_ADULT, "origin", "eu", "undecided", DONE)
    assert values["residence"] == "permit" and values["return_home"] == "undecided"
    change = ui.asked[len(SWEDISH_ADULT) + 1]
    assert change.message == text_of(knowledge, "origin") and BACK not in change.values
    assert change.default == "sweden"

    values, _, _, _ = interview(knowledge, "no", "adult", "Malmö", "eu", ["sexual"], "unknown", "yes", "undecided",
                                ["none"], "socialtjanst", "origin", "sweden", DONE)
    assert "return_home" not in values, "answers that no longer matter are dropped"
    assert values["residence"] == "unknown", "the right to stay still matters for someone from Sweden"
    assert values["police"] == "yes", "later answers that still matter are kept"


def test_the_review_lists_every_answer(knowledge: Knowledge) -> None:
    _, ui, _, _ = interview(knowledge, *SWEDISH_ADULT, DONE)
    review = ui.asked[-1]
    assert review.values == [DONE, "acute_danger", "age", "county", "origin", "purpose", "residence", "police", "needs",
                             "role"]


def test_acute_danger_alerts_at_once_and_then_offers_the_checklist_now(knowledge: Knowledge) -> None:
    values, ui, _, alerts = interview(knowledge, "yes", NOW)
    assert alerts == [knowledge.question("acute_danger").choices[0].alert]
    assert ui.asked[1].values[0] == NOW, "the way out comes first"
    unanswered = {q.id: q.fallback for q in knowledge.questions if q.id != "acute_danger"}
    assert values["age"] == "unknown" and values["county"] == "unknown"
    assert all(values[q] in (f, (f,)) for q, f in unanswered.items() if q in values)


def test_acute_danger_checklist_now_from_the_place_prompt(knowledge: Knowledge) -> None:
    values, _, said, _ = interview(knowledge, "yes", "adult", "!")
    assert "Skriv ! för att visa checklistan nu." in said[-1]
    assert values["county"] == "unknown" and values["age"] == "adult"


def test_no_checklist_now_without_an_alert(knowledge: Knowledge) -> None:
    _, ui, said, _ = interview(knowledge, *SWEDISH_ADULT, DONE)
    assert all(NOW not in a.values for a in ui.asked)
    assert not any("Skriv !" in s for s in said)


def test_a_multiple_choice_needs_an_answer_and_a_valid_combination(knowledge: Knowledge) -> None:
    script = [*SWEDISH_ADULT[:4], [], ["unknown", "sexual"], ["sexual"], *SWEDISH_ADULT[5:], DONE]
    values, ui, _, _ = interview(knowledge, *script)
    assert ui.refused == ["Välj minst ett svar.", "”Vet inte” kan inte kombineras med andra svar"]
    assert values["purpose"] == ("sexual",)


def test_an_unknown_place_is_refused_with_a_suggestion(knowledge: Knowledge) -> None:
    script = ["no", "adult", "Malmoe", *SWEDISH_ADULT[2:], DONE]
    values, ui, _, _ = interview(knowledge, *script)
    assert len(ui.refused) == 1 and "Malmö" in ui.refused[0]
    assert values["county"] == "known"


def test_the_place_prompt_completes_every_county_and_municipality(knowledge: Knowledge) -> None:
    _, ui, _, _ = interview(knowledge, *SWEDISH_ADULT, DONE)
    words = ui.asked[2].values
    assert words[0] == "<" and "Vet inte" in words
    assert {"Skåne län", "Malmö", "Gotland"} <= set(words)


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), EOFError()])
def test_ctrl_c_or_end_of_input_stops_and_keeps_nothing(knowledge: Knowledge, stop: BaseException) -> None:
    with pytest.raises(Interrupted, match="inget sparades"):
        interview(knowledge, "no", "adult", stop)


def test_the_end_menu_and_end_of_input() -> None:
    assert end_menu(ScriptedUi(["save"])) == "save"
    assert end_menu(ScriptedUi([EOFError()])) == "quit"


def test_asking_for_a_path_empty_means_never_mind() -> None:
    def valid(text: str) -> bool | str:
        return True if text.endswith(".md") else "använd .md"

    ui = ScriptedUi(["fel.txt", " ut.md "])
    assert ask_path(ui, "Filnamn", valid) == "ut.md"
    assert ui.refused == ["använd .md"]
    assert ask_path(ScriptedUi([""]), "Filnamn", valid) == ""
    assert ask_path(ScriptedUi([EOFError()]), "Filnamn", valid) == ""


def test_session_back_and_forget_keep_the_place_as_typed(knowledge: Knowledge) -> None:
    session = Session(knowledge)
    gazetteer = gazetteer_for(knowledge)
    session.record(knowledge.question("acute_danger"), "no", None)
    session.record(knowledge.question("county"), "known", gazetteer.find("malmo"))
    assert session.place is not None and session.next_question() == knowledge.question("age")
    assert session.back() == knowledge.question("county")
    assert session.place is None and session.defaults["county"] == "malmo"
    assert session.back() == knowledge.question("acute_danger")
    assert session.back() is None


def test_the_place_is_kept_as_found(knowledge: Knowledge) -> None:
    answers = run(knowledge, lambda _: None, ScriptedUi(["no", "adult", "malmo", *SWEDISH_ADULT[3:], DONE]))
    assert answers.place is not None and answers.place.place.label == "Malmö (kommun i Skåne län)"
    assert answers.values["county"] == "known"


def help_said(knowledge: Knowledge, ui: ScriptedUi, said: list[str], question_id: str) -> str:
    """What was said before the question: said[i] belongs to the i-th question asked."""
    asked = [a.message for a in ui.asked]
    return said[asked.index(text_of(knowledge, question_id))]


def test_help_texts_follow_the_age_given(knowledge: Knowledge) -> None:
    """The help spoke of a child to an adult's case, and of an adult to a child's."""
    adult = ["no", "adult", "Malmö", "non_eu", ["sexual"], "no_permit", "yes", "undecided", ["none"], "socialtjanst"]
    _, ui, said, _ = interview(knowledge, *adult, DONE)
    assert help_said(knowledge, ui, said, "origin").startswith("Hemlandet avgör")
    assert "För ett barn" not in help_said(knowledge, ui, said, "origin")
    police = help_said(knowledge, ui, said, "police")
    assert police.startswith("En vuxen bestämmer själv om polisanmälan. Polisen inleder ändå")
    assert "barn" not in police
    assert help_said(knowledge, ui, said, "return_home").startswith("En vuxen kan få ett frivilligt")
    assert "barn" not in help_said(knowledge, ui, said, "return_home")
    assert "EU-medborgare" not in help_said(knowledge, ui, said, "residence"), "said only for an EU citizen"

    for age in ("child", "unknown"):  # an unknown age is presumed a child's
        child = ["no", age, "Malmö", "eu", ["sexual"], "no_permit", "no", "yes", "undecided", ["none"], "unknown",
                 "socialtjanst"]
        _, ui, said, _ = interview(knowledge, *child, DONE)
        assert help_said(knowledge, ui, said, "origin").endswith("För ett barn från ett annat land kan "
                                                                 "myndigheterna där behöva kopplas in via UD, men "
                                                                 "inte om barnet söker eller har skydd här.")
        police = help_said(knowledge, ui, said, "police")
        assert police.startswith("För ett barn avgör inte barnets önskan ensam") and "En vuxen" not in police
        assert help_said(knowledge, ui, said, "return_home").startswith("Ett barn återvänder bara")
        assert "En vuxen" not in help_said(knowledge, ui, said, "return_home")
        assert "uppehållsrätt: svara Ja då" in help_said(knowledge, ui, said, "residence")
        assert "svensk medborgare" not in help_said(knowledge, ui, said, "residence"), "said only for Sweden"


def test_a_changed_age_changes_the_help_asked_again(knowledge: Knowledge) -> None:
    script = [*SWEDISH_ADULT, "age", "child", "unknown", "police", "no", DONE]  # a child: the guardians are asked
    _, _, said, _ = interview(knowledge, *script)
    police = [s for s in said if "Polisen inleder ändå" in s]
    assert len(police) == 2 and police[0].startswith("En vuxen") and police[1].startswith("För ett barn")
