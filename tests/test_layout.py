"""The package's shape: stages as subpackages, a few modules at the top, imports that never run in a circle."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
STAGES = ("corpus", "document", "features", "lexicons", "run", "compare", "report", "evaluate")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every framing module ``path`` imports, anywhere in the file (functions included)."""
    name = module_name(path)
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".")[: len(name.split(".")) - node.level + is_package]
                base = ".".join([*parent, base] if base else parent)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            # A module's own parent package runs before it anyway: not an edge.
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(p) for p in paths}
    return {module_name(p): imported_modules(p, known) for p in paths}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules, or [] (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_find_cycle_finds_a_planted_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_package():
    assert find_cycle(import_graph()) == []


def test_a_few_modules_at_the_top_and_one_folder_per_stage():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


@pytest.mark.parametrize("stage, later", [
    ("corpus", ("features", "compare", "report", "lexicons")),
    ("document", ("corpus", "features", "run", "compare", "report", "lexicons")),
    ("compare", ("report",)),
])
def test_imports_run_forward_along_the_flow(stage, later):
    graph = import_graph()
    backwards = sorted(f"{module} -> {target}" for module, targets in graph.items()
                       if module.startswith(f"framing.{stage}.") for target in targets
                       if any(target.startswith(f"framing.{name}") for name in later))
    assert backwards == []


def test_engines_import_nothing_of_scoring():
    graph = import_graph()
    for engine in ("framing.run.engine", "framing.run.engine_dask"):
        # framing.errors holds the error a dead worker becomes (WorkerError), nothing of scoring.
        assert graph[engine] <= {"framing.run.engine", "framing.errors"}, graph[engine]
