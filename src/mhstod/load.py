"""Read the shipped YAML and validate it into a Knowledge, or fail with file and place."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from mhstod.errors import DataError, UsageError
from mhstod.model import (
    ACTOR_KINDS,
    AGE_FOCUS,
    FOR_WHOM,
    PURPOSE_FOCUS,
    Actor,
    Contact,
    Coordinator,
    County,
    DatedNote,
    Document,
    Knowledge,
    Law,
    Locations,
    Municipality,
    Number,
    Region,
    Responsibility,
    Source,
    Web,
)
from mhstod.process_data import read_process
from mhstod.schema import Node, NodeList, opt_text, read_source, read_sourced, unique_ids
from mhstod.yamlfile import YamlProblem, parse

# The teaching cases (scenarios.yaml) are read only by the commands that use them: see teaching.py.
DATA_FILES = ("sources.yaml", "regions.yaml", "actors.yaml", "process.yaml", "law.yaml")
# What a local data directory may overlay, by file and key: contacts and their sources, not the national rules.
OVERLAYABLE = {"sources.yaml": {"documents"}, "regions.yaml": {"regions"}, "actors.yaml": {"numbers", "actors"}}
TOP_KEYS = {
    "sources.yaml": {"reviewed", "documents"},
    "regions.yaml": {"as_of", "regions", "counties", "municipalities"},
    "actors.yaml": {"numbers", "actors"},
    "process.yaml": {"definitions", "questions", "presumptions", "roles", "deadlines", "tasks", "steps", "contacts"},
    "law.yaml": {"laws"},
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_OVERLAY_BYTES = 1024 * 1024


def data_folder() -> Path:
    """The shipped data: inside the installed package (the wheel carries it), else the source tree's data/.

    No symlink joins the two, so a checkout without symlinks (Windows) works as it is; an editable install and
    the tests read the repository's own files.
    """
    inside = Path(__file__).resolve().parent / "data"
    return inside if inside.is_dir() else Path(__file__).resolve().parents[2] / "data"


def read_shipped() -> dict[str, str]:
    """The text of each shipped data file, keyed by its name."""
    folder = data_folder()
    return {name: (folder / name).read_text(encoding="utf-8") for name in DATA_FILES}


def read_overlay(directory: str) -> dict[str, tuple[str, str]]:
    """The YAML files of a local data directory: file name → (path as shown in messages, text)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise UsageError(f"Katalogen för lokala uppgifter finns inte: '{directory}'.")
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.y*ml")):
        label = str(path)
        if path.name not in OVERLAYABLE:
            allowed = ", ".join(OVERLAYABLE)
            raise DataError(f"{label}: filen kan inte läggas över de levererade uppgifterna (tillåtna: {allowed})")
        try:
            with path.open("rb") as f:
                data = f.read(MAX_OVERLAY_BYTES + 1)
        except OSError as exc:
            raise DataError(f"{label}: kan inte läsa filen ({exc.strerror or exc})") from None
        if len(data) > MAX_OVERLAY_BYTES:
            raise DataError(f"{label}: filen är större än {MAX_OVERLAY_BYTES // 1024} kB")
        try:
            found[path.name] = (label, data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise DataError(f"{label}: filen är inte UTF-8 (byte {exc.start})") from None
    return found


@lru_cache(maxsize=4)
def load(data_dir: str | None = None) -> Knowledge:
    """The shipped data with an optional local overlay, validated once per process."""
    return build(read_shipped(), read_overlay(data_dir) if data_dir else None)


def build(texts: dict[str, str], overlays: dict[str, tuple[str, str]] | None = None) -> Knowledge:
    """Validate the data files' texts (keyed by file name), with local overlays merged by id, into a Knowledge."""
    tops = {name: Node(parse_data(f"data/{name}", texts[name]), f"data/{name}").mapping(TOP_KEYS[name])
            for name in DATA_FILES}
    local: dict[tuple[str, str], str] = {}
    for name, (label, text) in (overlays or {}).items():
        fields = Node(parse_data(label, text), label).mapping(set(), OVERLAYABLE[name])
        for key, node in fields.items():
            tops[name][key], ids = _merge_by_id(tops[name][key], node)
            local.update({(key, ident): label for ident in ids})
    documents = _documents(tops["sources.yaml"])
    doc_ids = frozenset(d.id for d in documents)
    regions, counties, municipalities, counties_source, munis_source, as_of = _places(tops["regions.yaml"], doc_ids)
    numbers, actors = _actors(tops["actors.yaml"], doc_ids, frozenset(m.name for m in municipalities))
    _check_references(tops, regions, numbers, actors)
    process = read_process(tops["process.yaml"], doc_ids, actors, numbers)
    return Knowledge(
        documents=documents, regions=regions, counties=counties, municipalities=municipalities,
        municipalities_source=munis_source, counties_source=counties_source, numbers=numbers,
        actors=actors, steps=process.steps, regions_as_of=as_of, questions=process.questions,
        roles=process.roles, tasks=process.tasks, deadlines=process.deadlines, contact_rules=process.contact_rules,
        presumptions=process.presumptions,
        local=tuple(sorted(local.items())), laws=_laws(tops["law.yaml"], doc_ids),
        reviewed=_date(tops["sources.yaml"]["reviewed"]),
    )


def _laws(top: dict[str, Node], docs: frozenset[str]) -> tuple[Law, ...]:
    laws = []
    nodes = list(top["laws"].items())
    for node in nodes:
        f = node.mapping({"id", "name", "reference", "texts", "notes"})
        texts = tuple(read_sourced(t, docs) for t in f["texts"].items())
        if not texts:
            raise f["texts"].error("en lag behöver minst en text ur källorna")
        laws.append(Law(id=f["id"].ident(), name=f["name"].text(), reference=f["reference"].text(), texts=texts,
                        notes=tuple(read_sourced(n, docs) for n in f["notes"].items())))
    unique_ids([(law.id, n) for law, n in zip(laws, nodes, strict=True)], "lagen")
    return tuple(laws)


def _merge_by_id(shipped: Node, overlay: Node) -> tuple[Node, set[str]]:
    """Overlay entries replace shipped entries with the same id and add the others; each keeps its own file."""
    merged = list(shipped.items())
    position = {item.value.get("id"): i for i, item in enumerate(merged) if isinstance(item.value, dict)}
    ids: set[str] = set()
    for item in overlay.items():
        ident = item.value.get("id") if isinstance(item.value, dict) else None
        if not isinstance(ident, str):
            raise item.error("en lokal post behöver ett 'id'; samma id ersätter en levererad post, ett nytt läggs till")
        if ident in ids:
            raise item.error(f"id '{ident}' förekommer två gånger i filen")
        ids.add(ident)
        if ident in position:
            merged[position[ident]] = item
        else:
            position[ident] = len(merged)
            merged.append(item)
    return NodeList(merged, shipped.file, shipped.path), ids


def parse_data(label: str, text: str) -> Any:
    """Parsed YAML, or a DataError naming the file and line."""
    try:
        return parse(text)
    except YamlProblem as exc:
        line = f" rad {exc.line}:" if exc.line else ""
        raise DataError(f"{label}:{line} {exc.message}") from None


def _date(node: Node) -> str:
    value = node.text(empty=True)
    if value and not DATE_RE.match(value):
        raise node.error(f"'{value}' är inget datum i formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")
    return value


def _documents(top: dict[str, Node]) -> tuple[Document, ...]:
    items = top["documents"]
    documents = []
    for node in items.items():
        f = node.mapping({"id", "file", "title", "publisher", "date"}, {"note", "short"})
        documents.append(Document(
            id=f["id"].text(), file=f["file"].text(), title=f["title"].text(),
            publisher=f["publisher"].text(), date=_date(f["date"]), note=opt_text(f, "note"),
            short=opt_text(f, "short") or f["publisher"].text()))
    unique_ids([(d.id, n) for d, n in zip(documents, items.items(), strict=True)], "källdokumentet")
    return tuple(documents)


def _places(top: dict[str, Node], docs: frozenset[str]) -> tuple[
        tuple[Region, ...], tuple[County, ...], tuple[Municipality, ...], Source, Source, str]:
    as_of = _date(top["as_of"])

    county_fields = top["counties"].mapping({"source", "items"})
    county_rows = []
    for node in county_fields["items"].items():
        f = node.mapping({"code", "name", "short_name", "iso", "letter"})
        code = f["code"].text()
        if not re.fullmatch(r"\d{2}", code):
            raise f["code"].error(f"'{code}' är ingen länskod (två siffror)")
        iso = f["iso"].text()
        if iso != f"SE-{f['letter'].text()}":
            raise f["iso"].error(f"'{iso}' stämmer inte med länsbokstaven '{f['letter'].text()}'")
        county_rows.append((node, code, f))
    unique_ids([(code, node) for node, code, _ in county_rows], "länet")

    # Each county is in exactly one region; remember where it was placed for the error message.
    placed: dict[str, tuple[str, Source, Node]] = {}
    regions = []
    region_nodes = list(top["regions"].items())
    for node in region_nodes:
        f = node.mapping({"id", "name", "source", "counties", "coordinators"},
                         {"no_coordinator", "contact_number", "numbers"})
        region_id = f["id"].ident()
        codes = []
        for county_node in f["counties"].items():
            cf = county_node.mapping({"code", "source"})
            code = cf["code"].text()
            if code not in {c for _, c, _ in county_rows}:
                raise cf["code"].error(f"okänt län '{code}'")
            if code in placed:
                raise cf["code"].error(f"länet '{code}' ligger redan i region '{placed[code][0]}'")
            placed[code] = (region_id, read_source(cf["source"], docs), county_node)
            codes.append(code)
        coordinators = tuple(_coordinator(c, docs) for c in f["coordinators"].items())
        no_coordinator = _dated_note(f["no_coordinator"], docs) if "no_coordinator" in f else None
        if not coordinators and (no_coordinator is None or "contact_number" not in f):
            raise node.error("en region utan koordinator behöver 'no_coordinator' och 'contact_number'")
        regions.append(Region(
            id=region_id, name=f["name"].text(), counties=tuple(codes), coordinators=coordinators,
            source=read_source(f["source"], docs), no_coordinator=no_coordinator,
            contact_number=f["contact_number"].ident() if "contact_number" in f else "",
            numbers=tuple(_number(n, docs, dated=True) for n in f["numbers"].items()) if "numbers" in f else ()))
    unique_ids([(r.id, n) for r, n in zip(regions, region_nodes, strict=True)], "regionen")
    unique_ids([(c.id, n) for r, n in zip(regions, region_nodes, strict=True) for c in r.coordinators],
               "koordinatorn")

    counties = []
    for node, code, f in county_rows:
        if code not in placed:
            raise node.error(f"länet '{code}' ({f['name'].text()}) ligger inte i någon region")
        region_id, source, _ = placed[code]
        counties.append(County(code=code, name=f["name"].text(), short_name=f["short_name"].text(),
                               iso=f["iso"].text(), letter=f["letter"].text(), region=region_id,
                               region_source=source))

    muni_fields = top["municipalities"].mapping({"source", "items"})
    municipalities = []
    muni_nodes = list(muni_fields["items"].items())
    for node in muni_nodes:
        f = node.mapping({"code", "name", "county"})
        code, county = f["code"].text(), f["county"].text()
        if not re.fullmatch(r"\d{4}", code):
            raise f["code"].error(f"'{code}' är ingen kommunkod (fyra siffror)")
        if county not in placed:
            raise f["county"].error(f"okänt län '{county}'")
        if not code.startswith(county):
            raise f["code"].error(f"kommunkoden '{code}' börjar inte med länskoden '{county}'")
        municipalities.append(Municipality(code=code, name=f["name"].text(), county=county))
    unique_ids([(m.code, n) for m, n in zip(municipalities, muni_nodes, strict=True)], "kommunen")
    return (tuple(regions), tuple(counties), tuple(municipalities),
            read_source(county_fields["source"], docs), read_source(muni_fields["source"], docs), as_of)


def _dated_note(node: Node, docs: frozenset[str]) -> DatedNote:
    f = node.mapping({"text", "source"}, {"as_of"})
    return DatedNote(f["text"].text(), read_source(f["source"], docs), _date(f["as_of"]) if "as_of" in f else "")


def _coordinator(node: Node, docs: frozenset[str]) -> Coordinator:
    f = node.mapping({"id", "name", "phones", "emails", "focus", "as_of", "source"}, {"focus_printed"})
    focus = f["focus"].mapping({"age", "purpose"})
    phones = tuple(p.phone() for p in f["phones"].items())
    emails = tuple(e.email() for e in f["emails"].items())
    if not phones and not emails:
        raise node.error("en koordinator behöver minst ett telefonnummer eller en e-postadress")
    as_of = _date(f["as_of"])
    if not as_of:
        raise f["as_of"].error("en namngiven kontakt behöver källans datum")
    return Coordinator(
        id=f["id"].ident(), name=f["name"].text(), phones=phones, emails=emails,
        age=focus["age"].choice(AGE_FOCUS), purpose=focus["purpose"].choice(PURPOSE_FOCUS),
        focus_printed=opt_text(f, "focus_printed"), as_of=as_of, source=read_source(f["source"], docs))


def _number(node: Node, docs: frozenset[str], dated: bool) -> Number:
    """A phone number; `dated` when it must say how old it is (`as_of`, or `seen` for an undated page)."""
    f = node.mapping({"id", "number", "name", "use", "source"},
                     {"actor", "also_written", "hours", "outside_hours", "hours_source", "as_of", "seen", "national",
                      "urgent"})
    if ("hours" in f) != ("hours_source" in f):
        raise node.error("'hours' och 'hours_source' anges tillsammans")
    if dated and "as_of" not in f and "seen" not in f:
        raise node.error("numret behöver 'as_of' (källans datum) eller 'seen' (året en odaterad sida sågs), "
                         "så att åldern kan visas")
    seen = _date(f["seen"]) if "seen" in f else ""
    if seen and len(seen) != 4:
        raise f["seen"].error("'seen' är ett årtal (ÅÅÅÅ)")
    return Number(
        id=f["id"].ident(), number=f["number"].phone(), name=f["name"].text(), use=f["use"].text(),
        source=read_source(f["source"], docs), actor=f["actor"].ident() if "actor" in f else "",
        also_written=tuple(p.phone() for p in f["also_written"].items()) if "also_written" in f else (),
        hours=opt_text(f, "hours"), outside_hours=opt_text(f, "outside_hours"),
        hours_source=read_source(f["hours_source"], docs) if "hours_source" in f else None,
        as_of=_date(f["as_of"]) if "as_of" in f else "", seen=seen,
        national=f["national"].boolean() if "national" in f else False,
        urgent=f["urgent"].boolean() if "urgent" in f else False)


def _actors(top: dict[str, Node], docs: frozenset[str], places: frozenset[str]
            ) -> tuple[tuple[Number, ...], tuple[Actor, ...]]:
    number_nodes = list(top["numbers"].items())
    numbers = [_number(node, docs, dated=node.file != top["numbers"].file) for node in number_nodes]
    unique_ids([(n.id, node) for n, node in zip(numbers, number_nodes, strict=True)], "numret")

    actors = []
    actor_nodes = list(top["actors"].items())
    for node in actor_nodes:
        f = node.mapping({"id", "name", "aliases", "kind", "summary", "summary_source", "responsibilities"},
                         {"part_of", "about", "no_duties", "contact", "locations"})
        responsibilities = []
        for r in f["responsibilities"].items():
            rf = r.mapping({"text", "for", "source"})
            responsibilities.append(Responsibility(
                text=rf["text"].text(), for_whom=rf["for"].choice(FOR_WHOM), source=read_source(rf["source"], docs)))
        _no_repeats([(r.text, n) for r, n in zip(responsibilities, f["responsibilities"].items(), strict=True)])
        actors.append(Actor(
            id=f["id"].ident(), name=f["name"].text(), aliases=f["aliases"].texts(),
            kind=f["kind"].choice(ACTOR_KINDS), summary=f["summary"].text(),
            summary_source=read_source(f["summary_source"], docs), responsibilities=tuple(responsibilities),
            contact=_contact(f["contact"], docs) if "contact" in f else Contact(),
            part_of=f["part_of"].ident() if "part_of" in f else "",
            about=tuple(read_sourced(a, docs) for a in f["about"].items()) if "about" in f else (),
            no_duties=read_sourced(f["no_duties"], docs) if "no_duties" in f else None,
            locations=_locations(f["locations"], docs, places) if "locations" in f else None))
    unique_ids([(a.id, n) for a, n in zip(actors, actor_nodes, strict=True)], "aktören")
    return tuple(numbers), tuple(actors)


def _locations(node: Node, docs: frozenset[str], places: frozenset[str]) -> Locations:
    f = node.mapping({"places", "source"})
    names = f["places"].texts()
    for index, name in enumerate(names):
        if name not in places:
            raise f["places"].child(index).error(f"'{name}' är ingen kommun (skriv kommunens namn, t.ex. Malmö)")
    if not names:
        raise f["places"].error("ange minst en kommun")
    return Locations(names, read_source(f["source"], docs))


def _no_repeats(texts: list[tuple[str, Node]]) -> None:
    seen: dict[str, Node] = {}
    for text, node in texts:
        key = " ".join(text.casefold().split())
        if key in seen:
            raise node.error(f"uppgiften finns redan ({seen[key].path}); ta med den en gång")
        seen[key] = node


def _contact(node: Node, docs: frozenset[str]) -> Contact:
    f = node.mapping(set(), {"numbers", "how", "web"})
    return Contact(
        numbers=tuple(n.ident() for n in f["numbers"].items()) if "numbers" in f else (),
        how=tuple(read_sourced(h, docs) for h in f["how"].items()) if "how" in f else (),
        web=tuple(_web(w, docs) for w in f["web"].items()) if "web" in f else ())


def _web(node: Node, docs: frozenset[str]) -> Web:
    f = node.mapping({"url", "source"})
    url = f["url"].text()
    if " " in url or "." not in url:
        raise f["url"].error(f"'{url}' är ingen webbadress")
    return Web(url, read_source(f["source"], docs))


def _check_references(tops: dict[str, dict[str, Node]], regions: tuple[Region, ...], numbers: tuple[Number, ...],
                      actors: tuple[Actor, ...]) -> None:
    """Every id one place names must exist where it is defined."""
    actor_ids = {a.id for a in actors}
    number_ids = {n.id for n in numbers}
    for number, node in zip(numbers, tops["actors.yaml"]["numbers"].items(), strict=True):
        if number.actor and number.actor not in actor_ids:
            raise node.child("actor").error(f"okänd aktör '{number.actor}'")
    for actor, here in zip(actors, tops["actors.yaml"]["actors"].items(), strict=True):
        if actor.part_of and actor.part_of not in actor_ids:
            raise here.child("part_of").error(f"okänd aktör '{actor.part_of}'")
        if actor.part_of == actor.id:
            raise here.child("part_of").error("en aktör kan inte vara del av sig själv")
        for n_index, number_id in enumerate(actor.contact.numbers):
            if number_id not in number_ids:
                raise here.child("contact").child("numbers").child(n_index).error(f"okänt nummer '{number_id}'")
    for region, node in zip(regions, tops["regions.yaml"]["regions"].items(), strict=True):
        if region.contact_number and region.contact_number not in number_ids:
            raise node.child("contact_number").error(f"okänt nummer '{region.contact_number}'")
    names = Counter(a.name.casefold() for a in actors)
    for actor, here in zip(actors, tops["actors.yaml"]["actors"].items(), strict=True):
        if names[actor.name.casefold()] > 1:
            raise here.child("name").error(f"namnet '{actor.name}' används av flera aktörer")
