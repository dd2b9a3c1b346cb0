"""One article through every family: metadata, column names, the language gate and the stored result."""

import json
import math

import pytest

from framing.corpus.article import Article
from framing.features.base import feature_column
from framing.run.output import json_line
from framing.run.scorer import META_COLUMNS, ArticleScorer, ScoredArticle, ScoreOptions, build_scorers

# The Moscow Times, 15 April 2019, two paragraphs and the newsletter line under them.
MOSCOW_TIMES = (
    "Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said in an "
    "interview with state media on Monday.\n\n"
    '"NATO has itself abandoned a positive agenda in its relations with Russia. It doesn\'t exist," Grushko '
    "told the state-run RIA Novosti news agency.\n\n"
    "Subscribe to our newsletter\n"
)
ARTICLE = Article("mt-1", MOSCOW_TIMES, outlet="The Moscow Times",
                  title="Russia Has Ceased 'All' Cooperation With NATO", date="2019-04-15",
                  url="https://www.themoscowtimes.com/2019/04/15/a65238", source="moscow_times.txt")
# The same news in Russian (RIA Novosti's wording).
RUSSIAN = Article("ria-1", "Россия прекратила всё сотрудничество с НАТО, заявил в понедельник заместитель министра "
                           "иностранных дел Александр Грушко в интервью государственным СМИ.", outlet="РИА Новости")


@pytest.fixture(scope="module")
def scorer():
    return ArticleScorer()


@pytest.fixture(scope="module")
def scored(scorer):
    return scorer.score(ARTICLE)


@pytest.fixture(scope="module")
def russian(scorer):
    return scorer.score(RUSSIAN)


def test_meta_holds_the_article_fields_and_the_language(scored):
    assert scored.meta == {
        "id": "mt-1", "outlet": "The Moscow Times", "date": "2019-04-15",
        "title": "Russia Has Ceased 'All' Cooperation With NATO",
        "url": "https://www.themoscowtimes.com/2019/04/15/a65238", "source": "moscow_times.txt",
        "outlet_inferred": "", "language": "en",
    }
    assert scored.english is True
    assert scored.article.text == "" and scored.article.title == ARTICLE.title  # no whole text carried around


def test_feature_columns_are_family_then_feature_in_scorer_order(scorer, scored):
    expected = [feature_column(s.family, name) for s in build_scorers(ScoreOptions()) for name in s.feature_names]
    assert scorer.feature_names == expected
    assert list(scored.features) == expected
    assert expected[0] == "sentiment__compound_whole" and expected[-1].startswith("readability__")


@pytest.mark.parametrize(("column", "value"), [
    # counted by hand on the two paragraphs above (the newsletter line is cleaned away)
    ("readability__n_words", 44.0),
    ("readability__n_sentences", 3.0),
    ("attribution__n_attributions", 2.0),  # "... Grushko said" and the quote "Grushko told"
    ("attribution__n_direct", 1.0),
    ("attribution__n_indirect", 1.0),
    ("attribution__n_speakers", 1.0),
    ("sentiment__mentions_nato", 2.0),
    ("sentiment__mentions_russia", 2.0),
])
def test_hand_counted_features_of_the_paragraph(scored, column, value):
    assert scored.features[column] == value


def test_evidence_records_the_cleaning_and_the_attributions(scored):
    cleaning = [e for e in scored.evidence if e["family"] == "cleaning"]
    assert cleaning == [{"id": "mt-1", "outlet": "The Moscow Times", "family": "cleaning", "kind": "newsletter",
                         "text": "Subscribe to our newsletter", "sentence": "", "sentence_index": -1,
                         "start": 0, "end": 0, "detail": {"line": 5}}]
    said = [(e["kind"], e["text"], e["detail"]["speaker"]) for e in scored.evidence if e["family"] == "attribution"]
    assert said == [("indirect", "Russia has stopped all cooperation with NATO", "Alexander Grushko"),
                    ("direct", "NATO has itself abandoned a positive agenda in its relations with Russia. "
                               "It doesn't exist", "Alexander Grushko")]
    assert not any(e["family"] == "language" for e in scored.evidence)


def test_non_english_text_gets_nan_measures_and_a_language_finding(russian):
    assert russian.english is False and russian.meta["language"] == "other"
    assert russian.features and all(math.isnan(value) for value in russian.features.values())
    assert russian.terms is None and russian.samples == {}
    assert russian.evidence == [{
        "id": "ria-1", "outlet": "РИА Новости", "family": "language", "kind": "skipped", "text": "not English",
        "sentence": "", "sentence_index": -1, "start": 0, "end": 0,
        "detail": {"note": "not English: the English-only measures were not computed"}}]


def test_an_empty_article_says_no_text_was_left(scorer):
    [finding] = scorer.score(Article("e1", "\n\n  \n", outlet="RT")).evidence
    assert (finding["family"], finding["text"]) == ("language", "no text left after cleaning")


def test_row_puts_the_meta_columns_first_and_leaves_stream_fields_empty(scored):
    row = scored.row()
    assert list(row)[:len(META_COLUMNS)] == list(META_COLUMNS)
    assert list(row)[len(META_COLUMNS):] == list(scored.features)
    assert (row["duplicate_of"], row["duplicate_kind"], row["counted"]) == ("", "", "")


def test_compact_keeps_the_same_evidence_lines(scorer):
    result = scorer.score(ARTICLE)
    lines = result.evidence_text()
    assert lines == "".join(json_line(record) for record in result.evidence)
    assert len(lines.splitlines()) == len(result.evidence)
    assert result.compact() is result
    assert result.evidence == [] and result.evidence_text() == lines
    assert result.compact().evidence_text() == lines  # a second compact changes nothing


def test_a_non_english_result_survives_a_json_round_trip(russian):
    again = ScoredArticle.from_json(json.loads(json.dumps(russian.to_json(), ensure_ascii=False)))
    assert again.terms is None and again.english is False
    assert again.article == russian.article and again.signature == russian.signature
    assert again.evidence_text() == russian.evidence_text()
    assert list(again.row()) == list(russian.row())
    assert json_line(again.row()) == json_line(russian.row())  # NaN != NaN: compare as written


def test_from_json_refuses_another_format(scored):
    data = scored.to_json()
    assert data["format"] == 1
    with pytest.raises(ValueError, match="another format"):
        ScoredArticle.from_json({**data, "format": 0})
