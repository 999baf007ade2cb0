"""How a Ctrl-C in the first tenth of a second ends the guide: a measurement, not a test.

Starts `mhstod guide` in a pseudo-terminal N times, sends SIGINT after a random delay of 0–150 ms, and
counts the outcomes: one line and exit 130, a traceback through the program, a traceback in Python's own
start or pip's launcher, killed before Python set up its handler, or the signal lost (the first question
appears). Usage: python bench/early_interrupt.py [COMMAND] [N] (default: the mhstod beside this Python, 150).
"""

from __future__ import annotations

import collections
import os
import random
import signal
import sys
import time
from pathlib import Path

import pexpect


def outcome(command: str) -> str:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(command, ["guide"], env=env, encoding="utf-8", timeout=10, dimensions=(50, 100))
    time.sleep(random.uniform(0, 0.15))
    child.kill(signal.SIGINT)
    if child.expect([pexpect.EOF, "akut fara"]) == 1:
        child.kill(signal.SIGKILL)
        child.expect(pexpect.EOF)
        child.close()
        return "lost (the first question appeared)"
    output = child.before
    child.wait()
    child.close()
    if "Traceback" in output:
        through = "/mhstod/" in output.replace("bin/mhstod", "")
        return "traceback through the program" if through else "traceback in Python's start or the launcher"
    if child.exitstatus == 130 and output.strip().startswith("mhstod:"):
        return "exit 130, one line"
    if child.signalstatus == signal.SIGINT and not output.strip():
        return "killed before Python's handler, silent"
    return f"other: exit {child.exitstatus}, signal {child.signalstatus}"


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else str(Path(sys.executable).with_name("mhstod"))
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    random.seed(1)
    counts = collections.Counter(outcome(command) for _ in range(rounds))
    for kind, count in counts.most_common():
        print(f"{count:4d}  {kind}")


if __name__ == "__main__":
    main()
