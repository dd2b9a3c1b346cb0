"""Checks of a lexicon pack file's entries, each problem reported with its file, line and entry.

:class:`Reporter` collects the messages ("file, line N: entry X: reason —
fix"); each function here reads one part of the parsed TOML (the [pack]
header, its name, sources, sides and topic table, the [[concept]] entries, a
concept's keys, terms and exclusions, the options of a concept or term, and
whether a term is among its own context words), reports what is wrong and
returns what can be used.  :mod:`framing.lexicons.packs` builds the pack from
what they return.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any

from framing.datafiles import line_of
from framing.lexicons.context import SCOPES
from framing.lexicons.pack_types import CONCEPT_KINDS, DESCRIPTIVE_SIDE

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
PACK_KEYS = {"name", "version", "author", "description", "sources", "sides", "topic"}
TOPIC_KEYS = {"anchors", "min_mentions", "note", "lead_words", "min_per_1k"}
CONCEPT_KEYS = {"id", "description", "note", "source", "near", "window", "scope", "case_sensitive",
                "in_names", "inflect", "exclude", "terms", "evidence", "since", "until", "date_note", "kind"}
EXCLUDE_KEYS = {"phrases", "near", "terms", "scope", "window", "note"}
# How a word of a form is split into the parts a context word is compared with
# (the matcher splits tokens the same way: "Crimea-based" has the part "crimea").
WORD_PARTS_RE = re.compile(r"[\s\-'’‐‑–]+")


_QUOTES = ("'", '"')


def sets_key(line: str, key: str) -> bool:
    """Whether ``line`` sets ``key``, quoted or not: what ``^\\s*['"]?KEY['"]?\\s*=`` matches.

    >>> sets_key('  "kind" = "x"', "kind"), sets_key("kind= 1", "kind"), sets_key("kinds = 1", "kind")
    (True, True, False)
    """
    rest = line.lstrip()
    for text in (rest, rest[1:]) if rest.startswith(_QUOTES) else (rest,):
        if not text.startswith(key):
            continue
        after = text[len(key):]
        if any(tail.lstrip().startswith("=")
               for tail in ((after, after[1:]) if after.startswith(_QUOTES) else (after,))):
            return True
    return False


class Reporter:
    """Collects messages of the form 'file, line N: entry X: reason — fix'."""

    def __init__(self, text: str, label: str, problems: list[str]):
        self.lines = text.splitlines()
        self.text, self.label, self.problems = text, label, problems
        self.concept_lines = [n for n, line in enumerate(self.lines, 1)
                              if line.strip().startswith("[[concept]]")]

    def line(self, needle: str, concept_index: int | None = None) -> int:
        """The line of ``needle``: a key (``needle = ...``) if one matches, else any text."""
        if concept_index is None or concept_index >= len(self.concept_lines):
            first, last = 1, (self.concept_lines[0] - 1 if self.concept_lines else len(self.lines))
        else:
            first = self.concept_lines[concept_index]
            last = (self.concept_lines[concept_index + 1] - 1
                    if concept_index + 1 < len(self.concept_lines) else len(self.lines))
        # Plain string tests, no regular expression to compile: a pack's every term asks for its line.
        for number in range(first, last + 1):
            if sets_key(self.lines[number - 1], needle):
                return number
        for piece in (f'"{needle}"', needle):
            for number in range(first, last + 1):
                if piece in self.lines[number - 1]:
                    return number
        return first if concept_index is not None else (line_of(self.text, needle) or 1)

    def concept_line(self, concept_index: int) -> int:
        """The line of the concept's ``[[concept]]`` header (1 when there is none)."""
        return self.concept_lines[concept_index] if concept_index < len(self.concept_lines) else 1

    def add(self, line: int, entry: str, reason: str) -> None:
        self.problems.append(f"{self.label}, line {line}: entry {entry}: {reason}")


def pack_header(data: dict[str, Any], report: Reporter) -> dict[str, Any]:
    """The [pack] table ({} when missing), its unknown keys reported."""
    header = data.get("pack")
    if not isinstance(header, dict):
        report.add(1, "[pack]", "the [pack] table is missing — start the file with [pack] "
                                "and name, version, author, description, sides")
        header = {}
    for key in sorted(set(header) - PACK_KEYS):
        report.add(report.line(key), f"[pack].{key}", "unknown key — remove it or fix "
                   f"the spelling (allowed: {', '.join(sorted(PACK_KEYS))})")
    return header


def pack_name(header: dict[str, Any], report: Reporter) -> str:
    """The pack's name ("" when missing), reported unless lower_snake_case."""
    name = required_text(header, "name", "[pack]", report, report.line("name"))
    if name and not NAME_RE.match(name):
        report.add(report.line("name"), "[pack].name", f"{name!r} is not lower_snake_case — "
                   "use letters, digits and underscores")
    return name


def pack_sources(header: dict[str, Any], report: Reporter) -> list[str]:
    """The pack's sources, [] (reported) when they are not a list of strings."""
    sources = header.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        report.add(report.line("sources"), "[pack].sources", "must be a list of strings")
        sources = []
    return sources


def pack_sides(header: dict[str, Any], report: Reporter) -> dict[str, Any]:
    """The [pack.sides] table ({} when fewer than two), each bad side reported."""
    sides = header.get("sides")
    if not isinstance(sides, dict) or len(sides) < 2:
        report.add(report.line("[pack.sides]"), "[pack.sides]", "list at least two sides, "
                   'each as side_id = "who uses these terms"')
        sides = {}
    for side, who in sides.items():
        if not NAME_RE.match(side) or not isinstance(who, str) or not who.strip():
            report.add(report.line(side), f"[pack.sides].{side}", "a side needs a "
                       'lower_snake_case id and a description: side_id = "who uses these terms"')
    return sides


def concept_entries(data: dict[str, Any], report: Reporter) -> list[Any]:
    """The [[concept]] entries as parsed ([] when none), unknown tables reported."""
    raw_concepts = data.get("concept", [])
    if not isinstance(raw_concepts, list) or not raw_concepts:
        report.add(1, "[[concept]]", "the pack has no [[concept]] entries — add at least one")
        raw_concepts = []
    for key in sorted(set(data) - {"pack", "concept"}):
        report.add(report.line(key), key, "unknown table — only [pack] and [[concept]] "
                   "are allowed")
    return raw_concepts


def required_text(table: dict[str, Any], key: str, entry: str, report: Reporter, line: int) -> str:
    """``table[key]`` stripped, or "" (reported at ``line``) when it is missing, empty or not text."""
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        report.add(line, f"{entry}.{key}", f"{key} is missing or empty — add {key} = \"...\"")
        return ""
    return value.strip()


def check_concept_keys(raw: dict[str, Any], entry: str, index: int, report: Reporter) -> None:
    """Report a bad id, unknown keys and a missing description, note or source."""
    cid = raw.get("id")
    at = report.concept_line(index)
    if not isinstance(cid, str) or not NAME_RE.match(cid):
        report.add(at, entry, 'id is missing or not lower_snake_case — add id = "my_concept"')
    for key in sorted(set(raw) - CONCEPT_KEYS):
        report.add(report.line(key, index), entry, f"unknown key {key!r} — remove it or fix "
                   f"the spelling (allowed: {', '.join(sorted(CONCEPT_KEYS))})")
    for key in ("description", "note", "source"):
        required_text(raw, key, entry, report, at)
    if raw.get("kind", CONCEPT_KINDS[0]) not in CONCEPT_KINDS:
        report.add(report.line("kind", index), entry, f"kind = {raw['kind']!r} must be one of "
                   f"{', '.join(repr(k) for k in CONCEPT_KINDS)}")


def concept_terms(raw: dict[str, Any], entry: str, index: int, report: Reporter) -> dict[str, Any]:
    """The [concept.terms] table ({} when not a table), reported unless it has two sides."""
    terms = raw.get("terms")
    if not isinstance(terms, dict) or len(terms) < 2:
        report.add(report.line("terms", index), entry, "list the terms of at least two sides "
                   "in [concept.terms] — every concept must be symmetric")
        terms = terms if isinstance(terms, dict) else {}
    return terms


def side_is_usable(side: str, items: Any, sides: set[str], entry: str, report: Reporter, index: int) -> bool:
    """Whether a side's terms are a non-empty list; an undeclared side is reported but kept."""
    if side not in sides:
        report.add(report.line(side, index), f"{entry}.{side}", f"side {side!r} is not "
                   f"declared in [pack.sides] — add it there or use one of {sorted(sides)}")
    if not isinstance(items, list) or not items:
        report.add(report.line(side, index), f"{entry}.{side}", "must be a non-empty list "
                   "of terms")
        return False
    return True


def read_options(table: dict[str, Any], defaults: dict[str, Any], entry: str, report: Reporter,
                 line_of_key: Callable[[str], int]) -> dict[str, Any]:
    """``defaults`` updated by the table's near, window, scope and flags; bad values reported."""
    options = dict(defaults)
    if "near" in table:
        near = context_words(table["near"], "near", entry, report, line_of_key("near"))
        if near is not None:
            options["near"] = near
    if "window" in table:
        window = table["window"]
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 200:
            report.add(line_of_key("window"), entry, f"window = {window!r} must be a whole "
                       "number of words from 1 to 200")
        else:
            options["window"] = window
    if "scope" in table:
        if table["scope"] not in SCOPES:
            report.add(line_of_key("scope"), entry, f"scope = {table['scope']!r} must be one of "
                       f"{', '.join(repr(s) for s in SCOPES)}")
        else:
            options["scope"] = table["scope"]
    options.update(_read_dates(table, entry, report, line_of_key))
    for flag in ("case_sensitive", "inflect", "in_names"):
        if flag in table:
            if not isinstance(table[flag], bool):
                report.add(line_of_key(flag), entry, f"{flag} must be true or false")
            else:
                options[flag] = table[flag]
    return options


def _read_dates(table: dict[str, Any], entry: str, report: Reporter,
                line_of_key: Callable[[str], int]) -> dict[str, str]:
    """The table's valid ``since`` and ``until`` as ISO dates; bad values reported."""
    dates = {}
    for key in ("since", "until"):
        if key in table:
            day = iso_day(table[key])
            if day is None:
                report.add(line_of_key(key), entry, f"{key} = {table[key]!r} must be a date "
                           "written YYYY-MM-DD, e.g. since = 2019-08-14")
            else:
                dates[key] = day
    return dates


def iso_day(value: Any) -> str | None:
    """``value`` (a TOML date or a YYYY-MM-DD string) as an ISO date string; None when it is neither.

    >>> iso_day("2019-08-14"), iso_day(datetime.date(2014, 3, 18)), iso_day("August 2019")
    ('2019-08-14', '2014-03-18', None)
    """
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def concept_evidence(raw: dict[str, Any], entry: str, by_side: dict[str, tuple[Any, ...]],
                     report: Reporter, index: int) -> dict[str, str]:
    """The [concept.evidence] table: side -> the source showing that side uses the terms.

    Every side it names must be one of the concept's sides, and each source
    non-empty text; which terms still lack evidence is :func:`unsourced_terms`'s
    business (a warning, not an error).
    """
    evidence = raw.get("evidence", {})
    line = report.line("evidence", index)
    if not isinstance(evidence, dict):
        report.add(line, entry, "evidence must be a table: side = \"the source showing the side "
                   "uses these terms\"")
        return {}
    kept = {}
    for side, source in evidence.items():
        if side not in by_side:
            report.add(line, f"{entry}.evidence", f"{side!r} is not one of the concept's sides "
                       f"({', '.join(by_side)})")
        elif not isinstance(source, str) or not source.strip():
            report.add(line, f"{entry}.evidence", f"the evidence for {side!r} must be non-empty "
                       "text naming a source")
        else:
            kept[side] = " ".join(source.split())
    return kept


def dated_terms_note(raw: dict[str, Any], entry: str, by_side: dict[str, tuple[Any, ...]],
                     sides: set[str], report: Reporter, index: int) -> str:
    """The concept's ``date_note``, required when one of its terms has ``since`` or ``until``.

    A dated term outside its dates counts as descriptive, so the pack must
    declare a descriptive side, and the note must say where the change of
    convention is documented.
    """
    note = raw.get("date_note", "")
    note = " ".join(note.split()) if isinstance(note, str) else ""
    dated = [t for terms in by_side.values() for t in terms if t.dated]
    if dated and not note:
        report.add(report.concept_line(index), entry, f"term {dated[0].term!r} has since/until: "
                   'add date_note = "..." saying when and where the convention changed')
    if dated and DESCRIPTIVE_SIDE not in sides:
        report.add(report.concept_line(index), entry, f"term {dated[0].term!r} has since/until, so "
                   f"the pack needs a {DESCRIPTIVE_SIDE!r} side in [pack.sides] (a dated term "
                   "counts as descriptive outside its dates)")
    return note


def unsourced_terms(concepts: Iterable[Any], label: str) -> list[str]:
    """Warnings for the terms of a non-descriptive side that no source backs.

    A term is backed by its own ``source`` or by the concept's evidence for its side.
    """
    warnings = []
    for concept in concepts:
        evidence = concept.evidence or {}
        for side, terms in concept.terms.items():
            if side == DESCRIPTIVE_SIDE or side in evidence:
                continue
            missing = [t.term for t in terms if not t.source]
            if missing:
                warnings.append(f"{label}: {concept.id}.{side}: no source for {', '.join(map(repr, missing))} "
                                f"— add [concept.evidence] {side} = \"...\" or a term's source = \"...\"")
    return warnings


def context_words(words: Any, key: str, entry: str, report: Reporter, line: int) -> frozenset[str] | None:
    """Single words, lower-cased, or None (reported) when ``words`` is not a list of them."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() and " " not in w.strip()
                                              for w in words):
        report.add(line, entry, f"{key} must be a list of single words, e.g. "
                   f'{key} = ["Crimea", "Crimean"]')
        return None
    return frozenset(w.strip().lower() for w in words)


def form_words(forms: Iterable[str]) -> set[str]:
    """The lower-case words and word parts of ``forms`` ("Russia's war" -> russia, s, war)."""
    return {part for form in forms for part in WORD_PARTS_RE.split(form.lower()) if part}


def check_not_self_anchored(term: str, forms: Iterable[str], near: frozenset[str], entry: str,
                            report: Reporter, line: int) -> None:
    """Report context words that are words of the term itself: such a term would anchor itself.

    ("bloc" with near = ["NATO", "bloc"] always has "bloc" in its context.)
    """
    own = sorted(near & form_words(forms))
    if own:
        report.add(line, entry, f"term {term!r} contains its own context word(s) "
                   f"{', '.join(repr(w) for w in own)} — a context word must never be the matched "
                   f"term itself: remove {own[0]!r} from near, or give the term its own "
                   f'near list ({{ term = "{term}", near = [...] }}; near = [] if it names the '
                   "referent by itself)")


def pack_topic(header: dict[str, Any], report: Reporter) -> dict[str, Any] | None:
    """The [pack.topic] table (None when absent): anchors, min_mentions and note, checked."""
    if "topic" not in header:
        return None
    topic = header["topic"]
    line = report.line("[pack.topic]")
    if not isinstance(topic, dict):
        report.add(line, "[pack.topic]", "must be a table: [pack.topic] with anchors, min_mentions "
                   "and note")
        return None
    for key in sorted(set(topic) - TOPIC_KEYS):
        report.add(report.line(key), f"[pack.topic].{key}", "unknown key — remove it or fix the "
                   f"spelling (allowed: {', '.join(sorted(TOPIC_KEYS))})")
    anchors = topic.get("anchors")
    if not isinstance(anchors, list) or not anchors:
        report.add(report.line("anchors"), "[pack.topic].anchors", "list the words or names that "
                   'show an article is about the topic, e.g. anchors = ["Crimea", "Kremlin"]')
        anchors = []
    minimum = topic.get("min_mentions")
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        report.add(report.line("min_mentions"), "[pack.topic].min_mentions", f"min_mentions = "
                   f"{minimum!r} must be a whole number of at least 1 (mentions of the anchors an "
                   "article needs for the pack to apply)")
        minimum = 1
    note = required_text(topic, "note", "[pack.topic]", report, line)
    return {"anchors": anchors, "min_mentions": minimum, "note": note, **_topic_focus(topic, report)}


def _topic_focus(topic: dict[str, Any], report: Reporter) -> dict[str, Any]:
    """The optional lead_words (an anchor in the title or the first N words) and min_per_1k (density)."""
    lead = topic.get("lead_words", 0)
    if isinstance(lead, bool) or not isinstance(lead, int) or lead < 0:
        report.add(report.line("lead_words"), "[pack.topic].lead_words", f"lead_words = {lead!r} must "
                   "be a whole number of words (an anchor must be in the title or the first N words; "
                   "0 = anywhere)")
        lead = 0
    density = topic.get("min_per_1k", 0)
    if isinstance(density, bool) or not isinstance(density, int | float) or density < 0:
        report.add(report.line("min_per_1k"), "[pack.topic].min_per_1k", f"min_per_1k = {density!r} "
                   "must be a number of anchor mentions per 1,000 words, 0 or more")
        density = 0
    return {"lead_words": lead, "min_per_1k": float(density)}


def exclusion_entries(raw: dict[str, Any], entry: str, index: int, report: Reporter) -> list[dict[str, Any]]:
    """The concept's exclusions as tables; a plain phrase ("Cold War") is a table without a note.

    Each table has ``phrases`` (inside which the terms do not count) and/or
    ``near`` (words that, in its scope, show another sense), an optional
    ``terms`` (the terms it applies to; all when absent), ``scope``/``window``
    and a ``note`` saying why.
    """
    raw_exclude = raw.get("exclude", [])
    line = report.line("exclude", index)
    if not isinstance(raw_exclude, list):
        report.add(line, entry, 'exclude must be a list of phrases or tables, e.g. exclude = '
                   '["Cold War"] or [[concept.exclude]] with phrases, near and note')
        return []
    tables = []
    for item in raw_exclude:
        if isinstance(item, str):
            tables.append({"phrases": [item]})
        elif isinstance(item, dict) and _exclusion_is_valid(item, entry, report, line):
            tables.append(item)
        elif not isinstance(item, dict):
            report.add(line, entry, f"exclusion {item!r} must be a phrase or a table with phrases "
                       "or near, and a note")
    return tables


def _exclusion_is_valid(item: dict[str, Any], entry: str, report: Reporter, line: int) -> bool:
    """Whether an exclusion table has known keys, phrases or near words, and a note."""
    problems = len(report.problems)
    for key in sorted(set(item) - EXCLUDE_KEYS):
        report.add(line, f"{entry}.exclude", f"unknown key {key!r} (allowed: "
                   f"{', '.join(sorted(EXCLUDE_KEYS))})")
    phrases = item.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        report.add(line, f"{entry}.exclude", 'phrases must be a list of phrases, e.g. '
                   'phrases = ["voting bloc"]')
    if not phrases and "near" not in item:
        report.add(line, f"{entry}.exclude", "an exclusion needs phrases (inside which the terms do "
                   "not count) or near (words that show another sense)")
    terms = item.get("terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        report.add(line, f"{entry}.exclude", 'terms must be a list of the concept\'s terms, e.g. '
                   'terms = ["bloc"]')
    required_text(item, "note", f"{entry}.exclude", report, line)
    return len(report.problems) == problems
