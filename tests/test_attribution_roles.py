"""Speaker roles and the US-politics registry: who speaks in what capacity, on any topic."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.attribution.pronoun_roles import pronoun_role
from framing.features.attribution.registries import RegistrySet
from framing.features.attribution.role_lexicon import ROLES, RoleLexicon
from framing.features.attribution.roles import mention_context, person_context, speaker_role
from framing.features.attribution.scorer import AttributionScorer


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def _roles(scorer, text):
    return [(f.detail["speaker"], f.detail["side"], f.detail["role"])
            for f in scorer.score(build_document("t", text)).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Registry actors carry their side and role once the US registry applies.
        ("President Trump said the wall would be built. Democrats said it would not. "
         "Pelosi said the plan was dead.",
         [("Donald Trump", "republican", "politician"), ("Democrats", "democrat", "politician"),
          ("Nancy Pelosi", "democrat", "politician")]),
        # A title in the source phrase decides the role of an unregistered person.
        ("Trump and the Republicans in Congress met. Jane Doe, a professor of economics at Yale, said the "
         "tariffs would hurt farmers.",
         [("Jane Doe", "unknown", "expert")]),
        # The apposition at the first mention decides it for later mentions.
        ("Maria Lopez, a nurse from Ohio, stood outside. Lopez said she would vote for Trump in Congress' race.",
         [("Lopez", "unknown", "citizen")]),
        # Access words make an unnamed source anonymous.
        ("A senior source said on Monday the deal was close.",
         [("a senior source", "anonymous", "anonymous")]),
        # A pronoun with nobody to point at is unknown.
        ("They said the deal was close.", [("they", "unknown", "unknown")]),
    ],
)
def test_roles_and_sides(scorer, text, expected):
    assert _roles(scorer, text) == expected


def test_russia_registry_keeps_its_sides_on_its_topic(scorer):
    text = ("NATO and Russia met in Brussels. The Kremlin said the talks had failed. "
            "Grushko said NATO was to blame. Russia's envoy left.")
    assert _roles(scorer, text)[:2] == [("Kremlin", "russia_gov", "government"),
                                       ("Alexander Grushko", "russia_gov", "government")]


def test_white_house_is_not_nato_in_a_us_story(scorer):
    text = "Trump met Republicans in Congress. The White House said the bill was dead."
    assert _roles(scorer, text) == [("White House", "us_administration", "government")]


def test_topic_gate_picks_registries():
    registries = RegistrySet.load()
    assert registries.applicable("Trump told Congress that Democrats were wrong.") == (1,)
    assert registries.applicable("NATO, Russia and the Kremlin; Putin and Ukraine.") == (0,)
    # Neither reaches its minimum: the most mentioned applies.
    assert registries.applicable("Grushko said so.") == (0,)
    assert registries.applicable("Nobody said anything.") == ()


def test_a_user_registry_without_topic_always_applies(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[sides]\ngreens = "Green Party"\n\n[[actor]]\nname = "Jill Stein"\naliases = ["Stein"]\n'
                     'side = "greens"\nrole = "politician"\nnote = "Green Party nominee 2016."\n', encoding="utf-8")
    registries = RegistrySet.load([extra])
    assert registries.for_text("Nobody said anything.").find_actor("Stein").side == "greens"
    assert registries.side_names()[-2:] == ("greens", "unknown")


def test_bad_role_and_topic_are_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nname = "Jane Roe"\nside = "other"\nrole = "villain"\nnote = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.toml, line 2: entry 'Jane Roe': role 'villain' is not one of"):
        RegistrySet.load([bad])
    bad.write_text('[topic]\nanchors = "Congress"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.toml, line 1: \[topic\]: anchors must be a list"):
        RegistrySet.load([bad])


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sen. Ted Cruz", "politician"),
        ("a spokeswoman for the Justice Department", "government"),
        ("residents", "citizen"),
        ("a source familiar with the matter", "anonymous"),
        ("the ACLU", "advocacy"),
        ("the company's chief executive", "business"),
        ("a reporter for The Washington Post", "media"),
        ("researchers at Stanford University", "expert"),
    ],
)
def test_role_words(text, role):
    assert RoleLexicon.load().role_in(text) == role
    assert role in ROLES


def test_mention_context_reads_past_a_headline():
    body = "Sebelius Calls For Review\n\nHealth Secretary Kathleen Sebelius said on Friday. Sebelius wrote."
    assert "Health Secretary Kathleen" in mention_context(build_document("t", body), "Sebelius")[1]


def test_a_title_where_the_article_introduces_a_person_gives_the_side(scorer):
    text = ("Trump met Republicans in Congress on Monday. Republican Sen. Jeff Flake of Arizona voted no.\n\n"
            "Flake said the bill was dead.")
    assert _roles(scorer, text) == [("Flake", "republican", "politician")]


def test_us_officials_in_a_us_story_on_russia_are_the_administration(scorer):
    text = ("Trump, Congress and the Republicans in the Senate discussed Russia. Russia's envoy met Russian "
            "diplomats and the Kremlin. U.S. officials said the sanctions would stay.")
    assert _roles(scorer, text)[-1] == ("U.S. officials", "us_administration", "government")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state named alone speaks through its government.
        ("Iran said on Monday that the talks would resume in Geneva.", [("Iran", "government")]),
        # A party code after the name: "Pressley, D-Mass.,".
        ("Ocasio-Cortez, D-N.Y., and Pressley, D-Mass., criticized the policy. "
         "\"We risk undermining candidates,\" Pressley wrote.", [("Pressley", "politician")]),
        # A description after a copula counts like an apposition.
        ("Congress asked the IRS for emails. Lerner was the director of exempt organizations at the IRS. "
         "Lerner wrote that the form did not separate the reporting.", [("Lerner", "government")]),
        # A plural title before a list of names titles each of them, across the splitter's cut after "Sens.".
        ("Republicans back the bill, among them GOP Sens. Ron Johnson of Wisconsin and Richard Burr of North "
         "Carolina. \"I think this makes tremendous sense,\" Burr said.", [("Burr", "politician")]),
        ("Sens. Elizabeth Warren and Brian Schatz, who requested the review, said the report confirms it.",
         [("Brian Schatz", "politician")]),
        # A document points back at whoever issued it; the quotation before it is not read.
        ("The agency issued a statement on Friday.\n\n\"We cannot accept the bill,\" the statement said.",
         [("statement", "government")]),
        # A share of a group speaks with the group's role.
        ("Fifteen percent of registered voters said immigration was the top issue, while 14 percent said the "
         "economy was their biggest concern.",
         [("Fifteen percent of registered voters", "citizen"), ("14 percent", "citizen")]),
        # A relative clause that describes, and a second apposition that does.
        ("\"I think the president has kept them on their heels,\" said Pat Griffin, who was legislative director "
         "in the Clinton administration.", [("Pat Griffin", "government")]),
        ("\"What we have is two schoolyard bullies,\" said Stephen Miles, director of Win Without War, a "
         "coalition of liberal advocacy groups.", [("Stephen Miles", "advocacy")]),
        # An "of ..." affiliation after the name.
        ("\"It appears the Pentagon is trying to work out the kinks,\" said Owen Daniels of the Atlantic Council.",
         [("Owen Daniels", "expert")]),
        # ", 285,127" after a name is a number, not an age.
        ("According to the New York State Department of Health, 285,127 induced abortions occurred in the "
         "state between 2012 and 2014.", [("New York State Department of Health", "government")]),
    ],
)
def test_roles_from_the_words_around_the_speaker(scorer, text, expected):
    # Only the named speakers' roles: what else the extractor finds in the sentence is not this test's business.
    found = {speaker: role for speaker, _, role in _roles(scorer, text)}
    assert [(speaker, found.get(speaker)) for speaker, _ in expected] == expected


def test_a_registered_person_gives_a_role_off_the_registry_topic(scorer):
    # The Russia registry does not apply to a story on Congress; Putin's full name still tells his office.
    text = "Trump met Democrats in Congress. Vladimir Putin said the summit had been useful."
    assert _roles(scorer, text) == [("Vladimir Putin", "unknown", "politician")]


def test_a_lone_surname_takes_the_registered_full_name_the_article_spells_out():
    registries = RegistrySet.load()
    assert registries.known_person("Bush", "Jeb Bush spoke in Iowa. Bush said no.").name == "Jeb Bush"
    # Two registered Bushes spelled out: no guess.
    assert registries.known_person("Bush", "Jeb Bush and George W. Bush spoke. Bush said no.") is None
    assert registries.known_person("Bush", "Bush said no.") is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("President of Russia.", "politician"),
        ("president of the company", "business"),
        ("D-Mass.", "politician"),
        ("(R., Neb.)", "politician"),
        ("the governors", "politician"),
        ("a former deputy secretary of state", "expert"),
        ("Deutsche Presse-Agentur", "media"),
    ],
)
def test_role_words_version_2(text, role):
    assert RoleLexicon.load().role_in(text) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Version 6, rule 10: the kind word of an organisation's name decides, not the words of its complement
        # (descriptions from AllSides articles of label sets 4-6).
        ("policy director for the American Federation of Government Employees", "advocacy"),
        ("spokesman for the FWS’s Bay-Delta Office", "government"),
        ("co-president of the Brady Campaign to Prevent Gun Violence", "advocacy"),
        ("head of the Internal Revenue Service", "government"),
        ("Dr. Randy Wexler of The John Glenn Institute of Public Service and Policy", "expert"),
        # A body the lexicon names keeps its role; lower-case or complement-less heads are no organisations.
        ("the Heritage Foundation", "expert"),
        ("the European Union", "government"),
        ("the Trump campaign", "politician"),
        ("the Senate Judiciary Committee", "politician"),
    ],
)
def test_organisation_kinds_version_6(text, role):
    assert RoleLexicon.load().role_in(text) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Version 6, rule 10: a party word before its voters is their camp, not the party.
        ("one Democratic supporter", "citizen"),
        ("48% of Democratic voters", "citizen"),
        ("Republican primary voters", "citizen"),
        ("a Democratic wise man", "politician"),
        ("Democratic lawmakers", "politician"),
        # "Name of <US state>" introduces a member of Congress, not a body in that state.
        ("Lisa Murkowski of Alaska", "politician"),
        ("RSC Chairman Mark Walker of North Carolina", "politician"),
        ("The Federal Reserve Bank of New York", "government"),
        ("University of California", "expert"),
        # An outlet's poll is its pollster's finding (label sets 3-5: every poll is expert).
        ("A CNN/ORC poll out", "expert"),
        ("A Washington Post-ABC News poll", "expert"),
        # An analyst at a firm is quoted for what they know, whatever the field (label set 5).
        ("senior intelligence analyst at CB Insights", "expert"),
        ("an intelligence analyst at the CIA", "government"),
        ("Fox News", "media"),
        # Words added in version 6.
        ("a spokeswoman for the consulate", "government"),
        ("venture capitalist", "business"),
        ("caucus-goers", "citizen"),
        ("the network", "media"),
        ("the major broadcast networks", "media"),
        ("The New Jersey legislature", "politician"),
    ],
)
def test_party_voters_and_bodies_named_after_a_state_version_6(text, role):
    assert RoleLexicon.load().role_in(text) == role


def test_a_party_supporter_in_an_article(scorer):
    # From an AllSides article of label set 5.
    text = ("When Bloomberg Politics’ Mark Halperin asked a focus group of Iowans this summer about Hillary Clinton’s "
            "accomplishments, one Democratic supporter said, “I honestly can’t say I followed along [with] everything "
            "that was going on.”")
    assert _roles(scorer, text)[-1][2] == "citizen"


def test_an_organisation_kind_in_an_article(scorer):
    text = ("The shutdown went on. “More things will be shutting down,” said Jacqueline Simon, policy director for "
            "the American Federation of Government Employees, the largest union of federal workers.")
    assert _roles(scorer, text) == [("Jacqueline Simon", "unknown", "advocacy")]


def test_an_adviser_speaks_in_the_role_of_the_person_named_before_the_title(scorer):
    # From an AllSides article: Phares is in no registry, Trump is known to the registry.
    text = ("Another Trump adviser, Walid Phares, told Middle Eastern diplomats on Wednesday that the "
            "President-elect's bid to improve relations with Russia would help boost stability.")
    assert _roles(scorer, text) == [("Walid Phares", "unknown", "politician")]


@pytest.mark.parametrize(
    ("text", "principal"),
    [("Longtime Trump adviser", "Trump"), ("Romney’s aides", "Romney"), ("an aide to Sen. Pelosi", "Pelosi"),
     ("White House aide", None), ("GOP aides", None), ("Senior Adviser", None)],
)
def test_principal_before_or_after_the_title(text, principal):
    assert RoleLexicon.load().principal(text) == principal


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A relative pronoun speaks for the title or body right before it (AllSides sentences).
        ("The president's suggestion was quickly criticized by groups like the ACLU, which said what he was calling "
         "for was illegal.", "advocacy"),
        ("That claim of authority doesn’t sit well with some in Congress, including many Democrats, who say any "
         "expansion of attacks must be approved.", "politician"),
        # "that" in lower case is a relative pronoun too (label set 5).
        ("The Romney campaign started its version of “Doing Fine” last week, a twist on a 2008 commercial from the "
         "Obama campaign that mocked Senator John McCain for uttering the ill-timed phrase “the fundamentals of our "
         "economy are strong”.", "politician"),
        # Label set 6: the account before "who" is no title, so nothing tells.
        ("The president also retweeted the account @slandinsocal, who posted an image of a train.", "unknown"),
    ],
)
def test_who_and_which_take_the_role_of_the_phrase_before_them(scorer, text, role):
    found = scorer.score(build_document("t", text)).findings
    assert [f.detail["role"] for f in found if f.detail["speaker_text"] in ("who", "which", "that")] == [role]


def test_a_retired_officer_speaks_as_an_expert(scorer):
    # From an AllSides article of label set 6: "Ret." is "retired", and ends no sentence before a title.
    text = ("A sign that Trump's White House trouble could continue: Ret. Vice Adm. Bob Harward turned down the "
            "President's offer to succeed Flynn. In a statement, Harward noted the job would require “24 hours a day, "
            "seven days a week focus and commitment to do it right.”")
    assert _roles(scorer, text)[-1][2] == "expert"


def test_a_title_held_now_comes_before_a_past_capacity():
    from framing.features.attribution.roles import speaker_role

    # Army Secretary Ryan McCarthy, "a former Army Ranger" further on (AllSides, label set 1).
    context = (["a former Army Ranger"], ["Defense Secretary Mark Esper and Army Secretary"])
    assert speaker_role(RoleLexicon.load(), ["McCarthy"], context, kind="person", name="McCarthy") == "government"
    # With no title before the name the past capacity still tells: a former official is expert (rule 4).
    assert speaker_role(RoleLexicon.load(), ["Doe"], (["a former FBI agent"], [""]), kind="person") == "expert"


def test_organisation_kinds_must_read_as_a_role_word(tmp_path):
    bad = tmp_path / "roles.toml"
    bad.write_text('[organisation_kinds]\nmedia = ["Network"]\n\n[[role]]\nrole = "media"\nwords = ["editor"]\n'
                   'note = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"roles.toml, line 2: organisation_kinds.media: its first word 'Network'"):
        RoleLexicon.load(bad)


def test_bad_role_file_lists_are_refused(tmp_path):
    base = '[[role]]\nrole = "media"\nwords = ["editor"]\nnote = "x"\n'
    bad = tmp_path / "roles.toml"
    bad.write_text('party_codes = ["d"]\n' + base, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"roles.toml, line 1: party_codes must be a list of upper-case"):
        RoleLexicon.load(bad)
    bad.write_text('states = ["Iran"]\n' + base, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"roles.toml, line 1: states must be a list of lower-case words"):
        RoleLexicon.load(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname alone is read where the article gives the full name (from AllSides articles, version 3).
        ("“Nature can do it, we cannot,” says virologist Florian Krammer of the Icahn School of Medicine at "
         "Mount Sinai in New York City. In part, Krammer says, “we were lucky.”",
         [("Krammer", "expert")]),
        # A party code in a parenthesis after the full name.
        ("Rand Paul (R-Ky.)\n\nThe libertarian has already opposed Bolton. Paul later predicted that there are "
         "“several potential Republican votes” against either choice.",
         [("Paul", "politician")]),
        # "Another resident," titles the name; ", was driving ... church" is no apposition.
        ("Another resident, Johnnie Langendorff, was driving his truck near the First Baptist Church when he "
         "saw the shooter. Langendorff told The Caller-Times that the man hopped into his vehicle.",
         [("Langendorff", "citizen")]),
        # Poll respondents speak as citizens.
        ("Fifty-eight percent of respondents said the economy was getting worse.",
         [("Fifty-eight percent of respondents", "citizen")]),
        # A pointing word in the plural, owned by a senator named in the source.
        ("Sen. Ted Cruz ran again. Mr. Cruz’s filings show he borrowed the money from Goldman Sachs.",
         [("Mr. Cruz’s filings", "politician")]),
    ],
)
def test_version_3_rules_on_real_sentences(scorer, text, expected):
    found = [(f.detail["speaker"], f.detail["role"]) for f in scorer.score(build_document("t", text)).findings]
    assert found[-len(expected):] == expected


def test_the_president_is_the_one_president_the_article_names(scorer):
    # From an AllSides article: "the president" after a deputy attorney general spoke is Trump, not him.
    text = ("President Trump signed the bill. Deputy Attorney General Rod Rosenstein said the inquiry would go "
            "on. Looking ahead, the president is hoping to cut business and individual tax rates.")
    assert _roles(scorer, text)[-1] == ("Donald Trump", "republican", "politician")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A knowledge title at a company is expert (sentences from AllSides articles, version 4).
        ("“The fiscal cliff is the key driver,” said Ric Spooner, a chief market analyst at CMC Markets in Sydney.",
         [("Ric Spooner", "expert")]),
        ("“It's better than backsliding,” said Patrick O'Keefe, director of economic research at CohnReznick. "
         "“It's not enough for workers to get ahead of inflation,” O'Keefe said.",
         [("Patrick O'Keefe", "expert"), ("Patrick O'Keefe", "expert")]),
        # A name with "of" and a US state is a member of Congress.
        ("Lisa Murkowski of Alaska said she had not decided.", [("Lisa Murkowski", "politician")]),
        # After the state, a description is read too; the "he" that follows is the senator.
        ("“To me, hitting four of the largest banks there would send shock waves,” said Bob Corker of Tennessee, "
         "the ranking Republican on the Senate Foreign Relations Committee.\n\n“What I fear is all we're doing is "
         "tweaking folks,” he said.",
         [("Bob Corker", "politician"), ("Bob Corker", "politician")]),
        # A person with a state's name is no state: "Cairo says" of Alberto Cairo.
        ("“We interpret that as a threshold,” says Alberto Cairo, a professor of visual journalism at the "
         "University of Miami. “Don't go beyond it,” Cairo says.",
         [("Alberto Cairo", "expert"), ("Alberto Cairo", "expert")]),
        # A document is read where the article first names it.
        ("A report by the Treasury inspector general looked at 40 cards. It took a year to write and ran to "
         "two hundred pages, with tables on each card, each purchase and each week of the year that it covered, "
         "and long notes. Both cardholders reported the cards stolen, which the report said it could not verify.",
         [("report", "government")]),
    ],
)
def test_version_4_rules_on_real_sentences(scorer, text, expected):
    found = [(f.detail["speaker"], f.detail["role"]) for f in scorer.score(build_document("t", text)).findings]
    assert found[-len(expected):] == expected


def test_a_bare_number_speaks_as_a_share_of_the_group_before_it():
    doc = build_document("x", "Voters in small towns were asked.\n\nIn metros, 64% said they were certain to vote.")
    start = doc.body.index("64")
    assert pronoun_role(RoleLexicon.load(), doc, (start, start + 2)) == "citizen"


def test_an_apposition_ends_at_a_dash_or_a_relative_clause_and_no_quantifier_opens_one():
    # Fox News (AllSides corpus): what follows "notes Bromund," is what he notes, not who he is.
    doc = build_document("fox", "“The treaty is drafted as if every nation has centralized control of the arms "
                                "industry,” said Ted Bromund, a security policy expert at the conservative Heritage "
                                "Foundation who has followed the arms trade treaty process closely, and who "
                                "believes the U.S. should bail out of the March treaty talks.\n\n"
                                "For one thing, notes Bromund, most nations negotiating the treaty—which include "
                                "Russia, China and Iran—“do not recognize the human right of self-defense.”")
    appositions, _ = person_context(doc, "Ted Bromund")
    assert set(appositions) == {"a security policy expert at the conservative Heritage Foundation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body named after the person who leads it speaks as that body (AllSides, Washington Post).
        ("Trump met Republicans in Congress on Monday. The Trump administration announced changes in December, to "
         "a process known as continuing disability review.",
         [("Trump administration", "government")]),
        # "U.S." does not end the apposition (AllSides, The Hill): the bishops' conference is advocacy.
        ("In the pope's remarks about violent protests, he was quoting Archbishop José H. Gomez, president of the "
         "U.S. Conference of Catholic Bishops, who recently issued a statement condemning Floyd's death.\n\nIn that "
         "statement, Gomez asked, \"How is it possible that in America, a black man's life can be taken from him?\"",
         [("Gomez", "advocacy")]),
        # A relative clause set off by dashes speaks for the name before it (AllSides, BBC).
        ("President Daniel Ortega - who won his third term as leader on Sunday - said he believed \"it is possible "
         "to work with the United States\" on the world's problems.",
         [("Daniel Ortega", "politician")]),
        # A spokesman for a person speaks in that person's role (AllSides, Politico).
        ("House Majority Leader Eric Cantor met the president.\n\n\"No proposed ENLIST amendments to NDAA will be "
         "made in order,\" Doug Heye, a spokesman for Cantor, said in a statement.",
         [("Doug Heye", "politician")]),
        # "they" takes a role word before a plural noun: "Republican leaders" (AllSides, New York Times).
        ("Democrats and the White House disagreed in Congress. The top four Republican leaders in the House and "
         "Senate sent a letter on Friday. They urged Mr. Obama to stop “ignoring the need to address this critical "
         "issue.”",
         [("they", "politician")]),
        # A company's vice president of human resources (AllSides, NPR); the census is the government's.
        ("The heavy investment in robotics and mechanization has raised expectations, said Paul Richard, Shaw's vice "
         "president of human resources.",
         [("Paul Richard", "business")]),
        ("According to the most recent census, Mr. Tipton’s district, which covers nearly the entire western half "
         "of the state, is 24 percent Hispanic.",
         [("most recent census", "government")]),
    ],
)
def test_version_5_rules_on_real_sentences(scorer, text, expected):
    found = [(f.detail["speaker"], f.detail["role"]) for f in scorer.score(build_document("t", text)).findings]
    assert found[-len(expected):] == expected


def test_a_possessive_surname_is_read_where_the_article_names_the_person():
    # AllSides (Washington Times): "Mr. Chaffetz’s speculation" is Rep. Jason Chaffetz speaking.
    doc = build_document("x", "Rep. Jason Chaffetz (R-Utah) chaired the hearing. She could not rebut Mr. Chaffetz’s "
                              "speculation that it could be twice that number.")
    _, before = person_context(doc, "Chaffetz’s")
    assert RoleLexicon.load().title_role(before[0]) == "politician"


def test_a_camp_named_as_a_whole_speaks_through_its_commentators(scorer):
    # AllSides roundup ("The Flip Side"): "The left" is left-leaning commentators.
    text = "From the Left\n\nThe left supports cash payments and argues that even more assistance is necessary."
    assert [f.detail["role"] for f in scorer.score(build_document("t", text)).findings] == ["media"]


def test_an_unnamed_share_speaks_as_the_group_before_it_and_congress_is_no_plural(scorer):
    # AllSides (Washington Times): the 30 percent are voters in a poll, not an anonymous source;
    # "3 percent blame Congress" does not make them politicians.
    text = ("Still, 29 percent of voters blame the White House for mishandling the situation. Another 16 percent "
            "blame the State Department, 5 percent blame the Pentagon and 3 percent blame Congress. A full 30 percent "
            "said nobody was to blame and that the attacks weren’t mishandled.")
    found = [(f.detail["speaker_text"], f.detail["role"]) for f in scorer.score(build_document("t", text)).findings]
    assert ("A full 30 percent", "citizen") in found


@pytest.mark.parametrize(
    ("before", "role"),
    [
        # A generic title takes the role of the body named before it (AllSides: NPR, Fox News, Washington Times).
        ("Des Moines County Democratic Party Co-Chairman Tom", "politician"),
        ("NAACP President Derrick", "advocacy"),
        ("Fed Chairman Jerome", "government"),
        ("Trump campaign spokesman Tim", "politician"),
        ("the personal Gmail account of Clinton's campaign chairman", "politician"),
        # Without a body before it the title keeps its own role.
        ("Russian President Vladimir", "politician"),
        ("White House press secretary Sarah", "government"),
    ],
)
def test_a_generic_title_speaks_for_the_body_before_it(before, role):
    assert RoleLexicon.load().title_role(before) == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative clause that says where the person writes describes them (AllSides, Christian Science Monitor).
        ("\"I don't see that stopping when Obama is no longer president,\" says Steve Sailer, who writes for Unz "
         "Review and Taki's Magazine, both started by alumni of The American Conservative.",
         [("Steve Sailer", "media")]),
        # A relative speaks for themself (AllSides, NPR).
        ("In the arrest warrant, Jefferson’s nephew said his aunt had taken a gun from her purse and pointed it at "
         "the window.",
         [("Jefferson’s nephew", "citizen")]),
    ],
)
def test_workplace_clauses_and_relatives(scorer, text, expected):
    found = [(f.detail["speaker"], f.detail["role"]) for f in scorer.score(build_document("t", text)).findings]
    assert found[-len(expected):] == expected


@pytest.mark.parametrize(("sources", "expected"), [
    # AllSides, 2013-2014: Sessions was a senator and Pompeo a congressman before their cabinet posts.
    (["Sen. Jeff Sessions, R-Ala", "Sessions"], "politician"),
    (["Rep. Mike Pompeo, R-Kan., who was involved in the House report,"], "politician"),
    # The registry's office stands when the article gives that one, or none.
    (["Attorney General Jeff Sessions"], "government"),
    (["Sessions"], "government"),
])
def test_a_legislators_title_in_the_article_outranks_a_later_office_in_the_registry(sources, expected):
    assert speaker_role(RoleLexicon.load(), sources, registry_role="government", kind="person") == expected


# Version 7 (rule 11): found on the errors of label sets 1-7.
@pytest.mark.parametrize(
    ("text", "role"),
    [
        # The extractor finds these cues with no source span: the subject of the sentence made the statement.
        ("Obama, responding to this, announced last week that insurance companies could offer "
         "out-of-compliance plans for another year.", "politician"),
        ("Instead, Mr. Romney softened his rhetoric, promising that his reform of Medicare would not touch "
         "benefits for older Americans. Mitt Romney spoke for an hour.", "politician"),
        ("Germany's foreign minister, Sigmar Gabriel, laced his welcome for Macron with a warning to the French, "
         "saying: \"If he fails, in five years Mrs. Le Pen will be president.\"", "government"),
        ("Historically, companies tend to steer clear of social protest movements, fearing that taking sides "
         "could offend or alienate customers.", "business"),
    ],
)
def test_a_statement_without_a_source_speaks_as_the_subject_of_its_sentence(scorer, text, role):
    findings = scorer.score(build_document("t", text)).findings
    sourceless = [f.detail["role"] for f in findings if f.detail["source_start"] < 0]
    assert sourceless == [role]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body known by its acronym is read where the article spells it out.
        ("If you want proof, look no further than President Obama’s National Labor Relations Board. The NLRB "
         "recently told a U.S. Court of Appeals that employers’ concerns are “irrelevant” under U.S. labor law.",
         "government"),
        # A word for private people in a body's name ("Family") says whom it serves: the kind word decides.
        ("It was organised by the American Family Association. The AFA said the boycott would go on.", "advocacy"),
        # The body before a person's generic title, read where the article names it in full.
        ("A TransAsia Airways plane crashed into a river in Taipei. TransAsia chief Chen Xinde said the "
         "airline would review its procedures.", "business"),
    ],
)
def test_a_short_name_is_read_where_the_article_names_the_body_in_full(scorer, text, expected):
    findings = scorer.score(build_document("t", text)).findings
    short = next(word for word in ("NLRB", "AFA", "TransAsia chief") if word in text)
    assert [f.detail["role"] for f in findings if short in f.detail["speaker_text"]] == [expected]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A place word before a role word says where it acts (rule 12): a party office, a mayor, a governor.
        ("\"We have a lot of enthusiasm,\" said Polk County Democratic Chair Tom Henderson.", "politician"),
        ("New York City Mayor Bill de Blasio said the city would sue.", "politician"),
        ("Bars in California must close, the state's governor said on Sunday.", "politician"),
        # With no role word after it, the place still speaks as its government.
        ("Polk County said the roads would reopen.", "government"),
    ],
)
def test_a_place_word_says_where_the_role_word_after_it_acts(scorer, text, role):
    assert [f.detail["role"] for f in scorer.score(build_document("t", text)).findings] == [role]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Abortion cannot be described as a morally neutral act akin, as philosopher Mary Anne Warren once "
         "suggested, to “cutting one’s hair.”", "expert"),
        ("\"The intelligence was clear,\" said Col. R. Shane Day, Director of the NCMI.", "government"),
        ("Lt. Gen. Michael Flynn said the agency had been too slow.", "government"),
        ("Andrew Waugh, an architect, argued that timber buildings are safe.", "expert"),
        ("\"Russia is testing us,\" said Eugene Rumer, a director at the Carnegie Endowment for International "
         "Peace.", "expert"),
        ("Politicians in both parties said the deal was fragile.", "politician"),
        ("Andrew Hunter of Capital Economics, said China’s move would risk provoking Trump.", "expert"),
    ],
)
def test_version_7_titles_and_organisation_kinds(scorer, text, role):
    assert [f.detail["role"] for f in scorer.score(build_document("t", text)).findings] == [role]


def test_a_generic_title_after_a_body_of_no_role_word_takes_the_role_the_article_gives_the_body():
    from framing.features.attribution.roles import owner_role
    doc = build_document("t", "“They just don’t talk,” said Nicole Neily, president of Speech First, a group that "
                              "fights for free speech on campuses.\n\nThe Speech First president pointed out that "
                              "professors’ reactions can lead to unfair treatment.")
    assert owner_role(RoleLexicon.load(), doc, ["The Speech First president"]) == "advocacy"
    # "The president" names no body: nothing to read.
    assert owner_role(RoleLexicon.load(), doc, ["The president"]) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("American leaders said the emergency justified the measure.", "politician"),
        ("Thailand’s leader said the protests would end.", "politician"),
        ("Creditors and debt collectors say the new rule will raise costs.", "business"),
        ("A former hostage of Islamic State said the group had tortured him.", "citizen"),
    ],
)
def test_version_7_leaders_lenders_and_hostages(scorer, text, role):
    assert [f.detail["role"] for f in scorer.score(build_document("t", text)).findings] == [role]


def test_a_word_for_private_people_opening_a_bodys_name_says_whom_it_serves(scorer):
    text = ("“This is what bullies do when people stand up to them,” said Family Research Council President Tony "
            "Perkins. “They back down.” Perkins told me the response has been overwhelming. “Americans realize "
            "this agenda is not simply about equal rights,” he said.")
    roles = {f.detail["role"] for f in scorer.score(build_document("t", text)).findings}
    assert roles == {"advocacy"}
    # A name that is only the people it serves stays theirs.
    assert RoleLexicon.load().role_in("Families USA") == "citizen"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Veterans Affairs is a department, not veterans speaking.
        ("He appealed, and the VA says it is reviewing his case. The Department of Veterans Affairs declined "
         "to comment further.", "government"),
        # A representative of a body speaks for it: the generic title gives way to the body (rule 3).
        ("Representatives of the company have repeatedly declined to comment.", "business"),
    ],
)
def test_veterans_affairs_and_representatives_of_a_body(scorer, text, role):
    assert scorer.score(build_document("t", text)).findings[0].detail["role"] == role


def test_a_statement_without_a_source_reads_the_title_right_before_a_name_only():
    from framing.features.attribution.pronoun_roles import sourceless_role
    # "women" ends the clause before "Biden", not his title: the registry's Biden speaks.
    doc = build_document("t", "As more and more women came forward, Biden eventually addressed the controversy, "
                              "vowing to be \"more mindful about respecting personal space.\" Joe Biden spoke.")
    known = {"Biden": "politician"}.get
    assert sourceless_role(RoleLexicon.load(), doc, doc.body.index("vowing"), lambda n: known(n, "")) == "politician"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # An outlet's kind after its name: "The State" is a newspaper, not a state (version 8).
        ('"House Majority Leader Bruce Bannister said lawmakers have several proposals," The State newspaper '
         'reports, "but he did not know whether any of them had enough backing to pass."', "media"),
        # The span stops at the name; the supporters hoped, not O'Rourke.
        ("Many O’Rourke supporters, in Texas and around the country, had hoped that he would turn his sights "
         "in 2020 on Sen. John Cornyn.", "citizen"),
        # Organisation kinds of version 8: an "Action" or a "Project" named with its cause is a group.
        ("“The real issue is a lack of consensus within the Republican Party in the Senate,” said Dan Holler, "
         "vice president at Heritage Action for America.", "advocacy"),
        # A past capacity in the source phrase gives way to what the person does now.
        ("Former senior Republican Senate aide Mike Davis, who runs a group called the Article III Project that he "
         "set up to support Trump’s judicial nominations, said he would expect Republicans to be energized.",
         "advocacy"),
    ],
)
def test_version_8_outlets_supporters_groups_and_past_capacities(scorer, text, role):
    assert scorer.score(build_document("t", text)).findings[0].detail["role"] == role


def test_the_articles_campaign_title_outranks_a_later_office_in_the_registry():
    # The registry has Kellyanne Conway as government (the White House); in 2016 she ran Trump's campaign.
    lexicon = RoleLexicon.load()
    context = ([], ["Trump’s campaign manager", "Trump’s campaign manager Kellyanne"])
    assert speaker_role(lexicon, ["Conway"], context, registry_role="government", kind="person") == "politician"
    # An institution's mentions are no titles of it: the White House stays government.
    context = ([], ["But congressional leaders and the"])
    assert speaker_role(lexicon, ["the White House"], context, registry_role="government",
                        kind="institution") == "government"


def test_a_statement_without_a_source_is_not_the_listeners():
    from framing.features.attribution.pronoun_roles import sourceless_role
    doc = build_document("t", "Rep. Jason Chaffetz wants the job. On “Fox News Sunday,” Chaffetz told Chris Wallace "
                              "that he has been recruited to run for speaker, but declined to say who asked him.")
    known = {"Chris Wallace": "media"}.get
    at = doc.body.index("declined")
    assert sourceless_role(RoleLexicon.load(), doc, at, lambda n: known(n, "")) == "politician"


def test_we_in_a_passage_quoted_after_a_colon_is_its_writers_not_the_articles():
    lexicon = RoleLexicon.load()
    text = ("As sitting Republican governors, Jindal and Walker offer a unique perspective, arguing that the law "
            "is increasing medical costs:\n\nGovernors have firsthand experience. We know how important it is to "
            "care for our most vulnerable citizens.")
    doc = build_document("t", text)
    at = doc.body.index("We know")
    assert pronoun_role(lexicon, doc, (at, at + 2)) == "politician"
    # A colon that opens the writer's own account leaves "we" the writer's.
    doc = build_document("t", "The president sat down with our editorial board for a discussion:\n\nWe asked him "
                              "about jobs.")
    at = doc.body.index("We asked")
    assert pronoun_role(lexicon, doc, (at, at + 2)) == "media"


def test_a_comma_inside_a_places_name_does_not_end_an_apposition():
    doc = build_document("t", '"We\'re not law enforcement officials," said Shahed Amanullah, a Washington, D.C.-based '
                              "American Muslim entrepreneur with Silicon Valley connections.")
    appositions, _ = mention_context(doc, "Shahed Amanullah")
    assert appositions == ["a Washington, D.C.-based American Muslim entrepreneur with Silicon Valley connections"]
    assert speaker_role(RoleLexicon.load(), ["Shahed Amanullah"], (appositions, []), kind="person") == "business"


def test_customs_and_border_protection_is_a_government_body():
    assert RoleLexicon.load().role_in("U.S. Customs and Border Protection") == "government"


def test_a_span_that_stops_on_a_possessive_speaks_as_the_person_named():
    doc = build_document("t", "Republican presidential candidate Donald Trump spoke. Trump’s evolving views on "
                              "abortion drew fire.")
    at = doc.body.index("Trump’s evolving")
    assert pronoun_role(RoleLexicon.load(), doc, (at, at + len("Trump’s evolving"))) == "politician"


@pytest.mark.parametrize(("text", "speaker", "role"), [
    # A review of roles.toml version 8 on the first 2,000 AllSides articles: Barr (whose given name "Bill" was
    # read as a bill before Congress), Kavanaugh ("Supreme Court nominee") and Rhodes (another's title in his
    # apposition) had become politicians; appointees and courts are government.
    ("Trump met Pelosi. Attorney General Bill Barr said the report cleared the president.", "William Barr",
     "government"),
    ("Trump met Pelosi. Supreme Court nominee Brett Kavanaugh said he had never assaulted anyone.",
     "Brett Kavanaugh", "government"),
    ("Trump met Pelosi. Valerie Jarrett, a top adviser to former President Barack Obama, said the deal held.",
     "Valerie Jarrett", "government"),
    # ... while a party's nominee is a politician, and so is a senator the registry knows as attorney general.
    ("Trump met Pelosi. Democratic nominee Hillary Clinton said the race was close.", "Hillary Clinton",
     "politician"),
    ("Obama met Reid. Sen. Jeff Sessions said the bill would fail.", "Jeff Sessions", "politician"),
])
def test_an_office_held_now_decides_over_a_title_read_in_a_name_or_anothers(scorer, text, speaker, role):
    assert (speaker, role) in [(s, r) for s, _, r in _roles(scorer, text)]


def test_a_past_office_gives_way_only_to_a_title_held_now_not_to_anothers():
    # Review of roles.toml version 8: "a key figure with firsthand knowledge of President Donald Trump's
    # efforts" is no office McGahn holds; a former government title makes him expert (rule 4).
    text = ("Trump met Pelosi. Former White House counsel Donald McGahn, a key figure with firsthand knowledge of "
            "President Donald Trump's alleged efforts, said he would testify.")
    assert [r for s, _, r in _roles(AttributionScorer(), text) if s == "Donald McGahn"] == ["expert"]
