"""Posts a page embeds (tweets) pasted as text: read as their author's quotation, not the outlet's words.

A scraped page keeps an embedded tweet as a line of plain text that ends with
the author's name, handle and date::

    Not a good look. #mepolitics https://t.co/dfvrPX8DTj — Topher Spiro (@TopherSpiro) September 11, 2018

Left as it is, the post reads as the outlet's own sentence: its tone counts as
the outlet's voice, its contested terms as the outlet's wording.  On the page
it is a block quote signed by its author, so cleaning gives it the marks the
page's layout gave it: the handle, the date and the post's own links are cut
(and logged), and the words are put in quotation marks signed with the
author's name, as a signed quotation is written in text::

    “Not a good look. #mepolitics” — Topher Spiro

Quotation marks inside the post become single marks, as in a quotation within
a quotation.  A post of a picture alone (nothing left once its link is cut)
is dropped.  The patterns are data: ``[[embed]]`` in
``framing/data/boilerplate.toml``.

Examples
--------
>>> from framing.document.clean import packaged_embed_rules
>>> rule = packaged_embed_rules()[0]
>>> found = quoted_post('Is this "news"? https://t.co/Ab1 — Jane Roe (@janeroe) May 2, 2019', rule)
>>> found.text, found.cut
('“Is this ‘news’?” — Jane Roe', ['https://t.co/Ab1', '(@janeroe) May 2, 2019'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.datafiles import line_of
from framing.errors import DataFileError

GROUPS = ("post", "author", "handle")
_STRAIGHT_QUOTED_RE = re.compile(r'"([^"\n]*)"')


@dataclass(frozen=True)
class EmbedRule:
    """How an embedded post's line is read: the whole-line ``pattern`` (groups ``post``, ``author``,
    ``handle`` and an optional ``label``) and the ``links`` cut from the post."""

    reason: str
    pattern: re.Pattern
    links: re.Pattern
    contains: str = ""


@dataclass(frozen=True)
class QuotedPost:
    """A line read as an embedded post: the line as kept (empty: dropped) and the pieces cut from it."""

    text: str
    cut: list[str]


def embed_rules(data: dict, text: str, label: str) -> tuple[EmbedRule, ...]:
    """The ``[[embed]]`` rules of a parsed boilerplate file (its ``data``, ``text`` and ``label``), compiled."""
    return tuple(_rule(entry, number, text, label) for number, entry in enumerate(data.get("embed", []), start=1))


def _rule(entry: dict, number: int, text: str, label: str) -> EmbedRule:
    reason, pattern, links = entry.get("reason"), entry.get("pattern"), entry.get("links", r"(?!)")
    where = f"{label}, line {line_of(text, str(pattern)[:30]) if pattern else 0}: embed {number}"
    if not isinstance(reason, str) or not isinstance(pattern, str) or not isinstance(links, str):
        raise DataFileError(f"{where} needs a reason, a pattern and links — add them to the [[embed]]")
    try:
        compiled, compiled_links = re.compile(pattern), re.compile(links)
    except re.error as error:
        raise DataFileError(f"{where}: bad pattern ({error}) — fix the regular expression") from None
    missing = [g for g in GROUPS if g not in compiled.groupindex]
    if missing:
        raise DataFileError(f"{where}: the pattern needs the groups {', '.join(GROUPS)} "
                            f"(missing: {', '.join(missing)}) — name them with (?P<name>...)")
    return EmbedRule(reason, compiled, compiled_links, entry.get("contains", ""))


def quoted_post(line: str, rule: EmbedRule) -> QuotedPost | None:
    """``line`` as its author's signed quotation, or None when it is no embedded post.

    >>> from framing.document.clean import packaged_embed_rules
    >>> rule = packaged_embed_rules()[0]
    >>> quoted_post("pic.twitter.com/x1 — Ann Lee (@annlee) June 1, 2020", rule).text
    ''
    >>> quoted_post("He wrote to Ann Lee (@annlee) on June 1, 2020.", rule) is None
    True
    """
    if rule.contains and rule.contains not in line:
        return None
    found = rule.pattern.fullmatch(line.strip())
    if found is None:
        return None
    post = found.group("post")
    cut = [link.strip() for link in rule.links.findall(post)]
    post = " ".join(rule.links.sub(" ", post).split())
    cut += [found.group(g).strip() for g in ("label", "handle") if g in found.groupdict() and found.group(g)]
    if not post:
        return QuotedPost("", [*cut, found.group("author").strip()])
    return QuotedPost(f"“{_inner_marks(post)}” — {found.group('author').strip()}", cut)


def _inner_marks(post: str) -> str:
    """The post's own quotation marks as single marks, for a quotation inside a quotation.

    >>> _inner_marks('They said “no” and "never".')
    'They said ‘no’ and ‘never’.'
    """
    post = post.replace("“", "‘").replace("”", "’")
    post = _STRAIGHT_QUOTED_RE.sub(r"‘\1’", post)
    return post.replace('"', "’")
