"""Measure tone toward targets against human labels: NewsMTSC and the ukraine_crisis crowd labels.

NewsMTSC (Hamborg & Donnay 2021) gives sentences with one marked mention and
the sentiment toward it (-1, 0, 1).  We report macro-F1 and accuracy of our
target tone next to the plain baseline computed in the same run: VADER's
compound of the whole sentence with the usual +-0.05 thresholds.

The ukraine_crisis set (Färber et al. 2020) has crowd labels per sentence of
how it frames Russia, Ukraine and the West (``frame_<target>_avg``, negative to
positive).  We correlate our tone toward each with those labels, over the
sentences that mention the target, beside the whole-sentence compound.

Given NewsMTSC's train part too, the model is also cross-validated there, refitted
in every fold: grouped by article, leaving one source corpus out, and grouped by
the person targeted.  NewsMTSC has no topic labels, so no leave-one-topic-out
figure: the people it is about stand in for its topics.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping
from pathlib import Path

from framing.document.parse import build_document
from framing.errors import EvaluationError
from framing.evaluate.newsmtsc import CLASSES, article_of, person_of, read_newsmtsc, source_of
from framing.evaluate.train_targets import (
    FOLDS,
    grouped_probabilities,
    nested_offset_predictions,
    newsmtsc_inputs,
    with_offsets,
)
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_tone import TargetToneModel, TargetToneScorer

__all__ = ["CLASSES", "read_newsmtsc", "newsmtsc_inputs", "evaluate_newsmtsc", "evaluate_ukraine_crisis",
           "cross_validate_newsmtsc", "evaluate_target_sentiment"]

BASELINE_THRESHOLD = 0.05
# The crowd's "West" covers the Western actors our registry keeps apart.
UKRAINE_CRISIS_TARGETS = {"russia": ("russia",), "ukraine": ("ukraine",), "west": ("west", "us", "eu", "nato")}


def baseline_class(compound: float) -> int:
    """VADER's usual reading of a compound score: -1, 0 or 1 at +-0.05.

    Examples
    --------
    >>> baseline_class(-0.2), baseline_class(0.01), baseline_class(0.05)
    (-1, 0, 1)
    """
    return 1 if compound >= BASELINE_THRESHOLD else -1 if compound <= -BASELINE_THRESHOLD else 0


def macro_f1(truth: list[int], predicted: list[int]) -> float:
    """Unweighted mean of the per-class F1 over -1, 0, 1.

    Examples
    --------
    >>> round(macro_f1([-1, 0, 1, 1], [-1, 0, 1, 0]), 4)
    0.7778
    """
    scores = []
    for c in CLASSES:
        tp = sum(t == c and p == c for t, p in zip(truth, predicted))
        fp = sum(t != c and p == c for t, p in zip(truth, predicted))
        fn = sum(t == c and p != c for t, p in zip(truth, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate_newsmtsc(path: str | Path, limit: int | None = None) -> dict[str, float]:
    """Macro-F1 and accuracy of target tone vs the whole-sentence VADER baseline on a NewsMTSC file."""
    rows = read_newsmtsc(path)[:limit]
    analyzer = make_analyzer()
    model = TargetToneModel.load()
    truth, ours, base = [], [], []
    for row, mention in zip(rows, newsmtsc_inputs(rows, analyzer)):
        truth.append(row["polarity"])
        ours.append(model.predict(mention.features, mention.ngrams).polarity)
        base.append(baseline_class(mention.compound))
    n = len(truth)
    return {
        "n": n,
        "macro_f1": macro_f1(truth, ours),
        "accuracy": sum(t == p for t, p in zip(truth, ours)) / n,
        "baseline_macro_f1": macro_f1(truth, base),
        "baseline_accuracy": sum(t == p for t, p in zip(truth, base)) / n,
    }


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson correlation; NaN when either side is constant or there are fewer than 3 pairs.

    Examples
    --------
    >>> round(pearson([1, 2, 3], [2, 4, 7]), 4)
    0.9934
    """
    n = len(xs)
    if n < 3:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if not sxx or not syy:
        return float("nan")
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / math.sqrt(sxx * syy)


def evaluate_ukraine_crisis(path: str | Path) -> dict[str, dict[str, float]]:
    """Correlate tone toward Russia, Ukraine and the West with the crowd's framing labels.

    For each target: over the sentences that mention it, the Pearson correlation
    of our mean tone toward it with ``frame_<target>_avg``, the same for the
    whole-sentence compound, and the number of sentences.
    """
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"{path}: file not found — pass ukraine_crisis/sentences.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        needed = {"sentence"} | {f"frame_{t}_avg" for t in UKRAINE_CRISIS_TARGETS}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise EvaluationError(f"{path}: missing columns {sorted(missing)} — is this sentences.csv?")
        records = list(reader)
    analyzer = make_analyzer()
    scorer = TargetToneScorer(analyzer.lexicon)
    pairs: dict[str, list[tuple[float, float, float]]] = {t: [] for t in UKRAINE_CRISIS_TARGETS}
    for record in records:
        document = build_document("ukraine_crisis", record["sentence"])
        vader = [analyzer.polarity_scores(s.text) for s in document.sentences]
        compound = sum(v["compound"] for v in vader) / len(vader) if vader else 0.0
        tones: dict[str, list[float]] = {}
        for mention, tone in scorer.mention_tones(document, vader):
            tones.setdefault(mention.target, []).append(tone.score)
        for name, keys in UKRAINE_CRISIS_TARGETS.items():
            values = [v for k in keys for v in tones.get(k, [])]
            if values:
                label = float(record[f"frame_{name}_avg"])
                pairs[name].append((sum(values) / len(values), compound, label))
    result = {}
    for name, triples in pairs.items():
        ours, base, labels = ([t[i] for t in triples] for i in range(3))
        result[name] = {"n": len(triples), "pearson": pearson(ours, labels),
                        "baseline_pearson": pearson(base, labels),
                        "n_labelled": sum(1 for v in labels if v != 0)}
    return result


# How cross-validation groups NewsMTSC train mentions: by article (no sentence
# of a test article seen in training), by source corpus (train on POLUSA, test
# on AllSides and back), and by the person targeted (no mention of a tested
# person, e.g. any "Trump", seen in training: NewsMTSC has no topic labels, and
# its people stand in for topics, the shortcut a model could take).
GROUPINGS: dict[str, tuple[Callable[[str], str], int]] = {
    "cv": (article_of, FOLDS),
    "leave_one_source_out": (source_of, 2),
    "person_grouped_cv": (person_of, FOLDS),
}


def cross_validate_newsmtsc(path: str | Path, limit: int | None = None) -> dict[str, float]:
    """Grouped cross-validated macro-F1 of the target-tone model on a NewsMTSC file (the train part).

    Keys: ``n``, and ``<grouping>_macro_f1`` for each of :data:`GROUPINGS`
    (the model refitted in every fold exactly as
    ``python -m framing.evaluate.train_targets`` fits it),
    ``cv_nested_offsets_macro_f1`` (grouped by article, the intercept offsets
    chosen on the other folds instead of all of train, as a fresh part would
    see them), and ``baseline_macro_f1`` (whole-sentence VADER on the same mentions).
    """
    rows = read_newsmtsc(path)[:limit]
    if not all(row["id"] for row in rows):
        raise EvaluationError(f"{path}: records without an id — cross-validation groups mentions by the "
                              "NewsMTSC id (source_article_..._target)")
    inputs = newsmtsc_inputs(rows, make_analyzer())
    truth = [row["polarity"] for row in rows]
    result: dict[str, float] = {"n": len(rows)}
    for name, (group_of, folds) in GROUPINGS.items():
        groups = [group_of(row["id"]) for row in rows]
        # Fitted without the offsets, which only shift the logits: added afterwards, they give the
        # classes the model fitted with them gives, and the nested figure needs no refitting.
        probabilities = grouped_probabilities(inputs, truth, groups, folds, (0.0, 0.0, 0.0))
        result[f"{name}_macro_f1"] = macro_f1(truth, with_offsets(probabilities))
        if name == "cv":
            result["cv_nested_offsets_macro_f1"] = macro_f1(
                truth, nested_offset_predictions(probabilities, truth, groups))
    result["baseline_macro_f1"] = macro_f1(truth, [baseline_class(i.compound) for i in inputs])
    return result


def evaluate_target_sentiment(newsmtsc: str | Path, ukraine_crisis: str | Path | None = None,
                              limit: int | None = None, train: str | Path | None = None) -> dict:
    """All evaluations in one dict, floats rounded to 4 places (what the CLI prints).

    NaN becomes None.  Keys: ``n``, ``macro_f1``, ``accuracy``, ``baseline_macro_f1``,
    ``baseline_accuracy``; with ``ukraine_crisis``, a ``ukraine_crisis``
    dict per target (``n``, ``pearson``, ``baseline_pearson``, ``n_labelled``);
    with ``train`` (NewsMTSC train.jsonl), a ``cross_validation`` dict
    (:func:`cross_validate_newsmtsc`; ``limit`` applies to it too).
    """
    result: dict = _rounded(evaluate_newsmtsc(newsmtsc, limit=limit))
    if ukraine_crisis is not None:
        result["ukraine_crisis"] = {name: _rounded(figures)
                                    for name, figures in evaluate_ukraine_crisis(ukraine_crisis).items()}
    if train is not None:
        result["cross_validation"] = _rounded(cross_validate_newsmtsc(train, limit=limit))
    return result


def _rounded(figures: Mapping) -> dict:
    # NaN (a correlation with too few sentences) becomes None, so the JSON stays valid.
    return {k: (None if math.isnan(v) else round(v, 4)) if isinstance(v, float) else v
            for k, v in figures.items()}
