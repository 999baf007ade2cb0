"""Start-up benchmark: whole-process wall times, alternating the commands so drift hits all alike.

Run from the repository with the environment the tool is installed in:
    python bench/startup.py [--runs 20]
Prints the median of each and its ratio to the floor (Python + PyYAML loading the data files), and the
time until `mhstod guide` shows its first question in a pseudo-terminal (needs pexpect, a test extra).
PYTHONDONTWRITEBYTECODE is removed from the environment so that, as for a user, byte code is cached.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# The files `mhstod region` reads (all but the teaching cases, which only the scenario commands read).
FILES = ["sources.yaml", "regions.yaml", "actors.yaml", "process.yaml", "law.yaml"]
FLOOR = (
    "import yaml, pathlib\n"
    f"for name in {FILES!r}:\n"
    f"    p = pathlib.Path({str(DATA)!r}) / name\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


def commands() -> dict[str, list[str]]:
    mhstod = shutil.which("mhstod", path=str(Path(sys.executable).parent)) or "mhstod"
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "floor (PyYAML loads data/)": [sys.executable, "-c", FLOOR],
        "region --county Skåne --json": [mhstod, "region", "--county", "Skåne", "--json"],
        "region --county Skåne": [mhstod, "region", "--county", "Skåne"],
    }


def first_question(mhstod: str, env: dict[str, str]) -> float:
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(mhstod, ["guide"], env={**env, "PROMPT_TOOLKIT_NO_CPR": "1"}, encoding="utf-8",
                          timeout=30, dimensions=(40, 100))
    child.expect("akut fara just nu")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    cmds = commands()
    times: dict[str, list[float]] = {name: [] for name in cmds}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["COLUMNS"] = "80"
    for argv in cmds.values():  # warm the file cache and .pyc files
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    guide = "time to first question (guide)"
    times[guide] = []
    mhstod = cmds["region --county Skåne --json"][0]
    for _ in range(args.runs):
        for name, argv in cmds.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
            times[name].append(time.perf_counter() - start)
        times[guide].append(first_question(mhstod, env))
    floor = statistics.median(times["floor (PyYAML loads data/)"])
    print(f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · {args.runs} runs each")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:32} median {median * 1000:7.1f} ms   {median / floor:4.2f}× floor")


if __name__ == "__main__":
    main()
