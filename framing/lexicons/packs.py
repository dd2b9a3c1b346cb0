"""Lexicon packs of contested concepts: the file format and loading.

A *pack* is a TOML file listing *concepts* -- one referent that different
sides name differently ("reunification" / "annexation" for Crimea in 2014) --
with the terms each side uses.  Packs ship in ``framing/data/lexicons/``; a
user may write more and pass them with ``--lexicon FILE``.  The types they
load into are in :mod:`framing.lexicons.pack_types`.

A term counts only where its referent is in play: in an article about the
pack's topic (``[pack.topic]``), with the concept's context words in scope
(``near``, ``scope``), outside the phrases and contexts where it means
something else (``exclude``), and, for a term written in lower case, not as
part of a capitalised name (``in_names``).

File format
-----------
::

    [pack]
    name = "russia_ukraine_nato"        # lower_snake_case, unique among loaded packs
    version = "1.1"
    author = "framing project"
    description = "Contested terms of the Russia-Ukraine-NATO conflict since 2014."
    sources = ["AP Stylebook", "UN General Assembly resolution 68/262 (2014)"]

    [pack.topic]                        # optional: without it the pack applies to every article
    anchors = ["Russia", "Kremlin", "Crimea", { term = "NATO", case_sensitive = true }]
    min_mentions = 3                    # the pack applies when the anchors are mentioned this often
    note = "Why these anchors and this threshold (measured on which articles)."

    [pack.sides]                        # every side a concept may use, with who uses it
    russia = "Terms of the Russian government and Russian state media"
    ukraine_west = "Terms of the Ukrainian government, NATO governments and Western style guides"

    [[concept]]
    id = "crimea_2014"                  # lower_snake_case, unique in the pack
    description = "How the change of Crimea's status in March 2014 is named."
    note = "Why the terms differ, who uses which."
    source = "Where the pairing is documented."
    near = ["Crimea", "Crimean"]        # optional: count a term only with one of these words in scope
    scope = "sentence"                  # optional: where near is looked for: "window" (default),
                                        #   "sentence", "paragraph" or "article"
    window = 15                         # optional: words either side when scope = "window" (default 15)
    case_sensitive = false              # optional (default false): match letter case exactly
    inflect = true                      # optional (default true): also match the plural
    in_names = false                    # optional (default false): see "Case and names" below
    kind = "event"                      # optional: "event" (default) or "spelling", a convention
                                        #   the report ranks after every other difference

    [concept.terms]                     # at least two sides, each a non-empty list
    russia = ["reunification", "accession", { term = "return", scope = "window", window = 6 }]
    ukraine_west = ["annexation", "illegal annexation", "annex{|es|ed|ing}",
                    { term = "occupied Crimea", near = [] }]

    [concept.evidence]                  # per side but "descriptive": the source showing the side
    russia = "Kremlin address, 18 March 2014 ('reunification')"   # uses these terms (and, in
    ukraine_west = "UNGA resolution 68/262 (2014)"                # the note, that others avoid them)

    [[concept.exclude]]                 # optional, repeatable: where the terms mean something else
    phrases = ["Crimean War"]           # the terms do not count inside these phrases
    note = "The war of 1853-1856, not the events of 2014."

    [[concept.exclude]]
    near = ["EU", "Brussels"]           # ... nor with one of these words in scope
    terms = ["bloc"]                    # optional: the terms (as written) it applies to; all when absent
    scope = "sentence"                  # optional: as for the concept (its scope by default)
    note = "'The bloc' in a sentence about the EU is the EU."

Terms
    A term is a word or phrase.  Matching is whole-word; a space in a term
    matches any run of spaces or hyphens, a hyphen is optional
    ("de-escalation" matches "deescalation"), and either apostrophe matches.
    With ``inflect`` the last word also matches its regular plural ("militia"
    -> "militias", "policy" -> "policies"); ``{a|b}`` spells out other forms
    ("annex{|es|ed|ing}").  A term may be an inline table ``{ term = "...",
    near = [...], scope = "...", window = N, case_sensitive = true, inflect =
    false, in_names = true }`` overriding the concept's settings (``near = []``
    lifts the concept's constraint for that term).  Unknown keys are errors,
    so a misspelt key is never silently ignored.
Evidence
    A term belongs to a side only where that side uses it and the other avoids
    it; words every wire service uses go under ``descriptive``.  Each other
    side names its source in ``[concept.evidence]`` (or a term its own
    ``source = "..."``); ``framing lexicon check`` lists terms no source backs
    (``--strict`` fails on them).
Dates
    A concept whose referent exists only in a period (the territories Russia
    has held since 2022) has its own ``since``/``until``: in an article dated
    outside it, its terms do not count at all.
    A convention that changed on a known day is dated: ``{ term = "Kiev",
    since = 2019-08-14 }`` counts for its side only in articles dated from
    that day (``until`` bounds it the other way); elsewhere it counts as
    descriptive (:mod:`framing.lexicons.dates`).  A concept with dated terms
    says where the change is documented in ``date_note``.  In an undated
    article a dated term counts as descriptive (its side depends on the date),
    and its finding says the article was read undated.
Context words are never the term itself
    A context word (``near``) may not be a word of the term it applies to:
    "bloc" with ``near = ["NATO", "bloc"]`` would always find its own context.
    Such a pack is rejected, naming the file, the concept and the term; give
    the term its own ``near`` list, or ``near = []`` when it names its
    referent by itself ("occupied Crimea", "NATO expansion").  The words of the
    match itself never count as its context, nor may an exclusion's words be
    part of a term it applies to.
Topic gate
    With a ``[pack.topic]`` table the pack applies to an article only when its
    anchors (words or phrases, matched like terms, in the title and the body)
    are mentioned at least ``min_mentions`` times; otherwise none of its terms
    count for that article (:mod:`framing.lexicons.topic`).  Anchors name the
    topic (places, leaders, institutions) rather than contested terms.
Exclusions
    Each exclusion is data with a ``note`` saying why: ``phrases`` inside
    which the concept's terms do not count, and/or ``near`` words that show
    another sense in the exclusion's ``scope``.  The older short form
    ``exclude = ["Cold War"]`` (phrases without a note) is still read.
Case and names
    A term written in lower case does not count as part of a capitalised name
    in running text ("the National Alliance for Public Charter Schools", "the
    Great Barrier Reef", "the Clean Power Plan") unless ``in_names = true``;
    headline-case lines are not running text.  With ``case_sensitive`` a term
    written in lower case still matches with a capital at the start of a
    sentence, so ``{ term = "resistance", case_sensitive = true }`` skips "the
    Resistance" inside a sentence.

Errors raise :class:`~framing.errors.DataFileError` naming the file, the line
and the entry, and saying how to fix it; the checks of each entry are in
:mod:`framing.lexicons.pack_checks`.

Examples
--------
>>> pack = load_pack("russia_ukraine_nato")
>>> pack.name, "crimea_2014" in [c.id for c in pack.concepts]
('russia_ukraine_nato', True)
>>> expand_forms("annex{|es|ed|ing}", inflect=True)
['annex', 'annexed', 'annexes', 'annexing']
>>> expand_forms("separatist", inflect=True)
['separatist', 'separatists']
"""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from framing.datafiles import packaged_text, parse_toml
from framing.errors import DataFileError
from framing.lexicons.forms import expand_forms, match_key
from framing.lexicons.pack_checks import (
    Reporter,
    check_concept_keys,
    check_not_self_anchored,
    concept_entries,
    concept_evidence,
    concept_terms,
    dated_terms_note,
    exclusion_entries,
    pack_header,
    pack_name,
    pack_sides,
    pack_sources,
    pack_topic,
    read_options,
    required_text,
    side_is_usable,
    unsourced_terms,
)
from framing.lexicons.pack_exclusions import exclusion_context, with_exclusions
from framing.lexicons.pack_types import (
    DEFAULT_WINDOW,
    DESCRIPTIVE_SIDE,
    TOPIC_CONCEPT,
    Concept,
    Context,
    Exclusion,
    Pack,
    Term,
    Topic,
)

__all__ = ["Concept", "Context", "Exclusion", "Pack", "Term", "Topic", "check_pack", "list_packs",
           "load_pack", "load_packs", "pack_warnings"]

PACK_DIR = ("data", "lexicons")
TERM_KEYS = {"term", "near", "window", "scope", "case_sensitive", "in_names", "inflect", "since", "until",
             "source"}
# A concept's options when the file does not set them.
CONCEPT_DEFAULTS = {"near": frozenset(), "window": DEFAULT_WINDOW, "scope": "window",
                    "case_sensitive": False, "inflect": True, "in_names": False, "since": "",
                    "until": ""}
# Topic anchors: whole words or phrases, any letter case unless asked, with their plural.
ANCHOR_DEFAULTS = {**CONCEPT_DEFAULTS, "in_names": True}


def list_packs() -> list[str]:
    """Names of the packs shipped with framing, sorted.

    >>> "immigration" in list_packs()
    True
    """
    folder = resources.files("framing").joinpath(*PACK_DIR)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_pack(name_or_path: str | Path) -> Pack:
    """Load and validate a shipped pack by name, or a pack file by path.

    Raises
    ------
    DataFileError
        When the file is missing, is not valid TOML, or breaks the format.
    """
    text, label = _read(name_or_path)
    problems: list[str] = []
    pack = _build(parse_toml(text, label), text, label, problems)
    if problems:
        raise DataFileError(problems[0])
    return pack


def check_pack(path: str | Path) -> list[str]:
    """Every problem in a pack file, as messages; an empty list when it is valid.

    >>> check_pack("russia_ukraine_nato")
    []
    """
    try:
        text, label = _read(path)
        data = parse_toml(text, label)
    except DataFileError as error:
        return [str(error)]
    problems: list[str] = []
    _build(data, text, label, problems)
    return problems


def pack_warnings(path: str | Path) -> list[str]:
    """What a valid pack still lacks: the terms of a non-descriptive side that no source backs.

    >>> pack_warnings("russia_ukraine_nato")
    []
    """
    pack = load_pack(path)
    return unsourced_terms(pack.concepts, pack.path)


def load_packs(names: list[str] | None = None, files: tuple[str | Path, ...] = ()) -> list[Pack]:
    """Shipped packs (all when ``names`` is None) plus user files; names must be unique."""
    packs = [load_pack(n) for n in (list_packs() if names is None else names)]
    packs += [load_pack(Path(f)) for f in files]
    seen: dict[str, str] = {}
    for pack in packs:
        if pack.name in seen:
            raise DataFileError(
                f"{pack.path}: pack name {pack.name!r} is already used by {seen[pack.name]} "
                "— give the pack a different [pack] name")
        seen[pack.name] = pack.path
    return packs


def _read(name_or_path: str | Path) -> tuple[str, str]:
    source = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in source or source.endswith(".toml"):
        path = Path(source)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            raise DataFileError(f"{path}: file not found — check the path") from None
        except (UnicodeDecodeError, OSError) as error:
            raise DataFileError(f"{path}: cannot read ({error}) — save it as UTF-8 text") from None
    if source not in list_packs():
        raise DataFileError(f"no lexicon pack named {source!r} — choose one of "
                            f"{', '.join(list_packs())}, or give a path to a .toml file")
    text = packaged_text("lexicons", f"{source}.toml")
    return text, f"framing/data/lexicons/{source}.toml"


def _build(data: dict[str, Any], text: str, label: str, problems: list[str]) -> Pack:
    report = Reporter(text, label, problems)
    header = pack_header(data, report)
    name = pack_name(header, report)
    for key in ("version", "author", "description"):
        required_text(header, key, "[pack]", report, report.line(key))
    sources = pack_sources(header, report)
    sides = pack_sides(header, report)
    topic = _build_topic(pack_topic(header, report), name or "pack", report)
    raw_concepts = concept_entries(data, report)
    concepts = _build_concepts(raw_concepts, name or "pack", set(sides), report)
    return Pack(name or "", str(header.get("version", "")), str(header.get("author", "")),
                str(header.get("description", "")), tuple(sources), dict(sides),
                tuple(concepts), label, topic)


def _build_topic(raw: dict[str, Any] | None, pack: str, report: Reporter) -> Topic | None:
    """The pack's topic gate from its checked [pack.topic] table (None when the pack has none)."""
    if raw is None:
        return None
    anchors = []
    for item in raw["anchors"]:
        anchor = _build_term(item, pack, "[pack.topic]", "", ANCHOR_DEFAULTS, report, None,
                             role="anchor")
        if anchor is not None:
            anchors.append(replace(anchor, concept=TOPIC_CONCEPT))
    return Topic(tuple(anchors), raw["min_mentions"], raw["note"], raw["lead_words"], raw["min_per_1k"])


def _build_concepts(raw_concepts: list[Any], pack: str, sides: set[str], report: Reporter) -> list[Concept]:
    """The valid concepts, in file order; a repeated id is reported."""
    concepts: list[Concept] = []
    seen_ids: set[str] = set()
    for index, raw in enumerate(raw_concepts):
        concept = _build_concept(raw, index, pack, sides, report)
        if concept is None:
            continue
        if concept.id in seen_ids:
            report.add(report.line(f'"{concept.id}"', index), concept.id,
                       "duplicate concept id — give each concept its own id")
        seen_ids.add(concept.id)
        concepts.append(concept)
    return concepts


def _build_concept(raw: Any, index: int, pack: str, sides: set[str],
                   report: Reporter) -> Concept | None:
    if not isinstance(raw, dict):
        report.add(report.concept_line(index), f"concept #{index + 1}", "must be a table")
        return None
    cid = raw.get("id")
    entry = cid if isinstance(cid, str) and cid else f"concept #{index + 1}"
    check_concept_keys(raw, entry, index, report)
    defaults = read_options(raw, CONCEPT_DEFAULTS, entry, report, lambda key: report.line(key, index))
    # A concept's own since/until is the period its referent exists in, not its terms' dates.
    period = (defaults["since"], defaults["until"])
    defaults = {**defaults, "since": "", "until": ""}
    terms = concept_terms(raw, entry, index, report)
    by_side = _terms_by_side(terms, pack, entry, sides, defaults, report, index)
    if any(period):
        by_side = {side: tuple(replace(t, period=period) for t in built) for side, built in by_side.items()}
    phrases, exclusions = _exclusions(raw, pack, entry, defaults, by_side, report, index)
    by_side = with_exclusions(by_side, exclusions, entry, report, index)
    evidence = concept_evidence(raw, entry, by_side, report, index)
    date_note = dated_terms_note(raw, entry, by_side, sides, report, index)
    if not isinstance(cid, str):
        return None
    return Concept(cid, str(raw.get("description", "")), str(raw.get("note", "")),
                   str(raw.get("source", "")), by_side, phrases, exclusions, evidence, date_note,
                   str(raw.get("kind", "event")))


def _terms_by_side(terms: dict[str, Any], pack: str, entry: str, sides: set[str], defaults: dict[str, Any],
                   report: Reporter, index: int) -> dict[str, tuple[Term, ...]]:
    """Side -> its valid terms, in file order; a form listed for two sides is reported."""
    by_side: dict[str, tuple[Term, ...]] = {}
    owner: dict[str, str] = {}  # match key of a form -> the side that listed it first
    for side, items in terms.items():
        if not side_is_usable(side, items, sides, entry, report, index):
            continue
        built = []
        for item in items:
            term = _build_term(item, pack, entry, side, defaults, report, index)
            if term is not None:
                _claim_forms(term, side, owner, entry, report, index)
                built.append(term)
        by_side[side] = tuple(built)
    return by_side


def _claim_forms(term: Term, side: str, owner: dict[str, str], entry: str, report: Reporter,
                 index: int) -> None:
    """Record ``side`` as the owner of the term's forms, reporting forms another side listed."""
    for form in term.forms:
        key = match_key(form)
        if owner.get(key, side) != side:
            report.add(report.line(term.term, index), f"{entry}.{side}",
                       f"{form!r} is also listed for side {owner[key]!r} — a form "
                       "can belong to one side of a concept only")
        owner[key] = side


def _exclusions(raw: dict[str, Any], pack: str, entry: str, defaults: dict[str, Any],
                by_side: dict[str, tuple[Term, ...]], report: Reporter,
                index: int) -> tuple[tuple[Term, ...], tuple[Exclusion, ...]]:
    """The concept's exclusion phrases as terms (matched anywhere), and every exclusion as written."""
    written = {t.term for terms in by_side.values() for t in terms}
    phrase_terms: list[Term] = []
    exclusions: list[Exclusion] = []
    for table in exclusion_entries(raw, entry, index, report):
        phrases = [" ".join(p.split()) for p in table.get("phrases", [])]
        line = report.line(phrases[0] if phrases else "exclude", index)
        for phrase in phrases:
            term = _build_term(phrase, pack, entry, "", {**defaults, "near": frozenset(), "in_names": True},
                               report, index, role="exclude")
            if term is not None:
                phrase_terms.append(term)
        for name in table.get("terms", []):
            if name not in written:
                report.add(line, f"{entry}.exclude", f"{name!r} is not one of the concept's terms — "
                           "name a term as written in [concept.terms]")
        exclusions.append(Exclusion(str(table.get("note", "")), tuple(phrases),
                                    exclusion_context(table, entry, defaults, report, line),
                                    tuple(table.get("terms", ()))))
    return tuple(phrase_terms), tuple(exclusions)


def _build_term(item: Any, pack: str, entry: str, side: str, defaults: dict[str, Any],
                report: Reporter, index: int | None, role: str = "term") -> Term | None:
    options = defaults
    if isinstance(item, dict):
        text = item.get("term")
        line = report.line(str(text), index) if isinstance(text, str) else report.line(side or entry, index)
        for key in sorted(set(item) - TERM_KEYS):
            report.add(line, f"{entry}.{side}" if side else entry, f"unknown key {key!r} in a term "
                       f"table (allowed: {', '.join(sorted(TERM_KEYS))})")
        options = read_options(item, defaults, f"{entry}.{side}", report, lambda key: line)
    else:
        text = item
        line = report.line(str(text), index)
    label = f"{entry}.{side}" if side else entry
    if not isinstance(text, str) or not re.search(r"\w", text or ""):
        report.add(report.line(side or entry, index), label, f"term {text!r} must be a "
                   'non-empty word or phrase, or a table { term = "..." }')
        return None
    if text.count("{") != text.count("}"):
        report.add(line, label, f"term {text!r} has unbalanced braces — "
                   "write alternatives as word{|s|ed}")
        return None
    forms = tuple(expand_forms(text, options["inflect"]))
    if options["near"]:
        check_not_self_anchored(text, forms, options["near"], label, report, line)
    if side == DESCRIPTIVE_SIDE:  # plain description needs no dates: it is nobody's term
        options = {**options, "since": "", "until": ""}
    source = item.get("source", "") if isinstance(item, dict) else ""
    if not isinstance(source, str):
        report.add(line, label, "source must be text naming where the term's use is documented")
        source = ""
    return Term(pack, entry, side, " ".join(text.split()), forms, options["near"], options["window"],
                options["case_sensitive"], options["scope"], options["in_names"], (), role,
                options["since"], options["until"], source.strip())
