"""Speaker roles: in what capacity a source speaks (government, politician, expert, …), on any topic.

The words of each role are package data (``framing/data/roles.toml``, with its
rule note).  :func:`speaker_roles` gives every speaker of an article one role
from its registry entry or from the words around it: its source phrases, the
words next to its first mention, and a registry actor's note.

Examples
--------
>>> lexicon = RoleLexicon.load()
>>> lexicon.role_in("Sen. Ted Cruz"), lexicon.role_in("a source familiar with the talks")
('politician', 'anonymous')
>>> lexicon.role_in("Jane Doe, a professor at Yale"), lexicon.role_in("Jane Doe") is None
('expert', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.datafiles import line_of, load_toml
from framing.errors import DataFileError

SPEAKER_ROLES = ("government", "politician", "expert", "advocacy", "business", "citizen", "media", "anonymous")
UNKNOWN_ROLE = "unknown"
ROLES = (*SPEAKER_ROLES, UNKNOWN_ROLE)
ROLES_FILE = "roles.toml"
# How far before a first mention its title may stand ("Republican Sen. …", "said Jane Doe").
_BEFORE = 60
_AFTER = 120
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n")
_APPOSITION = re.compile(rf"\s*,\s*(?P<words>[^,.;:“”\"]{{1,{_AFTER}}})")


@dataclass(frozen=True)
class RoleLexicon:
    """The role words, one compiled pattern per role, in the file's order (the first role that matches wins)."""

    tables: tuple[tuple[str, re.Pattern], ...]

    def role_in(self, text: str) -> str | None:
        """The first role (file order) with a word in ``text``, if any."""
        low = " ".join(text.lower().replace("’", "'").split())
        for role, pattern in self.tables:
            if pattern.search(low):
                return role
        return None

    @classmethod
    def load(cls, source: str | Path = ROLES_FILE) -> RoleLexicon:
        """Read and validate a role file (the packaged one by default)."""
        return _load(source) if isinstance(source, str) else _read(source)


@lru_cache(maxsize=4)
def _load(source: str) -> RoleLexicon:
    return _read(source)


def _read(source: str | Path) -> RoleLexicon:
    data, text, label = load_toml(source)
    tables = []
    for entry in data.get("role", []):
        role = entry.get("role") if isinstance(entry, dict) else None
        needle = f'role = "{role}"'
        where = f"{label}, line {line_of(text, needle)}: [[role]] {role!r}"
        if role not in SPEAKER_ROLES:
            raise DataFileError(f"{where}: role must be one of {', '.join(SPEAKER_ROLES)}")
        words = entry.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w == w.lower() and w.strip()
                                                               for w in words):
            raise DataFileError(f'{where}: words must be a list of lower-case words — e.g. words = ["senator"]')
        if not isinstance(entry.get("note"), str) or not entry["note"].strip():
            raise DataFileError(f"{where}: note is missing — say what the role covers")
        extra = set(entry) - {"role", "words", "note"}
        if extra:
            raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
        spellings = sorted(set(words), key=lambda w: (-len(w), w))
        tables.append((role, re.compile(rf"(?<![\w'-])(?:{'|'.join(map(re.escape, spellings))})(?![\w'-])")))
    if not tables:
        raise DataFileError(f"{label}: no [[role]] entries — add at least one")
    return RoleLexicon(tuple(tables))


def mention_context(body: str, name: str, mentions: int = 3) -> list[str]:
    """What stands next to the first ``mentions`` mentions of ``name`` in ``body``: appositions, then titles before.

    An apposition (", a nurse from Ohio,") comes first, then the words
    before a mention within its sentence ("Health Secretary Kathleen …").
    A headline's mention has no title, so more than the first one is read.

    >>> mention_context("Officials met. Jane Doe, a nurse from Ohio, said no.", "Jane Doe")
    ['a nurse from Ohio', '']
    >>> mention_context("Nothing here.", "Jane Doe")
    []
    """
    if not name:
        return []
    after_words, before_words = [], []
    at = body.find(name)
    while at >= 0 and len(before_words) < mentions:
        before = _SENTENCE_END.split(body[max(0, at - _BEFORE) : at])[-1]
        after = _APPOSITION.match(body, at + len(name))
        if after:
            after_words.append(after.group("words").strip())
        before_words.append(before.strip())
        at = body.find(name, at + len(name))
    return [*after_words, *before_words]


def speaker_role(lexicon: RoleLexicon, sources: Iterable[str], context: Iterable[str], *,
                 registry_role: str = "", note: str = "", kind: str = "", anonymous: bool = False) -> str:
    """The role of one speaker from its registry role, its source phrases, its first mention and its kind.

    Parameters
    ----------
    sources : the speaker's source phrases in the article, as written.
    context : :func:`mention_context` of its name (nothing for a pronoun or a group).
    registry_role, note : the registry actor's role and note, if any.
    kind : the speaker's kind (person, institution, media, group, role, unresolved).

    Examples
    --------
    >>> lexicon = RoleLexicon.load()
    >>> speaker_role(lexicon, ["Smith"], ["a spokeswoman for the agency", "Republicans met."], kind="person")
    'government'
    >>> speaker_role(lexicon, ["critics"], [], kind="group", anonymous=True)
    'anonymous'
    >>> speaker_role(lexicon, ["they"], [], kind="unresolved")
    'unknown'
    """
    if registry_role:
        return registry_role
    # The nearest words first: the source phrase, then the mention's apposition and title, then the note.
    for text in (*sources, *context, note):
        found = lexicon.role_in(text) if text else None
        if found:
            return found
    if kind == "media":
        return "media"
    return "anonymous" if anonymous else UNKNOWN_ROLE


def speaker_roles(lexicon: RoleLexicon, body: str, speakers: Sequence[tuple[object, str]],
                  describe: Mapping[object, tuple[str, str, str, bool, str]]) -> dict[object, str]:
    """One role per speaker of an article.

    ``speakers`` pairs each attribution's speaker key with its source phrase;
    ``describe`` gives for a key (name, kind, registry role, anonymous, note).
    """
    phrases: dict[object, list[str]] = {}
    for key, source in speakers:
        phrases.setdefault(key, [])
        if source and source not in phrases[key]:
            phrases[key].append(source)
    out = {}
    for key, sources in phrases.items():
        name, kind, registry_role, anonymous, note = describe[key]
        context = mention_context(body, name) if kind in ("person", "institution") else []
        out[key] = speaker_role(lexicon, sources, context, registry_role=registry_role, note=note,
                                kind=kind, anonymous=anonymous)
    return out
