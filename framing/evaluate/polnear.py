"""Read PolNeAR (brat standoff): texts and their attribution relations.

Layout of a split folder: ``text/<name>.txt`` and
``attributions/<name>_<annotator>.ann``.  A text annotated by several people
is read with the annotation file that sorts first, so every text counts once.

Examples
--------
>>> relations = parse_ann("T1\\tSource 0 5\\tFlynn\\nT2\\tCue 6 10\\tsays\\n"
...                       "T3\\tContent 11 20;25 30\\tTrump was\\nT4\\tAttribution 6 10\\tsays\\n"
...                       "E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n")
>>> relations[0].contents, relations[0].sources, relations[0].cues
(((11, 20), (25, 30)), ((0, 5),), ((6, 10),))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from framing.errors import EvaluationError

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution relation (spans are character offsets into the text)."""

    contents: tuple[Span, ...]
    sources: tuple[Span, ...]
    cues: tuple[Span, ...]


@dataclass(frozen=True)
class PolnearDocument:
    """A PolNeAR text with its gold attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> tuple[Span, ...]:
    out = []
    for part in field.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(text: str) -> list[GoldAttribution]:
    """The attribution relations of one ``.ann`` file (relations without content are skipped)."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            if offsets:
                spans[parts[0]] = _spans(offsets)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(parts[1].split())
    out = []
    for args in relations:
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in roles and ref in spans:
                roles[role].extend(spans[ref])
        if roles["Content"]:
            out.append(
                GoldAttribution(
                    tuple(sorted(roles["Content"])),
                    tuple(sorted(roles["Source"])),
                    tuple(sorted(roles["Cue"])),
                )
            )
    return out


def split_folder(root: str | Path, split: str) -> Path:
    """The folder of ``split`` under ``root``; a missing one raises :class:`EvaluationError`."""
    folder = Path(root) / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise EvaluationError(
            f"{folder}: no PolNeAR '{split}' split here (expected text/ and attributions/) — "
            "pass --polnear the folder that holds train/ and dev/, e.g. ../shared/eval/polnear"
        )
    return folder


def read_split(root: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[PolnearDocument]:
    """The documents of one split, in name order (at most ``limit`` of them)."""
    folder = split_folder(root, split)
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, ann)
    count = 0
    for name, ann in sorted(annotations.items()):
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield PolnearDocument(name, text, tuple(parse_ann(ann.read_text(encoding="utf-8"))))
        count += 1
        if limit is not None and count >= limit:
            return
