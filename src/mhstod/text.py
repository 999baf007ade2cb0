"""Swedish wording shared by the core and every human-readable renderer: one way to say each thing; no Rich.

How a contact's age, a condition, a kind of actor, a source and a coordinator's focus are put in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mhstod.conditions import All, AnyOf, Condition, Is, Known, Maybe, Named
from mhstod.freshness import STALE_AFTER_YEARS, in_future, is_stale
from mhstod.model import Coordinator, Document, Hours, Knowledge, Number, Source

AGE_WORDS = {"any": "", "adult": "vuxna", "child": "barn och unga"}
PURPOSE_WORDS = {"any": "", "sexual": "sexuella ändamål", "other": "andra ändamål"}


def focus(c: Coordinator) -> str:
    """The coordinator's focus as the brochure prints it, or "" where it prints none.

    The sources never say 'all cases', so neither do we.
    """
    if c.focus_printed:
        return c.focus_printed
    parts = [w for w in (AGE_WORDS[c.age], PURPOSE_WORDS[c.purpose]) if w]
    return ", ".join(parts)


COORDINATOR = "regionkoordinator"  # why a named coordinator is a contact
COORDINATOR_UNPLACED = ("Regionkoordinator", "Var personen befinner sig är inte känt: stödtelefonen hänvisar "
                        "till regionkoordinatorn i rätt region.")
WHERE_THE_PERSON_IS = " där personen vistas"  # a municipal service, where the municipality is not known


def coordinators_in(region_name: str) -> str:
    return f"Regionkoordinatorerna i {region_name}"


def number_line(n: Number) -> str:
    hours = f" ({n.hours})" if n.hours else ""
    return f"{n.name}: {n.number}{hours}"


KIND_LABELS = {
    "myndighet": "Statlig myndighet", "kommunal": "Kommunal verksamhet", "region": "Region (hälso- och sjukvård)",
    "civilsamhalle": "Civilsamhället", "internationell": "Internationell organisation", "natverk": "Nätverk",
    "regeringskansliet": "Regeringskansliet", "domstol": "Domstol", "funktion": "Funktion inom socialtjänsten",
}


def describe(condition: Condition, knowledge: Knowledge, nested: bool = False) -> str:
    """A condition in Swedish, for trainers: 'ålder: barn (under 18 år) och hemland: ett annat EU-land'."""
    if isinstance(condition, Is):
        question = knowledge.question(condition.question)
        labels = " eller ".join(_in_running_text(question.label(v)) for v in question.values if v in condition.values)
        return f"{_in_running_text(question.short)}: {labels}"
    if isinstance(condition, All):
        if not condition.parts:
            return "alltid"
        return " och ".join(describe(p, knowledge, nested=True) for p in condition.parts)
    if isinstance(condition, AnyOf):
        either = " eller ".join(describe(p, knowledge, nested=True) for p in condition.parts)
        return f"({either})" if nested else either
    if isinstance(condition, Named):
        return condition.text
    if isinstance(condition, Maybe):
        return f"att kontrollera om {describe(condition.part, knowledge)}"
    if isinstance(condition, Known):
        return describe(condition.part, knowledge, nested)
    return f"inte ({describe(condition.part, knowledge)})"


def _in_running_text(label: str) -> str:
    """A label as it reads inside a sentence: 'Barn' → 'barn', but 'EU-land' and 'UD' keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def stale_note(as_of: str, on: date) -> str:
    if in_future(as_of, on):
        return f"uppgift daterad {as_of}, efter dagens datum: kontrollera datumet och att den gäller"
    return f"uppgift från {as_of}, äldre än {STALE_AFTER_YEARS} år: kontrollera att den gäller"


def hours_line(hours: Hours) -> str:
    """"Nås under kontorstid; utanför den: …", for the coordinators."""
    return f"Nås under {hours.text}; utanför den: {hours.outside[:1].lower()}{hours.outside[1:].rstrip('.')}."


def age_note(as_of: str, seen: str, on: date) -> str:
    """How old a contact is, in the words shown beside it; "" for what does not age (112, the support line)."""
    if as_of:
        return stale_note(as_of, on) if is_stale(as_of, on) else f"uppgift från {as_of}"
    if seen:
        return f"odaterad uppgift, sedd {seen}: kontrollera att den gäller"
    return ""


# nmtsverige.se has moved to jamstalldhetsmyndigheten.se (../shared/reference, "Contacts change").
CONFIRM = "kontrollera med stödtelefonen {support} eller på jamstalldhetsmyndigheten.se"


class Citations:
    """How every view cites: "001: 7.1 Socialtjänsten" (or, short, "001 7.1"); "A2" for a fact from elsewhere.

    The documents cited and the other sources, numbered in the order they were first cited, are listed at the end.
    `numbering`: the other sources as another view numbered them (the full checklist's), so that "A8" on the
    short view is the A8 that `--full` lists; a source it lacks is numbered after them.
    """

    def __init__(self, documents: Iterable[Document], short: bool = False, numbering: Iterable[str] = ()) -> None:
        self.known = {d.id: d for d in documents}
        self.short = short
        self.elsewhere: list[str] = list(numbering)
        self.docs: list[str] = []
        self.highest = 0  # the highest A-number cited here

    def one(self, source: Source) -> str:
        if source.doc:
            if source.doc not in self.docs:
                self.docs.append(source.doc)
            if not self.short:
                return f"{source.doc}: {source.section}"
            number = source.section.split(" ", 1)[0]
            return f"{source.doc} {number}" if number[:1].isdigit() else source.doc
        basis = source.basis
        if basis not in self.elsewhere:
            self.elsewhere.append(basis)
        index = self.elsewhere.index(basis) + 1
        self.highest = max(self.highest, index)
        return f"A{index}"

    def __call__(self, *sources: Source) -> str:
        return "; ".join(dict.fromkeys(self.one(s) for s in sources))

    def cited_documents(self) -> list[Document]:
        """The documents cited so far, in the order of their ids, as every list of sources shows them."""
        return sorted((self.known[d] for d in self.docs), key=lambda d: d.id)

    def with_notes(self, source: Source) -> str:
        """The citation with what the source itself adds: the inference drawn from it, a note on it."""
        said = [self.one(source)]
        said += [f"Slutsats: {source.inferred}"] if source.inferred else []
        said += [f"Not: {source.note}"] if source.note else []
        return ". ".join(said)


def document(doc: Document) -> str:
    """A source document as the list of sources names it."""
    return f"{doc.id}: {doc.publisher}, ”{doc.title}” ({doc.date or 'odaterad'})"


def elsewhere(index: int, basis: str) -> str:
    return f"A{index}: annan källa än källdokumenten – {basis}"
