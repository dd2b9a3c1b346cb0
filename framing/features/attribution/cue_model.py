"""A learned reporting-cue detector: which word tokens introduce an attribution, beyond the verb list.

A token-level logistic regression trained on PolNeAR's train part (see
:mod:`framing.evaluate.train_cues` and ``framing/data/cue_model.md``) over
plain features of each word: the word, its ending, its neighbours, whether it
is in the verb list, capitals and nearby quotation marks.  Its weights are
package data (``framing/data/cue_model.json``).  Only words that carry
evidence of a cue by themselves (a positive word weight) are scored, so a
document costs one dictionary look-up per token and a few more per candidate.

The rules of :mod:`framing.features.attribution.spans` then find the source
and the content around each learned cue, as they do for a listed verb.

Examples
--------
>>> from framing.document.parse import build_document
>>> model = CueModel.load()
>>> doc = build_document("x", "Trump seemed to suggest that the election was rigged.")
>>> [doc.tokens[i] for i in model.cue_tokens(doc, frozenset())]
['seemed']
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.document.vocabulary import DETERMINERS, PASSIVE_AUXILIARIES, STOPWORDS
from framing.errors import DataFileError
from framing.features.attribution.cues import CueVerb

MODEL_FILE = "cue_model.json"
# A learned cue has no verb class: it counts in no verb-class share.
LEARNED_CLASS = ""
# Tokens of this many characters or fewer are never learned cues ("in", "of").
_MIN_LENGTH = 3
# Words whose candidacy is remembered (a dict of about 10 MB at most).
_MAX_CACHED_WORDS = 100_000


def is_cue_word(word: str) -> bool:
    """Whether ``word`` can be a learned cue: not a function word or an adverb in -ly, at least three letters.

    >>> is_cue_word("seemed"), is_cue_word("has"), is_cue_word("repeatedly")
    (True, False, False)
    """
    return len(word) >= _MIN_LENGTH and word.isalpha() and word not in STOPWORDS and not word.endswith("ly")


# Endings stripped to find a word's stem, longest first, with what replaces them ("accused" -> "accus").
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_PRONOUN_WORDS = frozenset("he she they we i you it who which".split())


def stem(word: str) -> str:
    """``word`` without an inflectional ending, so "attacked", "attacks" and "attacking" share one stem.

    >>> stem("attacked"), stem("attacks"), stem("attacking"), stem("denies"), stem("cue")
    ('attack', 'attack', 'attack', 'deny', 'cue')
    """
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_LENGTH:
            return word[: -len(ending)] + replacement
    return word


def word_class(doc: Document, k: int) -> str:
    """A coarse class of token ``k`` for the context of a cue: that, to, of, a determiner, a pronoun, a name, other.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "He said that Trump won the race.")
    >>> [word_class(doc, k) for k in range(len(doc.tokens))]
    ['pron', 'word', 'that', 'cap', 'word', 'det', 'word']
    """
    if k < 0 or k >= len(doc.tokens):
        return "edge"
    word = doc.tokens[k]
    if word in ("that", "to", "of", "about", "for", "as", "on", "by"):
        return word
    if word in DETERMINERS:
        return "det"
    if word in _PRONOUN_WORDS:
        return "pron"
    if k > 0 and doc.body[doc.token_spans[k][0]].isupper():
        return "cap"
    return "word"


def token_features(doc: Document, i: int, listed: frozenset[str]) -> list[str]:
    """The features of token ``i`` of ``doc``; ``listed`` holds the verb list's one-word forms.

    The same function makes the training examples and scores at run time.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Trump thinks so.")
    >>> token_features(doc, 1, frozenset({"thinks"}))  # doctest: +NORMALIZE_WHITESPACE
    ['w=thinks', 's3=nks', 'p=trump', 'n=so', 'pw=trump|thinks', 'st=think', 'wn=thinks|so', 'pc=word',
     'nc=word', 'st_nc=think|word', 'listed', 'p_cap']
    """
    tokens = doc.tokens
    word = tokens[i]
    prev = tokens[i - 1] if i > 0 else "<s>"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else "</s>"
    root, before, after = stem(word), word_class(doc, i - 1), word_class(doc, i + 1)
    out = [f"w={word}", f"s3={word[-3:]}", f"p={prev}", f"n={nxt}", f"pw={prev}|{word}",
           f"st={root}", f"wn={word}|{nxt}", f"pc={before}", f"nc={after}", f"st_nc={root}|{after}"]
    if word in listed:
        out.append("listed")
    if prev in listed or nxt in listed:
        out.append("near_listed")
    body = doc.body
    start = doc.token_spans[i][0]
    if body[start].isupper():
        out.append("cap")
    if i > 0 and body[doc.token_spans[i - 1][0]].isupper():
        out.append("p_cap")
    out.extend(_quote_features(doc, i))
    return out


def _quote_features(doc: Document, i: int) -> list[str]:
    """Whether a quotation mark stands within a few characters before or after token ``i``."""
    body = doc.body
    start, end = doc.token_spans[i]
    out = []
    if any(c in "\"“”" for c in body[max(0, start - 4) : start]):
        out.append("quote_before")
    if any(c in "\"“”" for c in body[end : end + 4]):
        out.append("quote_after")
    return out


def _predicate_adjective(tokens: tuple[str, ...], i: int) -> bool:
    """Whether token ``i`` is a bare word after a form of "be" ("NATO is eager to …"): the writer's description.

    A participle after "be" ("is expected to") stays a cue.
    """
    return i > 0 and tokens[i - 1] in PASSIVE_AUXILIARIES and learned_cue(tokens[i]).form_type == "base"


@dataclass(frozen=True)
class CueModel:
    """The learned cue detector: feature weights, intercept and the decision threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    candidates: frozenset[str]  # words with a positive weight of their own
    stems: frozenset[str] = frozenset()  # stems with a positive weight of their own
    # Each word's is_candidate answer, kept across articles (cleared past _MAX_CACHED_WORDS).
    _candidate_of: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def is_candidate(self, word: str) -> bool:
        """Whether ``word`` is scored: it, or its stem, carries evidence of a cue by itself."""
        return word in self.candidates or (is_cue_word(word) and stem(word) in self.stems)

    def _candidates_in(self, tokens: Iterable[str]) -> set[str]:
        """The distinct words of ``tokens`` that :meth:`is_candidate` accepts, each word tested once."""
        known = self._candidate_of
        if len(known) > _MAX_CACHED_WORDS:
            known.clear()
        found = set()
        for word in set(tokens):
            candidate = known.get(word)
            if candidate is None:
                candidate = known[word] = self.is_candidate(word)
            if candidate:
                found.add(word)
        return found

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability that a token with ``features`` is a cue."""
        score = self.intercept + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-score))

    def cue_tokens(self, doc: Document, listed: frozenset[str], skip: Iterable[int] = ()) -> Iterator[int]:
        """Indices of the tokens the model takes for cues (``skip``: tokens already cues of the verb list)."""
        return (i for i, _ in self.scored_cue_tokens(doc, listed, skip))

    def scored_cue_tokens(
        self, doc: Document, listed: frozenset[str], skip: Iterable[int] = ()
    ) -> Iterator[tuple[int, float]]:
        """``(index, probability)`` of each token the model takes for a cue, in text order.

        >>> from framing.document.parse import build_document
        >>> doc = build_document("x", "Trump seemed to suggest that the election was rigged.")
        >>> [(doc.tokens[i], p > 0.5) for i, p in CueModel.load().scored_cue_tokens(doc, frozenset())]
        [('seemed', True)]
        """
        skipped = set(skip)
        tokens = doc.tokens
        candidates = self._candidates_in(tokens)
        for i, word in enumerate(tokens):
            if word in candidates and i not in skipped and not _predicate_adjective(tokens, i):
                p = self.probability(token_features(doc, i, listed))
                if p >= self.threshold:
                    yield i, p

    @classmethod
    def load(cls) -> CueModel:
        """The packaged model, read once."""
        return _packaged_model()


@lru_cache(maxsize=1)
def _packaged_model() -> CueModel:
    data = json.loads(packaged_text(MODEL_FILE))
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        intercept, threshold = float(data["intercept"]), float(data["threshold"])
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"framing/data/{MODEL_FILE}: {error} — regenerate it with "
                            "python -m framing.evaluate.train_cues") from None
    candidates = frozenset(k[2:] for k, v in weights.items() if k.startswith("w=") and v > 0 and is_cue_word(k[2:]))
    stems = frozenset(k[3:] for k, v in weights.items() if k.startswith("st=") and v > 0)
    return CueModel(weights, intercept, threshold, candidates, stems)


def learned_cue(word: str) -> CueVerb:
    """A :class:`CueVerb` for a learned cue word: its form read from its ending, no class of its own.

    >>> learned_cue("seemed").form_type, learned_cue("citing").form_type, learned_cue("decision").form_type
    ('past', 'ing', 'base')
    """
    if word.endswith("ing"):
        form_type = "ing"
    elif word.endswith("ed"):
        form_type = "past"
    elif word.endswith("s") and not word.endswith("ss"):
        form_type = "present"
    else:
        form_type = "base"
    return CueVerb(word, word, LEARNED_CLASS, "learned cue (framing/data/cue_model.json)", strict=False,
                   form_type=form_type, noun_content=True, infinitive=True)
