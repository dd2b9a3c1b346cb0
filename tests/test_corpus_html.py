"""Article text and metadata from an HTML page: the paragraphs stay, the page furniture goes."""

import pytest

from framing.corpus.html import extract_html

PARAGRAPHS = [
    "Russia has stopped all cooperation with the North Atlantic Treaty Organization (NATO), Deputy Foreign "
    "Minister Alexander Grushko said in an interview with state media on Monday.",
    "The Western alliance suspended military and civilian cooperation with Russia in the spring of 2014 in "
    "response to Moscow's annexation of the Crimean peninsula. Several disputes, including a naval standoff in "
    "the Kerch Strait and the U.S. withdrawal from a Cold War-era nuclear treaty, have further strained ties "
    "between Russia and the 70-year-old bloc.",
    '"NATO has itself abandoned a positive agenda in its relations with Russia. It doesn\'t exist," Grushko told '
    "the state-run RIA Novosti news agency.",
]
TITLE = "Russia Has Ceased 'All' Cooperation With NATO, Foreign Ministry Official Says"
URL = "https://www.themoscowtimes.com/2019/04/15/russia-has-ceased-all-cooperation-with-nato-a65238"

# The Moscow Times article as a page: Open Graph tags, a menu, scripts, a style sheet, an iframe, a footer.
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{TITLE} - The Moscow Times</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="The Moscow Times">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="2019-04-15T12:04:00+03:00">
<script>window.banner = "Subscribe to our newsletter";</script>
<style>p {{ color: darkred }}</style>
</head><body>
<nav><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<article>
<h1>{TITLE}</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<iframe src="https://ads.example.com/frame"></iframe>
<p onclick="alert('tracked')">{PARAGRAPHS[2]}</p>
<script>document.write("tracking pixel loaded");</script>
</article>
<footer><p>© 2019 The Moscow Times. All rights reserved. Privacy policy.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def extracted():
    return extract_html(PAGE)


def test_the_article_paragraphs_are_kept_in_order(extracted):
    text, _ = extracted
    assert text.split("\n") == [TITLE, *PARAGRAPHS]


@pytest.mark.parametrize("furniture", [
    "News", "Opinion",  # the menu
    "window.banner", "Subscribe to our newsletter", "tracking pixel",  # scripts
    "darkred",  # the style sheet
    "alert", "ads.example.com",  # an event handler and an iframe
    "All rights reserved", "Privacy policy",  # the footer
])
def test_page_furniture_never_reaches_the_text(extracted, furniture):
    assert furniture not in extracted[0]


def test_metadata_title_date_url_and_site_name(extracted):
    _, meta = extracted
    assert meta == {"title": TITLE, "date": "2019-04-15", "url": URL, "outlet": "The Moscow Times"}


def test_a_plain_page_gives_its_title_and_no_outlet():
    page = (f"<html><head><title>NATO chief urges unity in U.S. address</title></head><body>"
            f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></body></html>")
    text, meta = extract_html(page)
    assert text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[2]}"
    assert meta == {"title": "NATO chief urges unity in U.S. address"}


@pytest.mark.parametrize(("page", "meta"), [
    ("", {}),
    ("<html></html>", {}),
    ("<html><head><title>The Moscow Times</title></head></html>", {"title": "The Moscow Times"}),
])
def test_a_page_without_an_article_gives_no_text(page, meta):
    assert extract_html(page) == ("", meta)


@pytest.mark.parametrize("extra", [
    "<footer>Copyright 2019.</footer>",  # gives 2019-01-01
    "",  # "in the spring of 2014" in the second paragraph gives 2014-01-01
])
def test_a_year_in_the_page_is_not_the_article_date(extra):
    page = (f"<html><head><title>NATO chief urges unity</title></head><body><p>{PARAGRAPHS[0]}</p>"
            f"<p>{PARAGRAPHS[1]}</p>{extra}</body></html>")
    assert "date" not in extract_html(page)[1]
