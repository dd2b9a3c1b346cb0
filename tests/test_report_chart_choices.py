"""What each chart chooses to show: the concepts that differ, legible text, distinct marks, no dead space.

Widths and font sizes are checked against the HTML report's column (report.css:
60rem less padding, 928 px), where every chart must show at full size.
"""

from __future__ import annotations

import math
import struct
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from framing.cli import main
from framing.compare.summaries import GroupEvidence, TermUse
from framing.errors import DataFileError
from framing.report import chart_data, charts, map_data, point_names

HTML_COLUMN_PX = 928
TWELVE = [f"Outlet number {i} with a long name (Web News)" for i in range(12)]


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def renderer_of(figure):
    """The figure laid out, and the renderer that measured it."""
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    return figure.canvas.get_renderer()


def texts(figure) -> list[Text]:
    """Every piece of text a reader sees on the figure."""
    renderer_of(figure)
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


def uses(pack, concept, side, variant, n, group_voice="own"):
    return TermUse(pack, concept, side, variant, Counter({group_voice: n}))


def evidence_with(*term_uses):
    ev = GroupEvidence()
    ev.terms = {(u.pack, u.concept, u.variant): u for u in term_uses}
    return ev


# Two outlets that word "alliance naming" alike and Crimea differently: Crimea is the clearer difference,
# though "alliance" comes first alphabetically (the old chart's order).
PACK = "russia_ukraine_nato"
EVIDENCE = {
    "RT": evidence_with(uses(PACK, "alliance_naming", "ukraine_west", "alliance", 7),
                        uses(PACK, "crimea_2014", "russia", "reunification", 3)),
    "The Moscow Times": evidence_with(uses(PACK, "alliance_naming", "ukraine_west", "alliance", 4),
                                      uses(PACK, "crimea_2014", "ukraine_west", "annexation", 2),
                                      uses(PACK, "crimea_2014", "russia", "reunification", 1, "quoted")),
}
SIDES = {PACK: {"russia": "Terms of the Russian government and Russian state media",
                "ukraine_west": "Terms of the Ukrainian government, NATO and most Western governments"}}
CONCEPTS = {(PACK, "crimea_2014"): "Crimea's change of status in 2014.",
            (PACK, "alliance_naming"): "What NATO is called."}


def terms_figure(groups=("RT", "The Moscow Times")):
    return chart_data._terms(list(groups), EVIDENCE, CONCEPTS, SIDES, chart_data.chart_text("contested_terms"))


def under(figure) -> str:
    """The note under a figure (its supxlabel), on one line."""
    return " ".join(" ".join(t.get_text() for t in figure.texts).split())


def headings(figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].texts if t.get_fontweight() == "bold"]


def cells(figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].texts if t.get_fontweight() != "bold"]


def test_terms_heatmap_puts_the_clearest_difference_first():
    figure = terms_figure()
    assert headings(figure) == ["Crimea 2014", "Alliance naming"]
    # Rows are the wordings, grouped by side within a concept; whose term each is, on the right.
    rows = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert rows == ["", "“reunification”", "“annexation”", "", "“alliance”"]
    right = [label.get_text() for label in figure.axes[0].child_axes[0].get_yticklabels()]
    assert right == ["", "Russia", "Ukraine-west", "", "Ukraine-west"]


def test_terms_heatmap_cells_are_counts_and_sides_are_explained():
    figure = terms_figure()
    # RT: reunification 3; The Moscow Times: annexation 2, reunification 1 (quoted); alliance 7 and 4.
    assert cells(figure) == ["3", "1", "2", "7", "4"]
    key = under(figure)
    assert key.startswith("Whose term — Russia = Terms of the Russian government")
    assert "ukraine_west" not in key and "Ukraine-west = Terms of the Ukrainian government" in key


def test_terms_heatmap_shades_by_share_of_the_outlets_uses():
    figure = terms_figure()
    shades = figure.axes[0].images[0].get_array()
    # The Moscow Times: annexation 2 of its 3 Crimea uses, reunification 1 of 3; RT: all 3 of 3.
    assert shades[1, 0] == pytest.approx(100) and shades[1, 1] == pytest.approx(100 / 3)
    assert shades[2, 1] == pytest.approx(200 / 3) and np.ma.is_masked(shades[2, 0])


def test_terms_heatmap_stops_at_whole_concepts(monkeypatch):
    monkeypatch.setattr(chart_data, "MAX_TERM_ROWS", 4)
    # Crimea (heading + 2 wordings) fits; alliance naming (2 more rows) would not.
    assert headings(terms_figure()) == ["Crimea 2014"]


def test_the_seeds_heatmap_shows_crimea_reunification_and_annexation(tmp_path, monkeypatch):
    drawn = {}
    monkeypatch.setattr(charts, "save", lambda figure, folder, name: drawn.setdefault(name, figure))
    result = CliRunner().invoke(main, ["report", "seeds", "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    figure = drawn["contested_terms"]
    # the concept most articles use comes first: 'Russian threat' (3 articles), then Crimea (2)
    assert headings(figure)[:2] == ["Russian threat", "Crimea 2014"]
    columns = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    rows = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    # RT uses "reunification", The Moscow Times "annexation", once each.
    counts = figure.axes[0].images[0].get_array()
    reunification, annexation = rows.index("“reunification”"), rows.index("“annexation”")
    assert np.ma.is_masked(counts[reunification, columns.index("The Moscow Times")])
    assert not np.ma.is_masked(counts[reunification, columns.index("RT")])
    assert not np.ma.is_masked(counts[annexation, columns.index("The Moscow Times")])
    for name, chart in drawn.items():
        assert all(t.get_fontsize() >= charts.MIN_FONT for t in texts(chart)), name


@pytest.mark.parametrize("order", [TWELVE, [f"outlet {i}" for i in range(64)]], ids=["shown", "64"])
def test_no_two_groups_share_colour_and_marker(order):
    styles = charts.group_style(order)
    assert len({(s["color"], s["marker"]) for s in styles.values()}) == len(order)


def test_cnn_and_townhall_no_longer_look_alike():
    # Positions 0 and 8 (CNN and Townhall in the AllSides set) share the first colour, not the marker.
    styles = charts.group_style([f"outlet {i}" for i in range(9)])
    assert styles["outlet 0"]["color"] == styles["outlet 8"]["color"]
    assert styles["outlet 0"]["marker"] != styles["outlet 8"]["marker"]


def twelve_outlet_charts():
    """Each chart drawn for 12 outlets with long names: the largest a report draws."""
    values = {g: [0.1 * (i % 7) - 0.3, 0.2, -0.4] for i, g in enumerate(TWELVE)}
    estimates = {g: (-0.2, -0.4, 0.0) for g in TWELVE}
    shares = {(f"{g} · unidentified", c): 1 / 7 for g in TWELVE for c in "abcdefg"}
    terms = [(f"Concept {k}", [(f"a long wording number {k}{j}", "Ukraine west") for j in range(3)])
             for k in range(6)]
    counts = {(c, w, g): 12 for c, ws in terms for w, _ in ws for g in TWELVE}
    points = {g: (math.cos(i), math.sin(i)) for i, g in enumerate(TWELVE)}
    return {
        "terms": charts.contested_terms_chart(terms, TWELVE, counts, {
            "title": "Contested terms", "colour_label": "share (%)", "key": "Whose term — " + "x = y; " * 40}),
        "stacked": charts.stacked_shares_chart([f"{g} · unidentified" for g in TWELVE], list("abcdefg"), shares,
                                               "Verbs", "share (%)"),
        "distribution": charts.distribution_chart(TWELVE, values, "Tone", "compound"),
        "estimates": charts.estimates_chart(TWELVE, [(t, estimates) for t in ("NATO", "the US", "Russia",
                                                                                 "the EU", "Ukraine")],
                                            "Tone toward", "tone (−1 to +1)", reference=0.0, limits=(-1.0, 1.0)),
        "map": charts.outlet_map_chart(TWELVE, points, {g: (0.2, 0.2) for g in TWELVE}, {
            "title": "Map", "xlabel": "Axis 1 " * 20, "ylabel": "Axis 2 " * 12, "note": "Read with care " * 12}),
    }


def test_every_chart_fits_the_html_column_with_legible_text(tmp_path):
    for name, figure in twelve_outlet_charts().items():
        small = [(t.get_text()[:30], t.get_fontsize()) for t in texts(figure) if t.get_fontsize() < charts.MIN_FONT]
        assert small == [], name
        charts.save(figure, tmp_path, name)
        # Shown 1:1 in the HTML report, so a MIN_FONT-point label is 12 px there.
        assert png_size(tmp_path / f"{name}.png")[0] <= HTML_COLUMN_PX, name


def test_stacked_bars_leave_no_blank_band_above_the_legend():
    for n in (1, 4, 24):
        groups = [f"outlet {i}" for i in range(n)]
        shares = {(g, c): 0.25 for g in groups for c in ("said", "claimed", "warned", "noted")}
        figure = charts.stacked_shares_chart(groups, ["said", "claimed", "warned", "noted"], shares, "Verbs", "%")
        renderer = renderer_of(figure)
        bottom_of_axes = figure.axes[0].get_tightbbox(renderer).y0
        top_of_legend = figure.legends[0].get_window_extent(renderer).y1
        assert 0 <= (bottom_of_axes - top_of_legend) / figure.dpi < 0.3, n


def overlapping(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


@pytest.mark.parametrize("spread", [0.0, 0.05, 1.0], ids=["all on one spot", "crowded", "apart"])
def test_map_names_never_overlap(spread):
    points = {g: (spread * math.cos(i), spread * math.sin(2 * i)) for i, g in enumerate(TWELVE)}
    figure = charts.outlet_map_chart(TWELVE, points, {}, {"title": "Map", "xlabel": "x", "ylabel": "y",
                                                          "note": ""})
    renderer = renderer_of(figure)
    names = [t for t in figure.axes[0].texts if t.get_text() in {charts._short(g, charts.MAP_NAME) for g in TWELVE}]
    assert len(names) == 12
    # The words of each name (an annotation's own extent would add its leader line).
    assert overlapping([Text.get_window_extent(t, renderer) for t in names]) == []


def test_map_frame_fits_the_outlets_not_a_stray_article():
    figure = charts.outlet_map_chart(["RT", "TASS", "BBC"], {"RT": (0.1, 0.0), "TASS": (-0.1, 0.2), "BBC": (0, 0)},
                                     {"RT": (0.05, 0.05)}, {"title": "", "xlabel": "", "ylabel": "", "note": ""})
    low, high = figure.axes[0].get_xlim()
    assert -0.2 < low < -0.1 and 0.15 < high < 0.2


def article_rows(n_per_group=20, seed=1):
    """Three outlets that differ in tone; one spelling only a single article uses; one stray article."""
    rng = np.random.default_rng(seed)
    rows = []
    for shift, group in ((-1.0, "RT"), (0.0, "BBC"), (1.0, "TASS")):
        for _ in range(n_per_group):
            tone = shift + rng.normal(0, 0.5)
            rows.append({"group": group, "sentiment__sentence_mean": tone, "sentiment__own_voice_mean": tone,
                         "loaded__hedges_per_1k": rng.normal(2, 1), "spelling__kiev_per_1k": 0.0})
    rows[0]["spelling__kiev_per_1k"] = 40.0
    rows[1]["loaded__hedges_per_1k"] = 500.0
    return rows


def test_map_leaves_out_features_few_articles_use_and_caps_strays():
    rows = article_rows()
    features = ["sentiment__sentence_mean", "sentiment__own_voice_mean", "loaded__hedges_per_1k",
                "spelling__kiev_per_1k"]
    found = map_data.group_map(["RT", "BBC", "TASS"], rows, features)
    assert found.n_features == 3  # the spelling one article uses is left out
    # Tone separates the outlets on the first axis, in order; the stray hedging article does not take it over.
    assert found.features[0].startswith("+sentence mean (sentiment), +own voice mean (sentiment)")
    assert found.centres["RT"][0] < found.centres["BBC"][0] < found.centres["TASS"][0]
    assert found.shares[0] > found.expected[0]


def test_map_says_when_its_axes_show_too_little(monkeypatch):
    weak = map_data.GroupMap({"RT": (0, 0), "TASS": (1, 1), "BBC": (0, 1)}, {}, (0.05, 0.04), (0.09, 0.07),
                             ("+a", "+b"), 40)
    monkeypatch.setattr(chart_data, "group_map", lambda groups, rows, features: weak)
    figure = chart_data._outlet_map(["RT", "TASS", "BBC"], [], [], chart_data.chart_text("outlet_map", "bias"))
    note = under(figure)
    assert "axis 1 shows no more of the differences (5 %) than unrelated features would (9 %)" in note
    assert "axis 2 shows no more of the differences (4 %) than unrelated features would (7 %)" in note
    assert "The two axes show only 9 % of the differences between articles: one bias close to another" in note
    assert figure.axes[0].get_xlabel().startswith("Axis 1 (5 % of the differences between articles): +a")


def test_map_says_nothing_when_its_axes_are_clear(monkeypatch):
    clear = map_data.GroupMap({"RT": (0, 0), "TASS": (1, 1), "BBC": (0, 1)}, {}, (0.4, 0.2), (0.09, 0.07),
                              ("+a", "+b"), 40)
    monkeypatch.setattr(chart_data, "group_map", lambda groups, rows, features: clear)
    figure = chart_data._outlet_map(["RT", "TASS", "BBC"], [], [], chart_data.chart_text("outlet_map"))
    assert under(figure) == ""


@pytest.mark.parametrize("wanted, gap", [([0.5] * 12, 1 / 12), ([0.0, 0.01, 0.99, 1.0], 0.075),
                                         ([0.9, 0.1, 0.5, 0.52, 0.51], 0.075)])
def test_label_column_keeps_names_apart_and_in_order(wanted, gap):
    heights = point_names.spread_positions(wanted, gap)
    ranked = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    assert [heights[i] for i in ranked] == sorted(heights)
    assert all(b - a >= gap - 1e-9 for a, b in zip(sorted(heights), sorted(heights)[1:]))
    assert all(-1e-9 <= h <= 1 + 1e-9 for h in heights)


def test_charts_name_the_group_as_the_report_does(monkeypatch, tmp_path):
    drawn = {}
    monkeypatch.setattr(charts, "save", lambda figure, folder, name: drawn.setdefault(name, figure))
    rows = [{"group": g, "readability__flesch_kincaid_grade": str(grade)}
            for g, grade in (("left", 10), ("left", 11), ("right", 12), ("center", 9))]
    samples = {g: {"sentiment__sentence_compound": [0.1, -0.2]} for g in ("left", "right", "center")}
    run = SimpleNamespace(feature_names=[], samples=samples)
    made = chart_data.draw_charts(tmp_path, rows, ["left", "right", "center"], {}, EVIDENCE, run,
                                  group_label="Bias")
    assert [chart["title"] for chart in made] == ["Sentence tone by bias", "Readability by bias"]
    assert drawn["sentence_tone"].axes[0].get_title() == "Tone of every sentence, by bias"
    for name, figure in drawn.items():
        assert not [t.get_text() for t in texts(figure) if "outlet" in t.get_text().lower()], name


@pytest.mark.parametrize("label, group, capital", [("outlet", "outlet", "Outlet"), ("Bias", "bias", "Bias"),
                                                  ("US state", "US state", "US state"),
                                                  ("bias group", "bias group", "Bias group")])
def test_group_label_reads_inside_a_sentence(label, group, capital):
    assert chart_data.chart_text("readability", label)["title"] == f"Readability by {group}"
    assert chart_data.chart_text("outlet_map", label)["title"] == f"Where each {group} sits"
    assert chart_data._GroupWords(label)["Group"] == capital


def wording_with(old: str, new: str) -> str:
    text = chart_data.template_text(chart_data.CHART_WORDING_FILE)
    assert old in text
    return text.replace(old, new)


def test_wording_with_an_unknown_placeholder_names_the_file_and_what_it_may_use():
    text = wording_with('title = "Readability by {group}"', 'title = "Readability by {outlet}"')
    line = text.splitlines().index("[readability]") + 1
    with pytest.raises(DataFileError, match=rf"^my.toml, line {line}: chart readability title uses \{{outlet\}} — "
                                            r"it may use \{Group\}, \{group\}$"):
        chart_data.parse_chart_wording(text, "my.toml")


@pytest.mark.parametrize("title", ["Readability of the {group}s", "Readability of a {group}"])
def test_wording_may_not_make_a_plural_or_an_article_of_the_group(title):
    # The label is any noun: "{group}s" would write "biass", "a {group}" "a outlet".
    text = wording_with('title = "Readability by {group}"', f'title = "{title}"')
    with pytest.raises(DataFileError, match=r"chart readability title writes a plural of \{group\} or “a/an "):
        chart_data.parse_chart_wording(text, "my.toml")


def test_wording_with_a_stray_brace_says_how_to_write_one():
    text = wording_with('title = "Readability by {group}"', 'title = "Readability by {group"')
    with pytest.raises(DataFileError, match=r"chart readability title: .* — write a literal brace as \{\{ or \}\}$"):
        chart_data.parse_chart_wording(text, "my.toml")


def one_or_two(groups):
    """The heatmap and the map for ``groups`` (one or two outlets), as the report draws them."""
    terms = charts.contested_terms_chart([("Crimea 2014", [("reunification", "Russia"), ("annexation", "Ukraine")])],
                                         groups, {("Crimea 2014", "reunification", groups[0]): 3},
                                         {"title": "Terms", "colour_label": "share (%)", "key": "Whose term — x"})
    points = {g: (float(i), float(-i)) for i, g in enumerate(groups)}
    spreads = {groups[0]: (0.5, 0.25)}
    map_ = charts.outlet_map_chart(groups, points, spreads, {"title": "Map", "xlabel": "x", "ylabel": "y",
                                                             "note": "Read with care."})
    return {"terms": terms, "map": map_}


def test_heatmap_and_map_are_object_api_and_byte_identical(tmp_path):
    import matplotlib.pyplot as plt

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for folder in (first, second):
        for name, figure in one_or_two(["RT", "The Moscow Times"]).items():
            charts.save(figure, folder, name)
    assert plt.get_fignums() == []
    for name in ("terms.png", "terms.svg", "map.png", "map.svg"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_heatmap_and_map_of_one_outlet_lay_out_without_warnings(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, figure in one_or_two(["RT"]).items():
            charts.save(figure, tmp_path, name)
            assert figure.axes[0].get_position().width > 0.2, name


def test_heatmap_shade_is_the_share_of_all_the_concepts_uses_not_only_the_drawn_ones():
    import numpy as np

    from framing.report.charts import _shares_within_concepts

    labels = [("NATO posture", True), ("confrontation", False), ("deterrence", False)]
    matrix = np.array([[np.nan], [1.0], [1.0]])
    # TASS used the concept 4 times; two of its wordings are drawn, once each: 25 % each, not 50 %.
    assert _shares_within_concepts(matrix, labels, [[4.0]])[1:, 0].tolist() == [25.0, 25.0]
    assert _shares_within_concepts(matrix, labels)[1:, 0].tolist() == [50.0, 50.0]
