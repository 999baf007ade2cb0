"""The checklist as Markdown, for a case file."""

from __future__ import annotations

from mhstod.checklist import Checklist
from mhstod.render.outline import outline

_BOX = {"": "-", "todo": "- [ ]", "verify": "- ❓", "urgent": "- [ ] **!**"}  # boxes only for the user's own tasks


def render(checklist: Checklist) -> str:
    """The whole checklist (every step and source), stamped with its date, the tool's version and the data's."""
    out: list[str] = []
    for line in outline(checklist, full=True, stamp=True):
        ref = f" *({line.ref})*" if line.ref else ""
        if line.kind == "title":
            out.append(f"# {line.text}\n")
        elif line.kind == "heading":
            out.append(f"\n## {line.text}\n")
        elif line.kind == "subheading":
            out.append(f"\n### {line.text}{ref}\n")
        elif line.kind == "item":
            out.append(f"{'  ' * (line.level - 1)}{_BOX[line.mark]} {line.text}{ref}")
        elif line.kind == "note":
            out.append(f"\n> {line.text}")
        else:
            indent = "  " * line.level
            out.append(f"{indent}{line.text}{ref}" + ("  " if line.level else "\n"))
    return "\n".join(out).strip() + "\n"
