"""The gun_policy and abortion packs on sentences from AllSides articles on their topics, checked by hand.

Each case opens with a sentence that makes its pack apply (three anchor
mentions), then a sentence from an AllSides ``gun_control_and_gun_rights``
or ``abortion`` article; only the terms found in that sentence are compared,
as (concept, side, text).  Each side's terms are found, and the senses the
packs exclude (a group's name, gun-handling practices, a registry, a law's
name, animals, the constitutional "life, liberty and property") are not.
"""

from __future__ import annotations

import pytest
from pack_sentences import terms_in_sentence

from framing.document.parse import build_document
from framing.features.lexicon import LexiconScorer
from framing.lexicons.packs import check_pack, load_pack


@pytest.fixture(scope="module")
def scorer():
    return LexiconScorer(packs=["gun_policy", "abortion"])


def terms_in_last_sentence(scorer, pack, sentence):
    return [(f.detail["concept"], f.detail["side"], f.text) for f in terms_in_sentence(scorer, pack, sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # gun laws and their advocates: each side's words, and the wire services' "gun control"
    ("Indeed, the Bloomberg-funded Everytown for Gun Safety is holding an event on the sidelines of the NRA "
     "gathering at the Music City Center, with Moms Demand Action for Gun Sense in America and hundreds of "
     "gun safety advocates.", [("gun_regulation", "gun_control", "gun safety")]),
    ("They blocked common-sense gun reforms even when these families looked on.",
     [("gun_regulation", "gun_control", "common-sense gun")]),
    ("As the anti-gun Left mobilized again, many questions remained.", [("gun_regulation", "gun_rights", "anti-gun")]),
    # a group's name, even written "For", is not the writer's wording
    ("Even the pro-gun control advocacy group “Everytown For Gun Safety” lamented the lack of Obama prosecutions.",
     [("gun_regulation", "descriptive", "gun control")]),
    # gun-handling practices are not gun regulation, nor is the Gun Control Act a use of "gun control"
    ("When I followed up with a question about NYPD's standard gun safety practices, Duffy would not elaborate.", []),
    ("It is critical that [gun dealers] comply with the Gun Control Act and its implementing regulations first "
     "and foremost to ensure public safety.", []),
    # the rifles
    ("Asked whether a ban on assault weapons would be included in the Senate’s package, Schumer side-stepped "
     "the issue.", [("military_style_rifles", "gun_control", "assault weapons")]),
    ("Further, a 2010 report from the NSSF found that 40 percent of people who bought “modern sporting rifles,” "
     "such as the popular AR-15, purchased them at independent retailers.",
     [("military_style_rifles", "gun_rights", "modern sporting rifles"),
      ("military_style_rifles", "descriptive", "AR-15")]),
    # magazines: "high-capacity" only next to a magazine, clip or rounds
    ("Richard Blumenthal, D-Conn., plans to introduce a bill that would ban high-capacity magazines that hold "
     "more than 10 rounds.", [("magazines", "descriptive", "high-capacity")]),
    # private sales: the loophole, not the registry the bill forbids
    ("The deal would close the so-called gun show loophole, requiring that background checks are conducted on "
     "all commercial gun sales in the country.", [("private_sales_checks", "gun_control", "gun show loophole")]),
    ("Manchin/Toomey is a simple bill, expanding background checks while making it a felony to create a gun "
     "registry, which the NRA steadfastly opposes.", []),
    # the gun-rights groups
    ("Mr. Paul has not received any formal endorsements or money from the nation’s largest and most politically "
     "potent gun lobby.", [("gun_rights_groups", "gun_control", "gun lobby")]),
    ("But Second Amendment advocates and Republican politicians aren't convinced.",
     [("gun_rights_groups", "gun_rights", "Second Amendment advocates")]),
    # red-flag laws: a "gun confiscation order" is counted once, as a red-flag order
    ("The statute allows police officers or prosecutors to seek a gun confiscation order when they have "
     "\"probable cause\" to believe someone poses a risk.",
     [("red_flag_laws", "gun_rights", "gun confiscation order")]),
    ("Randy Crews explained that the lack of red flag orders from his county has to do with the fact that his "
     "deputies know most of the 27,000 residents.", [("red_flag_laws", "descriptive", "red flag")]),
    # ... and "red flags" as warning signs are not a law
    ("\"Obviously, something went wrong,\" Hagel said, later adding \"there were a lot of red flags\" that were "
     "missed.", []),
])
def test_gun_policy_terms_and_senses(scorer, sentence, expected):
    assert terms_in_last_sentence(scorer, "gun_policy", sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the movements' names for themselves and each other, and the AP's
    ("The rally gained national attention and energized pro-life activists nationwide.",
     [("movement_names", "anti_abortion", "pro-life")]),
    ("The lawsuit also contends that the cities' ordinances have dubbed abortion providers and pro-abortion "
     "entities as \"criminal organizations.\"",
     [("providers", "descriptive", "abortion providers"), ("movement_names", "anti_abortion", "pro-abortion")]),
    ("The former housing and urban development secretary has committed to nominating judges and Cabinet "
     "members who are “pro-choice.”", [("movement_names", "abortion_rights", "pro-choice")]),
    ("If the court strikes down California’s law on free speech grounds, it could make it harder for "
     "Democratic-leaning states to regulate anti-abortion pregnancy centers.",
     [("movement_names", "descriptive", "anti-abortion")]),
    # a caucus's name is not the writer's wording
    ("The lawmaker had been a member of the Congressional Pro-Life Caucus.", []),
    # the fetus
    ("Unborn babies can hear, they can feel — at what point can they hear and feel and think and feel pain?",
     [("the_fetus", "anti_abortion", "Unborn babies")]),
    ("And the time at which a fetus can be viable outside the womb is becoming earlier and earlier due to "
     "medical technology.", [("the_fetus", "descriptive", "fetus")]),
    # ... but not a law's name, nor the young of animals
    ("On April 7, he kept his word, signing into law the Unborn Child Protection From Dismemberment Abortion Act.",
     []),
    ("He explained that a grizzly bear or bears had killed all the females just to eat the unborn calves out of "
     "their bellies.", []),
    # "right to life": the anti-abortion phrase, not the Fourteenth Amendment's
    ("Real men will always defend the right to life of the unborn.",
     [("movement_names", "anti_abortion", "right to life"), ("the_fetus", "anti_abortion", "unborn")]),
    ("The 14th Amendment gives people, a person the right to life, liberty and property.", []),
    # abortions late in pregnancy, six-week bans, providers, the legal right
    ("The last time the pro-life movement achieved a major policy win was at the turn of the century, when the "
     "Supreme Court upheld the federal ban on partial-birth abortion.",
     [("movement_names", "anti_abortion", "pro-life"), ("later_abortion", "anti_abortion", "partial-birth abortion")]),
    ("Patients can also be pushed to get abortions later in pregnancy by financial or logistical problems.",
     [("later_abortion", "descriptive", "abortions later in pregnancy")]),
    ("The measure would have banned abortions after a fetal heartbeat is heard, which can happen as early as six "
     "weeks into pregnancy.", [("early_bans", "anti_abortion", "fetal heartbeat")]),
    ("That case will also examine the requirement that abortionists should have hospital admitting privileges.",
     [("providers", "anti_abortion", "abortionists")]),
    ("She would also establish a new funding stream in order to ensure that every state has a reproductive "
     "health center.", [("providers", "abortion_rights", "reproductive health center")]),
    ("Kaine has said that he will stand with Secretary Clinton to defend a woman's right to choose.",
     [("legal_abortion", "abortion_rights", "right to choose")]),
    # "abortion-rights supporters" names the movement and is counted once
    ("Abortion-rights supporters rallied outside the court.",
     [("movement_names", "descriptive", "Abortion-rights supporters")]),
])
def test_abortion_terms_and_senses(scorer, sentence, expected):
    assert terms_in_last_sentence(scorer, "abortion", sentence) == expected


@pytest.mark.parametrize("name", ["gun_policy", "abortion"])
def test_packs_are_valid_and_every_side_is_sourced(name):
    pack = load_pack(name)
    assert check_pack(name) == []
    for concept in pack.concepts:
        sides = [side for side, terms in concept.terms.items() if terms and side != "descriptive"]
        assert sides and all(concept.evidence.get(side) for side in sides), concept.id


def test_the_packs_stay_off_an_article_about_something_else(scorer):
    # An education article that mentions a gun and a pregnancy once each: neither pack applies.
    text = ("The school board debated the budget on Tuesday. A parent said a student had brought a toy gun. "
            "A teacher on leave after her pregnancy asked about pay. "
            "The pro-life and gun-rights groups were not there.")
    result = scorer.score(build_document("school", text))
    assert not [f for f in result.findings if f.kind == "contested_term"]
    assert {f.detail["pack"] for f in result.findings if f.kind == "pack_not_applied"} == {"gun_policy", "abortion"}
