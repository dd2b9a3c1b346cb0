"""A sample of real article texts from the AllSides evaluation set, when it is present."""

from __future__ import annotations

import gzip
import json
import os
from itertools import islice
from pathlib import Path

import pytest

# FRAMING_EVAL names the evaluation data folder (a worktree has no ../shared beside it).
EVAL = Path(os.environ.get("FRAMING_EVAL") or Path(__file__).resolve().parent.parent.parent / "shared" / "eval")
ALLSIDES = EVAL / "allsides" / "articles_10k.jsonl.gz"


def allsides_texts(n: int) -> list[str]:
    """The first ``n`` article texts of ``articles_10k.jsonl.gz``; skips the test when absent."""
    if not ALLSIDES.exists():
        pytest.skip(f"{ALLSIDES} not present")
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
        return [json.loads(line).get("content_original") or "" for line in islice(handle, n)]
