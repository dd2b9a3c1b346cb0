"""Marks in an article's text: which spans a finding marks, and HTML that always nests and keeps the text."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.report.annotate import Mark, record_spans, render_span, tone_band
from framing.report.side_by_side import mark_differences

# RT's sentence 8 (seeds/000): the military bloc's claim, partly quoted, holding a scare quote and a term.
SENTENCE = ("Since 2014, relations between NATO and Moscow have rapidly deteriorated and the military bloc claimed "
            "there can be no \"business as usual\" after Moscow's reunification with Crimea.")


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


class Nesting(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ok = [], True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def nests(html: str) -> bool:
    parser = Nesting()
    parser.feed(html)
    return parser.ok and not parser.stack


@pytest.mark.parametrize("record, spans", [
    ({"family": "lexicon", "kind": "contested_term", "start": 139, "end": 152}, [(139, 152, "term")]),
    ({"family": "lexicon", "kind": "scare_quote", "start": 113, "end": 130}, [(113, 130, "scare")]),
    ({"family": "loaded", "kind": "assertive", "start": 89, "end": 96}, [(89, 96, "loaded")]),
    ({"family": "attribution", "kind": "mixed", "start": 107, "end": 167,
      "detail": {"content_spans": [[107, 167]], "source_start": 71, "source_end": 88, "cue_start": 89,
                 "cue_end": 96}},
     [(107, 167, "quote"), (71, 88, "speaker"), (89, 96, "cue")]),
    # A paraphrase without a found speaker marks its content only.
    ({"family": "attribution", "kind": "indirect", "start": 0, "end": 20, "detail": {}}, [(0, 20, "quote")]),
    ({"family": "sentiment", "kind": "target_tone", "start": 0, "end": 4}, []),
    ({"family": "cleaning", "kind": "photo credit", "start": 0, "end": 0}, []),
])
def test_which_findings_are_marked(record, spans):
    assert record_spans(record) == spans


def test_a_term_and_a_scare_quote_nest_inside_a_partly_quoted_claim():
    claim, scare, term = at(SENTENCE, '"business as usual" after Moscow\'s reunification with Crimea'), \
        at(SENTENCE, '"business as usual"'), at(SENTENCE, "reunification")
    marks = [Mark(*claim, "quote", "quote", "Claim"), Mark(*scare, "scare", "scare", "Scare"),
             Mark(*term, "term", "term side-0", "Term")]
    html = render_span(SENTENCE, 0, len(SENTENCE), marks)
    assert html.endswith('<span class="quote" title="Claim"><span class="scare" title="Scare">"business as usual"'
                         "</span> after Moscow's <mark class=\"term side-0\" title=\"Term\">reunification</mark>"
                         " with Crimea</span>.")
    assert nests(html)


def test_a_quotation_running_past_the_span_is_cut_at_its_edge():
    text = '"We will not give up," he said. "Never."'
    quote = Mark(1, 38, "quote", "quote", "Q")
    first = render_span(text, 0, 31, [quote])
    assert first == '"<span class="quote" title="Q">We will not give up," he said.</span>'


@pytest.mark.parametrize("compound, band", [
    (-0.8555, "clearly-negative"), (-0.25, "clearly-negative"), (-0.2, "slightly-negative"),
    (-0.05, "slightly-negative"), (-0.04, "neutral"), (0.0, "neutral"), (0.05, "slightly-positive"),
    (0.5881, "clearly-positive"),
])
def test_tone_bands(compound, band):
    assert tone_band(compound, 0.25) == band


marks_strategy = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40),
                                    st.sampled_from(["quote", "speaker", "cue", "scare", "term", "loaded"])),
                          max_size=8)


@given(text=st.text(alphabet="ab <>&\"'", min_size=0, max_size=40), spans=marks_strategy,
       window=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_any_marks_give_well_nested_html_that_keeps_the_text(text, spans, window):
    start, end = min(window), min(max(window), len(text))
    start = min(start, end)
    marks = [Mark(min(a, b), max(a, b), kind, kind, f"{kind} <{a}>") for a, b, kind in spans]
    html = render_span(text, start, end, marks)
    assert nests(html)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text[start:end]


def test_words_only_one_version_has_are_marked_and_escaped():
    rt = 'NATO has gone "too far" in pumping <confrontation>'
    tass = "NATO has gone far in confrontation"
    assert mark_differences(rt, [tass]) == ('NATO has gone "<em class="differs">too</em> far" in '
                                            '<em class="differs">pumping</em> &lt;confrontation&gt;')
