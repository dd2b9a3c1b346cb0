"""Attribution family: hand-checked seeds expectations and tables of tricky patterns."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from framing.compare.statements import align_statements
from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features import AttributionFeatures
from framing.features.attribution.actors import ActorRegistry
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.scorer import AttributionScorer


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


@pytest.fixture(scope="module")
def seed_findings(scorer, seed_document):
    return {p: scorer.score(seed_document(p)).findings for p in ("000", "001", "002", "003", "004")}


def rows(findings):
    return [(f.detail["speaker"], f.detail["side"], f.detail["verb"], f.kind, f.detail["named"]) for f in findings]


GRUSHKO = "Alexander Grushko"
RU = "russia_gov"
WEST = "nato_or_western_gov"


def test_rt_every_attribution(seed_findings):
    # Read by hand in seeds/000: the lead's "the Russian deputy FM says" comes
    # before Grushko is named: the article's only Russian official quoted is
    # him, so the description resolves to him; the quote-only paragraph
    # "They've dusted off ..." continues the diplomat (no verb).
    assert rows(seed_findings["000"]) == [
        (GRUSHKO, RU, "say", "indirect", True),
        (GRUSHKO, RU, "state", "direct", True),
        ("NATO", WEST, "claim", "mixed", True),
        (GRUSHKO, RU, "say", "mixed", True),
        (GRUSHKO, RU, "say", "direct", True),
        (GRUSHKO, RU, "add", "mixed", True),
        (GRUSHKO, RU, "", "direct", True),
        (GRUSHKO, RU, "say", "indirect", True),
        (GRUSHKO, RU, "add", "indirect", True),
    ]


def test_tass_every_attribution(seed_findings):
    assert rows(seed_findings["004"]) == [
        (GRUSHKO, RU, "tell", "indirect", True),
        (GRUSHKO, RU, "say", "direct", True),
        (GRUSHKO, RU, "according to", "indirect", True),
        (GRUSHKO, RU, "say", "direct", True),
        (GRUSHKO, RU, "say", "indirect", True),
        (GRUSHKO, RU, "say", "direct", True),
        (GRUSHKO, RU, "say", "indirect", True),
        (GRUSHKO, RU, "add", "direct", True),
        (GRUSHKO, RU, "say", "direct", True),
        (GRUSHKO, RU, "express", "indirect", True),
        ("NATO", WEST, "say", "indirect", True),
        ("a NATO source", WEST, "say", "indirect", False),
        ("a NATO source", WEST, "say", "direct", False),
        ("a NATO source", WEST, "add", "direct", False),
        # "Stoltenberg said he planned to discuss ...": "he planned" is part of
        # that statement, not a second one by him (issue 19: counted twice).
        ("Jens Stoltenberg", WEST, "say", "indirect", True),
        ("Jens Stoltenberg", WEST, "say", "direct", True),
        ("Jens Stoltenberg", WEST, "add", "mixed", True),
        ("Jens Stoltenberg", WEST, "say", "direct", True),
    ]


def test_tass_speaker_texts_as_written(seed_findings):
    texts = [f.detail["speaker_text"] for f in seed_findings["004"]]
    assert texts[0] == "Russian Deputy Foreign Minister Alexander Grushko"
    assert texts[4] == "the diplomat"
    assert texts[11:14] == ["a NATO source", "the NATO source", "the source"]
    assert texts[-1] == "the NATO secretary general"


def test_grushko_is_most_quoted_across_seeds(seed_findings):
    counts = Counter(f.detail["speaker"] for fs in seed_findings.values() for f in fs)
    assert counts.most_common(1)[0][0] == GRUSHKO


def test_moscow_times_quotes_stavridis_through_the_ap(seed_findings):
    stavridis = [f for f in seed_findings["002"] if f.detail["speaker"] == "James Stavridis"]
    assert len(stavridis) == 1
    finding = stavridis[0]
    assert finding.kind == "direct"
    assert finding.detail["side"] == "independent_expert"
    assert finding.detail["content"].startswith("We are in danger of stumbling backward")
    assert "the risk of a true new Cold War rises steadily" in finding.detail["content"]


def test_spelling_variants_merge(seed_findings):
    # 001 writes "Aleksandr Grushko", 002 and 004 "Alexander Grushko".
    speakers = {f.detail["speaker"] for p in ("001", "002", "004") for f in seed_findings[p]}
    assert GRUSHKO in speakers and "Aleksandr Grushko" not in speakers


def test_scare_quotes_are_not_speech(seed_findings):
    # RT's last paragraph uses 'Russian threat' in its own voice.
    contents = " ".join(f.detail["content"] for f in seed_findings["000"])
    assert "peddle" not in contents


def test_offsets_point_at_the_text(scorer, seed_document):
    doc = seed_document("004")
    for f in scorer.score(doc).findings:
        d = f.detail
        if d["source_start"] >= 0:
            assert doc.body[d["source_start"] : d["source_end"]] == d["speaker_text"]
        if d["cue_start"] >= 0:
            assert doc.body[d["cue_start"] : d["cue_end"]] == d["cue"]
        assert doc.body[f.start : f.end].startswith(d["content"].split(" … ")[0])
        assert 0 <= f.sentence_index < len(doc.sentences)


PATTERNS = [
    # text, speaker_text, cue, kind, content
    ('"We are ready," Grushko said.', "Grushko", "said", "direct", "We are ready"),
    ('"We are ready," said Grushko.', "Grushko", "said", "direct", "We are ready"),
    ("Grushko said that talks were over.", "Grushko", "said", "indirect", "that talks were over"),
    ("Talks are over, the minister said.", "the minister", "said", "indirect", "Talks are over"),
    (
        "According to the ministry, talks are over.",
        "the ministry",
        "According to",
        "indirect",
        "talks are over",
    ),
    (
        "Talks are over, according to officials.",
        "officials",
        "according to",
        "indirect",
        "Talks are over",
    ),
    (
        'Grushko said the talks were a "total deadlock" for now.',
        "Grushko",
        "said",
        "mixed",
        'the talks were a "total deadlock" for now',
    ),
    (
        "Grushko, Moscow's envoy to NATO until 2018, said talks were over.",
        "Grushko, Moscow's envoy to NATO until 2018,",
        "said",
        "indirect",
        "talks were over",
    ),
    (
        "Lavrov told reporters on Monday that talks were over.",
        "Lavrov",
        "told",
        "indirect",
        "that talks were over",
    ),
    ("He said he was sure it would fail.", "He", "said", "indirect", "he was sure it would fail"),
    ("Experts say the plan will fail.", "Experts", "say", "indirect", "the plan will fail"),
    ("The alliance claimed it was ready.", "The alliance", "claimed", "indirect", "it was ready"),
    ("Lavrov criticized the plan.", "Lavrov", "criticized", "indirect", "the plan"),
    (
        "Mr. Trump, who said last week that the judge was biased, issued a statement.",
        "Mr. Trump, who",
        "said",
        "indirect",
        "that the judge was biased",
    ),
    ("Sen. Elizabeth Warren (D-MA) said Trump was a failure.", "Sen. Elizabeth Warren (D-MA)", "said", "indirect",
     "Trump was a failure"),
]


@pytest.mark.parametrize("text, source, cue, kind, content", PATTERNS)
def test_patterns(scorer, text, source, cue, kind, content):
    findings = scorer.score(build_document("t", text)).findings
    assert len(findings) == 1
    d = findings[0].detail
    assert (d["speaker_text"], d["cue"], findings[0].kind, d["content"]) == (
        source,
        cue,
        kind,
        content,
    )


NOT_SPEECH = [
    "NATO's declared readiness to work with Moscow is a myth.",
    "The so-called 'Russian threat' is used to justify spending.",
    'The film "War and Peace" was shown on Monday.',
    "The growth in jobs shows no sign of slowing down.",
    # belief and stance verbs used as adjectives, participles or phrasal verbs
    "The opposing campaign was in disarray.",
    "Many clubs offering family amenities have survived.",
    "Mr. Lewandowski backed away from the deal.",
    "The United States has hostile policies.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_attributions(scorer, text):
    assert scorer.score(build_document("t", text)).findings == []


def test_split_quote_and_quote_only_paragraph(scorer):
    text = (
        '"We are open," Grushko said. "We were ready."\n'
        '"But no progress has been made so far in this direction."\n'
        "NATO did not comment."
    )
    findings = scorer.score(build_document("t", text)).findings
    assert [(f.kind, f.detail["speaker"], f.detail["verb"]) for f in findings] == [
        ("direct", GRUSHKO, "say"),
        ("direct", GRUSHKO, ""),
    ]
    assert findings[0].detail["content"] == "We are open … We were ready"
    assert findings[1].detail["continues_previous"] is True


def test_pronoun_and_description_resolve_to_last_named_speaker(scorer):
    text = (
        "Sergei Lavrov said talks were over. He added that Moscow was ready. "
        "The minister also said that NATO was to blame."
    )
    findings = scorer.score(build_document("t", text)).findings
    assert [f.detail["speaker"] for f in findings] == ["Sergei Lavrov"] * 3


def test_verb_classes(scorer):
    text = (
        "Lavrov warned that NATO was expanding. Stoltenberg claimed that Russia was to blame. "
        "Peskov admitted that the talks had failed. Kuleba said that Kyiv was ready."
    )
    result = scorer.score(build_document("t", text))
    assert [f.detail["verb_class"] for f in result.findings] == [
        "emphatic",
        "distancing",
        "endorsing",
        "neutral",
    ]
    assert [f.detail["side"] for f in result.findings] == [RU, WEST, RU, "ukraine_gov"]
    assert result.features["verb_emphatic_share"] == 0.25
    assert result.features["side_ukraine_gov_share"] == 0.25


def test_features_are_fixed_and_nan_when_undefined(scorer):
    result = scorer.score(build_document("t", "Nothing is said here by anyone."))
    assert list(result.features) == AttributionScorer().feature_names
    assert result.features["n_attributions"] == 0.0
    assert math.isnan(result.features["named_share"])
    assert result.features["quoted_word_share"] == 0.0


def test_quoted_word_share(scorer):
    doc = build_document("t", '"We are ready to talk," Grushko said.')
    features = scorer.score(doc).features
    # 5 quoted words of 7 body words.
    assert features["quoted_word_share"] == pytest.approx(5 / 7)
    assert features["side_russia_gov_quoted_word_share"] == 1.0


def test_transformer_feature_names():
    docs = [build_document("a", "Lavrov said talks were over."), build_document("b", "")]
    transformer = AttributionFeatures().fit(docs)
    out = transformer.transform(docs)
    names = transformer.get_feature_names_out()
    assert names[0] == "attribution__n_attributions"
    assert out.shape == (2, len(AttributionScorer().feature_names))
    assert out[0, 0] == 1.0 and out[1, 0] == 0.0


def test_user_actor_file_adds_a_speaker(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nname = "Jane Roe"\naliases = ["Roe"]\nside = "other"\nkind = "person"\nnote = "A test speaker."\n',
        encoding="utf-8",
    )
    scorer = AttributionScorer(actor_files=[extra])
    finding = scorer.score(build_document("t", "Roe said the plan was fine.")).findings[0]
    assert (finding.detail["speaker"], finding.detail["side"]) == ("Jane Roe", "other")


def test_bad_actor_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nname = "Jane Roe"\nside = "friendly"\nnote = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.toml, line 2: entry 'Jane Roe': side 'friendly'"):
        ActorRegistry.load([bad])


def test_bad_verb_file_names_file_and_line(tmp_path):
    bad = tmp_path / "verbs.toml"
    bad.write_text('[[verb]]\nlemma = "say"\nclass = "loud"\nnote = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"verbs.toml, line 2: entry 'say': class 'loud'"):
        CueLexicon.load(bad)


def test_every_packaged_verb_has_a_class_and_note():
    lexicon = CueLexicon.load()
    assert {v.verb_class for v in lexicon.verbs.values()} == {
        "neutral",
        "emphatic",
        "distancing",
        "endorsing",
        "belief",
        "stance",
    }
    assert all(v.note for v in lexicon.verbs.values())


MENTAL = [
    # text, verb class, content: beliefs and stances PolNeAR annotates like speech
    ("U.S. officials believe Beijing has cut its hacking.", "belief", "Beijing has cut its hacking"),
    ("Rubio wants to emerge as the main alternative.", "belief", "to emerge as the main alternative"),
    ("He declined to say more.", "stance", "to say more"),
    ("About a third of voters support Sanders.", "stance", "Sanders"),
]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a belief or stance said inside another's statement is part of it (PolNeAR annotates few
        # of them): the poll speaks, not the voters; "they hoped" is what the officials said
        ("About a third of voters support Sanders, the poll found.", "the poll",
         "About a third of voters support Sanders"),
        ("Officials said they hoped the move will spur investment.", "Officials",
         "they hoped the move will spur investment"),
    ],
)
def test_nested_belief_is_part_of_the_statement(scorer, text, speaker, content):
    findings = scorer.score(build_document("t", text)).findings
    assert [(f.detail["speaker_text"], f.detail["content"]) for f in findings] == [(speaker, content)]


@pytest.mark.parametrize("text, verb_class, content", MENTAL)
def test_beliefs_and_stances(scorer, text, verb_class, content):
    findings = [f for f in scorer.score(build_document("t", text)).findings if f.detail["verb_class"] == verb_class]
    assert [f.detail["content"] for f in findings] == [content]


def test_coordinated_statement_ends_the_first_content(scorer):
    text = "Linick said that he considers it handled, but he urged the department to review its archives."
    findings = scorer.score(build_document("t", text)).findings
    assert [(f.detail["verb"], f.detail["content"]) for f in findings] == [
        # "he considers" is Linick's own statement restated, not a second one.
        ("say", "that he considers it handled"),
        ("urge", "the department to review its archives"),
    ]


def test_headline_and_colon_leads(scorer):
    text = (
        "Bellwether County Says Trump Should Win GOP Nomination.\n"
        'Kasich: "We are going all the way to Cleveland."\n'
        "Remember: the vote is on Tuesday.\n"
        "Kasich spoke in Ohio."
    )
    findings = scorer.score(build_document("t", text)).findings
    assert [(f.detail["speaker_text"], f.detail["cue"], f.detail["content"]) for f in findings] == [
        ("Bellwether County", "Says", "Trump Should Win GOP Nomination"),
        ("Kasich", ":", "We are going all the way to Cleveland"),
    ]


def test_opening_adjunct_is_not_content(scorer):
    findings = scorer.score(build_document("t", "In 2009, he said he would run.")).findings
    assert [f.detail["content"] for f in findings] == ["he would run"]


def test_align_statements_on_seeds(scorer, seed_document):
    records = []
    outlets = {"000": "RT", "001": "Fort Russ News", "002": "The Moscow Times"}
    for prefix, outlet in outlets.items():
        doc = seed_document(prefix)
        records.extend(f.to_record(doc, outlet) for f in scorer.score(doc).findings)
    groups = align_statements(records)
    agenda = [g for g in groups if "positive agenda" in g["statement"]]
    assert len(agenda) == 1
    renderings = {r["outlet"]: r for r in agenda[0]["renderings"]}
    assert set(renderings) == {"RT", "Fort Russ News", "The Moscow Times"}
    assert "dropped" in renderings["RT"]["text"]
    assert "given up" in renderings["Fort Russ News"]["text"]
    assert "abandoned" in renderings["The Moscow Times"]["text"]
    assert renderings["The Moscow Times"]["verb"] == "tell"
    assert renderings["RT"]["verb"] == "state"
    assert agenda[0]["speaker"] == GRUSHKO


def test_bad_affiliation_names_its_table_line(tmp_path):
    bad = tmp_path / "aff.toml"
    bad.write_text(
        '[[affiliation]]\nwords = ["Latvian"]\nside = "nato_or_western_gov"\nnote = "x"\n\n'
        '[[affiliation]]\nwords = ["Moldovan"]\nside = "neutral"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"aff.toml, line 6: \[\[affiliation\]\]: side 'neutral'"):
        ActorRegistry.load([bad])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[actor]]\nname = "Jane Roe"\nside = "other"\nkind = "robot"\nnote = "x"\n',
            r"bad.toml, line 2: entry 'Jane Roe': kind 'robot' is not one of person, institution, media — use one",
        ),
        (
            '[[affiliation]]\nwords = []\nside = "other"\n',
            r"bad.toml, line 1: \[\[affiliation\]\]: words must be a non-empty list of words — e.g. words = ",
        ),
        (
            '[[role]]\nwords = ["spokesman"]\nnamed = "no"\n',
            r"bad.toml, line 1: \[\[role\]\]: needs a list of words and named as true or false — e.g. ",
        ),
    ],
)
def test_bad_actor_file_says_how_to_fix(tmp_path, text, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        ActorRegistry.load([bad])


@pytest.mark.parametrize("flag", ["strict", "noun_content", "infinitive"])
def test_bad_verb_flag_says_how_to_fix(tmp_path, flag):
    bad = tmp_path / "verbs.toml"
    bad.write_text(f'[[verb]]\nlemma = "say"\nclass = "neutral"\nnote = "x"\n{flag} = "yes"\n', encoding="utf-8")
    with pytest.raises(
        DataFileError,
        match=rf"verbs.toml, line 2: entry 'say': {flag} must be true or false — write {flag} = true or {flag} = false",
    ):
        CueLexicon.load(bad)


def test_a_description_before_the_name_waits_for_the_name():
    from framing.features.attribution.actors import ActorRegistry
    from framing.features.attribution.speakers import SpeakerResolver

    resolver = SpeakerResolver(ActorRegistry.load())
    early = resolver.resolve("the Russian deputy minister")
    assert not early.named
    named = resolver.resolve("Russian Deputy Foreign Minister Sergei Ryabkov")
    assert resolver.settle(early) == named
    alone = SpeakerResolver(ActorRegistry.load())
    description = alone.resolve("the Russian deputy minister")
    assert alone.settle(description) == description  # nobody named later: it stays a description
