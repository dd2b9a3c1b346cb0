"""Hypothesis: random bytes, text and corpora for the parsers and the feature families.

No exception may escape; features stay in their documented ranges (shares
in [0, 1], tones in [-1, 1], counts and rates >= 0, NaN when undefined, never
infinite); every piece of evidence points inside the text it came from; and
every line of a record file becomes an article or a warning naming that line.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus.article import Article, split_front_matter
from framing.corpus.decode import decode_bytes
from framing.corpus.reader import CorpusReader
from framing.document.clean import clean_text
from framing.document.parse import build_document

from .harness import TALLY, count_results, feature_ranges_problems, shared_scorer

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news prose with the marks the parsers care about: quotes of every
# kind, abbreviations, dashes, contested terms, reporting verbs, odd spaces.
PIECES = [
    "The minister", "said", "told reporters", "according to", "a NATO source", "Grushko", "he", "claimed",
    "warned", "the annexation", "reunification", "of Crimea", "Kiev", "Kyiv", "so-called", "'Russian threat'",
    '"', "“", "”", "‘", "’", "'", ".", ",", "?", "!", "…", "—", "-", "U.S.", "Dr.", "Mr.", "\n", "\n\n", "  ",
    "\t", "terrible", "great", "disaster", "war", "peace", "was", "were", "attacked", "by", "the", "alliance",
    "is", "a", "of", "and", "to", "in", "that", "Monday", "2019", "100%", "#", "|", "[x](javascript:alert(1))",
    "<script>", "\u202e", "\x00", "\r", "é", "Привет", "北约", "🙂",
]
newsy_text = st.lists(st.sampled_from(PIECES), max_size=120).map(" ".join)
any_text = st.one_of(newsy_text, st.text(max_size=400))


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_bytes_never_fails(raw):
    text = decode_bytes(raw)
    assert text is None or ("\r" not in text and "\x00" not in text)


@FUZZ
@given(any_text)
def test_front_matter_and_cleaning_never_fail(text):
    body, meta = split_front_matter(text)
    assert isinstance(body, str) and all(isinstance(v, str) for v in meta.values())
    cleaned = clean_text(body)
    kept = set(cleaned.body.split("\n"))
    assert all(r.reason and 1 <= r.line <= body.count("\n") + 1 for r in cleaned.removed)
    assert isinstance(cleaned.title, str) and len(kept) >= 1


@FUZZ
@given(any_text)
def test_document_spans_point_into_the_body(text):
    doc = build_document("x", text)
    n = len(doc.body)
    for sentence in doc.sentences:
        assert 0 <= sentence.start <= sentence.end <= n
    for (start, end), token in zip(doc.token_spans, doc.tokens, strict=True):
        assert 0 <= start < end <= n and doc.body[start:end].lower() == token
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= n
    for offset in range(0, n + 1, max(1, n // 40)):
        containing = [q for q in doc.quotes if q.start <= offset < q.end]
        assert doc.quote_at(offset) == (containing[0] if containing else None)


@FUZZ
@given(any_text, st.text(max_size=60))
def test_every_family_stays_in_range_with_evidence_in_the_text(text, title):
    TALLY.tried("Hypothesis: random article text")
    scorer = shared_scorer()
    try:
        scored = scorer.score(Article("fuzz", text, title=title))
    except Exception as error:
        TALLY.crashes.append(f"random article {text[:80]!r}: {type(error).__name__}: {error}")
        raise
    count_results([scored], [])
    assert feature_ranges_problems(scored.features) == []
    document, _ = scorer.parse(Article("fuzz", text, title=title))
    for record in scored.evidence:
        assert -1 <= record["sentence_index"] < max(1, len(document.sentences))
        limit = len(document.title) if record["detail"].get("in_title") else len(document.body)
        assert 0 <= record["start"] <= record["end"] <= limit, record


record_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), newsy_text,
                          st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                                                max_size=2))
records = st.dictionaries(st.sampled_from(["text", "outlet", "title", "date", "url", "id", "source", "extra"]),
                          record_values, max_size=6)
broken_lines = st.sampled_from(['{"text": "cut', "not json", "[1, 2]", '"a string"', "{}", "null", "{,}"])
jsonl_lines = st.lists(st.one_of(records.map(json.dumps), broken_lines), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None)
@given(jsonl_lines)
def test_every_record_line_becomes_an_article_or_a_warning_naming_it(lines):
    TALLY.tried("Hypothesis: random JSONL corpus")
    # One valid record at least, so the file as a whole has a text key.
    lines = [json.dumps({"text": "The minister said talks failed."}), *lines]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "set.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        reader = CorpusReader(path)
        articles = list(reader)
    accounted = {int(a.source.rsplit(" ", 1)[1]) for a in articles}
    # A repeated id is renamed and the article read: that note names a line already accounted for.
    for warning in (w for w in reader.warnings if "— renamed to" not in w):
        number = warning.split(" line ", 1)[1].split(":", 1)[0] if " line " in warning else None
        assert number is not None and number.isdigit(), warning
        assert int(number) not in accounted, warning
        accounted.add(int(number))
    assert accounted == set(range(1, len(lines) + 1))
    count_results([], reader.warnings)
    TALLY.read_only += len(articles)
