"""An answers file (YAML, or JSON by its extension): read strictly, as the data is, into a plain mapping."""

from __future__ import annotations

import json  # a few ms, and only for the guide's answers files: the look-ups never import this module
from pathlib import Path

from mhstod.errors import AnswersError, quoted, shown_path
from mhstod.load.files import Unreadable, decoded, read_text
from mhstod.load.yamlfile import YamlProblem, parse

MAX_FILE_BYTES = 256 * 1024


STDIN = "-"


def read_file(path: str) -> object:
    """The mapping in an answers file (YAML, or JSON by its extension), or one clear AnswersError.

    `-` reads the answers from standard input (YAML, which also reads JSON), as many tools do.
    """
    if not path.strip():  # '' named the current folder: "är en katalog"
        raise AnswersError("--answers: ange en svarsfil (namnet är tomt), eller - för standardinmatningen.")
    file = Path(path)
    named = "Svaren på standardinmatningen" if path == STDIN else f"Svarsfilen '{shown_path(path)}'"
    try:
        text = _read_stdin() if path == STDIN else read_text(file, MAX_FILE_BYTES, encoding="utf-8-sig")
    except Unreadable as exc:
        raise AnswersError(f"{named} {exc}.") from None
    if path != STDIN and file.suffix.lower() == ".json":
        try:
            return json.loads(text, object_pairs_hook=_no_repeated_keys, parse_int=_bounded_int)
        except _RepeatedKey as exc:
            question = quoted(exc.args[0])
            raise AnswersError(f"{named}: frågan {question} står två gånger.") from None
        except _LongNumber:  # a valid JSON number of 5,000 digits was "rad 0: ogiltig JSON"
            raise AnswersError(f"{named}: ett tal i filen har fler än {MAX_DIGITS} siffror; inget svar är ett "
                               f"sådant tal.") from None
        except (ValueError, RecursionError) as exc:  # ValueError: also a number of 5 000 digits
            line = getattr(exc, "lineno", 0)
            raise AnswersError(f"{named} rad {line}: ogiltig JSON.") from None
    try:
        return parse(text)
    except YamlProblem as exc:
        where = f" rad {exc.line}" if exc.line else ""
        raise AnswersError(f"{named}{where}: {exc.message}.") from None


def _read_stdin() -> str:
    """Standard input, bounded as a file is."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(MAX_FILE_BYTES + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    return decoded(bytes(data), MAX_FILE_BYTES, encoding="utf-8-sig")


class _RepeatedKey(ValueError):
    pass


class _LongNumber(Exception):
    pass


MAX_DIGITS = 100  # no answer is a number; the version is a small one


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise _LongNumber
    return int(digits)


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object whose keys are unique, as the YAML loader insists too; the last one must not win silently."""
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKey(key)
        result[key] = value
    return result
