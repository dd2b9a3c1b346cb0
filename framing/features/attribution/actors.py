"""The actor registry: named people, bodies and outlets, and the words that tie a source to a side.

Read from ``framing/data/actors.toml`` and, optionally, the user's own files
in the same format (later files win).  Lookups are whole-word and run on a
source span only, never on the whole article.

Examples
--------
>>> registry = ActorRegistry.load()
>>> registry.find_actor("Russian Deputy Foreign Minister Aleksandr Grushko").name
'Alexander Grushko'
>>> registry.affiliation_side("a NATO source")
'nato_or_western_gov'
>>> registry.affiliation_side("Crimean leader Sergei Aksyonov")
'russia_gov'
>>> registry.without_clauses("Crimea's regional assembly, which was dissolved by the Ukrainian parliament,")
"Crimea's regional assembly"
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.datafiles import line_of, load_toml
from framing.document.vocabulary import STOPWORDS, TITLES
from framing.errors import DataFileError
from framing.features.attribution.role_lexicon import SPEAKER_ROLES

UNKNOWN_SIDE = "unknown"
UNKNOWN_SIDE_LABEL = "unidentified"
_SIDE_NAME = re.compile(r"[a-z][a-z0-9_]*")
ACTOR_KINDS = ("person", "institution", "media")
ACTORS_FILE = "actors.toml"
# The packaged registries, in loading order (later files win); each may have a topic gate
# (framing.features.attribution.registries).
PACKAGED_FILES = (ACTORS_FILE, "actors_us_politics.toml", "actors_israel_palestine.toml")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
# An affiliation entry: one word ("Kremlin") or a title of several ("Crimean leader").
PHRASE = re.compile(rf"{_WORD.pattern}(?: {_WORD.pattern})*")
# Where a word of a source phrase ends and starts, as _WORD reads it: "Kremlin-backed"
# and "Russia's" are words of their own, not "Kremlin" or "Russia".
_BEFORE_WORD = r"(?<![\w'’.-])"
_AFTER_WORD = r"(?![\w'’-]|\.[^\W_])"


@dataclass(frozen=True)
class Actor:
    """A registered speaker: canonical name, spellings, side and kind."""

    name: str
    aliases: tuple[str, ...]
    side: str
    kind: str
    note: str
    role: str = ""  # one of SPEAKER_ROLES, or "" to read it from the note and the article


class ActorRegistry:
    """Named actors, side-marking affiliation words and source role words."""

    def __init__(
        self,
        actors: Sequence[Actor],
        affiliations: dict[str, str],
        roles: dict[str, bool],
        sides: Mapping[str, str] | None = None,
        clause_words: Iterable[str] = (),
        name_parts: Iterable[str] = (),
    ):
        # Each side a speaker can speak for → the name the report shows.
        self.sides = dict(sides or {})
        self.actors = tuple(actors)
        self.affiliations = dict(affiliations)
        self.roles = dict(roles)
        self.clause_words = frozenset(clause_words)
        # Affiliation words that do not count inside a longer name ("the Washington Post").
        self.name_parts = frozenset(name_parts)
        self._affiliation_re = _alternation(self.affiliations)
        # ", which was dissolved by the Ukrainian parliament,": to the next comma or the end.
        self._clause_re = (
            re.compile(rf"(?<=\S)\s*,?\s+(?:{'|'.join(map(re.escape, sorted(self.clause_words)))})\b[^,]*,?")
            if self.clause_words else None
        )
        self._by_alias: dict[str, Actor] = {}
        for actor in self.actors:
            for spelling in (actor.name, *actor.aliases):
                self._by_alias[_fold(spelling)] = actor
        spellings = sorted(self._by_alias, key=lambda s: (-len(s), s))
        alternation = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings)
        self._alias_re = re.compile(rf"(?<![\w’'])(?:{alternation})(?![\w’'])") if spellings else None

    def find_actor(self, text: str) -> Actor | None:
        """The registered actor named in ``text`` (longest spelling wins), if any."""
        if self._alias_re is None:
            return None
        folded = _fold(text)
        best = None
        for match in self._alias_re.finditer(folded):
            spelling = " ".join(match.group().split())
            if best is None or len(spelling) > len(best):
                best = spelling
        return self._by_alias[best] if best else None

    def actor_named(self, name: str) -> Actor | None:
        """The actor whose canonical name or alias is exactly ``name``."""
        return self._by_alias.get(_fold(name))

    def affiliation_side(self, text: str) -> str | None:
        """The side of the first affiliation word or title in ``text``, if any.

        Whole words, case as written (a lower-case word of an entry also
        matches capitalised, as in a title-case headline); at one position
        the longest entry wins ("Crimean leader" over "Crimean").

        >>> ActorRegistry.load().affiliation_side("Sergei Neverov, the deputy speaker of the State Duma")
        'russia_gov'

        An entry written with ``in_names = false`` does not count inside a
        longer capitalised name: next to a capitalised word that is not a
        title ("the Washington Post", "the American Enterprise Institute",
        "Booker T. Washington"; but "U.S. Ambassador Kelly Craft" counts).
        An entry without a side names none: "U.S. Sen. Chris Murphy, a
        Connecticut Democrat" is a Democrat, not the administration.
        """
        if self._affiliation_re is None:
            return None
        folded = " ".join(text.split())
        for match in self._affiliation_re.finditer(folded):
            if match.group() in self.name_parts and _in_longer_name(folded, match.start(), match.end()):
                continue
            side = self.affiliations[match.group()]
            if side:  # an entry of no side ("U.S. Sen.") only keeps its shorter words ("U.S.") from counting
                return side
        return None

    def is_affiliation(self, text: str) -> bool:
        """Whether ``text`` is one affiliation entry and nothing else ("Kremlin", "State Duma").

        >>> registry = ActorRegistry.load()
        >>> registry.is_affiliation("Kremlin"), registry.is_affiliation("Sergei Aksyonov")
        (True, False)
        """
        return " ".join(text.split()) in self.affiliations

    def without_clauses(self, text: str) -> str:
        """``text`` without its relative clauses: what the source is, not what it did or others did to it.

        A clause opens at a ``[[clause]]`` word after the first word of
        ``text`` and runs to the next comma or the end.

        >>> ActorRegistry.load().without_clauses("Graham, who")
        'Graham'
        """
        if self._clause_re is None:
            return text
        kept = " ".join(self._clause_re.sub(" ", text).split()).strip(" ,")
        return kept or text

    def role_words(self, text: str) -> list[tuple[str, bool]]:
        """The role words in ``text`` with whether each makes a source identifiable."""
        out = []
        for word in _WORD.findall(text.lower()):
            if word in self.roles:
                out.append((word, self.roles[word]))
        return out

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = ()) -> ActorRegistry:
        """The packaged Russia/Ukraine/NATO registry, extended (and overridden) by ``extra_files`` in order.

        :class:`~framing.features.attribution.registries.RegistrySet` holds every
        packaged registry with its topic gate.
        """
        return cls.from_files((ACTORS_FILE, *[Path(f) for f in extra_files]))

    @classmethod
    def from_files(cls, sources: Sequence[str | Path], known_sides: Mapping[str, str] | None = None) -> ActorRegistry:
        """The registry of ``sources`` in order (later files win).

        ``known_sides`` are sides declared by files not read here (a gated
        registry may use a side another file declares); the registry's own
        sides are those its files declare.
        """
        actors: dict[str, Actor] = {}
        affiliations: dict[str, str] = {}
        name_parts: set[str] = set()
        roles: dict[str, bool] = {}
        sides: dict[str, str] = {}
        clause_words: set[str] = set()
        for source in sources:
            data, text, label = load_toml(source)
            sides.update(read_sides(data.get("sides", {}), text, label))
            usable = {**(known_sides or {}), **sides}
            _read_file(data, text, label, actors, affiliations, roles, usable)
            for number, entry in enumerate(data.get("affiliation", [])):
                if entry.get("in_names", True) is False:
                    name_parts.update(_read_affiliation(entry, text, label, number, usable))
            for number, entry in enumerate(data.get("clause", [])):
                clause_words.update(_read_clause(entry, text, label, number))
        return cls(list(actors.values()), affiliations, roles, sides, clause_words, name_parts)

    def side_names(self) -> tuple[str, ...]:
        """Every side, registry order, ``unknown`` last: the sides features are counted for."""
        return (*self.sides, UNKNOWN_SIDE)

    def side_label(self, side: str) -> str:
        """The name the report shows for ``side``."""
        return self.sides[side] if side in self.sides else packaged_side_label(side)


def packaged_side_label(side: str) -> str:
    """The report's name for ``side`` from the packaged registry's ``[sides]`` (a code, spaced, otherwise).

    >>> packaged_side_label("nato_or_western_gov"), packaged_side_label("unknown"), packaged_side_label("gop_senators")
    ('NATO / Western governments', 'unidentified', 'gop senators')
    """
    if side == UNKNOWN_SIDE:
        return UNKNOWN_SIDE_LABEL
    return _packaged_sides().get(side, side.replace("_", " "))


@lru_cache(maxsize=1)
def _packaged_sides() -> dict[str, str]:
    """The packaged registries' ``[sides]`` tables, read once."""
    sides: dict[str, str] = {}
    for source in PACKAGED_FILES:
        data, text, label = load_toml(source)
        sides.update(read_sides(data.get("sides", {}), text, label))
    return sides


def _alternation(entries: Iterable[str]) -> re.Pattern | None:
    """One pattern for whole-word ``entries``, longest first (so the longest wins at a position)."""
    spellings = sorted(entries, key=lambda s: (-len(s), s))
    if not spellings:
        return None
    return re.compile(rf"{_BEFORE_WORD}(?:{'|'.join(map(re.escape, spellings))}){_AFTER_WORD}")


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` stand next to a capitalised word of a name (not a title).

    Also across "of": "the Times of Israel" (but "the Ambassador of Israel" is a title's).

    >>> _in_longer_name("The Times of Israel reported", 13, 19), _in_longer_name("Ambassador of Israel said", 14, 20)
    (True, False)
    """
    after = text[end:].split(maxsplit=1)
    before = text[:start].split()
    if len(before) > 1 and before[-1] == "of":
        before = before[:-1]
    return any(_name_word(word) for word in (after[0] if after else "", before[-1] if before else ""))


def _name_word(word: str) -> bool:
    """Whether ``word`` is a capitalised word of a name: not a title nor a function word."""
    bare = word.strip(".,;:()'’\"“”")
    return bare[:1].isupper() and bare.lower() not in TITLES and bare.lower() not in STOPWORDS


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _table_line(text: str, table: str, number: int) -> int:
    """1-based line of the ``number``-th ``[[table]]`` header in ``text`` (0 if absent)."""
    seen = -1
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[[{table}]]":
            seen += 1
            if seen == number:
                return line_number
    return 0


def read_sides(table: Any, text: str, label: str) -> dict[str, str]:
    """The validated ``[sides]`` table: lower-case side names, each with the name the report shows."""
    if not isinstance(table, dict):
        raise DataFileError(f"{label}: sides must be a table — "
                            'write [sides] then lines like republican = "Republicans"')
    for side, shown in table.items():
        where = f"{label}, line {line_of(text, side + ' =')}: side {side!r}"
        if not _SIDE_NAME.fullmatch(side) or side == UNKNOWN_SIDE:
            raise DataFileError(f"{where}: use lower-case letters, digits and _ (and not 'unknown')")
        if not isinstance(shown, str) or not shown.strip():
            raise DataFileError(f'{where}: give the name the report shows, e.g. {side} = "…"')
    return dict(table)


def _read_file(data, text, label, actors, affiliations, roles, sides) -> None:
    """Validate one parsed registry file and add its entries to ``actors``, ``affiliations`` and ``roles``."""
    _check_tables(data, label)
    seen: dict[str, str] = {}
    for entry in data.get("actor", []):
        actor = _read_actor(entry, text, label, seen, sides)
        seen.update(_spelling_owners(actor))
        actors[actor.name] = actor
    for number, entry in enumerate(data.get("affiliation", [])):
        affiliations.update(_read_affiliation(entry, text, label, number, sides))
    for number, entry in enumerate(data.get("role", [])):
        roles.update(_read_role(entry, text, label, number))


def _check_tables(data: dict, label: str) -> None:
    """Raise on a table other than version, [sides], [[actor]], [[affiliation]], [[role]] and [[clause]]."""
    unknown = sorted(set(data) - {"version", "sides", "topic", "actor", "affiliation", "role", "clause"})
    if unknown:
        raise DataFileError(f"{label}: unknown table(s) {unknown} — "
                            "use [sides], [[actor]], [[affiliation]], [[role]], [[clause]] or [topic]")


def _read_actor(entry: dict, text: str, label: str, seen: dict[str, str], sides: Mapping[str, str]) -> Actor:
    """The validated ``[[actor]]`` ``entry``; ``seen`` maps folded spellings met earlier in the file to names."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(f'{label}: an [[actor]] has no name — add name = "..."')
    line = line_of(text, f'name = "{name}"')
    where = f"{label}, line {line}: entry {name!r}"
    side = _checked_side(entry.get("side"), where, sides)
    kind = _checked_kind(entry.get("kind", "person"), where)
    aliases = _checked_aliases(entry.get("aliases", []), where)
    note = _checked_note(entry.get("note"), where)
    role = entry.get("role", "")
    if role and role not in SPEAKER_ROLES:
        raise DataFileError(f"{where}: role {role!r} is not one of {', '.join(SPEAKER_ROLES)} — use one of them"
                            " (or leave role out to read it from the note)")
    extra = set(entry) - {"name", "aliases", "side", "kind", "note", "role"}
    if extra:
        raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
    _check_spellings_free(name, aliases, seen, where)
    return Actor(name, tuple(aliases), side, kind, note.strip(), role)


def _checked_side(side, where: str, sides: Mapping[str, str]) -> str:
    if side not in sides:
        raise DataFileError(f"{where}: side {side!r} is not one of {', '.join(sides)} — use one of them, "
                            f'or add it under [sides] ({side} = "the name to show")')
    return side


def _checked_kind(kind, where: str) -> str:
    if kind not in ACTOR_KINDS:
        raise DataFileError(
            f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}"
            " — use one of them (leave kind out for a person)"
        )
    return kind


def _checked_aliases(aliases, where: str) -> list[str]:
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(f'{where}: aliases must be a list of names — e.g. aliases = ["Grushko"]')
    return aliases


def _checked_note(note, where: str) -> str:
    if not isinstance(note, str) or not note.strip():
        raise DataFileError(f"{where}: note is missing — say who this is (role, dates)")
    return note


def _check_spellings_free(name: str, aliases: list[str], seen: dict[str, str], where: str) -> None:
    """Raise when a spelling of ``name`` already belongs to another actor of the same file."""
    for spelling in (name, *aliases):
        other = seen.get(_fold(spelling))
        if other and other != name:
            raise DataFileError(f"{where}: {spelling!r} is also a spelling of {other!r} — keep it in one entry")


def _spelling_owners(actor: Actor) -> dict[str, str]:
    """Each folded spelling of ``actor`` mapped to its canonical name."""
    return {_fold(spelling): actor.name for spelling in (actor.name, *actor.aliases)}


def _read_affiliation(entry: dict, text: str, label: str, number: int, sides: Mapping[str, str]) -> dict[str, str]:
    """The ``number``-th ``[[affiliation]]``, validated: each word or title mapped to its side.

    Each is also spelled with the other apostrophe and, for its lower-case
    words, capitalised ("Crimean leader" → "Crimean Leader").
    """
    words = entry.get("words")
    where = f"{label}, line {_table_line(text, 'affiliation', number)}: [[affiliation]]"
    side = _checked_side(entry["side"], where, sides) if "side" in entry else ""  # no side: see affiliation_side
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise DataFileError(f'{where}: words must be a non-empty list of words — e.g. words = ["Latvian"]')
    for word in words:
        if not PHRASE.fullmatch(word):
            raise DataFileError(f"{where}: {word!r} is not a word or a title of words — write words "
                                'separated by single spaces, e.g. "Latvian" or "Crimean leader"')
    if not isinstance(entry.get("in_names", True), bool):
        raise DataFileError(f"{where}: in_names must be true or false — e.g. in_names = false")
    extra = set(entry) - {"words", "side", "note", "in_names"}
    if extra:
        raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
    spellings: dict[str, str] = {}
    for word in words:
        for spelling in _spellings(word):
            spellings[spelling] = side
    return spellings


def _spellings(phrase: str) -> set[str]:
    """``phrase`` with either apostrophe, and with its lower-case words capitalised or not.

    >>> sorted(_spellings("Crimea's leader"))
    ["Crimea's Leader", "Crimea's leader", 'Crimea’s Leader', 'Crimea’s leader']
    """
    options = [[w, w[0].upper() + w[1:]] if w[0].islower() else [w] for w in phrase.split()]
    out = set()
    for words in itertools.product(*options):
        joined = " ".join(words)
        out.update((joined.replace("’", "'"), joined.replace("'", "’")))
    return out


def _read_clause(entry: Any, text: str, label: str, number: int) -> frozenset[str]:
    """The ``number``-th ``[[clause]]``, validated: lower-case words that open a relative clause."""
    where = f"{label}, line {_table_line(text, 'clause', number)}: [[clause]]"
    words = entry.get("words") if isinstance(entry, dict) else None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.isalpha() and w.islower()
                                                           for w in words):
        raise DataFileError(f'{where}: words must be a list of lower-case words — e.g. words = ["which", "who"]')
    if not isinstance(entry.get("note"), str) or not entry["note"].strip():
        raise DataFileError(f"{where}: note is missing — say what the clause is and why it decides no side")
    extra = set(entry) - {"words", "note"}
    if extra:
        raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
    return frozenset(words)


def _read_role(entry: dict, text: str, label: str, number: int) -> dict[str, bool]:
    """The ``number``-th ``[[role]]``, validated: each lowercased word mapped to whether it names a source."""
    words = entry.get("words")
    named = entry.get("named")
    if not isinstance(words, list) or not words or not isinstance(named, bool):
        line = _table_line(text, "role", number)
        raise DataFileError(
            f"{label}, line {line}: [[role]]: needs a list of words and named as true or false"
            ' — e.g. words = ["spokesman"] and named = false'
        )
    return {word.lower(): named for word in words}
