"""Extract an article's text and metadata from HTML (trafilatura, imported lazily)."""

from __future__ import annotations


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """The main text of ``html`` and its title, date, url and site name when found.

    Scripts, iframes, styles and event handlers never reach the text.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_links=False, include_images=False, favor_precision=True) or ""
    meta: dict[str, str] = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for key, value in (("title", info.title), ("date", info.date), ("url", info.url),
                           ("outlet", info.sitename)):
            if value:
                meta[key] = str(value)
    return text, meta
