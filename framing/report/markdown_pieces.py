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

Given the parser's inline renderer (``inline``), a long table's rows after
its first piece are put together here (:func:`table_rows`), each distinct
cell's Markdown rendered once: a large group's speakers table repeats cells
("say (1)", "unidentified", "0") tens of thousands of times, and markdown-it
spends most of a large report's HTML time parsing them.  The rows are those
markdown-it makes (its own cell splitting and trimming, its ``<td>`` with the
column's alignment, each cell's inline Markdown rendered alone as the table
rule renders it), and the first piece is checked against markdown-it's own
rendering of it before any row is put together: if they differ (another
markdown-it, a row that is not a plain table row), the table is rendered in
pieces by markdown-it as before.

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

try:  # markdown-it's own cell splitting and trimming (markdown-it-py 4.3; 4.0 has no mdTrim)
    from markdown_it.common.utils import mdTrim
    from markdown_it.rules_block.table import escapedSplit
except ImportError:  # pragma: no cover - an older markdown-it-py: tables are rendered in pieces by it alone
    mdTrim = escapedSplit = None

# Rows of a table rendered at once.
TABLE_ROWS = 300
# Pages shorter than this are rendered whole.
MIN_PIECES_CHARS = 100_000
_DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_BODY_START = "<tbody>\n"
_TABLE_END = "</tbody>\n</table>\n"
# A header cell as markdown-it writes it: its alignment, if any (cell text is escaped, so holds no "<th").
_HEADER_CELL = re.compile(r'<th(?: style="text-align:(left|right|center)")?>')


def render_in_pieces(text: str, render: Callable[[str], str], rows: int = TABLE_ROWS,
                     min_chars: int = MIN_PIECES_CHARS, inline: Callable[[str], str] | None = None) -> str:
    """``render(text)``, with each table of more than ``rows`` rows rendered ``rows`` at a time.

    With ``inline`` (the same parser's ``renderInline``), the rows after a long table's first
    ``rows`` are put together from their cells (:func:`table_rows`), each distinct cell rendered once.
    """
    if len(text) < min_chars or _REFERENCE_DEFINITION.search(text) or _FENCE.search(text):
        return render(text)
    lines = text.split("\n")
    html, done = [], 0
    for start, end in long_tables(lines, rows):
        html.append(render("\n".join(lines[done:start])))
        html.append(_render_table(lines[start:end], render, rows, inline))
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


def _render_table(table: list[str], render: Callable[[str], str], rows: int,
                  inline: Callable[[str], str] | None = None) -> str:
    """One table's HTML, its body rows rendered ``rows`` at a time (whole if a piece is not as expected);
    with ``inline``, the rows after the first piece put together from their cells when the first piece
    comes out as markdown-it renders it."""
    head, body = table[:2], table[2:]
    first = render("\n".join(head + body[:rows]))
    opening = first[:first.find(_BODY_START) + len(_BODY_START)] if _BODY_START in first else ""
    if inline is not None and escapedSplit is not None and opening and first.endswith(_TABLE_END):
        rendered = table_rows(body, opening, inline)
        if rendered is not None and first == opening + "".join(rendered[:rows]) + _TABLE_END:
            return opening + "".join(rendered) + _TABLE_END
    pieces = [first] + [render("\n".join(head + body[at:at + rows])) for at in range(rows, len(body), rows)]
    if not opening or not all(p.startswith(opening) and p.endswith(_TABLE_END) and p.count("<table>") == 1
                              for p in pieces):
        return render("\n".join(table))
    inner = "".join(p[len(opening):-len(_TABLE_END)] for p in pieces)
    return opening + inner + _TABLE_END


def table_rows(body: list[str], opening: str, inline: Callable[[str], str]) -> list[str] | None:
    """Each body row of a table as markdown-it's table rule renders it, or None for a body it might not
    render as plain rows (a row with fewer cells than the head, which markdown-it counts against a bound,
    or a carriage return or NUL, which it rewrites first).

    ``opening`` is the table's HTML up to ``<tbody>`` (its header cells give the columns and their
    alignment); ``inline`` renders a cell's Markdown, once per distinct cell.

    >>> from markdown_it import MarkdownIt
    >>> parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    >>> page = "| name | n |\\n|---|--:|\\n| *Lavrov* | 2 |\\n| a \\\\| b | `x|y` |\\n"
    >>> html = parser.render(page)
    >>> opening = html[:html.index("<tbody>") + 8]
    >>> rows = table_rows(page.splitlines()[2:], opening, parser.renderInline)
    >>> rows is None or rows[0] == '<tr>\\n<td><em>Lavrov</em></td>\\n<td style="text-align:right">2</td>\\n</tr>\\n'
    True
    >>> rows is None or opening + "".join(rows) + "</tbody>\\n</table>\\n" == html
    True

    None always with a markdown-it-py that lacks the table rule's own cell
    splitting and trimming (before 4.3): the caller renders such tables whole.
    """
    if escapedSplit is None or mdTrim is None:
        return None
    header = opening[:opening.find("</thead>")]
    cells = [f'<td style="text-align:{align}">' if align else "<td>" for align in _HEADER_CELL.findall(header)]
    rendered: dict[str, str] = {}
    rows = []
    for line in body:
        if "\r" in line or "\0" in line:
            return None
        columns = escapedSplit(mdTrim(line))
        if columns and columns[0] == "":
            columns.pop(0)
        if columns and columns[-1] == "":
            columns.pop()
        if len(columns) < len(cells):
            return None
        row = ["<tr>\n"]
        for opened, column in zip(cells, columns):
            text = mdTrim(column)
            html = rendered.get(text)
            if html is None:
                html = rendered[text] = inline(text)
            row.append(f"{opened}{html}</td>\n")
        row.append("</tr>\n")
        rows.append("".join(row))
    return rows
