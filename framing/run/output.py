"""Write tables and evidence deterministically: fixed float format, sorted keys.

Examples
--------
>>> format_value(0.1 + 0.2), format_value(float("nan")), format_value(3.0)
('0.3', '', '3')
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Mapping, Sequence
from typing import IO, Any

FLOAT_DIGITS = 6


def format_value(value: Any) -> str:
    """A cell as written to CSV: floats rounded to 6 significant digits, NaN empty."""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = f"{value:.{FLOAT_DIGITS}g}"
        return "0" if text == "-0" else text
    if value is None:
        return ""
    return str(value)


# Types returned as they are; checked by exact type first because evidence
# records hold tens of such values each and this runs for every record.
_PLAIN_TYPES = frozenset({str, int, bool, type(None)})


def rounded(value: Any) -> Any:
    """``value`` with every float rounded for JSON output (NaN becomes null)."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): v if type(v) in _PLAIN_TYPES else rounded(v)
                for k, v in value.items()}
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return float(f"{value:.{FLOAT_DIGITS}g}")
    if isinstance(value, Mapping):
        return {str(k): rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    return value


class CsvTableWriter:
    """Write rows with a fixed column order to an open text handle."""

    def __init__(self, handle: IO[str], columns: Sequence[str]) -> None:
        self.columns = list(columns)
        self.writer = csv.writer(handle, lineterminator="\n")
        self.writer.writerow(self.columns)

    def write(self, row: Mapping[str, Any]) -> None:
        self.writer.writerow([format_value(row.get(column, "")) for column in self.columns])


# One encoder for every line: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


def encoded_line(record: Mapping[str, Any]) -> str:
    """One JSON line of a record already :func:`rounded` (see :func:`json_line`)."""
    return _ENCODER.encode(record) + "\n"


def json_line(record: Mapping[str, Any]) -> str:
    """One JSON line, keys sorted, floats rounded, non-ASCII kept readable.

    Examples
    --------
    >>> json_line({"b": 0.1 + 0.2, "a": "Крым", "c": float("nan")})
    '{"a": "Крым", "b": 0.3, "c": null}\\n'
    """
    return _ENCODER.encode(rounded(record)) + "\n"
