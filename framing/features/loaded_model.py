"""The sentence loaded-language model: a linear model over a sentence's words, read from package data.

The model (``framing/data/loaded_model.json``, written by
:mod:`framing.evaluate.train_loaded`, its data card beside it) is a logistic
regression over three blocks of features of one sentence:

* word unigrams and bigrams, and character 3- to 5-grams inside each word,
  each block weighted as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``
  does (``1 + log(count)`` times the idf, then unit length);
* a few counts: the word-list categories of :mod:`framing.features.loaded`
  and agentless passives, VADER's lexicon (sum and maximum of absolute
  valence), how often annotators marked the sentence's words as biased in the
  training data, the sentence length, exclamation and quotation marks.

Scoring is pure Python (no scikit-learn, no NumPy): a few dictionary look-ups
per word.  Because the model is linear, every feature's share of the score
(coefficient × value) can be given back to the words it came from; the words
with the largest shares are the sentence's *reasons*.

Examples
--------
>>> model = load_model()
>>> tokens = "the radical mob destroyed the city".split()
>>> round(model.probability(model.contributions(tokens, "The radical mob destroyed the city.")), 2) > 0.5
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from operator import itemgetter

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.document.vocabulary import STOPWORDS
from framing.errors import DataFileError

MODEL_FILE = "loaded_model.json"
MODEL_LABEL = f"framing/data/{MODEL_FILE}"
CHAR_SIZES = (3, 4, 5)
# A word whose marked-as-biased rate is at least this counts as "often marked".
OFTEN_MARKED = 0.3
QUOTE_MARKS = frozenset('"“”')
# Dense features: name → how its value is made of words (see ``dense_values``).
WORD_LIST_PREFIX = "list_"
DENSE_NAMES = ("vader_abs_sum", "vader_abs_max", "vader_words", "marked_rate_sum", "marked_rate_max",
               "marked_rate_words", "log_length", "exclamations", "quote_marks")
REQUIRED_KEYS = ("intercept", "words", "chars", "dense", "marked_rates", "calibration", "threshold",
                 "emotive_words")
MAX_CACHED_WORDS = 200_000
REASONS = 3  # reason words named per flagged sentence
# Shorter sentences count as this long (about BABE's 5th percentile): the
# training sentences are rarely shorter, and "The council met." should not be
# judged by extrapolating from them.
MIN_LENGTH = 12


def word_ngrams(tokens: Sequence[str]) -> list[tuple[str, int, int]]:
    """Unigrams and bigrams of ``tokens``, each with its first and end token index.

    >>> word_ngrams(["so", "called", "reform"])
    [('so', 0, 1), ('called', 1, 2), ('reform', 2, 3), ('so called', 0, 2), ('called reform', 1, 3)]
    """
    grams = [(token, i, i + 1) for i, token in enumerate(tokens)]
    grams += [(f"{a} {b}", i, i + 2) for i, (a, b) in enumerate(zip(tokens, tokens[1:]))]
    return grams


def char_ngrams(word: str) -> list[str]:
    """Character 3- to 5-grams of ``word`` padded with one space each side (a short word once).

    >>> char_ngrams("mob")
    [' mo', 'mob', 'ob ', ' mob', 'mob ', ' mob ']
    >>> char_ngrams("a")
    [' a ']
    """
    padded = f" {word} "
    grams = _gram_getter(len(padded))(padded)
    return list(grams) if isinstance(grams, tuple) else [grams]


@lru_cache(maxsize=256)
def _gram_getter(length: int) -> itemgetter:
    """One getter of every character n-gram of a padded word of ``length`` characters, in order.

    A getter of slices made once per length cuts the n-grams in one C call:
    a word met for the first time is cut this way (about twice as fast as
    slicing in a loop), and most words of an article are met for the first time.
    """
    bounds: list[slice] = []
    for size in CHAR_SIZES:
        if length <= size:
            bounds.append(slice(0, length))
            break
        bounds += [slice(i, i + size) for i in range(length - size + 1)]
    return itemgetter(*bounds)


def token_analyzer(tokens: Sequence[str]) -> list[str]:
    """The word-block features of a sentence, as scikit-learn's ``analyzer`` callable gets them."""
    return [gram for gram, _, _ in word_ngrams(tokens)]


def char_analyzer(tokens: Sequence[str]) -> list[str]:
    """The character-block features of a sentence, as scikit-learn's ``analyzer`` callable gets them."""
    return [gram for token in tokens for gram in char_ngrams(token)]


def dense_values(tokens: Sequence[str], text: str, list_hits: Iterable[tuple[str, int, int]],
                 valence: dict[str, float], marked_rates: dict[str, float],
                 ) -> dict[str, list[tuple[float, int]]]:
    """The count features of a sentence, each as (value, token index) parts; -1 is no token.

    A feature's value is the sum of its parts (a maximum has one part), so its
    share of the score can be given back to the tokens.  ``list_hits`` are
    (category, first token, end token) of the word lists and passives.

    >>> parts = dense_values(["a", "vile", "plan"], "A vile plan!", [("emotive", 1, 2)],
    ...                      {"vile": -3.1}, {"vile": 0.5})
    >>> parts["list_emotive"], parts["vader_abs_max"], parts["marked_rate_words"], parts["exclamations"]
    ([(1.0, 1)], [(3.1, 1)], [(1.0, 1)], [(1.0, -1)])
    """
    parts: dict[str, list[tuple[float, int]]] = {name: [] for name in DENSE_NAMES}
    for kind, first, end in list_hits:
        parts.setdefault(WORD_LIST_PREFIX + kind, []).extend((1.0 / (end - first), i) for i in range(first, end))
    for prefix, table in (("vader_abs", valence), ("marked_rate", marked_rates)):
        scored = [(abs(table[t]), i) for i, t in enumerate(tokens) if t in table]
        parts[f"{prefix}_sum"] = scored
        parts[f"{prefix}_max"] = [max(scored)] if scored else []
    parts["vader_words"] = [(1.0, i) for _, i in parts["vader_abs_sum"]]
    parts["marked_rate_words"] = [(1.0, i) for v, i in parts["marked_rate_sum"] if v >= OFTEN_MARKED]
    parts["log_length"] = [(math.log1p(max(len(tokens), MIN_LENGTH)), -1)]
    parts["exclamations"] = [(float(text.count("!")), -1)] if "!" in text else []
    n_quotes = sum(text.count(mark) for mark in QUOTE_MARKS)
    parts["quote_marks"] = [(float(n_quotes), -1)] if n_quotes else []
    return parts


def model_dense_values(tokens: Sequence[str], text: str, list_hits: Iterable[tuple[str, int, int]],
                       marked_rates: dict[str, float], emotive_words: frozenset[str],
                       ) -> dict[str, list[tuple[float, int]]]:
    """:func:`dense_values` with VADER's lexicon, the emotive list cut to ``emotive_words``.

    The emotive count keeps the hand-made part of the list only: the part
    derived from BABE would carry the training labels into the feature.

    >>> parts = model_dense_values(["a", "bizarre", "stunt"], "A bizarre stunt.",
    ...                            [("emotive", 1, 2), ("emotive", 2, 3)], {}, frozenset({"bizarre"}))
    >>> parts["list_emotive"]
    [(1.0, 1)]
    """
    kept = [(kind, first, end) for kind, first, end in list_hits
            if kind != "emotive" or " ".join(tokens[first:end]) in emotive_words]
    return dense_values(tokens, text, kept, _valence(), marked_rates)


@dataclass(frozen=True)
class LoadedModel:
    """The fitted model: weights per n-gram and count feature, calibration and threshold.

    Build it with :func:`load_model` (the packaged file) or :meth:`from_dict`.
    ``words`` and ``chars`` map an n-gram to its weight (idf and scale folded
    in; a sentence's n-gram values are divided by the square root of its
    length in words, at least :data:`MIN_LENGTH`); ``dense`` maps a count feature to its weight
    (standardisation folded in); ``calibration`` is Platt's (slope, intercept)
    on the linear score.
    """

    intercept: float
    words: dict[str, float]
    chars: dict[str, float]
    dense: dict[str, float]
    marked_rates: dict[str, float]
    calibration: tuple[float, float]
    threshold: float
    emotive_words: frozenset[str]
    # Many words recur across sentences: each word's entry (see ``_entry``) is made once.
    _entries: dict[str, tuple[float, float | None, float | None]] = field(
        default_factory=dict, compare=False, repr=False)
    # First words of the weighted bigrams: other words start no bigram worth looking up.
    _bigram_starts: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        starts = frozenset(gram.split(" ", 1)[0] for gram in self.words if " " in gram)
        object.__setattr__(self, "_bigram_starts", starts)

    @classmethod
    def from_dict(cls, data: dict, label: str = MODEL_LABEL) -> LoadedModel:
        """Validate and build the model from its JSON data; errors name ``label`` and the key."""
        missing = [key for key in REQUIRED_KEYS if key not in data]
        if missing:
            raise DataFileError(f"{label}: missing key(s) {', '.join(missing)} — retrain with "
                                "python -m framing.evaluate.train_loaded")
        try:
            return cls(float(data["intercept"]),
                       {k: float(v) for k, v in data["words"].items()},
                       {k: float(v) for k, v in data["chars"].items()},
                       {k: float(v) for k, v in data["dense"].items()},
                       {k: float(v) for k, v in data["marked_rates"].items()},
                       (float(data["calibration"][0]), float(data["calibration"][1])),
                       float(data["threshold"]), frozenset(data["emotive_words"]))
        except (TypeError, ValueError, IndexError, AttributeError) as error:
            raise DataFileError(f"{label}: malformed value ({error}) — retrain with "
                                "python -m framing.evaluate.train_loaded") from None

    def contributions(self, tokens: Sequence[str], text: str,
                      list_hits: Iterable[tuple[str, int, int]] = ()) -> tuple[float, list[float]]:
        """The linear score of a sentence and each token's share of it.

        The score is the intercept plus the tokens' shares plus the shares of
        features no token owns (length, punctuation).  ``list_hits`` are the
        word-list and passive hits (category, first token, end token).
        """
        scale = 1.0 / math.sqrt(max(len(tokens), MIN_LENGTH))
        cached, entry_of = self._entries.get, self._entry
        entries = [cached(token) or entry_of(token) for token in tokens]
        shares = [entry[0] * scale for entry in entries]
        words, starts = self.words, self._bigram_starts
        for i in range(len(tokens) - 1):
            if tokens[i] not in starts:
                continue
            weight = words.get(f"{tokens[i]} {tokens[i + 1]}")
            if weight:
                shares[i] += weight * scale / 2
                shares[i + 1] += weight * scale / 2
        self._add_lexicon_shares(entries, shares)
        self._add_list_shares(tokens, list_hits, shares)
        return self.intercept + self._unowned(tokens, text) + sum(shares), shares

    # The count features, computed as :func:`model_dense_values` defines them
    # (training uses that function; tests check the two agree) but from each
    # word's cached entry, since this runs for every sentence of every article.

    def _add_lexicon_shares(self, entries: list[tuple[float, float | None, float | None]],
                            shares: list[float]) -> None:
        """VADER valence and marked-rate features: sum, maximum and count, given back to their words."""
        dense = self.dense
        for column, prefix in ((1, "vader_abs"), (2, "marked_rate")):
            per_value, per_word = dense.get(f"{prefix}_sum", 0.0), 0.0
            if prefix == "vader_abs":
                per_word = dense.get("vader_words", 0.0)
            often = dense.get("marked_rate_words", 0.0) if prefix == "marked_rate" else 0.0
            best, best_index = -1.0, -1
            for i, entry in enumerate(entries):
                value = entry[column]
                if value is None:
                    continue
                shares[i] += per_value * value + per_word + (often if value >= OFTEN_MARKED else 0.0)
                if value >= best:
                    best, best_index = value, i
            if best_index >= 0:
                shares[best_index] += dense.get(f"{prefix}_max", 0.0) * best

    def _add_list_shares(self, tokens: Sequence[str], list_hits: Iterable[tuple[str, int, int]],
                         shares: list[float]) -> None:
        """Word-list and passive hits, each hit's weight shared by its words (emotive: hand-made part only)."""
        for kind, first, end in list_hits:
            if kind == "emotive" and " ".join(tokens[first:end]) not in self.emotive_words:
                continue
            weight = self.dense.get(WORD_LIST_PREFIX + kind, 0.0) / (end - first)
            for i in range(first, end):
                shares[i] += weight

    def _unowned(self, tokens: Sequence[str], text: str) -> float:
        """The share of the features no word owns: length, exclamation and quotation marks."""
        dense = self.dense
        n_quotes = sum(text.count(mark) for mark in QUOTE_MARKS)
        return (dense.get("log_length", 0.0) * math.log1p(max(len(tokens), MIN_LENGTH))
                + dense.get("exclamations", 0.0) * text.count("!") + dense.get("quote_marks", 0.0) * n_quotes)

    def probability(self, scored: tuple[float, list[float]]) -> float:
        """The calibrated probability that a sentence reads as loaded, from :meth:`contributions`."""
        slope, offset = self.calibration
        return 1.0 / (1.0 + math.exp(-(slope * scored[0] + offset)))

    def _entry(self, word: str) -> tuple[float, float | None, float | None]:
        """The word's n-gram weight (unigram plus its character n-grams), |VADER valence| and marked rate.

        Computed once per word (the cache is cleared when it grows past
        :data:`MAX_CACHED_WORDS`); valence and rate are None for words not in
        the lexicon or the rate table.
        """
        if len(self._entries) > MAX_CACHED_WORDS:
            self._entries.clear()
        grams, valence = char_ngrams(word), _valence()
        weight = self.words.get(word, 0.0) + sum(map(self.chars.get, grams, repeat(0.0, len(grams))))
        entry = (weight, abs(valence[word]) if word in valence else None, self.marked_rates.get(word))
        self._entries[word] = entry
        return entry


@cache
def _valence() -> dict[str, float]:
    """VADER's word lexicon (read once per process by the sentiment family's loader)."""
    from framing.features.sentiment.vader import load_lexicons

    return load_lexicons()[0]


@cache
def load_model() -> LoadedModel:
    """The packaged model, read and validated once per process.

    >>> 0 < load_model().threshold < 1
    True
    """
    try:
        data = json.loads(packaged_text(MODEL_FILE))
    except FileNotFoundError:
        raise DataFileError(f"{MODEL_LABEL}: file not found — train it with "
                            "python -m framing.evaluate.train_loaded --babe BABE.csv") from None
    except json.JSONDecodeError as error:
        raise DataFileError(f"{MODEL_LABEL}, line {error.lineno}: {error.msg} — retrain with "
                            "python -m framing.evaluate.train_loaded") from None
    return LoadedModel.from_dict(data)


def top_words(tokens: Sequence[str], shares: Sequence[float], limit: int = REASONS) -> list[int]:
    """Indices of the ``limit`` tokens that raise the score most, in text order.

    Only positive shares count, function words ("it", "is", "the": the
    :data:`~framing.document.vocabulary.STOPWORDS`) are not named, and a word
    that recurs in a sentence is named once, at its largest share.

    >>> top_words(["it", "is", "a", "vile", "plan", "vile"], [0.5, 0.5, 0.0, 0.9, -0.2, 0.4], limit=2)
    [3]
    """
    best: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if token in STOPWORDS:
            continue
        if shares[i] > 0 and (token not in best or shares[i] > shares[best[token]]):
            best[token] = i
    ranked = sorted(best.values(), key=lambda i: (-shares[i], i))[:limit]
    return sorted(ranked)


@dataclass(frozen=True)
class SentenceVerdict:
    """The model's reading of one sentence: probability, flagged or not, and its reason tokens."""

    probability: float
    flagged: bool
    reasons: tuple[int, ...]  # document token indices, in text order (empty when not flagged)


def score_sentences(model: LoadedModel, document: Document,
                    hits: Iterable[tuple[str, int, int, int]]) -> list[SentenceVerdict]:
    """The model's verdict on each body sentence of ``document``.

    ``hits`` are the word-list and passive hits of
    :meth:`framing.features.loaded.LoadedLanguageScorer.hits` (kind, sentence,
    first token, end token), reused so no sentence is scanned twice.
    """
    by_sentence: dict[int, list[tuple[str, int, int]]] = {}
    for kind, sentence, first, end in hits:
        by_sentence.setdefault(sentence, []).append((kind, first, end))
    verdicts = []
    for index, sentence in enumerate(document.sentences):
        span = document.tokens_between(sentence.start, sentence.end)
        tokens = document.tokens[span.start:span.stop]
        local = [(kind, first - span.start, end - span.start) for kind, first, end in by_sentence.get(index, ())
                 if span.start <= first and end <= span.stop]
        scored = model.contributions(tokens, sentence.text, local)
        probability = model.probability(scored)
        flagged = probability >= model.threshold
        reasons = tuple(span.start + i for i in top_words(tokens, scored[1])) if flagged else ()
        verdicts.append(SentenceVerdict(probability, flagged, reasons))
    return verdicts
