"""An article, its metadata fields and how users name them (``--column``, ``--delimiter``, front matter)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from framing.errors import CorpusError

FIELDS = ("text", "outlet", "title", "date", "url", "id")


# Column names tried, in order, when the user names none (AllSides uses
# content_original and source).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content_original", "content", "body", "article", "full_text"),
    "outlet": ("outlet", "source", "publisher", "site", "media", "source_name"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pubdate", "date_publish"),
    "url": ("url", "link", "source_url_full"),
    "id": ("id", "ID", "article_id", "uuid"),
}


# --delimiter accepts these names besides a single character.
DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


@dataclass(frozen=True)
class Article:
    """One article with its metadata.

    ``outlet_inferred`` names the evidence when the outlet was not given by
    metadata but inferred from the text (a dateline, a URL); it is empty when
    the metadata said so.  ``extra`` holds any other manifest or record field
    (for ``--group-by``).
    """

    id: str
    text: str
    outlet: str = "unknown"
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    outlet_inferred: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


def parse_columns(pairs: Mapping[str, str] | None) -> dict[str, tuple[str, ...]]:
    """Merge user column names (``{"text": "content_original"}``) with the defaults."""
    aliases = dict(FIELD_ALIASES)
    for key, column in (pairs or {}).items():
        if key not in FIELDS:
            raise CorpusError(
                f"--column {key}={column}: unknown field {key!r} — use one of {', '.join(FIELDS)}"
            )
        aliases[key] = (column,)
    return aliases


def parse_delimiter(value: str | None) -> str | None:
    """The CSV delimiter for ``--delimiter``: one character, or tab, comma, semicolon, pipe by name.

    >>> parse_delimiter("tab"), parse_delimiter(";"), parse_delimiter(None)
    ('\\t', ';', None)
    """
    if not value:
        return None
    delimiter = DELIMITER_NAMES.get(value.lower(), value)
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise CorpusError(f"--delimiter {value!r}: not a delimiter — give one character, e.g. ';' or '|', or tab")
    return delimiter


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Split YAML-style front matter (``---`` … ``---``) of simple ``key: value`` lines.

    >>> split_front_matter("---\\noutlet: RT\\ntitle: A\\n---\\nBody")
    ('Body', {'outlet': 'RT', 'title': 'A'})
    """
    if not text.startswith("---"):
        return text, {}
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[i + 1:]), meta
        key, sep, value = line.partition(":")
        if not sep:
            return text, {}
        meta[key.strip().lower()] = _unquoted(value.strip())
    return text, {}


def _unquoted(value: str) -> str:
    """``value`` without one pair of enclosing quotes ("..." or '...'); other quotes are the value's own.

    >>> _unquoted('"A title"'), _unquoted("Lavrov calls sanctions 'illegal'")
    ('A title', "Lavrov calls sanctions 'illegal'")
    """
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
