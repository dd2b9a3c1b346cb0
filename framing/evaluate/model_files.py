"""The model files the training scripts write: one JSON layout and one rounding of weights.

Every trained model ships as JSON under ``framing/data/``; writing them all
the same way (keys sorted, six decimals, characters as they are) is what lets
each script reproduce its file byte for byte.

Examples
--------
>>> sparse_weights(["b", "a", "c"], [0.25, -1.0000004, 1e-9])
{'a': -1.0, 'b': 0.25}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

DIGITS = 6


def sparse_weights(names: Iterable[Any], weights: Iterable[Any]) -> dict[str, float]:
    """The non-zero weights, rounded, by feature name in sorted order."""
    kept = {str(name): round(float(weight), DIGITS) for name, weight in zip(names, weights)}
    return {name: weight for name, weight in sorted(kept.items()) if weight != 0}


def write_model(path: str | Path, data: Mapping[str, Any]) -> None:
    """Write a model's JSON: one value per line, keys sorted, non-ASCII characters kept."""
    Path(path).write_text(json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
