"""Deterministic output: fixed float format, NaN as an empty cell or null, sorted keys, non-ASCII kept."""

import io
import json
import math

import numpy as np
import pytest

from framing.run.output import CsvTableWriter, format_value, json_line, rounded


@pytest.mark.parametrize(("value", "cell"), [
    (0.1 + 0.2, "0.3"),  # the binary noise 0.30000000000000004 never reaches the file
    (1 / 3, "0.333333"),
    (2 / 3, "0.666667"),  # six significant digits, rounded not cut
    (3.0, "3"),
    (42.5531914893617, "42.5532"),  # attributions per 1,000 words of a 47-word paragraph
    (1234567.0, "1.23457e+06"),
    (0.000123456789, "0.000123457"),
    (-0.0, "0"),  # no "-0" column that diffs against "0"
    (math.nan, ""),
    (math.inf, "inf"),
    (-math.inf, "-inf"),
    (np.float64(1 / 3), "0.333333"),  # pandas hands out numpy floats
    (None, ""),
    (7, "7"),
    ("Крым", "Крым"),
])
def test_format_value_writes_floats_with_six_significant_digits_and_nan_empty(value, cell):
    assert format_value(value) == cell


def test_rounded_rounds_every_float_in_nested_data_and_nulls_nan_and_inf():
    record = {"compound": -0.018299999999999997, "spans": [[18, 62]], "scores": (1 / 3, math.nan),
              "detail": {"share": 2 / 3, "limit": math.inf}, 2019: "year", "named": True, "note": None}
    assert rounded(record) == {"compound": -0.0183, "spans": [[18, 62]], "scores": [0.333333, None],
                               "detail": {"share": 0.666667, "limit": None}, "2019": "year",
                               "named": True, "note": None}


@pytest.mark.parametrize("value", ["Grushko", 15, True, None])
def test_rounded_returns_plain_values_unchanged(value):
    assert rounded(value) is value


def test_json_line_sorts_keys_at_every_level_and_keeps_non_ascii():
    record = {"outlet": "РИА Новости", "family": "sentiment",
              "detail": {"score": -0.2105, "in_quote": False, "compound": 1 / 3}, "end": math.nan}
    assert json_line(record) == ('{"detail": {"compound": 0.333333, "in_quote": false, "score": -0.2105}, '
                                 '"end": null, "family": "sentiment", "outlet": "РИА Новости"}\n')


def test_json_line_is_one_line_whatever_the_key_order_and_reads_back():
    first = {"text": 'He said "no".\nThen he left.', "start": 0, "end": 29}
    again = {"end": 29, "start": 0, "text": 'He said "no".\nThen he left.'}
    line = json_line(first)
    assert line == json_line(again)
    assert line.count("\n") == 1 and line.endswith("\n")
    assert json.loads(line) == first


def test_csv_writer_keeps_the_column_order_and_fills_missing_cells():
    handle = io.StringIO()
    writer = CsvTableWriter(handle, ["id", "outlet", "title", "readability__n_words"])
    writer.write({"readability__n_words": 44.0, "title": "Russia Has Ceased 'All' Cooperation With NATO, "
                  'Foreign Ministry Official Says', "outlet": "The Moscow Times", "id": "002", "group": "ignored"})
    writer.write({"id": "ria-1", "outlet": "РИА Новости", "readability__n_words": math.nan})
    writer.write({"id": "q", "title": 'Grushko: "It doesn\'t exist"'})
    assert handle.getvalue() == (
        "id,outlet,title,readability__n_words\n"
        "002,The Moscow Times,\"Russia Has Ceased 'All' Cooperation With NATO, Foreign Ministry Official Says\",44\n"
        "ria-1,РИА Новости,,\n"
        'q,,"Grushko: ""It doesn\'t exist""",\n'
    )
