"""Names for the points of a chart that never overlap: beside each point where there is room, else in a column.

Used by the map of groups (:func:`framing.report.charts.outlet_map_chart`):
greedy placement in display units, checked with the renderer's own text
sizes, so what is checked is what is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

# A white backing, so a name stays legible where it crosses an interval.
HALO = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
# Where a name may go around its point, in order of preference: (dx, dy) in points, alignment.
LABEL_SPOTS = ((7, 4, "left", "bottom"), (7, -4, "left", "top"), (-7, 4, "right", "bottom"),
               (-7, -4, "right", "top"), (0, 9, "center", "bottom"), (0, -9, "center", "top"),
               (10, 0, "left", "center"), (-10, 0, "right", "center"))


def name_points(figure: Figure, axes, names: Mapping[str, str], points: Mapping[str, tuple[float, float]],
                colours: Mapping[str, str]) -> None:
    """Write ``names[key]`` by ``points[key]``: beside it where there is room, else in a column; fix the layout.

    A name in the column narrows the map, which can crowd another name into
    the column: repeat until every name has its place, then freeze the
    layout so the saved file is the one checked for overlaps.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    crowded: list[str] = []
    for _ in range(len(names) + 1):
        column = _label_column(axes, {key: names[key] for key in crowded}, points, colours)
        figure.draw_without_rendering()  # lays the figure out, so sizes on screen are final
        beside, left_over = _label_points(figure, axes, {k: n for k, n in names.items() if k not in crowded}, points)
        if not left_over:
            break
        for text in column + beside:
            text.remove()
        crowded += left_over
    figure.set_layout_engine("none")


def _label_points(figure: Figure, axes, names: Mapping[str, str],
                  points: Mapping[str, tuple[float, float]]) -> tuple[list[Any], list[str]]:
    """Name each point at the first spot inside the map that overlaps no name or point.

    Returns the names placed and the keys of those that found no spot.
    """
    renderer = figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    # Other points keep a name at a distance, so that it reads as its own point's.
    marks = {g: _around(axes.transData.transform(p), 0.12 * figure.dpi) for g, p in points.items()}
    # Text.get_window_extent: the words alone; an annotation's own would add its leader line.
    taken = [Text.get_window_extent(text, renderer) for text in axes.texts]
    placed, crowded = [], []
    for group, name in names.items():
        others = [mark for g, mark in marks.items() if g != group]
        for dx, dy, ha, va in LABEL_SPOTS:
            label = axes.annotate(name, points[group], xytext=(dx, dy),
                                  textcoords="offset points", ha=ha, va=va, bbox=HALO)
            box = label.get_window_extent(renderer)
            if _inside(box, frame) and not any(box.overlaps(other) for other in taken + others):
                taken.append(box)
                placed.append(label)
                break
            label.remove()
        else:
            crowded.append(group)
    return placed, crowded


def _inside(box, frame) -> bool:
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def _around(centre: Sequence[float], radius: float) -> Bbox:
    return Bbox.from_extents(centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)


def _label_column(axes, names: Mapping[str, str], points: Mapping[str, tuple[float, float]],
                  colours: Mapping[str, str]) -> list[Any]:
    """Names right of the map, in the order of their points' heights, each joined to its point."""
    if not names:
        return []
    (y0, y1) = axes.get_ylim()
    wanted = [(points[g][1] - y0) / (y1 - y0) for g in names]
    placed = spread_positions(wanted, gap=min(0.075, 1 / len(names)))
    return [axes.annotate(name, xy=points[group], xycoords="data", xytext=(1.03, height),
                          textcoords="axes fraction", va="center", ha="left",
                          arrowprops={"arrowstyle": "-", "color": colours[group], "linewidth": 0.6,
                                      "shrinkA": 0, "shrinkB": 5})
            for (group, name), height in zip(names.items(), placed)]


def spread_positions(wanted: Sequence[float], gap: float) -> list[float]:
    """Heights (0–1) as close to ``wanted`` as the names allow, in the same order, ``gap`` apart.

    ``gap`` times the number of names must not exceed 1.

    >>> [round(h, 2) for h in spread_positions([0.5, 0.52, 0.1], gap=0.1)]
    [0.5, 0.6, 0.1]
    >>> [round(h, 2) for h in spread_positions([1.0, 0.99], gap=0.1)]
    [1.0, 0.9]
    """
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    heights = [0.0] * len(wanted)
    floor = 0.0
    for i in order:  # upward: each at least a gap above the one below
        heights[i] = max(wanted[i], floor)
        floor = heights[i] + gap
    ceiling = 1.0
    for i in reversed(order):  # downward: back under the top, a gap below the one above
        heights[i] = min(heights[i], ceiling)
        ceiling = heights[i] - gap
    return heights
