"""Held-out validity of the loaded-language score on BABE, by cross-validation.

Part 2 of the emotive word list was derived from BABE itself, so
``framing evaluate loaded --babe ...`` (the whole of BABE) is optimistic.  This
script splits BABE into stratified folds (scikit-learn, fixed seed); for each
fold it re-derives part 2 from the other folds with the rule written in the
list's header (:func:`framing.evaluate.loaded.derive_babe_words`), scores the
held-out fold with that list and the same sentence score as
``framing evaluate loaded`` (:func:`~framing.evaluate.loaded.score_babe`), and
prints each fold's metrics and their mean over folds.

Besides the best-threshold F1 of each held-out fold (as the full-BABE figure
is reported), it prints ``macro_f1_train_threshold``: macro-F1 on the held-out
fold at the threshold that was best on the training folds, which chooses
nothing on the held-out sentences.  Not a test: run it by hand.

Example: python benchmarks/babe_crossval.py --folds 5 --seed 0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.evaluate.loaded import (  # noqa: E402  (after the path set-up above)
    babe_metrics,
    derive_babe_words,
    emotive_parts,
    read_babe,
    score_babe,
)
from framing.features.loaded import LoadedLanguageScorer  # noqa: E402

DEFAULT_BABE = ROOT.parent / "shared" / "eval" / "babe" / "babe.csv"
REPORTED = ("auc", "macro_f1", "f1", "f1_all_biased", "word_precision", "word_recall",
            "macro_f1_train_threshold", "n_derived", "n_unreviewed")


def crossvalidate(rows: list[dict[str, str]], folds: int, seed: int) -> list[dict[str, float]]:
    """Metrics of each held-out fold, part 2 of the emotive list derived without it."""
    parts = emotive_parts()
    labels = np.asarray([row["label_bias"] == "Biased" for row in rows])
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    results = []
    for train_index, test_index in splitter.split(np.zeros(len(rows)), labels):
        train = [rows[i] for i in train_index]
        derived = derive_babe_words(train)
        scorer = LoadedLanguageScorer(wordlists={"emotive": parts["hand"] | derived})
        held_out = score_babe([rows[i] for i in test_index], scorer)
        result = babe_metrics(held_out)
        threshold = babe_metrics(score_babe(train, scorer))["macro_threshold"]
        predicted = held_out["scores"] >= threshold
        result["macro_f1_train_threshold"] = float(
            f1_score(held_out["labels"], predicted, average="macro", zero_division=0))
        result["n_derived"] = len(derived)
        # A derived word outside the shipped part 2 was never selected on the whole of
        # BABE, so the hand filter (the header's "exclude" lines) never judged it.
        result["n_unreviewed"] = len(derived - parts["babe"])
        results.append(result)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--babe", type=Path, default=DEFAULT_BABE, help="BABE's babe.csv")
    parser.add_argument("--folds", type=int, default=5, help="number of stratified folds")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fold shuffle")
    args = parser.parse_args(argv)
    rows = read_babe(args.babe)
    results = crossvalidate(rows, args.folds, args.seed)
    print(f"BABE {args.babe}: {len(rows)} sentences, {args.folds} stratified folds, "
          f"seed {args.seed}; part 2 of the emotive list re-derived on the training folds")
    print("fold  " + "  ".join(f"{key:>12.12}" for key in REPORTED))
    for number, result in enumerate(results, start=1):
        print(f"{number:>4}  " + "  ".join(_cell(result[key]) for key in REPORTED))
    print("mean  " + "  ".join(_cell(float(np.mean([r[key] for r in results])))
                               for key in REPORTED))


def _cell(value: float) -> str:
    return f"{value:>12.4f}" if isinstance(value, float) else f"{value:>12}"


if __name__ == "__main__":
    main()
