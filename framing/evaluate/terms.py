"""How far the contested-term hits can be trusted: off-topic rate, hand-checked precision, recall.

Three figures, each per lexicon pack:

* **Off-topic hits**: hits per 1,000 articles on AllSides articles whose topic
  has nothing to do with the pack (:data:`UNRELATED_TOPICS`).  Every such hit
  is a false one, so this should be near zero: it measures the topic gate and
  the senses together, on real text.
* **Precision on a hand-checked sample**: hits drawn at random (seed 13) from
  real article sets on the packs' topics (AllSides ``russia``, ``middle_east``,
  ``israel``, ``immigration``, ``environment``, ``energy``,
  ``gun_control_and_gun_rights`` and ``abortion`` articles; the
  ``ukraine_crisis`` articles; the seeds) were read one by one and labelled
  ``right`` (the term names the pack's concept, in the sense of the pack) or
  ``wrong``, with a one-line reason, in ``tests/data/term_labels.csv``.  The
  figure is recomputed from that file by matching each labelled sentence
  again with the packs as they are now (the pack taken as applied, since the
  sentence comes from an article on its topic): a hit a lexicon change
  removes leaves the figure (``n_dropped`` counts them), so a pack that
  loses its false hits gains precision and one that gains new false hits in
  the labelled sentences loses it.
* **NewsWCL50 recall**: as ``framing evaluate labels`` reports it
  (:func:`framing.evaluate.labels.evaluate_labels`).

Examples
--------
>>> low, high = wilson_interval(9, 10)
>>> round(low, 3), round(high, 3)
(0.596, 0.982)
"""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from framing.corpus.article import Article
from framing.document.parse import build_document, parse_article
from framing.errors import EvaluationError
from framing.features.lexicon import LexiconScorer

# AllSides topics far from every pack: health care, guns, schools, taxes, the
# courts, the budget, the economy, the pandemic, abortion, LGBT rights, crime.
FAR_TOPICS = ("abortion", "coronavirus", "economy_and_jobs", "education", "federal_budget",
              "gun_control_and_gun_rights", "healthcare", "lgbt_rights", "supreme_court", "taxes",
              "violence_in_america")
# Per pack, the AllSides topics its terms have no business in.  Immigration
# leaves out the courts and the budget: Supreme Court rulings on DACA and
# asylum, and budget fights over the border wall, are immigration stories.
# Gun policy leaves out guns and "violence in America" (mass shootings and
# the laws debated after them); abortion leaves out abortion and the courts
# (44 of the 215 Supreme Court articles mention abortion three times or more:
# Roe, June Medical, the confirmation fights), but keeps health care, where a
# few articles on Title X and Planned Parenthood's funding are about abortion.
UNRELATED_TOPICS: dict[str, tuple[str, ...]] = {
    "abortion": tuple(t for t in FAR_TOPICS if t not in ("abortion", "supreme_court")),
    "climate": FAR_TOPICS,
    "gun_policy": tuple(t for t in FAR_TOPICS if t not in ("gun_control_and_gun_rights", "violence_in_america")),
    "immigration": tuple(t for t in FAR_TOPICS if t not in ("federal_budget", "supreme_court")),
    "israel_palestine": FAR_TOPICS,
    "russia_ukraine_nato": FAR_TOPICS,
}
LABEL_COLUMNS = ("pack", "concept", "term", "article_id", "sentence", "label", "reason")
# Optional column: for a term whose context word stood in another sentence of
# its paragraph (or article), a short quote of that sentence, matched before it.
CONTEXT_COLUMN = "context"
LABELS = ("right", "wrong")
DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "term_labels.csv"
Z_95 = 1.959964


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default); ``(nan, nan)`` when ``n`` is 0.

    >>> wilson_interval(0, 0)
    (nan, nan)
    >>> [round(x, 3) for x in wilson_interval(20, 20)]
    [0.839, 1.0]
    """
    if n == 0:
        return float("nan"), float("nan")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def read_allsides(path: str | Path, topics: set[str] | None = None,
                  limit: int | None = None) -> Iterator[tuple[str, Article]]:
    """``(topic, article)`` for the AllSides articles (JSON lines, gzipped or not) of ``topics``.

    ``limit`` stops after that many articles read from the file (a sample).
    """
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if limit is not None and number > limit:
                    return
                record = json.loads(line)
                if topics is None or record.get("topic") in topics:
                    yield record.get("topic", ""), Article(
                        str(record.get("ID") or number), record.get("content_original") or "",
                        record.get("source") or "unknown", record.get("title") or "")
    except FileNotFoundError:
        raise EvaluationError(f"{path}: not found — pass --allsides the AllSides articles_10k.jsonl.gz") from None
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as error:
        raise EvaluationError(f"{path}: not AllSides JSON lines ({error})") from None


def article_hits(scorer: LexiconScorer, article: Article) -> list[dict[str, Any]]:
    """The contested-term hits the scorer reports in one article (cleaned and parsed as a run does it).

    Each hit: ``pack``, ``concept``, ``side``, ``term`` (the lexicon entry),
    ``text`` (as written), ``article_id`` and ``sentence``.
    """
    document, _ = parse_article(article)
    hits = []
    for finding in scorer.score(document).findings:
        if finding.kind == "contested_term":
            sentence = document.sentences[finding.sentence_index].text if finding.sentence_index >= 0 else ""
            hits.append({"pack": finding.detail["pack"], "concept": finding.detail["concept"],
                         "side": finding.detail["side"], "term": finding.detail["variant"],
                         "text": finding.text, "article_id": article.id, "sentence": sentence})
    return hits


def off_topic_rates(allsides: str | Path, scorer: LexiconScorer,
                    limit: int | None = None) -> dict[str, dict[str, Any]]:
    """Per pack: articles on its unrelated topics, hits in them, hits per 1,000 articles, top terms.

    AllSides gives each article one topic, so a "healthcare" article titled
    "NYC Mayor to Insure 300K Undocumented Immigrants" counts as unrelated to
    immigration.  The rate is also given without the articles whose title
    names the pack's topic (``..._title_elsewhere``), with how many those are.
    """
    packs = [p.name for p in scorer.packs if p.name in UNRELATED_TOPICS]
    wanted = {t for name in packs for t in UNRELATED_TOPICS[name]}
    n_articles: Counter[str] = Counter()
    titled: Counter[str] = Counter()  # judged articles whose title names the pack's topic
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    hits_titled: Counter[str] = Counter()
    for topic, article in read_allsides(allsides, wanted, limit):
        judged = [name for name in packs if topic in UNRELATED_TOPICS[name]]
        n_articles.update(judged)
        named = title_topics(scorer, article.title) & set(judged)
        titled.update(named)
        for hit in article_hits(scorer, article):
            if hit["pack"] in judged:
                hits[hit["pack"]][f"{hit['concept']}: {hit['term']}"] += 1
                hits_titled[hit["pack"]] += hit["pack"] in named
    return {name: _off_topic_entry(name, n_articles[name], hits[name], titled[name], hits_titled[name])
            for name in packs}


def _off_topic_entry(name: str, n_articles: int, hits: Counter[str], n_titled: int,
                     n_hits_titled: int) -> dict[str, Any]:
    n_hits = sum(hits.values())
    elsewhere = n_articles - n_titled
    return {"n_articles": n_articles, "n_hits": n_hits,
            "hits_per_1k_articles": round(1000 * n_hits / n_articles, 2) if n_articles else float("nan"),
            "n_articles_title_on_topic": n_titled,
            "hits_per_1k_articles_title_elsewhere": round(1000 * (n_hits - n_hits_titled) / elsewhere, 2)
            if elsewhere else float("nan"),
            "top_terms": dict(sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:5]),
            "topics": list(UNRELATED_TOPICS[name])}


def title_topics(scorer: LexiconScorer, title: str) -> set[str]:
    """The packs whose topic anchors the title names."""
    if not title.strip():
        return set()
    found = scorer.matcher.find(build_document("title", title))
    return {m.term.pack for m in found if m.term.role == "anchor"}


def read_labels(path: str | Path) -> list[dict[str, str]]:
    """The hand-checked hits of ``path`` (CSV with :data:`LABEL_COLUMNS`), validated."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise EvaluationError(f"{path}: not found — pass --labels a CSV of hand-checked hits") from None
    missing = [c for c in LABEL_COLUMNS if not rows or c not in rows[0]]
    if missing:
        raise EvaluationError(f"{path}: missing columns {missing} — expected {', '.join(LABEL_COLUMNS)}")
    for line, row in enumerate(rows, start=2):
        if row["label"] not in LABELS:
            raise EvaluationError(f"{path} line {line}: label {row['label']!r} is not right or wrong")
    return rows


def still_found(scorer: LexiconScorer, row: Mapping[str, str]) -> bool:
    """Whether the packs as they are now still find ``row``'s term in its sentence.

    The row's ``context`` (if any) is put before the sentence, in the same
    paragraph, so a context word from a neighbouring sentence still counts;
    only a match inside the sentence itself is the labelled hit.
    """
    context = (row.get(CONTEXT_COLUMN) or "").strip()
    offset = len(context) + 1 if context else 0
    document = build_document(row["article_id"], f"{context} {row['sentence']}" if context else row["sentence"])
    wanted = (row["pack"], row["concept"], row["term"])
    return any(m.term.role == "term" and m.start >= offset and (m.term.pack, m.term.concept, m.term.term) == wanted
               for m in scorer.matcher.find(document))


def labelled_precision(labels: str | Path, scorer: LexiconScorer) -> dict[str, dict[str, Any]]:
    """Per pack: precision of the hand-checked hits the packs still find, with a Wilson 95 % interval."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_labels(labels):
        tally = counts[row["pack"]]
        tally["n_labelled"] += 1
        if not still_found(scorer, row):
            tally["n_dropped"] += 1
            continue
        tally["n"] += 1
        tally["n_right"] += row["label"] == "right"
        if row["label"] == "wrong":
            wrong[row["pack"]][f"{row['concept']}: {row['term']}"] += 1
    result = {}
    for pack, tally in sorted(counts.items()):
        low, high = wilson_interval(tally["n_right"], tally["n"])
        result[pack] = {"n_labelled": tally["n_labelled"], "n_dropped": tally["n_dropped"], "n": tally["n"],
                        "n_right": tally["n_right"],
                        "precision": round(tally["n_right"] / tally["n"], 4) if tally["n"] else float("nan"),
                        "interval_95": [round(low, 4), round(high, 4)],
                        "wrong_terms": dict(sorted(wrong[pack].items(), key=lambda kv: (-kv[1], kv[0])))}
    return result


def evaluate_terms(allsides: str | Path | None = None, labels: str | Path = DEFAULT_LABELS,
                   newswcl50: str | Path | None = None, limit: int | None = None,
                   scorer: LexiconScorer | None = None) -> dict[str, Any]:
    """The three figures: ``off_topic`` (with ``allsides``), ``precision``, ``newswcl50`` (with ``newswcl50``).

    ``limit`` reads only the first N lines of the AllSides file (a sample).
    """
    scorer = scorer or LexiconScorer()
    result: dict[str, Any] = {"precision": labelled_precision(labels, scorer)}
    if allsides is not None:
        result["off_topic"] = off_topic_rates(allsides, scorer, limit)
    if newswcl50 is not None:
        from framing.evaluate.labels import evaluate_labels

        result["newswcl50"] = evaluate_labels(newswcl50)
    return result
