"""Is a text English?  Share of frequent English function words, with a rule for very short texts."""

import pytest

from framing.document.language import english_share, is_english
from framing.document.parse import build_document


def words(text: str) -> tuple[str, ...]:
    """The lower-cased word tokens, as the pipeline hands them to the language check."""
    return build_document("t", text).tokens


@pytest.mark.parametrize(("text", "english"), [
    # English news prose: 7 of 21 words are function words (has with said in an with on)
    ("Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said in an "
     "interview with state media on Monday.", True),
    ("Россия прекратила всё сотрудничество с НАТО, заявил в понедельник заместитель министра иностранных дел "
     "Александр Грушко.", False),
    # German: only "in" of 23 words is on the English list
    ("Russland hat die gesamte Zusammenarbeit mit der NATO eingestellt, sagte der stellvertretende Außenminister "
     "Alexander Gruschko am Montag in einem Interview mit staatlichen Medien.", False),
    # 8 words, 1 function word ("and"): 0.125, just over the 0.12 threshold
    ("Moscow: Cooperation between Russia and NATO completely over", True),
    # 10 words, none on the list: a headline in English still reads as not English
    ("Military & civil cooperation between Moscow & NATO nonexistent – Russian deputy FM", False),
])
def test_is_english_on_news_text(text, english):
    assert is_english(words(text)) is english


@pytest.mark.parametrize(("text", "english"), [
    # Under 8 words: Latin letters get the benefit of the doubt, whatever the language
    ("Talks fail", True),
    ("Gespräche gescheitert", True),  # 1 non-ASCII letter of 20
    ("Переговоры провалились", False),
    ("Café crème", False),  # 2 of 9 letters are not ASCII
    ("", False),
])
def test_is_english_on_short_texts(text, english):
    assert is_english(words(text)) is english


def test_is_english_lower_cases_its_tokens_but_english_share_expects_them_lower():
    tokens = "THE TALKS WITH RUSSIA AND NATO WERE SUSPENDED".split()
    assert english_share(tokens) == 0.0
    assert english_share([t.lower() for t in tokens]) == 0.5  # the, with, and, were of 8
    assert is_english(tokens) is True


@pytest.mark.parametrize(("text", "share"), [
    ("the talks with russia and nato", 0.5),  # the, with, and
    ("Moscow: Cooperation between Russia and NATO completely over", 0.125),
    ("Россия прекратила сотрудничество с НАТО", 0.0),
    ("", 0.0),
])
def test_english_share(text, share):
    assert english_share(words(text)) == share
