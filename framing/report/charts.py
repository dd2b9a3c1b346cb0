"""Comparative charts, one function per chart, each returning a matplotlib ``Figure``.

Object API only (no pyplot state); every chart uses the same outlet order and
colours, a colour-blind-safe palette (Okabe & Ito) with hatches or markers so
it also reads in greyscale, and saving strips dates and software versions so
files are byte-identical across runs.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg", force=False)
from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from framing.report.markup import plain  # noqa: E402

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
STYLE = {
    "font.size": 9, "axes.titlesize": 11, "axes.titleweight": "bold", "axes.spines.top": False,
    "axes.spines.right": False, "svg.hashsalt": "framing", "svg.fonttype": "path",
    "figure.dpi": 100, "savefig.dpi": 110, "path.simplify": True,
    # Outlet names are data: "$x^$ Times" must not be parsed as (broken) TeX.
    "text.parse_math": False,
}
MAX_CHART_GROUPS = 12
MAX_POINTS = 300


def group_style(order: Sequence[str]) -> dict[str, dict[str, str]]:
    """A fixed colour, hatch and marker per group, by its position in ``order``."""
    return {group: {"color": OKABE_ITO[i % 8], "hatch": HATCHES[(i // 8 + i) % 8] if i >= 8 else HATCHES[i % 8],
                    "marker": MARKERS[i % 8]}
            for i, group in enumerate(order)}


def save(figure: Figure, folder: Path, name: str) -> list[str]:
    """Write ``name``.png and ``name``.svg without timestamps; return the file names."""
    with rc_context(STYLE):
        figure.savefig(folder / f"{name}.png", metadata={"Software": None}, bbox_inches="tight")
        figure.savefig(folder / f"{name}.svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return [f"{name}.png", f"{name}.svg"]


def _figure(width: float, height: float) -> Figure:
    with rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def contested_terms_chart(rows: Sequence[tuple[str, str]], groups: Sequence[str],
                          counts: Mapping[tuple[str, str], float], title: str) -> Figure:
    """Heatmap: contested-term variants (rows, labelled with the side that uses the term) × groups.

    ``rows`` are ``(label, side)``; ``counts[(label, group)]`` is a rate per
    1,000 words.  Cells carry their number so the chart reads without colour.
    """
    with rc_context(STYLE):
        # Wide enough for the row labels even with a single outlet.
        figure = _figure(max(6.0, 1.6 + 1.1 * len(groups)), 1.2 + 0.32 * len(rows))
        axes = figure.add_subplot()
        data = [[counts.get((label, g), 0.0) for g in groups] for label, _ in rows]
        peak = max((v for row in data for v in row), default=0.0) or 1.0
        # Zero cells stay blank (masked) so the eye goes to the terms an outlet uses.
        masked = np.ma.masked_equal(np.asarray(data, dtype=float), 0.0)
        image = axes.imshow(masked, cmap="cividis_r", vmin=0, vmax=peak, aspect="auto")
        axes.set_facecolor("white")
        for i, row in enumerate(data):
            for j, value in enumerate(row):
                if value:
                    axes.text(j, i, f"{value:.1f}", ha="center", va="center", fontsize=8,
                              color="white" if value > peak * 0.55 else "black")
        axes.set_xticks(range(len(groups)), [_short(g) for g in groups], rotation=30, ha="right")
        axes.set_yticks(range(len(rows)), [f"{label}  [{side}]" for label, side in rows])
        axes.set_title(title)
        axes.set_xlabel("outlet")
        figure.colorbar(image, ax=axes, label="uses per 1,000 words", shrink=0.8)
        return figure


def stacked_shares_chart(groups: Sequence[str], categories: Sequence[str],
                         shares: Mapping[tuple[str, str], float], title: str, xlabel: str) -> Figure:
    """Horizontal stacked bars: each group's share (0–100 %) per category, hatched per category."""
    with rc_context(STYLE):
        figure = _figure(7.5, 1.3 + 0.42 * len(groups))
        axes = figure.add_subplot()
        styles = group_style(categories)
        left = [0.0] * len(groups)
        positions = list(range(len(groups)))[::-1]
        for category in categories:
            values = [100 * shares.get((g, category), 0.0) for g in groups]
            axes.barh(positions, values, left=left, color=styles[category]["color"],
                      hatch=styles[category]["hatch"], edgecolor="white", linewidth=0.5, label=category)
            left = [a + b for a, b in zip(left, values)]
        axes.set_yticks(positions, [_short(g, 44) for g in groups])
        axes.set_xlim(0, 100)
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.02 * len(groups) / 4),
                    ncol=min(4, len(categories)), frameon=False)
        return figure


def distribution_chart(groups: Sequence[str], values: Mapping[str, Sequence[float]], title: str,
                       ylabel: str, reference: float | None = None) -> Figure:
    """Box plot per group with every value drawn as a jittered point (deterministic jitter)."""
    with rc_context(STYLE):
        figure = _figure(max(3.5, 1.8 + 0.9 * len(groups)), 4.2)
        axes = figure.add_subplot()
        styles = group_style(groups)
        data = [list(values.get(g, [])) or [math.nan] for g in groups]
        axes.boxplot(data, positions=range(len(groups)), widths=0.55, showfliers=False,
                     medianprops={"color": "black"}, boxprops={"color": "#555555"})
        for i, group in enumerate(groups):
            points = [v for v in values.get(group, []) if not math.isnan(v)]
            # The box summarises every value; the dots show at most MAX_POINTS of them
            # (evenly spaced), so large sets stay legible and the files small.
            points = points[:: max(1, math.ceil(len(points) / MAX_POINTS))]
            jitter = [((k * 0.618034) % 1 - 0.5) * 0.4 for k in range(len(points))]
            # Few values: big marks so a single article is seen; many: small, see-through.
            size, alpha = (36, 0.9) if len(points) <= 30 else (9, 0.55)
            axes.scatter([i + j for j in jitter], points, s=size, alpha=alpha, color=styles[group]["color"],
                         marker=styles[group]["marker"], linewidths=0)
        if reference is not None:
            axes.axhline(reference, color="#999999", linewidth=0.8, linestyle="--")
        axes.set_xticks(range(len(groups)), [_short(g) for g in groups], rotation=30, ha="right")
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        return figure


def estimates_chart(groups: Sequence[str], panels: Sequence[tuple[str, Mapping[str, tuple[float, float, float]]]],
                    title: str, xlabel: str, reference: float | None = None,
                    limits: tuple[float, float] | None = None) -> Figure:
    """Dot-and-interval panels: per panel (e.g. a target), each group's mean with its interval.

    ``panels`` is ``[(panel title, {group: (mean, low, high)})]``; NaN bounds
    (a single article) draw the dot alone, hollow.
    """
    with rc_context(STYLE):
        figure = _figure(2.2 + 2.3 * len(panels), 1.4 + 0.34 * len(groups))
        styles = group_style(groups)
        axes_list = figure.subplots(1, max(1, len(panels)), sharey=True, squeeze=False)[0]
        positions = list(range(len(groups)))[::-1]
        for axes, (panel, estimates) in zip(axes_list, panels):
            for position, group in zip(positions, groups):
                mean, low, high = estimates.get(group, (math.nan, math.nan, math.nan))
                if math.isnan(mean):
                    continue
                style = styles[group]
                single = math.isnan(low)
                if not single:
                    axes.plot([low, high], [position, position], color=style["color"], linewidth=2)
                axes.plot([mean], [position], marker=style["marker"], markersize=7, color=style["color"],
                          markerfacecolor="white" if single else style["color"], linestyle="none")
            if reference is not None:
                axes.axvline(reference, color="#999999", linewidth=0.8, linestyle="--")
            if limits is not None:
                axes.set_xlim(*limits)
            axes.set_title(panel, fontsize=10)
            axes.set_xlabel(xlabel)
        axes_list[0].set_yticks(positions, [_short(g) for g in groups])
        figure.suptitle(title, fontweight="bold")
        return figure


def outlet_map_chart(groups: Sequence[str], points: Mapping[str, tuple[float, float]],
                     article_points: Mapping[str, Sequence[tuple[float, float]]],
                     axis_labels: tuple[str, str], explained: tuple[float, float]) -> Figure:
    """Scatter of outlets on the first two principal components, articles as small marks."""
    with rc_context(STYLE):
        figure = _figure(7.0, 5.2)
        axes = figure.add_subplot()
        styles = group_style(groups)
        for group in groups:
            style = styles[group]
            articles = article_points.get(group, [])
            if articles:
                axes.scatter([p[0] for p in articles], [p[1] for p in articles], s=12, alpha=0.35,
                             color=style["color"], marker=style["marker"], linewidths=0)
            x, y = points[group]
            axes.scatter([x], [y], s=90, color=style["color"], marker=style["marker"], edgecolors="black",
                         linewidths=0.8, label=_short(group), zorder=3)
            axes.annotate(_short(group), (x, y), textcoords="offset points", xytext=(6, 6), fontsize=8)
        axes.axhline(0, color="#cccccc", linewidth=0.6)
        axes.axvline(0, color="#cccccc", linewidth=0.6)
        axes.set_xlabel(textwrap.fill(f"PC1 ({explained[0]:.0%} of variance): {axis_labels[0]}", 90), fontsize=8)
        axes.set_ylabel(textwrap.fill(f"PC2 ({explained[1]:.0%} of variance): {axis_labels[1]}", 60), fontsize=8)
        axes.set_title("Map of outlets from all standardised features (PCA)")
        return figure


def _short(name: str, limit: int = 22) -> str:
    name = plain(name)  # no control characters or bidirectional overrides in a label
    return name if len(name) <= limit else name[: limit - 1] + "…"
