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
    assert result.exit_code == 5 and "--force" in result.output
    assert (out / "notes.txt").read_text() == "mine"
