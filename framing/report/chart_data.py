"""Prepare each chart's data from the run and draw it with :mod:`framing.report.charts`.

Charts show at most ``MAX_CHART_GROUPS`` groups (those with most articles);
the tables in the report list every group.  Every word a chart shows comes
from ``templates/charts.toml``, with ``{group}`` standing for the human label
of what the report groups by ("outlet", "bias").
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.compare.findings import concept_table
from framing.compare.group_findings import concept_label, side_label, wording_side
from framing.compare.summaries import GroupEvidence
from framing.datafiles import line_of, parse_toml, template_text
from framing.errors import DataFileError
from framing.features.attribution.actors import UNKNOWN_SIDE
from framing.features.attribution.cues import VERB_CLASSES
from framing.features.attribution.role_lexicon import UNKNOWN_ROLE
from framing.features.base import feature_column
from framing.features.sentiment.targets import load_targets
from framing.lexicons.labels import pack_labels
from framing.report import charts
from framing.report.map_data import MIN_SHOWN, cell_number, group_map
from framing.report.tone_actors import choose_actors, other_sides, target_sides

# Columns of tone toward each actor: sentiment__tone_toward_<actor>.
TONE_TOWARD = feature_column("sentiment", "tone_toward_")
MENTIONS = feature_column("sentiment", "mentions_")

# The terms heatmap: at most this many rows (concept headings and wordings), and wordings per concept.
MAX_TERM_ROWS = 24
MAX_WORDINGS = 5


def draw_charts(folder: Path, rows: Sequence[Mapping[str, Any]], order: Sequence[str], table: Mapping[str, Any],
                evidence: Mapping[str, GroupEvidence], run: Any, *, group_label: str = "outlet",
                concept_descriptions: Mapping[tuple[str, str], str] | None = None,
                side_descriptions: Mapping[str, Mapping[str, str]] | None = None,
                actor_files: Sequence[str] = ()) -> list[dict[str, str]]:
    """Draw every chart that has data; return ``[{name, title, file, svg, caption}]`` in report order.

    Titles and captions come from ``templates/charts.toml`` (see
    :func:`chart_text`), with ``group_label`` (e.g. "bias") where they name
    what the report groups by.  ``concept_descriptions`` (by pack and
    concept) and ``side_descriptions`` (by pack, then side) name the
    contested terms' concepts and sides; without them, the shipped packs'.  ``actor_files`` are the
    run's extra actor registries (``--actors``), which give the tone targets' sides with the packaged ones.
    """
    shown = list(order[: charts.MAX_CHART_GROUPS])
    made: list[dict[str, str]] = []
    if not shown:
        return made
    text = {name: chart_text(name, group_label) for name in CHART_WORDING_KEYS}

    def keep(name: str, figure: Any, caption: str = "") -> None:
        if figure is None:
            return
        charts.save(figure, folder, name)
        made.append({"name": name, "title": text[name]["title"], "file": f"charts/{name}.png",
                     "svg": f"charts/{name}.svg", "caption": caption or text[name]["caption"]})

    if concept_descriptions is None or side_descriptions is None:
        labels = pack_labels()
        concept_descriptions, side_descriptions = labels.concepts, labels.sides
    keep("contested_terms", _terms(shown, evidence, concept_descriptions, side_descriptions,
                                   text["contested_terms"]))
    vocabulary = voices_vocabulary(evidence)
    keep("voices", _voices(shown, evidence, text["voices"], vocabulary),
         text["voices"]["caption" if vocabulary == "side" else "roles_caption"])
    keep("verb_classes", _verb_classes(shown, evidence, text["verb_classes"]))
    keep("sentence_tone", _tone(shown, run, text["sentence_tone"]))
    keep("target_tone", _target_tone(shown, table, run.feature_names, target_names(), text["target_tone"],
                                     tuple(actor_files)))
    keep("readability", _readability(shown, rows, text["readability"]))
    keep("outlet_map", _outlet_map(shown, rows, run.feature_names, text["outlet_map"]))
    return made


CHART_WORDING_FILE = "charts.toml"
# The wording each chart's table in charts.toml must give: the report's heading
# and caption, and the text the chart itself draws.
CHART_WORDING_KEYS = {
    "contested_terms": ("title", "caption", "figure_title", "colour_label", "key"),
    "voices": ("title", "caption", "figure_title", "roles_caption", "roles_figure_title", "axis_label"),
    "verb_classes": ("title", "caption", "figure_title", "axis_label"),
    "sentence_tone": ("title", "caption", "figure_title", "axis_label"),
    "target_tone": ("title", "caption", "figure_title", "axis_label"),
    "readability": ("title", "caption", "figure_title", "axis_label"),
    "outlet_map": ("title", "caption", "figure_title", "axis_label", "weak_axis", "little_shown"),
}
# Placeholders any text may use: the group label as is, and capitalised to start a sentence.
GROUP_FIELDS = frozenset({"group", "Group"})
# Further format fields some texts fill in when the chart is drawn.
DRAWN_FIELDS = {
    ("contested_terms", "key"): frozenset({"sides"}),
    ("outlet_map", "axis_label"): frozenset({"number", "share", "features"}),
    ("outlet_map", "weak_axis"): frozenset({"number", "share", "expected"}),
    ("outlet_map", "little_shown"): frozenset({"share"}),
}


@lru_cache(maxsize=1)
def chart_wording() -> dict[str, dict[str, str]]:
    """Each chart's heading, caption, title and axis label by chart name, from ``templates/charts.toml``.

    Read once per process; ``{group}`` is still a format field (see :func:`chart_text`).

    >>> chart_wording()["voices"]["title"]
    'Who speaks, by side or role'
    """
    text = template_text(CHART_WORDING_FILE)
    return parse_chart_wording(text, f"framing/report/templates/{CHART_WORDING_FILE}")


def chart_text(name: str, group_label: str = "outlet") -> dict[str, str]:
    """Chart ``name``'s wording with ``{group}`` and ``{Group}`` filled in from ``group_label``.

    Placeholders the chart fills when drawn (``{share}``) stay.

    >>> chart_text("sentence_tone", "Bias")["figure_title"]
    'Tone of every sentence, by bias'
    >>> chart_text("outlet_map", "US state")["title"]
    'Where each US state sits'
    """
    words = _GroupWords(group_label)
    return {key: value.format_map(words) for key, value in chart_wording()[name].items()}


class _GroupWords(dict):
    """``{group}`` and ``{Group}`` for str.format_map; any other format field is left as it is."""

    def __init__(self, label: str) -> None:
        label = " ".join(label.split()) or "group"
        # "Bias" reads "bias" inside a sentence; "US state" keeps its capitals.
        group = label if label[:2].isupper() else label[:1].lower() + label[1:]
        super().__init__(group=group, Group=group[:1].upper() + group[1:])

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def parse_chart_wording(text: str, label: str) -> dict[str, dict[str, str]]:
    """Validate chart wording (TOML ``text``): every chart of ``CHART_WORDING_KEYS`` with all its keys.

    Errors name the file (``label``), the line and what to add or fix.
    """
    data = parse_toml(text, label)
    wording = {}
    for chart, keys in CHART_WORDING_KEYS.items():
        entry = data.get(chart)
        if not isinstance(entry, dict):
            raise DataFileError(f"{label}: no [{chart}] table — add one with {', '.join(keys)}")
        missing = [key for key in keys if not isinstance(entry.get(key), str) or not entry[key].strip()]
        if missing:
            fields = ", ".join(f'{key} = "..."' for key in missing)
            raise DataFileError(f"{label}, line {line_of(text, f'[{chart}]')}: chart {chart} needs "
                                f"{', '.join(missing)} as text — add {fields}")
        for key in keys:
            _check_format_fields(entry[key], GROUP_FIELDS | DRAWN_FIELDS.get((chart, key), frozenset()),
                                f"{label}, line {line_of(text, f'[{chart}]')}: chart {chart} {key}")
        wording[chart] = {key: entry[key] for key in keys}
    return wording


def _check_format_fields(value: str, allowed: frozenset[str], where: str) -> None:
    names = ", ".join("{" + name + "}" for name in sorted(allowed))
    # The label is any noun ("bias group", "outlet", "EU member"): an added "s" writes "biass",
    # and "a" writes "a outlet".
    if re.search(r"\{[gG]roup\}e?s\b|\b[aA]n? \{group\}", value):
        raise DataFileError(f"{where} writes a plural of {{group}} or “a/an {{group}}” — reword it with "
                            "“each {group}”, “one {group}” or “the {group}”")
    try:
        used = {field for _, field, _, _ in string.Formatter().parse(value) if field is not None}
    except ValueError as error:
        raise DataFileError(f"{where}: {error} — write a literal brace as {{{{ or }}}}") from None
    unknown = sorted(used - allowed)
    if unknown:
        raise DataFileError(f"{where} uses {{{unknown[0]}}} — it may use {names}")


def _terms(groups: Sequence[str], evidence: Mapping[str, GroupEvidence],
           concept_descriptions: Mapping[tuple[str, str], str], side_descriptions: Mapping[str, Mapping[str, str]],
           text: Mapping[str, str]) -> Any:
    """The concepts on which the groups differ most clearly, in the ranking the report's summary uses.

    Whole concepts, clearest first (:func:`~framing.compare.findings.concept_table`
    over the shown groups), each with its ``MAX_WORDINGS`` most used wordings,
    until ``MAX_TERM_ROWS`` rows are filled.
    """
    concepts: list[tuple[str, list[tuple[str, str]]]] = []
    counts: dict[tuple[str, str, str], int] = {}
    totals: dict[tuple[str, str], int] = {}
    used_sides: dict[tuple[str, str], str] = {}
    room = MAX_TERM_ROWS
    for entry in concept_table(groups, evidence, concept_descriptions):
        wordings = sorted(entry["rows"], key=lambda r: (-sum(r["counts"].values()), r["variant"]))[:MAX_WORDINGS]
        if len(wordings) + 1 > room:
            break
        room -= len(wordings) + 1
        shown = []
        for row in sorted(wordings, key=lambda r: (r["side"], -sum(r["counts"].values()), r["variant"])):
            name = wording_side(row["side"])
            name = name[:1].upper() + name[1:]
            used_sides[(entry["pack"], row["side"])] = name
            shown.append((row["variant"], name))
            counts.update({(entry["label"], row["variant"], g): n for g, n in row["counts"].items()})
        concepts.append((entry["label"], shown))
        for row in entry["rows"]:  # every wording, drawn or not, for the shares
            for group, n in row["counts"].items():
                totals[(entry["label"], group)] = totals.get((entry["label"], group), 0) + n
    if not concepts:
        return None
    key = _side_key(used_sides, side_descriptions)
    return charts.contested_terms_chart(concepts, groups, counts, {
        "title": text["figure_title"], "colour_label": text["colour_label"],
        "key": text["key"].format(sides=key) if key else ""}, totals=totals)


def _side_key(used: Mapping[tuple[str, str], str], side_descriptions: Mapping[str, Mapping[str, str]]) -> str:
    """One line per pack: ``Side = description`` for each side shown; the pack's name first when there are several.

    >>> print(_side_key({("climate", "urgent"): "Urgent", ("climate", "sceptical"): "Sceptical"},
    ...                 {"climate": {"urgent": "Terms that stress urgency", "sceptical": "Terms of doubters"}}))
    Sceptical = Terms of doubters; Urgent = Terms that stress urgency
    """
    by_pack: dict[str, list[str]] = {}
    for (pack, side), name in sorted(used.items(), key=lambda kv: (kv[0][0], kv[1])):
        about = side_descriptions.get(pack, {}).get(side, "")
        if about:
            by_pack.setdefault(pack, []).append(f"{name} = {about}")
    if len(by_pack) == 1:
        return "; ".join(next(iter(by_pack.values())))
    return "\n".join(f"{concept_label(pack, ' '.join(side_descriptions[pack].values()))}: {'; '.join(entries)}"
                     for pack, entries in by_pack.items())


SIDES_PER_OUTLET = 2


# The voices chart shows sides when actor registries give one to at least this share of the run's
# statements (the seeds: most speakers are in the Russia/Ukraine/NATO registry); otherwise roles, so
# that a run mostly off the registries' topics is not one bar of "unidentified".
SIDED_SHARE = 0.5


def voices_vocabulary(evidence: Mapping[str, GroupEvidence]) -> str:
    """``"side"`` when registries give a side to at least :data:`SIDED_SHARE` of all statements, else ``"role"``.

    >>> sided, unsided = GroupEvidence(), GroupEvidence()
    >>> sided.voices = Counter({("side", "russia_gov"): 3, ("side", "unknown"): 1, ("role", "government"): 4})
    >>> unsided.voices = Counter({("side", "unknown"): 3, ("role", "expert"): 3})
    >>> voices_vocabulary({"RT": sided}), voices_vocabulary({"RT": sided, "Vox": unsided})
    ('side', 'role')
    """
    sided = total = 0
    for ev in evidence.values():
        for (by, name), n in _voices_of(ev).items():
            if by == "side":
                total += n
                sided += n if name != UNKNOWN_SIDE else 0
    return "side" if total and sided >= SIDED_SHARE * total else "role"


def voice_label(by: str, name: str) -> str:
    """The chart's name for a side or a role; not known is "unidentified" in either.

    >>> voice_label("side", "nato_or_western_gov"), voice_label("role", "unknown"), voice_label("role", "expert")
    ('NATO / Western governments', 'unidentified', 'expert')
    """
    if by == "side" or name == UNKNOWN_ROLE:
        return side_label(UNKNOWN_SIDE if name == UNKNOWN_ROLE else name)
    return name


def _voices(groups: Sequence[str], evidence: Mapping[str, GroupEvidence], text: Mapping[str, str],
            vocabulary: str = "side") -> Any:
    """One bar per group: its statements by the speakers' sides, or by their roles (see :func:`voices_vocabulary`)."""
    bars = []
    for group in groups:
        ev = evidence.get(group)
        counts: Counter = Counter()
        for (by, name), n in (_voices_of(ev) if ev is not None else Counter()).items():
            if by == vocabulary:
                counts[voice_label(by, name)] += n
        if counts:
            bars.append((group, counts))
    wording = dict(text, figure_title=text["figure_title" if vocabulary == "side" else "roles_figure_title"])
    return _stacked(bars, lambda category, totals: (-totals[category], category), wording)


def _voices_of(ev: GroupEvidence) -> Counter:
    """``ev.voices``, or its sides alone when it was summed without them."""
    if ev.voices:
        return ev.voices
    out: Counter = Counter()
    for (side, _), n in ev.side_kinds.items():
        out[("side", side)] += n
    return out


def _verb_classes(groups: Sequence[str], evidence: Mapping[str, GroupEvidence], text: Mapping[str, str]) -> Any:
    """One bar per outlet and speaker side (its two most quoted sides): who "said", who "claimed"."""
    bars = []
    for group in groups:
        ev = evidence.get(group)
        if ev is None or not ev.side_verbs:
            continue
        by_side: dict[str, Counter] = {}
        for (side, verb_class), n in ev.side_verbs.items():
            by_side.setdefault(side, Counter())[verb_class] += n
        ranked = sorted(by_side, key=lambda side: (-sum(by_side[side].values()), side))
        bars.extend((f"{group} · {side_label(side)}", by_side[side]) for side in ranked[:SIDES_PER_OUTLET])

    def order(category: str, totals: Counter) -> tuple:
        return (VERB_CLASSES.index(category) if category in VERB_CLASSES else len(VERB_CLASSES), category)

    return _stacked(bars, order, text)


def _stacked(bars: Sequence[tuple[str, Counter]], order: Any, wording: Mapping[str, str]) -> Any:
    """A stacked-shares chart from ``(bar label, counts per category)``; None without data."""
    if not bars:
        return None
    totals: Counter = Counter()
    shares = {}
    for label, counts in bars:
        total = sum(counts.values())
        for category, n in counts.items():
            totals[category] += n
            shares[(label, category)] = n / total
    categories = sorted(totals, key=lambda category: order(category, totals))
    return charts.stacked_shares_chart([label for label, _ in bars], categories, shares, wording["figure_title"],
                                       wording["axis_label"])


def _tone(groups: Sequence[str], run: Any, wording: Mapping[str, str]) -> Any:
    samples = getattr(run, "samples", {}) or {}
    values = {g: samples.get(g, {}).get(feature_column("sentiment", "sentence_compound"), []) for g in groups}
    if not any(values.values()):
        return None
    return charts.distribution_chart(groups, values, wording["figure_title"], wording["axis_label"], reference=0.0)


@lru_cache(maxsize=1)
def target_names() -> dict[str, str]:
    """Display names of the tone targets by feature key (``nato`` → ``NATO``)."""
    return {target.key: target.name for target in load_targets()}


def _target_tone(groups: Sequence[str], table: Mapping[str, Any], features: Sequence[str],
                 names: Mapping[str, str], wording: Mapping[str, str], actor_files: tuple[str, ...] = ()) -> Any:
    columns = [f for f in features if f.startswith(TONE_TOWARD)]
    panels = {}
    for column in columns:
        estimates = {g: (table[g][column].mean, table[g][column].low, table[g][column].high) for g in groups
                     if table[g][column].n}
        if len(estimates) >= 1:
            key = column.removeprefix(TONE_TOWARD)
            panels[key] = (names.get(key, key.replace("_", " ")), estimates, _mentions(groups, table, key))
    # The actors most groups speak of, and of those the most mentioned; with each, the other sides' most
    # mentioned (framing.report.tone_actors).
    ranked = sorted(panels, key=lambda k: (-len(panels[k][1]), -panels[k][2], panels[k][0]))
    chosen = choose_actors(ranked, target_sides(actor_files), other_sides(actor_files))
    if not chosen:
        return None
    return charts.estimates_chart(groups, [panels[key][:2] for key in chosen],
                                  wording["figure_title"], wording["axis_label"], reference=0.0, limits=(-1.0, 1.0))


def _mentions(groups: Sequence[str], table: Mapping[str, Any], key: str) -> float:
    """The mean mentions of target ``key`` per article, added over ``groups`` (0 where not counted)."""
    column = f"{MENTIONS}{key}"
    return sum(table[g][column].mean for g in groups if column in table[g] and table[g][column].n)


def _readability(groups: Sequence[str], rows: Sequence[Mapping[str, Any]], wording: Mapping[str, str]) -> Any:
    column = feature_column("readability", "flesch_kincaid_grade")
    values = {g: [cell_number(r.get(column)) for r in rows if r["group"] == g] for g in groups}
    values = {g: [v for v in vs if not math.isnan(v)] for g, vs in values.items()}
    if not any(values.values()):
        return None
    return charts.distribution_chart(groups, values, wording["figure_title"], wording["axis_label"])


def _outlet_map(groups: Sequence[str], rows: Sequence[Mapping[str, Any]], features: Sequence[str],
                wording: Mapping[str, str]) -> Any:
    """Where each group sits (see :mod:`framing.report.map_data`), with a caution when the axes show little."""
    found = group_map(groups, rows, features)
    if found is None:
        return None
    labels = [wording["axis_label"].format(number=k + 1, share=_percent(found.shares[k]), features=found.features[k])
              for k in range(2)]
    notes = [wording["weak_axis"].format(number=k + 1, share=_percent(found.shares[k]),
                                         expected=_percent(found.expected[k]))
             for k in range(2) if found.shares[k] <= found.expected[k]]
    if sum(found.shares) < MIN_SHOWN:
        notes.append(wording["little_shown"].format(share=_percent(sum(found.shares))))
    shown = [g for g in groups if g in found.centres]
    return charts.outlet_map_chart(shown, found.centres, found.spreads, {
        "title": wording["figure_title"], "xlabel": labels[0], "ylabel": labels[1], "note": " ".join(notes)})


def _percent(share: float) -> str:
    """``0.153`` → ``15 %``, the report's way of writing a share."""
    return f"{100 * share:.0f} %"
