"""Train the learned role fallback on AllSides attributions and write its weights as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_roles --allsides ../shared/eval/allsides/articles_10k.jsonl.gz

It writes ``framing/data/role_model.json``: an L1-regularised one-vs-rest
logistic regression over
:func:`framing.features.attribution.role_model.context_features` of

- every attribution the rules place (role not ``unknown``) in the AllSides
  articles at positions 4,000–9,999 that no label file uses: weak labels,
  the rules' own roles, so the model learns which words around a statement
  go with which role beyond the title words the rules read; and
- the hand-labelled attributions of ``tests/data/role_labels.csv``,
  ``role_labels_heldout.csv``, ``role_labels_heldout2.csv`` and
  ``role_labels_heldout3.csv`` (weight ``--gold-weight``).

``role_labels_heldout4.csv`` and the articles at positions 0–3,999 (it and the
unknown share are measured there) are never read.  Only the non-zero weights
are kept, rounded to 6 decimals, keys sorted: the same data gives the same
file, byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from framing.document.parse import Document, build_document
from framing.evaluate.model_files import sparse_weights, write_model
from framing.evaluate.roles import DEFAULT_ROLE_LABELS, read_role_labels, scorable, sentence_of
from framing.features.attribution.role_lexicon import SPEAKER_ROLES, UNKNOWN_ROLE
from framing.features.attribution.role_model import MODEL_FILE, context_features
from framing.features.attribution.scorer import AttributionScorer

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
TRAINING_LABELS = ("role_labels.csv", "role_labels_heldout.csv", "role_labels_heldout2.csv",
                   "role_labels_heldout3.csv")
HELD_OUT_LABELS = ("role_labels_heldout4.csv",)
# Positions below this are the fourth held-out set's and the unknown share's: never read.
FIRST_POSITION = 4000
# Chosen by leave-one-set-out on the four training label sets, see framing/data/role_model.md.
C = 0.5
GOLD_WEIGHT = 5.0
THRESHOLD = 0.6


def _documents(allsides: str | Path, skip: set[str]) -> Iterator[Document]:
    """The AllSides articles from FIRST_POSITION on, those of ``skip`` ids left out."""
    with gzip.open(allsides, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < FIRST_POSITION:
                continue
            record = json.loads(line)
            if record["ID"] not in skip:
                yield build_document(record["ID"], record["content_original"], record.get("title", ""))


def training_examples(allsides: str | Path, labels_dir: Path = DEFAULT_ROLE_LABELS.parent
                      ) -> Iterator[tuple[list[str], str, str, str]]:
    """``(features, role, origin, rules' role)``; origin is the label file of a labelled row, else ``weak``.

    A weak row's role is the rules' own; only attributions the rules place
    are weak rows.
    """
    gold = {}
    for name in TRAINING_LABELS:
        for row in scorable(read_role_labels(labels_dir / name)):
            gold[(row["article_id"], row["speaker_text"], row["sentence"])] = (row["role"], name)
    held_out = {row["article_id"] for name in HELD_OUT_LABELS for row in read_role_labels(labels_dir / name)}
    labelled = {article_id for article_id, _, _ in gold}
    scorer = AttributionScorer()
    scorer.role_model = None  # the rules' roles only: the model never learns from itself
    for document in _documents(allsides, held_out):
        for finding in scorer.score(document).findings:
            detail = finding.detail
            source = (detail["source_start"], detail["source_end"])
            if document.article_id in labelled:
                key = (document.article_id, detail["speaker_text"], sentence_of(document, source[0]))
                if key in gold:
                    yield context_features(document, source), *gold[key], detail["role"]
            elif detail["role"] != UNKNOWN_ROLE:
                yield context_features(document, source), detail["role"], "weak", detail["role"]


def fit(examples: Sequence[tuple[list[str], str, str, str]], c: float = C, gold_weight: float = GOLD_WEIGHT,
        threshold: float = THRESHOLD) -> dict:
    """The JSON-ready model fitted on ``examples``: one L1 logistic regression per role against the rest."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform([dict.fromkeys(names, 1) for names, _, _, _ in examples]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear: 32-bit indices
    weights = np.asarray([1.0 if origin == "weak" else gold_weight for _, _, origin, _ in examples])
    names = vectorizer.get_feature_names_out()
    roles = sorted({role for _, role, _, _ in examples})
    intercepts, by_feature = [], {}
    for role in roles:
        target = np.asarray([int(r == role) for _, r, _, _ in examples])
        model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=1000, random_state=0)
        model.fit(X, target, sample_weight=weights)
        intercepts.append(round(float(model.intercept_[0]), 6))
        for name, weight in sparse_weights(names, model.coef_[0]).items():
            by_feature.setdefault(name, {})[role] = weight
    return {
        "description": "Role fallback: L1 one-vs-rest logistic regression over the words around a statement, "
                       "trained by python -m framing.evaluate.train_roles on AllSides articles 4,000-9,999 "
                       "(ramybaly/Article-Bias-Prediction @ ced8111; the rules' roles as weak labels) and the "
                       "first four role label sets; see role_model.md.",
        "c": c,
        "gold_weight": gold_weight,
        "threshold": threshold,
        "n_train": len(examples),
        "n_gold": int(sum(origin != "weak" for _, _, origin, _ in examples)),
        "roles": roles,
        "intercepts": intercepts,
        "weights": dict(sorted(by_feature.items())),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--allsides", type=Path, required=True, help="AllSides articles_10k.jsonl.gz.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Where to write the model JSON.")
    parser.add_argument("--c", type=float, default=C, help="Inverse L1 regularisation strength.")
    parser.add_argument("--gold-weight", type=float, default=GOLD_WEIGHT, help="Weight of a hand-labelled row.")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="Probability that gives a role.")
    args = parser.parse_args(argv)
    model = fit(list(training_examples(args.allsides)), args.c, args.gold_weight, args.threshold)
    assert set(model["roles"]) <= set(SPEAKER_ROLES)
    write_model(args.out, model)
    print(f"wrote {args.out}: {len(model['weights'])} features from {model['n_train']} attributions "
          f"({model['n_gold']} hand-labelled)")


if __name__ == "__main__":
    main()
