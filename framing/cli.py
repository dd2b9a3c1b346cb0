"""The command line: a thin shell over the library.

Every command calls public functions; library errors (:class:`FramingError`)
become one-line messages and documented exit statuses.  Heavy libraries are
imported inside the commands so that ``framing --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from framing import __version__
from framing.errors import FramingError

EXIT_STATUSES = """\b
Exit status:
  0  success
  1  a general error (see the message)
  2  the article set cannot be read, or nothing could be scored
  3  a lexicon, actor registry or word list is malformed
  4  an evaluation data set is missing or malformed
  5  the output folder cannot be written safely
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


@click.group(cls=FramingGroup, epilog=EXIT_STATUSES)
@click.version_option(__version__, prog_name="framing")
@click.option("--verbose", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Compare how news outlets frame the same story.

    Example: framing report seeds/ --out reports/
    """
    ctx.meta["framing.verbose"] = verbose


@main.group(cls=FramingGroup)
def evaluate() -> None:
    """Measure framing's scores against human-annotated data sets.

    Example: framing evaluate attribution --polnear ../shared/eval/polnear --split dev
    """


@main.group(cls=FramingGroup)
def lexicon() -> None:
    """List, show, check and draft lexicon packs of contested terms.

    Example: framing lexicon list
    """
