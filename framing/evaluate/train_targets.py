"""Train the target-tone model on NewsMTSC and write its coefficients as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_targets --newsmtsc ../shared/eval/newsmtsc/train.jsonl

It writes ``framing/data/target_model.json``: a three-class logistic regression
over the mention context features (standardised, then folded back into the
weights) and the words within the window around the mention (kept when seen in
at least ``MIN_WORD_COUNT`` training mentions, and regularised harder than the
context features, so the model leans on structure and VADER's lexicon first).
Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from framing.errors import EvaluationError
from framing.evaluate.target_sentiment import CLASSES, newsmtsc_inputs, read_newsmtsc
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_context import WINDOW

# Inverse regularisation strength of the context features (standardised) and
# of the word indicators; chosen by 5-fold cross-validation on the train part,
# grouped by sentence.
C_FEATURES = 1.0
C_WORDS = 0.1
MIN_WORD_COUNT = 3
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "target_model.json"


def train(rows: list[dict]) -> dict:
    """Fit the model on NewsMTSC rows; return the JSON-ready coefficients."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    inputs = newsmtsc_inputs(rows, make_analyzer())
    labels = np.array([row["polarity"] for row in rows])
    features = DictVectorizer(sort=True)
    dense = features.fit_transform([f for f, _, _ in inputs])
    scale = np.sqrt(np.asarray(dense.multiply(dense).mean(0)).ravel())
    scale[scale == 0] = 1.0
    words = DictVectorizer(sort=True)
    indicators = words.fit_transform([dict.fromkeys(w, 1.0) for _, w, _ in inputs])
    counts = np.asarray(indicators.sum(0)).ravel()
    keep = np.flatnonzero(counts >= MIN_WORD_COUNT)
    indicators = indicators[:, keep]
    # Scaling a column by s makes its effective inverse regularisation s**2 times larger.
    word_scale = (C_WORDS / C_FEATURES) ** 0.5
    X = sp.hstack([dense.multiply(1 / scale), indicators * word_scale]).tocsr()
    model = LogisticRegression(C=C_FEATURES, max_iter=5000, class_weight="balanced")
    model.fit(X, labels)
    if tuple(int(c) for c in model.classes_) != CLASSES:
        raise EvaluationError(f"training labels must cover the classes {CLASSES}, got {tuple(model.classes_)} — "
                              "train on a NewsMTSC file with negative, neutral and positive mentions")
    n_dense = dense.shape[1]
    coef = model.coef_
    names = features.get_feature_names_out()
    vocabulary = words.get_feature_names_out()[keep]
    return {
        "description": "Target tone: multinomial logistic regression, trained by "
                       "python -m framing.evaluate.train_targets on NewsMTSC train "
                       "(fhamborg/NewsMTSC, newsmtsc-rw, MIT).",
        "classes": list(CLASSES),
        "window": WINDOW,
        "n_train": len(rows),
        "intercept": [round(float(v), 6) for v in model.intercept_],
        "features": {str(name): [round(float(coef[k, j] / scale[j]), 6) for k in range(3)]
                     for j, name in enumerate(names)},
        "words": {str(word): [round(float(coef[k, n_dense + j] * word_scale), 6) for k in range(3)]
                  for j, word in enumerate(vocabulary)},
    }


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newsmtsc", required=True, help="NewsMTSC train.jsonl")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the model JSON")
    args = parser.parse_args(argv)
    data = train(read_newsmtsc(args.newsmtsc))
    Path(args.out).write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['features'])} context features, {len(data['words'])} words")


if __name__ == "__main__":
    main()
