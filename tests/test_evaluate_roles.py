"""Role evaluation: labelled attributions found again, accuracy, the unknown share, the command."""

from __future__ import annotations

import csv
import gzip
import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate.roles import DEFAULT_ROLE_LABELS, evaluate_roles, read_role_labels, scorable

ARTICLE = {
    "ID": "a1",
    "title": "Senate vote",
    "content_original": (
        "They said the vote was close. Sen. Ted Cruz said the bill would fail. Jane Doe, a professor of "
        "economics at Yale, said the tariffs would hurt farmers."
    ),
}
LABELS = [
    ("a1", "Sen. Ted Cruz", "Sen. Ted Cruz said the bill would fail.", "politician", "a senator"),
    ("a1", "Jane Doe, a professor of economics at Yale,",
     "Jane Doe, a professor of economics at Yale, said the tariffs would hurt farmers.", "expert", "a professor"),
    ("a1", "They", "They said the vote was close.", "unclear", "nobody to point at"),
    ("a1", "Nobody", "Nobody said anything.", "citizen", "no longer found"),
]


@pytest.fixture()
def allsides(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(ARTICLE) + "\n")
    labels = tmp_path / "labels.csv"
    with open(labels, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "speaker_text", "sentence", "role", "reason"])
        writer.writerows(LABELS)
    return path, labels


def test_accuracy_counts_found_labels_only(allsides):
    path, labels = allsides
    result = evaluate_roles(path, labels, limit=10)
    assert (result["n_scored"], result["n_right"], result["n_dropped"], result["n_unclear"]) == (2, 2, 1, 1)
    assert result["role_accuracy"] == 1.0
    # Of the three attributions, "They" opening the article has nobody to point at.
    assert (result["n_attributions"], result["unknown_share"]) == (3, round(1 / 3, 4))


def test_bad_role_names_the_line(tmp_path):
    labels = tmp_path / "labels.csv"
    labels.write_text("article_id,speaker_text,sentence,role,reason\na1,x,y,villain,z\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"labels.csv, line 2: role 'villain' is not one of"):
        read_role_labels(labels)


def test_the_committed_labels_are_valid():
    rows = read_role_labels(DEFAULT_ROLE_LABELS)
    assert len(rows) >= 200 and all(row["reason"].strip() for row in rows)


HELD_OUT = {"role_labels_heldout.csv": 80, "role_labels_heldout2.csv": 150, "role_labels_heldout3.csv": 150,
            "role_labels_heldout4.csv": 120, "role_labels_heldout5.csv": 120, "role_labels_heldout6.csv": 110,
            "role_labels_heldout7.csv": 110, "role_labels_heldout8.csv": 110,
            "role_labels_heldout9.csv": 110}


@pytest.mark.parametrize(("name", "minimum"), sorted(HELD_OUT.items()))
def test_held_out_labels_are_valid_and_apart(name, minimum):
    rows = read_role_labels(DEFAULT_ROLE_LABELS.with_name(name))
    assert len(scorable(rows)) >= minimum and all(row["reason"].strip() for row in rows)
    # Held out means other articles than the ones that shaped the rules.
    shaping = {row["article_id"] for row in read_role_labels(DEFAULT_ROLE_LABELS)}
    assert not shaping & {row["article_id"] for row in rows}


@pytest.mark.parametrize(("name", "articles"), [("role_labels_heldout4.csv", 150), ("role_labels_heldout5.csv", 150),
                                                ("role_labels_heldout6.csv", 150), ("role_labels_heldout7.csv", 150),
                                                ("role_labels_heldout8.csv", 150), ("role_labels_heldout9.csv", 149)])
def test_the_later_held_out_sets_share_no_article_with_any_other(name, articles):
    # Set 9 drew 150 positions; the extractor finds nothing in one of them.
    labelled = {row["article_id"] for row in read_role_labels(DEFAULT_ROLE_LABELS.with_name(name))}
    others = set()
    for other in ("role_labels.csv", *(n for n in HELD_OUT if n != name)):
        others |= {row["article_id"] for row in read_role_labels(DEFAULT_ROLE_LABELS.with_name(other))}
    assert len(labelled) == articles and not labelled & others


def test_command_prints_one_json_object(allsides):
    path, labels = allsides
    result = CliRunner().invoke(main, ["evaluate", "roles", "--allsides", str(path), "--labels", str(labels),
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n_scored"] == 2


TWO_WITHOUT_SOURCE = {
    "ID": "a2",
    "title": "",
    "content_original": (
        "Earlier last week, House Speaker John A. Boehner of Ohio fired off an email to fellow Republicans warning "
        "them not to celebrate if the court overturns any parts of the law. Instead, Mr. Romney softened his "
        "rhetoric, promising that his reform of Medicare would not touch benefits for older Americans."
    ),
}


def test_attributions_without_a_source_are_each_found_by_their_sentence(tmp_path):
    # Both cues ("warning", "promising") come without a source span: keyed by (article, '', '') only the last
    # was found and the first counted as dropped; by the sentence their content opens, each is scored.
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(TWO_WITHOUT_SOURCE) + "\n", encoding="utf-8")
    body = TWO_WITHOUT_SOURCE["content_original"]
    first, second = body[: body.index(" Instead")], body[body.index("Instead") :]
    labels = tmp_path / "labels.csv"
    with open(labels, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "speaker_text", "sentence", "role", "reason"])
        writer.writerows([("a2", "", first, "politician", "House Speaker Boehner"),
                          ("a2", "", second, "politician", "Mitt Romney")])
    result = evaluate_roles(path, labels, limit=1)
    assert (result["n_scored"], result["n_dropped"]) == (2, 0)
