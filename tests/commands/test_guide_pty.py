"""The interactive guide in a real pseudo-terminal, as a caseworker uses it."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.terminal import (
    BACKSPACE,
    CTRL_C,
    DOWN,
    ENTER,
    RENDERED,
    SPACE,
    UP,
    answer,
    first_part,
    quit_at_the_end,
    rest,
    screen_lines,
    spawn,
)

pytestmark = pytest.mark.slow


def test_full_run_reaches_the_checklist(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("Vid akut fara: ring 112")
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    # The case has deadlines: the day they run from, today unless changed (a wrong one is said, and asked again)
    answer(child, "Från vilket datum ska fristerna räknas", BACKSPACE * 10, "27/11", ENTER)
    child.expect("inget datum: skriv ÅÅÅÅ-MM-DD")
    child.send(BACKSPACE * 5 + "2026-11-27" + ENTER)
    child.expect("Nu")
    child.expect("gör genast en skyddsbedömning")
    child.expect(r"senast\s+fre\s+4\s+dec,\s+från\s+beslutet\s+om\s+omhändertagande\s+\(7\s+§\s+LVU\)")
    child.expect("Kontakter")
    child.expect("Lisa Green")
    child.expect(r"UD\s+och\s+hemlandet:\s+kontakta\s+dem\s+först")  # protection unknown: a check, no call
    child.expect(r"Alla\s+datum\s+från\s+fre\s+27\s+nov\s+2026")
    quit_at_the_end(child)
    assert list(tmp_path.iterdir()) == []


def test_going_back_asks_the_previous_question_again(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, "akut fara just nu", DOWN, ENTER)
    answer(child, r"ett barn \(under 18 år\)", ENTER)
    answer(child, "Ange län eller kommun", "<", ENTER)
    answer(child, r"ett barn \(under 18 år\)", DOWN, ENTER)  # now an adult
    answer(child, "Ange län eller kommun", "Skåne", ENTER)
    answer(child, "kommer personen från", UP, ENTER)  # the back choice is last; UP wraps to it
    answer(child, "Ange län eller kommun", ENTER)  # the earlier answer is the default
    answer(child, "kommer personen från", ENTER)  # Sverige: return is not asked, the right to stay is
    answer(child, "utnyttjats för", SPACE, ENTER)
    answer(child, "rätt att vistas i Sverige", ENTER)
    answer(child, "polisanmälan", ENTER)
    answer(child, "behöver personen", DOWN, DOWN, DOWN, SPACE, ENTER)
    answer(child, "Var arbetar du", ENTER)
    child.expect("Stämmer de")
    child.expect("Vuxen")
    child.expect("Skåne län")
    answer(child, "Ändra: Din roll", ENTER)
    child.expect("Bedöm risken för fortsatt våld")
    quit_at_the_end(child)


def test_changing_an_answer_at_the_review(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", DOWN * 4 + ENTER)  # Ändra: hemland
    answer(child, "kommer personen från", UP, ENTER)  # Sverige
    child.expect("Stämmer de")
    child.expect("Ändra: Din roll")  # the review is drawn in full before the next key
    review = child.before
    assert "Skydd i Sverige" not in review and "Återvändande" not in review, "no longer relevant answers go"
    assert "Rätt att vistas" in review, "still relevant for someone from Sweden"
    assert "Tiggeri" in review and "Skyddat boende" in review, "later answers that still apply are kept"
    child.expect_exact(RENDERED)
    child.send(DOWN * 4 + ENTER)  # Ändra: hemland again
    answer(child, "kommer personen från", DOWN, ENTER)  # EU: protection and return become relevant again
    child.expect("asyl eller annat skydd")
    child.expect_exact("» \x1b[0;7m4) Vet inte")  # the earlier answer comes back as the default
    answer(child, "Tillbaka till föregående fråga", DOWN, DOWN, DOWN, DOWN, ENTER)  # past Back, the two Ja, to Nej
    answer(child, "återvända", UP, UP, ENTER)  # from "Vet inte" up to Ja
    answer(child, "Ändra: Din roll", ENTER)
    answer(child, "Från vilket datum", ENTER)
    child.expect("båda länderna")  # a child returns only in its best interest, not through the programme
    child.expect("Att kontrollera")
    child.expect("Betänketid")  # an EU citizen: only to check
    quit_at_the_end(child)


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, "akut fara just nu", DOWN, ENTER)
    answer(child, r"ett barn \(under 18 år\)", CTRL_C)
    child.expect("avbrutet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "term"), [(("--plain",), "xterm"), ((), "dumb")])
def test_plain_guide_asks_line_by_line_without_escape_codes(tmp_path: Path, args: tuple[str, ...],
                                                            term: str) -> None:
    child = spawn(tmp_path, *args, term=term)
    seen = []

    def reply(prompt: str, line: str) -> None:
        child.expect(prompt)
        seen.append(child.before + str(child.after))
        child.sendline(line)

    reply("Skriv ett nummer: ", "2")  # akut fara: Nej
    reply("Skriv ett nummer: ", "1")  # barn
    reply(r"Ange län eller kommun\.\r\nSvar: ", "Narnia")
    reply("Svar: ", "<")  # an unknown place is refused; "<" goes back to the age
    reply(r"Skriv ett nummer \(Enter behåller 1\): ", "")  # the age is kept
    reply(r"Ange län eller kommun\.\r\nSvar: ", "Malmö")
    reply(r"  3\. Ett land utanför EU", "2")  # hemland: EU
    reply("med komma emellan: ", "3,8")  # tiggeri + "Vet inte": refused
    reply("med komma emellan: ", "3")
    reply("Skriv ett nummer", "3")  # uppehållstillstånd: Vet inte
    reply("Skriv ett nummer", "4")  # skydd: Vet inte
    reply("Skriv ett nummer", "3")  # polisanmälan
    reply("Skriv ett nummer", "3")  # återvändande
    reply("med komma emellan: ", "1")  # skyddat boende
    reply("Skriv ett nummer", "3")  # vårdnadshavarna: Vet inte
    reply("Skriv ett nummer", "1")  # socialtjänsten
    reply("Dina svar. Stämmer de?", "1")
    reply(r"Från vilket datum ska fristerna räknas\?.*\r\nSvar \(Enter behåller \d{4}-\d\d-\d\d\): ", "igår")
    child.expect("Nu:")
    reply("Vad vill du göra nu", "6")  # Avsluta: the case has dated deadlines, so the calendar is offered
    child.expect(pexpect.EOF)
    text = "".join(seen) + str(child.before)
    child.close()
    assert child.exitstatus == 0
    assert "Okänd kommun 'Narnia'" in text
    assert "”Vet inte” kan inte kombineras med andra svar" in text
    assert "Lisa Green" in text
    assert "Alla datum från" in text
    assert "\x1b" not in text, "no escape codes at all"
    assert list(tmp_path.iterdir()) == []


def test_acute_danger_says_112_at_once_and_offers_the_checklist(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, "akut fara just nu", ENTER)  # Ja
    child.expect("Ring 112 nu: personen är i akut fara")  # before the next question
    child.expect(r"ett barn \(under 18 år\)")
    child.expect("Visa checklistan nu")
    child.expect_exact(RENDERED)
    child.send(ENTER)  # the first choice now: what is known, the rest "Vet inte"
    child.expect("Nu")
    child.expect(r"Ring 112 nu: personen är i akut fara\.")
    child.expect("Ta emot anmälan om oro för barnet|orosanmälan")  # an unknown age is presumed a child
    quit_at_the_end(child)
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_lost_at_the_end(tmp_path: Path) -> None:
    """The whole checklist in a pager, saved files that are private, and a failed save that keeps the answers."""
    (tmp_path / "finns.md").write_text("en annan anteckning\n", encoding="utf-8")
    child = spawn(tmp_path)
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    answer(child, "Från vilket datum", ENTER)
    answer(child, "Vad vill du göra nu", ENTER)  # the whole checklist, through $PAGER (cat here)
    child.expect("Källans ordalydelse")
    child.expect("Stegen i stöd- och skyddsprocessen")
    answer(child, "Vad vill du göra nu", DOWN, ENTER)  # the summary for a call for advice
    child.expect("Inför samtalet med regionkoordinatorn eller stödtelefonen")
    child.expect("Frågor att ställa")
    answer(child, "Vad vill du göra nu", DOWN, DOWN, ENTER)  # save the checklist
    # A name is proposed (Enter would take it); this one exists: said, and asked again on a fresh prompt
    answer(child, "Filnamn för checklistan", BACKSPACE * 40, "finns.md", ENTER)
    child.expect("finns redan")
    answer(child, "Filnamn för checklistan", BACKSPACE * 40, "fall", ENTER)  # no ending: .md
    child.expect(r"Checklistan sparades i\s+\S*fall\.md")  # said in full
    answer(child, "Vad vill du göra nu", DOWN, DOWN, DOWN, ENTER)  # the deadlines in a calendar file
    answer(child, "Filnamn för kalenderfilen", ENTER)  # the proposed name
    child.expect(r"Fristerna sparades i\s+\S*frister-2026-11-23\.ics")
    answer(child, "Vad vill du göra nu", DOWN, DOWN, DOWN, DOWN, ENTER)  # save the answers
    answer(child, "Filnamn för svaren", BACKSPACE * 40, "svar.yaml", ENTER)
    child.expect(r"Svaren sparades i\s+\S*svar\.yaml")
    quit_at_the_end(child)
    assert (tmp_path / "finns.md").read_text(encoding="utf-8") == "en annan anteckning\n"
    saved = (tmp_path / "fall.md").read_text(encoding="utf-8")
    assert saved.startswith("# Checklista vid misstanke om människohandel") and "Skapad " in saved
    assert "Stegen i stöd- och skyddsprocessen" in saved, "the export is the whole checklist"
    for name in ("fall.md", "frister-2026-11-23.ics", "svar.yaml"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert (tmp_path / "frister-2026-11-23.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 4
    again = subprocess.run([sys.executable, "-m", "mhstod", "guide", "--answers", "svar.yaml", "--json"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert again.returncode == 0 and '"age": "child"' in again.stdout and again.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.md", "finns.md", "frister-2026-11-23.ics",
                                                          "svar.yaml"]


@pytest.mark.parametrize("keys", [CTRL_C, BACKSPACE * 10 + "inga" + ENTER], ids=["ctrl-c", "inga"])
def test_no_day_for_the_deadlines_keeps_them_relative_and_loses_nothing(tmp_path: Path, keys: str) -> None:
    """Ctrl-C at the day had ended the guide with every answer lost (exit 130); now the checklist is shown."""
    child = spawn(tmp_path)
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    answer(child, "Från vilket datum", keys)
    child.expect(r"inom\s+en\s+vecka\s+från\s+beslutet")
    quit_at_the_end(child)
    assert "senast" not in (child.before or "")


def test_the_summary_for_a_call_asks_no_day(tmp_path: Path) -> None:
    child = spawn(tmp_path, after=("--samtal",))
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    child.expect("Inför samtalet med regionkoordinatorn eller stödtelefonen")
    assert "Från vilket datum" not in (child.before or "")
    child.expect("Frågor att ställa")
    quit_at_the_end(child)


def test_output_is_checked_before_the_first_question(tmp_path: Path) -> None:
    (tmp_path / "fall.md").write_text("x\n", encoding="utf-8")
    child = spawn(tmp_path, after=("--output", "fall.md"))
    child.expect("finns redan; ingenting skrivs över")
    child.expect(pexpect.EOF)
    assert "akut fara" not in (child.before or "")
    child.close()
    assert child.exitstatus == 2


def test_ctrl_c_at_the_end_menu_exits_130(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    answer(child, "Från vilket datum", ENTER)
    answer(child, "Vad vill du göra nu", CTRL_C)
    child.expect("avbrutet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def test_plain_guide_shows_the_checklist_at_once_from_the_place_prompt(tmp_path: Path) -> None:
    child = spawn(tmp_path, term="dumb")
    child.expect("Skriv ett nummer: ")
    child.sendline("1")  # akut fara: Ja
    child.expect("!!! Ring 112 nu")
    child.expect(r"Skriv ett nummer: ")
    child.sendline("3")  # Vuxen; "Visa checklistan nu" is 1
    child.expect("Skriv ! för att visa checklistan nu")
    child.expect("Svar: ")
    child.sendline("!")
    child.expect("Nu:")
    child.expect(r"VIKTIGT: Ring 112 nu: personen är i akut fara\.")
    child.expect("Vad vill du göra nu")
    child.expect("Skriv ett nummer")
    assert "kalenderfil" not in child.before  # no deadline of this case is a date: no calendar to save
    child.sendline("5")  # Avsluta
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_plain_guide_reads_swedish_letters_under_an_ascii_encoding(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """PYTHONIOENCODING=ascii and "Malmö" typed: UnicodeDecodeError, an internal error, before."""
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    child = spawn(tmp_path, term="dumb")
    child.expect("Skriv ett nummer: ")
    child.sendline("2")  # akut fara: Nej
    child.expect("Skriv ett nummer: ")
    child.sendline("3")  # vuxen
    child.expect("Svar: ")
    child.sendline("Malmö")
    child.expect("Vilket land kommer personen fr")  # the place was understood: the next question
    child.sendline("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in child.before and "internt fel" not in child.before


def test_terminal_manners_at_80_columns(tmp_path: Path) -> None:
    """Digits pick, Enter on "Tillbaka" in a multiple choice goes back, the place is checked on Enter only, the
    help follows the age, and every line breaks between words (at 80 columns: "[Sexu" / "ella ändamål]")."""
    child = spawn(tmp_path, columns=80)
    drawn = io.StringIO()
    child.logfile_read = drawn
    answer(child, "akut fara just nu", "2", ENTER)  # a digit moves to Nej; Enter picks it
    answer(child, r"ett barn \(under 18 år\)", "2", ENTER)  # Vuxen
    answer(child, "Ange län eller kommun", "Malm")
    child.expect(r"Malm\x1b\[[0-9;]*mö")  # the completion is drawn: "Malm" was read, and nothing said of it
    child.expect_exact(RENDERED)
    child.send(ENTER)
    child.expect(re.escape("Okänd kommun 'Malm'. Menade du Malmö (kommun i Skåne län)?"))
    assert "Okänd" not in child.before, "said on Enter, not while typing"
    child.expect_exact(RENDERED)
    child.send("ö" + ENTER)
    child.expect("Hemlandet avgör")
    child.expect("kommer personen från")
    assert "barn" not in child.before, "an adult's case hears nothing of a child"
    child.expect_exact(RENDERED)
    child.send("3" + ENTER)  # Ett land utanför EU
    answer(child, "passar", UP, ENTER)  # from the first choice up to "Tillbaka"; nothing ticked
    child.expect("kommer personen från")  # back, without "Välj minst ett svar"
    assert "Välj minst ett svar" not in child.before
    child.expect_exact(RENDERED)
    child.send(ENTER)  # the earlier answer is where the pointer starts
    answer(child, "passar", "1", "3", ENTER)  # Sexuella ändamål and Tiggeri ticked by their digits
    child.expect("rätt att vistas i Sverige")
    child.expect_exact(RENDERED)
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    lines = screen_lines(drawn.getvalue())
    assert [line for line in lines if len(line) > 80] == []
    words = " ".join(" ".join(lines).split())
    assert "Välj allt som passar. Sexuella ändamål, Tiggeri" in words, "the answer in full, in Swedish"
    assert "done" not in words and "selections" not in words
    assert "(piltangenterna eller en siffra flyttar, Enter väljer)" in words and "2) Nej" in words
    for word in ("utnyttjats", "mellanslag", "bekräftar)", "Sexuella", "ändamål,", "Tiggeri"):
        assert word in words.split(), f"{word} broken over two lines"


def test_a_number_too_long_for_int_is_asked_again(tmp_path: Path) -> None:
    """More than 4,300 digits at "Skriv ett nummer" ended in "internt fel (ValueError …)" (issue 23, 9)."""
    child = spawn(tmp_path, "--plain")
    child.expect("Skriv ett nummer: ")
    child.sendline("9" * 5000)
    child.expect("Skriv ett nummer från 1 till 3")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and "internt fel" not in str(child.before)


def test_a_field_takes_at_most_200_characters_typed_key_by_key(tmp_path: Path) -> None:
    """Typed (not pasted), 10 kB took 4 s and 100 kB grew to 3.4 GB, deaf to Ctrl-C (issue 23, 10)."""
    child = spawn(tmp_path)
    answer(child, "akut fara just nu", DOWN, ENTER)
    answer(child, r"ett barn \(under 18 år\)", ENTER)
    answer(child, "Ange län eller kommun")
    for _ in range(20):
        child.send("ö" * 500)
    child.send(ENTER)
    child.expect("Okänd kommun 'ö{40}…'", timeout=20)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_escape_then_a_digit_picks_that_choice(tmp_path: Path) -> None:
    """Esc, 2 was a repeat count "(arg: 2)"; Enter then recorded the first choice, "Barn" (issue 23, 16)."""
    child = spawn(tmp_path)
    answer(child, "akut fara just nu", DOWN, ENTER)
    answer(child, r"ett barn \(under 18 år\)", "\x1b", "2", ENTER)
    child.expect("Ange län eller kommun")
    answered = " ".join(screen_lines(child.before))
    assert "Vuxen" in answered and "arg:" not in answered
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


def test_the_guide_with_its_output_in_a_file_says_so_before_asking(tmp_path: Path) -> None:
    """`mhstod guide > fall.txt` wrote the questions into the file while the terminal waited blank (23, 8)."""
    child = pexpect.spawn("/bin/sh", ["-c", f'exec "{sys.executable}" -m mhstod guide > fall.txt'], cwd=str(tmp_path),
                          env={**os.environ, "TERM": "xterm"}, encoding="utf-8", timeout=20)
    child.expect("Standardutmatningen är ingen terminal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert (tmp_path / "fall.txt").read_text(encoding="utf-8") == ""


def test_the_guide_speaks_to_a_person_not_in_flags(tmp_path: Path) -> None:
    """The interactive guide said "--from anmalan=DATUM" and "--full" to someone who typed no command (24, 6)."""
    child = spawn(tmp_path)
    first_part(child)
    rest(child)
    answer(child, "Ändra: Din roll", ENTER)
    child.expect("Från vilket datum ska fristerna räknas")
    asked = child.before + child.after
    answer(child, r"eller inga", ENTER)
    child.expect("Vad vill du göra nu")
    shown = " ".join(screen_lines(asked + child.before))
    quit_at_the_end_from_menu(child)
    assert "Hela checklistan: välj den i menyn nedan" in shown
    assert "--from" not in shown and "--full" not in shown and "--samtal" not in shown


def quit_at_the_end_from_menu(child: pexpect.spawn) -> None:
    child.expect_exact(RENDERED)
    child.send(UP + ENTER)
    child.expect(pexpect.EOF)
    child.close()
