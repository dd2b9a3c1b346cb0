"""Lexicon packs of contested concepts: the file format, the pack types and loading.

A *pack* is a TOML file listing *concepts* -- one referent that different
sides name differently ("reunification" / "annexation" for Crimea in 2014) --
with the terms each side uses.  Packs ship in ``framing/data/lexicons/``; a
user may write more and pass them with ``--lexicon FILE``.

File format
-----------
::

    [pack]
    name = "russia_ukraine_nato"        # lower_snake_case, unique among loaded packs
    version = "1.0"
    author = "framing project"
    description = "Contested terms of the Russia-Ukraine-NATO conflict since 2014."
    sources = ["AP Stylebook", "UN General Assembly resolution 68/262 (2014)"]

    [pack.sides]                        # every side a concept may use, with who uses it
    russia = "Terms of the Russian government and Russian state media"
    ukraine_west = "Terms of the Ukrainian government, NATO governments and Western style guides"

    [[concept]]
    id = "crimea_2014"                  # lower_snake_case, unique in the pack
    description = "How the change of Crimea's status in March 2014 is named."
    note = "Why the terms differ, who uses which."
    source = "Where the pairing is documented."
    near = ["Crimea", "Crimean"]        # optional: count a term only near one of these words
    exclude = ["Crimean War"]           # optional: phrases inside which the terms do not count
    window = 15                         # optional: how many words either side (default 15)
    case_sensitive = false              # optional (default false): match letter case exactly
    inflect = true                      # optional (default true): also match the plural

    [concept.terms]                     # at least two sides, each a non-empty list
    russia = ["reunification", "accession", { term = "return", window = 6 }]
    ukraine_west = ["annexation", "illegal annexation", "occupation", "annex{|es|ed|ing}"]

A term is a word or phrase.  Matching is whole-word; a space in a term matches
any run of spaces or hyphens, a hyphen is optional ("de-escalation" matches
"deescalation"), and either apostrophe matches.  With ``inflect`` the last word
also matches its regular plural ("militia" -> "militias", "policy" ->
"policies"); ``{a|b}`` spells out other forms ("annex{|es|ed|ing}").  A term
may be an inline table ``{ term = "...", near = [...], window = N,
case_sensitive = true }`` overriding the concept's settings (``near = []``
lifts the concept's constraint for that term).  Unknown keys are errors, so a
misspelt key is never silently ignored.

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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from framing.datafiles import packaged_text, parse_toml
from framing.errors import DataFileError
from framing.lexicons.forms import expand_forms, match_key
from framing.lexicons.pack_checks import (
    Reporter,
    check_concept_keys,
    concept_entries,
    concept_terms,
    pack_header,
    pack_name,
    pack_sides,
    pack_sources,
    read_options,
    required_text,
    side_is_usable,
)

PACK_DIR = ("data", "lexicons")
DEFAULT_WINDOW = 15
TERM_KEYS = {"term", "near", "window", "case_sensitive", "inflect"}


@dataclass(frozen=True)
class Term:
    """One term of one side of a concept, with the surface forms it matches."""

    pack: str
    concept: str
    side: str
    term: str
    forms: tuple[str, ...]
    near: frozenset[str]
    window: int
    case_sensitive: bool


@dataclass(frozen=True)
class Concept:
    """A referent named differently by different sides."""

    id: str
    description: str
    note: str
    source: str
    terms: dict[str, tuple[Term, ...]]  # side -> terms, in file order
    exclude: tuple[Term, ...] = ()  # phrases inside which this concept's terms do not count

    @property
    def sides(self) -> list[str]:
        return list(self.terms)


@dataclass(frozen=True)
class Pack:
    """A lexicon pack: header, sides and concepts."""

    name: str
    version: str
    author: str
    description: str
    sources: tuple[str, ...]
    sides: dict[str, str]
    concepts: tuple[Concept, ...]
    path: str

    def all_terms(self) -> list[Term]:
        """Every term of every side, then the exclusions (whose ``side`` is "")."""
        terms = [t for c in self.concepts for side in c.terms.values() for t in side]
        return terms + [t for c in self.concepts for t in c.exclude]


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
    raw_concepts = concept_entries(data, report)
    concepts = _build_concepts(raw_concepts, name or "pack", set(sides), report)
    return Pack(name or "", str(header.get("version", "")), str(header.get("author", "")),
                str(header.get("description", "")), tuple(sources), dict(sides),
                tuple(concepts), label)


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
    defaults = read_options(raw, {"near": frozenset(), "window": DEFAULT_WINDOW,
                                  "case_sensitive": False, "inflect": True},
                            entry, report, lambda key: report.line(key, index))
    terms = concept_terms(raw, entry, index, report)
    by_side = _terms_by_side(terms, pack, entry, sides, defaults, report, index)
    exclude = _exclusions(raw, pack, entry, defaults, report, index)
    if not isinstance(cid, str):
        return None
    return Concept(cid, str(raw.get("description", "")), str(raw.get("note", "")),
                   str(raw.get("source", "")), by_side, exclude)


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


def _exclusions(raw: dict[str, Any], pack: str, entry: str, defaults: dict[str, Any], report: Reporter,
                index: int) -> tuple[Term, ...]:
    """The concept's ``exclude`` phrases as terms (matched anywhere: no ``near``)."""
    raw_exclude = raw.get("exclude", [])
    if not isinstance(raw_exclude, list) or not all(isinstance(x, str) for x in raw_exclude):
        report.add(report.line("exclude", index), entry, 'exclude must be a list of phrases, '
                   'e.g. exclude = ["Cold War"]')
        raw_exclude = []
    exclude = []
    for phrase in raw_exclude:
        term = _build_term(phrase, pack, entry, "", {**defaults, "near": frozenset()}, report,
                           index)
        if term is not None:
            exclude.append(term)
    return tuple(exclude)


def _build_term(item: Any, pack: str, entry: str, side: str, defaults: dict[str, Any],
                report: Reporter, index: int) -> Term | None:
    options = defaults
    if isinstance(item, dict):
        text = item.get("term")
        line = report.line(str(text), index) if isinstance(text, str) else report.line(side, index)
        for key in sorted(set(item) - TERM_KEYS):
            report.add(line, f"{entry}.{side}", f"unknown key {key!r} in a term table "
                       f"(allowed: {', '.join(sorted(TERM_KEYS))})")
        options = read_options(item, defaults, f"{entry}.{side}", report, lambda key: line)
    else:
        text = item
    if not isinstance(text, str) or not re.search(r"\w", text or ""):
        report.add(report.line(side, index), f"{entry}.{side}", f"term {text!r} must be a "
                   'non-empty word or phrase, or a table { term = "..." }')
        return None
    if text.count("{") != text.count("}"):
        report.add(report.line(text, index), f"{entry}.{side}", f"term {text!r} has "
                   "unbalanced braces — write alternatives as word{|s|ed}")
        return None
    forms = tuple(expand_forms(text, options["inflect"]))
    return Term(pack, entry, side, " ".join(text.split()), forms, options["near"],
                options["window"], options["case_sensitive"])
