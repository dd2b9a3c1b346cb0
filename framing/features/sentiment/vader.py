"""VADER sentiment, identical to vaderSentiment 3.3.2's ``polarity_scores``, only faster.

vaderSentiment's analyzer rebuilds the lower-cased word list up to four times
for every sentiment word (so a long text costs O(n²)), walks the text one
character at a time to replace emojis, and re-reads its lexicon files (found
through the source file's path) for every analyzer instance.  This module keeps
the library's rules, constants and order of floating-point operations, so the
scores are bit-identical (checked against the library on the seeds and on a
sample of real articles in ``tests/test_sentiment_vader.py``, on a whole corpus by
``benchmarks/benchmark.py``), but:

- the lexicons are read once per process from the installed ``vaderSentiment``
  package with :mod:`importlib.resources`;
- each text is lower-cased once;
- emojis are replaced by one compiled regex, and only when the text holds one.

Examples
--------
>>> analyzer = FastSentimentAnalyzer()
>>> analyzer.polarity_scores("VADER is smart, handsome, and funny!")
{'neg': 0.0, 'neu': 0.248, 'pos': 0.752, 'compound': 0.8439}
"""

from __future__ import annotations

import math
from bisect import insort
from functools import cache
from importlib import resources
from itertools import compress
from operator import itemgetter

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentiText,
    normalize,
    scalar_inc_dec,
)

__all__ = ["FastSentimentAnalyzer", "load_lexicons"]

_NEGATE = frozenset(NEGATE)
_WORD, _LOWER, _CAPS, _SCORED = (itemgetter(n) for n in range(4))
# First words of the multi-word special cases and boosters ("kiss of death",
# "sort of").  Every word sequence the idiom check looks up starts at word
# i-3, i-2, i-1 or i, so when none of those is such a first word nothing can
# match and the check is skipped.
_IDIOM_STARTS = frozenset(key.split(" ")[0] for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key)
# Tokens are stripped of surrounding punctuation exactly as the library does.
_strip_punc_if_word = SentiText._strip_punc_if_word


@cache
def load_lexicons() -> tuple[dict[str, float], dict[str, str]]:
    """The VADER word lexicon and emoji lexicon, read once per process.

    The files are read from the installed ``vaderSentiment`` package and parsed
    the way ``SentimentIntensityAnalyzer.make_lex_dict``/``make_emoji_dict`` do
    (bytes decoded as UTF-8, so line ends are kept and stripped per line).

    Examples
    --------
    >>> lexicon, emojis = load_lexicons()
    >>> lexicon["good"], emojis["😀"]
    (1.9, 'grinning face')
    """
    package = resources.files("vaderSentiment")
    lexicon_text = package.joinpath("vader_lexicon.txt").read_bytes().decode("utf-8")
    lexicon: dict[str, float] = {}
    for line in lexicon_text.rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    emoji_text = package.joinpath("emoji_utf8_lexicon.txt").read_bytes().decode("utf-8")
    emojis: dict[str, str] = {}
    for line in emoji_text.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return lexicon, emojis


def _is_negation(word_lower: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    word = word_lower.lower()
    return word in _NEGATE or "n't" in word


class FastSentimentAnalyzer:
    """A drop-in for ``SentimentIntensityAnalyzer`` with identical ``polarity_scores``.

    Build it once and reuse it; the lexicons are shared by every instance in
    the process.

    Examples
    --------
    >>> FastSentimentAnalyzer().polarity_scores("Not bad at all")["compound"]
    0.431
    """

    # Token analyses kept between calls; cleared when this large so memory
    # stays flat on long corpora.
    MAX_CACHED_TOKENS = 100_000

    def __init__(self) -> None:
        self.lexicon, self.emojis = load_lexicons()
        # The library looks emojis up one character at a time, so only
        # one-character entries can ever match.
        self._emoji_chars = frozenset(key for key in self.emojis if len(key) == 1)
        self._ascii_emoji = any(ch.isascii() for ch in self._emoji_chars)
        self._tokens: dict[str, tuple[str, str, bool, bool]] = {}

    def _replace_emojis(self, text: str) -> str:
        """Emojis → their descriptions, spaced as the library's character loop does.

        The loop puts a space before a description unless it is at the start or
        the previous input character is a plain space (an emoji before it
        leaves its description, which never ends in a space).  Each emoji is
        first replaced by a marker plus its description; markers then become a
        space or nothing by that rule.
        """
        if text.isascii() and not self._ascii_emoji:
            return text
        present = self._emoji_chars.intersection(text)
        if not present:
            return text
        marker = "\x00"
        if marker in text:  # pragma: no cover - NUL in article text; stay exact the slow way
            return _replace_emojis_by_loop(text, self.emojis)
        for emoji in present:
            text = text.replace(emoji, marker + self.emojis[emoji])
        if text.startswith(marker):
            text = text[1:]
        return text.replace(" " + marker, " ").replace(marker, " ")

    def _token(self, token: str) -> tuple[str, str, int, bool]:
        """(word, lower-cased word, 1 if all caps, is a scored lexicon word) for a token."""
        word = _strip_punc_if_word(token)
        lower = word.lower()
        info = (word, lower, int(word.isupper()), lower in self.lexicon and lower not in BOOSTER_DICT)
        if len(self._tokens) >= self.MAX_CACHED_TOKENS:
            self._tokens.clear()
        self._tokens[token] = info
        return info

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Scores ``neg``, ``neu``, ``pos`` and ``compound``, as vaderSentiment gives them.

        Examples
        --------
        >>> FastSentimentAnalyzer().polarity_scores("The plot was good, but the dialog is not great.")
        {'neg': 0.309, 'neu': 0.556, 'pos': 0.136, 'compound': -0.5409}
        """
        text = self._replace_emojis(text).strip()
        cache = self._tokens
        infos = [cache.get(token) or self._token(token) for token in text.split()]
        words = list(map(_WORD, infos))
        lowers = list(map(_LOWER, infos))
        n_words = len(words)
        n_caps = sum(map(_CAPS, infos))
        is_cap_diff = 0 < n_words - n_caps < n_words

        # Boosters, "kind" before "of" and words outside the lexicon score 0.
        sentiments: list[float] = [0] * n_words
        scored = list(compress(range(n_words), map(_SCORED, infos)))
        for i in scored:
            if i < n_words - 1 and lowers[i] == "kind" and lowers[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lowers, i, is_cap_diff)

        sentiments = _but_check(lowers, sentiments)
        # Only scored positions can hold a non-zero value, before and after
        # the "but" rule (which rescales values, and zeros stay zero).
        return _score_valence(sentiments, [sentiments[i] for i in scored], text)

    def _valence(self, words: list[str], lowers: list[str], i: int, is_cap_diff: bool) -> float:
        """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word."""
        lexicon = self.lexicon
        lower = lowers[i]
        valence = lexicon[lower]
        if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lowers[i - 1] == "no") \
                or (i > 1 and lowers[i - 2] == "no") \
                or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor")):
            valence = lexicon[lower] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and lowers[j] not in lexicon:
                s = scalar_inc_dec(words[j], valence, is_cap_diff) if lowers[j] in BOOSTER_DICT else 0.0
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lowers, start_i, i)
                if start_i == 2 and (lowers[i - 1] in _IDIOM_STARTS or lowers[i - 2] in _IDIOM_STARTS
                                     or lowers[i - 3] in _IDIOM_STARTS or lower in _IDIOM_STARTS):
                    valence = _special_idioms_check(valence, lowers, i)
        return _least_check(valence, lowers, i, lexicon)


def _replace_emojis_by_loop(text: str, emojis: dict[str, str]) -> str:
    """The library's character loop, for texts where the fast path's marker occurs."""
    out = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out)


def _negation_check(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """The library's negation check of the word ``start_i + 1`` places before word ``i``."""
    if start_i == 0:
        return _negation_one_before(valence, lowers, i)
    if start_i == 1:
        return _negation_two_before(valence, lowers, i)
    if start_i == 2:
        return _negation_three_before(valence, lowers, i)
    return valence


def _negation_one_before(valence: float, lowers: list[str], i: int) -> float:
    """Dampen and flip ``valence`` after a negation ("not good")."""
    if _is_negation(lowers[i - 1]):
        return valence * N_SCALAR
    return valence


def _negation_two_before(valence: float, lowers: list[str], i: int) -> float:
    """"never so/this" boosts, "without doubt" keeps, a negation two words back flips."""
    if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
        return valence * 1.25
    if lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
        return valence
    if _is_negation(lowers[i - 2]):
        return valence * N_SCALAR
    return valence


def _negation_three_before(valence: float, lowers: list[str], i: int) -> float:
    """"never so/this" (or "so/this" just before) boosts, "without doubt" keeps, a negation three back flips."""
    # Same precedence as the library: (never and (so or this)) or (so or this).
    if lowers[i - 3] == "never" and (lowers[i - 2] == "so" or lowers[i - 2] == "this") or \
            (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
        return valence * 1.25
    if lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
        return valence
    if _is_negation(lowers[i - 3]):
        return valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowers: list[str], i: int) -> float:
    onezero = f"{lowers[i - 1]} {lowers[i]}"
    twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
    threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowers) - 1 > i:
        zeroone = f"{lowers[i]} {lowers[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lowers) - 1 > i + 1:
        zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lowers: list[str], i: int, lexicon: dict[str, float]) -> float:
    if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _but_check(lowers: list[str], sentiments: list[float]) -> list[float]:
    """The library's 'but' rule, including its quirk, without its O(n²) rescans.

    The library walks the list and rescales the *first* element equal to the
    current value (``list.index``), not the current element, so equal values
    interact.  Zeros (``0``, ``0.0``, ``-0.0`` are all equal) only ever touch
    the first zero, which ends as the last zero times the factor; for the other
    values an index of positions per value replays the walk exactly.
    """
    if "but" not in lowers:
        return sentiments
    bi = lowers.index("but")
    zeros = [index for index, value in enumerate(sentiments) if value == 0]
    positions: dict[float, list[int]] = {}
    walk = []
    for index, value in enumerate(sentiments):
        if value != 0:
            positions.setdefault(value, []).append(index)
            walk.append(index)
    for k in walk:
        sentiment = sentiments[k]
        indices = positions[sentiment]
        si = indices[0]
        if si < bi:
            new = sentiment * 0.5
        elif si > bi:
            new = sentiment * 1.5
        else:
            continue
        sentiments[si] = new
        del indices[0]
        if not indices:
            del positions[sentiment]
        insort(positions.setdefault(new, []), si)
    if zeros and zeros[0] != bi:
        factor = 0.5 if zeros[0] < bi else 1.5
        sentiments[zeros[0]] = sentiments[zeros[-1]] * factor
    return sentiments


def _score_valence(sentiments: list[float], candidates: list[float], text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer.score_valence`` (same operations, same order)."""
    if sentiments:
        sum_s = float(sum(sentiments))
        ep_count = min(text.count("!"), 4)
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        pos_sum = 0.0
        neg_sum = 0.0
        scored = [score for score in candidates if score != 0]
        neu_count = len(sentiments) - len(scored)
        for score in scored:  # same order of additions as the library
            if score > 0:
                pos_sum += (float(score) + 1)
            else:
                neg_sum += (float(score) - 1)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
    else:
        compound = 0.0
        pos = 0.0
        neg = 0.0
        neu = 0.0
    return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3),
            "compound": round(compound, 4)}
