"""The YAML reader under files made to hurt: deep nesting, numbers that take seconds, merge keys, odd scalars."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhstod.load.yamlfile import MAX_DEPTH, YamlProblem, parse


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2_000, 40_000])
@pytest.mark.parametrize("form", ["flow", "block"])
def test_too_deep_is_refused_before_it_is_composed(depth: int, form: str) -> None:
    """At 40,000 levels libyaml's C composer overflowed the stack (exit 139); at 2,000 a repr() did."""
    if form == "flow":
        text = "age: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "".join(" " * i + "- \n" for i in range(min(depth, 5_000)))
    started = time.perf_counter()
    with pytest.raises(YamlProblem, match=f"nästlad djupare än {MAX_DEPTH} nivåer"):
        parse(text)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("form", ["flow", "block"])
def test_libyaml_own_nesting_limit_is_told_as_ours(form: str) -> None:
    """PyYAML 6.0.2 and later bundle a libyaml that stops at 1,000 levels by itself ("exceeded maximum nesting
    depth"); its scanner reads a flow collection's brackets ahead of the events, so it refused before our limit
    and users got the general message. Whichever parser refuses, the user is told the depth."""
    import yaml

    text = ("a: " + "[" * 1_500 + "]" * 1_500 if form == "flow" else "".join(" " * i + "- \n" for i in range(1_500)))
    with pytest.raises(YamlProblem, match=f"nästlad djupare än {MAX_DEPTH} nivåer"):
        parse(text)
    if hasattr(yaml, "CSafeLoader"):  # what libyaml itself says of it, so the day its words change is seen
        try:
            yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.MarkedYAMLError as exc:  # PyYAML 6.0.2 and later: libyaml 0.2.5 with its own limit
            assert "exceeded maximum nesting depth" in str(exc), str(exc)
        else:  # PyYAML 6.0 and 6.0.1 bundle a libyaml without a limit: ours is the only one
            assert yaml.__version__ in ("6.0", "6.0.1"), yaml.__version__


def test_a_libyaml_message_we_do_not_know_still_says_the_depth_or_something_true(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No check of ours rests on libyaml's English alone: a refusal in words we have never seen is the depth
    message where the flow brackets nest past our limit, and the general Swedish message elsewhere, at libyaml's
    line (a second parser was tried: it blamed other lines, accepted what libyaml refused, and took seconds)."""
    import yaml

    from mhstod.load import yamlfile

    class NewWording:
        def __init__(self, text: str) -> None:
            pass

        def get_event(self) -> None:
            raise yaml.scanner.ScannerError("while doing something new", None, "a wording no release had",
                                            yaml.Mark("<text>", 0, 3, 0, None, None))

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(yamlfile, "_Events", NewWording)
    with pytest.raises(YamlProblem, match=f"nästlad djupare än {MAX_DEPTH} nivåer"):
        parse("age: " + "[" * 2_000 + "]" * 2_000 + "\n")
    with pytest.raises(YamlProblem) as caught:
        parse('a: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\nb: c\n')  # brackets in quotes: text
    assert caught.value.message == "ogiltig YAML: texten följer inte YAML:s regler" and caught.value.line == 4


def test_a_file_libyaml_refuses_is_refused_at_its_line_and_fast() -> None:
    """The second parser blamed line 1 for a tab libyaml accepts, and took 5 s on a 1 MB file."""
    with pytest.raises(YamlProblem) as caught:
        parse('age: child\t\nrole: "socialtjanst\\xZZ"\n')
    assert caught.value.line == 2
    with pytest.raises(YamlProblem):
        parse("%YAML 1.9\n---\nage: child\n")
    started = time.perf_counter()
    with pytest.raises(YamlProblem):
        parse("".join(f"k{i}: v\n" for i in range(60_000)) + 'x: "\\xZZ"\n')
    assert time.perf_counter() - started < 2.0


def test_a_message_no_parser_names_is_said_in_general_swedish() -> None:
    from mhstod.load.yamlfile import in_swedish

    assert in_swedish("exceeded maximum nesting depth") == "filen är nästlad för djupt"
    assert in_swedish("a wording no release had") == "texten följer inte YAML:s regler"


def test_the_package_own_files_skip_the_depth_scan() -> None:
    assert parse("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), trusted=True)


@pytest.mark.parametrize("typed", ["0x" + "f" * 4_000, "0b" + "1" * 20_000, "0o777", "0114", "012",
                                   ":".join(["1"] * 3_000), "1_000", "1" + "0" * 5_000, ".inf", "-.nan",
                                   "2018-02-30", "2026-11-23", "1:20.5"])
def test_only_plain_decimal_numbers_are_numbers(typed: str) -> None:
    """YAML 1.1 reads 0x…, 0b…, 0114 (octal) and 1:1:1 (base 60) as integers: slow, or a 4,300-digit error."""
    started = time.perf_counter()
    assert parse(f"value: {typed}\n") == {"value": typed}
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(("typed", "value"), [("12", 12), ("-3", -3), ("0", 0), ("1.5", 1.5), ("yes", True),
                                              ("no", False), ("true", True), ("~", None), ("", None)])
def test_what_people_write_still_reads(typed: str, value: object) -> None:
    assert parse(f"value: {typed}\n") == {"value": value}


@pytest.mark.parametrize("typed", ["!!int 0x" + "f" * 4_000, "!!int " + ":".join(["1"] * 3_000), "!!float 1:20.5"])
def test_an_explicit_tag_is_no_way_around(typed: str) -> None:
    with pytest.raises(YamlProblem, match="inget"):
        parse(f"value: {typed}\n")


def test_a_merge_key_is_a_key_not_a_merge() -> None:
    """`<<:` would silently hide a repeated answer: it stays a key of its own, which no reader accepts."""
    assert parse("age: child\n<<: {age: adult}\n") == {"age": "child", "<<": {"age": "adult"}}


def test_a_repeated_key_names_its_line_and_never_echoes_much() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(f"{'k' * 500}: 1\n{'k' * 500}: 2\n")
    assert caught.value.line == 2 and len(caught.value.message) < 120


def test_a_key_that_is_no_text_is_refused() -> None:
    with pytest.raises(YamlProblem, match="en nyckel är inte text"):
        parse("12: child\n")


@settings(max_examples=200, deadline=None)
@given(scalar=st.one_of(
    st.from_regex(r"[-+]?0[xob][0-9a-fA-F_]{0,60}", fullmatch=True),
    st.from_regex(r"[-+]?[0-9]{1,4}(:[0-9]{1,2}){1,40}(\.[0-9]*)?", fullmatch=True),
    st.from_regex(r"[-+]?[0-9]{1,40}(\.[0-9]{0,40})?([eE][-+]?[0-9]{1,4})?", fullmatch=True),
    st.tuples(st.sampled_from(["", "-", "0x", "0b", "0o", "1:"]), st.integers(1_000, 20_000)).map(
        lambda form: form[0] + "1" * form[1]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
))
def test_any_scalar_reads_quickly_or_is_one_line(scalar: str) -> None:
    started = time.perf_counter()
    try:
        parse(f"value: {scalar}\n")
    except YamlProblem as exc:
        assert "\n" not in exc.message and len(exc.message) < 200
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("text", ["age: !hemlig-tagg child", "age: !!binary aGVq", "age: !!timestamp 2020-01-01",
                                  "age: !!set {a, b}", "age: !!omap [{a: 1}]", "age: !!python/name:os.system"])
def test_a_tag_is_refused_in_one_line_without_echoing_it(text: str) -> None:
    """An unknown tag was quoted raw, in English; !!binary, !!timestamp and !!set built bytes, dates and sets."""
    with pytest.raises(YamlProblem) as caught:
        parse(text + "\n")
    assert caught.value.message == "en YAML-tagg (som !!binary eller !egen) används inte här"
    assert caught.value.line == 1


@pytest.mark.parametrize(("text", "line", "said"), [
    ("age: !!bool maybe\n", 1, "'maybe' är inget sanningsvärde (true eller false)"),  # was a KeyError traceback
    ("age: &a child\nrole: *a\n", 2, "YAML-alias (&/*) används inte här"),  # named where the alias is
    ("roles: &a [*a]\n", 1, "YAML-alias (&/*) används inte här"),
    ("age: *a\n", 1, "ogiltig YAML: ett alias (*) som inte finns"),
    ("- &a 1\n- &a 2\n", 2, "ogiltig YAML: ankaret &a står två gånger"),
    ("roles: !!str [a]\n", 1, "en YAML-tagg (som !!binary eller !egen) används inte här"),
    ("roles: !!map [a]\n", 1, "en YAML-tagg (som !!binary eller !egen) används inte här"),
    ("? [a]\n: b\n", 1, "en nyckel är inte text"),
    ("~: child\n", 1, "en nyckel är inte text"),
    ("age: child\n---\nage: adult\n", 2, "ogiltig YAML: filen får bara innehålla ett dokument"),
])
def test_each_fault_is_one_swedish_line_with_its_own_line(text: str, line: int, said: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert (caught.value.message, caught.value.line) == (said, line)


@pytest.mark.parametrize(("text", "value"), [
    ("", None), ("---\n", None), ("age: !!str 12\n", {"age": "12"}), ("age: !!int 1_000\n", {"age": 1000}),
    ("age: !!float 1\n", {"age": 1.0}), ("age: !!bool Yes\n", {"age": True}), ("age: !!null x\n", {"age": None}),
    ("!!str 12: a\n", {"12": "a"}), ("roles: !!seq [a, 'b', \"c\"]\n", {"roles": ["a", "b", "c"]}),
    ("age: &a child\n", {"age": "child"}),
    ("a:\n  b:\n    - {c: [1, {d: e}]}\n", {"a": {"b": [{"c": [1, {"d": "e"}]}]}}),
])
def test_what_yaml_allows_and_the_data_needs_reads_as_before(text: str, value: object) -> None:
    assert parse(text) == value


@pytest.mark.parametrize("events", ["libyaml", "python"])
def test_the_shipped_files_read_the_same_as_pyyaml_reads_them(monkeypatch: pytest.MonkeyPatch, events: str) -> None:
    """The values are built from the parser's events by our own code: checked against PyYAML's own loader.

    With libyaml's parser and with PyYAML's pure-Python one (where PyYAML was built without libyaml).
    """
    from pathlib import Path

    import yaml

    from mhstod.load import yamlfile
    from mhstod.load.files import DATA_FILES, data_folder

    if events == "python":
        monkeypatch.setattr(yamlfile, "_Events", yaml.SafeLoader)
    for name in DATA_FILES:
        text = Path(data_folder(), name).read_text(encoding="utf-8")
        assert parse(text) == yaml.load(text, Loader=yaml.CSafeLoader), name


# Files people break by hand, and what each must be told; the line is the one the parser names.
BROKEN = [
    ("a: [b\n", 2, "en lista inom [ ] stängs inte"),
    ("a: {b: c\n", 2, "en samling inom { } stängs inte"),
    ('a: "b\n', 2, "filen tar slut för tidigt"),
    ("a: b: c\n", 1, "ett kolon där det inte får stå"),
    ("a:\n\t- b\n", 2, "ett tecken som inte kan inleda ett värde"),
    ("a: @b\n", 1, "ett tecken som inte kan inleda ett värde"),
    ("- a\nb: c\n", 2, "indraget stämmer inte"),
    ("a: b\n- c\n", 2, "här väntades en nyckel"),
    ('a: "\\q"\n', 1, "okänd teckenföljd efter \\"),
    ("a: *x\n", 1, "ett alias (*) som inte finns"),
    ("a: &\n", 1, "ett namn saknas efter & eller *"),
    ("--- a\n--- b\n", 2, "filen får bara innehålla ett dokument"),
    ("%YAML 1.1\n%YAML 1.1\n---\na\n", 2, "%YAML står två gånger"),
    ("%FOO\na: b\n", 1, "okänt direktiv"),
    ("a: [b, c}\n", 1, "en lista inom [ ] stängs inte"),
    ("regions: [\n", 2, "här väntades ett värde"),
    ("'a' b\n", 1, "oväntad text efter ett värde"),
    ("a: |x\n", 1, "efter värdet väntades en kommentar eller radslut"),
]
ENGLISH = {"expected", "found", "while", "scanning", "parsing", "mapping", "allowed", "context", "stream", "token",
           "character", "document", "could", "not", "find", "the", "block", "end", "key", "indicator"}


@pytest.mark.parametrize(("text", "line", "said"), BROKEN)
def test_a_broken_file_is_told_in_swedish_with_its_line(text: str, line: int, said: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert caught.value.message.startswith(f"ogiltig YAML: {said}")
    assert caught.value.line == line
    assert not ENGLISH & set(caught.value.message.replace(":", " ").split()), caught.value.message


@pytest.mark.parametrize(("text", "said"), [(text, said) for text, _, said in BROKEN[:6]])
def test_the_python_parser_is_told_in_the_same_words(monkeypatch: pytest.MonkeyPatch, text: str, said: str) -> None:
    """Where PyYAML was built without libyaml, its own wording of the same faults is translated too."""
    import yaml

    from mhstod.load import yamlfile

    monkeypatch.setattr(yamlfile, "_Events", yaml.SafeLoader)
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert caught.value.message.startswith(f"ogiltig YAML: {said}"), caught.value.message
