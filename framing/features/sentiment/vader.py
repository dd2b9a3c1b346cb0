"""VADER sentiment, identical to vaderSentiment 3.3.2's ``polarity_scores``, only faster.

vaderSentiment's analyzer rebuilds the lower-cased word list up to four times
for every sentiment word (so a long text costs O(n²)), walks the text one
character at a time to replace emojis, and re-reads its lexicon files (found
through the source file's path) for every analyzer instance.  This module keeps
the library's rules (:mod:`framing.features.sentiment.vader_rules`), constants
and order of floating-point operations, so the scores are bit-identical
(checked against the library on the seeds and on a sample of real articles in
``tests/test_sentiment_vader.py``, on a whole corpus by
``benchmarks/benchmark.py``), but:

- the lexicons are read once per process from the installed ``vaderSentiment``
  package with :mod:`importlib.resources`;
- each word is analysed once (a bounded cache of token analyses);
- emojis are replaced only when the text holds one;
- an article's sentences and its whole body are scored from one pass over its
  words (:meth:`FastSentimentAnalyzer.span_scores`).

Examples
--------
>>> analyzer = FastSentimentAnalyzer()
>>> analyzer.polarity_scores("VADER is smart, handsome, and funny!")
{'neg': 0.0, 'neu': 0.248, 'pos': 0.752, 'compound': 0.8439}
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate, compress
from operator import itemgetter

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

from framing.features.sentiment.vader_rules import but_check, score_valence, word_valence

__all__ = ["FastSentimentAnalyzer", "load_lexicons"]

_WORD, _LOWER, _CAPS, _SCORED = (itemgetter(n) for n in range(4))
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
        sentiments = but_check(lowers, self._sentiments(words, lowers, scored, is_cap_diff))
        # Only scored positions can hold a non-zero value, before and after
        # the "but" rule (which rescales values, and zeros stay zero).
        return score_valence(sentiments, [sentiments[i] for i in scored], text)

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
        # A span of a text without emojis has none: the text is checked once, not every span again.
        has_emoji = self._has_emoji(text)
        if has_emoji:
            token_words = [self._token_words(token) for token in tokens]
            first_word = [0, *accumulate(map(len, token_words))]
            tokens = [word for words in token_words for word in words]
        words, lowers, caps, scored = self._analyse(tokens)
        cap_sums = [0, *accumulate(caps)]
        whole_cap_diff = _is_cap_diff(len(words), cap_sums[-1])
        valences = self._sentiments(words, lowers, scored, whole_cap_diff)
        whole = but_check(lowers, list(valences))
        context = _TextValences(words, lowers, caps, scored, valences, whole_cap_diff)
        span_results = []
        for (start, end), words_range in zip(spans, _token_ranges(text, spans)):
            if words_range is None:
                span_results.append(self.polarity_scores(text[start:end]))
                continue
            first, past = words_range if first_word is None else (first_word[words_range[0]],
                                                                    first_word[words_range[1]])
            span_text = text[start:end]
            if has_emoji:
                span_text = self._replace_emojis(span_text)  # emoji descriptions hold a few "!"
            span_results.append(self._span_score(context, first, past, cap_sums, span_text))
        whole_text = self._replace_emojis(text) if has_emoji else text
        return span_results, score_valence(whole, [whole[i] for i in scored], whole_text)

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
            return score_valence([0] * n_words, [], span_text)
        words, lowers = context.words[first:past], context.lowers[first:past]
        is_cap_diff = _is_cap_diff(n_words, cap_sums[past] - cap_sums[first])
        same_caps = is_cap_diff == context.is_cap_diff
        sentiments: list[float] = [0] * n_words
        for i in scored:
            k = i - first
            if 3 <= k <= n_words - 3 and (same_caps or not any(context.caps[i - 3:i + 1])):
                sentiments[k] = context.valences[i]
            elif not (k < n_words - 1 and lowers[k] == "kind" and lowers[k + 1] == "of"):
                sentiments[k] = word_valence(self.lexicon, words, lowers, k, is_cap_diff)
        sentiments = but_check(lowers, sentiments)
        return score_valence(sentiments, [sentiments[i - first] for i in scored], span_text)

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
            sentiments[i] = word_valence(self.lexicon, words, lowers, i, is_cap_diff)
        return sentiments

    def _has_emoji(self, text: str) -> bool:
        """Whether ``_replace_emojis`` would change ``text``."""
        if text.isascii() and not self._ascii_emoji:
            return False
        return not self._emoji_chars.isdisjoint(text)


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
