"""The context of one target mention in its sentence, as numbers a linear model can weigh.

Word valences come from VADER's lexicon (with its negation rule: a word within
three words after "not", "never", "n't"... is flipped and damped, and so is a
positive word within three words after a polarity shifter in its clause,
"dropped any positive agenda"); the sentence's own VADER scores are passed in,
never recomputed, and inside a speech quote give way to the quote's valences.  The context is cut into
clauses at punctuation and at clause words ("but", "while", "which", ...), and
the mention's grammatical role is read from word order: the agent of what
follows it ("NATO attacked Yugoslavia"), the patient of a passive ("NATO was
attacked") or of what precedes it ("Serbia attacked NATO"), the agent after
"by", or the speaker of a reporting verb.  Besides these numbers, the model reads
the word 1- and 2-grams of the sentence with the mention masked
(:func:`masked_ngrams`) and the words right beside the mention, by their place
(:func:`position_ngrams`: "accused <t>" and "<t> accused" differ there).

Examples
--------
>>> from framing.features.sentiment.scorer import make_analyzer
>>> lexicon = make_analyzer().lexicon
>>> ctx = sentence_context("NATO attacked Yugoslavia.", lexicon)
>>> f = mention_features(ctx, 0, 1, {"compound": -0.4767, "pos": 0.0, "neg": 0.6, "neu": 0.4}, False)
>>> f["agent_neg"] < 0, f["patient_neg"]
(True, 0.0)
>>> ctx = sentence_context("NATO was attacked.", lexicon)
>>> f = mention_features(ctx, 0, 1, {"compound": -0.4767, "pos": 0.0, "neg": 0.6, "neu": 0.4}, False)
>>> f["agent_neg"], f["patient_neg"] < 0
(0.0, True)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from vaderSentiment.vaderSentiment import NEGATE, normalize

from framing.datafiles import packaged_word_list
from framing.document.parse import WORD_RE, Quote
from framing.document.vocabulary import PASSIVE_AUXILIARIES

# VADER's damping of a negated word's valence.
NEGATION_SCALAR = -0.74
NEGATION_WORDS = frozenset(NEGATE) | {"no"}
# Verbs that turn around the positive words they act on ("dropped any positive agenda").
POLARITY_SHIFTERS = packaged_word_list("vocabulary", "polarity_shifters.txt")
# Punctuation in the gap between two words that closes a clause.
CLAUSE_GAP_RE = re.compile(r"[,;:()\[\]—–\"“”]|\s-\s")
CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however", "because",
                          "which", "who", "whom", "whose", "yet", "despite", "after", "before",
                          "when", "since", "unless", "if"})
CONTRAST_WORDS = frozenset({"but", "however", "yet", "although", "though", "whereas", "despite"})
# The next two lists are part of the target-tone model's features: the model in
# framing/data/target_model.json was trained with them, so changing them means
# retraining it (python -m framing.evaluate.train_targets).  Replacing them with
# every form in reporting_verbs.toml and the shared determiners and titles
# (framing/data/vocabulary/) was measured: NewsMTSC dev macro-F1 0.632 against
# 0.639 after retraining, so they stay the model's own.
# A mention followed by one of these speaks ("NATO said", "according to Russia").
SPEAKING_WORDS = frozenset({"said", "says", "say", "told", "tells", "stated", "states", "added",
                            "noted", "claimed", "claims", "argued", "argues", "insisted", "wrote",
                            "warned", "warns", "announced", "explained", "stressed", "asked",
                            "according", "reported", "believes", "believed", "thinks", "called"})
# Words that may precede a mention that still opens its clause ("the former president Trump").
LEAD_IN_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "former", "president",
                           "mr", "ms", "mrs", "sen", "rep", "gov", "dr", "u.s", "senator", "leader"})
WINDOW = 4
# What stands for the mention in the masked sentence, and how many words a negation reaches.
MENTION_TOKEN = "<t>"
NEGATION_SCOPE = 3
# A double-quoted span of at least this many words is speech; shorter ones are
# scare quotes or titles ("business as usual"), left in the outlet's voice.
SPEECH_MIN_WORDS = 4


def is_speech(quote: Quote | None) -> bool:
    """Whether a quotation span is speech rather than a scare quote or a title."""
    return quote is not None and quote.mark == "double" and quote.n_words >= SPEECH_MIN_WORDS


@dataclass(frozen=True)
class SentenceContext:
    """A sentence's words, their signed valences and clause numbers."""

    words: tuple[str, ...]
    valences: tuple[float, ...]
    clauses: tuple[int, ...]

    @cached_property
    def negations(self) -> tuple[bool, ...]:
        """Whether each word is a negation ("not", "no", "didn't"): read once for all the sentence's mentions."""
        return tuple(map(_is_negation, self.words))

    @cached_property
    def scored(self) -> tuple[int, ...]:
        """The indices of the words with a valence, in order."""
        return tuple(i for i, value in enumerate(self.valences) if value)

    @cached_property
    def contrasts(self) -> tuple[int, ...]:
        """The indices of the contrast words ("but", "however"), in order: read once for all mentions."""
        return tuple(i for i, word in enumerate(self.words) if word in CONTRAST_WORDS)


def sentence_context(text: str, lexicon: Mapping[str, float],
                     spans: list[tuple[int, int]] | None = None,
                     words: tuple[str, ...] | None = None) -> SentenceContext:
    """Words, negation-aware VADER valences and clause numbers of one sentence.

    ``spans`` are the word spans within ``text`` when already known (a Document's
    tokens); otherwise the text is tokenized with the Document's word pattern.
    ``words`` are those spans' words lower-cased, when known too (a Document's tokens).

    Examples
    --------
    >>> from framing.features.sentiment.scorer import make_analyzer
    >>> ctx = sentence_context("It is not good, but fine.", make_analyzer().lexicon)
    >>> [round(v, 2) for v in ctx.valences], ctx.clauses
    ([0.0, 0.0, 0.0, -1.41, 0.0, -0.59], (0, 0, 0, 0, 1, 1))
    """
    if spans is None:
        spans = [m.span() for m in WORD_RE.finditer(text)]
    if words is None:
        words = tuple(text[s:e].lower() for s, e in spans)
    valences = []
    clauses = []
    clause = 0
    for i, word in enumerate(words):
        if i and (word in CLAUSE_WORDS or _closes_clause(text, spans[i - 1][1], spans[i][0])):
            clause += 1
        clauses.append(clause)
        value = lexicon.get(word, 0.0)
        # As in VADER: "no" before a sentiment word negates it instead of counting itself.
        if word == "no" and i + 1 < len(words) and words[i + 1] in lexicon:
            value = 0.0
        if value and _shifted(words, clauses, i, value):
            value *= NEGATION_SCALAR
        valences.append(value)
    return SentenceContext(words, tuple(valences), tuple(clauses))


def _closes_clause(text: str, gap_start: int, gap_end: int) -> bool:
    """Whether the gap ``text[gap_start:gap_end]`` between two words closes a clause (:data:`CLAUSE_GAP_RE`).

    Most gaps are one space, which cannot: they are passed without a search.
    """
    if gap_end - gap_start == 1 and text[gap_start] == " ":
        return False
    return CLAUSE_GAP_RE.search(text, gap_start, gap_end) is not None


def _shifted(words: tuple[str, ...], clauses: list[int], i: int, value: float) -> bool:
    """Whether word ``i`` is negated ("not good") or, if positive, shifted ("dropped any positive agenda").

    A shifter counts only within the word's own clause: in "they dropped the
    charges, a good outcome" nothing is shifted.
    """
    before = range(max(0, i - NEGATION_SCOPE), i)
    if any(_is_negation(words[j]) for j in before):
        return True
    return value > 0 and any(words[j] in POLARITY_SHIFTERS and clauses[j] == clauses[i] for j in before)


def _split(values: Iterable[float]) -> tuple[float, float]:
    """Sums of the positive and of the negative valences (any iterable, read once)."""
    values = list(values)
    pos = sum([v for v in values if v > 0])
    neg = sum([v for v in values if v < 0])
    return pos, neg


def mention_features(ctx: SentenceContext, m0: int, m1: int, vader: Mapping[str, float],
                     in_quote: bool, quote_words: tuple[int, int] | None = None) -> dict[str, float]:
    """Numeric context features of the mention made of words ``m0 .. m1-1``.

    ``vader`` is the sentence's VADER scores (compound, pos, neg, neu);
    ``in_quote`` whether the mention lies inside a speech quote, and
    ``quote_words`` that quote's word range in the sentence (the speaker's own
    words, apart from the reporting frame around them).
    """
    words, val, clauses = ctx.words, ctx.valences, ctx.clauses
    n = len(words)
    m1 = max(m1, m0 + 1)
    clause = clauses[m0] if m0 < n else 0
    q0, q1 = quote_words if in_quote and quote_words else (0, n)
    left, right, outside, window, weighted, quoted = _regions(ctx, m0, m1, clause, (q0, q1))
    clause_start = clauses.index(clause) if clause in clauses else m0  # the clause's first word
    lead_in = [w for w in words[clause_start:m0] if w not in LEAD_IN_WORDS]
    after = words[m1:m1 + 4]
    # "was attacked", "was harshly criticized": an auxiliary, then a participle within two words.
    passive = any(w in PASSIVE_AUXILIARIES and any(x.endswith(("ed", "en")) for x in after[i + 1:i + 3])
                  for i, w in enumerate(after))
    by_agent = m0 > 0 and words[m0 - 1] == "by"
    subject = not lead_in and not passive
    speaker = bool(set(after) & SPEAKING_WORDS) or (m0 > 1 and words[m0 - 2:m0] == ("according", "to"))
    possessive = m1 < n and words[m1 - 1].endswith(("'s", "’s")) or (m1 < n and words[m1] in {"s"})
    contrast = ctx.contrasts
    quote_pos, quote_neg = _split(quoted)
    left_pos, left_neg = _split(left)
    right_pos, right_neg = _split(right)
    out_pos, out_neg = _split(outside)
    win_pos, win_neg = _split(window)
    dw_pos, dw_neg = _split(weighted)
    clause_pos, clause_neg = left_pos + right_pos, left_neg + right_neg
    return {
        # Inside speech the quote speaks for itself: the whole sentence's VADER
        # (the reporting frame around the quote included) gives way to the quote's
        # own valences, negation and shifters read ("dropped any positive agenda").
        "compound": 0.0 if in_quote else vader["compound"],
        "vader_pos": 0.0 if in_quote else vader["pos"],
        "vader_neg": 0.0 if in_quote else vader["neg"],
        "scope_compound": normalize(math.fsum(val[q0:q1])),
        "clause_pos": clause_pos,
        "clause_neg": clause_neg,
        "left_pos": left_pos,
        "left_neg": left_neg,
        "right_pos": right_pos,
        "right_neg": right_neg,
        "outside_pos": out_pos,
        "outside_neg": out_neg,
        "window_pos": win_pos,
        "window_neg": win_neg,
        "weighted_pos": dw_pos,
        "weighted_neg": dw_neg,
        "agent_neg": right_neg if subject else 0.0,
        "agent_pos": right_pos if subject else 0.0,
        "patient_neg": 0.0 if by_agent else right_neg if passive else left_neg if lead_in else 0.0,
        "patient_pos": 0.0 if by_agent else right_pos if passive else left_pos if lead_in else 0.0,
        "by_agent_neg": clause_neg if by_agent else 0.0,
        "speaker": float(speaker),
        "speaker_outside_neg": out_neg if speaker else 0.0,
        "possessive_neg": right_neg if possessive else 0.0,
        "possessive_pos": right_pos if possessive else 0.0,
        "subject": float(subject),
        "passive": float(passive),
        "in_quote": float(in_quote),
        "quote_pos": quote_pos if in_quote else 0.0,
        "quote_neg": quote_neg if in_quote else 0.0,
        "after_contrast": float(any(c < m0 for c in contrast)),
        "before_contrast": float(any(c >= m1 for c in contrast)),
        "position": m0 / n if n else 0.0,
        "log_length": math.log1p(n),
        "n_sentiment_words": float(len(ctx.scored)),
    }


def _regions(ctx: SentenceContext, m0: int, m1: int, clause: int, quote: tuple[int, int]) -> tuple[list[float], ...]:
    """The valences around the mention ``m0 .. m1-1``: left and right in its clause, outside it, in the window,
    weighted by distance, and in ``quote`` (a word range), each in sentence order.

    Only the words with a valence are read: the regions feed :func:`_split`'s sums, to which a word
    without one adds nothing.  A mention word counts only outside the mention's clause.
    """
    val, clauses = ctx.valences, ctx.clauses
    left, right, outside, window, weighted, quoted = [], [], [], [], [], []
    window_start, window_end = m0 - WINDOW, m1 + WINDOW
    for i in ctx.scored:
        value = val[i]
        if clauses[i] != clause:
            outside.append(value)
        if m0 <= i < m1:
            continue
        if clauses[i] == clause:
            (left if i < m0 else right).append(value)
        if window_start <= i < window_end:
            window.append(value)
        weighted.append(value / (1 + (m0 - i if i < m0 else i - m1 + 1) / 3))
        if quote[0] <= i < quote[1]:
            quoted.append(value)
    return left, right, outside, window, weighted, quoted


def _is_negation(word: str) -> bool:
    return word in NEGATION_WORDS or word.endswith(("n't", "n’t"))


def masked_tokens(ctx: SentenceContext, m0: int, m1: int) -> list[str]:
    """The sentence's words with the mention replaced by ``<t>``, negated words marked ``not_``.

    A word within three words after a negation, in the same clause, reads
    ``not_<word>``, so "not good" and "good" are different features.

    Examples
    --------
    >>> ctx = SentenceContext(("critics", "say", "nato", "is", "not", "ready"), (0.0,) * 6, (0,) * 6)
    >>> masked_tokens(ctx, 2, 3)
    ['critics', 'say', '<t>', 'is', 'not', 'not_ready']
    """
    m1 = max(m1, m0 + 1)
    tokens = []
    scope, scope_clause = 0, -1
    clauses, negations = ctx.clauses, ctx.negations
    for i, word in enumerate(ctx.words):
        if m0 <= i < m1:
            if i == m0:
                tokens.append(MENTION_TOKEN)
            continue
        negated = scope > 0 and clauses[i] == scope_clause
        tokens.append("not_" + word if negated else word)
        scope -= 1
        if negations[i]:
            scope, scope_clause = NEGATION_SCOPE, clauses[i]
    return tokens


def position_ngrams(tokens: list[str]) -> set[str]:
    """The one and two words just left (``L1|``, ``L2|``, ``L12|``) and right of ``<t>`` in masked tokens.

    The words are read across clause boundaries and negation marks are kept:
    "critics slammed <t>" gives ``L1|slammed`` whatever the rest says.

    Examples
    --------
    >>> sorted(position_ngrams(["critics", "slammed", "<t>", "again"]))
    ['L12|critics slammed', 'L1|slammed', 'L2|critics', 'R1|again']
    """
    if MENTION_TOKEN not in tokens:
        return set()
    t = tokens.index(MENTION_TOKEN)
    left, right = tokens[max(0, t - 2):t], tokens[t + 1:t + 3]
    out = {f"L{d}|{word}" for d, word in enumerate(reversed(left), 1)}
    out |= {f"R{d}|{word}" for d, word in enumerate(right, 1)}
    if len(left) == 2:
        out.add(f"L12|{left[0]} {left[1]}")
    if len(right) == 2:
        out.add(f"R12|{right[0]} {right[1]}")
    return out


def mention_ngrams(ctx: SentenceContext, m0: int, m1: int) -> set[str]:
    """All the n-grams the model reads: :func:`masked_ngrams` and :func:`position_ngrams`.

    Examples
    --------
    >>> ctx = SentenceContext(("critics", "slammed", "nato"), (0.0,) * 3, (0,) * 3)
    >>> sorted(mention_ngrams(ctx, 2, 3))[:4]
    ['<t>', 'L12|critics slammed', 'L1|slammed', 'L2|critics']
    """
    tokens = masked_tokens(ctx, m0, m1)
    return _ngrams(tokens) | position_ngrams(tokens)


def _ngrams(tokens: list[str]) -> set[str]:
    return {*tokens, *map(" ".join, zip(tokens, tokens[1:]))}


def masked_ngrams(ctx: SentenceContext, m0: int, m1: int) -> set[str]:
    """Word 1- and 2-grams of the masked sentence (:func:`masked_tokens`).

    Examples
    --------
    >>> ctx = SentenceContext(("critics", "slammed", "nato"), (0.0,) * 3, (0,) * 3)
    >>> sorted(masked_ngrams(ctx, 2, 3))
    ['<t>', 'critics', 'critics slammed', 'slammed', 'slammed <t>']
    """
    return _ngrams(masked_tokens(ctx, m0, m1))
