"""Rich-only views: the county table, which plain text draws as lines instead."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table

from mhstod.model import Knowledge


def counties(knowledge: Knowledge) -> RenderableType:
    table = Table(title="Sveriges 21 län", title_justify="left")
    for column in ("Kod", "Län", "ISO 3166-2", "Region"):
        table.add_column(column)
    for c in knowledge.counties:
        table.add_row(c.code, c.name, c.iso, knowledge.region(c.region).name)
    return table
