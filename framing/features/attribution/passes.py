"""Passes over a whole document after its cues: signed and colon-led quotations, transcript turns, coordinated
statements, run-on quotes.

:class:`DocumentPasses` is mixed into the finder of
:mod:`framing.features.attribution.spans` with the speaker and content rules
(:class:`~framing.features.attribution.sources.SourceRules`,
:class:`~framing.features.attribution.content.ContentRules`); it adds to and
trims the attributions the cues found (``self.found``).
"""

from __future__ import annotations

import bisect
import re

from framing.document.vocabulary import DETERMINERS, LABEL_FURNITURE
from framing.features.attribution.body_text import OPEN_MARKS, BodyText, inner_span, is_headline, starts_upper
from framing.features.attribution.person_names import person_name
from framing.features.attribution.records import (
    Attribution,
    clause_head,
    cued_by_sentence,
    end_of,
    overlaps,
    runs_past,
)

# The first word of a colon-led quotation's source that makes it none: furniture or a determiner.
_NOT_COLON_SOURCES = LABEL_FURNITURE | DETERMINERS
_NAME_PARTS = frozenset("of the de van von al bin da la le and".split())
_COORDINATORS = frozenset("and but while whereas yet".split())
# A paragraph opened (after a quotation mark) by up to three words in capitals and a colon: a label.
_LABEL = re.compile(r"[\"“]?(?P<name>[^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]+){0,2})(?P<colon>:)\s+")


def paragraph_label(body: str, start: int, end: int) -> re.Match | None:
    """The "NAME:" or "UPDATE:" label in capitals opening the paragraph ``start:end``, if any.

    >>> paragraph_label("JUAN GONZÁLEZ: Welcome.", 0, 23).group("name"), paragraph_label("Note: x", 0, 7)
    ('JUAN GONZÁLEZ', None)
    """
    match = _LABEL.match(body, start, end)
    return match if match is not None and match.group("name").isupper() else None


def turn_label(body: str, start: int, end: int) -> re.Match | None:
    """The label opening the paragraph ``start:end`` as a transcript's turn: a speaker's name, no furniture.

    Furniture is told by the label's words (:func:`names_speaker`: "UPDATE:", "EDITOR’S NOTE:", "Q:").

    >>> turn_label("PENCE: Well, look.", 0, 18).group("name"), turn_label("UPDATE: Later.", 0, 14)
    ('PENCE', None)
    >>> turn_label("EDITOR’S NOTE: Updated.", 0, 23), turn_label("Q: Why?", 0, 7)
    (None, None)
    """
    match = paragraph_label(body, start, end)
    return match if match is not None and names_speaker(match) else None


def names_speaker(label: re.Match) -> bool:
    """Whether a :func:`paragraph_label` names a speaker, not page furniture (told by its first word).

    A leading "the" is passed over ("THE FACTS:" is furniture, "THE VICE PRESIDENT:" and "THE
    COURT:" speak); a "the" further in makes a section's heading ("POLICING THE USA:").

    >>> names_speaker(paragraph_label("AMY GOODMAN: Welcome.", 0, 21)), names_speaker(paragraph_label("Q: Why?", 0, 7))
    (True, False)
    >>> facts, president = "THE FACTS: No.", "THE VICE PRESIDENT: Hi."
    >>> names_speaker(paragraph_label(facts, 0, 14)), names_speaker(paragraph_label(president, 0, 23))
    (False, True)
    """
    words = label.group("name").lower().replace("’", "'").split()
    if words[0] == "the":
        words = words[1:] or ["the"]
    if "the" in words:
        return False
    return words[0] not in LABEL_FURNITURE and words[0].removesuffix("'s") not in LABEL_FURNITURE
# A dash and a name after a closing quotation mark, to the end of the paragraph.
_SIGNATURE = re.compile(r"[\s,]*(?P<dash>[―—–]|--?)\s*(?P<name>[^\W\d_][\w.’'\- ]{0,60}?)[\s.,]*$")


class DocumentPasses(BodyText):
    """The passes that read the whole document, not one cue: run after every cue is read."""

    found: list[Attribution]

    def signatures(self) -> None:
        """'“I’d rather live in what he calls hell.” ― Adriana Rodarte': a quote signed with a dash and a name.

        The name must end the paragraph and read as a name (one to six
        capitalised words or name particles), so a dash that opens an aside
        ("… – The decision came late") signs nothing.
        """
        doc, body = self.doc, self.body
        signed = set()
        for q in self.speech_quotes:
            sentence = doc.sentence_at(q.start)
            if sentence is None or q.n_words < 1:
                continue
            match = self._signature_at(q.end, sentence)
            if match is not None:
                contents = [self._trim(*inner_span(body, q))]
                self._add(match.span("name"), match.span("dash"), contents, None, sentence, match.group("dash"))
                signed.add(sentence.paragraph)
        self._signed_paragraphs(signed)

    def _signed_paragraphs(self, signed: set[int]) -> None:
        """A signed paragraph whose quotation the Document did not read: '”Mr. Trump … shame.” ― Sonya Herridge'.

        A mistyped opening mark leaves the quotation unread; the paragraph
        before its closing mark is the content.  Paragraphs in ``signed`` are
        done.
        """
        doc, body = self.doc, self.body
        for index, (start, end) in enumerate(doc.paragraphs):
            if index in signed:
                continue
            close = body.rfind("”", start, end)
            sentence = doc.sentence_at(start)
            match = None if close == -1 or sentence is None else self._signature_at(close + 1, sentence)
            if match is None or self.in_speech(close):
                continue
            content = self._trim(start, close)
            content = self._trim(content[0] + (body[content[0]] in OPEN_MARKS + "”"), content[1])
            if len(doc.tokens_between(*content)) >= 3:
                self._add(match.span("name"), match.span("dash"), [content], None, sentence, match.group("dash"))

    def _signature_at(self, pos: int, sentence):
        """The dash and name that sign a quotation ending at ``pos``, when they end its paragraph."""
        doc, body = self.doc, self.body
        end = doc.paragraphs[sentence.paragraph][1]
        match = _SIGNATURE.match(body, pos, end)
        if match is None or match.end() != end:
            return None
        words = doc.tokens_between(*match.span("name"))
        if not 1 <= len(words) <= 6 or not all(
            starts_upper(body, doc.token_spans[k][0]) or doc.tokens[k] in _NAME_PARTS for k in words
        ):
            return None
        return match

    def colon_leads(self) -> None:
        """'Kasich: "We are going all the way."' and 'Gingrich: Trump Must Decide': a name, a colon, words."""
        doc, body = self.doc, self.body
        for sentence in doc.sentences:
            colon = body.find(":", sentence.start, min(sentence.end, sentence.start + 60))
            if colon == -1:
                continue
            source = self._trim(sentence.start, colon)
            words = doc.tokens_between(*source)
            if not 1 <= len(words) <= 7 or doc.tokens[words[0]] in _NOT_COLON_SOURCES:
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

    def transcript_turns(self) -> None:
        """'PENCE: Well, look, …': a paragraph of a transcript, opened by its speaker's name in capitals.

        The name is one to three words in capitals (not a label such as
        "UPDATE:"), the content the rest of the paragraph.
        """
        doc, body = self.doc, self.body
        for start, end in doc.paragraphs:
            match = turn_label(body, start, end)
            if match is None:
                continue
            content = self._trim(match.end(), end)
            if body[content[1] - 1 : content[1]] in '"”':
                content = self._trim(content[0], content[1] - 1)
            sentence = doc.sentence_at(match.start("name"))
            if sentence is not None and len(doc.tokens_between(*content)) >= 3:
                turn = self._add(match.span("name"), match.span("colon"), [content], None, sentence, ":")
                if turn is not None:
                    turn.verbatim = True  # a transcript gives the speaker's words as spoken: direct

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
                a = Attribution("direct", root.source, root.cue, [content], None, sentence.index, root)
                a._cue_written = root._cue_written
                # Appended after every entry of ``ends``: its indices still match.
                self.found.append(a)
            else:
                continue
            # Claimed now: a quote over the same words is not taken again.
            at = bisect.bisect_left(claimed, content)
            claimed.insert(at, content)
            claimed_starts.insert(at, content[0])
