"""Errors for people: every failure path of the CLI ends in one line saying what, where and how to fix it.

Each case runs the real command in-process and checks the exit status (one
of those documented in ``framing --help``) and the message: exactly one
``Error:`` line, the last one, naming the file or option at fault and, after
a dash, what to do (click's own usage errors say it with a ``Try … --help``
line).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .harness import run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def documented_exit_statuses() -> dict[int, str]:
    text = CliRunner().invoke(main, ["--help"]).output
    block = text.split("Exit status:", 1)[1]
    return {int(code): meaning for code, meaning in re.findall(r"^\s+(\d+)\s+(.+)$", block, re.M)}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BAD_PACK = '[pack]\nname = "mine"\nversion = "1"\n\n[[concept]]\nid = "x"\n[concept.terms]\nus = "not a list"\n'


def error_cases(tmp: Path) -> list[tuple[str, list[str], int, str]]:
    """(name, arguments, exit status, the place the message must name)."""
    out = str(tmp / "out")
    empty = tmp / "empty"
    empty.mkdir(exist_ok=True)
    binary_manifest = write(tmp / "bin" / "articles.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(tmp / "bin" / "a.txt", "The minister said talks failed.")
    no_file_column = write(tmp / "nofile" / "articles.csv", "outlet,title\nA,B\n")
    write(tmp / "nofile" / "a.txt", "The minister said talks failed.")
    bad_pack = write(tmp / "bad_pack.toml", BAD_PACK)
    bad_actors = write(tmp / "bad_actors.toml", "[[actor]]\nname = \n")
    a_file = write(tmp / "a_file.txt", "not a folder")
    foreign = tmp / "foreign"
    write(foreign / "notes.txt", "mine")
    return [
        ("missing PATH", ["score", str(tmp / "nope"), "--out", out], 2, str(tmp / "nope")),
        ("missing --manifest", ["score", str(SEEDS), "--manifest", str(tmp / "m.csv"), "--out", out], 2,
         str(tmp / "m.csv")),
        ("manifest without a file column", ["score", str(tmp / "nofile"), "--out", out], 2, str(no_file_column)),
        ("binary manifest", ["score", str(tmp / "bin"), "--out", out], 2, str(binary_manifest)),
        ("empty folder (score)", ["score", str(empty), "--out", out, "--jobs", "1"], 2, str(empty)),
        ("empty folder (report)", ["report", str(empty), "--out", out, "--jobs", "1"], 2, str(empty)),
        ("--column without =", ["score", str(SEEDS), "--column", "text", "--out", out], 2, "--column"),
        ("--column with an unknown field", ["score", str(SEEDS), "--column", "body=x", "--out", out], 2, "--column"),
        ("missing --lexicon", ["score", str(SEEDS), "--lexicon", str(tmp / "x.toml"), "--out", out, "--jobs", "1"],
         3, str(tmp / "x.toml")),
        ("missing --lexicon, worker processes", ["score", str(SEEDS), "--lexicon", str(tmp / "x.toml"), "--out", out,
                                                 "--jobs", "2"], 3, str(tmp / "x.toml")),
        ("malformed --lexicon", ["score", str(SEEDS), "--lexicon", str(bad_pack), "--out", out, "--jobs", "1"], 3,
         str(bad_pack)),
        ("missing --actors", ["score", str(SEEDS), "--actors", str(tmp / "a.toml"), "--out", out, "--jobs", "1"], 3,
         str(tmp / "a.toml")),
        ("malformed --actors", ["score", str(SEEDS), "--actors", str(bad_actors), "--out", out, "--jobs", "1"], 3,
         str(bad_actors)),
        ("--out is a file", ["score", str(SEEDS), "--out", str(a_file)], 5, str(a_file)),
        ("--out inside a file", ["score", str(SEEDS), "--out", str(a_file / "sub")], 5, str(a_file / "sub")),
        ("--out is someone else's folder", ["report", str(SEEDS), "--out", str(foreign)], 5, str(foreign)),
        ("--cache inside --out", ["score", str(SEEDS), "--out", out, "--cache", f"{out}/c"], 2, "--cache"),
        ("--jobs negative", ["score", str(SEEDS), "--jobs", "-1"], 2, "--jobs"),
        ("--format unknown", ["report", str(SEEDS), "--format", "pdf"], 2, "--format"),
        ("unknown option", ["score", "--colour"], 2, "--colour"),
        ("unknown command", ["scroe"], 2, "scroe"),
        ("lexicon show: unknown pack", ["lexicon", "show", "nope"], 3, "nope"),
        ("evaluate loaded: missing BABE", ["evaluate", "loaded", "--babe", str(tmp / "babe.csv")], 4,
         str(tmp / "babe.csv")),
        ("evaluate attribution: missing PolNeAR", ["evaluate", "attribution", "--polnear", str(tmp / "pn")], 4,
         str(tmp / "pn")),
    ]


def test_every_error_path_is_one_line_with_what_where_and_how(tmp_path):
    statuses = documented_exit_statuses()
    assert set(statuses) == {0, 1, 2, 3, 4, 5, 6, 130}
    problems = []
    for name, args, status, where in error_cases(tmp_path):
        result = run_cli(f"CLI error: {name}", args)
        lines = [line for line in result.output.strip().splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("Error:")]
        message = errors[-1] if errors else ""
        fix = " — " in message or any(line.startswith("Try '") for line in lines)
        if result.exit_code != status or len(errors) != 1 or lines[-1] != message or where not in message or not fix:
            problems.append(f"{name}: exit {result.exit_code} (want {status}): {result.output!r}")
    assert problems == []
    # No failed run leaves a folder behind, not even the empty-set report.
    assert not (tmp_path / "out").exists()
    assert (tmp_path / "foreign" / "notes.txt").read_text() == "mine"


def test_lexicon_check_lists_each_problem_on_its_own_line(tmp_path):
    pack = write(tmp_path / "bad.toml", BAD_PACK)
    result = run_cli("lexicon check: a malformed pack", ["lexicon", "check", str(pack)])
    assert result.exit_code == 3
    lines = result.output.strip().splitlines()
    assert len(lines) > 3 and all(re.match(rf"{re.escape(str(pack))}, line \d+: entry \S+", line) for line in lines)


def test_verbose_shows_the_traceback(tmp_path):
    result = CliRunner().invoke(main, ["--verbose", "score", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert type(result.exception).__name__ == "CorpusError"


@pytest.mark.parametrize("status", [1, 2, 3, 4, 5, 6, 130])
def test_each_documented_status_has_a_meaning(status):
    assert len(documented_exit_statuses()[status]) > 10
