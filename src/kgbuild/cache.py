"""The build cache: what a build made of each document, kept by what it depends on, so
that a rebuild after adding one text to a corpus does not redo the others.

Two kinds of entry. What reading and extracting a text gave, keyed by the SHA-256 of the
text's bytes, its metadata (as read, with its name in IRIs), its errata, the encoding, the
reference data, and kgbuild's own code and data files (a changed rule or word list makes
every entry stale). And a document's unit of the graph serialised and validated
(``units.py``), keyed by what its triples are made of (``GraphMapper.sketch``) and
everything else its files and issues depend on, so that a unit whose triples did not change
is not mapped, serialised and validated again: its files are kept in the entry's folder and
the dumps are merged from them there.
Entries live in ``$KGBUILD_CACHE``, else ``$XDG_CACHE_HOME/kgbuild``, else
``~/.cache/kgbuild``; ``kgbuild build --no-cache`` neither reads nor writes them, and
deleting the folder between builds is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from kgbuild.rdf.mapping import Pin
from kgbuild.reference import ReferenceData

if TYPE_CHECKING:
    from kgbuild.rdf.mapping import GraphMapper


def cache_dir() -> Path:
    """Where entries are kept (see the module's docstring)."""
    if folder := os.environ.get("KGBUILD_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kgbuild"


@cache
def code_fingerprint() -> str:
    """A digest of kgbuild's own modules and data files, as installed (the shapes, context
    and queries shipped inside the package among them)."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("kgbuild")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".jsonld", ".txt", ".tsv", ".ttl"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_fingerprint(reference: ReferenceData) -> str:
    return hashlib.sha256(pickle.dumps(reference, protocol=5)).hexdigest()


def entry_key(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def read_entry(folder: Path, key: str) -> Any:
    """The entry of a key, or None (absent, or unreadable: then it is made again)."""
    try:
        with (folder / f"{key}.pickle").open("rb") as file:
            entry = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return entry


def write_entry(folder: Path, key: str, entry: object) -> None:
    """Keep an entry, whole or not at all (a cache that cannot be written is no error)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".partial") as file:
            pickle.dump(entry, file, protocol=5)
        Path(file.name).replace(folder / f"{key}.pickle")
    except OSError:
        return


class UnitCache:
    """The cache of documents' units (``units.process_unit``): an entry is a unit
    serialised and validated, keyed by its sketch with its graphs and what else its files
    and validation issues depend on (the shapes, the JSON-LD context, kgbuild's code, and
    the class of every entity the unit names and whether it is shared)."""

    def __init__(self, folder: Path, shapes: str, context: Mapping[str, object]) -> None:
        self.folder = folder / "units"
        self.fingerprint = entry_key(
            code_fingerprint(), shapes, json.dumps(context, sort_keys=True)
        )

    def key(self, mapper: GraphMapper, name: str) -> str:
        """The key of a document's unit: its sketch (``GraphMapper.sketch``: its triples,
        each Web Annotation as the pin it is made from), its document's text, the IRIs of
        its graphs and the class of every entity it names and whether that entity is
        shared. Keying by the sketch, not the triples, spares mapping unchanged units."""
        lines = [self.fingerprint, name, mapper.text_digest(name)]
        graphs: set[str] = set()
        nodes: set[Node] = set()
        for graph, item in mapper.sketch(name):
            graphs.add(graph)
            if type(item) is Pin:
                nodes.add(item.body)
                lines.append(f"{graph}\x1e{item.body}\x1e{item.link}\x1e{item.evidence!r}")
                continue
            subject, predicate, obj = item  # type: ignore[misc]  # a triple
            nodes.add(subject)
            nodes.add(obj)
            lines.append(f"{graph}\x1e{_term(subject)}\x1e{predicate}\x1e{_term(obj)}")
        lines += [f"{graph}\x1f{mapper.graph_iri(graph)}" for graph in sorted(graphs)]
        lines += [
            f"{node}\x1f{mapper.classes[node]}\x1f{node in mapper.shared_iris}"
            for node in sorted(nodes & mapper.classes.keys())
        ]
        return hashlib.sha256("\x1d".join(lines).encode()).hexdigest()

    def read(self, key: str) -> tuple[Path, Any] | None:
        """The folder of a key's entry and what it describes, or None."""
        entry = self.folder / key
        if (kept := read_entry(entry, "entry")) is not None:
            return entry, kept
        shutil.rmtree(entry, ignore_errors=True)  # a broken entry is made again
        return None

    def write(self, key: str, files: Mapping[str, Path], description: object) -> None:
        """Keep the files (linked where they are on the same file system, else copied) and
        their description, whole or not at all (a cache that cannot be written is no
        error, and an entry another build wrote meanwhile is as good)."""
        partial = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = Path(tempfile.mkdtemp(dir=self.folder, suffix=".partial"))
            for name, path in files.items():
                try:
                    os.link(path, partial / name)
                except OSError:
                    shutil.copyfile(path, partial / name)
            write_entry(partial, "entry", description)
            partial.rename(self.folder / key)
        except OSError:
            if partial is not None:
                shutil.rmtree(partial, ignore_errors=True)


def _term(term: Node) -> str:
    """A term, told apart from every other (a literal with its datatype and language)."""
    if type(term) is URIRef:
        return term
    if isinstance(term, Literal):
        return f'"{term}"\x1f{term.datatype or ""}\x1f{term.language or ""}'
    return f"{type(term).__name__}:{term}"
