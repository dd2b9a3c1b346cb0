"""Whose term it is, and when: evidence per side, dated terms, plain words as descriptive."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.document.parse import build_document
from framing.features.lexicon import LexiconScorer
from framing.lexicons.dates import article_day, reading_of
from framing.lexicons.packs import check_pack, list_packs, load_pack, pack_warnings

PACK = """\
[pack]
name = "tiny"
version = "0.1"
author = "test"
description = "A tiny pack."

[pack.sides]
a = "Side A"
b = "Side B"
descriptive = "Plain description"

[[concept]]
id = "capital"
description = "The capital's spelling."
note = "A note."
source = "A source."
date_note = "The style guides changed on 14 August 2019."

[concept.terms]
a = [{ term = "Kiev", since = 2019-08-14, case_sensitive = true }]
b = [{ term = "Kyiv", case_sensitive = true }]
descriptive = ["the capital"]

[concept.evidence]
a = "Source showing side A writes Kiev."
"""


def write(tmp_path, text):
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    return path


def hits(pack_path, text, date=""):
    scorer = LexiconScorer(lexicon_files=[pack_path], packs=[])
    document = build_document("x", text, date=date)
    return [(f.text, f.detail["side"], f.detail.get("reading")) for f in scorer.score(document).findings
            if f.kind == "contested_term"]


def test_a_dated_term_is_descriptive_before_its_date_and_its_sides_after(tmp_path):
    path = write(tmp_path, PACK)
    text = "Officials in Kiev and Kyiv met."
    assert hits(path, text, "2014-03-18") == [("Kiev", "descriptive", "dated"), ("Kyiv", "b", None)]
    assert hits(path, text, "March 2, 2023") == [("Kiev", "a", "dated"), ("Kyiv", "b", None)]
    # no date: which convention the article follows cannot be known, and the finding says so
    assert hits(path, text) == [("Kiev", "descriptive", "undated"), ("Kyiv", "b", None)]


def test_descriptive_rates_count_a_dated_term_outside_its_dates(tmp_path):
    scorer = LexiconScorer(lexicon_files=[write(tmp_path, PACK)], packs=[])
    features = scorer.score(build_document("x", "Kiev is busy.", date="2014-01-01")).features
    assert features["tiny.capital.descriptive_per_1k"] > 0 and features["tiny.capital.a_per_1k"] == 0


def test_terms_without_a_source_are_reported_and_strict_fails(tmp_path):
    path = write(tmp_path, PACK)
    warnings = pack_warnings(path)
    assert len(warnings) == 1 and "capital.b" in warnings[0] and "'Kyiv'" in warnings[0]
    runner = CliRunner()
    assert runner.invoke(main, ["lexicon", "check", str(path)]).exit_code == 0
    strict = runner.invoke(main, ["lexicon", "check", "--strict", str(path)])
    assert strict.exit_code == 3 and "no source for 'Kyiv'" in strict.output


@pytest.mark.parametrize("edit, fragment", [
    (("since = 2019-08-14", 'since = "August 2019"'), "must be a date written YYYY-MM-DD"),
    (('date_note = "The style guides changed on 14 August 2019."\n', ""), "add date_note"),
    (('descriptive = "Plain description"\n', ""), "needs a 'descriptive' side"),
    (('a = "Source showing', 'c = "Source showing'), "'c' is not one of the concept's sides"),
])
def test_date_and_evidence_errors_say_how_to_fix(tmp_path, edit, fragment):
    problems = check_pack(write(tmp_path, PACK.replace(*edit)))
    assert any(fragment in p for p in problems), problems


def test_every_shipped_term_has_its_evidence():
    for name in list_packs():
        assert pack_warnings(name) == [], name


PLAIN_WORDS = ["referendum", "sanctions", "war", "conflict", "arms control", "arms race", "NATO expansion"]


def test_words_everyone_uses_are_descriptive_in_every_pack():
    for name in list_packs():
        for concept in load_pack(name).concepts:
            for side, terms in concept.terms.items():
                written = {t.term for t in terms}
                assert side == "descriptive" or not written & set(PLAIN_WORDS), (name, concept.id, side)


def test_kiev_is_plain_english_before_the_style_guides_changed():
    scorer = LexiconScorer(packs=["russia_ukraine_nato"])
    text = ("Russian troops held Crimea as the Kremlin and Kiev traded accusations. "
            "Putin spoke in Moscow; Ukraine's parliament met in Kiev.")
    sides = {(f.text, f.detail["side"]) for f in scorer.score(build_document("x", text, date="2014-03-05")).findings
             if f.kind == "contested_term"}
    assert sides == {("Kiev", "descriptive")}
    later = scorer.score(build_document("x", text, date="2022-03-05")).findings
    assert {f.detail["side"] for f in later if f.kind == "contested_term"} == {"russia"}


def test_article_dates_are_read_in_the_forms_news_sites_write():
    assert article_day("2019-08-14") == "2019-08-14"
    assert article_day("Wed, 14 Aug 2019 10:00:00 +0000") == "2019-08-14"
    assert article_day("14 August 2019") == "2019-08-14"
    assert article_day("2019") is None and article_day("") is None and article_day("2019-02-30") is None
    assert reading_of("", "2019-08-14", "2019-08-14") == ("descriptive", "dated")
    assert reading_of("", "2019-08-14", None) == ("descriptive", "undated")


def test_a_concept_with_a_period_does_not_count_in_articles_dated_before_it():
    scorer = LexiconScorer(packs=["russia_ukraine_nato"])
    # Washington Times, July 2014: Ukrainian forces "liberated" towns -- not Russia's 2022 "liberated territories"
    text = ("Ukraine's army said it had liberated areas around Donetsk from pro-Russian rebels, "
            "as Kiev and Moscow traded blame and Putin denied sending troops.")
    terms = {f.detail["concept"] for f in scorer.score(build_document("x", text, date="2014-07-28")).findings
             if f.kind == "contested_term"}
    assert "territories_2022" not in terms
    later = scorer.score(build_document("x", text, date="2023-01-10")).findings
    assert "territories_2022" in {f.detail["concept"] for f in later if f.kind == "contested_term"}


def test_the_gaza_war_is_named_by_each_side_only_from_october_2023():
    scorer = LexiconScorer(packs=["israel_palestine"])
    text = ("Gaza officials called Israel's campaign a war on Gaza, while Israel said the Israel-Hamas war "
            "was a war against Hamas. Palestinians in Gaza and Israelis in Tel Aviv watched the news.")
    found = {(f.text, f.detail["side"]) for f in scorer.score(build_document("x", text, date="2024-01-10")).findings
             if f.kind == "contested_term"}
    assert {("war on Gaza", "palestinian"), ("Israel-Hamas war", "descriptive"),
            ("war against Hamas", "israeli")} <= found
    older = scorer.score(build_document("x", text, date="2014-07-20")).findings
    assert not [f for f in older if f.kind == "contested_term" and f.detail["concept"] == "gaza_war_2023"]
