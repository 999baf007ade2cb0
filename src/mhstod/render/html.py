"""Lines as a standalone HTML page: the checklist for a case file, the process and a teaching case for a projector.

One skeleton and one style for every page. A page is a single file with no script, font or image from anywhere,
so it opens offline; a title begins an article, a heading a section; on paper each page prints black on white.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from mhstod.checklist import Checklist
from mhstod.model import Step
from mhstod.render.lines import Line
from mhstod.render.outline import outline

_STYLE = ("body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.4;color:#111;"
          "background:#fff;overflow-wrap:anywhere}"
          ".ref{color:#555;font-size:.85em}.urgent{color:#b00;font-weight:bold}.verify{color:#8a4b00}"
          "li{margin:.2em 0}.note{font-style:italic}li.sub{list-style:none}")
# For a room: type readable from the back at 1920 × 1080, and the steps as a row of boxes.
_LARGE = ("html{font-size:24px}body{max-width:70rem}h1{font-size:1.9rem;margin:.6rem 0}"
          "h2{font-size:1.45rem;margin:1.6rem 0 .5rem;padding-top:.8rem;border-top:.12rem solid #1d3f6e}"
          "h3{font-size:1.1rem;margin:1rem 0 .3rem}"
          ".flow{list-style:none;padding:0;margin:1.2rem 0 2rem;display:grid;"
          "grid-template-columns:repeat(6,minmax(0,1fr));gap:1rem 1.6rem}"
          ".flow li{position:relative;margin:0;border:.15rem solid #1d3f6e;border-radius:.4rem;padding:.5rem .6rem;"
          "background:#eef3fa;break-inside:avoid}"
          '.flow li:not(:last-child)::after{content:"→";position:absolute;right:-1.35rem;top:50%;'
          "transform:translateY(-50%);font-size:1.3rem;font-weight:bold;color:#1d3f6e}"
          ".flow span{display:block;font-size:.8em;color:#333}.flow strong{display:block;margin:.15rem 0}"
          "@media screen and (max-width:1200px){.flow{grid-template-columns:repeat(3,minmax(0,1fr))}"
          ".flow li:nth-child(3n)::after{content:none}}")
_PRINT = ("@media print{@page{size:A4;margin:16mm 15mm}html{font-size:11pt}"
          "body{max-width:none;margin:0;padding:0}"
          "*{color:#000!important;background:#fff!important;border-color:#000!important}"
          "h1,h2,h3{break-after:avoid}li,p{break-inside:avoid}article+article{break-before:page}"
          ".paged section+section{break-before:page}.flow{grid-template-columns:repeat(3,minmax(0,1fr))}"
          ".flow li:nth-child(3n)::after{content:none}}")


def render(checklist: Checklist) -> str:
    """The whole checklist (every step and source), stamped with its date, the tool's version and the data's."""
    return page(outline(checklist, full=True, stamp=True), large=False)


def page(lines: Sequence[Line], steps: Sequence[Step] = (), large: bool = True) -> str:
    """The lines as a page titled by their first title; `steps` draws them as a row of boxes below that title.

    Large (a projector) unless told otherwise. With steps, each section begins a new sheet on paper.
    """
    articles: list[list[list[Line]]] = []  # articles of sections; a section's first line is its heading
    for line in lines:
        if line.kind == "title" or not articles:
            articles.append([[]])
        if line.kind == "heading":
            articles[-1].append([])
        articles[-1][-1].append(line)
    body: list[str] = []
    for index, (head, *sections) in enumerate(articles):
        body += ["<article>", *_block(head)]
        if index == 0 and steps:
            body.append(_overview(steps))
        for section in sections:
            body += ["<section>", *_block(section), "</section>"]
        body.append("</article>")
    title = next((line.text for line in lines if line.kind == "title"), "mhstod")
    style = _STYLE + (_LARGE if large else "") + _PRINT
    attribute = ' class="paged"' if steps else ""
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body{attribute}>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _overview(steps: Sequence[Step]) -> str:
    """The steps in order, as boxes joined by arrows: number, name and, where the sources give it, when."""
    boxes = [f"<li><span>Steg {s.number}</span><strong>{escape(s.name)}</strong>"
             + (f"<span>{escape(s.timing)}</span>" if s.timing else "") + "</li>" for s in steps]
    return '<ol class="flow" aria-label="Stegen i ordning">' + "".join(boxes) + "</ol>"


def _block(lines: Iterable[Line]) -> list[str]:
    out: list[str] = []
    open_list = False
    for line in lines:
        ref = f' <span class="ref">({escape(line.ref)})</span>' if line.ref else ""
        text = escape(line.text)
        in_list = line.kind in ("item", "text") and line.level > 0
        if in_list and not open_list:
            out.append("<ul>")
        if not in_list and open_list:
            out.append("</ul>")
        open_list = in_list
        if line.kind == "title":
            out.append(f"<h1>{text}</h1>")
        elif line.kind == "heading":
            out.append(f"<h2>{text}</h2>")
        elif line.kind == "subheading":
            out.append(f"<h3>{text}{ref}</h3>")
        elif line.kind == "item":
            box = {"todo": "☐ ", "urgent": "☐ ", "verify": "? "}.get(line.mark, "")  # boxes only for own tasks
            kind = f' class="{line.mark}"' if line.mark else ""
            out.append(f"<li{kind}>{box}{text}{ref}</li>")
        elif line.kind == "note":
            out.append(f'<p class="note">{text}</p>')
        elif in_list:
            out.append(f'<li class="sub" style="margin-left:{line.level - 1}em">{text}{ref}</li>')
        else:
            out.append(f"<p>{text}{ref}</p>")
    if open_list:
        out.append("</ul>")
    return out
