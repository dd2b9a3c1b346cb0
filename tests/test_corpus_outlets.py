"""Recognising an outlet from a URL or a dateline (the packaged registry, ``outlets.toml``)."""

from __future__ import annotations

import pytest

from framing.corpus.outlets import OutletRegistry


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.packaged()


@pytest.mark.parametrize("url, outlet", [
    ("https://www.themoscowtimes.com/2019/04/15/story", "The Moscow Times"),
    ("HTTPS://WWW.RT.COM/news/456789-nato-cooperation/", "RT"),  # host compared in lower case
    ("https://russian.rt.com/world/article/1", "RT"),
    ("https://edition.cnn.com/2022/02/24/europe/story", "CNN"),  # a parent domain serves it
    ("https://www.bbc.co.uk/news/world-europe-47941181", "BBC News"),
    ("https://tass.ru/politika/5000000", "TASS"),
    ("https://www.pravda.com.ua/eng/news/2022/02/24/1/", "Ukrainska Pravda"),
    ("  https://apnews.com/article/abc  ", "Associated Press"),  # surrounding spaces
])
def test_from_url_names_the_outlet(registry, url, outlet):
    assert registry.from_url(url) == outlet


@pytest.mark.parametrize("url", [
    "https://rt.com.example.org/story",  # a look-alike: rt.com is not its parent domain
    "https://news.example.co.uk/story",
    "not a url",
    "http://[::1",  # urlsplit raises on it
])
def test_from_url_gives_none_for_unknown_or_broken_urls(registry, url):
    assert registry.from_url(url) is None


@pytest.mark.parametrize("text, url, expected", [
    ("MOSCOW, February 16. /TASS/. NATO's declared readiness ...", "", ("TASS", 'dateline "/TASS/"')),
    ("BRUSSELS (Reuters) - NATO allies agreed ...", "", ("Reuters", 'dateline "(Reuters)"')),
    # A known URL wins over a dateline; its evidence names the host (in lower case).
    ("MOSCOW, February 16. /TASS/. ...", "https://www.RT.com/news/1", ("RT", "url www.rt.com")),
    # An unknown URL falls back on the text.
    ("KYIV (AP) - Ukraine said ...", "https://example.org/a", ("Associated Press", 'dateline "(AP)"')),
    ("Moscow stopped cooperating with NATO.\nOriginal url: <https://www.themoscowtimes.com/2019/04/15/a>",
     "", ("The Moscow Times", '"Original url:" line (www.themoscowtimes.com)')),
])
def test_infer_gives_the_outlet_and_the_evidence(registry, text, url, expected):
    assert registry.infer(text, url) == expected


def test_a_dateline_counts_only_near_the_top():
    text = "Officials met in Brussels on Monday. " * 20 + "(Reuters)"
    assert len(text) > 600
    assert OutletRegistry.packaged().infer(text) is None
    assert OutletRegistry.packaged().infer(text[-300:]) == ("Reuters", 'dateline "(Reuters)"')


def test_a_registry_of_ones_own_domains_and_datelines():
    registry = OutletRegistry({"kyivpost.com": "Kyiv Post"}, (("(KP)", "Kyiv Post"),))
    assert registry.from_url("https://www.kyivpost.com/post/1") == "Kyiv Post"
    assert registry.infer("KYIV (KP) - The government said ...") == ("Kyiv Post", 'dateline "(KP)"')
    assert registry.from_url("https://www.themoscowtimes.com/2019/04/15/story") is None
