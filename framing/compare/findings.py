"""Turn aggregates and evidence into what the report says, as data: differences, tables, questions.

Functions here return dicts and the dataclasses of
:mod:`framing.compare.finding_types` (which groups, which words, which
measure, the values, the direction); the sentences are written by the report's
templates (``framing/report/templates/findings.md.j2``). What they describe:
the words an outlet used, whom it quoted and how its figures compare, with the
evidence; never that an outlet is biased or its words false. What each group's
own page says is in :mod:`framing.compare.group_findings`.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from framing.compare.aggregate import as_float
from framing.compare.distinctive import distinctive_terms
from framing.compare.finding_types import (
    GroupWording,
    MeasureSpread,
    NoClearMeasure,
    ScareQuoteQuestion,
    SourcesQuestion,
    SpeakerShare,
    ToneQuestion,
    VoiceDifference,
    WordingDifference,
    WordingQuestion,
    WordingUse,
)
from framing.compare.group_findings import concept_label, group_speakers, group_voices, side_label
from framing.compare.own_names import own_name_filter
from framing.compare.statements import align_statements
from framing.compare.summaries import GroupEvidence

MAX_SUMMARY = 6
MAX_QUESTIONS = 6
SMALL_SET = 20
# A wording is stated as a difference, or asked about, only with this many uses in this many articles:
# one use, or uses in a single article, may be a quote, a false hit or a one-off.
MIN_USES = 3
MIN_ARTICLES = 2


def concept_table(order: Sequence[str], evidence: Mapping[str, GroupEvidence],
                  descriptions: Mapping[tuple[str, str], str] | None = None,
                  kinds: Mapping[tuple[str, str], str] | None = None) -> list[dict[str, Any]]:
    """Per contested concept: every variant found, whose term it is, and each group's uses.

    Each row's ``counts`` maps every group of ``order`` to its uses (0 when
    it has none), so a table looks a cell up by the group of its column.

    Concepts come in order of what the set is about: first those where the
    groups' wordings differ, the ones most articles (then most groups) use
    first, and among equals the clearest split (each group sticking to one
    side, in its own voice); spelling conventions (``kinds``, by pack and
    concept) come after every other concept, so they lead only when nothing
    else differs.
    """
    concepts: dict[tuple[str, str], dict[tuple[str, str], dict[str, int]]] = {}
    articles: dict[tuple[str, str], set[str]] = {}
    for group in order:
        ev = evidence.get(group)
        if ev is None:
            continue
        for use in ev.terms.values():
            variants = concepts.setdefault((use.pack, use.concept), {})
            variants.setdefault((use.variant, use.side), {})[group] = use.total
            articles.setdefault((use.pack, use.concept), set()).update(use.articles)
    table = []
    for (pack, concept), variants in sorted(concepts.items()):
        rows = [{"variant": v, "side": side, "counts": {g: counts.get(g, 0) for g in order}}
                for (v, side), counts in sorted(variants.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
        description = (descriptions or {}).get((pack, concept), "")
        table.append({"pack": pack, "concept": concept, "label": concept_label(concept, description),
                      "description": description, "rows": rows,
                      "n_groups": len({g for counts in variants.values() for g in counts}),
                      "n_articles": len(articles[(pack, concept)]),
                      "spelling": (kinds or {}).get((pack, concept)) == "spelling",
                      "contrast": _contrast_score(variants)
                      * (0.5 + 0.5 * _own_voice_share(evidence, pack, concept))})
    table.sort(key=lambda c: (c["spelling"], not c["contrast"], -c["n_articles"], -c["n_groups"],
                              -c["contrast"], c["pack"], c["concept"]))
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
                       concept: str) -> dict[str, GroupWording]:
    """Per group: its most used variant of the concept, that variant's side, main voice and support.

    Variants used exactly as often (in its own voice and in all) are ``tied``:
    the first in alphabetical order is shown, the others are named with it.
    """
    chosen = {}
    for group in order:
        ev = evidence.get(group)
        if ev is None:
            continue
        uses = [u for u in ev.terms.values() if u.pack == pack and u.concept == concept]
        if not uses:
            continue
        uses.sort(key=lambda u: (-u.voices.get("own", 0), -u.total, u.variant))
        top = uses[0]
        tied = tuple(u.variant for u in uses[1:] if (u.voices.get("own", 0), u.total)
                     == (top.voices.get("own", 0), top.total))
        voice = _main_voice(top.voices)
        same_side = [u for u in uses if u.side == top.side]
        chosen[group] = GroupWording(group, top.variant, top.side, voice, top.total, top.n_articles, tied,
                                     sum(u.total for u in same_side),
                                     len(set().union(*(u.articles for u in same_side))))
    return chosen


def _main_voice(voices: Mapping[str, int]) -> str:
    """The voice most of a wording's uses are in, or "mixed" when two voices hold as many.

    >>> _main_voice({"own": 5, "quoted": 2}), _main_voice({"own": 1, "quoted": 1, "scare_quote": 1})
    ('own', 'mixed')
    """
    counts = sorted(voices.values(), reverse=True)
    return "mixed" if len(counts) > 1 and counts[0] == counts[1] else max(voices, key=voices.__getitem__)


def is_supported(n_uses: int, n_articles: int) -> bool:
    """Whether a wording is used often enough, in enough articles, to be stated as a difference.

    >>> is_supported(3, 2), is_supported(5, 1), is_supported(1, 1)
    (True, False, False)
    """
    return n_uses >= MIN_USES and n_articles >= MIN_ARTICLES


def largest_differences(order: Sequence[str], rows: Sequence[Mapping[str, Any]], table: Mapping[str, Any],
                        evidence: Mapping[str, GroupEvidence], measures: Sequence[Any],
                        descriptions: Mapping[tuple[str, str], str] | None = None,
                        kinds: Mapping[tuple[str, str], str] | None = None) -> list[Any]:
    """The largest differences between the groups, wording first, for the report's summary.

    Up to ``MAX_SUMMARY - 2`` supported :class:`WordingDifference`, then a
    :class:`VoiceDifference` (when two groups quote someone), then the two
    measures that separate the groups most as :class:`MeasureSpread` (clear
    ones preferred), followed by :class:`NoClearMeasure` when none is clear;
    last, in the wording slots left, the wording differences with too few
    uses (``supported`` False), which the report states with their counts.
    Every item has a ``kind`` the templates write its sentence by.
    """
    wordings = _wording_differences(order, evidence, descriptions, kinds)
    supported = [w for w in wordings if w.supported][:MAX_SUMMARY - 2]
    differences: list[Any] = list(supported)
    voices = _voice_difference(order, evidence)
    if voices is not None:
        differences.append(voices)
    differences.extend(_measure_differences(order, rows, table, measures))
    # Wordings with too few uses never lead: they come last, with their counts, in the
    # wording slots supported ones leave free.
    thin = [w for w in wordings if not w.supported]
    differences.extend(thin[:MAX_SUMMARY - 2 - len(supported)])
    return differences


def _wording_differences(order: Sequence[str], evidence: Mapping[str, GroupEvidence],
                         descriptions: Mapping[tuple[str, str], str] | None,
                         kinds: Mapping[tuple[str, str], str] | None = None) -> list[WordingDifference]:
    """Concepts where the groups' most used wordings belong to different sides, clearest first.

    Each wording carries its uses and articles (summed over the groups that
    use it most); the difference is ``supported`` when every wording has
    :data:`MIN_USES` uses in :data:`MIN_ARTICLES` articles or more.
    """
    found = []
    for entry in concept_table(order, evidence, descriptions, kinds):
        chosen = _dominant_variants(evidence, order, entry["pack"], entry["concept"])
        sides = {w.side for w in chosen.values()}
        if len(chosen) < 2 or len(sides) < 2 or not entry["contrast"]:
            continue
        # Groups share a line only where the whole claim holds for each: wording, voice and ties.
        by_variant: dict[tuple[str, str, tuple[str, ...]], list[GroupWording]] = {}
        for wording in chosen.values():
            by_variant.setdefault((wording.variant, wording.voice, wording.tied), []).append(wording)
        uses = tuple(_wording_use(wordings) for _, wordings
                     in sorted(by_variant.items(), key=lambda kv: (-len(kv[1]), kv[0])))
        found.append(WordingDifference(entry["pack"], entry["concept"], entry["label"], entry["description"], uses,
                                       all(is_supported(u.side_uses, u.side_articles) for u in uses)))
    return found


def _wording_use(wordings: Sequence[GroupWording]) -> WordingUse:
    """The groups sharing one most used wording (and its ties), with their uses and articles summed."""
    first = wordings[0]
    return WordingUse(tuple(w.group for w in wordings), first.variant, first.side, first.voice,
                      sum(w.n_uses for w in wordings), sum(w.n_articles for w in wordings), first.tied,
                      sum(w.side_uses for w in wordings), sum(w.side_articles for w in wordings))


# Shares of the most quoted side closer than this (5 points) in every group are no difference.
SAME_VOICE_SHARE = 0.05


def _voice_difference(order: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> VoiceDifference | None:
    """Each group's most quoted identified side and its share.

    None with fewer than two such groups, or when every group quotes the same side most within
    ``SAME_VOICE_SHARE`` of each other ("16 % of center's, 16 % of left's and 16 % of right's").
    """
    shares = {}
    unidentified = side_label("unknown")
    unidentified_first = {}
    tied = {}
    for group in order:
        voices = group_voices(evidence.get(group))
        known = [s for s in voices["sides"] if s["side"] != unidentified]
        if known:
            shares[group] = known[0]
            # Sides quoted exactly as often as the first: named, not left out by the order of their names.
            tied[group] = tuple(s["side"] for s in known[1:] if s["count"] == known[0]["count"])
            # "Most often" is said among identified speakers; a larger unidentified share is said first.
            unknown = sum(s["share"] for s in voices["sides"] if s["side"] == unidentified)
            if unknown > known[0]["share"]:
                unidentified_first[group] = unknown
    if len(shares) < 2:
        return None
    top = [s["share"] for s in shares.values()]
    # A side every group quotes most (alone or tied, whichever name sorts first), about as often: no difference.
    common = set.intersection(*({s["side"], *tied[group]} for group, s in shares.items()))
    if common and max(top) - min(top) < SAME_VOICE_SHARE:
        return None
    ranked = sorted(shares.items(), key=lambda kv: (-kv[1]["share"], kv[0]))
    return VoiceDifference(tuple(SpeakerShare(group, s["side"], s["share"], unidentified_first.get(group),
                                              tied.get(group, ()))
                                 for group, s in ranked))


def _measure_differences(order: Sequence[str], rows: Sequence[Mapping[str, Any]], table: Mapping[str, Any],
                         measures: Sequence[Any]) -> list[Any]:
    """The two widest spreads (clear ones if any), then :class:`NoClearMeasure` if none is clear."""
    spreads = [s for s in (_measure_spread(order, rows, table, m) for m in measures) if s is not None]
    spreads.sort(key=lambda s: (-s.spread, s.measure.label))
    clear = [s for s in spreads if s.clear]
    chosen: list[Any] = (clear or spreads)[:2]
    if spreads and not clear:
        chosen.append(NoClearMeasure())
    return chosen


def _measure_spread(order: Sequence[str], rows: Sequence[Mapping[str, Any]], table: Mapping[str, Any],
                    measure: Any) -> MeasureSpread | None:
    """The highest and lowest group on a measure; None if fewer than two groups differ on it.

    The spread is the gap between the highest and lowest group means in units
    of the article-level standard deviation, so measures on different scales
    can be ranked against each other.
    """
    values = {g: table[g][measure.column] for g in order if table[g][measure.column].n}
    if len(values) < 2:
        return None
    high = max(values, key=lambda g: (values[g].mean, g))
    low = min(values, key=lambda g: (values[g].mean, g))
    articles = [v for v in (as_float(r.get(measure.column)) for r in rows) if v == v]
    deviation = statistics.pstdev(articles) if len(articles) > 1 else 0.0
    if values[high].mean == values[low].mean or not deviation:
        return None
    hv, lv = values[high], values[low]
    overlap = not (hv.has_interval and lv.has_interval) or hv.low <= lv.high
    return MeasureSpread(measure, high, hv.mean, low, lv.mean, (hv.mean - lv.mean) / deviation, not overlap)


def discussion_questions(order: Sequence[str], evidence: Mapping[str, GroupEvidence],
                         kinds: Mapping[tuple[str, str], str] | None = None) -> list[Any]:
    """Questions for a class, built from the largest differences in this article set.

    Up to ``MAX_QUESTIONS``: :class:`WordingQuestion` for the two clearest
    concepts, :class:`SourcesQuestion` per group quoting a side no other
    group quotes, one :class:`ScareQuoteQuestion`, and :class:`ToneQuestion`.
    """
    questions: list[Any] = [*_wording_questions(order, evidence, kinds), *_sources_questions(order, evidence)]
    scare = _scare_quote_question(order, evidence)
    if scare is not None:
        questions.append(scare)
    questions.append(ToneQuestion())
    return questions[:MAX_QUESTIONS]


def _wording_questions(order: Sequence[str], evidence: Mapping[str, GroupEvidence],
                       kinds: Mapping[tuple[str, str], str] | None = None) -> list[WordingQuestion]:
    """For the two clearest concepts with support: the first two groups (in ``order``) of different sides.

    A group's wording counts only with :data:`MIN_USES` uses in
    :data:`MIN_ARTICLES` articles (:func:`is_supported`).
    """
    questions = []
    for entry in concept_table(order, evidence, kinds=kinds):
        if len(questions) == 2:
            break
        if not entry["contrast"]:
            continue
        chosen = _dominant_variants(evidence, order, entry["pack"], entry["concept"])
        by_side: dict[str, GroupWording] = {}
        for group in order:  # only wordings with enough uses in enough articles are asked about
            if group in chosen and is_supported(chosen[group].side_uses, chosen[group].side_articles):
                by_side.setdefault(chosen[group].side, chosen[group])
        if len(by_side) >= 2:
            first, second = list(by_side.values())[:2]
            questions.append(WordingQuestion(entry["label"], first, second))
    return questions


def _sources_questions(order: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> list[SourcesQuestion]:
    """Per group: its most quoted speaker of a side no other group quotes, against another quoting group."""
    speakers = {g: group_speakers(evidence.get(g)) for g in order}
    questions = []
    for group in order:
        others = {s["side"] for g, quoted in speakers.items() if g != group for s in quoted}
        unique = [s for s in speakers[group] if s["side"] not in others]
        other = next((g for g in order if g != group and speakers[g]), None)
        if unique and other:
            questions.append(SourcesQuestion(group, unique[0]["name"], unique[0]["side"], other))
    return questions


def _scare_quote_question(order: Sequence[str], evidence: Mapping[str, GroupEvidence]) -> ScareQuoteQuestion | None:
    """The most frequent scare quote of the first group (in ``order``) that puts any in its own text.

    Marks inside a speaker's quotation are the speaker's, so they do not count.
    """
    for group in order:
        ev = evidence.get(group)
        own = ev.scare_quotes - ev.nested_scare_quotes if ev is not None else Counter()
        if own:
            key = min(own.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            return ScareQuoteQuestion(group, ev.scare_examples[key]["text"])
    return None


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


def unknown_speakers(evidence: Mapping[str, GroupEvidence],
                     registered: Collection[str] = frozenset()) -> list[tuple[str, str, int]]:
    """Named speakers with no side, for the user to add to an actor file: (name, group, count).

    Pronouns left unresolved ("they", "he") and vague sources are no actors to add, so they are not listed;
    nor are the ``registered`` names of an actor file already (a registry whose topic an article is not
    about gives no side there: Donald Trump in a story on Gaza).
    """
    found = []
    for group, ev in sorted(evidence.items()):
        for speaker in ev.speakers.values():
            if speaker.side == "unknown" and speaker.named and speaker.name not in registered:
                found.append((speaker.name, group, speaker.total))
    return sorted(found, key=lambda x: (-x[2], x[0], x[1]))


def distinctive_vocabulary(term_counts: Any, order: Sequence[str], top: int = 12,
                           shown: Sequence[str] | None = None,
                           outlets: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Per group (of ``shown``, by default every one): the terms it uses more than the others
    (log-odds z-scores) and where.

    ``outlets`` maps each group to its outlets' names: terms that only name
    them are left out (:mod:`framing.compare.own_names`).
    """
    if term_counts is None or len(order) < 2:
        return {}
    # In a classroom-sized set a contested word is often used once ("annexation"):
    # keep single uses there; in larger sets require a few uses to cut noise, and
    # score each word without the one article that uses it most, so that one
    # article's subject ("kroger") cannot lead a group's list.
    n_documents = sum(term_counts.n_documents.values())
    small = n_documents < SMALL_SET
    result = {}
    left_out = own_name_filter(outlets, term_counts.counts) if outlets else None
    for group, terms in distinctive_terms(term_counts, top=top, min_count=1 if small else 3, left_out=left_out,
                                          groups=shown, one_article_out=not small).items():
        result[group] = [{"term": term, "z": z, "count": count,
                          "where": term_counts.example(group, term)} for term, z, count in terms]
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
