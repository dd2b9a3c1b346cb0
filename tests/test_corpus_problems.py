"""What the reader says about input it cannot use: unsupported files, missing text keys, --group-by."""

import json

import pytest

from framing.corpus.problems import KEY_SAMPLE, KeyTally, check_group_column, unsupported_warnings
from framing.corpus.reader import CorpusReader
from framing.errors import CorpusError

BODY = "Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said on Monday."


@pytest.mark.parametrize(("counts", "warning"), [
    ({".pdf": 1}, "1 .pdf file was found and skipped: PDF is not supported — convert it to .txt or .html"),
    ({".docx": 2}, "2 .docx files were found and skipped: Word is not supported — save them as .txt or .html"),
    ({".odt": 1}, "1 .odt file was found and skipped: OpenDocument text is not supported — save it as .txt or .html"),
    ({".rtf": 4}, "4 .rtf files were found and skipped: RTF is not supported — save them as .txt or .html"),
    ({".xlsx": 1}, "1 .xlsx file was found and skipped: Excel is not supported — save the sheets as .csv"),
    ({".ods": 2}, "2 .ods files were found and skipped: OpenDocument spreadsheet is not supported — "
                  "save the sheets as .csv"),
    ({".png": 3}, "3 .png files were found and skipped: PNG is not supported — framing reads "
                  ".txt, .md, .html, .json, .jsonl or .csv files"),
    ({"": 2}, "2 files without an extension were found and skipped — add .txt to the names of plain-text articles"),
])
def test_unsupported_warning_per_type(counts, warning):
    assert unsupported_warnings(counts) == [warning]


def test_unsupported_warnings_come_sorted_by_suffix_one_per_type():
    warnings = unsupported_warnings({".xls": 1, ".pdf": 2, "": 1, ".doc": 1})
    assert [w.split(" found")[0] for w in warnings] == [
        "1 file without an extension was", "1 .doc file was", "2 .pdf files were", "1 .xls file was"]
    assert unsupported_warnings({}) == []


def tally(*records, named=()):
    keys = KeyTally(named)
    for record in records:
        keys.add(record)
    return keys


@pytest.mark.parametrize(("records", "likely"), [
    ([{"headline": "Russia ends NATO cooperation", "story": BODY}], "story"),
    ([{"headline": "Russia ends NATO cooperation"}], None),  # 28 characters: a title, not text
    ([{"a": "NATO cooperation completely over, Grushko"[:39]}], None),  # 39 characters: just short
    ([{"a": "NATO cooperation completely over, Grushko"[:40]}], "a"),
    ([{"short": "RT"}, {"short": "RT", "later": BODY}], "later"),  # the longest over all records
    ([{"n_words": 1200, "tags": ["nato", "russia"] * 30, "none": None}], None),  # only strings count
    ([], None),
])
def test_likely_text_is_the_key_with_long_string_values(records, likely):
    assert tally(*records).likely_text() == likely


def test_only_the_first_records_are_sampled_but_named_keys_are_looked_for_in_all():
    keys = tally(*[{"site": "RT"}] * KEY_SAMPLE, {"site": "RT", "story": BODY}, named=["story", "outlet"])
    assert keys.likely_text() is None and keys.names() == "site"
    assert keys.missing == {"outlet"}  # "story" was seen in record 51
    assert tally({f"k{i}": "v" for i in range(25)}).names(limit=3) == "k0, k1, k2 and 22 more"


@pytest.fixture
def records_folder(make_corpus):
    rows = [{"text": BODY, "outlet": "RT"},
            {"text": BODY + " Talks will not resume.", "outlet": "TASS", "Country": "Russia"}]
    return make_corpus({"set.jsonl": "".join(json.dumps(row) + "\n" for row in rows)})


@pytest.mark.parametrize("column", ["outlet", "date", "title", "url", "Country"])
def test_metadata_fields_and_a_key_of_any_record_can_group(records_folder, column):
    check_group_column(CorpusReader(records_folder), column)  # no error


@pytest.mark.parametrize(("column", "hint"), [
    ("countyr", " (did you mean Country?)"),  # a typo
    ("COUNTRY", " (did you mean Country?)"),  # case only: too far apart for difflib, caught by the fallback
    ("bias", ""),  # nothing close: no suggestion
])
def test_did_you_mean_suggests_a_close_column(records_folder, column, hint):
    with pytest.raises(CorpusError) as error:
        check_group_column(CorpusReader(records_folder), column)
    assert str(error.value) == (f"--group-by {column}: no article has a column {column!r} — "
                                f"use outlet, date, title, url or Country{hint}")


def test_a_long_column_list_is_cut_to_twenty_names(make_corpus):
    record = {"text": BODY, "outlet": "RT", **{f"col{i:02d}": "v" for i in range(25)}}
    folder = make_corpus({"set.jsonl": json.dumps(record) + "\n"})
    with pytest.raises(CorpusError) as error:
        check_group_column(CorpusReader(folder), "side")
    listed = ", ".join(f"col{i:02d}" for i in range(15))
    assert str(error.value) == f"--group-by side: no article has a column 'side' — use outlet, date, title, url, " \
                               f"{listed} or 10 more"


def test_an_empty_folder_leaves_the_error_to_the_run(tmp_path):
    check_group_column(CorpusReader(tmp_path), "side")  # no error: the run says there are no articles
