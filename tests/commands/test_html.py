"""`process --html` and `scenario show --html`: pages for a projector and a handout, saved as a checklist is saved.

The last test opens both pages in a real headless browser (Debian's chromium) at 1920 × 1080.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from mhstod.load.scenarios import scenarios_for
from mhstod.model import Knowledge
from tests.helpers import run

SAVED = "mhstod: sidan sparades i {} (bara du kan läsa filen)\n"


def test_process_page_is_a_new_private_file_and_nothing_on_stdout(capsys: pytest.CaptureFixture[str],
                                                                   knowledge: Knowledge, tmp_path: Path) -> None:
    target = tmp_path / "processen.html"
    code, out, err = run(capsys, "process", "--html", str(target))
    assert (code, out, err) == (0, "", SAVED.format(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["processen.html"], "no temporary file left"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Stöd- och skyddsprocessen i sex steg</title>" in page
    assert all(f"<strong>{s.name}</strong>" in page and f"<h2>Steg {s.number}. {s.name}" in page
               for s in knowledge.steps)
    assert "Vem agerar: " in page and "<h2>Källor</h2>" in page


def test_a_page_never_replaces_a_file_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "fall.html"
    target.write_text("en annan sida\n", encoding="utf-8")
    for argv in (["process"], ["scenario", "show", "romania-malmo"]):
        code, out, err = run(capsys, *argv, "--html", str(target))
        assert (code, out) == (2, "") and err == (f"mhstod: '{target}' finns redan; ingenting skrivs över. Välj ett "
                                                  "annat namn eller använd --force för att ersätta den.\n")
        assert target.read_text(encoding="utf-8") == "en annan sida\n"
    code, _, err = run(capsys, "scenario", "show", "romania-malmo", "--html", str(target), "--force")
    assert (code, err) == (0, SAVED.format(target))
    assert "Rumänien" in target.read_text(encoding="utf-8") and stat.S_IMODE(target.stat().st_mode) == 0o600
    link = tmp_path / "länk.html"
    link.symlink_to(target)
    code, _, err = run(capsys, "process", "--html", str(link), "--force")
    assert code == 2 and "är ingen vanlig fil; den ersätts inte, inte heller med --force" in err
    assert "Rumänien" in target.read_text(encoding="utf-8"), "not written through the link"


@pytest.mark.parametrize(("argv", "other"), [(["process", "--json"], "--json"),
                                             (["process", "--mermaid"], "--mermaid"),
                                             (["scenario", "show", "romania-malmo", "--json"], "--json")])
def test_html_with_another_output_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   argv: list[str], other: str) -> None:
    code, out, err = run(capsys, *argv, "--html", str(tmp_path / "sida.html"))
    assert (code, out) == (2, "")
    assert err == f"mhstod: Välj antingen --html eller {other}.\n"
    assert not list(tmp_path.iterdir())


def test_a_page_is_html_and_its_folder_is_checked_first(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "process", "--html", str(tmp_path / "sida.pdf"))
    assert code == 2 and err == f"mhstod: Okänt filformat för '{tmp_path / 'sida.pdf'}': använd .html, .htm.\n"
    code, _, err = run(capsys, "scenario", "show", "finns-inte", "--html", str(tmp_path / "saknas" / "s.html"))
    assert code == 2 and "Katalogen för" in err and "finns-inte" not in err, "before the case is looked up"
    assert not list(tmp_path.iterdir())


def test_scenario_page_story_answers_discussion_contacts_then_checklist(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    short, full = tmp_path / "kort.html", tmp_path / "hel.html"
    assert run(capsys, "scenario", "show", "romania-malmo", "--html", str(short))[0] == 0
    assert run(capsys, "scenario", "show", "romania-malmo", "--html", str(full), "--full")[0] == 0
    page = short.read_text(encoding="utf-8")
    order = ["<h1>15-åring från Rumänien som tigger i Malmö</h1>", "En fältassistent i Malmö",
             "<h2>Svaren i fallet</h2>", "Ålder: Barn (under 18 år)", "Plats: Malmö (kommun i Skåne län)",
             "<h2>Att diskutera</h2>", 'Bryssel II-förordningen gäller i förhållande till landet. <span class="ref">'
             "(001 7.9)</span>", "<h2>En riktig checklista innehåller</h2>", '<li class="todo">☐ Lisa Green</li>',
             "<h1>Checklista vid misstanke om människohandel</h1>", "Skapad 2026-11-23 med mhstod",
             "<h2>Nu</h2>", "<h2>Kontakter</h2>"]
    places = [page.find(text) for text in order]
    assert -1 not in places and places == sorted(places), list(zip(order, places, strict=True))
    assert page.count("<article>") == 2, "on paper the checklist begins a new sheet"
    assert "<h2>Stegen i stöd- och skyddsprocessen</h2>" not in page and "Hela checklistan: --full" in page
    whole = full.read_text(encoding="utf-8")
    assert "<h2>Stegen i stöd- och skyddsprocessen</h2>" in whole and "<h2>Källor</h2>" in whole
    assert '<ol class="flow"' not in page, "the row of steps is the process page's"


def test_an_overlay_is_escaped_in_the_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "actors.yaml").write_text(_overlay('<script>alert("x")</script> & <b>fet</b>'), encoding="utf-8")
    target = tmp_path / "fall.html"
    assert run(capsys, "scenario", "show", "romania-malmo", "--full", "--html", str(target),
               "--data-dir", str(folder))[0] == 0
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in page


def _overlay(name: str) -> str:
    """A local actors.yaml that renames the police, whom the full checklist of every case names.

    (A local file cannot rename one of the five source documents: issue 23.)
    """
    import yaml

    from mhstod.load.files import data_folder

    shipped = yaml.safe_load((data_folder() / "actors.yaml").read_text(encoding="utf-8"))
    police = next(a for a in shipped["actors"] if a["id"] == "polismyndigheten")
    return yaml.safe_dump({"actors": [{**police, "name": name}]}, allow_unicode=True)


# --- a real browser ------------------------------------------------------------------------------------------

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH = 1920
# Added to a test copy of a page only: what the browser laid out, written into the DOM that --dump-dom prints.
PROBE = """<script>
const seen = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {text: e.textContent, left: r.left, right: r.right, height: r.height, px: parseFloat(s.fontSize),
          shown: s.visibility === "visible" && s.display !== "none" && r.width > 0 && r.height > 0}; };
const found = {scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  viewport: innerWidth, text: document.body.innerText, body: parseFloat(getComputedStyle(document.body).fontSize),
  titles: [...document.querySelectorAll("h1, h2, .flow strong")].map(seen)};
const probe = document.createElement("pre"); probe.id = "probe"; probe.hidden = true;
probe.textContent = JSON.stringify(found); document.body.append(probe);
</script>"""


def _laid_out(page: Path) -> dict[str, object]:
    """Open a copy of the page with the probe in headless chromium at 1920 × 1080; what the probe found."""
    copy = page.with_name("probe-" + page.name)
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    assert BROWSER is not None
    started = time.monotonic()
    result = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={page.parent / 'profile'}", f"--window-size={WIDTH},1080", "--dump-dom", copy.as_uri()],
        capture_output=True, text=True, timeout=90, check=False, stdin=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(page.parent)})
    found = re.search(r'<pre id="probe" hidden="">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"no probe in the dump (exit {result.returncode}): {result.stderr[-2000:]}"
    print(f"{page.name}: chromium {time.monotonic() - started:.1f} s")  # the cost, seen with -s
    data: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return data


def _check(found: dict[str, object], titles: list[str]) -> None:
    assert found["viewport"] == WIDTH
    assert isinstance(found["scrollWidth"], int) and found["scrollWidth"] <= WIDTH, "nothing overflows 1920 px"
    assert isinstance(found["text"], str) and len(found["text"]) > 2000, "not blank"
    assert isinstance(found["body"], float | int) and found["body"] >= 20, "type for a room"
    shown = found["titles"]
    assert isinstance(shown, list)
    for title in titles:
        boxes = [t for t in shown if title in t["text"]]
        assert boxes, f"{title!r} is not on the page"
        assert all(t["shown"] and t["left"] >= 0 and t["right"] <= WIDTH and t["px"] >= 20 for t in boxes), boxes


@pytest.mark.slow
@pytest.mark.skipif(BROWSER is None, reason="no chromium to render the pages in: install Debian's chromium package "
                                            "(.ci/run does where it is root and has apt-get)")
def test_pages_in_a_real_browser_at_1920(capsys: pytest.CaptureFixture[str], knowledge: Knowledge,
                                         tmp_path: Path) -> None:
    """Both pages, laid out by chromium: not blank, every title visible, large and within 1920 px.

    In the case, a local actor with a 300-letter word stands in for the longest thing an overlay can put on a
    page (the two pages share one style).
    """
    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "actors.yaml").write_text(_overlay("Polis" + "x" * 300), encoding="utf-8")
    process, case = tmp_path / "processen.html", tmp_path / "fallet.html"
    assert run(capsys, "process", "--html", str(process))[0] == 0
    scenario = scenarios_for(knowledge)[0]
    argv = ["scenario", "show", scenario.id, "--full", "--html", str(case), "--data-dir", str(folder)]
    assert run(capsys, *argv)[0] == 0

    found = _laid_out(process)
    _check(found, [s.name for s in knowledge.steps])
    assert sum(s.name in t["text"] for s in knowledge.steps for t in found["titles"]) == 12, "a box and a heading"
    found = _laid_out(case)
    _check(found, [scenario.title, "Svaren i fallet", "Att diskutera", "Checklista vid misstanke"])
    assert "x" * 300 in str(found["text"]).replace("\n", ""), "the long word is on the page, folded"


def test_the_overview_page_is_one_page_not_one_sheet_per_step(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    target = tmp_path / "oversikt.html"
    assert run(capsys, "process", "--overview", "--html", str(target))[0] == 0
    page = target.read_text(encoding="utf-8")
    assert "Svar som avgör här" in page and 'class="paged"' not in page, "a two-line step on its own A4 sheet"
