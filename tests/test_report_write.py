"""The seeds report: its key findings, pinned by hand, and its determinism."""

import filecmp
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("first") / "reports"
    result = CliRunner().invoke(main, ["report", "seeds", "--out", str(out), "--jobs", "1", "--format", "html"])
    assert result.exit_code == 0, result.output
    return out


def test_files_written(seeds_report):
    names = {p.name for p in seeds_report.iterdir()}
    assert {"index.md", "rt.md", "tass.md", "the-moscow-times.md", "fort-russ-news.md", "features.csv",
            "evidence.jsonl", "outlets.csv", "run.json", "report.html", "charts"} <= names
    charts = {p.name for p in (seeds_report / "charts").iterdir()}
    for chart in ("contested_terms", "voices", "verb_classes", "sentence_tone", "target_tone", "readability",
                  "outlet_map"):
        assert {f"{chart}.png", f"{chart}.svg"} <= charts


def test_index_contrasts_the_crimea_wording_with_its_counts(seeds_report):
    index = (seeds_report / "index.md").read_text(encoding="utf-8")
    differences = index.split("## The largest differences")[1].split("##")[0].strip().splitlines()
    crimea = [line for line in differences if "Crimea" in line]
    assert len(crimea) == 1 and crimea[0] != differences[0]
    # One use on each side: stated with its counts, never as the lead finding.
    assert "with too few uses to call it a difference" in crimea[0]
    assert "RT writes “reunification” (in its own voice; 1 use in 1 article)" in crimea[0]
    assert "The Moscow Times writes “annexation” (in its own voice; 1 use in 1 article)" in crimea[0]
    # Describes, never judges.
    for word in ("propaganda", "biased", "lying", "false"):
        assert word not in index.lower()


def test_outlet_pages_show_voice_and_evidence(seeds_report):
    rt = (seeds_report / "rt.md").read_text(encoding="utf-8")
    assert "**“reunification”**" in rt and "after Moscow's reunification with Crimea" in rt
    # One 'Russian threat' is the diplomat's ("the diplomat said, adding that the old, trusty 'Russian threat'"),
    # one RT's own scare quote.
    assert "‘Russian threat’ (1×)" in rt and "2 uses: 1 inside a quote, 1 in scare quotes" in rt
    tass = (seeds_report / "tass.md").read_text(encoding="utf-8")
    assert "**“eastern flank”**" in tass and "2 inside a quote" in tass
    assert "| a NATO source | NATO / Western governments | anonymous | no |" in tass
    moscow_times = (seeds_report / "the-moscow-times.md").read_text(encoding="utf-8")
    assert "James Stavridis" in moscow_times and "Related article" in moscow_times


def test_grushko_statement_aligned_across_three_outlets(seeds_report):
    index = (seeds_report / "index.md").read_text(encoding="utf-8")
    aligned = index.split("## The same statement, told differently")[1].split("## Charts")[0]
    assert "Grushko**, in 3 articles" in aligned
    for outlet in ("RT (direct", "The Moscow Times (direct", "Fort Russ News (direct"):
        assert outlet in aligned


def test_run_json_records_versions_and_inputs(seeds_report):
    run = json.loads((seeds_report / "run.json").read_text(encoding="utf-8"))
    assert run["articles"] == 5 and "russia_ukraine_nato" in run["lexicons"]
    assert set(run["inputs"]) == {f.name for f in Path("seeds").iterdir()}
    assert "vaderSentiment" in run["libraries"]


def test_same_input_gives_identical_files_whatever_the_folder(seeds_report, tmp_path):
    other = tmp_path / "elsewhere-entirely"
    result = CliRunner().invoke(main, ["report", "seeds", "--out", str(other), "--jobs", "1", "--format", "html"])
    assert result.exit_code == 0, result.output
    comparison = filecmp.dircmp(seeds_report, other)
    assert comparison.left_only == [] and comparison.right_only == []
    for name in comparison.common_files:
        assert (seeds_report / name).read_bytes() == (other / name).read_bytes(), name
    for chart in (seeds_report / "charts").iterdir():
        assert chart.read_bytes() == (other / "charts" / chart.name).read_bytes(), chart.name


def first_difference(committed: bytes, produced: bytes) -> str:
    """Where two files part: the first differing line of each (or a note on binary files)."""
    try:
        old, new = committed.decode("utf-8").splitlines(), produced.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary files differ ({len(committed)} and {len(produced)} bytes)"
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if a != b:
            return f"line {number}:\n  committed: {a[:300]}\n  produced:  {b[:300]}"
    return f"one is longer: {len(old)} and {len(new)} lines"


def test_committed_reports_are_what_the_command_produces(tmp_path):
    """``framing report`` with no options (seeds in, all cores) reproduces the committed reports/.

    Byte for byte under the library versions that made it (``run.json``); under
    others (tox's ``minimums``) the charts' bytes and ``run.json`` may differ,
    every figure and sentence may not.
    """
    from framing.report.write import library_versions

    committed = Path("reports")
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    produced_files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert produced_files == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    same_libraries = json.loads((committed / "run.json").read_text(encoding="utf-8"))["libraries"] \
        == library_versions()
    differing = []
    for relative in produced_files:
        if not same_libraries and (relative.parts[0] == "charts" or relative.name == "run.json"):
            continue
        old, new = (committed / relative).read_bytes(), (out / relative).read_bytes()
        if old != new:
            differing.append(f"reports/{relative} differs at {first_difference(old, new)}")
    assert not differing, "regenerate reports/ with 'framing report':\n" + "\n".join(differing[:5])
