from framing.document.parse import build_document
from framing.run.dedupe import DuplicateIndex, signature


def test_wire_story_reprinted_with_a_changed_sentence_is_a_near_duplicate(seed_texts):
    text = seed_texts["004_f3d4c5d178d2a1ea"]
    edited = text.replace("He expressed regret that NATO missed chances", "He regretted that NATO had missed chances")
    index = DuplicateIndex()
    assert index.check("tass", "TASS", signature(build_document("a", text).tokens)) is None
    found = index.check("copy", "Other", signature(build_document("b", edited).tokens))
    assert found.of == "tass" and found.kind == "near" and found.similarity >= 0.8 and not found.same_outlet


def test_exact_copy_and_different_articles(seed_texts):
    index = DuplicateIndex()
    tokens = {k: build_document(k, v).tokens for k, v in seed_texts.items()}
    results = [index.check(k, "X", signature(t)) for k, t in tokens.items()]
    assert results == [None] * 5  # the five seeds are different stories
    again = index.check("again", "X", signature(tokens["000_ba4c7e0c4217ab86"]))
    assert (again.of, again.kind, again.same_outlet) == ("000_ba4c7e0c4217ab86", "exact", True)


def test_a_third_reprint_is_matched_with_the_closest_of_the_two_before(seed_texts):
    # The first and second copies share most band values, so the index lists both under them;
    # the third copy differs from the first at its end only, from the second at both ends.
    text = seed_texts["004_f3d4c5d178d2a1ea"]
    words = build_document("a", text).tokens
    second = ("breaking", "news", *words[2:])
    third = (*words[:-2], "he", "added")
    index = DuplicateIndex()
    assert index.check("first", "TASS", signature(words)) is None
    assert index.check("second", "RT", signature(second)).of == "first"
    found = index.check("third", "TASS", signature(third))
    assert (found.of, found.kind, found.same_outlet) == ("first", "near", True)
