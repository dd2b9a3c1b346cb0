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
# Resample counts held at a time (see resampled_means): 512 kB of them, whatever the number of articles.
RESAMPLED_COUNTS = 1 << 16


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
    estimate = _without_resampling(data)
    if estimate is not None:
        return estimate
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode("utf-8"))])
    low, high = _percentile_interval(resampled_means(data[np.newaxis, :], rng, n_boot))
    return Estimate(float(data.mean()), float(low[0]), float(high[0]), len(data))


def group_estimates(columns: np.ndarray, features: Sequence[str], group: str = "",
                    n_boot: int = N_BOOTSTRAP) -> dict[str, Estimate]:
    """Per feature (one row of ``columns`` each, NaN where an article has no value): its mean and interval.

    A paired bootstrap: the features that have values for the same articles
    share their resamples (one draw of articles, every such feature averaged
    over it), so each feature's percentile interval is a bootstrap interval
    of its own mean, drawn as :func:`bootstrap_mean` draws it, while the
    resampling is done once per set of articles instead of once per feature.
    The draws are seeded by ``group`` and by which articles have values.

    >>> columns = np.array([[1.0, 2.0, 4.0, 8.0], [2.0, 4.0, 8.0, 16.0], [3.0, np.nan, 3.0, np.nan]])
    >>> found = group_estimates(columns, ["x", "twice_x", "y"], group="demo")
    >>> found["twice_x"].low == 2 * found["x"].low, found["twice_x"].high == 2 * found["x"].high
    (True, True)
    >>> found["y"].n, found["y"].low, found["y"].high
    (2, 3.0, 3.0)
    """
    valid = ~np.isnan(columns)
    n_values = valid.sum(axis=1)
    # Rows with every value: their means at once (each row's mean is the same pairwise sum as alone).
    means = np.full(len(features), math.nan)
    complete = n_values == columns.shape[1]
    means[complete] = columns[complete].mean(axis=1)
    lowest, highest = np.fmin.reduce(columns, axis=1), np.fmax.reduce(columns, axis=1)  # NaN aside
    estimates: dict[str, Estimate] = {}
    shared: dict[bytes, list[int]] = {}  # the features to resample, by the articles that have their values
    for position, feature in enumerate(features):
        if n_values[position] > 1 and lowest[position] < highest[position]:
            shared.setdefault(np.packbits(valid[position]).tobytes(), []).append(position)
            estimates[feature] = None  # for now: keeps the features' order
        else:
            estimates[feature] = _without_resampling(columns[position][valid[position]])
    seed = zlib.crc32(group.encode("utf-8"))
    for articles, positions in shared.items():
        data = columns[np.ix_(positions, valid[positions[0]])]
        rng = np.random.default_rng([SEED, seed, zlib.crc32(articles)])
        lows, highs = _percentile_interval(resampled_means(data, rng, n_boot))
        for row, (position, low, high) in enumerate(zip(positions, lows.tolist(), highs.tolist())):
            mean = means[position] if complete[position] else data[row].mean()
            estimates[features[position]] = Estimate(float(mean), low, high, data.shape[1])
    return estimates


def _without_resampling(data: np.ndarray) -> Estimate | None:
    """The estimate of values that need no resampling (none, one, or all equal); None for others."""
    n = len(data)
    if n == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    if n == 1:
        return Estimate(float(data.mean()), math.nan, math.nan, 1)
    if np.all(data == data[0]):
        mean = float(data.mean())
        return Estimate(mean, mean, mean, n)
    return None


def _percentile_interval(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column of resampled means, the low and high ends of the percentile interval."""
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail], axis=0)
    return low, high


def resampled_means(data: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Each row of ``data`` averaged over ``n_boot`` resamples of its columns, drawn from ``rng``.

    ``data`` holds one row per feature and one column per article; a
    resample draws as many articles as there are, with replacement, and is
    the same for every row.  The result has one row per resample and one
    column per row of ``data``.  A resample is kept as how often it drew
    each article, so averaging every feature over it is one matrix product;
    resamples are drawn ``RESAMPLED_COUNTS // n`` at a time, so memory stays
    bounded however many articles there are.

    >>> data = np.array([[1.0, 2.0, 4.0, 8.0]])
    >>> means = resampled_means(data, np.random.default_rng(7), 5)
    >>> drawn = np.random.default_rng(7).integers(0, 4, size=(5, 4))
    >>> bool(np.allclose(means[:, 0], data[0][drawn].mean(axis=1)))
    True
    """
    n = data.shape[1]
    samples = np.empty((n_boot, data.shape[0]))
    rows = max(1, RESAMPLED_COUNTS // n)
    values = np.ascontiguousarray(data.T)
    for start in range(0, n_boot, rows):
        stop = min(n_boot, start + rows)
        drawn = rng.integers(0, n, size=(stop - start, n)) + (np.arange(stop - start) * n)[:, np.newaxis]
        counts = np.bincount(drawn.ravel(), minlength=(stop - start) * n).reshape(stop - start, n).astype(float)
        # numpy's own loop, not BLAS, whose kernels and threads vary from machine to machine (and whose
        # threads spin against the workers of a busy one): the same sums in the same order everywhere.
        samples[start:stop] = np.einsum("ij,jk->ik", counts, values) / n
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
        table[group] = group_estimates(feature_columns(by_group[group], features), features, group)
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
