"""Make untrusted text safe in Markdown and HTML; turn names into safe file names.

Examples
--------
>>> md_escape("Moscow & NATO: &lt; [link](javascript:alert(1)) <script>")
'Moscow & NATO: &amp;lt; \\\\[link\\\\](javascript:alert(1)) &lt;script&gt;'
>>> safe_url("javascript:alert(1)"), safe_url("https://tass.com/politics/990329")
('', 'https://tass.com/politics/990329')
>>> slugify("The Moscow Times"), slugify("../../etc"), slugify("")
('the-moscow-times', 'etc', 'outlet')
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

# Characters that are markup anywhere in a line, "!" only before "[" (an image),
# and the ones that are markup only where a line or list item starts.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~]|!(?=\[))")
_MD_LEADING = re.compile(r"^([#+\-=])|^(\d+)([.)])")
# Only an ampersand that would start a character reference needs escaping.
_ENTITY = re.compile(r"&(?=#?\w+;)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """Text on one line, without control characters or bidirectional overrides."""
    return " ".join(_CONTROL.sub("", str(text)).split())


def md_escape(text: object) -> str:
    """Escape ``text`` for Markdown (and any HTML inside it): shown as text, never markup."""
    value = _ENTITY.sub("&amp;", plain(text)).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LEADING.sub(_escape_leading, _MD_SPECIAL.sub(r"\\\1", value))


def _escape_leading(match: re.Match) -> str:
    """``# x`` → ``\\# x``; ``1. x`` → ``1\\. x`` (CommonMark escapes the punctuation, not the digit)."""
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md_highlight(text: object, spans: list[list[int]], limit: int = 600) -> str:
    """``text`` escaped for Markdown with the character ``spans`` in bold, cut after ``limit`` characters.

    >>> print(md_highlight("The radical mob staged a *vile* stunt.", [[4, 11], [26, 30]]))
    The **radical** mob staged a \\***vile**\\* stunt.
    """
    value = str(text)
    cut = len(value)
    if cut > limit:
        space = value.rfind(" ", 0, limit + 1)
        cut = space if space > limit // 2 else limit
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position or end > cut:
            continue
        pieces += [_escape_piece(value[position:start]), f"**{md_escape(value[start:end])}**"]
        position = end
    pieces.append(_escape_piece(value[position:cut]))
    return "".join(pieces) + (" […]" if cut < len(value) else "")


def _escape_piece(piece: str) -> str:
    """:func:`md_escape` of a piece between highlights, keeping one space where it had space at an edge."""
    core = md_escape(piece)
    if not core:
        return " " if piece[:1].isspace() else ""
    return (" " if piece[:1].isspace() else "") + core + (" " if piece[-1:].isspace() else "")


def md_code(text: object) -> str:
    """Text for inside a Markdown code span (where escapes do not work): no backticks."""
    return plain(text).replace("`", "'")


def md_code_cell(text: object) -> str:
    """Text for a code span inside a table cell: :func:`md_code` with every ``|`` escaped.

    A table splits its cells at each unescaped ``|``, even inside a code span,
    so ``a|b`` would add a cell and push the rest of the row to the right.

    >>> md_code_cell("reuters|2019`04.txt")
    "reuters\\\\|2019'04.txt"
    """
    return md_code(text).replace("|", "\\|")


def safe_url(url: object) -> str:
    """``url`` if it is http(s) with a host, percent-encoding characters that break links; else ''."""
    value = plain(url)
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return quote(value, safe=":/?#@!$&'*+,;=%-._~")


def md_link(text: object, url: object) -> str:
    """A Markdown link when ``url`` is safe, else the escaped text alone."""
    target = safe_url(url)
    label = md_escape(text)
    return f"[{label}](<{target}>)" if target else label


def slugify(name: str, limit: int = 60) -> str:
    """A safe, readable file name for a group (ASCII, lower-case, hyphens)."""
    ascii_name = unicodedata.normalize("NFKD", plain(name)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:limit].strip("-")
    return slug or "outlet"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """A distinct slug per name, in order; ``index`` is reserved for the comparison page."""
    taken = {"index"}
    slugs = {}
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs
