"""Where the bundled seeds corpus is: ``seeds/`` in a checkout, else the installed copy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_corpus() -> Path:
    """The seeds folder: ``./seeds`` when run from a checkout, else the packaged copy."""
    local = Path("seeds")
    if (local / "articles.csv").is_file():
        return local
    return Path(str(resources.files("framing").joinpath("data", "seeds")))
