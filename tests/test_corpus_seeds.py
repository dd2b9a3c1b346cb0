"""The bundled seeds corpus is found from any folder."""

from pathlib import Path

from framing.corpus.reader import CorpusReader
from framing.corpus.seeds import default_corpus

SEED_OUTLETS = ["RT", "Fort Russ News", "The Moscow Times", "Fort Russ News", "TASS"]


def test_from_another_folder_the_packaged_seeds_are_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seeds = default_corpus()
    assert seeds.is_absolute() and seeds.parts[-2:] == ("data", "seeds")
    assert (seeds / "articles.csv").is_file() and len(list(seeds.glob("*.txt"))) == 5
    assert [a.outlet for a in CorpusReader(seeds)] == SEED_OUTLETS


def test_the_packaged_seeds_are_the_checkout_seeds(tmp_path, monkeypatch, seeds_dir):
    monkeypatch.chdir(tmp_path)
    packaged = default_corpus()
    names = sorted(p.name for p in seeds_dir.iterdir() if p.is_file())
    assert sorted(p.name for p in packaged.iterdir() if p.is_file()) == names
    assert all((packaged / name).read_bytes() == (seeds_dir / name).read_bytes() for name in names)


def test_from_a_checkout_the_local_seeds_folder_is_used(monkeypatch, seeds_dir):
    monkeypatch.chdir(seeds_dir.parent)
    assert default_corpus() == Path("seeds")


def test_a_seeds_folder_without_a_manifest_is_not_taken_for_the_seeds(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "mine.txt").write_text("NATO said on Monday that the talks would go on.\n")
    monkeypatch.chdir(tmp_path)
    assert default_corpus() != Path("seeds") and default_corpus().parts[-2:] == ("data", "seeds")
    (tmp_path / "seeds" / "articles.csv").write_text("file,outlet\nmine.txt,NATO\n")
    assert default_corpus() == Path("seeds")  # a seeds/ with its articles.csv wins
