"""Start-up benchmark: whole-process times of the commands people and scripts run, side by side in one run.

    python bench/startup.py [--rounds 20] [--source DIR] [--before DIR] [--installed]

It builds a wheel of the checkout (or of `--source DIR`, another checkout) and installs it into a temporary
virtual environment that borrows this one's libraries: a user's install, with the wheel's data snapshot, not
the editable one. `--installed` measures the `mhstod` beside this Python instead. Each round runs every
command once, in turn, so that the machine's drift hits all alike; the table gives each median, its ratio to
the floor (Python with PyYAML's C loader reading the same data files: what any Python tool that reads this
data pays) and the median peak memory. Byte code is cached, as for a user. The overlays are local folders
that give every region 10 and 100 times its coordinators. `--before DIR` builds another checkout too and runs
its commands in the same rounds: on a shared machine whose speed drifts by half from one minute to the next,
only that makes a fair before and after.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = ["sources.yaml", "regions.yaml", "actors.yaml", "process.yaml", "law.yaml"]  # what `region` reads
ANSWERS = ROOT / "tests" / "fixtures" / "examples" / "adult-refuses-police.yaml"


def floor(data: Path) -> list[str]:
    code = ("import yaml, pathlib\n"
            f"for name in {FILES!r}:\n"
            f"    yaml.load((pathlib.Path({str(data)!r}) / name).read_text(encoding='utf-8'),"
            " Loader=yaml.CSafeLoader)\n")
    return [sys.executable, "-c", code]


def install(source: Path, into: Path) -> Path:
    """The wheel of `source` in a new virtual environment that sees this one's libraries; its `mhstod`."""
    dist = into / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(dist), str(source)], check=True, capture_output=True)
    venv = into / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "bench-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(next(dist.glob("*.whl")))], check=True, capture_output=True)
    return venv / "bin" / "mhstod"


def overlay(data: Path, times: int, into: Path) -> Path:
    """A local folder whose regions.yaml gives every region `times` times its shipped coordinators."""
    regions = yaml.load((data / "regions.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["regions"]
    for region in regions:
        region["coordinators"] = [dict(copy.deepcopy(c), id=f"{c['id']}-{k}")  # no shared node: no YAML alias
                                  for k in range(times) for c in region["coordinators"]]
    folder = into / f"overlay-{times}x"
    folder.mkdir()
    (folder / "regions.yaml").write_text(yaml.dump({"regions": regions}, Dumper=yaml.CSafeDumper,
                                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: a small process between, so the peak is the command's


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB; NaN without GNU time) of one whole process.

    Not os.wait4 on our own child: a child forked from this Python carries its memory into ru_maxrss.
    """
    peak = float("nan")
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        wrapped = [TIME, "-f", "%M", "-o", report.name, *argv] if TIME else argv
        start = time.perf_counter()
        code = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdin=subprocess.DEVNULL, env=env).returncode
        elapsed = time.perf_counter() - start
        if code != 0:
            raise SystemExit(f"{' '.join(argv)} exited {code}")
        if TIME:
            peak = int(report.read().split()[-1]) / 1024
    return elapsed, peak


def first_question(mhstod: str, env: dict[str, str]) -> tuple[float, float]:
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(mhstod, ["guide"], env={**env, "PROMPT_TOOLKIT_NO_CPR": "1"}, encoding="utf-8",
                          timeout=30, dimensions=(40, 100))
    child.expect("akut fara just nu")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed, float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to build (default: this one)")
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout, measured in the same interleaved rounds (a fair before and after "
                             "on a machine whose speed drifts)")
    parser.add_argument("--installed", action="store_true", help="measure the mhstod beside this Python")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mhstod-bench-"))
    try:
        if args.installed:
            installs = {"": shutil.which("mhstod", path=str(Path(sys.executable).parent)) or "mhstod"}
        else:
            installs = {"": str(install(args.source.resolve(), work / "after"))}
        if args.before is not None:
            installs["before"] = str(install(args.before.resolve(), work / "before"))
        data = args.source.resolve() / "data"
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPATH"}}
        env["COLUMNS"] = "80"
        ten, hundred = overlay(data, 10, work), overlay(data, 100, work)
        commands: dict[tuple[str, str], list[str]] = {
            ("", "python -c pass"): [sys.executable, "-c", "pass"],
            ("", "floor (PyYAML reads data/)"): floor(data),
        }
        for which, mhstod in installs.items():
            region = [mhstod, "region", "Skåne", "--json"]
            commands.update({
                (which, "region Skåne --json"): region,
                (which, "region Skåne"): [mhstod, "region", "Skåne"],
                (which, "guide --answers F --json"): [mhstod, "guide", "--answers", str(ANSWERS), "--json"],
                (which, "region --json, overlay 10×"): [*region, "--data-dir", str(ten)],
                (which, "region --json, overlay 100×"): [*region, "--data-dir", str(hundred)],
            })
        for argv in commands.values():  # warm the file cache and the byte code
            timed(argv, env)
        results: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in commands}
        guide = "guide: time to first question"
        for which in installs:
            results[(which, guide)] = []
        for _ in range(args.rounds):
            for key, argv in commands.items():
                results[key].append(timed(argv, env))
            for which, mhstod in installs.items():
                results[(which, guide)].append(first_question(mhstod, env))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _report(results, args, list(installs))


def _report(results: dict[tuple[str, str], list[tuple[float, float]]], args: argparse.Namespace,
            installs: list[str]) -> None:
    def median(key: tuple[str, str]) -> float:
        return statistics.median(t for t, _ in results[key])

    def peak(key: tuple[str, str]) -> str:
        peaks = [m for _, m in results[key] if m == m]
        return f"{statistics.median(peaks):6.1f} MiB" if peaks else ""

    base = median(("", "floor (PyYAML reads data/)"))
    cpu = platform.processor() or platform.machine()
    source = "installed" if args.installed else f"wheel of {args.source}"
    print(f"{platform.node()} · {os.cpu_count()} cores ({cpu}) · Python {platform.python_version()} · "
          f"{args.rounds} rounds · {source}" + (f" · before: wheel of {args.before}" if "before" in installs else ""))
    print(f"{'command':32} {'median':>9} {'× floor':>8} {'peak':>9}" + ("   before: median, × floor, peak"
                                                                       if "before" in installs else ""))
    for (which, name) in results:
        if which:
            continue
        plain = median(("", "region Skåne --json"))
        extra = f"   {median(('', name)) / plain:4.2f}× region --json" if "overlay" in name else ""
        line = f"{name:32} {median(('', name)) * 1000:6.1f} ms {median(('', name)) / base:7.2f}× {peak(('', name)):>9}"
        if ("before", name) in results:
            before = ("before", name)
            line += f"   {median(before) * 1000:6.1f} ms {median(before) / base:5.2f}× {peak(before):>9}"
        print(line + extra)


if __name__ == "__main__":
    main()
