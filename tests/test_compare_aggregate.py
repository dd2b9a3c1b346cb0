import math

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


def test_resampled_means_are_those_of_the_whole_resample_matrix_bit_for_bit():
    # The interval a report prints must not move: the chunked, 32-bit-index resampling gives the very
    # floats of data[rng.integers(0, n, size=(n_boot, n))].mean(axis=1), for sizes that fill one
    # chunk, several, and a last part-chunk, on values of very different magnitudes.
    import zlib

    import numpy as np

    from framing.compare.aggregate import RESAMPLED_VALUES, SEED, resampled_means

    values = np.random.default_rng(3)
    for n in (2, 3, 17, 1000, RESAMPLED_VALUES // 7, 3301):
        data = values.normal(size=n) * 10.0 ** values.integers(-4, 4, size=n)
        key = [SEED, zlib.crc32(f"group\x00feature{n}".encode())]
        whole = data[np.random.default_rng(key).integers(0, n, size=(2000, n))].mean(axis=1)
        assert resampled_means(data, np.random.default_rng(key), 2000).tobytes() == whole.tobytes()
