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
* a quotation that runs on after its cue (``"A," he said. "B."``) joins that
  attribution; a quote-only paragraph continues the previous speaker.

This module combines the rules per cue; the speaker rules are in
:mod:`framing.features.attribution.sources` and the content-span rules in
:mod:`framing.features.attribution.content`.

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

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import DETERMINERS
from framing.features.attribution.content import (
    CLOSE_MARKS,
    OBJECT_VERBS,
    OPEN_MARKS,
    ContentRules,
    Span,
    inner_span,
    is_headline,
    starts_upper,
)
from framing.features.attribution.cue_model import CueModel, learned_cue
from framing.features.attribution.cues import CueLexicon, CueVerb
from framing.features.attribution.phrases import PRONOUNS, person_name, source_after, source_before
from framing.features.attribution.records import (
    Attribution,
    clause_head,
    cued_by_sentence,
    end_of,
    one_per_content,
    overlaps,
    runs_past,
)
from framing.features.attribution.sources import SourceRules
from framing.features.attribution.span_model import candidate_features

# Lead words of "Label: text" lines that are not speakers.
_NOT_SPEAKERS = frozenset(
    """note update updated correction editor editors photo photos video watch read related source
    sources warning disclaimer clarification image caption credit advertisement subscribe share
    q a question answer transcript paid breaking exclusive watch live""".split()
)
_NAME_PARTS = frozenset("of the de van von al bin da la le and".split())
_COORDINATORS = frozenset("and but while whereas yet".split())
# A dash and a name after a closing quotation mark, to the end of the paragraph.
_SIGNATURE = re.compile(r"[\s,]*(?P<dash>[―—–]|--?)\s*(?P<name>[^\W\d_][\w.’'\- ]{0,60}?)[\s.,]*$")




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
    for start, end, verb in _all_cues(doc, cues, model):
        if finder.in_speech(start):
            continue  # a verb inside quoted speech belongs to the content
        finder.cue(start, end, verb)
    finder.colon_leads()
    finder.signatures()
    finder.continuations()
    finder.split_coordinated()
    found = one_per_content([a for a in finder.found if a.contents])
    for a in found:
        a.kind = finder.kind_of(a.contents)
    if span_model is not None:
        found = [a for a in found if span_model.keeps(doc, a)]
    found.sort(key=lambda a: (a.content_span[0], a.cue or (0, 0)))
    return found






def _all_cues(doc: Document, cues: CueLexicon, model: CueModel | None) -> list[tuple[int, int, CueVerb]]:
    """The verb list's cues and, with ``model``, the learned ones, in text order."""
    found = list(cues.find(doc))
    if model is None:
        return found
    listed = {k for start, end, _ in found for k in doc.tokens_between(start, end)}
    for i in model.cue_tokens(doc, cues.one_word_forms(include_strict=True), skip=listed):
        start, end = doc.token_spans[i]
        found.append((start, end, learned_cue(doc.tokens[i])))
    found.sort(key=lambda cue: cue[0])
    return found


class SpanChooser(Protocol):
    """What chooses a content among candidates: :class:`SpanModel`, or a recorder in training."""

    def choose(self, cue: Span, candidates: Sequence[tuple[Span, Sequence[str]]]) -> int | None: ...

    def keeps(self, doc: Document, attribution: Attribution) -> bool: ...


class _Finder(SourceRules, ContentRules):
    def __init__(self, doc: Document, verb_forms: frozenset[str], span_model: SpanChooser | None = None):
        super().__init__(doc, verb_forms)
        self.span_model = span_model
        self._headlines: dict[int, bool] = {}
        self.found: list[Attribution] = []

    def _add(self, source, cue, contents, verb, sentence, cue_text) -> Attribution:
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
        source = self.fallback_source(sentence, start, verb)
        if source is not None:
            self._learned_content(sentence, start, end, verb, source)

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
            self._add(source, (start, end), [candidates[choice][1]], verb, sentence, written).learned_content = True

    def _in_headline(self, sentence: Sentence) -> bool:
        headline = self._headlines.get(sentence.index)
        if headline is None:
            headline = self._headlines[sentence.index] = is_headline(self.doc, sentence)
        return headline

    def _handled_apart(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> bool:
        """Whether the cue is no cue here, or a pattern with a rule of its own (which has run)."""
        if self.body[start].isupper() and verb.form_type != "phrase" and self._inside_name(sentence, start):
            return True  # "the United States", "Bush Says" inside a title: a name, not a cue
        if verb.form_type == "phrase":
            self._according(sentence, start, end, verb, written)
            return True
        if verb.form_type == "ing" and self._participle(sentence, start, end, verb, written):
            return True
        if verb.lemma == "quote" and self._quoted_as_saying(sentence, start, end, verb, written):
            return True
        return verb.form_type == "past" and self._after_be(sentence, start)  # "it is said", "was told"

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
        if inverted or (parenthetical and closes_clause):
            return self._contents_around(sentence, left_anchor, region_start, region_end, quote_before)
        if complement is not None:
            return self._contents_after(complement, region_start, region_end, verb)
        return None

    def _headline(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> None:
        """A Title Case headline "Bellwether County Says Trump Should Win": speaker, cue, rest."""
        if verb.form_type != "present" or verb.strict:
            return
        source = source_before(self.doc, sentence, start)
        if source is None or self.doc.tokens[self.doc.tokens_between(*source)[0]] in PRONOUNS:
            return
        contents = self._right_content(self._skip_space(end, sentence.end), sentence.end)
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
                return True
        region_end = self._region_end(sentence, end)
        complement = self._complement(end, region_end)
        if complement is None or (verb.strict and not complement[1]):
            return True
        contents = self._right_content(complement[0], region_end)
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

    def signatures(self) -> None:
        """'“I’d rather live in what he calls hell.” ― Adriana Rodarte': a quote signed with a dash and a name.

        The name must end the paragraph and read as a name (one to six
        capitalised words or name particles), so a dash that opens an aside
        ("… – The decision came late") signs nothing.
        """
        doc, body = self.doc, self.body
        for q in self.speech_quotes:
            sentence = doc.sentence_at(q.start)
            if sentence is None or q.n_words < 1:
                continue
            match = _SIGNATURE.match(body, q.end, doc.paragraphs[sentence.paragraph][1])
            if match is None or match.end() != doc.paragraphs[sentence.paragraph][1]:
                continue
            words = doc.tokens_between(*match.span("name"))
            if not 1 <= len(words) <= 6 or not all(
                starts_upper(body, doc.token_spans[k][0]) or doc.tokens[k] in _NAME_PARTS for k in words
            ):
                continue
            contents = [self._trim(*inner_span(body, q))]
            self._add(match.span("name"), match.span("dash"), contents, None, sentence, match.group("dash"))

    def colon_leads(self) -> None:
        """'Kasich: "We are going all the way."' and 'Gingrich: Trump Must Decide': a name, a colon, words."""
        doc, body = self.doc, self.body
        for sentence in doc.sentences:
            colon = body.find(":", sentence.start, min(sentence.end, sentence.start + 60))
            if colon == -1:
                continue
            source = self._trim(sentence.start, colon)
            words = doc.tokens_between(*source)
            if not 1 <= len(words) <= 7 or doc.tokens[words[0]] in _NOT_SPEAKERS | DETERMINERS:
                continue
            if not all(starts_upper(body, doc.token_spans[k][0]) or doc.tokens[k] in _NAME_PARTS for k in words):
                continue
            name = person_name(body[source[0] : source[1]])
            if name is None or len(name.split()) > 3 or not body[source[0] : source[1]].endswith(name.split()[-1]):
                continue
            after = self._skip_space(colon + 1, sentence.end)
            if after >= sentence.end or (body[after] not in OPEN_MARKS + "‘" and not is_headline(doc, sentence)):
                continue  # a quotation or a headline follows a speaker's name; lists and labels do not
            if len(words) == 1 and doc.tokens.count(doc.tokens[words[0]]) < 2:
                continue  # a one-word label ("Remember:") unless the name recurs in the article
            content = self._right_content(after, sentence.end)
            if content and len(doc.tokens_between(*content[0])) >= 3:
                self._add(source, (colon, colon + 1), content, None, sentence, ":")

    def split_coordinated(self) -> None:
        """End a content where a coordinated clause starts its own attribution.

        "Six in 10 said Clinton is honest, and three-quarters said the same of
        Sanders": the first content stops before ", and three-quarters".
        """
        for group in cued_by_sentence(self.found):
            for b in group:
                joint = self._clause_joint(b)
                if joint is None:
                    continue
                for a in group:
                    if a is not b and runs_past(a, joint):
                        a.contents[-1] = self._trim(a.contents[-1][0], joint)

    def _clause_joint(self, a: Attribution) -> int | None:
        """Where the clause of ``a`` joins the one before: its "and"/"but" or the end of a ";" ahead.

        None when the clause of ``a`` is not coordinated with an earlier one.
        """
        doc = self.doc
        head = clause_head(a)
        idx = doc.tokens_between(doc.sentences[a.sentence_index].start, head)
        if not idx:
            return None
        last = idx[-1]
        if doc.tokens[last] in _COORDINATORS:
            return doc.token_spans[last][0]
        if ";" in self.body[doc.token_spans[last][1] : head]:
            return doc.token_spans[last][1]
        return None

    # ------------------------------------------------------------ quotes
    def continuations(self) -> None:
        """Attach run-on quotes to their attribution; quote-only paragraphs continue a speaker."""
        doc = self.doc
        if not self.found:
            return
        self.found.sort(key=lambda a: end_of(a))
        ends = [end_of(a) for a in self.found]
        claimed = sorted(s for a in self.found for s in a.contents)
        claimed_starts = [s for s, _ in claimed]
        for q in self.speech_quotes:
            if q.n_words < 1 or overlaps(claimed, claimed_starts, q.start, q.end):
                continue
            i = bisect.bisect_right(ends, q.start) - 1
            if i < 0:
                continue
            parent = self.found[i]
            sentence = doc.sentence_at(q.start)
            if sentence is None:
                continue
            parent_paragraph = doc.sentences[parent.sentence_index].paragraph
            whole_sentence = q.start <= sentence.start + 1 and q.end >= sentence.end - 2
            starts_paragraph = doc.paragraphs[sentence.paragraph][0] == q.start or whole_sentence
            content = self._trim(*inner_span(self.body, q))
            if (
                sentence.paragraph == parent_paragraph
                and starts_paragraph
                and self.kind_of(parent.contents) != "indirect"
            ):
                parent.contents.append(content)
            elif starts_paragraph and q.n_words >= 4 and sentence.paragraph - parent_paragraph <= 2:
                root = parent.continues or parent
                a = Attribution("direct", root.source, None, [content], None, sentence.index, root)
                # Appended after every entry of ``ends``: its indices still match.
                self.found.append(a)
            else:
                continue
            # Claimed now: a quote over the same words is not taken again.
            at = bisect.bisect_left(claimed, content)
            claimed.insert(at, content)
            claimed_starts.insert(at, content[0])










