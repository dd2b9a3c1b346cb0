"""PolNeAR evaluation: the brat reader, the matching rule and the command on a small sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate.attribution import content_overlap, evaluate_attribution
from framing.evaluate.polnear import parse_ann, read_split

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear"
needs_polnear = pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="PolNeAR not present")

ANN = (
    "T1\tSource 0 5\tFlynn\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30\tTrump was right all\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 40 44\tseen\n"
    "T6\tContent 45 50;52 60\tx\n"
    "T7\tAttribution-no-source 40 44\tseen\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "T8\tSource 70 72\the\n"
    "E3\tAttribution:T8 Source:T8\n"
)


def test_parse_ann_reads_relations_and_skips_those_without_content():
    relations = parse_ann(ANN)
    assert len(relations) == 2
    assert relations[0].sources == ((0, 5),) and relations[0].cues == ((6, 10),)
    assert relations[1].sources == () and relations[1].contents == ((45, 50), (52, 60))


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [({1, 2, 3}, {1, 2, 3}, 1.0), ({1, 2, 3, 4}, {4}, 0.25), (set(), {1}, 0.0), ({1}, {2}, 0.0)],
)
def test_content_overlap(predicted, gold, expected):
    assert content_overlap(predicted, gold) == expected


def test_missing_split_is_a_one_line_error(tmp_path):
    with pytest.raises(EvaluationError, match="no PolNeAR 'dev' split"):
        list(read_split(tmp_path, "dev"))
    result = CliRunner().invoke(main, ["evaluate", "attribution", "--polnear", str(tmp_path)])
    assert result.exit_code == EvaluationError.exit_code
    assert result.output.count("\n") == 1 and "Error:" in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["evaluate", "attribution", "--help"])
    assert result.exit_code == 0
    assert "Example: framing evaluate attribution" in result.output


@needs_polnear
def test_metrics_on_a_dev_sample(tmp_path):
    errors = tmp_path / "errors.jsonl"
    metrics = evaluate_attribution(POLNEAR, "dev", errors_path=errors, limit=6)
    assert metrics["n_documents"] == 6 and metrics["n_gold"] > 0
    for key in (
        "precision_overlap",
        "recall_overlap",
        "f1_overlap",
        "f1_exact",
        "precision_exact",
        "recall_exact",
        "source_match",
        "cue_match",
        "recall_overlap_said",
        "recall_overlap_believes_wants",
    ):
        assert 0.0 <= metrics[key] <= 1.0
    assert metrics["n_gold_said"] + metrics["n_gold_believes_wants"] == metrics["n_gold"]
    # A modest floor: most of what the rules find is annotated in PolNeAR.
    assert metrics["precision_overlap"] >= 0.6
    assert metrics["cue_match"] >= 0.7
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert lines and {json.loads(line)["error"] for line in lines} <= {
        "missed",
        "spurious",
        "wrong_source",
        "wrong_cue",
    }


@needs_polnear
def test_command_prints_one_json_object(tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    # The command reads whole splits; it runs here on a copy of two dev documents.
    sample = Path("sample/dev")
    (sample / "text").mkdir(parents=True)
    (sample / "attributions").mkdir()
    for ann in sorted((POLNEAR / "dev" / "attributions").glob("*.ann"))[:2]:
        name = ann.stem.rsplit("_", 1)[0]
        (sample / "attributions" / ann.name).write_text(ann.read_text(encoding="utf-8"))
        text = (POLNEAR / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        (sample / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["evaluate", "attribution", "--polnear", "sample", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["split"] == "dev" and data["n_documents"] == 2
    # Nothing is written unasked; --errors FILE writes the errors there.
    assert sorted(p.name for p in Path().iterdir()) == ["sample"]
    result = runner.invoke(main, ["evaluate", "attribution", "--polnear", "sample", "--json",
                                  "--errors", "errors.jsonl"])
    assert result.exit_code == 0, result.output
    lines = Path("errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["document"] for line in lines)


def test_gold_kind_reads_the_cue_class():
    from framing.document.parse import build_document
    from framing.evaluate.attribution import gold_kind
    from framing.evaluate.polnear import GoldAttribution
    from framing.features.attribution.cues import CueLexicon

    doc = build_document("x", "Trump thinks he will win. Pence said he would not.")
    cues = CueLexicon.load()
    assert gold_kind(doc, GoldAttribution(((13, 24),), ((0, 5),), ((6, 12),)), cues) == "believes/wants"
    assert gold_kind(doc, GoldAttribution(((37, 50),), ((26, 31),), ((32, 36),)), cues) == "said"
