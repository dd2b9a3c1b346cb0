"""Which named person a speaking "he" or "she" refers to, read from the article around it.

The rules and their note are package data (``framing/data/coreference.toml``):
person mentions are runs of capitalised words outside quotation marks that
open with a first name of known gender, follow a title, or repeat the surname
of a person named before; a pronoun takes the nearest earlier sentence with a
mention of its gender (or of unknown gender), and in it the first such
mention.  A mention of the other gender is never taken, and a pronoun with
nothing fitting near it names nobody.

Examples
--------
>>> from framing.document.parse import build_document
>>> text = "Tom Lee met Sara Flynn, a nurse. She said it was late. Lee said no."
>>> doc = build_document("x", text)
>>> PronounResolver(doc, CoreferenceRules.load()).antecedent("she", text.index("She")).name
'Sara Flynn'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from framing.datafiles import line_of, load_toml
from framing.document.parse import Document
from framing.document.vocabulary import DETERMINERS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, STOPWORDS, TITLES
from framing.errors import DataFileError
from framing.features.attribution.person_names import person_name, surname

COREFERENCE_FILE = "coreference.toml"
MALE, FEMALE, UNKNOWN_GENDER = "m", "f", ""
PRONOUN_GENDERS = {"he": MALE, "she": FEMALE}
# A run of capitalised words, titles with a full stop included ("Sen. Rand Paul", "Mr. LePage").
_OPENERS = STOPWORDS | DETERMINERS
_POSSESSIVE = re.compile(r"[’'](?:s|(?<=s[’']))$")
_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|al|bin|da|la|le)\b))*")


@dataclass(frozen=True)
class CoreferenceRules:
    """The rules of ``coreference.toml``: how far back to read, the titles that give a gender, first names."""

    sentences_back: int
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    not_person_words: frozenset[str]
    male_names: frozenset[str] = field(repr=False, default=frozenset())
    female_names: frozenset[str] = field(repr=False, default=frozenset())

    @classmethod
    def load(cls) -> CoreferenceRules:
        """The packaged rules (read once)."""
        return _load_rules()

    def after_honorific(self, name: str, text: str) -> bool:
        """Whether the one-word ``name`` follows a gendered title in ``text``: "Mrs. May" is a surname.

        >>> rules = CoreferenceRules.load()
        >>> rules.after_honorific("May", "Mrs. May"), rules.after_honorific("One", "Defense One")
        (True, False)
        >>> rules.after_honorific("Ban", "Mr. Ban of Bangladesh"), rules.after_honorific("Ban", "Mrs. Bangs")
        (True, False)
        """
        words = [w.strip(",.") for w in text.split()]
        at = [i for i, w in enumerate(words) if w == name]
        return " " not in name and bool(at) and at[-1] > 0 and text.split()[at[-1] - 1].lower() in self.honorifics

    @cached_property
    def honorifics(self) -> frozenset[str]:
        """The gendered titles, male and female: "Mr.", "Mrs", "Lord"."""
        return self.male_titles | self.female_titles

    def gender(self, words: list[str], name: str = "") -> str:
        """The gender a mention gives: a gendered title among its ``words``, else its first name's list.

        ``name`` is the personal name when known (else read from ``words``).

        >>> rules = CoreferenceRules.load()
        >>> rules.gender(["Mrs.", "Clinton"]), rules.gender(["HHS", "Secretary", "Alex", "Azar"]), rules.gender(["Lee"])
        ('f', 'm', '')
        """
        for word in words:
            low = word.lower()
            if low in self.male_titles:
                return MALE
            if low in self.female_titles:
                return FEMALE
        names = (name.split() if name else _name_words(words))
        if len(names) < 2:
            return UNKNOWN_GENDER  # a surname alone ("Clinton") is no first name
        first = names[0].lower()
        if first in self.male_names:
            return MALE
        return FEMALE if first in self.female_names else UNKNOWN_GENDER


def _name_words(words: list[str]) -> list[str]:
    """The words after the last title, acronym or possessive: "HHS Secretary Alex Azar" → Alex Azar.

    >>> _name_words(["HHS", "Secretary", "Alex", "Azar"]), _name_words(["Russia’s", "Vladimir", "Putin"])
    (['Alex', 'Azar'], ['Vladimir', 'Putin'])
    >>> _name_words(["CBS", "News’"]), _name_words(["Sara", "Flynn"])
    ([], ['Sara', 'Flynn'])
    """
    last = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in TITLES or (w.isupper() and len(w) > 1)
                or _POSSESSIVE.search(w)), default=-1)
    return words[last + 1 :]


@lru_cache(maxsize=1)
def _load_rules() -> CoreferenceRules:
    data, text, label = load_toml(COREFERENCE_FILE)
    back = data.get("sentences_back")
    if not isinstance(back, int) or not 0 <= back <= 10:
        raise DataFileError(f"{label}, line {line_of(text, 'sentences_back')}: sentences_back must be a whole "
                            "number from 0 to 10 — e.g. sentences_back = 3")
    titles = {}
    for key in ("male_titles", "female_titles", "not_person_words"):
        words = data.get(key)
        if not (isinstance(words, list) and words and all(isinstance(w, str) and w == w.lower() for w in words)):
            raise DataFileError(f"{label}, line {line_of(text, key)}: {key} must be a list of lower-case words "
                                f'— e.g. {key} = ["mr."]')
        titles[key] = frozenset(words)
    return CoreferenceRules(back, titles["male_titles"], titles["female_titles"], titles["not_person_words"],
                            MALE_FIRST_NAMES, FEMALE_FIRST_NAMES)


@dataclass(frozen=True)
class Mention:
    """A named person in the text: the run as written (titles included), the name, where, and its gender."""

    text: str
    name: str
    start: int
    sentence: int
    gender: str


def person_mentions(document: Document, rules: CoreferenceRules,
                    known: Mapping[str, str] | None = None) -> list[Mention]:
    """The person mentions of ``document`` outside quotation marks, in reading order.

    ``known`` maps the surnames of people known beforehand (a registry's) to
    their gender; a surname met alone counts as a mention of that person.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'Sen. Jane Roe spoke. "Ask Tom Lee," Roe said. Acme Corp. agreed.')
    >>> [(m.name, m.gender) for m in person_mentions(doc, CoreferenceRules.load())]
    [('Jane Roe', 'f'), ('Roe', 'f')]
    """
    genders: dict[str, str] = dict(known or {})
    return [m for sentence in document.sentences for m in sentence_mentions(document, sentence.index, rules, genders)]


def sentence_mentions(document: Document, index: int, rules: CoreferenceRules,
                      genders: dict[str, str]) -> list[Mention]:
    """The person mentions of sentence ``index``; ``genders`` (surname → gender) learns the names met."""
    out = []
    body = document.body
    sentence = document.sentences[index]
    for match in _RUN.finditer(body, sentence.start, sentence.end):
        words = match.group().split()
        while words and words[0].lower() in _OPENERS:
            words.pop(0)  # "When Schroeder", "But Lee": a capital that opens a sentence
        if len(words) == 1 and _POSSESSIVE.sub("", words[0].rstrip(",.")).lower() not in genders:
            continue  # one capitalised word is a person only as a surname known before (most runs)
        words = _POSSESSIVE.sub("", " ".join(words).rstrip(",.")).split()  # "Trump’s words": Trump
        if not words or document.quote_at(match.start()) is not None:
            continue
        mention = _mention(words, rules, genders)
        if mention is None:
            continue
        name, gender = mention
        key = surname(name)
        genders[key] = gender or genders.get(key, UNKNOWN_GENDER)
        out.append(Mention(" ".join(words), name, match.start(), index, genders[key]))
    return out


def _mention(words: list[str], rules: CoreferenceRules, genders: Mapping[str, str]) -> tuple[str, str] | None:
    """(name, gender) when the words name a person: a first name, a title before it, or a known surname."""
    name_words = _name_words(words)
    if not name_words:
        return None
    titled = len(name_words) < len(words)
    first = name_words[0].lower()
    by_first_name = len(name_words) > 1 and (first in rules.male_names or first in rules.female_names)
    # Most runs are none of these (a capital opening a sentence, a place): skip them before reading the name.
    if not (by_first_name or titled or surname(name_words[-1]) in genders):
        return None
    name = _person_name(" ".join(name_words))
    if not name or any(w.lower() in rules.not_person_words for w in name.split()):
        return None  # "Cornell Law School", "Virginia Beach"
    if name != " ".join(name_words) and not (titled or surname(name) in genders):
        return None
    return name, rules.gender(words, name) or genders.get(surname(name), UNKNOWN_GENDER)


@lru_cache(maxsize=4096)
def _person_name(text: str) -> str | None:
    """:func:`~framing.features.attribution.person_names.person_name`, remembered: names recur across articles."""
    return person_name(text)


class PronounResolver:
    """Resolve speaking pronouns of one article to person mentions (a sentence's mentions found when first needed).

    Parameters
    ----------
    document : the article.
    rules : :class:`CoreferenceRules`.
    known : surname → gender of people known beforehand (a registry's), or a function giving it
        when the mentions are first needed.
    """

    def __init__(self, document: Document, rules: CoreferenceRules,
                 known: Mapping[str, str] | Callable[[], Mapping[str, str]] | None = None):
        self.document = document
        self.rules = rules
        self.known = known or {}
        self._genders: dict[str, str] | None = None  # surname → gender: known, speaking, met
        # Sentence index → its person mentions in the text, found when a pronoun first reads it.
        self._mentions: dict[int, list[Mention]] = {}
        # Sentence index → the named people speaking there and the pronouns already resolved
        # (as mentions of their person, with the pronoun's gender).
        self._noted: dict[int, list[Mention]] = {}
        self._speaking: set[int] = set()  # offsets of the speakers' sources
        self._learned: dict[str, str] = {}  # surname → the gender a resolved pronoun gave

    def genders(self) -> dict[str, str]:
        """Surname → gender of the people known beforehand, speaking so far, or met in the sentences read."""
        if self._genders is None:
            self._genders = dict(self.known() if callable(self.known) else self.known)
        return self._genders

    def note_speaker(self, at: int, text: str, name: str) -> None:
        """Record that the named person ``name`` speaks from the source ``text`` at offset ``at``."""
        sentence = self.document.sentence_at(at)
        index = sentence.index if sentence else 0
        gender = self.rules.gender(text.split(), name)
        self._noted.setdefault(index, []).append(Mention(text, name, at, index, gender))
        self._speaking.add(at)
        genders = self.genders()
        genders[surname(name)] = gender or genders.get(surname(name), UNKNOWN_GENDER)

    def mentions(self, index: int) -> list[Mention]:
        """The person mentions of sentence ``index`` (read once)."""
        if index not in self._mentions:
            self._mentions[index] = sentence_mentions(self.document, index, self.rules, self.genders())
        return self._mentions[index]

    def antecedent(self, pronoun: str, at: int) -> Mention | None:
        """The person mention a speaking ``pronoun`` ("he", "she") at offset ``at`` refers to, or None.

        None when no mention fits within ``sentences_back``.  A pronoun the
        extractor reads as a source is read as one even where the quotation
        marks around it look open (a closing mark typed as an opening one).
        """
        gender = PRONOUN_GENDERS.get(pronoun.lower())
        here = self.document.sentence_at(at)
        if gender is None or here is None:
            return None
        # Earlier sentences first, so a full name met there teaches the surname a later one repeats.
        window = range(max(0, here.index - self.rules.sentences_back), here.index + 1)
        mentions = {index: self.mentions(index) for index in window}
        for index in reversed(window):
            in_sentence = sorted((m for m in (*mentions[index], *self._noted.get(index, ())) if m.start < at),
                                 key=lambda m: m.start)
            if index == here.index:
                # In its own sentence only the subject or a speaker: "Azar said he", "Later, Azar said he",
                # not "In an interview with Bloomberg, he".
                in_sentence = [m for m in in_sentence
                               if m.start in self._speaking or _opens(self.document.body[here.start : m.start])]
            fitting = [m for m in in_sentence if (m.gender or self._learned.get(surname(m.name), "")) in (gender, "")]
            if fitting:
                found = fitting[0]
                self._noted.setdefault(here.index, []).append(Mention(found.text, found.name, at, here.index, gender))
                self._learned[surname(found.name)] = gender
                return found
        return None


def _opens(before: str) -> bool:
    """Whether a mention after ``before`` (from its sentence start) opens the sentence: at most one word first.

    >>> _opens("But "), _opens("In an interview with "), _opens("Asked about it, ")
    (True, False, False)
    """
    return "," not in before and len(before.split()) <= 1
