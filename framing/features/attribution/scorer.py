"""Attribution: who speaks, how (direct, indirect, mixed), with which verb, for which side.

:class:`AttributionScorer` finds every attribution (see
:mod:`framing.features.attribution.spans`), resolves its speaker across the
article (:mod:`framing.features.attribution.speakers`) against the actor registry
(:mod:`framing.features.attribution.actors`), classes its reporting verb
(:mod:`framing.features.attribution.cues`) and turns them into fixed numeric
features plus one :class:`~framing.features.base.Finding` per statement: an
attribution inside a statement by the same speaker is part of it, and each
quoted word counts once, for the innermost statement that holds it, so every
share lies in [0, 1].

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

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from framing.document.parse import Document
from framing.features.attribution.actors import UNKNOWN_SIDE, ActorRegistry
from framing.features.attribution.cue_model import CueModel
from framing.features.attribution.cues import VERB_CLASSES, CueLexicon
from framing.features.attribution.pronoun_roles import people_after, pronoun_role, sourceless_role
from framing.features.attribution.quotes import QuoteIndex, speech_quotes
from framing.features.attribution.registries import RegistrySet
from framing.features.attribution.role_lexicon import UNKNOWN_ROLE, RoleLexicon
from framing.features.attribution.roles import person_context, speaker_roles
from framing.features.attribution.span_model import SpanModel
from framing.features.attribution.spans import Attribution, find_attributions
from framing.features.attribution.speakers import Speaker, SpeakerResolver
from framing.features.base import FamilyResult, Finding, per_thousand_words

FAMILY = "attribution"
KINDS = ("direct", "indirect", "mixed")
# What a statement reports: speech, or a belief or intention ("thinks", "wants to").
SAID, BELIEVES = "said", "believes/wants"
STATEMENT_KINDS = (SAID, BELIEVES)
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


def quoted_words_by_statement(doc: Document, attributions: Sequence[Attribution]) -> list[int]:
    """Quoted words of each attribution; a word inside several contents counts for the innermost.

    An attribution nested in another speaker's statement ("NATO claims it
    is 'defensive', Grushko said") keeps its own quoted words, and they are
    not the outer speaker's too, so the counts add up to at most the words
    of the text.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'Grushko said NATO claimed it was "purely defensive" and "open".')
    >>> outer = Attribution("indirect", (0, 7), (8, 12), [(13, 62)], None, 0)
    >>> inner = Attribution("indirect", (13, 17), (18, 25), [(26, 62)], None, 0)
    >>> quoted_words_by_statement(doc, [outer, inner])
    [0, 3]
    """
    index = QuoteIndex(speech_quotes(doc))
    owner: dict[int, int] = {}
    by_extent = sorted(range(len(attributions)), key=lambda i: (_extent(attributions[i]), i))
    for i in by_extent:
        for token in index.tokens(doc, attributions[i].contents):
            owner.setdefault(token, i)
    counts = Counter(owner.values())
    return [counts[i] for i in range(len(attributions))]


def _extent(a: Attribution) -> int:
    return sum(end - start for start, end in a.contents)


class AttributionScorer:
    """Score documents for attribution; lexicons and the registry are loaded once.

    Parameters
    ----------
    actor_files : sequence of paths
        Extra actor registries (same TOML format as ``framing/data/actors.toml``);
        later files override earlier entries of the same name.  A packaged
        registry is used for an article only when its ``[topic]`` applies.
    """

    family = FAMILY

    def __init__(self, actor_files: Sequence[str | Path] = ()):
        self.cues = CueLexicon.load()
        self.cue_model = CueModel.load()
        self.span_model = SpanModel.load()
        self.registries = RegistrySet.load(actor_files)
        self.registry = self.registries.everything
        self.roles = RoleLexicon.load()
        self.sides = self.registries.side_names()

    @property
    def feature_names(self) -> list[str]:
        return feature_names(self.sides)

    def score(self, document: Document) -> FamilyResult:
        """Features and one finding per statement for ``document``."""
        attributions = find_attributions(document, self.cues, self.cue_model, self.span_model)
        findings = self.findings(document, attributions)
        return FamilyResult(attribution_features(document, findings, self.sides), findings)

    def findings(self, document: Document, attributions: list[Attribution]) -> list[Finding]:
        """One Finding per statement: speakers resolved in reading order, restatements dropped.

        An attribution inside the content of another by the same speaker
        ("The White House said it would reject ...": "it ... reject") is part
        of that statement, not a second one.
        """
        registry = self.registries.for_text(f"{document.title}\n{document.body}")
        speakers = self.speakers(document, attributions, registry)
        kept = statements(document, attributions, speakers)
        quoted = quoted_words_by_statement(document, kept)
        roles = self.speaker_roles(document, kept, speakers, registry)
        sided = context_sides(document, {speakers[id(a)] for a in kept}, registry)
        return [_finding(document, a, sided.get(speakers[id(a)], speakers[id(a)]), n,
                         self._role(document, a, speakers[id(a)], roles, registry))
                for a, n in zip(kept, quoted, strict=True)]

    def _role(self, document: Document, a: Attribution, speaker: Speaker, roles: dict[Speaker, str],
              registry: ActorRegistry) -> str:
        """The speaker's role; one without from where its source stands (see :func:`pronoun_role`), or, with no
        source at all, from the subject of its sentence (:func:`sourceless_role`)."""
        people = people_after(self.roles, document.body, a.source[1]) if a.source is not None else None
        if people:
            return people  # "Many O'Rourke supporters": the span stopped at the name
        if a.source is None and a.cue is not None and roles[speaker] == UNKNOWN_ROLE:
            return sourceless_role(self.roles, document, a.cue[0], self._known(registry, document.body))
        if a.source is not None and roles[speaker] == UNKNOWN_ROLE:
            written = document.body[a.source[0] : a.source[1]].lower()
            if speaker.named and written in ("i", "we"):
                return UNKNOWN_ROLE  # a transcript's speaker saying "I": not the writer, so not media
            return pronoun_role(self.roles, document, a.source)
        return roles[speaker]

    def speaker_roles(self, document: Document, kept: Sequence[Attribution], speakers: dict[int, Speaker],
                      registry: ActorRegistry) -> dict[Speaker, str]:
        """The role of each speaker of ``kept`` (see :mod:`framing.features.attribution.roles`)."""
        body = document.body
        pairs = [(speakers[id(a)], body[a.source[0] : a.source[1]] if a.source else "") for a in kept]
        describe = {}
        for speaker, _ in pairs:
            actor = (registry.actor_named(speaker.name) or self.registries.known_person(speaker.name, body)
                     if speaker.named else None)
            describe[speaker] = (speaker.name, speaker.kind, actor.role if actor else "", speaker.anonymous,
                                 actor.note if actor else "")
        # The person a spokesperson or adviser speaks for (roles.principal_role).
        return speaker_roles(self.roles, document, pairs, describe, self._known(registry, body))

    def _known(self, registry: ActorRegistry, body: str) -> Callable[[str], str]:
        """The registry role of a person by name in an article with ``body`` ("" when none)."""
        def known(name: str) -> str:
            actor = registry.actor_named(name) or self.registries.known_person(name, body)
            return actor.role if actor else ""
        return known

    def speakers(self, document: Document, attributions: list[Attribution],
                 registry: ActorRegistry | None = None) -> dict[int, Speaker]:
        """The settled speaker of each attribution (by ``id``), resolved in reading order."""
        resolver = SpeakerResolver(registry or self.registries.for_text(f"{document.title}\n{document.body}"),
                                   document)
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
                speakers[id(a)] = resolver.resolve(body[a.source[0] : a.source[1]], a.source)
        unresolved = Speaker("", UNKNOWN_SIDE, False, False, "unresolved")
        return {id(a): resolver.settle(speakers.get(id(a)) or unresolved) for a in attributions}


def context_sides(document: Document, speakers: set[Speaker], registry: ActorRegistry) -> dict[Speaker, Speaker]:
    """Each named person of no side, with the side its title gives where the article introduces it.

    "Republican Sen. Jeff Flake said …" early on, "Flake said" later: the
    later statements are the Republican's too.  Read from the appositions
    and the words before the person's mentions (see
    :func:`~framing.features.attribution.roles.person_context`), first
    affiliation word of the registry that applies.

    >>> from framing.document.parse import build_document
    >>> from framing.features.attribution.registries import RegistrySet
    >>> doc = build_document("x", "Trump met Congress. Republican Sen. Jeff Flake spoke. Flake said no.")
    >>> flake = Speaker("Jeff Flake", UNKNOWN_SIDE, True, False, "person")
    >>> context_sides(doc, {flake}, RegistrySet.load().for_text(doc.body))[flake].side
    'republican'
    """
    out = {}
    for speaker in speakers:
        if speaker.side != UNKNOWN_SIDE or speaker.kind != "person" or not speaker.named:
            continue
        appositions, before = person_context(document, speaker.name)
        for text in (*appositions, *before):
            side = registry.affiliation_side(text) if text else None
            if side:
                out[speaker] = replace(speaker, side=side)
                break
    return out


def statements(document: Document, attributions: Sequence[Attribution],
               speakers: dict[int, Speaker]) -> list[Attribution]:
    """``attributions`` without those that restate a longer one by the same speaker (see :func:`restates`).

    Longest first, so a restatement is measured against a statement that
    stays (of two that cross, each said inside the other, the longer stays);
    the order of ``attributions`` is kept.
    """
    # A statement can only restate one by the same speaker: compare within each speaker's statements.
    kept_by_speaker: dict[Speaker, list[Attribution]] = {}
    ids: set[int] = set()
    for a in sorted(attributions, key=lambda a: -_extent(a)):
        kept = kept_by_speaker.setdefault(speakers[id(a)], [])
        if not any(restates(document, a, k, speakers) or restates(document, k, a, speakers) for k in kept):
            kept.append(a)
            ids.add(id(a))
    return [a for a in attributions if id(a) in ids]


def restates(document: Document, a: Attribution, other: Attribution, speakers: dict[int, Speaker]) -> bool:
    """Whether ``a`` is part of the statement ``other``, by one identified speaker.

    Either ``a`` is said inside the other's content ("The White House said
    [it would reject ...]": its source, and the start of its content, lie in
    it), or both are read from one clause (the same source words) and ``a``'s
    content lies within the other's.  "he" inside a statement by "she" is
    someone else, whatever the resolver made of it.
    """
    speaker = speakers[id(a)]
    if (a.source is None or other.source is None or speaker.kind == "unresolved" or not speaker.name
            or speakers[id(other)] != speaker or _other_gender(document, a.source, other.source)):
        return False
    if _inside([a.source], other.contents):
        return _inside([(a.contents[0][0], a.contents[0][0] + 1)], other.contents)
    same_clause = a.source[0] < other.source[1] and other.source[0] < a.source[1]
    return same_clause and _inside(a.contents, other.contents)


def _inside(spans: Sequence[tuple[int, int]], outer: Sequence[tuple[int, int]]) -> bool:
    """Whether every span of ``spans`` lies within one span of ``outer``."""
    return all(any(s <= start and end <= e for s, e in outer) for start, end in spans)


_GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _other_gender(document: Document, source: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether the two sources are pronouns of different genders ("she said he ...")."""
    genders = {_GENDERED.get(document.body[s:e].lower()) for s, e in (source, other)}
    return genders == {"m", "f"}


def statement_kind(a: Attribution) -> str:
    """``"believes/wants"`` for a belief or intention cue ("thinks", "wants to"), ``"said"`` otherwise.

    >>> from framing.features.attribution.cues import CueLexicon
    >>> statement_kind(Attribution("indirect", None, (0, 1), [(2, 9)], CueLexicon.load().lookup("believes"), 0))
    'believes/wants'
    """
    return BELIEVES if a.verb is not None and a.verb.verb_class == "belief" else SAID


def _finding(document: Document, a: Attribution, speaker: Speaker, quoted_words: int, role: str) -> Finding:
    body = document.body
    start, end = a.content_span
    content = " … ".join(body[s:e] for s, e in a.contents)
    source = a.source or (-1, -1)
    # A quote that continues a statement carries that statement's cue (for the evaluation): its
    # evidence names none of its own, so the cue and its verb count once, for the statement.
    own_cue = a.cue if a.continues is None else None
    cue = own_cue or (-1, -1)
    verb = a.verb
    detail = {
        "speaker": speaker.name,
        "speaker_text": body[source[0] : source[1]] if a.source else "",
        "side": speaker.side,
        "role": role,
        "speaker_kind": speaker.kind,
        "kind": statement_kind(a),
        "named": speaker.named,
        "anonymous": speaker.anonymous,
        "cue": body[cue[0] : cue[1]] if own_cue else "",
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
        "quoted_words": quoted_words,
    }
    at = document.sentence_at(start)
    sentence = a.sentence_index if own_cue else (at.index if at else -1)
    return Finding(FAMILY, a.kind, content, sentence, start, end, detail)


def attribution_features(document: Document, findings: Sequence[Finding], sides: Sequence[str]) -> dict[str, float]:
    """The numeric features of one document from its attribution findings, per side of ``sides``.

    Every share is a count over the count it is a part of, checked by
    :func:`share`: a share outside [0, 1] is a counting error and raises.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", '"We are ready," Grushko said. A NATO source said talks would go on.')
    >>> scorer = AttributionScorer()
    >>> features = attribution_features(doc, scorer.score(doc).findings, scorer.sides)
    >>> features["quoted_word_share"] * doc.n_words, features["side_russia_gov_quoted_word_share"]
    (3.0, 1.0)
    """
    nan = float("nan")
    n = len(findings)
    words = document.n_words
    features: dict[str, float] = dict.fromkeys(feature_names(sides), nan)
    counts = Counter(f.kind for f in findings)
    features["n_attributions"] = float(n)
    for k in KINDS:
        features[f"n_{k}"] = float(counts[k])
    quoted = Counter()
    for f in findings:
        quoted[f.detail["side"]] += f.detail["quoted_words"]
    total_quoted = sum(quoted.values())
    features["attributions_per_1000_words"] = per_thousand_words(n, words)
    features["quoted_word_share"] = share("quoted_word_share", total_quoted, words)
    features["n_speakers"] = float(len({f.detail["speaker"] for f in findings if f.detail["speaker"]}))
    features["direct_share"] = share("direct_share", counts["direct"], n)
    features["named_share"] = share("named_share", sum(1 for f in findings if f.detail["named"]), n)
    features["anonymous_share"] = share("anonymous_share", sum(1 for f in findings if f.detail["anonymous"]), n)
    by_side = Counter(f.detail["side"] for f in findings)
    for side in sides:
        features[f"side_{side}_share"] = share(f"side_{side}_share", by_side[side], n)
        features[f"side_{side}_quoted_word_share"] = share(f"side_{side}_quoted_word_share", quoted[side], total_quoted)
    classes = Counter(f.detail["verb_class"] for f in findings if f.detail["verb_class"])
    for c in VERB_CLASSES:
        features[f"verb_{c}_share"] = share(f"verb_{c}_share", classes[c], sum(classes.values()))
    return features


def share(name: str, part: float, whole: float) -> float:
    """``part / whole`` for the feature ``name``: NaN when ``whole`` is 0, an error outside [0, 1].

    >>> share("direct_share", 1, 4), share("direct_share", 0, 0)
    (0.25, nan)
    >>> share("quoted_word_share", 12, 10)
    Traceback (most recent call last):
    ...
    ValueError: quoted_word_share: 12 of 10 is outside [0, 1] — a statement or a word was counted twice
    """
    if not whole:
        return float("nan")
    if not 0 <= part <= whole:
        raise ValueError(f"{name}: {part} of {whole} is outside [0, 1] — a statement or a word was counted twice")
    return part / whole
