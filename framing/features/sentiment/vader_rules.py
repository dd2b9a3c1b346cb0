"""VADER's word rules as pure functions: a word's valence in context, the "but" rule, the scores.

vaderSentiment 3.3.2's ``sentiment_valence``, ``_but_check`` and
``score_valence``, with the library's constants and order of floating-point
operations, so the results are bit-identical; :mod:`framing.features.sentiment.vader`
feeds them words (tokenising, emojis, sentences and the whole text).

Examples
--------
>>> from framing.features.sentiment.vader import load_lexicons
>>> words = ["the", "talks", "were", "not", "a", "failure"]
>>> round(word_valence(load_lexicons()[0], words, words, 5, False), 3)  # "failure" -2.3 negated
1.702
"""

from __future__ import annotations

import math
from bisect import insort
from collections.abc import Mapping, Sequence

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    normalize,
    scalar_inc_dec,
)

__all__ = ["but_check", "score_valence", "word_valence"]

_NEGATE = frozenset(NEGATE)
# First words of the multi-word special cases and boosters ("kiss of death",
# "sort of").  Every word sequence the idiom check looks up starts at word
# i-3, i-2, i-1 or i, so when none of those is such a first word nothing can
# match and the check is skipped.
_IDIOM_STARTS = frozenset(key.split(" ")[0] for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key)


def word_valence(lexicon: Mapping[str, float], words: Sequence[str], lowers: Sequence[str], i: int,
                 is_cap_diff: bool) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` for the lexicon word ``i`` of ``words``.

    ``lowers`` are the words lower-cased; ``is_cap_diff`` says whether the
    unit scored mixes words in capitals with others.  The result depends only
    on the words ``i-3 .. i+2`` (and on ``is_cap_diff`` when one of the words
    ``i-3 .. i`` is in capitals).

    Examples
    --------
    >>> from framing.features.sentiment.vader import load_lexicons
    >>> words = "it is not good".split()
    >>> round(word_valence(load_lexicons()[0], words, words, 3, False), 3)  # 1.9 * -0.74
    -1.406
    """
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


def _is_negation(word_lower: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    word = word_lower.lower()
    return word in _NEGATE or "n't" in word


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


def but_check(lowers: list[str], sentiments: list[float]) -> list[float]:
    """The library's 'but' rule, including its quirk, without its O(n²) rescans.

    ``sentiments`` (one valence per word of ``lowers``) is changed in place and returned.

    The library walks the list and rescales the *first* element equal to the
    current value (``list.index``), not the current element, so equal values
    interact.  Zeros (``0``, ``0.0``, ``-0.0`` are all equal) only ever touch
    the first zero, which ends as the last zero times the factor; for the other
    values an index of positions per value replays the walk exactly.

    Examples
    --------
    >>> but_check(["good", "but", "bad"], [1.9, 0, -2.5])  # halved before "but", times 1.5 after
    [0.95, 0, -3.75]
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


def score_valence(sentiments: list[float], candidates: list[float], text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer.score_valence`` (same operations, same order).

    ``candidates`` are the values at the lexicon words' positions (only they
    can be non-zero); ``text`` is read for its "!" and "?".

    Examples
    --------
    >>> score_valence([0, 1.9], [1.9], "a good!")  # pos (1.9 + 1 + 0.292 for the "!") / (that + 1 neutral)
    {'neg': 0.0, 'neu': 0.239, 'pos': 0.761, 'compound': 0.4926}
    """
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
