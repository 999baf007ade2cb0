"""Strict loading: each kind of bad data is rejected with the file, the place and what is wrong."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from mhstod.errors import DataError
from mhstod.load import build
from mhstod.load.files import read_shipped

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the pure-Python pair took 3 × as long
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@functools.cache
def _shipped(file: str) -> Any:
    return yaml.load(read_shipped()[file], Loader=_LOADER)


def broken(file: str, change: Callable[[Any], None]) -> str:
    texts = read_shipped()
    data = copy.deepcopy(_shipped(file))
    change(data)
    texts[file] = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    with pytest.raises(DataError) as caught:
        build(texts)
    return str(caught.value)


def test_the_shipped_data_loads() -> None:
    knowledge = build(read_shipped())
    assert len(knowledge.counties) == 21


def test_unknown_key() -> None:
    def change(d: Any) -> None:
        d["regions"][2]["coordinators"][0]["mobile"] = "070-000 00 00"
    assert broken("regions.yaml", change).startswith(
        "data/regions.yaml: regions[2].coordinators[0]: okänd nyckel 'mobile'")


def test_missing_field() -> None:
    def change(d: Any) -> None:
        del d["regions"][0]["coordinators"][0]["name"]
    assert broken("regions.yaml", change) == "data/regions.yaml: regions[0].coordinators[0]: nyckeln 'name' saknas"


def test_malformed_email() -> None:
    def change(d: Any) -> None:
        d["regions"][2]["coordinators"][0]["emails"][0] = "anna.runesson(at)vasteras.se"
    assert broken("regions.yaml", change) == (
        "data/regions.yaml: regions[2].coordinators[0].emails[0]: 'anna.runesson(at)vasteras.se' är ingen e-postadress")


@pytest.mark.parametrize("phone", ["12-34", "0703284869x", "+46 70 328 48 69", "070--328", ""])
def test_malformed_phone(phone: str) -> None:
    def change(d: Any) -> None:
        d["regions"][3]["coordinators"][0]["phones"][0] = phone
    assert broken("regions.yaml", change).startswith("data/regions.yaml: regions[3].coordinators[0].phones[0]: ")


def test_internationalised_domain_is_a_valid_email() -> None:
    def change(d: Any) -> None:
        d["regions"][4]["coordinators"][0]["emails"][0] = "lisa.green@malmö"
    assert "är ingen e-postadress" in broken("regions.yaml", change)


def test_duplicate_actor_id() -> None:
    def change(d: Any) -> None:
        d["actors"][1]["id"] = d["actors"][0]["id"]
    message = broken("actors.yaml", change)
    assert message.startswith("data/actors.yaml: actors[1]: aktören ")
    assert "finns redan (actors[0])" in message


def test_county_in_no_region() -> None:
    def change(d: Any) -> None:
        mitt = next(r for r in d["regions"] if r["id"] == "mitt")
        mitt["counties"] = [c for c in mitt["counties"] if c["code"] != "03"]
    assert broken("regions.yaml", change) == (
        "data/regions.yaml: counties.items[1]: länet '03' (Uppsala län) ligger inte i någon region")


def test_county_in_two_regions() -> None:
    def change(d: Any) -> None:
        d["regions"][0]["counties"].append({"code": "12", "source": {"doc": "004", "section": "KONTAKT"}})
    message = broken("regions.yaml", change)
    assert message == "data/regions.yaml: regions[4].counties[3].code: länet '12' ligger redan i region 'bergslagen'"


def test_reference_to_unknown_actor() -> None:
    def change(d: Any) -> None:
        d["numbers"][1]["actor"] = "polisen-i-stan"
    assert broken("actors.yaml", change) == "data/actors.yaml: numbers[1].actor: okänd aktör 'polisen-i-stan'"


def test_reference_to_unknown_number() -> None:
    def change(d: Any) -> None:
        d["regions"][6]["contact_number"] = "jourtelefonen"
    assert broken("regions.yaml", change) == (
        "data/regions.yaml: regions[6].contact_number: okänt nummer 'jourtelefonen'")


def test_unknown_source_document() -> None:
    def change(d: Any) -> None:
        d["actors"][0]["responsibilities"][0]["source"] = {"doc": "009", "section": "7.1"}
    assert "actors[0].responsibilities[0].source.doc: okänt källdokument '009'" in broken("actors.yaml", change)


def test_a_source_needs_a_document_or_a_basis() -> None:
    def change(d: Any) -> None:
        d["regions"][0]["source"] = {"note": "trust me"}
    assert "regions[0].source: en källa anger ett av 'doc'" in broken("regions.yaml", change)


def test_wrong_type() -> None:
    def change(d: Any) -> None:
        d["regions"][0]["coordinators"] = "Mia"
    assert broken("regions.yaml", change) == "data/regions.yaml: regions[0].coordinators: väntade en lista, fick text"


def test_closed_enumeration() -> None:
    def change(d: Any) -> None:
        d["regions"][1]["coordinators"][0]["focus"]["age"] = "teen"
    assert "regions[1].coordinators[0].focus.age: 'teen' är inte ett tillåtet värde (any, adult, child)" in broken(
        "regions.yaml", change)


def test_repeated_duty() -> None:
    def change(d: Any) -> None:
        duties = d["actors"][0]["responsibilities"]
        duties.append(copy.deepcopy(duties[0]))
    assert "uppgiften finns redan" in broken("actors.yaml", change)


def test_broken_yaml_names_the_line() -> None:
    texts = read_shipped()
    texts["process.yaml"] = "steps:\n  - number: 1\n    id: [unclosed\n"
    with pytest.raises(DataError, match=r"^data/process.yaml: rad \d+: ogiltig YAML"):
        build(texts)


def test_duplicate_yaml_key_is_an_error() -> None:
    texts = read_shipped()
    date = '    date: "2018"\n'
    texts["sources.yaml"] = texts["sources.yaml"].replace(date, date + '    date: "2019"\n', 1)
    with pytest.raises(DataError, match=r"^data/sources.yaml: rad \d+: nyckeln 'date' förekommer två gånger"):
        build(texts)


def test_yaml_aliases_are_refused() -> None:
    texts = read_shipped()
    texts["process.yaml"] = "a: &x [1, 2]\nsteps: *x\n"
    with pytest.raises(DataError, match="YAML-alias"):
        build(texts)


def test_condition_names_an_unknown_question() -> None:
    def change(d: Any) -> None:
        d["steps"][1]["actions"][1]["when"] = {"alder": ["child"]}
    assert "steps[1].actions[1].when: okänd fråga 'alder'" in broken("process.yaml", change)


def test_condition_names_an_unknown_value() -> None:
    def change(d: Any) -> None:
        d["steps"][1]["actions"][1]["when"] = {"all": [{"age": ["child"]}, {"origin": ["eu", "asia"]}]}
    message = broken("process.yaml", change)
    assert "steps[1].actions[1].when.all[1].origin[1]: 'asia' är inget svar på frågan 'origin'" in message


def test_condition_is_structured_not_code() -> None:
    def change(d: Any) -> None:
        d["tasks"][0]["when"] = "acute_danger == 'yes'"
    assert "tasks[0].when: ett villkor är en mappning med en nyckel" in broken("process.yaml", change)


def test_a_task_an_unknown_answer_can_leave_open_needs_its_own_check_text() -> None:
    """Else its text would turn up under "Att kontrollera" stating what nobody said ("Personen vill …")."""
    where = []

    def change(d: Any) -> None:
        index = [t["id"] for t in d["tasks"]].index("polisanmalan-ja")
        d["tasks"][index]["when"] = {"all": [{"age": ["adult"]}, {"police": ["yes"]}]}
        where.append(index)
    message = broken("process.yaml", change)
    assert f"tasks[{where[0]}]: ett okänt svar kan lämna uppgiften öppen: ange 'check'" in message


def test_a_task_restates_only_what_a_step_holds() -> None:
    def change(d: Any) -> None:
        d["tasks"][2]["restates"] = ["Ordnar allt."]
    assert "tasks[2].restates[0]: ingen handling i stegen har den texten" in broken("process.yaml", change)


def test_a_task_that_gives_a_number_says_it() -> None:
    def change(d: Any) -> None:
        d["tasks"][0]["text"] = "Ring nu."
    assert "tasks[0].text: texten nämner inte numret 112" in broken("process.yaml", change)


def test_a_named_condition_must_exist() -> None:
    def change(d: Any) -> None:
        d["tasks"][2]["when"] = {"def": "no_such_thing"}
    assert "tasks[2].when.def: okänd definition 'no_such_thing'" in broken("process.yaml", change)


def test_an_action_names_a_duty_its_actor_has() -> None:
    def change(d: Any) -> None:
        d["steps"][1]["actions"][0]["duty"] = "Ordnar allt."
    assert "steps[1].actions[0].duty: aktören 'socialtjansten' har ingen sådan uppgift" in broken(
        "process.yaml", change)


def test_an_action_names_a_known_actor() -> None:
    def change(d: Any) -> None:
        d["steps"][0]["actions"][0]["actor"] = "tullverket"
    assert "steps[0].actions[0].actor: okänd aktör 'tullverket'" in broken("process.yaml", change)


def test_roles_name_known_roles_and_actors() -> None:
    def change(d: Any) -> None:
        d["roles"]["tull"] = "tullverket"
    assert "roles: okänd nyckel 'tull'" in broken("process.yaml", change)


def test_the_support_line_is_a_known_number() -> None:
    def change(d: Any) -> None:
        d["support_line"] = "stodlinjen"
    assert broken("actors.yaml", change).startswith("data/actors.yaml: support_line: okänt nummer 'stodlinjen'")


def test_the_regions_name_their_actor() -> None:
    def change(d: Any) -> None:
        d["actor"] = "koordinatorerna"
    assert broken("regions.yaml", change).startswith("data/regions.yaml: actor: okänd aktör 'koordinatorerna'")


@pytest.mark.parametrize(("question", "answer"), [("role", ""), ("age", "adult"), ("purpose", "sexual")])
def test_the_questions_the_code_reads_must_be_asked(question: str, answer: str) -> None:
    def change(d: Any) -> None:
        q = next(q for q in d["questions"] if q["id"] == question)
        if answer:
            q["choices"] = [c for c in q["choices"] if c["value"] != answer]
        else:
            d["questions"].remove(q)
    message = broken("process.yaml", change)
    expected = f"saknar svaret '{answer}'" if answer else f"frågan '{question}' saknas"
    assert expected in message, message


def test_the_place_question_has_the_place_type() -> None:
    def change(d: Any) -> None:
        next(q for q in d["questions"] if q["id"] == "county")["type"] = "single"
    assert "frågan 'county' ska ha typen 'place'" in broken("process.yaml", change)


def test_the_questions_the_code_reads_have_the_type_it_reads() -> None:
    def change(d: Any) -> None:
        next(q for q in d["questions"] if q["id"] == "age")["type"] = "multi"
    assert "frågan 'age' ska ha typen 'single'" in broken("process.yaml", change)


def test_the_place_can_be_unknown() -> None:
    def change(d: Any) -> None:
        place = next(q for q in d["questions"] if q["id"] == "county")
        for key in ("unknown", "verify", "verify_source"):
            place.pop(key)
    assert "frågan 'county' behöver 'unknown'" in broken("process.yaml", change)


def question_at(d: Any, question_id: str) -> dict[str, Any]:
    return next(q for q in d["questions"] if q["id"] == question_id)


def test_a_help_part_names_real_questions_and_answers() -> None:
    def change(d: Any) -> None:
        question_at(d, "police")["help"][0]["when"] = {"age": ["old"]}
    assert broken("process.yaml", change).startswith("data/process.yaml: questions[7].help[0].when.age[0]: 'old' är "
                                                     "inget svar på frågan 'age'")


def test_a_help_part_cannot_read_its_own_answer() -> None:
    def change(d: Any) -> None:
        question_at(d, "police")["help"][0]["when"] = {"police": ["yes"]}
    assert broken("process.yaml", change) == ("data/process.yaml: questions[7].help[0].when: hjälptexten sägs före "
                                              "svaret: villkoret kan inte läsa frågan 'police'")


def test_a_help_part_has_only_text_and_when() -> None:
    def change(d: Any) -> None:
        question_at(d, "police")["help"][0]["for"] = "adult"
    assert "questions[7].help[0]: okänd nyckel 'for'" in broken("process.yaml", change)

    def empty(d: Any) -> None:
        question_at(d, "police")["help"] = []
    assert "questions[7].help: en hjälptext är en text eller en lista" in broken("process.yaml", empty)
