"""Validity of the loaded-language score against expert labels (BABE, BASIL).

Each function reads a data set, scores every sentence with
:class:`~framing.features.loaded.LoadedLanguageScorer` and returns a dict of
metrics; the CLI (``framing evaluate loaded``) only prints it.

* BABE (Spinde et al. 2021): sentences labelled ``Biased`` / ``Non-biased``
  with the words annotators marked (``biased_words``).  ROC AUC of the
  sentence score, the best-threshold F1 of the ``Biased`` class (and macro-F1,
  the measure of BABE's published transformer, 0.804), and word-level
  precision and recall of flagged words against ``biased_words``.
* BASIL (Fan et al. 2019): sentences of full articles with lexical-bias spans.
  ROC AUC for sentences with a lexical span against those without, and the
  share of lexical spans that contain a flagged word (span recall).
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from framing.document import WORD_RE, build_document
from framing.errors import EvaluationError
from framing.features.loaded import SCORED_KINDS, LoadedLanguageScorer

BABE_COLUMNS = ("text", "label_bias", "biased_words")
BASIL_SENTENCE_COLUMNS = ("article_uuid", "sent_idx", "sentence", "lex")
BASIL_SPAN_COLUMNS = ("article_uuid", "sent_idx", "start", "end", "bias")


def _read_csv(path: Path, columns: tuple[str, ...], label: str) -> list[dict[str, str]]:
    if not path.is_file():
        raise EvaluationError(f"{path}: {label} file not found — give the path to it")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise EvaluationError(f"{path}: missing column(s) {', '.join(missing)} — is this "
                                  f"the {label} file?")
        return list(reader)


def best_threshold(y: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    """Best F1 of the positive class and best macro-F1 over the score thresholds.

    Only thresholds that split the data count: "everything is positive" (the
    lowest score as threshold) is the trivial floor, not a result.

    >>> r = best_threshold(np.array([0, 0, 1, 1]), np.array([0.0, 1.0, 1.0, 2.0]))
    >>> r["f1"], r["threshold"]
    (0.8, 1.0)
    """
    best = {"f1": 0.0, "threshold": float("nan"), "macro_f1": 0.0, "macro_threshold": float("nan")}
    for threshold in np.unique(scores)[1:]:
        predicted = scores >= threshold
        f1 = f1_score(y, predicted, zero_division=0)
        macro = f1_score(y, predicted, average="macro", zero_division=0)
        if f1 > best["f1"]:
            best["f1"], best["threshold"] = float(f1), float(threshold)
        if macro > best["macro_f1"]:
            best["macro_f1"], best["macro_threshold"] = float(macro), float(threshold)
    return best


def evaluate_babe(path: str | Path, limit: int | None = None,
                  scorer: LoadedLanguageScorer | None = None) -> dict[str, Any]:
    """Score BABE's sentences; AUC, best-threshold F1 and word precision/recall.

    ``limit`` takes the first rows only (a quick sample).  ``f1_all_biased`` is
    the F1 of calling every sentence biased: the floor any F1 should beat.
    """
    rows = _read_csv(Path(path), BABE_COLUMNS, "BABE")[:limit]
    rows = [r for r in rows if r["label_bias"] in ("Biased", "Non-biased")]
    if not rows:
        raise EvaluationError(f"{path}: no rows labelled Biased or Non-biased")
    scorer = scorer or LoadedLanguageScorer()
    labels, scores = [], []
    true_positive = flagged_total = gold_total = 0
    for index, row in enumerate(rows):
        doc = build_document(str(index), row["text"])
        hits = [hit for hit in scorer.hits(doc) if hit[0] in SCORED_KINDS]
        scores.append(float(len(hits)))
        labels.append(row["label_bias"] == "Biased")
        flagged = {doc.tokens[i] for _, _, first, end in hits for i in range(first, end)}
        gold = {w.lower() for phrase in _word_list(row["biased_words"])
                for w in WORD_RE.findall(phrase)}
        true_positive += len(flagged & gold)
        flagged_total += len(flagged)
        gold_total += len(gold)
    y, s = np.asarray(labels), np.asarray(scores)
    result: dict[str, Any] = {"dataset": "BABE", "n": len(rows), "n_biased": int(y.sum())}
    result["auc"] = float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else float("nan")
    result.update(best_threshold(y, s))
    result["f1_all_biased"] = float(f1_score(y, np.ones_like(y)))
    result["word_precision"] = true_positive / flagged_total if flagged_total else float("nan")
    result["word_recall"] = true_positive / gold_total if gold_total else float("nan")
    return result


def _word_list(cell: str) -> list[str]:
    try:
        value = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def evaluate_basil(folder: str | Path, limit: int | None = None,
                   scorer: LoadedLanguageScorer | None = None) -> dict[str, Any]:
    """Score BASIL's sentences: AUC for lexical-bias sentences and lexical span recall."""
    folder = Path(folder)
    sentences = _read_csv(folder / "basil_sentences.csv", BASIL_SENTENCE_COLUMNS,
                          "BASIL sentences")[:limit]
    spans = _read_csv(folder / "basil_spans.csv", BASIL_SPAN_COLUMNS, "BASIL spans")
    lexical: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for span in spans:
        if span["bias"] == "lex":
            key = (span["article_uuid"], span["sent_idx"])
            lexical.setdefault(key, []).append((int(span["start"]), int(span["end"])))
    scorer = scorer or LoadedLanguageScorer()
    labels, scores = [], []
    found = total = 0
    for index, row in enumerate(sentences):
        doc = build_document(str(index), row["sentence"])
        hits = [hit for hit in scorer.hits(doc) if hit[0] in SCORED_KINDS]
        scores.append(float(len(hits)))
        labels.append(int(row["lex"] or 0) > 0)
        offsets = [(doc.token_spans[first][0], doc.token_spans[end - 1][1])
                   for _, _, first, end in hits]
        for start, end in lexical.get((row["article_uuid"], row["sent_idx"]), []):
            total += 1
            found += any(a < end and start < b for a, b in offsets)
    y, s = np.asarray(labels), np.asarray(scores)
    return {
        "dataset": "BASIL", "n": len(sentences), "n_lexical": int(y.sum()),
        "auc": float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else float("nan"),
        "span_recall": found / total if total else float("nan"), "n_spans": total,
    }
