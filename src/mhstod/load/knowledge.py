"""The data validated into one Knowledge, with a local overlay merged by id, or a DataError with file and place."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from mhstod.errors import shown
from mhstod.load.actors import read_actors
from mhstod.load.files import DATA_FILES, OVERLAYABLE, data_folder, read_overlay
from mhstod.load.nodes import Node, NodeList, date_text, opt_text, parse_data, read_source, read_sourced, unique_ids
from mhstod.load.process import read_process
from mhstod.load.regions import read_places
from mhstod.load.snapshot import matching
from mhstod.model import Actor, Document, Hours, Knowledge, Law, Number, Region
from mhstod.provenance import newest_seen

TOP_KEYS = {
    "sources.yaml": {"reviewed", "documents"},
    "regions.yaml": {"as_of", "actor", "hours", "regions", "counties", "municipalities"},
    "actors.yaml": {"support_line", "numbers", "actors"},
    "process.yaml": {"definitions", "questions", "presumptions", "roles", "events", "counting", "deadlines", "tasks",
                     "steps", "contacts", "consultation"},
    "law.yaml": {"laws"},
}


@lru_cache(maxsize=4)
def load(data_dir: str | None = None) -> Knowledge:
    """The shipped data with an optional local overlay, validated once per process."""
    folder = data_folder()
    files = {name: (folder / name).read_bytes() for name in DATA_FILES}
    # The wheel's snapshot, where it was made from these very files (snapshot.py); otherwise the YAML is parsed.
    parsed = matching(folder, files)
    texts = {name: data.decode("utf-8") for name, data in files.items()} if parsed is None else {}
    del files
    return build(texts, read_overlay(data_dir) if data_dir else None, parsed)


def build(texts: dict[str, str], overlays: dict[str, tuple[str, str]] | None = None,
          parsed: dict[str, Any] | None = None) -> Knowledge:
    """Validate the data files (keyed by file name), with local overlays merged by id, into a Knowledge.

    `parsed`: the texts already parsed (the snapshot, or the build hook's own parse); else they are parsed here.
    Either way every value is validated here.
    """
    parsed = parsed or parse_shipped(texts)
    tops = {name: Node(parsed[name], f"data/{name}").mapping(TOP_KEYS[name]) for name in DATA_FILES}
    local: dict[tuple[str, str], str] = {}
    for name, (label, text) in (overlays or {}).items():
        fields = Node(parse_data(label, text), label, local=True).mapping(set(), OVERLAYABLE[name])
        for key, node in fields.items():
            if (name, key) == ("actors.yaml", "numbers"):
                _check_local_numbers(tops[name][key], node)
            if (name, key) == ("sources.yaml", "documents"):
                _check_local_documents(tops[name][key], node)
            tops[name][key], ids = _merge_by_id(tops[name][key], node)
            local.update({(key, ident): label for ident in ids})
    documents = _documents(tops["sources.yaml"])
    doc_ids = frozenset(d.id for d in documents)
    regions, counties, municipalities, counties_source, munis_source, as_of = read_places(tops["regions.yaml"], doc_ids)
    numbers, actors = read_actors(tops["actors.yaml"], doc_ids, frozenset(m.name for m in municipalities))
    _check_references(tops, regions, numbers, actors)
    process = read_process(tops["process.yaml"], doc_ids, actors, numbers)
    return Knowledge(
        documents=documents, regions=regions, counties=counties, municipalities=municipalities,
        municipalities_source=munis_source, counties_source=counties_source, numbers=numbers,
        actors=actors, steps=process.steps, regions_as_of=as_of,
        coordinators_actor=tops["regions.yaml"]["actor"].ident(),
        support_line_id=tops["actors.yaml"]["support_line"].ident(), questions=process.questions,
        roles=process.roles, tasks=process.tasks, deadlines=process.deadlines, contact_rules=process.contact_rules,
        presumptions=process.presumptions,
        local=tuple(sorted(local.items())), laws=_laws(tops["law.yaml"], doc_ids),
        reviewed=date_text(tops["sources.yaml"]["reviewed"]), counting=process.counting,
        consultation=process.consultation, events=process.events,
        pages_seen=newest_seen([parsed[name] for name in DATA_FILES]),
        coordinator_hours=_hours(tops["regions.yaml"]["hours"], doc_ids),
    )


def _hours(node: Node, docs: frozenset[str]) -> Hours:
    f = node.mapping({"text", "outside", "source"}, {"opens", "closes", "assumed"})
    times = [_clock(f[key]) for key in ("opens", "closes") if key in f]
    if len(times) == 1 or (times and times[0] >= times[1]):
        raise node.error("'opens' och 'closes' anges båda, som tt:mm, och 'opens' före 'closes'")
    return Hours(text=f["text"].text(), outside=f["outside"].text(), source=read_source(f["source"], docs),
                 opens=times[0] if times else "", closes=times[1] if times else "", assumed=opt_text(f, "assumed"))


CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d", re.ASCII)


def _clock(node: Node) -> str:
    """A time of day, "08:00"."""
    value = node.text()
    if not CLOCK.fullmatch(value):
        raise node.error(f"'{value}' är ingen tid i formen tt:mm (till exempel 08:00)")
    return value


def parse_shipped(texts: dict[str, str]) -> dict[str, Any]:
    """The shipped files' YAML, parsed: what the snapshot holds."""
    return {name: parse_data(f"data/{name}", texts[name], trusted=True) for name in DATA_FILES}


def _laws(top: dict[str, Node], docs: frozenset[str]) -> tuple[Law, ...]:
    laws = []
    nodes = list(top["laws"].items())
    for node in nodes:
        f = node.mapping({"id", "name", "reference", "texts", "notes"}, {"former_names"})
        texts = tuple(read_sourced(t, docs) for t in f["texts"].items())
        if not texts:
            raise f["texts"].error("en lag behöver minst en text ur källorna")
        former = tuple(n.text() for n in f["former_names"].items()) if "former_names" in f else ()
        laws.append(Law(id=f["id"].ident(), name=f["name"].text(), reference=f["reference"].text(), texts=texts,
                        notes=tuple(read_sourced(n, docs) for n in f["notes"].items()), former_names=former))
    unique_ids([(law.id, n) for law, n in zip(laws, nodes, strict=True)], "lagen")
    return tuple(laws)


def _check_local_documents(shipped: Node, overlay: Node) -> None:
    """A local file adds documents; it cannot replace one of the five sources.

    Re-dated or re-titled, a 2018 brochure would back its contacts as a 2026 document would, silently.
    """
    ids = {item.value.get("id") for item in shipped.items() if isinstance(item.value, dict)}
    for item in overlay.items():  # an id that is no text is the loader's to refuse, in words, later
        if isinstance(item.value, dict) and isinstance(item.value.get("id"), str) and item.value["id"] in ids:
            raise item.error(f"'{item.value['id']}' är ett av källdokumenten och kan inte ersättas lokalt; ge ett "
                             "lokalt dokument ett eget id")


def _check_local_numbers(shipped: Node, overlay: Node) -> None:
    """A local file adds numbers; it cannot replace 112, 114 14 or the support line, nor make a number urgent.

    What a caseworker calls in acute danger must be what the package ships, whatever a local file says.
    """
    national = {item.value.get("id") for item in shipped.items()
                if isinstance(item.value, dict) and item.value.get("national")}
    for item in overlay.items():
        if not isinstance(item.value, dict):
            continue
        ident = item.value.get("id")
        if isinstance(ident, str) and ident in national:
            raise item.error(f"'{item.value['id']}' är ett nationellt nummer (112, 114 14, stödtelefonen) och kan "
                             "inte ersättas lokalt")
        for flag in ("national", "urgent"):
            if flag in item.value:
                raise item.child(flag).error("en lokal post kan inte vara ett nationellt nummer eller ett akutnummer")


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


def _documents(top: dict[str, Node]) -> tuple[Document, ...]:
    items = top["documents"]
    documents = []
    for node in items.items():
        f = node.mapping({"id", "file", "title", "publisher", "date"}, {"note", "short"})
        documents.append(Document(
            id=f["id"].text(), file=f["file"].text(), title=f["title"].text(),
            publisher=f["publisher"].text(), date=date_text(f["date"]), note=opt_text(f, "note"),
            short=opt_text(f, "short") or f["publisher"].text()))
    unique_ids([(d.id, n) for d, n in zip(documents, items.items(), strict=True)], "källdokumentet")
    return tuple(documents)


def _check_references(tops: dict[str, dict[str, Node]], regions: tuple[Region, ...], numbers: tuple[Number, ...],
                      actors: tuple[Actor, ...]) -> None:
    """Every id one place names must exist where it is defined."""
    actor_ids = {a.id for a in actors}
    number_ids = {n.id for n in numbers}
    number_nodes = list(tops["actors.yaml"]["numbers"].items())
    for number, node in zip(numbers, number_nodes, strict=True):
        if number.actor and number.actor not in actor_ids:
            raise node.child("actor").error(f"okänd aktör '{number.actor}'")
    support_line = tops["actors.yaml"]["support_line"]
    if support_line.ident() not in number_ids:
        raise support_line.error(f"okänt nummer '{support_line.ident()}'")
    coordinators = tops["regions.yaml"]["actor"]
    if coordinators.ident() not in actor_ids:
        raise coordinators.error(f"okänd aktör '{coordinators.ident()}'")
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
            raise here.child("name").error(f"namnet '{shown(actor.name, 60)}' används av flera aktörer")
