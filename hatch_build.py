"""The wheel's build hook: the shipped data parsed, validated and written as a JSON snapshot (load/snapshot.py).

It reads the YAML with the package's own loader from src/, so the wheel cannot carry a snapshot of data that
would not load; a fault in the data fails the build with the loader's own message.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotHook(BuildHookInterface):  # type: ignore[misc]
    """Adds mhstod/data/snapshot.json to a wheel (not to an editable install, which reads data/ as it is)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from mhstod.load.files import DATA_FILES
            from mhstod.load.knowledge import build, parse_shipped
            from mhstod.load.snapshot import NAME, make

            files = {name: (root / "data" / name).read_bytes() for name in DATA_FILES}  # hashed as load() reads them
            texts = {name: data.decode("utf-8") for name, data in files.items()}
            values = parse_shipped(texts)
            build(texts, parsed=values)  # validates everything, as every run would
        finally:
            sys.path.remove(str(root / "src"))
        out = Path(tempfile.mkdtemp(prefix="mhstod-snapshot-")) / NAME
        out.write_text(make(files, values), encoding="utf-8")
        build_data["force_include"][str(out)] = f"mhstod/data/{NAME}"
