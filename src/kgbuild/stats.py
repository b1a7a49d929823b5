"""Counts of a published graph: instances per class, with prefixed class names."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph
from rdflib.namespace import RDF

from kgbuild.rdf.namespaces import PREFIXES


def prefixed(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)) :]}"
    return f"<{iri}>"


def class_counts(graph: Graph) -> dict[str, int]:
    """Instances per class, most frequent first, ties by name."""
    counts = Counter(prefixed(str(cls)) for cls in graph.objects(None, RDF.type))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
