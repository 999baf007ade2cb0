"""The case's dated deadlines as an iCalendar file (RFC 5545), for the caseworker's own calendar.

One all-day VEVENT per deadline, on the day to act by: calendars show an event on its day, where a VTODO is
often hidden. It holds what the checklist says and nothing about the person: the task, the deadline, the day
it was counted from, the rules and the sources.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from mhstod import __version__
from mhstod.checklist import Checklist, Item
from mhstod.dates import long_date
from mhstod.model import Document, Source
from mhstod.render.outline import due_phrase
from mhstod.text import document

NO_PERSONAL_DATA = "Innehåller inga personuppgifter: bara fristen och vad den gäller, ur checklistan."


def calendar(checklist: Checklist, stamp: datetime) -> str:
    """The file's text, CRLF line ends and folded lines as the standard wants; `stamp` is when (UTC) it is made."""
    docs = {d.id: d for d in checklist.documents}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//mhstod//mhstod {__version__}//SV", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Frister (mhstod)"]
    for item in checklist.dated:
        lines += _event(item, checklist, docs, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(item: Item, checklist: Checklist, docs: dict[str, Document], stamp: datetime) -> list[str]:
    assert item.date is not None and item.due is not None
    day = item.date.day
    said = due_phrase(item, checklist.today)
    summary = (f"{item.due.ends[:1].upper()}{item.due.ends[1:]} ({item.due.law})" if item.due.ends
               else f"Frist ({item.due.law}): {item.text.rstrip('.')}")
    description = [
        f"{item.text.rstrip('.')} – {said}.",
        f"Räknat från {long_date(item.date.start)}, som dagen för {item.due.start}: stämmer det inte, räkna om.",
        f"Fristen: {_source(item.due.source, docs)}",
        *(f"Räkneregel: {rule.text} ({_source(rule.source, docs)})" for rule in checklist.counting),
        NO_PERSONAL_DATA,
        f"Skapad {checklist.today.isoformat()} med mhstod {__version__}.",
    ]
    return [
        "BEGIN:VEVENT",
        f"UID:{uuid.uuid4()}@mhstod",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}",
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(chr(10).join(description))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _source(source: Source, docs: dict[str, Document]) -> str:
    if source.doc:
        known = docs.get(source.doc)
        return f"{document(known) if known else source.doc}, {source.section}"
    return f"annan källa: {source.basis}"


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > (75 if not out else 74):  # a continuation line starts with a space
            out.append(current)
            current, size = "", 0
        current += character
        size += width
    out.append(current)
    return "\r\n ".join(out)
