"""Charts (framing.report.charts): object-API figures, stable outlet styles, byte-identical files."""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from framing.report import charts

NAN = math.nan
OUTLETS = ["RT", "The Moscow Times"]


def terms(groups):
    return charts.contested_terms_chart(
        [("Crimea 2014", [("reunification", "pro-Russia"), ("annexation", "pro-Ukraine")])], groups,
        {("Crimea 2014", "reunification", "RT"): 3, ("Crimea 2014", "annexation", "The Moscow Times"): 2},
        {"title": "Contested terms", "colour_label": "share of the concept's uses", "key": ""})


def shares(groups):
    return charts.stacked_shares_chart(
        groups, ["officials", "experts"],
        {("RT", "officials"): 0.75, ("RT", "experts"): 0.25,
         ("The Moscow Times", "officials"): 0.4, ("The Moscow Times", "experts"): 0.6},
        "Who speaks", "share of quotes (%)")


def distribution(groups):
    return charts.distribution_chart(groups, {"RT": [40.0, 55.5, 61.2], "The Moscow Times": [48.0]},
                                     "Reading ease", "Flesch reading ease", reference=50.0)


def estimates(groups):
    return charts.estimates_chart(
        groups, [("NATO", {"RT": (-0.4, -0.6, -0.2), "The Moscow Times": (0.1, NAN, NAN)}),
                 ("Ukraine", {"RT": (-0.1, -0.3, 0.1)})],
        "Tone toward targets", "tone", reference=0.0, limits=(-1.0, 1.0))


def outlet_map(groups):
    points = {"RT": (1.0, 0.5), "The Moscow Times": (-1.0, -0.5)}
    spreads = {"RT": (0.2, 0.1), "The Moscow Times": (NAN, NAN)}
    return charts.outlet_map_chart(groups, {g: points[g] for g in groups}, {g: spreads[g] for g in groups},
                                   {"title": "Outlets", "xlabel": "axis 1: loaded language (60 %)",
                                    "ylabel": "axis 2: quoted officials (30 %)", "note": ""})


CHARTS = [terms, shares, distribution, estimates, outlet_map]


@pytest.mark.parametrize("make", CHARTS, ids=lambda f: f.__name__)
def test_each_chart_is_an_object_api_figure(make):
    assert plt.get_fignums() == []
    figure = make(OUTLETS)
    assert isinstance(figure, Figure)
    assert figure.get_layout_engine() is not None  # constrained layout, set on the Figure itself
    # Nothing registered with pyplot: no global figure to leak or close.
    assert plt.get_fignums() == []


@pytest.mark.parametrize("order, group, style", [
    (["RT", "TASS"], "RT", {"color": "#0072B2", "hatch": "", "marker": "o"}),
    (["RT", "TASS"], "TASS", {"color": "#E69F00", "hatch": "//", "marker": "s"}),
    (["BBC", "RT", "TASS"], "TASS", {"color": "#009E73", "hatch": "..", "marker": "^"}),
    # Past the eight Okabe-Ito colours the colours repeat with another hatch and the next marker.
    ([f"outlet {i}" for i in range(9)], "outlet 8", {"color": "#0072B2", "hatch": "//", "marker": "s"}),
])
def test_group_style_depends_only_on_position(order, group, style):
    assert charts.group_style(order)[group] == style


def test_groups_shown_together_never_share_colour_and_hatch():
    styles = charts.group_style([f"outlet {i}" for i in range(charts.MAX_CHART_GROUPS)])
    pairs = {(s["color"], s["hatch"]) for s in styles.values()}
    assert len(pairs) == charts.MAX_CHART_GROUPS


def test_each_outlet_keeps_its_colour_and_marker_across_charts():
    # Distribution chart: one scatter per outlet, in outlet order.
    dots = distribution(OUTLETS).axes[0].collections
    assert [to_hex(c.get_facecolor()[0]) for c in dots] == ["#0072b2", "#e69f00"]
    # Estimates chart: RT's interval and dot, The Moscow Times' hollow dot (a single article),
    # then the grey reference line.
    lines = estimates(OUTLETS).axes[0].lines
    assert [(line.get_marker(), line.get_color(), line.get_markerfacecolor()) for line in lines] == [
        ("None", "#0072B2", "#0072B2"), ("o", "#0072B2", "#0072B2"), ("s", "#E69F00", "white"),
        ("None", "#999999", "#999999")]
    # Map: RT's own point is blue whatever the order it comes in.
    for order, colour in ((OUTLETS, "#0072b2"), (OUTLETS[::-1], "#e69f00")):
        marks = {line.get_label(): line for line in outlet_map(order).axes[0].lines}
        assert to_hex(marks["RT"].get_color()) == colour


@pytest.mark.parametrize("make", CHARTS, ids=lambda f: f.__name__)
def test_same_input_gives_byte_identical_png_and_svg(make, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    assert charts.save(make(OUTLETS), first, "chart") == ["chart.png", "chart.svg"]
    charts.save(make(OUTLETS), second, "chart")
    for name in ("chart.png", "chart.svg"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    svg = (first / "chart.svg").read_bytes()
    png = (first / "chart.png").read_bytes()
    # Fixed metadata: no date, no "Matplotlib vX.Y" creator, no PNG text chunk naming the software.
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg
    assert b"tEXt" not in png and b"Software" not in png


@pytest.mark.parametrize("make", CHARTS, ids=lambda f: f.__name__)
def test_one_outlet_chart_lays_out_without_warnings(make, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure = make(["RT"])
        charts.save(figure, tmp_path, "one")
    assert (tmp_path / "one.png").stat().st_size > 0
    # Constrained layout left the plot a usable share of the figure.
    assert all(axes.get_position().width > 0.2 for axes in figure.axes if axes.get_label() != "<colorbar>")


@pytest.mark.parametrize("make, size", [
    # 3.6 + 0.45 * 1 group wide, 2.0 + 0.24 * 3 rows (the concept's heading, two wordings) high.
    (terms, (4.05, 2.72)),
    # max(3.5, 1.8 + 0.9 * 1) wide.
    (distribution, (3.5, 4.2)),
    # 2.0 + 1.3 * 2 panels wide, 1.4 + 0.3 * 1 outlet high.
    (estimates, (4.6, 1.7)),
])
def test_one_outlet_figure_size(make, size):
    assert tuple(make(["RT"]).get_size_inches()) == pytest.approx(size)


def test_long_outlet_names_are_shortened_on_the_axis():
    figure = charts.distribution_chart(["Rossiyskaya Gazeta (English edition)"], {}, "Reading ease", "Flesch")
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert labels == ["Rossiyskaya Gazeta (E…"]
