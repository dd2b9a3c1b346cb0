from framing.report.evidence_index import EvidenceIndex
from framing.run.output import json_line

RECORDS = [
    {"detail": {"quote": 'he said "x", "family": "lexicon", "id": "b"'}, "end": 5, "family": "attribution",
     "id": "a", "kind": "direct", "text": "he said"},
    {"detail": {}, "end": 9, "family": "sentiment", "id": "a", "kind": "most_negative", "text": "bad"},
    {"detail": {"line": 1}, "end": 0, "family": "cleaning", "id": "b", "kind": "headline", "text": "Ад"},
    {"detail": {}, "end": 3, "family": "lexicon", "id": "a\"b", "kind": "scare_quote", "text": "x"},
]


def test_each_article_gets_its_own_records_back_in_order(tmp_path):
    path = tmp_path / "evidence.jsonl"
    path.write_text("".join(json_line(r) for r in RECORDS), encoding="utf-8")
    index = EvidenceIndex.of(path, {"a", "b", 'a"b'})
    assert index.records("a") == RECORDS[:2]
    assert index.records("b") == RECORDS[2:3]
    assert index.records('a"b') == RECORDS[3:]
    assert index.first_byte("a") == 0 < index.first_byte("b") < index.first_byte('a"b')


def test_articles_not_wanted_or_absent_have_no_records(tmp_path):
    path = tmp_path / "evidence.jsonl"
    path.write_text("".join(json_line(r) for r in RECORDS), encoding="utf-8")
    index = EvidenceIndex.of(path, {"b"})
    assert index.records("a") == [] and index.first_byte("a") == -1
    assert EvidenceIndex.of(tmp_path / "missing.jsonl", {"a"}).records("a") == []
