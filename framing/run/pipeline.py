"""Article → clean → Document → every feature family → one row and its evidence.

:class:`ArticleScorer` builds the family scorers once (lexicons compiled,
analyzers loaded) and scores one article at a time; :func:`score_corpus`
streams a whole article set through it, in worker processes when asked, and
marks duplicates on the way.

Examples
--------
>>> features, evidence = score("seeds")
>>> features.loc[features["outlet"] == "TASS", "id"].tolist()
['004_f3d4c5d178d2a1ea']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.corpus.reader import Article, CorpusReader
from framing.document.clean import CleanResult, clean_text
from framing.document.language import is_english
from framing.document.parse import Document, build_document
from framing.errors import CorpusError
from framing.features.base import Finding
from framing.run.dedupe import DuplicateIndex, Signature, signature
from framing.run.output import json_line

META_COLUMNS = ("id", "outlet", "date", "title", "url", "source", "outlet_inferred",
                "language", "duplicate_of", "duplicate_kind", "counted")


@dataclass(frozen=True)
class ScoreOptions:
    """Everything that changes what a run computes (recorded in ``run.json``)."""

    lexicon_files: tuple[str, ...] = ()
    actor_files: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    keep_duplicates: bool = False
    # Where --resume keeps per-article results (framing.run.cache); it changes
    # no figure, so it is not part of as_dict() or of the cache key.
    cache_dir: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"lexicon_files": list(self.lexicon_files), "actor_files": list(self.actor_files),
                "targets": list(self.targets), "keep_duplicates": self.keep_duplicates}


@dataclass
class ScoredArticle:
    """One article's results: its metadata row, features, evidence and term counts."""

    article: Article
    features: dict[str, float]
    evidence: list[dict[str, Any]]
    english: bool
    signature: Signature
    terms: Any = None  # a one-document TermCounts, for distinctive vocabulary
    samples: dict[str, list[float]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    # The evidence as ``evidence.jsonl`` lines, once made by compact().
    evidence_lines: str | None = None

    def compact(self) -> ScoredArticle:
        """Turn the evidence into its ``evidence.jsonl`` lines and return self.

        Worker processes send this form: one string pickles and unpickles far
        faster than many small dicts, and the parent only writes it.
        """
        if self.evidence_lines is None:
            self.evidence_lines = "".join(json_line(record) for record in self.evidence)
            self.evidence = []
        return self

    def evidence_text(self) -> str:
        """The evidence as ``evidence.jsonl`` lines."""
        if self.evidence_lines is not None:
            return self.evidence_lines
        return "".join(json_line(record) for record in self.evidence)

    def row(self) -> dict[str, Any]:
        """The ``features.csv`` row: metadata columns then every feature."""
        return {**{column: self.meta.get(column, "") for column in META_COLUMNS}, **self.features}


def parse_article(article: Article) -> tuple[Document, CleanResult]:
    """The one way an article becomes a :class:`Document`: clean it, then parse the body."""
    cleaned = clean_text(article.text, article.title)
    return build_document(article.id, cleaned.body, cleaned.title), cleaned


class ArticleScorer:
    """Scores articles on every feature family; build once, reuse for many articles."""

    def __init__(self, options: ScoreOptions | None = None) -> None:
        self.options = options or ScoreOptions()
        self.scorers = build_scorers(self.options)
        self.feature_names = [f"{s.family}__{name}" for s in self.scorers for name in s.feature_names]

    def parse(self, article: Article) -> tuple[Document, list[Finding]]:
        """Clean the article and parse it once; the cleaning log becomes findings."""
        document, cleaned = parse_article(article)
        log = [Finding("cleaning", removal.reason, removal.text, -1, 0, 0, {"line": removal.line})
               for removal in cleaned.removed]
        return document, log

    def score(self, article: Article) -> ScoredArticle:
        """Score one article; non-English text gets no English-only measure."""
        document, log = self.parse(article)
        english = is_english(document.tokens[:400])
        features = dict.fromkeys(self.feature_names, math.nan)
        findings: list[Finding] = list(log)
        samples: dict[str, list[float]] = {}
        if english and document.tokens:
            for scorer in self.scorers:
                result = scorer.score(document)
                for name in scorer.feature_names:
                    features[f"{scorer.family}__{name}"] = float(result.features[name])
                findings.extend(result.findings)
                for name, values in result.samples.items():
                    samples[f"{scorer.family}__{name}"] = list(values)
        else:
            reason = "no text left after cleaning" if not document.tokens else "not English"
            findings.append(Finding("language", "skipped", reason, -1, 0, 0,
                                    {"note": f"{reason}: the English-only measures were not computed"}))
        evidence = [finding.to_record(document, article.outlet) for finding in findings]
        return ScoredArticle(
            article=_without_text(article),
            features=features,
            evidence=evidence,
            english=english,
            signature=signature(document.tokens),
            terms=_term_counts(document) if english else None,
            samples=samples,
            meta={
                "id": article.id, "outlet": article.outlet, "date": article.date,
                "title": document.title or article.title, "url": article.url, "source": article.source,
                "outlet_inferred": article.outlet_inferred,
                "language": "en" if english else "other",
            },
        )


def _term_counts(document: Document) -> Any:
    from framing.compare.distinctive import TermCounts

    counts = TermCounts()
    counts.add_document("", document)
    return counts


def build_scorers(options: ScoreOptions) -> list:
    """The family scorers, in the order their columns appear in ``features.csv``."""
    from framing.features.attribution.scorer import AttributionScorer
    from framing.features.lexicon import LexiconScorer
    from framing.features.loaded import LoadedLanguageScorer
    from framing.features.readability.scorer import ReadabilityScorer
    from framing.features.sentiment.scorer import SentimentScorer

    return [
        SentimentScorer(targets=options.targets),
        LexiconScorer(lexicon_files=options.lexicon_files),
        LoadedLanguageScorer(),
        AttributionScorer(actor_files=options.actor_files),
        ReadabilityScorer(),
    ]


def _without_text(article: Article) -> Article:
    """The article's metadata only: scored results must not carry whole texts around."""
    from dataclasses import replace

    return replace(article, text="")


def score_articles(articles: Iterable[Article], options: ScoreOptions | None = None,
                   jobs: int = 1, engine: Any = None, compact: bool = False) -> Iterator[ScoredArticle]:
    """Score ``articles`` in order, marking duplicates; ``jobs`` > 1 uses worker processes.

    With ``compact``, results from worker processes carry their evidence as
    JSON lines only (:meth:`ScoredArticle.compact`), which is cheaper to send.

    ``engine``, when given, scores instead of the local processes: an object
    with ``map_ordered(options, articles)`` (e.g. :class:`framing.run.engine_dask.DaskEngine`).
    """
    from framing.run.engine import map_ordered

    options = options or ScoreOptions()
    index = DuplicateIndex()
    if engine is not None:
        results = engine.map_ordered(options, articles)
    else:
        results = map_ordered(options, articles, jobs, compact)
    for scored in results:
        duplicate = index.check(scored.meta["id"], scored.meta["outlet"], scored.signature)
        counted = True
        if duplicate is not None:
            scored.meta["duplicate_of"] = duplicate.of
            scored.meta["duplicate_kind"] = duplicate.kind
            counted = options.keep_duplicates or not duplicate.same_outlet
        scored.meta["counted"] = "yes" if counted else "no"
        yield scored


def score(path: str | Path = "seeds", *, manifest: str | Path | None = None,
          columns: dict[str, str] | None = None, options: ScoreOptions | None = None,
          jobs: int = 1) -> tuple[Any, list[dict[str, Any]]]:
    """Score every article under ``path``: a DataFrame (one row per article) and the evidence.

    Parameters
    ----------
    path : str or Path
        A folder or file of articles (default: the bundled seeds).
    manifest, columns
        See :class:`framing.corpus.reader.CorpusReader`.
    options : ScoreOptions, optional
        Extra lexicons, actor files and targets.
    jobs : int
        Worker processes.
    """
    import pandas as pd

    reader = CorpusReader(path, manifest=manifest, columns=columns)
    rows, evidence = [], []
    for scored in score_articles(reader, options, jobs):
        rows.append(scored.row())
        evidence.extend(scored.evidence)
    if not rows:
        raise CorpusError(f"{path}: nothing could be scored — " + "; ".join(reader.warnings[:3]))
    return pd.DataFrame(rows), evidence
