"""One article in each supported input format is read with its metadata and scored (tests/data/formats)."""

import csv
from pathlib import Path

from click.testing import CliRunner

from framing.cli import main

FORMATS = Path(__file__).resolve().parent / "data" / "formats"

# What a person reads in each file: its outlet and title.
EXPECTED = {
    "archive.jsonl.gz#1": ("Coastal Times", "Ferry service resumes"),
    "notes": ("Harbour Weekly", "Port workers end strike"),
    "page": ("Valley Courier", "Storm closes schools across the region"),
    "plain": ("unknown", "Parliament approves new budget after long debate"),
    "record.json#1": ("Daily Ledger", "City council votes to expand bus service"),
    "records.jsonl#1": ("Morning Post", "Drought cuts wheat harvest"),
    "table.csv#2": ("Evening Star", "Museum reopens after renovation"),
}


def test_one_file_of_each_format_is_scored_with_its_metadata(tmp_path):
    out = tmp_path / "scores"
    result = CliRunner().invoke(main, ["score", str(FORMATS), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with open(out / "features.csv", encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert {key: (row["outlet"], row["title"]) for key, row in rows.items()} == EXPECTED
    # The HTML page's navigation and footer are not part of its text.
    words = {key: int(float(row["readability__n_words"])) for key, row in rows.items()}
    assert words["page"] == 76  # the three paragraphs, counted by hand
