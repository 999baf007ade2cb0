"""Swedish wording shared by the core and every human-readable renderer; plain strings, no Rich."""

from __future__ import annotations

from mhstod.model import Coordinator, Knowledge, Number, Source

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


def source(src: Source, knowledge: Knowledge) -> str:
    if src.doc:
        doc = knowledge.document(src.doc)
        date = f", {doc.date[:4]}" if doc.date else ""
        text = f"{doc.publisher}: ”{doc.title}”{date} – {src.section}"
    else:
        text = f"Annan källa än källdokumenten: {src.elsewhere}"
    if src.inferred:
        text += f" Slutsats: {src.inferred}"
    if src.note:
        text += f" Not: {src.note}"
    return text


def number_line(n: Number) -> str:
    hours = f" ({n.hours})" if n.hours else ""
    return f"{n.name}: {n.number}{hours}"
