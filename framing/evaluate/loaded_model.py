"""Cross-validated accuracy of the sentence loaded-language model on BABE.

The model is retrained inside every fold with the training script's own
:func:`~framing.evaluate.train_loaded.fit_model` (calibration and threshold
included, from the training folds only) and the held-out sentences are scored
by :class:`~framing.features.loaded_model.LoadedModel`, the code that scores
articles.  Two splits: stratified 5-fold, and leave-one-topic-out (every
sentence of a topic held out together), which shows how much the model leans
on the words of the subjects it was trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from framing.errors import EvaluationError
from framing.evaluate.loaded import read_babe
from framing.evaluate.train_loaded import INNER_FOLDS, SEED, NgramCounts, Unit, babe_units, fit_model
from framing.features.loaded_model import LoadedModel, top_words

FOLDS = 5


def held_out_predictions(units: Sequence[Unit], folds: Any, groups: Sequence[str] | None = None,
                         ) -> list[tuple[float, bool, list[str]]]:
    """Per unit: calibrated probability, flagged or not, and its reason words, from a model trained without it."""
    predictions: list[tuple[float, bool, list[str]]] = [(0.0, False, [])] * len(units)
    counts = NgramCounts.of(units)
    for train, test in folds.split(units, [u.biased for u in units], groups):
        model = LoadedModel.from_dict(fit_model([units[i] for i in train], counts.rows(train)))
        for i in test:
            unit = units[i]
            scored = model.contributions(unit.tokens, unit.text, unit.list_hits)
            probability = model.probability(scored)
            flagged = probability >= model.threshold
            reasons = [unit.tokens[k] for k in top_words(unit.tokens, scored[1])] if flagged else []
            predictions[i] = (probability, flagged, reasons)
    return predictions


def prediction_metrics(units: Sequence[Unit], predictions: Sequence[tuple[float, bool, list[str]]],
                       prefix: str = "") -> dict[str, float]:
    """AUC of the probabilities; F1 (biased class), macro-F1 and accuracy of the flags; reason words vs marked words.

    >>> units = [Unit(("a", "vile", "mob"), "", (), frozenset({"vile"}), True, "x"),
    ...          Unit(("a", "plan"), "", (), frozenset(), False, "y")]
    >>> m = prediction_metrics(units, [(0.9, True, ["vile", "mob"]), (0.2, False, [])])
    >>> m["auc"], m["macro_f1"], m["word_precision"], m["word_recall"]
    (1.0, 1.0, 0.5, 1.0)
    """
    y = np.array([u.biased for u in units])
    probability = np.array([p for p, _, _ in predictions])
    flagged = np.array([f for _, f, _ in predictions])
    hits = sum(len(set(reasons) & u.marked) for u, (_, _, reasons) in zip(units, predictions))
    named = sum(len(set(reasons)) for _, _, reasons in predictions)
    gold = sum(len(u.marked) for u in units)
    both_classes = 0 < y.sum() < len(y)
    return {f"{prefix}auc": float(roc_auc_score(y, probability)) if both_classes else float("nan"),
            f"{prefix}f1": float(f1_score(y, flagged, zero_division=0)),
            f"{prefix}macro_f1": float(f1_score(y, flagged, average="macro", zero_division=0)),
            f"{prefix}accuracy": float((y == flagged).mean()),
            f"{prefix}word_precision": hits / named if named else float("nan"),
            f"{prefix}word_recall": hits / gold if gold else float("nan")}


def baseline_metrics(units: Sequence[Unit], folds: Any) -> dict[str, float]:
    """The ten-line baseline on the same folds: TF-IDF word 1-2-grams and character 3-5-grams, logistic regression."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [" ".join(u.tokens) for u in units]
    y = np.array([u.biased for u in units])
    probability = np.zeros(len(units))
    for train, test in folds.split(texts, y):
        vectorizers = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)]
        X_train = sp.hstack([v.fit_transform([texts[i] for i in train]) for v in vectorizers]).tocsr()
        X_test = sp.hstack([v.transform([texts[i] for i in test]) for v in vectorizers]).tocsr()
        model = LogisticRegression(C=1.0, solver="liblinear").fit(X_train, y[train])
        probability[test] = model.predict_proba(X_test)[:, 1]
    return {"baseline_auc": float(roc_auc_score(y, probability)),
            "baseline_macro_f1": float(f1_score(y, probability >= 0.5, average="macro"))}


def evaluate_model(path: str | Path, limit: int | None = None, folds: int = FOLDS,
                   topics: bool = True) -> dict[str, Any]:
    """5-fold and leave-one-topic-out figures of the model, with the TF-IDF baseline on the same folds.

    Keys: ``auc``, ``f1``, ``macro_f1``, ``accuracy``, ``word_precision`` and
    ``word_recall`` (5-fold); the same with ``loto_`` (leave one topic out)
    and ``loto_macro_f1_gap`` (5-fold minus leave-one-topic-out);
    ``baseline_auc`` and ``baseline_macro_f1``; ``f1_all_biased``.
    """
    from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold

    units = babe_units(read_babe(path, limit))
    y = np.array([u.biased for u in units])
    smallest = int(min(y.sum(), len(y) - y.sum()))
    if smallest < max(folds, INNER_FOLDS):
        raise EvaluationError(f"{path}: {smallest} sentence(s) in the smaller class — cross-validation needs "
                              f"at least {max(folds, INNER_FOLDS)} Biased and Non-biased each; use more rows")
    splits = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    result: dict[str, Any] = {"n": len(units), "n_biased": int(y.sum()), "folds": folds,
                              "f1_all_biased": float(f1_score(y, np.ones_like(y)))}
    result.update(prediction_metrics(units, held_out_predictions(units, splits)))
    result.update(baseline_metrics(units, splits))
    groups = [u.topic for u in units]
    if topics and len(set(groups)) > 1:
        result.update(prediction_metrics(units, held_out_predictions(units, LeaveOneGroupOut(), groups), "loto_"))
        result["n_topics"] = len(set(groups))
        result["loto_macro_f1_gap"] = result["macro_f1"] - result["loto_macro_f1"]
    return result
