"""Lines drawn with Rich for a terminal that shows colour and box drawing."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
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
            parts.append(Rule(Text(line.text, style="bold"), align="left"))
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
        else:
            parts.append(Padding(Text.assemble(line.text, ref), (0, 0, 0, 2 * line.level), expand=False))
    return Group(*parts)
