"""What the model relies on from its records: the promises `@dataclass(frozen=True, slots=True)` made before."""

from __future__ import annotations

import pytest

from mhstod.record import FrozenError, Record, replace


class Contact(Record):
    name: str
    phone: str = ""
    areas: tuple[str, ...] = ()


class Other(Record):
    name: str
    phone: str = ""
    areas: tuple[str, ...] = ()


class Single(Record):
    name: str


class Empty(Record):
    pass


class Identity(Record, eq=False):
    name: str


def test_fields_come_in_order_with_their_defaults_by_position_or_name() -> None:
    assert Contact("A") == Contact(name="A", phone="", areas=())
    assert Contact("A", "1", ("x",)) == Contact(areas=("x",), phone="1", name="A")
    assert (Contact("A", "1").name, Contact("A", "1").phone, Contact("A").areas) == ("A", "1", ())
    assert Contact.__match_args__ == ("name", "phone", "areas")


@pytest.mark.parametrize("make", [
    lambda: Contact(),  # type: ignore[call-arg]
    lambda: Contact("A", bogus=1),  # type: ignore[call-arg]
    lambda: Contact("A", "1", (), "extra"),  # type: ignore[call-arg]
    lambda: Contact("A", name="B"),  # type: ignore[misc]
], ids=["missing", "unknown", "too many", "twice"])
def test_wrong_arguments_are_a_type_error(make: object) -> None:
    with pytest.raises(TypeError):
        make()  # type: ignore[operator]


def test_equal_by_type_and_values_and_hashed_alike() -> None:
    assert Contact("A", "1") == Contact("A", "1")
    assert Contact("A", "1") != Contact("A", "2")
    assert Contact("A") != Other("A")  # the same values in another kind of record are another thing
    assert Contact("A") != ("A", "", ())
    assert hash(Contact("A", "1", ("x",))) == hash(Contact("A", "1", ("x",)))
    assert len({Contact("A"), Contact("A"), Contact("B"), Other("A")}) == 3
    assert Single("A") == Single("A") and hash(Single("A")) == hash(Single("A")) and Single("A") != Single("B")
    assert Empty() == Empty() and len({Empty(), Empty()}) == 1


def test_eq_false_compares_by_identity() -> None:
    one = Identity("A")
    assert one == one and one != Identity("A")
    assert len({one, Identity("A")}) == 2


def test_a_record_cannot_be_changed_or_extended() -> None:
    contact = Contact("A")
    with pytest.raises(FrozenError):
        contact.name = "B"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # the error dataclasses raised is an AttributeError too
        del contact.phone  # type: ignore[misc]
    with pytest.raises(AttributeError):
        object.__setattr__(contact, "note", "x")  # slots: no room for anything else
    assert not hasattr(contact, "__dict__")
    assert contact == Contact("A")


def test_replace_makes_a_new_record_and_refuses_an_unknown_field() -> None:
    contact = Contact("A", "1")
    changed = replace(contact, phone="2")
    assert changed == Contact("A", "2") and contact == Contact("A", "1")
    assert type(changed) is Contact
    with pytest.raises(TypeError, match="no field bogus"):
        replace(contact, bogus=1)


def test_repr_names_the_fields() -> None:
    assert repr(Contact("A", areas=("x",))) == "Contact(name='A', phone='', areas=('x',))"


def test_a_mutable_default_or_a_bad_order_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="must not change"):
        class Shared(Record):
            items: list[str] = []  # noqa: RUF012 -- the point of the test

    with pytest.raises(TypeError, match="without a default follows"):
        class Order(Record):
            a: str = ""
            b: str  # type: ignore[misc]

    with pytest.raises(TypeError, match="Record alone"):
        class Derived(Contact):
            extra: str = ""


def test_methods_and_properties_of_a_record_work() -> None:
    class Named(Record):
        first: str
        last: str = ""

        @property
        def full(self) -> str:
            return f"{self.first} {self.last}".strip()

    assert Named("Anna", "Berg").full == "Anna Berg"
    assert Named("Anna").full == "Anna"


def test_copy_deepcopy_and_pickle_make_an_equal_record() -> None:
    """The frozen dataclasses had __getstate__/__setstate__ for this; a record is made anew from its values."""
    import copy
    import pickle

    contact = Contact("A", "1", ("x",))
    for made in (copy.copy(contact), copy.deepcopy(contact), pickle.loads(pickle.dumps(contact))):
        assert made == contact and type(made) is Contact


def test_a_class_variable_is_no_field() -> None:
    from typing import ClassVar

    class Counted(Record):
        limit: ClassVar[int] = 3
        name: str = ""

    assert Counted._fields == ("name",) and Counted.limit == 3
    assert Counted("A") == Counted(name="A")


def test_one_field_compares_and_hashes_as_a_tuple() -> None:
    """So that a record of one field does not hash like its value, and a NaN equals itself as in a tuple."""
    nan = float("nan")

    class Number(Record):
        value: float

    one = Number(nan)
    assert one == one and hash(Single("A")) == hash(("A",)) and hash(Single("A")) != hash("A")


def test_replace_is_checked_by_mypy_as_for_a_dataclass() -> None:
    """At run time record.replace; for mypy dataclasses.replace, which checks each change against the fields."""
    from mhstod import record

    assert record.replace is record._replace


def test_a_long_list_is_looked_up_by_index_and_gives_what_a_scan_gives() -> None:
    """An overlay can make a list 10,000 long: look-ups there use an index, with the scan's answers."""
    from mhstod.model import SCAN_UP_TO, Event, _by

    items = (*(Event(id=f"e{i}", label=str(i)) for i in range(SCAN_UP_TO * 10)), Event(id="e5", label="dup"))
    assert _by(items, "id", "e5").label == "5", "the first with the id, as a scan finds it"
    assert _by(items, "id", f"e{SCAN_UP_TO * 10 - 1}").label == str(SCAN_UP_TO * 10 - 1)
    with pytest.raises(KeyError):
        _by(items, "id", "nowhere")
