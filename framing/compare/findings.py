"""Turn aggregates and evidence into what the report says: differences, tables, questions.

Every sentence produced here describes: it names the words an outlet used,
whom it quoted and how its figures compare, with the evidence; it never
calls an outlet biased or its words false.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from framing.compare.aggregate import contrast
from framing.compare.distinctive import distinctive_terms
from framing.compare.statements import align_statements
from framing.compare.summaries import GroupEvidence

VOICE_LABELS = {"own": "in its own voice", "quoted": "inside a quote", "scare_quote": "in scare quotes"}
VOICE_VERBS = {"own": "writes", "quoted": "quotes a speaker saying", "scare_quote": "puts in scare quotes"}
SIDE_LABELS = {
    "russia_gov": "Russian government", "nato_or_western_gov": "NATO / Western governments",
    "ukraine_gov": "Ukrainian government", "independent_expert": "independent experts",
    "media": "media", "anonymous": "anonymous sources", "other": "other", "unknown": "unidentified",
}
MAX_SUMMARY = 6
TONE_FIGURES = ("sentence_mean", "own_voice_mean", "quoted_mean", "headline", "lead", "share_negative",
                "share_positive", "compound_whole")
SMALL_SET = 20


def side_label(side: str) -> str:
    """A reader's name for a speaker side."""
    return SIDE_LABELS.get(side, side.replace("_", " "))


def _names(items: Sequence[str], limit: int = 4) -> str:
    """``A, B and C``; past ``limit`` names, ``A, B, C and 5 others``."""
    items = list(items)
    if len(items) > limit:
        items = items[: limit - 1] + [f"{len(items) - limit + 1} others"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def group_terms(evidence: GroupEvidence | None,
                descriptions: Mapping[tuple[str, str], str] | None = None) -> list[dict[str, Any]]:
    """A group's contested-term uses: concept, variant, whose term, counts by voice, examples."""
    if evidence is None:
        return []
    descriptions = descriptions or {}
    uses = sorted(evidence.terms.values(), key=lambda u: (u.pack, u.concept, -u.total, u.variant))
    return [{"pack": u.pack, "concept": u.concept, "side": u.side,
             "label": concept_label(u.concept, descriptions.get((u.pack, u.concept), "")),
             "variant": u.variant, "total": u.total,
             "voices": [(VOICE_LABELS.get(v, v), n) for v, n in sorted(u.voices.items())],
             "examples": u.examples} for u in uses]


def group_scare_quotes(evidence: GroupEvidence | None) -> list[dict[str, Any]]:
    if evidence is None:
        return []
    return [{"phrase": evidence.scare_examples[phrase]["text"], "count": n, "example": evidence.scare_examples[phrase]}
            for phrase, n in sorted(evidence.scare_quotes.items(), key=lambda kv: (-kv[1], kv[0]))]


def group_speakers(evidence: GroupEvidence | None) -> list[dict[str, Any]]:
    """Speakers by how often the group quotes them, with sides, verbs and kinds."""
    if evidence is None:
        return []
    speakers = sorted(evidence.speakers.values(), key=lambda s: (-s.total, s.name))
    return [{"name": s.name, "side": side_label(s.side), "named": s.named, "total": s.total,
             "direct": s.kinds.get("direct", 0) + s.kinds.get("mixed", 0), "indirect": s.kinds.get("indirect", 0),
             "verbs": ", ".join(f"{v} ({n})" for v, n in sorted(s.verbs.items(), key=lambda kv: (-kv[1], kv[0]))),
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
    return [{"category": k.replace("_", " "), "count": n, "examples": evidence.loaded_examples[k]}
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


def concept_table(order: Sequence[str], evidence: Mapping[str, GroupEvidence],
                  descriptions: Mapping[tuple[str, str], str] | None = None) -> list[dict[str, Any]]:
    """Per contested concept: every variant found, whose term it is, and each group's uses.

    Each row's ``counts`` maps every group of ``order`` to its uses (0 when
    it has none), so a table looks a cell up by the group of its column.

    Concepts come in order of how clearly the groups part ways: first those
    where each group sticks to one side's wording, the groups' wordings
    differ and the outlets use them in their own voice (not only in quotes),
    then the rest.
    """
    concepts: dict[tuple[str, str], dict[tuple[str, str], dict[str, int]]] = {}
    for group in order:
        ev = evidence.get(group)
        if ev is None:
            continue
        for use in ev.terms.values():
            variants = concepts.setdefault((use.pack, use.concept), {})
            variants.setdefault((use.variant, use.side), {})[group] = use.total
    table = []
    for (pack, concept), variants in sorted(concepts.items()):
        rows = [{"variant": v, "side": side, "counts": {g: counts.get(g, 0) for g in order}}
                for (v, side), counts in sorted(variants.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
        description = (descriptions or {}).get((pack, concept), "")
        table.append({"pack": pack, "concept": concept, "label": concept_label(concept, description),
                      "description": description, "rows": rows,
                      "n_groups": len({g for counts in variants.values() for g in counts}),
                      "contrast": _contrast_score(variants)
                      * (0.5 + 0.5 * _own_voice_share(evidence, pack, concept))})
    table.sort(key=lambda c: (-c["contrast"], -c["n_groups"], c["pack"], c["concept"]))
    return table


def _contrast_score(variants: Mapping[tuple[str, str], Mapping[str, int]]) -> float:
    """How clearly groups differ on a concept: 0 (all alike or mixed) to 1 (each sticks to another side).

    For every group, the share of its uses that are its main side's terms
    (its consistency); the score is the mean consistency, and 0 unless the
    groups' main sides differ.
    """
    by_group: dict[str, Counter] = {}
    for (_, side), counts in variants.items():
        for group, n in counts.items():
            by_group.setdefault(group, Counter())[side] += n
    mains = {}
    consistency = []
    for group, sides in by_group.items():
        side, n = max(sides.items(), key=lambda kv: (kv[1], kv[0]))
        mains[group] = side
        consistency.append(n / sum(sides.values()))
    if len(set(mains.values())) < 2:
        return 0.0
    return sum(consistency) / len(consistency)


def _own_voice_share(evidence: Mapping[str, GroupEvidence], pack: str, concept: str) -> float:
    """Share of a concept's uses, over all groups, in the outlets' own voice (not quotes)."""
    own = total = 0
    for ev in evidence.values():
        for use in ev.terms.values():
            if use.pack == pack and use.concept == concept:
                own += use.voices.get("own", 0)
                total += use.total
    return own / total if total else 0.0


def _dominant_variants(evidence: Mapping[str, GroupEvidence], order: Sequence[str], pack: str,
                       concept: str) -> dict[str, tuple[str, str, str]]:
    """Per group: its most used variant of the concept, that variant's side and main voice."""
    chosen = {}
    for group in order:
        ev = evidence.get(group)
        if ev is None:
            continue
        uses = [u for u in ev.terms.values() if u.pack == pack and u.concept == concept]
        if not uses:
            continue
        top = max(uses, key=lambda u: (u.voices.get("own", 0), u.total, u.variant))
        voice = max(top.voices.items(), key=lambda kv: (kv[1], kv[0]))[0]
        chosen[group] = (top.variant, top.side, voice)
    return chosen


def largest_differences(order: Sequence[str], rows: Sequence[Mapping[str, Any]], table: Mapping[str, Any],
                        evidence: Mapping[str, GroupEvidence], measures: Sequence[Any],
                        descriptions: Mapping[tuple[str, str], str] | None = None) -> list[str]:
    """Plain-language sentences on the largest differences, wording first."""
    sentences: list[str] = []
    for entry in concept_table(order, evidence, descriptions):
        chosen = _dominant_variants(evidence, order, entry["pack"], entry["concept"])
        sides = {side for _, side, _ in chosen.values()}
        if len(chosen) < 2 or len(sides) < 2 or not entry["contrast"]:
            continue
        by_variant: dict[tuple[str, str], list[str]] = {}
        for group, (variant, _, voice) in chosen.items():
            by_variant.setdefault((variant, voice), []).append(group)
        parts = [f"{_names(groups)} {'writes' if len(groups) == 1 else 'write'} “{variant}” "
                 f"({VOICE_LABELS.get(voice, voice)})"
                 for (variant, voice), groups in sorted(by_variant.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
        sentences.append(f"{entry['description'].rstrip('.') or entry['label']}: " + "; ".join(parts) + ".")
    sentences = sentences[:MAX_SUMMARY - 2]
    sentences.extend(_voice_differences(order, evidence))
    spreads = []
    for measure in measures:
        spread = _measure_spread(order, rows, table, measure)
        if spread is not None:
            spreads.append(spread)
    spreads.sort(key=lambda s: (-s[0], s[1]))
    clear = [s for s in spreads if " not a clear difference" not in s[2]]
    sentences.extend(sentence for _, _, sentence in (clear or spreads)[:2])
    if spreads and not clear:
        sentences.append("No measure separates the outlets clearly: with this few articles per outlet, "
                         "differences in tone, sourcing and readability may be chance.")
    return sentences


def _voice_differences(order: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> list[str]:
    shares = {}
    unidentified = side_label("unknown")
    for group in order:
        voices = group_voices(evidence.get(group))
        known = [s for s in voices["sides"] if s["side"] != unidentified]
        if known:
            shares[group] = known[0]
    if len(shares) < 2:
        return []
    top_sides = {s["side"] for s in shares.values()}
    ranked = sorted(shares.items(), key=lambda kv: (-kv[1]["share"], kv[0]))
    if len(top_sides) == 1:
        side = top_sides.pop()
        parts = [f"{s['share']:.0%} of {g}'s" for g, s in ranked]
        return [f"Whom each outlet lets speak: {side} speakers make up {_names(parts)} attributed statements."]
    parts = [f"{g} most often quotes {s['side']} ({s['share']:.0%} of its attributed statements)" for g, s in ranked]
    return ["Whom each outlet lets speak: " + "; ".join(parts) + "."]


def _measure_spread(order: Sequence[str], rows: Sequence[Mapping[str, Any]], table: Mapping[str, Any],
                    measure: Any) -> tuple[float, str, str] | None:
    """``(standardised spread, label, sentence)`` for the highest and lowest group on a measure.

    The spread is the gap between the highest and lowest group means in units
    of the article-level standard deviation, so measures on different scales
    can be ranked against each other.
    """
    values = {g: table[g][measure.column] for g in order if table[g][measure.column].n}
    if len(values) < 2:
        return None
    high = max(values, key=lambda g: (values[g].mean, g))
    low = min(values, key=lambda g: (values[g].mean, g))
    articles = [v for v in (_as_float(r.get(measure.column)) for r in rows) if v == v]
    deviation = statistics.pstdev(articles) if len(articles) > 1 else 0.0
    if values[high].mean == values[low].mean or not deviation:
        return None
    hv, lv = values[high], values[low]
    overlap = not (hv.has_interval and lv.has_interval) or hv.low <= lv.high
    caution = " (single articles or overlapping intervals: not a clear difference)" if overlap else ""
    sentence = (f"{measure.label}: highest for {high} ({hv.mean:.{measure.digits}f} {measure.unit}), "
                f"lowest for {low} ({lv.mean:.{measure.digits}f} {measure.unit}){caution}.")
    return (hv.mean - lv.mean) / deviation, measure.label, sentence


def _as_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def discussion_questions(order: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> list[str]:
    """Questions for a class, built from the largest differences in this article set."""
    questions = []
    for entry in concept_table(order, evidence)[:2]:
        if not entry["contrast"]:
            continue
        chosen = _dominant_variants(evidence, order, entry["pack"], entry["concept"])
        by_side: dict[str, tuple[str, str, str]] = {}
        for group in order:
            if group in chosen:
                variant, side, voice = chosen[group]
                by_side.setdefault(side, (group, variant, voice))
        if len(by_side) >= 2:
            (a, va, voa), (b, vb, vob) = list(by_side.values())[:2]
            questions.append(f"{a} {VOICE_VERBS.get(voa, 'writes')} “{va}” where {b} "
                             f"{VOICE_VERBS.get(vob, 'writes')} “{vb}” ({entry['label']}). What does each wording "
                             "assume about what happened? Which would you use, and why?")
    speakers = {g: group_speakers(evidence.get(g)) for g in order}
    for group in order:
        own = speakers[group]
        if not own:
            continue
        others = {s["side"] for g, lst in speakers.items() if g != group for s in lst}
        unique = [s for s in own if s["side"] not in others]
        if unique:
            other = next((g for g in order if g != group and speakers[g]), None)
            if other:
                questions.append(f"{group} quotes {unique[0]['name']} ({unique[0]['side']}); which sources does "
                                 f"{other} quote? Why might that matter for how a reader sees the story?")
    for group in order:
        scare = evidence.get(group).scare_quotes if evidence.get(group) else {}
        if scare:
            key = sorted(scare.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            phrase = evidence[group].scare_examples[key]["text"]
            questions.append(f"{group} puts ‘{phrase}’ in quotation marks without saying who said it. "
                             "What do the marks tell the reader about the writer's view of the phrase?")
            break
    questions.append("Pick one sentence from the tone section of two outlets. Is the tone the outlet's own, "
                     "or that of someone it quotes? How can you tell?")
    return questions[:6]


def aligned_statements(evidence: Mapping[str, GroupEvidence], group_of: Mapping[str, str],
                       order: Sequence[str], limit: int = 8) -> list[dict[str, Any]]:
    """The same statement as rendered by articles of at least two groups: who quoted, who paraphrased."""
    records = [record for group in order if group in evidence for record in evidence[group].attributions]
    statements = []
    for statement in align_statements(records):
        for rendering in statement["renderings"]:
            rendering["group"] = group_of.get(rendering["id"], rendering["outlet"])
        if len({r["group"] for r in statement["renderings"]}) >= 2:
            statements.append(statement)
    return statements[:limit]


def unknown_speakers(evidence: Mapping[str, GroupEvidence]) -> list[tuple[str, str, int]]:
    """Speakers with no side, for the user to add to an actor file: (name, group, count)."""
    found = []
    for group, ev in sorted(evidence.items()):
        for speaker in ev.speakers.values():
            if speaker.side == "unknown":
                found.append((speaker.name, group, speaker.total))
    return sorted(found, key=lambda x: (-x[2], x[0], x[1]))


def distinctive_vocabulary(term_counts: Any, order: Sequence[str], top: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Per group: the terms it uses more than the others (log-odds z-scores) and where."""
    if term_counts is None or len(order) < 2:
        return {}
    # In a classroom-sized set a contested word is often used once ("annexation"):
    # keep single uses there; in larger sets require a few uses to cut noise.
    n_documents = sum(term_counts.n_documents.values())
    min_count = 1 if n_documents < SMALL_SET else 3
    result = {}
    for group, terms in distinctive_terms(term_counts, top=top, min_count=min_count).items():
        result[group] = [{"term": term, "z": z, "count": count,
                          "where": term_counts.examples.get(group, {}).get(term)} for term, z, count in terms]
    return result


def attach_sentences(distinctive: Mapping[str, list[dict[str, Any]]],
                     lookup: Any) -> None:
    """Add the example sentence (``sentence``) to each distinctive term, via ``lookup``."""
    wanted: dict[str, set[int]] = {}
    for terms in distinctive.values():
        for term in terms:
            if term["where"]:
                article, index = term["where"]
                wanted.setdefault(article, set()).add(index)
    sentences = lookup(wanted)
    for terms in distinctive.values():
        for term in terms:
            term["sentence"] = sentences.get(tuple(term["where"]), "") if term["where"] else ""
