"""The HTML report: self-contained pages for teachers to project, read and print.

The Markdown pages are the single source of the report's text: they are
rendered with markdown-it-py with raw HTML disabled (so nothing from an
article can become markup), links between pages are pointed at the HTML
pages, charts are embedded as data URIs with a one-sentence description as
alt text, and a Content-Security-Policy forbids scripts and outside requests.
The HTML adds what Markdown cannot show well: each article's text with what
framing found marked in place (:mod:`framing.report.articles`), the groups'
sentences side by side (:mod:`framing.report.side_by_side`), a table of
contents and page navigation.

A small set is one page, ``report.html``; a larger one (more than
``ONE_PAGE_ARTICLES`` articles) keeps the comparison in ``report.html`` and
gives each group its own page, ``<slug>.html``, with its articles.  The pages
are ``templates/report.html.j2`` with ``report.css`` inlined, the articles
``templates/article.html.j2`` and the side-by-side view
``templates/side_by_side.html.j2``.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.datafiles import template_text
from framing.report import side_by_side
from framing.report.articles import (
    MARKS_TEMPLATE,
    ArticleSource,
    DocumentSource,
    anchor,
    article_context,
    sentence_anchor,
    side_style,
)
from framing.report.evidence_index import EvidenceIndex
from framing.report.in_processes import map_in_order
from framing.report.markdown_html import (
    demote_headings,
    escape_attribute,
    first_heading,
    first_sentence,
    link_article_ids,
    split_quoted_lines,
    table_of_contents,
    with_heading_ids,
    wrap_tables,
)
from framing.report.markdown_pieces import render_in_pieces
from framing.run.runner import EVIDENCE_FILE

HTML_FILE = "report.html"
PAGE_TEMPLATE = "report.html.j2"
ARTICLES_TEMPLATE = "article.html.j2"
SIDE_BY_SIDE_TEMPLATE = "side_by_side.html.j2"
STYLESHEET = "report.css"
# default-src 'none' forbids scripts, frames, fonts and any request; only inline CSS and data: images load.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
# Up to this many articles the whole report is one page; beyond, each group gets its own page.
ONE_PAGE_ARTICLES = 40
# On a page of its own, a group shows at most this many articles annotated: those the report cites first,
# then the others in the set's order (1,000 annotated articles make a page of about 25 MB).
MAX_ANNOTATED = 100
# An example sentence's article id in the Markdown pages ("(`000_ba4c7e0c4217ab86`, sentence 3)").
_CITED_SENTENCE = re.compile(r"`([^`\n]+)`, sentence \d+")
# Ids the side-by-side template gives its headings (templates/side_by_side.html.j2).
INDEX_IDS = {"in-their-own-words", "same-concept", "same-statement"}
# Where a page's body goes in its rendered template (see _write): no text of a report holds a NUL.
_BODY_MARK = "\x00framing: the page's body\x00"

Render = Callable[[str, Mapping[str, Any]], str]


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The page's CSS, ``framing/report/templates/report.css``: read once, inlined in every page."""
    return template_text(STYLESHEET)


def render_markdown(text: str) -> str:
    """Markdown to HTML with raw HTML disabled and tables enabled.

    >>> render_markdown("<b>x</b> *y*")
    '<p>&lt;b&gt;x&lt;/b&gt; <em>y</em></p>\\n'

    A long page's long tables are rendered a few hundred rows at a time, their rows after the first
    few hundred put together cell by cell, to the same HTML
    (:func:`framing.report.markdown_pieces.render_in_pieces`).
    """
    parser = _parser()
    return render_in_pieces(text, parser.render, inline=parser.renderInline)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def write_html(folder: Path, context: Mapping[str, Any], render: Render, macros: Callable[[str], Any],
               documents: DocumentSource | None = None,
               evidence_ranges: Mapping[str, tuple[int, int]] | None = None, jobs: int = 1) -> Path:
    """Write ``report.html`` (and, for a larger set, one page per group); return the entry page.

    ``render(template, context)`` renders a report template and
    ``macros(template)`` gives a template's macros (the report's one Jinja
    environment, :mod:`framing.report.write`); ``documents(ids)`` parses the
    articles again for their text (without it, articles show no text);
    ``evidence_ranges`` says where each article's records are in
    ``evidence.jsonl`` (the run noted it; without it the file is scanned).
    With ``jobs`` > 1, the groups' articles are annotated in that many worker
    processes while this one writes the pages (:mod:`framing.report.in_processes`).
    """
    groups = context["groups"]
    split = sum(len(g["articles"]) for g in groups) > ONE_PAGE_ARTICLES
    pages = {g["slug"]: (f"{g['slug']}.html" if split else HTML_FILE) for g in groups}
    shown = _annotated_rows(groups, folder, context) if split else {g["slug"]: g["articles"] for g in groups}
    group_of = {row["id"]: g["name"] for g in groups for row in shown[g["slug"]]}
    links = _Links(pages, {row["id"]: pages[g["slug"]] for g in groups for row in shown[g["slug"]]}, split)
    alts = {chart["file"]: first_sentence(chart["caption"]) for chart in context.get("charts", [])}
    words = macros(MARKS_TEMPLATE)
    evidence = (EvidenceIndex.of(folder / EVIDENCE_FILE, group_of) if evidence_ranges is None
                else EvidenceIndex.of_ranges(folder / EVIDENCE_FILE, evidence_ranges, group_of))
    if split and isinstance(documents, ArticleSource):
        documents.keep(group_of)  # one reading of the set for every group's worker

    def annotate(chosen: Sequence[Mapping[str, Any]]) -> _Annotated:
        return _annotate(evidence, {row["id"]: row for g in chosen for row in shown[g["slug"]]}, documents,
                         context.get("sides", {}), _descriptions(context), words)

    def part(group: Mapping[str, Any], annotated: _Annotated) -> list[str]:
        return _group_part(group, shown[group["slug"]], folder, context, annotated, links, alts, render, split)

    def compare(placed: list[tuple[tuple[int, int], dict[str, Any]]]) -> str:
        return _compare(context, render, links, _concepts(context, _in_run_order(placed), words, group_of))

    # One group at a time: its articles are parsed, annotated and written, then let go; the next groups are
    # annotated (in worker processes) while this one's page is written.
    with map_in_order(lambda group: annotate([group]), groups if split else [], jobs) as annotated_groups:
        index = _markdown_part(folder / "index.md", "index", links, folder, alts, demote=0, here=HTML_FILE)
        pages_nav = [{"slug": g["slug"], "name": g["name"], "href": links.group(g["slug"])} for g in groups]
        head = {"csp": CSP, "stylesheet": stylesheet(), "index_href": links.index(), "pages": pages_nav}
        title = index_title(index)
        if not split:
            annotated = annotate(groups)
            parts = [piece for g in groups for piece in part(g, annotated)]
            return _write(folder / HTML_FILE, render, head,
                          [*index[:2], compare(annotated.terms), *index[2:], *parts], "index", index_title=title)
        placed = []
        for group, annotated in zip(groups, annotated_groups):
            placed.extend(annotated.terms)
            _write(folder / pages[group["slug"]], render, head, part(group, annotated), group["slug"],
                   index_title=title)
    return _write(folder / HTML_FILE, render, head, [*index[:2], compare(placed), *index[2:]], "index",
                  index_title=title)


def _compare(context: Mapping[str, Any], render: Render, links: Any, concepts: list[dict[str, Any]]) -> str:
    """The side-by-side view: the same statement and the same concept in each group's words."""
    return render(SIDE_BY_SIDE_TEMPLATE, {
        "statements": [{"speaker": s["speaker"], "n_articles": s["n_articles"],
                        "columns": side_by_side.statement_columns(s)} for s in context.get("statements", [])],
        "concepts": concepts,
        "link": links.sentence, "group_label": context["group_label"], "groups_label": context["groups_label"],
    })


class _Links:
    """Where a group, an article and a sentence are, from any page (one page: anchors; several: files)."""

    def __init__(self, pages: Mapping[str, str], article_pages: Mapping[str, str], split: bool) -> None:
        self.pages, self.article_pages, self.split = pages, article_pages, split

    def group(self, slug: str) -> str:
        return self.pages[slug] if self.split else f"#{slug}"

    def index(self) -> str:
        return HTML_FILE if self.split else "#index"

    def _page(self, article_id: str, here: str) -> str:
        page = self.article_pages.get(article_id, HTML_FILE)
        return "" if page == here else page

    def article(self, article_id: str, here: str = HTML_FILE) -> str:
        return f"{self._page(article_id, here)}#{anchor(article_id)}"

    def sentence(self, article_id: str, index: int, here: str = HTML_FILE) -> str:
        return f"{self._page(article_id, here)}#{sentence_anchor(article_id, index)}"


@dataclass
class _Annotated:
    """The articles shown, annotated: their template contexts, contested-term records and packs."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    # contested-term records with ``sentence_start``, each with its place in the run (see _in_run_order)
    terms: list[tuple[tuple[int, int], dict[str, Any]]] = field(default_factory=list)
    packs: dict[str, set[str]] = field(default_factory=dict)


def _annotate(index: EvidenceIndex, rows: Mapping[str, Mapping[str, Any]], documents: DocumentSource | None,
              sides: Mapping[str, Mapping[str, str]], descriptions: Mapping[tuple[str, str], str],
              words: Any) -> _Annotated:
    """Annotate each article shown, one at a time: its text is parsed and its records read only while it is."""
    annotated = _Annotated()

    def add(article_id: str, document: Any) -> None:
        records = index.records(article_id)
        annotated.articles[article_id] = article_context(rows[article_id], document, records, sides,
                                                         descriptions, words)
        terms = [r for r in records if r.get("kind") == "contested_term"]
        annotated.packs[article_id] = {(r.get("detail") or {}).get("pack", "") for r in terms}
        annotated.terms.extend(((index.first_byte(article_id), n),
                                {**r, "sentence_start": _sentence_start(document, r)}) for n, r in enumerate(terms))

    for article_id, document in (documents(sorted(rows)) if documents else ()):
        if article_id in rows and article_id not in annotated.articles:
            add(article_id, document)
    for article_id in rows:
        if article_id not in annotated.articles:
            add(article_id, None)
    return annotated


def _in_run_order(placed: Sequence[tuple[tuple[int, int], dict[str, Any]]]) -> list[dict[str, Any]]:
    """The records in the order evidence.jsonl has them (by their article's first byte, then in the article)."""
    return [record for _, record in sorted(placed, key=lambda item: item[0])]


def _sentence_start(document: Any, record: Mapping[str, Any]) -> Any:
    """Where the record's sentence starts in the body (None without the parsed text)."""
    index = record.get("sentence_index", -1)
    return document.sentences[index].start if document is not None and 0 <= index < len(document.sentences) else None


def _concepts(context: Mapping[str, Any], terms: Sequence[Mapping[str, Any]], words: Any,
              group_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """The contested concepts (as in the index's table), each with its groups' columns of sentences."""
    uses = side_by_side.term_uses(terms, group_of)
    sides = context.get("sides", {})

    def style(pack: str, side: str) -> str:
        return side_style(pack, side, sides)

    labels = {(c["pack"], c["concept"]): c["label"] for c in context.get("concepts", [])}

    def title(record: Mapping[str, Any]) -> str:
        detail = record.get("detail") or {}
        pack, concept = detail.get("pack", ""), detail.get("concept", "")
        about = sides.get(pack, {}).get(detail.get("side"), "")
        return str(words.term(detail, labels.get((pack, concept), concept), about))

    shown = [c for c in context.get("concepts", [])[:side_by_side.MAX_CONCEPTS] if len(c["users"]) >= 2]
    return [{**c, "columns": side_by_side.concept_columns(c, uses.get((c["pack"], c["concept"]), {}), style, title)}
            for c in shown]


def _annotated_rows(groups: Sequence[Mapping[str, Any]], folder: Path,
                    context: Mapping[str, Any]) -> dict[str, list[Mapping[str, Any]]]:
    """Per group (by slug), the articles its page annotates: all of them up to :data:`MAX_ANNOTATED`;
    beyond, those whose sentences the report's pages and statements cite, then the first others, in the
    group's order."""
    cited = {r["id"] for s in context.get("statements", []) for r in s.get("renderings", [])}
    for name in ("index", *(g["slug"] for g in groups)):
        page = folder / f"{name}.md"
        if page.is_file():
            cited.update(_CITED_SENTENCE.findall(page.read_text(encoding="utf-8")))
    chosen = {}
    for group in groups:
        rows = group["articles"]
        room = MAX_ANNOTATED - sum(1 for row in rows if row["id"] in cited)
        others = {row["id"] for row in rows if row["id"] not in cited}
        kept = set([row["id"] for row in rows if row["id"] in others][:max(0, room)])
        chosen[group["slug"]] = [row for row in rows if row["id"] not in others or row["id"] in kept]
    return chosen


def _group_part(group: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], folder: Path,
                context: Mapping[str, Any], annotated: _Annotated, links: _Links, alts: Mapping[str, str],
                render: Render, split: bool) -> list[str]:
    """A group's page (or section): its Markdown page, then its articles annotated (``rows``), in pieces
    (a large group's page is tens of megabytes: it is written piece by piece, never joined)."""
    page = _markdown_part(folder / f"{group['slug']}.md", group["slug"], links, folder, alts,
                          demote=0 if split else 1, here=links.pages[group["slug"]])
    sides = context.get("sides", {})
    articles = [annotated.articles[a["id"]] for a in rows]
    packs = sorted(set().union(*(annotated.packs[a["id"]] for a in rows)))
    legend_sides = [{"pack": p, "sides": [{"side": s, "about": about, "css": side_style(p, s, sides)}
                                          for s, about in sides.get(p, {}).items()]} for p in packs if p in sides]
    body = render(ARTICLES_TEMPLATE, {"group": group, "articles": articles, "legend_sides": legend_sides,
                                      "n_articles": len(group["articles"]),
                                      "level": 2 if split else 3, "group_label": context["group_label"]})
    return [f'<section class="group" id="{group["slug"]}">\n', *page, body, "</section>\n"]


def _descriptions(context: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    return {(c["pack"], c["concept"]): c.get("description", "") for c in context.get("concepts", [])}


def _markdown_part(path: Path, prefix: str, links: _Links, folder: Path, alts: Mapping[str, str],
                   demote: int, here: str) -> list[str]:
    """A Markdown page (on the HTML page ``here``) cut into its ``<h2>`` sections, with heading ids, local
    links and charts, and its article ids linked to the annotated articles."""
    html = split_quoted_lines(_localise(render_markdown(path.read_text(encoding="utf-8")), links, folder, alts))
    # Article ids in the Markdown's text (``000_ba4c…``) become links to the annotated articles.
    html = link_article_ids(html, lambda article_id, sentence: "" if article_id not in links.article_pages
                            else links.article(article_id, here) if sentence is None
                            else links.sentence(article_id, sentence, here))
    prefix = "" if prefix == "index" else prefix
    # The index's ids are the Markdown's own anchors ([Notes](#notes)); they must not take a group's id.
    reserved = {*links.pages, "index", "main"} | (INDEX_IDS if not prefix else set())
    html = wrap_tables(with_heading_ids(demote_headings(html, demote), prefix, reserved - {prefix}))
    cuts = [m.start() for m in re.finditer(r"<h[12] id=", html)][1:] or []
    parts = [html[a:b] for a, b in zip([0, *cuts], [*cuts, len(html)])]
    if not prefix:
        parts[0] = f'<section class="index" id="index">\n{parts[0]}'
        parts[-1] = f"{parts[-1]}</section>\n"
    return parts


def index_title(parts: Sequence[str]) -> str:
    """The text of the first heading of the index (the page's title)."""
    return first_heading(parts[0]) if parts else ""


def _localise(html: str, links: _Links, folder: Path, alts: Mapping[str, str]) -> str:
    """Point page links at the HTML pages and embed chart images as data URIs with their description."""
    for slug in links.pages:
        html = html.replace(f'href="{slug}.md"', f'href="{links.group(slug)}"')
    html = html.replace('href="index.md"', f'href="{links.index()}"')

    def embed(match: re.Match) -> str:
        name = match.group(1)
        chart = folder / "charts" / name
        if not chart.is_file():
            return match.group(0)
        data = base64.b64encode(chart.read_bytes()).decode("ascii")
        alt = alts.get(f"charts/{name}")
        described = f' alt="{escape_attribute(alt)}"' if alt else f' alt="{match.group(2)}"'
        return f'<img src="data:image/png;base64,{data}"{described}'

    html = re.sub(r'<img src="charts/([\w.-]+\.png)" alt="([^"]*)"', embed, html)
    # SVG links would leave the page: keep the text, drop the link.
    return re.sub(r'<a href="charts/[\w.-]+\.svg">([^<]*)</a>', r"\1", html)


def _write(path: Path, render: Render, head: Mapping[str, Any], parts: Sequence[str], current: str,
           index_title: str) -> Path:
    """Write the page whose body is ``parts``: the page template around them, the parts written one by one
    (the template is rendered with a mark where the body goes), so that the page is never one string."""
    toc = table_of_contents(parts)
    title = index_title if current == "index" else (toc[0]["text"] if toc else "")
    page = render(PAGE_TEMPLATE, {**head, "body": _BODY_MARK, "toc": toc, "current": current, "title": title})
    before, after = page.split(_BODY_MARK)  # the template shows its body once
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(before)
        for part in parts:
            handle.write(part)
        handle.write(after)
    return path
