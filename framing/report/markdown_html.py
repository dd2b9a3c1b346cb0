"""The Markdown pages' HTML made fit for the report's pages: heading ids and levels, tables, quotes, links.

Pure functions of HTML text as markdown-it-py renders the report's Markdown
(raw HTML disabled, so every tag in it is markdown-it's own); used by
:mod:`framing.report.html`.

Examples
--------
>>> wrap_tables(with_heading_ids(demote_headings("<h1>RT</h1><table></table>", 1), "rt"))
'<h2 id="rt-rt">RT</h2><div class="table-wrap" tabindex="0"><table></table></div>'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from html import escape, unescape
from typing import Any

from framing.report.markup import slugify

_TOC_HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)</h\1>', re.S)
_HEADING = re.compile(r"<h([1-6])(?: id=\"[^\"]*\")?>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
# A table cell of one token up to this long (a date, an article id, a count) is not wrapped.
MAX_NOWRAP = 24
_TOKEN = rf"[^<\s]{{1,{MAX_NOWRAP}}}"
_SHORT_CELL = re.compile(rf"<td>({_TOKEN}|<code>{_TOKEN}</code>|<a [^>]*><code>{_TOKEN}</code></a>)</td>")


def link_article_ids(html: str, href: Callable[[str, int | None], str]) -> str:
    """Each ``<code>`` holding an article id as a link to the article, and a "sentence N" after it to the sentence.

    ``href(id, None)`` is the article's address, ``href(id, i)`` its sentence ``i``'s (0-based); '' for
    text that is not an article id.

    >>> where = lambda i, n: "" if i != "rt&1" else "#a" if n is None else f"#a-{n}"
    >>> print(link_article_ids("<td><code>rt&amp;1</code></td>", where))
    <td><a href="#a"><code>rt&amp;1</code></a></td>
    >>> print(link_article_ids("(<code>rt&amp;1</code>, sentence 3) <code>x</code>", where))
    (<a href="#a"><code>rt&amp;1</code></a>, <a href="#a-2">sentence 3</a>) <code>x</code>
    """
    def link(match: re.Match) -> str:
        article_id = unescape(match.group(1))
        target = href(article_id, None)
        if not target:
            return match.group(0)
        linked = f'<a href="{escape_attribute(target)}"><code>{match.group(1)}</code></a>'
        if match.group(3):
            number = int(match.group(3))
            linked += f', <a href="{escape_attribute(href(article_id, number - 1))}">sentence {number}</a>'
        return linked

    return re.sub(r"<code>([^<]*)</code>(, sentence (\d+))?", link, html)


def split_quoted_lines(html: str) -> str:
    r"""Each line of a quoted block as its own paragraph (the Markdown quotes one example sentence a line).

    >>> split_quoted_lines("<blockquote>\n<p>One. (a)\nTwo. (b)</p>\n</blockquote>\n<p>x\ny</p>")
    '<blockquote>\n<p>One. (a)</p>\n<p>Two. (b)</p>\n</blockquote>\n<p>x\ny</p>'
    """
    def split(match: re.Match) -> str:
        return re.sub(r"(?<=[^>])\n(?=[^<])", "</p>\n<p>", match.group(0))

    return re.sub(r"<blockquote>.*?</blockquote>", split, html, flags=re.S)


def plain_text(html: str) -> str:
    """The text of an HTML fragment, tags dropped and entities decoded.

    >>> plain_text("<em>RT</em> &amp; TASS")
    'RT & TASS'
    """
    return unescape(_TAG.sub("", html)).strip()


def demote_headings(html: str, levels: int) -> str:
    """Every heading ``levels`` lower (``h1`` → ``h2``), for a page shown inside another one.

    >>> demote_headings("<h1>RT</h1><h2>Tone</h2>", 1)
    '<h2>RT</h2><h3>Tone</h3>'
    """
    if not levels:
        return html
    return re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + levels)}>", html)


def with_heading_ids(html: str, prefix: str, reserved: Collection[str] = ()) -> str:
    """Give every heading an id: ``prefix-`` and its text as a slug, numbered when repeated or ``reserved``.

    >>> with_heading_ids("<h2>Tone</h2><h3>Tone</h3>", "rt")
    '<h2 id="rt-tone">Tone</h2><h3 id="rt-tone-2">Tone</h3>'
    >>> with_heading_ids("<h2>Notes</h2><h2>RT</h2>", "", reserved={"rt"})
    '<h2 id="notes">Notes</h2><h2 id="rt-2">RT</h2>'
    """
    taken: set[str] = set(reserved)

    def add(match: re.Match) -> str:
        text = slugify(plain_text(match.group(2)), limit=40)
        base = f"{prefix}-{text}" if prefix else text
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        return f'<h{match.group(1)} id="{ident}">{match.group(2)}</h{match.group(1)}>'

    return _HEADING.sub(add, html)


def wrap_tables(html: str) -> str:
    r"""Each table in a box that scrolls sideways on a narrow screen (focusable, so keys scroll it too).

    Cells holding one short token (a date, an id, a number) are kept on one line.

    >>> print(wrap_tables("<table><tr><td>2019-04-15</td><td>NATO says so</td></tr></table>").replace("<tr>", "\n<tr>"))
    <div class="table-wrap" tabindex="0"><table>
    <tr><td class="nowrap">2019-04-15</td><td>NATO says so</td></tr></table></div>
    """
    html = _SHORT_CELL.sub(r'<td class="nowrap">\1</td>', html)
    return html.replace("<table>", '<div class="table-wrap" tabindex="0"><table>').replace(
        "</table>", "</table></div>")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to the first full stop followed by a space).

    >>> first_sentence("Share of each outlet's statements by side. More detail.")
    "Share of each outlet's statements by side."
    """
    match = re.search(r"\.(\s|$)", text)
    return text[: match.start() + 1] if match else text


def table_of_contents(html: str | Sequence[str]) -> list[dict[str, Any]]:
    """The page's ``h2`` headings, each with its ``h3`` headings (the ``h1`` is the page's title).

    ``html`` may be the page in pieces (each heading whole in one piece), read in order.

    >>> toc = table_of_contents('<h1 id="i">R</h1><h2 id="a">A</h2><h3 id="b">B &amp; C</h3>')
    >>> toc[0]["text"], toc[0]["children"]
    ('A', [{'id': 'b', 'text': 'B & C', 'children': []}])
    >>> [entry["children"][0]["id"] for entry in table_of_contents(['<h2 id="a">A</h2>', '<h3 id="b">B</h3>'])]
    ['b']
    """
    entries: list[dict[str, Any]] = []
    for piece in [html] if isinstance(html, str) else html:
        for match in _TOC_HEADING.finditer(piece):
            level, entry = int(match.group(1)), {"id": match.group(2), "text": plain_text(match.group(3)),
                                                 "children": []}
            if level == 3 and entries:
                entries[-1]["children"].append(entry)
            elif level == 2:
                entries.append(entry)
    return entries


def first_heading(html: str) -> str:
    """The text of the first heading of ``html`` ('' when it has none).

    >>> first_heading('<p>x</p><h1 id="t">Framing report: <em>5</em> articles</h1>')
    'Framing report: 5 articles'
    """
    match = _HEADING.search(html)
    return plain_text(match.group(2)) if match else ""


def escape_attribute(text: str) -> str:
    """``text`` for inside a double-quoted attribute."""
    return escape(text, quote=True)
