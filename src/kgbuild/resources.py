"""Where kgbuild's shipped files are: saved queries, shapes, ontology, JSON-LD context and
frames, and the bundled corpus.

The repository keeps one copy of each, in the top-level folders people edit: ``queries/``
(``*.rq``), ``shapes/`` (``kgbuild-shapes.ttl``), ``ontology/`` (``kgbuild.ttl``,
``context.jsonld``, ``frames/*.frame.jsonld``) and ``corpus/`` (``*.txt``, ``*.json``,
``errata.tsv``). Building a wheel or sdist (``pip install .``, ``python -m build``, a wheel
built from the sdist) copies them into the package as ``kgbuild/_shipped/<folder>/`` (the
``build_py`` step of ``setup.py``), where an installed kgbuild finds them with
``importlib.resources``. Run from its source checkout (``pip install -e .``, or ``src/`` on
``PYTHONPATH``), kgbuild reads the top-level folders themselves, so edits take effect
without reinstalling. A file that is in neither place is a ``MissingResource``: the command
line prints it as one line and exits with code 3.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED_FOLDERS = ("queries", "shapes", "ontology", "corpus")
"""The top-level folders shipped in the package (setup.py says which files of each)."""

PACKAGED = "_shipped"
"""Their folder inside the installed package: ``kgbuild/_shipped/queries/…``."""

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The source checkout kgbuild runs from, if it does (see ``source_checkout``)."""


class MissingResource(FileNotFoundError):
    """A shipped file or folder is in neither the source checkout nor the installed package."""


def source_checkout() -> Path | None:
    """The checkout whose ``src/kgbuild`` this module is, else None (an installed wheel)."""
    here = Path(__file__).resolve().parent
    pyproject = PROJECT_ROOT / "pyproject.toml"
    if here.parent.name != "src" or not pyproject.is_file():
        return None
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return PROJECT_ROOT if 'name = "kgbuild"' in text else None


def shipped_root() -> Path:
    """The folder holding ``queries/``, ``shapes/``, ``ontology/`` and ``corpus/``: the
    source checkout's top, else ``kgbuild/_shipped`` of the installed package."""
    checkout = source_checkout()
    if checkout is not None:
        return checkout
    packaged = resources.files("kgbuild").joinpath(PACKAGED)
    if not isinstance(packaged, Path):  # e.g. imported from a zip archive
        raise MissingResource(
            f"kgbuild's shipped files cannot be read from {packaged}: "
            "install kgbuild as files (pip install)"
        )
    return packaged


def project_file(*parts: str) -> Path:
    """A shipped file or folder by its path from the repository's top, e.g.
    ``project_file("shapes", "kgbuild-shapes.ttl")``."""
    root = shipped_root()
    path = root.joinpath(*parts)
    if not path.exists():
        where = "source checkout" if root == source_checkout() else "installed package"
        raise MissingResource(
            f"{path}: not found (shipped with kgbuild, looked for in its {where}); "
            "reinstall kgbuild or restore it"
        )
    return path


def shapes_path() -> Path:
    return project_file("shapes", "kgbuild-shapes.ttl")


def ontology_path() -> Path:
    return project_file("ontology", "kgbuild.ttl")


def context_path() -> Path:
    return project_file("ontology", "context.jsonld")


def frames_dir() -> Path:
    """The JSON-LD frames of the framed documents (persons.frame.jsonld -> persons.jsonld)."""
    return project_file("ontology", "frames")


def queries_dir() -> Path:
    """The saved SPARQL queries (``<name>.rq``)."""
    return project_file("queries")


def bundled_corpus() -> list[Path]:
    """The texts of the bundled corpus folder (with their metadata and errata beside them)."""
    folder = project_file("corpus")
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        raise MissingResource(f"{folder}: the bundled corpus has no texts (*.txt)")
    return texts
