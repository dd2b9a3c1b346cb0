"""Render a long Markdown page in pieces, so the parser never holds a whole page's tokens.

A group page of a large set lists every speaker its articles quote: a table
of thousands of rows, whose markdown-it tokens took over a hundred megabytes
at once.  A table's rows are rendered one at a time and need nothing of one
another, so :func:`render_in_pieces` renders each long table a few hundred
rows at a time (the header repeated) and joins the pieces' HTML into the one
table the whole page gives, and renders the text between tables on its own.

It splits only where that cannot change the HTML: at a table that starts
after a blank line and ends at one, in a page with no fenced code (which
could hold a table-like line) and no link reference definitions (which hold
across a page).  A piece that does not come out as one table with the
expected head and end is rendered whole instead.

Examples
--------
>>> from framing.report.html import render_markdown
>>> page = "Speakers:\\n\\n| name | n |\\n|---|--:|\\n" + "".join(f"| s{i} | {i} |\\n" for i in range(5)) + "\\nEnd."
>>> render_in_pieces(page, render_markdown, rows=2, min_chars=0) == render_markdown(page)
True
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Rows of a table rendered at once.
TABLE_ROWS = 300
# Pages shorter than this are rendered whole.
MIN_PIECES_CHARS = 100_000
_DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_BODY_START = "<tbody>\n"
_TABLE_END = "</tbody>\n</table>\n"


def render_in_pieces(text: str, render: Callable[[str], str], rows: int = TABLE_ROWS,
                     min_chars: int = MIN_PIECES_CHARS) -> str:
    """``render(text)``, with each table of more than ``rows`` rows rendered ``rows`` at a time."""
    if len(text) < min_chars or _REFERENCE_DEFINITION.search(text) or _FENCE.search(text):
        return render(text)
    lines = text.split("\n")
    html, done = [], 0
    for start, end in long_tables(lines, rows):
        html.append(render("\n".join(lines[done:start])))
        html.append(_render_table(lines[start:end], render, rows))
        done = end
    html.append(render("\n".join(lines[done:])))
    return "".join(html)


def long_tables(lines: list[str], rows: int) -> list[tuple[int, int]]:
    """``(first line, end)`` of each table of more than ``rows`` rows that a blank line (or the page's
    start) comes before and a blank line (or the page's end) after.

    >>> long_tables(["Text", "", "| a |", "|---|", "| 1 |", "| 2 |", "", "More"], rows=1)
    [(2, 6)]
    """
    found = []
    i = 0
    while i < len(lines) - 1:
        if lines[i].startswith("|") and (i == 0 or not lines[i - 1]) and _DELIMITER_ROW.match(lines[i + 1]):
            end = i + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            if (end == len(lines) or not lines[end]) and end - i - 2 > rows:
                found.append((i, end))
            i = end
        else:
            i += 1
    return found


def _render_table(table: list[str], render: Callable[[str], str], rows: int) -> str:
    """One table's HTML, its body rows rendered ``rows`` at a time (whole if a piece is not as expected)."""
    head, body = table[:2], table[2:]
    pieces = [render("\n".join(head + body[at:at + rows])) for at in range(0, len(body), rows)]
    first = pieces[0]
    opening = first[:first.find(_BODY_START) + len(_BODY_START)] if _BODY_START in first else ""
    if not opening or not all(p.startswith(opening) and p.endswith(_TABLE_END) and p.count("<table>") == 1
                              for p in pieces):
        return render("\n".join(table))
    inner = "".join(p[len(opening):-len(_TABLE_END)] for p in pieces)
    return opening + inner + _TABLE_END
