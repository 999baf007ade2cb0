"""Parse YAML strictly: no duplicate keys, no aliases, and errors that carry a line number."""

from __future__ import annotations

from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """The text is not YAML we accept; `line` is 1-based, or 0 when unknown."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(_Base):  # type: ignore[misc]
    """A safe loader that refuses what hand-written data never needs and an attacker might."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            # An alias: our data never reuses nodes, and nested aliases can expand exponentially.
            raise YamlProblem("YAML-alias (&/*) används inte här", node.start_mark.line + 1)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise YamlProblem(f"nyckeln '{key}' förekommer två gånger", key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def parse(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem with the line where it went wrong."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlProblem(f"ogiltig YAML: {exc.problem or exc.context}", line) from None
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or b"?")
        raise YamlProblem(f"tecknet U+{character:04X} är inte tillåtet (position {exc.position})") from None
    except (yaml.YAMLError, RecursionError, TypeError, ValueError) as exc:
        raise YamlProblem(f"ogiltig YAML: {' '.join(str(exc).split())}") from None
