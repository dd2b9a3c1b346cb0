"""The annotated articles of the HTML report: each article's text with what framing found marked in place.

The text is each article's cleaned body, parsed again exactly as in scoring
(:func:`parse_articles`); the marks come from the run's ``evidence.jsonl``
records, whose character offsets point into that body.  Every sentence also
gets its VADER tone band (the same analyzer as the sentiment family).  The
words of titles and labels are in ``templates/marks.txt.j2``.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("a", "NATO calls it an annexation. Moscow speaks of reunification.")
>>> records = [{"family": "lexicon", "kind": "contested_term", "start": 17, "end": 27, "text": "annexation",
...             "detail": {"pack": "p", "concept": "crimea", "side": "west", "variant": "annexation",
...                        "voice": "own"}}]
>>> from framing.report.write import template_macros
>>> words = template_macros(MARKS_TEMPLATE)
>>> paragraphs = annotated_paragraphs(doc, records, {"p": {"west": "", "russia": ""}}, {}, words)
>>> first, second = paragraphs[0].split("</span> ")
>>> first.split('">')[0]
'<span class="sentence tone-neutral" id="s-a-0" title="Sentence tone +0.00 (VADER): neutral'
>>> first[first.index("<mark"):].split('title="')[1].split('"')[0]
'Contested term “annexation”: Crimea — the west wording, in the outlet&#x27;s own voice'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from html import escape
from typing import Any

from framing.compare.findings import concept_label
from framing.document.parse import ArticleText, Document, FurnitureSource, Sentence, parse_article
from framing.features.sentiment.scorer import CLEAR_TONE, make_analyzer
from framing.report.annotate import Mark, marks_in, overlapping, record_spans, render_span, tone_band

MARKS_TEMPLATE = "marks.txt.j2"
# Sides of a lexicon pack take the palette's colours (and underline patterns) in turn.
N_SIDE_STYLES = 4
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def parse_articles(articles: Iterable[ArticleText], wanted: Collection[str],
                   furniture: FurnitureSource | None = None) -> Iterator[tuple[str, Document]]:
    """``(id, Document)`` for every article of ``articles`` whose id is in ``wanted``, one at a time.

    Articles are cleaned and parsed exactly as in scoring (pass the run's
    learned ``furniture``), so the offsets of the evidence records fit.  They
    come in the order of ``articles``, each id once, and reading stops when
    all are found.
    """
    wanted = set(wanted)
    for article in articles:
        if article.id in wanted:
            wanted.discard(article.id)
            yield article.id, parse_article(article, furniture)[0]
            if not wanted:
                return


class ArticleSource:
    """The articles of a run to parse again, from its reader: ``source(ids)`` is :func:`parse_articles`.

    A report annotates a few groups' articles, each group in a worker process
    (:mod:`framing.report.in_processes`), and each group's call read the set
    from its start (twelve groups of a 10,000-article set: twelve readings).
    :meth:`keep` reads the set once, before the workers are forked, and keeps
    the texts of the articles named (a few hundred: their bodies, a few MB);
    later calls parse those without reading the set again, in the same order.

    >>> from framing.corpus.article import Article
    >>> source = ArticleSource([Article("a", "One."), Article("b", "Two."), Article("a", "Again.")])
    >>> source.keep(["b", "a"])
    >>> [(article_id, document.body) for article_id, document in source(["a", "b"])]
    [('a', 'One.'), ('b', 'Two.')]
    """

    def __init__(self, articles: Iterable[ArticleText], furniture: FurnitureSource | None = None) -> None:
        self.articles, self.furniture = articles, furniture
        self._kept: dict[str, ArticleText] | None = None

    def keep(self, ids: Collection[str]) -> None:
        """Read the set once and keep the articles ``ids`` names (the first of each id), in the set's order."""
        wanted, kept = set(ids), {}
        for article in self.articles:
            if article.id in wanted and article.id not in kept:
                kept[article.id] = article
                if len(kept) == len(wanted):
                    break
        self._kept = kept

    def __call__(self, ids: Collection[str]) -> Iterator[tuple[str, Document]]:
        kept = self._kept
        if kept is not None and all(article_id in kept for article_id in ids):
            wanted = set(ids)
            return parse_articles((article for article in kept.values() if article.id in wanted), wanted,
                                  self.furniture)
        return parse_articles(self.articles, ids, self.furniture)


def anchor(article_id: str) -> str:
    """An HTML id for an article: ``art-`` and its id, any other character as ``-``.

    >>> anchor("000_ba4c7e0c"), anchor('x"><script>')
    ('art-000_ba4c7e0c', 'art-x-script-')
    """
    return "art-" + _ANCHOR_UNSAFE.sub("-", article_id)


def sentence_anchor(article_id: str, index: int) -> str:
    """The HTML id of sentence ``index`` of an article (see :func:`anchor`).

    >>> sentence_anchor("000_ba4c7e0c", 3)
    's-000_ba4c7e0c-3'
    """
    return f"s-{anchor(article_id)[4:]}-{index}"


def side_style(pack: str, side: str, sides: Mapping[str, Mapping[str, str]]) -> str:
    """The CSS class of a side of a lexicon pack: ``side-0`` … ``side-3``, by the side's place in its pack.

    >>> side_style("p", "russia", {"p": {"west": "", "russia": ""}}), side_style("q", "x", {})
    ('side-1', 'side-0')
    """
    order = list(sides.get(pack, {}))
    return f"side-{order.index(side) % N_SIDE_STYLES if side in order else 0}"


def record_marks(records: Iterable[Mapping[str, Any]], sides: Mapping[str, Mapping[str, str]],
                 descriptions: Mapping[tuple[str, str], str], words: Any) -> list[Mark]:
    """The marks of an article's evidence records, with their classes and titles (``words``: marks.txt.j2's macros)."""
    spans = []
    for record in records:
        for start, end, role in record_spans(record):
            css, title = _style(role, record, words, sides, descriptions)
            spans.append((start, end, role, css, title))
    return marks_in(spans)


def _style(role: str, record: Mapping[str, Any], words: Any, sides: Mapping[str, Mapping[str, str]],
           descriptions: Mapping[tuple[str, str], str]) -> tuple[str, str]:
    detail = record.get("detail") or {}
    if role == "term":
        pack, concept, side = detail.get("pack", ""), detail.get("concept", ""), detail.get("side", "")
        label = concept_label(concept, descriptions.get((pack, concept), ""))
        about = sides.get(pack, {}).get(side, "")
        return f"term {side_style(pack, side, sides)}", str(words.term(detail, label, about))
    if role == "loaded":
        return f"loaded loaded-{_ANCHOR_UNSAFE.sub('-', str(record.get('kind', '')))}", str(words.loaded(record))
    return f"{role} {role}-{record.get('kind', '')}" if role == "quote" else role, str(getattr(words, role)(record))


def annotated_paragraphs(document: Document, records: Iterable[Mapping[str, Any]],
                         sides: Mapping[str, Mapping[str, str]],
                         descriptions: Mapping[tuple[str, str], str], words: Any) -> list[str]:
    """The body of ``document`` as HTML paragraphs' contents: sentences with their tone, findings marked.

    ``words`` are the macros of ``marks.txt.j2`` (the titles' wording).
    """
    marks = record_marks(records, sides, descriptions, words)
    score = _analyzer().polarity_scores
    paragraphs = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for number, (start, end) in enumerate(document.paragraphs):
        sentences = by_paragraph.get(number, [])
        # Each sentence looks through the paragraph's marks only, not the article's.
        marks_here = overlapping(marks, start, end)
        pieces, at = [], start
        for sentence in sentences:
            pieces.append(render_span(document.body, at, sentence.start, marks_here))
            pieces.append(_sentence_html(document, sentence, marks_here, words, score(sentence.text)["compound"]))
            at = sentence.end
        pieces.append(render_span(document.body, at, end, marks_here))
        paragraphs.append("".join(pieces).strip())
    return [p for p in paragraphs if p]


def _sentence_html(document: Document, sentence: Sentence, marks: Sequence[Mark], words: Any,
                   compound: float) -> str:
    """A sentence as a ``<span>`` with its id (a link target) and its tone band and score."""
    band = tone_band(compound, CLEAR_TONE)
    ident = sentence_anchor(document.article_id, sentence.index)
    title = escape(str(words.tone(band, compound)))
    inside = render_span(document.body, sentence.start, sentence.end, marks)
    return f'<span class="sentence tone-{band}" id="{ident}" title="{title}">{inside}</span>'


def article_context(row: Mapping[str, Any], document: Document | None, records: Sequence[Mapping[str, Any]],
                    sides: Mapping[str, Mapping[str, str]],
                    descriptions: Mapping[tuple[str, str], str], words: Any) -> dict[str, Any]:
    """What the template needs to show one article: its metadata, annotated paragraphs and cleaning log."""
    removed = sorted(({"line": (r.get("detail") or {}).get("line", 0), "reason": r.get("kind", ""),
                       "text": r.get("text", "")} for r in records if r.get("family") == "cleaning"),
                     key=lambda r: (r["line"], r["reason"], r["text"]))
    found = [r for r in records if record_spans(r)]
    return {
        "id": row["id"],
        "anchor": anchor(row["id"]),
        "title": row.get("title") or (document.title if document else "") or row["id"],
        "date": row.get("date") or "",
        "url": row.get("url") or "",
        "outlet": row.get("outlet", ""),
        "language": row.get("language", "en"),
        "duplicate_of": row.get("duplicate_of") or "",
        "paragraphs": annotated_paragraphs(document, found, sides, descriptions, words) if document else [],
        "removed": removed,
        "counts": _counts(found),
    }


def _counts(records: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many of each kind of mark an article has (the line under its heading)."""
    counts = {"term": 0, "quote": 0, "scare": 0, "loaded": 0}
    for record in records:
        roles = {role for _, _, role in record_spans(record)}
        for role in roles & set(counts):
            counts[role] += 1
    return counts


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    return make_analyzer()


DocumentSource = Callable[[Collection[str]], Iterable[tuple[str, Document]]]
