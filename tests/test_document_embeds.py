"""Embedded posts (tweets pasted as text) read as their author's signed quotation."""

from __future__ import annotations

import pytest

from framing.document.clean import clean_text, packaged_embed_rules
from framing.document.embeds import EmbedRule, _rule, quoted_post
from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.attribution.scorer import AttributionScorer
from framing.features.lexicon import quote_kinds

REASON = "embedded post (read as its author's quotation)"

# Vox (AllSides corpus): an article that quotes Trump's tweets as block quotes between its own paragraphs.
VOX = ("Then the Republican Party’s nominee spent his week live-tweeting the Democratic Party’s convention, "
       "with deep, thoughtful commentary like:\n\n"
       "The invention of email has proven to be a very bad thing for Crooked Hillary in that it has proven her "
       "to be both incompetent and a liar! — Donald J. Trump (@realDonaldTrump) July 26, 2016\n\n"
       "He followed that up with a press conference.")


@pytest.fixture(scope="module")
def rule() -> EmbedRule:
    return packaged_embed_rules()[0]


def test_a_tweet_becomes_its_authors_signed_quotation_and_the_handle_and_date_are_logged():
    result = clean_text(VOX)
    assert ("“The invention of email has proven to be a very bad thing for Crooked Hillary in that it has proven "
            "her to be both incompetent and a liar!” — Donald J. Trump") in result.body.split("\n")
    assert [(r.reason, r.text) for r in result.removed] == [(REASON, "(@realDonaldTrump) July 26, 2016")]


def test_the_tweet_is_a_quotation_of_its_author_not_the_outlets_own_words():
    result = clean_text(VOX)
    document = build_document("vox", result.body)
    assert quote_kinds(document) == ["speech"]
    findings = AttributionScorer().score(document).findings
    assert [(f.kind, f.detail["speaker"], f.text[:22]) for f in findings] == [
        ("direct", "Donald Trump", "The invention of email")]


def test_links_go_and_quotation_marks_inside_the_post_become_single(rule):
    # Vox (AllSides corpus): Tommy Vietor's tweet quotes words it gives Sen. Collins.
    line = ('"I much prefer to get bribes from the Koch Brothers and other right-wing billionaires," '
            "@SenatorCollins continued (probably) https://t.co/LW2IVfY3re — Tommy Vietor (@TVietor08) "
            "September 11, 2018")
    found = quoted_post(line, rule)
    assert found.text == ("“‘I much prefer to get bribes from the Koch Brothers and other right-wing billionaires,’ "
                          "@SenatorCollins continued (probably)” — Tommy Vietor")
    assert found.cut == ["https://t.co/LW2IVfY3re", "(@TVietor08) September 11, 2018"]


def test_bbc_labels_and_a_picture_alone(rule):
    bbc = ("Skip Twitter post by @realDonaldTrump The deal with North Korea is very much in the making. "
           "— Donald J. Trump (@realDonaldTrump) March 10, 2018 Report")
    found = quoted_post(bbc, rule)
    assert found.text == "“The deal with North Korea is very much in the making.” — Donald J. Trump"
    assert found.cut == ["Skip Twitter post by @realDonaldTrump", "(@realDonaldTrump) March 10, 2018 Report"]
    picture = quoted_post("pic.twitter.com/XecmiNFMcS — Adam Schiff (@RepAdamSchiff) February 25, 2017", rule)
    assert picture.text == "" and picture.cut[0] == "pic.twitter.com/XecmiNFMcS"


def test_a_handle_in_running_text_is_no_post(rule):
    # National Review (AllSides corpus): an author's note with handles, no signature.
    line = ("Jonathan Williams (@taxeconomist) is the chief economist at the American Legislative Exchange "
            "Council.")
    assert quoted_post(line, rule) is None
    assert clean_text(line).body == line


def test_a_rule_without_its_groups_is_refused():
    with pytest.raises(DataFileError, match="needs the groups post, author, handle"):
        _rule({"reason": "x", "pattern": "(?P<post>.*)"}, 1, "", "boilerplate.toml")
