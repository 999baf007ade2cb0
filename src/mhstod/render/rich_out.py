"""Rich-only views: the county and actor tables, which plain text and narrow terminals get as lines instead."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from mhstod.model import Knowledge


def counties(knowledge: Knowledge) -> RenderableType:
    table = Table(title="Sveriges 21 län", title_justify="left")
    for column in ("Kod", "Län", "ISO 3166-2", "Region"):
        table.add_column(column)
    for c in knowledge.counties:
        table.add_row(c.code, c.name, c.iso, knowledge.region(c.region).name)
    return table


def actors(knowledge: Knowledge) -> RenderableType:
    return _ActorsTable(knowledge)


class _ActorsTable:
    """Actor, kind and role; names and kinds get a share of the width, never less than their longest word."""

    def __init__(self, knowledge: Knowledge) -> None:
        from mhstod.text import KIND_LABELS

        self.rows = [(a.name, KIND_LABELS[a.kind], a.summary) for a in knowledge.actors]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        names, kinds = [r[0] for r in self.rows], [r[1] for r in self.rows]
        inner = options.max_width - 10  # four borders and a space either side of each cell
        table = Table(title="Aktörerna i stöd- och skyddsprocessen", title_justify="left", show_lines=True,
                      expand=True)
        kind = _share(kinds, inner * 2 // 10)
        role = _longest_word([r[2] for r in self.rows])
        # A local overlay may bring a very long name: the role keeps its longest word whole, the name folds.
        name = min(_share(names, inner * 3 // 10), max(8, inner - kind - role))
        table.add_column("Aktör", width=name, overflow="fold")
        table.add_column("Slag", width=kind, overflow="fold")
        table.add_column("Roll", min_width=role, overflow="fold")
        for row in self.rows:
            table.add_row(*row)
        yield table
        yield Text("Mer om en aktör: mhstod actor NAMN (t.ex. mhstod actor polisen).", style="dim")


def _share(texts: list[str], share: int) -> int:
    """A column's width: its share, but no narrower than its longest word and no wider than its longest text."""
    return max(_longest_word(texts), min(max(cell_len(text) for text in texts), share))


def _longest_word(texts: list[str]) -> int:
    return max(cell_len(word) for text in texts for word in text.split())
