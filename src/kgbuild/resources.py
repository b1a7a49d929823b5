"""Where the project's shipped files are: shapes, ontology, JSON-LD context and frames, corpus.

They live at the top of the source checkout (``shapes/``, ``ontology/``, ``corpus/``), the
layout users see; kgbuild is installed from that checkout (``pip install -e .``).
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def project_file(*parts: str) -> Path:
    path = PROJECT_ROOT.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: not found; kgbuild must run from its source checkout (pip install -e .)"
        )
    return path


def shapes_path() -> Path:
    return project_file("shapes", "kgbuild-shapes.ttl")


def context_path() -> Path:
    return project_file("ontology", "context.jsonld")


def frames_dir() -> Path:
    """The JSON-LD frames of the framed documents (persons.frame.jsonld -> persons.jsonld)."""
    return project_file("ontology", "frames")


def bundled_corpus() -> list[Path]:
    """The texts of the bundled corpus folder."""
    return sorted(project_file("corpus").glob("*.txt"))
