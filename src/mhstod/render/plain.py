"""Lines as plain linear text: no colour, no escape codes, no box drawing; for screen readers and case notes."""

from __future__ import annotations

from collections.abc import Iterable

from mhstod.render.lines import Line

_MARK = {"": "-", "todo": "-", "verify": "- (?)", "urgent": "- VIKTIGT:"}


def render(lines: Iterable[Line]) -> str:
    out: list[str] = []
    for line in lines:
        ref = f" (källa: {line.ref})" if line.ref else ""
        indent = "  " * max(line.level - 1, 0)
        if line.kind == "title":  # no capitals: screen readers may spell them out
            out.append(line.text)
        elif line.kind == "heading":
            out += ["", line.text if line.text[-1:] in "?:.!" else f"{line.text}:"]
        elif line.kind == "subheading":
            out += ["", f"{line.text}{ref}"]
        elif line.kind == "item":
            out.append(f"{indent}{_MARK[line.mark]} {line.text}{ref}")
        elif line.kind == "note":
            out.append(f"{line.text}")
        else:
            out.append(f"{'  ' * line.level}{line.text}{ref}")
    return "\n".join(out).strip("\n") + "\n"
