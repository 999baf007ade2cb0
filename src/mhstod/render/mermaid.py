"""The process as a Mermaid flowchart: the steps and the decisions that route between them, for slides."""

from __future__ import annotations

from mhstod.lookups import decisions
from mhstod.model import Knowledge


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
