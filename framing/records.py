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
import json
from collections.abc import Iterator
from pathlib import Path

from framing.decode import stream_encoding

MAX_FIELD = 64 * 1024 * 1024


def open_text(file: Path) -> io.TextIOBase:
    """A streaming text handle (encoding from a BOM or the first 64 KB, bad bytes replaced), gzip or not."""
    opener = gzip.open if file.name.lower().endswith(".gz") else open
    with opener(file, "rb") as handle:
        encoding = stream_encoding(handle.read(65536))
    return opener(file, "rt", encoding=encoding, errors="replace", newline="")


def iter_records(handle: io.TextIOBase, suffix: str, label: str,
                  warnings: list[str]) -> Iterator[tuple[int, dict]]:
    """Yield ``(line, record)`` while reading; a broken record is skipped with a warning."""
    if suffix == ".csv":
        csv.field_size_limit(MAX_FIELD)
        reader = csv.DictReader(handle)
        try:
            for row in reader:
                if None in row:
                    warnings.append(f"{label} line {reader.line_num}: more cells than columns — skipped")
                    continue
                yield reader.line_num, row
        except csv.Error as error:
            warnings.append(f"{label} line {reader.line_num}: {error} — the rest of the file is skipped")
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
    for number, line in enumerate(lines, start=1 + skipped_lines):
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


def _prepend(first: str, handle: io.TextIOBase) -> Iterator[str]:
    """The lines of ``handle`` with ``first`` (already read) put back in front."""
    lines = iter(handle)
    head = next(lines, "")
    yield first + head
    yield from lines
