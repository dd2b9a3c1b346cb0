"""The word lists of ``framing/data/roles.toml`` as validated, compiled patterns.

Each function reads or compiles one part of the file (organisation kinds, a principal's titles, party
codes, home states …) and raises a :class:`~framing.errors.DataFileError` that names the line when the
part is malformed; :mod:`framing.features.attribution.role_lexicon` assembles them into its lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from framing.datafiles import line_of
from framing.errors import DataFileError


def words_pattern(words: Iterable[str]) -> str:
    spellings = sorted(set(words), key=lambda w: (-len(w), w))
    # "then-mayor", "the president's" and "governors" hold the word; "anchorage" and "sources-based" do not.
    return rf"(?<![\w'])(?:{'|'.join(map(re.escape, spellings))})(?:'s|s'|s)?(?![\w'-])"


def optional_pattern(words: Iterable[str]) -> re.Pattern | None:
    """The words as one whole-word pattern (with plurals), or None for no words."""
    return re.compile(words_pattern(words)) if words else None


def party_modifier(parties: Iterable[str], voters: Iterable[str]) -> re.Pattern | None:
    """A party word, at most one more word, then a word for its voters: "Democratic (primary) voters"."""
    if not parties or not voters:
        return None
    return re.compile(rf"{words_pattern(parties)}\s+(?:[\w'-]+\s+)?{words_pattern(voters)}")


# A capitalised name and one or two lower-case words after it, all of a source: "The State newspaper".
NAMED_HEAD = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’.-]*\s+){1,4}(?P<head>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")

# A word of an organisation's name, and what may join two of them ("Fish and Wildlife", "AT&T").
_NAME_WORD = r"[A-Z][\w&'’.-]*"
_COMPLEMENT = (rf"\s+(?:of|for|to|on)\s+(?:(?:the|a|an)\s+)?{_NAME_WORD}"
               rf"(?:(?:\s+(?:of|and|&|for|the|on)\s+|\s+){_NAME_WORD})*")


def organisation_pattern(kinds: Mapping[str, str], purpose: Iterable[str]) -> re.Pattern:
    """A name of capitalised words ending in a kind word, with its complement; or a purpose head and its purpose."""
    def alternatives(words: Iterable[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    own = rf"(?P<own>(?:{_NAME_WORD}(?:\s+(?:and|&)\s+|\s+))*)"
    # The kind word ends the name: no capitalised word follows it ("Service Women's Action Network" is no service).
    head = rf"(?P<head>{alternatives(kinds)})(?![\w'’-])(?!\s+[A-Z])(?P<complement>{_COMPLEMENT})?"
    with_purpose = (rf"(?P<purpose>{alternatives(purpose)})(?=\s+(?:for|to)\s){_COMPLEMENT}" if purpose
                    else r"(?!x)x")
    return re.compile(rf"(?<![\w'’-]){own}(?:{head}|{with_purpose})")


def advocacy_reading(data: Mapping) -> str:
    """What a purpose head reads as: the advocacy kind's first word ("association"): a body with a cause."""
    return data.get("organisation_kinds", {}).get("advocacy", ["association"])[0].lower()


def organisation_kinds(data: Mapping, text: str, label: str,
                        tables: Iterable[tuple[str, re.Pattern]]) -> dict[str, str]:
    """Each kind word of ``[organisation_kinds]`` with the role word its name reads as (its list's first, lowered)."""
    kinds = data.get("organisation_kinds", {})
    out = {}
    patterns = dict(tables)
    for role, words in kinds.items():
        where = f"{label}, line {line_of(text, role + ' = [')}: organisation_kinds.{role}"
        if role not in patterns or not (isinstance(words, list) and words and all(isinstance(w, str) and w[:1].isupper()
                                                                                  for w in words)):
            raise DataFileError(f"{where}: must be a role with a list of capitalised words — "
                                'e.g. government = ["Agency", "Service"]')
        reading = words[0].lower()
        if not patterns[role].fullmatch(reading):
            raise DataFileError(f"{where}: its first word {words[0]!r} must be a word of the role {role!r}")
        out.update(dict.fromkeys(words, reading))
    return out


# Words between a principal's name and the title of who speaks for them ("Trump political adviser").
_MODIFIER_WORDS = r"longtime|long-time|senior|top|chief|political|campaign|former|close|trusted"
_PRINCIPAL_MODIFIERS = rf"(?:(?:{_MODIFIER_WORDS})\s+)*"


def principal(titles: Iterable[str]) -> re.Pattern | None:
    """A title of ``titles`` (any case), "for" or "to", an optional honorific, then a capitalised name; or a
    capitalised name (possessive or not) right before the title ("Trump adviser", "Romney's aides")."""
    if not titles:
        return None
    name = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
    title = f"(?i:{words_pattern(titles)})"
    after = rf"{title}\s+(?:for|to)\s+(?:(?:Mr|Mrs|Ms|Sen|Rep|Gov|Dr)\.\s+)?(?P<name>{name})(?!\w)"
    # The owner's name: up to three capitalised words ("White House" is a body, so a role word: no principal).
    owner = rf"(?!(?i:{_MODIFIER_WORDS}|the|a|an|his|her|their|its)\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}"
    before = rf"(?<![\w'-])(?P<owner>{owner})(?:'s)?\s+(?i:{_PRINCIPAL_MODIFIERS}){title}"
    return re.compile(f"{after}|{before}")


def home_state(us_states: Iterable[str]) -> re.Pattern | None:
    """Names, then "of" and a US state, and nothing else: "Lisa Murkowski of Alaska", "of Tennessee"."""
    if not us_states:
        return None
    names = "|".join(re.escape(state.title()) for state in sorted(us_states, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?:[A-Z][\w.'’-]*\s+)*of\s+(?:{names})")


def word_list(data: Mapping, text: str, label: str, key: str) -> list[str]:
    """The lower-case word list ``key`` of the file (empty when absent), validated."""
    words = data.get(key, [])
    if words and not lower_words(words):
        raise DataFileError(f"{label}, line {line_of(text, key)}: {key} must be a list of lower-case words — "
                            f'e.g. {key} = ["word"]')
    return words


def party_code(data: Mapping, text: str, label: str) -> re.Pattern | None:
    """"D-Mass.", "R-Texas", "(R., Neb.)": a party letter from ``party_codes``, then a capitalised state."""
    codes = data.get("party_codes", [])
    if not codes:
        return None
    if not (isinstance(codes, list) and all(isinstance(c, str) and c.isalpha() and c.isupper() for c in codes)):
        raise DataFileError(f"{label}, line {line_of(text, 'party_codes')}: party_codes must be a list of "
                            'upper-case letters — e.g. party_codes = ["D", "R"]')
    return re.compile(rf"\(?(?:{'|'.join(codes)})(?:-|\.,?\s*)[A-Z][a-z]*\.?\)?$")


def pointers(data: Mapping, text: str, label: str) -> dict[str, str]:
    """Each pointing word with what it points back at: any role word, or a plural one (a share of a group)."""
    pointers = {}
    for key, kind in (("pointing_words", "any"), ("share_words", "plural")):
        pointers.update(dict.fromkeys(word_list(data, text, label, key), kind))
    return pointers


def lower_words(words: object) -> bool:
    return isinstance(words, list) and bool(words) and all(isinstance(w, str) and w == w.lower() and w.strip()
                                                          for w in words)
