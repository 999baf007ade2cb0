"""The structured sources: a page, its date and the day it was read, validated; and the data check's report."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from mhstod import provenance
from mhstod.model import Source
from tests.helpers import run
from tests.load.test_knowledge import broken


def test_a_source_from_elsewhere_shows_its_page_date_and_day_read() -> None:
    page = Source(elsewhere="Prop. 2023/24:72", url="https://lagen.nu/prop/2023/24:72", date="2024-02-22",
                  seen="2026-12-07")
    assert page.basis == "Prop. 2023/24:72 (lagen.nu/prop/2023/24:72; 2024-02-22; läst 2026-12-07)"
    assert Source(elsewhere="Lagen").basis == "Lagen", "a source without a page is said as it is written"


@pytest.mark.parametrize(("fields", "said"), [
    ({"url": "lagen.nu/x", "seen": "2026-12-07"}, "är ingen webbadress"),
    ({"url": "https://lagen.nu/x"}, "behöver dagen då den lästes"),
    ({"url": "https://lagen.nu/x", "seen": "2026-12"}, "dagen då sidan lästes anges som ÅÅÅÅ-MM-DD"),
    ({"url": "https://lagen.nu/x", "seen": "2026-02-30"}, "inget datum som finns i kalendern"),
    ({"url": "https://lagen.nu/x", "seen": "2026-12-07", "date": "igår"}, "är inget datum"),
])
def test_a_page_that_is_no_page_is_refused_in_one_line(fields: dict[str, str], said: str) -> None:
    def change(d: Any) -> None:
        d["laws"][0]["notes"][0]["source"] = {"elsewhere": "En sida", **fields}

    message = broken("law.yaml", change)
    assert said in message and "\n" not in message and message.startswith("data/law.yaml: laws[0].notes[0].source")


def test_a_documents_source_takes_no_page() -> None:
    def change(d: Any) -> None:
        d["laws"][0]["texts"][0]["source"]["url"] = "https://a.se/"

    assert "'url' hör till en källa 'elsewhere'" in broken("law.yaml", change)


def test_the_report_counts_each_kind_per_file_and_names_readings_after_today() -> None:
    parsed = {"a.yaml": {"items": [{"source": {"doc": "004", "section": "X"}},
                                   {"sources": [{"elsewhere": "x", "url": "https://a.se/", "seen": "2026-01-02"},
                                                {"elsewhere": "y"}]},
                                   {"source": {"elsewhere": "z", "url": "https://b.se/", "seen": "2027-01-01"}}]},
              "sources.yaml": {"documents": []}}
    files = provenance.report(parsed, date(2026, 12, 7))
    assert [(f.file, f.documents, f.pages, f.without_page) for f in files] == [("a.yaml", 1, 2, 1)]
    assert files[0].oldest_seen == (("2026-01-02", 1), ("2027-01-01", 1))
    lines = provenance.lines(files)
    assert lines[0].startswith("a.yaml: 1 källor i källdokumenten, 2 sidor med adress och läsdag, "
                               "1 slutsatser utan egen sida")
    one = provenance.lines(provenance.report({"b.yaml": [{"elsewhere": "x", "url": "https://a.se/",
                                                           "seen": "2026-01-02"}]}, date(2026, 12, 7)))
    assert "1 sida med adress och läsdag" in one[0]
    assert "en sida sägs läst 2027-01-01, efter dagens datum" in lines[1]


def test_data_check_reports_the_sources_of_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = run(capsys, "data", "check")
    assert code == 0 and "process.yaml:" in out and "sidor med adress och läsdag" in out
    data = json.loads(run(capsys, "data", "check", "--json")[1])
    process = next(f for f in data["sources"] if f["file"] == "process.yaml")
    assert process["pages"] >= 10 and process["oldest_seen"][0]["day"] == "2026-12-07"
