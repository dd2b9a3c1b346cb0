"""Streaming articles through the scorer: order, duplicates, the factory, and the library call."""

import pytest

from framing.corpus.article import Article
from framing.errors import CorpusError
from framing.run.scorer import META_COLUMNS, ArticleScorer, ScoreOptions
from framing.run.stream import score, score_articles

GRUSHKO = ("Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said in an "
           "interview with state media on Monday.")
STOLTENBERG = ("NATO Secretary General Jens Stoltenberg said the alliance remained open to dialogue with Moscow, "
               "but that Russia had to respect the sovereignty of its neighbours.")

# a1 first; a2 the same story again on TASS; r1 the wire copy on RT; a3 another story;
# a4 the TASS story again with trailing blank lines only (still an exact duplicate of a1).
ARTICLES = [
    Article("a1", GRUSHKO, outlet="TASS"),
    Article("a2", GRUSHKO, outlet="TASS"),
    Article("r1", GRUSHKO, outlet="RT"),
    Article("a3", STOLTENBERG, outlet="TASS"),
    Article("a4", GRUSHKO + "\n\n\n", outlet="TASS"),
]


@pytest.fixture(scope="module")
def shared_scorer():
    return ArticleScorer()


def marks(options, scorer):
    return [(s.meta["id"], s.meta.get("duplicate_of"), s.meta.get("duplicate_kind"), s.meta["counted"])
            for s in score_articles(ARTICLES, options, make_scorer=lambda: scorer)]


def test_exact_duplicates_of_one_outlet_are_marked_and_not_counted(shared_scorer):
    assert marks(ScoreOptions(), shared_scorer) == [
        ("a1", None, None, "yes"),
        ("a2", "a1", "exact", "no"),
        ("r1", "a1", "exact", "yes"),  # the same wire story on another outlet still counts for that outlet
        ("a3", None, None, "yes"),
        ("a4", "a1", "exact", "no"),
    ]


def test_keep_duplicates_counts_them_but_still_marks_them(shared_scorer):
    assert marks(ScoreOptions(keep_duplicates=True), shared_scorer) == [
        ("a1", None, None, "yes"),
        ("a2", "a1", "exact", "yes"),
        ("r1", "a1", "exact", "yes"),
        ("a3", None, None, "yes"),
        ("a4", "a1", "exact", "yes"),
    ]


def test_a_given_factory_is_called_once_and_its_scorer_used(shared_scorer):
    calls = []

    class CountingScorer:
        def score(self, article):
            calls.append(article.id)
            return shared_scorer.score(article)

    def make_scorer():
        calls.append("built")
        return CountingScorer()

    results = list(score_articles(ARTICLES, make_scorer=make_scorer))
    assert calls == ["built", "a1", "a2", "r1", "a3", "a4"]
    assert [r.meta["id"] for r in results] == ["a1", "a2", "r1", "a3", "a4"]


def test_score_returns_one_row_per_article_and_the_evidence(make_corpus):
    folder = make_corpus({"tass.txt": GRUSHKO + "\n", "nato.txt": STOLTENBERG + "\n",
                          "articles.csv": "file,outlet,date\ntass.txt,TASS,2019-04-15\nnato.txt,NATO,2019-04-03\n"})
    features, evidence = score(folder)
    assert list(features.columns[:len(META_COLUMNS)]) == list(META_COLUMNS)
    assert features[["id", "outlet", "date", "source", "language", "counted"]].values.tolist() == [
        ["nato", "NATO", "2019-04-03", "nato.txt", "en", "yes"],
        ["tass", "TASS", "2019-04-15", "tass.txt", "en", "yes"],
    ]
    assert features["attribution__n_attributions"].tolist() == [1.0, 1.0]  # one "said" each
    assert {record["id"] for record in evidence} == {"nato", "tass"}
    said = {(r["id"], r["detail"]["speaker"]) for r in evidence if r["family"] == "attribution"}
    assert said == {("tass", "Alexander Grushko"), ("nato", "Jens Stoltenberg")}


def test_score_of_the_seeds_has_one_row_per_outlet_article(seeds_dir):
    features, _ = score(seeds_dir)
    assert features["outlet"].tolist() == ["RT", "Fort Russ News", "The Moscow Times", "Fort Russ News", "TASS"]
    assert set(features["counted"]) == {"yes"} and set(features["language"]) == {"en"}


@pytest.mark.parametrize(("files", "reason"), [
    ({}, "no articles found — add .txt, .md, .html, .json, .jsonl or .csv files"),
    ({"report.pdf": b"%PDF-1.4"}, "no articles found — it holds 1 .pdf file but no"),
])
def test_a_folder_with_nothing_to_score_raises_corpus_error(make_corpus, tmp_path, files, reason):
    folder = make_corpus(files) if files else tmp_path
    with pytest.raises(CorpusError, match="nothing could be scored") as error:
        score(folder)
    assert reason in str(error.value)
