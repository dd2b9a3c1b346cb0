"""Tone toward targets: a small linear model over each mention's context.

Each mention of a target (see :mod:`framing.features.sentiment.targets`) gets a
target-directed polarity: a three-class logistic regression (negative, neutral,
positive) over the mention's context features
(:mod:`framing.features.sentiment.target_context`), the word 1- and 2-grams of
its sentence with the mention masked (``<t>``) and negated words marked, and the
words just beside the mention by their place.  It was trained with scikit-learn
on NewsMTSC's train part by ``python -m framing.evaluate.train_targets``, with a
naive Bayes reading of the n-grams stacked in (folded into the n-gram weights);
its coefficients ship as plain JSON (``framing/data/target_model.json``) and are
applied here in pure Python.
A mention's score is P(positive) - P(negative), from -1 to 1; an article's
``tone_toward_<target>`` is the mean score of its mentions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.errors import DataFileError
from framing.features.base import FamilyResult, Finding
from framing.features.sentiment.target_context import (
    SentenceContext,
    is_speech,
    mention_features,
    mention_ngrams,
    sentence_context,
)
from framing.features.sentiment.targets import Mention, TargetMatcher, load_targets

MODEL_FILE = "target_model.json"


@dataclass(frozen=True)
class TargetTone:
    """The verdict on one mention: class (-1, 0, 1), score P(pos) - P(neg), inside speech or not."""

    polarity: int
    score: float
    in_quote: bool = False


class TargetToneModel:
    """A multinomial logistic regression stored as JSON coefficients.

    Examples
    --------
    >>> model = TargetToneModel.load()
    >>> model.classes
    (-1, 0, 1)
    """

    def __init__(self, data: Mapping) -> None:
        try:
            self.classes = tuple(int(c) for c in data["classes"])
            self.intercept = tuple(float(v) for v in data["intercept"])
            self.feature_weights = {k: tuple(map(float, v)) for k, v in data["features"].items()}
            self.ngram_weights = {k: tuple(map(float, v)) for k, v in data["ngrams"].items()}
            self.window = int(data["window"])
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DataFileError(f"framing/data/{MODEL_FILE}: malformed model ({error!r}) — "
                                "retrain it with python -m framing.evaluate.train_targets") from None
        k = len(self.classes)
        bad = [name for name, w in {**self.feature_weights, **self.ngram_weights}.items() if len(w) != k]
        if self.classes != (-1, 0, 1) or len(self.intercept) != k or bad:
            raise DataFileError(f"framing/data/{MODEL_FILE}: expected 3 weights per entry for classes "
                                f"-1, 0, 1 (bad: {bad[:3]}) — retrain the model")

    @classmethod
    def load(cls, name: str = MODEL_FILE) -> TargetToneModel:
        """Load the packaged model."""
        text = packaged_text(name)
        try:
            return cls(json.loads(text))
        except json.JSONDecodeError as error:
            raise DataFileError(f"framing/data/{name}, line {error.lineno}: not valid JSON ({error.msg}) — "
                                "rebuild it with python -m framing.evaluate.train_targets") from None

    def predict(self, features: Mapping[str, float], ngrams: set[str] | frozenset[str],
                in_quote: bool = False) -> TargetTone:
        """Class and score for one mention's context features and masked n-grams (``in_quote`` is kept)."""
        terms: list[tuple[float, ...]] = [self.intercept]
        feature_weights = self.feature_weights
        for name, value in features.items():
            weights = feature_weights.get(name)
            if weights is not None and value:
                terms.append((weights[0] * value, weights[1] * value, weights[2] * value))  # three classes
        terms.extend(filter(None, map(self.ngram_weights.get, ngrams)))
        # fsum is exact, so the order of the n-gram set (its hash seed) cannot change a score.
        logits = [math.fsum(column) for column in zip(*terms)]
        top = max(logits)
        exp = [math.exp(v - top) for v in logits]
        total = sum(exp)
        probs = [e / total for e in exp]
        best = max(range(len(probs)), key=lambda k: (probs[k], -k))
        return TargetTone(self.classes[best], probs[2] - probs[0], in_quote)

    def tone(self, ctx: SentenceContext, m0: int, m1: int, vader: Mapping[str, float],
             quote_words: tuple[int, int] | None) -> TargetTone:
        """The tone toward the mention made of words ``m0 .. m1-1`` of a sentence.

        ``quote_words`` is the word range of the speech quote around the mention, if any.
        """
        in_quote = quote_words is not None
        return self.predict(mention_features(ctx, m0, m1, vader, in_quote, quote_words),
                            mention_ngrams(ctx, m0, m1), in_quote)


def mention_context(document: Document, start: int, end: int, lexicon: Mapping[str, float],
                    contexts: dict[int, SentenceContext]
                    ) -> tuple[SentenceContext, int, int, tuple[int, int] | None]:
    """The sentence context of the mention at body offsets ``start``-``end``.

    Returns the context, the mention's first and past-last word index in its
    sentence, and the word range (within the sentence) of the speech quote
    around it, or None.  ``contexts`` caches
    each sentence's context by index, so a sentence is read once.
    """
    sentence = document.sentence_at(start)
    if sentence.index not in contexts:
        ids = document.tokens_between(sentence.start, sentence.end)
        offset = sentence.start
        spans = [(start - offset, end - offset) for start, end in document.token_spans[ids.start:ids.stop]]
        # The Document's tokens are these spans' words lower-cased: not lower-cased again.
        contexts[sentence.index] = sentence_context(sentence.text, lexicon, spans,
                                                    document.tokens[ids.start:ids.stop])
    m0 = len(document.tokens_between(sentence.start, start))
    m1 = m0 + len(document.tokens_between(start, end))
    quote = document.quote_at(start)
    quote_words = None
    if is_speech(quote):
        q0 = len(document.tokens_between(sentence.start, max(quote.start, sentence.start)))
        q1 = q0 + len(document.tokens_between(max(quote.start, sentence.start), min(quote.end, sentence.end)))
        quote_words = (q0, q1)
    return contexts[sentence.index], m0, m1, quote_words


class TargetToneScorer:
    """Find target mentions in a Document and score the tone toward each.

    Parameters
    ----------
    lexicon : VADER's word valences (``SentimentIntensityAnalyzer().lexicon``).
    extra_targets : user-named targets besides the registry.
    """

    def __init__(self, lexicon: Mapping[str, float], extra_targets: Sequence[str] = ()) -> None:
        self.lexicon = lexicon
        self.targets = load_targets(extra=extra_targets)
        self.matcher = TargetMatcher(self.targets)
        self.model = TargetToneModel.load()
        self.feature_names = [f"{prefix}_{t.key}" for t in self.targets
                              for prefix in ("tone_toward", "mentions")]

    def mention_tones(self, document: Document, vader: Sequence[Mapping[str, float]]
                      ) -> list[tuple[Mention, TargetTone]]:
        """Every mention with its tone; ``vader`` holds each sentence's VADER scores."""
        contexts: dict[int, SentenceContext] = {}
        out = []
        for mention in self.matcher.find_mentions(document):
            ctx, m0, m1, quote_words = mention_context(document, mention.start, mention.end, self.lexicon,
                                                       contexts)
            out.append((mention, self.model.tone(ctx, m0, m1, vader[mention.sentence_index], quote_words)))
        return out

    def score(self, document: Document, vader: Sequence[Mapping[str, float]]) -> FamilyResult:
        """Per target: mean tone over its mentions (NaN if none) and named-mention count."""
        scores: dict[str, list[float]] = {t.key: [] for t in self.targets}
        named = dict.fromkeys(scores, 0)
        findings = []
        for mention, tone in self.mention_tones(document, vader):
            scores[mention.target].append(tone.score)
            named[mention.target] += not mention.pronoun
            findings.append(Finding("sentiment", "target_tone", mention.text, mention.sentence_index,
                                    mention.start, mention.end,
                                    {"target": mention.target, "polarity": tone.polarity,
                                     "score": round(tone.score, 4), "pronoun": mention.pronoun,
                                     "in_quote": tone.in_quote,
                                     "mention_start": mention.start, "mention_end": mention.end}))
        features = {}
        for key, values in scores.items():
            features[f"tone_toward_{key}"] = math.fsum(values) / len(values) if values else float("nan")
            features[f"mentions_{key}"] = float(named[key])
        return FamilyResult(features, findings)
