import math

import pytest

from framing.compare.aggregate import aggregate, as_float, bootstrap_mean, contrast, group_order


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


def test_aggregate_reads_a_runs_compact_rows_as_it_reads_csv_rows():
    from framing.run.runner import CompactRow

    features = ["tone", "words"]
    csv_rows = [{"id": str(i), "group": "RT" if i % 3 else "TASS", "tone": f"{(i * 0.37) % 1 - 0.5:.4f}",
                 "words": "" if i % 4 == 0 else str(100 + 7 * i)} for i in range(12)]
    compact = [CompactRow.of({**row, "tone": float(row["tone"]), "words": as_float(row["words"])}, features)
               for row in csv_rows]
    assert repr(aggregate(compact, features)) == repr(aggregate(csv_rows, features))
    assert aggregate(compact, features)["TASS"]["words"].n == 3  # articles 3, 6 and 9 (0 has no value)


def test_resampled_means_average_each_feature_over_the_articles_drawn():
    # For sizes that fill one chunk of counts, several, and a last part-chunk: each resample's mean is
    # the mean of the articles that chunk's draw picked, for every feature (one draw for all of them).
    import numpy as np

    from framing.compare.aggregate import RESAMPLED_COUNTS, resampled_means

    values = np.random.default_rng(3)
    for n in (2, 3, 17, 1000, RESAMPLED_COUNTS // 7, 3301):
        data = values.normal(size=(2, n)) * 10.0 ** values.integers(-4, 4, size=n)
        rng, n_boot = np.random.default_rng(n), 50
        rows = max(1, RESAMPLED_COUNTS // n)
        drawn = np.concatenate([rng.integers(0, n, size=(min(rows, n_boot - start), n))
                                for start in range(0, n_boot, rows)])
        means = resampled_means(data, np.random.default_rng(n), n_boot)
        assert means.shape == (n_boot, 2)
        for feature in (0, 1):
            assert np.allclose(means[:, feature], data[feature][drawn].mean(axis=1), rtol=1e-12, atol=0)


def test_group_features_of_the_same_articles_share_their_resamples():
    # A paired bootstrap: "words" and "twice" (2 × words + 1) are averaged over the same resamples, so
    # twice's interval is words' moved the same way; "quotes" has values on four articles only: its
    # interval is drawn over those four, as a bootstrap of its own values.
    import numpy as np

    from framing.compare.aggregate import group_estimates

    words = np.array([310.0, 820.0, 455.0, 1200.0, 640.0, 390.0])
    quotes = np.array([2.0, np.nan, 0.0, 5.0, np.nan, 1.0])
    found = group_estimates(np.array([words, 2 * words + 1, quotes]), ["words", "twice", "quotes"], group="RT")
    assert found == group_estimates(np.array([words, 2 * words + 1, quotes]), ["words", "twice", "quotes"],
                                    group="RT")
    assert found["twice"].low == pytest.approx(2 * found["words"].low + 1)
    assert found["twice"].high == pytest.approx(2 * found["words"].high + 1)
    assert found["words"].mean == words.mean() and found["words"].low < found["words"].mean < found["words"].high
    assert (found["quotes"].mean, found["quotes"].n) == (2.0, 4)
    assert 0.0 <= found["quotes"].low < 2.0 < found["quotes"].high <= 5.0


def test_group_estimates_keep_each_features_own_mean_and_count():
    # The means are those of each feature's values alone (NaN left out), bit for bit, whatever is resampled.
    import numpy as np

    from framing.compare.aggregate import group_estimates

    values = np.random.default_rng(5).normal(size=(4, 300))
    values[1, ::3] = np.nan
    values[2] = 0.25  # all equal: no resampling, the interval is the value
    values[3, 1:] = np.nan  # one article: no interval
    found = group_estimates(values, ["a", "b", "c", "d"], group="TASS")
    assert found["a"].mean == values[0].mean() and found["b"].mean == values[1][~np.isnan(values[1])].mean()
    assert (found["b"].n, found["c"].low, found["c"].high) == (200, 0.25, 0.25)
    assert (found["d"].n, found["d"].has_interval) == (1, False)
