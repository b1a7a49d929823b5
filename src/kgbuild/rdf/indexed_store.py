"""An rdflib store for one graph, indexed three ways, that pySHACL reads fast.

pySHACL asks its data and shapes graphs hundreds of thousands of small questions (the
objects of this node along that path). rdflib's ``Memory`` store answers each with a
lookup of the contexts every matching triple is in — a third of the validation time, for
graphs that have one context. This store keeps one graph, as subject → predicate → objects,
predicate → object → subjects and object → subject → predicates, and answers a pattern
from the index its bound terms select, with no contexts. ``IndexedGraph`` reads the
indexes directly for the question pySHACL asks most (a node's objects along a predicate).

It claims to be context- and graph-aware only because pySHACL views the data graph
through an rdflib Dataset, which insists on both; every context is the one graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Graph, URIRef
from rdflib.paths import Path
from rdflib.store import Store
from rdflib.term import Node

Index = defaultdict[Node, defaultdict[Node, set[Node]]]
Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]
NO_CONTEXTS: tuple[()] = ()


def _index() -> Index:
    return defaultdict(lambda: defaultdict(set))


class IndexedStore(Store):
    """One graph in memory: ``add``, ``remove``, ``triples`` and ``len`` over three indexes."""

    context_aware = True
    graph_aware = True

    def __init__(self) -> None:
        super().__init__()
        self._spo, self._pos, self._osp = _index(), _index(), _index()
        self._size = 0

    def add(self, triple: Triple, context: Any = None, quoted: bool = False) -> None:
        subject, predicate, obj = triple
        objects = self._spo[subject][predicate]
        if obj in objects:
            return
        objects.add(obj)
        self._pos[predicate][obj].add(subject)
        self._osp[obj][subject].add(predicate)
        self._size += 1

    def remove(self, triple: Pattern, context: Any = None) -> None:
        for (subject, predicate, obj), _ in list(self.triples(triple)):
            self._spo[subject][predicate].discard(obj)
            self._pos[predicate][obj].discard(subject)
            self._osp[obj][subject].discard(predicate)
            self._size -= 1

    def close(self, commit_pending_transaction: bool = False) -> None:
        """Drop every triple now. A graph and its store sit in reference cycles (graph ↔
        namespace manager) that only the garbage collector frees, walking every entry of
        the indexes (some 40 ms for a document's graph)."""
        self._spo, self._pos, self._osp = _index(), _index(), _index()
        self._size = 0

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The objects of a subject along a predicate, as a list (see ``matches``)."""
        return list(self._spo.get(subject, {}).get(predicate, ()))

    def add_graph(self, graph: Graph) -> None:
        """Every graph is the one graph: nothing to record."""

    def contexts(self, triple: Triple | None = None) -> Iterator[Graph]:
        return iter(())

    def __len__(self, context: Any = None) -> int:
        return self._size

    def triples(
        self, triple_pattern: Pattern, context: Any = None
    ) -> Iterator[tuple[Triple, tuple[()]]]:
        """The triples matching the pattern (None matches anything), each with no contexts."""
        for triple in self.matches(*triple_pattern):
            yield triple, NO_CONTEXTS

    def matches(
        self, subject: Node | None, predicate: Node | None, obj: Node | None
    ) -> list[Triple]:
        """The triples matching the pattern, as a list: a caller may change the graph while
        it goes through them."""
        if subject is not None:
            by_predicate = self._spo.get(subject, {})
            if predicate is not None:
                objects = by_predicate.get(predicate, ())
                if obj is not None:
                    return [(subject, predicate, obj)] if obj in objects else []
                return [(subject, predicate, o) for o in objects]
            if obj is not None:
                return [(subject, p, obj) for p, objects in by_predicate.items() if obj in objects]
            return [(subject, p, o) for p, objects in by_predicate.items() for o in objects]
        if predicate is not None:
            by_object = self._pos.get(predicate, {})
            if obj is not None:
                return [(s, predicate, obj) for s in by_object.get(obj, ())]
            return [(s, predicate, o) for o, subjects in by_object.items() for s in subjects]
        if obj is not None:
            return [
                (s, p, obj) for s, predicates in self._osp.get(obj, {}).items() for p in predicates
            ]
        return [
            (s, p, o)
            for s, by_p in self._spo.items()
            for p, objects in by_p.items()
            for o in objects
        ]


class IndexedGraph(Graph):
    """A Graph over an IndexedStore that answers patterns and a node's objects along a
    predicate straight from the indexes, without rdflib's generator per layer. (A predicate
    that is an IRI is told from a path by its type first: rdflib's terms and paths are
    abstract classes, and isinstance on those is slow enough to show in validation.)"""

    store: IndexedStore

    def triples(self, triple: Pattern) -> Iterator[Triple]:  # type: ignore[override]
        if type(triple[1]) is not URIRef and isinstance(triple[1], Path):
            return super().triples(triple)  # type: ignore[arg-type]
        return iter(self.store.matches(*triple))

    def objects(  # type: ignore[override]
        self, subject: Node | None = None, predicate: Node | None = None, unique: bool = False
    ) -> Iterator[Node]:
        if (
            subject is None
            or predicate is None
            or (type(predicate) is not URIRef and isinstance(predicate, Path))
            or isinstance(subject, list)
        ):
            return super().objects(subject, predicate, unique)  # type: ignore[arg-type]
        return iter(self.store.objects(subject, predicate))


def indexed_graph(triples: Iterable[Triple] = ()) -> IndexedGraph:
    """A graph backed by an IndexedStore, holding ``triples``."""
    graph = IndexedGraph(store=IndexedStore(), bind_namespaces="none")
    store = graph.store
    for triple in triples:
        store.add(triple)
    return graph
