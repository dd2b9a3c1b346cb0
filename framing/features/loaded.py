"""General loaded language, any topic: word lists by category, agentless passives and the sentence model.

Categories follow the linguistics of biased language (Recasens et al. 2013;
Wikipedia's "Words to watch"): emotive/editorialising words, intensifiers,
hedges, factive and assertive verbs, "so-called" labels -- one word list each
in ``framing/data/wordlists/`` -- plus agentless passives ("civilians were
killed", no "by" agent).  Matching is a dictionary look-up on the document's
tokens (words and two-word phrases), so nothing is re-scanned.  The hits then
feed the sentence model of :mod:`framing.features.loaded_model`, whose
flagged sentences (with the words that weighed most) are findings too.

Examples
--------
>>> from framing.document.parse import build_document
>>> scorer = LoadedLanguageScorer()
>>> doc = build_document("a", "The so-called reform was a disaster. Three civilians were killed.")
>>> [(f.kind, f.text) for f in scorer.score(doc).findings]  # doctest: +NORMALIZE_WHITESPACE
[('so_called', 'so-called'), ('emotive', 'disaster'), ('agentless_passive', 'were killed'),
 ('loaded_sentence', 'so-called, reform, disaster')]
>>> scorer.sentence_scores(doc)  # the passive is a finding, not part of the score
[2.0, 0.0]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

from framing.datafiles import packaged_text, parse_word_list
from framing.document.parse import Document
from framing.document.vocabulary import PASSIVE_AUXILIARIES
from framing.errors import DataFileError
from framing.features.base import FamilyResult, Finding, per_thousand_words
from framing.features.loaded_model import LoadedModel, SentenceVerdict, load_model, score_sentences

FAMILY = "loaded"
PASSIVE = "agentless_passive"
FLAGGED = "loaded_sentence"  # the finding of a sentence the model flags
PROBABILITY_DIGITS = 3
IRREGULAR_PARTICIPLES = frozenset(
    """shot hit hurt beaten taken given seen held left made found brought struck thrown driven
    stolen sent built caught told sold put cut kept shut led spent lost paid done hidden known
    shown torn slain overthrown undone forgotten chosen broken eaten fought sought taught""".split())
# Adjectival "-ed" words that follow "be" without being passives.
NOT_PASSIVE = frozenset(
    """based concerned interested tired related involved located supposed used pleased worried
    scared married prepared determined convinced aged advanced alleged""".split())
AGENT_LOOKAHEAD = 8  # words after the participle in which a "by" names the agent
# The categories that make a sentence's loaded-language score: the bias cues of
# Recasens et al. 2013.  Hedges lower a writer's commitment and passives hide an
# agent; both are reported as features, but neither separates biased from neutral
# sentences in BABE (ROC AUC 0.51 and 0.49 alone), so they stay out of the score.
SCORED_KINDS = frozenset({"emotive", "intensifiers", "factive", "assertive", "so_called"})
# A header line of a word list naming two-word phrases whose first word is listed
# but which are no hit of the list ("supposed to" is expected or obliged, not doubt).
EXCEPT_PREFIX = "# except:"


def load_wordlist(name: str) -> frozenset[str]:
    """One packaged word list (``framing/data/wordlists/<name>.txt``), validated.

    >>> "utterly" in load_wordlist("intensifiers")
    True
    """
    return parse_word_list(wordlist_text(name), f"framing/data/wordlists/{name}.txt", max_words=2)


def wordlist_exceptions(name: str, entries: frozenset[str] | None = None) -> frozenset[str]:
    """The two-word phrases a packaged word list names in ``# except:`` header lines, validated.

    Where the next word makes one of these phrases, the listed first word is no
    hit of the list: "the supposed threat" is a so-called label, "supposed to
    help" is not.  ``entries`` is the list's :func:`load_wordlist`, when the
    caller has read it (so the list is not parsed twice).

    >>> sorted(wordlist_exceptions("so_called"))
    ['supposed that', 'supposed to']
    """
    label = f"framing/data/wordlists/{name}.txt"
    if entries is None:
        entries = load_wordlist(name)
    phrases = set()
    for number, line in enumerate(wordlist_text(name).splitlines(), start=1):
        if not line.startswith(EXCEPT_PREFIX):
            continue
        for phrase in line[len(EXCEPT_PREFIX):].split(","):
            words = phrase.split()
            if len(words) != 2 or phrase != phrase.lower() or words[0] not in entries:
                raise DataFileError(f"{label}, line {number}: exception {phrase.strip()!r}: write two "
                                    "lower-case words, the first a listed entry, separated by commas")
            phrases.add(" ".join(words))
    return frozenset(phrases)


def wordlist_text(name: str) -> str:
    """The raw text of one packaged word list, header included.

    >>> wordlist_text("so_called").startswith("# category: so_called")
    True
    """
    try:
        return packaged_text("wordlists", f"{name}.txt")
    except FileNotFoundError:
        raise DataFileError(f"framing/data/wordlists/{name}.txt: file not found — choose one of "
                            f"{', '.join(wordlist_names())}") from None


def wordlist_names() -> list[str]:
    """The packaged categories, sorted."""
    folder = resources.files("framing").joinpath("data", "wordlists")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


class LoadedLanguageScorer:
    """Scores the loaded-language family; the word lists are read once, here.

    Parameters
    ----------
    wordlists : mapping of category to entries, optional
        Replaces the packaged entries of those categories (for example an
        emotive list re-derived inside a cross-validation fold); the other
        categories keep their packaged lists.
    model : LoadedModel, optional
        The sentence model; default the packaged one
        (:func:`~framing.features.loaded_model.load_model`).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("a", "A bizarre plan.")
    >>> LoadedLanguageScorer(wordlists={"emotive": ["plan"]}).sentence_scores(doc)
    [1.0]
    """

    family = FAMILY

    def __init__(self, wordlists: Mapping[str, Iterable[str]] | None = None,
                 model: LoadedModel | None = None) -> None:
        self.model = model  # None: the packaged model, read when first needed (not to find hits)
        self.categories = wordlist_names()
        wordlists = wordlists or {}
        unknown = sorted(set(wordlists) - set(self.categories))
        if unknown:
            raise ValueError(f"wordlists: unknown category {unknown[0]!r} — choose one of "
                             f"{', '.join(self.categories)}")
        self._lookup: dict[str, tuple[str, ...]] = {}
        # Two-word phrases whose first word is no hit of these categories (``# except:`` lines).
        self._excepted: dict[str, tuple[str, ...]] = {}
        for category in self.categories:
            packaged = load_wordlist(category)
            entries = sorted(set(wordlists[category])) if category in wordlists else packaged
            for entry in entries:
                self._lookup[entry] = self._lookup.get(entry, ()) + (category,)
            for phrase in sorted(wordlist_exceptions(category, packaged)):
                self._excepted[phrase] = self._excepted.get(phrase, ()) + (category,)
        self._first_words = frozenset(e.split()[0] for e in [*self._lookup, *self._excepted] if " " in e)
        # The words a hit can start with: a listed word, the first of a listed phrase, a passive's "be".
        self._wanted = frozenset(self._lookup) | self._first_words | PASSIVE_AUXILIARIES
        self._all_kinds = self.categories + [PASSIVE]
        self._names = ([f"{kind}_per_1k" for kind in self._all_kinds]
                       + ["loaded_per_1k", "loaded_sentence_share", "max_sentence_score",
                          "flagged_sentence_share", "mean_sentence_probability"])

    @property
    def feature_names(self) -> list[str]:
        return list(self._names)

    def hits(self, document: Document) -> list[tuple[str, int, int, int]]:
        """Every flagged word or passive: (kind, sentence index, first token, end token)."""
        tokens = document.tokens
        spans = document.token_spans
        starts = [s.start for s in document.sentences]
        lookup, first_words, wanted = self._lookup, self._first_words, self._wanted
        found = []
        # Only the tokens that can open a hit are visited; each one's sentence is the last starting at
        # or before it (-1 before the first).
        for i in [i for i, token in enumerate(tokens) if token in wanted]:
            token, sentence = tokens[i], bisect_right(starts, spans[i][0]) - 1
            if token in first_words:
                found += self._phrase_hits(tokens, i, sentence)
            elif token in lookup:
                found += [(kind, sentence, i, i + 1) for kind in lookup[token]]
            if token in PASSIVE_AUXILIARIES:
                end = _agentless_passive(document, i, starts, sentence)
                if end:
                    found.append((PASSIVE, sentence, i, end))
        return found

    def _phrase_hits(self, tokens: Sequence[str], i: int, sentence: int) -> list[tuple[str, int, int, int]]:
        """The hits at token ``i``, the first word of a listed or excepted two-word phrase."""
        pair = f"{tokens[i]} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in self._lookup:
            return [(kind, sentence, i, i + 2) for kind in self._lookup[pair]]
        excepted = self._excepted.get(pair, ())
        return [(kind, sentence, i, i + 1) for kind in self._lookup.get(tokens[i], ()) if kind not in excepted]

    def sentence_scores(self, document: Document) -> list[float]:
        """The loaded-language score of each sentence: its number of scored hits.

        Scored hits are those of :data:`SCORED_KINDS` (not hedges, not passives).
        """
        scores = [0.0] * len(document.sentences)
        for kind, sentence, _, _ in self.hits(document):
            if sentence >= 0 and kind in SCORED_KINDS:
                scores[sentence] += 1.0
        return scores

    def score(self, document: Document) -> FamilyResult:
        """Rates per 1,000 words per category, and one finding per hit."""
        hits = self.hits(document)
        spans = document.token_spans
        body = document.body
        findings = [Finding(FAMILY, kind, body[spans[first][0]:spans[end - 1][1]], sentence,
                            spans[first][0], spans[end - 1][1], {"category": kind})
                    for kind, sentence, first, end in hits]
        n_words = document.n_words
        counts = {kind: 0 for kind in self._all_kinds}
        scores = [0] * len(document.sentences)
        for kind, sentence, _, _ in hits:
            counts[kind] += 1
            if sentence >= 0 and kind in SCORED_KINDS:
                scores[sentence] += 1
        features = {f"{kind}_per_1k": per_thousand_words(counts[kind], n_words) for kind in self._all_kinds}
        features["loaded_per_1k"] = per_thousand_words(sum(counts[k] for k in SCORED_KINDS if k in counts),
                                          n_words)
        features["loaded_sentence_share"] = (sum(s > 0 for s in scores) / len(scores)
                                             if scores else float("nan"))
        features["max_sentence_score"] = float(max(scores)) if scores else float("nan")
        verdicts = score_sentences(self.model or load_model(), document, hits)
        features.update(model_features(verdicts))
        findings += flagged_findings(document, verdicts)
        return FamilyResult(features, findings)


def model_features(verdicts: list[SentenceVerdict]) -> dict[str, float]:
    """The share of sentences the model flags and their mean probability (NaN without sentences).

    >>> model_features([SentenceVerdict(0.9, True, (1,)), SentenceVerdict(0.2, False, ())])
    {'flagged_sentence_share': 0.5, 'mean_sentence_probability': 0.55}
    """
    if not verdicts:
        return {"flagged_sentence_share": float("nan"), "mean_sentence_probability": float("nan")}
    return {"flagged_sentence_share": sum(v.flagged for v in verdicts) / len(verdicts),
            "mean_sentence_probability": sum(v.probability for v in verdicts) / len(verdicts)}


def flagged_findings(document: Document, verdicts: list[SentenceVerdict]) -> list[Finding]:
    """One finding per flagged sentence: its reason words, with offsets inside the sentence.

    ``detail["spans"]`` are (start, end) character offsets of the reason words
    within the sentence's text, so the report can highlight them.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("a", "The council met. The radical mob staged a vile stunt.")
    >>> f = flagged_findings(doc, [SentenceVerdict(0.1, False, ()), SentenceVerdict(0.9, True, (4, 8))])
    >>> f[0].text, f[0].sentence_index, dict(f[0].detail)
    ('radical, vile', 1, {'probability': 0.9, 'words': ['radical', 'vile'], 'spans': [[4, 11], [25, 29]]})
    """
    findings = []
    for index, verdict in enumerate(verdicts):
        if not verdict.flagged:
            continue
        sentence = document.sentences[index]
        spans = [document.token_spans[i] for i in verdict.reasons]
        words = [document.body[start:end] for start, end in spans]
        findings.append(Finding(FAMILY, FLAGGED, ", ".join(words), index, sentence.start, sentence.end, {
            "probability": round(verdict.probability, PROBABILITY_DIGITS), "words": words,
            "spans": [[start - sentence.start, end - sentence.start] for start, end in spans]}))
    return findings


def _agentless_passive(document: Document, i: int, starts: list[int], sentence: int) -> int:
    """End token of "be + (adverb) + participle" at token ``i`` with no "by" agent, else 0."""
    tokens = document.tokens
    j = i + 1
    if j < len(tokens) and (tokens[j].endswith("ly") or tokens[j] == "not"):
        j += 1
    if j >= len(tokens):
        return 0
    word = tokens[j]
    participle = (word.endswith("ed") and len(word) > 4) or word in IRREGULAR_PARTICIPLES
    if not participle or word in NOT_PASSIVE:
        return 0
    sentence_end = (document.sentences[sentence].end if sentence >= 0
                    else len(document.body))
    for k in range(j + 1, min(j + 1 + AGENT_LOOKAHEAD, len(tokens))):
        if document.token_spans[k][0] >= sentence_end:
            break
        if tokens[k] == "by":
            return 0
    return j + 1
