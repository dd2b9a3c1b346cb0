"""Shared fixtures: the seeds corpus and small article folders."""

from pathlib import Path

import pytest

from framing.document.clean import clean_text
from framing.document.parse import build_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_document():
    """Build the Document of a seed article from its file-name prefix, cleaned as the pipeline does.

    ``seed_document("000")`` reads ``seeds/000_*.txt``; the prefix is the article id.
    """

    def build(prefix: str):
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        return build_document(prefix, cleaned.body, cleaned.title)

    return build


@pytest.fixture
def make_corpus(tmp_path):
    """Write ``{relative path: text or bytes}`` into a fresh folder and return it."""

    def make(files: dict) -> Path:
        for name, content in files.items():
            path = tmp_path / "corpus" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path / "corpus"

    return make
