"""The JSON for scripts: one shape for each kind of record wherever it appears, and a checklist drawn from itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mhstod.answers import from_mapping
from mhstod.engine import build_checklist
from mhstod.load.scenarios import scenarios_for
from mhstod.model import Knowledge
from mhstod.render import json as as_json
from tests.helpers import run

LOOKUPS = [["region", "--county", "Skåne"], ["region", "--county", "Östergötland"], ["regions"], ["contacts"],
           ["counties"], ["process"], ["lag"], ["actors"], ["actor", "Socialtjänsten"], ["actor", "Polisen"],
           ["actor", "Jämställdhetsmyndigheten"], ["search", "betänketid"], ["scenario", "list"], ["data", "check"]]


def records(value: object) -> Iterator[dict[str, Any]]:
    """Every object inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from records(v)
    elif isinstance(value, list):
        for v in value:
            yield from records(v)


def every_output(capsys: pytest.CaptureFixture[str], knowledge: Knowledge) -> list[tuple[str, dict[str, Any]]]:
    outputs = []
    for argv in LOOKUPS:
        code, out, _ = run(capsys, *argv, "--json")
        assert code == 0, argv
        outputs.append((" ".join(argv), json.loads(out)))
    for scenario in scenarios_for(knowledge):
        code, out, _ = run(capsys, "scenario", "show", scenario.id, "--json")
        assert code == 0
        outputs.append((f"scenario show {scenario.id}", json.loads(out)))
    return outputs


def shapes(outputs: list[tuple[str, dict[str, Any]]], kind: str) -> dict[frozenset[str], str]:
    """The key sets of every record of a kind, with one command that shows each."""
    is_kind = {
        "phone number": lambda r: "number" in r and "use" in r,
        "source": lambda r: "doc" in r and "elsewhere" in r,
        "county": lambda r: "iso_3166_2" in r,
        "coordinator": lambda r: "focus" in r and "emails" in r and "kind" not in r,
    }[kind]
    found: dict[frozenset[str], str] = {}
    for where, payload in outputs:
        for record in records(payload):
            if is_kind(record):
                found.setdefault(frozenset(record), where)
    return found


@pytest.mark.parametrize("kind", ["phone number", "source", "county", "coordinator"])
def test_one_shape_for_each_kind_of_record(capsys: pytest.CaptureFixture[str], knowledge: Knowledge,
                                           kind: str) -> None:
    found = shapes(every_output(capsys, knowledge), kind)
    assert len(found) == 1, found


def test_every_output_says_its_schema_version_first(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in LOOKUPS:
        out = run(capsys, *argv, "--json")[1]
        assert next(iter(json.loads(out))) == "schema_version"
        assert json.loads(out)["schema_version"] == as_json.SCHEMA_VERSION, argv
    out = run(capsys, "scenario", "show", "barn-brott-stockholm", "--json")[1]
    assert json.loads(out)["schema_version"] == as_json.CHECKLIST_SCHEMA_VERSION


def test_the_checklist_is_drawn_from_the_checklist_alone(knowledge: Knowledge) -> None:
    """Every document any source in it cites is listed, so no reader has to look one up elsewhere."""
    for scenario in scenarios_for(knowledge):
        checklist = build_checklist(knowledge, from_mapping(knowledge, dict(scenario.answers)))
        payload = as_json.checklist(checklist)
        cited = {r["doc"] for r in records(payload) if r.get("doc")}
        listed = {d["id"] for d in payload["sources"]["documents"]}
        assert cited <= listed, scenario.id
        assert all(r["document"] for r in records(payload) if r.get("doc")), "each names its document"
        elsewhere = {r["elsewhere"] for r in records(payload) if isinstance(r.get("elsewhere"), str)}
        assert elsewhere <= set(payload["sources"]["elsewhere"]), scenario.id


def test_a_scenario_embeds_the_checklist_the_guide_gives(capsys: pytest.CaptureFixture[str], knowledge: Knowledge,
                                                         tmp_path: Path) -> None:
    scenario = scenarios_for(knowledge)[0]
    answers = tmp_path / "svar.json"
    answers.write_text(json.dumps(dict(scenario.answers)), encoding="utf-8")
    guide = json.loads(run(capsys, "guide", "--answers", str(answers), "--json")[1])
    shown = json.loads(run(capsys, "scenario", "show", scenario.id, "--json")[1])
    del guide["schema_version"]
    assert shown["checklist"] == guide


def test_a_local_number_says_its_file(knowledge: Knowledge) -> None:
    number = knowledge.support_line
    assert as_json.number(number, as_json.documents(knowledge))["local"] is None
    assert as_json.number(replace(number, local="lokalt/actors.yaml"), as_json.documents(knowledge))["local"] == (
        "lokalt/actors.yaml")
