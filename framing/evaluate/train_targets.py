"""Train the target-tone model on NewsMTSC and write its coefficients as JSON package data.

Run from the project root::

    python -m framing.evaluate.train_targets --newsmtsc ../shared/eval/newsmtsc/train.jsonl

It writes ``framing/data/target_model.json``: a three-class logistic regression
over the mention context features (standardised, then folded back into the
weights) and the word 1- and 2-grams of the masked sentence (the mention
replaced by ``<t>``, negated words marked; kept when seen in at least
``MIN_NGRAM_COUNT`` training mentions, and regularised harder than the context
features, so the model leans on structure and VADER's lexicon first), with
balanced class weights.  Deterministic: the same data gives the same file.

The same fitting serves grouped cross-validation
(:func:`grouped_predictions`), which ``framing evaluate target-sentiment
--train`` reports.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.document.parse import build_document
from framing.errors import EvaluationError
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_context import WINDOW, masked_ngrams, mention_features
from framing.features.sentiment.target_tone import mention_context

CLASSES = (-1, 0, 1)
# Inverse regularisation strength of the context features (standardised) and
# of the n-gram indicators; chosen by 5-fold cross-validation on the train part,
# grouped by article.
C_FEATURES = 1.0
C_NGRAMS = 0.04
MIN_NGRAM_COUNT = 3
FOLDS = 5
# Scaling a column by s makes its effective inverse regularisation s**2 times larger.
NGRAM_SCALE = (C_NGRAMS / C_FEATURES) ** 0.5
MODEL_VERSION = 2
DATA_CARD = {
    "trained_on": "NewsMTSC train part (Hamborg & Donnay 2021, fhamborg/NewsMTSC @ b9d9b79, newsmtsc-rw): "
                  "sentences of English-language US political news (POLUSA, AllSides), each with one "
                  "marked person and the sentiment toward that person (negative, neutral, positive) "
                  "as crowd annotators read it",
    "features": "the mention's context (VADER valences in its clause, left and right, negation and "
                "polarity shifters, contrast, agent or patient, speaker, inside a quote) and word 1- and "
                "2-grams of the sentence with the mention masked",
    "what_it_is_not": "a verdict on an outlet or an actor: it describes how one sentence presents one "
                      "mention, and errs on about one mention in three",
}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "target_model.json"


@dataclass(frozen=True)
class MentionInput:
    """What the model sees of one mention: context features, masked n-grams, and the sentence's compound."""

    features: dict[str, float]
    ngrams: frozenset[str]
    compound: float


def read_newsmtsc(path: str | Path) -> list[dict]:
    """Read a NewsMTSC ``.jsonl`` file (``sentence``, ``from``, ``to``, ``polarity``, ``id`` per line).

    ``id`` (upstream: source, article, sentence and the target's name) is kept
    when present, for grouping; it is empty otherwise.
    """
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"{path}: file not found — pass the NewsMTSC dev.jsonl or train.jsonl")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                rows.append(_record(line, path, number))
    if not rows:
        raise EvaluationError(f"{path}: no records — is this the NewsMTSC file?")
    return rows


def _record(line: str, path: Path, number: int) -> dict:
    try:
        raw = json.loads(line)
        row = {"sentence": str(raw["sentence"]), "from": int(raw["from"]), "to": int(raw["to"]),
               "polarity": int(raw["polarity"]), "id": str(raw.get("id", ""))}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise EvaluationError(f"{path}, line {number}: not a NewsMTSC record ({error!r}) — "
                              "each line needs sentence, from, to, polarity") from None
    if row["polarity"] not in CLASSES:
        raise EvaluationError(f"{path}, line {number}: polarity {row['polarity']} — expected -1, 0 or 1")
    return row


def newsmtsc_inputs(rows: Iterable[Mapping], analyzer) -> list[MentionInput]:
    """For each row: the mention's context features, its masked n-grams and the sentence compound.

    The sentence is parsed as a one-sentence article, exactly as the scorer sees
    a body sentence; each distinct sentence is parsed and scored once.
    """
    parsed: dict[str, tuple] = {}
    out = []
    for row in rows:
        text = row["sentence"]
        if text not in parsed:
            document = build_document("newsmtsc", text)
            vader = [analyzer.polarity_scores(s.text) for s in document.sentences]
            parsed[text] = (document, vader, {}, analyzer.polarity_scores(text)["compound"])
        document, vader, contexts, compound = parsed[text]
        start = min(max(row["from"], 0), max(len(text) - 1, 0))
        end = max(row["to"], start + 1)
        ctx, m0, m1, quote_words = mention_context(document, start, end, analyzer.lexicon, contexts)
        index = document.sentence_at(start).index
        features = mention_features(ctx, m0, m1, vader[index], quote_words is not None, quote_words)
        out.append(MentionInput(features, frozenset(masked_ngrams(ctx, m0, m1)), compound))
    return out


@dataclass
class FittedModel:
    """The fitted scikit-learn pieces: vectorizers, column scales, kept n-grams and the regression."""

    features: object
    scale: object
    ngrams: object
    keep: object
    regression: object

    def matrix(self, inputs: Sequence[MentionInput]):
        """The design matrix of ``inputs`` in the fitted columns."""
        import scipy.sparse as sp

        dense = self.features.transform([i.features for i in inputs]).multiply(1 / self.scale)
        indicators = self.ngrams.transform([dict.fromkeys(i.ngrams, 1.0) for i in inputs])[:, self.keep]
        return sp.hstack([dense, indicators * NGRAM_SCALE]).tocsr()

    def predict(self, inputs: Sequence[MentionInput]) -> list[int]:
        """Predicted classes of ``inputs``."""
        return [int(c) for c in self.regression.predict(self.matrix(inputs))]


def fit(inputs: Sequence[MentionInput], labels: Sequence[int]) -> FittedModel:
    """Fit the logistic regression on mention inputs and their labels (-1, 0, 1)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features = DictVectorizer(sort=True)
    dense = features.fit_transform([i.features for i in inputs])
    scale = np.sqrt(np.asarray(dense.multiply(dense).mean(0)).ravel())
    scale[scale == 0] = 1.0
    ngrams = DictVectorizer(sort=True)
    counts = np.asarray(ngrams.fit_transform([dict.fromkeys(i.ngrams, 1.0) for i in inputs]).sum(0)).ravel()
    keep = np.flatnonzero(counts >= MIN_NGRAM_COUNT)
    fitted = FittedModel(features, scale, ngrams, keep, None)
    regression = LogisticRegression(C=C_FEATURES, max_iter=5000, class_weight="balanced")
    regression.fit(fitted.matrix(inputs), np.asarray(labels))
    if tuple(int(c) for c in regression.classes_) != CLASSES:
        raise EvaluationError(f"training labels must cover the classes {CLASSES}, got "
                              f"{tuple(int(c) for c in regression.classes_)} — train on a NewsMTSC file "
                              "with negative, neutral and positive mentions")
    fitted.regression = regression
    return fitted


def model_json(fitted: FittedModel, n_train: int) -> dict:
    """The JSON-ready coefficients of a fitted model, weights folded back to unscaled inputs."""
    coef = fitted.regression.coef_
    names = fitted.features.get_feature_names_out()
    n_dense = len(names)
    vocabulary = fitted.ngrams.get_feature_names_out()[fitted.keep]
    return {
        "description": "Target tone: multinomial logistic regression, trained by "
                       "python -m framing.evaluate.train_targets on NewsMTSC train "
                       "(fhamborg/NewsMTSC, newsmtsc-rw, MIT).",
        "version": MODEL_VERSION,
        "data_card": DATA_CARD,
        "classes": list(CLASSES),
        "window": WINDOW,
        "n_train": n_train,
        "intercept": [round(float(v), 6) for v in fitted.regression.intercept_],
        "features": {str(name): [round(float(coef[k, j] / fitted.scale[j]), 6) for k in range(3)]
                     for j, name in enumerate(names)},
        "ngrams": {str(gram): [round(float(coef[k, n_dense + j] * NGRAM_SCALE), 6) for k in range(3)]
                   for j, gram in enumerate(vocabulary)},
    }


def train(rows: list[dict]) -> dict:
    """Fit the model on NewsMTSC rows; return the JSON-ready coefficients."""
    inputs = newsmtsc_inputs(rows, make_analyzer())
    return model_json(fit(inputs, [row["polarity"] for row in rows]), len(rows))


def article_of(row_id: str) -> str:
    """The article part of a NewsMTSC id (source and article number), for grouping.

    Examples
    --------
    >>> article_of("allsides_3447_1422_11_Ted Cruz_88_92"), article_of("polusa_v1_59488606_-1_30_John Miller_149_155")
    ('allsides_3447_1422', 'polusa_v1_59488606')
    """
    return "_".join(row_id.split("_")[:3])


def source_of(row_id: str) -> str:
    """The source corpus of a NewsMTSC id: ``allsides`` or ``polusa``.

    Examples
    --------
    >>> source_of("polusa_v1_59488606_-1_30_John Miller_149_155")
    'polusa'
    """
    return row_id.split("_", 1)[0]


def person_of(row_id: str) -> str:
    """The targeted person's surname in a NewsMTSC id ("President Donald Trump" and "Trump" alike).

    Examples
    --------
    >>> person_of("allsides_775_313_30_President Donald Trump_5_10"), person_of("allsides_3447_1422_11_Ted Cruz_88_92")
    ('trump', 'cruz')
    """
    parts = row_id.rsplit("_", 3)
    name = parts[1] if len(parts) == 4 else row_id
    words = name.lower().replace(".", " ").split()
    return words[-1] if words else ""


def grouped_predictions(inputs: Sequence[MentionInput], labels: Sequence[int], groups: Sequence[str],
                        folds: int = FOLDS) -> list[int]:
    """Out-of-fold predictions: each group's mentions predicted by a model fitted without that group.

    With ``folds`` at least the number of groups, each group is its own fold
    (leave one group out); otherwise groups are spread over ``folds`` folds,
    deterministically (scikit-learn's ``GroupKFold``).
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    n_groups = len(set(groups))
    if n_groups < 2:
        raise EvaluationError(f"cross-validation needs at least 2 groups, got {n_groups} — "
                              "pass a NewsMTSC file with its ids")
    splitter = LeaveOneGroupOut() if folds >= n_groups else GroupKFold(folds)
    labels = np.asarray(labels)
    predicted = [0] * len(inputs)
    for train_index, test_index in splitter.split(labels, labels, groups):
        model = fit([inputs[i] for i in train_index], labels[train_index])
        for i, p in zip(test_index, model.predict([inputs[i] for i in test_index])):
            predicted[i] = p
    return predicted


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newsmtsc", required=True, help="NewsMTSC train.jsonl")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the model JSON")
    args = parser.parse_args(argv)
    data = train(read_newsmtsc(args.newsmtsc))
    Path(args.out).write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['features'])} context features, {len(data['ngrams'])} n-grams")


if __name__ == "__main__":
    main()
