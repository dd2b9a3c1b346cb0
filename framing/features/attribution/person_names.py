"""The personal name in a source phrase: titles, owners, places and bodies left out.

:func:`person_name` takes "Michael Flynn" out of "Retired Lt. Gen. Michael
Flynn" and "Ed Haislmaier" out of "The Heritage Foundation’s Ed Haislmaier";
:func:`surname` is the key a person is known by again.  The phrases
themselves are found by :mod:`framing.features.attribution.phrases`.
"""

from __future__ import annotations

import re

from framing.document.vocabulary import (
    BODY_WORDS,
    FEMALE_FIRST_NAMES,
    GENERAL_BODIES,
    GROUP_WORDS,
    MALE_FIRST_NAMES,
    NOT_IN_SPEAKER_NAMES,
    PLACES,
    TITLES,
)

_CAP_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|al|bin|da|la|le)\b))*")
# A possessive ending: "Clinton's", "the Americans’".
POSSESSIVE = re.compile(r"[’']s?$")
# The words after "in" inside a title: "Special Agent in Charge", "Commander in Chief".
TITLE_ENDS_AFTER_IN = frozenset({"charge", "chief"})


def surname(name: str) -> str:
    """The last word of a name, without a possessive, in lowercase: the key a person is known by again.

    A generational suffix is no surname: "Robert Casey Jr." is known again as "Casey".

    >>> surname("Hillary Clinton’s"), surname("Robert P. Casey Jr."), surname("Henry Ford II")
    ('clinton', 'casey', 'ford')
    """
    words = name.replace("’", "'").split()
    if len(words) > 1 and words[-1].rstrip(".,").lower() in _GENERATIONS:
        words.pop()
    return POSSESSIVE.sub("", words[-1]).lower() if words else ""


_GENERATIONS = frozenset("jr sr ii iii iv".split())


def _not_the_speaker(text: str, match: re.Match, titled: bool) -> bool:
    """Whether a run of capitalised words names something else than the speaker.

    A place or a body after "of" or "in" ("John Smith of Ohio", "the Department of
    Health", "Republicans in Congress") or another preposition ("took to Twitter")
    unless a title opens it ("Secretary of State Mike Pompeo", "Special Agent in
    Charge Richard DesLauriers"), a
    run inside a parenthesis ("(R-Texas)"), and a run that only qualifies the
    noun after it ("Health officials", "Trump aides").
    """
    before = text[:match.start()].rstrip()
    after_in = _IN_BEFORE.search(before) is not None  # "Republicans in Congress", "Democrats in the House"
    if before.endswith("(") or (not titled and (before.endswith(" of") or before == "of" or after_in)):
        return True
    if not titled and before and before.split()[-1].lower() in OBJECT_PREPOSITIONS:
        return True  # an object: "Sen. Marco Rubio took to Twitter"
    following = text[match.end():].split(None, 1)
    word = following[0].strip(".,;:") if following else ""
    return word[:1].islower() and word != "of" and word not in NOT_IN_SPEAKER_NAMES


# Prepositions whose capitalised object is not the speaker: "took to Twitter", "a source close to Issa".
OBJECT_PREPOSITIONS = frozenset("to at with from against".split())
_IN_BEFORE = re.compile(r"(?:^|\s)in(?:\s+the)?$", re.IGNORECASE)


def _company_after_general(titles: list[str], words: list[str]) -> bool:
    """Whether "General" and one word name a company or body, not a general: "General Motors", "the General Assembly".

    The word is one of ``general_bodies.txt``; "General Petraeus" stays a general, and
    another title before it ("Attorney General Sessions") keeps the person.

    >>> _company_after_general(["General"], ["Motors"]), _company_after_general(["The", "General"], ["Assembly"])
    (True, True)
    >>> _company_after_general(["Gen."], ["Mattis"]), _company_after_general(["Attorney", "General"], ["Sessions"])
    (False, False)
    >>> _company_after_general(["General"], ["Petraeus"])
    False
    """
    return (len(words) == 1 and titles[-1:] == ["General"] and all(w.lower() == "the" for w in titles[:-1])
            and words[0].lower().rstrip(",.") in GENERAL_BODIES)


def names_general_body(text: str) -> bool:
    """Whether a whole source phrase is such a name: "the General Assembly" is no description of a general.

    >>> names_general_body("The General Assembly"), names_general_body("the general")
    (True, False)
    """
    words = text.split()
    return len(words) > 1 and _company_after_general(words[:-1], words[-1:]) and words[-1][:1].isupper()


def names_a_body(name: str) -> bool:
    """Whether ``name`` ends in a body's word or a group's plural: "Vanderbilt University", "House Republicans".

    >>> names_a_body("Senate Armed Services Committee"), names_a_body("Debbie Dingell"), names_a_body(" ")
    (True, False, False)
    """
    words = name.split()
    return bool(words) and (words[-1].lower().rstrip(",.") in BODY_WORDS or names_a_group(name))


def names_a_group(name: str) -> bool:
    """Whether ``name`` ends in a group's plural: "Leaders", "Most Americans", "House Republicans".

    >>> names_a_group("Leaders"), names_a_group("Census Bureau")
    (True, False)
    """
    words = name.split()
    return bool(words) and _group_of(words[-1].rstrip(",."))


def _group_of(word: str) -> bool:
    """Whether ``word`` is the plural of a title, a party word, a demonym or an acronym: a group, never a person.

    >>> [_group_of(w) for w in ("Republicans", "Senators", "Tories", "MPs", "Americans", "Congressmen", "Coaches")]
    [True, True, True, True, True, True, True]
    >>> [_group_of(w) for w in ("Sanders", "Williams", "Mays", "Wes", "Its")]
    [False, False, False, False, False]
    """
    low = word.lower()
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True
    singulars = {low[:-1]} if low.endswith("s") else set()
    if low.endswith("es"):
        singulars |= {low[:-2], low[:-3] + "y"}  # "Coaches", "Tories"
    if low.endswith("men"):
        singulars.add(low[:-3] + "man")  # "Congressmen"
    return any(one in TITLES or one in GROUP_WORDS for one in singulars if one)


def person_name(text: str) -> str | None:
    """The personal name in a source phrase, without titles, or None.

    Examples
    --------
    >>> person_name("Retired Lt. Gen. Michael Flynn")
    'Michael Flynn'
    >>> person_name("Hillary Clinton’s campaign manager Robby Mook")
    'Robby Mook'
    >>> person_name("the deputy foreign minister Russian") is None
    True
    >>> person_name("FBI Special Agent in Charge Richard DesLauriers")
    'Richard DesLauriers'
    >>> person_name("Heritage Foundation’s Ed Haislmaier")
    'Ed Haislmaier'
    >>> person_name("North Korea") is None
    True
    >>> person_name("Sen. Kamala D. Harris (D-Calif.)")
    'Kamala D. Harris'
    >>> person_name("British Prime Minister Theresa May"), person_name("Mrs. May"), person_name("Thursday")
    ('Theresa May', 'May', None)
    """
    best = None
    for match in _CAP_RUN.finditer(text):
        words = match.group().split()
        if POSSESSIVE.search(words[-1]) and not words[-1].endswith("s's"):
            if words[-1][-2:] in ("’s", "'s"):
                continue
        words = _after_owner(words)
        n_titles = _leading_titles(words, after_in=_ENDS_WITH_IN.search(text, 0, match.start()) is not None)
        titles, words = words[:n_titles], words[n_titles:]
        if _not_the_speaker(text, match, bool(titles)) or names_a_body(" ".join(words)) \
                or _company_after_general(titles, words):
            continue
        if any(w.lower() in _PLACE_AND_FUNCTION_WORDS for w in words) or _day_inside(words, bool(titles)):
            continue  # "Russian Northern Fleet", "Moscow Mayor", "Twitter Tuesday": a place or a day, not a person
        words = _after_inner_titles(words)
        if not words or not words[-1][:1].isupper():
            continue
        if any(w.isupper() and len(w.rstrip(".")) > 1 for w in words) or any(w[:1].isdigit() for w in words):
            continue  # acronyms ("NATO") and numbers are not people; a middle initial ("Kamala D. Harris") is
        if len(words) == 1 and words[0].lower() in (_PLACE_AND_FUNCTION_WORDS if titles else _NOT_NAMES):
            continue
        if " ".join(words).rstrip(",.").lower() in PLACES:
            continue  # "North Korea said": a country speaking, no person
        best = _joined(words)
    return best


def _joined(words: list[str]) -> str:
    """The words of a name as one, without a trailing comma or full stop; "Jr." and "Sr." always with theirs.

    >>> _joined(["Robert", "Casey", "Jr"]), _joined(["Robert", "Casey", "Jr.,"]), _joined(["Ed", "Lee."])
    ('Robert Casey Jr.', 'Robert Casey Jr.', 'Ed Lee')
    """
    name = " ".join(words).rstrip(",.")
    return name + "." if name.lower().endswith((" jr", " sr")) else name


_ENDS_WITH_IN = re.compile(r"\bin\s+$")


def _after_owner(words: list[str]) -> list[str]:
    """A run's words after an owner's possessive when a given name follows it.

    "Heritage Foundation’s Ed Haislmaier" is Ed Haislmaier (titles after the
    possessive are left for the caller); "National Women’s Law Center" and
    "Valentine’s Day" stay whole, and so does a name whose given name the
    lists do not know ("CNN's Manu Raju").

    >>> _after_owner("CNN's Jake Tapper".split()), _after_owner("National Women’s Law Center".split())
    (['Jake', 'Tapper'], ['National', 'Women’s', 'Law', 'Center'])
    """
    owners = [i for i, w in enumerate(words[:-1]) if w[-2:] in ("’s", "'s")]
    if not owners:
        return words
    rest = words[owners[-1] + 1:]
    given = next((w.lower() for w in rest if not is_title(w)), "")
    return rest if is_given_name(given) else words


def is_title(word: str) -> bool:
    """Whether ``word`` is a title (``titles.txt``), or a hyphenated one that a title opens.

    >>> is_title("Sen."), is_title("Editor-in-Chief"), is_title("Secretary-General"), is_title("Smith")
    (True, True, True, False)
    """
    low = word.lower().rstrip(".,")
    return low in TITLES or ("-" in low and low.split("-", 1)[0] in TITLES)


def _after_inner_titles(words: list[str]) -> list[str]:
    """The words after the last title of a run: the name in "BuzzFeed Editor-in-Chief Ben Smith".

    None when fewer than two words follow it: "Russian Northern Fleet" and
    "General Motors" name no person.

    >>> _after_inner_titles(["BuzzFeed", "Editor-in-Chief", "Ben", "Smith"]), _after_inner_titles(["General", "Motors"])
    (['Ben', 'Smith'], [])
    """
    last = max((i for i, word in enumerate(words) if is_title(word) and not _surname_after_given(words, i)),
               default=-1)
    if last < 0:
        return words
    rest = words[last + 1:]
    return rest if len(rest) >= 2 else []


def _surname_after_given(words: list[str], i: int) -> bool:
    """Whether the title-like word ``words[i]`` ends the run as a surname after a given name.

    "Mark Judge", "West Virginia Gov. Jim Justice"; a place before a title is no given name
    ("South Carolina Republican").

    >>> _surname_after_given(["Mark", "Judge"], 1)
    True
    >>> _surname_after_given(["West", "Virginia", "Gov.", "Jim", "Justice"], 4)
    True
    >>> _surname_after_given(["South", "Carolina", "Republican"], 2)
    False
    """
    given = words[i - 1].lower() if i else ""
    place = given in PLACES or " ".join(words[max(0, i - 2) : i]).lower() in PLACES
    return i == len(words) - 1 and is_given_name(given) and not place


def _leading_titles(words: list[str], after_in: bool) -> int:
    """How many of ``words`` open a run as titles ("Lt. Gen."), or end a title's "in" ("Charge" after "Agent in").

    >>> _leading_titles(["Lt.", "Gen.", "Michael", "Flynn"], False), _leading_titles(["Charge", "Ed", "Reinhold"], True)
    (2, 1)
    """
    n, titled = 0, False
    for word in words:
        low = word.lower()
        ends_title = after_in and n == 0 and low in TITLE_ENDS_AFTER_IN
        # A day or month leads no name ("Monday Sen. Smith"), but after a title, or before a surname, a month
        # is a given name: "Rep. June Smith", "April Ryan".
        date = low in _NOBODY and not titled and not (is_given_name(low) and n + 1 < len(words))
        title = is_title(low)
        if not (title or low in _PLACE_AND_FUNCTION_WORDS or date or ends_title):
            break
        titled = titled or title
        n += 1
    return n


# Words that name nobody, even capitalised: days, months, indefinite pronouns.
_NOBODY = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december anyone anybody everyone everybody someone somebody nobody
    none""".split()
)
# Places, peoples and function words: in a capitalised run, a word that makes it no person's name.
_PLACE_AND_FUNCTION_WORDS = frozenset(
    """russian russia moscow american western european ukrainian ukraine kiev kyiv crimean crimea british french
    german washington brussels nato us the a an he she they it we i according but and meanwhile however in on
    at""".split()
)
_NOT_NAMES = _NOBODY | _PLACE_AND_FUNCTION_WORDS


def is_given_name(word: str) -> bool:
    """Whether the lower-case ``word`` is on the lists of given names.

    >>> is_given_name("theresa"), is_given_name("pelosi")
    (True, False)
    """
    return word in MALE_FIRST_NAMES or word in FEMALE_FIRST_NAMES


def _day_inside(words: list[str], titled: bool) -> bool:
    """Whether a day or month is among ``words`` other than as a given name or surname.

    A month that is a given name ("April", "June", "May") may open a name before a surname ("April
    Ryan", "Rep. June Smith") or end it after a given name or a title ("Theresa May", "Mrs. May");
    a day never ("Twitter Tuesday", "Israel Monday"), nor another month ("ICE's March").

    >>> _day_inside(["Twitter", "Tuesday"], False), _day_inside(["ICE's", "March"], False)
    (True, True)
    >>> _day_inside(["Israel", "Monday"], False), _day_inside(["Last", "May", "Trump"], False)
    (True, True)
    >>> _day_inside(["Theresa", "May"], False), _day_inside(["May"], True), _day_inside(["June", "Smith"], True)
    (False, False, False)
    """
    low = [w.lower() for w in words]
    for i, word in enumerate(low):
        if word not in _NOBODY:
            continue
        opens = i == 0 and len(low) > 1
        ends = i == len(low) - 1 and (titled if i == 0 else is_given_name(low[i - 1]))
        if not (is_given_name(word) and (opens or ends)):
            return True
    return False


def is_common_word(text: str) -> bool:
    """Whether ``text`` is one word that names nobody: a day, a month, an indefinite pronoun.

    >>> is_common_word("Thursday"), is_common_word("Anyone"), is_common_word("Pelosi"), is_common_word("NATO")
    (True, True, False, False)
    """
    return " " not in text and text.lower().rstrip(".,") in _NOBODY
