"""Regenerate the README's examples from the tool itself, or check that they are current (tests/test_readme.py).

    python tools/readme.py           # rewrite the generated blocks in README.md
    python tools/readme.py --check   # exit 1, listing the stale blocks, if any block is not what the tool prints

A generated block sits between two markers; what is between them is replaced:

    <!-- readme: output region --county Skåne -->      the command's output at 80 columns, without colour
    <!-- readme: help region -->                       `mhstod --plain region --help`, folded in <details>
    <!-- readme: help -->                              `mhstod --plain --help`
    <!-- readme: json region --county Skane -->        the command's --json, abridged (see `abridge`)
    <!-- readme: shape actors -->                      the keys of the command's --json, records by name
    <!-- readme: end -->

`{answers}` in a command is a file holding the README's own answers example (the ```yaml block after
`<!-- readme: answers -->`), so that example is run too. The commands run as the installed `mhstod` would, with
"today" set to the day the data was last reviewed, so a block changes only when the tool or its data does.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = 80  # the terminal the text examples are drawn for
JSON_WIDTH = 110  # a JSON line that fits stays on one line
LONG_TEXT = 60  # longer strings in JSON examples end in "…"
SHAPE_DEPTH = 8  # a shape shows objects this deep; deeper ones are {}

BLOCK = re.compile(r"(<!-- readme: (output|help|json|shape)(?: ([^\n]*?))? -->\n)(.*?)(<!-- readme: end -->)",
                   re.DOTALL)
ANSWERS = re.compile(r"<!-- readme: answers -->\n+```yaml\n(.*?)```", re.DOTALL)
MARKER = re.compile(r"<!-- readme: ?([^ >]*)")
KINDS = {"output", "help", "json", "shape"}
# What a child process may inherit: enough to start Python, nothing that changes what the tool prints
# (FORCE_COLOR, PYTHONPATH, PYTHONWARNINGS, MHSTOD_* …).
INHERITED = ("PATH", "HOME", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL")


def environment() -> dict[str, str]:
    """The same terminal and day on every machine, and the same mhstod as the one imported here."""
    import mhstod
    from mhstod.load import load

    env = {k: os.environ[k] for k in INHERITED if k in os.environ}
    env.update({"COLUMNS": str(WIDTH), "LINES": "50", "NO_COLOR": "1", "TERM": "xterm", "PYTHONIOENCODING": "utf-8",
                "PYTHONUTF8": "1", "PYTHONPATH": str(Path(mhstod.__file__).resolve().parents[1]),
                "MHSTOD_TODAY": load().reviewed, "MHSTOD_NOW": f"{load().reviewed}T10:00"})
    return env


def mhstod(args: list[str], env: dict[str, str], expect: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    """Run the tool; an exit code it should not give (an internal error) stops the rewrite."""
    result = subprocess.run([sys.executable, "-m", "mhstod", *args], capture_output=True, text=True,
                            encoding="utf-8", env=env, cwd=ROOT, timeout=120, check=False)
    if result.returncode not in expect or "internt fel" in result.stderr:
        raise SystemExit(f"mhstod {' '.join(args)}: exit {result.returncode}: {result.stderr.strip()}")
    return result


def abridge(value: Any, seen: set[frozenset[str]]) -> Any:
    """A shorter example of the same shape: one element of each list, long texts cut, a repeated record `{}`.

    A record (an object with an `id`, a `code`, a `source` or a `doc`) is shown whole the first time its kind
    (its set of keys) appears; later ones are `{}`. Other objects (the answers, the counts) are always shown.
    """
    if isinstance(value, dict):
        keys = frozenset(value)
        if keys & {"id", "code", "source", "doc"}:
            if keys in seen:
                return {}
            seen.add(keys)
        return {k: abridge(v, seen) for k, v in value.items()}
    if isinstance(value, list):
        return [abridge(v, seen) for v in value[:1]]
    if isinstance(value, str) and len(value) > LONG_TEXT:
        return value[: LONG_TEXT - 1].rstrip() + "…"
    return value


RECORDS = {  # a kind of record shown whole in the examples above, and the keys that tell it
    "source": {"doc", "elsewhere"}, "number": {"number", "use"}, "county": {"iso_3166_2"},
    "coordinator": {"focus", "emails", "as_of"}, "region": {"coordinators", "no_coordinator"},
}
NAMED = "\0"  # marks a record's name, written bare in a shape


def skeleton(value: Any, depth: int = 0) -> Any:
    """The keys of a JSON value: a known record by its name, texts as "…", a list as all its elements merged."""
    if isinstance(value, dict):
        for name, keys in RECORDS.items():
            if keys <= set(value) and "kind" not in value:
                return NAMED + name
        return {k: skeleton(v, depth + 1) for k, v in value.items()} if depth < SHAPE_DEPTH else {}
    if isinstance(value, list):
        shapes = [skeleton(v, depth + 1) for v in value]
        return [_merge(shapes)] if shapes else []
    return "…" if isinstance(value, str) else value


def _merge(shapes: list[Any]) -> Any:
    """One shape for a list's elements: every key any of them has, and a value where one is not null."""
    if all(isinstance(s, dict) for s in shapes):
        keys = list(dict.fromkeys(k for s in shapes for k in s))
        return {k: _merge([s[k] for s in shapes if k in s]) for k in keys}
    if all(isinstance(s, list) for s in shapes):
        return [_merge([e for s in shapes for e in s])] if any(shapes) else []
    return next((s for s in shapes if s is not None and s is not False), shapes[0])


def layout(value: Any, indent: int = 0, before: int = 0) -> str:
    """JSON indented by two, but an object or list that fits on its line (after `before` characters) stays on it."""
    flat = json.dumps(value, ensure_ascii=False)
    if indent + before + len(flat) <= JSON_WIDTH or not isinstance(value, (dict, list)) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        inner = []
        for k, v in value.items():
            key = f"{json.dumps(k, ensure_ascii=False)}: "
            inner.append(f"{pad}{key}{layout(v, indent + 2, len(key))}")
        return "{\n" + ",\n".join(inner) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(pad + layout(v, indent + 2) for v in value) + "\n" + " " * indent + "]"


def generate(kind: str, command: str | None, env: dict[str, str], answers: str) -> str:
    args = shlex.split((command or "").replace("{answers}", answers))
    shown = " ".join(["mhstod", *shlex.split((command or "").replace("{answers}", "fall.yaml"))])
    if kind == "help":
        result = mhstod(["--plain", *args, "--help"], env)
        return (f"<details><summary><code>{shown} --help</code></summary>\n\n"
                f"```\n{result.stdout.rstrip()}\n```\n\n</details>\n")
    if kind in ("json", "shape"):
        value = json.loads(mhstod([*args, "--json"], env).stdout)
        if kind == "shape":
            text = re.sub(r'"\\u0000(\w+)"', r"\1", layout(skeleton(value)))
            return f"`{shown} --json`:\n\n```\n{text}\n```\n"
        return f"```json\n{layout(abridge(value, set()))}\n```\n"
    result = mhstod(args, env, expect=(0, 2))  # an example may show a usage error
    text = "\n".join(line.rstrip() for line in (result.stdout + result.stderr).rstrip().splitlines())
    return f"```\n$ {shown}\n{text}\n```\n"


def check_markers(readme: str) -> None:
    """Every marker known, every block closed: a typo must not leave a block unchecked."""
    open_block = ""
    for match in MARKER.finditer(readme):
        kind = match.group(1)
        if kind not in (*KINDS, "answers", "end"):
            raise SystemExit(f"README.md: unknown marker '{match.group(0)}'")
        if kind in KINDS and open_block:
            raise SystemExit(f"README.md: '{open_block}' has no '<!-- readme: end -->' before the next block")
        if kind == "end" and not open_block:
            raise SystemExit("README.md: '<!-- readme: end -->' without a block")
        open_block = match.group(0) if kind in KINDS else ""
    if open_block:
        raise SystemExit(f"README.md: '{open_block}' has no '<!-- readme: end -->'")


def regenerate(readme: str) -> str:
    check_markers(readme)
    found = ANSWERS.search(readme)
    if found is None:
        raise SystemExit("README.md: no answers example (<!-- readme: answers --> before a ```yaml block)")
    env = environment()
    blocks = list(BLOCK.finditer(readme))
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=4) as pool:
        answers = Path(folder) / "fall.yaml"
        answers.write_text(found.group(1), encoding="utf-8")
        texts = list(pool.map(lambda b: generate(b.group(2), b.group(3), env, str(answers)), blocks))
    out, last = [], 0
    for block, text in zip(blocks, texts, strict=True):
        out += [readme[last:block.start(4)], text]
        last = block.end(4)
    return "".join(out) + readme[last:]


def stale(old: str, new: str) -> list[str]:
    """The markers of the blocks that differ."""
    return [a.group(1).strip() for a, b in zip(BLOCK.finditer(old), BLOCK.finditer(new), strict=True)
            if a.group(0) != b.group(0)]


def main(argv: list[str]) -> int:
    old = README.read_text(encoding="utf-8")  # universal newlines: a checkout with CRLF compares alike
    new = regenerate(old)
    if "--check" in argv:
        for marker in stale(old, new):
            print(f"README.md: not current: {marker} (python tools/readme.py)", file=sys.stderr)
        return 1 if new != old else 0
    if new != old:
        README.write_text(new, encoding="utf-8", newline="\n")
        print("README.md: rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
