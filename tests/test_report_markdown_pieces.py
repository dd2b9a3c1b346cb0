"""Long pages are rendered in pieces to exactly the HTML of rendering them whole."""

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from framing.report import markdown_pieces
from framing.report.markdown_pieces import long_tables, render_in_pieces, table_rows

SEEDS_REPORT = Path(__file__).resolve().parent.parent / "reports"
# The parser the report uses (framing.report.html), rendering a whole page at once.
WHOLE = MarkdownIt("commonmark", {"html": False}).enable("table").render

SPEAKERS = [("Sergei Lavrov", "Russian government", 12, "say (9), tell (3)"),
            ("Jens Stoltenberg", "NATO / Western governments", 9, "say (6), warn (3)"),
            ("“he” (not resolved)", "unidentified", 4, "add (4)"),
            ("Alexander Grushko", "Russian government", 3, "say (2), stress (1)"),
            ("a NATO official | spokesman", "anonymous sources", 2, "tell (2)")]


def _page(rows: int) -> str:
    table = "".join(f"| {name} | {side} | {n} | `{verbs}` |\n" for name, side, n, verbs in SPEAKERS * rows)
    return ("# RT\n\nRT's 5 articles, against the other outlets' *12*.\n\n## Whom it quotes\n\n"
            "- a list item\n- another, with [a link](index.md#notes)\n\n"
            "| Speaker | Side | Statements | Verbs |\n|---|---|---:|:---|\n" + table
            + "\n> “We see no signs”, said Grushko.\n\n## Tone\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")


@pytest.mark.parametrize("rows", [1, 2, 7, 300])
def test_a_long_table_in_pieces_is_the_table_rendered_whole(rows):
    page = _page(40)
    assert long_tables(page.split("\n"), rows) if rows < 200 else True
    assert render_in_pieces(page, WHOLE, rows=rows, min_chars=0) == WHOLE(page)


def test_pages_that_pieces_could_change_are_rendered_whole():
    fenced = "```\n" + _page(3) + "```\n"
    referenced = _page(3) + "\n[notes]: index.md\n"
    run_on = "| a |\n|---|\n| 1 |\n| 2 |\nnot a blank line\n"
    for page in (fenced, referenced, run_on):
        assert render_in_pieces(page, WHOLE, rows=1, min_chars=0) == WHOLE(page)
    assert long_tables(run_on.split("\n"), 1) == []


def test_the_seeds_pages_render_the_same_in_pieces():
    pages = sorted(SEEDS_REPORT.glob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert render_in_pieces(text, WHOLE, rows=2, min_chars=0) == WHOLE(text)


INLINE = MarkdownIt("commonmark", {"html": False}).enable("table").renderInline
# Cells markdown-it splits, trims, escapes or links in its own ways.
AWKWARD_ROWS = [
    "| a \\| b | `code | with pipe` | [link](index.md#x) |",
    "| *em* and **strong** | <script>x</script> | &amp; &copy; &#9; |",
    "|  | trailing \\\\ | \\* not em |",
    "| one | two | three | four, more cells than the head |",
    "|no spaces|at|all|",
    "| `a` `b` | ![image](charts/x.png) | <https://example.org/a?b=c> |",
    "| “quoted” — dash | tab\there | ends with a backslash \\ |",
]


@pytest.mark.skipif(markdown_pieces.escapedSplit is None or markdown_pieces.mdTrim is None,
                    reason="markdown-it-py before 4.3 has no table cell helpers: tables are rendered whole")
@pytest.mark.parametrize("rows", [1, 2, 5])
def test_rows_put_together_from_their_cells_are_the_table_rendered_whole(rows):
    body = (AWKWARD_ROWS + [f"| s{i} | say ({i % 3}) | 0 |" for i in range(30)]) * 3
    page = "Intro *text*.\n\n| Speaker | Verbs | n |\n|:--|---|--:|\n" + "\n".join(body) + "\n\nEnd.\n"
    assert render_in_pieces(page, WHOLE, rows=rows, min_chars=0, inline=INLINE) == WHOLE(page)
    table = WHOLE("| Speaker | Verbs | n |\n|:--|---|--:|\n" + "\n".join(body) + "\n")
    opening = table[:table.index("<tbody>\n") + len("<tbody>\n")]
    assert opening + "".join(table_rows(body, opening, INLINE)) + "</tbody>\n</table>\n" == table
    assert render_in_pieces(_page(40), WHOLE, rows=rows, min_chars=0, inline=INLINE) == WHOLE(_page(40))


def test_a_row_with_fewer_cells_than_the_head_is_left_to_markdown_it():
    page = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 5 + "| only one |\n" + "| 3 | 4 |\n" * 5
    assert table_rows(page.splitlines()[2:], "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n",
                      INLINE) is None
    assert render_in_pieces(page, WHOLE, rows=2, min_chars=0, inline=INLINE) == WHOLE(page)


def test_the_seeds_pages_render_the_same_with_rows_put_together():
    for page in sorted(SEEDS_REPORT.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert render_in_pieces(text, WHOLE, rows=1, min_chars=0, inline=INLINE) == WHOLE(text)
