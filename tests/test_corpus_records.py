"""Record files: CSV delimiters, surplus cells, JSON Lines."""

import io

import pytest

from framing.corpus.records import SNIFF_CHARS, iter_records, sniff_delimiter

STORY = "The minister said, on Monday, that the talks would go on; nobody believed it."


@pytest.mark.parametrize("sample, expected", [
    (f"outlet;text\nRT;{STORY}\n", ";"),
    (f'text,outlet\n"{STORY}",RT\n', ","),
    (f"text\toutlet\n{STORY}\tRT\n", "\t"),
    (f"text|outlet\n{STORY}|RT\n", "|"),
    (f"text\n{STORY}\n", ","),           # one column: no delimiter to find
    ("", ","),
])
def test_sniff_delimiter(sample, expected):
    assert sniff_delimiter(sample) == expected


def read(text: str, delimiter: str | None = None) -> tuple[list[tuple[int, dict]], list[str]]:
    warnings: list[str] = []
    records = list(iter_records(io.StringIO(text, newline=""), ".csv", "set.csv", warnings, delimiter))
    return records, warnings


def test_semicolon_csv_rows_keep_the_commas_of_their_text():
    story = "The minister said, on Monday, that the talks would go on."
    records, warnings = read(f"outlet;text\nRT;{story}\nTASS;Officials said, again, it was fine.\n")
    assert warnings == []
    assert records == [(2, {"outlet": "RT", "text": story}),
                       (3, {"outlet": "TASS", "text": "Officials said, again, it was fine."})]


def test_a_quoted_field_across_the_sniffed_sample_is_one_record():
    long_text = ("Paragraph one, about the talks.\n\n" * 400).strip()  # far beyond the sniffed sample
    assert len(long_text) > SNIFF_CHARS
    records, warnings = read(f'text,outlet\n"{long_text}",RT\n"{STORY}",TASS\n')
    assert warnings == []
    assert [(record["outlet"], record["text"]) for _, record in records] == [("RT", long_text), ("TASS", STORY)]


def test_one_row_with_surplus_cells_is_one_line_warning():
    records, warnings = read(f'text,outlet\n"{STORY}",RT\n"{STORY}",TASS,surplus\n')
    assert [record["outlet"] for _, record in records] == ["RT"]
    assert warnings == ["set.csv line 3: more cells than columns — skipped"]


def test_many_rows_with_surplus_cells_are_one_warning_that_suggests_delimiter():
    rows = "".join(f"Outlet {n};{STORY}\n" for n in range(200))
    records, warnings = read(f"outlet;text\n{rows}", delimiter=",")
    assert records == []
    assert warnings == ["set.csv: 200 rows have more cells than the 1 header column (lines 2, 3, 4, 5, 6, …) — "
                        "skipped; if ',' is not the delimiter, name it with --delimiter, e.g. --delimiter ';'"]


def test_jsonl_lines_are_numbered_after_leading_blank_lines():
    warnings: list[str] = []
    handle = io.StringIO('\n\n{"text": "a"}\n[1]\n{"text": "b"}\n')
    assert list(iter_records(handle, ".jsonl", "x.jsonl", warnings)) == [(3, {"text": "a"}), (5, {"text": "b"})]
    assert warnings == ["x.jsonl line 4: not a JSON object — skipped"]
