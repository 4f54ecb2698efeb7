"""Data flows one way: a package never imports a package that sits above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sitrep"

#: For each package, the packages above it, which it must not import.
ABOVE = {
    # the parse and its span helpers, which every reading stage shares: a helper two stages
    # need (the cut-off last line, a word's conjuncts) lives here, not in either of them
    "text": ("time", "actors", "places", "events", "claims", "agreements", "store", "corpus", "cli", "export", "api", "web"),
    "ingest": ("store", "corpus", "cli", "export", "api", "web"),
    "agreements": ("store", "corpus", "cli", "export", "api", "web"),
    "store": ("corpus", "cli", "export", "api", "web"),
    "corpus": ("cli", "export", "api", "web"),
    "export": ("corpus", "cli", "api", "web"),
    "web": ("api", "cli"),  # the page reads the API over HTTP; the server (api) mounts it
    "api": ("cli",),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(ABOVE))
def test_a_package_imports_nothing_above_it(package):
    offending = sorted(
        f"{path.relative_to(SRC)} imports {name}"
        for path in (SRC / package).rglob("*.py")
        for name in imported_modules(path)
        if any(name == f"sitrep.{above}" or name.startswith(f"sitrep.{above}.") for above in ABOVE[package])
    )
    assert offending == []
