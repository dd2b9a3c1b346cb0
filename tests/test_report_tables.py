"""Every table of the report keeps its cells under their headings, also when an outlet lacks a measure.

Issue 11: an outlet that quotes nobody has no "Named sources" figure; its row
lost that cell and every later value moved one column left.  Here one outlet
quotes nobody (real paragraphs from the seeds with no attribution), one has a
single very short article that is only a quotation (no own-voice sentence,
no speaker), and one quotes freely.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Paragraphs of The Moscow Times and TASS seed articles that attribute nothing to anyone.
UNQUOTED = {
    "moscow-times-background.txt": (
        "NATO and Russia\n\n"
        "The Western alliance suspended military and civilian cooperation with Russia in the spring of 2014 "
        "in response to Moscow's annexation of the Crimean peninsula. Several disputes, including a naval "
        "standoff in the Kerch Strait and the U.S. withdrawal from a Cold War-era nuclear treaty, have further "
        "strained ties between Russia and the 70-year-old bloc.\n"),
    # A "|" in the id must not split the cell of the Articles table.
    "tass|council.txt": (
        "Russia-NATO Council\n\n"
        "Ambassadorial meetings of the Russia-NATO Council used to be held several times a month but after "
        "the Ukrainian crisis erupted, which led to the freezing of relations between Russia and NATO, their "
        "number reduced to three to four a year. Only three issues have been discussed at the Council's recent "
        "meetings - the situation in Afghanistan, the transparency of military activities in Europe and the "
        "civil war in Ukraine.\n"),
}
# The opening quotation of the RT seed, on its own: no speaker, nothing in the outlet's own voice.
SHORT = "Cooperation\n\n\"Civil and military cooperation has ceased completely.\"\n"
MANIFEST = ("file,outlet\n000_ba4c7e0c4217ab86.txt,Quoting Wire\n002_f00be18f7071aa6d.txt,Quoting Wire\n"
            "moscow-times-background.txt,Plain Desk\ntass|council.txt,Plain Desk\nshort.txt,Brief\n")
PIPE = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("gaps") / "articles"
    corpus.mkdir()
    for name in ("000_ba4c7e0c4217ab86.txt", "002_f00be18f7071aa6d.txt"):
        (corpus / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in {**UNQUOTED, "short.txt": SHORT}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "articles.csv").write_text(MANIFEST, encoding="utf-8")
    out = corpus.parent / "report"
    result = CliRunner().invoke(main, ["report", str(corpus), "--out", str(out), "--jobs", "1",
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    return out


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table of a Markdown page as rows of cell texts (header first, delimiter row dropped)."""
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append([cell.strip() for cell in PIPE.split(line.strip())[1:-1]])
        elif current:
            tables.append([current[0]] + current[2:])
            current = []
    return tables


class TableCells(HTMLParser):
    """Every ``<table>`` of an HTML page as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(text: str) -> list[list[list[str]]]:
    parser = TableCells()
    parser.feed(text)
    parser.close()
    return parser.tables


def pages(report: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(report.glob("*.md"))}


def row_of(table: list[list[str]], first_cell: str) -> dict[str, str]:
    """The row whose first cell reads ``first_cell``, as heading → cell."""
    row = next(r for r in table[1:] if first_cell in r[0])
    return dict(zip(table[0], row, strict=True))


def side_by_side(tables: list[list[list[str]]]) -> list[list[str]]:
    return next(t for t in tables if t[0][:2] == ["Outlet", "Articles"])


def test_every_markdown_row_has_its_headers_number_of_cells(report):
    found = pages(report)
    assert {"index.md", "plain-desk.md", "brief.md", "quoting-wire.md"} <= set(found)
    for name, text in found.items():
        tables = markdown_tables(text)
        assert tables, name
        for table in tables:
            for row in table[1:]:
                assert len(row) == len(table[0]), f"{name}: {row} under {table[0]}"


def test_every_html_row_has_its_headers_number_of_cells(report):
    # markdown-it pads a short row with empty cells and cuts a long one, so in the
    # HTML a shifted row still counts right: the dash test below checks positions.
    tables = html_tables((report / "report.html").read_text(encoding="utf-8"))
    markdown = [t for text in pages(report).values() for t in markdown_tables(text)]
    assert len(tables) == len(markdown)
    for table in tables:
        for row in table[1:]:
            assert len(row) == len(table[0]), f"{row} under {table[0]}"


def test_missing_measures_read_dash_under_their_own_heading(report):
    for tables in (markdown_tables((report / "index.md").read_text(encoding="utf-8")),
                   html_tables((report / "report.html").read_text(encoding="utf-8"))):
        table = side_by_side(tables)
        plain_desk, brief, quoting = (row_of(table, name) for name in ("Plain Desk", "Brief", "Quoting Wire"))
        # Nobody is quoted: no share of named sources, but a rate of 0 attributions.
        assert plain_desk["Named sources"] == "–" and plain_desk["Attributed statements"] == "0.0 (0.0 to 0.0)"
        assert brief["Named sources"] == "–" and brief["Tone in its own voice"] == "–"
        # The cells after the gap stay under their headings: 7 words, grade from one sentence.
        assert brief["Length"] == "7" and brief["Flesch–Kincaid grade"] != "7"
        assert "–" not in quoting.values()
        assert int(quoting["Length"].split()[0]) > 250


def test_outlet_page_lists_every_measure_with_a_dash_for_the_missing(report):
    page = (report / "plain-desk.md").read_text(encoding="utf-8")
    figures = next(t for t in markdown_tables(page) if t[0][0] == "Measure")
    assert len(figures) - 1 == len(side_by_side(markdown_tables(
        (report / "index.md").read_text(encoding="utf-8")))[0]) - 2
    named = row_of(figures, "Named sources")
    assert named["Plain Desk"] == "–" and named["Difference"] == "–" and named["Others"] != "–"
    articles = next(t for t in markdown_tables(page) if t[0][0] == "Title")
    assert row_of(articles, "Russia-NATO Council") == {"Title": "Russia-NATO Council", "Date": "–", "Link": "–",
                                                        "Id": r"`tass\|council`"}


def test_contested_terms_columns_follow_the_outlets(report):
    index = (report / "index.md").read_text(encoding="utf-8")
    crimea = next(t for t in markdown_tables(index) if any(r[0] == "“annexation”" for r in t[1:]))
    # Outlets by number of articles, then by name: the order of the side-by-side table.
    assert crimea[0][2:] == ["Plain Desk", "Quoting Wire", "Brief"]
    annexation = row_of(crimea, "“annexation”")
    # The Moscow Times seed and its background paragraph each say "annexation" once; Brief never does.
    assert annexation["Quoting Wire"] == "1" and annexation["Plain Desk"] == "1" and annexation["Brief"] == ""
