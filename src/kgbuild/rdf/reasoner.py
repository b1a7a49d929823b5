"""The graph as an OWL 2 DL reasoner can load it (``kgbuild for-reasoner``).

The data types its dates as the text gives them, ``xsd:gYear``, ``xsd:gYearMonth`` and
``xsd:date``, which are outside the OWL 2 datatype map: HermiT and Pellet refuse the data
with them. Here they become plain strings with the same lexical form (and a range of one of
them in the ontology, xsd:string), and the ontology is added, so that a reasoner reads
ontology and data in one file; nothing else changes.
"""

from __future__ import annotations

from itertools import chain

from rdflib import Graph, Literal
from rdflib.namespace import XSD
from rdflib.term import Node

OUTSIDE_OWL2 = frozenset({XSD.gYear, XSD.gYearMonth, XSD.date})


def for_reasoner(data: Graph, ontology: Graph) -> Graph:
    """Ontology plus data, with the data's dates outside OWL 2's datatype map as strings."""
    out = Graph(bind_namespaces="none")
    for prefix, namespace in chain(ontology.namespaces(), data.namespaces()):
        out.bind(prefix, namespace, override=False)
    for subject, predicate, obj in chain(ontology, data):
        out.add((subject, predicate, _in_owl2(obj)))
    return out


def _in_owl2(term: Node) -> Node:
    """A term as OWL 2 knows it: a date as a string, a datatype outside the map
    ("rdfs:range xsd:gYear") as xsd:string."""
    if term in OUTSIDE_OWL2:
        return XSD.string
    if isinstance(term, Literal) and term.datatype in OUTSIDE_OWL2:
        return Literal(str(term))
    return term
