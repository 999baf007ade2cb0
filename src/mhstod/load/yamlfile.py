"""Parse YAML strictly: no duplicate keys, no aliases or merge keys, and errors that carry a line number.

Only the scalars hand-written data needs: text, true/false (also yes/no, as people write them), null, and
decimal numbers of at most 18 digits. YAML 1.1's hexadecimal, octal, binary and base-60 integers (`0x1f`,
`0114` as 76, `1:1:1` …) and its dates stay text, so no file can make a number that takes seconds to read
or an error message too long to print. A file from outside the package (an overlay, an answers file) is also
refused if it nests deeper than any real one: the code that reads the values recurses.

The values are built from the parser's events in one pass (_build), in place of PyYAML's composer and
constructor: no recursion (libyaml's C composer overflowed the stack at 40,000 levels), and a 330 KB overlay
read in 55 ms instead of 320 (a depth scan, then composing and constructing).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from mhstod.errors import quoted

# The parser only: libyaml's where PyYAML was built with it. Its events are read here (_build).
_Events: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Quoted text, and the brackets of flow collections outside it (see _flow_depth).
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')
_BRACKETS = re.compile(r"[\[\]{}]")

MAX_DEPTH = 32  # the deepest real file (an overlay's region → coordinators → focus) nests 7 levels
DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")
DECIMAL_FLOAT = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})\.[0-9]{1,18}$")
# The implicit forms left out: numbers other than decimal, dates, merge keys (<<) and the "=" and "!" forms.
_DROPPED = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp",
            "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value", "tag:yaml.org,2002:yaml"}


# What the YAML parser says (libyaml's words, or PyYAML's where the C parser is missing) in the user's words.
_PROBLEMS = [(re.compile(pattern), said) for pattern, said in (
    (r"expected ',' or '\]'", "en lista inom [ ] stängs inte: här väntades ',' eller ']'"),
    (r"expected ',' or '\}'", "en samling inom { } stängs inte: här väntades ',' eller '}'"),
    (r"'-' indicator|<block end>|block sequence entries",
     "indraget stämmer inte: ett '-' eller en nyckel står på fel nivå"),
    (r"another document|<stream end>", "filen får bara innehålla ett dokument"),
    (r"<document start>", "oväntad text efter ett värde, till exempel efter ett avslutande citattecken"),
    (r"alphabetic or numeric", "ett namn saknas efter & eller *"),
    (r"expected key", "här väntades en nyckel: kontrollera indraget"),
    (r"expected '>'", "en tagg stängs inte med '>'"),
    (r"expected ':'", "ett kolon saknas efter nyckeln, eller ett citattecken stängs inte"),
    (r"expected node content", "här väntades ett värde"),
    (r"comment or line break", "efter värdet väntades en kommentar eller radslut"),
    (r"tab character", "ett tabbtecken i indraget: använd mellanslag"),
    (r"cannot start any token", "ett tecken som inte kan inleda ett värde (som tabb, @ eller `): sätt värdet inom "
                                "citattecken"),
    (r"duplicate %?YAML directive", "%YAML står två gånger"),
    (r"unknown directive", "okänt direktiv (en rad som börjar med %)"),
    (r"undefined alias", "ett alias (*) som inte finns"),
    (r"unexpected end of stream", "filen tar slut för tidigt: ett citattecken eller en parentes stängs inte"),
    (r"unknown escape character", "okänd teckenföljd efter \\ inom dubbla citattecken"),
    (r"mapping values are not allowed", "ett kolon där det inte får stå: sätt texten inom citattecken"),
    (r"could not determine a constructor|tag handle|URI", "en YAML-tagg (som !!binary eller !egen) används inte här"),
    # libyaml 0.2.5 as bundled with PyYAML 6.0.2 and later stops at 1,000 levels on its own; its scanner reads a
    # flow collection's brackets ahead of the events _build counts, so it can refuse before MAX_DEPTH is reached.
    (r"nesting depth", "filen är nästlad för djupt"),
)]


_GENERAL = "texten följer inte YAML:s regler"


def in_swedish(problem: str) -> str:
    """The parser's problem in Swedish; one it does not know is said in general terms, never in English."""
    return next((said for pattern, said in _PROBLEMS if pattern.search(problem)), _GENERAL)


class YamlProblem(Exception):
    """The text is not YAML we accept; `line` is 1-based, or 0 when unknown."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, MAP, SEQ = (_TAG + kind for kind in ("str", "int", "float", "bool", "null", "map", "seq"))
_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}


def _resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's table of implicit types by first character, less _DROPPED, with decimal numbers only."""
    table = {first: [(tag, pattern) for tag, pattern in resolvers if tag not in _DROPPED]
             for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items() if first is not None}
    for first in "-+0123456789":
        table.setdefault(first, []).extend([(INT, DECIMAL), (FLOAT, DECIMAL_FLOAT)])
    return table


_RESOLVERS = _resolvers()


def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag of an untagged scalar, as PyYAML's Resolver.resolve gives it: plain text may be a number or null."""
    if implicit[0]:
        for tag, pattern in _RESOLVERS.get(value[:1] if value else "", ()):
            if pattern.match(value):
                return tag
    return STR


def _scalar(tag: str, value: str, line: int) -> Any:
    """The value of a scalar with its tag: text, a decimal number, true/false or null, and nothing else."""
    if tag == STR:
        return value
    if tag == NULL:
        return None
    if tag == INT:
        digits = value.replace("_", "")
        if not DECIMAL.match(digits):
            raise YamlProblem(f"{quoted(value)} är inget heltal i decimal form", line)
        return int(digits)
    if tag == FLOAT:
        digits = value.replace("_", "")
        if not (DECIMAL.match(digits) or DECIMAL_FLOAT.match(digits)):
            raise YamlProblem(f"{quoted(value)} är inget decimaltal", line)
        return float(digits)
    if tag == BOOL:
        if value.lower() not in _BOOLEANS:
            raise YamlProblem(f"{quoted(value)} är inget sanningsvärde (true eller false)", line)
        return _BOOLEANS[value.lower()]
    raise YamlProblem("en YAML-tagg (som !!binary eller !egen) används inte här", line)


class _Collection:
    """A mapping or list being read, and for a mapping the key whose value comes next (None: a key comes next)."""

    __slots__ = ("key", "mapping", "value")

    def __init__(self, mapping: bool) -> None:
        self.mapping = mapping
        self.value: Any = {} if mapping else []
        self.key: str | None = None


def _line(event: Any) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


def _flow_depth(text: str) -> int:
    """The deepest nesting of flow collections ([ ] and { }) outside quoted text.

    A comment's brackets count too, which can only err towards the depth message for a text libyaml has already
    refused.
    """
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_QUOTED.sub("", text)):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _build(text: str, limit: int) -> Any:
    """The document's value, built from the parser's events in one pass without recursion.

    In place of PyYAML's composer and constructor, whose checks this does on the way: no aliases, keys that are
    text and unique, only the types of _scalar, nesting no deeper than `limit`. A fifth of the time of composing
    and constructing, and no recursion in C or Python however deep a file nests. The loop is the hot path of
    reading an overlay or the data without a snapshot: the most common events are tested first, and a line
    number is worked out only for an error.
    """
    events = _Events(text)
    next_event = events.get_event
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    try:
        anchors: set[str] = set()
        stack: list[_Collection] = []
        top: _Collection | None = None  # the innermost collection, stack[-1]
        documents = 0
        root: Any = None
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None:
                    _anchor(event, anchors)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = _resolve(event.value, event.implicit)
                if top is not None and top.mapping and top.key is None:
                    if tag != STR:  # a number, true/false, null: never a name
                        raise YamlProblem("en nyckel är inte text", _line(event))
                    if event.value in top.value:
                        raise YamlProblem(f"nyckeln {quoted(event.value)} förekommer två gånger", _line(event))
                    top.key = event.value
                    continue
                value = event.value if tag == STR else _scalar(tag, event.value, _line(event))
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None:
                    _anchor(event, anchors)
                is_mapping = kind is mapping_start
                if top is not None and top.mapping and top.key is None:
                    raise YamlProblem("en nyckel är inte text", _line(event))
                if event.tag not in (None, "!", MAP if is_mapping else SEQ):
                    raise YamlProblem("en YAML-tagg (som !!binary eller !egen) används inte här", _line(event))
                if len(stack) >= limit:
                    raise YamlProblem(f"filen är nästlad djupare än {limit} nivåer", _line(event))
                top = _Collection(is_mapping)
                stack.append(top)
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = stack.pop().value
                top = stack[-1] if stack else None
            elif kind is yaml.StreamEndEvent:
                return root
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem("ogiltig YAML: filen får bara innehålla ett dokument", _line(event))
                continue
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlProblem("ogiltig YAML: ett alias (*) som inte finns", _line(event))
                raise YamlProblem("YAML-alias (&/*) används inte här", _line(event))
            else:  # the stream's start, a document's end
                continue
            if top is None:
                root = value
            elif top.mapping:
                top.value[top.key] = value
                top.key = None
            else:
                top.value.append(value)
    finally:
        events.dispose()


def _anchor(event: Any, anchors: set[str]) -> None:
    """An anchor (&a) is allowed once, and only an alias to it is refused: the data never reuses a node."""
    if event.anchor in anchors:
        raise YamlProblem(f"ogiltig YAML: ankaret &{event.anchor} står två gånger", _line(event))
    anchors.add(event.anchor)


def parse(text: str, trusted: bool = False) -> Any:
    """Parse one YAML document; raise YamlProblem with the line where it went wrong.

    `trusted`: the package's own files, whose depth is known; anything else nests at most MAX_DEPTH levels.

    libyaml (PyYAML 6.0.2 and later) stops at 1,000 levels by itself, and for a flow collection its scanner
    reads the brackets ahead of the events _build counts, so it can refuse a text before our limit does. Where it
    refuses for a reason the table of its messages (_PROBLEMS) does not name, or for its own limit, the flow
    brackets are counted outside quoted text: past our limit, the user hears ours. A message stays true and
    Swedish whatever a libyaml release says: an unknown one is said in general terms (in_swedish).
    """
    limit = sys.maxsize if trusted else MAX_DEPTH
    try:
        try:
            return _build(text, limit)
        except yaml.MarkedYAMLError as exc:
            said = in_swedish(exc.problem or exc.context or "")
            if (said == _GENERAL or said.startswith("filen är nästlad")) and _flow_depth(text) > limit:
                mark = exc.problem_mark or exc.context_mark
                raise YamlProblem(f"filen är nästlad djupare än {limit} nivåer",
                                  mark.line + 1 if mark is not None else 0) from None
            raise
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlProblem(f"ogiltig YAML: {in_swedish(exc.problem or exc.context or '')}", line) from None
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or b"?")
        raise YamlProblem(f"tecknet U+{character:04X} är inte tillåtet (position {exc.position})") from None
    except (yaml.YAMLError, RecursionError, TypeError, ValueError) as exc:
        raise YamlProblem(f"ogiltig YAML: {in_swedish(str(exc))}") from None
