"""Aggregate article features per outlet (or any group), with honest uncertainty.

Means come with a seeded bootstrap interval when a group has several
articles; a group of one article gets no interval.  Comparisons say when a
difference is smaller than its uncertainty.

Examples
--------
>>> est = bootstrap_mean([0.1, 0.2, 0.3, 0.4], key="demo")
>>> round(est.mean, 2), est.n, est.low < est.mean < est.high
(0.25, 4, True)
>>> bootstrap_mean([0.5], key="demo").has_interval
False
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

N_BOOTSTRAP = 2000
CONFIDENCE = 0.95
SEED = 2019
# Resampled values gathered at a time (see resampled_means): 256 kB of them, which stay in the CPU's cache.
RESAMPLED_VALUES = 32_768


@dataclass(frozen=True)
class Estimate:
    """A group mean with its bootstrap interval (NaN bounds for a single article)."""

    mean: float
    low: float
    high: float
    n: int

    @property
    def has_interval(self) -> bool:
        return self.n > 1 and not math.isnan(self.low)


def bootstrap_mean(values: Iterable[float], key: str = "", n_boot: int = N_BOOTSTRAP) -> Estimate:
    """Mean of the non-NaN ``values`` with a percentile bootstrap interval.

    ``key`` seeds the resampling (with a fixed base seed), so the same data
    always gives the same interval.
    """
    if isinstance(values, np.ndarray):
        data = values[~np.isnan(values)]  # a copy: contiguous, as the list below gives
    else:
        data = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    n = len(data)
    if n == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    mean = float(data.mean())
    if n == 1 or np.all(data == data[0]):
        return Estimate(mean, math.nan if n == 1 else mean, math.nan if n == 1 else mean, n)
    samples = resampled_means(data, np.random.default_rng([SEED, zlib.crc32(key.encode("utf-8"))]), n_boot)
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail])
    return Estimate(mean, float(low), float(high), n)


def resampled_means(data: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """The means of ``n_boot`` resamples of ``data`` (with replacement), drawn from ``rng``.

    The values are those of ``data[rng.integers(0, n, size=(n_boot, n))].mean(axis=1)``, bit for bit,
    at a quarter of the time and memory: the indices are drawn as 32-bit integers (numpy draws a
    range below 2**32 from the same 32-bit stream whatever the dtype, so they are the same numbers),
    and the resamples are gathered and averaged a few rows at a time, which keeps them in the CPU's
    cache (each row's mean is the same pairwise sum over one contiguous row either way).

    >>> data = np.array([1.0, 2.0, 4.0, 8.0])
    >>> fast = resampled_means(data, np.random.default_rng(7), 5)
    >>> whole = data[np.random.default_rng(7).integers(0, 4, size=(5, 4))].mean(axis=1)
    >>> bool((fast == whole).all())
    True
    """
    n = len(data)
    indices = rng.integers(0, n, size=(n_boot, n), dtype=np.int32 if n < 2**31 else np.int64)
    samples = np.empty(n_boot)
    rows = max(1, RESAMPLED_VALUES // n)
    for start in range(0, n_boot, rows):
        samples[start:start + rows] = data[indices[start:start + rows].astype(np.intp)].mean(axis=1)
    return samples


def group_order(rows: Sequence[Mapping[str, Any]], key: str = "group") -> list[str]:
    """Groups by number of articles (most first), then by name: the order of every chart and table."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row[key]] += 1
    return sorted(counts, key=lambda g: (-counts[g], g.casefold(), g))


def counted_rows(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows that count in the aggregates: not a same-outlet duplicate, and scored (English)."""
    return [row for row in rows if row.get("counted", "yes") == "yes" and row.get("language", "en") == "en"]


def aggregate(rows: Sequence[Mapping[str, Any]], features: Sequence[str],
              key: str = "group") -> dict[str, dict[str, Estimate]]:
    """Per group, per feature: the mean and its interval over the group's articles."""
    by_group: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_group[row[key]].append(row)
    table: dict[str, dict[str, Estimate]] = {}
    for group in group_order(rows, key):
        columns = feature_columns(by_group[group], features)
        table[group] = {
            feature: bootstrap_mean(column, key=f"{group}\x00{feature}")
            for feature, column in zip(features, columns)
        }
    return table


def feature_columns(rows: Sequence[Mapping[str, Any]], features: Sequence[str]) -> np.ndarray:
    """The rows' values of ``features`` as numbers, one row of the result per feature (NaN where empty).

    Rows that hold their features as one float array in this order (a run's
    rows, :class:`framing.run.runner.CompactRow`, through ``feature_array``)
    are copied whole; others are read cell by cell with :func:`as_float`.

    >>> feature_columns([{"a": "1", "b": ""}, {"a": 2.5, "b": "x"}], ["a", "b"]).tolist()
    [[1.0, 2.5], [nan, nan]]
    """
    names = tuple(features)
    arrays = [_feature_array(row, names) for row in rows]
    matrix = np.array(arrays, dtype=float).reshape(len(rows), len(names))
    return np.ascontiguousarray(matrix.T)


def _feature_array(row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    whole = getattr(row, "feature_array", None)
    found = whole(names) if whole is not None else None
    return found if found is not None else [as_float(row.get(name)) for name in names]


@dataclass(frozen=True)
class Contrast:
    """One group against all the others on one feature."""

    group: str
    feature: str
    value: Estimate
    others: float
    difference: float
    clear: bool  # the group's interval excludes the others' mean

    @property
    def direction(self) -> str:
        if math.isnan(self.difference) or self.difference == 0:
            return "level with"
        return "above" if self.difference > 0 else "below"


def contrast(table: Mapping[str, Mapping[str, Estimate]], group: str, feature: str) -> Contrast:
    """Compare ``group`` with the mean of every other group's articles on ``feature``.

    The others' mean comes from the groups' means and counts (a sum over
    articles), so comparing every group costs no pass over the rows.
    """
    total = sum(e[feature].mean * e[feature].n for e in table.values() if e[feature].n)
    count = sum(e[feature].n for e in table.values())
    value = table[group][feature]
    own = value.mean * value.n if value.n else 0.0
    other_mean = (total - own) / (count - value.n) if count - value.n > 0 else math.nan
    difference = value.mean - other_mean if not math.isnan(other_mean) else math.nan
    clear = value.has_interval and not math.isnan(other_mean) and not (value.low <= other_mean <= value.high)
    return Contrast(group, feature, value, other_mean, difference, clear)


def outlet_table_rows(table: Mapping[str, Mapping[str, Estimate]], features: Sequence[str],
                      sizes: Mapping[str, int]) -> list[dict[str, Any]]:
    """Rows of ``outlets.csv``: per group, its articles and each feature's mean, low and high."""
    rows = []
    for group, estimates in table.items():
        row: dict[str, Any] = {"group": group, "n_articles": sizes.get(group, 0)}
        for feature in features:
            e = estimates[feature]
            row[f"{feature}"] = e.mean
            row[f"{feature}__low"] = e.low
            row[f"{feature}__high"] = e.high
        rows.append(row)
    return rows


def as_float(value: Any) -> float:
    """A ``features.csv`` cell as a number; NaN when it is empty or not a number.

    >>> as_float("0.5"), as_float(""), as_float(None)
    (0.5, nan, nan)
    """
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
