"""The shipped data, parsed once when the wheel is built: JSON beside the YAML, used only while it matches it.

Reading 112 KB of YAML took about 40 ms of every command's start-up, and importing PyYAML another 16. The
wheel's build hook (hatch_build.py) parses and validates the YAML with this package's own loader and writes
the parsed values with a hash of the texts they came from. At run time the texts are hashed (well under a
millisecond) and the snapshot is used only if the hash matches: an edited file, an editable install or a
missing snapshot means the YAML is parsed, as before. The snapshot is data, not code: `json` reads it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mhstod.load.files import DATA_FILES

NAME = "snapshot.json"
FORMAT = 1


def digest(texts: dict[str, str]) -> str:
    """The hash of the data files' texts, in DATA_FILES order, each with its name."""
    sha = hashlib.sha256()
    for name in DATA_FILES:
        sha.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return sha.hexdigest()


def make(texts: dict[str, str], values: dict[str, Any]) -> str:
    """The snapshot's text, for the build hook: the parsed value of each file and the hash of the texts."""
    return json.dumps({"format": FORMAT, "sha256": digest(texts), "files": {n: values[n] for n in DATA_FILES}},
                      ensure_ascii=False, separators=(",", ":"))


def matching(folder: Path, texts: dict[str, str]) -> dict[str, Any] | None:
    """The parsed files from the snapshot in `folder`, if there is one and it was made from these texts."""
    try:
        stored = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("sha256") != digest(texts):
        return None
    files = stored.get("files")
    return files if isinstance(files, dict) and set(files) == set(DATA_FILES) else None
