"""A learned content chooser: the content of a cue whose clause the rules cannot read.

The rules of :mod:`framing.features.attribution.spans` find the content of a
cue from its syntax ("said that ...", '"...," he said'); where they find no
speaker or no content, the cue used to be dropped.  PolNeAR annotates many
such relations: a noun phrase after the cue ("support the regulations",
"mentioned Machado"), a clause after a verb the rules hold strict ("demanding
Obama make a pledge"), a relative clause ("the AP, which first reported the
story").  This model picks one of a few candidate spans the rules propose
(:meth:`ContentRules.content_candidates`: the clause after the cue, the phrase
up to its first comma, the words before the speaker) or none: a logistic
regression over plain features of the cue, the candidate and the speaker,
trained on PolNeAR's train part (:mod:`framing.evaluate.train_spans`, data
card ``framing/data/span_model.md``), weights in
``framing/data/span_model.json``.

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.features.attribution.cues import CueLexicon
>>> doc = build_document("x", "Donald Trump has mentioned refinancing student loans.")
>>> cue = doc.body.index("mentioned")
>>> features = candidate_features(doc, "phrase", (cue + 10, 52), (cue, cue + 9),
...                               CueLexicon.load().lookup("mentioned"), (0, 12))
>>> features[:4]
['kind=phrase', 'cue=mention', 'kind_cue=phrase|mention', 'form=past']
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from framing.datafiles import packaged_text
from framing.document.parse import Document
from framing.document.vocabulary import BETWEEN_SUBJECT_AND_VERB, PASSIVE_AUXILIARIES
from framing.errors import DataFileError
from framing.features.attribution.cue_model import stem
from framing.features.attribution.cues import CueVerb
from framing.features.attribution.phrases import PRONOUNS
from framing.features.attribution.records import Attribution

MODEL_FILE = "span_model.json"
Span = tuple[int, int]
# Relative pronouns that stand for the speaker ("the AP, which first reported").
RELATIVES = frozenset(("who", "which", "that"))
_POSSESSIVES = frozenset("his her their its my our your".split())


def _length_bucket(n: int) -> str:
    """A coarse length: 1, 2, 3-4, 5-8, 9-16, 17-32, longer."""
    for limit, name in ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16"), (32, "17-32")):
        if n <= limit:
            return name
    return "33+"


# Prepositions that end a speaker's head noun: "the growth in jobs" is a growth, "a poll of voters" a poll.
_HEAD_ENDS = frozenset("of in on at for from with about over among".split())


def source_head(doc: Document, source: Span | None) -> list[str]:
    """The speaker's head word (lower case) and whether it is capitalised: "the poll" vs "the growth".

    The head is the last word before the first preposition ("the growth in jobs" -> growth).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "The new poll and Mr. Trump; the growth in jobs")
    >>> source_head(doc, (0, 12)), source_head(doc, (17, 26)), source_head(doc, (28, 46))
    (['src_head=poll'], ['src_head=trump', 'src_cap'], ['src_head=growth'])
    """
    if source is None:
        return []
    words = list(doc.tokens_between(*source))
    if not words:
        return []
    cut = next((n for n, k in enumerate(words) if n and doc.tokens[k] in _HEAD_ENDS), len(words))
    head = words[cut - 1]
    out = [f"src_head={doc.tokens[head]}"]
    if doc.body[doc.token_spans[head][0]].isupper():
        out.append("src_cap")
    return out


def source_gap(doc: Document, source: Span | None, cue: Span | None) -> list[str]:
    """How many words stand between the speaker and the cue: "0", "1", "2-4" or "5+" (nothing without both).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Ham went on to explain it.")
    >>> source_gap(doc, (0, 3), (15, 22)), source_gap(doc, None, (15, 22))
    (['src_gap=2-4'], [])
    """
    if source is None or cue is None:
        return []
    start, end = (source[1], cue[0]) if source[1] <= cue[0] else (cue[1], source[0])
    n = len(doc.tokens_between(start, end))
    return [f"src_gap={'0' if n == 0 else '1' if n == 1 else '2-4' if n <= 4 else '5+'}"]


def source_kind(doc: Document, source: Span | None) -> str:
    """What the speaker is: none, a relative pronoun, a pronoun, a possessive or a phrase.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "The AP, which reported it.")
    >>> source_kind(doc, (8, 13)), source_kind(doc, (0, 6)), source_kind(doc, None)
    ('relative', 'phrase', 'none')
    """
    if source is None:
        return "none"
    words = [doc.tokens[k] for k in doc.tokens_between(*source)]
    if not words:
        return "none"
    last = words[-1]
    if len(words) == 1 and last in RELATIVES:
        return "relative"
    if len(words) == 1 and last in PRONOUNS:
        return "pronoun"
    if last in _POSSESSIVES or last.endswith(("'s", "’s")):
        return "possessive"
    return "phrase"


def candidate_features(
    doc: Document, kind: str, span: Span, cue: Span, verb: CueVerb, source: Span | None
) -> list[str]:
    """The features of one candidate content ``span`` of the cue at ``cue``.

    ``kind`` names the rule that proposed the span (``clause``, ``phrase``,
    ``left``); the same function makes the training examples and scores at
    run time.
    """
    body, tokens = doc.body, doc.tokens
    words = doc.tokens_between(*span)
    lemma = verb.lemma if verb.verb_class else "learned"
    cue_words = doc.tokens_between(*cue)
    before = cue_words[0] - 1 if cue_words else -1
    after = cue_words[-1] + 1 if cue_words else len(tokens)
    first = tokens[words[0]] if words else "<none>"
    src = source_kind(doc, source)
    out = [
        f"kind={kind}",
        f"cue={lemma}",
        f"kind_cue={kind}|{lemma}",
        f"form={verb.form_type}",
        f"kind_form={kind}|{verb.form_type}",
        f"class={verb.verb_class or 'learned'}",
        f"first={first}",
        f"kind_first={kind}|{first}",
        f"len={_length_bucket(len(words))}",
        f"kind_len={kind}|{_length_bucket(len(words))}",
        f"src={src}",
        f"kind_src={kind}|{src}",
        f"end={body[span[1]:span[1] + 1].strip() or 'space'}",
    ]
    if before >= 0:
        out.append(f"prev={tokens[before]}")
        if tokens[before] in PASSIVE_AUXILIARIES:
            out.append("after_be")
    if after < len(tokens):
        out.append(f"next={tokens[after]}")
    out.extend(source_head(doc, source))
    out.extend(source_gap(doc, source, cue))
    out.extend(_learned_word(verb))
    if any(c in body[span[0] : span[1]] for c in "\"“”"):
        out.append("quoted")
    if body[cue[0]].isupper():
        out.append("cue_cap")
    return out


def _learned_word(verb: CueVerb) -> list[str]:
    """The stem of a learned cue's word ("attacked" -> attack), which its lemma "learned" does not name."""
    return [] if verb.verb_class else [f"learned={stem(verb.lemma)}"]


def is_learned(a: Attribution) -> bool:
    """Whether a learned model made ``a``: the chooser picked its content, or its cue is a learned one."""
    return a.learned_content or (a.verb is not None and not a.verb.verb_class)


def keeper_judges(a: Attribution) -> bool:
    """Whether the keeper judges ``a``: reported speech read from a cue, not a quotation.

    Quoted speech and the quotes that continue it are kept whatever the keeper says: the
    quotation marks are the evidence.
    """
    return a.cue is not None and a.continues is None and a.kind != "direct"


def _cue_context(doc: Document, a: Attribution, lemma: str, first: str) -> list[str]:
    """The cue of ``a`` with the content's first word; the speaker's length and last word."""
    out = [f"cue_first={lemma}|{first}"]
    if a.source is not None:
        out.append(f"src_len={_length_bucket(len(doc.tokens_between(*a.source)))}")
        out.extend(source_head(doc, a.source))
        out.extend(source_gap(doc, a.source, a.cue))
    return out


def _word_before_cue(doc: Document, cue: Span | None) -> list[str]:
    """The word just before the cue when it is an auxiliary, a negation or an adverb ("would", "not", "also").

    Any other word only by its case (``<cap>``, ``<word>``): the keeper learns how a
    modal or a negation changes a statement ("would reveal", "did not immediately
    respond"), not the speakers' names.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "They would reveal it. Trump said so.")
    >>> _word_before_cue(doc, (11, 17)), _word_before_cue(doc, (28, 32))
    (['cue_prev=would'], ['cue_prev=<cap>'])
    """
    words = doc.tokens_between(*cue) if cue is not None else range(0)
    if not words or words[0] == 0:
        return []
    k = words[0] - 1
    word = doc.tokens[k]
    if not (word in BETWEEN_SUBJECT_AND_VERB or word in PASSIVE_AUXILIARIES or word in ("to", "not")
            or word.replace("’", "'").endswith("n't")):
        word = "<cap>" if doc.body[doc.token_spans[k][0]].isupper() else "<word>"
    return [f"cue_prev={word}"]


def attribution_features(doc: Document, a: Attribution) -> list[str]:
    """The features of a found attribution for the keeper: its cue, speaker, content and how it was found.

    >>> from framing.document.parse import build_document
    >>> from framing.features.attribution.cues import CueLexicon
    >>> doc = build_document("x", "Trump said the race is close.")
    >>> a = Attribution("indirect", (0, 5), (6, 10), [(11, 28)], CueLexicon.load().lookup("said"), 0)
    >>> attribution_features(doc, a)[:3]
    ['cue=say', 'kind=indirect', 'cue_kind=say|indirect']
    """
    verb = a.verb
    if verb is None:
        lemma = "none" if a.cue is None else f"mark{a.cue_text[:1]}"
    else:
        lemma = verb.lemma if verb.verb_class else "learned"
    start, end = a.content_span
    side = "none" if a.cue is None else ("left" if end <= a.cue[0] else "right")
    words = [k for s, e in a.contents for k in doc.tokens_between(s, e)]
    first = doc.tokens[words[0]] if words else "<none>"
    length = _length_bucket(len(words))
    src = source_kind(doc, a.source)
    out = [
        f"cue={lemma}",
        f"kind={a.kind}",
        f"cue_kind={lemma}|{a.kind}",
        f"side={side}",
        f"cue_side={lemma}|{side}",
        f"src={src}",
        f"cue_src={lemma}|{src}",
        f"len={length}",
        f"side_len={side}|{length}",
        f"first={first}",
        f"class={verb.verb_class or 'learned' if verb else 'none'}",
        f"form={verb.form_type if verb else 'none'}",
    ]
    out.extend(_cue_context(doc, a, lemma, first))
    out.extend(_word_before_cue(doc, a.cue))
    if verb is not None:
        out.extend(_learned_word(verb))
    if a.cue_probability is not None:
        # The cue detector's confidence, by tenths: the keeper weighs a doubtful cue with its context.
        out.append(f"cue_p={min(9, int(a.cue_probability * 10))}")
    if a.learned_content:
        out.append("learned_content")
    if a.nested:
        # PolNeAR annotates few of the statements said inside another's content.
        out.extend(("nested", f"nested_cue={lemma}"))
    if a.continues is not None:
        out.append("continues")
    if len(a.contents) > 1:
        out.append("several_spans")
    if a.cue is not None and doc.body[a.cue[0]].isupper():
        out.append("cue_cap")
    return out


@dataclass(frozen=True)
class LogisticPart:
    """One logistic regression of the model: feature weights, intercept and its decision threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        """The probability of the positive class for an example with ``features``."""
        score = self.intercept + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-score))

    @classmethod
    def from_json(cls, data: dict) -> LogisticPart:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["intercept"]), float(data["threshold"]))


@dataclass(frozen=True)
class SpanModel:
    """The chooser of contents for cues the rules leave without one, and the keeper of found attributions.

    ``keeper`` is a second regression over :func:`attribution_features`: an
    attribution of reported speech (see :func:`keeper_judges`) whose
    probability of being one is under the keeper's threshold is dropped; the
    rules' own findings (neither a learned cue nor a chosen content) face the
    lower ``rule_threshold``, so the keeper removes only what it clearly
    doubts of them; an attribution of a learned cue faces the higher
    ``learned_cue_threshold``: a word outside the verb list needs more
    evidence ("NATO countries are pushing for a new arms race" is the
    writer's description, not NATO's statement).
    """

    chooser: LogisticPart
    keeper: LogisticPart | None = None
    rule_threshold: float = 0.0  # the keeper's threshold for what the rules alone found
    learned_cue_threshold: float = 0.0  # the keeper's threshold for an attribution of a learned cue

    def choose(self, cue: Span, candidates: Sequence[tuple[Span, Sequence[str]]]) -> int | None:
        """The index of the most probable ``(span, features)`` candidate of ``cue`` (the first on a tie).

        None when no candidate reaches the threshold.
        """
        best, best_p = None, self.chooser.threshold
        for i, (_, features) in enumerate(candidates):
            p = self.chooser.probability(features)
            if p >= best_p and (best is None or p > best_p):
                best, best_p = i, p
        return best

    def keeps(self, doc: Document, attribution: Attribution) -> bool:
        """Whether the keeper keeps a found attribution (always, without a keeper)."""
        if self.keeper is None or not keeper_judges(attribution):
            return True
        if attribution.cue_probability is not None:
            threshold = max(self.keeper.threshold, self.learned_cue_threshold)
        else:
            threshold = self.keeper.threshold if is_learned(attribution) else self.rule_threshold
        return self.keeper.probability(attribution_features(doc, attribution)) >= threshold

    @classmethod
    def load(cls) -> SpanModel:
        """The packaged model, read once."""
        return _packaged_model()


@lru_cache(maxsize=1)
def _packaged_model() -> SpanModel:
    data = json.loads(packaged_text(MODEL_FILE))
    try:
        keeper = data["keeper"]
        return SpanModel(LogisticPart.from_json(data["chooser"]), LogisticPart.from_json(keeper),
                         float(keeper["rule_threshold"]), float(keeper["learned_cue_threshold"]))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DataFileError(f"framing/data/{MODEL_FILE}: {error} — regenerate it with "
                            "python -m framing.evaluate.train_spans") from None
