"""Completion as an attack surface (issue 23): hostile names from a local overlay, through each real shell.

A local folder (--data-dir, MHSTOD_DATA_DIR) may be written by someone else; its names reach the command line
when a caseworker presses Tab. Whatever they hold, nothing may run, and the word the shell reads must be the
name, literally. Bash inserts a candidate as it is, so mhstod escapes it for the quotes it is typed in (none,
'…' or "…"), and does not offer what cannot be written there; zsh and fish quote on insertion themselves, so
they get the name as it is. One shell session per shell and context, all the names at once: a few seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.commands.test_completion import on_path, printed  # noqa: F401  (on_path is a fixture)

PAYLOADS = [
    "$(touch PWNED)", "`touch PWNED`", '"; touch PWNED; echo "', "'; touch PWNED; echo '", "\\", "\\\\\"x",
    "a b", "a;b|c&d", "<in >out", "*?[a]", "~root", "!touch", "${HOME}", "$HOME", "Åäö ☃ Ω", "#kommentar",
    "{a,b}", "=x", "%s%n", "^x", "a:b", "x'y\"z", "$'\\x41'", "(sub)", "-rf", "\u00a0nbsp",
]
NAMES = [f"zq{index:02d}{payload}" for index, payload in enumerate(PAYLOADS)]


@pytest.fixture
def hostile(tmp_path: Path, on_path: dict[str, str]) -> dict[str, str]:  # noqa: F811
    """An overlay of actors named with every payload, and an environment that completes from it."""
    folder = tmp_path / "lokalt"
    folder.mkdir()
    actors = [{"id": f"hostile-{index}", "name": name, "aliases": [], "kind": "kommunal",
               "summary": "Påhittad.", "summary_source": {"document": "Testlista", "date": "2026-10"},
               "responsibilities": [],
               "no_duties": {"text": "Inga.", "source": {"document": "Testlista", "date": "2026-10"}}}
              for index, name in enumerate(NAMES)]
    (folder / "actors.yaml").write_text(yaml.safe_dump({"actors": actors}, allow_unicode=True), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    return {**on_path, "MHSTOD_DATA_DIR": str(folder), "WORK": str(work)}


def _shell(shell: str, script: str, env: dict[str, str]) -> str:
    result = subprocess.run([shell, *(["-f"] if shell == "zsh" else []), "-c", script], capture_output=True,
                            env=env, cwd=env["WORK"], timeout=120)
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    return result.stdout.decode("utf-8")


def _nothing_ran(env: dict[str, str]) -> None:
    assert os.listdir(env["WORK"]) == [], "a name from the overlay ran as a command"


# The words as bash reads them, after Tab filled in each candidate and closed the quote: NUL-separated.
BASH_CONTEXT = r"""
COMP_WORDS=(mhstod actor "${Q}zq"); COMP_CWORD=2; COMP_LINE="mhstod actor ${Q}zq"; COMP_POINT=${#COMP_LINE}
_mhstod_completion mhstod
for reply in "${COMPREPLY[@]}"; do
    eval "set -- ${Q}${reply}${Q}"
    printf '%s\0' "$#" "$1"
done
"""


@pytest.mark.slow
@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_bash_inserts_each_name_literally_in_every_context(hostile: dict[str, str], quote: str) -> None:
    assignment = {"": "Q=''", "'": "Q=\"'\"", '"': "Q='\"'"}[quote]
    out = _shell("bash", printed("bash") + assignment + BASH_CONTEXT, hostile)
    fields = out.split("\0")[:-1]
    pairs = list(zip(fields[::2], fields[1::2], strict=True))
    assert all(count == "1" for count, _ in pairs), "each candidate stays one word"
    read = [word for _, word in pairs]
    # Inside '…' a ' cannot be written; inside "…" a ! would be history expansion: those are not offered.
    cannot = {"'": "'", '"': "!"}.get(quote)
    expected = [name for name in NAMES if cannot is None or cannot not in name]
    assert read == expected
    _nothing_ran(hostile)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (apt-get install zsh)")
@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_zsh_is_given_each_name_as_it_is(hostile: dict[str, str], tmp_path: Path, quote: str) -> None:
    """zsh quotes a candidate on insertion: it must get the name itself (a colon escaped for _describe)."""
    (Path(hostile["WORK"]).parent / "_mhstod").write_text(printed("zsh"), encoding="utf-8")
    script = (r"""
compdef() { : }
_describe() { local item; for item in "${(@P)3}"; do print -rn -- "D$item"; print -n '\0'; done }
compadd() { local item; for item in "${(@P)${@[-1]}}"; do print -rn -- "P$item"; print -n '\0'; done }
source ../_mhstod
words=(mhstod actor "$Q""zq"); CURRENT=3; _mhstod_completion
""")
    out = _shell("zsh", f"Q={_zsh_quoted(quote)}\n" + script, hostile)
    # _describe's "value:description", a colon in the value escaped; compadd's values as they are
    told = [re.split(r"(?<!\\):", item[1:], maxsplit=1)[0].replace("\\:", ":") if item[0] == "D" else item[1:]
            for item in out.split("\0")[:-1]]
    assert sorted(told) == sorted(NAMES)
    _nothing_ran(hostile)


def _zsh_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (apt-get install fish)")
@pytest.mark.parametrize("quote", ["", "'", '"'])
def test_fish_is_given_each_name_as_it_is(hostile: dict[str, str], quote: str) -> None:
    escaped = {"": "zq", "'": "\\'zq", '"': '"zq'}[quote]  # as typed inside fish's own '…
    out = _shell("fish", printed("fish") + f"complete -C 'mhstod actor {escaped}'\n", hostile)
    told = [line.split("\t", 1)[0] for line in out.splitlines()]
    assert told == NAMES
    _nothing_ran(hostile)


@pytest.mark.slow
def test_bash_completes_past_a_colon_in_a_name(tmp_path: Path, on_path: dict[str, str]) -> None:  # noqa: F811
    """Bash breaks a word at ':' (COMP_WORDBREAKS): `Lokal:Lin` offered nothing (issue 23, 23)."""
    folder = tmp_path / "lokalt"
    folder.mkdir()
    actor = {"id": "lokal", "name": "Lokal:Linköping", "aliases": [], "kind": "kommunal", "summary": "Påhittad.",
             "summary_source": {"document": "Testlista", "date": "2026-10"}, "responsibilities": [],
             "no_duties": {"text": "Inga.", "source": {"document": "Testlista", "date": "2026-10"}}}
    (folder / "actors.yaml").write_text(yaml.safe_dump({"actors": [actor]}, allow_unicode=True), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    script = printed("bash") + r"""
COMP_WORDS=(mhstod actor Lokal : Lin); COMP_CWORD=4; COMP_LINE="mhstod actor Lokal:Lin"; COMP_POINT=${#COMP_LINE}
_mhstod_completion mhstod
printf '%s\n' "${COMPREPLY[@]}" ==
"""
    out = _shell("bash", script, {**on_path, "MHSTOD_DATA_DIR": str(folder), "WORK": str(work)})
    assert out.splitlines() == ["Linköping", "=="], "bash puts it after the 'Lokal:' it keeps"
