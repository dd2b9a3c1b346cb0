"""Attribution: who speaks, how (direct, indirect, mixed), with which verb, for which side.

:class:`AttributionScorer` finds every attribution (see
:mod:`framing.features.attribution.spans`), resolves its speaker across the
article (:mod:`framing.features.attribution.speakers`) against the actor registry
(:mod:`framing.features.attribution.actors`), classes its reporting verb
(:mod:`framing.features.attribution.cues`) and turns them into fixed numeric
features plus one :class:`~framing.features.base.Finding` per attribution.

Examples
--------
>>> from framing.document.parse import build_document
>>> text = '"We are open for dialogue," Grushko said. A NATO source said talks would go on.'
>>> result = AttributionScorer().score(build_document("x", text))
>>> for f in result.findings:
...     print(f.kind, f.detail["speaker"], f.detail["side"], f.detail["named"])
direct Alexander Grushko russia_gov True
indirect a NATO source nato_or_western_gov False
>>> result.features["n_attributions"], result.features["anonymous_share"]
(2.0, 0.5)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import Path

from framing.document.parse import Document
from framing.features.attribution.actors import UNKNOWN_SIDE, ActorRegistry
from framing.features.attribution.cues import VERB_CLASSES, CueLexicon
from framing.features.attribution.spans import Attribution, find_attributions
from framing.features.attribution.speakers import Speaker, SpeakerResolver
from framing.features.base import FamilyResult, Finding, per_thousand_words

FAMILY = "attribution"
KINDS = ("direct", "indirect", "mixed")
# Then per side of the actor registry: side_<side>_share, side_<side>_quoted_word_share.
FIXED_FEATURE_NAMES = (
    "n_attributions",
    "n_direct",
    "n_indirect",
    "n_mixed",
    "direct_share",
    "attributions_per_1000_words",
    "quoted_word_share",
    "named_share",
    "anonymous_share",
    "n_speakers",
    *(f"verb_{c}_share" for c in VERB_CLASSES),
)


def feature_names(sides: Sequence[str]) -> list[str]:
    """The family's features for a registry whose sides (``unknown`` included) are ``sides``.

    >>> feature_names(["media", "unknown"])[-2:]
    ['side_media_quoted_word_share', 'side_unknown_quoted_word_share']
    """
    return [*FIXED_FEATURE_NAMES, *(f"side_{s}_share" for s in sides),
            *(f"side_{s}_quoted_word_share" for s in sides)]


def quoted_word_count(doc: Document, spans: Sequence[tuple[int, int]]) -> int:
    """Words of ``spans`` that lie inside double quotation marks (quoted speech).

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'He called it "a total deadlock" on Monday.')
    >>> quoted_word_count(doc, [(0, len(doc.body))])
    3
    """
    total = 0
    starts = [q.start for q in doc.quotes]
    for start, end in spans:
        i = bisect.bisect_right(starts, end)
        for q in doc.quotes[:i]:
            if q.end > start and q.mark == "double":
                total += len(doc.tokens_between(max(start, q.start), min(end, q.end)))
    return total


class AttributionScorer:
    """Score documents for attribution; lexicons and the registry are loaded once.

    Parameters
    ----------
    actor_files : sequence of paths
        Extra actor registries (same TOML format as ``framing/data/actors.toml``);
        later files override earlier entries of the same name.
    """

    family = FAMILY

    def __init__(self, actor_files: Sequence[str | Path] = ()):
        self.cues = CueLexicon.load()
        self.registry = ActorRegistry.load(actor_files)
        self.sides = self.registry.side_names()

    @property
    def feature_names(self) -> list[str]:
        return feature_names(self.sides)

    def score(self, document: Document) -> FamilyResult:
        """Features and one finding per attribution for ``document``."""
        attributions = find_attributions(document, self.cues)
        findings = self.findings(document, attributions)
        return FamilyResult(attribution_features(document, findings, self.sides), findings)

    def findings(self, document: Document, attributions: list[Attribution]) -> list[Finding]:
        """Resolve speakers in reading order and describe each attribution as a Finding."""
        resolver = SpeakerResolver(self.registry)
        body = document.body
        speakers: dict[int, Speaker] = {}
        order = sorted(
            attributions,
            key=lambda a: min(a.source[0] if a.source else a.content_span[0], a.content_span[0]),
        )
        for a in order:
            if a.continues is not None and id(a.continues) in speakers:
                speakers[id(a)] = speakers[id(a.continues)]
            elif a.source is not None:
                speakers[id(a)] = resolver.resolve(body[a.source[0] : a.source[1]])
        out = []
        for a in attributions:
            speaker = speakers.get(id(a)) or Speaker("", UNKNOWN_SIDE, False, False, "unresolved")
            speaker = resolver.settle(speaker)
            out.append(_finding(document, a, speaker))
        return out


def _finding(document: Document, a: Attribution, speaker: Speaker) -> Finding:
    body = document.body
    start, end = a.content_span
    content = " … ".join(body[s:e] for s, e in a.contents)
    source = a.source or (-1, -1)
    cue = a.cue or (-1, -1)
    verb = a.verb
    detail = {
        "speaker": speaker.name,
        "speaker_text": body[source[0] : source[1]] if a.source else "",
        "side": speaker.side,
        "named": speaker.named,
        "anonymous": speaker.anonymous,
        "cue": body[cue[0] : cue[1]] if a.cue else "",
        "verb": verb.lemma if verb else "",
        "verb_class": verb.verb_class if verb else "",
        "content": content,
        "content_start": start,
        "content_end": end,
        "content_spans": [list(s) for s in a.contents],
        "source_start": source[0],
        "source_end": source[1],
        "cue_start": cue[0],
        "cue_end": cue[1],
        "continues_previous": a.continues is not None,
        "quoted_words": quoted_word_count(document, a.contents),
    }
    sentence = a.sentence_index if a.cue else (document.sentence_at(start).index if document.sentence_at(start) else -1)
    return Finding(FAMILY, a.kind, content, sentence, start, end, detail)


def attribution_features(document: Document, findings: Sequence[Finding], sides: Sequence[str]) -> dict[str, float]:
    """The numeric features of one document from its attribution findings, per side of ``sides``."""
    nan = float("nan")
    n = len(findings)
    words = document.n_words
    features: dict[str, float] = dict.fromkeys(feature_names(sides), nan)
    counts = {k: sum(1 for f in findings if f.kind == k) for k in KINDS}
    features["n_attributions"] = float(n)
    for k in KINDS:
        features[f"n_{k}"] = float(counts[k])
    quoted = dict.fromkeys(sides, 0)
    for f in findings:
        quoted[f.detail["side"]] += f.detail["quoted_words"]
    total_quoted = sum(quoted.values())
    features["attributions_per_1000_words"] = per_thousand_words(n, words)
    features["quoted_word_share"] = total_quoted / words if words else nan
    features["n_speakers"] = float(len({f.detail["speaker"] for f in findings if f.detail["speaker"]}))
    if n:
        features["direct_share"] = counts["direct"] / n
        features["named_share"] = sum(1 for f in findings if f.detail["named"]) / n
        features["anonymous_share"] = sum(1 for f in findings if f.detail["anonymous"]) / n
        for side in sides:
            features[f"side_{side}_share"] = sum(1 for f in findings if f.detail["side"] == side) / n
    with_verb = [f for f in findings if f.detail["verb_class"]]
    if with_verb:
        for c in VERB_CLASSES:
            features[f"verb_{c}_share"] = sum(1 for f in with_verb if f.detail["verb_class"] == c) / len(with_verb)
    if total_quoted:
        for side in sides:
            features[f"side_{side}_quoted_word_share"] = quoted[side] / total_quoted
    return features
