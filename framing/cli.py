"""The command line: a thin shell over the library.

Every command calls public functions; library errors (:class:`FramingError`)
become one-line messages and documented exit statuses.  Heavy libraries are
imported inside the commands so that ``framing --help`` starts fast.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from framing import __version__
from framing.errors import FramingError
from framing.evaluate.commands import COMMANDS as EVALUATE_COMMANDS

EXIT_STATUSES = """\b
Exit status:
  0  success
  1  a general error (see the message)
  2  the article set cannot be read, or nothing could be scored
  3  a lexicon, actor registry or word list is malformed
  4  an evaluation data set is missing or malformed
  5  the output folder cannot be written safely
  6  a worker process stopped (killed, out of memory); run with fewer --jobs
  130 interrupted (Ctrl-C); earlier output is left as it was"""


class FramingGroup(click.Group):
    """A click group that turns library errors into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FramingError as error:
            if ctx.meta.get("framing.verbose"):
                raise
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted: nothing was overwritten.", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as error:
            if ctx.meta.get("framing.verbose"):
                raise
            where = f" {error.filename}" if getattr(error, "filename", None) else ""
            click.echo(f"Error:{where} {error.strerror or error} — check the path, permissions and free disk "
                       "space (--verbose shows the traceback)", err=True)
            sys.exit(1)
        except Exception as error:  # noqa: BLE001 - the last line of defence for users
            if ctx.meta.get("framing.verbose"):
                raise
            click.echo(f"Error: unexpected {type(error).__name__}: {error} — run again with --verbose "
                       "and report the traceback", err=True)
            sys.exit(1)


@click.group(cls=FramingGroup, epilog=EXIT_STATUSES)
@click.version_option(__version__, prog_name="framing")
@click.option("--verbose", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Compare how news outlets frame the same story.

    Example: framing report seeds/ --out reports/
    """
    ctx.meta["framing.verbose"] = verbose
    ctx.meta["framing.started"] = time.perf_counter()


@main.group(cls=FramingGroup)
def evaluate() -> None:
    """Measure framing's scores against human-annotated data sets.

    Example: framing evaluate attribution --polnear ../shared/eval/polnear --split dev
    """


for command in EVALUATE_COMMANDS:
    evaluate.add_command(command)


@main.group(cls=FramingGroup)
def lexicon() -> None:
    """List, show, check and draft lexicon packs of contested terms.

    Example: framing lexicon list
    """


def _column_pairs(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, sep, column = value.partition("=")
        if not sep or not key or not column:
            raise click.BadParameter(f"{value!r} — write it as FIELD=COLUMN, e.g. text=content_original",
                                     param_hint="--column")
        pairs[key.strip()] = column.strip()
    return pairs


def _keep_delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Keep --delimiter for :func:`_prepare` without adding a parameter to every command."""
    ctx.meta["framing.delimiter"] = value
    return value


def corpus_options(command):
    """Options shared by the commands that read an article set."""
    options = [
        click.argument("path", required=False, type=click.Path(path_type=Path)),
        click.option("--manifest", type=click.Path(path_type=Path),
                     help="CSV of metadata (file, outlet, date, title, url, …); default: articles.csv in PATH."),
        click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
                     help="Name the JSON key or CSV column of a field (text, outlet, title, date, url, id), "
                          "e.g. --column text=content_original; repeatable."),
        click.option("--delimiter", metavar="CHAR", expose_value=False, callback=_keep_delimiter,
                     help="The delimiter of CSV files, e.g. ';' or tab (default: detected from each file's "
                          "first lines)."),
        click.option("--lexicon", "lexicons", multiple=True, type=click.Path(path_type=Path),
                     help="An extra lexicon pack (TOML); repeatable."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path),
                     help="An extra actor registry (TOML); repeatable."),
        click.option("--target", "targets", multiple=True,
                     help='An extra actor to measure tone toward, e.g. --target "Gazprom"; repeatable.'),
        click.option("--jobs", type=click.IntRange(min=0), default=0,
                     help="Worker processes (default 0: all cores)."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where articles are scored: local processes, or a Dask cluster "
                          "(pip install 'framing[dask]')."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="With --engine dask: a running scheduler (tcp://host:8786); "
                          "default: a local cluster."),
        click.option("--keep-duplicates", is_flag=True,
                     help="Count repeated articles of one outlet again in its figures."),
        click.option("--force", is_flag=True,
                     help="Kept for old scripts; changes nothing: --out is replaced only when framing made it "
                          "or it is empty, and a non-empty folder framing did not make is always refused."),
        click.option("--resume", is_flag=True,
                     help="Keep each article's results in OUT.cache/ and reuse them: run the same command "
                          "again to continue an interrupted run."),
        click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
                     help="The folder for --resume's per-article results (implies --resume)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _prepare(path, manifest, columns, lexicons, actor_files, targets, keep_duplicates, jobs):
    from framing.corpus.reader import CorpusReader
    from framing.corpus.seeds import default_corpus
    from framing.run.engine import default_jobs
    from framing.run.scorer import ScoreOptions

    reader = CorpusReader(path or default_corpus(), manifest=manifest, columns=_column_pairs(columns),
                          delimiter=click.get_current_context().meta.get("framing.delimiter"))
    options = ScoreOptions(lexicon_files=tuple(str(p) for p in lexicons),
                           actor_files=tuple(str(p) for p in actor_files),
                           targets=tuple(targets), keep_duplicates=keep_duplicates)
    return reader, options, jobs or default_jobs()


def _engine(name: str, scheduler: str | None):
    """The scoring engine for ``--engine``: None for local processes, else a DaskEngine."""
    if name != "dask":
        if scheduler:
            raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
        return None
    try:
        import distributed  # noqa: F401 - the extra's presence

        from framing.run.engine_dask import DaskEngine
    except ImportError:
        raise click.UsageError("--engine dask needs Dask: pip install 'framing[dask]'") from None
    return DaskEngine(scheduler=scheduler)


def _inputs(reader, lexicons, actor_files) -> list[Path]:
    """What a run reads (article folder or file, manifest, extra lexicons and actors): never to be replaced."""
    return [reader.path, *([reader.manifest_path] if reader.manifest_path else []), *lexicons, *actor_files]


def _elapsed() -> float | None:
    """Seconds since the command started (see :func:`main`), or None outside ``framing``'s group."""
    started = click.get_current_context().meta.get("framing.started")
    return None if started is None else time.perf_counter() - started


def _require_rows(reader, result) -> None:
    """Raise CorpusError when nothing was scored; called inside staged_output, so no folder is left."""
    from framing.errors import CorpusError

    if not result.n_articles:
        raise CorpusError(f"{reader.path}: nothing could be scored — "
                          + ("; ".join(result.warnings[:2]) or "add articles"))


def _with_cache(options, resume, cache_dir, out, inputs=()):
    """``options`` with the --resume cache folder set (``<out>.cache`` unless --cache names one)."""
    import dataclasses

    from framing.run.cache import default_cache_dir
    from framing.run.outdir import check_outside_inputs

    if not (resume or cache_dir):
        return options
    cache_dir = cache_dir or default_cache_dir(out)
    check_outside_inputs(cache_dir, inputs, "--cache")
    if cache_dir.resolve() == out.resolve() or out.resolve() in cache_dir.resolve().parents:
        raise click.BadParameter(f"{cache_dir} is inside --out {out}, which each run replaces — "
                                 "choose a folder outside it", param_hint="--cache")
    return dataclasses.replace(options, cache_dir=str(cache_dir))


@main.command()
@corpus_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("scores"), show_default=True,
              help="Folder for features.csv and evidence.jsonl.")
def score(path, manifest, columns, lexicons, actor_files, targets, jobs, engine, scheduler, keep_duplicates,
          force, resume, cache_dir, out):
    """Score every article: features.csv (one row each) and evidence.jsonl.

    PATH is a folder or file of articles (default: the bundled seeds).

    Example: framing score seeds/ --out scores/
    """
    from framing.run.outdir import check_writable, staged_output
    from framing.run.runner import FEATURES_FILE, print_warnings, run_scoring, summary_line

    reader, options, jobs = _prepare(path, manifest, columns, lexicons, actor_files, targets,
                                     keep_duplicates, jobs)
    inputs = _inputs(reader, lexicons, actor_files)
    check_writable(out, force, inputs)  # before the cache folder is named after --out
    # No report, so none of what only the report uses (framing.run.scorer.ScoreOptions.for_report).
    options = _with_cache(options, resume, cache_dir, out, inputs).without_report()
    with staged_output(out, force, inputs) as folder, _progress(reader) as progress:
        result = run_scoring(reader, folder, options, jobs, progress=progress, engine=_engine(engine, scheduler))
        progress.finish_scoring()
        _require_rows(reader, result)
    print_warnings(result.warnings)
    click.echo(summary_line(result, out, _elapsed(), FEATURES_FILE), err=True)


def _progress(reader):
    """Progress on stderr: a bar on a terminal, else a plain line now and then (framing.run.progress)."""
    from framing.run.progress import RunProgress, count_articles

    return RunProgress(count_articles(reader))


def focus_options(command):
    """Options of ``report`` that choose the groups shown, merge names and name the grouping."""
    from framing.compare.focus import DEFAULT_TOP

    options = [
        click.option("--top", type=click.IntRange(min=0), default=None, metavar="N",
                     help=f"Show the N outlets (or --group-by groups) with most articles; 0 shows all "
                          f"(default {DEFAULT_TOP}, or all those named with --outlet). The index names the rest."),
        click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True, metavar="K",
                     help="Leave out outlets (or groups) with fewer than K articles."),
        click.option("--outlet", "outlets", multiple=True, metavar="NAME",
                     help='Show this outlet (or --group-by group), as the report names it; repeatable, '
                          'e.g. --outlet "Fox News" --outlet Reuters.'),
        click.option("--aliases", "aliases_file", type=click.Path(path_type=Path), default=None, metavar="FILE",
                     help='Count names of one outlet as one: a TOML file of lines like '
                          '"Fox News" = ["Fox Online News", "Fox News Opinion"] (nothing is merged without it).'),
        click.option("--group-label", default=None, metavar="TEXT",
                     help="What the report calls one --group-by group, e.g. 'country' (default: the column "
                          "name made readable: bias_text → 'bias group', headed 'Bias')."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@corpus_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder for the report (replaced as a whole when the run succeeds).")
@click.option("--format", "formats", type=click.Choice(["md", "html"]), multiple=True,
              help="Output formats: md (always written) and html (self-contained report.html, with a page "
                   "per outlet for larger sets).")
@click.option("--group-by", default="outlet", show_default=True,
              help="Compare by this metadata field or manifest column (e.g. a 'side' or 'country' column).")
@focus_options
def report(path, manifest, columns, lexicons, actor_files, targets, jobs, engine, scheduler, keep_duplicates,
           force, resume, cache_dir, out, formats, group_by, top, min_articles, outlets, aliases_file,
           group_label):
    """Write the framing report: index.md, one page per outlet shown, charts and data files.

    PATH is a folder or file of articles (default: the bundled seeds). The
    report shows the outlets with most articles (see --top, --min-articles and
    --outlet); its index names the outlets left out and how to include them.

    Example: framing report seeds/ --out reports/ --format html --top 20
    """
    from framing.compare.focus import Focus, load_aliases
    from framing.report.articles import ArticleSource
    from framing.report.html import HTML_FILE
    from framing.report.write import write_report
    from framing.run.outdir import check_writable, staged_output
    from framing.run.runner import lookup_sentences, print_warnings, run_scoring, summary_line

    reader, options, jobs = _prepare(path, manifest, columns, lexicons, actor_files, targets,
                                     keep_duplicates, jobs)
    inputs = _inputs(reader, lexicons, actor_files) + ([aliases_file] if aliases_file else [])
    check_writable(out, force, inputs)  # before the cache folder is named after --out
    options = _with_cache(options, resume, cache_dir, out, inputs)
    formats = tuple(sorted({"md", *formats}))
    aliases = load_aliases(aliases_file) if aliases_file else {}  # a broken file fails before scoring
    with staged_output(out, force, inputs) as folder, _progress(reader) as progress:
        result = run_scoring(reader, folder, options, jobs, group_by=group_by, progress=progress,
                             engine=_engine(engine, scheduler))
        progress.finish_scoring()
        _require_rows(reader, result)
        written = write_report(result, folder, options.as_dict(), group_by, formats,
                               lookup=lambda wanted: lookup_sentences(reader, wanted, result.furniture),
                               focus=Focus(top, min_articles, tuple(outlets)), aliases=aliases,
                               group_label=group_label, step=progress.step,
                               documents=ArticleSource(reader, result.furniture),
                               free_term_counts=True)
        progress.finish_report()
    print_warnings(written["warnings"])
    opened = HTML_FILE if "html" in formats else "index.md"
    click.echo(summary_line(result, out, _elapsed(), opened), err=True)


@lexicon.command("list")
def lexicon_list() -> None:
    """List the shipped lexicon packs, one per line: name, version, concepts, description.

    Example: framing lexicon list
    """
    from framing.lexicons.packs import list_packs, load_pack

    for name in list_packs():
        pack = load_pack(name)
        click.echo(f"{pack.name}\t{pack.version}\t{len(pack.concepts)} concepts\t{pack.description}")


@lexicon.command("show")
@click.argument("pack")
def lexicon_show(pack: str) -> None:
    """Show a pack's concepts with each side's terms (PACK is a name or a .toml path).

    Example: framing lexicon show russia_ukraine_nato
    """
    from framing.lexicons.packs import load_pack

    loaded = load_pack(pack)
    click.echo(f"{loaded.name} {loaded.version} — {loaded.description}")
    for concept in loaded.concepts:
        click.echo(f"\n{concept.id}: {concept.description}")
        for side, terms in concept.terms.items():
            click.echo(f"  {side}: {', '.join(t.term for t in terms)}")
        click.echo(f"  note: {concept.note}")
        click.echo(f"  source: {concept.source}")
        for side, source in (concept.evidence or {}).items():
            click.echo(f"  evidence ({side}): {source}")
        if concept.date_note:
            click.echo(f"  dates: {concept.date_note}")


@lexicon.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Also fail (exit status 3) on terms without a source.")
def lexicon_check(file: Path, strict: bool) -> None:
    """Validate a lexicon pack file: print "ok" or every problem (exit status 3).

    Terms of a side other than "descriptive" that no source backs (neither
    the concept's [concept.evidence] for their side nor their own source) are
    listed as warnings; with --strict they fail the check.

    Example: framing lexicon check my_topic.toml
    """
    from framing.errors import DataFileError
    from framing.lexicons.packs import check_pack, pack_warnings

    problems = check_pack(file)
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        sys.exit(DataFileError.exit_code)
    warnings = pack_warnings(file)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if strict and warnings:
        sys.exit(DataFileError.exit_code)
    click.echo(f"{file}: ok" + (f" ({len(warnings)} warnings)" if warnings else ""))


@lexicon.command("suggest")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The draft pack to write (TOML).")
@click.option("--manifest", type=click.Path(path_type=Path), default=None,
              help="CSV of metadata; default: articles.csv in PATH.")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
def lexicon_suggest(path: Path, out: Path, manifest: Path | None, force: bool) -> None:
    """Draft a lexicon pack from the words outlets use around the same names.

    Example: framing lexicon suggest seeds/ --out draft.toml
    """
    from framing.errors import OutputError
    from framing.lexicons.suggest import documents_by_outlet, suggest_pack

    if out.exists() and not force:
        raise OutputError(f"{out} exists — choose another --out or add --force to replace it")
    text = suggest_pack(documents_by_outlet(path, manifest=manifest), name=path.name or "draft",
                        source=path.name or str(path))
    out.write_text(text, encoding="utf-8")
    click.echo(f"{out}: {text.count('[[concept]]')} draft concepts — edit, then run framing lexicon check {out}")
