"""Regions, counties, municipalities and the coordinators: every county in exactly one region, with its source."""

from __future__ import annotations

import re

from mhstod.errors import shown
from mhstod.load.actors import read_number
from mhstod.load.nodes import Node, date_text, opt_text, read_source, unique_ids
from mhstod.model import AGE_FOCUS, PURPOSE_FOCUS, Coordinator, County, DatedNote, Municipality, Region, Source


def read_places(top: dict[str, Node], docs: frozenset[str]) -> tuple[
        tuple[Region, ...], tuple[County, ...], tuple[Municipality, ...], Source, Source, str]:
    as_of = date_text(top["as_of"])

    county_fields = top["counties"].mapping({"source", "items"})
    county_rows = []
    for node in county_fields["items"].items():
        f = node.mapping({"code", "name", "short_name", "iso", "letter"})
        code = f["code"].text()
        if not re.fullmatch(r"\d{2}", code, re.ASCII):
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
                raise cf["code"].error(f"okänt län '{shown(code, 20)}'")
            if code in placed:
                raise cf["code"].error(f"länet '{code}' ligger redan i region '{placed[code][0]}'")
            placed[code] = (region_id, read_source(cf["source"], docs), county_node)
            codes.append(code)
        everyone = tuple(_coordinator(c, docs) for c in f["coordinators"].items())
        coordinators = tuple(c for c in everyone if not c.superseded_by)
        current = {c.id for c in coordinators}
        for c, c_node in zip(everyone, f["coordinators"].items(), strict=True):
            if c.superseded_by and c.superseded_by not in current:
                raise c_node.child("superseded_by").error(
                    f"'{c.superseded_by}' är ingen aktuell koordinator i regionen '{region_id}'")
        no_coordinator = _dated_note(f["no_coordinator"], docs) if "no_coordinator" in f else None
        if not coordinators and (no_coordinator is None or "contact_number" not in f):
            raise node.error("en region utan koordinator behöver 'no_coordinator' och 'contact_number'")
        regions.append(Region(
            id=region_id, name=f["name"].text(), counties=tuple(codes), coordinators=coordinators,
            superseded=tuple(c for c in everyone if c.superseded_by),
            source=read_source(f["source"], docs), no_coordinator=no_coordinator,
            contact_number=f["contact_number"].ident() if "contact_number" in f else "",
            numbers=tuple(read_number(n, docs, dated=True, local=n.file if n.file != top["regions"].file else "",
                                      regional=True)
                          for n in f["numbers"].items()) if "numbers" in f else ()))
    unique_ids([(r.id, n) for r, n in zip(regions, region_nodes, strict=True)], "regionen")
    unique_ids([(c.id, n) for r, n in zip(regions, region_nodes, strict=True)
                for c in (*r.coordinators, *r.superseded)], "koordinatorn")

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
        if not re.fullmatch(r"\d{4}", code, re.ASCII):
            raise f["code"].error(f"'{shown(code, 20)}' är ingen kommunkod (fyra siffror)")
        if county not in placed:
            raise f["county"].error(f"okänt län '{shown(county, 20)}'")
        if not code.startswith(county):
            raise f["code"].error(f"kommunkoden '{code}' börjar inte med länskoden '{county}'")
        municipalities.append(Municipality(code=code, name=f["name"].text(), county=county))
    unique_ids([(m.code, n) for m, n in zip(municipalities, muni_nodes, strict=True)], "kommunen")
    return (tuple(regions), tuple(counties), tuple(municipalities),
            read_source(county_fields["source"], docs), read_source(muni_fields["source"], docs), as_of)


def _dated_note(node: Node, docs: frozenset[str]) -> DatedNote:
    f = node.mapping({"text", "source"}, {"as_of"})
    return DatedNote(f["text"].text(), read_source(f["source"], docs), date_text(f["as_of"]) if "as_of" in f else "")


def _coordinator(node: Node, docs: frozenset[str]) -> Coordinator:
    f = node.mapping({"id", "name", "phones", "emails", "focus", "as_of", "source"}, {"focus_printed", "superseded_by"})
    focus = f["focus"].mapping({"age", "purpose"})
    phones = tuple(p.phone() for p in f["phones"].items())
    emails = tuple(e.email() for e in f["emails"].items())
    if not phones and not emails:
        raise node.error("en koordinator behöver minst ett telefonnummer eller en e-postadress")
    as_of = date_text(f["as_of"])
    if not as_of:
        raise f["as_of"].error("en namngiven kontakt behöver källans datum")
    return Coordinator(
        id=f["id"].ident(), name=f["name"].text(), phones=phones, emails=emails,
        age=focus["age"].choice(AGE_FOCUS), purpose=focus["purpose"].choice(PURPOSE_FOCUS),
        focus_printed=opt_text(f, "focus_printed"), as_of=as_of, source=read_source(f["source"], docs),
        superseded_by=f["superseded_by"].ident() if "superseded_by" in f else "")
