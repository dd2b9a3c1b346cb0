"""How many annotated concept variants the label discovery recovers (NewsWCL50).

NewsWCL50 annotates, in five outlets' reports of the same events, every
mention of a concept (``code_name``) with its surface form (``code_mention``):
"the Iran deal", "the JCPOA", "a terrible deal".  A *variant pair* is two
different forms of one concept used by two different outlets.  Discovery
recovers a pair when it files both forms (as names or as label phrases) under
the same entity.  Precision is measured on the pairs discovery proposes whose
two forms are both annotated forms of the event: the share that belong to the
same concept.  Only noun-like concept types count (people, countries, groups,
objects, events, miscellaneous), not properties or actions.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

from framing.document.parse import build_document
from framing.errors import EvaluationError
from framing.lexicons.discover import EntityLabels, discover_labels

NOUN_TYPES = frozenset({"ACTOR", "ACTOR-I", "COUNTRY", "GROUP", "OBJECT", "EVENT", "MISC"})
ANNOTATION_COLUMNS = ("code_type", "code_name", "code_mention", "event_id", "publisher_id")
ARTICLE_COLUMNS = ("event_id", "publisher_id", "title", "text")
LEADING = re.compile(r"^(?:(?:the|a|an|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)+")


def normalise_form(text: str) -> str:
    """A surface form as compared: lower case, no quotes, determiners or possessive.

    >>> normalise_form("The ``terrible'' Iran deal"), normalise_form("Mr. Kim's")
    ('terrible iran deal', 'kim')
    """
    text = text.lower().replace("’", "'").replace("``", "").replace("''", "").replace('"', "")
    text = " ".join(text.split())
    text = LEADING.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip(" ,.;:")


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise EvaluationError(f"{path}: not found — pass --newswcl50 the folder holding "
                              "annotations.csv and newswcl50_articles.csv") from None
    missing = [c for c in columns if rows and c not in rows[0]]
    if not rows or missing:
        raise EvaluationError(f"{path}: missing columns {missing or list(columns)} — is this NewsWCL50?")
    return rows


def gold_pairs(annotations: list[dict[str, str]]) -> tuple[dict[str, set], dict[str, dict[str, set]]]:
    """Per event: the cross-outlet variant pairs, and each concept's forms."""
    forms: dict[str, dict[str, dict[str, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for row in annotations:
        if row["code_type"] not in NOUN_TYPES:
            continue
        form = normalise_form(row["code_mention"])
        if form:
            forms[row["event_id"]][row["code_name"]][form].add(row["publisher_id"])
    pairs: dict[str, set] = {}
    concept_forms: dict[str, dict[str, set]] = {}
    for event, concepts in forms.items():
        pairs[event] = set()
        concept_forms[event] = {name: set(by_form) for name, by_form in concepts.items()}
        for name, by_form in concepts.items():
            pairs[event].update((name, f1, f2) for f1, f2 in _cross_outlet_pairs(by_form))
    return pairs, concept_forms


def evaluate_labels(folder: str | Path, events: list[str] | None = None) -> dict[str, Any]:
    """Recall (and precision) of NewsWCL50 variant pairs recovered by :func:`discover_labels`.

    Returns a dict with ``pair_recall``, ``pair_precision``, ``n_pairs``,
    ``n_concepts``, ``concepts_recovered``, ``n_events`` and ``n_articles``.
    """
    folder = Path(folder)
    annotations = _read(folder / "annotations.csv", ANNOTATION_COLUMNS)
    articles = _read(folder / "newswcl50_articles.csv", ARTICLE_COLUMNS)
    gold, concept_forms = gold_pairs(annotations)
    by_event = _documents_by_event(articles, events)
    found = judged = correct = 0
    n_pairs = 0
    concepts_with_pairs: set = set()
    concepts_recovered: set = set()
    for event in sorted(by_event):
        predicted = _predicted_pairs(by_event[event])
        event_judged, event_correct = _judge_predictions(predicted, concept_forms.get(event, {}))
        judged += event_judged
        correct += event_correct
        for name, f1, f2 in gold.get(event, set()):
            n_pairs += 1
            concepts_with_pairs.add((event, name))
            if (f1, f2) in predicted:
                found += 1
                concepts_recovered.add((event, name))
    return {
        "pair_recall": round(found / n_pairs, 4) if n_pairs else float("nan"),
        "pair_precision": round(correct / judged, 4) if judged else float("nan"),
        "n_pairs": n_pairs,
        "pairs_recovered": found,
        "n_judged_predictions": judged,
        "n_concepts": len(concepts_with_pairs),
        "concepts_recovered": len(concepts_recovered),
        "n_events": len(by_event),
        "n_articles": sum(len(docs) for groups in by_event.values() for docs in groups.values()),
    }


def _documents_by_event(articles: list[dict[str, str]], events: list[str] | None) -> dict[str, dict[str, list]]:
    """Event -> outlet -> parsed articles, for the chosen events (all when None)."""
    by_event: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in articles:
        if events is None or row["event_id"] in events:
            doc = build_document(f"{row['event_id']}_{row['publisher_id']}", row["text"], row["title"])
            by_event[row["event_id"]][row["publisher_id"]].append(doc)
    return by_event


def _cross_outlet_pairs(outlets_by_form: Mapping[str, set]) -> list[tuple[str, str]]:
    """``(form, other form)`` of two different forms, in sorted order, that together have two outlets."""
    return [(f1, f2) for (f1, p1), (f2, p2) in combinations(sorted(outlets_by_form.items()), 2)
            if len(p1 | p2) > 1]


def _outlets_by_form(entity: EntityLabels) -> dict[str, set]:
    """Each normalised name and label phrase of a discovered entity -> the outlets using it."""
    outlets: dict[str, set] = defaultdict(set)
    for group, names in entity.names.items():
        for name in names:
            outlets[normalise_form(name)].add(group)
    for group, labels in entity.labels.items():
        for _, _, phrase in labels:
            outlets[normalise_form(phrase)].add(group)
    return outlets


def _predicted_pairs(documents_by_outlet: Mapping[str, list]) -> set[tuple[str, str]]:
    """The cross-outlet variant pairs discovery files under one entity, in one event's articles."""
    return {pair for entity in discover_labels(documents_by_outlet)
            for pair in _cross_outlet_pairs(_outlets_by_form(entity))}


def _judge_predictions(predicted: set[tuple[str, str]], forms_of: Mapping[str, set]) -> tuple[int, int]:
    """How many predicted pairs have two annotated forms, and how many of those share a concept."""
    annotated = {form for forms in forms_of.values() for form in forms}
    judged = correct = 0
    for f1, f2 in predicted:
        if f1 in annotated and f2 in annotated:
            judged += 1
            correct += any(f1 in forms and f2 in forms for forms in forms_of.values())
    return judged, correct
