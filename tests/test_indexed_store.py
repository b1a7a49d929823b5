"""The store validation reads from answers every triple pattern as rdflib's Memory store
does, on the real graph, and pySHACL finds the same issues through it."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

import kgbuild.validate
from kgbuild.rdf.indexed_store import IndexedStore, indexed_graph
from kgbuild.rdf.namespaces import OA
from kgbuild.validate import Validator


@pytest.fixture(scope="module")
def both(graph: Graph) -> tuple[Graph, Graph]:
    """The published graph in a Memory store and in an IndexedStore."""
    memory = Graph(bind_namespaces="none")
    for triple in graph:
        memory.add(triple)
    return memory, indexed_graph(graph)


def patterns(graph: Graph, count: int) -> list[tuple[object, object, object]]:
    """Each of the eight shapes of pattern (terms bound or not) made from sampled triples,
    plus patterns that match nothing."""
    rng = random.Random(8)
    sampled = rng.sample(sorted(graph), count)
    made = [
        tuple(term if bound else None for term, bound in zip(triple, mask, strict=True))
        for triple in sampled
        for mask in itertools.product((True, False), repeat=3)
    ]
    absent = URIRef("https://example.org/absent")
    s, p, o = sampled[0]
    return [
        *made,
        (absent, None, None),
        (s, p, absent),
        (None, p, Literal("absent")),
        (s, RDF.type, o),
    ]


def test_every_pattern_matches_what_the_memory_store_matches(both: tuple[Graph, Graph]) -> None:
    memory, indexed = both
    assert len(indexed) == len(memory) > 10_000
    for pattern in patterns(memory, 60):
        assert set(indexed.triples(pattern)) == set(memory.triples(pattern)), pattern  # type: ignore[arg-type]


def test_objects_and_paths_as_in_the_memory_store(both: tuple[Graph, Graph]) -> None:
    """IndexedGraph answers a node's objects from the index, and paths as rdflib does."""
    memory, indexed = both
    for subject, predicate, _ in patterns(memory, 60)[::8]:
        assert set(indexed.objects(subject, predicate)) == set(memory.objects(subject, predicate))
        assert set(indexed.objects(subject, predicate, unique=True)) == set(
            memory.objects(subject, predicate)
        )
        assert set(indexed.objects(subject)) == set(memory.objects(subject))
        assert set(indexed.objects(None, predicate)) == set(memory.objects(None, predicate))
    targets = OA.hasTarget / OA.hasSource
    annotated = next(memory.subjects(OA.hasTarget, None))
    assert set(indexed.objects(annotated, targets)) == set(memory.objects(annotated, targets))
    assert set(indexed.objects(annotated, targets)), "a path with values"
    assert set(indexed.triples((None, targets, None))) == set(memory.triples((None, targets, None)))


def test_adding_twice_and_removing(both: tuple[Graph, Graph]) -> None:
    memory, _ = both
    subject = next(iter(memory.subjects(RDF.type, None)))
    own = list(memory.triples((subject, None, None)))
    graph = indexed_graph([*own, *own])
    assert len(graph) == len(own)
    graph.remove((subject, RDF.type, None))
    assert (subject, RDF.type, None) not in graph
    assert len(graph) == len(own) - len(list(memory.objects(subject, RDF.type)))
    assert set(graph) == {t for t in own if t[1] != RDF.type}
    graph.remove((None, None, None))
    assert len(graph) == 0 and not list(graph)


def test_closing_drops_the_triples(both: tuple[Graph, Graph]) -> None:
    memory, _ = both
    graph = indexed_graph(itertools.islice(memory, 200))
    graph.close()
    assert len(graph) == 0 and not list(graph.triples((None, None, None)))


def test_changing_the_graph_while_iterating_it(both: tuple[Graph, Graph]) -> None:
    memory, _ = both
    graph = indexed_graph(itertools.islice(memory, 200))
    for triple in graph:
        graph.remove(triple)
    assert len(graph) == 0


def test_validation_finds_the_same_issues_through_either_store(
    both: tuple[Graph, Graph], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph with some types dropped (violations), validated from IndexedStores and,
    with the copying turned off, from Memory stores: the same issues."""
    memory, _ = both
    broken = Graph(bind_namespaces="none")
    for index, triple in enumerate(sorted(memory)):
        if triple[1] != RDF.type or index % 7:
            broken.add(triple)
    validator = Validator()
    indexed = validator.issues(broken)
    assert isinstance(validator.shapes.store, IndexedStore)
    assert sum(issue.severity == "Violation" for issue in indexed) > 10

    shapes_in_memory = Graph()
    for triple in validator.shapes:
        shapes_in_memory.add(triple)
    validator.shapes = shapes_in_memory
    monkeypatch.setattr(kgbuild.validate, "indexed_graph", lambda graph: graph)
    assert Counter(validator.issues(broken)) == Counter(indexed)
