"""The JSON for scripts: one shape for each kind of record wherever it appears, and a checklist drawn from itself."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhstod.answers import from_mapping
from mhstod.commands.main import main
from mhstod.engine import build_checklist
from mhstod.load import load
from mhstod.load.scenarios import scenarios_for
from mhstod.model import Knowledge
from mhstod.record import replace
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


@pytest.fixture(scope="module")
def every_output() -> list[tuple[str, dict[str, Any]]]:
    """Every look-up's JSON and every teaching case's checklist, run once for the tests below."""
    def json_of(*argv: str) -> dict[str, Any]:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main([*argv, "--json"]) == 0, argv
        return dict(json.loads(buffer.getvalue()))

    outputs = [(" ".join(argv), json_of(*argv)) for argv in LOOKUPS]
    return outputs + [(f"scenario show {s.id}", json_of("scenario", "show", s.id)) for s in scenarios_for(load())]


# Each kind of record, told by its keys. A checklist's contact is a kind of its own (a person, a line, a note
# or an actor, with why and how to reach them), as is a checklist's item (a task, or a duty in a step); the
# numbers and sources inside them have the shapes they have everywhere.
KINDS = {
    "phone number": lambda r: "number" in r and "use" in r,
    "source": lambda r: "doc" in r and "elsewhere" in r,
    "county": lambda r: "iso_3166_2" in r,
    "coordinator": lambda r: "focus" in r and "emails" in r and "kind" not in r,
    "checklist contact": lambda r: "kind" in r and "why" in r,
    "checklist item": lambda r: "source_text" in r,
    "process action": lambda r: "placement" in r and "short" in r,
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_one_shape_for_each_kind_of_record(every_output: list[tuple[str, dict[str, Any]]], kind: str) -> None:
    found: dict[frozenset[str], str] = {}
    for where, payload in every_output:
        for record in records(payload):
            if KINDS[kind](record):
                found.setdefault(frozenset(record), where)
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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_case_is_drawn_without_looking_anything_up(knowledge: Knowledge, data: st.DataObject) -> None:
    """Every document any source of any checklist cites is in the checklist: JSON never fails on a lookup."""
    answers: dict[str, object] = {}
    for question in knowledge.questions:
        if question.type == "place":
            answers[question.id] = data.draw(st.sampled_from(["Malmö", "Uppsala", "Kiruna", "Linköping", "unknown"]))
        elif question.type == "multi":
            answers[question.id] = [data.draw(st.sampled_from([v for v in question.values if v != question.unknown]
                                                               or question.values))]
        else:
            answers[question.id] = data.draw(st.sampled_from(question.values))
    payload = as_json.checklist(build_checklist(knowledge, from_mapping(knowledge, answers)))
    listed = {d["id"] for d in payload["sources"]["documents"]}
    assert {r["doc"] for r in records(payload) if r.get("doc")} <= listed
