"""Extract an article's text and metadata from HTML (trafilatura, imported lazily)."""

from __future__ import annotations

DATE_SEARCH = {"extensive_search": False, "original_date": True}


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """The main text of ``html`` and its title, date, url and site name when found.

    Scripts, iframes, styles and event handlers never reach the text.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_links=False, include_images=False, favor_precision=True) or ""
    meta: dict[str, str] = {}
    # No extensive date search: it takes any year on the page ("Copyright 2019",
    # "in the spring of 2014") for the date, as YYYY-01-01.
    info = trafilatura.extract_metadata(html, date_config=DATE_SEARCH)
    if info is not None and info.title and text.strip() == info.title.strip():
        text = ""  # a page with a title and no article (older trafilatura returns the title)
    if info is not None:
        for key, value in (("title", info.title), ("date", info.date), ("url", info.url),
                           ("outlet", info.sitename)):
            if value:
                meta[key] = str(value)
    return text, meta
