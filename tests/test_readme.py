"""The README is part of the product: its commands are the ones CI runs and the ones the tool has."""

from __future__ import annotations

import re
from pathlib import Path

from mhstod.commands.app import app
from mhstod.model import Knowledge

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Kom igång", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    commands = setup_commands()
    assert len(commands) == 2
    assert "mhstod region" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_every_command_is_in_the_readme() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback] + ["data check"]
    for name in names:
        assert f"`mhstod {name}" in README, name


def test_the_checklists_json_keys_are_the_documented_ones(knowledge: Knowledge) -> None:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist
    from mhstod.render.json import checklist as payload

    block = README.split("**`mhstod guide --json`**", 1)[1].split("```json\n", 1)[1].split("\n```", 1)[0]
    documented = re.findall(r'^  "(\w+)":', block, flags=re.MULTILINE)
    checklist = build_checklist(knowledge, from_mapping(knowledge, {"age": "child", "county": "Malmö"}))
    assert documented == ["schema_version", *payload(checklist)]
