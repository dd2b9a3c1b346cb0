"""Find attribution relations (source, cue, content) in a parsed document.

Rule based, one pass over the reporting cues found by a single compiled
matcher, then one pass over the quotation spans the :class:`Document`
already holds.  The patterns (PARC / PolNeAR scheme):

* ``SOURCE CUE (that) CONTENT`` — "Grushko said that confrontation ..."
* ``CONTENT, SOURCE CUE`` and ``CONTENT, CUE SOURCE`` — "..., Grushko said" /
  "..., said the deputy minister"
* ``according to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``
* ``..., adding that CONTENT`` — a second statement by the same source
* ``"CONTENT," X quoted SOURCE as saying``
* ``CONTENT has been CUE by SOURCE`` — "Clinton has been endorsed by dozens of papers"
* a Title Case headline, ``SOURCE Says CONTENT`` or ``CONTENT, SOURCE Says``
* a quotation that runs on after its cue (``"A," he said. "B."``) joins that
  attribution; a quote-only paragraph continues the previous speaker.

This module combines the rules per cue; the speaker rules are in
:mod:`framing.features.attribution.sources`, the content-span rules in
:mod:`framing.features.attribution.content` and the passes over the whole
document after the cues in :mod:`framing.features.attribution.passes`.

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.features.attribution.cues import CueLexicon
>>> doc = build_document("x", '"We are ready," Grushko said. He added that talks were over.')
>>> found = find_attributions(doc, CueLexicon.load())
>>> [(a.kind, doc.body[slice(*a.source)], a.cue_text) for a in found]
[('direct', 'Grushko', 'said'), ('indirect', 'He', 'added')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from framing.document.parse import Document, Quote, Sentence
from framing.features.attribution.body_text import CLOSE_MARKS, Span, inner_span, is_headline
from framing.features.attribution.content import BE, OBJECT_VERBS, ContentRules
from framing.features.attribution.cue_model import CueModel, learned_cue
from framing.features.attribution.cues import CueLexicon, CueVerb
from framing.features.attribution.lone_words import imperative_opening
from framing.features.attribution.passes import DocumentPasses
from framing.features.attribution.phrases import PRONOUNS, source_after, source_before
from framing.features.attribution.records import (
    Attribution,
    mark_nested,
    one_per_content,
)
from framing.features.attribution.source_check import checked_source, writer_expletive
from framing.features.attribution.sources import SourceRules
from framing.features.attribution.span_model import candidate_features

# An article right before a cue word: "an estimated 72,000", "The alleged video".
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\W))(?:[Aa]n?|[Tt]he)\s+$")


def find_attributions(
    doc: Document, cues: CueLexicon, model: CueModel | None = None, span_model: SpanChooser | None = None
) -> list[Attribution]:
    """Every attribution in ``doc``, in reading order (by content start).

    With ``model``, the words it takes for cues (beyond the verb list) are
    cues too, read in text order with the listed ones.  With ``span_model``,
    a cue whose speaker or content the rules do not find gets the content
    that model chooses among the rules' candidates (or none).
    """
    finder = _Finder(doc, frozenset(cues.verbs), span_model)
    scores: dict[Span, float] = {}
    for start, end, verb, probability in _all_cues(doc, cues, model, finder.speech_quotes):
        if finder.in_speech(start):
            continue  # a verb inside quoted speech belongs to the content
        if probability is not None:
            scores[start, end] = probability
        finder.cue(start, end, verb)
    finder.colon_leads()
    finder.transcript_turns()
    finder.signatures()
    finder.continuations()
    finder.split_coordinated()
    found = one_per_content([a for a in finder.found if a.contents])
    for a in found:
        a.kind = "direct" if a.verbatim else finder.kind_of(a.contents)
        a.cue_probability = scores.get(a.cue) if a.verb is not None and not a.verb.verb_class else None
    mark_nested(found)
    if span_model is not None:
        found = [a for a in found if span_model.keeps(doc, a)]
    found.sort(key=lambda a: (a.content_span[0], a.cue or (0, 0)))
    return found


def _all_cues(
    doc: Document, cues: CueLexicon, model: CueModel | None, speech: Sequence[Quote] = ()
) -> list[tuple[int, int, CueVerb, float | None]]:
    """The verb list's cues and, with ``model``, the learned ones with their probability, in text order.

    The model does not score the words inside ``speech`` (the speech quotations): a cue there belongs
    to the content, and :func:`find_attributions` passes it by.
    """
    found: list[tuple[int, int, CueVerb, float | None]] = [(s, e, verb, None) for s, e, verb in cues.find(doc)]
    if model is None:
        return found
    listed = {k for start, end, _, _ in found for k in doc.tokens_between(start, end)}
    listed.update(k for quote in speech for k in doc.tokens_between(quote.start, quote.end))
    for i, p in model.scored_cue_tokens(doc, cues.one_word_forms(include_strict=True), skip=listed):
        start, end = doc.token_spans[i]
        found.append((start, end, learned_cue(doc.tokens[i]), p))
    found.sort(key=lambda cue: cue[0])
    return found


class SpanChooser(Protocol):
    """What chooses a content among candidates: :class:`SpanModel`, or a recorder in training."""

    def choose(self, cue: Span, candidates: Sequence[tuple[Span, Sequence[str]]]) -> int | None: ...

    def keeps(self, doc: Document, attribution: Attribution) -> bool: ...


class _Finder(SourceRules, ContentRules, DocumentPasses):
    def __init__(self, doc: Document, verb_forms: frozenset[str], span_model: SpanChooser | None = None):
        super().__init__(doc, verb_forms)
        self.span_model = span_model
        self._headlines: dict[int, bool] = {}
        self.found: list[Attribution] = []

    def _add(self, source, cue, contents, verb, sentence, cue_text) -> Attribution | None:
        """Record an attribution; a speaker that names nobody (see :func:`checked_source`) is left out.

        None for the writer's own "It seems", "It’s worth noting that": no attribution at all.
        """
        if verb is not None and source is not None:
            if writer_expletive(self.doc, source, cue):
                return None
            source = checked_source(self.doc, source, cue, self.verb_forms)
        # Every attribution starts "indirect"; find_attributions sets the kind
        # from its final contents, once run-on quotes have joined them.
        a = Attribution("indirect", source, cue, contents, verb, sentence.index)
        a._cue_written = cue_text
        self.found.append(a)
        return a

    # ------------------------------------------------------------ cues
    def cue(self, start: int, end: int, verb: CueVerb) -> None:
        """Record the attribution of the reporting cue at ``start:end``, if it has one."""
        sentence = self.doc.sentence_at(start)
        if sentence is None or start >= sentence.end:
            return
        if self.body.endswith("ed", start, end) and _ARTICLE_BEFORE.search(self.body, start - 5, start):
            return  # "an estimated 72,000", "the alleged video": an adjective (a noun cue stays: "a statement that")
        written = " ".join(self.body[start:end].split())
        if self._in_headline(sentence):
            self._headline(sentence, start, end, verb, written)
            return
        if self._handled_apart(sentence, start, end, verb, written):
            return
        found = self.cue_source(sentence, start, end, verb)
        if found is None:
            self._fallback(sentence, start, end, verb)
            return
        source, inverted, relative = found
        contents = self._cue_contents(sentence, start, end, verb, source, inverted, relative)
        if contents:
            self._add(source, (start, end), contents, verb, sentence, written)
        else:
            self._learned_content(sentence, start, end, verb, source)

    def _inside_found_content(self, pos: int) -> bool:
        """Whether ``pos`` lies in the content of an attribution found before in its sentence or the one before.

        "According to Grushko, Moscow observes ...": "observes" is part of what Grushko said.
        """
        for a in reversed(self.found[-8:]):
            if any(s <= pos < e for s, e in a.contents):
                return True
        return False

    def _fallback(self, sentence: Sentence, start: int, end: int, verb: CueVerb) -> None:
        """The span model's content for a cue whose speaker the rules do not find, with a fallback speaker."""
        if self.span_model is None or self._inside_found_content(start):
            return  # _learned_content would record nothing: the speaker is not looked for (a third of these cues)
        source = self._checked(self.fallback_source(sentence, start, verb), start, end) or self._checked(
            self.opening_subject(sentence, start), start, end)
        if source is not None and verb.form_type == "base" and imperative_opening(self.doc, sentence.start, source,
                                                                                   (start, end)):
            return  # "Go tell parents …": nobody speaks
        if source is not None:
            self._learned_content(sentence, start, end, verb, source)

    def _checked(self, source: Span | None, start: int, end: int) -> Span | None:
        return None if source is None else checked_source(self.doc, source, (start, end), self.verb_forms)

    def _learned_content(self, sentence: Sentence, start: int, end: int, verb: CueVerb, source: Span | None) -> None:
        """The content the span model chooses for a cue the rules leave without one (nothing without a model)."""
        if self.span_model is None or self._inside_found_content(start):
            return
        candidates = self.content_candidates(sentence, start, end, source)
        if not candidates:
            return
        choice = self.span_model.choose(
            (start, end),
            [(span, candidate_features(self.doc, kind, span, (start, end), verb, source)) for kind, span in candidates],
        )
        if choice is not None:
            written = " ".join(self.body[start:end].split())
            found = self._add(source, (start, end), [candidates[choice][1]], verb, sentence, written)
            if found is not None:
                found.learned_content = True

    def _in_headline(self, sentence: Sentence) -> bool:
        headline = self._headlines.get(sentence.index)
        if headline is None:
            headline = self._headlines[sentence.index] = is_headline(self.doc, sentence)
        return headline

    def _handled_apart(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> bool:
        """Whether the cue is no cue here, or a pattern with a rule of its own (which has run)."""
        if self.body[start].isupper() and verb.form_type != "phrase" and self._inside_name(sentence, start):
            return True  # "the United States", "Bush Says" inside a title: a name, not a cue
        if verb.not_before and self._idiom_follows(end, sentence.end, verb.not_before):
            return True  # "the growth shows no sign of slowing down": an idiom, not a report
        if verb.form_type == "phrase":
            self._according(sentence, start, end, verb, written)
            return True
        if verb.form_type == "ing" and self._participle(sentence, start, end, verb, written):
            return True
        if verb.lemma == "quote" and self._quoted_as_saying(sentence, start, end, verb, written):
            return True
        if verb.form_type == "past" and self._after_be(sentence, start):  # "it is said", "was told"
            self._passive_by(sentence, start, end, verb, written)
            return True
        return False

    def _idiom_follows(self, end: int, limit: int, idioms: tuple[str, ...]) -> bool:
        """Whether the words after a cue (at ``end``) open one of ``idioms``, whole words only."""
        words = " ".join(self.doc.tokens[k] for k in self.doc.tokens_between(end, limit)[:4]) + " "
        return any(words.startswith(idiom + " ") for idiom in idioms)

    def _passive_by(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> None:
        """A passive cue with its agent: "Clinton has been endorsed by dozens of papers".

        The speaker follows "by" (a noun phrase, or the words to the next
        comma); the content is the subject before the auxiliaries ("Clinton").
        """
        after = self._skip_space(end, sentence.end)
        if self.body[after : after + 3] != "by " or self._inside_found_content(start):
            return
        agent = self._skip_space(after + 3, sentence.end)
        source = source_after(self.doc, sentence, agent, self.verb_forms) or self._phrase_source(agent, sentence.end)
        if source is None:
            return
        be = next(k for k in reversed(self.doc.tokens_between(sentence.start, start)) if self.doc.tokens[k] in BE)
        subject = source_before(self.doc, sentence, self.doc.token_spans[be][0])
        if subject is not None:
            self._add(source, (start, end), [subject], verb, sentence, written)

    def _cue_contents(
        self, sentence: Sentence, start: int, end: int, verb: CueVerb, source: Span, inverted: bool, relative
    ) -> list[Span] | None:
        """The content of a cue whose speaker is ``source``: after the cue, before it, or both."""
        body = self.body
        region_start = source[1] if inverted else end
        region_end = self._region_end(sentence, region_start)
        if relative is not None:
            # "Graham, who says X, tweeted ...": the relative clause ends at its comma.
            comma = body.find(",", self._skip_space(end, region_end) + 1, region_end)
            region_end = comma if comma != -1 else region_end
        complement = self._complement(region_start, region_end, verb.lemma in OBJECT_VERBS)
        # "..., X said" or '"...," said X': the content is on the left.
        left_anchor = start if inverted else source[0]
        lead = body[sentence.start : left_anchor].rstrip()
        closes_clause = self._closes_clause(complement, region_start, region_end, verb)
        if not lead and closes_clause:
            # '"Why's he attacking me?" Trump said.': the splitter ended the
            # sentence inside the quote, which closes just before this one.
            quote = self._quote_closing_before(sentence.start)
            if quote is not None and quote.start >= self.doc.paragraphs[sentence.paragraph][0]:
                return [self._trim(*inner_span(body, quote))]
        parenthetical = bool(lead) and lead[-1] in "," + CLOSE_MARKS
        quote_before = bool(lead) and lead.rstrip(",")[-1:] in CLOSE_MARKS
        if parenthetical and quote_before and (complement is None or not complement[1]):
            closes_clause = True
        elif parenthetical and quote_before and not inverted:
            split = self._split_quote(sentence, left_anchor, complement[0], region_end)
            if split:
                return split
        if inverted or (parenthetical and closes_clause):
            return self._contents_around(sentence, left_anchor, region_start, region_end, quote_before)
        if complement is not None:
            return self._contents_after(complement, region_start, region_end, verb)
        return None

    def _split_quote(self, sentence: Sentence, left_anchor: int, right_start: int, region_end: int) -> list[Span]:
        """Both halves of a quotation its cue splits: '"Every time you say that," Tester said, "you give …"'.

        Empty unless a quotation opens the words after the cue.
        """
        if self._quote_starting_at(right_start) is None:
            return []
        left = self._left_content(sentence, left_anchor)
        if not left or self._cued_quote_before(sentence.start, left_anchor):
            return []  # 'When Blackburn asked, "Is she responsible?", Sebelius said "no"': another's quote
        right = self._right_content(right_start, region_end)
        return left + right if right else []

    def _cued_quote_before(self, sentence_start: int, pos: int) -> bool:
        """Whether the quote closing just before ``pos`` follows a cue of its own in the sentence ('asked, "…?",')."""
        end = self._back_space(pos, 0)
        quote = self._quote_closing_before(end - 1 if self.body[end - 1 : end] == "," else end)
        if quote is None or quote.start <= sentence_start:
            return False
        words = self.doc.tokens_between(sentence_start, quote.start)
        return (bool(words) and self.doc.tokens[words[-1]] in self.verb_forms
                and self.body[self.doc.token_spans[words[-1]][1] : quote.start].strip() in (",", ":"))

    def _headline(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> None:
        """A Title Case headline "Bellwether County Says Trump Should Win": speaker, cue, rest."""
        if verb.form_type != "present":
            return
        source = source_before(self.doc, sentence, start)
        if source is None or self.doc.tokens[self.doc.tokens_between(*source)[0]] in PRONOUNS:
            return
        after = self._skip_space(end, sentence.end)
        if verb.strict and self._particle_follows(after, sentence.end):
            return  # "Trump Calls Off Rally"
        contents = self._right_content(after, sentence.end)
        lead = self.body[sentence.start : source[0]].rstrip()
        if not contents and lead.endswith(","):
            # "Clinton Hid Health Problems, Former Doctor Says": the content comes first.
            contents = self._left_content(sentence, source[0])
        if contents:
            self._add(source, (start, end), contents, verb, sentence, written)

    def _participle(self, sentence, start, end, verb, written) -> bool:
        body = self.body
        before = body[sentence.start : start].rstrip()
        if before.endswith(" as") or before.lower().endswith(" as"):
            return True  # "quoted X as saying": handled at "quoted"
        if not before.endswith(","):
            return False
        source = self._main_source(sentence, start)
        if source is None:
            source = source_after(self.doc, sentence, sentence.start, self.verb_forms)
            if source is None or source[1] > start:
                # "Trump revised his plan, promising to ...": the subject of the clause before.
                source = self.opening_subject(sentence, start)
                if source is None:
                    return True
        region_end = self._region_end(sentence, end)
        complement = self._complement(end, region_end)
        if complement is None:
            return True
        # what follows reads as after a finite cue: "adding he would ...", "promising to focus ..."
        contents = self._contents_after(complement, end, region_end, verb)
        if contents:
            self._add(source, (start, end), contents, verb, sentence, written)
        return True

    def _main_source(self, sentence: Sentence, before: int) -> Span | None:
        """The source of the sentence's last attribution cued before ``before``, not one said inside another.

        "X said that he planned ..., adding that ...": "adding" is X's, not "he"'s.
        """
        same_sentence = []
        for a in reversed(self.found):
            if a.sentence_index != sentence.index:
                break
            same_sentence.append(a)
        for a in same_sentence:
            if a.source is None or a.cue is None or a.cue[1] > before:
                continue
            if not any(s <= a.source[0] < e for b in same_sentence if b is not a for s, e in b.contents):
                return a.source
        return None

    def _quoted_as_saying(self, sentence, start, end, verb, written) -> bool:
        body = self.body
        rest = body[end : sentence.end]
        at = rest.find(" as saying")
        if at == -1:
            return False
        source = source_after(self.doc, sentence, self._skip_space(end, sentence.end))
        if source is None:
            return False
        source = (source[0], self._back_space(end + at, source[0]))
        left_anchor = source_before(self.doc, sentence, start)
        anchor = left_anchor[0] if left_anchor else start
        after = end + at + len(" as saying")
        complement = self._complement(after, sentence.end)
        if complement and complement[1]:
            contents = self._right_content(complement[0], sentence.end)
        else:
            contents = self._left_content(sentence, anchor)
        if contents:
            self._add(source, (start, end), contents, verb, sentence, written)
        return True

    def _according(self, sentence, start, end, verb, written) -> None:
        body = self.body
        after = self._skip_space(end, sentence.end)
        source = source_after(self.doc, sentence, after) or self._phrase_source(after, sentence.end)
        if source is None:
            return
        lead = body[sentence.start : start].strip()
        if not lead or lead in ("But", "And", "So", "Yet", "However,"):
            comma = body.find(",", source[1], sentence.end)
            if comma == -1:
                return
            contents = self._right_content(self._skip_space(comma + 1, sentence.end), sentence.end)
        else:
            contents = self._left_content(sentence, start)
        if contents:
            self._add(source, (start, end), contents, verb, sentence, written)

    def _phrase_source(self, start: int, end: int) -> Span | None:
        """The source of "according to" when the phrase rules read none ("according to show insiders"): to the comma.

        At most 12 words.
        """
        comma = self.body.find(",", start, end)
        span = self._trim(start, comma if comma != -1 else end)
        return span if 1 <= len(self.doc.tokens_between(*span)) <= 12 else None
