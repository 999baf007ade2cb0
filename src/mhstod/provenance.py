"""What the data's facts rest on, per file: the seed documents, pages read on a day, or text without a page.

`mhstod data check` reports it, so that a maintainer knows what to check first: the facts whose source names no
page, and the pages read longest ago. A reading dated after today is a fault of the data (or of the clock), said
here and never at load, so that a wrong clock cannot stop a command.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from mhstod.record import Record

OLDEST_SHOWN = 3


class FileSources(Record):
    """One data file's sources by kind, and its pages read longest ago (day, how many)."""

    file: str
    documents: int
    pages: int
    without_page: int  # inferred from other facts, said with what from (`inferred`), no page of its own
    oldest_seen: tuple[tuple[str, int], ...]
    future_seen: tuple[str, ...]
    internal: int = 0  # a local overlay's own documents (`document`)


def _sources(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every source mapping in a parsed file, wherever it stands (`source:` or an item of `sources:`)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "doc" in item or "elsewhere" in item or "document" in item:
                yield item
            else:
                stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def newest_seen(values: list[Any]) -> str:
    """The day the most recently read page was read, "" where no source names a page."""
    return max((str(s["seen"]) for v in values for s in _sources(v) if s.get("seen")), default="")


def report(parsed: Mapping[str, Any], today: date) -> tuple[FileSources, ...]:
    """Each file's sources counted by kind; `today` decides which readings lie in the future."""
    out = []
    for name, value in parsed.items():
        sources = list(_sources(value))
        if not sources:  # sources.yaml lists the documents themselves
            continue
        seen = [str(s["seen"]) for s in sources if s.get("seen")]
        by_day: dict[str, int] = {}
        for day in sorted(seen):
            by_day[day] = by_day.get(day, 0) + 1
        out.append(FileSources(
            file=name,
            documents=sum(1 for s in sources if s.get("doc")),
            pages=sum(1 for s in sources if s.get("elsewhere") and s.get("url")),
            without_page=sum(1 for s in sources if s.get("elsewhere") and not s.get("url")),
            internal=sum(1 for s in sources if s.get("document")),
            oldest_seen=tuple(list(by_day.items())[:OLDEST_SHOWN]),
            future_seen=tuple(sorted({d for d in seen if d > today.isoformat()})),
        ))
    return tuple(out)


def lines(files: tuple[FileSources, ...]) -> list[str]:
    """The report in Swedish, a line per file and one for each reading dated after today."""
    said = []
    for f in files:
        oldest = ", ".join(f"{day} ({n})" for day, n in f.oldest_seen)
        pages = f"{f.pages} {'sida' if f.pages == 1 else 'sidor'}"
        internal = f", {f.internal} interna dokument" if f.internal else ""
        said.append(f"{f.file}: {f.documents} källor i källdokumenten, {pages} med adress och läsdag, "
                    f"{f.without_page} slutsatser utan egen sida{internal}"
                    + (f"; äldst lästa sidor: {oldest}" if oldest else "") + ".")
        said += [f"{f.file}: en sida sägs läst {day}, efter dagens datum: kontrollera datumet."
                 for day in f.future_seen]
    return said
