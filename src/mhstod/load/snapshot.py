"""The shipped data, parsed once when the wheel is built: JSON beside the YAML, used only while it matches it.

Reading 112 KB of YAML took about 40 ms of every command's start-up, and importing PyYAML another 16. The
wheel's build hook (hatch_build.py) parses and validates the YAML with this package's own loader and writes
the parsed values with a hash of the files they came from. At run time the files' bytes are hashed (well under
a millisecond) and the snapshot is used only if the hash matches: an edited file, an editable install or a
missing snapshot means the YAML is parsed, as before. The snapshot is data, not code: `json` reads it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mhstod.load.files import DATA_FILES

NAME = "snapshot.json"
FORMAT = 1


def _sha256() -> Any:
    """A SHA-256 hasher from CPython's own implementation, where it is found; hashlib's otherwise.

    hashlib loads OpenSSL's libcrypto: 4 ms and 3.7 MiB of a command's start (bench/startup.py's peak), to hash
    112 KB. The built-in module (`_sha2` from Python 3.12, `_sha256` before) computes the same digest.
    """
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]
        except ImportError:
            from hashlib import sha256
    return sha256()


def digest(files: dict[str, bytes]) -> str:
    """The hash of the data files' bytes (UTF-8), in DATA_FILES order, each with its name."""
    sha = _sha256()
    for name in DATA_FILES:
        sha.update(name.encode() + b"\0" + files[name] + b"\0")
    return str(sha.hexdigest())


def make(files: dict[str, bytes], values: dict[str, Any]) -> str:
    """The snapshot's text, for the build hook: the parsed value of each file and the hash of the files."""
    return json.dumps({"format": FORMAT, "sha256": digest(files), "files": {n: values[n] for n in DATA_FILES}},
                      ensure_ascii=False, separators=(",", ":"))


def matching(folder: Path, files: dict[str, bytes]) -> dict[str, Any] | None:
    """The parsed files from the snapshot in `folder`, if there is one and it was made from these files' bytes.

    Bytes, not text: the files are decoded only where the snapshot does not match (and YAML is parsed).
    """
    try:
        stored = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # unreadable, no JSON, or nested past the parser's depth
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("sha256") != digest(files):
        return None
    parsed = stored.get("files")
    return parsed if isinstance(parsed, dict) and set(parsed) == set(DATA_FILES) else None
