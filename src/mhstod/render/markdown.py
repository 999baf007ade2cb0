"""The checklist as Markdown, for a case file."""

from __future__ import annotations

from mhstod.checklist import Checklist
from mhstod.record import replace
from mhstod.render.outline import outline

# What would turn text into markup: raw HTML (an overlay's `<img onerror=…>`) and Markdown's own link, emphasis,
# code and table signs. The file is read as text and as rendered Markdown; both must show what the data says.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*",
                          "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|"})
_BOX = {"": "-", "todo": "- [ ]", "verify": "- ❓", "urgent": "- [ ] **!**"}  # boxes only for the user's own tasks


def render(checklist: Checklist) -> str:
    """The whole checklist (every step and source), stamped with its date, the tool's version and the data's."""
    out: list[str] = []
    for line in outline(checklist, full=True, stamp=True):
        ref = f" *({line.ref.translate(_ESCAPES)})*" if line.ref else ""
        line = replace(line, text=line.text.translate(_ESCAPES))
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
