"""The house's rules, read from the source: which layer may import which, no import cycle, no symlink, no record ids.

The layers, bottom up (CONTRIBUTING.md, "Module map"):
- the core: plain Python over plain data, no terminal, no files of data (mhstod.*, but not the four below)
- load/: the only code that reads the data files; knowledge is passed down from the commands, never fetched
- render/: draws a value the core built; no Typer, no prompts, no files
- prompts.py: questionary and the plain UI over interview.py
- commands/: the Typer app; the only layer that may import everything
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mhstod.load import load
from mhstod.load.scenarios import scenarios_for

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "mhstod"

# Third-party packages each allowed only in these modules (a prefix names a package of modules).
THIRD_PARTY = {
    "typer": ("mhstod.commands",),
    "click": ("mhstod.commands",),
    "rich": ("mhstod.render.rich", "mhstod.commands"),
    "questionary": ("mhstod.prompts",),
    "prompt_toolkit": ("mhstod.prompts",),
    "yaml": ("mhstod.load.yamlfile",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (a lazy import is still a dependency)."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # "from mhstod.render import json"
    return found


def graph() -> dict[str, set[str]]:
    """The package's modules and the package modules each imports."""
    files = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    return {name: {i for i in imports(path) if i in files and i != name} for name, path in files.items()}


def layer(module: str) -> str:
    for prefix in ("mhstod.commands", "mhstod.render", "mhstod.load"):
        if module == prefix or module.startswith(prefix + "."):
            return prefix.rpartition(".")[2]
    if module == "mhstod.prompts":
        return "prompts"
    if module == "mhstod.__main__":
        return "entry"
    return "core"


# Which layers each layer may import (itself always).
ALLOWED = {
    "core": {"core"},
    "load": {"core"},
    "render": {"core"},
    "prompts": {"core"},
    "commands": {"core", "load", "render", "prompts"},
    "entry": {"commands"},
}


def test_the_graph_is_read() -> None:
    """The checks below would pass on an empty graph; make sure they see the package."""
    modules = graph()
    assert {"mhstod.engine", "mhstod.load.knowledge", "mhstod.render.json", "mhstod.commands.app"} <= set(modules)
    assert "mhstod.checklist" in modules["mhstod.engine"]
    assert "mhstod.render.json" in modules["mhstod.commands.output"]  # a lazy import inside a function counts


def test_no_import_cycle() -> None:
    modules = graph()
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for dep in sorted(modules[name]):
            if state.get(dep) == "open":
                cycle = [*path[path.index(dep):], dep] if dep in path else [name, dep]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if dep not in state:
                visit(dep, [*path, dep])
        state[name] = "done"

    for name in sorted(modules):
        if name not in state:
            visit(name, [name])


def test_no_upward_import() -> None:
    wrong = [f"{name} ({layer(name)}) imports {dep} ({layer(dep)})"
             for name, deps in graph().items() for dep in sorted(deps)
             if layer(dep) != layer(name) and layer(dep) not in ALLOWED[layer(name)]]
    assert not wrong, "\n".join(wrong)


def test_only_the_commands_read_the_data() -> None:
    """The core is given its knowledge; only the commands (and load/ itself) import load/."""
    readers = sorted(name for name, deps in graph().items() if any(layer(d) == "load" for d in deps)
                     and layer(name) not in ("load", "commands"))
    assert not readers


def test_third_party_packages_stay_in_their_modules() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        for imported in imports(path):
            top = imported.split(".")[0]
            allowed = THIRD_PARTY.get(top)
            if allowed is not None and not any(name == a or name.startswith(a + ".") for a in allowed):
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_no_import_by_name() -> None:
    """Every import is a statement the checks above can read: no importlib.import_module, no __import__."""
    found = [f"{path.relative_to(ROOT)}:{node.lineno}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and (
                 (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                 or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"))]
    assert not found


def test_no_symlink_in_the_repository() -> None:
    """A checkout without symlinks (Windows) must work: nothing the project ships or tests may be a link."""
    skipped = {"__pycache__", "build", "dist", "node_modules"}
    links = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = [d for d in dirnames if d not in skipped and (d == ".ci" or not d.startswith("."))
                       and not d.endswith(".egg-info")]
        links += [str(Path(dirpath, n).relative_to(ROOT)) for n in dirnames + filenames
                  if Path(dirpath, n).is_symlink()]
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        tracked = subprocess.run([git, "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=False)
        links += [line.split("\t", 1)[1] for line in tracked.stdout.splitlines() if line.startswith("120000")]
    assert not links


def test_no_id_of_a_data_record_in_the_code() -> None:
    """The code names no actor, number, region, coordinator, task, step, deadline, law or document: the data does.

    Question ids are the answers file's keys (a format, not records): the few the code reads are declared in
    model.py and checked on load.
    """
    knowledge = load()
    records = {a.id: "aktör" for a in knowledge.actors}
    records |= {n.id: "nummer" for n in knowledge.numbers}
    records |= {r.id: "region" for r in knowledge.regions}
    records |= {c.id: "koordinator" for r in knowledge.regions for c in r.coordinators}
    records |= {t.id: "uppgift" for t in knowledge.tasks}
    records |= {s.id: "steg" for s in knowledge.steps}
    records |= {d.id: "tidsfrist" for d in knowledge.deadlines}
    records |= {law.id: "lag" for law in knowledge.laws}
    records |= {d.id: "källdokument" for d in knowledge.documents}
    records |= {s.id: "undervisningsfall" for s in scenarios_for(knowledge)}
    assert "stodtelefonen" in records and "nodnummer" in records  # the ones that used to be in the code
    found = [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r} ({records[node.value]})"
             for path in sorted(PACKAGE.rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in records]
    assert not found, "\n".join(found)


def test_every_view_a_command_names_exists_as_json_and_as_lines() -> None:
    """Output.view finds a look-up's JSON and lines by one name, in render/json.py and render/views.py."""
    from mhstod.render import json, views

    named = {name for path in (PACKAGE / "commands").glob("*.py")
             for name in re.findall(r'\.view\(json, "(\w+)"', path.read_text(encoding="utf-8"))}
    assert len(named) == 11, named
    assert all(callable(getattr(json, name, None)) and callable(getattr(views, name, None)) for name in named)
