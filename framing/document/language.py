"""Is a text English?  The measures framing uses (VADER, the lexicons, textstat) are English-only.

Examples
--------
>>> is_english("The minister said that the talks would continue on Monday.".split())
True
>>> is_english("Министр заявил, что переговоры продолжатся в понедельник.".split())
False
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.document.vocabulary import FREQUENT_FUNCTION_WORDS

MIN_SHARE = 0.12
MIN_TOKENS = 8


def english_share(tokens: Sequence[str]) -> float:
    """Share of ``tokens`` (lower-cased words) that are English function words."""
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in FREQUENT_FUNCTION_WORDS) / len(tokens)


def is_english(tokens: Sequence[str]) -> bool:
    """Whether lower- or mixed-case word ``tokens`` read as English.

    Very short texts are given the benefit of the doubt when they are in the
    Latin alphabet.
    """
    lowered = [t.lower() for t in tokens]
    if len(lowered) < MIN_TOKENS:
        letters = "".join(lowered)
        return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.9
    return english_share(lowered) >= MIN_SHARE
