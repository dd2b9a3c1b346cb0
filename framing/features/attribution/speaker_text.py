"""How a source's words read as a speaker's name: capitals, places, mastheads, vague sources, led bodies.

The resolved :class:`Speaker`, and pure functions over the written source, used by
:class:`framing.features.attribution.speakers.SpeakerResolver`: a transcript's
"REP. JOHN LEWIS" is Rep. John Lewis, "North Korea" a country, "The Washington
Times" a newspaper, "The NATO source" the vague "a NATO source", "the Trump
administration" a body its leader names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.document.vocabulary import MASTHEAD_WORDS, PLACES
from framing.features.attribution.actors import UNKNOWN_SIDE
from framing.features.attribution.coreference import CoreferenceRules
from framing.features.attribution.person_names import is_title, names_a_body, names_a_group
from framing.features.attribution.phrases import is_capitalised
from framing.features.attribution.role_lexicon import RoleLexicon


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker."""

    name: str  # canonical
    side: str
    named: bool
    anonymous: bool
    kind: str  # person, institution, media, group, unresolved


# A masthead ("The Washington Times", "The Atlanta Journal-Constitution") is at most this many words.
MAX_MASTHEAD_WORDS = 5


def from_capitals(text: str) -> str:
    """A name written in capitals, as a transcript labels its speakers, in title case.

    >>> from_capitals("REP. JOHN LEWIS"), from_capitals("NATO"), from_capitals("Amy Goodman")
    ('Rep. John Lewis', 'NATO', 'Amy Goodman')
    >>> from_capitals("MITCH MCCONNELL"), from_capitals("BETO O’ROURKE")
    ('Mitch McConnell', 'Beto O’Rourke')
    """
    words = text.split()
    if len(words) < 2 or not all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        return text
    return _MC.sub(lambda m: m.group(1) + m.group(2).upper(), text.title())


# "Mcconnell" from title case is "McConnell".
_MC = re.compile(r"\b(Mc)([a-z])")


def place_named(text: str) -> str | None:
    """The country or state a source names before its comma: it speaks as an institution, not a person.

    >>> place_named("Iran, often considered one of the most repressive regimes,"), place_named("the Netherlands")
    ('Iran', 'Netherlands')
    >>> place_named("Iran's foreign minister") is None
    True
    """
    head = strip_article(text.partition(",")[0].strip())
    return head if head.lower() in PLACES else None


def heads_phrase(phrase: str, name: str) -> bool:
    """Whether ``name`` is the person ``phrase`` is about, not a body or a place it relates to.

    >>> heads_phrase("Michigan Rep. Debbie Dingell", "Debbie Dingell")
    True
    >>> heads_phrase("Russia's new ambassador to the United Kingdom", "United Kingdom")
    False
    """
    before = [w for w in phrase[: phrase.rfind(name)].lower().split() if w not in ("the", "a", "an")]
    return not names_a_body(name) and not (before and before[-1] in _RELATING)


# "ambassador to the United Kingdom", "a professor at Yale": the name after these is not the person's.
_RELATING = frozenset("to of in at for from with by on".split())


def masthead(text: str) -> str | None:
    """A newspaper named by its masthead ("The Washington Times", "the Post"), without its article, or None.

    A masthead word may take "of" and a place: "The Times of Israel", "the Times of India".

    >>> masthead("The Washington Times"), masthead("the Post"), masthead("Times columnist Bret Stephens")
    ('Washington Times', 'the Post', None)
    >>> masthead("The Times of Israel"), masthead("the Bank of America")
    ('Times of Israel', None)
    """
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    of = len(words) - 2  # "Times of Israel": the masthead word before "of" and one capitalised word
    head = words[of - 1] if of >= 1 and words[of] == "of" else words[-1] if words else ""
    if not words or len(words) > MAX_MASTHEAD_WORDS or head.lower().rstrip(".,") not in MASTHEAD_WORDS:
        return None
    if not all(w[:1].isupper() or w in ("of", "and", "&") for w in words):
        return None
    return " ".join(words) if len(words) > 1 else f"the {words[0]}"


def indefinite(text: str, keep_first: bool = False) -> str:
    """The name of a vague source: lowercase, "the"/"this"/"that" turned into "a", later words as written.

    A first word that is a name stays as written (``keep_first``: "Trump officials").

    Examples
    --------
    >>> indefinite("The NATO source")
    'a NATO source'
    >>> indefinite("Some Western diplomats"), indefinite("Trump officials", keep_first=True)
    ('some Western diplomats', 'Trump officials')
    """
    if keep_first:
        return text
    low = text.lower()
    if low.split(" ", 1)[0] in ("the", "this", "that"):
        return _keep_case(text, re.sub(r"^(the|this|that)\s+", "a ", low))
    return _keep_case(text, low)


def led_body(text: str) -> bool:
    """Whether ``text`` ends with a body that speaks for itself, named after the person who leads it.

    Its last word is a body word of the coreference rules (``not_person_words``) that names a role
    (``roles.toml``): "the Trump administration", "the Clinton Foundation", "the Romney campaign"; not
    "Pelosi's office" (an office speaks for the person) nor "Trump".

    >>> led_body("The Trump administration"), led_body("Pelosi's office"), led_body("President Trump")
    (True, False, False)
    """
    words = text.lower().split()
    last = words[-1] if len(words) > 1 else ""
    return last in CoreferenceRules.load().not_person_words and RoleLexicon.load().role_in(last) is not None


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _keep_case(original: str, folded: str) -> str:
    words = original.split()
    out = folded.split()
    for i in range(1, min(len(words), len(out))):
        if words[i].lower() == out[i]:
            out[i] = words[i]
    return " ".join(out)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th) [A-Z]")


def unnamed_speaker(text: str, side: str | None, has_roles: bool, common: bool = False) -> Speaker:
    """A source that is neither a registry actor, a person nor a vague source.

    An institution when it has a role word and a side ("the Russian Defense
    Ministry") or is capitalised and not a ``common`` word; named only when it
    is a name, capitalised from its first word to its last after any article
    ("Kremlin", "the NRA", not "The report"), and not ending in a title or a
    group's plural (not "the California Democrat", a person described, nor
    "Leaders"; but "the SEC", "the Ministry of Justice"); unresolved otherwise.

    Examples
    --------
    >>> unnamed_speaker("the NRA", None, False)
    Speaker(name='NRA', side='unknown', named=True, anonymous=False, kind='institution')
    >>> unnamed_speaker("The report", None, False).named, unnamed_speaker("the report", None, False).kind
    (False, 'unresolved')
    """
    name = strip_article(text)
    if has_roles and side:
        return Speaker(name, side, True, False, "institution")
    last = name.split()[-1] if name else ""
    titled = is_title(last) and not last.isupper() and not name.lower().endswith(f" of {last.lower()}")
    first = name[:1].isupper() or _ORDINAL.match(name) is not None  # "the 9th Circuit", not "57 percent of Germans"
    proper = first and last[:1].isupper() and not titled and not names_a_group(name)
    if (proper or is_capitalised(text)) and not common:
        return Speaker(name, side or UNKNOWN_SIDE, proper, False, "institution")
    return Speaker(name, side or UNKNOWN_SIDE, False, False, "unresolved")
