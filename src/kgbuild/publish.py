"""Publishing: deterministic dumps (N-Triples, Turtle, JSON-LD) written atomically.

Determinism: N-Triples lines are canonical (pyoxigraph) and sorted; Turtle is written by
pyoxigraph from those sorted triples, so subjects come grouped and in a fixed order; the
JSON-LD is compacted with the shipped context and its nodes and keys sorted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.resources import context_path


def canonical_ntriples(graph: Graph) -> str:
    """Sorted canonical N-Triples of a graph: the same graph always gives the same text."""
    data = graph.serialize(format="nt", encoding="utf-8")
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    canonical = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    # split on "\n" only: str.splitlines() also splits inside literals at U+0085, U+2028 …
    lines = sorted({line for line in canonical.split("\n") if line})
    return "\n".join(lines) + "\n" if lines else ""


DESCRIPTION_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "spdx": "http://spdx.org/rdf/terms#",
}


def used_prefixes(ntriples: str) -> dict[str, str]:
    """The project prefixes whose namespace occurs in the data, for a tidy header."""
    known = {**{prefix: str(ns) for prefix, ns in PREFIXES.items()}, **DESCRIPTION_PREFIXES}
    return {prefix: ns for prefix, ns in known.items() if f"<{ns}" in ntriples}


def turtle(ntriples: str) -> str:
    """Turtle with the project's prefixes, grouped by subject, in canonical order."""
    triples = ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(ntriples))
    return data.decode("utf-8")


def named_graph_dumps(ntriples: str) -> tuple[str, str]:
    """N-Quads and TriG with one named graph per source document (and a shared graph for
    what several documents name), so a store can replace one document's facts alone."""
    from kgbuild.store import split_by_document

    triples = list(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
        for graph, members in sorted(split_by_document(triples).items())
        for t in members
    ]
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    lines = sorted({line for line in nquads.split("\n") if line})
    ordered = "\n".join(lines) + "\n"
    in_order = list(ox.parse(ordered.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    trig = ox.serialize(in_order, format=ox.RdfFormat.TRIG, prefixes=used_prefixes(ntriples))
    return ordered, trig.decode("utf-8")


def load_context() -> dict[str, object]:
    context: dict[str, object] = json.loads(context_path().read_text(encoding="utf-8"))
    return context


def _sorted_json(value: object) -> object:
    """Sort node lists and unordered value arrays so that the JSON text is stable."""
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def jsonld(graph: Graph, context: Mapping[str, object] | None = None) -> str:
    """The graph as JSON-LD compacted with the shipped context (never fetched)."""
    context = context or load_context()
    text = graph.serialize(format="json-ld", context=context["@context"], auto_compact=True)
    document = json.loads(text)
    nodes = document.get("@graph", [document] if "@id" in document else [])
    nodes = [_sorted_json({k: v for k, v in node.items() if k != "@context"}) for node in nodes]
    result = {
        "@context": context["@context"],
        "@graph": sorted(nodes, key=lambda n: str(n.get("id", n.get("@id", "")))),
    }
    return json.dumps(result, ensure_ascii=False, indent=1) + "\n"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(files: Mapping[str, str | bytes], out_dir: Path) -> list[Path]:
    """Write every file to a temporary name in ``out_dir``, then rename all into place.

    Nothing under its final name changes until every file has been written in full.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            staged.append((Path(temp), out_dir / name))
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    mode = 0o666 & ~_umask()
    for temp, final in staged:
        temp.chmod(mode)
        os.replace(temp, final)
    return [final for _, final in staged]
