"""Benchmark: the framing pipeline against a plain VADER + textstat script, in one run.

Takes the first ``--limit`` articles of an article set (default: the AllSides
10k sample under ``$FRAMING_EVAL``) into a temporary JSONL file, then:

1. times whole processes, start-up included: ``framing score`` with one
   process and with ``--jobs`` processes, and the baseline a typical script
   would run (one ``SentimentIntensityAnalyzer`` and, per article,
   ``polarity_scores(text)`` and textstat's five formulas), and gives the
   same-run ratios and the one-process peak memory;
2. runs framing once more inside this process with a clock on each stage
   (read, furniture, clean, parse, each feature family, the rest of the
   per-article work, writing) and then the report (aggregation, charts),
   giving CPU time per article (robust on a shared machine) and wall time;
3. checks that framing's VADER (:mod:`framing.features.sentiment.vader`) and
   textstat formulas (:mod:`framing.features.readability.formulas`) give
   exactly the baseline's values on every article.

With ``--readme README.md`` it rewrites the generated part of the README's
Performance section (between the ``benchmark:`` markers) from the figures.
Not a test: run it by hand.

Example: python benchmarks/benchmark.py --limit 2000 --jobs 2 --readme README.md
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVAL = Path(os.environ.get("FRAMING_EVAL") or ROOT.parent / "shared" / "eval")
DEFAULT_INPUT = EVAL / "allsides" / "articles_10k.jsonl.gz"
COLUMNS = {"text": "content_original", "outlet": "source", "id": "ID"}
TEXT_COLUMN = COLUMNS["text"]
FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
            "dale_chall_readability_score")
README_START = "<!-- benchmark:start"
README_END = "<!-- benchmark:end -->"
# Stages shown per article in the README, with their names there.
README_STAGES = {
    "family: sentiment": "sentence tone and tone toward actors",
    "clean": "cleaning",
    "parse (Document)": "parse",
    "family: attribution": "attribution",
    "family: readability": "readability",
    "family: lexicon": "contested terms",
    "family: loaded": "loaded language",
    "learn furniture (first pass, with its read)": "the furniture pass",
}


class StageClock:
    """Wall and CPU seconds spent per named stage; ``timed`` wraps a function to add to a stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def add(self, stage: str, wall_started: float, cpu_started: float) -> None:
        self.seconds[stage] += time.perf_counter() - wall_started
        self.cpu[stage] += time.process_time() - cpu_started

    def timed(self, stage: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(stage, wall, cpu)

        return wrapper

    def iterate(self, stage: str, items: Iterable) -> Iterator:
        iterator = iter(items)
        while True:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                item = next(iterator)
            except StopIteration:
                self.add(stage, wall, cpu)
                return
            self.add(stage, wall, cpu)
            yield item


@dataclass
class Figures:
    """What one benchmark run measured."""

    n: int = 0
    one_process: float = 0.0  # whole-process wall seconds
    parallel: float = 0.0
    jobs: int = 1
    baseline: float = 0.0
    # Whole-process CPU seconds (start-up included): ratios of these hold on a busy machine.
    one_process_cpu: float = 0.0
    baseline_cpu: float = 0.0
    peak_mb: float = 0.0
    vader_same: int = 0
    textstat_same: int = 0
    stages: StageClock = field(default_factory=StageClock)


def write_subset(path: Path, limit: int | None, repeat: int, out: Path) -> int:
    """The first ``limit`` articles of ``path`` (``repeat`` times over, new ids) as a JSONL file."""
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "rt", encoding="utf-8") as source, open(out, "w", encoding="utf-8") as target:
        lines = [line for line in islice(source, limit) if line.strip()]
        for round_number in range(repeat):
            for line in lines:
                record = json.loads(line)
                if round_number:
                    record[COLUMNS["id"]] = f"{record.get(COLUMNS['id'])}~r{round_number}"
                target.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def run_process(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a whole process (and the processes it waited for), start-up included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def framing_command(subset: Path, out: Path, jobs: int) -> list[str]:
    columns = [part for field_name, column in COLUMNS.items() for part in ("--column", f"{field_name}={column}")]
    return [sys.executable, "-m", "framing", "score", str(subset), *columns, "--jobs", str(jobs), "--out", str(out)]


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_framing_staged(subset: Path, out: Path, clock: StageClock) -> int:
    """Score ``subset`` into ``out`` in this process with the real runner, each stage timed, then the report."""
    import framing.document.parse as parse
    from framing.corpus.reader import CorpusReader
    from framing.document.furniture import learn_furniture
    from framing.run.runner import lookup_sentences, run_scoring
    from framing.run.scorer import ScoreOptions

    def reader() -> _Reader:
        return _Reader(lambda: clock.iterate("read (decompress, JSON, outlet)",
                                             CorpusReader(subset, columns=COLUMNS)))

    patched = {name: getattr(parse, name) for name in ("clean_text", "build_document")}
    parse.clean_text = clock.timed("clean", parse.clean_text)
    parse.build_document = clock.timed("parse (Document)", parse.build_document)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        # The first pass, timed apart (run_scoring learns it the same way).
        furniture = clock.timed("learn furniture (first pass, with its read)", learn_furniture)(
            CorpusReader(subset, columns=COLUMNS))
        result = run_scoring(reader(), out, ScoreOptions(), jobs=1, furniture=furniture,
                             make_scorer=partial(timed_scorer_class(clock), None, furniture))
    finally:
        for name, function in patched.items():
            setattr(parse, name, function)
    clock.add("scoring run total", wall, cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        write_report_timed(result, out, clock,
                           lambda wanted: lookup_sentences(CorpusReader(subset, columns=COLUMNS), wanted,
                                                           result.furniture))
    except Exception as error:  # noqa: BLE001 - the scoring figures still stand
        print(f"report stage failed, not timed: {type(error).__name__}: {error}")
    else:
        clock.add("report total", wall, cpu)
    return result.n_articles


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
    """What ``run_scoring`` needs from a reader: iteration, warnings, paths."""

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
    report_writer.draw_charts = clock.timed("report: charts", original)
    try:
        report_writer.write_report(result, out, {}, "outlet", ("md",), lookup=lookup)
    finally:
        report_writer.draw_charts = original


def raw_texts(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line).get(TEXT_COLUMN) or ""


def baseline_main(subset: Path) -> int:
    """The plain script, run as its own process: timing, then the identity check, as JSON."""
    started = time.perf_counter()
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    values = []
    for text in raw_texts(subset):
        values.append((text, analyzer.polarity_scores(text),
                       tuple(getattr(textstat, name)(text) for name in FORMULAS)))
    seconds = time.perf_counter() - started
    cpu = time.process_time()  # since the process started: start-up included, as for framing
    vader_diff, textstat_diff = check_identical(values)
    print(json.dumps({"n": len(values), "seconds": seconds, "cpu": cpu, "vader_diff": vader_diff,
                      "textstat_diff": textstat_diff}))
    return 0


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


def run_baseline(subset: Path, figures: Figures) -> None:
    """Time the baseline in its own process (start-up included) and take its identity check."""
    output = subprocess.run([sys.executable, __file__, "--baseline-of", str(subset)], check=True,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    result = json.loads(output.strip().splitlines()[-1])
    figures.baseline = result["seconds"]
    figures.baseline_cpu = result["cpu"]
    figures.vader_same = result["n"] - result["vader_diff"]
    figures.textstat_same = result["n"] - result["textstat_diff"]


def print_figures(figures: Figures) -> None:
    n = figures.n
    rate = n / figures.baseline if figures.baseline else float("nan")
    one = n / figures.one_process
    print(f"baseline (vaderSentiment + textstat, whole process): {n} articles in {figures.baseline:.1f} s = "
          f"{rate:.1f} articles/s")
    print(f"framing score, 1 process (whole process): {figures.one_process:.1f} s = {one:.1f} articles/s = "
          f"{one / rate:.2f}x the baseline; peak RSS {figures.peak_mb:.0f} MB")
    if figures.baseline_cpu:
        print(f"CPU seconds, whole processes: baseline {figures.baseline_cpu:.1f}, framing score "
              f"{figures.one_process_cpu:.1f} = {figures.baseline_cpu / figures.one_process_cpu:.2f}x the baseline")
    if figures.jobs > 1:
        print(f"framing score --jobs {figures.jobs}: {figures.parallel:.1f} s = {n / figures.parallel:.1f} "
              f"articles/s = {(n / figures.parallel) / rate:.2f}x the baseline, "
              f"{figures.one_process / figures.parallel:.2f}x one process")
    print(f"identical values on {n} articles: VADER {figures.vader_same}/{n}, textstat {figures.textstat_same}/{n}")
    clock = figures.stages
    per_article = clock.cpu.get("per-article total", 0.0) or float("nan")
    print(f"\nstages, one process in this process ({n} articles): CPU ms/article, wall ms/article")
    for stage, cpu in sorted(clock.cpu.items(), key=lambda item: -item[1]):
        share = f"  {100 * cpu / per_article:5.1f}% of per-article" if stage.startswith(
            ("clean", "parse", "family")) else ""
        print(f"  {stage:<45} {1000 * cpu / n:8.3f} {1000 * clock.seconds[stage] / n:8.3f}{share}")


def readme_block(figures: Figures, command: str) -> str:
    """The generated Markdown of the README's Performance section."""
    n = figures.n
    rate = n / figures.baseline
    one = n / figures.one_process
    lines = [f"{README_START}: generated by `{command}` -->",
             "| whole process, start-up included | articles/s | same run |", "|---|---|---|",
             f"| baseline: one `SentimentIntensityAnalyzer`, `polarity_scores(text)` and textstat's five "
             f"formulas per article | {rate:.1f} | |",
             f"| `framing score`, one process | {one:.1f} | {one / rate:.2f}× the baseline "
             f"({figures.baseline_cpu / figures.one_process_cpu:.2f}× in CPU time) |"]
    if figures.jobs > 1:
        many = n / figures.parallel
        lines.append(f"| `framing score --jobs {figures.jobs}` | {many:.1f} | {many / rate:.2f}× the baseline, "
                     f"{figures.one_process / figures.parallel:.2f}× one process |")
    cpu = figures.stages.cpu
    stages = ", ".join(f"{name} {1000 * cpu[stage] / n:.1f} ms" for stage, name in
                       sorted(README_STAGES.items(), key=lambda item: -cpu.get(item[0], 0.0)) if stage in cpu)
    lines += ["", f"On {n:,} articles. CPU time per article in one process: {stages}; "
                  f"{1000 * cpu.get('per-article total', 0.0) / n:.1f} ms per article scored in all "
                  f"(with evidence, duplicate signature and term counts), "
                  f"{1000 * cpu.get('scoring run total', 0.0) / n:.1f} ms with reading, the furniture pass and "
                  f"writing. The report of the {n:,} articles then takes {cpu.get('report total', 0.0):.1f} s CPU "
                  f"(charts {cpu.get('report: charts', 0.0):.1f} s). Peak memory of the one-process "
                  f"`framing score`: {figures.peak_mb:.0f} MB. framing's VADER and textstat values were "
                  f"identical to the libraries' on {min(figures.vader_same, figures.textstat_same):,} of "
                  f"{n:,} articles (the benchmark checks every one).", README_END]
    return "\n".join(lines)


def rewrite_readme(path: Path, block: str) -> None:
    """Replace the generated block of ``path`` (from its start marker to its end marker)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{path}: no '{README_START} ... {README_END}' block — add the markers to its "
                         "Performance section")
    path.write_text(text[:start] + block + text[end + len(README_END):], encoding="utf-8")


def measure(args: argparse.Namespace, tmp: Path) -> Figures:
    figures = Figures(jobs=args.jobs)
    subset = tmp / "articles.jsonl"
    figures.n = write_subset(args.input, args.limit, args.repeat, subset)
    figures.one_process, figures.one_process_cpu = run_process(framing_command(subset, tmp / "one", 1))
    figures.peak_mb = children_peak_mb()
    if args.jobs > 1:
        figures.parallel, _ = run_process(framing_command(subset, tmp / "many", args.jobs))
    if not args.skip_baseline:
        run_baseline(subset, figures)
    if not args.skip_stages:
        (tmp / "staged").mkdir()
        run_framing_staged(subset, tmp / "staged", figures.stages)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="JSONL(.gz) with content_original, source and ID (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--jobs", type=int, default=2, help="Worker processes for the parallel run.")
    parser.add_argument("--repeat", type=int, default=1,
                        help="Score the input this many times over with new ids (memory at scale).")
    parser.add_argument("--skip-baseline", action="store_true", help="Only time framing.")
    parser.add_argument("--skip-stages", action="store_true", help="No per-stage run (whole processes only).")
    parser.add_argument("--readme", type=Path, help="Rewrite the generated block of this README's Performance "
                                                    "section from the figures.")
    parser.add_argument("--baseline-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_of:
        return baseline_main(args.baseline_of)
    if not args.input.exists():
        parser.error(f"{args.input} not found — pass --input PATH or set FRAMING_EVAL")
    if args.readme and (args.skip_baseline or args.skip_stages):
        parser.error("--readme needs the baseline and the stages: drop --skip-baseline/--skip-stages")
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(args, Path(tmp))
    print_figures(figures)
    if args.readme:
        command = "python benchmarks/benchmark.py " + " ".join(argv if argv is not None else sys.argv[1:])
        rewrite_readme(args.readme, readme_block(figures, command.replace(str(args.readme), args.readme.name)))
    same = figures.vader_same == figures.textstat_same == figures.n
    return 0 if args.skip_baseline or same else 1


if __name__ == "__main__":
    sys.exit(main())
