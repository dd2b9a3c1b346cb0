"""Validity evaluation on BABE and BASIL: library and CLI, on small samples.

Skipped when the evaluation data (``$FRAMING_EVAL``, default ../shared/eval beside the checkout) is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate.loaded import (
    best_threshold,
    derive_babe_words,
    emotive_parts,
    evaluate_babe,
    evaluate_basil,
    read_babe,
)

EVAL = Path(os.environ.get("FRAMING_EVAL") or Path(__file__).resolve().parents[1].parent / "shared" / "eval")
BABE = EVAL / "babe" / "babe.csv"
BASIL = EVAL / "basil"
needs_babe = pytest.mark.skipif(not BABE.is_file(), reason="BABE not present in ../shared/eval")
needs_basil = pytest.mark.skipif(not (BASIL / "basil_spans.csv").is_file(),
                                 reason="BASIL not present in ../shared/eval")


def test_best_threshold_skips_the_trivial_split():
    y = np.array([1, 1, 0, 0, 1])
    scores = np.array([2.0, 1.0, 0.0, 0.0, 0.0])
    result = best_threshold(y, scores)
    # Threshold 1: predicted positive = first two; precision 1, recall 2/3 -> F1 0.8.
    assert result["f1"] == pytest.approx(0.8) and result["threshold"] == 1.0


def test_missing_file_and_wrong_columns(tmp_path):
    with pytest.raises(EvaluationError, match="not found"):
        evaluate_babe(tmp_path / "nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("sentence,label\nx,1\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="missing column"):
        evaluate_babe(bad)


def test_tiny_babe_file(tmp_path):
    path = tmp_path / "babe.csv"
    path.write_text(
        "text,news_link,outlet,topic,type,label_bias,label_opinion,biased_words\n"
        "The radical mob staged a bizarre stunt.,,,,,Biased,,\"['radical', 'mob']\"\n"
        "The council met on Tuesday.,,,,,Non-biased,,[]\n", encoding="utf-8")
    result = evaluate_babe(path)
    # "radical", "mob", "bizarre", "stunt" are flagged; annotators marked 2 of them.
    assert result["n"] == 2 and result["auc"] == 1.0 and result["f1"] == 1.0
    assert result["word_precision"] == 0.5 and result["word_recall"] == 1.0
    out = CliRunner().invoke(main, ["evaluate", "loaded", "--babe", str(path)])
    assert out.exit_code != 0 and "1 sentence(s) in the smaller class" in out.output


@needs_babe
def test_babe_sample_beats_chance():
    result = evaluate_babe(BABE, limit=400)
    assert result["n"] == 400
    assert result["auc"] > 0.6
    assert result["macro_f1"] > 0.6 and result["word_precision"] > 0.4


@needs_babe
@needs_basil
def test_cli_json(tmp_path):
    runner = CliRunner()
    out = runner.invoke(main, ["evaluate", "loaded", "--babe", str(BABE), "--basil", str(BASIL),
                               "--limit", "300", "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert {"auc", "f1", "macro_f1", "word_precision", "word_recall", "n", "basil_auc",
            "basil_span_recall", "baseline_macro_f1", "loto_auc", "loto_macro_f1", "loto_macro_f1_gap",
            "wordlist_auc", "wordlist_macro_f1", "basil_wordlist_auc", "threshold", "macro_threshold"} <= set(result)
    assert result["n"] == 300 and result["n_topics"] > 3
    # Even trained on 240 sentences per fold, the model separates the classes.
    assert result["auc"] > 0.6 and result["loto_auc"] > 0.6


@needs_basil
def test_basil_sample():
    result = evaluate_basil(BASIL, limit=600)
    assert result["n"] == 600 and 0 < result["span_recall"] < 1 and 0 < result["wordlist_span_recall"] < 1
    # BASIL was never seen in training: the packaged model ranks lexical-bias sentences a little
    # higher (0.57 on these 600 sentences, 0.61 on all of BASIL).
    assert result["auc"] > 0.55


def test_lexicon_cli(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["lexicon", "list"])
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["abortion", "climate", "gun_policy", "immigration",
                                                       "israel_palestine", "russia_ukraine_nato"]
    shown = runner.invoke(main, ["lexicon", "show", "russia_ukraine_nato"])
    assert "  russia: reunification, reunion" in shown.output
    climate = Path(__file__).resolve().parents[1] / "framing" / "data" / "lexicons" / "climate.toml"
    good = runner.invoke(main, ["lexicon", "check", str(climate)])
    assert good.exit_code == 0 and good.output.endswith(": ok\n")
    bad = tmp_path / "bad.toml"
    bad.write_text("[pack]\nname = \"x\"\n", encoding="utf-8")
    checked = runner.invoke(main, ["lexicon", "check", str(bad)])
    assert checked.exit_code == 3 and "bad.toml, line" in checked.output


def test_emotive_parts_are_disjoint():
    parts = emotive_parts()
    assert len(parts["hand"]) == 68 and len(parts["babe"]) == 203
    assert not parts["hand"] & parts["babe"]
    assert not parts["exclude"] & (parts["hand"] | parts["babe"])
    assert {"kill", "wuhan", "trumpism"} <= parts["exclude"]


def test_derivation_rule_on_a_tiny_file(tmp_path):
    path = tmp_path / "babe.csv"
    path.write_text(
        "text,news_link,outlet,topic,type,label_bias,label_opinion,biased_words\n"
        # "horde": marked in 2 of 3 sentences (kept); "claimed": an assertive verb;
        # "kill": an exclude word; "vile": part 1; "tax": marked once.
        "A horde claimed the vile tax.,,,,,Biased,,\"['horde', 'claimed', 'vile', 'tax']\"\n"
        "The horde will kill it.,,,,,Biased,,\"['horde', 'kill']\"\n"
        "The horde will kill it.,,,,,Biased,,\"['kill']\"\n"
        "Another horde.,,,,,Non-biased,,[]\n", encoding="utf-8")
    rows = read_babe(path)
    assert derive_babe_words(rows) == {"horde"}
    assert derive_babe_words(rows, min_rate=0.75) == set()


@needs_babe
def test_derivation_rule_reproduces_the_shipped_list():
    assert derive_babe_words(read_babe(BABE)) == emotive_parts()["babe"]
