"""The commands of ``framing evaluate``: each runs one evaluation and prints its figures.

:mod:`framing.cli` adds :data:`COMMANDS` to its ``evaluate`` group, which turns
library errors into one-line messages and exit statuses.  The evaluations are
imported inside the commands so that ``framing --help`` starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("loaded")
@click.option("--babe", type=click.Path(path_type=Path), required=True,
              help="BABE's babe.csv (text, label_bias, biased_words, topic).")
@click.option("--basil", type=click.Path(path_type=Path), default=None,
              help="BASIL folder with basil_sentences.csv and basil_spans.csv.")
@click.option("--limit", type=int, default=None, help="Score only the first N rows (a sample).")
@click.option("--folds", type=click.IntRange(2), default=5, show_default=True,
              help="Cross-validation folds for the sentence model.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_loaded(babe: Path, basil: Path | None, limit: int | None, folds: int, as_json: bool) -> None:
    """Measure the sentence loaded-language model against BABE (and BASIL) labels.

    The model is retrained inside each fold: 5-fold and leave-one-topic-out
    figures (keys loto_*), the TF-IDF baseline on the same folds (baseline_*)
    and the word lists alone (wordlist_*).  BASIL is scored by the packaged
    model, which never saw it.  Takes a few minutes on the whole of BABE.

    Example: framing evaluate loaded --babe ../shared/eval/babe/babe.csv --basil ../shared/eval/basil
    """
    import json

    from framing.evaluate.loaded import evaluate_babe, evaluate_basil
    from framing.evaluate.loaded_model import evaluate_model
    from framing.features.loaded_model import load_model

    result = evaluate_model(babe, limit=limit, folds=folds)
    wordlists = evaluate_babe(babe, limit=limit)
    result.update({f"wordlist_{key}": wordlists[key] for key in WORDLIST_KEYS})
    result["dataset"] = wordlists["dataset"]
    # The packaged model's decision threshold (chosen for macro-F1, so it is both thresholds).
    result["threshold"] = result["macro_threshold"] = load_model().threshold
    if basil is not None:
        basil_result = evaluate_basil(basil, limit=limit)
        result.update({f"basil_{key}": value for key, value in basil_result.items() if key != "dataset"})
    if as_json:
        click.echo(json.dumps({k: (round(v, 4) if isinstance(v, float) else v)
                               for k, v in sorted(result.items())}))
        return
    for key, value in result.items():
        click.echo(f"{key:>26}  {value:.4f}" if isinstance(value, float) else f"{key:>26}  {value}")


# The word-list sentence score's figures, kept beside the model's under ``wordlist_``.
WORDLIST_KEYS = ("auc", "f1", "threshold", "macro_f1", "macro_threshold", "word_precision", "word_recall")


@click.command("attribution")
@click.option("--polnear", type=click.Path(path_type=Path), required=True,
              help="PolNeAR folder holding train/ and dev/ (brat .ann beside .txt).")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev",
              show_default=True, help="The split folder under --polnear to score.")
@click.option("--errors", "errors_file", type=click.Path(path_type=Path), default=None,
              help="Also write each missed or wrong attribution (JSON lines) to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_attribution_command(polnear: Path, split: str, errors_file: Path | None,
                                 as_json: bool) -> None:
    """Measure attribution extraction (source, cue, content) against PolNeAR.

    Example: framing evaluate attribution --polnear ../shared/eval/polnear --split dev
    """
    import json

    from framing.evaluate.attribution import evaluate_attribution

    result = evaluate_attribution(polnear, split=split, errors_path=errors_file)
    if errors_file is not None:
        click.echo(f"Errors written to {errors_file}", err=True)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    click.echo(f"PolNeAR {split}: {result['n_documents']} documents, {result['n_gold']} gold and "
               f"{result['n_predicted']} predicted attributions")
    click.echo(f"{'':<28}{'precision':>10}{'recall':>10}{'F1':>10}")
    for label, key in (("content overlap >= 0.3", "overlap"), ("content exact", "exact")):
        click.echo(f"{label:<28}{result['precision_' + key]:>10.4f}"
                   f"{result['recall_' + key]:>10.4f}{result['f1_' + key]:>10.4f}")
    click.echo(f"{'source match':<28}{result['source_match']:>10.4f}")
    click.echo(f"{'cue match':<28}{result['cue_match']:>10.4f}")
    click.echo(f"{'recall, cue in verb list':<28}{'':>10}{result['recall_overlap_listed_cues']:>10.4f}"
               f"   ({result['n_gold_listed_cues']} of {result['n_gold']} gold)")


@click.command("target-sentiment")
@click.option("--newsmtsc", type=click.Path(path_type=Path), required=True,
              help="NewsMTSC .jsonl (sentence, from, to, polarity), e.g. dev.jsonl.")
@click.option("--ukraine-crisis", "ukraine_crisis", type=click.Path(path_type=Path), default=None,
              help="ukraine_crisis sentences.csv: correlate tone toward Russia, Ukraine, the West.")
@click.option("--train", "train", type=click.Path(path_type=Path), default=None,
              help="NewsMTSC train.jsonl: add cross-validated figures grouped by article, source and person "
                   "(refits the model in every fold: minutes).")
@click.option("--limit", type=int, default=None, help="Score only the first N NewsMTSC rows (a sample).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_target_sentiment_command(newsmtsc: Path, ukraine_crisis: Path | None, train: Path | None,
                                      limit: int | None, as_json: bool) -> None:
    """Measure tone toward targets against NewsMTSC, beside whole-sentence VADER.

    Example: framing evaluate target-sentiment --newsmtsc ../shared/eval/newsmtsc/dev.jsonl
    """
    import json

    from framing.evaluate.target_sentiment import evaluate_target_sentiment

    result = evaluate_target_sentiment(newsmtsc, ukraine_crisis, limit=limit, train=train)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    click.echo(f"NewsMTSC {newsmtsc.name}: {result['n']} mentions, classes -1, 0, 1")
    click.echo(f"{'':<36}{'macro-F1':>10}{'accuracy':>10}")
    click.echo(f"{'tone toward target (framing)':<36}{result['macro_f1']:>10.4f}{result['accuracy']:>10.4f}")
    click.echo(f"{'whole-sentence VADER, +-0.05':<36}{result['baseline_macro_f1']:>10.4f}"
               f"{result['baseline_accuracy']:>10.4f}")
    for name, figures in sorted(result.get("ukraine_crisis", {}).items()):
        ours, base = (("n/a" if v is None else f"{v:.4f}") for v in (figures["pearson"], figures["baseline_pearson"]))
        click.echo(f"ukraine_crisis {name:<8} sentences {figures['n']:>4}  Pearson r {ours}"
                   f"  (whole-sentence VADER {base})")
    for key, value in sorted(result.get("cross_validation", {}).items()):
        click.echo(f"{'train, ' + key:<36}{value:>10}")


@click.command("labels")
@click.option("--newswcl50", type=click.Path(path_type=Path), required=True,
              help="NewsWCL50 folder with annotations.csv and newswcl50_articles.csv.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_labels_command(newswcl50: Path, as_json: bool) -> None:
    """Measure how many annotated concept variants label discovery recovers (NewsWCL50).

    Example: framing evaluate labels --newswcl50 ../shared/eval/newswcl50
    """
    import json

    from framing.evaluate.labels import evaluate_labels

    result = evaluate_labels(newswcl50)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    for key in sorted(result):
        click.echo(f"{key:<24}{result[key]}")


@click.command("terms")
@click.option("--allsides", type=click.Path(path_type=Path), default=None,
              help="AllSides articles_10k.jsonl.gz: hits per 1,000 articles on topics unrelated to each pack.")
@click.option("--labels", type=click.Path(path_type=Path), default=None,
              help="CSV of hand-checked hits (pack, concept, term, article_id, sentence, label, reason); "
                   "default: the project's tests/data/term_labels.csv.")
@click.option("--newswcl50", type=click.Path(path_type=Path), default=None,
              help="NewsWCL50 folder: also report recall as `framing evaluate labels` does.")
@click.option("--limit", type=int, default=None, help="Read only the first N AllSides lines (a sample).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_terms_command(allsides: Path | None, labels: Path | None, newswcl50: Path | None,
                           limit: int | None, as_json: bool) -> None:
    """Measure contested-term hits: off-topic rate, hand-checked precision, NewsWCL50 recall.

    Example: framing evaluate terms --allsides ../shared/eval/allsides/articles_10k.jsonl.gz
    --newswcl50 ../shared/eval/newswcl50
    """
    import json

    from framing.evaluate.terms import DEFAULT_LABELS, evaluate_terms

    result = evaluate_terms(allsides, labels or DEFAULT_LABELS, newswcl50, limit=limit)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True))
        return
    _echo_terms(result)


def _echo_terms(result: dict) -> None:
    """The figures of ``framing evaluate terms`` as plain text, one pack a line."""
    if "off_topic" in result:
        click.echo("Off-topic hits (AllSides topics unrelated to the pack)")
        for pack, figures in sorted(result["off_topic"].items()):
            top = ", ".join(f"{term} {n}" for term, n in figures["top_terms"].items())
            click.echo(f"  {pack:<22}{figures['n_hits']:>5} hits in {figures['n_articles']:>5} articles"
                       f"  {figures['hits_per_1k_articles']:>7.2f} per 1,000" + (f"  ({top})" if top else ""))
    click.echo("Precision on hand-checked hits (Wilson 95 % interval)")
    for pack, figures in sorted(result["precision"].items()):
        low, high = figures["interval_95"]
        click.echo(f"  {pack:<22}{figures['n_right']:>4} of {figures['n']:<4} {figures['precision']:.3f}"
                   f"  [{low:.3f}, {high:.3f}]  ({figures['n_dropped']} labelled hits no longer found)")
    if "newswcl50" in result:
        wcl = result["newswcl50"]
        click.echo(f"NewsWCL50: {wcl['concepts_recovered']} of {wcl['n_concepts']} concepts recovered, "
                   f"pair recall {wcl['pair_recall']:.4f}")


@click.command("roles")
@click.option("--allsides", type=click.Path(path_type=Path), required=True,
              help="AllSides articles_10k.jsonl.gz: the articles the labels come from.")
@click.option("--labels", type=click.Path(path_type=Path), default=None,
              help="CSV of hand-labelled attributions (article_id, speaker_text, sentence, role, reason); "
                   "default: the project's tests/data/role_labels.csv.")
@click.option("--limit", type=int, default=1000, show_default=True,
              help="Measure the share of unknown roles on the first N AllSides articles.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_roles_command(allsides: Path, labels: Path | None, limit: int, as_json: bool) -> None:
    """Measure speaker roles: accuracy on hand-labelled attributions and the share left unknown.

    Example: framing evaluate roles --allsides ../shared/eval/allsides/articles_10k.jsonl.gz
    """
    import json

    from framing.evaluate.roles import DEFAULT_ROLE_LABELS, evaluate_roles

    result = evaluate_roles(allsides, labels or DEFAULT_ROLE_LABELS, limit=limit)
    if as_json:
        click.echo(json.dumps(result, sort_keys=True, ensure_ascii=False))
        return
    low, high = result["interval_95"]
    click.echo(f"Role accuracy {result['role_accuracy']:.3f} [{low:.3f}, {high:.3f}]: {result['n_right']} of "
               f"{result['n_scored']} labelled attributions ({result['n_dropped']} no longer found, "
               f"{result['n_not_attributions']} labelled as no attribution, {result['n_unclear']} unclear)")
    for role, counts in result["by_role"].items():
        click.echo(f"  {role:<12}{counts['right']:>4} of {counts['n']:<4}")
    click.echo(f"Unknown role: {result['unknown_share']:.3f} of {result['n_attributions']} attributions "
               f"in {result['n_articles']} articles")


# Added to the ``evaluate`` group by framing.cli; ``framing evaluate --help`` lists them by name.
COMMANDS = (evaluate_loaded, evaluate_attribution_command, evaluate_target_sentiment_command,
            evaluate_labels_command, evaluate_terms_command, evaluate_roles_command)
