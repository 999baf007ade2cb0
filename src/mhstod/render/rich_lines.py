"""Lines drawn with Rich for a terminal that shows colour and box drawing."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from mhstod.render.lines import Line

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
