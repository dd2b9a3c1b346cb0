import math

from framing.compare.aggregate import aggregate, bootstrap_mean, contrast, group_order


def test_bootstrap_is_seeded_and_brackets_the_mean():
    a = bootstrap_mean([1.0, 2.0, 3.0, 4.0, 10.0], key="k")
    b = bootstrap_mean([1.0, 2.0, 3.0, 4.0, 10.0], key="k")
    assert a == b and a.mean == 4.0 and a.low < 4.0 < a.high


def test_one_article_has_no_interval_and_nan_is_ignored():
    e = bootstrap_mean([0.3, math.nan])
    assert (e.mean, e.n, e.has_interval) == (0.3, 1, False)
    assert bootstrap_mean([]).n == 0


def test_contrast_marks_unclear_differences():
    rows = [{"group": "A", "x": v} for v in (1.0, 1.1, 0.9, 1.0)] + [{"group": "B", "x": v} for v in (0.0, 0.1)] \
        + [{"group": "C", "x": 5.0}]
    assert group_order(rows) == ["A", "B", "C"]
    table = aggregate(rows, ["x"])
    clear = contrast(table, "B", "x")
    assert clear.direction == "below" and clear.clear
    single = contrast(table, "C", "x")
    assert single.direction == "above" and not single.clear
