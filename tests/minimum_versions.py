"""Write pip constraints pinning every dependency to the lowest version ``pyproject.toml`` declares.

Run by tox's ``minimums`` environment, so the lower bounds stay true:
``python tests/minimum_versions.py OUT.txt`` (``>=X`` and ``==X`` become ``==X``).
"""

import re
import sys
from pathlib import Path

import tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:>=|==)\s*([0-9][^,;\s]*)")


def minimum_pins(project: dict) -> list[str]:
    """``name==version`` for each requirement with a lower bound, skipping ones whose marker is for older Pythons."""
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    pins = {}
    for requirement in requirements:
        if "python_version <" in requirement:
            continue
        match = LOWER_BOUND.match(requirement)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def main(out: str) -> int:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    pins = minimum_pins(project)
    Path(out).write_text("\n".join(pins) + "\n", encoding="utf-8")
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
