"""The role lexicon: the words of each speaker role, read and checked from ``framing/data/roles.toml``.

:class:`RoleLexicon` finds the role a phrase names ("Sen.", "spokeswoman",
"professor at", "residents", "a source familiar…"); :mod:`framing.features.attribution.roles`
reads the phrases around a speaker and decides its role with it.

Examples
--------
>>> lexicon = RoleLexicon.load()
>>> lexicon.role_in("Sen. Ted Cruz"), lexicon.role_in("a source familiar with the talks")
('politician', 'anonymous')
>>> lexicon.role_in("a professor at Yale"), lexicon.role_in("Jane Doe") is None
('expert', True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing.datafiles import line_of, load_toml
from framing.errors import DataFileError
from framing.features.attribution.role_patterns import (
    NAMED_HEAD,
    advocacy_reading,
    home_state,
    lower_words,
    optional_pattern,
    organisation_kinds,
    organisation_pattern,
    party_code,
    party_modifier,
    pointers,
    principal,
    word_list,
    words_pattern,
)

SPEAKER_ROLES = ("government", "politician", "expert", "advocacy", "business", "citizen", "media", "anonymous")
UNKNOWN_ROLE = "unknown"
ROLES = (*SPEAKER_ROLES, UNKNOWN_ROLE)
ROLES_FILE = "roles.toml"
# "former" or "ex-" just before a title: the office is no longer held.
_FORMER = re.compile(r"\b(?:former|ex-|retired|ret\.)\s*(?:\S+\s+){0,2}$")
# The organisation after a generic title, to its first punctuation: "russia" of "russia. he said".
_STATE_ORG = re.compile(r"[^,.;:()]*")
# After a title, only names (and their particles, "of Wisconsin and") up to the mention.
_NAMES_ONLY = re.compile(r"[\s,.'()-]*(?:(?:[A-Z][\w.'-]*|of|for|the|and|de|da|del|la|le|van|von|bin|al)[\s,.'()-]*)*")
# How many words before a generic title may name the body it serves ("Des Moines County Democratic Party").
_OWNER_WORDS = 4
# A plural noun right after a role word ("republican| leaders"); "-ss" is no plural ("democratic process").
_PLURAL_NOUN = re.compile(r" [a-z.'-]*[^\Ws]s['.]?(?!\w)")
# After an organisation's possessive, up to two words of the title it gives ("campaign's digital director").
# A place word that only says where the role word after it acts: "Polk |County| Democratic Chair", "New York
# |City| Mayor", "|the state's| governor" (rule 12).
_PLACE = re.compile(r"(?<=\w) (?:County|City)(?= [A-Z])"
                    r"|(?<![\w-])(?i:the (?:state|city|county|country|nation)['’]s)(?= )")
# Two or more capitalised words, maybe joined by "of", "for", "and" ("Family Research Council", "Parents for Choice").
_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'’-]*)+")
# The next three words of a phrase, where the role word a place word belongs to stands.
_NEXT_WORDS = re.compile(r"(?:\s+[\w.'’&-]+){1,3}")
_OWN_TITLE = re.compile(r"(?:\s+(?!(?:and|or|but|who|that|to|as|has|had|is|was)\b)[a-z][\w-]*){0,2}")


@dataclass(frozen=True)
class RoleLexicon:
    """The role words, one compiled pattern per role in the file's order, and the file's other word lists.

    ``generic`` matches a generic title and its organisation; ``party_code``
    a party-and-state label ("D-Mass."); ``states`` are the names of states
    that speak as their government; ``pointers`` the words that point back at
    a speaker named before ("the statement", "14 percent").
    """

    tables: tuple[tuple[str, re.Pattern], ...]
    generic: re.Pattern | None = None
    party_code: re.Pattern | None = None
    states: frozenset[str] = frozenset()
    pointers: Mapping[str, str] = field(default_factory=dict)
    # Every role's words in one pattern, one named group per role in file order: one scan finds the first.
    combined: re.Pattern | None = None
    # "Lisa Murkowski of Alaska": names, then "of" and a US state, and nothing else.
    home_state: re.Pattern | None = None
    # "analyst", "economist": a title that makes a business phrase expert ("chief market analyst at CMC").
    knowledge: re.Pattern | None = None
    # "a spokesman for Cantor": a title of someone who speaks for a person, then the person's name.
    speaks_for: re.Pattern | None = None
    # "the left", "the right": a political camp named as a whole, which speaks through its commentators.
    camps: frozenset[str] = frozenset()
    # The generic titles alone, as the last title words of a text ("... Party Co-Chairman").
    generic_title: re.Pattern | None = None
    # An organisation's name ending in a kind word ("National Rifle Association", "the Internal Revenue
    # Service", "the Brady Campaign to Prevent Gun Violence"), and the role word each kind word reads as.
    organisations: re.Pattern | None = None
    kind_words: Mapping[str, str] = field(default_factory=dict)
    # A party word before a noun of the people ("Democratic voters"): citizens (rule 10).
    party_modifier: re.Pattern | None = None
    # "poll", "survey": an outlet's poll is the pollster's finding, expert (rule 10).
    polls: re.Pattern | None = None
    # Any kind word or purpose head, anywhere: most texts name no organisation and skip the reading.
    kind_guard: re.Pattern | None = None

    def role_in(self, text: str, nearest: str = "first", plural: bool = False) -> str | None:
        """The role of the role word nearest the name in ``text``, if any.

        ``nearest="first"`` for words after the name (an apposition, a source
        phrase), ``"last"`` for words before it.  A generic title followed by
        of / at / for takes the organisation's role when it has one, its own
        when the organisation is a state ("President of Russia").  With
        ``plural``, only role words in -s count ("officials" for "they").

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.role_in("a spokesman for the company"), lexicon.role_in("Republicans and Secretary", "last")
        ('business', 'government')
        >>> lexicon.role_in("chief market analyst at CMC Markets"), lexicon.role_in("Lisa Murkowski of Alaska")
        ('expert', 'politician')
        """
        if self.party_code is not None and self.party_code.match(text):
            return "politician"
        if self.home_state is not None and self.home_state.fullmatch(" ".join(text.split())) \
                and not self._body_of_state(text):
            return "politician"  # "Lisa Murkowski of Alaska", "of Tennessee", "RSC Chairman Mark Walker of North …"
        head = NAMED_HEAD.fullmatch(" ".join(text.split())) if nearest == "first" else None
        if head and self._nearest(head.group("head"), "first") == "media":
            return "media"  # "The State newspaper", "the Sun tabloid": the outlet's kind, not the words of its name
        text = self.read_organisations(self._without_served(self._without_places(text)))
        low = " ".join(text.lower().replace("’", "'").split())
        if nearest == "first":
            found = self._first_with_title(low, plural)
            if found == "politician" and self.party_modifier is not None:
                first = self.combined.search(low) if self.combined is not None else None
                # "one Democratic supporter", "GOP primary voters": people of a party's camp, not the party.
                found = "citizen" if first and self.party_modifier.match(low, first.start()) else found
            if found == "media" and self.polls is not None and self.polls.search(low):
                found = "expert"  # "a CNN/ORC poll", "A Washington Post-ABC News poll"
            # An analyst, economist or strategist at a company is quoted for what they know (rule 8).
            knows = found in ("business", None) and self.knowledge is not None and self.knowledge.search(low)
            return "expert" if knows or (found == "government" and self._knows_at_a_firm(low)) else found
        return self._nearest(low, nearest, plural)

    def _without_places(self, text: str) -> str:
        """``text`` without the place words that only say where a role word belongs (rule 12 of roles.toml).

        "Polk County Democratic Chair", "New York City Mayor", "the state's governor": the county, the city
        and the state are where the party, the mayor or the governor act, not the county's or the state's
        government speaking; with no role word after them they stay ("Polk County officials").

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.role_in("Polk County Democratic Chair Tom Henderson"), lexicon.role_in("the state's governor")
        ('politician', 'politician')
        >>> lexicon.role_in("Polk County"), lexicon.role_in("the state's largest newspaper")
        ('government', 'media')
        """
        if "County" not in text and "City" not in text and "'s" not in text and "’s" not in text:
            return text
        def drop(place: re.Match) -> str:
            rest = _NEXT_WORDS.match(text, place.end()).group().lower().replace("’", "'")
            return "" if self.combined is not None and self.combined.search(rest) else place.group()
        return _PLACE.sub(drop, text)

    def _without_served(self, text: str) -> str:
        """``text`` without the words for private people that open a body's capitalised name before another
        role word ("Family Research Council", "Parents Television Council"): they say whom the body serves
        (rule 11), as in an organisation kind's name.

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.role_in("Family Research Council President Tony Perkins"), lexicon.role_in("Families USA")
        ('advocacy', 'citizen')
        """
        if self.combined is None or not _CAPITALISED_RUN.search(text):
            return text
        def drop(run: re.Match) -> str:
            low = run.group().lower().replace("’", "'")
            first = self.combined.search(low)
            if first is None or self.tables[int(first.lastgroup[1:])][0] != "citizen":
                return run.group()
            return run.group()[first.end() :] if self.combined.search(low, first.end()) else run.group()
        return _CAPITALISED_RUN.sub(drop, text)

    def _knows_at_a_firm(self, low: str) -> bool:
        """Whether ``low`` has a knowledge title heading its title, at a body of no government or party:
        "senior intelligence analyst for CB Insights" is an analyst (expert), not intelligence (government);
        "an intelligence analyst at the CIA" stays government (rule 10).

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.role_in("senior intelligence analyst for CB Insights")
        'expert'
        >>> lexicon.role_in("an intelligence analyst at the CIA")
        'government'
        """
        at = re.search(rf"{self.knowledge.pattern}\s+(?:at|for|with)\s+(?P<org>.+)", low) if self.knowledge else None
        return at is not None and self._nearest(at.group("org"), "first") in (None, "business", "expert")

    def _body_of_state(self, text: str) -> bool:
        """Whether "<name> of <US state>" names a body: a role word with at most one capitalised word after it,
        where a person would have a first name and a surname ("The Federal Reserve Bank of New York",
        "University of California"; not "RSC Chairman Mark Walker of North Carolina").

        >>> lexicon = RoleLexicon.load()
        >>> lexicon._body_of_state("The Federal Reserve Bank of New York"), lexicon._body_of_state("Jo Lee of Ohio")
        (True, False)
        """
        name = " ".join(text.split()).rsplit(" of ", 1)[0]
        found = self.combined.search(name.lower()) if self.combined is not None else None
        return found is not None and len(re.findall(r"\b[A-Z]", name[found.end() :])) <= 1

    def _first_with_title(self, low: str, plural: bool) -> str | None:
        """The role of the role word nearest the start of ``low``, a generic title giving way to its organisation."""
        if self.generic is not None:
            title = self.generic.search(low)
            if title:
                # "chief investment officer of …": the words of the title first, then the organisation's head.
                found = self._nearest(low[: title.start()], "last") or self._nearest(title.group("org"), "last")
                if found:
                    return found
                if self.is_state(_STATE_ORG.match(title.group("org")).group()):
                    return self._nearest(title.group(), "first")  # "President of Russia": the title's own role
                low = f"{low[: title.start()]} {title.group('org')}"
        return self._nearest(low, "first", plural)

    def title_role(self, text: str) -> str | None:
        """The role of the title that ``text`` ends with: the last role word, with only names after it.

        "Health Secretary Kathleen" and "GOP Sens. Ron Johnson of Wisconsin
        and Richard" end with a title; in "aides and operatives fear" the role
        word belongs to someone else.

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.title_role("Health Secretary Kathleen"), lexicon.title_role("aides and operatives fear")
        ('government', None)
        """
        norm = " ".join(self.read_organisations(text).replace("’", "'").split())
        role, end = self._last(norm.lower())
        if role is None:
            return None
        # "the Romney campaign's digital director Zac", "Romney campaign communications director Gail": an
        # organisation, then title words of its own; not after a plural ("officials fear Greene").
        if norm.endswith("'s", 0, end) or not norm.endswith("s", 0, end):
            end = _OWN_TITLE.match(norm, end).end()
        if not _NAMES_ONLY.fullmatch(norm, end):
            return None
        return self._owner_of_title(norm.lower(), end) or role

    def _owner_of_title(self, low: str, end: int) -> str | None:
        """The role of the body named just before a generic title ending by ``end`` ("NAACP President", "Democratic
        Party Co-Chairman", "Fed Chairman"): the body speaks, the title says little (as after "of" in :meth:`role_in`).

        >>> RoleLexicon.load().title_role("Des Moines County Democratic Party Co-Chairman Tom")
        'politician'
        """
        title = self.generic_title.search(low, 0, end) if self.generic_title is not None else None
        if title is None:
            return None
        owner = " ".join(low[: title.start()].split()[-_OWNER_WORDS:])
        return self._nearest(owner, "last") if owner else None

    def _last(self, low: str) -> tuple[str | None, int]:
        """The role of the last role word of ``low`` (as :meth:`role_in` with "last" reads it) and where it ends."""
        if self.combined is not None and self.combined.search(low) is None:
            return None, 0
        best: tuple[int, int] | None = None
        found: tuple[str | None, int] = (None, 0)
        for order, (role, pattern) in enumerate(self.tables):
            match = next(reversed(list(pattern.finditer(low))), None)
            if match is not None and (best is None or (-match.end(), order) < best):
                best = (-match.end(), order)
                former = role == "government" and _FORMER.search(low[: match.start()])
                found = ("expert" if former else role, match.end())
        return found

    def read_organisations(self, text: str) -> str:
        """``text`` with each organisation name read as its kind's role word (rule 10 of roles.toml).

        The word that ends the name, or stands before its "of / for / to"
        complement, says what kind of body it is; what the complement names
        is what the body works on ("Center for Military Readiness" is no
        military, "American Federation of Government Employees" no
        government).  A name whose own words hold a role word before its
        kind word ("Heritage Foundation", "European Union", "Gallup Inc.")
        keeps them: the lexicon knows it better than its kind.

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.read_organisations("director of the American Federation of Government Employees")
        'director of the association'
        >>> lexicon.read_organisations("the Heritage Foundation"), lexicon.read_organisations("the Trump campaign")
        ('the Heritage Foundation', 'the Trump campaign')
        >>> lexicon.read_organisations("the American Family Association")
        'the association'
        """
        if self.organisations is None or self.kind_guard is None or not self.kind_guard.search(text):
            return text
        return self.organisations.sub(self._kind_word, text)

    def _kind_word(self, name: re.Match) -> str:
        """The role word that an organisation's name reads as, or the name when its own words name a role."""
        own = name.group("own") or ""
        if not own.strip() and not name.group("purpose") and not name.group("complement"):
            return name.group()  # "Union" alone, "Service" opening a sentence: no name
        found = self.combined.search(name.group().lower().replace("’", "'")) if self.combined is not None else None
        # A word for private people in a body's name ("American Family Association", "National Farmers Union")
        # says whom it serves: a body is no citizen, its kind word tells.
        if found is not None and found.start() < len(own) and self.tables[int(found.lastgroup[1:])][0] != "citizen":
            return name.group()
        head = name.group("head") or name.group("purpose")
        return self.kind_words[head]

    def principal(self, text: str) -> str | None:
        """The person whom the speaker of ``text`` speaks for, by name: "a spokesman for Cantor" → "Cantor".

        Only a capitalised name counts, not a body or a role ("a spokesman for the agency").  The name may
        stand before the title too ("longtime Trump adviser Roger Stone", "Romney's aides"), where a body's
        name is more common ("White House aide", "GOP aides"): a name that is a role word is no person.

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.principal("a spokesman for Cantor"), lexicon.principal("a spokeswoman for the agency")
        ('Cantor', None)
        >>> lexicon.principal("Longtime Trump adviser"), lexicon.principal("White House aide")
        ('Trump', None)
        """
        found = self.speaks_for.search(" ".join(text.replace("’", "'").split())) if self.speaks_for else None
        if found is None:
            return None
        if found.group("name"):
            return found.group("name")
        # "White House aide", "GOP Senate aides": a body's aide; "Longtime Trump adviser": Trump's.
        return None if self.role_in(found.group("owner")) else found.group("owner").split()[-1]

    def is_camp(self, text: str) -> bool:
        """Whether ``text`` is a political camp and nothing else ("The left", "the right").

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.is_camp("The left"), lexicon.is_camp("the left-leaning ThinkProgress.org website")
        (True, False)
        """
        return " ".join(text.lower().split()) in self.camps

    def is_share(self, text: str) -> bool:
        """Whether ``text`` ends with a share word ("A full 30 percent", "a majority"): a part of a group.

        >>> RoleLexicon.load().is_share("A full 30 percent"), RoleLexicon.load().is_share("a spokesman")
        (True, False)
        """
        words = text.lower().split()
        return bool(words) and self.pointers.get(words[-1]) == "plural"

    def is_state(self, text: str) -> bool:
        """Whether ``text`` names a state and nothing else ("Iran", "the United States", "California").

        >>> lexicon = RoleLexicon.load()
        >>> lexicon.is_state("the United States"), lexicon.is_state("the Iranian people")
        (True, False)
        """
        low = " ".join(text.lower().replace("’", "'").split())
        return low.removeprefix("the ") in self.states

    def has_role_word(self, role: str, text: str) -> bool:
        """Whether ``text`` holds a word of ``role``."""
        low = " ".join(text.lower().replace("’", "'").split())
        return any(r == role and pattern.search(low) for r, pattern in self.tables)

    def _nearest(self, low: str, nearest: str, plural: bool = False) -> str | None:
        found = self.combined.search(low) if self.combined is not None else None
        if self.combined is not None and found is None:
            return None  # no role word at all: most texts before a name
        if nearest == "first" and not plural and found is not None:
            # At one position the alternation tries the roles in file order, as the keys below rank them.
            role = self.tables[int(found.lastgroup[1:])][0]  # type: ignore[index]
            return "expert" if role == "government" and _FORMER.search(low[: found.start()]) else role
        best: tuple[int, int] | None = None
        role_of = {}
        for order, (role, pattern) in enumerate(self.tables):
            matches = list(pattern.finditer(low)) if nearest == "last" or plural else [pattern.search(low)]
            if plural:
                # "officials", or a role word before a plural noun: "Republican leaders", "GOP senators";
                # "congress" and "press" are no plurals.
                matches = [m for m in matches
                           if _PLURAL_NOUN.fullmatch(f" {m.group()}") or _PLURAL_NOUN.match(low, m.end())]
            if not matches or matches[-1] is None:
                continue
            match = matches[0] if nearest == "first" else matches[-1]
            key = (match.start(), order) if nearest == "first" else (-match.end(), order)
            # "a former deputy secretary", "former FBI agents": out of office, a private voice.
            role_of[key] = "expert" if role == "government" and _FORMER.search(low[: match.start()]) else role
            best = key if best is None or key < best else best
        return role_of[best] if best is not None else None

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
        if not lower_words(words):
            raise DataFileError(f'{where}: words must be a list of lower-case words — e.g. words = ["senator"]')
        if not isinstance(entry.get("note"), str) or not entry["note"].strip():
            raise DataFileError(f"{where}: note is missing — say what the role covers")
        extra = set(entry) - {"role", "words", "note"}
        if extra:
            raise DataFileError(f"{where}: unknown key(s) {sorted(extra)} — remove them")
        tables.append((role, re.compile(words_pattern(words))))
    if not tables:
        raise DataFileError(f"{label}: no [[role]] entries — add at least one")
    generic = data.get("generic_titles", [])
    if generic and not lower_words(generic):
        raise DataFileError(f"{label}, line {line_of(text, 'generic_titles')}: generic_titles must be a list of "
                            'lower-case words — e.g. generic_titles = ["president"]')
    pattern = re.compile(words_pattern(generic) + r"\s+(?:of|at|for|with|from)\s+(?P<org>.+)") if generic else None
    us_states = word_list(data, text, label, "us_states")
    states = frozenset(word_list(data, text, label, "states")) | frozenset(us_states)
    combined = re.compile("|".join(f"(?P<r{i}>{p.pattern})" for i, (_, p) in enumerate(tables)))
    knowledge = word_list(data, text, label, "knowledge_titles")
    speaks_for = word_list(data, text, label, "speaks_for_titles")
    kinds = organisation_kinds(data, text, label, tables)
    purpose = data.get("purpose_heads", [])
    if purpose and not (kinds and all(isinstance(w, str) and w[:1].isupper() for w in purpose)):
        raise DataFileError(f"{label}, line {line_of(text, 'purpose_heads')}: purpose_heads must be capitalised "
                            'words, with an advocacy list in [organisation_kinds] — e.g. purpose_heads = ["Campaign"]')
    kind_words = {**kinds, **dict.fromkeys(purpose, advocacy_reading(data))}
    return RoleLexicon(tuple(tables), pattern, party_code(data, text, label), states, pointers(data, text, label),
                       combined, home_state(us_states), re.compile(words_pattern(knowledge)) if knowledge else None,
                       principal(speaks_for), frozenset(word_list(data, text, label, "camps")),
                       re.compile(words_pattern(generic) + "$") if generic else None,
                       organisation_pattern(kinds, purpose) if kinds else None,
                       kind_words,
                       party_modifier(word_list(data, text, label, "party_modifiers"),
                                       word_list(data, text, label, "party_voters")),
                       optional_pattern(word_list(data, text, label, "poll_words")),
                       re.compile("|".join(map(re.escape, kind_words))) if kind_words else None)
