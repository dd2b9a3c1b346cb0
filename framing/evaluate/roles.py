"""How far speaker roles can be trusted: accuracy on hand-labelled attributions, and the share left unknown.

The labels (``tests/data/role_labels.csv``) are attributions drawn at random
(seed 14, one per article) from AllSides articles 5,000–5,599, read one by one
and given the role the speaker speaks in (``framing/data/roles.toml`` says
what each role covers), with a one-line reason.  Three more sets are for
held-out figures (``--labels``): ``role_labels_heldout.csv`` (articles
6,000–6,599, seed 15), ``role_labels_heldout2.csv`` (220 article positions
drawn from 7,000–9,999 with seed 16, labelled from the sentence and the
article before any role was computed on them; its errors were then read to
find the causes fixed in roles.toml version 3 and coreference.toml) and
``role_labels_heldout3.csv`` (190 articles drawn with seed 17 from positions
4,000–6,999 that no other set uses, labelled the same way after those
fixes; its errors were then read for roles.toml version 4) and
``role_labels_heldout4.csv`` (150 article positions drawn with seed 18 from
0–3,999, which no other set uses, one attribution each drawn at random,
labelled from the sentence and the article before its predicted role was
looked at; the writer's own "I", "we" or "you" is
``none``, as is a wrong source span with no statement, while a wrong span on
a real statement takes the role of whoever made it) and
``role_labels_heldout5.csv`` (150 article positions drawn with seed 19 from
4,000–5,999 that no other set uses, one attribution each drawn at random and
labelled the same way before the predicted role was looked at: the held-out
figure until a sixth set took its place, when its errors and set 4's were
read for roles.toml version 5; an attribution the extractor found without a
source span is labelled by whoever made the statement) and
``role_labels_heldout6.csv`` (150 article positions drawn with seed 23 from
all 10,000 that no other set uses, one attribution each drawn at random and
labelled the same way before any predicted role was looked at: the held-out
figure until a seventh set took its place, when its errors were read for
roles.toml version 6) and ``role_labels_heldout7.csv`` (150 article positions
drawn with seed 29 from all 10,000 that no other set uses, one attribution
each drawn at random and labelled the same way before any predicted role was
looked at: the held-out figure until an eighth set took its place, when its
errors and those of sets 1-6 were read for roles.toml version 7; an
attribution without a source span is labelled by whoever made the last such
statement in its article, the one the evaluation then found under that key) and
``role_labels_heldout8.csv`` (150 article positions drawn with seed 31 from
all 10,000 that no other set uses, one attribution each drawn at random and
labelled the same way before any predicted role was looked at: the held-out
figure until a ninth set took its place, when its errors were read for
roles.toml version 8; an attribution without a source span is labelled by
whoever made the statement its content opens, in the sentence given) and
``role_labels_heldout9.csv`` (150 article positions drawn with seed 37,
``random.Random(37).sample`` over all 10,000 positions whose article no other
set uses, the one where the extractor finds nothing skipped, one attribution
each drawn with the same generator from the scorer's findings; the predicted
roles were stripped from the draw and each row labelled from the sentence and
the article with a one-line reason before any was looked at, on the code
before version 8: the newest held-out figure, used for nothing else).  Rows
labelled ``none`` are
not attributions at all (an extraction error) and rows labelled ``unclear``
have a speaker nobody could tell from the text; both are counted, not scored.
Each labelled attribution is found again (same article, source text and
sentence) with the scorer as it is now; one the extractor no longer finds
counts in ``n_dropped``.

The unknown share is measured over the first ``limit`` AllSides articles:
the attributions whose role is ``unknown``.

Examples
--------
>>> rows = [{"role": "politician"}, {"role": "none"}, {"role": "expert"}]
>>> scorable(rows)
[{'role': 'politician'}, {'role': 'expert'}]
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from framing.document.parse import Document, build_document
from framing.errors import EvaluationError
from framing.evaluate.terms import wilson_interval
from framing.features.attribution.role_lexicon import ROLES, UNKNOWN_ROLE
from framing.features.attribution.scorer import AttributionScorer

DEFAULT_ROLE_LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "role_labels.csv"
NOT_SCORED = ("none", "unclear")
COLUMNS = ("article_id", "speaker_text", "sentence", "role", "reason")


def read_role_labels(path: str | Path) -> list[dict[str, str]]:
    """The labelled rows of ``path``, validated (columns, roles)."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise EvaluationError(f"{path}: not found — pass --labels a CSV with columns {', '.join(COLUMNS)}") from None
    for number, row in enumerate(rows, start=2):
        if set(COLUMNS) - set(row):
            raise EvaluationError(f"{path}: needs the columns {', '.join(COLUMNS)}")
        if row["role"] not in (*ROLES, *NOT_SCORED):
            raise EvaluationError(f"{path}, line {number}: role {row['role']!r} is not one of "
                                  f"{', '.join((*ROLES, *NOT_SCORED))}")
    return rows


def scorable(rows: Sequence[Mapping[str, str]]) -> list[Mapping[str, str]]:
    """The rows with a role to score (not ``none`` or ``unclear``)."""
    return [row for row in rows if row["role"] not in NOT_SCORED]


def allsides_documents(path: str | Path, ids: set[str] | None = None, limit: int | None = None) -> Iterator[Document]:
    """The AllSides articles (JSON lines, gzipped or not) as Documents: those of ``ids``, or the first ``limit``."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if limit is not None and number >= limit:
                    return
                record = json.loads(line)
                if ids is None or record["ID"] in ids:
                    yield build_document(record["ID"], record["content_original"], record.get("title", ""))
    except FileNotFoundError:
        raise EvaluationError(f"{path}: not found — pass --allsides the AllSides articles_10k.jsonl.gz") from None


def _sentence_of(document: Document, offset: int) -> str:
    sentence = document.sentence_at(offset)
    return " ".join(document.body[sentence.start : sentence.end].split()) if sentence else ""


def attribution_key(document: Document, detail: Mapping[str, Any]) -> tuple[str, str, str]:
    """(article id, source text, sentence) of one attribution: the key a labelled row names it by.

    The sentence is the source's; an attribution without a source span is named by the sentence
    its content opens, so that two of them in one article are two keys, not one.
    """
    anchor = detail["source_start"] if detail["source_start"] >= 0 else detail["content_start"]
    return document.article_id, detail["speaker_text"], _sentence_of(document, anchor)


def predicted_roles(documents: Iterator[Document], scorer: AttributionScorer) -> dict[tuple[str, str, str], str]:
    """Each attribution's role, keyed by :func:`attribution_key`."""
    out = {}
    for document in documents:
        for finding in scorer.score(document).findings:
            out[attribution_key(document, finding.detail)] = finding.detail["role"]
    return out


def evaluate_roles(allsides: str | Path, labels: str | Path = DEFAULT_ROLE_LABELS,
                   limit: int | None = 1000) -> dict[str, Any]:
    """Role accuracy on the labelled attributions, and the unknown share on the first ``limit`` articles.

    Returns
    -------
    dict
        ``role_accuracy`` with its Wilson ``interval_95``, ``n_scored``,
        ``n_right``, ``n_dropped``, ``n_not_attributions``, ``n_unclear``,
        ``by_role`` (per labelled role: ``n``, ``right``), ``confusions``
        ("labelled → predicted": count), ``unknown_share`` over
        ``n_attributions`` in ``n_articles``.
    """
    rows = read_role_labels(labels)
    scorer = AttributionScorer()
    predicted = predicted_roles(allsides_documents(allsides, {row["article_id"] for row in rows}), scorer)
    right = dropped = 0
    by_role: dict[str, Counter] = {}
    confusions: Counter = Counter()
    for row in scorable(rows):
        role = predicted.get((row["article_id"], row["speaker_text"], row["sentence"]))
        if role is None:
            dropped += 1
            continue
        counts = by_role.setdefault(row["role"], Counter())
        counts["n"] += 1
        counts["right"] += role == row["role"]
        right += role == row["role"]
        if role != row["role"]:
            confusions[f"{row['role']} → {role}"] += 1
    scored = sum(c["n"] for c in by_role.values())
    low, high = wilson_interval(right, scored)
    unknown, total, n_articles = _unknown_share(allsides, scorer, limit)
    return {
        "role_accuracy": round(right / scored, 4) if scored else 0.0,
        "interval_95": [round(low, 4), round(high, 4)],
        "n_scored": scored,
        "n_right": right,
        "n_dropped": dropped,
        "n_not_attributions": sum(row["role"] == "none" for row in rows),
        "n_unclear": sum(row["role"] == "unclear" for row in rows),
        "by_role": {role: dict(sorted(c.items())) for role, c in sorted(by_role.items())},
        "confusions": dict(sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))),
        "unknown_share": round(unknown / total, 4) if total else 0.0,
        "n_attributions": total,
        "n_articles": n_articles,
    }


def _unknown_share(allsides: str | Path, scorer: AttributionScorer, limit: int | None) -> tuple[int, int, int]:
    """(attributions with role unknown, attributions, articles) over the first ``limit`` articles."""
    unknown = total = articles = 0
    for document in allsides_documents(allsides, limit=limit):
        articles += 1
        for finding in scorer.score(document).findings:
            total += 1
            unknown += finding.detail["role"] == UNKNOWN_ROLE
    return unknown, total, articles
