import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from framing import __version__
from framing.cli import main


def all_commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def command_id(value):
    return " ".join(value) if isinstance(value, tuple) else ""


@pytest.mark.parametrize("path, command", list(all_commands(main)), ids=command_id)
def test_every_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


def test_version_and_module_entry_point():
    assert CliRunner().invoke(main, ["--version"]).output.strip() == f"framing, version {__version__}"
    done = subprocess.run([sys.executable, "-m", "framing", "--help"], capture_output=True, text=True, check=True)
    assert "Exit status" in done.stdout


def test_missing_path_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["score", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    expected = f"Error: {tmp_path / 'nope'}: no such file or folder — check the path"
    assert result.output.strip().splitlines() == [expected]


def test_bad_column_option_is_explained(tmp_path):
    result = CliRunner().invoke(main, ["score", "seeds", "--column", "text", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "FIELD=COLUMN" in result.output


def test_empty_folder_scores_nothing_and_says_so(tmp_path):
    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["score", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--jobs", "1"])
    assert result.exit_code == 2
    assert "nothing could be scored" in result.output and "no articles found" in result.output
    assert not (tmp_path / "o").exists()


def test_refuses_foreign_output_folder(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["score", "seeds", "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 5 and "not made by framing — choose another --out" in result.output
    assert (out / "notes.txt").read_text() == "mine"


# -- output safety (issue 11): nothing lost, nothing wrong ----------------------
def tree(folder):
    """Relative path → bytes of every file under ``folder``."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def inout(tmp_path, seeds_dir):
    """A folder holding the articles, as in the report: `framing report inout --out inout --force`."""
    folder = tmp_path / "inout"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_out_is_the_article_folder_and_nothing_is_lost(inout, force):
    before = tree(inout)
    result = CliRunner().invoke(main, ["report", str(inout), "--out", str(inout), "--jobs", "1", *force])
    assert result.exit_code == 5
    assert result.output.strip().splitlines() == [
        f"Error: {inout}: --out is the article folder {inout} — choose another --out outside the article folder"]
    assert tree(inout) == before


def test_out_inside_the_article_folder_is_refused(inout):
    result = CliRunner().invoke(main, ["score", str(inout), "--out", str(inout / "scores"), "--jobs", "1"])
    assert result.exit_code == 5 and "--out is inside the article folder" in result.output
    assert not (inout / "scores").exists()


def test_out_containing_the_article_folder_is_refused(inout, tmp_path):
    before = tree(inout)
    result = CliRunner().invoke(main, ["score", str(inout), "--out", str(tmp_path), "--force", "--jobs", "1"])
    assert result.exit_code == 5 and f"--out holds the input {inout}" in result.output
    assert tree(inout) == before


@pytest.mark.parametrize("where", [".", "absolute"])
def test_out_is_the_current_folder(tmp_path, seeds_dir, monkeypatch, where):
    work = tmp_path / "work"
    work.mkdir()
    (work / "thesis.docx").write_bytes(b"years of work")
    monkeypatch.chdir(work)
    out = str(work) if where == "absolute" else "."
    result = CliRunner().invoke(main, ["report", str(seeds_dir), "--out", out, "--force", "--resume", "--jobs", "1"])
    assert result.exit_code == 5
    assert result.output.strip().splitlines() == [
        f"Error: {out}: --out is the current folder — choose a new folder for --out, e.g. reports/"]
    assert tree(work) == {"thesis.docx": b"years of work"}


def test_out_is_the_home_folder(tmp_path, seeds_dir, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("export PATH")
    monkeypatch.setenv("HOME", str(home))
    result = CliRunner().invoke(main, ["score", str(seeds_dir), "--out", str(home), "--force", "--jobs", "1"])
    assert result.exit_code == 5 and "--out is the home folder" in result.output
    assert tree(home) == {".bashrc": b"export PATH"}


def test_out_is_the_filesystem_root(seeds_dir):
    result = CliRunner().invoke(main, ["score", str(seeds_dir), "--out", "/", "--force", "--jobs", "1"])
    assert result.exit_code == 5 and "--out is the filesystem root" in result.output


def test_force_never_replaces_a_foreign_folder(tmp_path, seeds_dir):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"years of work")
    result = CliRunner().invoke(main, ["score", str(seeds_dir), "--out", str(out), "--force", "--jobs", "1"])
    assert result.exit_code == 5
    assert result.output.strip().splitlines() == [
        f"Error: {out}: folder is not empty and was not made by framing; --force replaces only a folder framing "
        "made or an empty one — choose another --out"]
    assert tree(out) == {"chapter1.docx": b"years of work"}


def test_force_replaces_a_framing_folder_and_fills_an_empty_one(tmp_path, seeds_dir):
    own, empty = tmp_path / "scores", tmp_path / "empty"
    assert CliRunner().invoke(main, ["score", str(seeds_dir), "--out", str(own), "--jobs", "1"]).exit_code == 0
    (own / "stale.csv").write_text("left from an old run")
    empty.mkdir()
    for out in (own, empty):
        result = CliRunner().invoke(main, ["score", str(seeds_dir), "--out", str(out), "--force", "--jobs", "1"])
        assert result.exit_code == 0, result.output
        assert sorted(tree(out)) == [".framing-output", "evidence.jsonl", "features.csv"]


def test_resume_cache_in_the_article_folder_is_refused(inout):
    before = tree(inout)
    result = CliRunner().invoke(main, ["score", str(inout), "--out", str(inout.parent / "scores"),
                                       "--cache", str(inout / "cache"), "--jobs", "1"])
    assert result.exit_code == 5 and "--cache is inside the article folder" in result.output
    assert tree(inout) == before and not (inout.parent / "scores").exists()


def test_default_resume_cache_may_not_be_the_article_folder(tmp_path, seeds_dir):
    articles = tmp_path / "scores.cache"
    shutil.copytree(seeds_dir, articles)
    result = CliRunner().invoke(main, ["score", str(articles), "--out", str(tmp_path / "scores"), "--resume",
                                       "--jobs", "1"])
    assert result.exit_code == 5 and "--cache is the article folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.cache"]
    assert sorted(p.name for p in articles.iterdir()) == sorted(p.name for p in seeds_dir.iterdir())


def test_a_report_with_nothing_scored_leaves_no_folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "new" / "reports"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "in"), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 2
    assert "nothing could be scored" in result.output and "empty.txt" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("command, formats, opened", [
    ("score", [], "features.csv"),
    ("report", [], "index.md"),
    ("report", ["--format", "html"], "report.html"),
])
def test_closing_line_names_the_file_to_open(tmp_path, seeds_dir, command, formats, opened):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [command, str(seeds_dir), "--out", str(out), "--jobs", "1", *formats])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Scored 5 articles from 4 outlets in ")
    assert last.endswith(f"; written to {out}/ — open {(out / opened).as_posix()}")
    assert (out / opened).is_file()
