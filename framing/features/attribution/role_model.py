"""A learned fallback for speaker roles: the words around a speaker the rules leave unplaced.

The rules of :mod:`framing.features.attribution.roles` place a speaker from
its title, its description or the role word a pronoun points back at; when
none is there ("Mendez told the paper", "he said" far from any title) the
role is ``unknown``.  :class:`RoleModel` then reads the words around the
statement (its sentence, the 300 characters before it, the source's own
words) with a logistic regression trained by :mod:`framing.evaluate.train_roles`
(weights in ``framing/data/role_model.json``; see ``role_model.md``) and gives
a role only when its probability reaches the model's threshold; otherwise the
speaker stays ``unknown``.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "The senator spoke on the Senate floor about the bill. "
...                           "Jones said the vote would come next week.")
>>> sorted(f for f in context_features(doc, (54, 59)) if f.startswith("s:"))
['s:jones']
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.errors import DataFileError

MODEL_FILE = "role_model.json"
# How far before the statement's sentence the context reaches (characters).
CONTEXT_BEFORE = 300
_WORD = re.compile(r"[a-z][a-z'’-]+")


def context_features(document: Document, source: tuple[int, int]) -> list[str]:
    """The words around a statement whose source spans ``source``: ``w:`` its sentence, ``b:`` before, ``s:`` source."""
    start, end = source
    sentence = document.sentence_at(start)
    first, last = (sentence.start, sentence.end) if sentence else (start, end)
    body = document.body
    features = {f"w:{w}" for w in _WORD.findall(body[first:last].lower())}
    features |= {f"b:{w}" for w in _WORD.findall(body[max(0, first - CONTEXT_BEFORE) : first].lower())}
    features |= {f"s:{w}" for w in _WORD.findall(body[start:end].lower())}
    return sorted(features)


@dataclass(frozen=True)
class RoleModel:
    """One-vs-rest logistic regression over :func:`context_features`, one weight per (feature, role) kept."""

    roles: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, Mapping[str, float]]
    threshold: float

    def probabilities(self, document: Document, source: tuple[int, int]) -> dict[str, float]:
        """Each role's probability for the speaker of ``source`` (one-vs-rest scores, normalised)."""
        scores = dict(zip(self.roles, self.intercepts, strict=True))
        for feature in context_features(document, source):
            for role, weight in self.weights.get(feature, {}).items():
                scores[role] += weight
        odds = {role: 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0))) for role, score in scores.items()}
        total = sum(odds.values())
        return {role: value / total for role, value in odds.items()}

    def role(self, document: Document, source: tuple[int, int]) -> str | None:
        """The most probable role when it reaches the threshold, else ``None``.

        >>> from framing.document.parse import build_document
        >>> doc = build_document("x", "Mendez, who fled the storm with her husband and daughter, waited for a bus "
        ...                           "at the shelter. “My mom never leaves,” Mendez told the paper.")
        >>> RoleModel.load().role(doc, (128, 134)) in (None, *RoleModel.load().roles)
        True
        """
        probabilities = self.probabilities(document, source)
        best = max(self.roles, key=lambda role: (probabilities[role], role))
        return best if probabilities[best] >= self.threshold else None

    @classmethod
    def load(cls) -> RoleModel:
        """The packaged model, read once."""
        return _load()


@lru_cache(maxsize=1)
def _load() -> RoleModel:
    data = json.loads(packaged_text(MODEL_FILE))
    try:
        roles = tuple(data["roles"])
        model = RoleModel(roles, tuple(float(v) for v in data["intercepts"]),
                          {feature: dict(by_role) for feature, by_role in data["weights"].items()},
                          float(data["threshold"]))
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"{MODEL_FILE}: {error!r} — rebuild it with python -m framing.evaluate.train_roles") \
            from None
    if len(model.intercepts) != len(roles) or any(set(w) - set(roles) for w in model.weights.values()):
        raise DataFileError(f"{MODEL_FILE}: weights name roles it does not list — rebuild it with "
                            "python -m framing.evaluate.train_roles")
    return model
