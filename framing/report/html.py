"""One self-contained HTML page from the Markdown report, for teachers to open or print.

The Markdown pages are the single source: they are rendered with
markdown-it-py with raw HTML disabled (so nothing from an article can become
markup), links between pages become anchors, charts are embedded as data
URIs, and a Content-Security-Policy forbids scripts and outside requests.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

HTML_FILE = "report.html"
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
section.outlet { border-top: 3px solid #0072B2; margin-top: 3rem; }
table { border-collapse: collapse; margin: 1rem 0; font: 13px/1.4 Helvetica, Arial, sans-serif; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #f0f0f0; }
blockquote { margin: 0.3rem 0 0.6rem 1rem; padding-left: 0.8rem; border-left: 3px solid #ccc; color: #333; }
img { max-width: 100%; height: auto; }
code { font-size: 0.85em; }
@media print { section.outlet { page-break-before: always; } a { color: inherit; } }
"""


def render_markdown(text: str) -> str:
    """Markdown to HTML with raw HTML disabled and tables enabled."""
    return _parser().render(text)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def write_html(folder: Path, context: Mapping[str, Any]) -> Path:
    """Write ``report.html``: the index and every group page, charts embedded."""
    slugs = [group["slug"] for group in context["groups"]]
    parts = [f'<section id="index">{_localise(render_markdown(_read(folder / "index.md")), folder, slugs)}</section>']
    for slug in slugs:
        html = _localise(render_markdown(_read(folder / f"{slug}.md")), folder, slugs)
        parts.append(f'<section class="outlet" id="{slug}">{html}</section>')
    title = f"Framing report: {len(slugs)} groups"
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )
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
