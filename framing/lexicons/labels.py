"""The packs as the report names them: concept descriptions, side descriptions and concept kinds.

One load of the shipped packs and the user's files gives every label the
report and its charts need (:func:`pack_labels`).

Examples
--------
>>> labels = pack_labels()
>>> labels.concepts[("russia_ukraine_nato", "crimea_2014")]
"The change of Crimea's status in March 2014."
>>> labels.kinds[("russia_ukraine_nato", "place_name_spelling")]
'spelling'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.lexicons.packs import Pack, load_packs


@dataclass(frozen=True)
class PackLabels:
    """What the report says about the loaded packs.

    ``concepts`` and ``kinds`` are keyed by (pack, concept): the concept's
    description and its kind ("event" or "spelling"); ``sides`` maps each
    pack to its sides' descriptions; ``packs`` are the packs themselves, in
    load order (their topic gates, for the report's notes).
    """

    concepts: dict[tuple[str, str], str]
    sides: dict[str, dict[str, str]]
    kinds: dict[tuple[str, str], str]
    packs: tuple[Pack, ...] = ()


def pack_labels(extra_files: Sequence[str | Path] = ()) -> PackLabels:
    """The labels of the shipped packs and ``extra_files`` (the user's ``--lexicon`` files)."""
    concepts: dict[tuple[str, str], str] = {}
    kinds: dict[tuple[str, str], str] = {}
    sides: dict[str, dict[str, str]] = {}
    packs = tuple(load_packs(files=tuple(extra_files)))
    for pack in packs:
        sides[pack.name] = dict(pack.sides)
        for concept in pack.concepts:
            concepts[(pack.name, concept.id)] = concept.description
            kinds[(pack.name, concept.id)] = concept.kind
    return PackLabels(concepts, sides, kinds, packs)
