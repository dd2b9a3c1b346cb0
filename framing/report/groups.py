"""How the report names its groups and what it says about the ones it shows, merges and leaves out.

The choice itself (which groups, which names are one) is data in
:mod:`framing.compare.focus`; this module turns it into the report's context:
the nouns of the text ("bias group", "countries"), the list of groups left
out, the warnings and the record in ``run.json``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from framing.compare.focus import DEFAULT_TOP, Selection, merge_samples, merge_term_counts, regroup_rows
from framing.run.runner import RunResult

# Characters of names per line in the lists of the index (groups left out).
LIST_LINE_CHARS = 100
# Words of a column name that say how it is stored, not what it is: bias_text → Bias.
STORAGE_WORDS = {"text", "name", "label", "value", "code", "id", "str"}


def plural(noun: str) -> str:
    """The plural of a group label: ``outlet`` → ``outlets``, ``country`` → ``countries``.

    >>> plural("country"), plural("outlet"), plural("day")
    ('countries', 'outlets', 'days')
    """
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def indefinite_article(word: str) -> str:
    """"a" or "an" before ``word``, by its first sound: "an anti-abortion term", "a ukraine-west term".

    A vowel letter makes "an", except a "u" that sounds "you" ("a ukraine-west",
    "a unionist"; "an unborn"), which "un" before a letter other than "i" does not.

    >>> [indefinite_article(w) for w in ("anti-abortion", "ukraine-west", "unborn", "gun-control", "eu")]
    ['an', 'a', 'an', 'a', 'an']
    """
    low = str(word).lower()
    if low[:1] == "u":
        return "an" if low.startswith("un") and low[2:3] != "i" else "a"
    return "an" if low[:1] in ("a", "e", "i", "o") else "a"


def group_names(group_by: str, label: str | None = None) -> dict[str, str]:
    """How the report names the groups: one (``group_label``), several, and in headings and table columns.

    ``label`` is the user's name for one group (``--group-label``); without it
    a column's name is made readable (``bias_text`` → "Bias", one "bias group").

    >>> group_names("bias_text")
    {'group_label': 'bias group', 'groups_label': 'bias groups', 'group_heading': 'Bias'}
    >>> group_names("outlet")["groups_label"], group_names("country", "Country")["groups_label"]
    ('outlets', 'countries')
    >>> group_names("region", "EU member")["group_label"]
    'EU member'
    """
    if label and label.strip():
        words = " ".join(label.split())
        noun = words if words[1:2].isupper() else words[:1].lower() + words[1:]
        return {"group_label": noun, "groups_label": plural(noun), "group_heading": words[:1].upper() + words[1:]}
    readable = readable_column(group_by)
    noun = readable if group_by == "outlet" else f"{readable} group"
    return {"group_label": noun, "groups_label": plural(noun), "group_heading": readable[:1].upper() + readable[1:]}


def readable_column(name: str) -> str:
    """A column name as words: ``bias_text`` → ``bias``, ``sourceCountry`` → ``source country``.

    >>> readable_column("bias_text"), readable_column("sourceCountry"), readable_column("text")
    ('bias', 'source country', 'text')
    """
    words = [w.lower() for w in re.split(r"[\s_.\-]+|(?<=[a-z])(?=[A-Z])", name) if w]
    while len(words) > 1 and words[-1] in STORAGE_WORDS:
        words.pop()
    return " ".join(words) or name


def merge_aliases(run: RunResult, aliases: Mapping[str, str]) -> RunResult:
    """``run`` with every name of ``aliases`` counted as the name it is shown as (rows, term counts, samples,
    outlet names)."""
    if not aliases:
        return run
    outlets: dict[str, set[str]] = {}
    for group, names in run.group_outlets.items():
        outlets.setdefault(aliases.get(group, group), set()).update(names)
    return dataclasses.replace(run, rows=regroup_rows(run.rows, aliases),
                               term_counts=merge_term_counts(run.term_counts, aliases),
                               samples=merge_samples(run.samples, aliases), group_outlets=outlets)


def focus_context(selection: Selection, sizes: Mapping[str, int], n_groups: int) -> dict[str, Any]:
    """What the index says about the groups shown and left out (names in lines of ``LIST_LINE_CHARS``)."""
    lines: list[list[dict[str, Any]]] = []
    width = LIST_LINE_CHARS
    for name, n in selection.left_out:
        if width + len(name) > LIST_LINE_CHARS:
            lines.append([])
            width = 0
        lines[-1].append({"name": name, "n": n})
        width += len(name) + 8
    return {"n_groups": n_groups, "n_shown": len(selection.shown),
            "shown_articles": sum(sizes[g] for g in selection.shown),
            "left_out_lines": lines, "n_left_out": len(selection.left_out),
            "left_out_articles": sum(n for _, n in selection.left_out),
            "top": selection.focus.limit, "min_articles": selection.focus.min_articles,
            "named": bool(selection.focus.names), "example": (selection.left_out or [("", 0)])[0][0],
            "next_top": min(n_groups, 2 * max(selection.focus.limit, DEFAULT_TOP))}


def unknown_name_warnings(selection: Selection, group_label: str = "outlet") -> list[str]:
    """A warning per ``--outlet`` name that matched no group, with the closest name if any.

    >>> from framing.compare.focus import Focus
    >>> unknown_name_warnings(Selection(Focus(names=("Fxo News",)), ["Fox News"], unknown=[("Fxo News", "Fox News")]))
    ["--outlet 'Fxo News': no outlet of that name in the set — did you mean 'Fox News'?"]
    """
    return [f"--outlet {name!r}: no {group_label} of that name in the set"
            + (f" — did you mean {close!r}?" if close else " — use a name as the report writes it")
            for name, close in selection.unknown]


def focus_record(selection: Selection, merged: Mapping[str, Any], group_label: str | None) -> dict[str, Any]:
    """The focus options for ``run.json``, when they changed what the report shows (else nothing)."""
    if not (selection.left_out or merged or group_label or selection.unknown):
        return {}
    focus = selection.focus
    return {"focus": {"top": focus.limit, "min_articles": focus.min_articles, "outlets": list(focus.names),
                      "shown": len(selection.shown), "left_out": len(selection.left_out),
                      "merged": {group: [name for name, _ in names] for group, names in merged.items()},
                      "group_label": group_label or ""}}
