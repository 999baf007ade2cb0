"""A strict reader over parsed YAML that names file and place in every error.

The data is small and hand-written, so a dozen lines of checks per type beat a validation
library that would cost start-up time (pydantic alone is ~80 ms, see STYLE.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from datetime import date
from typing import Any, TypeVar

from mhstod.errors import DataError, quoted, shown
from mhstod.model import Source, Sourced

T = TypeVar("T", bound=str)

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Swedish numbers as the sources print them: short national numbers (112, 114 14) or an
# area code, a dash and digit groups (08-508 409 89, 020-39 00 00, 0550-885 67).
PHONE_RE = re.compile(r"^(\d{3}|\d{3} \d{2}|0\d{1,3}-\d{1,3}( ?\d{1,3}){1,4})$", re.ASCII)  # not ０ or ٠
# Local part ASCII; domain may be internationalised (malmö.se), as printed in the brochure.
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@([^\W_]([\w-]*[^\W_])?\.)+[^\W\d_]{2,}$")
SOURCE_KEYS = {"doc", "section", "elsewhere", "document", "inferred", "note", "url", "date", "seen"}
UNDATED = "odaterad"  # a page without a date of its own
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def hidden_character(text: str) -> int | None:
    """The position of the first character no text the tool shows may hold, or None.

    Control characters (escape sequences that move the cursor, clear the screen or retitle the window;
    newlines that forge a line), C1 controls, format characters that reorder or hide text (bidi overrides,
    zero-width, tag characters), line and paragraph separators, private and unassigned code points: what
    str.isprintable() refuses, less the spaces that print as a space (U+00A0 …). Checked in C first, so the
    shipped data pays almost nothing; only a text with such a space is read character by character.
    """
    if text.isprintable():
        return None
    import unicodedata

    for position, character in enumerate(text):
        if not character.isprintable() and unicodedata.category(character) != "Zs":
            return position
    return None


class Node:
    """A value in a data file together with where it is, for error messages."""

    __slots__ = ("file", "local", "path", "value")

    def __init__(self, value: Any, file: str, path: str = "", local: bool = False) -> None:
        self.value = value
        self.file = file
        self.path = path
        self.local = local  # from a local overlay, not the shipped data

    def error(self, message: str) -> DataError:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return DataError(f"{where}: {message}")

    def child(self, key: str | int) -> Node:
        if isinstance(key, int):
            path = f"{self.path}[{key}]"
        else:
            path = f"{self.path}.{key}" if self.path else key
        return Node(self.value[key], self.file, path, self.local)

    def mapping(self, required: Set[str], optional: Set[str] = frozenset()) -> dict[str, Node]:
        if not isinstance(self.value, dict):
            raise self.error(f"väntade en mappning, fick {_kind(self.value)}")
        for key in self.value:
            if not isinstance(key, str):
                raise self.error("en nyckel är inte text")
        unknown = sorted(set(self.value) - required - optional)
        if unknown:
            raise self.error(f"okänd nyckel {quoted(unknown[0])} (tillåtna: {', '.join(sorted(required | optional))})")
        missing = sorted(required - set(self.value))
        if missing:
            raise self.error(f"nyckeln '{missing[0]}' saknas")
        return {key: self.child(key) for key in self.value}

    def items(self) -> Iterator[Node]:
        if not isinstance(self.value, list):
            raise self.error(f"väntade en lista, fick {_kind(self.value)}")
        for index in range(len(self.value)):
            yield self.child(index)

    def text(self, *, empty: bool = False) -> str:
        if not isinstance(self.value, str):
            raise self.error(f"väntade text, fick {_kind(self.value)}")
        if not empty and not self.value.strip():
            raise self.error("får inte vara tom")
        if self.value != self.value.strip():
            raise self.error("har blanksteg i början eller slutet")
        hidden = hidden_character(self.value)
        if hidden is not None:
            raise self.error(f"innehåller ett styr- eller osynligt tecken (U+{ord(self.value[hidden]):04X}) på plats "
                             f"{hidden + 1}")
        return self.value

    def choice(self, allowed: tuple[T, ...]) -> T:
        value = self.text()
        for option in allowed:
            if value == option:
                return option
        raise self.error(f"{quoted(value)} är inte ett tillåtet värde ({', '.join(allowed)})")

    def ident(self) -> str:
        value = self.text()
        if not ID_RE.match(value):
            raise self.error(f"{quoted(value)} är inget giltigt id (små bokstäver a–z, siffror och bindestreck)")
        return value

    def boolean(self) -> bool:
        if not isinstance(self.value, bool):
            raise self.error(f"väntade true eller false, fick {_kind(self.value)}")
        return self.value

    def integer(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.error(f"väntade ett heltal, fick {_kind(self.value)}")
        return self.value

    def phone(self) -> str:
        value = self.text()
        if not PHONE_RE.match(value):
            raise self.error(f"{quoted(value)} är inget telefonnummer i formen 08-508 409 89 eller 114 14")
        return value

    def email(self) -> str:
        value = self.text()
        if not EMAIL_RE.match(value):
            raise self.error(f"{quoted(value)} är ingen e-postadress")
        return value

    def texts(self) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items())


class NodeList(Node):
    """A list whose items may come from different files (shipped data and a local overlay)."""

    __slots__ = ("children",)

    def __init__(self, children: list[Node], file: str, path: str) -> None:
        super().__init__([c.value for c in children], file, path)
        self.children = children

    def items(self) -> Iterator[Node]:
        yield from self.children


def _kind(value: Any) -> str:
    names = {dict: "en mappning", list: "en lista", str: "text", bool: "ett sanningsvärde", int: "ett tal",
             float: "ett tal", type(None): "ingenting"}
    return names.get(type(value), type(value).__name__)


def opt_text(fields: dict[str, Node], key: str) -> str:
    node = fields.get(key)
    return node.text() if node is not None else ""


def read_source(node: Node, documents: frozenset[str]) -> Source:
    """A source: a seed document and section; a page from elsewhere, read on a day; or a local overlay's document.

    A fact from elsewhere names its page (`url`, the page's `date` or "odaterad", and `seen`), or says what it
    is inferred from (`inferred`); free text alone is refused. An overlay may cite its organisation's own
    document instead (`document` with its `date`): shipped data cites what anyone can open.
    """
    fields = node.mapping(set(), SOURCE_KEYS)
    doc = opt_text(fields, "doc")
    elsewhere = opt_text(fields, "elsewhere")
    internal = opt_text(fields, "document")
    if sum(map(bool, (doc, elsewhere, internal))) != 1:
        raise node.error("en källa anger ett av 'doc' (med 'section'), 'elsewhere' (med 'url') eller, i en lokal "
                         "fil, 'document' (med 'date')")
    if doc and doc not in documents:
        raise fields["doc"].error(f"okänt källdokument '{shown(doc, 40)}' (kända: {', '.join(sorted(documents))})")
    section = opt_text(fields, "section")
    if doc and not section:
        raise node.error("en källa med 'doc' behöver 'section'")
    if section and not doc:
        raise fields["section"].error("'section' hör till 'doc', ett av källdokumenten")
    for key in ("url", "date", "seen"):
        if key in fields and doc:
            raise fields[key].error(f"'{key}' hör till en källa 'elsewhere' (en sida utanför källdokumenten)")
    if internal:
        return _internal(node, fields, internal)
    url = opt_text(fields, "url")
    if url and not URL.match(url):
        raise fields["url"].error(f"{quoted(url)} är ingen webbadress (http:// eller https://)")
    page_date = opt_text(fields, "date")
    if page_date and page_date != UNDATED:
        page_date = date_text(fields["date"])
    seen = date_text(fields["seen"]) if "seen" in fields else ""
    if seen and len(seen) != 10:  # a day: a reading is dated to the day (a future one is data check's to catch)
        raise fields["seen"].error(f"{quoted(seen)}: dagen då sidan lästes anges som ÅÅÅÅ-MM-DD")
    if url and not seen:
        raise fields["url"].error("en sida ('url') behöver dagen då den lästes ('seen', ÅÅÅÅ-MM-DD)")
    if url and not page_date:
        raise fields["url"].error(f"en sida ('url') behöver sitt eget datum ('date', ÅÅÅÅ-MM-DD, eller "
                                  f"'{UNDATED}')")
    inferred = opt_text(fields, "inferred")
    if elsewhere and not url and not inferred:
        raise node.error("en uppgift från annat håll ('elsewhere') behöver sin sida ('url' med 'date' och 'seen') "
                         "eller, om den är en slutsats, vad den slutsatsen bygger på ('inferred')")
    if not url and (page_date or seen):
        raise fields["date" if page_date else "seen"].error("'date' och 'seen' hör till en sida ('url')")
    return Source(doc=doc, section=section, elsewhere=elsewhere, inferred=inferred, note=opt_text(fields, "note"),
                  url=url, date=page_date, seen=seen)


def _internal(node: Node, fields: dict[str, Node], title: str) -> Source:
    """An overlay's own document: its title and date, no page (an intranet list is no address to give)."""
    if not node.local:
        raise fields["document"].error("ett internt dokument ('document') kan bara anges i en lokal fil; de "
                                       "levererade uppgifterna anger en sida ('elsewhere' med 'url')")
    for key in ("url", "seen", "inferred"):
        if key in fields:
            raise fields[key].error(f"'{key}' hör till en sida ('elsewhere'), inte till ett internt dokument")
    if "date" not in fields:
        raise node.error("ett internt dokument ('document') behöver sitt datum ('date', ÅÅÅÅ, ÅÅÅÅ-MM eller "
                         "ÅÅÅÅ-MM-DD)")
    return Source(internal=title, date=date_text(fields["date"]), note=opt_text(fields, "note"))


def read_sourced(node: Node, documents: frozenset[str]) -> Sourced:
    fields = node.mapping({"text", "source"})
    return Sourced(fields["text"].text(), read_source(fields["source"], documents))


def unique_ids(nodes: list[tuple[str, Node]], what: str) -> None:
    seen: dict[str, Node] = {}
    for ident, node in nodes:
        if ident in seen:
            raise node.error(f"{what} '{ident}' finns redan ({seen[ident].path})")
        seen[ident] = node


DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$", re.ASCII)


FIRST_YEAR, LAST_YEAR = 1990, 2100  # no source or contact is older, and none is from so far ahead


def date_text(node: Node) -> str:
    """A date as the sources give it: a year, a year and month, or a whole date; a real day of the calendar."""
    value = node.text(empty=True)
    if value and not DATE_RE.match(value):
        raise node.error(f"{quoted(value)} är inget datum i formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")
    if value:
        parts = [int(p) for p in value.split("-")]
        if not FIRST_YEAR <= parts[0] <= LAST_YEAR:
            raise node.error(f"året {parts[0]} är inte rimligt (ange ett år {FIRST_YEAR}–{LAST_YEAR})")
        try:
            date(*[*parts, 1, 1][:3])
        except ValueError:
            raise node.error(f"'{value}' är inget datum som finns i kalendern") from None
    return value


def parse_data(label: str, text: str, trusted: bool = False) -> Any:
    """Parsed YAML, or a DataError naming the file and line; `trusted` for the package's own files.

    PyYAML is imported here, when YAML is read: with the wheel's snapshot, a look-up never needs it.
    """
    from mhstod.load.yamlfile import YamlProblem, parse

    try:
        return parse(text, trusted)
    except YamlProblem as exc:
        line = f" rad {exc.line}:" if exc.line else ""
        raise DataError(f"{label}:{line} {exc.message}") from None
