"""Find the county someone means, from what people actually type: names, forms, codes, no diacritics."""

from __future__ import annotations

import difflib
import unicodedata
from functools import cached_property
from typing import Literal

from mhstod.errors import AmbiguousPlace, UnknownPlace, shown
from mhstod.model import County, Knowledge, Municipality
from mhstod.record import Record

Kind = Literal["county", "municipality"]
How = Literal["exact", "folded"]

# Long enough for any Swedish place name in any official form; difflib is quadratic, so what
# is typed is cut to this before it is compared with anything.
MAX_INPUT = 80
_SEPARATORS = str.maketrans({"-": " ", "–": " ", "—": " ", "_": " ", ".": " ", ",": " ", "\u00a0": " "})


class Place(Record, eq=False):
    """A county, or a municipality in its county; one object per place, compared by identity."""

    county: County
    municipality: Municipality | None = None

    @property
    def kind(self) -> Kind:
        return "county" if self.municipality is None else "municipality"

    @property
    def label(self) -> str:
        if self.municipality is None:
            return self.county.name
        return f"{self.municipality.name} (kommun i {self.county.name})"


class Match(Record):
    """What was typed, the place it means, and places in other counties that a keyboard without å could mean."""

    typed: str
    place: Place
    how: How
    namesakes: tuple[str, ...] = ()

    def remarks(self) -> tuple[str, ...]:
        """What the reader should know about how the place was read."""
        said = []
        if self.how == "folded":
            said.append(f"'{shown(self.typed)}' tolkades som {self.place.label}.")
        if self.namesakes:  # Habo is exactly Habo, but whoever meant Håbo needs another region
            said.append(f"Obs: inte att förväxla med {_either(self.namesakes)}.")
        return tuple(said)


def key(text: str) -> str:
    """Case-, space- and punctuation-insensitive form; diacritics kept."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_SEPARATORS)
    return " ".join(text.split())


def typed_text(word: str) -> str:
    """A name typed on the command line (a place, a search), as UTF-8.

    Under LC_ALL=C with PYTHONUTF8=0, Python hands "Skåne" over with its bytes escaped (surrogates), and the
    place was "Okänt län 'Sk??ne'". Only names: a file's name is kept as the system gave it.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in word):
        return word
    import os

    return os.fsencode(word).decode("utf-8", errors="replace")


def fold(text: str) -> str:
    """`key` without diacritics: what someone types on a keyboard without å, ä, ö."""
    keyed = key(text)
    if keyed.isascii():
        return keyed
    decomposed = unicodedata.normalize("NFKD", keyed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _genitive(name: str) -> str:
    return name if name[-1] in "sxzSXZ" else name + "s"


def _county_forms(county: County) -> set[str]:
    short = county.short_name
    forms = {county.name, short, f"{short} län", f"{_genitive(short)} län", f"region {short}",
             f"region {county.name}", county.code, county.iso, county.iso.replace("-", "")}
    forms.add(str(int(county.code)))
    return forms


def _municipality_forms(municipality: Municipality, county: County) -> set[str]:
    name = municipality.name
    forms = {name, municipality.code}
    for stem in {name, _genitive(name)}:
        forms |= {f"{stem} kommun", f"{stem} stad"}
    if name == county.short_name:
        forms.add(f"region {name}")  # Region Gotland: a municipality with the county council's tasks
    return forms


class _RegionHint(Record):
    name: str
    counties: tuple[str, ...]


class Gazetteer:
    """Indexes built once from the data; `find` answers one query."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.exact: dict[str, set[Place]] = {}
        counties = {c.code: c for c in knowledge.counties}
        self._places: list[tuple[Place, set[str]]] = [(Place(c), _county_forms(c)) for c in knowledge.counties]
        for municipality in knowledge.municipalities:
            county = counties[municipality.county]
            self._places.append((Place(county, municipality), _municipality_forms(municipality, county)))
        for place, forms in self._places:
            for form in forms:
                self.exact.setdefault(key(form), set()).add(place)

    @cached_property
    def folded(self) -> dict[str, set[Place]]:
        """Every form without diacritics; built only when an exact spelling missed."""
        index: dict[str, set[Place]] = {}
        for place, forms in self._places:
            for form in forms:
                index.setdefault(fold(form), set()).add(place)
        return index

    @cached_property
    def names(self) -> dict[str, set[Place]]:
        """Display names without diacritics, for suggestions."""
        index: dict[str, set[Place]] = {}
        for place, _ in self._places:
            names = (place.county.name, place.county.short_name) if place.municipality is None else (
                place.municipality.name,)
            for name in names:
                index.setdefault(fold(name), set()).add(place)
        return index

    @cached_property
    def regions(self) -> dict[str, _RegionHint]:
        counties = {c.code: c for c in self.knowledge.counties}
        return {fold(form): _RegionHint(r.name, tuple(counties[c].short_name for c in r.counties))
                for r in self.knowledge.regions for form in (r.name, r.id)}

    def find(self, typed: str, prefer: Kind = "county") -> Match:
        """The one place `typed` means; an exact spelling beats a match without diacritics."""
        text = typed[:MAX_INPUT * 4]
        if key(text).isdigit() and not text.strip().isdigit():
            raise self._unknown(typed, prefer)  # '-1' is no code, though its digits are Stockholm's
        for how in ("exact", "folded"):  # the folded index is built only here, after an exact miss
            hits = self.exact.get(key(text)) if how == "exact" else self.folded.get(fold(text))
            if hits:
                place = _choose(typed, hits, prefer)
                return Match(typed, place, how, self._namesakes(place))
        raise self._unknown(typed, prefer)

    def _namesakes(self, place: Place) -> tuple[str, ...]:
        """Places in other counties whose name is the same without diacritics (Habo, Håbo)."""
        name = place.municipality.name if place.municipality else place.county.short_name
        return tuple(sorted(p.label for p in self.names.get(fold(name), ()) if p.county is not place.county))

    def suggest(self, typed: str, limit: int = 3) -> tuple[str, ...]:
        """The closest county and municipality names, best first."""
        probe = fold(typed[:MAX_INPUT])
        if not probe:
            return ()
        scored = sorted(((difflib.SequenceMatcher(None, probe, name).ratio(), name) for name in self.names),
                        reverse=True)
        best = scored[0][0]
        # Only names about as close as the best one: a far second guess confuses more than it helps.
        close = [name for score, name in scored[: limit * 2] if score >= max(0.6, best - 0.1)]
        found: list[str] = []
        for name in close:
            for place in sorted(self.names[name], key=lambda p: (p.kind != "county", p.label)):
                if place.label not in found:
                    found.append(place.label)
        return tuple(found[:limit])

    def _unknown(self, typed: str, prefer: Kind) -> UnknownPlace:
        what = "Okänt län" if prefer == "county" else "Okänd kommun"
        region = self.regions.get(fold(typed[:MAX_INPUT]))
        if region is not None:
            return UnknownPlace(
                f"{what} '{shown(typed)}': {region.name} är en av regionkoordinatorernas regioner, inte ett län. "
                f"Ange ett av dess län ({', '.join(region.counties)}) eller se 'mhstod regions'.",
                typed, region.counties)
        suggestions = self.suggest(typed)
        hint = f" Menade du {_either(suggestions)}?" if suggestions else " Se 'mhstod counties' för alla län."
        return UnknownPlace(f"{what} '{shown(typed)}'.{hint}", typed, suggestions)


_GAZETTEERS: dict[int, tuple[Knowledge, Gazetteer]] = {}


def gazetteer_for(knowledge: Knowledge) -> Gazetteer:
    """One gazetteer per loaded Knowledge: building it costs a few milliseconds of every start."""
    cached = _GAZETTEERS.get(id(knowledge))
    if cached is None or cached[0] is not knowledge:
        cached = _GAZETTEERS[id(knowledge)] = (knowledge, Gazetteer(knowledge))
    return cached[1]


def _choose(typed: str, hits: set[Place], prefer: Kind) -> Place:
    preferred = [p for p in hits if p.kind == prefer]
    if len(preferred) == 1:
        return preferred[0]
    if len(hits) == 1:
        return next(iter(hits))
    if len({p.county.code for p in hits}) == 1 and not preferred:
        # A county and its own municipality under one name (Gotland): the county is the safe answer.
        counties = [p for p in hits if p.kind == "county"]
        if counties:
            return counties[0]
    labels = tuple(sorted(p.label for p in hits))
    raise AmbiguousPlace(
        f"'{shown(typed)}' kan vara flera orter: {_either(labels, 'eller')}. "
        "Skriv namnet med å, ä och ö eller ange länet.", typed, labels)


def _either(labels: tuple[str, ...], last: str = "eller") -> str:
    if len(labels) == 1:
        return labels[0]
    return f"{', '.join(labels[:-1])} {last} {labels[-1]}"
