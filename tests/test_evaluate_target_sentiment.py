"""Target-sentiment evaluation: NewsMTSC sample and ukraine_crisis (skipped without ../shared/eval)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate.target_sentiment import evaluate_newsmtsc, evaluate_ukraine_crisis, read_newsmtsc

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEV = EVAL / "newsmtsc" / "dev.jsonl"
UKRAINE = EVAL / "ukraine_crisis" / "sentences.csv"
needs_eval = pytest.mark.skipif(not DEV.is_file(), reason="../shared/eval/newsmtsc is not present")


def test_bad_records_are_named(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"sentence": "NATO met.", "from": 0, "to": 4, "polarity": 2}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="line 1: polarity 2"):
        read_newsmtsc(path)
    with pytest.raises(EvaluationError, match="file not found"):
        read_newsmtsc(tmp_path / "missing.jsonl")


def test_tiny_file_end_to_end(tmp_path):
    path = tmp_path / "tiny.jsonl"
    rows = [{"sentence": "Critics slammed NATO over the failed mission.", "from": 16, "to": 20, "polarity": -1},
            {"sentence": "NATO welcomed the peace deal.", "from": 0, "to": 4, "polarity": 1},
            {"sentence": "The ministers met in Brussels on Monday.", "from": 21, "to": 29, "polarity": 0}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = evaluate_newsmtsc(path)
    assert result["n"] == 3 and result["accuracy"] == 1.0 and result["macro_f1"] == 1.0


@needs_eval
def test_newsmtsc_dev_sample_beats_baseline():
    result = evaluate_newsmtsc(DEV, limit=150)
    assert result["n"] == 150
    assert result["macro_f1"] > result["baseline_macro_f1"] + 0.05


@needs_eval
def test_cli_json_keys():
    out = CliRunner().invoke(main, ["evaluate", "target-sentiment", "--newsmtsc", str(DEV), "--limit", "40",
                                    "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert {"macro_f1", "accuracy", "baseline_macro_f1", "baseline_accuracy", "n"} <= set(result)
    assert result["n"] == 40


@pytest.mark.skipif(not UKRAINE.is_file(), reason="../shared/eval/ukraine_crisis is not present")
def test_ukraine_crisis_correlations():
    result = evaluate_ukraine_crisis(UKRAINE)
    assert set(result) == {"russia", "ukraine", "west"}
    assert result["russia"]["n"] > 100
    assert -1.0 <= result["russia"]["pearson"] <= 1.0
