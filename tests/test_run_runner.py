"""A scoring run into a folder: features.csv, evidence.jsonl, groups, the summary line, sentence look-up."""

import csv
import hashlib
import json
from pathlib import Path

import pytest

from framing.compare.summaries import read_evidence, summarise
from framing.corpus.article import Article
from framing.corpus.reader import CorpusReader
from framing.errors import CorpusError
from framing.run.runner import (
    EVIDENCE_FILE,
    FEATURES_FILE,
    RunResult,
    group_value,
    lookup_sentences,
    run_scoring,
    summary_line,
)
from framing.run.scorer import META_COLUMNS, ScoreOptions

GRUSHKO = ("Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said in an "
           "interview with state media on Monday.\n\n"
           '"NATO has itself abandoned a positive agenda in its relations with Russia. It doesn\'t exist," Grushko '
           "told the state-run RIA Novosti news agency.\n\n"
           "Subscribe to our newsletter\n")
STOLTENBERG = ("NATO Secretary General Jens Stoltenberg said the alliance remained open to dialogue with Moscow, "
               "but that Russia had to respect the sovereignty of its neighbours.\n")
RUSSIAN = ("Россия прекратила всё сотрудничество с НАТО, заявил в понедельник заместитель министра иностранных дел "
           "Александр Грушко в интервью государственным СМИ.\n")
MANIFEST = ("file,outlet,side\n"
            "mt.txt,The Moscow Times,independent\n"
            "mt_again.txt,The Moscow Times,independent\n"
            "nato.txt,NATO,\n"
            "ria.txt,РИА Новости,state\n")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One run over four tiny files (one a same-outlet duplicate, one in Russian), grouped by ``side``."""
    root = tmp_path_factory.mktemp("run")
    corpus, out = root / "corpus", root / "out"
    corpus.mkdir()
    out.mkdir()
    for name, text in {"mt.txt": GRUSHKO, "mt_again.txt": GRUSHKO, "nato.txt": STOLTENBERG, "ria.txt": RUSSIAN,
                       "articles.csv": MANIFEST}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    progress = []
    result = run_scoring(CorpusReader(corpus), out, ScoreOptions(), group_by="side", progress=progress.append)
    return corpus, out, result, progress


def test_features_csv_has_one_row_per_article_in_reading_order(run):
    _, out, result, progress = run
    with open(out / FEATURES_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [*META_COLUMNS, *result.feature_names]
    assert [(r["id"], r["outlet"], r["language"], r["duplicate_of"], r["counted"]) for r in rows] == [
        ("mt", "The Moscow Times", "en", "", "yes"),
        ("mt_again", "The Moscow Times", "en", "mt", "no"),
        ("nato", "NATO", "en", "", "yes"),
        ("ria", "РИА Новости", "other", "", "yes"),
    ]
    assert rows[0]["readability__n_words"] == "44" and rows[3]["readability__n_words"] == ""  # NaN is empty
    assert progress == [1, 2, 3, 4] and result.n_articles == 4
    assert result.outlets == ["NATO", "The Moscow Times", "РИА Новости"]


def test_evidence_jsonl_holds_every_article_evidence(run):
    _, out, _, _ = run
    records = [json.loads(line) for line in (out / EVIDENCE_FILE).read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in records]
    assert ids == sorted(ids, key=["mt", "mt_again", "nato", "ria"].index)  # article by article, in order
    assert set(ids) == {"mt", "mt_again", "nato", "ria"}
    assert [r["detail"]["note"] for r in records if r["family"] == "language"] == [
        "not English: the English-only measures were not computed"]


def test_groups_come_from_the_manifest_and_duplicates_are_left_out_of_the_counts(run):
    _, _, result, _ = run
    assert [row["group"] for row in result.rows] == ["independent", "independent", "unknown", "state"]
    # Only counted English articles add terms: "grushko" appears twice in mt.txt, and mt_again is not counted.
    assert result.term_counts.counts["independent"]["grushko"] == 2
    assert "state" not in result.term_counts.counts  # the Russian article has no English terms
    assert list(result.samples["independent"]["sentiment__sentence_compound"]) == [-0.2263, 0.1531, 0.0]
    # The report's own-name filter needs each group's outlets: noted while scoring, duplicates included.
    assert result.group_outlets == {"independent": {"The Moscow Times"}, "unknown": {"NATO"},
                                    "state": {"РИА Новости"}}


def test_input_hashes_name_every_file_read_and_the_manifest(run):
    corpus, _, result, _ = run
    assert sorted(result.input_hashes) == ["articles.csv", "mt.txt", "mt_again.txt", "nato.txt", "ria.txt"]
    assert result.input_hashes["nato.txt"] == hashlib.sha256((corpus / "nato.txt").read_bytes()).hexdigest()


def test_an_unknown_group_column_fails_before_anything_is_written(make_corpus, tmp_path):
    folder = make_corpus({"nato.txt": STOLTENBERG})
    with pytest.raises(CorpusError, match="--group-by bias: no article has a column 'bias'"):
        run_scoring(CorpusReader(folder), tmp_path, ScoreOptions(), group_by="bias")
    assert not (tmp_path / FEATURES_FILE).exists()


ARTICLE = Article("a1", "…", outlet="RT", date="2019-04-15", title="",
                  extra={"side": "  state ", "bias": "", "Country": "Russia"})


@pytest.mark.parametrize(("group_by", "value"), [
    ("outlet", "RT"),
    ("date", "2019-04-15"),
    ("title", "unknown"),  # an empty field groups as "unknown"
    ("side", "state"),  # manifest values are stripped
    ("bias", "unknown"),
    ("Country", "Russia"),
    ("country", "unknown"),  # columns match exactly
])
def test_group_value(group_by, value):
    assert group_value(ARTICLE, group_by) == value


@pytest.mark.parametrize(("result", "seconds", "open_file", "line"), [
    (RunResult(rows=[{"outlet": "TASS"}], seconds=0.44), None, "",
     "Scored 1 article from 1 outlet in 0.4 s; written to out/"),
    (RunResult(rows=[{"outlet": "RT"}, {"outlet": "RT"}, {"outlet": "TASS"}], warnings=["a", "b"], seconds=12.0),
     None, "", "Scored 3 articles from 2 outlets in 12.0 s, 2 warnings; written to out/"),
    (RunResult(rows=[{"outlet": "RT"}], warnings=["a"], seconds=1.0), 7.26, "features.csv",
     "Scored 1 article from 1 outlet in 7.3 s, 1 warning; written to out/ — open out/features.csv"),
])
def test_summary_line(result, seconds, open_file, line):
    assert summary_line(result, Path("out"), seconds, open_file) == line


def test_lookup_sentences_reads_the_cleaned_sentences_named(run):
    corpus, _, _, _ = run
    reader = CorpusReader(corpus)
    found = lookup_sentences(reader, {"mt": {0, 2, 9}, "nato": {0}})
    assert found == {
        ("mt", 0): "Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said "
                   "in an interview with state media on Monday.",
        ("mt", 2): 'It doesn\'t exist," Grushko told the state-run RIA Novosti news agency.',
        ("nato", 0): STOLTENBERG.strip(),
    }  # index 9 is past the end of mt and is left out
    assert lookup_sentences(reader, {}) == {}


def _read_back(out: Path, result: RunResult) -> dict:
    """The summaries one pass over the written evidence.jsonl gives, for every group."""
    group_of = {row["id"]: row["group"] for row in result.rows}
    counted = {row["id"]: row["counted"] == "yes" for row in result.rows}
    return summarise(read_evidence(out / EVIDENCE_FILE), group_of, counted)


def test_summaries_made_while_scoring_are_those_of_the_written_evidence(run):
    _, out, result, _ = run
    read_back = _read_back(out, result)
    assert read_back and list(result.summaries.summaries(read_back).items()) == list(read_back.items())


def test_summaries_kept_for_the_groups_asked_for_only_and_merged_by_aliases(run):
    _, out, result, _ = run
    read_back = _read_back(out, result)
    first, *others = read_back
    assert list(result.summaries.summaries([first])) == [first]
    merged = result.summaries.summaries(["all"], aliases={group: "all" for group in read_back})
    group_of = {row["id"]: "all" for row in result.rows}
    counted = {row["id"]: row["counted"] == "yes" for row in result.rows}
    assert merged == summarise(read_evidence(out / EVIDENCE_FILE), group_of, counted)
    assert merged["all"].scare_quotes.total() == sum(s.scare_quotes.total() for s in read_back.values())


@pytest.mark.parametrize("jobs", [1, 2])
def test_summaries_made_while_scoring_the_seeds_match_in_one_process_and_in_workers(tmp_path, jobs):
    from framing.corpus.seeds import default_corpus
    from framing.run import engine

    reader = CorpusReader(default_corpus())
    small, engine.SMALL_SET = engine.SMALL_SET, 0  # the seeds are few: send them to workers all the same
    try:
        result = run_scoring(reader, tmp_path, ScoreOptions(), jobs=jobs)
    finally:
        engine.SMALL_SET = small
    summaries = _read_back(tmp_path, result)
    made = result.summaries.summaries(summaries)
    assert list(made) == list(summaries)
    for group, summary in summaries.items():
        assert made[group] == summary, group
        assert summary.speakers and summary.terms, group


def test_a_run_for_no_report_gathers_no_summaries(make_corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = run_scoring(CorpusReader(make_corpus({"a.txt": STOLTENBERG})), out, ScoreOptions().without_report())
    assert result.summaries is None and not result.term_counts.counts
    # Nor the rows, evidence ranges and samples only a report reads (memory flat in the number of articles),
    # while the count and the outlets the summary line names are kept.
    assert result.rows == [] and result.evidence_ranges == {}
    assert result.samples == {}  # nor the charts' values
    assert result.n_articles == 1 and result.outlets == sorted(result.group_outlets[next(iter(result.group_outlets))])
    assert (out / EVIDENCE_FILE).read_text(encoding="utf-8").count("\n") >= 1


def test_evidence_ranges_noted_while_writing_are_those_a_scan_of_the_file_finds(run):
    from framing.report.evidence_index import EvidenceIndex

    _, out, result, _ = run
    ids = [row["id"] for row in result.rows]
    scanned = EvidenceIndex.of(out / EVIDENCE_FILE, ids)
    noted = EvidenceIndex.of_ranges(out / EVIDENCE_FILE, result.evidence_ranges, ids)
    assert noted.ranges == scanned.ranges and len(noted.ranges) >= 2
    assert all(noted.records(article) == scanned.records(article) for article in ids)
