"""NewsWCL50 label-variant evaluation: form normalisation, gold pairs, a one-event sample."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.evaluate.labels import evaluate_labels, gold_pairs, normalise_form

NEWSWCL50 = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "newswcl50"


def test_normalise_form():
    assert normalise_form("The ``terrible'' Iran deal") == "terrible iran deal"
    assert normalise_form("Mr. Kim’s") == "kim"


def test_gold_pairs_cross_outlets_only():
    columns = ("code_type", "code_name", "code_mention", "event_id", "publisher_id")
    rows = [dict(zip(columns, values)) for values in [
        ("OBJECT", "deal", "the Iran deal", "4", "L"),
        ("OBJECT", "deal", "the JCPOA", "4", "R"),
        ("OBJECT", "deal", "the pact", "4", "R"),
        ("PROPERTY", "Power", "warned", "4", "L"),
    ]]
    pairs, forms = gold_pairs(rows)
    # "jcpoa" and "pact" come from one outlet only: not a cross-outlet pair.
    assert pairs == {"4": {("deal", "iran deal", "jcpoa"), ("deal", "iran deal", "pact")}}
    assert forms == {"4": {"deal": {"iran deal", "jcpoa", "pact"}}}


@pytest.mark.skipif(not NEWSWCL50.exists(), reason="NewsWCL50 not beside the checkout")
def test_one_event_sample():
    result = evaluate_labels(NEWSWCL50, events=["0"])
    assert result["n_articles"] == 5
    assert result["n_concepts"] == 17
    assert result["concepts_recovered"] == 5
    assert result["pairs_recovered"] == 17


def test_cli_reports_a_missing_folder(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "labels", "--newswcl50", str(tmp_path)])
    assert result.exit_code == 4
    assert "annotations.csv" in result.output


def test_cli_suggest_refuses_to_overwrite(tmp_path):
    out = tmp_path / "draft.toml"
    out.write_text("keep", encoding="utf-8")
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = CliRunner().invoke(main, ["lexicon", "suggest", str(seeds), "--out", str(out)])
    assert result.exit_code == 5 and out.read_text(encoding="utf-8") == "keep"
    result = CliRunner().invoke(main, ["lexicon", "suggest", str(seeds), "--out", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "crimea_governs" in out.read_text(encoding="utf-8")
