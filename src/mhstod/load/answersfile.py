"""An answers file (YAML, or JSON by its extension): read strictly, as the data is, into a plain mapping."""

from __future__ import annotations

import json  # a few ms, and only for the guide's answers files: the look-ups never import this module
from pathlib import Path

from mhstod.errors import AnswersError
from mhstod.load.yamlfile import YamlProblem, parse
from mhstod.places import shown

MAX_FILE_BYTES = 256 * 1024


def read_file(path: str) -> object:
    """The mapping in an answers file (YAML, or JSON by its extension), or one clear AnswersError."""
    file = Path(path)
    try:
        with file.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AnswersError(f"Kan inte läsa svarsfilen '{shown(path)}': {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise AnswersError(f"Svarsfilen '{shown(path)}' är större än {MAX_FILE_BYTES // 1024} kB; det är inga svar.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswersError(f"Svarsfilen '{shown(path)}' är inte UTF-8 (byte {exc.start}).") from None
    if file.suffix.lower() == ".json":
        try:
            return json.loads(text, object_pairs_hook=_no_repeated_keys)
        except _RepeatedKey as exc:
            raise AnswersError(f"Svarsfilen '{shown(path)}': frågan {shown(repr(exc.args[0]), 60)} står två gånger."
                               ) from None
        except (ValueError, RecursionError) as exc:  # ValueError: also a number of 5 000 digits
            line = getattr(exc, "lineno", 0)
            raise AnswersError(f"Svarsfilen '{shown(path)}' rad {line}: ogiltig JSON.") from None
    try:
        return parse(text)
    except YamlProblem as exc:
        where = f" rad {exc.line}" if exc.line else ""
        raise AnswersError(f"Svarsfilen '{shown(path)}'{where}: {exc.message}.") from None


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object whose keys are unique, as the YAML loader insists too; the last one must not win silently."""
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKey(key)
        result[key] = value
    return result
