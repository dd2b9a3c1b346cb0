"""Attribution records: where a clause starts, whether a content runs past a joint, one record per content."""

from __future__ import annotations

import pytest

from framing.features.attribution.records import Attribution, clause_head, cue_distance, one_per_content, runs_past


def _attribution(source, cue, contents):
    return Attribution("indirect", source, cue, contents, None, 0)


@pytest.mark.parametrize(
    ("source", "cue", "expected"),
    [
        ((0, 6), (7, 11), 0),  # "Lavrov said ...": the clause starts at the source
        ((20, 26), (15, 19), 15),  # "..., said Lavrov": inverted, it starts at the cue
        (None, (7, 11), 7),
    ],
)
def test_clause_head(source, cue, expected):
    assert clause_head(_attribution(source, cue, [(12, 40)])) == expected


@pytest.mark.parametrize(
    ("cue", "content", "joint", "expected"),
    [
        ((7, 11), (12, 40), 30, True),
        ((7, 11), (12, 40), 40, False),  # the content already ends there
        ((35, 39), (12, 40), 30, False),  # a cue after the joint belongs to the second clause
        (None, (12, 40), 30, True),
    ],
)
def test_runs_past(cue, content, joint, expected):
    assert runs_past(_attribution((0, 6), cue, [content]), joint) is expected


def test_the_cue_nearest_the_words_keeps_a_content_two_cues_reach():
    near = _attribution((0, 6), (7, 11), [(12, 30)])      # "Pompeo responded that ..."
    far = _attribution((40, 46), (33, 39), [(12, 30)])    # "..., writing ..." from further on
    assert cue_distance(near) == 1 and cue_distance(far) == 3
    assert one_per_content([far, near]) == [near]
    other = _attribution((0, 6), (7, 11), [(50, 70)])
    assert one_per_content([near, other]) == [near, other]


def test_content_span_covers_every_content():
    assert _attribution((0, 6), (7, 11), [(12, 20), (30, 45)]).content_span == (12, 45)
