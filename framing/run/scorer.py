"""One article through every feature family: the options, the scorer and its result.

:class:`ArticleScorer` builds the family scorers once (lexicons compiled,
analyzers loaded) and scores one article at a time into a
:class:`ScoredArticle`: its ``features.csv`` row, its evidence and what the
report needs of it (term counts, samples, a duplicate signature).

Examples
--------
>>> from framing.corpus.article import Article
>>> scored = ArticleScorer().score(Article("a1", "The minister said the talks would resume.", outlet="TASS"))
>>> scored.meta["outlet"], scored.features["attribution__n_attributions"]
('TASS', 1.0)
>>> ScoredArticle.from_json(scored.to_json()).row() == scored.row()
True
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from framing.compare.summaries import summarise_article
from framing.compare.term_counts import TermCounts, TokenNormaliser
from framing.compare.term_packing import PackedTerms, pack_terms
from framing.corpus.article import Article
from framing.document.furniture import Furniture
from framing.document.language import is_english
from framing.document.parse import Document, parse_article
from framing.features.attribution.scorer import AttributionScorer
from framing.features.base import Finding, feature_column
from framing.features.lexicon import LexiconScorer
from framing.features.loaded import LoadedLanguageScorer
from framing.features.readability.scorer import ReadabilityScorer
from framing.features.sentiment.scorer import SentimentScorer
from framing.run.dedupe import Signature, signature
from framing.run.output import encoded_line, json_line, rounded
from framing.run.summary_store import pack_summary

# Bump when the JSON layout of a ScoredArticle changes; old cache entries then miss.
JSON_FORMAT = 1

META_COLUMNS = ("id", "outlet", "date", "title", "url", "source", "outlet_inferred",
                "language", "duplicate_of", "duplicate_kind", "counted")


@dataclass(frozen=True)
class ScoreOptions:
    """Everything that changes what a run computes (recorded in ``run.json``)."""

    lexicon_files: tuple[str, ...] = ()
    actor_files: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    keep_duplicates: bool = False
    # Learn each outlet's page furniture from the article set before scoring
    # (framing.document.furniture); recorded in as_dict() only when turned off,
    # so the reports of runs that learn keep their run.json.
    learn_furniture: bool = True
    # Where --resume keeps per-article results (framing.run.cache); it changes
    # no figure, so it is not part of as_dict() or of the cache key.
    cache_dir: str = ""
    # Gather what only the report uses: each article's word and phrase counts (distinctive vocabulary)
    # and the summary of its evidence; ``framing score`` writes no report, so it turns this off.
    for_report: bool = True

    def without_report(self) -> ScoreOptions:
        """These options for a run that writes no report (see ``for_report``)."""
        return dataclasses.replace(self, for_report=False)

    def as_dict(self) -> dict[str, Any]:
        recorded = {"lexicon_files": list(self.lexicon_files), "actor_files": list(self.actor_files),
                    "targets": list(self.targets), "keep_duplicates": self.keep_duplicates}
        if not self.learn_furniture:
            recorded["learn_furniture"] = False
        return recorded


@dataclass
class ScoredArticle:
    """One article's results: its metadata row, features, evidence and term counts."""

    article: Article
    features: dict[str, float]
    evidence: list[dict[str, Any]]
    english: bool
    signature: Signature
    terms: Any = None  # a one-document TermCounts (PackedTerms once compact), for distinctive vocabulary
    samples: dict[str, list[float]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    # The evidence as ``evidence.jsonl`` lines, once made by compact().
    evidence_lines: str | None = None
    # Whether a report is made of this result: compact() then summarises its evidence into ``summary``
    # (a :class:`~framing.compare.summaries.GroupEvidence` of this article alone, pickled: see
    # :mod:`framing.run.summary_store`).
    for_report: bool = True
    summary: bytes | None = None

    def compact(self) -> ScoredArticle:
        """Turn the evidence into its ``evidence.jsonl`` lines (and its summary, for a report) and the term
        counts into :class:`~framing.compare.term_packing.PackedTerms`; return self.

        Worker processes send this form: one string pickles and unpickles far
        faster than many small dicts, and the parent only writes it.  The
        summary is made from the records as written (floats rounded), so it
        is what reading ``evidence.jsonl`` back would give.
        """
        if self.evidence_lines is None:
            records = [rounded(record) for record in self.evidence]
            self.evidence_lines = "".join(map(encoded_line, records))
            if self.for_report:
                self.summary = pack_summary(summarise_article(records))
            self.evidence = []
        if isinstance(self.terms, TermCounts):
            # Arrays and one string instead of a dict of strings: cheap to send, and nothing for the
            # run's main process to keep per term (framing.compare.term_table).
            self.terms = _packed(self.terms)
        return self

    def evidence_text(self) -> str:
        """The evidence as ``evidence.jsonl`` lines."""
        if self.evidence_lines is not None:
            return self.evidence_lines
        return "".join(json_line(record) for record in self.evidence)

    def row(self) -> dict[str, Any]:
        """The ``features.csv`` row: metadata columns then every feature."""
        return {**{column: self.meta.get(column, "") for column in META_COLUMNS}, **self.features}

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data (dict order kept, so a reload writes identical files)."""
        article = dataclasses.asdict(self.article)
        article["extra"] = dict(self.article.extra)
        return {
            "format": JSON_FORMAT,
            "article": article,
            "features": self.features,
            "evidence": self.evidence,
            "english": self.english,
            "signature": [self.signature.digest, self.signature.minhash.hex()],
            "terms": None if self.terms is None else self.terms.to_json(),
            "samples": self.samples,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScoredArticle:
        """The result stored by :meth:`to_json`; ValueError for another format."""
        if data.get("format") != JSON_FORMAT:
            raise ValueError("scored article of another format")
        digest, minhash = data["signature"]
        return cls(
            article=Article(**data["article"]),
            features={name: float(value) for name, value in data["features"].items()},
            evidence=data["evidence"],
            english=bool(data["english"]),
            signature=Signature(digest, bytes.fromhex(minhash)),
            terms=None if data["terms"] is None else TermCounts.from_json(data["terms"]),
            samples={name: [float(v) for v in values] for name, values in data["samples"].items()},
            meta=dict(data["meta"]),
        )


class ArticleScorer:
    """Scores articles on every feature family; build once, reuse for many articles.

    ``furniture`` is the page furniture learned from the article set
    (:func:`framing.document.furniture.learn_furniture`), removed in cleaning.
    """

    def __init__(self, options: ScoreOptions | None = None, furniture: Furniture | None = None) -> None:
        self.options = options or ScoreOptions()
        self.furniture = furniture or Furniture()
        self.scorers = build_scorers(self.options)
        self.normaliser = TokenNormaliser()
        # Each family's (feature, column) pairs, made once: an article fills about 300 columns.
        self._columns = [(s, [(name, feature_column(s.family, name)) for name in s.feature_names])
                         for s in self.scorers]
        self.feature_names = [column for _, pairs in self._columns for _, column in pairs]

    def parse(self, article: Article) -> tuple[Document, list[Finding]]:
        """Clean the article and parse it once; the cleaning log becomes findings."""
        document, cleaned = parse_article(article, self.furniture)
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
            for scorer, columns in self._columns:
                result = scorer.score(document)
                values = result.features
                for name, column in columns:
                    features[column] = float(values[name])
                findings.extend(result.findings)
                for name, values in result.samples.items():
                    samples[feature_column(scorer.family, name)] = list(values)
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
            terms=_term_counts(document, self.normaliser) if english and self.options.for_report else None,
            for_report=self.options.for_report,
            samples=samples,
            meta={
                "id": article.id, "outlet": article.outlet, "date": article.date,
                "title": document.title or article.title, "url": article.url, "source": article.source,
                "outlet_inferred": article.outlet_inferred,
                "language": "en" if english else "other",
            },
        )


def _term_counts(document: Document, normaliser: TokenNormaliser) -> TermCounts:
    counts = TermCounts()
    counts.add_document("", document, normaliser=normaliser)
    return counts


def _packed(terms: TermCounts) -> PackedTerms:
    """A one-document TermCounts packed (its examples are all in the one document)."""
    examples = terms.examples.get("", {})
    article_id = next(iter(examples.values()))[0] if examples else ""
    return pack_terms(terms.counts.get("", {}), examples, article_id)


def build_scorers(options: ScoreOptions) -> list:
    """The family scorers, in the order their columns appear in ``features.csv``."""
    return [
        SentimentScorer(targets=options.targets),
        LexiconScorer(lexicon_files=options.lexicon_files),
        LoadedLanguageScorer(),
        AttributionScorer(actor_files=options.actor_files),
        ReadabilityScorer(),
    ]


def _without_text(article: Article) -> Article:
    """The article's metadata only: scored results must not carry whole texts around."""
    return dataclasses.replace(article, text="")


