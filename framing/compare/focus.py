"""Which groups a report shows, and which names count as one group: focus and aliases, as data.

A large set (hundreds of outlets, many with a single article) gives a report
nobody can read, so the report shows the groups with most articles
(:func:`select_groups`) and names the rest. Variants of one outlet's name
("Fox Online News", "Fox News Opinion") are merged only when the user's alias
file says so (:func:`load_aliases`): framing ships no guesses.

Examples
--------
>>> sizes = {"CNN": 9, "Fox News": 7, "Vox": 2, "Blog": 1}
>>> chosen = select_groups(list(sizes), sizes, Focus(top=2))
>>> chosen.shown, chosen.left_out
(['CNN', 'Fox News'], [('Vox', 2), ('Blog', 1)])
>>> select_groups(list(sizes), sizes, Focus(names=("vox", "Blog"))).shown
['Blog']
"""

from __future__ import annotations

import difflib
from collections import ChainMap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.datafiles import line_of, load_toml
from framing.errors import CorpusError, DataFileError

if TYPE_CHECKING:  # the CLI reads DEFAULT_TOP for its help: no text-processing imports for that
    from framing.compare.term_counts import TermCounts
    from framing.compare.term_table import TermTable

# Groups a report shows by default: enough for a class to compare, few enough
# that every table of the index stays readable (and matches the charts).
DEFAULT_TOP = 12


@dataclass(frozen=True)
class Focus:
    """Which groups to show.

    ``top``: the groups with most articles (0: all; None: ``DEFAULT_TOP``, or
    all the ``names`` when some are given); ``min_articles``: leave out groups
    with fewer articles; ``names``: only these groups (after merging aliases).
    """

    top: int | None = None
    min_articles: int = 1
    names: tuple[str, ...] = ()

    @property
    def limit(self) -> int:
        """How many groups at most (0: no limit)."""
        if self.top is None:
            return 0 if self.names else DEFAULT_TOP
        return self.top


@dataclass(frozen=True)
class Selection:
    """The groups shown (in report order), those left out with their articles, and names that matched none."""

    focus: Focus
    shown: list[str]
    left_out: list[tuple[str, int]] = field(default_factory=list)
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (name asked for, closest group or "")


def select_groups(order: Sequence[str], sizes: Mapping[str, int], focus: Focus,
                  aliases: Mapping[str, str] | None = None) -> Selection:
    """The groups of ``order`` (most articles first) that ``focus`` keeps, and what it leaves out.

    ``--outlet`` names are looked up after merging ``aliases``, so a variant
    name picks the group it was merged into. A name no group has is reported
    in ``unknown`` with the closest group's name; a focus that keeps nothing
    is a :class:`CorpusError` naming the option to change.
    """
    aliases = aliases or {}
    wanted = {aliases.get(name, name) for name in focus.names}
    unknown = [(name, _closest(name, order)) for name in focus.names if aliases.get(name, name) not in sizes]
    kept = [g for g in order if (not wanted or g in wanted) and sizes[g] >= focus.min_articles]
    if focus.limit:
        kept = kept[: focus.limit]
    if order and not kept:
        raise CorpusError(_nothing_kept(order, sizes, focus, unknown, wanted))
    shown = set(kept)
    return Selection(focus, kept, [(g, sizes[g]) for g in order if g not in shown], unknown)


def _closest(name: str, groups: Sequence[str]) -> str:
    """The group whose name is closest to ``name`` (same letters in any case first), or ''."""
    same = [g for g in groups if g.casefold() == name.casefold()]
    close = same or difflib.get_close_matches(name, list(groups), n=1, cutoff=0.6)
    return close[0] if close else ""


def _nothing_kept(order: Sequence[str], sizes: Mapping[str, int], focus: Focus,
                  unknown: Sequence[tuple[str, str]], wanted: set[str]) -> str:
    if focus.names and len(unknown) == len(focus.names):
        hint = next((close for _, close in unknown if close), order[0])
        return (f"--outlet {', '.join(repr(n) for n, _ in unknown)}: no outlet or group of that name in the set — "
                f"use a name as the report writes it, e.g. {hint!r}")
    most = max(sizes[g] for g in order if not wanted or g in wanted)
    return (f"--min-articles {focus.min_articles}: no outlet or group chosen has that many articles "
            f"(the most is {most}) — lower --min-articles")


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read an alias file: TOML whose keys are the names to show, each with the list of names merged into it.

    Returns ``{merged name: shown name}``. Errors name the file, the line and
    the fix: a value that is not a list of names, a name listed under two
    keys, or a shown name that is itself merged into another.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = Path(folder) / "aliases.toml"
    ...     _ = file.write_text('"Fox News" = ["Fox Online News", "Fox News Opinion"]\\n', encoding="utf-8")
    ...     load_aliases(file)
    {'Fox Online News': 'Fox News', 'Fox News Opinion': 'Fox News'}
    """
    data, text, label = load_toml(Path(path))
    merged: dict[str, str] = {}
    for shown, names in data.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(f"{label}, line {line_of(text, shown)}: {shown!r} needs a list of names, "
                                f'e.g. "{shown}" = ["{shown} (Online)", "{shown} Opinion"]')
        for name in (n.strip() for n in names):
            if name in merged and merged[name] != shown.strip():
                raise DataFileError(f"{label}, line {line_of(text, name)}: {name!r} is listed under both "
                                    f"{merged[name]!r} and {shown!r} — keep it under one name")
            if name != shown.strip():
                merged[name] = shown.strip()
    for name, shown in merged.items():
        if shown in merged:
            raise DataFileError(f"{label}, line {line_of(text, shown)}: {shown!r} is shown for {name!r} but is "
                                f"itself merged into {merged[shown]!r} — list {name!r} under {merged[shown]!r}")
    return merged


def regroup_rows(rows: Sequence[Mapping[str, Any]], aliases: Mapping[str, str]) -> list[Mapping[str, Any]]:
    """``rows`` with each ``group`` merged by ``aliases`` (rows whose group stays are the same objects)."""
    return [ChainMap({"group": aliases[row["group"]]}, row) if row["group"] in aliases else row for row in rows]


def merge_term_counts(counts: TermCounts | TermTable | None,
                      aliases: Mapping[str, str]) -> TermCounts | TermTable | None:
    """The term counts with each merged group's counts added into the group it is shown as."""
    if counts is None or not aliases.keys() & set(counts.groups):
        return counts
    return counts.merged_groups(aliases)


def merge_samples(samples: Mapping[str, Mapping[str, list[float]]],
                  aliases: Mapping[str, str]) -> dict[str, dict[str, list[float]]]:
    """Per-group value samples (for the distribution charts), merged groups' values together."""
    merged: dict[str, dict[str, list[float]]] = {}
    for group, by_name in samples.items():
        into = merged.setdefault(aliases.get(group, group), {})
        for name, values in by_name.items():
            into.setdefault(name, []).extend(values)
    return merged


def merged_names(rows: Sequence[Mapping[str, Any]], aliases: Mapping[str, str]) -> dict[str, list[tuple[str, int]]]:
    """Per group that ``aliases`` merged several names into: each name of ``rows`` (before merging) and its articles.

    >>> rows = [{"group": "Fox Online News"}, {"group": "Fox News"}, {"group": "Fox Online News"}, {"group": "Vox"}]
    >>> merged_names(rows, {"Fox Online News": "Fox News"})
    {'Fox News': [('Fox Online News', 2), ('Fox News', 1)]}
    """
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        names = counts.setdefault(aliases.get(row["group"], row["group"]), {})
        names[row["group"]] = names.get(row["group"], 0) + 1
    return {group: sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
            for group, names in sorted(counts.items()) if len(names) > 1}
