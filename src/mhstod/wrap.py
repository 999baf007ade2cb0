"""Text broken into lines between words, for a terminal of a given width; no terminal library.

prompt_toolkit breaks a long prompt anywhere ("[Sexu" / "ella ändamål]") and cuts a long menu line at the edge;
the guide hands it lines already broken here instead. Pieces keep their style (the question, its instruction).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

Span = tuple[str, str]  # (style, text), as prompt_toolkit's formatted text
_BREAKS = re.compile(r"([ \n])")


def columns(text: str) -> int:
    """Terminal columns: a wide (East Asian) character takes two; none comes before U+1100."""
    return len(text) + sum(1 for c in text if c >= "\u1100" and unicodedata.east_asian_width(c) in "WF")


def wrap_spans(spans: Sequence[Span], width: int, indent: int = 0, start: int = 0) -> list[Span]:
    r"""The spans with a line break (and `indent` spaces) before each word that would pass `width` columns.

    `start`: the columns the first line already holds. Spaces at a break are dropped; a "\n" in the text is kept.
    A word longer than a whole line is cut, never dropped: nothing the user answered is lost.
    """
    width = max(width, indent + 1)
    out: list[Span] = []
    column, filled = start, False
    spaces: list[Span] = []
    for style, piece in _pieces(spans):
        if piece == "\n":
            out.append((style, "\n" + " " * indent))
            column, filled, spaces = indent, False, []
        elif piece == " ":
            spaces.append((style, piece))
        else:
            # A word that would pass the edge goes to a new line, also the first word after `start` (a prompt's
            # "? "), unless it would not fit a whole line either: then it is cut where it stands.
            fits_a_line = columns(piece) <= width - indent
            if (filled or (column > indent and fits_a_line)) and column + len(spaces) + columns(piece) > width:
                out.append(("", "\n" + " " * indent))
                column, filled, spaces = indent, False, []
            out += spaces
            column += len(spaces)
            spaces = []
            while column + columns(piece) > width and len(piece) > 1:
                head = _fit(piece, width - column) if width > column else ""
                if not head and column == indent:  # not even one wide character fits a new line: take it anyway
                    head = piece[:1]
                if head:
                    out.append((style, head))
                out.append(("", "\n" + " " * indent))
                piece, column = piece[len(head):], indent
            out.append((style, piece))
            column, filled = column + columns(piece), True
    room = max(width - column, 0)
    out += spaces[:room]
    return out


def wrap(text: str, width: int, indent: int = 0, start: int = 0) -> str:
    """`text` as lines of at most `width` columns, broken between words (see wrap_spans)."""
    return "".join(piece for _, piece in wrap_spans([("", text)], width, indent, start))


def _pieces(spans: Sequence[Span]) -> Iterator[Span]:
    """Words, single spaces and line breaks, each with its span's style."""
    for style, text in spans:
        for piece in _BREAKS.split(text):
            if piece:
                yield style, piece


def _fit(word: str, room: int) -> str:
    """The longest start of `word` that fits in `room` columns."""
    used = 0
    for index, char in enumerate(word):
        used += columns(char)
        if used > room:
            return word[:index]
    return word
