"""The rendered checklist at 80 columns, as a caseworker sees it: a change here should be deliberate.

Update after a deliberate change with MHSTOD_UPDATE_SNAPSHOTS=1 and read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from rich.console import Console

from mhstod.answers import from_mapping
from mhstod.engine import build_checklist
from mhstod.model import Knowledge
from mhstod.render import markdown, plain, rich
from mhstod.render.outline import outline

SNAPSHOTS = Path(__file__).parent / "snapshots"
CASE = {"acute_danger": "no", "age": "child", "county": "Malmö", "origin": "eu", "purpose": ["begging"],
        "residence": "unknown", "police": "undecided", "return_home": "undecided", "needs": ["shelter"],
        "role": "socialtjanst"}


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("MHSTOD_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed; see the module docstring"


def test_checklist_at_80_columns(knowledge: Knowledge) -> None:
    checklist = build_checklist(knowledge, from_mapping(knowledge, CASE))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None, force_terminal=False).print(rich.render(outline(checklist)))
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80
    check("checklist-80.txt", text)


def test_checklist_markdown(knowledge: Knowledge) -> None:
    checklist = build_checklist(knowledge, from_mapping(knowledge, CASE))
    check("checklist.md", markdown.render(checklist))


def test_checklist_plain(knowledge: Knowledge) -> None:
    checklist = build_checklist(knowledge, from_mapping(knowledge, CASE))
    text = plain.render(outline(checklist))
    assert "\x1b" not in text and "─" not in text and "☐" not in text
    check("checklist-plain.txt", text)
