"""A body's names in an article: its full name from a short one, and the body a generic title names.

"The NLRB" is the "National Labor Relations Board" the article spells out,
"TransAsia" its "TransAsia Airways", and "The Speech First president" the
president of "Speech First": :mod:`framing.features.attribution.roles` reads
the role of the name found here (roles.toml rule 11).  A person's own title is
read here too: not another's in an apposition, nor a given name.
"""

from __future__ import annotations

import re

from framing.features.attribution.person_names import is_given_name
from framing.features.attribution.role_lexicon import RoleLexicon

# A capitalised name right before the last word ("TransAsia chief", "Acme's president", "The Speech First president").
_OWNER_BEFORE_LAST = re.compile(r"(?<![\w-])(?:The\s+)?(?!(?:The|A|An|His|Her|Its|Their|This|That|Our|Your|My)\b)"
                                r"(?P<owner>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,2})(?:['’]s)?"
                                r"\s+(?P<title>[\w-]+)$")


def title_owner(lexicon: RoleLexicon, before: str) -> str:
    """The body whose generic title ends ``before`` ("TransAsia" of "TransAsia chief"), or "".

    >>> lexicon = RoleLexicon.load()
    >>> title_owner(lexicon, "TransAsia chief"), title_owner(lexicon, "TransAsia pilot")
    ('TransAsia', '')
    >>> title_owner(lexicon, "The president"), title_owner(lexicon, "The Speech First president")
    ('', 'Speech First')
    """
    found = _OWNER_BEFORE_LAST.search(before)
    generic = lexicon.generic_title
    return found.group("owner") if found and generic is not None and generic.fullmatch(found.group("title").lower()) \
        else ""


# A short name of a body: an acronym ("The NLRB", "the AFA") or one or two capitalised words ("TransAsia").
_SHORT_NAME = re.compile(r"(?:[Tt]he\s+)?(?P<name>[A-Z]{2,6}|[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+)?)")


def full_name(body: str, short: str) -> str:
    """Where ``body`` names the body ``short`` in full: the run of capitalised words whose initials spell an
    acronym ("National Labor Relations Board" for "NLRB"), or that opens with a short name and goes on
    ("TransAsia Airways" for "TransAsia"); "" when it never does.

    >>> full_name("President Obama’s National Labor Relations Board. The NLRB told a court …", "NLRB")
    'National Labor Relations Board'
    >>> full_name("A TransAsia Airways plane crashed. TransAsia said …", "TransAsia")
    'TransAsia Airways'
    """
    if not short.isupper():
        longer = re.search(rf"(?<![\w-]){re.escape(short)}(?:[ \t]+[A-Z][\w&'’-]*)+", body)
        return longer.group() if longer else ""
    # One capitalised word per letter, one after another: "N… L… R… B…".
    spelled = r"[ \t]+".join(rf"{letter}[\w&'’-]*" for letter in short)
    found = re.search(rf"(?<![\w&'’-]){spelled}(?![\w&'’-])", body)
    return " ".join(found.group().split()) if found else ""


def full_name_role(lexicon: RoleLexicon, body: str, source: str) -> str | None:
    """The role of a body known by a short name, read where the article names it in full (:func:`full_name`).

    >>> body = "It is the National Labor Relations Board. The NLRB recently told a court no."
    >>> full_name_role(RoleLexicon.load(), body, "The NLRB")
    'government'
    """
    short = _SHORT_NAME.fullmatch(source.strip())
    named = full_name(body, short.group("name")) if short else ""
    return lexicon.role_in(named) if named else None


def own_title(apposition: str) -> str:
    """The words of an apposition that are its person's title: after an owner's possessive, before "to" or "of".

    >>> own_title("Trump's campaign manager"), own_title("a top adviser to former President Barack Obama")
    ('campaign manager', 'a top adviser')
    """
    own = re.split(r"['’]s\s", apposition)[-1]
    return re.split(r"\s(?:to|of|for|with|that|who)\s", own, maxsplit=1)[0]


def without_given_names(title: str) -> str:
    """A title before a mention without the given names that end it: "Attorney General Bill" -> "Attorney General"."""
    words = title.split()
    while len(words) > 1 and words[-1][:1].isupper() and is_given_name(words[-1].lower()):
        words.pop()
    return " ".join(words)
