r"""Records of JSON, JSONL and CSV files, read as a stream: one broken record costs one record.

Examples
--------
>>> import io
>>> handle = io.StringIO('{"text": "a"}\n{broken\n{"text": "b"}\n')
>>> warnings = []
>>> [(line, record["text"]) for line, record in iter_records(handle, ".jsonl", "x.jsonl", warnings)]
[(1, 'a'), (3, 'b')]
>>> warnings
['x.jsonl line 2: not valid JSON (Expecting property name enclosed in double quotes) — fix or remove the line']
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from framing.corpus.decode import stream_encoding

MAX_FIELD = 64 * 1024 * 1024
# Delimiters a CSV file may use (comma, semicolon as Excel writes in much of
# Europe, tab, pipe), judged from its first SNIFF_CHARS characters.
DELIMITERS = ",;\t|"
SNIFF_CHARS = 8192
# Line numbers named in the one warning about rows with surplus cells.
SHOWN_LINES = 5


def open_text(file: Path) -> io.TextIOBase:
    """A streaming text handle (encoding from a BOM or the first 64 KB, bad bytes replaced), gzip or not."""
    opener = gzip.open if file.name.lower().endswith(".gz") else open
    with opener(file, "rb") as handle:
        encoding = stream_encoding(handle.read(65536))
    return opener(file, "rt", encoding=encoding, errors="replace", newline="")


def iter_records(handle: io.TextIOBase, suffix: str, label: str, warnings: list[str],
                 delimiter: str | None = None) -> Iterator[tuple[int, dict]]:
    """Yield ``(line, record)`` while reading; a broken record is skipped with a warning.

    Parameters
    ----------
    handle : text stream
        The open file (see :func:`open_text`).
    suffix : str
        ``.csv``, ``.json``, ``.jsonl`` or ``.ndjson``: how to read it.
    label : str
        The file's name in warnings.
    warnings : list of str
        Where problems are appended, one line each.
    delimiter : str, optional
        The CSV delimiter; by default sniffed from the first few KB.
    """
    if suffix == ".csv":
        yield from _iter_csv(handle, label, warnings, delimiter)
        return
    first = handle.read(1)
    skipped_lines = 0
    while first and first.isspace():
        skipped_lines += first == "\n"
        first = handle.read(1)
    lines: Iterator[str] = _prepend(first, handle)
    if suffix == ".json" and first and first in "[{":
        text = first + handle.read()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            if first == "[":
                warnings.append(f"{label} line {error.lineno + skipped_lines}: not valid JSON "
                                f"({error.msg}) — fix the file")
                return
            lines = iter(text.split("\n"))  # several objects, one per line
        else:
            items = data if isinstance(data, list) else [data]
            for number, item in enumerate(items, start=1):
                if isinstance(item, dict):
                    yield number, item
                else:
                    warnings.append(f"{label} item {number}: not a JSON object — skipped")
            return
    yield from _iter_json_lines(lines, 1 + skipped_lines, label, warnings)


def _iter_json_lines(lines: Iterator[str], start: int, label: str,
                     warnings: list[str]) -> Iterator[tuple[int, dict]]:
    """JSON Lines: one object a line, numbered from ``start``; a broken line costs one record."""
    for number, line in enumerate(lines, start=start):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            warnings.append(f"{label} line {number}: not valid JSON ({error.msg}) — fix or remove the line")
            continue
        if isinstance(item, dict):
            yield number, item
        else:
            warnings.append(f"{label} line {number}: not a JSON object — skipped")


def _iter_csv(handle: io.TextIOBase, label: str, warnings: list[str],
              delimiter: str | None) -> Iterator[tuple[int, dict]]:
    """The rows of a CSV file; rows with surplus cells are skipped, and many of them are one warning."""
    csv.field_size_limit(MAX_FIELD)
    lines, sample = _sampled_lines(handle)
    chosen = delimiter or sniff_delimiter(sample)
    reader = csv.DictReader(lines, delimiter=chosen)
    surplus: list[int] = []  # lines of rows with more cells than columns
    slot = len(warnings)
    try:
        for row in reader:
            if None in row:
                if not surplus:
                    slot = len(warnings)
                    warnings.append(f"{label} line {reader.line_num}: more cells than columns — skipped")
                surplus.append(reader.line_num)
                continue
            yield reader.line_num, row
    except csv.Error as error:
        warnings.append(f"{label} line {reader.line_num}: {error} — the rest of the file is skipped")
    if len(surplus) > 1:  # likely the wrong delimiter: one warning for all of them, not one per row
        warnings[slot] = _surplus_warning(label, surplus, reader.fieldnames or [], chosen)


def _surplus_warning(label: str, lines: list[int], header: list[str], delimiter: str) -> str:
    shown = ", ".join(str(line) for line in lines[:SHOWN_LINES]) + (", …" if len(lines) > SHOWN_LINES else "")
    others = [d for d in DELIMITERS if d != delimiter]
    likely = max(others, key=lambda d: sum(name.count(d) for name in header))
    return (f"{label}: {len(lines)} rows have more cells than the {len(header)} header column"
            f"{'s' if len(header) != 1 else ''} (lines {shown}) — skipped; if {delimiter!r} is not the "
            f"delimiter, name it with --delimiter, e.g. --delimiter {likely!r}")


def _sampled_lines(handle: io.TextIOBase) -> tuple[Iterator[str], str]:
    """The lines of ``handle`` and its first few KB (whole lines), read once."""
    sample = handle.read(SNIFF_CHARS)
    if sample and not sample.endswith(("\n", "\r")):
        sample += handle.readline()
    return itertools.chain(io.StringIO(sample, newline=""), handle), sample


def sniff_delimiter(sample: str) -> str:
    r"""The delimiter of a CSV file judged from its first lines: one of ``, ; tab |``, else a comma.

    The header line has the last word: a delimiter it does not contain is not the delimiter.

    >>> sniff_delimiter("outlet;text\nRT;The minister said, on Monday, that talks would go on.\n")
    ';'
    >>> sniff_delimiter('text,outlet\n"Talks; then more talks, said the minister.",RT\n')
    ','
    >>> sniff_delimiter("text\nOne column, no delimiter.\n")
    ','
    """
    header = sample.splitlines()[0] if sample else ""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ","
    if found in header:
        return found
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","


def _prepend(first: str, handle: io.TextIOBase) -> Iterator[str]:
    """The lines of ``handle`` with ``first`` (already read) put back in front."""
    lines = iter(handle)
    head = next(lines, "")
    yield first + head
    yield from lines
