"""The Dask engine gives the local engine's results and per-outlet totals (LocalCluster, 2 workers)."""

from __future__ import annotations

import gzip
import json
import math
from itertools import islice

import pytest
from sample_articles import ALLSIDES

from framing.corpus.reader import CorpusReader
from framing.run.cache import ScorerFactory
from framing.run.engine import map_ordered
from framing.run.engine_dask import DaskEngine, partition_ranges, totals_by_outlet
from framing.run.scorer import ScoreOptions

pytest.importorskip("distributed")

N_ARTICLES = 120


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory):
    if not ALLSIDES.exists():
        pytest.skip(f"{ALLSIDES} not present")
    path = tmp_path_factory.mktemp("dask") / "articles.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as source, open(path, "w", encoding="utf-8") as out:
        for line in islice(source, N_ARTICLES):
            record = json.loads(line)
            out.write(json.dumps({key: record.get(key) for key in
                                  ("ID", "source", "title", "date", "url", "content_original")}) + "\n")
    return path


def reader_for(path):
    return CorpusReader(path, columns={"text": "content_original", "outlet": "source", "id": "ID"})


def same(a: float, b: float) -> bool:
    # The last bit may differ: numpy's dot products (target tone) depend on
    # array alignment, which differs between processes.  features.csv rounds,
    # so the files are identical (see the CLI test below).
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-15)


def test_partitions_cover_every_article_once():
    ranges = partition_ranges(200, 7)
    assert ranges[0][0] == 0 and ranges[-1][1] == 200
    assert all(stop == start for (_, stop), (start, _) in zip(ranges, ranges[1:]))
    assert {stop - start for start, stop in ranges} == {28, 29}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


@pytest.mark.slow
def test_dask_engine_matches_the_local_engine(articles_file, cluster):
    options = ScoreOptions()
    local = list(map_ordered(ScorerFactory(options), reader_for(articles_file), jobs=1))
    engine = DaskEngine(scheduler=cluster.scheduler_address, partitions=5)
    remote = list(engine.map_ordered(ScorerFactory(options), reader_for(articles_file)))

    assert len(local) == len(remote) == N_ARTICLES
    assert [s.meta["id"] for s in remote] == [s.meta["id"] for s in local]
    for ours, theirs in zip(remote, local):
        assert ours.features.keys() == theirs.features.keys()
        assert all(same(ours.features[k], theirs.features[k]) for k in ours.features)
        assert ours.evidence == theirs.evidence
        assert ours.meta == theirs.meta

    expected = totals_by_outlet(iter(local))
    assert engine.outlet_totals.keys() == expected.keys()
    for outlet, totals in expected.items():
        reduced = engine.outlet_totals[outlet]
        assert reduced["articles"] == totals["articles"]
        assert reduced["count"] == totals["count"]
        for name, value in totals["sum"].items():
            assert reduced["sum"][name] == pytest.approx(value, rel=1e-12, abs=1e-12)


@pytest.mark.slow
def test_dask_engine_summarises_the_evidence_on_the_cluster(articles_file, cluster):
    import pickle

    options = ScoreOptions()
    local = [s.compact() for s in map_ordered(ScorerFactory(options), reader_for(articles_file))]
    engine = DaskEngine(scheduler=cluster.scheduler_address, partitions=3)
    remote = list(engine.map_ordered(ScorerFactory(options), reader_for(articles_file), compact=True))
    # compact on arrival: the evidence is already JSON lines and the summary already made (pickled)
    assert all(s.evidence == [] and s.summary is not None for s in remote)
    assert [s.evidence_lines for s in remote] == [s.evidence_lines for s in local]
    assert [pickle.loads(s.summary) for s in remote] == [pickle.loads(s.summary) for s in local]


def test_cli_dask_engine_writes_the_local_files(seeds_dir, tmp_path, cluster):
    from click.testing import CliRunner

    from framing.cli import main

    runner = CliRunner()
    local = runner.invoke(main, ["score", str(seeds_dir), "--out", str(tmp_path / "local"), "--jobs", "1"])
    remote = runner.invoke(main, ["score", str(seeds_dir), "--out", str(tmp_path / "dask"), "--engine", "dask",
                                  "--scheduler", cluster.scheduler_address])
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    for name in ("features.csv", "evidence.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_scheduler_needs_the_dask_engine(seeds_dir, tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    result = CliRunner().invoke(main, ["score", str(seeds_dir), "--out", str(tmp_path / "x"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output
