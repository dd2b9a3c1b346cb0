"""Summarising evidence records per group: terms and their voice, speakers, tone extremes, cleaning."""

from __future__ import annotations

import json
from collections import Counter

from framing.compare.summaries import read_evidence, summarise

GRUSHKO = "Alexander Grushko"
SENTENCE = "NATO has reverted to Cold War behavior, the Russian deputy FM says."


def record(article: str, family: str, kind: str, text: str, sentence_index: int = 0, **detail) -> dict:
    """An evidence record as ``Finding.to_record`` writes it."""
    return {"id": article, "outlet": "", "family": family, "kind": kind, "text": text,
            "sentence": SENTENCE, "sentence_index": sentence_index, "start": 0, "end": len(text),
            "detail": detail}


def term(article: str, variant: str, voice: str, sentence_index: int = 0) -> dict:
    return record(article, "lexicon", "contested_term", variant, sentence_index, pack="russia_ukraine_nato",
                  concept="crimea_2014", side="russia", variant=variant, voice=voice)


def test_read_evidence_skips_blank_lines(tmp_path):
    path = tmp_path / "evidence.jsonl"
    first, second = term("rt1", "reunification", "own"), term("rt1", "accession", "quoted")
    path.write_text(f"{json.dumps(first)}\n\n{json.dumps(second)}\n  \n", encoding="utf-8")
    assert list(read_evidence(path)) == [first, second]


def test_only_counted_articles_with_a_group_are_summarised():
    records = [term("rt1", "reunification", "own"), term("rt2", "reunification", "own"),
               term("mt1", "reunification", "quoted"), term("stray", "reunification", "own")]
    groups = summarise(records, {"rt1": "RT", "rt2": "RT", "mt1": "The Moscow Times"}, {"rt2": False})
    assert sorted(groups) == ["RT", "The Moscow Times"]
    key = ("russia_ukraine_nato", "crimea_2014", "reunification", "russia")
    assert groups["RT"].terms[key].voices == Counter({"own": 1})  # rt2 is not counted
    assert groups["The Moscow Times"].terms[key].voices == Counter({"quoted": 1})


def test_a_term_counts_its_voices_and_keeps_three_examples():
    records = [term("rt1", "reunification", voice, index)
               for index, voice in enumerate(["own", "own", "quoted", "scare_quote"])]
    key = ("russia_ukraine_nato", "crimea_2014", "reunification", "russia")
    use = summarise(records, {"rt1": "RT"}, {})["RT"].terms[key]
    assert (use.side, use.total) == ("russia", 4)
    assert use.voices == Counter({"own": 2, "quoted": 1, "scare_quote": 1})
    assert [(e["sentence_index"], e["voice"]) for e in use.examples] == [(0, "own"), (1, "own"), (2, "quoted")]


def test_a_sentence_using_a_term_twice_is_one_example():
    # AllSides: "… push their anti-abortion agenda … President Trump’s anti-abortion agenda" had been
    # shown twice, one line under the other.
    records = [term("a1", "reunification", "quoted", 3), term("a1", "reunification", "quoted", 3),
               term("a1", "reunification", "own", 5)]
    key = ("russia_ukraine_nato", "crimea_2014", "reunification", "russia")
    use = summarise(records, {"a1": "RT"}, {})["RT"].terms[key]
    assert use.total == 3 and [e["sentence_index"] for e in use.examples] == [3, 5]


def test_scare_quotes_are_counted_by_their_lower_case_phrase():
    records = [record("rt1", "lexicon", "scare_quote", " Russian threat "),
               record("rt1", "lexicon", "scare_quote", "Russian Threat", 4)]
    evidence = summarise(records, {"rt1": "RT"}, {})["RT"]
    assert evidence.scare_quotes == Counter({"russian threat": 2})
    assert evidence.scare_examples["russian threat"]["text"] == " Russian threat "  # the first one


def test_speakers_their_verbs_and_the_first_voice_of_each_article():
    def said(article, kind, speaker, side, verb, verb_class):
        return record(article, "attribution", kind, "NATO has reverted to Cold War behavior", speaker=speaker,
                      side=side, verb=verb, cue=verb, verb_class=verb_class, named=True)

    records = [said("rt1", "indirect", GRUSHKO, "russia_gov", "say", "neutral"),
               said("rt1", "direct", GRUSHKO, "russia_gov", "state", "neutral"),
               said("rt1", "direct", "Jens Stoltenberg", "nato", "claim", "doubt"),
               said("rt2", "mixed", "Jens Stoltenberg", "nato", "", "")]
    evidence = summarise(records, {"rt1": "RT", "rt2": "RT"}, {})["RT"]
    grushko = evidence.speakers[GRUSHKO]
    assert (grushko.side, grushko.named, grushko.total) == ("russia_gov", True, 2)
    assert grushko.kinds == Counter({"indirect": 1, "direct": 1})
    assert grushko.verbs == Counter({"say": 1, "state": 1})
    assert evidence.speakers["Jens Stoltenberg"].verbs == Counter({"claim": 1})  # no verb: not counted
    assert evidence.side_verbs == Counter({("russia_gov", "neutral"): 2, ("nato", "doubt"): 1,
                                          ("nato", "unclassified"): 1})
    assert evidence.first_voices == Counter({"russia_gov": 1, "nato": 1})  # rt1 opens with Grushko
    assert len(evidence.attributions) == 4


def test_the_three_most_negative_and_most_positive_sentences_are_kept():
    tones = [-0.2, -0.9, -0.5, -0.7]
    records = [record("rt1", "sentiment", "most_negative", SENTENCE, index, compound=score)
               for index, score in enumerate(tones)]
    records += [record("rt1", "sentiment", "most_positive", SENTENCE, 9, compound=0.59),
                record("rt1", "sentiment", "most_positive", SENTENCE, 8, compound=0.12)]
    evidence = summarise(records, {"rt1": "RT"}, {})["RT"]
    assert [(e["score"], e["sentence_index"]) for e in evidence.negative] == [(-0.9, 1), (-0.7, 3), (-0.5, 2)]
    assert [e["score"] for e in evidence.positive] == [0.59, 0.12]


def test_tone_toward_a_target_keeps_one_entry_per_sentence_at_its_extreme():
    def tone(index, score):
        return record("rt1", "sentiment", "target_tone", "NATO", index, target="nato", score=score)

    records = [tone(0, -0.3), tone(0, -0.6), tone(1, -0.1), tone(2, 0.4), tone(3, 0.0)]
    buckets = summarise(records, {"rt1": "RT"}, {})["RT"].targets["nato"]
    assert [(e["sentence_index"], e["score"]) for e in buckets["negative"]] == [(0, -0.6), (1, -0.1)]
    assert [(e["sentence_index"], e["score"]) for e in buckets["positive"]] == [(2, 0.4)]  # 0.0 is neither


def test_loaded_language_cleaning_and_language_notes():
    records = [record("rt1", "loaded", "so_called", f"so-called {word}", index)
               for index, word in enumerate(["republic", "threat", "experts", "referendum"])]
    records += [record("rt1", "cleaning", "photo credit", "© Global Look Press", line=2),
                record("ria1", "language", "skipped", "not English",
                       note="not English: the English-only measures were not computed")]
    evidence = summarise(records, {"rt1": "RT", "ria1": "RT"}, {})["RT"]
    assert evidence.loaded == Counter({"so_called": 4})
    assert [e["text"] for e in evidence.loaded_examples["so_called"]] == [
        "so-called republic", "so-called threat", "so-called experts"]
    assert evidence.cleaning == {"rt1": [{"reason": "photo credit", "text": "© Global Look Press", "line": 2}]}
    assert evidence.notes == [{"id": "ria1", "note": "not English: the English-only measures were not computed"}]


def test_flagged_sentences_keep_the_most_probable_with_their_spans():
    records = [record("rt1", "loaded", "loaded_sentence", "Cold, War", index, probability=p,
                      words=["Cold", "War"], spans=[[21, 25], [26, 29]])
               for index, p in enumerate([0.6, 0.9, 0.7, 0.95])]
    evidence = summarise(records, {"rt1": "RT"}, {})["RT"]
    assert evidence.loaded == Counter({"loaded_sentence": 4})
    examples = evidence.loaded_examples["loaded_sentence"]
    assert [(e["probability"], e["sentence_index"]) for e in examples] == [(0.95, 3), (0.9, 1), (0.7, 2)]
    assert examples[0]["spans"] == [[21, 25], [26, 29]]


def test_only_statements_alignment_can_use_are_kept_for_it():
    named = record("a", "attribution", "direct", "NATO has gone too far", speaker="Alexander Grushko",
                   named=True, speaker_kind="person", speaker_text="Grushko")
    vague = record("a", "attribution", "indirect", "talks were over", 1, speaker="they", named=False,
                   speaker_kind="unresolved", speaker_text="they")
    evidence = summarise([named, vague], {"a": "RT"}, {})["RT"]
    assert [r["text"] for r in evidence.attributions] == ["NATO has gone too far"]
    assert evidence.speakers["they"].total == 1  # still counted as a voice
