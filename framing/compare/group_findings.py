"""What each group's own page says, as data: its terms, scare quotes, speakers, voices, tone, loaded language.

Functions here return dicts (which words, which speakers, the counts and the
evidence) for one group at a time, plus the reader's names of sides and
concepts; the sentences are written by the report's templates
(``framing/report/templates/outlet.md.j2``). The differences between groups
are in :mod:`framing.compare.findings`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from framing.compare.aggregate import contrast
from framing.compare.summaries import GroupEvidence
from framing.document.vocabulary import DETERMINERS
from framing.features.attribution.actors import packaged_side_label
from framing.features.attribution.phrases import PRONOUNS

TONE_FIGURES = ("sentence_mean", "own_voice_mean", "quoted_mean", "headline", "lead", "share_negative",
                "share_positive", "compound_whole")


def side_label(side: str) -> str:
    """A reader's name for a speaker side."""
    return packaged_side_label(side)


def group_terms(evidence: GroupEvidence | None,
                descriptions: Mapping[tuple[str, str], str] | None = None) -> list[dict[str, Any]]:
    """A group's contested-term uses: concept, variant, whose term, ``(voice, count)`` pairs, examples."""
    if evidence is None:
        return []
    descriptions = descriptions or {}
    uses = sorted(evidence.terms.values(), key=lambda u: (u.pack, u.concept, -u.total, u.variant))
    return [{"pack": u.pack, "concept": u.concept, "side": u.side,
             "label": concept_label(u.concept, descriptions.get((u.pack, u.concept), "")),
             "variant": u.variant, "total": u.total,
             "voices": sorted(u.voices.items()),
             "examples": u.examples} for u in uses]


def group_scare_quotes(evidence: GroupEvidence | None) -> list[dict[str, Any]]:
    if evidence is None:
        return []
    return [{"phrase": evidence.scare_examples[phrase]["text"], "count": n,
             "nested": evidence.nested_scare_quotes[phrase], "example": evidence.scare_examples[phrase]}
            for phrase, n in sorted(evidence.scare_quotes.items(), key=lambda kv: (-kv[1], kv[0]))]


# A source that is only a pronoun, a relative or a determiner: the speaker behind it was not found.
UNRESOLVED_SOURCES = PRONOUNS | DETERMINERS | {"who", "whom", "which"}


def group_speakers(evidence: GroupEvidence | None) -> list[dict[str, Any]]:
    """Speakers by how often the group quotes them, with sides, ``(verb, count)`` pairs and kinds."""
    if evidence is None:
        return []
    speakers = sorted(evidence.speakers.values(), key=lambda s: (-s.total, s.name))
    return [{"name": s.name, "side": side_label(s.side), "named": s.named, "total": s.total,
             "unresolved": not s.named and s.name.lower() in UNRESOLVED_SOURCES,
             "direct": s.kinds.get("direct", 0) + s.kinds.get("mixed", 0), "indirect": s.kinds.get("indirect", 0),
             "believes": s.statements.get("believes/wants", 0),
             "role": min(s.roles, key=lambda r: (-s.roles[r], r)) if s.roles else "unknown",
             "verbs": sorted(s.verbs.items(), key=lambda kv: (-kv[1], kv[0])),
             "examples": s.examples} for s in speakers]


def group_voices(evidence: GroupEvidence | None) -> dict[str, Any]:
    """Shares of attributions by side, verb class by side, and the first voice heard."""
    if evidence is None or not evidence.side_kinds:
        return {"total": 0, "sides": [], "verb_classes": [], "first": []}
    total = sum(evidence.side_kinds.values())
    by_side: Counter = Counter()
    for (side, _), n in evidence.side_kinds.items():
        by_side[side] += n
    sides = [{"side": side_label(side), "count": n, "share": n / total,
              "direct": evidence.side_kinds.get((side, "direct"), 0) + evidence.side_kinds.get((side, "mixed"), 0),
              "indirect": evidence.side_kinds.get((side, "indirect"), 0)}
             for side, n in sorted(by_side.items(), key=lambda kv: (-kv[1], kv[0]))]
    classes = [{"side": side_label(side), "verb_class": verb_class, "count": n}
               for (side, verb_class), n in sorted(evidence.side_verbs.items(),
                                                   key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))]
    first = [(side_label(s), n) for s, n in sorted(evidence.first_voices.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"total": total, "sides": sides, "verb_classes": classes, "first": first}


def group_tone(evidence: GroupEvidence | None, estimates: Mapping[str, Any] | None = None,
               names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Tone figures of a group, its most negative/positive sentences, and tone toward each target."""
    estimates = estimates or {}
    names = names or {}
    figures = {key: estimates[f"sentiment__{key}"] for key in TONE_FIGURES if f"sentiment__{key}" in estimates}
    if evidence is None:
        return {"figures": figures, "negative": [], "positive": [], "targets": []}
    targets = []
    for key, buckets in sorted(evidence.targets.items()):
        if not key:
            continue
        targets.append({"target": names.get(key, key), "estimate": estimates.get(f"sentiment__tone_toward_{key}"),
                        "mentions": estimates.get(f"sentiment__mentions_{key}"),
                        "negative": buckets.get("negative", []), "positive": buckets.get("positive", [])})
    targets.sort(key=lambda t: (-(t["mentions"].mean if t["mentions"] else 0), t["target"]))
    return {"figures": figures, "negative": evidence.negative, "positive": evidence.positive, "targets": targets}


def group_loaded(evidence: GroupEvidence | None) -> list[dict[str, Any]]:
    if evidence is None:
        return []
    return [{"category": k.replace("_", " "), "kind": k, "count": n, "examples": evidence.loaded_examples[k]}
            for k, n in sorted(evidence.loaded.items(), key=lambda kv: (-kv[1], kv[0]))]


def group_cleaning(evidence: GroupEvidence | None, articles: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if evidence is None:
        return []
    return [{"id": a["id"], "removed": evidence.cleaning.get(a["id"], [])} for a in articles
            if evidence.cleaning.get(a["id"])]


def figures_against_others(group: str, table: Mapping[str, Any],
                           measures: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Each headline measure by column: the group's mean, interval, the others' mean and the difference.

    Every measure gets an entry, also one the group has no value for (its
    mean is NaN and ``value.n`` is 0): tables look cells up by column, so a
    missing value shows as "–" under its own heading instead of shifting the
    cells after it.
    """
    figures = {}
    for measure in measures:
        c = contrast(table, group, measure.column)
        figures[measure.column] = {"measure": measure, "value": c.value, "others": c.others,
                                   "difference": c.difference, "direction": c.direction, "clear": c.clear,
                                   "single": c.value.n == 1}
    return figures


def wording_side(side: str) -> str:
    """A lexicon side as the report names it: ``gun_control`` → ``gun-control`` ("a gun-control term").

    >>> wording_side("abortion_rights"), wording_side("descriptive")
    ('abortion-rights', 'descriptive')
    """
    return str(side).replace("_", "-")


def concept_label(concept: str, description: str = "") -> str:
    """A readable name for a concept id, with the casing its description uses.

    >>> concept_label("nato_eastern_members", "NATO's member states next to Russia.")
    'NATO eastern members'
    >>> concept_label("crimea_2014")
    'Crimea 2014'
    """
    cased = {w.lower(): w for w in re.findall(r"[^\W_]+", description) if w[:1].isupper()}
    words = [cased.get(word, word) for word in concept.split("_")]
    label = " ".join(words)
    return label[:1].upper() + label[1:]
