"""The checklist as a caseworker reads it: one screen by default, the most urgent first, nothing said twice;
the whole picture in --full and in the exports."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
import yaml
from rich.console import Console

from mhstod.answers import from_mapping
from mhstod.dates import CaseDays
from mhstod.engine import Checklist, build_checklist
from mhstod.load.scenarios import scenarios_for
from mhstod.model import Knowledge
from mhstod.render import html, markdown, plain, rich
from mhstod.render.outline import outline
from tests.helpers import FIXTURES

EXAMPLES = sorted((FIXTURES / "examples").glob("*.yaml"))
BUDGET = 60  # lines at 100 columns: one screen
PHONE = re.compile(r"\b0\d{1,3}-\d[\d ]*\d\b")


def cases(knowledge: Knowledge) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {s.id: dict(s.answers) for s in scenarios_for(knowledge)}
    found.update({p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLES})
    return found


def checklist(knowledge: Knowledge, name: str, counted_from: date | None = None) -> Checklist:
    days = CaseDays(counted_from) if counted_from else None
    return build_checklist(knowledge, from_mapping(knowledge, cases(knowledge)[name]), counted_from=days)


def screen(cl: Checklist, width: int = 100, full: bool = False) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(
        rich.render(outline(cl, full=full)))
    return [line.rstrip() for line in out.getvalue().splitlines()]


def section(lines: list[str], heading: str) -> list[str]:
    """The lines under a heading, up to the next blank line."""
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


def test_the_public_examples_are_here() -> None:
    assert [p.stem for p in EXAMPLES] == ["adult-refuses-police", "child-begging", "swedish-teen"]


def all_cases() -> list[str]:
    from mhstod.load import load

    return sorted(cases(load()))


@pytest.mark.parametrize("counted_from", [None, date(2026, 11, 27)], ids=["relative", "dated"])
@pytest.mark.parametrize("name", all_cases())
def test_default_view_fits_one_screen(knowledge: Knowledge, name: str, counted_from: date | None) -> None:
    """With the deadlines as dates (--from) too: each is longer, and a line says where they run from."""
    lines = screen(checklist(knowledge, name, counted_from))
    assert len(lines) <= BUDGET, f"{name}: {len(lines)} lines at 100 columns"
    assert max(len(line) for line in lines) <= 100


@pytest.mark.parametrize("name", all_cases())
def test_default_view_says_nothing_twice(knowledge: Knowledge, name: str) -> None:
    lines = [line for line in screen(checklist(knowledge, name), width=400) if line.strip()]
    assert len(lines) == len(set(lines)), [line for line in lines if lines.count(line) > 1]
    contacts = section(screen(checklist(knowledge, name), width=400), "Kontakter")
    numbers = [n for line in contacts for n in PHONE.findall(line.split("(vardagar")[0])]
    assert len(numbers) == len(set(numbers)), numbers


@pytest.mark.parametrize("name", all_cases())
def test_default_view_in_order_and_boxes_only_for_own_tasks(knowledge: Knowledge, name: str) -> None:
    lines = screen(checklist(knowledge, name), width=400)
    headings = [h for h in ("Nu", "Dina uppgifter", "Kontakter", "Att kontrollera", "Vem gör vad") if h in lines]
    assert [lines.index(h) for h in headings] == sorted(lines.index(h) for h in headings)
    assert headings[:3] == ["Nu", "Dina uppgifter", "Kontakter"]
    now = section(lines, "Nu")
    assert 0 < len(now) <= 5
    for heading in ("Kontakter", "Att kontrollera", "Vem gör vad"):
        if heading in lines:
            assert not any("☐" in line for line in section(lines, heading)), heading
    assert "Stegen i stöd- och skyddsprocessen" not in lines, "the steps are behind --full"


def test_acute_danger_is_the_first_line_to_act_on(knowledge: Knowledge) -> None:
    lines = screen(checklist(knowledge, "akut-fara-orebro"), width=400)
    assert section(lines, "Nu")[0].startswith(" ! Ring 112 nu: personen är i akut fara.")


def test_the_adult_who_refuses_the_police_is_not_reported(knowledge: Knowledge) -> None:
    text = "\n".join(screen(checklist(knowledge, "adult-refuses-police"), width=400))
    assert "Polisanmälan bör göras" not in text and "114 14 (" not in text.split("Kontakter")[0]
    assert "En vuxen bestämmer själv om polisanmälan" in text


def test_the_swedish_teenager_gets_no_migration_matters(knowledge: Knowledge) -> None:
    lines = screen(checklist(knowledge, "swedish-teen"), width=400, full=True)
    text = "\n".join(line for line in lines if not line.startswith("Steg "))  # the manual's own step headings
    for word in ("betänketid", "Betänketid", "UD", "IOM", "återvändandeprogram", "Migrationsverket ",
                 "Evonhuset", "Mikamottagningen (Stockholm"):
        assert word not in text, word
    assert "Mikamottagningen (Umeå)" in text


def test_the_romanian_child_is_routed_as_a_child(knowledge: Knowledge) -> None:
    text = "\n".join(screen(checklist(knowledge, "child-begging"), width=400))
    assert "Ta emot anmälan om oro för barnet och gör genast en skyddsbedömning" in text
    assert "– inom 14 dagar från anmälan" in text and "(7 § LVU)" in text
    assert "IOM" not in text and "återvändandeprogram" not in text
    # The answers file says nothing of protection: no firm contact with the home state, a check first.
    assert "Kontakta UD" not in text and "Utrikesdepartementet" not in text
    assert "UD och hemlandet: kontakta dem först när det är klart att barnet inte söker eller har skydd" in text


@pytest.mark.parametrize("name", ["child-begging", "adult-refuses-police"])
def test_full_view_keeps_every_duty_and_source(knowledge: Knowledge, name: str) -> None:
    cl = checklist(knowledge, name)
    text = "\n".join(screen(cl, width=400, full=True))
    flat = " ".join(text.split())  # a line longer than the screen wraps
    for step in cl.steps:
        assert f"Steg {step.number}. {step.name}" in text
        for item in step.items:
            assert item.text in flat, item.text
    assert "Källor" in text
    for restated in (a for i in (*cl.now, *cl.your_tasks) for a in i.restates):
        label = "Återgivet efter källan" if restated.own_words else "Källans ordalydelse"
        assert f"{label}: ”{restated.text}”" in flat
    for basis in cl.elsewhere:
        assert " ".join(basis.split()) in flat


def test_the_exports_are_the_whole_checklist_with_date_version_and_data(knowledge: Knowledge) -> None:
    from mhstod import __version__

    cl = checklist(knowledge, "child-begging")
    for rendered in (markdown.render(cl), html.render(cl)):
        assert f"Skapad 2026-11-23 med mhstod {__version__}. Data granskad {knowledge.reviewed}" in rendered
        assert "Stegen i stöd- och skyddsprocessen" in rendered and "Frister" in rendered
    assert "- [ ]" in markdown.render(cl) and "- [ ] Polismyndigheten" not in markdown.render(cl)


def test_plain_text_is_the_same_outline_without_escape_codes(knowledge: Knowledge) -> None:
    text = plain.render(outline(checklist(knowledge, "child-begging")))
    assert "\x1b" not in text and "─" not in text and "☐" not in text
    assert text.index("Nu:") < text.index("Dina uppgifter:") < text.index("Kontakter:")


def test_narrow_terminals_wrap_rather_than_cut(knowledge: Knowledge) -> None:
    for width in (40, 60, 80):
        lines = screen(checklist(knowledge, "child-begging"), width=width)
        assert max(len(line) for line in lines) <= width
        assert "socialjouren" in " ".join(lines)


def test_a_note_on_how_to_reach_the_coordinators_keeps_its_words(knowledge: Knowledge) -> None:
    """Where no coordinator can be named, the line says how to reach one, also when Vem gör vad describes them."""
    unknown = build_checklist(knowledge, from_mapping(knowledge, {"county": "unknown", "age": "adult"}))
    assert any("stödtelefonen hänvisar till regionkoordinatorn i rätt region" in line
               for line in screen(unknown, width=400))
    ost = build_checklist(knowledge, from_mapping(knowledge, {"county": "Linköping", "age": "adult"}))
    assert any("stödtelefonen sätter dig i kontakt med dem" in line for line in screen(ost, width=400))
