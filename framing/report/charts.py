"""Comparative charts, one function per chart, each returning a matplotlib ``Figure``.

Object API only (no pyplot state); every chart uses the same group order and
styles: a colour-blind-safe palette (Okabe & Ito) combined with markers and
hatches so no two shown groups look alike, also in greyscale.  Charts are at
most ``HTML_WIDTH`` inches wide, so the HTML report shows them at full size
and no text is smaller than ``MIN_FONT`` points there.  Saving strips dates
and software versions so files are byte-identical across runs.  Every word a
chart shows comes from its caller (``templates/charts.toml``).
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
from framing.report.point_names import name_points  # noqa: E402

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
# The HTML report's text column (report.css: 60rem, 960 px, less 2rem of padding) at savefig.dpi,
# less the 0.1-inch margin savefig adds on each side.
HTML_WIDTH = 928 / 110 - 0.2
# The smallest text on any chart, in points: 12 px in the HTML report (shown 1:1, see HTML_WIDTH).
MIN_FONT = 8
STYLE = {
    "font.size": 9, "axes.titlesize": 11, "axes.titleweight": "bold", "axes.spines.top": False,
    "axes.spines.right": False, "svg.hashsalt": "framing", "svg.fonttype": "path",
    "figure.dpi": 100, "savefig.dpi": 110, "path.simplify": True,
    "legend.fontsize": 9, "figure.titlesize": 11, "figure.titleweight": "bold", "figure.labelsize": 9,
    # Outlet names are data: "$x^$ Times" must not be parsed as (broken) TeX.
    "text.parse_math": False,
}
MAX_CHART_GROUPS = 12
MAX_POINTS = 300
GREY = "#999999"
MAP_NAME = 30  # characters of a name on the map, which has room for longer names than an axis


def group_style(order: Sequence[str]) -> dict[str, dict[str, str]]:
    """A fixed colour, hatch and marker per group, by its position in ``order``.

    Colours cycle through the 8 Okabe–Ito colours; each further round of 8
    shifts the markers and hatches by one, so no two of the first 64 groups
    share both colour and marker (CNN at 0 and Townhall at 8 used to be two
    blue circles).

    >>> style = group_style([f"outlet {i}" for i in range(9)])
    >>> style["outlet 0"]["marker"], style["outlet 8"]["marker"], style["outlet 8"]["color"]
    ('o', 's', '#0072B2')
    """
    styles = {}
    for i, group in enumerate(order):
        shift = (i + i // 8) % 8
        styles[group] = {"color": OKABE_ITO[i % 8], "hatch": HATCHES[shift], "marker": MARKERS[shift]}
    return styles


def save(figure: Figure, folder: Path, name: str) -> list[str]:
    """Write ``name``.png and ``name``.svg without timestamps; return the file names."""
    with rc_context(STYLE):
        figure.savefig(folder / f"{name}.png", metadata={"Software": None}, bbox_inches="tight")
        figure.savefig(folder / f"{name}.svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return [f"{name}.png", f"{name}.svg"]


def _figure(width: float, height: float) -> Figure:
    with rc_context(STYLE):
        return Figure(figsize=(min(width, HTML_WIDTH), height), layout="constrained")


def contested_terms_chart(concepts: Sequence[tuple[str, Sequence[tuple[str, str]]]], groups: Sequence[str],
                          counts: Mapping[tuple[str, str, str], int], text: Mapping[str, str],
                          totals: Mapping[tuple[str, str], int] | None = None) -> Figure:
    """Heatmap: per concept a heading, then one row per wording (whose term it is on the right) × groups.

    ``concepts`` is ``[(concept, [(wording, side)])]`` in the order to show;
    ``counts[(concept, wording, group)]`` is how often the group used the
    wording.  A cell shows that count; its shade is the wording's share of
    the group's uses of the concept, so a column reads as which wording the
    group prefers whatever its size.  ``totals[(concept, group)]`` is the
    group's uses of the concept in all its wordings, drawn or not (default:
    the drawn ones).  ``text`` holds ``title``, ``colour_label`` and ``key``
    (a note under the chart, may be empty).
    """
    labels, sides, matrix = _term_rows(concepts, groups, counts)
    column_totals = None if totals is None else [
        [float(totals.get((concept, g), 0)) for g in groups] for concept, _ in concepts]
    width = min(HTML_WIDTH, 3.6 + 0.45 * len(groups))
    key = _wrap(text["key"], width, MIN_FONT)
    with rc_context(STYLE):
        figure = _figure(width, 2.0 + 0.24 * len(labels) + 0.16 * key.count("\n"))
        axes = figure.add_subplot()
        shares = _shares_within_concepts(matrix, labels, column_totals)
        image = axes.imshow(np.ma.masked_invalid(shares), cmap="cividis_r", vmin=0, vmax=100, aspect="auto")
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                if value > 0:
                    axes.text(j, i, f"{value:,.0f}", ha="center", va="center", fontsize=MIN_FONT,
                              color="white" if shares[i, j] > 55 else "black")
        for i, (label, heading) in enumerate(labels):
            if heading:
                axes.text(-0.45, i, label, ha="left", va="center", fontweight="bold")
        axes.set_yticks(range(len(labels)), ["" if heading else f"“{label}”" for label, heading in labels])
        axes.tick_params(axis="both", length=0)
        axes.xaxis.tick_top()
        axes.set_xticks(range(len(groups)), [_short(g) for g in groups], rotation=40, ha="left",
                        rotation_mode="anchor")
        right = axes.secondary_yaxis("right")
        right.set_ticks(range(len(labels)), sides)
        right.tick_params(length=0)
        for spine in (*axes.spines.values(), *right.spines.values()):
            spine.set_visible(False)
        axes.set_title(text["title"])
        bar = figure.colorbar(image, ax=axes, location="bottom", shrink=0.45, aspect=30, pad=0.01)
        bar.set_label(text["colour_label"])
        bar.set_ticks([0, 50, 100])
        if key:
            figure.supxlabel(key, x=0.01, ha="left", fontsize=MIN_FONT)
        return figure


def _term_rows(concepts: Sequence[tuple[str, Sequence[tuple[str, str]]]], groups: Sequence[str],
               counts: Mapping[tuple[str, str, str], int]) -> tuple[list[tuple[str, bool]], list[str], np.ndarray]:
    """Row labels ``(text, is_heading)``, the side label of each row and the counts (NaN on headings)."""
    labels: list[tuple[str, bool]] = []
    sides: list[str] = []
    values: list[list[float]] = []
    for concept, wordings in concepts:
        labels.append((concept, True))
        sides.append("")
        values.append([math.nan] * len(groups))
        for wording, side in wordings:
            labels.append((_short(wording, 30), False))
            sides.append(_short(side, 18))
            values.append([float(counts.get((concept, wording, g), 0)) for g in groups])
    return labels, sides, np.array(values, dtype=float).reshape(len(labels), len(groups))


def _shares_within_concepts(matrix: np.ndarray, labels: Sequence[tuple[str, bool]],
                            column_totals: Sequence[Sequence[float]] | None = None) -> np.ndarray:
    """Each cell as a percentage of its column's uses of the concept (all wordings when ``column_totals``
    gives them per concept, else the drawn ones); NaN where the count is 0."""
    shares = np.full(matrix.shape, math.nan)
    starts = [i for i, (_, heading) in enumerate(labels) if heading] + [len(labels)]
    for number, (start, end) in enumerate(zip(starts, starts[1:])):
        block = matrix[start + 1:end]
        totals = block.sum(axis=0) if column_totals is None else np.maximum(column_totals[number], block.sum(axis=0))
        with np.errstate(invalid="ignore", divide="ignore"):
            shares[start + 1:end] = np.where(block > 0, 100 * block / totals, math.nan)
    return shares


def stacked_shares_chart(groups: Sequence[str], categories: Sequence[str],
                         shares: Mapping[tuple[str, str], float], title: str, xlabel: str) -> Figure:
    """Horizontal stacked bars: each group's share (0–100 %) per category, hatched per category.

    The legend sits under the chart at the height it needs (no blank band).
    """
    with rc_context(STYLE):
        figure = _figure(7.5, 1.0 + 0.3 * len(groups) + 0.2 * math.ceil(len(categories) / 4))
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
        axes.set_ylim(-0.6, len(groups) - 0.4)
        axes.set_xlim(0, 100)
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        figure.legend(loc="outside lower center", ncol=min(4, len(categories)), frameon=False)
        return figure


def distribution_chart(groups: Sequence[str], values: Mapping[str, Sequence[float]], title: str,
                       ylabel: str, reference: float | None = None) -> Figure:
    """Box plot per group with every value drawn as a jittered point (deterministic jitter)."""
    with rc_context(STYLE):
        figure = _figure(max(3.5, 1.8 + 0.55 * len(groups)), 4.2)
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
            axes.axhline(reference, color=GREY, linewidth=0.8, linestyle="--")
        axes.set_xticks(range(len(groups)), [_short(g) for g in groups], rotation=30, ha="right",
                        rotation_mode="anchor")
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        return figure


def estimates_chart(groups: Sequence[str], panels: Sequence[tuple[str, Mapping[str, tuple[float, float, float]]]],
                    title: str, xlabel: str, reference: float | None = None,
                    limits: tuple[float, float] | None = None) -> Figure:
    """Dot-and-interval panels: per panel (e.g. a target), each group's mean with its interval.

    ``panels`` is ``[(panel title, {group: (mean, low, high)})]``; NaN bounds
    (a single article) draw the dot alone, hollow.  ``xlabel`` is written
    once under all panels.
    """
    with rc_context(STYLE):
        figure = _figure(2.0 + 1.3 * len(panels), 1.4 + 0.3 * len(groups))
        styles = group_style(groups)
        axes_list = figure.subplots(1, max(1, len(panels)), sharey=True, squeeze=False)[0]
        positions = list(range(len(groups)))[::-1]
        for axes, (panel, estimates) in zip(axes_list, panels):
            for position, group in zip(positions, groups):
                _estimate(axes, position, estimates.get(group, (math.nan, math.nan, math.nan)), styles[group])
            if reference is not None:
                axes.axvline(reference, color=GREY, linewidth=0.8, linestyle="--")
            if limits is not None:
                axes.set_xlim(*limits)
                axes.set_xticks([limits[0], (limits[0] + limits[1]) / 2, limits[1]])
            axes.set_title(_short(panel, 18), fontsize=10)
        axes_list[0].set_yticks(positions, [_short(g) for g in groups])
        figure.suptitle(title)
        figure.supxlabel(xlabel)
        return figure


def _estimate(axes, position: float, estimate: tuple[float, float, float], style: Mapping[str, str]) -> None:
    mean, low, high = estimate
    if math.isnan(mean):
        return
    single = math.isnan(low)
    if not single:
        axes.plot([low, high], [position, position], color=style["color"], linewidth=2)
    # A dark rim keeps the light colours (yellow, sky blue) visible on white.
    axes.plot([mean], [position], marker=style["marker"], markersize=7, color=style["color"],
              markerfacecolor="white" if single else style["color"], linestyle="none",
              markeredgecolor=style["color"] if single else "#333333", markeredgewidth=1.2 if single else 0.6)


def outlet_map_chart(groups: Sequence[str], points: Mapping[str, tuple[float, float]],
                     spreads: Mapping[str, tuple[float, float]], text: Mapping[str, str]) -> Figure:
    """Each group's centre on two axes, with its 95 % interval as a cross, each named without overlap.

    ``points[group]`` is ``(x, y)``; ``spreads[group]`` the half-widths of its
    intervals (NaN: a single article, no cross).  The frame fits the centres
    and intervals, so a stray article cannot squeeze them into a corner.
    Names never overlap (see :func:`framing.report.point_names.name_points`).
    ``text``: ``title``, ``xlabel``, ``ylabel`` and ``note`` (a caution under
    the map, may be empty).
    """
    with rc_context(STYLE):
        figure = _figure(7.6, 5.6)
        axes = figure.add_subplot()
        styles = group_style(groups)
        for group in groups:
            (x, y), (dx, dy), style = points[group], spreads.get(group, (math.nan, math.nan)), styles[group]
            if not (math.isnan(dx) or math.isnan(dy)):
                axes.plot([x - dx, x + dx], [y, y], color=style["color"], linewidth=1.2, alpha=0.6)
                axes.plot([x, x], [y - dy, y + dy], color=style["color"], linewidth=1.2, alpha=0.6)
            axes.plot([x], [y], linestyle="none", marker=style["marker"], markersize=9, color=style["color"],
                      markeredgecolor="black", markeredgewidth=0.7, label=_short(group), zorder=3)
        _frame(axes, points, spreads)
        axes.axhline(0, color="#dddddd", linewidth=0.6, zorder=0)
        axes.axvline(0, color="#dddddd", linewidth=0.6, zorder=0)
        axes.set_xlabel(textwrap.fill(text["xlabel"], 95))
        axes.set_ylabel(textwrap.fill(text["ylabel"], 70))
        axes.set_title(text["title"])
        if text["note"]:
            figure.supxlabel(_wrap(text["note"], HTML_WIDTH, MIN_FONT), x=0.01, ha="left", fontsize=MIN_FONT,
                             color="#8a3b00")
        name_points(figure, axes, {g: _short(g, MAP_NAME) for g in groups}, points,
                    {g: styles[g]["color"] for g in groups})
        return figure


def _frame(axes, points: Mapping[str, tuple[float, float]], spreads: Mapping[str, tuple[float, float]]) -> None:
    """Fit the axes to the centres and their intervals, with a margin."""
    for k, set_limits in ((0, axes.set_xlim), (1, axes.set_ylim)):
        low = min(p[k] - _finite(spreads.get(g, (0.0, 0.0))[k]) for g, p in points.items())
        high = max(p[k] + _finite(spreads.get(g, (0.0, 0.0))[k]) for g, p in points.items())
        margin = 0.08 * (high - low) or 1.0
        set_limits(low - margin, high + margin)


def _finite(value: float) -> float:
    return 0.0 if math.isnan(value) else value


def _wrap(text: str, width: float, size: float) -> str:
    """``text`` wrapped to ``width`` inches at ``size`` points (an average character is about half as wide)."""
    columns = max(30, int(width * 72 / (0.52 * size)))
    return "\n".join(textwrap.fill(line, columns, subsequent_indent="   ") for line in text.splitlines())


def _short(name: str, limit: int = 22) -> str:
    name = plain(name)  # no control characters or bidirectional overrides in a label
    return name if len(name) <= limit else name[: limit - 1] + "…"
