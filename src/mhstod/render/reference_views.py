"""Actors, the process, the law and search hits as lines (Rich or plain), Mermaid and JSON."""

from __future__ import annotations

from typing import Any

from mhstod import text
from mhstod.lookups import Hit, decisions
from mhstod.model import Actor, Knowledge, Question, Scenario
from mhstod.render import jsonout
from mhstod.render.lines import Line
from mhstod.text import KIND_LABELS

FOR_LABEL = {"any": "", "child": " (barn)", "adult": " (vuxna)"}


def actors(knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", "Aktörerna i stöd- och skyddsprocessen")]
    for actor in knowledge.actors:
        lines.append(Line("item", f"{actor.name} – {KIND_LABELS[actor.kind]}", level=1))
        lines.append(Line("text", actor.summary, level=2))
    lines.append(Line("note", "Mer om en aktör: mhstod actor NAMN (t.ex. mhstod actor polisen)."))
    return lines


def actor(a: Actor, knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", a.name), Line("text", f"{KIND_LABELS[a.kind]}. {a.summary}", ref=_ref(a.summary_source))]
    if a.part_of:
        lines.append(Line("text", f"Del av: {knowledge.actor(a.part_of).name}"))
    lines.append(Line("heading", "Uppgifter enligt källorna"))
    for duty in a.responsibilities:
        lines.append(Line("item", duty.text + FOR_LABEL[duty.for_whom], "todo", _ref(duty.source), 1))
    if a.no_duties is not None:
        lines.append(Line("note", a.no_duties.text))
    if a.about:
        lines.append(Line("heading", "Om aktören"))
        lines += [Line("text", fact.text, ref=_ref(fact.source), level=1) for fact in a.about]
    lines.append(Line("heading", "Så når du aktören"))
    reach = [Line("item", text.number_line(knowledge.number(n)), "", _ref(knowledge.number(n).source), 1)
             for n in a.contact.numbers]
    reach += [Line("item", how.text, "", _ref(how.source), 1) for how in a.contact.how]
    reach += [Line("item", f"Webb: {w.url}", "", _ref(w.source), 1) for w in a.contact.web]
    lines += reach or [Line("note", "Källorna anger inget sätt att nå aktören direkt; fråga stödtelefonen "
                                    "för yrkesverksamma, 020-39 00 00.")]
    lines.append(Line("heading", "Källor"))
    docs = sorted({s.doc for s in _sources(a) if s.doc})
    lines += [Line("text", _document(knowledge, d), level=1) for d in docs]
    lines += [Line("text", f"Annan källa: {basis}", level=1) for basis in sorted({s.elsewhere for s in _sources(a)
                                                                               if s.elsewhere})]
    return lines


def _sources(a: Actor) -> list[Any]:
    return [a.summary_source, *(d.source for d in a.responsibilities), *(f.source for f in a.about),
            *(h.source for h in a.contact.how), *(w.source for w in a.contact.web)]


def _document(knowledge: Knowledge, doc_id: str) -> str:
    doc = knowledge.document(doc_id)
    return f"{doc.id}: {doc.publisher}, ”{doc.title}” ({doc.date or 'odaterad'})"


def _ref(source: Any) -> str:
    return f"{source.doc}: {source.section}" if source.doc else "utanför källdokumenten"


def process(knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", "Stöd- och skyddsprocessen i sex steg")]
    for step in knowledge.steps:
        timing = f" ({step.timing})" if step.timing else ""
        lines.append(Line("heading", f"Steg {step.number}. {step.name}{timing}"))
        lines.append(Line("text", step.summary, ref=_ref(step.source)))
        who = list(dict.fromkeys(knowledge.actor(a.actor).name for a in step.actions))
        lines.append(Line("text", "Vem agerar: " + ", ".join(who)))
        for decision in decisions(knowledge, step.number):
            lines.append(Line("subheading", "Alltid:" if decision.text == "alltid" else f"Om {decision.text}:"))
            for action in decision.actions:
                lines.append(Line("item", f"{knowledge.actor(action.actor).name}: {action.text}", "todo",
                                  _ref(action.source), 1))
    lines.append(Line("note", "Källorna listar aktörernas uppgifter, inte stegen: placeringen i ett steg är en "
                              "bedömning, med grunden i data/process.yaml."))
    return lines


def mermaid(knowledge: Knowledge) -> str:
    """A flowchart of the steps and their decision points, for slides."""
    out = ["flowchart TD", '    start(["Misstanke om människohandel"])']
    out.append('    danger{"Akut fara?"}')
    out.append('    start --> danger')
    out.append('    danger -->|Ja| call112["Ring 112"]')
    out.append("    danger -->|Nej / vet inte| s1")
    out.append("    call112 --> s1")
    for step in knowledge.steps:
        timing = f"<br/>{step.timing}" if step.timing else ""
        out.append(f'    s{step.number}["Steg {step.number}. {_m(step.name)}{_m(timing)}"]')
        if step.number > 1:
            out.append(f"    s{step.number - 1} --> s{step.number}")
        for index, decision in enumerate(decisions(knowledge, step.number)):
            if decision.text == "alltid":
                continue
            node = f"s{step.number}d{index}"
            who = ", ".join(dict.fromkeys(knowledge.actor(a.actor).name for a in decision.actions))
            out.append(f'    {node}{{"{_m(decision.text)}"}}')
            out.append(f'    s{step.number} -.-> {node}')
            out.append(f'    {node} -->|ja| {node}a["{_m(who)}"]')
    return "\n".join(out) + "\n"


def _m(text: str) -> str:
    return text.replace('"', "'").replace("<br/>", "<br/>")


def laws(knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", "Lagstiftning i källorna")]
    for law in knowledge.laws:
        lines.append(Line("heading", f"{law.name} ({law.reference})"))
        lines += [Line("text", t.text, ref=_ref(t.source), level=1) for t in law.texts]
        lines += [Line("item", f"Observera: {n.text}", "verify", _ref(n.source), 1) for n in law.notes]
    lines.append(Line("note", "Texterna är broschyrens (2018); lagen kan ha ändrats. Kontrollera gällande lydelse."))
    return lines


def hits(typed: str, found: tuple[Hit, ...]) -> list[Line]:
    lines = [Line("title", f"Sökning: {typed} – {len(found)} träffar")]
    for hit in found:
        lines.append(Line("item", hit.where, level=1))
        lines.append(Line("text", hit.text, level=2))
    return lines


def actor_json(a: Actor, knowledge: Knowledge) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind, "kind_label": KIND_LABELS[a.kind],
        "summary": a.summary, "summary_source": jsonout.source(a.summary_source, knowledge),
        "part_of": a.part_of or None,
        "responsibilities": [{"text": r.text, "for": r.for_whom, "source": jsonout.source(r.source, knowledge)}
                             for r in a.responsibilities],
        "no_duties": a.no_duties.text if a.no_duties else None,
        "about": [{"text": f.text, "source": jsonout.source(f.source, knowledge)} for f in a.about],
        "contact": {
            "numbers": [jsonout.number(knowledge.number(n), knowledge) for n in a.contact.numbers],
            "how": [{"text": h.text, "source": jsonout.source(h.source, knowledge)} for h in a.contact.how],
            "web": [{"url": w.url, "source": jsonout.source(w.source, knowledge)} for w in a.contact.web],
        },
    }


def process_json(knowledge: Knowledge) -> dict[str, Any]:
    def action(a: Any) -> dict[str, Any]:
        return {"actor": a.actor, "text": a.text, "for": a.for_whom, "placement": a.placement,
                "source": jsonout.source(a.source, knowledge)}

    return {"steps": [{
        "number": s.number, "id": s.id, "name": s.name, "timing": s.timing or None, "summary": s.summary,
        "source": jsonout.source(s.source, knowledge),
        "decisions": [{"when": d.text, "actions": [action(a) for a in d.actions]}
                      for d in decisions(knowledge, s.number)],
    } for s in knowledge.steps]}


def laws_json(knowledge: Knowledge) -> dict[str, Any]:
    return {"laws": [{
        "id": law.id, "name": law.name, "reference": law.reference,
        "texts": [{"text": t.text, "source": jsonout.source(t.source, knowledge)} for t in law.texts],
        "notes": [{"text": n.text, "source": jsonout.source(n.source, knowledge)} for n in law.notes],
    } for law in knowledge.laws]}


def scenario_intro(scenario: Scenario, knowledge: Knowledge) -> list[Line]:
    lines = [Line("title", scenario.title), Line("text", scenario.story)]
    lines.append(Line("heading", "Att diskutera"))
    lines += [Line("item", note.text, "", _ref(note.source), 1) for note in scenario.notes]
    lines.append(Line("heading", "En riktig checklista innehåller"))
    lines += [Line("item", name, "todo", level=1) for name in scenario.key_contacts]
    lines += [Line("item", knowledge.actor(a).name, "todo", level=1) for a in scenario.key_actors
              if knowledge.actor(a).name not in scenario.key_contacts]
    return lines


def scenario_step(index: int, total: int, question: Question, label: str) -> list[Line]:
    return [Line("heading", f"Fråga {index} av {total}: {question.text}"),
            Line("item", f"Svar: {label}", level=1),
            Line("text", f"Varför det spelar roll: {question.help}", level=1)]
