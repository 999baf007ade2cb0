"""What the model's classes cost: `Record` against `@dataclass(frozen=True, slots=True)` and `NamedTuple`.

Each variant is the real `src/mhstod/model.py` with its classes spelled the other way, executed in a fresh
process (so nothing is warm but Python itself), interleaved, median of the rounds. Then the cost of one record
made, compared and hashed, in one process. Run from the project's root: `python bench/records.py`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "src" / "mhstod" / "model.py"
CLASS = re.compile(r"^class (\w+)\(Record\):", re.MULTILINE)


def variants(text: str) -> dict[str, str]:
    """The model's source spelled as each of the three kinds of class."""
    def spelled(imports: str, cls: str) -> str:
        return CLASS.sub(cls, text.replace("from mhstod.record import Record", imports))
    return {
        "Record": text,
        "dataclass": spelled("from dataclasses import dataclass", r"@dataclass(frozen=True, slots=True)\nclass \1:"),
        "NamedTuple": spelled("from typing import NamedTuple", r"class \1(NamedTuple):"),
    }


CREATE = """
import sys, time, types
sys.path.insert(0, {src!r})
import mhstod.conditions, mhstod.record, typing, dataclasses  # what each variant may use, imported beforehand
code = compile({text!r}, "model", "exec")
module = sys.modules["variant"] = types.ModuleType("variant")
start = time.perf_counter()
exec(code, module.__dict__)
print(time.perf_counter() - start)
"""

PER_RECORD = """
import sys, timeit, types
sys.path.insert(0, {src!r})
import mhstod.conditions, mhstod.record, typing, dataclasses
module = sys.modules["variant"] = types.ModuleType("variant")
exec(compile({text!r}, "model", "exec"), module.__dict__)
Source = module.Source
a, b = Source("001", "7.1"), Source("001", "7.1")
n = 200_000
for what, run in (("make", lambda: Source("001", "7.1", note="x")), ("==", lambda: a == b), ("hash", lambda: hash(a))):
    print(what, timeit.timeit(run, number=n) / n * 1e9)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    src = str(MODEL.parent.parent)
    texts = variants(MODEL.read_text(encoding="utf-8"))
    count = len(CLASS.findall(texts["Record"]))
    times: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(args.rounds):
        for name, text in texts.items():
            out = subprocess.run([sys.executable, "-c", CREATE.format(src=src, text=text)],
                                 check=True, capture_output=True, text=True).stdout
            times[name].append(float(out))
    print(f"{count} classes of src/mhstod/model.py, {args.rounds} fresh processes each (median)")
    print(f"{'':12}{'all classes':>14}{'a class':>10}{'make':>10}{'==':>9}{'hash':>9}")
    for name, text in texts.items():
        lines = subprocess.run([sys.executable, "-c", PER_RECORD.format(src=src, text=text)],
                               check=True, capture_output=True, text=True).stdout.split("\n")
        per = dict(line.split() for line in lines if line)
        median = statistics.median(times[name])
        print(f"{name:12}{median * 1000:11.1f} ms{median / count * 1000:7.2f} ms"
              f"{float(per['make']):7.0f} ns{float(per['==']):6.0f} ns{float(per['hash']):6.0f} ns")


if __name__ == "__main__":
    main()
