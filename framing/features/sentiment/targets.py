"""Targets of "tone toward": the registry, user-named targets, and their mentions in a Document.

The registry is ``framing/data/targets.toml``.  A user may add targets by name
(``--target "Gazprom"``); each becomes a target whose only alias is its name.
Mentions are found with compiled patterns over the body (a cheap scan for
the places an alias may start, then the aliases sharing that first letter);
a pronoun ("its",
"they", ...) counts as a mention of the target named last before it in the same
sentence, unless that name only qualifies a noun ("the American public ... it",
"Russia-related matters that they ...": the pronoun is the noun's), stands on
the other side of a quotation mark (a quoted speaker's "they" is the speaker's),
or more than one content word stands between them ("Russia's team is so good,
it …", "the Paris deal … will adopt it": another noun may be what it stands for).

Examples
--------
>>> from framing.document.parse import build_document
>>> matcher = TargetMatcher(load_targets(extra=("Gazprom",)))
>>> doc = build_document("a", "Gazprom said its pipeline to Russia is ready. Pro-Russian groups met.")
>>> [(m.target, m.text, m.pronoun) for m in matcher.find_mentions(doc)]
[('gazprom', 'Gazprom', False), ('gazprom', 'its', True), ('russia', 'Russia', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.datafiles import line_of, load_toml
from framing.document.parse import Document
from framing.document.vocabulary import PLACES, STOPWORDS
from framing.errors import DataFileError

REGISTRY_FILE = "targets.toml"
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Pronouns that may stand for an organisation or a country within its sentence.
PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
# A capitalised word right after an alias on the same line: the alias starts another name.
NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
# "for" and a capitalised word: "Americans for Prosperity" (a group's name unless the word is a place).
_FOR_NAME = re.compile(r"[ \t]+for[ \t]+([A-Z][\w-]*)")
# "it" before these is usually the empty subject ("it is not yet clear"), not a target.
EXPLETIVE_AFTER_IT = frozenset({"is", "was", "'s", "’s", "seems", "seemed", "appears", "appeared",
                                "remains", "remained", "became", "becomes", "takes", "took"})
# "it" after these is usually the matter at hand ("drag Russia into it", "the beneficiary of it"), not a target.
PREPOSITIONS_BEFORE_IT = frozenset({"about", "against", "behind", "by", "for", "from", "in", "into", "of", "on",
                                    "onto", "over", "to", "toward", "towards", "under", "with", "without"})


@dataclass(frozen=True)
class Target:
    """An actor whose portrayal is measured: feature key, display name, aliases."""

    key: str
    name: str
    aliases: tuple[str, ...]
    not_after: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # aliases that qualify a noun: "Russian troops"
    person: bool = False  # a person: never the antecedent of "it", "its", "they", "their", "them"
    name_parts: tuple[str, ...] = ()  # aliases that start another name before a capital: "the West Bank"
    group_openers: tuple[str, ...] = ()  # aliases that open a group's name before "for": "Americans for Prosperity"
    idioms: tuple[str, ...] = ()  # fixed expressions that open with an alias and are not the actor: "Russian roulette"


@dataclass(frozen=True)
class Mention:
    """A mention of a target in a document body (offsets into ``Document.body``)."""

    target: str
    start: int
    end: int
    sentence_index: int
    text: str
    pronoun: bool = False
    # Qualifies a noun ("American public", "Russia-related") or names a person: no pronoun's antecedent.
    modifier: bool = False


def target_key(name: str) -> str:
    """The feature key for a user-named target.

    Examples
    --------
    >>> target_key("Gazprom"), target_key("Nord Stream 2")
    ('gazprom', 'nord_stream_2')
    """
    key = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not key or not key[0].isalpha():
        key = "t_" + key
    return key


def _validated(entry: object, number: int, text: str, label: str) -> Target:
    if not isinstance(entry, dict):
        raise DataFileError(f"{label}: entry {number}: not a table — write it as [[target]]")
    where = f"{label}, line {line_of(text, str(entry.get('key', '')))}: entry {entry.get('key', number)!r}"
    key, name, aliases = entry.get("key"), entry.get("name"), entry.get("aliases")
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise DataFileError(f"{where}: key must be lower-case letters, digits and '_' — rename it")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(f"{where}: name is missing — add name = \"...\"")
    if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(f"{where}: aliases must be a non-empty list of names — add aliases = [\"...\"]")
    not_after = entry.get("not_after", [])
    if not isinstance(not_after, list) or not all(isinstance(w, str) and w for w in not_after):
        raise DataFileError(f"{where}: not_after must be a list of words — fix or remove it")
    adjectives, name_parts, openers = (_aliases_listed(entry, field, aliases, where)
                                       for field in ("adjectives", "name_parts", "group_openers"))
    person = entry.get("person", False)
    if not isinstance(person, bool):
        raise DataFileError(f"{where}: person must be true or false — fix or remove it")
    idioms = entry.get("idioms", [])
    if not isinstance(idioms, list) or not all(isinstance(i, str) and _idiom_alias(i, aliases) for i in idioms):
        raise DataFileError(f"{where}: idioms must be a list of phrases that each open with one of its aliases "
                            "and a space, e.g. \"Russian roulette\" — fix or remove it")
    return Target(key, name, tuple(aliases), tuple(not_after), tuple(adjectives), person, tuple(name_parts),
                  tuple(openers), tuple(idioms))


def _aliases_listed(entry: dict, field: str, aliases: Sequence[str], where: str) -> list[str]:
    """The entry's ``field``, a list of some of its ``aliases`` (empty when absent)."""
    listed = entry.get(field, [])
    if not isinstance(listed, list) or not all(a in aliases for a in listed):
        raise DataFileError(f"{where}: {field} must be a list of its aliases — fix or remove it")
    return listed


def _idiom_alias(idiom: str, aliases: Sequence[str]) -> str | None:
    """The longest of ``aliases`` that ``idiom`` opens with, followed by a space (None if none).

    >>> _idiom_alias("Russian roulette", ["Russia", "Russian"]), _idiom_alias("Russianness", ["Russian"])
    ('Russian', None)
    """
    opening = [a for a in aliases if idiom.startswith(a + " ") and idiom[len(a):].strip()]
    return max(opening, key=len) if opening else None


def _idiom_tails(targets: Iterable[Target]) -> dict[str, re.Pattern]:
    """Per alias, a pattern matching, right after it, the rest of one of its target's idioms.

    Case is ignored in the rest ("Russian Roulette" in a headline) and a plural "s" is allowed
    ("Russian nesting dolls").

    >>> tails = _idiom_tails([Target("russia", "Russia", ("Russian",), idioms=("Russian roulette",))])
    >>> bool(tails["Russian"].match(" Roulette.")), bool(tails["Russian"].match(" troops"))
    (True, False)
    """
    rests: dict[str, list[str]] = {}
    for target in targets:
        for idiom in target.idioms:
            alias = _idiom_alias(idiom, target.aliases) or ""
            rests.setdefault(alias, []).append(r"[ \t]+".join(map(re.escape, idiom[len(alias):].split())))
    return {alias: re.compile(r"[ \t]+(?:" + "|".join(sorted(found, key=len, reverse=True)) + r")s?\b", re.IGNORECASE)
            for alias, found in rests.items()}


def load_targets(source: str | Path = REGISTRY_FILE, extra: Sequence[str] = ()) -> tuple[Target, ...]:
    """Load the target registry and add user-named targets.

    Parameters
    ----------
    source : packaged file name, or a path to a TOML file of the same form.
    extra : names of additional targets; a name already an alias of a registry
        target (e.g. "NATO") adds nothing.

    Raises
    ------
    DataFileError
        When an entry is malformed or two targets share a key.

    Examples
    --------
    >>> [t.key for t in load_targets()][:3]
    ['nato', 'russia', 'us']
    """
    data, text, label = load_toml(source)
    entries = data.get("target")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{label}: no [[target]] entries — add at least one")
    targets = [_validated(entry, number, text, label) for number, entry in enumerate(entries, 1)]
    seen: set[str] = set()
    for t in targets:
        if t.key in seen:
            raise DataFileError(f"{label}, line {line_of(text, t.key)}: entry {t.key!r}: duplicate key — "
                                "merge the two entries")
        seen.add(t.key)
    known_aliases = {a for t in targets for a in t.aliases}
    for name in extra:
        name = name.strip()
        if not name or name in known_aliases:
            continue
        key = target_key(name)
        if key in seen:
            continue
        seen.add(key)
        known_aliases.add(name)
        targets.append(Target(key, name, (name,)))
    return tuple(targets)


def _named_elsewhere(named: list[Mention], descriptions: set[str]) -> list[Mention]:
    """``named`` without the ``descriptions`` ("the alliance", "the bloc") of targets the article never names.

    An alias written in lower case is a description that refers back to a
    name: in an article about a gun-rights coalition, "the alliance of special
    interests" is not NATO.
    """
    proper = {m.target for m in named if m.text.lower() not in descriptions}
    return [m for m in named if m.target in proper or m.text.lower() not in descriptions]


def _first_characters(alias: str) -> set[str]:
    """The characters a match of ``_alias_pattern(alias)`` may start with."""
    return set(alias[0] + alias[0].upper()) if alias[0].islower() else {alias[0]}


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias)
    if alias[0].islower():
        body = f"[{alias[0]}{alias[0].upper()}]" + re.escape(alias[1:])
    # Whole words; not right after a hyphen ("pro-Russian"); before one only ahead of a lower-case word
    # ("Russian-backed" stays): "Israeli-Palestinian talks", "Russia-Ukraine war" name neither side alone.
    tail = r"(?!\w|-[A-Z])" if alias[-1].isalnum() else ""
    return rf"(?<![\w-]){body}{tail}"


class TargetMatcher:
    """Find every mention of a set of targets with one compiled pattern."""

    def __init__(self, targets: Iterable[Target]) -> None:
        self.targets = tuple(targets)
        alias_target = {}
        for t in self.targets:
            for alias in t.aliases:
                alias_target.setdefault(alias, t)
        self._alias_target = alias_target
        # Longest aliases first, so "Western alliance" wins over "Western".
        aliases = sorted(alias_target, key=lambda a: (-len(a), a))
        # One alternation over all aliases tried at every character is slow
        # (~5 ms per article); the same alternation restricted to the aliases
        # sharing a first character, tried only where such a character starts
        # a word, finds exactly the same leftmost, first-listed matches.
        by_first: dict[str, list[str]] = {}
        for alias in aliases:
            for first in _first_characters(alias):
                by_first.setdefault(first, []).append(alias)
        self._by_first = {first: re.compile("|".join(_alias_pattern(a) for a in group))
                          for first, group in by_first.items()}
        # The first character, then the look-behind: the search skips to the next such character
        # (a pattern that opens with a look-behind is tried at every character).
        firsts = "[" + "".join(re.escape(c) for c in sorted(by_first)) + "]"
        self._starts = re.compile(firsts + r"(?<![\w-]" + firsts + ")") if by_first else None
        self._not_after = {t.key: {w.lower() for w in t.not_after} for t in self.targets}
        self._lower_alias = {a.lower(): t for a, t in alias_target.items()}
        self._descriptions = {a for a in alias_target if a.islower()}
        self._idiom_tails = _idiom_tails(self.targets)

    def _target_of(self, matched: str) -> Target:
        found = self._alias_target.get(matched)
        return found if found is not None else self._lower_alias[matched.lower()]

    def find_mentions(self, document: Document) -> list[Mention]:
        """Named and pronoun mentions, in body order."""
        if self._starts is None:
            return []
        body = document.body
        named: list[Mention] = []
        for m in self._matches(body):
            target = self._target_of(m.group())
            before = body[max(0, m.start() - 20):m.start()].split()
            if before and before[-1].lower() in self._not_after[target.key]:
                continue
            if self._names_something_else(target, m, body):
                continue
            sentence = document.sentence_at(m.start())
            if sentence is None or m.start() >= sentence.end:
                continue
            modifier = target.person or m.group() in target.adjectives or body[m.end():m.end() + 1] == "-"
            named.append(Mention(target.key, m.start(), m.end(), sentence.index, m.group(), modifier=modifier))
        return self._with_pronouns(document, _named_elsewhere(named, self._descriptions))

    def _names_something_else(self, target: Target, m: re.Match, body: str) -> bool:
        """Whether the alias matched at ``m`` opens another name or a fixed expression, not the actor."""
        alias, end = m.group(), m.end()
        if alias in target.name_parts and NEXT_CAPITAL.match(body, end):
            return True  # "the West Bank", "Western New York": another name
        if alias in target.group_openers and _opens_group_name(body, end):
            return True  # "Americans for Prosperity": a group's name
        tail = self._idiom_tails.get(alias)
        return tail is not None and tail.match(body, end) is not None  # "Russian roulette": an idiom

    def _matches(self, body: str) -> Iterator[re.Match]:
        """Leftmost non-overlapping alias matches, as one alternation's ``finditer`` would give."""
        reach = 0
        for start in self._starts.finditer(body):
            position = start.start()
            if position < reach:
                continue
            m = self._by_first[body[position]].match(body, position)
            if m is not None:
                reach = m.end()
                yield m

    @staticmethod
    def _with_pronouns(document: Document, named: list[Mention]) -> list[Mention]:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in named:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        out = list(named)
        for index, mentions in by_sentence.items():
            sentence = document.sentences[index]
            token_ids = document.tokens_between(sentence.start, sentence.end)
            for position, t in enumerate(token_ids):
                word = document.tokens[t]
                if word not in PRONOUNS:
                    continue
                start, end = document.token_spans[t]
                quote = document.quote_at(start)
                earlier = [m for m in mentions
                           if m.end <= start and not m.modifier and document.quote_at(m.start) is quote]
                if not earlier or _plural(earlier[-1].text) != (word in PLURAL_PRONOUNS):
                    continue  # "the White House blamed them": "them" is no singular name's
                if _too_far(document, token_ids, position, earlier[-1]):
                    continue
                if word == "it" and _not_the_target(document, token_ids, position):
                    continue
                out.append(Mention(earlier[-1].target, start, end, index, document.body[start:end], True))
        out.sort(key=lambda m: (m.start, m.target))
        return out


# Words and marks before a clause's subject that keep it the subject ("“The alliance", "The EU").
OPENING_WORDS = frozenset({"the", "“", '"', "‘", "'"})
CLAUSE_BREAKS = re.compile(r"[,;:—–()]| - ")
# Content words a pronoun may stand after its target: the verb ("Gazprom said its", "Democrats complain that they").
MAX_WORDS_BETWEEN = 1


def _opens_group_name(body: str, end: int) -> bool:
    """Whether "for" and a capitalised word that is no place follow ``end``: "Americans for Prosperity".

    >>> _opens_group_name("Americans for Prosperity", 9), _opens_group_name("Americans for Ukraine", 9)
    (True, False)
    >>> _opens_group_name("Americans for decades", 9)
    False
    """
    named = _FOR_NAME.match(body, end)
    return named is not None and named.group(1).lower() not in PLACES


def _plural(name: str) -> bool:
    """Whether a target's name as written is plural ("Democrats", "Russians"), so "they" may stand for it.

    >>> _plural("Democrats"), _plural("the U.S."), _plural("United States"), _plural("NATO")
    (True, False, False, False)
    """
    low = name.lower().rstrip(".")
    return low.endswith("s") and not low.endswith(("us", "u.s", "states", "ss", "is"))


def _too_far(document: Document, token_ids: range, position: int, mention: Mention) -> bool:
    """Whether the pronoun at ``position`` may stand for something other than ``mention``.

    More than one content word (not a stopword) between them, unless the
    target is the subject opening the clause and the pronoun a possessive in
    it; or a relative clause on a noun the target only follows ("the policy
    toward Russia that they had chosen"). On 25 pronoun mentions of 800
    AllSides articles read by hand, about one in three had been the target's
    before this check.
    """
    k = position - 1
    while k >= 0 and document.token_spans[token_ids[k]][0] >= mention.end:
        k -= 1
    words = [document.tokens[t] for t in token_ids[k + 1:position]]
    while k >= 0 and document.token_spans[token_ids[k]][0] >= mention.start:
        k -= 1
    while k >= 0 and document.tokens[token_ids[k]].lower() in OPENING_WORDS:
        k -= 1
    before = document.tokens[token_ids[k]].lower() if k >= 0 else ""
    if words[:1] and words[0] in ("that", "which", "who") and before in PREPOSITIONS_BEFORE_IT:
        return True
    if sum(w.isalpha() and w not in STOPWORDS for w in words) <= MAX_WORDS_BETWEEN:
        return False
    # The subject opening its clause owns a possessive later in that clause:
    # "The alliance is actively modernizing its infrastructure".
    gap = document.body[mention.end : document.token_spans[token_ids[position]][0]]
    opens = before in ("", "that") and not CLAUSE_BREAKS.search(gap)
    return not (opens and document.tokens[token_ids[position]] in ("its", "their"))


def _not_the_target(document: Document, token_ids: range, position: int) -> bool:
    """Whether the "it" at ``position`` of a sentence's tokens is an empty subject or the matter at hand."""
    after = document.tokens[token_ids[position + 1]] if position + 1 < len(token_ids) else ""
    before = document.tokens[token_ids[position - 1]] if position > 0 else ""
    return after in EXPLETIVE_AFTER_IT or before in PREPOSITIONS_BEFORE_IT
