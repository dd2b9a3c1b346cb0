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

from framing.compare.group_findings import side_label
from framing.compare.summaries import GroupEvidence
from framing.datafiles import line_of, parse_toml, template_text
from framing.errors import DataFileError
from framing.features.attribution.cues import VERB_CLASSES
from framing.features.base import feature_column, per_thousand_words, split_feature_column
from framing.features.sentiment.targets import load_targets
from framing.report import charts

# Columns of tone toward each actor: sentiment__tone_toward_<actor>.
TONE_TOWARD = feature_column("sentiment", "tone_toward_")

MAX_TERM_ROWS = 24


def draw_charts(folder: Path, rows: Sequence[Mapping[str, Any]], order: Sequence[str], table: Mapping[str, Any],
                evidence: Mapping[str, GroupEvidence], run: Any) -> list[dict[str, str]]:
    """Draw every chart that has data; return ``[{name, title, file, svg, caption}]`` in report order.

    Titles and captions come from ``templates/charts.toml`` (see :func:`chart_wording`).
    """
    shown = list(order[: charts.MAX_CHART_GROUPS])
    made: list[dict[str, str]] = []

    def keep(name: str, figure: Any) -> None:
        if figure is None:
            return
        charts.save(figure, folder, name)
        wording = chart_wording()[name]
        made.append({"name": name, "title": wording["title"], "file": f"charts/{name}.png",
                     "svg": f"charts/{name}.svg", "caption": wording["caption"]})

    if not shown:
        return made
    keep("contested_terms", _terms(shown, evidence, rows))
    keep("voices", _voices(shown, evidence))
    keep("verb_classes", _verb_classes(shown, evidence))
    keep("sentence_tone", _tone(shown, run))
    keep("target_tone", _target_tone(shown, table, run.feature_names, target_names()))
    keep("readability", _readability(shown, rows))
    keep("outlet_map", _outlet_map(shown, rows, run.feature_names))
    return made


CHART_WORDING_FILE = "charts.toml"
# The wording each chart's table in charts.toml must give: the report's heading
# and caption, and what the chart function draws (outlet_map titles itself).
CHART_WORDING_KEYS = {
    "contested_terms": ("title", "caption", "figure_title"),
    "voices": ("title", "caption", "figure_title", "axis_label"),
    "verb_classes": ("title", "caption", "figure_title", "axis_label"),
    "sentence_tone": ("title", "caption", "figure_title", "axis_label"),
    "target_tone": ("title", "caption", "figure_title", "axis_label"),
    "readability": ("title", "caption", "figure_title", "axis_label"),
    "outlet_map": ("title", "caption"),
}


@lru_cache(maxsize=1)
def chart_wording() -> dict[str, dict[str, str]]:
    """Each chart's heading, caption, title and axis label by chart name, from ``templates/charts.toml``.

    Read once per process.

    >>> chart_wording()["voices"]["title"]
    'Who speaks, by side'
    """
    text = template_text(CHART_WORDING_FILE)
    return parse_chart_wording(text, f"framing/report/templates/{CHART_WORDING_FILE}")


def parse_chart_wording(text: str, label: str) -> dict[str, dict[str, str]]:
    """Validate chart wording (TOML ``text``): every chart of ``CHART_WORDING_KEYS`` with all its keys.

    Errors name the file (``label``), the line and what to add.
    """
    data = parse_toml(text, label)
    wording = {}
    for chart, keys in CHART_WORDING_KEYS.items():
        entry = data.get(chart)
        if not isinstance(entry, dict):
            raise DataFileError(f"{label}: no [{chart}] table — add one with {', '.join(keys)}")
        missing = [key for key in keys if not isinstance(entry.get(key), str) or not entry[key].strip()]
        if missing:
            fields = ", ".join(f'{key} = "..."' for key in missing)
            raise DataFileError(f"{label}, line {line_of(text, f'[{chart}]')}: chart {chart} needs "
                                f"{', '.join(missing)} as text — add {fields}")
        wording[chart] = {key: entry[key] for key in keys}
    return wording


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
                                        chart_wording()["contested_terms"]["figure_title"])


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
    return _stacked(bars, lambda category, totals: (-totals[category], category), chart_wording()["voices"])


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
        return (VERB_CLASSES.index(category) if category in VERB_CLASSES else len(VERB_CLASSES), category)

    return _stacked(bars, order, chart_wording()["verb_classes"])


def _stacked(bars: Sequence[tuple[str, Counter]], order: Any, wording: Mapping[str, str]) -> Any:
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
    return charts.stacked_shares_chart([label for label, _ in bars], categories, shares, wording["figure_title"],
                                       wording["axis_label"])


def _tone(groups: Sequence[str], run: Any) -> Any:
    samples = getattr(run, "samples", {}) or {}
    values = {g: samples.get(g, {}).get(feature_column("sentiment", "sentence_compound"), []) for g in groups}
    if not any(values.values()):
        return None
    wording = chart_wording()["sentence_tone"]
    return charts.distribution_chart(groups, values, wording["figure_title"], wording["axis_label"], reference=0.0)


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
    wording = chart_wording()["target_tone"]
    return charts.estimates_chart(groups, panels, wording["figure_title"], wording["axis_label"], reference=0.0,
                                  limits=(-1.0, 1.0))


def _readability(groups: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> Any:
    column = feature_column("readability", "flesch_kincaid_grade")
    values = {g: [_float(r.get(column)) for r in rows if r["group"] == g] for g in groups}
    values = {g: [v for v in vs if not math.isnan(v)] for g, vs in values.items()}
    if not any(values.values()):
        return None
    wording = chart_wording()["readability"]
    return charts.distribution_chart(groups, values, wording["figure_title"], wording["axis_label"])


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
