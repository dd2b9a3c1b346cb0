"""A learned fallback for speaker roles: a role for the speakers the rules leave unknown.

The rules of :mod:`framing.features.attribution.roles` decide a speaker's role
from title and context words; where they find none the role is ``unknown``.
For those attributions a multinomial logistic regression, trained on the
hand-labelled attributions of ``tests/data/role_labels*.csv`` (see
:mod:`framing.evaluate.train_roles` and ``framing/data/role_model.md``), picks
the likeliest role from what the pipeline knows at that point:
:func:`role_features` (the rules' role, the speaker's kind, its words and head
word, the words around the source, the cue verb, the appositions and titles at
the speaker's mentions).  A role the rules found is never changed.  Its weights
are package data (``framing/data/role_model.json``); scoring is a sum of
weights per role, no scikit-learn at run time.

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.features.attribution.scorer import AttributionScorer
>>> doc = build_document("x", "“My mom never leaves,” Mendez told the paper.")
>>> scorer = AttributionScorer()
>>> scorer.role_model = None
>>> detail = scorer.score(doc).findings[0].detail
>>> detail["role"], RoleModel.load().role(role_features(doc, detail))
('unknown', 'citizen')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.errors import DataFileError
from framing.features.attribution.role_lexicon import SPEAKER_ROLES, UNKNOWN_ROLE
from framing.features.attribution.roles import person_context

MODEL_FILE = "role_model.json"
# Words either side of the source phrase that count as its surroundings.
WINDOW = 6
# How far (characters) either side of the source those words are looked for.
_REACH = 80
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_POINTING = frozenset("he she they it i we you who which that this".split())
# Speaker kinds whose mentions elsewhere in the article describe them (appositions, titles).
_DESCRIBED_KINDS = ("person", "institution")


def role_words(text: str) -> list[str]:
    """The lower-cased words of ``text``; a final full stop is kept on short abbreviations only ("sen.").

    >>> role_words("Sen. Ted Cruz, R-Texas.")
    ['sen.', 'ted', 'cruz', 'r-texas']
    """
    return [word.lower() if word.endswith(".") and len(word) <= 4 else word.lower().rstrip(".")
            for word in _WORD.findall(text)]


def role_features(document: Document, detail: Mapping[str, Any]) -> list[str]:
    """The features of one attribution's speaker, from its evidence ``detail`` and its article, sorted.

    ``detail`` is an attribution finding's detail (``speaker``, ``speaker_text``,
    ``speaker_kind``, ``named``, ``anonymous``, ``verb``, ``verb_class``,
    ``kind``, ``role``, ``source_start``, ``source_end``); ``role`` is the
    rules' role.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "They said no.")
    >>> detail = {"speaker": "", "speaker_text": "They", "speaker_kind": "unresolved", "named": False,
    ...           "anonymous": False, "verb": "say", "verb_class": "neutral", "kind": "said",
    ...           "role": "unknown", "source_start": 0, "source_end": 4}
    >>> role_features(doc, detail)[:6]
    ['anon=False', 'first:they', 'head:they', 'kind=unresolved', 'named=False', 'pronoun']
    """
    found = {f"rule={detail['role']}", f"kind={detail['speaker_kind']}", f"named={detail['named']}",
             f"anon={detail['anonymous']}", f"verb={detail['verb']}", f"vclass={detail['verb_class']}",
             f"said={detail['kind']}"}
    found.update(_source_features(role_words(detail["speaker_text"])))
    start, end = detail["source_start"], detail["source_end"]
    if start >= 0:
        body = document.body
        found.update(f"left:{word}" for word in role_words(body[max(0, start - _REACH) : start])[-WINDOW:])
        found.update(f"right:{word}" for word in role_words(body[end : end + _REACH])[:WINDOW])
    if detail["speaker_kind"] in _DESCRIBED_KINDS and detail["speaker"]:
        found.update(_mention_features(document, detail["speaker"]))
    return sorted(found)


def _source_features(words: Sequence[str]) -> set[str]:
    """The source phrase's words, its first and last (head) word, and whether it is a lone pointing word."""
    if not words:
        return {"nosource"}
    found = {f"src:{word}" for word in words} | {f"head:{words[-1]}", f"first:{words[0]}"}
    if len(words) == 1 and words[0] in _POINTING:
        found.add("pronoun")
    return found


def _mention_features(document: Document, name: str) -> set[str]:
    """The words of the appositions and of the titles before the mentions of ``name``."""
    appositions, before = person_context(document, name)
    found = set()
    for text in appositions[:3]:
        found.update(f"app:{word}" for word in role_words(text)[:8])
    for text in before[:3]:
        found.update(f"bef:{word}" for word in role_words(text)[-4:])
    return found


@dataclass(frozen=True)
class RoleModel:
    """Per-feature weights of each role and each role's intercept; :meth:`role` is their argmax."""

    weights: Mapping[str, tuple[tuple[str, float], ...]]
    intercepts: Mapping[str, float]

    @classmethod
    def load(cls) -> RoleModel:
        """The packaged model, read once."""
        return _packaged_model()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RoleModel:
        """The model from its JSON layout (``intercept`` and ``weights`` per role)."""
        intercepts = {str(role): float(value) for role, value in data["intercept"].items()}
        by_feature: dict[str, list[tuple[str, float]]] = {}
        for role, weights in sorted(data["weights"].items()):
            if role not in SPEAKER_ROLES:
                raise ValueError(f"role {role!r} is not one of {', '.join(SPEAKER_ROLES)}")
            for feature, weight in weights.items():
                by_feature.setdefault(str(feature), []).append((role, float(weight)))
        return cls({f: tuple(pairs) for f, pairs in by_feature.items()}, intercepts)

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Each role's linear score for ``features``."""
        scores = dict(self.intercepts)
        for feature in features:
            for role, weight in self.weights.get(feature, ()):
                scores[role] += weight
        return scores

    def role(self, features: Iterable[str]) -> str:
        """The role with the highest score (ties: the first in sorted order)."""
        scores = self.scores(features)
        return max(sorted(scores), key=scores.__getitem__)

    def fill_unknown(self, document: Document, findings: Sequence[Any]) -> list[Any]:
        """``findings`` with the model's role where the rules left the role unknown; the others as they are."""
        return [replace(f, detail={**f.detail, "role": self.role(role_features(document, f.detail))})
                if f.detail["role"] == UNKNOWN_ROLE else f for f in findings]


@lru_cache(maxsize=1)
def _packaged_model() -> RoleModel:
    try:
        return RoleModel.from_json(json.loads(packaged_text(MODEL_FILE)))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DataFileError(f"framing/data/{MODEL_FILE}: {error} — regenerate it with "
                            "python -m framing.evaluate.train_roles") from None
