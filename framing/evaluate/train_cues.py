"""Train the learned cue detector on PolNeAR train and write its weights as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_cues --polnear ../shared/eval/polnear

It writes ``framing/data/cue_model.json``: an L1-regularised logistic
regression over :func:`framing.features.attribution.cue_model.token_features`
of every word token outside quoted speech in PolNeAR's **train** part, the
label being whether the token lies in an annotated cue.  Only the non-zero
weights are kept, rounded to 6 decimals, keys sorted: the same data gives the
same file, byte for byte.  The decision threshold and ``C`` were chosen on the
dev part (``--threshold``, ``--c``; see ``framing/data/cue_model.md``); the
test part is never read.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from framing.document.parse import build_document
from framing.evaluate.model_files import sparse_weights, write_model
from framing.evaluate.polnear import read_split
from framing.features.attribution.content import ContentRules
from framing.features.attribution.cue_model import MODEL_FILE, is_cue_word, token_features
from framing.features.attribution.cues import CueLexicon

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
# Chosen on PolNeAR dev (F1 at content overlap >= 0.3), see framing/data/cue_model.md.
C = 0.5
THRESHOLD = 0.55


def training_examples(polnear: str | Path, split: str = "train") -> Iterator[tuple[list[str], int]]:
    """``(features, label)`` of every word token outside quoted speech of a PolNeAR split."""
    listed = CueLexicon.load().one_word_forms(include_strict=True)
    for item in read_split(polnear, split):
        doc = build_document(item.name, item.text)
        rules = ContentRules(doc, frozenset())
        cue_tokens: set[int] = set()
        for gold in item.attributions:
            for start, end in gold.cues:
                cue_tokens.update(k for k in doc.tokens_between(start, end) if is_cue_word(doc.tokens[k]))
        for i, (start, _) in enumerate(doc.token_spans):
            if not rules.in_speech(start):
                yield token_features(doc, i, listed), int(i in cue_tokens)


def train(polnear: str | Path, c: float = C, threshold: float = THRESHOLD) -> dict:
    """Fit the detector on PolNeAR train; return the JSON-ready model."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features, labels = [], []
    for names, label in training_examples(polnear):
        features.append(dict.fromkeys(names, 1))
        labels.append(label)
    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform(features).tocsr()
    # liblinear takes 32-bit sparse indices only.
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)
    model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=1000, random_state=0)
    model.fit(X, labels)
    names = vectorizer.get_feature_names_out()
    return {
        "description": "Reporting-cue detector: L1 logistic regression over token features, trained by "
                       "python -m framing.evaluate.train_cues on PolNeAR train (networkdynamics/PolNeAR "
                       "@ c3eee83); see cue_model.md.",
        "c": c,
        "threshold": threshold,
        "n_train_tokens": len(labels),
        "n_train_cue_tokens": int(sum(labels)),
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": sparse_weights(names, model.coef_[0]),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR folder holding train/.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Where to write the model JSON.")
    parser.add_argument("--c", type=float, default=C, help="Inverse L1 regularisation strength.")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="Probability that makes a cue.")
    args = parser.parse_args(argv)
    model = train(args.polnear, args.c, args.threshold)
    write_model(args.out, model)
    print(f"wrote {args.out}: {len(model['weights'])} weights from {model['n_train_tokens']} tokens")


if __name__ == "__main__":
    main()
