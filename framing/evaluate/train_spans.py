"""Train the learned content chooser on PolNeAR train and write its weights as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_spans --polnear ../shared/eval/polnear

The attribution rules run over every article of PolNeAR's **train** part with
the learned cue detector; wherever they find a cue but no speaker or no
content, the candidate contents they propose
(:meth:`~framing.features.attribution.content.ContentRules.content_candidates`)
are recorded with their features
(:func:`~framing.features.attribution.span_model.candidate_features`).  A
candidate is labelled 1 when it covers an annotated content of a relation of
that cue the way the evaluation counts a match (shared word tokens over the
larger span ≥ 0.3).  It writes ``framing/data/span_model.json``: an
L2-regularised logistic regression, weights rounded to 6 decimals (those that
round to zero left out), keys sorted: the same data gives the same file, byte
for byte.  ``C`` and the threshold were chosen on the dev part (see
``framing/data/span_model.md``); the test part is never read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from framing.document.parse import Document, build_document
from framing.evaluate.attribution import MIN_OVERLAP, content_overlap, matched_pairs
from framing.evaluate.model_files import sparse_weights, write_model
from framing.evaluate.polnear import GoldAttribution, read_split
from framing.features.attribution.cue_model import CueModel
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.records import Attribution
from framing.features.attribution.span_model import (
    MODEL_FILE,
    LogisticPart,
    SpanModel,
    attribution_features,
    keeper_judges,
)
from framing.features.attribution.spans import find_attributions

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / MODEL_FILE
Span = tuple[int, int]
# Chosen on PolNeAR dev (F1 at content overlap >= 0.3), see framing/data/span_model.md.
C = 0.3
THRESHOLD = 0.2
KEEPER_C = 1.0
KEEPER_THRESHOLD = 0.45
LEARNED_CUE_THRESHOLD = 0.7
RULE_THRESHOLD = 0.3
MIN_COUNT = 2
# Folds of the train documents over which the keeper's choosers are cross-fitted.
FOLDS = 5


class CandidateRecorder:
    """A span chooser that records every candidate it is offered and chooses none, so the rules run unchanged."""

    def __init__(self) -> None:
        self.offered: list[tuple[Span, Span, list[str]]] = []

    def choose(self, cue: Span, candidates: Sequence[tuple[Span, Sequence[str]]]) -> int | None:
        self.offered.extend((cue, span, list(features)) for span, features in candidates)
        return None

    def keeps(self, doc: Document, attribution: Attribution) -> bool:
        return True


def candidate_label(doc: Document, cue: Span, span: Span, gold: Sequence[GoldAttribution]) -> int:
    """1 when ``span`` matches (overlap ≥ 0.3) the content of a gold relation whose cue shares a word with ``cue``.

    >>> doc = build_document("x", "Trump mentioned the loans.")
    >>> g = GoldAttribution(((16, 25),), ((0, 5),), ((6, 15),))
    >>> candidate_label(doc, (6, 15), (16, 25), [g]), candidate_label(doc, (6, 15), (0, 5), [g])
    (1, 0)
    """
    cue_tokens = set(doc.tokens_between(*cue))
    tokens = set(doc.tokens_between(*span))
    for g in gold:
        if cue_tokens & {k for s, e in g.cues for k in doc.tokens_between(s, e)}:
            content = {k for s, e in g.contents for k in doc.tokens_between(s, e)}
            if content_overlap(tokens, content) >= MIN_OVERLAP:
                return 1
    return 0


def chooser_examples(polnear: str | Path, split: str = "train") -> Iterator[tuple[list[str], int, int]]:
    """``(features, label, fold)`` of every candidate content the rules offer the chooser on a PolNeAR split.

    ``fold`` is the document's fold (its position in the split modulo :data:`FOLDS`).
    """
    cues, cue_model = CueLexicon.load(), CueModel.load()
    for n, item in enumerate(read_split(polnear, split)):
        doc = build_document(item.name, item.text)
        recorder = CandidateRecorder()
        find_attributions(doc, cues, cue_model, recorder)
        for cue, span, features in recorder.offered:
            yield features, candidate_label(doc, cue, span, item.attributions), n % FOLDS


def keeper_examples(
    polnear: str | Path, choosers: Sequence[SpanModel], split: str = "train"
) -> Iterator[tuple[list[str], int]]:
    """``(features, label)`` of every attribution the keeper judges on a split, found without a keeper.

    Each document's contents are chosen by ``choosers[fold]``, a chooser fitted without that
    document's fold, so the keeper learns how far to trust the chooser on text it has not
    seen.  The label is whether the evaluation matches the attribution to a gold relation.
    """
    cues, cue_model = CueLexicon.load(), CueModel.load()
    for n, item in enumerate(read_split(polnear, split)):
        doc = build_document(item.name, item.text)
        found = find_attributions(doc, cues, cue_model, choosers[n % len(choosers)])
        matched = {i for i, _ in matched_pairs(doc, found, list(item.attributions))}
        for i, a in enumerate(found):
            if keeper_judges(a):
                yield attribution_features(doc, a), int(i in matched)


def _fit(examples: Iterable[tuple[list[str], int]], c: float, threshold: float) -> dict:
    """An L2 logistic regression over ``examples`` as the JSON-ready part of the model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for names, label in examples:
        rows.append(names)
        labels.append(label)
    # A feature seen once says nothing general: it is left out (and the file stays small).
    counts = Counter(name for names in rows for name in set(names))
    features = [{name: 1 for name in names if counts[name] >= MIN_COUNT} for names in rows]
    vectorizer = DictVectorizer(sort=True)
    X = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(X, labels)
    names = vectorizer.get_feature_names_out()
    return {
        "c": c,
        "threshold": threshold,
        "n_train": len(labels),
        "n_train_positive": int(sum(labels)),
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": sparse_weights(names, model.coef_[0]),
    }


def train(polnear: str | Path, c: float = C, threshold: float = THRESHOLD, keeper_c: float = KEEPER_C,
          keeper_threshold: float = KEEPER_THRESHOLD, rule_threshold: float = RULE_THRESHOLD,
          learned_cue_threshold: float = LEARNED_CUE_THRESHOLD) -> dict:
    """Fit the chooser, then the keeper over what the rules and the chooser find, on PolNeAR train.

    The keeper's examples come from choosers cross-fitted over :data:`FOLDS` folds of the
    documents (each fold's contents chosen by a chooser fitted on the other folds), so the
    keeper does not learn to trust the chooser on the very text it was fitted on.
    """
    examples = list(chooser_examples(polnear))
    chooser = _fit(((names, label) for names, label, _ in examples), c, threshold)
    choosers = [
        SpanModel(LogisticPart.from_json(_fit(((names, label) for names, label, f in examples if f != fold),
                                              c, threshold)))
        for fold in range(FOLDS)
    ]
    keeper = _fit(keeper_examples(polnear, choosers), keeper_c, keeper_threshold)
    keeper["rule_threshold"] = rule_threshold
    keeper["learned_cue_threshold"] = learned_cue_threshold
    return {
        "description": "Attribution span model: a chooser of contents for cues the rules leave without one "
                       "and a keeper of found attributions, L2 logistic regressions trained by "
                       "python -m framing.evaluate.train_spans on PolNeAR train (networkdynamics/PolNeAR "
                       "@ c3eee83); see span_model.md.",
        "chooser": chooser,
        "keeper": keeper,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR folder holding train/.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Where to write the model JSON.")
    parser.add_argument("--c", type=float, default=C, help="Inverse L2 regularisation strength.")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="Probability that makes a content.")
    parser.add_argument("--keeper-c", type=float, default=KEEPER_C, help="The keeper's inverse L2 strength.")
    parser.add_argument("--keeper-threshold", type=float, default=KEEPER_THRESHOLD,
                        help="Probability under which the keeper drops an attribution.")
    parser.add_argument("--rule-threshold", type=float, default=RULE_THRESHOLD,
                        help="The keeper's threshold for attributions the rules alone found.")
    parser.add_argument("--learned-cue-threshold", type=float, default=LEARNED_CUE_THRESHOLD,
                        help="The keeper's threshold for attributions of a learned cue.")
    args = parser.parse_args(argv)
    model = train(args.polnear, args.c, args.threshold, args.keeper_c, args.keeper_threshold, args.rule_threshold,
                  args.learned_cue_threshold)
    write_model(args.out, model)
    chooser, keeper = model["chooser"], model["keeper"]
    print(f"wrote {args.out}: chooser {len(chooser['weights'])} weights from {chooser['n_train']} candidates, "
          f"keeper {len(keeper['weights'])} weights from {keeper['n_train']} attributions")


if __name__ == "__main__":
    main()
