"""Loaded terms: contested-concept lexicon hits, their voice, and scare quotes.

Every term of every loaded pack is found with one compiled matcher
(:class:`~framing.lexicons.matcher.TermMatcher`).  A pack's terms count only
in articles about its topic (:mod:`framing.lexicons.topic`): each article gets
one evidence record per pack, of kind ``pack_applied`` or
``pack_not_applied``, with the anchor mentions behind the decision, and the
feature ``<pack>.applied`` (1 or 0).  Each hit gets a *voice*: ``own`` (the
narrator's words), ``quoted`` (inside someone's quoted speech) or
``scare_quote`` (inside a short quoted phrase no one is reported as saying,
e.g. "to further peddle the 'Russian threat' narrative").  Features are rates per
1,000 words of the body, per concept and side, and per side for each pack.

Examples
--------
>>> from framing.document.parse import build_document
>>> scorer = LexiconScorer(packs=["russia_ukraine_nato"])
>>> doc = build_document("a", "After the reunification with Crimea, the 'Russian threat' grew in Moscow.")
>>> result = scorer.score(doc)
>>> [(f.kind, f.text, f.detail.get("voice")) for f in result.findings]
[('pack_applied', 'russia_ukraine_nato', None), ('contested_term', 'reunification', 'own'), \
('scare_quote', 'Russian threat', None), ('contested_term', 'Russian threat', 'scare_quote')]
>>> result.findings[0].detail["anchors"]  # Crimea, Russian and Moscow: three mentions
{'Crimea': 1, 'Moscow': 1, 'Russian': 1}
>>> round(result.features["russia_ukraine_nato.crimea_2014.russia_per_1k"], 1)  # 1 in 11 words
90.9
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from framing.document.parse import Document, Quote, build_document
from framing.document.vocabulary import MEASURE_NOUNS
from framing.features.attribution.content import BE, FINITE
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.phrases import PRONOUNS
from framing.features.base import FamilyResult, Finding, per_thousand_words
from framing.lexicons.dates import article_day, date_rule, reading_of
from framing.lexicons.matcher import TermMatch, TermMatcher
from framing.lexicons.pack_types import DESCRIPTIVE_SIDE, Concept, Term
from framing.lexicons.packs import Pack, load_packs
from framing.lexicons.topic import TopicDecision, topic_decision

FAMILY = "lexicon"
SCARE_MAX_WORDS = 4  # longer quoted phrases are taken as speech
SO_CALLED_MAX_WORDS = 8
# A short quote next to one of these is speech or a quoted label, not a scare quote:
# every form of the reporting cues (framing/data/reporting_verbs.toml), the
# naming words that introduce a label ("dubbed 'the Russian threat'") and the
# words that show a word quoted as a word ("define 'semiautomatic'", "the term
# 'assault weapon'", "what 'in the business' means").
NAMING_WORDS = frozenset("""according dubbed labeled labelled termed put quoted titled entitled headlined named
    word words term terms phrase phrases slogan hashtag define defined defines defining definition
    means meant meaning""".split())
REPORTING_WORDS = CueLexicon.load().one_word_forms(include_strict=True) | NAMING_WORDS
# A short quote anywhere after one of these in its sentence is the speaker's words: 'He says the
# inquiry is a "witch hunt"', 'Trump called the investigation a "hoax"'.  The cues that are speech
# verbs in any context (not "show", "find", "state"), "according (to)", and "call" and "write",
# which name what the speaker called or wrote, but not "call for", "calls to mind", "called out".
# A clause mark (";", a dash) ends the reach of a cue.
CALL_WORDS = frozenset("call calls called calling".split())
NOT_NAMING_AFTER_CALL = frozenset("for to out on off up in".split())
SPEECH_WORDS = (CueLexicon.load().one_word_forms(include_strict=False) | CALL_WORDS
                | frozenset("according write writes wrote writing".split()))
CLAUSE_BREAK_RE = re.compile(r".*(?:;|—|–|--)", re.DOTALL)
SO_CALLED_RE = re.compile(r"\bso[\s\-‐‑]called\s*$", re.IGNORECASE)
SPEECH_END = tuple(".,!?;:…")
# Words a title-cased name keeps in lower case ("Gang of Eight", "Fast and Furious").
NAME_SMALL_WORDS = frozenset("a an and at by de for in of on or the to".split())
NAME_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
MEASURE_NOUN_RE = re.compile(r"[ \t]+([^\W\d_]+)\b")  # the word right after a closing mark


def _counted_sides(concept: Concept) -> list[str]:
    """The sides a concept's hits may count for: its own, plus descriptive when a term is dated."""
    sides = concept.sides
    dated = any(t.dated for terms in concept.terms.values() for t in terms)
    return sides + [DESCRIPTIVE_SIDE] if dated and DESCRIPTIVE_SIDE not in sides else sides


def quote_kinds(document: Document) -> list[str]:
    """Classify each of ``document.quotes`` as ``"speech"``, ``"scare"`` or ``"name"``.

    A scare quote is a short quoted phrase no one is reported as saying: at
    most four words, no closing punctuation inside the marks, no reporting verb
    right before it, and no speech quote with the same marks in its sentence
    (that would make it a partial quote of the same speaker).  A phrase after
    "so-called", or a short phrase nested inside someone's quote, is a scare
    quote.  A short title-cased phrase is a name in quotation marks ("Gang of
    Eight"): the words are the writer's own, not distanced.

    >>> from framing.document.parse import build_document
    >>> text = 'He called it "a disgrace." The so-called "reform", the \\'threat\\' myth and the "Gang of Eight".'
    >>> doc = build_document("x", text)
    >>> quote_kinds(doc)
    ['speech', 'scare', 'scare', 'name']
    """
    return [_kind(document, quote) for quote in document.quotes]


def _kind(document: Document, quote: Quote) -> str:
    """``"scare"``, ``"name"`` or ``"speech"`` for one quotation (see :func:`quote_kinds`)."""
    if quote.n_words == 0:
        return "speech"
    if SO_CALLED_RE.search(document.body[max(0, quote.start - 16): quote.start]):
        return "scare" if quote.n_words <= SO_CALLED_MAX_WORDS else "speech"
    if quote.n_words > SCARE_MAX_WORDS or quote.text.rstrip().endswith(SPEECH_END):
        return "speech"
    if is_quoted_name(quote.text) or _nickname(document, quote):
        return "name"
    if not _is_scare(document, quote):
        return "speech"  # a speaker's words stay theirs, even before "policy" ('a "pro-growth" strategy, he said')
    return "name" if names_a_measure(document, quote) else "scare"


def _nickname(document: Document, quote: Quote) -> bool:
    """Whether a quoted capitalised word or two stands inside a person's name: Howard P. “Buck” McKeon.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'Rep. Howard P. “Buck” McKeon backed the “Good” Friday plan and Iran’s “Moderate” '
    ...                      'President.')
    >>> [_nickname(doc, q) for q in doc.quotes]
    [True, False, False]
    """
    if not 0 < quote.n_words <= 2 or not all(w[:1].isupper() for w in quote.text.split()):
        return False
    before = _LAST_WORD_RE.search(document.body, max(0, quote.start - 30), quote.start)
    after = _FIRST_WORD_RE.match(document.body, quote.end)
    return (before is not None and after is not None and before.group(1)[:1].isupper()
            and not before.group(1).endswith(("’s", "'s", "s’", "s'")))  # not Iran's "Moderate" President


# The word just before a quote's opening mark, and the capitalised word just after its closing one.
_LAST_WORD_RE = re.compile(r"([^\W\d_][\w.'’-]*) $")
_FIRST_WORD_RE = re.compile(r" [A-Z][\w'’-]+")


def names_a_measure(document: Document, quote: Quote) -> bool:
    """Whether a quoted phrase of two words or more is directly followed by the noun of a measure.

    The "zero tolerance" policy, the "public charge" rule, "red flag" laws,
    the "defund the police" movement: the phrase names a policy, law,
    programme or movement (the nouns of
    ``framing/data/vocabulary/measure_nouns.txt``), in lower case, so
    :func:`is_quoted_name` does not see it.  One word, hyphenated or not ("a
    'clean' bill", "this 'educational' program", "his 'counter-terrorism'
    policy", "'pay-for-play' deals"), is as often a doubted description, and
    stays a scare quote.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'A "zero tolerance" policy, a "clean" bill, the "public charge" test.')
    >>> [names_a_measure(doc, q) for q in doc.quotes]
    [True, False, False]
    """
    if quote.n_words < 2:
        return False
    following = MEASURE_NOUN_RE.match(document.body, quote.end)
    return following is not None and following.group(1).lower() in MEASURE_NOUNS


def _is_scare(document: Document, quote: Quote) -> bool:
    """Whether a short quotation, not a name, is no one's speech: nested, or with no cue or speech beside it."""
    if _nested(document, quote):
        return True  # nested inside someone's quote: the speaker's own scare quote
    before = document.tokens_between(0, quote.start).stop
    after = document.tokens_between(0, quote.end).stop
    nearby = document.tokens[max(0, before - 3): before] + document.tokens[after: after + 2]
    if any(token in REPORTING_WORDS for token in nearby):
        return False
    sentence = document.sentence_at(quote.start)
    if sentence is not None and (_said_before(document, quote, sentence.start)
                                 or _said_after(document, quote, sentence.end)):
        return False  # said in the sentence that quotes it: 'He says the inquiry is a "witch hunt"'
    if sentence is not None:
        for other in document.quotes:
            if (other is not quote and other.mark == quote.mark
                    and sentence.start <= other.start < sentence.end
                    and (other.n_words > SCARE_MAX_WORDS
                         or other.text.rstrip().endswith(SPEECH_END))):
                return False
    return True


def _said_before(document: Document, quote: Quote, sentence_start: int) -> bool:
    """Whether a speech word (``SPEECH_WORDS``) comes before ``quote`` in its clause of the sentence.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'He says the inquiry is a "witch hunt"; the "reform" failed. The "reform" failed. '
    ...                      'Trump called Atkinson a "disgrace". It calls for an end of "qualified immunity".')
    >>> [_said_before(doc, q, doc.sentence_at(q.start).start) for q in doc.quotes]
    [True, False, False, True, False]
    """
    clause = CLAUSE_BREAK_RE.match(document.body, sentence_start, quote.start)
    start = clause.end() if clause else sentence_start
    span = document.tokens_between(start, quote.start)
    tokens = document.tokens[span.start:span.stop + 1]
    return any(token in SPEECH_WORDS and not (token in CALL_WORDS and following in NOT_NAMING_AFTER_CALL)
               for token, following in zip(tokens, tokens[1:]))


def _said_after(document: Document, quote: Quote, sentence_end: int) -> bool:
    """Whether a short part of the sentence after ``quote``, set off by a comma, names a speaker's cue.

    '"Israel is safer" as a result of the accord, Mr. Kerry said on MSNBC.', 'France will arm the
    Kurds "in the coming hours", Hollande has announced.', 'trained "hundreds" of them, according
    to Reuters, …': the quoted words are the speaker's, not the writer's doubt.  A dash or ";" ends
    the part; another clause's verb ("…, a setback for a president who said …") does not count.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'An officer made the "bad decision" to fire, he added. The "reform" failed, sadly.')
    >>> [_said_after(doc, q, doc.sentence_at(q.start).end) for q in doc.quotes]
    [True, False]
    """
    clause_break = _PART_BREAK_RE.search(document.body, quote.end, sentence_end)
    parts = document.body[quote.end : clause_break.start() if clause_break else sentence_end].split(",")[1:]
    for n, part in enumerate(parts, 1):
        words = _WORD_RE.findall(part.lower())
        if not words or len(words) > _SAID_AFTER_MAX_WORDS:
            continue
        if words[0] == "according" or (len(words) >= 2 and words[-1] in SPEECH_WORDS):
            return True  # "…, according to Reuters, …", "…, he said, …"
        if n == len(parts) and _attributes_at_sentence_end(part, words):
            return True
    return False


def _attributes_at_sentence_end(part: str, words: list[str]) -> bool:
    """Whether the last comma-set part of a sentence is an attribution: "…, said Ben Rhodes.", "…, he added.".

    Its subject then a speech verb ("Hagel told reporters before landing"), or an inverted cue and a
    name with no verb after it, or any cue at its end after a pronoun or a name; not a verb whose
    subject came before the comma ("…, claimed their daughter …"), nor one in a relative or "to" clause
    ("a president who said", "prompting Trump to announce") or after a participle that opens the part.
    """
    if words[0] in _INVERTED_CUES:
        return not any(word in FINITE for word in words[1:])  # not "said the election was clean"
    if not words[0].endswith("ing") and any(word in SPEECH_WORDS and words[k - 1] not in _NOT_BEFORE_SPEAKER_VERB
                                            for k, word in enumerate(words[1:], 1)):
        return True
    last_two = part.split()[-2:]
    return len(last_two) == 2 and words[-1] in REPORTING_WORDS and (
        last_two[0].lower() in PRONOUNS or last_two[0][:1].isupper())


# A dash or ";" ends the part of a sentence a quote's attribution may stand in.
_PART_BREAK_RE = re.compile(r"[;—–]|--")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Words before a speech verb that make it no attribution of the quote: an auxiliary of a passive ("are
# shown"), a relative or "to" clause ("who said", "to announce").
_NOT_BEFORE_SPEAKER_VERB = BE | frozenset("has have had who which that to".split())
# Cues that news writing puts before their subject at a sentence's end ("…, said Ben Rhodes.").
_INVERTED_CUES = frozenset("said says added adds wrote writes explained asked".split())
# The longest comma-set part after a quote read as its attribution ("White House press secretary Jay Carney said").
_SAID_AFTER_MAX_WORDS = 12


def _nested(document: Document, quote: Quote) -> bool:
    """Whether ``quote`` lies inside another quotation: the quoted speaker's marks, not the outlet's."""
    outer = document.quote_at(quote.start)
    return outer is not None and outer.start < quote.start and quote.end <= outer.end


def is_quoted_name(text: str) -> bool:
    """Whether a quoted phrase is a name or title (two words or more, each capitalised but small words) or a letter.

    "Gang of Eight", "Zero Tolerance" or "Fast and Furious" in quotation marks
    name a group, a policy or an operation; the marks do not distance the
    writer from the words.  A phrase in capitals throughout ("FAKE NEWS") is
    emphasis, not a name.

    >>> is_quoted_name("Gang of Eight"), is_quoted_name("Russian threat"), is_quoted_name("FAKE NEWS")
    (True, False, False)
    >>> is_quoted_name("A"), is_quoted_name("a lie"), is_quoted_name("60 Minutes"), is_quoted_name("300 to 500 people")
    (True, False, True, False)
    """
    words = NAME_WORD_RE.findall(text)
    if words and all(len(w) == 1 for w in words):
        return True  # a letter: a grade or a label ("an “A” rating from the NRA", "Plan “B”")
    return (len(words) >= 2 and (words[0][0].isupper() or words[0][0].isdigit())
            and any(w[0].isupper() and not w.isupper() for w in words)
            and all(w[0].isupper() or w[0].isdigit() or w in NAME_SMALL_WORDS for w in words))


class LexiconScorer:
    """Scores the contested-term family; built once, holds the compiled matcher.

    Parameters
    ----------
    lexicon_files : sequence of paths
        Extra pack files (``--lexicon FILE``), loaded after the shipped packs.
    packs : list of str, optional
        Shipped packs to load by name; all of them when None, none when ``[]``.
    """

    family = FAMILY

    def __init__(self, lexicon_files: Sequence[str | Path] = (), packs: list[str] | None = None):
        self.packs: list[Pack] = load_packs(packs, tuple(lexicon_files))
        self.matcher = TermMatcher(t for pack in self.packs for t in pack.all_terms())
        names: list[str] = []
        for pack in self.packs:
            for concept in pack.concepts:
                names += [f"{pack.name}.{concept.id}.{side}_per_1k" for side in _counted_sides(concept)]
            for side in pack.sides:
                names += [f"{pack.name}.{side}_per_1k", f"{pack.name}.{side}_own_per_1k"]
        self._rate_names = names
        self._names = names + [f"{pack.name}.applied" for pack in self.packs] + [
            "n_contested", "contested_per_1k", "contested_own_share", "n_scare_quotes", "scare_quotes_per_1k"]

    @property
    def feature_names(self) -> list[str]:
        return list(self._names)

    def score(self, document: Document) -> FamilyResult:
        """Rates per 1,000 words and the findings (per pack applied or not, term hit and scare quote)."""
        kinds = quote_kinds(document)
        quote_starts = [q.start for q in document.quotes]
        findings: list[Finding] = []
        for quote, kind in zip(document.quotes, kinds, strict=True):
            if kind == "scare":
                sentence = document.sentence_at(quote.start)
                so_called = bool(SO_CALLED_RE.search(document.body[max(0, quote.start - 16):
                                                                   quote.start]))
                findings.append(Finding(FAMILY, "scare_quote", quote.text,
                                        sentence.index if sentence else -1, quote.start,
                                        quote.end, {"mark": quote.mark, "n_words": quote.n_words,
                                                    "so_called": so_called, "nested": _nested(document, quote)}))
        found = self.matcher.find(document)
        decisions = self._decisions(document, found)
        findings += [Finding(FAMILY, "pack_applied" if d.applied else "pack_not_applied", d.pack, -1, 0, 0,
                             d.as_detail()) for d in decisions]
        applied = {d.pack for d in decisions if d.applied}
        day = article_day(document.date)
        matches = [m for m in found if m.term.role == "term" and m.term.pack in applied
                   and _in_period(m.term, day)]
        counts: Counter[str] = Counter()
        n_own = 0
        for match in matches:
            term = match.term
            voice = _voice(document, quote_starts, kinds, match.start, match.end)
            detail = {"pack": term.pack, "concept": term.concept, "side": term.side,
                      "variant": term.label, "voice": voice, **_dated(term, day)}
            side = detail["side"]
            n_own += voice == "own"
            counts[f"{term.pack}.{term.concept}.{side}_per_1k"] += 1
            counts[f"{term.pack}.{side}_per_1k"] += 1
            if voice == "own":
                counts[f"{term.pack}.{side}_own_per_1k"] += 1
            sentence = document.sentence_at(match.start)
            findings.append(Finding(FAMILY, "contested_term", match.text,
                                    sentence.index if sentence else -1, match.start, match.end, detail))
        findings.sort(key=lambda f: (f.start, f.kind == "contested_term", f.end))
        n_words = document.n_words
        n_scare = sum(kind == "scare" for kind in kinds)
        features = {name: per_thousand_words(counts[name], n_words) for name in self._rate_names}
        features.update({f"{d.pack}.applied": float(d.applied) for d in decisions})
        features.update({
            "n_contested": float(len(matches)),
            "contested_per_1k": per_thousand_words(len(matches), n_words),
            "contested_own_share": n_own / len(matches) if matches else float("nan"),
            "n_scare_quotes": float(n_scare),
            "scare_quotes_per_1k": per_thousand_words(n_scare, n_words),
        })
        return FamilyResult(features, findings)

    def _decisions(self, document: Document, found: list[TermMatch]) -> list[TopicDecision]:
        """Per pack, whether it applies: its anchors counted in the body and in the title."""
        anchors = [m for m in found if m.term.role == "anchor"]
        in_title: list[TermMatch] = []
        if document.title.strip() and any(pack.topic for pack in self.packs):
            title = build_document(document.article_id, document.title)
            in_title = [m for m in self.matcher.find(title) if m.term.role == "anchor"]
        return [topic_decision(pack, anchors, in_title, document) for pack in self.packs]


def _in_period(term: Term, day: str | None) -> bool:
    """Whether the article's day falls in the period the term's concept exists in (undated: yes)."""
    return day is None or not any(term.period) or reading_of(*term.period, day)[0] == "side"


def _dated(term: Term, day: str | None) -> dict[str, str]:
    """For a dated term: the side it counts for on the article's day, its dates and the reading used."""
    if not term.dated:
        return {}
    holds, reading = reading_of(term.since, term.until, day)
    return {"side": term.side if holds == "side" else DESCRIPTIVE_SIDE, "term_side": term.side,
            "dates": date_rule(term.since, term.until), "reading": reading}


def _voice(document: Document, quote_starts: list[int], kinds: list[str], start: int,
           end: int) -> str:
    """``scare_quote``, ``quoted`` or ``own`` for the span ``[start, end)``."""
    voice = "own"
    for index in range(bisect.bisect_right(quote_starts, start)):
        quote = document.quotes[index]
        if quote.start <= start and end <= quote.end:
            if kinds[index] == "scare":
                return "scare_quote"
            if kinds[index] != "name":  # a quoted name is the writer's own wording
                voice = "quoted"
    return voice
