"""What an actor registry says of a name: its office holders, its people's genders, a first name that is not theirs.

:class:`framing.features.attribution.speakers.SpeakerResolver` asks these
while it resolves a source; each answer is cached per registry (or person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.document.vocabulary import DETERMINERS, STOPWORDS, TITLES
from framing.features.attribution.actors import Actor, ActorRegistry
from framing.features.attribution.coreference import CoreferenceRules
from framing.features.attribution.person_names import OBJECT_PREPOSITIONS, person_name, surname


@lru_cache(maxsize=256)
def office_holders(registry: ActorRegistry, head_words: tuple[str, ...]) -> tuple[Actor, ...]:
    """The registry's people whose note gives one of the offices ``head_words`` ("president", not "vice president")."""
    offices = re.compile(rf"(?<!vice )\b(?:{'|'.join(map(re.escape, head_words))})\b")
    return tuple(a for a in registry.actors if a.kind == "person" and offices.search(a.note.lower()))


@lru_cache(maxsize=16)
def registry_genders(registry: ActorRegistry) -> dict[str, str]:
    """Surname → gender of a registry's people by first name (read once per registry); the first listed wins."""
    rules = CoreferenceRules.load()
    out: dict[str, str] = {}
    for actor in registry.actors:
        if actor.kind == "person":
            out.setdefault(surname(actor.name), rules.gender(actor.name.split(), actor.name))
    return out


def other_first_name(text: str, actor: Actor) -> bool:
    """Whether ``text`` puts another first name before the registered person's surname.

    >>> flynn = Actor("Michael Flynn", ("Flynn",), "republican", "person", "", "government")
    >>> other_first_name("Sara Flynn", flynn), other_first_name("Gen. Michael T. Flynn", flynn)
    (True, False)
    >>> other_first_name("Retired Gen. Flynn", flynn), other_first_name("But Flynn", flynn)
    (False, False)
    """
    spelled, before_surname = spellings_of(actor)
    for match in before_surname.finditer(text):
        word = match.group(1)
        if word not in spelled and word.lower() not in TITLES and word.lower() not in STOPWORDS:
            return True
    return False


def only_modifies(head: str, actor: Actor) -> bool:
    """Whether the registered person in ``head`` only describes the one speaking.

    "Trump adviser Peter Navarro" and "former Obama adviser Susan Rice" name
    another person after the registered one; "Trump's lawyer" is someone of
    Trump's.  A bracket ("Sen. Bernie Sanders (I-Vt.)") is left out.

    >>> trump = Actor("Donald Trump", ("Trump",), "republican", "person", "", "politician")
    >>> only_modifies("Trump adviser Peter Navarro", trump), only_modifies("Trump’s lawyer", trump)
    (True, True)
    >>> only_modifies("President Donald Trump", trump), only_modifies("Trump (R)", trump)
    (False, False)
    >>> only_modifies("Donald Trump Jr.", trump), only_modifies("A Trump adviser", trump)
    (False, True)
    >>> only_modifies("a source close to Trump", trump)
    True
    """
    spelled = {w.replace("’", "'") for w in spellings_of(actor)[0]}
    words = _BRACKET.sub(" ", head.replace("’", "'")).split()
    at = [i for i, w in enumerate(words) if _POSSESSIVE_END.sub("", w.strip(",.")) in spelled]
    if not at:
        return False
    if at[0] > 0 and words[at[0] - 1].lower() in OBJECT_PREPOSITIONS:
        return True  # "a source close to Pelosi", "an aide to Pelosi": the person is the object
    rest = [w for w in words[at[-1] + 1:] if w.strip(",.").lower() not in _SUFFIXES]
    if rest and (_POSSESSIVE_END.search(words[at[-1]]) and rest[0][:1].islower()
                 or rest[-1].strip(",.").lower() in _SERVING):
        return True  # "Trump’s lawyer", "a Trump adviser", "Trump supporters"
    name = person_name(" ".join(rest)) if rest else None
    return name is not None and not spelled & set(name.split())


_BRACKET = re.compile(r"\([^)]*\)")
_POSSESSIVE_END = re.compile(r"'s$")
# People who serve, back or oppose the registered person they follow: "a Trump adviser", "Biden aides".
_SERVING = frozenset("""adviser advisers advisor advisors aide aides official officials ally allies lawyer lawyers
    attorney attorneys spokesman spokeswoman spokesperson supporter supporters critic critics loyalist loyalists
    operative operatives associate associates donor donors voters appointee appointees""".split())
# "Joseph R. Biden Jr.": the same person.
_SUFFIXES = frozenset("jr sr ii iii iv".split())


@lru_cache(maxsize=1024)
def spellings_of(actor: Actor) -> tuple[frozenset[str], re.Pattern]:
    """The words of a registered person's spellings, and a pattern for a capitalised word before its surnames."""
    spellings = (actor.name, *actor.aliases)
    surnames = sorted({re.escape(s.split()[-1]) for s in spellings})
    return (frozenset(w for s in spellings for w in s.split()),
            re.compile(rf"\b([A-Z][\w'’-]+)\s+(?:{'|'.join(surnames)})\b"))


def not_a_name(name: str, registry: ActorRegistry) -> bool:
    """Whether a one-word "name" is a capitalised common word: "Critics", "Some", "But" opening a sentence.

    >>> not_a_name("Critics", ActorRegistry.load()), not_a_name("But", ActorRegistry.load())
    (True, True)
    >>> not_a_name("One", ActorRegistry.load())
    True
    >>> not_a_name("Grushko", ActorRegistry.load())
    False
    """
    if " " in name:
        return False
    low = name.lower()
    return low in STOPWORDS or low in DETERMINERS or registry.roles.get(low) is False
