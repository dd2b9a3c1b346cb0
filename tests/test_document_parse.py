import pytest

from framing.document.parse import WORD_RE, build_document, word_tokens


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith went to the U.S. Embassy. He left.", ["Mr. Smith went to the U.S. Embassy.", "He left."]),
    ('"We are ready," he said. "Talks go on."', ['"We are ready," he said.', '"Talks go on."']),
    ("It ended — for now. Dr. Jones agreed.", ["It ended — for now.", "Dr. Jones agreed."]),
    ("President John F. Kennedy spoke. Crowds cheered!", ["President John F. Kennedy spoke.", "Crowds cheered!"]),
    ("First line\nSecond line.", ["First line", "Second line."]),
])
def test_sentences(text, expected):
    assert [s.text for s in build_document("x", text).sentences] == expected


def test_offsets_point_into_the_body(seed_texts):
    doc = build_document("rt", seed_texts["000_ba4c7e0c4217ab86"])
    for sentence in doc.sentences:
        assert doc.body[sentence.start:sentence.end] == sentence.text
    for start, end in doc.token_spans[:50]:
        assert doc.body[start:end].strip() == doc.body[start:end]


def test_quotes_double_single_and_unopened(seed_texts):
    rt = build_document("rt", seed_texts["000_ba4c7e0c4217ab86"])
    singles = [q.text for q in rt.quotes if q.mark == "single"]
    assert singles == ["Russian threat", "Russian threat"]
    assert rt.quotes[0].text.startswith("Civil and military cooperation has ceased completely.")
    fort_russ = build_document("fr", seed_texts["001_6d2487ecfb3683dc"])
    # The scraped text lost an opening mark: the quote runs from the paragraph start.
    assert fort_russ.quotes[0].text.startswith("NATO itself has given up the positive agenda")
    nested = [q for q in fort_russ.quotes if q.text == "Russian threat"]
    assert {q.mark for q in nested} == {"double", "single"}


def test_apostrophes_are_not_quotes():
    doc = build_document("x", "NATO's chief said the alliance's plan wasn't new, it's Russia's view.")
    assert doc.quotes == ()


def test_lookup_helpers():
    doc = build_document("x", 'He said: "Stop now." Then he left.')
    quote = doc.quote_at(doc.body.index("Stop"))
    assert quote is not None and quote.text == "Stop now."
    assert doc.sentence_at(doc.body.index("left")).text == "Then he left."
    assert [doc.tokens[i] for i in doc.tokens_between(0, 8)] == ["he", "said"]


@pytest.mark.parametrize("text", [
    "NATO's chief met Putin's envoy in the U.S. on Monday.",
    "İstanbul talks: Straße, ﬁnal ǅ words",  # İ lower-cases to two characters
    "ΟΔΟΣ ΣΟΦΙΑΣ. ΑΣ.b",  # a capital sigma lower-cases by its neighbours
])
def test_word_tokens_are_each_word_lower_cased(text):
    matches = list(WORD_RE.finditer(text))
    assert word_tokens(text) == ([m.span() for m in matches], [m.group().lower() for m in matches])


def test_two_single_marks_stand_for_a_double_one():
    # AllSides (wire copy): a quote closed by ’’ had run on over "Tom King, president of the
    # gun-rights group, said", putting the outlet's own words inside the quote.
    text = ("“It becomes clear how ridiculous some of these things are,’’ Tom King, president of the "
            "gun-rights group, said Tuesday. He added: ‘‘We will win.’’ And ''yes.''")
    doc = build_document("x", text)
    assert [(q.mark, q.text) for q in doc.quotes] == [
        ("double", "It becomes clear how ridiculous some of these things are,"),
        ("double", "We will win."),
        ("double", "yes."),
    ]
    assert doc.quote_at(text.index("gun-rights")) is None


def test_two_closing_single_marks_with_nothing_open_are_no_quote():
    # British-style copy: a plural possessive or a nested quote's end beside the outer one.
    text = "Peskov said the sanctions were ‘the Americans’’ problem, not Russia’s."
    assert [q.mark for q in build_document("x", text).quotes if q.mark == "double"] == []
