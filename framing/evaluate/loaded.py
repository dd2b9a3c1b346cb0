"""Validity of the loaded-language word lists against expert labels (BABE, BASIL), and BABE's reader.

Each function reads a data set, scores every sentence with
:class:`~framing.features.loaded.LoadedLanguageScorer` and returns a dict of
metrics; the CLI (``framing evaluate loaded``) only prints it.  The sentence
model's cross-validated figures are in :mod:`framing.evaluate.loaded_model`.

* BABE (Spinde et al. 2021): sentences labelled ``Biased`` / ``Non-biased``
  with the words annotators marked (``biased_words``).  ROC AUC of the
  sentence score, the best-threshold F1 of the ``Biased`` class (and macro-F1,
  the measure of BABE's published transformer, 0.804), and word-level
  precision and recall of flagged words against ``biased_words``.
* BASIL (Fan et al. 2019): sentences of full articles with lexical-bias spans.
  ROC AUC for sentences with a lexical span against those without, and the
  share of lexical spans that contain a flagged word (span recall), for the
  packaged sentence model (which never saw BASIL) and for the word lists.
"""

from __future__ import annotations

import ast
import csv
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from framing.datafiles import parse_word_list
from framing.document.parse import WORD_RE, build_document
from framing.errors import EvaluationError
from framing.features.loaded import (
    SCORED_KINDS,
    LoadedLanguageScorer,
    load_wordlist,
    wordlist_names,
    wordlist_text,
)
from framing.features.loaded_model import load_model, score_sentences

BABE_COLUMNS = ("text", "label_bias", "biased_words")
BASIL_SENTENCE_COLUMNS = ("article_uuid", "sent_idx", "sentence", "lex")
BASIL_SPAN_COLUMNS = ("article_uuid", "sent_idx", "start", "end", "bias")
# The rule that made part 2 of the emotive list (its header says it in words).
PART_2_MARKER = "# --- part 2"
EXCLUDE_PREFIX = "# exclude:"
MIN_MARKED = 2
MIN_MARKED_RATE = 0.3
# BABE spells some topics two ways; leave-one-topic-out must hold out both spellings together.
TOPIC_ALIASES = {"blm": "black lives matter", "vaccines": "vaccine"}


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


def read_babe(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    """BABE's rows labelled ``Biased`` or ``Non-biased`` (of the first ``limit`` rows)."""
    rows = _read_csv(Path(path), BABE_COLUMNS, "BABE")[:limit]
    rows = [r for r in rows if r["label_bias"] in ("Biased", "Non-biased")]
    if not rows:
        raise EvaluationError(f"{path}: no rows labelled Biased or Non-biased")
    return rows


def normalise_topic(topic: str) -> str:
    """BABE's topic label in one spelling: lower case, spaces for hyphens, aliases merged.

    >>> normalise_topic("Gun-Control"), normalise_topic("blm"), normalise_topic("vaccines")
    ('gun control', 'black lives matter', 'vaccine')
    """
    name = " ".join((topic or "").lower().replace("-", " ").split())
    return TOPIC_ALIASES.get(name, name)


def marked_words(row: dict[str, str]) -> set[str]:
    """The lower-cased words of a BABE row's ``biased_words`` (phrases split into words).

    >>> sorted(marked_words({"biased_words": "['Radical Left', 'mob']"}))
    ['left', 'mob', 'radical']
    """
    return {w.lower() for phrase in _word_list(row["biased_words"]) for w in WORD_RE.findall(phrase)}


def score_babe(rows: list[dict[str, str]], scorer: LoadedLanguageScorer) -> dict[str, Any]:
    """Sentence scores and word matches of BABE rows (as :func:`read_babe` gives them).

    Returns ``labels`` (True for ``Biased``) and ``scores`` (number of scored
    hits per sentence) as arrays, and the word counts ``true_positive``,
    ``flagged`` and ``gold`` that word precision and recall are made of.
    """
    labels, scores = [], []
    true_positive = flagged_total = gold_total = 0
    for index, row in enumerate(rows):
        doc = build_document(str(index), row["text"])
        hits = [hit for hit in scorer.hits(doc) if hit[0] in SCORED_KINDS]
        scores.append(float(len(hits)))
        labels.append(row["label_bias"] == "Biased")
        flagged = {doc.tokens[i] for _, _, first, end in hits for i in range(first, end)}
        gold = marked_words(row)
        true_positive += len(flagged & gold)
        flagged_total += len(flagged)
        gold_total += len(gold)
    return {"labels": np.asarray(labels), "scores": np.asarray(scores),
            "true_positive": true_positive, "flagged": flagged_total, "gold": gold_total}


def babe_metrics(scored: dict[str, Any]) -> dict[str, Any]:
    """AUC, best-threshold F1 and macro-F1, word precision/recall of :func:`score_babe`'s output."""
    y, s = scored["labels"], scored["scores"]
    result: dict[str, Any] = {"dataset": "BABE", "n": len(y), "n_biased": int(y.sum())}
    result["auc"] = float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else float("nan")
    result.update(best_threshold(y, s))
    result["f1_all_biased"] = float(f1_score(y, np.ones_like(y)))
    flagged, gold = scored["flagged"], scored["gold"]
    result["word_precision"] = scored["true_positive"] / flagged if flagged else float("nan")
    result["word_recall"] = scored["true_positive"] / gold if gold else float("nan")
    return result


def evaluate_babe(path: str | Path, limit: int | None = None,
                  scorer: LoadedLanguageScorer | None = None) -> dict[str, Any]:
    """Score BABE's sentences; AUC, best-threshold F1 and word precision/recall.

    ``limit`` takes the first rows only (a quick sample).  ``f1_all_biased`` is
    the F1 of calling every sentence biased: the floor any F1 should beat.
    """
    rows = read_babe(path, limit)
    return babe_metrics(score_babe(rows, scorer or LoadedLanguageScorer()))


def emotive_parts() -> dict[str, frozenset[str]]:
    """The emotive list's parts: ``hand`` (part 1), ``babe`` (part 2) and ``exclude``.

    >>> parts = emotive_parts()
    >>> "bizarre" in parts["babe"], "kill" in parts["exclude"], "vile" in parts["hand"]
    (True, True, True)
    """
    text = wordlist_text("emotive")
    label = "framing/data/wordlists/emotive.txt"
    head, marker, tail = text.partition(PART_2_MARKER)
    exclude = {word for line in head.splitlines() if line.startswith(EXCLUDE_PREFIX)
               for word in line[len(EXCLUDE_PREFIX):].split()}
    return {"hand": parse_word_list(head, label, max_words=2),
            "babe": parse_word_list(marker + tail, label, max_words=2),
            "exclude": frozenset(exclude)}


def derive_babe_words(rows: list[dict[str, str]], min_marked: int = MIN_MARKED,
                      min_rate: float = MIN_MARKED_RATE) -> frozenset[str]:
    """Part 2 of the emotive list, derived from BABE ``rows`` by the rule in its header.

    Keeps the words marked biased in at least ``min_marked`` sentences and in at
    least ``min_rate`` of the sentences containing them, less the words of part
    1, of the other categories and of the header's ``exclude`` lines.

    >>> rows = [{"text": t, "biased_words": b} for t, b in [
    ...     ("A vile mob.", "['vile', 'mob']"), ("The mob left.", "['mob']"),
    ...     ("A mob came.", "[]"), ("Vile.", "['vile']"), ("A plan.", "['plan']")]]
    >>> sorted(derive_babe_words(rows))  # mob: 2 of 3; vile is in part 1; plan: once
    ['mob']
    """
    parts = emotive_parts()
    known = set(parts["hand"]) | parts["exclude"]
    for name in wordlist_names():
        if name != "emotive":
            known |= load_wordlist(name)
    marked: Counter[str] = Counter()
    containing: Counter[str] = Counter()
    for index, row in enumerate(rows):
        marked.update(marked_words(row))
        containing.update(set(build_document(str(index), row["text"]).tokens))
    return frozenset(word for word, count in marked.items()
                     if count >= min_marked and containing[word]
                     and count / containing[word] >= min_rate and word not in known)


def _word_list(cell: str) -> list[str]:
    try:
        value = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def evaluate_basil(folder: str | Path, limit: int | None = None,
                   scorer: LoadedLanguageScorer | None = None) -> dict[str, Any]:
    """Score BASIL's sentences with the model and the word lists, against its lexical-bias spans.

    ``auc``: the model's probability (the highest of the sentence's parts when
    the parser splits it) for sentences with a lexical span against those
    without; ``span_recall``: the share of lexical spans that contain one of the
    model's reason words.  ``wordlist_auc`` and ``wordlist_span_recall``: the
    same for the word-list score and its flagged words.
    """
    folder = Path(folder)
    sentences = _read_csv(folder / "basil_sentences.csv", BASIL_SENTENCE_COLUMNS,
                          "BASIL sentences")[:limit]
    lexical = _lexical_spans(_read_csv(folder / "basil_spans.csv", BASIL_SPAN_COLUMNS, "BASIL spans"))
    scorer = scorer or LoadedLanguageScorer()
    model = scorer.model or load_model()
    labels, scores, probabilities = [], [], []
    found = {"model": 0, "wordlist": 0}
    total = 0
    for index, row in enumerate(sentences):
        doc = build_document(str(index), row["sentence"])
        hits = scorer.hits(doc)
        scored = [hit for hit in hits if hit[0] in SCORED_KINDS]
        verdicts = score_sentences(model, doc, hits)
        scores.append(float(len(scored)))
        probabilities.append(max((v.probability for v in verdicts), default=0.0))
        labels.append(int(row["lex"] or 0) > 0)
        offsets = {"wordlist": [(doc.token_spans[first][0], doc.token_spans[end - 1][1])
                                for _, _, first, end in scored],
                   "model": [doc.token_spans[i] for v in verdicts for i in v.reasons]}
        for start, end in lexical.get((row["article_uuid"], row["sent_idx"]), []):
            total += 1
            for name, spans in offsets.items():
                found[name] += any(a < end and start < b for a, b in spans)
    y = np.asarray(labels)
    both = 0 < y.sum() < len(y)
    return {
        "dataset": "BASIL", "n": len(sentences), "n_lexical": int(y.sum()), "n_spans": total,
        "auc": float(roc_auc_score(y, probabilities)) if both else float("nan"),
        "span_recall": found["model"] / total if total else float("nan"),
        "wordlist_auc": float(roc_auc_score(y, scores)) if both else float("nan"),
        "wordlist_span_recall": found["wordlist"] / total if total else float("nan"),
    }


def _lexical_spans(spans: list[dict[str, str]]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """BASIL's lexical-bias spans by (article, sentence index)."""
    lexical: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for span in spans:
        if span["bias"] == "lex":
            key = (span["article_uuid"], span["sent_idx"])
            lexical.setdefault(key, []).append((int(span["start"]), int(span["end"])))
    return lexical
