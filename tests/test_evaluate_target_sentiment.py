"""Target-sentiment evaluation: NewsMTSC sample and ukraine_crisis (skipped without ../shared/eval)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate.newsmtsc import person_of
from framing.evaluate.target_sentiment import (
    cross_validate_newsmtsc,
    evaluate_newsmtsc,
    evaluate_target_sentiment,
    evaluate_ukraine_crisis,
    read_newsmtsc,
)

EVAL = Path(os.environ.get("FRAMING_EVAL", Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
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


# Hand-labelled sentences in NewsMTSC's form, with ids naming source, article and person.
CV_SENTENCES = [
    ("Critics accused Obama of breaking his promises.", "Obama", -1),
    ("Voters punished Trump for the painful price rises.", "Trump", -1),
    ("Officials accused Clinton of spreading dangerous lies.", "Clinton", -1),
    ("Analysts condemned Cruz for the cruel remarks.", "Cruz", -1),
    ("Farmers blamed Obama for the chaotic new rules.", "Obama", -1),
    ("Critics slammed Trump over his weak response.", "Trump", -1),
    ("Supporters praised Obama for the successful deal.", "Obama", 1),
    ("Workers thanked Trump for protecting their jobs.", "Trump", 1),
    ("Fans cheered Clinton as a brave and honest leader.", "Clinton", 1),
    ("Economists praised Cruz for his bold plan.", "Cruz", 1),
    ("Allies welcomed Obama as a strong partner.", "Obama", 1),
    ("Donors thanked Trump for the generous help.", "Trump", 1),
    ("Obama flew to Ohio on Monday afternoon.", "Obama", 0),
    ("Trump is expected to speak at noon.", "Trump", 0),
    ("Clinton spoke to reporters in Florida.", "Clinton", 0),
    ("Cruz will visit Texas next week.", "Cruz", 0),
    ("Obama met the governor on Tuesday.", "Obama", 0),
    ("Trump arrived in Iowa late on Sunday.", "Trump", 0),
]


@pytest.fixture
def cv_file(tmp_path):
    path = tmp_path / "train.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n, (sentence, person, polarity) in enumerate(CV_SENTENCES):
            start = sentence.index(person)
            source = ("allsides", "polusa")[n % 2]
            row = {"sentence": sentence, "from": start, "to": start + len(person), "polarity": polarity,
                   "id": f"{source}_{n}_{n}_0_{person}_{start}_{start + len(person)}"}
            handle.write(json.dumps(row) + "\n")
    return path


def test_cross_validation_figures_on_a_tiny_file(cv_file):
    result = cross_validate_newsmtsc(cv_file)
    assert set(result) == {"n", "cv_macro_f1", "cv_nested_offsets_macro_f1", "leave_one_source_out_macro_f1",
                           "person_grouped_cv_macro_f1", "baseline_macro_f1"}
    assert result["n"] == 18
    assert all(0.0 <= result[k] <= 1.0 for k in result if k != "n")
    # Deterministic: folds and fits are the same every time.
    assert cross_validate_newsmtsc(cv_file) == result
    figures = evaluate_target_sentiment(cv_file, train=cv_file)
    assert figures["cross_validation"] == {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}


def test_cross_validation_needs_ids(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"sentence": "NATO met.", "from": 0, "to": 4, "polarity": 0}) + "\n",
                    encoding="utf-8")
    with pytest.raises(EvaluationError, match="records without an id"):
        cross_validate_newsmtsc(path)


@pytest.mark.parametrize("row_id, person", [
    ("allsides_775_313_30_President Donald Trump_5_10", "trump"),
    ("polusa_v1_4678416_-1_30_John Miller_149_155", "miller"),
    ("allsides_1_2_3_Mr. Obama_0_9", "obama"),
])
def test_person_of_a_newsmtsc_id(row_id, person):
    assert person_of(row_id) == person


def test_cli_prints_cross_validation(cv_file):
    out = CliRunner().invoke(main, ["evaluate", "target-sentiment", "--newsmtsc", str(cv_file),
                                    "--train", str(cv_file), "--json"])
    assert out.exit_code == 0, out.output
    assert set(json.loads(out.output)["cross_validation"]) >= {"cv_macro_f1", "person_grouped_cv_macro_f1"}
