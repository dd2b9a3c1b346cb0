"""The one-page HTML report: the Markdown pages in templates/report.html.j2, with report.css inlined."""

import base64
from importlib import resources

import pytest

from framing.report.html import CSP, stylesheet, write_html
from framing.report.write import render_template

PNG = b"\x89PNG\r\n\x1a\nnot really an image"
INDEX = """# Framing report

See [RT](rt.md) and [TASS](tass.md).

![Who speaks](charts/voices.png)

Caption ([SVG](charts/voices.svg))

<script>alert(1)</script>
"""


@pytest.fixture
def page(tmp_path):
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "voices.png").write_bytes(PNG)
    (tmp_path / "index.md").write_text(INDEX, encoding="utf-8")
    (tmp_path / "rt.md").write_text("# RT\n\n[← Comparison](index.md)\n", encoding="utf-8")
    (tmp_path / "tass.md").write_text("# TASS\n\nNo chart: ![missing](charts/none.png)\n", encoding="utf-8")
    path = write_html(tmp_path, {"groups": [{"slug": "rt"}, {"slug": "tass"}]}, render_template)
    assert path == tmp_path / "report.html"
    return path.read_text(encoding="utf-8")


def test_the_stylesheet_is_the_packaged_file():
    css = resources.files("framing.report").joinpath("templates", "report.css").read_text(encoding="utf-8")
    assert stylesheet() == css
    assert css.startswith("body { font: 16px/1.5 Georgia") and "@media print" in css


def test_the_css_is_inlined_exactly(page):
    assert f"<title>Framing report: 2 groups</title>\n<style>\n{stylesheet()}</style>\n</head>" in page
    assert "<link" not in page


def test_the_page_runs_no_script_and_fetches_nothing(page):
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pages_become_sections_and_links_anchors(page):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    assert page.endswith("</section>\n</body>\n</html>\n")
    assert '<section id="index"><h1>Framing report</h1>' in page
    assert '<section class="outlet" id="rt"><h1>RT</h1>' in page
    assert page.index('id="rt"') < page.index('id="tass"')
    assert '<a href="#rt">RT</a> and <a href="#tass">TASS</a>' in page
    assert '<a href="#index">← Comparison</a>' in page


def test_charts_are_embedded_and_svg_links_dropped(page):
    data = base64.b64encode(PNG).decode("ascii")
    assert f'<img src="data:image/png;base64,{data}" alt="Who speaks" />' in page
    assert "Caption (SVG)" in page and "voices.svg" not in page
    # A chart that is not there stays a plain (dead) reference rather than failing the page.
    assert 'src="charts/none.png"' in page
