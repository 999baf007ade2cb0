"""Drawing with Rich, for a terminal that shows colour and box drawing: the lines, and the two tables.

Plain text and narrow terminals get the tables as lines instead (views.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from mhstod.model import Knowledge
from mhstod.render.lines import Line
from mhstod.text import KIND_LABELS

_MARK = {"": ("•", ""), "todo": ("☐", ""), "verify": ("?", "yellow"), "urgent": ("!", "bold red")}


def render(lines: Iterable[Line]) -> RenderableType:
    parts: list[RenderableType] = []
    for line in lines:
        ref = Text(f" ({line.ref})", style="dim") if line.ref else Text()
        if line.kind == "title":
            parts.append(_Title(line.text))
        elif line.kind == "heading":
            parts.append(Text())
            parts.append(Text(line.text, style="bold magenta underline"))
        elif line.kind == "subheading":
            parts.append(Text.assemble(Text(line.text, style="bold"), ref))
        elif line.kind == "item":
            symbol, style = _MARK[line.mark]
            text = Text.assemble(Text(f"{symbol} ", style=style or "bold"), Text(line.text, style=style), ref)
            parts.append(Padding(text, (0, 0, 0, 2 * line.level - 1), expand=False))
        elif line.kind == "note":
            parts.append(Text(line.text, style="italic"))
        elif not line.text:
            parts.append(Text())  # a blank line between parts
        else:
            parts.append(Padding(Text.assemble(line.text, ref), (0, 0, 0, 2 * line.level), expand=False))
    return Group(*parts)


class _Title:
    """A title in a rule where it fits; above the rule, wrapped, where a rule would cut it short."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        title = Text(self.text, style="bold")
        if cell_len(self.text) + 4 <= options.max_width:
            yield Rule(title, align="left")
        else:
            yield title
            yield Rule()


def counties(knowledge: Knowledge) -> RenderableType:
    from rich.table import Table  # here, not above: the lines alone (region, the checklist) never need it

    table = Table(title="Sveriges 21 län", title_justify="left")
    for column in ("Kod", "Län", "ISO 3166-2", "Region"):
        table.add_column(column)
    for c in knowledge.counties:
        # Text, never a str: a str is read as Rich markup, and a local file's names are data, not markup
        table.add_row(*(Text(cell) for cell in (c.code, c.name, c.iso, knowledge.region(c.region).name)))
    return table


def actors(knowledge: Knowledge) -> RenderableType:
    return _ActorsTable(knowledge)


class _ActorsTable:
    """Actor, kind and role; names and kinds get a share of the width, never less than their longest word."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.rows = [(a.name, KIND_LABELS[a.kind], a.summary) for a in knowledge.actors]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table

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
            table.add_row(*(Text(cell) for cell in row))  # a local name like "A [/bold]" is text, not markup
        yield table
        yield Text("Mer om en aktör: mhstod actor NAMN (t.ex. mhstod actor polisen).", style="dim")


def _share(texts: list[str], share: int) -> int:
    """A column's width: its share, but no narrower than its longest word and no wider than its longest text."""
    return max(_longest_word(texts), min(max(cell_len(text) for text in texts), share))


def _longest_word(texts: list[str]) -> int:
    return max(cell_len(word) for text in texts for word in text.split())
