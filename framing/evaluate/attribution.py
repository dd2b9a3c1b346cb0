"""Measure attribution extraction against PolNeAR's human annotation.

A predicted and a gold attribution match when their contents overlap:
shared word tokens divided by the larger of the two contents is at least
0.3 (each covers at least 30% of the other); pairs are matched one to one,
best overlap first.  Exact match means the same content tokens.  Source
match and cue match are measured over the matched pairs whose gold relation
has a source (cue): the predicted span shares a token with the gold span.

Examples
--------
>>> content_overlap({1, 2, 3, 4}, {3, 4, 5})
0.5
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from framing.document.parse import Document, build_document
from framing.evaluate.polnear import GoldAttribution, read_split
from framing.features.attribution.cue_model import CueModel
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.scorer import BELIEVES, SAID
from framing.features.attribution.span_model import SpanModel
from framing.features.attribution.spans import Attribution, find_attributions

MIN_OVERLAP = 0.3


def content_overlap(predicted: set[int], gold: set[int]) -> float:
    """Shared tokens over the size of the larger token set (0 when either is empty)."""
    if not predicted or not gold:
        return 0.0
    return len(predicted & gold) / max(len(predicted), len(gold))


def _tokens(doc: Document, spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out.update(doc.tokens_between(start, end))
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _text(doc: Document, spans: Iterable[tuple[int, int]]) -> str:
    return " … ".join(doc.body[s:e] for s, e in spans)


def evaluate_attribution(
    polnear_path: str | Path,
    split: str = "dev",
    errors_path: str | Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Precision, recall and F1 of attribution detection on a PolNeAR split.

    Parameters
    ----------
    polnear_path : path
        The folder holding ``train/``, ``dev/`` (and ``test/``).
    split : str
        The split folder to read.
    errors_path : path, optional
        Where to write one JSON line per error (missed, spurious, wrong
        source, wrong cue) for inspection.
    limit : int, optional
        Read only the first ``limit`` documents (for quick checks).

    Returns
    -------
    dict
        ``precision_overlap``, ``recall_overlap``, ``f1_overlap``,
        ``precision_exact``, ``recall_exact``, ``f1_exact``, ``source_match``,
        ``cue_match`` (fractions in 0–1), ``n_gold``, ``n_predicted``,
        ``n_matched``, ``n_documents``, ``split``; and ``recall_overlap_listed_cues``
        over the ``n_gold_listed_cues`` relations whose cue is in the verb list;
        ``recall_overlap_said`` and ``recall_overlap_believes_wants`` over
        ``n_gold_said`` and ``n_gold_believes_wants`` (see :func:`gold_kind`).
    """
    cues = CueLexicon.load()
    model = CueModel.load()
    span_model = SpanModel.load()
    totals = dict.fromkeys(
        ("gold", "pred", "matched", "exact", "source_n", "source_ok", "cue_n", "cue_ok", "listed", "listed_matched",
         f"{SAID}_n", f"{SAID}_matched", f"{BELIEVES}_n", f"{BELIEVES}_matched"), 0
    )
    errors: list[dict[str, Any]] = []
    n_docs = 0
    for item in read_split(polnear_path, split, limit):
        n_docs += 1
        doc = build_document(item.name, item.text)
        predicted = find_attributions(doc, cues, model, span_model)
        _score_document(doc, item.name, predicted, item.attributions, totals, errors, cues)
    precision = _ratio(totals["matched"], totals["pred"])
    recall = _ratio(totals["matched"], totals["gold"])
    precision_exact = _ratio(totals["exact"], totals["pred"])
    recall_exact = _ratio(totals["exact"], totals["gold"])
    if errors_path is not None:
        with open(errors_path, "w", encoding="utf-8") as out:
            for error in errors:
                out.write(json.dumps(error, ensure_ascii=False, sort_keys=True) + "\n")
    return {
        "split": split,
        "n_documents": n_docs,
        "n_gold": totals["gold"],
        "n_predicted": totals["pred"],
        "n_matched": totals["matched"],
        "precision_overlap": precision,
        "recall_overlap": recall,
        "f1_overlap": _f1(precision, recall),
        "precision_exact": precision_exact,
        "recall_exact": recall_exact,
        "f1_exact": _f1(precision_exact, recall_exact),
        "source_match": _ratio(totals["source_ok"], totals["source_n"]),
        # PolNeAR also annotates beliefs, polls and nominal cues ("an answer about");
        # recall on the relations whose cue is one of our reporting verbs shows
        # how much of the gap is coverage of cue types rather than extraction.
        "n_gold_listed_cues": totals["listed"],
        "recall_overlap_listed_cues": _ratio(totals["listed_matched"], totals["listed"]),
        "cue_match": _ratio(totals["cue_ok"], totals["cue_n"]),
        # Speech and beliefs or intentions apart (the gold cue's class in the verb list).
        "n_gold_said": totals[f"{SAID}_n"],
        "recall_overlap_said": _ratio(totals[f"{SAID}_matched"], totals[f"{SAID}_n"]),
        "n_gold_believes_wants": totals[f"{BELIEVES}_n"],
        "recall_overlap_believes_wants": _ratio(totals[f"{BELIEVES}_matched"], totals[f"{BELIEVES}_n"]),
    }


def matched_pairs(doc: Document, predicted: list[Attribution], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """``(i, j)``: predicted attribution ``i`` matched one to one with gold relation ``j``, best overlap first."""
    pred_tokens = [_tokens(doc, a.contents) for a in predicted]
    gold_tokens = [_tokens(doc, g.contents) for g in gold]
    return _match_one_to_one(_overlapping_pairs(pred_tokens, gold_tokens))


def _score_document(
    doc: Document,
    name: str,
    predicted: list[Attribution],
    gold: Iterable[GoldAttribution],
    totals: dict[str, int],
    errors: list[dict[str, Any]],
    cues: CueLexicon,
) -> None:
    gold = list(gold)
    pred_tokens = [_tokens(doc, a.contents) for a in predicted]
    gold_tokens = [_tokens(doc, g.contents) for g in gold]
    matches = _match_one_to_one(_overlapping_pairs(pred_tokens, gold_tokens))
    totals["gold"] += len(gold)
    totals["pred"] += len(predicted)
    totals["matched"] += len(matches)
    for i, j in sorted(matches):
        exact = pred_tokens[i] == gold_tokens[j]
        _score_match(doc, name, predicted[i], gold[j], exact, totals, errors)
    matched_gold = {j for _, j in matches}
    for j, g in enumerate(gold):
        if _has_listed_cue(doc, g, cues):
            totals["listed"] += 1
            totals["listed_matched"] += j in matched_gold
        kind = gold_kind(doc, g, cues)
        totals[f"{kind}_n"] += 1
        totals[f"{kind}_matched"] += j in matched_gold
    matched_predicted = {i for i, _ in matches}
    errors.extend(_error("missed", doc, name, None, g) for j, g in enumerate(gold) if j not in matched_gold)
    errors.extend(_error("spurious", doc, name, a, None) for i, a in enumerate(predicted)
                  if i not in matched_predicted)


def _overlapping_pairs(pred_tokens: list[set[int]], gold_tokens: list[set[int]]) -> list[tuple[float, int, int]]:
    """``(-overlap, i, j)`` of every predicted and gold content overlapping enough, best overlap first."""
    pairs = []
    for i, p in enumerate(pred_tokens):
        for j, g in enumerate(gold_tokens):
            if p & g:
                overlap = content_overlap(p, g)
                if overlap >= MIN_OVERLAP:
                    pairs.append((-overlap, i, j))
    pairs.sort()
    return pairs


def _match_one_to_one(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: ``(i, j)`` of each pair whose sides are both still free, in ``pairs`` order."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matches.append((i, j))
    return matches


def _score_match(doc: Document, name: str, a: Attribution, g: GoldAttribution, exact: bool,
                 totals: dict[str, int], errors: list[dict[str, Any]]) -> None:
    """Count an exact match, and whether the source and cue agree where gold has them."""
    if exact:
        totals["exact"] += 1
    for role, gold_spans, span in (("source", g.sources, a.source), ("cue", g.cues, a.cue)):
        if not gold_spans:
            continue
        totals[f"{role}_n"] += 1
        ok = _span_agrees(doc, span, gold_spans)
        totals[f"{role}_ok"] += ok
        if not ok:
            errors.append(_error(f"wrong_{role}", doc, name, a, g))


def _span_agrees(doc: Document, span: tuple[int, int] | None, gold_spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether a predicted span shares a word token (or, failing that, a character) with the gold spans."""
    return span is not None and (
        bool(_tokens(doc, [span]) & _tokens(doc, gold_spans))
        # a punctuation cue ("Kasich: ...") has no word token: compare characters
        or any(s < span[1] and span[0] < e for s, e in gold_spans)
    )


def gold_kind(doc: Document, g: GoldAttribution, cues: CueLexicon) -> str:
    """``"believes/wants"`` when a word of the gold cue is a belief verb of the list ("thinks"), else ``"said"``.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Trump wants to win.")
    >>> gold_kind(doc, GoldAttribution(((12, 18),), ((0, 5),), ((6, 11),)), CueLexicon.load())
    'believes/wants'
    """
    verbs = [cues.lookup(" ".join(doc.body[s:e].split())) for s, e in g.cues]
    verbs += [cues.lookup(doc.tokens[k]) for k in _tokens(doc, g.cues)]
    return BELIEVES if any(v is not None and v.verb_class == "belief" for v in verbs) else SAID


def _has_listed_cue(doc: Document, g: GoldAttribution, cues: CueLexicon) -> bool:
    """Whether the gold relation's cue (as a phrase, or one of its words) is in the verb list."""
    return any(cues.lookup(" ".join(doc.body[s:e].split())) for s, e in g.cues) or any(
        cues.lookup(doc.tokens[k]) for k in _tokens(doc, g.cues)
    )


def _error(kind: str, doc: Document, name: str, a: Attribution | None, g: GoldAttribution | None):
    record: dict[str, Any] = {"error": kind, "document": name}
    if a is not None:
        record["predicted"] = {
            "content": _text(doc, a.contents),
            "source": _text(doc, [a.source]) if a.source else "",
            "cue": _text(doc, [a.cue]) if a.cue else "",
            "start": a.contents[0][0],
        }
    if g is not None:
        record["gold"] = {
            "content": _text(doc, g.contents),
            "source": _text(doc, g.sources),
            "cue": _text(doc, g.cues),
            "start": g.contents[0][0],
        }
    return record
