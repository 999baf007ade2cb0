"""The HTML pages: one skeleton for the checklist, the process and a teaching case; self-contained and escaped."""

from __future__ import annotations

import re

from mhstod.model import Knowledge, Source, Step
from mhstod.render import html, views
from mhstod.render.lines import Line

HOSTILE = '<img src=x onerror="alert(1)">&</style><script>alert(2)</script>'


def test_every_text_is_escaped() -> None:
    """Text comes from a local overlay too (--data-dir): nothing in it may become markup."""
    lines = [Line("title", HOSTILE), Line("text", HOSTILE, ref=HOSTILE), Line("heading", HOSTILE),
             Line("subheading", HOSTILE, ref=HOSTILE), Line("item", HOSTILE, "urgent", HOSTILE, 1),
             Line("text", HOSTILE, level=2), Line("note", HOSTILE)]
    step = Step(1, "s", HOSTILE, HOSTILE, "", Source(elsewhere="x"))
    page = html.page(lines, (step,))
    assert "<img" not in page and "<script" not in page and page.count("</style>") == 1
    shown = page.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&lt;/style&gt;&lt;script&gt;")
    assert shown == 7 + 3 + 2 + 1  # the lines, their refs, the step's name and timing in its box, the page's title
    assert f"<title>{HOSTILE}" not in page and "<title>&lt;img" in page


def test_a_page_needs_nothing_from_elsewhere(knowledge: Knowledge) -> None:
    """No network at a projector: no script, no font, no image, no style sheet, no link to fetch."""
    page = html.page(views.process(knowledge), knowledge.steps)
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|src=|href=|https?://", page, re.IGNORECASE), \
        re.search(r"<script|<link|<img|<iframe|@import|url\(|src=|href=|https?://", page, re.IGNORECASE)
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">') and '<meta charset="utf-8">' in page


def test_the_process_page_shows_the_steps_in_order_as_boxes_then_each_step(knowledge: Knowledge) -> None:
    page = html.page(views.process(knowledge), knowledge.steps)
    overview = page[page.index('<ol class="flow"'):page.index("</ol>")]
    names = [s.name for s in knowledge.steps]
    assert len(names) == 6
    assert re.findall(r"<span>Steg (\d)</span><strong>([^<]*)</strong>", overview) == \
        [(str(s.number), s.name) for s in knowledge.steps]
    timed = [s for s in knowledge.steps if s.timing]
    assert timed and all(f"<strong>{s.name}</strong><span>{s.timing}</span>" in overview for s in timed)
    headings = re.findall(r"<h2>([^<]*)</h2>", page)
    assert [h for h in headings if h.startswith("Steg ")] == \
        [f"Steg {s.number}. {s.name}" + (f" ({s.timing})" if s.timing else "") for s in knowledge.steps]
    assert page.index("</ol>") < page.index("<h2>Steg 1."), "the overview first, under the title"
    assert page.count("<section>") == len(headings) == 7  # the six steps and the sources
    assert "Vem agerar: Socialtjänsten" in page and "<h3>Om ålder: barn (under 18 år):</h3>" in page
    assert '<span class="ref">(001: 7.1 Socialtjänsten)</span>' in page


def test_projector_type_and_paper(knowledge: Knowledge) -> None:
    """Large type for a room; on paper A4, black on white, each step on a new sheet; the checklist stays small."""
    page = html.page(views.process(knowledge), knowledge.steps)
    assert "html{font-size:24px}" in page and '<body class="paged">' in page
    printed = page[page.index("@media print{"):page.index("</style>")]
    assert "@page{size:A4" in printed
    assert "*{color:#000!important;background:#fff!important;border-color:#000!important}" in printed
    assert ".paged section+section{break-before:page}" in printed and "article+article{break-before:page}" in printed
    assert printed.index("html{font-size:11pt}") > 0 and page.index("html{font-size:24px}") < page.index(printed)


def test_the_checklist_page_keeps_its_size_and_shares_the_skeleton(knowledge: Knowledge) -> None:
    from mhstod.answers import from_mapping
    from mhstod.engine import build_checklist

    checklist = build_checklist(knowledge, from_mapping(knowledge, {"age": "child", "county": "Malmö"}))
    page = html.render(checklist)
    assert "font-size:24px" not in page and "<body>" in page and '<ol class="flow"' not in page
    assert "@media print{@page{size:A4" in page, "printable like the other pages"
    assert page.count("<article>") == 1 and "<title>Checklista vid misstanke om människohandel</title>" in page
    assert '<li class="urgent">☐ ' in page and "<li>" in page and 'class=""' not in page
