"""Immutable records: what `@dataclass(frozen=True, slots=True)` gave the model, for a fraction of the cost.

Every command starts by creating the model's ~45 classes, and `dataclass` spends ~1.6 ms on each in a fresh
process (it compiles six methods and, for slots, creates the class twice): ~40 ms for model.py's 25 alone, a
sixth of what `region --json` then cost above Python's own start. A `Record` is made once, with slots, and
shares its methods, `__init__` too (nothing is compiled or executed): ~0.05 ms a class, 1.4 ms for model.py
(`python bench/records.py`; NamedTuple, 12 ms, would compare equal to any tuple of the same values). Making a
record costs ~4 µs against dataclass's ~1.2; a command makes about a thousand, so the two come out even, and
the start-up lost nothing when the per-class compiled `__init__` went (measured in whole processes). What the
code relies on is kept and tested (tests/test_record.py): fields from the annotations, in order, with defaults;
keyword or positional arguments; equality and hash by type and values; no assignment after creation;
`replace`. Type checkers read a `Record` as a frozen dataclass (PEP 681).
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform

_MUTABLE = (list, dict, set, bytearray)
_CLASS_VARIABLES = ("ClassVar", "typing.ClassVar")  # annotations of the class, not fields, as for a dataclass


class FrozenError(AttributeError):
    """An attempt to change a record after it was made."""


class _RecordType(type):
    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], *, eq: bool = True) -> type:
        if not bases:  # Record itself
            return super().__new__(mcs, name, bases, namespace)
        if bases != (Record,):
            raise TypeError(f"{name}: a record derives from Record alone")
        if "__annotations__" not in namespace and any(key.startswith("__annotate") for key in namespace):
            # Python 3.14 evaluates annotations lazily: the fields would silently be none (ruff's I002 asks for
            # the import in every module of the package).
            raise TypeError(f"{name}: a record's module needs `from __future__ import annotations`")
        annotations = namespace.get("__annotations__", {})
        fields = tuple(f for f, kind in annotations.items() if not str(kind).startswith(_CLASS_VARIABLES))
        defaults = {f: namespace.pop(f) for f in fields if f in namespace}
        for field, value in defaults.items():
            if isinstance(value, _MUTABLE):
                raise TypeError(f"{name}.{field}: a default is shared by every record, so it must not change")
        if defaults and any(f not in defaults for f in fields[fields.index(next(iter(defaults))):]):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        namespace["__slots__"] = fields
        namespace["__match_args__"] = fields
        namespace["_fields"] = fields
        namespace["__init__"] = _initializer(name, fields, defaults)
        if eq:
            namespace["_values"] = _values(fields)
        else:
            namespace["__eq__"] = object.__eq__
            namespace["__hash__"] = object.__hash__
        return super().__new__(mcs, name, bases, namespace)


def _values(fields: tuple[str, ...]) -> Any:
    """The record's values as a tuple, also for one field (its value alone would hash like the value itself)."""
    if len(fields) > 1:
        return attrgetter(*fields)
    return staticmethod(lambda record: tuple(getattr(record, field) for field in fields))


def _initializer(name: str, fields: tuple[str, ...], defaults: dict[str, Any]) -> Any:
    """The `__init__` that takes `fields` (with their defaults), by position or name, and sets each.

    One shared shape, not code compiled per class (as `dataclass` does with exec): no text is ever executed,
    and the class costs a tenth as much to make. Equality and hash are likewise shared, over an `attrgetter`.
    """
    count = len(fields)
    set_field = object.__setattr__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > count:
            raise TypeError(f"{name}() takes {count} arguments but {len(args)} were given")
        for field, value in zip(fields, args, strict=False):
            set_field(self, field, value)
        for field in fields[len(args):]:
            if field in kwargs:
                set_field(self, field, kwargs.pop(field))
            elif field in defaults:
                set_field(self, field, defaults[field])
            else:
                raise TypeError(f"{name}() missing argument: {field!r}")
        if kwargs:  # a name that is no field, or a field given by position too
            raise TypeError(f"{name}() got an unexpected or repeated argument: {', '.join(map(repr, kwargs))}")

    __init__.__qualname__ = f"{name}.__init__"
    return __init__


@dataclass_transform(frozen_default=True, eq_default=True)
class Record(metaclass=_RecordType):
    """The base of an immutable record; see the module's docstring."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]]
    _values: ClassVar[Any]  # the values of the fields, in a tuple where there are several

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._values(self) == self._values(other))

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"{type(self).__name__}.{name} cannot be changed; make a new one with replace()")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"{type(self).__name__}.{name} cannot be deleted")

    def __repr__(self) -> str:
        values = ", ".join(f"{field}={getattr(self, field)!r}" for field in self._fields)
        return f"{type(self).__name__}({values})"

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """copy, deepcopy and pickle make a record anew from its values (its fields cannot be set afterwards)."""
        return type(self), tuple(getattr(self, field) for field in self._fields)


R = TypeVar("R", bound=Record)


def _replace(record: R, **changes: Any) -> R:
    """A copy of `record` with `changes`; like `dataclasses.replace`, an unknown field is a TypeError."""
    unknown = set(changes) - set(record._fields)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {', '.join(sorted(unknown))}")
    return type(record)(**{field: changes.get(field, getattr(record, field)) for field in record._fields})


if TYPE_CHECKING:  # mypy checks each change's name and type against the record's fields, as for a dataclass
    from dataclasses import replace as replace
else:
    replace = _replace
