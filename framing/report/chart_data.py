"""Prepare each chart's data from the run and draw it with :mod:`framing.report.charts`.

Charts show at most ``MAX_CHART_GROUPS`` groups (those with most articles);
the tables in the report list every group.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from framing.compare.findings import side_label
from framing.compare.summaries import GroupEvidence
from framing.features.base import feature_column, per_thousand_words, split_feature_column
from framing.features.sentiment.targets import load_targets
from framing.report import charts

# Columns of tone toward each actor: sentiment__tone_toward_<actor>.
TONE_TOWARD = feature_column("sentiment", "tone_toward_")

MAX_TERM_ROWS = 24


def draw_charts(folder: Path, rows: Sequence[Mapping[str, Any]], order: Sequence[str], table: Mapping[str, Any],
                evidence: Mapping[str, GroupEvidence], run: Any) -> list[dict[str, str]]:
    """Draw every chart that has data; return ``[{name, title, file, caption}]`` in report order."""
    shown = list(order[: charts.MAX_CHART_GROUPS])
    made: list[dict[str, str]] = []

    def keep(name: str, figure: Any, title: str, caption: str) -> None:
        if figure is None:
            return
        charts.save(figure, folder, name)
        made.append({"name": name, "title": title, "file": f"charts/{name}.png", "svg": f"charts/{name}.svg",
                     "caption": caption})

    if not shown:
        return made
    keep("contested_terms", _terms(shown, evidence, rows), "Contested terms by outlet",
         "Each row is one wording of a contested concept, with the side whose term it is in brackets; "
         "each cell is how often the outlet uses it per 1,000 words (any voice).")
    keep("voices", _voices(shown, evidence), "Who speaks, by side",
         "Share of each outlet's attributed statements (direct and indirect) by the speaker's side.")
    keep("verb_classes", _verb_classes(shown, evidence), "How speakers are introduced, by side",
         "For each outlet's two most quoted sides, the share of their attributions by class of reporting verb: "
         "neutral (said), emphatic (warned), distancing (claimed), endorsing (noted), belief (thinks), "
         "stance (rejected).")
    keep("sentence_tone", _tone(shown, run), "Sentence tone by outlet",
         "Every sentence's VADER compound score (−1 most negative, +1 most positive); the box spans the middle "
         "half of the sentences, the line is the median.")
    keep("target_tone", _target_tone(shown, table, run.feature_names, target_names()), "Tone toward each actor",
         "Mean tone of the sentences that mention each actor, directed at that actor (−1 to +1), with a 95 % "
         "bootstrap interval; a hollow mark is a single article (no interval).")
    keep("readability", _readability(shown, rows), "Readability by outlet",
         "Flesch–Kincaid grade of each article (US school grade needed to follow the text); higher is harder.")
    keep("outlet_map", _outlet_map(shown, rows, run.feature_names), "Map of outlets",
         "Outlets placed by all standardised features at once (principal component analysis); outlets close "
         "together frame the story alike on the measured features. The axis labels name the features that "
         "weigh most on each axis.")
    return made


def _terms(groups: Sequence[str], evidence: Mapping[str, GroupEvidence], rows: Sequence[Mapping[str, Any]]) -> Any:
    n_words = feature_column("readability", "n_words")
    words = {g: sum(_float(r.get(n_words)) or 0.0 for r in rows if r["group"] == g) for g in groups}
    totals: dict[tuple[str, str], float] = {}
    sides: dict[str, str] = {}
    for group in groups:
        ev = evidence.get(group)
        if ev is None:
            continue
        for use in ev.terms.values():
            label = f"{use.concept.replace('_', ' ')}: {use.variant}"
            sides[label] = use.side
            if words[group]:
                totals[(label, group)] = totals.get((label, group), 0.0) + per_thousand_words(use.total, words[group])
    if not sides:
        return None
    usage = {label: sum(v for (lab, _), v in totals.items() if lab == label) for label in sides}
    labels = sorted(sides, key=lambda lab: (lab.split(":")[0], -usage[lab], lab))[:MAX_TERM_ROWS]
    return charts.contested_terms_chart([(label, sides[label]) for label in labels], groups, totals,
                                        "Contested terms: who uses which wording")


VERB_CLASS_ORDER = ("neutral", "emphatic", "distancing", "endorsing", "belief", "stance")
SIDES_PER_OUTLET = 2


def _voices(groups: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> Any:
    bars = []
    for group in groups:
        ev = evidence.get(group)
        if ev is not None and ev.side_kinds:
            counts: Counter = Counter()
            for (side, _), n in ev.side_kinds.items():
                counts[side_label(side)] += n
            bars.append((group, counts))
    return _stacked(bars, lambda category, totals: (-totals[category], category), "Voices by speaker side",
                    "share of attributed statements (%)")


def _verb_classes(groups: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> Any:
    """One bar per outlet and speaker side (its two most quoted sides): who "said", who "claimed"."""
    bars = []
    for group in groups:
        ev = evidence.get(group)
        if ev is None or not ev.side_verbs:
            continue
        by_side: dict[str, Counter] = {}
        for (side, verb_class), n in ev.side_verbs.items():
            by_side.setdefault(side, Counter())[verb_class] += n
        ranked = sorted(by_side, key=lambda side: (-sum(by_side[side].values()), side))
        bars.extend((f"{group} · {side_label(side)}", by_side[side]) for side in ranked[:SIDES_PER_OUTLET])

    def order(category: str, totals: Counter) -> tuple:
        return (VERB_CLASS_ORDER.index(category) if category in VERB_CLASS_ORDER else len(VERB_CLASS_ORDER), category)

    return _stacked(bars, order, "Reporting verbs by speaker side", "share of the side's attributions (%)")


def _stacked(bars: Sequence[tuple[str, Counter]], order: Any, title: str, xlabel: str) -> Any:
    """A stacked-shares chart from ``(bar label, counts per category)``; None without data."""
    if not bars:
        return None
    totals: Counter = Counter()
    shares = {}
    for label, counts in bars:
        total = sum(counts.values())
        for category, n in counts.items():
            totals[category] += n
            shares[(label, category)] = n / total
    categories = sorted(totals, key=lambda category: order(category, totals))
    return charts.stacked_shares_chart([label for label, _ in bars], categories, shares, title, xlabel)


def _tone(groups: Sequence[str], run: Any) -> Any:
    samples = getattr(run, "samples", {}) or {}
    values = {g: samples.get(g, {}).get(feature_column("sentiment", "sentence_compound"), []) for g in groups}
    if not any(values.values()):
        return None
    return charts.distribution_chart(groups, values, "Tone of every sentence, by outlet",
                                     "VADER compound score per sentence (−1 to +1)", reference=0.0)


@lru_cache(maxsize=1)
def target_names() -> dict[str, str]:
    """Display names of the tone targets by feature key (``nato`` → ``NATO``)."""
    return {target.key: target.name for target in load_targets()}


def _target_tone(groups: Sequence[str], table: Mapping[str, Any], features: Sequence[str],
                 names: Mapping[str, str]) -> Any:
    columns = [f for f in features if f.startswith(TONE_TOWARD)]
    panels = []
    for column in columns:
        estimates = {g: (table[g][column].mean, table[g][column].low, table[g][column].high) for g in groups
                     if table[g][column].n}
        if len(estimates) >= 1:
            key = column.removeprefix(TONE_TOWARD)
            panels.append((names.get(key, key.replace("_", " ")), estimates))
    panels = sorted(panels, key=lambda p: (-len(p[1]), p[0]))[:5]
    if not panels:
        return None
    return charts.estimates_chart(groups, panels, "Tone toward each actor, by outlet",
                                  "tone toward the actor (−1 to +1)", reference=0.0, limits=(-1.0, 1.0))


def _readability(groups: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> Any:
    column = feature_column("readability", "flesch_kincaid_grade")
    values = {g: [_float(r.get(column)) for r in rows if r["group"] == g] for g in groups}
    values = {g: [v for v in vs if not math.isnan(v)] for g, vs in values.items()}
    if not any(values.values()):
        return None
    return charts.distribution_chart(groups, values, "Readability of each article, by outlet",
                                     "Flesch–Kincaid grade (US school years)")


def _outlet_map(groups: Sequence[str], rows: Sequence[Mapping[str, Any]], features: Sequence[str]) -> Any:
    members = [r for r in rows if r["group"] in groups]
    if len(groups) < 3 or len(members) < 3:
        return None
    matrix = np.array([[_float(r.get(f)) for f in features] for r in members], dtype=float)
    usable = [i for i in range(matrix.shape[1]) if np.isfinite(matrix[:, i]).sum() >= 2
              and np.nanstd(matrix[:, i]) > 0]
    if len(usable) < 2:
        return None
    matrix = matrix[:, usable]
    means = np.nanmean(matrix, axis=0)
    matrix = np.where(np.isfinite(matrix), matrix, means)
    scaled, loadings, ratios = _principal_components(matrix)
    # Fix the sign of each component so the map does not flip between runs.
    # Linear algebra may differ in the last bits between runs (threaded BLAS):
    # round before anything is drawn, so chart files stay byte-identical.
    loadings = np.round(loadings, 9)
    strongest = np.abs(loadings).argmax(axis=1)
    components = loadings * np.sign(loadings[np.arange(2), strongest])[:, None]
    projected = np.round((scaled - scaled.mean(axis=0)) @ components.T, 6)
    names = [features[i] for i in usable]
    labels = tuple(_loading_label(components[k], names) for k in range(2))
    article_points: dict[str, list[tuple[float, float]]] = {g: [] for g in groups}
    for row, point in zip(members, projected):
        article_points[row["group"]].append((float(point[0]), float(point[1])))
    centres = {g: tuple(np.mean(article_points[g], axis=0)) for g in groups if article_points[g]}
    explained = tuple(round(float(v), 6) for v in ratios)
    return charts.outlet_map_chart([g for g in groups if g in centres], centres, article_points, labels, explained)


def _loading_label(component: np.ndarray, names: Sequence[str]) -> str:
    top = np.argsort(-np.abs(component), kind="stable")[:2]
    return ", ".join(f"{'+' if component[i] > 0 else '−'}{_feature_label(names[i])}" for i in top)


def _feature_label(name: str) -> str:
    """``lexicon__russia_ukraine_nato.crimea_2014.russia_per_1k`` → ``crimea 2014: russia per 1k (lexicon)``."""
    family, feature = split_feature_column(name)
    parts = feature.split(".")
    short = ": ".join(parts[-2:]) if len(parts) > 2 else parts[-1]
    return f"{short.replace('_', ' ')} ({family})"


def _float(value: Any) -> float:
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
