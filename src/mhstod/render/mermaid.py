"""The process as Mermaid flowcharts, for slides: the whole, an overview, or one step.

Labels are wrapped at about 40 characters, so that a projected diagram keeps a readable size: the longest
decision in the data is over 200 characters, which on one line made a diagram thousands of pixels wide.
"""

from __future__ import annotations

import textwrap

from mhstod.lookups import decisions, overview
from mhstod.model import Knowledge, Step

LABEL_WIDTH = 40


def mermaid(knowledge: Knowledge) -> str:
    """Every step with every decision point and who acts on it."""
    out = _start()
    for step in knowledge.steps:
        out.append(f"    {_step_node(step)}")
        if step.number > 1:
            out.append(f"    s{step.number - 1} --> s{step.number}")
        out += _decisions(knowledge, step)
    return "\n".join(out) + "\n"


def overview_chart(knowledge: Knowledge) -> str:
    """The six steps in order, each answer that decides shown once, at the first step where it acts: a slide."""
    out = _start()
    for route in overview(knowledge):
        number = route.step.number
        out.append(f"    {_step_node(route.step)}")
        if number > 1:
            out.append(f"    s{number - 1} --> s{number}")
        for index, question in enumerate(route.first):
            out.append(f'    s{number}q{index}{{"{_label(question.short + "?")}"}}')
            out.append(f"    s{number} -.- s{number}q{index}")
    return "\n".join(out) + "\n"


def step_chart(knowledge: Knowledge, step: Step) -> str:
    """One step: what always happens, and each decision with the actors who act on it."""
    out = ["flowchart TD", f"    {_step_node(step)}", *_decisions(knowledge, step, always=True)]
    return "\n".join(out) + "\n"


def _start() -> list[str]:
    return ["flowchart TD", '    start(["Misstanke om människohandel"])', '    danger{"Akut fara?"}',
            "    start --> danger", '    danger -->|Ja| call112["Ring 112"]', "    danger -->|Nej / vet inte| s1",
            "    call112 --> s1"]


def _step_node(step: Step) -> str:
    timing = f" ({step.timing})" if step.timing else ""
    return f's{step.number}["{_label(f"Steg {step.number}. {step.name}{timing}")}"]'


def _decisions(knowledge: Knowledge, step: Step, always: bool = False) -> list[str]:
    out = []
    for index, decision in enumerate(decisions(knowledge, step.number)):
        node = f"s{step.number}d{index}"
        who = _label(", ".join(dict.fromkeys(knowledge.actor(a.actor).name for a in decision.actions)))
        if decision.text == "alltid":
            if always:
                out.append(f'    s{step.number} --> {node}a["{who}"]')
            continue
        out.append(f'    {node}{{"{_label(decision.text)}"}}')
        out.append(f"    s{step.number} -.-> {node}")
        out.append(f'    {node} -->|ja| {node}a["{who}"]')
    return out


def _label(text: str) -> str:
    """A label Mermaid reads as text: wrapped with <br/>, no double quotes, no markup of its own.

    Mermaid reads #lt; and #35; as entity codes, & as the start of an HTML entity, a backtick as the start of
    a Markdown string and %% as a directive or comment: each is written as its own entity code, so a name
    shows as it is spelt.
    """
    safe = text.replace("#", "#35;").replace("&", "#38;").replace("`", "#96;").replace("%", "#37;")
    safe = safe.replace('"', "'").replace("<", "‹").replace(">", "›")
    return "<br/>".join(textwrap.wrap(safe, LABEL_WIDTH, break_long_words=False)) or safe
