"""The actors, their duties as the sources list them and how to reach them, and the national numbers."""

from __future__ import annotations

from mhstod.errors import shown
from mhstod.load.nodes import Node, date_text, opt_text, read_source, read_sourced, unique_ids
from mhstod.model import ACTOR_KINDS, FOR_WHOM, Actor, Contact, Locations, Number, Responsibility, Web


def read_number(node: Node, docs: frozenset[str], dated: bool, local: str = "", regional: bool = False) -> Number:
    """A phone number; `dated` when it must say how old it is (`as_of`, or `seen` for an undated page).

    `local`: the local file it comes from ("" for shipped data). `regional`: a region's own line, which is
    never a national number or the one to call in acute danger, whatever a (local) file says.
    """
    f = node.mapping({"id", "number", "name", "use", "source"},
                     {"actor", "also_written", "hours", "outside_hours", "hours_source", "as_of", "seen", "national",
                      "urgent"})
    for flag in ("national", "urgent"):
        if regional and flag in f:
            raise f[flag].error("en regions nummer kan inte vara ett nationellt nummer eller ett akutnummer")
    if ("hours" in f) != ("hours_source" in f):
        raise node.error("'hours' och 'hours_source' anges tillsammans")
    if dated and "as_of" not in f and "seen" not in f:
        raise node.error("numret behöver 'as_of' (källans datum) eller 'seen' (året en odaterad sida sågs), "
                         "så att åldern kan visas")
    seen = date_text(f["seen"]) if "seen" in f else ""
    if seen and len(seen) != 4:
        raise f["seen"].error("'seen' är ett årtal (ÅÅÅÅ)")
    return Number(
        id=f["id"].ident(), number=f["number"].phone(), name=f["name"].text(), use=f["use"].text(),
        source=read_source(f["source"], docs), actor=f["actor"].ident() if "actor" in f else "",
        also_written=tuple(p.phone() for p in f["also_written"].items()) if "also_written" in f else (),
        hours=opt_text(f, "hours"), outside_hours=opt_text(f, "outside_hours"),
        hours_source=read_source(f["hours_source"], docs) if "hours_source" in f else None,
        as_of=date_text(f["as_of"]) if "as_of" in f else "", seen=seen,
        national=f["national"].boolean() if "national" in f else False,
        urgent=f["urgent"].boolean() if "urgent" in f else False,
        local=local)


def read_actors(top: dict[str, Node], docs: frozenset[str], places: frozenset[str]
            ) -> tuple[tuple[Number, ...], tuple[Actor, ...]]:
    number_nodes = list(top["numbers"].items())
    shipped = top["numbers"].file
    numbers = [read_number(node, docs, dated=node.file != shipped, local=node.file if node.file != shipped else "")
               for node in number_nodes]
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
            raise f["places"].child(index).error(f"'{shown(name, 60)}' är ingen kommun (skriv kommunens namn, "
                                                 "t.ex. Malmö)")
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
    numbers = [(n.ident(), n) for n in f["numbers"].items()] if "numbers" in f else []
    unique_ids(numbers, "numret")  # a number named twice is a slip, and 100,000 times cost half a minute
    return Contact(
        numbers=tuple(ident for ident, _ in numbers),
        how=tuple(read_sourced(h, docs) for h in f["how"].items()) if "how" in f else (),
        web=tuple(_web(w, docs) for w in f["web"].items()) if "web" in f else ())


def _web(node: Node, docs: frozenset[str]) -> Web:
    f = node.mapping({"url", "source"})
    url = f["url"].text()
    if " " in url or "." not in url:
        raise f["url"].error(f"'{shown(url, 80)}' är ingen webbadress")
    return Web(url, read_source(f["source"], docs))
