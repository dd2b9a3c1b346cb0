"""Train the sentence loaded-language model on BABE and write it as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_loaded --babe ../shared/eval/babe/babe.csv

It writes ``framing/data/loaded_model.json`` (read by
:mod:`framing.features.loaded_model`): a logistic regression over word 1-2-grams
and in-word character 3-5-grams (tf-idf, each column scaled up by how unevenly
it falls on the two classes, as in NB-SVM) and a few standardised counts (word
lists, passives, VADER valence, how often annotators marked the words),
folded back into plain per-n-gram weights.  Probabilities are calibrated by
Platt scaling on out-of-fold scores, and the decision threshold is the one
with the best macro-F1 on those scores.  Deterministic: the same data gives
the same file, byte for byte.  :func:`fit_model` is also what
``framing evaluate loaded`` retrains inside every cross-validation fold.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.document.parse import build_document
from framing.evaluate.loaded import emotive_parts, marked_words, normalise_topic, read_babe
from framing.evaluate.model_files import write_model
from framing.features.loaded import LoadedLanguageScorer
from framing.features.loaded_model import (
    MIN_LENGTH,
    LoadedModel,
    char_analyzer,
    model_dense_values,
    token_analyzer,
)

# Chosen by 5-fold and leave-one-topic-out cross-validation on BABE's development part.
C = 1.0                 # inverse regularisation of the logistic regression
DENSE_WEIGHT = 0.3      # the standardised counts' scale beside the unit-length tf-idf blocks
NB_WEIGHT = 0.5         # column scale 1 + NB_WEIGHT × |log-count ratio of the classes|
MIN_DF = 2              # n-grams seen in fewer training sentences are left out
MIN_MARKED = 1          # a word's marked rate is kept when annotators marked it this often
RATE_SMOOTHING = 1.0    # marked / (sentences containing it + this)
TOPIC_MIN_DF = 5        # topic n-grams: seen in at least this many training sentences …
TOPIC_LIFT = 0.0        # … and this many times likelier in one topic than overall (0: keep them)
INNER_FOLDS = 5         # out-of-fold scores for the marked rates and for calibration
THRESHOLDS = tuple(round(0.3 + 0.01 * k, 2) for k in range(41))
SEED = 0
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "loaded_model.json"


@dataclass(frozen=True)
class Unit:
    """One labelled sentence: its tokens, text, word-list hits, annotators' words, label and topic."""

    tokens: tuple[str, ...]
    text: str
    list_hits: tuple[tuple[str, int, int], ...]
    marked: frozenset[str]
    biased: bool
    topic: str


def babe_units(rows: Sequence[dict[str, str]]) -> list[Unit]:
    """BABE rows (as :func:`~framing.evaluate.loaded.read_babe` gives them) as training units."""
    scorer = LoadedLanguageScorer()
    units = []
    for index, row in enumerate(rows):
        doc = build_document(str(index), row["text"])
        hits = tuple((kind, first, end) for kind, _, first, end in scorer.hits(doc))
        units.append(Unit(doc.tokens, row["text"], hits, frozenset(marked_words(row) & set(doc.tokens)),
                          row["label_bias"] == "Biased", normalise_topic(row.get("topic", ""))))
    return units


def marked_rates(units: Sequence[Unit]) -> dict[str, float]:
    """Per word, the share of training sentences containing it in which annotators marked it.

    >>> u = [Unit(("a", "mob"), "", (), frozenset({"mob"}), True, ""),
    ...      Unit(("the", "mob"), "", (), frozenset({"mob"}), True, "")]
    >>> marked_rates(u)
    {'mob': 0.666667}
    """
    marked: Counter[str] = Counter()
    containing: Counter[str] = Counter()
    for unit in units:
        marked.update(unit.marked)
        containing.update(set(unit.tokens))
    return {word: round(n / (containing[word] + RATE_SMOOTHING), 6)
            for word, n in sorted(marked.items()) if n >= MIN_MARKED}


def _dense_rows(units: Sequence[Unit], rates: Sequence[dict[str, float]],
                emotive_words: frozenset[str]) -> list[dict[str, float]]:
    rows = []
    for unit, table in zip(units, rates):
        parts = model_dense_values(unit.tokens, unit.text, unit.list_hits, table, emotive_words)
        rows.append({name: sum(v for v, _ in values) for name, values in parts.items()})
    return rows


def _cross_fitted_rates(units: Sequence[Unit]) -> list[dict[str, float]]:
    """Each unit's marked-rate table learnt without it (inner folds), so the weights learn to trust unseen rates."""
    from sklearn.model_selection import StratifiedKFold

    tables: list[dict[str, float]] = [{} for _ in units]
    labels = [u.biased for u in units]
    if min(sum(labels), len(labels) - sum(labels)) < INNER_FOLDS:
        return tables
    folds = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(units, labels):
        table = marked_rates([units[i] for i in train])
        for i in test:
            tables[i] = table
    return tables


@dataclass(frozen=True)
class NgramCounts:
    """Word and character n-gram counts of every unit, counted once and sliced per fold.

    ``words``/``chars`` are sparse count matrices (one row per unit) over every
    n-gram seen; a fold keeps the columns its training rows see ``MIN_DF`` times.
    """

    words: Any
    chars: Any
    word_names: list[str]
    char_names: list[str]

    @classmethod
    def of(cls, units: Sequence[Unit]) -> NgramCounts:
        from sklearn.feature_extraction.text import CountVectorizer

        matrices, names = [], []
        for analyzer in (token_analyzer, char_analyzer):
            vectorizer = CountVectorizer(analyzer=analyzer)
            matrices.append(vectorizer.fit_transform([u.tokens for u in units]).tocsr())
            names.append([str(n) for n in vectorizer.get_feature_names_out()])
        return cls(matrices[0], matrices[1], names[0], names[1])

    def rows(self, indices: Sequence[int]) -> NgramCounts:
        return NgramCounts(self.words[indices], self.chars[indices], self.word_names, self.char_names)


def topic_ngrams(present: Any, topics: Sequence[str]) -> Any:
    """Columns of n-grams that mark a topic: seen in ``TOPIC_MIN_DF`` sentences, ``TOPIC_LIFT`` times likelier in one.

    ``present`` is a 0/1 matrix (sentences × n-grams).  A word like "vaccine"
    or "soccer" tells the topic, not the wording; left in, the model would
    call a subject loaded.  Nothing is dropped with fewer than three topics.
    """
    import numpy as np
    import scipy.sparse as sp

    names = sorted(set(topics))
    if len(names) < 3 or not TOPIC_LIFT:
        return np.zeros(present.shape[1], dtype=bool)
    index = {name: k for k, name in enumerate(names)}
    membership = sp.csr_matrix((np.ones(len(topics)), ([index[t] for t in topics], range(len(topics)))),
                               shape=(len(names), len(topics)))
    by_topic = np.asarray((membership @ present).todense())
    df = by_topic.sum(0)
    share = by_topic / np.maximum(df, 1)
    base = np.asarray(membership.sum(1)).ravel() / len(topics)
    lift = (share / base[:, None]).max(0)
    return (df >= TOPIC_MIN_DF) & (lift >= TOPIC_LIFT)


def _block(counts: Any, names: list[str], lengths: Any, labels: Any,
           topics: Sequence[str]) -> tuple[Any, list[str], Any]:
    """One n-gram block of the training rows: weighted matrix, kept n-grams, per-column weight.

    A value is count × idf (scikit-learn's smooth idf) × the NB-SVM scale of
    the column, divided by the square root of the sentence's length in words
    (at least ``MIN_LENGTH``; so that a sentence's score is a sum of
    per-word parts) and by the block's mean row length.
    """
    import numpy as np
    import scipy.sparse as sp

    present = (counts > 0).astype(float).tocsr()
    df = np.asarray(present.sum(0)).ravel()
    keep = np.flatnonzero((df >= min(MIN_DF, counts.shape[0])) & ~topic_ngrams(present, topics))
    present, df = present[:, keep], df[keep]
    idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1
    positive = np.asarray(present[labels == 1].sum(0)).ravel() + 1
    negative = np.asarray(present[labels == 0].sum(0)).ravel() + 1
    ratio = np.log((positive / positive.sum()) / (negative / negative.sum()))
    weight = idf * (1 + NB_WEIGHT * np.abs(ratio))
    matrix = (sp.diags(1 / np.sqrt(lengths)) @ counts[:, keep] @ sp.diags(weight)).tocsr()
    # Rows of unit length on average, as the l2-normalised tf-idf the regularisation was tuned for.
    mean_norm = float(np.sqrt(np.asarray(matrix.multiply(matrix).sum(1)).ravel()).mean()) or 1.0
    return matrix / mean_norm, [names[k] for k in keep], weight / mean_norm


def fit_linear(units: Sequence[Unit], counts: NgramCounts | None = None) -> dict[str, Any]:
    """Fit the linear model (no calibration) on ``units``; the JSON-ready weights.

    ``counts`` are the units' n-gram counts (:meth:`NgramCounts.of`), when
    the caller already has them.
    """
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = counts or NgramCounts.of(units)
    labels = np.array([int(u.biased) for u in units])
    lengths = np.array([max(len(u.tokens), MIN_LENGTH) for u in units], dtype=float)
    emotive_words = emotive_parts()["hand"]
    topics = [u.topic for u in units]
    blocks = [_block(counts.words, counts.word_names, lengths, labels, topics),
              _block(counts.chars, counts.char_names, lengths, labels, topics)]
    dense_vectorizer = DictVectorizer(sort=True)
    dense = dense_vectorizer.fit_transform(_dense_rows(units, _cross_fitted_rates(units), emotive_words)).toarray()
    mean, std = dense.mean(0), dense.std(0)
    std[std == 0] = 1.0
    standard = (dense - mean) / std * DENSE_WEIGHT
    X = sp.hstack([m for m, _, _ in blocks] + [sp.csr_matrix(standard)]).tocsr()
    # The dual problem: far fewer sentences than n-grams, so about ten times faster, same weights.
    model = LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=5000, random_state=SEED)
    model.fit(X, labels)
    coef = model.coef_.ravel()
    weights, offset = [], 0
    for _, vocabulary, weight in blocks:
        part = coef[offset:offset + len(vocabulary)] * weight
        weights.append({g: round(float(w), 6) for g, w in zip(vocabulary, part) if round(float(w), 6)})
        offset += len(vocabulary)
    dense_coef = coef[offset:] * DENSE_WEIGHT / std
    return {
        "intercept": round(float(model.intercept_[0] - (dense_coef * mean).sum()), 6),
        "words": weights[0], "chars": weights[1],
        "dense": {str(n): round(float(w), 6) for n, w in zip(dense_vectorizer.get_feature_names_out(), dense_coef)},
        "marked_rates": marked_rates(units),
        "emotive_words": sorted(emotive_words),
        "calibration": [1.0, 0.0], "threshold": 0.5,
    }


def linear_scores(model: dict[str, Any], units: Sequence[Unit]) -> list[float]:
    """The uncalibrated linear score of each unit, through the same code that scores articles."""
    scorer = LoadedModel.from_dict(model)
    return [scorer.contributions(u.tokens, u.text, u.list_hits)[0] for u in units]


def calibrate(scores: Sequence[float], labels: Sequence[bool]) -> tuple[list[float], float]:
    """Platt scaling (slope, intercept) of out-of-fold scores and the best macro-F1 threshold on them."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    x = np.asarray(scores).reshape(-1, 1)
    y = np.asarray(labels, dtype=int)
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(x, y)
    slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    probability = 1 / (1 + np.exp(-(slope * x.ravel() + offset)))
    best = max(THRESHOLDS, key=lambda t: (round(f1_score(y, probability >= t, average="macro"), 6), -abs(t - 0.5)))
    return [round(slope, 6), round(offset, 6)], best


def out_of_fold_scores(units: Sequence[Unit], folds: Any, counts: NgramCounts | None = None) -> list[float]:
    """Each unit's linear score from a model fitted without its fold."""
    counts = counts or NgramCounts.of(units)
    scores = [0.0] * len(units)
    for train, test in folds.split(units, [u.biased for u in units]):
        model = fit_linear([units[i] for i in train], counts.rows(train))
        for i, value in zip(test, linear_scores(model, [units[i] for i in test])):
            scores[i] = value
    return scores


def fit_model(units: Sequence[Unit], counts: NgramCounts | None = None) -> dict[str, Any]:
    """The full model: linear weights on all ``units``, calibration and threshold from inner folds."""
    from sklearn.model_selection import StratifiedKFold

    counts = counts or NgramCounts.of(units)
    model = fit_linear(units, counts)
    folds = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED)
    scores = out_of_fold_scores(units, folds, counts)
    model["calibration"], model["threshold"] = calibrate(scores, [u.biased for u in units])
    return model


def train(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    """Fit the model on BABE rows; the JSON-ready model with its description."""
    units = babe_units(rows)
    model = fit_model(units)
    model["description"] = ("Sentence loaded language: logistic regression trained by python -m "
                            "framing.evaluate.train_loaded on BABE's development part "
                            "(Media-Bias-Group, AGPL-3.0); see loaded_model.md.")
    model["n_train"] = len(units)
    model["n_biased"] = sum(u.biased for u in units)
    return model


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--babe", required=True, help="BABE's babe.csv (development part)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the model JSON")
    args = parser.parse_args(argv)
    data = train(read_babe(args.babe))
    write_model(args.out, data)
    print(f"wrote {args.out}: {len(data['words'])} word n-grams, {len(data['chars'])} character n-grams, "
          f"threshold {data['threshold']}")


if __name__ == "__main__":
    main()
