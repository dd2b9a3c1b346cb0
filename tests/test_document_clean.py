from framing.document.clean import clean_text
from framing.document.parse import build_document


def removed(result):
    return [(r.reason, r.text) for r in result.removed]


def test_fort_russ_newsletter_and_comment_widget_removed(seed_texts):
    title = "Moscow: Cooperation between Russia and NATO completely over"
    result = clean_text(seed_texts["001_6d2487ecfb3683dc"], title)
    assert removed(result) == [
        ("headline", "Moscow: Cooperation between Russia and NATO completely over"),
        ("newsletter", "Subscribe to our newsletter"),
        ("newsletter", "Sign up here to get the latest news, updates and special offers delivered directly "
                       "to your inbox."),
        ("comment widget", "Notify of"),
        ("comment widget", "Inline Feedbacks"),
        ("comment widget", "View all comments"),
        ("comment widget", "Would love your thoughts, please comment.x"),
    ]
    assert result.body.endswith("concluded the diplomat.")


def test_moscow_times_furniture_removed_and_links_unwrapped(seed_texts):
    result = clean_text(seed_texts["002_f00be18f7071aa6d"])
    reasons = [r for r, _ in removed(result)]
    assert reasons == ["headline", "date line", "photo credit", "related-article link", "source link",
                       "link-only line"]
    assert result.title == "Russia Has Ceased 'All' Cooperation With NATO, Foreign Ministry Official Says"
    assert "[suspended](#)" not in result.body and "The Western alliance suspended military" in result.body


def test_tass_navigation_headline_and_photo_caption(seed_texts):
    result = clean_text(seed_texts["004_f3d4c5d178d2a1ea"])
    assert removed(result)[:4] == [
        ("navigation", "All news"),
        ("headline", "NATO’s declared readiness to work with Russia runs counter to practical deeds — diplomat"),
        ("photo credit", "Russian Deputy Foreign Minister Alexander Grushko  EPA/OLIVIER HOSLET"),
        ("photo caption", "Russian Deputy Foreign Minister Alexander Grushko"),
    ]
    assert result.body.startswith("MOSCOW, February 16. /TASS/.")
    # The subheading inside the article is text, not furniture.
    assert "NATO says ready to resume Russia-NATO Council’s work" in result.body


def test_fort_russ_comments_and_rt_credit(seed_texts):
    result = clean_text(seed_texts["003_c93ca4cd981dbd98"],
                        "Relations between Russia and NATO are worsening and threaten global security")
    assert [r for r, _ in removed(result)] == ["headline", "comment widget", "comment widget"]
    rt = clean_text(seed_texts["000_ba4c7e0c4217ab86"], "Military & civil cooperation between Moscow & NATO")
    assert removed(rt) == [("topic tags", "nato russia"), ("photo credit", "© Global Look Press / imago stock&people")]
    assert rt.body.startswith("NATO has reverted to Cold War behavior")


def test_only_boilerplate_leaves_an_empty_body():
    result = clean_text("Subscribe to our newsletter\nComments (0)\nhttps://example.com/x\n")
    assert result.body == "" and len(result.removed) == 3


def test_rules_apply_in_order_with_their_own_case_setting():
    import re

    from framing.document.rule_set import Rule

    rules = (Rule("newsletter", re.compile(r"(?:sign up.*)\Z", re.IGNORECASE)),
             Rule("shouting", re.compile(r"(?:[A-Z ]+)\Z")),
             Rule("any sign", re.compile(r"(?:sign.*)\Z", re.IGNORECASE)))
    raw = "SIGN UP NOW\nBREAKING NEWS\nbreaking news today.\nSign here.\nThe talks resumed."
    removed = [(r.text, r.reason) for r in clean_text(raw, rules=rules).removed]
    # The first matching rule names the reason; "shouting" is case-sensitive.
    assert removed == [("SIGN UP NOW", "newsletter"), ("BREAKING NEWS", "shouting"), ("Sign here.", "any sign")]


def test_a_rule_with_a_backreference_still_matches():
    import re

    from framing.document.rule_set import Rule

    rules = (Rule("doubled word", re.compile(r"(?:(\w+) \1)\Z", re.IGNORECASE)),)
    removed = [r.text for r in clean_text("menu menu\nThe talks resumed.", rules=rules).removed]
    assert removed == ["menu menu"]


def test_sentences_that_lost_their_space_are_read_as_two():
    # As scraped in the AllSides corpus: the quotation's full stop runs into the next sentence.
    raw = ('Instead, we are led to believe that their climate models are close to perfection," assert the '
           'scientists.The 829-page NCA report was released on May 6 and was characterized as "the most '
           'comprehensive report ever generated."The administration seized on the findings.\n'
           "Read more at facebook.com/Warner.Todd.Huston or www.Example.Org/News.Today\n")
    body = clean_text(raw).body
    assert "scientists. The 829-page" in body and 'generated." The administration' in body
    assert "facebook.com/Warner.Todd.Huston" in body and "www.Example.Org/News.Today" in body
    document = build_document("x", body)
    assert [s.text.split()[0] for s in document.sentences] == ["Instead,", "The", "The", "Read"]


def test_a_lost_space_before_a_quote_that_opens_the_next_sentence_goes_before_the_mark():
    # Newsmax (AllSides): the quotation mark opens Obama's words; read as closing, it had paired every
    # later mark of the paragraph the wrong way round.
    raw = ("Obama accused the Republicans of playing politics by continuing to attack Obamacare.\"Republicans in "
           "the House voted for nearly the 40th time to dismantle it,\" Obama said.")
    body = clean_text(raw).body
    assert 'Obamacare. "Republicans in the House' in body
    assert [q.text for q in build_document("x", body).quotes] == [
        "Republicans in the House voted for nearly the 40th time to dismantle it,"]


def test_a_related_article_link_inside_a_paragraph_is_cut_and_logged():
    # The Daily Caller (AllSides corpus): the link follows a sentence on the same line.
    text = ("Andrew McCabe was fired after the inspector general found that he lacked candor during "
            "interviews. (RELATED: DOJ Watchdog Puts Final Nail In Steele Dossier Coffin)\n\n"
            "Peter Strzok, the former deputy chief of counterintelligence, was fired (related to the texts).")
    result = clean_text(text, "McCabe fired")
    assert result.body == ("Andrew McCabe was fired after the inspector general found that he lacked candor during "
                           "interviews.\n\nPeter Strzok, the former deputy chief of counterintelligence, was fired "
                           "(related to the texts).")
    assert [(r.reason, r.text) for r in result.removed] == [
        ("related-article link", "(RELATED: DOJ Watchdog Puts Final Nail In Steele Dossier Coffin)")]


# Real text from the AllSides article set (ramybaly/Article-Bias-Prediction): a New York Times
# podcast transcript ("The Daily", 6 February 2019), shortened.
DAILY_TRANSCRIPT = """michael barbaro

From The New York Times, I’m Michael Barbaro. This is “The Daily.” It’s Wednesday, February 6. Mark?

mark landler

Yeah, Michael?

michael barbaro

Hey.

mark landler

And the president is really forced to conduct a very public reset of his presidency. [AUDIO PLAYBACK]

archived recording (president bill clinton)

Mr. President, Mr. Speaker. [END PLAYBACK]

mark landler

It’s not a unique situation, by any stretch. [AUDIO PLAYBACK] ARCHIVED RECORDING (PRESIDENT GEORGE W. BUSH): \
Madame Speaker, Vice President Cheney, members of Congress. [END PLAYBACK]

michael barbaro

[MUSIC] Here’s what else you need to know today."""


def test_transcript_labels_and_stage_directions_are_page_furniture():
    result = clean_text(DAILY_TRANSCRIPT, "The State of the Union")
    assert "barbaro\n" not in result.body and "landler" not in result.body
    assert "PLAYBACK" not in result.body and "MUSIC" not in result.body
    assert "RECORDING" not in result.body and "archived recording" not in result.body
    assert "It’s not a unique situation, by any stretch. Madame Speaker, Vice President Cheney" in result.body
    assert "Mr. President, Mr. Speaker." in result.body and "I’m Michael Barbaro." in result.body
    reasons = dict((text, reason) for reason, text in removed(result))
    assert reasons["michael barbaro"] == reasons["mark landler"] == "repeated label line"
    assert reasons["archived recording (president bill clinton)"] == "transcript speaker label"
    assert reasons["ARCHIVED RECORDING (PRESIDENT GEORGE W. BUSH):"] == "transcript speaker label"
    assert reasons["[AUDIO PLAYBACK]"] == reasons["[MUSIC]"] == "transcript stage direction"


def test_a_headline_in_capitals_is_page_furniture_but_a_label_or_question_stays():
    # Fox News links another story between paragraphs; its verb had been read as the outlet's report.
    text = ("Iran shot down the plane, officials said.\n\n"
            "SAUDI OIL ATTACKS ARE AN 'ACT OF WAR' BY IRAN, POMPEO SAYS\n\n"
            "The aircraft was heading to Kiev.\n\n"
            "AMY GOODMAN: WE ARE JOINED NOW BY OUR GUEST TODAY\n\n"
            "“NO COLLUSION, NO OBSTRUCTION, COMPLETE AND TOTAL EXONERATION”\n\n"
            "U.S. TROOPS WILL LEAVE SYRIA BY END OF YEAR, TRUMP SAYS\n\n"
            "WHY DOESN’T WASHINGTON DO SOMETHING ABOUT IT?")
    result = clean_text(text, "t")
    assert "POMPEO SAYS" not in result.body and "AMY GOODMAN" in result.body and "WASHINGTON DO" in result.body
    assert "EXONERATION" in result.body  # a quotation in capitals (a tweet) stays
    assert [reason for reason, _ in removed(result)] == ["headline in capitals"] * 2


def test_writers_insertion_in_brackets_stays():
    text = 'He said they "have no plan for [DACA]" and added that "[the president] will decide."'
    assert clean_text(text, "t").body == text


def test_credit_lines_and_web_addresses_are_page_furniture():
    text = ("Obama also gave Geithner a send-off at the White House.\n\n"
            "The local authorities did a really good job of finding at least the two guys involved.\" "
            "http://abcn.ws/10CbAVK\n\n"
            "Fox News' Chad Pergram, Fox Business' Rich Edson and the Associated Press contributed to this report.\n\n"
            "John H. Cushman Jr. contributed reporting from Washington; Adam Nagourney from Los Angeles.\n\n"
            "Read the full story")
    result = clean_text(text, "t")
    assert result.body == ("Obama also gave Geithner a send-off at the White House.\n\n"
                           "The local authorities did a really good job of finding at least the two guys involved.\"")
    assert [reason for reason, _ in removed(result)] == ["web address", "credit line", "credit line", "link prompt"]


def test_markdown_link_target_is_not_cut_as_a_web_address():
    result = clean_text("He wrote [a letter](https://example.com/letter) to them.", "t")
    assert result.body == "He wrote a letter to them."


def test_reuters_caption_with_its_credit_in_capitals_is_a_photo_credit():
    # AllSides, Reuters: the caption and its credit on one line, above the story.
    caption = ("U.S. President Donald Trump makes an announcement about U.S. trade relations with China and Hong Kong "
               "in the Rose Garden of the White House in Washington, U.S., May 29, 2020. REUTERS/Jonathan Ernst")
    result = clean_text(caption + "\n\nSAN FRANCISCO (Reuters Breakingviews) - U.S. sanctions would rise.", "t")
    assert removed(result) == [("photo credit", caption)]


def test_a_columns_opinion_disclaimer_is_page_furniture():
    # AllSides corpus: Townhall's first line, CNN's closing author note; Fox News' sentence is news.
    raw = ("The opinions expressed by columnists are their own and do not represent the views of Townhall.com.\n\n"
           "At deadline, the presidential race hadn't been definitively called.\n\n"
           "The opinions expressed by white supremacists, neo-Nazis and the Ku Klux Klan are repugnant.\n\n"
           "Tara Setmayer is a CNN political commentator. The opinions expressed in this commentary are hers.\n")
    result = clean_text(raw)
    assert [r.reason for r in result.removed] == ["opinion disclaimer", "opinion disclaimer"]
    assert "Townhall.com" not in result.body and "are hers" not in result.body
    assert "are repugnant." in result.body and "Tara Setmayer is a CNN political commentator." in result.body


def test_news_sentences_near_credit_words_brackets_and_views_stay():
    # Sentences that share words with page furniture but are news (the first and third from review of
    # the rules; "Music Modernization Act" is a law's name in a quote).
    text = ("Rising costs contributed to the report's delay, officials said.\n\n"
            "Obama spoke on Tuesday. Reuters contributed to this report.\n\n"
            'He said "the [Music Modernization Act] passed."\n\n'
            "Republicans said the views expressed in the memo are those of a few staffers.")
    result = clean_text(text)
    assert result.body == text and result.removed == []


# Lines a rule with `contains_any` removes (from the AllSides corpus and the rules' own comments):
# each holds one of its literals, so the filter in front of the rule keeps them.
FILTERED_RULE_LINES = [
    "A protester in Kiev. EPA/SERGEY DOLZHENKO",
    "The march on Saturday. (CC BY 2.0) / Flickr",
    "Photo: Getty Images",
    "JUST WATCHED Trump speaks Replay More Videos ... MUST WATCH Trump speaks 03:33",
    "Media playback is unsupported on your device",
    "Photos: 20 March on Washington moments Hide Caption 3 of 16",
    "The crowd at the rally | AP Photos",
    "The Associated Press contributed to this report.",
    "John H. Cushman Jr. contributed reporting from Washington.",
]


def test_a_filtered_rule_still_removes_its_lines():
    from framing.document.clean import normalise, packaged_rules
    from framing.document.rule_set import Rule

    rules = packaged_rules()
    assert any(rule.contains_any for rule in rules)
    unfiltered = tuple(Rule(rule.reason, rule.pattern) for rule in rules)
    for line in FILTERED_RULE_LINES:
        ours, plain = clean_text(line + "\nThe talks resumed.", rules=rules), clean_text(
            line + "\nThe talks resumed.", rules=unfiltered)
        assert removed(ours) == removed(plain) and removed(ours)[0][1] == normalise(line), line


def test_the_filter_skips_no_line_the_rules_remove_in_the_seeds(seed_texts):
    from framing.document.clean import packaged_rules
    from framing.document.rule_set import Rule

    unfiltered = tuple(Rule(rule.reason, rule.pattern) for rule in packaged_rules())
    for text in seed_texts.values():
        assert removed(clean_text(text)) == removed(clean_text(text, rules=unfiltered))


def test_a_letter_that_case_folds_past_lower_still_reaches_its_rule():
    import re

    from framing.document.rule_set import Rule

    # Case-insensitively "ſ" (long s) matches "s", but "ſtaff".lower() does not hold "staff".
    rules = (Rule("staff line", re.compile(r"(?:.*\bstaff\b.*)\Z", re.IGNORECASE), ("staff",)),)
    assert removed(clean_text("By ſtaff\nThe talks resumed.", rules=rules)) == [("staff line", "By ſtaff")]
    assert removed(clean_text("By our reporter\nThe talks resumed.", rules=rules)) == []
