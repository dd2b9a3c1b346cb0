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
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate, compress
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


@dataclass(frozen=True)
class _TextValences:
    """A whole text's word analysis and valences (before the "but" rule), shared by its spans."""

    words: list[str]
    lowers: list[str]
    caps: list[int]
    scored: list[int]
    valences: list[float]
    is_cap_diff: bool


def _token_ranges(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """For each span, its first and past-last whitespace token of ``text``; None where it cuts a token.

    Spans are taken in order; one that starts before the previous one ends,
    is empty, or does not start and end next to white space (or the text's
    ends) gets None.
    """
    ranges: list[tuple[int, int] | None] = []
    cursor = previous_end = 0
    length = len(text)
    for start, end in spans:
        aligned = (previous_end <= start < end and (start == 0 or text[start - 1].isspace())
                   and not text[start].isspace() and (end == length or text[end].isspace())
                   and not text[end - 1].isspace())
        if not aligned:
            ranges.append(None)
            continue
        first = cursor + len(text[previous_end:start].split())
        cursor = first + len(text[start:end].split())
        previous_end = end
        ranges.append((first, cursor))
    return ranges


def _is_cap_diff(n_words: int, n_caps: int) -> bool:
    """The library's ``allcap_differential``: some words, not all, are in capitals."""
    return 0 < n_words - n_caps < n_words


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
        if not self._has_emoji(text):
            return text
        present = self._emoji_chars.intersection(text)
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
        words, lowers, caps, scored = self._analyse(text.split())
        is_cap_diff = _is_cap_diff(len(words), sum(caps))
        sentiments = _but_check(lowers, self._sentiments(words, lowers, scored, is_cap_diff))
        # Only scored positions can hold a non-zero value, before and after
        # the "but" rule (which rescales values, and zeros stay zero).
        return _score_valence(sentiments, [sentiments[i] for i in scored], text)

    def span_scores(self, text: str, spans: Sequence[tuple[int, int]]
                    ) -> tuple[list[dict[str, float]], dict[str, float]]:
        """``polarity_scores`` of ``text[start:end]`` for each span, and of the whole ``text``.

        Each token's valence is computed once, in the context of the whole
        text.  A word's valence only depends on the three words before it, the
        two after it, and (when one of the four words up to it is in capitals)
        whether its unit mixes capitals; so a span reuses the whole text's
        valence for its inner words and computes only its first three and last
        two words, and those the capitals rule touches, again.  The results are
        exactly those of scoring each span on its own.  Spans must start and
        end at word boundaries (sentences do); any other span is scored on its own.

        Examples
        --------
        >>> text = "It was not a failure. Sadly, the talks go on."
        >>> spans, whole = FastSentimentAnalyzer().span_scores(text, [(0, 21), (22, 45)])
        >>> [s["compound"] for s in spans], whole["compound"]  # the whole text negates "Sadly" too
        ([0.4023, -0.4215], 0.6167)
        """
        tokens = text.split()
        # An emoji becomes its description's words; first_word[j] is the
        # position of token j's first word (None when every token is one word).
        first_word = None
        if self._has_emoji(text):
            token_words = [self._token_words(token) for token in tokens]
            first_word = [0, *accumulate(map(len, token_words))]
            tokens = [word for words in token_words for word in words]
        words, lowers, caps, scored = self._analyse(tokens)
        cap_sums = [0, *accumulate(caps)]
        whole_cap_diff = _is_cap_diff(len(words), cap_sums[-1])
        valences = self._sentiments(words, lowers, scored, whole_cap_diff)
        whole = _but_check(lowers, list(valences))
        context = _TextValences(words, lowers, caps, scored, valences, whole_cap_diff)
        span_results = []
        for (start, end), words_range in zip(spans, _token_ranges(text, spans)):
            if words_range is None:
                span_results.append(self.polarity_scores(text[start:end]))
                continue
            first, past = words_range if first_word is None else (first_word[words_range[0]],
                                                                    first_word[words_range[1]])
            span_text = self._replace_emojis(text[start:end])  # emoji descriptions hold a few "!"
            span_results.append(self._span_score(context, first, past, cap_sums, span_text))
        return span_results, _score_valence(whole, [whole[i] for i in scored], self._replace_emojis(text))

    def _token_words(self, token: str) -> list[str]:
        """The words one whitespace token becomes once its emojis are described.

        The library's character loop puts a space before a description unless
        the previous character is a plain space, so within a token each
        emoji's description starts a new word and runs into what follows it.
        """
        if self._emoji_chars.isdisjoint(token):
            return [token]
        return "".join(" " + self.emojis[ch] if ch in self._emoji_chars else ch for ch in token).split()

    def _span_score(self, context: _TextValences, first: int, past: int, cap_sums: list[int],
                    span_text: str) -> dict[str, float]:
        """``polarity_scores`` of the words ``first .. past-1``, reusing the text's valences."""
        n_words = past - first
        scored = context.scored[bisect_left(context.scored, first):bisect_left(context.scored, past)]
        if not scored:  # no lexicon word: VADER's fixed result for a neutral text
            return _score_valence([0] * n_words, [], span_text)
        words, lowers = context.words[first:past], context.lowers[first:past]
        is_cap_diff = _is_cap_diff(n_words, cap_sums[past] - cap_sums[first])
        same_caps = is_cap_diff == context.is_cap_diff
        sentiments: list[float] = [0] * n_words
        for i in scored:
            k = i - first
            if 3 <= k <= n_words - 3 and (same_caps or not any(context.caps[i - 3:i + 1])):
                sentiments[k] = context.valences[i]
            elif not (k < n_words - 1 and lowers[k] == "kind" and lowers[k + 1] == "of"):
                sentiments[k] = self._valence(words, lowers, k, is_cap_diff)
        sentiments = _but_check(lowers, sentiments)
        return _score_valence(sentiments, [sentiments[i - first] for i in scored], span_text)

    def _analyse(self, tokens: list[str]) -> tuple[list[str], list[str], list[int], list[int]]:
        """Words, lower-cased words, 1 per all-caps word, and the positions of scored words."""
        cache = self._tokens
        infos = [cache.get(token) or self._token(token) for token in tokens]
        scored = list(compress(range(len(infos)), map(_SCORED, infos)))
        return list(map(_WORD, infos)), list(map(_LOWER, infos)), list(map(_CAPS, infos)), scored

    def _sentiments(self, words: list[str], lowers: list[str], scored: list[int],
                    is_cap_diff: bool) -> list[float]:
        """Each word's valence before the "but" rule; boosters, "kind" before "of" and other words score 0."""
        n_words = len(words)
        sentiments: list[float] = [0] * n_words
        for i in scored:
            if i < n_words - 1 and lowers[i] == "kind" and lowers[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lowers, i, is_cap_diff)
        return sentiments

    def _has_emoji(self, text: str) -> bool:
        """Whether ``_replace_emojis`` would change ``text``."""
        if text.isascii() and not self._ascii_emoji:
            return False
        return not self._emoji_chars.isdisjoint(text)

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
    if sentiments and not any(candidates):
        # No word scores: the sum is 0, so no amplifier applies and all is neutral.
        return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
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
