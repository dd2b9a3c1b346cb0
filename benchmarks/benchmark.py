"""Benchmark: the framing pipeline against a plain VADER + textstat script, in one run.

Scores an article set (default: the AllSides 10k sample) three ways:

1. framing, one process, with time per stage (read, clean, parse, each feature
   family, the rest of the per-article work and writing) and then the report
   (aggregation, charts);
2. framing with ``--jobs`` worker processes;
3. the baseline a typical script would run: one
   ``SentimentIntensityAnalyzer`` and, per article, ``polarity_scores(text)``
   and textstat's five formulas.

It prints articles/s for each, the ratios, peak memory, and checks that
framing's VADER (:mod:`framing.features.sentiment.vader`) and textstat formulas
(:mod:`framing.features.readability.formulas`) give exactly the baseline's values on
every article.  Not a test: run it by hand.

Example: python benchmarks/benchmark.py --limit 2000 --jobs 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "allsides" / "articles_10k.jsonl.gz"
COLUMNS = {"text": "content_original", "outlet": "source", "id": "ID"}
TEXT_COLUMN = COLUMNS["text"]
FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
            "dale_chall_readability_score")


class StageClock:
    """Seconds spent per named stage; ``timed`` wraps a function to add to a stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, stage: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started

        return wrapper

    def iterate(self, stage: str, items: Iterable) -> Iterator:
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.seconds[stage] += time.perf_counter() - started
                return
            self.seconds[stage] += time.perf_counter() - started
            yield item


def articles(path: Path, limit: int | None, repeat: int) -> Iterator:
    """The articles of ``path`` (first ``limit``), ``repeat`` times over with new ids."""
    from framing.corpus.reader import CorpusReader

    for round_number in range(repeat):
        reader = CorpusReader(path, columns=COLUMNS)
        for article in islice(reader, limit):
            yield article if round_number == 0 else replace(article, id=f"{article.id}~r{round_number}")


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_framing(path: Path, limit: int | None, repeat: int, jobs: int, out: Path,
                clock: StageClock | None) -> tuple[int, float]:
    """Score into ``out`` with the real runner; with a clock, time each stage (one process)."""
    import framing.document.parse as parse
    from framing.document.furniture import learn_furniture
    from framing.run.runner import lookup_sentences, run_scoring
    from framing.run.scorer import ScoreOptions

    make_scorer = None
    patched = {name: getattr(parse, name) for name in ("clean_text", "build_document")}
    if clock is not None:
        parse.clean_text = clock.timed("clean", parse.clean_text)
        parse.build_document = clock.timed("parse (Document)", parse.build_document)

    def source() -> Iterator:
        read = articles(path, limit, repeat)
        return read if clock is None else clock.iterate("read (decompress, JSON, outlet)", read)

    started = time.perf_counter()
    furniture = None
    if clock is not None:  # the first pass, timed apart (run_scoring learns it the same way)
        furniture = clock.timed("learn furniture (first pass, with its read)", learn_furniture)(
            articles(path, limit, repeat))
        make_scorer = partial(timed_scorer_class(clock), None, furniture)
    try:
        result = run_scoring(_Reader(source), out, ScoreOptions(), jobs=jobs, make_scorer=make_scorer,
                             furniture=furniture)
    finally:
        for name, function in patched.items():
            setattr(parse, name, function)
    seconds = time.perf_counter() - started
    if clock is not None:
        clock.seconds["scoring run total"] = seconds
        report_started = time.perf_counter()
        try:
            write_report_timed(result, out, clock,
                               lambda wanted: lookup_sentences(_Reader(lambda: articles(path, limit, repeat)),
                                                               wanted, result.furniture))
        except Exception as error:  # noqa: BLE001 - the scoring figures still stand
            print(f"report stage failed, not timed: {type(error).__name__}: {error}")
        else:
            clock.seconds["report total"] = time.perf_counter() - report_started
            clock.seconds["report: aggregation, evidence, Markdown"] = (
                clock.seconds["report total"] - clock.seconds["charts"])
    return result.n_articles, seconds


def timed_scorer_class(clock: StageClock) -> type:
    """An ArticleScorer that adds the time of each family and of each article to ``clock``."""
    from framing.run.scorer import ArticleScorer

    class TimedArticleScorer(ArticleScorer):
        def __init__(self, options=None, furniture=None) -> None:
            super().__init__(options, furniture)
            for scorer in self.scorers:
                scorer.score = clock.timed(f"family: {scorer.family}", scorer.score)

        def score(self, article):
            return clock.timed("per-article total", super().score)(article)

    return TimedArticleScorer


class _Reader:
    """What ``run_scoring`` needs from a reader: iteration (twice: furniture, then scoring), warnings, paths."""

    def __init__(self, items: Callable[[], Iterable]) -> None:
        self.items = items
        self.warnings: list[str] = []
        self.path = Path(".")
        self.root = Path(".")
        self.manifest_path = None

    def __iter__(self) -> Iterator:
        return iter(self.items())


def write_report_timed(result, out: Path, clock: StageClock, lookup: Callable) -> None:
    """The report as ``framing report`` writes it, with the charts timed apart."""
    import framing.report.write as report_writer

    original = report_writer.draw_charts
    report_writer.draw_charts = clock.timed("charts", original)
    try:
        report_writer.write_report(result, out, {}, "outlet", ("md",), lookup=lookup)
    finally:
        report_writer.draw_charts = original


def raw_texts(path: Path, limit: int | None) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in islice(handle, limit):
            if line.strip():
                yield json.loads(line).get(TEXT_COLUMN) or ""


def run_baseline(path: Path, limit: int | None) -> tuple[list, float]:
    """The plain script: VADER and the five textstat functions on each article's text."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    started = time.perf_counter()
    analyzer = SentimentIntensityAnalyzer()
    values = []
    for text in raw_texts(path, limit):
        values.append((text, analyzer.polarity_scores(text),
                       tuple(getattr(textstat, name)(text) for name in FORMULAS)))
    return values, time.perf_counter() - started


def check_identical(values: list) -> tuple[int, int]:
    """Articles whose VADER / textstat values differ between framing and the libraries."""
    from framing.features.readability.formulas import WordCounts, readability_scores
    from framing.features.sentiment.vader import FastSentimentAnalyzer

    analyzer = FastSentimentAnalyzer()
    words_known = WordCounts()
    vader_diff = textstat_diff = 0
    for text, vader, formulas in values:
        vader_diff += analyzer.polarity_scores(text) != vader
        ours = readability_scores(text, words_known)
        textstat_diff += tuple(ours[name] for name in FORMULAS) != formulas
    return vader_diff, textstat_diff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="JSONL(.gz) with content_original and source (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--jobs", type=int, default=2, help="Worker processes for the parallel run.")
    parser.add_argument("--repeat", type=int, default=1,
                        help="Score the input this many times over with new ids (memory at scale).")
    parser.add_argument("--skip-baseline", action="store_true", help="Only time framing.")
    args = parser.parse_args(argv)
    if not args.input.exists():
        parser.error(f"{args.input} not found — pass --input PATH")

    clock = StageClock()
    with tempfile.TemporaryDirectory() as tmp:
        n, single = run_framing(args.input, args.limit, args.repeat, 1, Path(tmp), clock)
    rss_single = peak_rss_mb()
    print(f"framing, 1 process: {n} articles in {single:.1f} s = {n / single:.1f} articles/s; "
          f"peak RSS {rss_single:.0f} MB")
    per_article = clock.seconds["per-article total"]
    for stage, seconds in sorted(clock.seconds.items(), key=lambda item: -item[1]):
        print(f"  {stage:<40} {seconds:8.2f} s  {1000 * seconds / max(n, 1):7.3f} ms/article"
              + (f"  {100 * seconds / per_article:5.1f}% of per-article" if stage.startswith(
                  ("clean", "parse", "family")) else ""))

    if args.jobs > 1:
        with tempfile.TemporaryDirectory() as tmp:
            n_jobs, parallel = run_framing(args.input, args.limit, args.repeat, args.jobs, Path(tmp), None)
        print(f"framing, {args.jobs} processes: {n_jobs} articles in {parallel:.1f} s = "
              f"{n_jobs / parallel:.1f} articles/s ({single / parallel:.2f}x one process)")

    if args.skip_baseline:
        return 0
    values, baseline = run_baseline(args.input, args.limit)
    rate = len(values) / baseline
    print(f"baseline (vaderSentiment + textstat): {len(values)} articles in {baseline:.1f} s = "
          f"{rate:.1f} articles/s")
    print(f"ratio, framing 1 process / baseline: {(n / single) / rate:.1f}x "
          f"(framing runs every family, cleaning and parsing; the baseline only VADER and textstat)")
    vader_diff, textstat_diff = check_identical(values)
    print(f"identical values on {len(values)} articles: VADER {len(values) - vader_diff}/{len(values)}, "
          f"textstat {len(values) - textstat_diff}/{len(values)}")
    return 1 if vader_diff or textstat_diff else 0


if __name__ == "__main__":
    sys.exit(main())
