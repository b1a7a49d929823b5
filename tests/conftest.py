"""Shared fixtures: one real build of the bundled corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.pipeline import BuildResult, build
from kgbuild.resources import PROJECT_ROOT

CORPUS_TEXT = PROJECT_ROOT / "corpus" / "concerning-questions-of-leninism.txt"
DEV_ANNOTATIONS = sorted((Path(__file__).parent / "data" / "annotations").glob("lines-*.json"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The bundled text built with the bundled reference data, as `kgbuild build` does."""
    return build(out_dir=tmp_path_factory.mktemp("output"))


@pytest.fixture(scope="session")
def out_dir(built: BuildResult) -> Path:
    return built.written[0].parent


@pytest.fixture(scope="session")
def graph(out_dir: Path) -> Graph:
    """The published Turtle, parsed back."""
    return Graph().parse(out_dir / "graph.ttl", format="turtle")
