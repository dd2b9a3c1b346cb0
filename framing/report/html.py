"""One self-contained HTML page from the Markdown report, for teachers to open or print.

The Markdown pages are the single source: they are rendered with
markdown-it-py with raw HTML disabled (so nothing from an article can become
markup), links between pages become anchors, charts are embedded as data
URIs, and a Content-Security-Policy forbids scripts and outside requests.
The page around them is the template ``report.html.j2``, its CSS
``report.css`` (both in ``framing/report/templates/``).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.datafiles import template_text

HTML_FILE = "report.html"
PAGE_TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The page's CSS, ``framing/report/templates/report.css``: read once, inlined in the page."""
    return template_text(STYLESHEET)


def render_markdown(text: str) -> str:
    """Markdown to HTML with raw HTML disabled and tables enabled."""
    return _parser().render(text)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def write_html(folder: Path, context: Mapping[str, Any], render: Callable[[str, Mapping[str, Any]], str]) -> Path:
    """Write ``report.html``: the index and every group page, charts embedded.

    ``render(template, context)`` renders a report template (the report's one
    Jinja environment, :func:`framing.report.write.render_template`); the page
    is ``templates/report.html.j2``.
    """
    slugs = [group["slug"] for group in context["groups"]]
    page = render(PAGE_TEMPLATE, {
        "csp": CSP,
        "stylesheet": stylesheet(),
        "index": _localise(render_markdown(_read(folder / "index.md")), folder, slugs),
        "sections": [{"slug": slug, "html": _localise(render_markdown(_read(folder / f"{slug}.md")), folder, slugs)}
                     for slug in slugs],
    })
    path = folder / HTML_FILE
    path.write_text(page, encoding="utf-8")
    return path


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _localise(html: str, folder: Path, slugs: list[str]) -> str:
    """Point page links at sections and embed chart images as data URIs."""
    for slug in slugs:
        html = html.replace(f'href="{slug}.md"', f'href="#{slug}"')
    html = html.replace('href="index.md"', 'href="#index"')

    def embed(match: re.Match) -> str:
        name = match.group(1)
        chart = folder / "charts" / name
        if not chart.is_file():
            return match.group(0)
        data = base64.b64encode(chart.read_bytes()).decode("ascii")
        return f'src="data:image/png;base64,{data}"'

    html = re.sub(r'src="charts/([\w.-]+\.png)"', embed, html)
    # SVG links would leave the page: keep the text, drop the link.
    return re.sub(r'<a href="charts/[\w.-]+\.svg">([^<]*)</a>', r"\1", html)
