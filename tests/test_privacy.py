"""Case answers are sensitive: a guide run writes nothing but the requested --output and opens no connection."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pexpect
import pytest

from tests.helpers import run
from tests.terminal import ENTER, UP, first_part, rest

NO_NETWORK = (
    "import socket, sys\n"
    "def refuse(*a, **k): raise SystemExit('network used')\n"
    "socket.socket.connect = refuse\nsocket.socket.connect_ex = refuse\nsocket.create_connection = refuse\n"
    "from mhstod.commands.main import main\nsys.exit(main())\n"
)


def private_env(root: Path) -> dict[str, str]:
    """HOME, temp and config dirs inside `root`, so any stray write shows up there."""
    dirs = {name: root / name for name in ("home", "tmp", "config", "cache", "data")}
    for d in dirs.values():
        d.mkdir()
    return {"HOME": str(dirs["home"]), "TMPDIR": str(dirs["tmp"]), "XDG_CONFIG_HOME": str(dirs["config"]),
            "XDG_CACHE_HOME": str(dirs["cache"]), "XDG_DATA_HOME": str(dirs["data"])}


def files_under(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_answers_file_run_writes_only_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    root.mkdir()
    for key, value in private_env(root).items():
        monkeypatch.setenv(key, value)
    answers = tmp_path / "fall.yaml"
    answers.write_text("age: child\ncounty: Lund\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.chdir(root)
    code, _, _ = run(capsys, "guide", "--answers", str(answers), "--output", "checklista.md")
    assert code == 0
    assert files_under(root) == [Path("checklista.md")]
    code, _, _ = run(capsys, "guide", "--answers", str(answers), "--json")
    assert code == 0
    assert files_under(root) == [Path("checklista.md")]


@pytest.mark.slow
def test_interactive_run_writes_nothing_and_opens_no_connection(tmp_path: Path) -> None:
    env = {**os.environ, **private_env(tmp_path), "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-c", NO_NETWORK, "guide"], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=20, dimensions=(50, 100))
    child.delaybeforesend = None  # each send waits for the screen (tests/terminal.py), not a fixed 50 ms
    first_part(child)
    rest(child)
    child.expect("Ändra: Din roll")
    child.expect_exact("\x1b[?7h")
    child.send(ENTER)
    child.expect("Från vilket datum")
    child.expect_exact("\x1b[?7h")
    child.send(ENTER)  # today
    child.expect("Kontakter")
    child.expect("Vad vill du göra nu")
    child.expect_exact("\x1b[?7h")
    child.send(UP + ENTER)  # Avsluta
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "network used" not in (child.before or "")
    assert files_under(tmp_path) == []
