"""Readability: textstat's five formulas on the cleaned body, with words and sentences.

The formulas (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG,
Dale-Chall) are textstat 0.7.8's, computed by
:mod:`framing.features.readability.formulas` from counts taken once per text, with
values identical to textstat's.  ``n_words``, ``n_sentences`` and
``mean_sentence_length`` come from the :class:`~framing.document.parse.Document`
(the project's own tokens and sentences, the same every family uses).

Short texts are flagged, not dropped: the values are kept, and
``too_short`` (1.0/0.0) marks a body of fewer than :data:`MIN_WORDS` words,
below which none of the five formulas means much (their authors calibrated
them on samples of 100 words or more).  ``smog_too_short`` marks fewer than
:data:`SMOG_MIN_SENTENCES` sentences: SMOG counts long words in a 30-sentence
sample, so a shorter text gives only an extrapolation.  Each flag comes with a
``too_short`` finding saying which formulas and why.  An empty body has no
readability: every formula is NaN.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("a", "The cat sat on the mat. It was happy there. Then it left.")
>>> result = ReadabilityScorer().score(doc)
>>> result.features["n_sentences"], result.features["too_short"]
(3.0, 1.0)
>>> result.findings[0].detail["formulas"][0]
'flesch_reading_ease'
"""

from __future__ import annotations

from framing.document.parse import Document
from framing.features.base import FamilyResult, Finding
from framing.features.readability.formulas import FORMULAS, WordCounts, readability_scores

FAMILY = "readability"

# Below this many words no readability formula is meaningful.
MIN_WORDS = 100
# SMOG is defined on a sample of 30 sentences.
SMOG_MIN_SENTENCES = 30

FEATURE_NAMES = (
    *FORMULAS,
    "n_words",
    "n_sentences",
    "mean_sentence_length",
    "too_short",
    "smog_too_short",
)


def document_counts(document: Document) -> dict[str, float]:
    """Words, sentences and mean sentence length (words per sentence) of a document.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> document_counts(build_document("a", "Talks failed. Both sides left the room."))
    {'n_words': 7.0, 'n_sentences': 2.0, 'mean_sentence_length': 3.5}
    """
    n_words = len(document.tokens)
    n_sentences = len(document.sentences)
    return {
        "n_words": float(n_words),
        "n_sentences": float(n_sentences),
        "mean_sentence_length": n_words / n_sentences if n_sentences else float("nan"),
    }


def shortness_findings(document: Document, n_words: int, n_sentences: int) -> list[Finding]:
    """``too_short`` findings for a body too short for all formulas or for SMOG.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> [f.detail["reason"] for f in shortness_findings(build_document("a", "Short."), 1, 1)][0]
    'the body has 1 word; the readability formulas need at least 100'
    """
    findings = []
    span = (0, len(document.body))
    text = f"{_plural(n_words, 'word')}, {_plural(n_sentences, 'sentence')}"
    if n_words < MIN_WORDS:
        findings.append(Finding(FAMILY, "too_short", text, -1, *span, {
            "formulas": list(FORMULAS),
            "reason": f"the body has {_plural(n_words, 'word')}; the readability formulas "
                      f"need at least {MIN_WORDS}",
        }))
    if n_sentences < SMOG_MIN_SENTENCES:
        findings.append(Finding(FAMILY, "too_short", text, -1, *span, {
            "formulas": ["smog_index"],
            "reason": f"the body has {_plural(n_sentences, 'sentence')}; SMOG is defined "
                      f"on {SMOG_MIN_SENTENCES}",
        }))
    return findings


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class ReadabilityScorer:
    """Score a :class:`Document`'s readability (textstat's formulas, identical values).

    Examples
    --------
    >>> ReadabilityScorer().feature_names[:2]
    ['flesch_reading_ease', 'flesch_kincaid_grade']
    """

    family = FAMILY

    def __init__(self) -> None:
        self.words_known = WordCounts()

    @property
    def feature_names(self) -> list[str]:
        return list(FEATURE_NAMES)

    def score(self, document: Document) -> FamilyResult:
        features = document_counts(document)
        n_words = len(document.tokens)
        n_sentences = len(document.sentences)
        if n_words:
            features.update(readability_scores(document.body, self.words_known))
        else:
            features.update({name: float("nan") for name in FORMULAS})
        features["too_short"] = float(n_words < MIN_WORDS)
        features["smog_too_short"] = float(n_sentences < SMOG_MIN_SENTENCES)
        findings = shortness_findings(document, n_words, n_sentences)
        return FamilyResult({name: float(features[name]) for name in FEATURE_NAMES}, findings)
