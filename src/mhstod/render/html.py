"""The checklist as a standalone HTML page, for a case file or a printer."""

from __future__ import annotations

from html import escape

from mhstod.checklist import Checklist
from mhstod.render.outline import outline

_STYLE = ("body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
          ".ref{color:#666;font-size:.85em}.urgent{color:#b00;font-weight:bold}.verify{color:#a60}"
          "li{margin:.2em 0}.note{font-style:italic}")


def render(checklist: Checklist) -> str:
    """The whole checklist (every step and source), stamped with its date, the tool's version and the data's."""
    body: list[str] = []
    open_list = False
    for line in outline(checklist, full=True, stamp=True):
        ref = f' <span class="ref">({escape(line.ref)})</span>' if line.ref else ""
        text = escape(line.text)
        in_list = line.kind in ("item", "text") and line.level > 0
        if in_list and not open_list:
            body.append("<ul>")
        if not in_list and open_list:
            body.append("</ul>")
        open_list = in_list
        if line.kind == "title":
            body.append(f"<h1>{text}</h1>")
        elif line.kind == "heading":
            body.append(f"<h2>{text}</h2>")
        elif line.kind == "subheading":
            body.append(f"<h3>{text}{ref}</h3>")
        elif line.kind == "item":
            box = {"todo": "☐ ", "urgent": "☐ ", "verify": "? "}.get(line.mark, "")  # boxes only for own tasks
            body.append(f'<li class="{line.mark}">{box}{text}{ref}</li>')
        elif line.kind == "note":
            body.append(f'<p class="note">{text}</p>')
        elif in_list:
            body.append(f'<li style="list-style:none;margin-left:{line.level - 1}em">{text}{ref}</li>')
        else:
            body.append(f"<p>{text}{ref}</p>")
    if open_list:
        body.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Checklista vid misstanke om människohandel</title>\n"
            f"<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
