"""Lines broken between words at every terminal width the guide may meet: the guide's texts, and free text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhstod.model import Knowledge
from mhstod.wrap import columns, wrap, wrap_spans

WIDTHS = range(40, 201)


def guide_texts(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    """Every question and help text; every choice, and a review line with every answer of a multiple choice."""
    said = [text for q in knowledge.questions for text in (q.text, q.help)]
    choices = [c.label for q in knowledge.questions for c in q.choices]
    choices += [f"Ändra: {q.short} – {', '.join(c.label for c in q.choices)}" for q in knowledge.questions]
    return said, choices


def check(text: str, width: int, indent: int, start: int) -> None:
    lines = wrap(text, width, indent, start).split("\n")
    assert columns(lines[0]) + start <= width and all(columns(line) <= width for line in lines), (width, lines)
    assert all(line.startswith(" " * indent) and not line[indent:].startswith(" ") for line in lines[1:])
    assert "".join("".join(lines).split()) == "".join(text.split()), "no character lost or added"
    longest = max((columns(word) for word in text.split()), default=0)
    if longest <= width - max(indent, start):
        assert set(" ".join(lines).split()) == set(text.split()), "no word broken"


def test_the_guide_texts_break_between_words_at_every_width(knowledge: Knowledge) -> None:
    said, choices = guide_texts(knowledge)
    for width in WIDTHS:
        for text in said:
            check(text, width, 2, 2)  # a question after "? "
        for text in choices:
            check(text, width, 9, 6)  # a choice after " » ○ " and its number


@settings(max_examples=150)
@given(st.text(st.sampled_from("abcåäö ¡漢–"), max_size=300),
       st.integers(40, 200), st.integers(0, 12), st.integers(0, 12))
def test_any_text_breaks_between_words(text: str, width: int, indent: int, start: int) -> None:
    check(text, width, indent, start)


def test_a_word_that_fits_a_whole_line_is_not_cut_after_the_prompt() -> None:
    """Found by Hypothesis: after a prompt of 4 columns a 37-column word was cut, though a line holds 40."""
    text = "a" * 27 + "漢" * 5
    assert wrap(text, 40, indent=0, start=4) == "\n" + text


def test_a_word_longer_than_the_line_is_cut_not_lost() -> None:
    assert wrap("a " + "x" * 50, 40, indent=2) == "a\n  " + "x" * 38 + "\n  " + "x" * 12


def test_styles_stay_with_their_words() -> None:
    spans = wrap_spans([("q", "? Vilka svar"), ("i", " (Enter bekräftar)")], 14, indent=2)
    assert spans == [("q", "?"), ("q", " "), ("q", "Vilka"), ("q", " "), ("q", "svar"), ("", "\n  "),
                     ("i", "(Enter"), ("", "\n  "), ("i", "bekräftar)")]


@pytest.mark.parametrize(("text", "width", "indent"), [("x 中文字", 3, 2), ("中文字", 1, 0), ("ab 中", 2, 1)])
def test_a_character_wider_than_the_room_left_is_still_placed(text: str, width: int, indent: int) -> None:
    """With one column left after the indent, a two-column character fitted nowhere: the loop never ended."""
    import signal

    def endless(signum: int, frame: object) -> None:
        raise TimeoutError("wrap() did not end")

    before = signal.signal(signal.SIGALRM, endless)
    signal.alarm(5)
    try:
        wrapped = wrap(text, width, indent=indent)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert wrapped.replace("\n", "").replace(" ", "") == text.replace(" ", "")
