"""Read one article's evidence back from ``evidence.jsonl`` without holding the file in memory.

A run writes each article's records as one block of lines, so an index of
where each wanted article's block is (byte ranges, found with one pass that
parses no JSON) lets the HTML report read the records of one article at a
time: memory then grows with the one article being annotated, not with the
articles shown.

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> lines = [{"detail": {"text": '", "id": "b'}, "end": 1, "family": "lexicon", "id": "a", "kind": "k"},
...          {"end": 2, "family": "sentiment", "id": "b", "kind": "k"}]
>>> path = Path(tempfile.mkdtemp()) / "evidence.jsonl"
>>> _ = path.write_text("".join(json.dumps(r, sort_keys=True) + "\\n" for r in lines), encoding="utf-8")
>>> index = EvidenceIndex.of(path, {"a", "b"})
>>> [r["family"] for r in index.records("a")], [r["end"] for r in index.records("b")], index.records("c")
(['lexicon'], [2], [])
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The article id of a line as ``json_line`` writes it (keys sorted: ``"family"`` then ``"id"``).  Inside a
# JSON string every quotation mark is escaped, so this pattern can only match the record's own keys.
_ID = re.compile(rb'"family": "[a-z_]+", "id": ("(?:[^"\\]|\\.)*")')


@dataclass
class EvidenceIndex:
    """The byte ranges of the wanted articles' records in an ``evidence.jsonl`` file."""

    path: Path
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, path: Path, wanted: Collection[str]) -> EvidenceIndex:
        """Index the records of the articles in ``wanted`` (none when the file does not exist)."""
        index = cls(path)
        if not path.is_file():
            return index
        wanted = set(wanted)
        at = 0
        with open(path, "rb") as handle:
            for line in handle:
                match = _ID.search(line)
                article = json.loads(match.group(1)) if match else None
                if article in wanted:
                    index._add(article, at, at + len(line))
                at += len(line)
        return index

    @classmethod
    def of_ranges(cls, path: Path, ranges: Mapping[str, tuple[int, int]], wanted: Collection[str]) -> EvidenceIndex:
        """The index of the articles in ``wanted`` from the byte ranges the run noted as it wrote the file
        (:attr:`framing.run.runner.RunResult.evidence_ranges`), without reading it."""
        return cls(path, {article: [ranges[article]] for article in wanted if article in ranges})

    def _add(self, article: str, start: int, end: int) -> None:
        blocks = self.ranges.setdefault(article, [])
        if blocks and blocks[-1][1] == start:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))

    def first_byte(self, article: str) -> int:
        """Where the article's first record is in the file (its place in the run's order)."""
        blocks = self.ranges.get(article)
        return blocks[0][0] if blocks else -1

    def records(self, article: str) -> list[dict[str, Any]]:
        """The article's records, in the file's order."""
        found: list[dict[str, Any]] = []
        blocks = self.ranges.get(article, ())
        if not blocks:
            return found
        with open(self.path, "rb") as handle:
            for start, end in blocks:
                handle.seek(start)
                found.extend(json.loads(line) for line in handle.read(end - start).splitlines() if line.strip())
        return found
