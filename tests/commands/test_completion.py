"""Shell completion: `mhstod completion SKAL`, and the answers bash, zsh and fish get from the data.

Most tests ask in-process, as a shell's script does, through _MHSTOD_COMPLETE and COMP_WORDS (one word a line, as
typed) and COMP_CWORD. The tests at the end run the real shells on the real scripts: one process each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from mhstod.commands.app import app
from mhstod.commands.main import main
from mhstod.commands.shells import script, unquoted
from mhstod.load.scenarios import scenarios_for
from mhstod.model import Knowledge
from tests.helpers import run

LOCAL_ACTOR = """actors:
  - id: lokal-aktor
    name: "Länsgården Öst"
    aliases: ["gården"]
    kind: kommunal
    summary: "Ett påhittat exempel på en lokal aktör."
    summary_source: {document: "Linköpings kommun, kontaktlista", date: "2026-10"}
    responsibilities: []
    no_duties:
      text: "Ett exempel utan uppgifter."
      source: {document: "Linköpings kommun, kontaktlista", date: "2026-10"}
"""


def answer(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *words: str,
           shell: str = "bash") -> tuple[int, str, str]:
    """What `shell` reads back for the words typed so far (the last one being typed), as its script asks."""
    monkeypatch.setenv("_MHSTOD_COMPLETE", f"{shell}_complete")
    monkeypatch.setenv("COMP_WORDS", "\n".join(["mhstod", *words]))
    monkeypatch.setenv("COMP_CWORD", str(len(words)))
    code = main([])
    out, err = capsys.readouterr()
    monkeypatch.delenv("_MHSTOD_COMPLETE")
    return code, out, err


def values(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *words: str) -> list[str]:
    """The candidates bash gets: what it would put on the line, escaped as bash reads it."""
    code, out, err = answer(capsys, monkeypatch, *words)
    assert (code, err) == (0, ""), (code, err)
    lines = out.splitlines()
    assert all(line.startswith("plain\t") for line in lines), lines
    return [line.removeprefix("plain\t") for line in lines]


def escaped(name: str) -> str:
    return name.replace(" ", "\\ ").replace("(", "\\(").replace(")", "\\)")


def test_commands_and_sub_commands(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    group = typer.main.get_command(app)
    assert values(capsys, monkeypatch, "") == list(group.commands)  # type: ignore[attr-defined]
    assert "completion" in values(capsys, monkeypatch, "")
    assert values(capsys, monkeypatch, "sc") == ["scenario"]
    assert values(capsys, monkeypatch, "scenario", "") == ["list", "show", "play"]
    assert values(capsys, monkeypatch, "data", "") == ["check"]


def test_options(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "region", "--m") == ["--municipality"]
    assert values(capsys, monkeypatch, "--") == ["--version", "--plain", "--no-pager", "--help"]
    assert values(capsys, monkeypatch, "region", "--county", "Skåne", "--") == ["--municipality", "--json",
                                                                                 "--data-dir", "--help"]


def test_counties_are_the_datas_and_names_of_two_words_stay_one(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, knowledge: Knowledge) -> None:
    counties = values(capsys, monkeypatch, "region", "--county", "")
    assert counties == [escaped(c.short_name) for c in knowledge.counties]
    assert "Västra\\ Götaland" in counties and len(counties) == 21
    assert values(capsys, monkeypatch, "region", "-c", "västra") == ["Västra\\ Götaland"]
    assert values(capsys, monkeypatch, "region", "--county", "=", "Väs") == [
        "Västra\\ Götaland", "Västmanland", "Västernorrland", "Västerbotten"], "bash splits --county=Väs at ="


def test_a_place_is_a_county_or_a_municipality_typed_with_or_without_å_ä_ö(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "region", "Väst") == [
        "Västra\\ Götaland", "Västmanland", "Västernorrland", "Västerbotten", "Västervik", "Västerås"]
    assert values(capsys, monkeypatch, "region", "vastra") == ["Västra\\ Götaland"]
    assert values(capsys, monkeypatch, "region", "Gotl") == ["Gotland"], "the county and its municipality: once"
    assert values(capsys, monkeypatch, "region", "Västra\\ G") == ["Västra\\ Götaland"]


def test_region_takes_one_place_so_a_second_is_not_offered(capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "region", "--county", "Skåne", "") == []
    assert values(capsys, monkeypatch, "region", "Lund", "") == []
    assert values(capsys, monkeypatch, "region", "-m", "Lund", "-c", "") == []
    assert values(capsys, monkeypatch, "region", "-m", "Lund", "--") == ["--county", "--json", "--data-dir", "--help"]


def test_typed_inside_quotes_the_shell_needs_no_escapes(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "region", '"Västra G') == ["Västra Götaland"]
    assert values(capsys, monkeypatch, "region", "'östra g") == ["Östra Göinge"]


def test_municipalities(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                        knowledge: Knowledge) -> None:
    assert values(capsys, monkeypatch, "region", "--municipality", "Upplands") == ["Upplands\\ Väsby", "Upplands-Bro"]
    assert values(capsys, monkeypatch, "region", "-m", "Malu") == ["Malung-Sälen"]
    assert values(capsys, monkeypatch, "region", "-m", "Göteb") == ["Göteborg"]
    assert values(capsys, monkeypatch, "region", "-m", "Stockholm") == ["Stockholm"]
    assert len(values(capsys, monkeypatch, "region", "-m", "")) == len(knowledge.municipalities)


def test_actors_by_name_and_alias(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  knowledge: Knowledge) -> None:
    assert values(capsys, monkeypatch, "actor", "pol") == ["Polismyndigheten", "polisen", "polis"]
    assert values(capsys, monkeypatch, "actor", "Utrikes") == ["Utrikesdepartementet\\ \\(UD\\)",
                                                                "utrikesdepartementet"]
    assert values(capsys, monkeypatch, "actor", "akl") == ["Åklagarmyndigheten", "åklagare", "åklagaren"]
    every = values(capsys, monkeypatch, "actor", "")
    assert {escaped(a.name) for a in knowledge.actors} <= set(every)
    assert {escaped(alias) for a in knowledge.actors for alias in a.aliases} <= set(every)


def test_scenarios(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, knowledge: Knowledge) -> None:
    ids = [s.id for s in scenarios_for(knowledge)]
    assert values(capsys, monkeypatch, "scenario", "show", "") == ids
    assert values(capsys, monkeypatch, "scenario", "play", ids[0][:4]) == [i for i in ids if i.startswith(ids[0][:4])]


def test_steps_and_laws(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "process", "") == ["1", "2", "3", "4", "5", "6"]
    assert values(capsys, monkeypatch, "process", "--step", "") == ["1", "2", "3", "4", "5", "6"]
    assert values(capsys, monkeypatch, "lag", "ko") == ["koppleri", "kop-av-sexuell-tjanst"]


def test_shells(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert values(capsys, monkeypatch, "completion", "") == ["bash", "zsh", "fish"]


def test_a_local_actor_completes_from_the_option_or_the_environment(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(LOCAL_ACTOR, encoding="utf-8")
    assert values(capsys, monkeypatch, "actor", "--data-dir", str(tmp_path), "länsg") == ["Länsgården\\ Öst"]
    assert values(capsys, monkeypatch, "actor", "länsg") == []
    monkeypatch.setenv("MHSTOD_DATA_DIR", str(tmp_path))
    assert values(capsys, monkeypatch, "actor", "gård") == ["gården"]


def test_a_local_folder_typed_from_home_completes_too(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`--data-dir ~/lokalt` offered nothing: the shell expands ~ only when the command runs (issue 23, 18)."""
    (tmp_path / "lokalt").mkdir()
    (tmp_path / "lokalt" / "actors.yaml").write_text(LOCAL_ACTOR, encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert values(capsys, monkeypatch, "actor", "--data-dir", "~/lokalt", "länsg") == ["Länsgården\\ Öst"]


def test_files_and_folders_are_left_to_the_shell(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for words, kind in ((["guide", "--answers", "sv"], "file"), (["guide", "-o", ""], "file"),
                        (["region", "--data-dir", "lok"], "dir")):
        assert answer(capsys, monkeypatch, *words) == (0, f"{kind}\t{words[-1]}\n", "")


@pytest.mark.parametrize("data", ["finns-inte", "trasig"])
def test_an_error_while_completing_completes_nothing_and_says_nothing(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data: str) -> None:
    folder = tmp_path / data
    if data == "trasig":
        folder.mkdir()
        (folder / "actors.yaml").write_text("actors: [\n", encoding="utf-8")
    assert answer(capsys, monkeypatch, "region", "--data-dir", str(folder), "--county", "Sk") == (1, "", "")
    monkeypatch.setenv("COMP_CWORD", "x")  # what a broken script could send: still no traceback
    monkeypatch.setenv("_MHSTOD_COMPLETE", "bash_complete")
    assert run(capsys) == (1, "", "")


def test_completing_after_version_does_not_print_it(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The version option's callback ran while Click read the line: its text became a candidate."""
    assert "mhstod" not in " ".join(values(capsys, monkeypatch, "-V", ""))
    assert values(capsys, monkeypatch, "-V", "reg") == ["region", "regions"]


def test_zsh_and_fish_get_descriptions_from_the_data(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """zsh sends the words as typed; fish the earlier ones as plain text, and --option=value as one word."""
    assert answer(capsys, monkeypatch, "region", "Västra\\ G", shell="zsh") == (
        0, "plain\nVästra Götaland\nVästra Götalands län, Region Väst\n", "")
    assert answer(capsys, monkeypatch, "completion", "z", shell="zsh") == (0, "plain\nzsh\n_\n", "")
    assert answer(capsys, monkeypatch, "region", "--municipality=Upplands\\ V", shell="fish") == (
        0, "plain\t--municipality=Upplands Väsby\tkommun i Stockholms län\n", "")
    assert answer(capsys, monkeypatch, "actor", "--data-dir", "a b", "Utrikes", shell="fish") == (1, "", ""), \
        "the folder 'a b' is one word: it does not exist"


def test_an_instruction_it_does_not_know_is_one_swedish_line(capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MHSTOD_COMPLETE", "source_tcsh")
    assert run(capsys, "region", "Skåne") == (
        2, "", "mhstod: _MHSTOD_COMPLETE='source_tcsh' förstås inte; skriv ett nytt skript med 'mhstod completion "
               "SKAL'.\n")
    for instruction in ("bash_source", "source_bash"):  # Click's order, and Typer's
        monkeypatch.setenv("_MHSTOD_COMPLETE", instruction)
        code, out, err = run(capsys)
        assert (code, err) == (0, "") and "complete -F _mhstod_completion mhstod" in out


@pytest.mark.parametrize(("shell", "says"), [("bash", "complete -F _mhstod_completion mhstod"),
                                             ("zsh", "compdef _mhstod_completion mhstod"),
                                             ("fish", "complete --command mhstod --no-files")])
def test_the_completion_command_prints_the_script(capsys: pytest.CaptureFixture[str], shell: str, says: str) -> None:
    assert main(["completion", shell]) == 0
    out, err = capsys.readouterr()
    assert says in out and f"_MHSTOD_COMPLETE={shell}_complete" in out and err == ""


def test_an_unknown_shell_is_one_swedish_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "completion", "tcsh") == (2, "", "mhstod: Okänt skal 'tcsh'. Välj bash, zsh eller fish.\n")


def test_the_help_says_how_to_install(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--plain", "completion", "-h")
    assert code == 0
    assert "bash: mhstod completion bash >> ~/.bashrc" in out
    assert "fish: mhstod completion fish > ~/.config/fish/completions/mhstod.fish" in out


@pytest.mark.parametrize(("typed", "read"), [("Västra\\ Göt", "Västra Göt"), ('"Västra Göt', "Västra Göt"),
                                             ("'Malmö", "Malmö"), ("Lund\\", "Lund"), ("", "")])
def test_a_word_as_the_shell_reads_it(typed: str, read: str) -> None:
    assert unquoted(typed) == read


# The real shells: each runs the script `mhstod completion` prints and asks as it would on Tab; every question
# starts `mhstod`, a Python process, so they are few.


@pytest.fixture
def on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose `mhstod` is this Python running this source, in a UTF-8 locale."""
    folder = tmp_path / "bin"
    folder.mkdir()
    wrapper = folder / "mhstod"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m mhstod "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_MHSTOD"))}
    return {**env, "PATH": f"{folder}{os.pathsep}{env['PATH']}", "LC_ALL": "C.UTF-8", "HOME": str(tmp_path)}


def printed(shell: str) -> str:
    """The script, as `mhstod completion SHELL` prints it (tested above), without a process to print it."""
    return script(shell, typer.main.get_command(app))


def shell_run(shell: str, script: str, env: dict[str, str], cwd: Path) -> list[str]:
    result = subprocess.run([shell, *(["-f"] if shell == "zsh" else []), "-c", script], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=cwd, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.splitlines()


BASH_ASKS = r"""
ask() {  # the words so far, the last one being typed: COMPREPLY, one candidate a line, then ==
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _mhstod_completion mhstod
    printf '%s\n' "${COMPREPLY[@]}" "=="
}
ask mhstod sc
ask mhstod region --muni
ask mhstod region Västra
ask mhstod region --municipality Östra
ask mhstod actor polis
ask mhstod scenario show rom
"""


@pytest.mark.slow
def test_bash(on_path: dict[str, str], tmp_path: Path) -> None:
    """Bash non-interactive: COMPREPLY as Tab would fill it, one process for all the questions (≈ 2 s)."""
    lines = shell_run("bash", printed("bash") + BASH_ASKS, on_path, tmp_path)
    answers = "\n".join(lines).split("\n==")
    assert [a.strip("\n").split("\n") for a in answers[:6]] == [
        ["scenario"], ["--municipality"], ["Västra\\ Götaland"], ["Östra\\ Göinge"],
        ["Polismyndigheten", "polisen", "polis"], ["romania-malmo"]]


ZSH_ASKS = r"""
compdef() { print -r -- "compdef $*" }
compadd() { print -rl -- "compadd $*" }
_describe() { print -rl -- "describe $*" "${(@P)3}" }
source ./_mhstod
words=(mhstod region Västra\\\ G); CURRENT=3; _mhstod_completion
fpath=(. $fpath); autoload -Uz _mhstod
words=(mhstod actor Utrikes); CURRENT=3; _mhstod
words=(mhstod sc); CURRENT=2; _mhstod
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (apt-get install zsh)")
def test_zsh(on_path: dict[str, str], tmp_path: Path) -> None:
    """Zsh sources the script, then loads it from $fpath as compinit does (a first Tab and a later one).

    compdef, compadd and _describe work only on a real Tab: here they print what they were given.
    """
    (tmp_path / "_mhstod").write_text(printed("zsh"), encoding="utf-8")
    lines = shell_run("zsh", ZSH_ASKS, on_path, tmp_path)
    assert lines == [
        "compdef _mhstod_completion mhstod",
        "describe -V values described", "Västra Götaland:Västra Götalands län, Region Väst",
        "describe -V values described", "Utrikesdepartementet (UD):Regeringskansliet",
        "utrikesdepartementet:Utrikesdepartementet (UD)",
        "describe -V values described", "scenario:Undervisningsfall för utbildare."]


FISH_ASKS = """
complete -C 'mhstod region Västra'
complete -C 'mhstod region --municipality "Upplands V'
complete -C 'mhstod actor Åkl'
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (apt-get install fish)")
def test_fish(on_path: dict[str, str], tmp_path: Path) -> None:
    """Fish completes as on Tab (`complete -C`), with the descriptions from the data."""
    lines = shell_run("fish", printed("fish") + FISH_ASKS, on_path, tmp_path)
    assert lines == ["Västra Götaland\tVästra Götalands län, Region Väst", "Upplands Väsby\tkommun i Stockholms län",
                     "Åklagarmyndigheten\tStatlig myndighet"]


KEEPS_ASKS = r"""
ask() {
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _mhstod_completion mhstod
    printf '%s\n' "${COMPREPLY[@]}" "=="
}
ask mhstod region Skå
ask mhstod region Göt
ask mhstod region Skane
ask mhstod region Malmö
"""


def _common_start(words: list[str]) -> str:
    """What bash keeps of the word: the longest start every candidate shares (character by character)."""
    start = words[0] if words else ""
    for word in words[1:]:
        while not word.startswith(start):
            start = start[:-1]
    return start


@pytest.mark.slow
def test_bash_never_shortens_a_word_typed_with_a_ring_or_dots(on_path: dict[str, str], tmp_path: Path) -> None:
    """`region Skå<Tab>` became `Sk` and `Göt<Tab>` `G`: bash keeps only what the candidates share (issue 24)."""
    lines = shell_run("bash", printed("bash") + KEEPS_ASKS, on_path, tmp_path)
    skaa, got, skane, malmo = ([w.replace("\\", "") for w in a.strip("\n").split("\n")]
                               for a in "\n".join(lines).split("\n==")[:4])
    for typed, offered in (("Skå", skaa), ("Göt", got), ("Malmö", malmo)):
        assert offered and all(o.startswith(typed) for o in offered), (typed, offered)
        assert _common_start(offered).startswith(typed)
    assert "Skåne" in skane, "without its ring, Skane still finds Skåne"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (apt-get install fish)")
def test_fish_keeps_what_was_typed(on_path: dict[str, str], tmp_path: Path) -> None:
    asks = "complete -C 'mhstod region Skå'\necho ==\ncomplete -C 'mhstod region Skane'\n"
    skaa, skane = "\n".join(shell_run("fish", printed("fish") + asks, on_path, tmp_path)).split("==")
    assert skaa.strip() and all(line.startswith("Skå") for line in skaa.strip().splitlines())
    # fish filters candidates against the word itself, and å is no a to it: without its ring nothing is offered
    # (documented in the README); zsh's -U and bash take the replacement.
    assert skane.strip() == ""
