"""Summarise the evidence of a run per group: terms and their voice, voices, tone, cleaning.

Keeps counts plus a bounded number of example sentences, so the report of a
100,000-article run fits in memory.  A run summarises each article as it is
scored (:func:`summarise_article`, in the worker that scored it) and adds it
to its group's summary in the run's order (:func:`add_summary`), which gives
exactly what one pass over ``evidence.jsonl`` gives (:func:`summarise`), so
the report need not read the file back.

Examples
--------
>>> records = [{"id": "a", "family": "lexicon", "kind": "scare_quote", "text": "threat", "sentence": "x"},
...            {"id": "b", "family": "lexicon", "kind": "scare_quote", "text": "Threat", "sentence": "y"}]
>>> group = GroupEvidence()
>>> for record in records:
...     add_summary(group, summarise_article([record]))
>>> group.scare_quotes == summarise(records, {"a": "g", "b": "g"}, {})["g"].scare_quotes
True
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.compare.statements import is_named_speaker

MAX_EXAMPLES = 3
# A speaker's example statements kept: the two its group's page quotes (a large group quotes thousands of
# speakers, so each kept example costs).
MAX_SPEAKER_EXAMPLES = 2
MAX_EXTREMES = 3
# Attribution records kept per group for lining up the same statement across
# outlets (only those alignment can use: a named, resolved speaker); bounded so
# alignment stays cheap and memory small on large sets.
MAX_ALIGNED_RECORDS = 300


@dataclass
class TermUse:
    """How a group uses one variant of a contested concept."""

    pack: str
    concept: str
    side: str
    variant: str
    voices: Counter = field(default_factory=Counter)  # own / quoted / scare_quote
    examples: list[dict[str, Any]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)  # ids of the articles that use it

    @property
    def total(self) -> int:
        return sum(self.voices.values())

    @property
    def n_articles(self) -> int:
        """How many of the group's articles use this variant."""
        return len(self.articles)


@dataclass
class Speaker:
    """A speaker a group quotes: how often, how, with which verbs."""

    name: str
    side: str
    named: bool
    kinds: Counter = field(default_factory=Counter)  # direct / indirect / mixed
    verbs: Counter = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)
    statements: Counter = field(default_factory=Counter)  # said / believes/wants
    roles: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


@dataclass
class GroupEvidence:
    """Everything the report shows for one group, from the evidence."""

    terms: dict[tuple[str, str, str, str], TermUse] = field(default_factory=dict)  # pack, concept, variant, side
    # dated terms found in undated articles (so counted as descriptive): "Kiev (since …)" -> article ids
    undated_readings: dict[str, set[str]] = field(default_factory=dict)
    scare_quotes: Counter = field(default_factory=Counter)
    nested_scare_quotes: Counter = field(default_factory=Counter)  # of those, inside a speaker's quote
    scare_examples: dict[str, dict[str, Any]] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    side_verbs: Counter = field(default_factory=Counter)  # (side, verb_class) -> count
    side_kinds: Counter = field(default_factory=Counter)  # (side, kind) -> count
    # Each statement twice: ("side", side) and ("role", role) -> count (the voices chart shows one of them)
    voices: Counter = field(default_factory=Counter)
    first_voices: Counter = field(default_factory=Counter)
    negative: list[dict[str, Any]] = field(default_factory=list)
    positive: list[dict[str, Any]] = field(default_factory=list)
    # target → {"negative": [...], "positive": [...]}, the most extreme sentences, bounded
    targets: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    loaded: Counter = field(default_factory=Counter)
    loaded_examples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    cleaning: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    notes: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)


def read_evidence(path: Path) -> Iterator[dict[str, Any]]:
    """The records of an ``evidence.jsonl`` file, one at a time."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def summarise(records: Iterable[Mapping[str, Any]], group_of: Mapping[str, str],
              counted: Mapping[str, bool]) -> dict[str, GroupEvidence]:
    """Per group, the summary of the evidence of its counted articles."""
    groups: dict[str, GroupEvidence] = defaultdict(GroupEvidence)
    first_seen: set[str] = set()
    for record in records:
        article = record["id"]
        if not counted.get(article, True) or article not in group_of:
            continue
        _add_record(groups[group_of[article]], record, first_seen)
    return dict(groups)


def summarise_article(records: Iterable[Mapping[str, Any]]) -> GroupEvidence:
    """The summary of one article's evidence records (as written: floats rounded, see ``run.output``)."""
    evidence = GroupEvidence()
    first_seen: set[str] = set()
    for record in records:
        _add_record(evidence, record, first_seen)
    return evidence


def add_summary(total: GroupEvidence, part: GroupEvidence) -> None:
    """Add ``part``, the summary of the next article, to ``total``, its group's summary so far.

    Counts add up, first-met examples are kept while there is room and
    top-scored ones are ranked again, so adding the articles' summaries in
    the run's order gives what :func:`summarise` gives for their records.
    """
    _add_terms(total, part)
    for counter in ("scare_quotes", "nested_scare_quotes", "side_verbs", "side_kinds", "voices", "first_voices",
                    "loaded"):
        getattr(total, counter).update(getattr(part, counter))
    for phrase, example in part.scare_examples.items():
        total.scare_examples.setdefault(phrase, example)
    for name, speaker in part.speakers.items():
        _add_speaker(total.speakers, name, speaker)
    _add_examples(total, part)
    for article, removed in part.cleaning.items():
        total.cleaning[article].extend(removed)
    total.notes.extend(part.notes)
    _extend(total.attributions, part.attributions, MAX_ALIGNED_RECORDS)


def _add_terms(total: GroupEvidence, part: GroupEvidence) -> None:
    for key, use in part.terms.items():
        mine = total.terms.setdefault(key, TermUse(use.pack, use.concept, use.side, use.variant))
        mine.voices.update(use.voices)
        mine.articles |= use.articles
        _extend(mine.examples, use.examples, MAX_EXAMPLES)
    for reading, ids in part.undated_readings.items():
        total.undated_readings.setdefault(reading, set()).update(ids)


def _add_examples(total: GroupEvidence, part: GroupEvidence) -> None:
    """The example sentences: the most extreme in tone (overall and toward each target) and the loaded ones."""
    _rank_into(total.negative, part.negative, MAX_EXTREMES, lambda e: (e["score"], e["id"], e["sentence_index"]))
    _rank_into(total.positive, part.positive, MAX_EXTREMES, lambda e: (-e["score"], e["id"], e["sentence_index"]))
    for target, buckets in part.targets.items():
        mine = total.targets.setdefault(target, {})
        for name, bucket in buckets.items():
            sign = 1 if name == "negative" else -1
            _rank_into(mine.setdefault(name, []), bucket, MAX_EXTREMES,
                       lambda e, sign=sign: (sign * e["score"], e["id"], e["sentence_index"]))
    for kind, examples in part.loaded_examples.items():
        if examples and "probability" in examples[0]:
            _rank_into(total.loaded_examples[kind], examples, MAX_EXAMPLES,
                       lambda e: (-e["probability"], e["id"], e["sentence_index"]))
        else:
            _extend(total.loaded_examples[kind], examples, MAX_EXAMPLES)


def _add_speaker(speakers: dict[str, Speaker], name: str, part: Speaker) -> None:
    mine = speakers.setdefault(name, Speaker(name, part.side, part.named))
    for counter in ("kinds", "verbs", "statements", "roles"):
        getattr(mine, counter).update(getattr(part, counter))
    _extend(mine.examples, part.examples, MAX_SPEAKER_EXAMPLES)


def _extend(kept: list, more: Iterable, limit: int) -> None:
    """Keep the first ``limit`` items met: ``more`` fills what room ``kept`` has left."""
    kept.extend(list(more)[:max(0, limit - len(kept))])


def _rank_into(kept: list, more: Iterable, limit: int, key: Callable[[Any], Any]) -> None:
    """Keep the ``limit`` first items in ``key`` order (ties in the order met) of ``kept`` and ``more``."""
    kept.extend(more)
    kept.sort(key=key)
    del kept[limit:]


def _add_record(evidence: GroupEvidence, record: Mapping[str, Any], first_seen: set[str]) -> None:
    """Add one evidence record to its group's summary, by family."""
    article = record["id"]
    family, kind, detail = record["family"], record["kind"], record.get("detail") or {}
    if family == "lexicon":
        _add_lexicon_record(evidence, record, kind, detail)
    elif family == "attribution" and kind in ("direct", "indirect", "mixed"):
        _add_attribution(evidence, record, detail, article, first_seen)
        if len(evidence.attributions) < MAX_ALIGNED_RECORDS and is_named_speaker(record):
            evidence.attributions.append(dict(record))
    elif family == "sentiment":
        _add_sentiment_record(evidence, record, kind, detail)
    elif family == "loaded":
        _add_loaded_record(evidence, record, kind, detail)
    elif family == "cleaning":
        evidence.cleaning[article].append({"reason": kind, "text": record["text"],
                                           "line": detail.get("line", 0)})
    elif family == "language":
        evidence.notes.append({"id": article, "note": detail.get("note", record["text"])})


def _add_lexicon_record(evidence: GroupEvidence, record: Mapping[str, Any], kind: str,
                        detail: Mapping[str, Any]) -> None:
    """A contested term, or a phrase in scare quotes."""
    if kind == "contested_term":
        _add_term(evidence, record, detail)
    elif kind == "scare_quote":
        phrase = record["text"].strip().lower()
        evidence.scare_quotes[phrase] += 1
        evidence.nested_scare_quotes[phrase] += bool(detail.get("nested"))
        evidence.scare_examples.setdefault(phrase, _example(record))


def _add_loaded_record(evidence: GroupEvidence, record: Mapping[str, Any], kind: str,
                       detail: Mapping[str, Any]) -> None:
    """A word-list hit (the first examples kept), or a sentence the model flags (the most probable kept)."""
    evidence.loaded[kind] += 1
    examples = evidence.loaded_examples[kind]
    if "probability" not in detail:
        if len(examples) < MAX_EXAMPLES:
            examples.append(_example(record))
        return
    examples.append(_example(record, probability=detail["probability"], spans=detail.get("spans", [])))
    examples.sort(key=lambda e: (-e["probability"], e["id"], e["sentence_index"]))
    del examples[MAX_EXAMPLES:]


def _add_sentiment_record(evidence: GroupEvidence, record: Mapping[str, Any], kind: str,
                          detail: Mapping[str, Any]) -> None:
    """Keep the most negative and positive sentences, overall and toward each target."""
    if kind == "most_negative":
        _keep_extreme(evidence.negative, record, detail, lowest=True)
    elif kind == "most_positive":
        _keep_extreme(evidence.positive, record, detail, lowest=False)
    elif kind == "target_tone":
        _keep_target_extremes(evidence.targets.setdefault(str(detail.get("target", "")), {}), record,
                              float(detail.get("score") or 0.0))


def _shown(examples: list[dict[str, Any]], record: Mapping[str, Any]) -> bool:
    """Whether ``examples`` already hold the sentence of ``record``."""
    index = record.get("sentence_index", -1)
    return any(e["id"] == record["id"] and e["sentence_index"] == index for e in examples)


def _example(record: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": record["id"], "sentence": record.get("sentence") or record["text"],
            "sentence_index": record.get("sentence_index", -1), "text": record["text"], **extra}


def _add_term(evidence: GroupEvidence, record: Mapping[str, Any], detail: Mapping[str, Any]) -> None:
    # A dated term ("Kiev") may count for a side in one article and as descriptive in an older one:
    # each reading is a use of its own.
    key = (str(detail.get("pack", "")), str(detail.get("concept", "")), str(detail.get("variant", "")),
           str(detail.get("side", "")))
    use = evidence.terms.get(key)
    if use is None:
        use = evidence.terms[key] = TermUse(key[0], key[1], key[3], key[2])
    if detail.get("reading") == "undated":
        evidence.undated_readings.setdefault(f"{key[2]} ({detail.get('dates', '')})", set()).add(str(record["id"]))
    voice = str(detail.get("voice", "own"))
    use.voices[voice] += 1
    use.articles.add(str(record["id"]))
    if len(use.examples) < MAX_EXAMPLES and not _shown(use.examples, record):
        use.examples.append(_example(record, voice=voice))  # a sentence using the term twice is shown once


def _add_attribution(evidence: GroupEvidence, record: Mapping[str, Any], detail: Mapping[str, Any],
                     article: str, first_seen: set[str]) -> None:
    name = str(detail.get("speaker") or detail.get("speaker_text") or "unknown")
    side = str(detail.get("side") or "unknown")
    speaker = evidence.speakers.get(name)
    if speaker is None:
        speaker = evidence.speakers[name] = Speaker(name, side, bool(detail.get("named", False)))
    kind = record["kind"]
    speaker.kinds[kind] += 1
    speaker.statements[str(detail.get("kind") or "said")] += 1
    role = str(detail.get("role") or "unknown")
    speaker.roles[role] += 1
    evidence.voices[("side", side)] += 1
    evidence.voices[("role", role)] += 1
    verb = str(detail.get("verb") or detail.get("cue") or "")
    if verb:
        speaker.verbs[verb] += 1
    if len(speaker.examples) < MAX_SPEAKER_EXAMPLES:
        # the page shows the sentence, not the statement's own text: it is not kept
        example = _example(record, kind=kind, verb=verb)
        del example["text"]
        speaker.examples.append(example)
    evidence.side_verbs[(side, str(detail.get("verb_class") or "unclassified"))] += 1
    evidence.side_kinds[(side, kind)] += 1
    if article not in first_seen:
        first_seen.add(article)
        evidence.first_voices[side] += 1


def _keep_target_extremes(buckets: dict[str, list[dict[str, Any]]], record: Mapping[str, Any],
                          score: float) -> None:
    """Keep the sentences most negative and most positive toward a target, one entry per sentence."""
    if score == 0:
        return
    name, lowest = ("negative", True) if score < 0 else ("positive", False)
    bucket = buckets.setdefault(name, [])
    key = (record["id"], record.get("sentence_index", -1))
    for kept in bucket:
        if (kept["id"], kept["sentence_index"]) == key:
            if (score < kept["score"]) if lowest else (score > kept["score"]):
                kept["score"], kept["mention"] = score, str(record["text"])
            break
    else:
        # the mention scored ("the alliance"), since a sentence may name the target more than once
        bucket.append(_example(record, score=score, mention=str(record["text"])))
    bucket.sort(key=lambda e: (e["score"] if lowest else -e["score"], e["id"], e["sentence_index"]))
    del bucket[MAX_EXTREMES:]


def _keep_extreme(bucket: list[dict[str, Any]], record: Mapping[str, Any], detail: Mapping[str, Any],
                  lowest: bool) -> None:
    score = float(detail.get("compound", detail.get("score", 0.0)) or 0.0)
    bucket.append(_example(record, score=score))
    bucket.sort(key=lambda e: (e["score"] if lowest else -e["score"], e["id"], e["sentence_index"]))
    del bucket[MAX_EXTREMES:]
