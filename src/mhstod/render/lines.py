"""Text as a list of typed lines: what each view says, independent of how it is drawn.

The checklist and the look-ups build lines; Rich, plain text, Markdown and HTML draw them.
"""

from __future__ import annotations

from typing import Literal

from mhstod.record import Record

Kind = Literal["title", "heading", "subheading", "item", "text", "note"]
Mark = Literal["", "urgent", "todo", "verify"]


class Line(Record):
    kind: Kind
    text: str
    mark: Mark = ""
    ref: str = ""
    level: int = 0
