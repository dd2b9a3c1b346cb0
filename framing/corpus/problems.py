"""What the reader tells users about input it cannot use: one line each, what is wrong and how to fix it.

Unsupported files by type, a missing text column with the keys a file does
have, a ``--group-by`` column that no article has, a file whose extractor failed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from framing.errors import CorpusError

READABLE = ".txt, .md, .html, .json, .jsonl or .csv"
# What to do with files framing cannot read, by suffix: (what they are, the fix).
UNSUPPORTED_HINTS: dict[str, tuple[str, str]] = {
    ".pdf": ("PDF", "convert {them} to .txt or .html"),
    ".doc": ("Word", "save {them} as .txt or .html"),
    ".docx": ("Word", "save {them} as .txt or .html"),
    ".odt": ("OpenDocument text", "save {them} as .txt or .html"),
    ".rtf": ("RTF", "save {them} as .txt or .html"),
    ".xls": ("Excel", "save the sheets as .csv"),
    ".xlsx": ("Excel", "save the sheets as .csv"),
    ".ods": ("OpenDocument spreadsheet", "save the sheets as .csv"),
}


# Metadata fields every article has, so --group-by accepts them always.
GROUP_FIELDS = ("outlet", "date", "title", "url")


# Articles with metadata looked at before --group-by gives up on a column.
GROUP_SAMPLE = 50


# Records of a file whose keys are kept to explain a missing text key.
KEY_SAMPLE = 50


# Column names listed in one message at most.
MAX_LISTED = 20


# A value this long is article text, not a name or a date.
TEXT_LIKE_CHARS = 40


class KeyTally:
    """The keys of a record file's first records, with their longest text, to explain a missing key.

    >>> keys = KeyTally(["site"])
    >>> keys.add({"Story": "The minister said on Monday that the talks would go on.", "Site": "RT"})
    >>> keys.names(), keys.likely_text(), sorted(keys.missing)
    ('Story, Site', 'Story', ['site'])
    """

    def __init__(self, named: Iterable[str] = ()) -> None:
        self.longest: dict[str, int] = {}
        self.n_records = 0
        self.missing = set(named)  # the --column names no record had so far

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one record; only the first KEY_SAMPLE records' keys are kept."""
        self.n_records += 1
        if self.missing:
            self.missing.difference_update(record.keys())
        if self.n_records > KEY_SAMPLE:
            return
        for key, value in record.items():
            if isinstance(key, str):
                size = len(value) if isinstance(value, str) else 0
                self.longest[key] = max(self.longest.get(key, 0), size)

    def names(self, limit: int = MAX_LISTED) -> str:
        """The keys, in file order, at most ``limit`` of them."""
        names = list(self.longest)
        more = f" and {len(names) - limit} more" if len(names) > limit else ""
        return (", ".join(names[:limit]) or "none") + more

    def likely_text(self) -> str | None:
        """The key with the longest values, if they are long enough to be article text."""
        best = max(self.longest, key=self.longest.__getitem__, default=None)
        return best if best is not None and self.longest[best] >= TEXT_LIKE_CHARS else None


def check_group_column(reader: Any, column: str) -> None:
    """Raise :class:`CorpusError` unless ``column`` can group the articles of ``reader``.

    A metadata field (outlet, date, title, url) always can; any other name must
    be a manifest column or a key of the first articles that carry metadata.

    Parameters
    ----------
    reader : CorpusReader
        The article set; read only until an article with metadata answers.
    column : str
        The ``--group-by`` value.

    Raises
    ------
    CorpusError
        Naming the columns that exist, e.g. ``--group-by bias: no article has
        a column 'bias' — use outlet, date, title, url or bias_text (did you mean bias_text?)``.
    """
    if column in GROUP_FIELDS:
        return
    found: set[str] = set()
    for row in reader.manifest.values():
        found.update(row)
    if column in found:
        return
    articles = iter(reader)
    read = with_metadata = 0
    try:
        for article in articles:
            read += 1
            if column in article.extra:
                return
            found.update(article.extra)
            with_metadata += bool(article.extra)
            if with_metadata >= GROUP_SAMPLE:
                break
    finally:
        articles.close()
    if read:  # with no article at all, the run itself says why
        raise CorpusError(_group_column_error(column, found))


def _group_column_error(column: str, found: set[str]) -> str:
    choices = [*GROUP_FIELDS, *sorted(found - set(GROUP_FIELDS))]
    close = difflib.get_close_matches(column, choices, n=1, cutoff=0.6) or [
        name for name in choices if name.lower() == column.lower()]
    hint = f" (did you mean {close[0]}?)" if close else ""
    shown = choices
    if len(choices) > MAX_LISTED:
        shown = [*choices[:MAX_LISTED - 1], f"{len(choices) - MAX_LISTED + 1} more"]
    return (f"--group-by {column}: no article has a column {column!r} — use "
            f"{', '.join(shown[:-1])} or {shown[-1]}{hint}")


def unsupported_warnings(counts: Mapping[str, int]) -> list[str]:
    """One warning per type of file that was found but cannot be read, with how to make it readable.

    >>> unsupported_warnings({".pdf": 3})
    ['3 .pdf files were found and skipped: PDF is not supported — convert them to .txt or .html']
    """
    warnings = []
    for suffix, n in sorted(counts.items()):
        them, were = ("them", "were") if n != 1 else ("it", "was")
        if not suffix:
            warnings.append(f"{file_count(suffix, n)} {were} found and skipped — "
                            f"add .txt to the names of plain-text articles")
            continue
        kind, fix = UNSUPPORTED_HINTS.get(suffix, (suffix[1:].upper(), f"framing reads {READABLE} files"))
        warnings.append(f"{file_count(suffix, n)} {were} found and skipped: {kind} is not supported — "
                        + fix.format(them=them))
    return warnings


def most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def file_count(suffix: str, n: int) -> str:
    files = "file" if n == 1 else "files"
    return f"{n} {suffix} {files}" if suffix else f"{n} {files} without an extension"


def listing(labels: list[str]) -> str:
    """``a.html``, ``a.html and b.html`` or ``a.html, b.html and 3 more files``."""
    if len(labels) <= 2:
        return " and ".join(labels)
    more = len(labels) - 2
    return f"{labels[0]}, {labels[1]} and {more} more file{'s' if more != 1 else ''}"


def first_line(error: BaseException) -> str:
    text = str(error).strip().split("\n")[0].rstrip(".") or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def install_hint(error: ImportError) -> str:
    """The pip command that brings back the module an ImportError misses."""
    if "lxml_html_clean" in str(error) or (error.name or "").startswith("lxml.html.clean"):
        return "pip install lxml_html_clean"  # lxml 5.2 moved its HTML cleaner out; trafilatura needs it
    module = (error.name or "").split(".")[0]
    return f"pip install {module}" if module else "reinstall framing: pip install --force-reinstall framing"


def failure_warning(label: str, error: Exception, read: int) -> str:
    reason = f"{type(error).__name__}: {first_line(error)}"
    if read:
        return (f"{label}: reading stopped after {read} article{'s' if read != 1 else ''} ({reason}) — "
                "the rest of the file is skipped; check the file")
    return f"{label}: skipped — it could not be read ({reason}); check the file or remove it"
