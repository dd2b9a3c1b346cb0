"""Sentiment: VADER tone per sentence, article aggregates that don't saturate, tone toward targets.

VADER (vaderSentiment) was built for short posts: on a whole article its
compound score saturates near -1 or +1.  So every sentence is scored once, and
the article is described by the mean and median sentence tone, the share of
clearly negative and clearly positive sentences, the tone of the headline, the
lead and the rest of the body, and the tone inside speech quotes separately from
the outlet's own voice.  The whole-body compound is kept beside them for
comparison with ordinary VADER use.  Tone toward targets (NATO, Russia, ...)
comes from :mod:`framing.features.sentiment.target_tone`, fed with the same sentence
scores, so no text is scored twice: each word's valence is computed once per
article and the sentence and whole-body scores are derived from it
(:meth:`~framing.features.sentiment.vader.FastSentimentAnalyzer.span_scores`).

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("a", "The talks were a great success. Sadly, the war goes on.", title="Peace")
>>> result = SentimentScorer().score(doc)
>>> result.features["sentence_mean"] > 0, result.features["share_negative"]
(True, 0.5)
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from framing.document.parse import Document
from framing.features.base import FamilyResult, Finding
from framing.features.sentiment.target_context import is_speech
from framing.features.sentiment.target_tone import TargetToneScorer
from framing.features.sentiment.vader import FastSentimentAnalyzer

FAMILY = "sentiment"

# A sentence is "clearly" negative or positive when its compound is at least
# 0.25 away from zero.  VADER's compound is s / sqrt(s^2 + 15) for the summed
# word valences s (each word rated on -4..4); 0.25 is s = 1, i.e. at least one
# plain sentiment word net of the rest.  VADER's own +-0.05 counts any trace
# of a lexicon word, which in news prose is almost every sentence.
CLEAR_TONE = 0.25
# The lead: the first sentences of the body, where news puts its summary.
LEAD_SENTENCES = 2

ARTICLE_FEATURES = (
    "compound_whole",
    "sentence_mean",
    "sentence_median",
    "share_negative",
    "share_positive",
    "headline",
    "lead",
    "body_after_lead",
    "quoted_mean",
    "own_voice_mean",
)


def make_analyzer() -> FastSentimentAnalyzer:
    """Build the VADER analyzer: vaderSentiment's rules, identical scores, faster (framing.features.sentiment.vader).

    Examples
    --------
    >>> make_analyzer().polarity_scores("good")["compound"]
    0.4404
    """
    return FastSentimentAnalyzer()


def mean_or_nan(values: Sequence[float]) -> float:
    """The mean of ``values``, or NaN when there are none.

    Examples
    --------
    >>> mean_or_nan([1.0, 0.0]), math.isnan(mean_or_nan([]))
    (0.5, True)
    """
    return math.fsum(values) / len(values) if values else float("nan")


def speech_sentences(document: Document) -> list[bool]:
    """For each sentence, whether at least half of its characters lie inside speech quotes.

    Speech quotes are those :func:`~framing.features.sentiment.target_context.is_speech` accepts.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("a", '"We will not give up the fight," he said. Talks went on.')
    >>> speech_sentences(doc)
    [True, False]
    """
    inside = [0] * len(document.sentences)
    starts = [s.start for s in document.sentences]
    for quote in document.quotes:
        if not is_speech(quote):
            continue
        first = document.sentence_at(quote.start)
        i = first.index if first is not None else 0
        while i < len(starts) and starts[i] < quote.end:
            sentence = document.sentences[i]
            overlap = min(sentence.end, quote.end) - max(sentence.start, quote.start)
            if overlap > 0:
                inside[i] += overlap
            i += 1
    return [2 * inside[s.index] >= s.end - s.start for s in document.sentences]


def article_tone(compounds: Sequence[float], quoted: Sequence[bool]) -> dict[str, float]:
    """Aggregate sentence compounds into article features (all but headline and whole text).

    Parameters
    ----------
    compounds : VADER compound per sentence, in order.
    quoted : per sentence, whether it is speech (see :func:`speech_sentences`).

    Examples
    --------
    >>> tone = article_tone([0.5, -0.6, 0.0, -0.3], [False, True, False, True])
    >>> tone["sentence_median"], tone["share_negative"], round(tone["quoted_mean"], 4)
    (-0.15, 0.5, -0.45)
    """
    n = len(compounds)
    nan = float("nan")
    own = [c for c, q in zip(compounds, quoted) if not q]
    speech = [c for c, q in zip(compounds, quoted) if q]
    return {
        "sentence_mean": mean_or_nan(compounds),
        "sentence_median": float(statistics.median(compounds)) if n else nan,
        "share_negative": sum(c <= -CLEAR_TONE for c in compounds) / n if n else nan,
        "share_positive": sum(c >= CLEAR_TONE for c in compounds) / n if n else nan,
        "lead": mean_or_nan(compounds[:LEAD_SENTENCES]),
        "body_after_lead": mean_or_nan(compounds[LEAD_SENTENCES:]),
        "quoted_mean": mean_or_nan(speech),
        "own_voice_mean": mean_or_nan(own),
    }


def extreme_findings(document: Document, compounds: Sequence[float], quoted: Sequence[bool]) -> list[Finding]:
    """The most negative and the most positive sentence (ties: the earliest), as evidence."""
    findings = []
    if not compounds:
        return findings
    lowest = min(range(len(compounds)), key=lambda i: (compounds[i], i))
    highest = min(range(len(compounds)), key=lambda i: (-compounds[i], i))
    for kind, i, keep in (("most_negative", lowest, compounds[lowest] < 0),
                          ("most_positive", highest, compounds[highest] > 0)):
        if not keep:
            continue
        sentence = document.sentences[i]
        findings.append(Finding(FAMILY, kind, sentence.text, i, sentence.start, sentence.end,
                                {"compound": round(compounds[i], 4), "in_quote": quoted[i]}))
    return findings


class SentimentScorer:
    """Score a :class:`Document`'s tone, overall and toward each target.

    Parameters
    ----------
    targets : names of extra targets ("Gazprom") besides the packaged registry.

    Examples
    --------
    >>> scorer = SentimentScorer(targets=("Gazprom",))
    >>> "tone_toward_gazprom" in scorer.feature_names
    True
    """

    family = FAMILY

    def __init__(self, targets: Sequence[str] = ()) -> None:
        self.analyzer = make_analyzer()
        self.target_scorer = TargetToneScorer(self.analyzer.lexicon, extra_targets=tuple(targets))
        self._feature_names = list(ARTICLE_FEATURES) + self.target_scorer.feature_names

    @property
    def feature_names(self) -> list[str]:
        return self._feature_names

    def score(self, document: Document) -> FamilyResult:
        # One pass over the body's words gives every sentence's scores and the whole body's.
        vader, whole = self.analyzer.span_scores(document.body, [(s.start, s.end) for s in document.sentences])
        compounds = [scores["compound"] for scores in vader]
        quoted = speech_sentences(document)
        features = {
            "compound_whole": whole["compound"] if document.body.strip() else float("nan"),
            "headline": (self.analyzer.polarity_scores(document.title)["compound"] if document.title.strip()
                         else float("nan")),
        }
        features.update(article_tone(compounds, quoted))
        findings = extreme_findings(document, compounds, quoted)
        target_result = self.target_scorer.score(document, vader)
        features.update(target_result.features)
        findings.extend(target_result.findings)
        return FamilyResult({name: float(features[name]) for name in self._feature_names}, findings,
                            samples={"sentence_compound": compounds})
