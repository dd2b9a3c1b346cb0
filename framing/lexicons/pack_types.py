"""The types a lexicon pack loads into: packs, concepts, terms, exclusions and topic gates.

:mod:`framing.lexicons.packs` documents the file format and builds these from
it; :mod:`framing.lexicons.matcher` finds the terms; the lexicon feature
family (:mod:`framing.features.lexicon`) applies the topic gate.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.lexicons.forms import term_label

DEFAULT_WINDOW = 15
# The side of plain description: its terms need no evidence, and a dated term outside its
# dates counts for it (``since``/``until``).
DESCRIPTIVE_SIDE = "descriptive"
# What a concept is about: an event or referent of the story ("event", the default), or a
# spelling convention, which a report puts after every other difference.
CONCEPT_KINDS = ("event", "spelling")
# The concept name of a pack's topic anchors: not a valid concept id, so it never clashes with one.
TOPIC_CONCEPT = "[topic]"


@dataclass(frozen=True)
class Context:
    """Words looked for around a match: within ``window`` words, or in its sentence or paragraph."""

    words: frozenset[str]
    scope: str = "window"
    window: int = DEFAULT_WINDOW


@dataclass(frozen=True)
class Term:
    """One term of one side of a concept, with the surface forms it matches.

    ``role`` is ``"term"`` for a side's term, ``"exclude"`` for an exclusion
    phrase (``side`` is then "") and ``"anchor"`` for a topic anchor.
    ``unless`` holds the word lists of the concept's exclusions that apply to
    this term: a match with one of them in scope does not count.  ``since`` and
    ``until`` (ISO dates, "" when open) bound when the term belongs to its side;
    outside them it counts as descriptive.  ``source`` is the term's own
    evidence, when the concept's evidence for its side does not cover it.
    """

    pack: str
    concept: str
    side: str
    term: str
    forms: tuple[str, ...]
    near: frozenset[str]
    window: int
    case_sensitive: bool
    scope: str = "window"
    in_names: bool = True
    unless: tuple[Context, ...] = ()
    role: str = "term"
    since: str = ""
    until: str = ""
    source: str = ""
    period: tuple[str, str] = ("", "")  # the concept's own since/until: when its referent exists

    @property
    def label(self) -> str:
        """How reports name the term: ``annex{|ed}`` as "annex / annexed" (:func:`term_label`)."""
        return term_label(self.term)

    @property
    def dated(self) -> bool:
        """Whether the term belongs to its side only from or until a date."""
        return bool(self.since or self.until)


@dataclass(frozen=True)
class Exclusion:
    """Where a concept's terms mean something else: phrases, or words in scope, and why."""

    note: str
    phrases: tuple[str, ...] = ()
    near: Context | None = None
    terms: tuple[str, ...] = ()  # the terms (as written) it applies to; all when empty


@dataclass(frozen=True)
class Topic:
    """A pack's topic gate: when an article is about the pack's topic.

    It needs ``min_mentions`` anchor mentions (title and body), one of them in
    the title or the first ``lead_words`` words (0: anywhere), and at least
    ``min_per_1k`` mentions per 1,000 words of the body (0: any density).
    """

    anchors: tuple[Term, ...]
    min_mentions: int
    note: str
    lead_words: int = 0
    min_per_1k: float = 0.0


@dataclass(frozen=True)
class Concept:
    """A referent named differently by different sides."""

    id: str
    description: str
    note: str
    source: str
    terms: dict[str, tuple[Term, ...]]  # side -> terms, in file order
    exclude: tuple[Term, ...] = ()  # phrases inside which this concept's terms do not count
    exclusions: tuple[Exclusion, ...] = ()  # every exclusion as written, with its note
    evidence: dict[str, str] | None = None  # side -> the source showing that side uses its terms
    date_note: str = ""  # why and since when a dated term's side holds (the source of the change)
    kind: str = "event"  # one of CONCEPT_KINDS

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
    topic: Topic | None = None  # None: the pack applies to every article

    def all_terms(self) -> list[Term]:
        """Every term of every side, then the exclusion phrases, then the topic anchors."""
        terms = [t for c in self.concepts for side in c.terms.values() for t in side]
        terms += [t for c in self.concepts for t in c.exclude]
        return terms + list(self.topic.anchors if self.topic else ())
