"""Train the learned role fallback on the hand-labelled attributions and write it as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_roles --allsides ../shared/eval/allsides/articles_10k.jsonl.gz

It writes ``framing/data/role_model.json`` (read by
:mod:`framing.features.attribution.role_model`): a multinomial logistic
regression over :func:`~framing.features.attribution.role_model.role_features`
of every scorable hand-labelled attribution of :data:`TRAINING_SETS` that the
extractor still finds, the target being the labelled role.  The features are
read with the rules alone (no model), as the scorer reads them before it asks
the model.  ``role_labels_heldout5.csv`` is never read here: it is the
held-out figure.  Weights are rounded to 6 decimals, keys sorted: the same
data gives the same file, byte for byte.

``--loso`` prints, instead, the leave-one-set-out accuracy of the rules alone
and of the rules with the model (trained on the other sets) per set: how ``C``
and ``MIN_COUNT`` were chosen.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.evaluate.model_files import sparse_weights, write_model
from framing.evaluate.roles import (
    DEFAULT_ROLE_LABELS,
    allsides_documents,
    attribution_key,
    read_role_labels,
    scorable,
)
from framing.features.attribution.role_lexicon import UNKNOWN_ROLE
from framing.features.attribution.role_model import MODEL_FILE, RoleModel, role_features
from framing.features.attribution.scorer import AttributionScorer

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
# The label sets the model learns from (never role_labels_heldout5.csv, the held-out figure).
TRAINING_SETS = ("role_labels.csv", "role_labels_heldout.csv", "role_labels_heldout2.csv",
                 "role_labels_heldout3.csv", "role_labels_heldout4.csv")
# Chosen by leave-one-set-out over TRAINING_SETS (see role_model.md).
C = 0.3            # inverse L2 regularisation of the logistic regression
MIN_COUNT = 2      # a feature seen in fewer training attributions is left out


@dataclass(frozen=True)
class Example:
    """One labelled attribution: its label set, features, labelled role and the rules' role."""

    label_set: str
    features: tuple[str, ...]
    role: str
    rule_role: str


def examples(allsides: str | Path, sets: Sequence[str] = TRAINING_SETS) -> list[Example]:
    """The scorable labelled attributions of ``sets`` that the extractor finds, with the rules' features."""
    scorer = AttributionScorer()
    scorer.role_model = None
    out = []
    for name in sets:
        rows = scorable(read_role_labels(DEFAULT_ROLE_LABELS.with_name(name)))
        wanted = {(row["article_id"], row["speaker_text"], row["sentence"]): row["role"] for row in rows}
        found: dict[tuple[str, str, str], tuple[list[str], str]] = {}
        for document in allsides_documents(allsides, {row["article_id"] for row in rows}):
            for finding in scorer.score(document).findings:
                key = attribution_key(document, finding.detail)
                if key in wanted:
                    found[key] = (role_features(document, finding.detail), finding.detail["role"])
        out.extend(Example(name, tuple(found[key][0]), role, found[key][1])
                   for key, role in wanted.items() if key in found)
    return out


def fit(train: Sequence[Example], c: float = C, min_count: int = MIN_COUNT) -> dict[str, Any]:
    """Fit the regression on ``train``; return the JSON-ready model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(feature for example in train for feature in example.features)
    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform([{f: 1 for f in example.features if counts[f] >= min_count} for example in train])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(X, [example.role for example in train])
    names = vectorizer.get_feature_names_out()
    roles = [str(role) for role in model.classes_]
    return {
        "description": "Speaker-role fallback for roles the rules leave unknown: multinomial logistic "
                       "regression over role_features, trained by python -m framing.evaluate.train_roles "
                       "on the hand-labelled attributions of tests/data; see role_model.md.",
        "c": c,
        "min_count": min_count,
        "label_sets": sorted({example.label_set for example in train}),
        "n_train": len(train),
        "intercept": {role: round(float(b), 6) for role, b in zip(roles, model.intercept_)},
        "weights": {role: sparse_weights(names, row) for role, row in zip(roles, model.coef_)},
    }


def combined_role(model: RoleModel, example: Example) -> str:
    """The rules' role, or the model's where the rules say unknown (what the scorer does)."""
    return model.role(example.features) if example.rule_role == UNKNOWN_ROLE else example.rule_role


def leave_one_set_out(data: Sequence[Example], c: float = C, min_count: int = MIN_COUNT) -> dict[str, dict]:
    """Per label set: ``n``, right by the rules alone and by the rules with a model trained on the other sets."""
    out = {}
    for name in sorted({example.label_set for example in data}):
        model = RoleModel.from_json(fit([e for e in data if e.label_set != name], c, min_count))
        test = [e for e in data if e.label_set == name]
        out[name] = {"n": len(test), "rules": sum(e.rule_role == e.role for e in test),
                     "rules_and_model": sum(combined_role(model, e) == e.role for e in test)}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--allsides", type=Path, required=True, help="The AllSides articles_10k.jsonl.gz.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Where to write the model JSON.")
    parser.add_argument("--c", type=float, default=C, help="Inverse L2 regularisation strength.")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="Least training attributions per feature.")
    parser.add_argument("--loso", action="store_true", help="Print leave-one-set-out accuracy instead of writing.")
    args = parser.parse_args(argv)
    data = examples(args.allsides)
    if args.loso:
        for name, counts in leave_one_set_out(data, args.c, args.min_count).items():
            n = counts["n"]
            print(f"{name}: n {n}, rules {counts['rules'] / n:.3f}, rules+model {counts['rules_and_model'] / n:.3f}")
        return
    model = fit(data, args.c, args.min_count)
    write_model(args.out, model)
    print(f"wrote {args.out}: {sum(len(w) for w in model['weights'].values())} weights from {model['n_train']} "
          "labelled attributions")


if __name__ == "__main__":
    main()
