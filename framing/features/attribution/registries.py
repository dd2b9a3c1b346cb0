"""Which actor registries apply to an article: each packaged registry's topic gate.

The Russia/Ukraine/NATO registry and the US-politics one are used for an
article only when it is about their topic (their anchors and actors are
mentioned often enough); a user's file without a ``[topic]`` applies to every
article.  The registry itself (actors, affiliations, roles, clauses) is
:mod:`framing.features.attribution.actors`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.datafiles import line_of, load_toml
from framing.errors import DataFileError
from framing.features.attribution.actors import PACKAGED_FILES, PHRASE, UNKNOWN_SIDE, Actor, ActorRegistry, read_sides

# A gated registry applies only with at least this share of the most mentioned registry's mentions.
RELATIVE_MENTIONS = 0.2


@dataclass(frozen=True)
class TopicGate:
    """A registry's ``[topic]``: its anchors and actor spellings, and how many mentions make it apply.

    >>> gate = TopicGate(("Trump", "White House"), 2)
    >>> gate.mentions("Trump told the White House."), gate.mentions("Trumpet player Ann Trump.")
    (2, 1)
    """

    anchors: tuple[str, ...]
    min_mentions: int

    def mentions(self, text: str, words: Sequence[str] | None = None) -> int:
        """How often the anchors occur in ``text`` (whole words, case as written).

        ``words`` are the words of ``text`` (:func:`gate_words`), when already split.
        """
        words = gate_words(text) if words is None else words
        single, longer = _anchor_index(self.anchors)
        count = sum(map(single.__contains__, words))
        for i in (i for i, word in enumerate(words) if word in longer):
            count += any(" ".join(words[i : i + n]) in spellings for n, spellings in longer[words[i]])
        return count


_GATE_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")


def gate_words(text: str) -> list[str]:
    """The words of ``text`` as a topic gate reads them ("Russia's", "U.S.", "Ocasio-Cortez").

    >>> gate_words("Sen. Ocasio-Cortez met U.S. officials.")
    ['Sen.', 'Ocasio-Cortez', 'met', 'U.S.', 'officials.']
    """
    return _GATE_WORD.findall(text.replace("’", "'"))


@lru_cache(maxsize=16)
def _anchor_index(anchors: tuple[str, ...]) -> tuple[frozenset[str], dict[str, list[tuple[int, frozenset[str]]]]]:
    """One-word anchors, and the longer ones by first word and length (straight apostrophes, or a full stop)."""
    single: set[str] = set()
    longer: dict[str, dict[int, set[str]]] = {}
    for anchor in anchors:
        spelling = " ".join(anchor.replace("’", "'").split())
        spellings = (spelling, spelling.rstrip(".") + ".")
        words = spelling.split()
        if len(words) == 1:
            single.update(spellings)
        else:
            longer.setdefault(words[0], {}).setdefault(len(words), set()).update(spellings)
    return frozenset(single), {first: [(n, frozenset(s)) for n, s in sorted(by_n.items())]
                               for first, by_n in longer.items()}


class RegistrySet:
    """The packaged registries and the user's, each used for an article only when its topic gate lets it.

    A file without ``[topic]`` (the user's, usually) applies to every article.

    Examples
    --------
    >>> registries = RegistrySet.load()
    >>> registries.for_text("Trump said. Democrats in Congress said.").find_actor("Pelosi").side
    'democrat'
    >>> registries.for_text("NATO said. Russia said.").find_actor("Pelosi") is None
    True
    """

    def __init__(self, sources: Sequence[str | Path]):
        self.sources = tuple(sources)
        self.gates: list[TopicGate | None] = []
        self.sides: dict[str, str] = {}
        names = []
        for source in self.sources:
            data, text, label = load_toml(source)
            self.gates.append(_read_topic(data, text, label))
            self.sides.update(read_sides(data.get("sides", {}), text, label))
            names.append(actor_names(data))
        self.gates = _with_actor_names(self.gates, names)
        self.everything = ActorRegistry.from_files(self.sources)
        self._by_key: dict[tuple[int, ...], ActorRegistry] = {}
        self._by_word: dict[str, list[tuple[str, Actor]]] | None = None

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = ()) -> RegistrySet:
        """The packaged registries followed by ``extra_files``."""
        return cls((*PACKAGED_FILES, *[Path(f) for f in extra_files]))

    def side_names(self) -> tuple[str, ...]:
        """Every side of every registry, file order, ``unknown`` last."""
        return (*self.sides, UNKNOWN_SIDE)

    def applicable(self, text: str) -> tuple[int, ...]:
        """Indices of the registries that apply to an article of ``text`` (title and body).

        A registry without a gate always applies; a gated one when its anchors
        and actors are mentioned ``min_mentions`` times and at least
        :data:`RELATIVE_MENTIONS` as often as the most mentioned one's (two
        mentions of the Pentagon in a story on Russia and NATO do not make it
        a US-politics story).  When no gated one
        gets there, the most mentioned (at least once) still applies: a short
        piece that names only "Grushko" is about Russia.
        """
        words = gate_words(text)
        counts = {i: gate.mentions(text, words) for i, gate in enumerate(self.gates) if gate is not None}
        most = max(counts.values(), default=0)
        chosen = {i for i, n in counts.items()
                  if n >= self.gates[i].min_mentions and n >= RELATIVE_MENTIONS * most}  # type: ignore[union-attr]
        if not chosen and most > 0:
            chosen = {i for i, n in counts.items() if n == most}
        return tuple(i for i, gate in enumerate(self.gates) if gate is None or i in chosen)

    def known_person(self, name: str, text: str = "") -> Actor | None:
        """The registered person, of any registry applicable or not, that ``name`` names in ``text``.

        A full name ("Vladimir Putin") is unambiguous enough to give a role (a
        capacity) off its registry's topic, a side it does not give.  One word
        ("Bush", "Hillary") is the registered person whose full name ``text``
        spells out ("Jeb Bush"), when only one does.

        >>> registries = RegistrySet.load()
        >>> registries.known_person("Vladimir Putin").note, registries.known_person("Putin") is None
        ('President of Russia.', True)
        >>> registries.known_person("Bush", "Jeb Bush spoke. Bush said no.").name
        'Jeb Bush'
        """
        name = " ".join(name.split())
        if " " in name:
            actor = self.everything.actor_named(name)
            return actor if actor is not None and actor.kind == "person" else None
        found = {actor for spelling, actor in self._full_names().get(name, ()) if spelling in text}
        return found.pop() if len(found) == 1 else None

    def _full_names(self) -> dict[str, list[tuple[str, Actor]]]:
        """Each word of a registered person's full names, with the full spelling and the actor."""
        if self._by_word is None:
            self._by_word = {}
            for actor in self.everything.actors:
                for spelling in (actor.name, *actor.aliases) if actor.kind == "person" else ():
                    for word in spelling.split() if " " in spelling else ():
                        self._by_word.setdefault(word, []).append((spelling, actor))
        return self._by_word

    def for_text(self, text: str) -> ActorRegistry:
        """The registry made of the files that apply to ``text`` (built once per combination)."""
        key = self.applicable(text)
        if key not in self._by_key:
            gated = ActorRegistry.from_files([self.sources[i] for i in key], self.sides)
            # Role and clause words are English, not a topic's: every file's count.
            self._by_key[key] = ActorRegistry(gated.actors, gated.affiliations, self.everything.roles, gated.sides,
                                              self.everything.clause_words, gated.name_parts)
        return self._by_key[key]


def _with_actor_names(gates: list[TopicGate | None], names: list[set[str]]) -> list[TopicGate | None]:
    """Each gate with its registry's actor names as anchors too, but those another gate has as its anchors.

    The White House speaks in stories on Russia and NATO, but its name is an
    anchor of US politics: counted for both, a gun-control story that names
    the White House three times would read the Russia and NATO registry
    ("an alliance of faith-based organisations" a NATO voice).
    """
    out = []
    for i, gate in enumerate(gates):
        if gate is None:
            out.append(None)
            continue
        elsewhere = {a for j, other in enumerate(gates) if j != i and other is not None for a in other.anchors}
        out.append(TopicGate(tuple(sorted({*gate.anchors, *(names[i] - elsewhere)})), gate.min_mentions))
    return out


def _read_topic(data: dict, text: str, label: str) -> TopicGate | None:
    """The validated ``[topic]`` of a registry file (its actors' spellings count too), or None without one."""
    table = data.get("topic")
    if table is None:
        return None
    where = f"{label}, line {line_of(text, '[topic]')}: [topic]"
    anchors = table.get("anchors") if isinstance(table, dict) else None
    minimum = table.get("min_mentions", 1) if isinstance(table, dict) else None
    if not isinstance(anchors, list) or not anchors or not all(isinstance(a, str) and PHRASE.fullmatch(a)
                                                                for a in anchors):
        raise DataFileError(f'{where}: anchors must be a list of words or names — e.g. anchors = ["Congress"]')
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 1:
        raise DataFileError(f"{where}: min_mentions must be a whole number of at least 1, not {minimum!r}")
    not_anchors = table.get("not_anchors", [])
    if not isinstance(not_anchors, list) or not all(isinstance(a, str) for a in not_anchors):
        raise DataFileError(f'{where}: not_anchors must be a list of actor names — e.g. not_anchors = ["Pentagon"]')
    names = {entry.get("name") for entry in data.get("actor", []) if isinstance(entry, dict)}
    unknown = [a for a in not_anchors if a not in names]
    if unknown:
        raise DataFileError(f"{where}: not_anchors names no [[actor]] of the file: {unknown} — use their names")
    extra = set(table) - {"anchors", "min_mentions", "note", "not_anchors"}
    if extra:
        raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
    return TopicGate(tuple(sorted(set(anchors))), minimum)


def actor_names(data: dict) -> set[str]:
    """The spellings of a registry file's actors that name its topic.

    Not a news organisation's (a wire service reports on every topic), nor
    those of the actors its ``[topic]`` lists in ``not_anchors`` (bodies that
    speak on many topics: the Pentagon in a story on guns), nor a description
    in lower case ("the alliance", "the bloc"), which any story may use for
    something else.

    >>> sorted(actor_names({"actor": [{"name": "NATO", "aliases": ["the alliance"]},
    ...                               {"name": "Reuters", "kind": "media"}, {"name": "Pentagon"}],
    ...                     "topic": {"not_anchors": ["Pentagon"]}}))
    ['NATO']
    """
    topic = data.get("topic")
    not_anchors = set(topic.get("not_anchors", [])) if isinstance(topic, dict) else set()
    return {spelling for entry in data.get("actor", []) if isinstance(entry, dict)
            and entry.get("kind") != "media" and entry.get("name") not in not_anchors
            for spelling in (entry.get("name"), *entry.get("aliases", []))
            if isinstance(spelling, str) and spelling[:1].isupper()}
