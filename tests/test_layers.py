"""The architecture follows the data's journey, and imports point one way: ingest -> extract ->
resolve -> store -> analyse -> serve, over a base every stage may use (errors, model, knowledge,
...). Read from the source, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "chunav"
BASE = ("errors", "knowledge", "model", "facts", "config", "output")
JOURNEY = ("ingest", "extract", "resolve", "store", "analyse", "serve")
TOP = ("build", "cluster", "cli", "demo", "__init__", "__main__")
EXTRACTORS = ("extract", "build", "cluster", "cli")  # what may import chunav.extract


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imports() -> list[tuple[str, str, str, bool]]:
    """(layer, file, imported layer, at module level) for every import of chunav code."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and node.module
                     and node.level == 0 else [])
            for name in names:
                if name.startswith("chunav."):
                    found.append((_layer(path), str(path.relative_to(PACKAGE)),
                                  name.split(".")[1], id(node) in top))
    return found


def test_every_module_belongs_to_a_known_layer():
    layers = {layer for layer, *_ in _imports()} | {_layer(p) for p in PACKAGE.rglob("*.py")}
    assert layers <= set(BASE) | set(JOURNEY) | set(TOP)


@pytest.mark.parametrize("layer", [*BASE, *JOURNEY])
def test_a_layer_imports_only_the_base_and_the_stages_before_it(layer):
    allowed = set(BASE) | (set(JOURNEY[:JOURNEY.index(layer) + 1]) if layer in JOURNEY else set())
    wrong = [(where, target) for source, where, target, _ in _imports()
             if source == layer and target != layer and target not in allowed]
    assert not wrong, f"{layer} imports what comes after it: {wrong}"


def test_only_what_extracts_imports_extract_and_the_cli_only_when_a_command_extracts():
    wrong = [(where, at_top) for source, where, target, at_top in _imports()
             if target == "extract" and (source not in EXTRACTORS
                                         or (source == "cli" and at_top))]
    assert not wrong
