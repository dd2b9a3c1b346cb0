"""Place each group on the two main axes of its articles' features, for the report's map.

Which features go in, and why: a feature enters the map when most articles
have it (``MIN_PRESENT``) and enough of them use it (``MIN_IN_USE``), so a
word that a handful of articles use (one pack's place-name spelling in a set
about US politics) cannot become an axis.  Each feature is standardised and
capped at ``MAX_Z`` standard deviations, so no single article pulls an axis
to itself.  The axes come from a principal component analysis of the
articles; each group is drawn at the mean of its articles, with a 95 %
interval of that mean.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from framing.compare.aggregate import feature_columns
from framing.features.base import split_feature_column

MIN_PRESENT = 0.5  # share of the mapped articles that must have a value
MIN_IN_USE = 0.1  # share of them whose value must be non-zero
MAX_Z = 3.0
MIN_SHOWN = 0.3  # below this share of the differences, the two axes together show too little
Z_95 = 1.96


@dataclass(frozen=True)
class GroupMap:
    """Where the groups sit: centres, 95 % half-widths (NaN for one article), and what the axes are."""

    centres: dict[str, tuple[float, float]]
    spreads: dict[str, tuple[float, float]]
    shares: tuple[float, float]  # each axis's share of the differences between articles
    expected: tuple[float, float]  # the share each would show if the features were unrelated (broken stick)
    features: tuple[str, str]  # the features that weigh most on each axis, with their signs
    n_features: int


def group_map(groups: Sequence[str], rows: Sequence[Mapping[str, Any]], features: Sequence[str]) -> GroupMap | None:
    """The map of ``groups`` from their articles' ``features``; None with fewer than 3 groups or articles.

    >>> rows = [{"group": g, "a": a, "b": b, "c": c} for g, a, b, c in [
    ...     ("RT", 1, 2, 0), ("RT", 2, 3, 1), ("TASS", 5, 1, 0), ("TASS", 6, 0, 1), ("BBC", 3, 9, 1)]]
    >>> found = group_map(["RT", "TASS", "BBC"], rows, ["a", "b", "c"])
    >>> found.n_features, sorted(found.centres)
    (3, ['BBC', 'RT', 'TASS'])
    """
    members = [r for r in rows if r["group"] in groups]
    if len(groups) < 3 or len(members) < 3:
        return None
    # A run's rows give their features as one array each (feature_columns), not cell by cell.
    matrix = np.ascontiguousarray(feature_columns(members, features).T)
    usable = mapped_features(matrix)
    if len(usable) < 2:
        return None
    scaled, loadings, ratios = _principal_components(_capped(matrix[:, usable]))
    # Linear algebra may differ in the last bits between runs (threaded BLAS):
    # round before anything is drawn, so chart files stay byte-identical.
    loadings = np.round(loadings, 9)
    # Fix the sign of each axis (its heaviest feature points right / up) so the map does not flip.
    strongest = np.abs(loadings).argmax(axis=1)
    axes = loadings * np.sign(loadings[np.arange(2), strongest])[:, None]
    projected = np.round((scaled - scaled.mean(axis=0)) @ axes.T, 6)
    names = [features[i] for i in usable]
    centres, spreads = {}, {}
    for group in groups:
        points = projected[[i for i, r in enumerate(members) if r["group"] == group]]
        if len(points):
            centres[group] = (float(points[:, 0].mean()), float(points[:, 1].mean()))
            spreads[group] = _interval(points)
    shares = (round(float(ratios[0]), 6), round(float(ratios[1]), 6))
    # Articles span at most (articles − 1) dimensions, whatever the number of features.
    dimensions = max(2, min(len(usable), len(members) - 1))
    return GroupMap(centres, spreads, shares, (broken_stick(1, dimensions), broken_stick(2, dimensions)),
                    (loading_label(axes[0], names), loading_label(axes[1], names)), len(usable))


def mapped_features(matrix: np.ndarray) -> list[int]:
    """Columns most rows have (``MIN_PRESENT``), enough use (``MIN_IN_USE``) and that vary.

    >>> mapped_features(np.array([[1.0, 0.0, np.nan, 2.0], [2.0, 0.0, np.nan, 2.0], [3.0, 4.0, 1.0, 2.0]]))
    [0, 1]
    >>> mapped_features(np.array([[0.0] * 9 + [5.0]]).T)  # used by 1 row in 10: in
    [0]
    """
    usable = []
    for i in range(matrix.shape[1]):
        column = matrix[:, i]
        present = column[np.isfinite(column)]
        if len(present) < 2 or len(present) < MIN_PRESENT * len(column):
            continue
        if np.count_nonzero(present) < MIN_IN_USE * len(present) or np.std(present) == 0:
            continue
        usable.append(i)
    return usable


def _capped(matrix: np.ndarray) -> np.ndarray:
    """Missing values set to the column mean; standardised; capped at ±``MAX_Z``."""
    means = np.nanmean(matrix, axis=0)
    filled = np.where(np.isfinite(matrix), matrix, means)
    spread = filled.std(axis=0)
    return np.clip((filled - filled.mean(axis=0)) / np.where(spread > 0, spread, 1.0), -MAX_Z, MAX_Z)


def _interval(points: np.ndarray) -> tuple[float, float]:
    if len(points) < 2:
        return (math.nan, math.nan)
    half = Z_95 * points.std(axis=0, ddof=1) / math.sqrt(len(points))
    return (round(float(half[0]), 6), round(float(half[1]), 6))


def broken_stick(axis: int, n_features: int) -> float:
    """The share of the variance the ``axis``-th component takes when the features are unrelated.

    The broken-stick expectation, (1/p) Σ_{i=axis..p} 1/i: an axis that explains
    no more than this shows nothing the noise would not.

    >>> round(broken_stick(1, 2), 3), round(broken_stick(2, 2), 3)
    (0.75, 0.25)
    """
    return sum(1 / i for i in range(axis, n_features + 1)) / n_features


def loading_label(component: np.ndarray, names: Sequence[str], top: int = 3) -> str:
    """The ``top`` features that weigh most on an axis, with the direction they pull.

    >>> loading_label(np.array([0.1, -0.8, 0.5]), ["sentiment__a", "loaded__hedges_per_1k", "readability__b"], 2)
    '−hedges per 1k (loaded), +b (readability)'
    """
    order = np.argsort(-np.abs(component), kind="stable")[:top]
    return ", ".join(f"{'+' if component[i] > 0 else '−'}{feature_label(names[i])}" for i in order)


def feature_label(name: str) -> str:
    """``lexicon__russia_ukraine_nato.crimea_2014.russia_per_1k`` → ``crimea 2014: russia per 1k (lexicon)``."""
    family, feature = split_feature_column(name)
    parts = feature.split(".")
    short = ": ".join(parts[-2:]) if len(parts) > 2 else parts[-1]
    return f"{short.replace('_', ' ')} ({family})"


def cell_number(value: Any) -> float:
    """A feature cell as a float; NaN when it is empty or not a number.

    >>> cell_number("2.5"), cell_number(""), cell_number("n/a")
    (2.5, nan, nan)
    """
    try:
        return float(value) if value not in (None, "") else math.nan
    except (TypeError, ValueError):
        return math.nan


def _principal_components(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardised ``matrix``, its first two principal axes and their shares of the variance.

    scikit-learn's ``StandardScaler`` and ``PCA`` (imported here, only when a
    map is drawn).  The axes' signs are arbitrary; the caller fixes them.

    >>> scaled, axes, shares = _principal_components(np.array([[1.0, 2.0], [2.0, 4.1], [3.0, 5.9]]))
    >>> np.round(np.abs(axes[0]), 3).tolist(), np.round(shares, 3).tolist()
    ([0.707, 0.707], [1.0, 0.0])
    """
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler

    scaled = StandardScaler().fit_transform(matrix)
    pca = PCA(n_components=2, svd_solver="full").fit(scaled)
    return scaled, pca.components_, pca.explained_variance_ratio_
