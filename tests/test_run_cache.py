import json
from dataclasses import replace

from framing.corpus.article import Article
from framing.run.cache import CACHEDIR_SIGNATURE, CachingScorer, ResultCache, make_scorer
from framing.run.output import json_line
from framing.run.scorer import ArticleScorer, ScoredArticle, ScoreOptions

ARTICLE = Article("a1", 'The minister said on Monday that "the talks have failed," and warned of the annexation.',
                  outlet="TASS", title="Talks fail", url="https://tass.com/x", extra={"side": "east"})


def test_a_reloaded_result_writes_the_same_bytes(tmp_path):
    scored = ArticleScorer().score(ARTICLE)
    again = ScoredArticle.from_json(json.loads(json.dumps(scored.to_json())))
    assert again.row().keys() == scored.row().keys()
    assert json_line(again.row()) == json_line(scored.row())
    assert [json_line(e) for e in again.evidence] == [json_line(e) for e in scored.evidence]
    assert again.signature == scored.signature and again.article == scored.article
    assert again.terms.counts == scored.terms.counts and again.terms.examples == scored.terms.examples


def test_the_key_follows_text_metadata_options_and_extra_files(tmp_path):
    cache = ResultCache(tmp_path, ScoreOptions())
    key = cache.key(ARTICLE)
    assert cache.key(replace(ARTICLE)) == key
    assert cache.key(replace(ARTICLE, text=ARTICLE.text + " ")) != key
    assert cache.key(replace(ARTICLE, outlet="RT")) != key
    assert cache.key(replace(ARTICLE, extra={"side": "west"})) != key
    assert ResultCache(tmp_path, ScoreOptions(targets=("Gazprom",))).key(ARTICLE) != key
    pack = tmp_path / "mine.toml"
    pack.write_text("a = 1\n")
    first = ResultCache(tmp_path, ScoreOptions(lexicon_files=(str(pack),))).key(ARTICLE)
    pack.write_text("a = 2\n")
    assert ResultCache(tmp_path, ScoreOptions(lexicon_files=(str(pack),))).key(ARTICLE) != first


def test_entries_are_whole_or_absent_and_a_bad_entry_is_scored_again(tmp_path):
    scorer = CachingScorer(ScoreOptions(), tmp_path / "c")
    scorer.score(ARTICLE)
    [entry] = (tmp_path / "c").glob("*/*.json")
    assert [p.name for p in (tmp_path / "c").rglob(".*")] == []  # no temporary file left
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith(CACHEDIR_SIGNATURE)
    entry.write_text('{"format": 1, "article": ')  # as if cut by a crash
    again = CachingScorer(ScoreOptions(), tmp_path / "c")
    assert again.score(ARTICLE).meta["id"] == "a1" and (again.hits, again.misses) == (0, 1)
    assert json.loads(entry.read_text())["meta"]["id"] == "a1"


def test_make_scorer_caches_only_when_asked(tmp_path):
    assert isinstance(make_scorer(ScoreOptions()), ArticleScorer)
    assert isinstance(make_scorer(ScoreOptions(cache_dir=str(tmp_path))), CachingScorer)
    assert "cache_dir" not in ScoreOptions(cache_dir="x").as_dict()


def test_results_without_report_never_stand_in_for_a_reports(tmp_path):
    plain = ScoreOptions()
    scored = ArticleScorer(plain.without_report()).score(ARTICLE)
    assert scored.terms is None
    assert json_line(scored.row()) == json_line(ArticleScorer(plain).score(ARTICLE).row())
    assert ResultCache(tmp_path, plain.without_report()).key(ARTICLE) != ResultCache(tmp_path, plain).key(ARTICLE)
