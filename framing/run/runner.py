"""Stream an article set through the pipeline into ``features.csv`` and ``evidence.jsonl``.

Rows and evidence go to disk as each article is scored; what later stages
need (the feature rows, per-group term counts, duplicates, warnings) is small
and kept in memory.
"""

from __future__ import annotations

import hashlib
import sys
import time
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.compare.term_counts import TermCounts
from framing.compare.term_packing import PackedTerms
from framing.compare.term_table import TermTable
from framing.corpus.problems import GROUP_FIELDS, check_group_column
from framing.corpus.reader import CorpusReader
from framing.document.furniture import Furniture
from framing.document.parse import parse_article
from framing.run.output import CsvTableWriter
from framing.run.scorer import META_COLUMNS, ScoreOptions
from framing.run.stream import run_furniture, score_articles
from framing.run.summary_store import SummaryStore

FEATURES_FILE = "features.csv"
# Per group and sample kind, the values kept for distribution charts (the
# first ones met; enough for a box plot, bounded for huge sets).
MAX_SAMPLES = 5000
EVIDENCE_FILE = "evidence.jsonl"


class CompactRow(Mapping):
    """A features.csv row kept for the report: metadata as a dict, features as one float array.

    A plain dict of ~200 floats costs ~20 kB per article; this costs ~2 kB,
    so a 100,000-article run keeps its rows in a few hundred MB.
    """

    __slots__ = ("_meta", "_index", "_values")

    def __init__(self, meta: dict[str, Any], index: dict[str, int], values: array) -> None:
        self._meta, self._index, self._values = meta, index, values

    @classmethod
    def of(cls, row: Mapping[str, Any], feature_names: list[str]) -> CompactRow:
        index = _feature_index(tuple(feature_names))
        values = array("d", (float(row[name]) for name in feature_names))
        meta = {key: value for key, value in row.items() if key not in index}
        return cls(meta, index, values)

    def feature_array(self, names: tuple[str, ...]) -> array | None:
        """The feature values as one float array when ``names`` are this row's features in order, else None."""
        return self._values if _feature_index(names) is self._index else None

    def __getitem__(self, key: str) -> Any:
        position = self._index.get(key)
        if position is None:
            return self._meta[key]
        return self._values[position]

    def __iter__(self) -> Iterator[str]:
        yield from self._meta
        yield from self._index

    def __len__(self) -> int:
        return len(self._meta) + len(self._index)


@lru_cache(maxsize=4)
def _feature_index(names: tuple[str, ...]) -> dict[str, int]:
    """One shared name → position map for every row of a run."""
    return {name: position for position, name in enumerate(names)}


@dataclass
class RunResult:
    """What a scoring run produced, for the report and the summary line."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    feature_names: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    input_hashes: dict[str, str] = field(default_factory=dict)
    term_counts: Any = None
    # Per group and sample kind, the first MAX_SAMPLES values (``array("d")`` in a run's result).
    samples: dict[str, dict[str, Sequence[float]]] = field(default_factory=dict)
    seconds: float = 0.0
    # The page furniture learned before scoring (pass it to lookup_sentences).
    furniture: Furniture = field(default_factory=Furniture)
    # Where each article's records are in evidence.jsonl: ``{id: (first byte, end)}`` (articles with records).
    evidence_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    # The counted articles' evidence summaries, made while scoring and kept on disk in the run's order
    # (``summaries.summaries(groups)`` adds up the groups a report shows); None when not gathered.
    summaries: SummaryStore | None = None
    # Each group's outlet names, ``{group: {outlet}}`` (every article, counted or not; "" for an article
    # without one), noted while scoring.
    group_outlets: dict[str, set[str]] = field(default_factory=dict)
    # Articles scored, counted while scoring: a run for no report keeps no rows (see run_scoring).
    n_scored: int = 0
    # The processes the run was given (``jobs``): the report's own steps may use as many.
    jobs: int = 1

    @property
    def n_articles(self) -> int:
        return self.n_scored or len(self.rows)

    @property
    def outlets(self) -> list[str]:
        if self.group_outlets:
            return sorted(set().union(*self.group_outlets.values()))
        return sorted({row["outlet"] for row in self.rows})


def run_scoring(reader: CorpusReader, folder: Path, options: ScoreOptions, jobs: int = 1,
                group_by: str = "outlet", progress: Callable[[int], None] | None = None,
                engine: Any = None, make_scorer: Callable[[], Any] | None = None,
                furniture: Furniture | None = None) -> RunResult:
    """Score every article from ``reader`` into ``folder``; return the rows and counts.

    ``group_by`` names the metadata field (or manifest column) whose values
    the distinctive-vocabulary counts are grouped by; a column no article
    has is a :class:`~framing.errors.CorpusError` before anything is scored.
    The reader is read twice: first to learn each outlet's page furniture
    (unless ``furniture`` is given, or ``options.learn_furniture`` is off),
    then to score.  A run for no report (``options.for_report`` off, ``framing score``) keeps no
    rows and no evidence ranges, which only a report reads: its memory does not grow with the rows.
    """
    check_group_column(reader, group_by)
    started = time.perf_counter()
    result = RunResult(jobs=jobs)
    result.term_counts = TermTable()
    result.summaries = SummaryStore() if options.for_report else None
    result.furniture = run_furniture(reader, options, 1 if engine else jobs) if furniture is None else furniture
    sources: set[str] = set()
    with open(folder / FEATURES_FILE, "w", encoding="utf-8", newline="") as features_file, \
            open(folder / EVIDENCE_FILE, "wb") as evidence_file:
        writer = None
        at = 0
        for scored in score_articles(reader, options, jobs, engine=engine, compact=True,
                                     make_scorer=make_scorer, furniture=result.furniture):
            if writer is None:
                result.feature_names = list(scored.features)
                writer = CsvTableWriter(features_file, [*META_COLUMNS, *result.feature_names])
            row = scored.row()
            row["group"] = group_value(scored.article, group_by)
            result.group_outlets.setdefault(row["group"], set()).add(row["outlet"])
            writer.write(row)
            lines = scored.compact().evidence_lines.encode("utf-8")
            if lines:
                evidence_file.write(lines)
                if options.for_report:
                    result.evidence_ranges[scored.meta["id"]] = (at, at + len(lines))
                at += len(lines)
            _add_summary(result.summaries, row["group"], scored)
            result.n_scored += 1
            if options.for_report:
                result.rows.append(CompactRow.of(row, result.feature_names))
            if options.for_report:  # the charts' values: a run for no report keeps none
                _add_samples(result.samples, row["group"], scored)
            if scored.meta.get("counted") == "yes" and scored.terms is not None:
                _add_terms(result.term_counts, row["group"], scored.terms)
            sources.add(scored.article.source.split(" line ")[0])
            if progress:
                progress(result.n_scored)
    result.warnings = list(reader.warnings)
    result.input_hashes = hash_inputs(reader, sources)
    result.seconds = time.perf_counter() - started
    return result


def _add_samples(samples: dict[str, dict[str, array]], group: str, scored: Any) -> None:
    """Keep a counted article's sample values in its group's, up to ``MAX_SAMPLES`` of each kind."""
    if scored.meta.get("counted") != "yes":
        return
    kept = samples.setdefault(group, {})
    for name, values in scored.samples.items():
        # A flat array: 8 bytes a value, where a list of floats takes 32.
        bucket = kept.setdefault(name, array("d"))
        bucket.extend(values[: MAX_SAMPLES - len(bucket)])


def _add_terms(table: TermTable, group: str, terms: PackedTerms | TermCounts) -> None:
    """Add an article's terms to its group: packed by :meth:`ScoredArticle.compact`, or as counted."""
    if isinstance(terms, PackedTerms):
        table.add_packed(group, terms)
    else:
        table.add(group, terms.counts.get("", {}), terms.examples.get("", {}))


def _add_summary(summaries: SummaryStore | None, group: str, scored: Any) -> None:
    """Keep a counted article's evidence summary for its group (a group has one once it has evidence)."""
    if summaries is None or scored.summary is None or not scored.evidence_lines:
        return
    if scored.meta.get("counted") == "yes":
        summaries.add(group, scored.summary)


def lookup_sentences(reader: CorpusReader, wanted: dict[str, set[int]],
                     furniture: Furniture | None = None) -> dict[tuple[str, int], str]:
    """The text of the wanted sentences, ``{article id: {sentence index}}``, by a second read.

    Only the articles named are cleaned and parsed again, so this is cheap
    even on a large set.  Pass the run's ``furniture`` (``RunResult.furniture``)
    so sentences are counted as in scoring; without it, it is learned again
    from ``reader`` (one more read of the set).
    """
    found: dict[tuple[str, int], str] = {}
    if not wanted:
        return found
    if furniture is None:
        furniture = run_furniture(reader, ScoreOptions())
    for article in reader:
        indices = wanted.get(article.id)
        if not indices:
            continue
        document, _ = parse_article(article, furniture)
        for index in indices:
            if 0 <= index < len(document.sentences):
                found[(article.id, index)] = document.sentences[index].text
        if len(found) >= sum(len(v) for v in wanted.values()):
            break
    return found


def group_value(article: Any, group_by: str) -> str:
    """The value of ``group_by`` for an article: a metadata field or a manifest column.

    Run :func:`~framing.corpus.problems.check_group_column` first: an article without
    the column is grouped as "unknown".
    """
    if group_by == "outlet":
        return article.outlet
    value = getattr(article, group_by, None) if group_by in GROUP_FIELDS else None
    if value is None:
        value = article.extra.get(group_by, "")
    return str(value).strip() or "unknown"


def hash_inputs(reader: CorpusReader, sources: set[str]) -> dict[str, str]:
    """SHA-256 of every input file that produced an article, keyed by its relative path."""
    hashes = {}
    for relative in sorted(sources):
        path = reader.root / relative if reader.path.is_dir() else reader.path
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            continue
        hashes[relative] = digest.hexdigest()
    if reader.manifest_path:
        hashes[reader.manifest_path.name] = hashlib.sha256(reader.manifest_path.read_bytes()).hexdigest()
    return hashes


def summary_line(result: RunResult, out: Path, seconds: float | None = None, open_file: str = "") -> str:
    """The one line printed at the end of a run.

    Parameters
    ----------
    result : RunResult
        What the run scored.
    out : Path
        The output folder, as given.
    seconds : float, optional
        The whole run's time, from the start of the command; by default the
        scoring time alone (``result.seconds``).
    open_file : str
        The file in ``out`` to open first, named at the end of the line.

    Examples
    --------
    >>> result = RunResult(rows=[{"outlet": "TASS"}, {"outlet": "RT"}], seconds=36.3)
    >>> summary_line(result, Path("reports"), 61.04, "report.html")
    'Scored 2 articles from 2 outlets in 61.0 s; written to reports/ — open reports/report.html'
    """
    skipped = len(result.warnings)
    note = f", {skipped} warning{'s' if skipped != 1 else ''}" if skipped else ""
    took = result.seconds if seconds is None else seconds
    opened = f" — open {(out / open_file).as_posix()}" if open_file else ""
    return (f"Scored {result.n_articles} article{'s' if result.n_articles != 1 else ''} from "
            f"{len(result.outlets)} outlet{'s' if len(result.outlets) != 1 else ''} in "
            f"{took:.1f} s{note}; written to {out}/{opened}")


def print_warnings(warnings: list[str], limit: int = 20) -> None:
    """Print warnings to stderr, one per line, at most ``limit`` of them."""
    for warning in warnings[:limit]:
        print(f"Warning: {warning}", file=sys.stderr)
    if len(warnings) > limit:
        print(f"Warning: … and {len(warnings) - limit} more (see run.json)", file=sys.stderr)
