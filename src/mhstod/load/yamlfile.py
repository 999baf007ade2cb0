"""Parse YAML strictly: no duplicate keys, no aliases or merge keys, and errors that carry a line number.

Only the scalars hand-written data needs: text, true/false (also yes/no, as people write them), null, and
decimal numbers of at most 18 digits. YAML 1.1's hexadecimal, octal, binary and base-60 integers (`0x1f`,
`0114` as 76, `1:1:1` …) and its dates stay text, so no file can make a number that takes seconds to read
or an error message too long to print. A file from outside the package (an overlay, an answers file) is also
refused if it nests deeper than any real one, before the C composer, which recurses, sees it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from mhstod.errors import quoted

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
)]


def in_swedish(problem: str) -> str:
    """The parser's problem in Swedish; one it does not know is said in general terms, never in English."""
    return next((said for pattern, said in _PROBLEMS if pattern.search(problem)), "texten följer inte YAML:s regler")


class YamlProblem(Exception):
    """The text is not YAML we accept; `line` is 1-based, or 0 when unknown."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(_Base):  # type: ignore[misc]
    """A safe loader that refuses what hand-written data never needs and an attacker might."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            # An alias: our data never reuses nodes, and nested aliases can expand exponentially.
            raise YamlProblem("YAML-alias (&/*) används inte här", node.start_mark.line + 1)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key_node.tag != "tag:yaml.org,2002:str":  # a number, true/false, null, a list: never a name
                raise YamlProblem("en nyckel är inte text", key_node.start_mark.line + 1)
            if key in seen:
                raise YamlProblem(f"nyckeln {quoted(key)} förekommer två gånger", key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: Any) -> int:
        """Only decimal integers, also under an explicit `!!int` tag."""
        value = str(node.value).replace("_", "")
        if not DECIMAL.match(value):
            raise YamlProblem(f"{quoted(value)} är inget heltal i decimal form", node.start_mark.line + 1)
        return int(value)

    def construct_yaml_float(self, node: Any) -> float:
        value = str(node.value).replace("_", "")
        if not (DECIMAL.match(value) or DECIMAL_FLOAT.match(value)):
            raise YamlProblem(f"{quoted(value)} är inget decimaltal", node.start_mark.line + 1)
        return float(value)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in _DROPPED]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", DECIMAL, list("-+0123456789"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", DECIMAL_FLOAT, list("-+0123456789"))
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)


def _refuse_tag(loader: Any, node: Any) -> Any:
    """A tag that builds dates, bytes, sets or ordered pairs, or one of the file's own: no data here needs one."""
    raise YamlProblem("en YAML-tagg (som !!binary eller !egen) används inte här", node.start_mark.line + 1)


for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    _StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
_StrictLoader.add_constructor(None, _refuse_tag)


def _check_depth(text: str) -> None:
    """Refuse a document nested deeper than MAX_DEPTH, reading events, which the C parser makes without recursion."""
    depth = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, starts):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark is not None else 0
                raise YamlProblem(f"filen är nästlad djupare än {MAX_DEPTH} nivåer", line)
        elif isinstance(event, ends):
            depth -= 1


def parse(text: str, trusted: bool = False) -> Any:
    """Parse one YAML document; raise YamlProblem with the line where it went wrong.

    `trusted`: the package's own files, whose depth is known; anything else is checked first.
    """
    try:
        if not trusted:
            _check_depth(text)
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
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
