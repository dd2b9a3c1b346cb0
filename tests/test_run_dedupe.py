import random

import numpy as np

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


def test_the_index_finds_what_comparing_every_pair_finds(seed_texts):
    # Reprints of the seeds with a few words changed each: the banded index must name, for each, the
    # earlier article a comparison with every earlier one names (most similar, first of equals).
    rng = random.Random(7)
    index = DuplicateIndex()
    kept = []  # (id, signature) of the articles the index added: those that repeat no text exactly
    n_near = 0
    for key, text in seed_texts.items():
        words = list(build_document(key, text).tokens)
        for copy in range(8):
            edited = list(words)
            for _ in range(rng.randrange(0, 12)):
                edited[rng.randrange(len(edited))] = rng.choice(["nato", "said", "kremlin"])
            sig = signature(edited)
            found = index.check(f"{key}-{copy}", "RT", sig)
            expected = _compared_with_all(sig, kept)
            assert ((found.of, found.kind) if found else None) == expected
            n_near += expected is not None and expected[1] == "near"
            if expected is None or expected[1] == "near":
                kept.append((f"{key}-{copy}", sig))
    index.close()
    assert n_near >= 20


def _compared_with_all(sig, kept):
    """What comparing with every kept article gives: the same text, else the most similar from 0.8."""
    exact = [article_id for article_id, other in kept if other.digest == sig.digest]
    if exact:
        return exact[0], "exact"
    values = np.frombuffer(sig.minhash, dtype="<u8")
    best = None
    for article_id, other in kept:
        similarity = int((np.frombuffer(other.minhash, dtype="<u8") == values).sum()) / len(values)
        if similarity >= 0.8 and (best is None or similarity > best[0]):
            best = (similarity, article_id)
    return (best[1], "near") if best else None
