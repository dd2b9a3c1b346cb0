"""NewsMTSC (Hamborg & Donnay 2021): reading its ``.jsonl`` files and the parts of its record ids.

Each record is one sentence with one marked person and the sentiment toward
that person; the ids name the source corpus, the article and the person,
which cross-validation uses to keep an article, a source or a person together.
Training is :mod:`framing.evaluate.train_targets`, evaluation
:mod:`framing.evaluate.target_sentiment`.
"""

from __future__ import annotations

import json
from pathlib import Path

from framing.errors import EvaluationError

CLASSES = (-1, 0, 1)


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
