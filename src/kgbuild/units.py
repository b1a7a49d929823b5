"""One unit of the graph, mapped, validated and serialised in one (worker) process.

A unit is a document's triples (with the descriptions of the entities only it speaks of),
or the descriptions of the entities several documents share (see rdf/mapping.py). The
whole graph never sits in one rdflib Graph: each unit is validated with exactly what SHACL
needs to judge its own nodes — their triples, the types of the nodes they point at, and,
for the shared unit, what the documents say of shared entities (their evidence links, the
incoming triples the shapes follow backwards, and the types at the other end). Issues of
nodes a unit only borrows are left to the unit that owns them, so the union of the units'
issues is what validating the whole graph at once finds — for shapes that look no further
than that (one step along a path from a shared entity), as the shipped shapes do.

A unit's triples (sorted, a file per named graph) and JSON-LD nodes (sorted by id)
go to files in the build's scratch folder (or, for a unit the build cache keeps, are
read where it keeps them), so that the dumps are merged from them as streams and no
process holds the whole graph.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kgbuild.cache import UnitCache
from kgbuild.describe import GraphStatistics, graph_statistics
from kgbuild.knowledge import KnowledgeBase
from kgbuild.parallel import fork_map
from kgbuild.publish import (
    canonical_lines,
    jsonld_nodes,
    load_context,
    node_line,
    terms_used,
    trig_block,
    used_prefixes,
)
from kgbuild.rdf.indexed_store import indexed_graph
from kgbuild.rdf.iris import IriMinter
from kgbuild.rdf.mapping import REFERENCE, SHARED, GraphMapper, Placed, Triple
from kgbuild.timing import Stopwatch
from kgbuild.validate import ValidationIssue, Validator


@dataclass
class UnitResult:
    """What a unit contributes to the build."""

    name: str
    graphs: dict[str, Path]  # named graph IRI → its canonical N-Triples lines here, sorted
    blocks: dict[str, Path]  # named graph IRI → that graph as TriG (publish.trig_block)
    nodes: Path  # sorted JSON-LD node lines (see publish.node_line)
    prefixes: set[str]  # the known prefixes whose namespace its triples use (for the dumps)
    terms: set[str]  # the context terms its JSON-LD nodes use
    boundary: Path | None  # a pickle of what it says of shared entities (module docstring)
    statistics: GraphStatistics  # for the dataset description
    seconds: dict[str, float]  # per stage, in the process that ran it
    issues: list[ValidationIssue] = field(default_factory=list)


def process_unit(
    mapper: GraphMapper,
    validator: Validator,
    context: Mapping[str, object],
    name: str,
    scratch: Path,
    cache: UnitCache | None = None,
) -> UnitResult:
    """A document's unit, mapped, serialised and validated; with a ``cache``, only when no
    earlier build made a unit of the same sketch (``cache.UnitCache.key``: its files are
    then read where the cache keeps them)."""
    watch = Stopwatch()
    if cache:
        with watch("read the cache"):
            key = cache.key(mapper, name)
            kept = cache.read(key)
        if kept is not None:
            return _kept_unit(name, *kept, watch.seconds)
    with watch("map"):
        placed, distinct = map_unit(mapper, name)
    result = serialize_unit(mapper, context, name, scratch, placed, distinct, watch)
    with watch("validate"):
        boundary = _about_shared(placed, mapper.shared_iris, validator.inverse_predicates)
        result.boundary = scratch / f"{name}.boundary.pickle"
        result.boundary.write_bytes(pickle.dumps(boundary, protocol=5))
        own = indexed_graph(distinct)
        result.issues = unit_issues(mapper, validator, name, own)
        own.close()  # its triples freed now (see IndexedStore.close)
    if cache:
        cache.write(key, *_to_keep(result))
    return result


def _to_keep(result: UnitResult) -> tuple[dict[str, Path], UnitResult]:
    """A unit's files by the names the cache keeps them under, and the unit with its files
    named so (relative to the cache entry's folder)."""
    index = {graph: number for number, graph in enumerate(result.graphs)}
    graphs = {graph: Path(f"{index[graph]}.nt") for graph in result.graphs}
    blocks = {graph: Path(f"{index[graph]}.trig") for graph in result.blocks}
    files = {str(graphs[graph]): path for graph, path in result.graphs.items()}
    files |= {str(blocks[graph]): path for graph, path in result.blocks.items()}
    assert result.boundary is not None  # a document's unit (the ones kept) has one
    files["nodes.jsonl"], files["boundary.pickle"] = result.nodes, result.boundary
    return files, replace(result, graphs=graphs, blocks=blocks, nodes=Path("nodes.jsonl"),
                          boundary=Path("boundary.pickle"), seconds={})


def _kept_unit(
    name: str, folder: Path, kept: UnitResult, seconds: dict[str, float]
) -> UnitResult:
    """A unit as the cache keeps it, its files read where they are."""
    graphs = {graph: folder / path for graph, path in kept.graphs.items()}
    blocks = {graph: folder / path for graph, path in kept.blocks.items()}
    return replace(kept, name=name, graphs=graphs, blocks=blocks, nodes=folder / kept.nodes,
                   boundary=folder / "boundary.pickle", seconds=seconds)


def map_unit(mapper: GraphMapper, name: str) -> tuple[list[Placed], list[Triple]]:
    """A unit's placed triples and its distinct triples."""
    placed = list(mapper.unit(name))
    return placed, list(dict.fromkeys(triple for _, triple in placed))


def serialize_unit(
    mapper: GraphMapper,
    context: Mapping[str, object],
    name: str,
    scratch: Path,
    placed: Sequence[Placed],
    distinct: list[Triple],
    watch: Stopwatch,
) -> UnitResult:
    """A unit's triples, written to ``scratch`` as N-Triples (a file per named graph, in
    the order of their IRIs) and JSON-LD nodes."""
    with watch("serialize N-Triples"):
        by_graph: defaultdict[str, list[Triple]] = defaultdict(list)
        for graph, triple in placed:
            by_graph[graph].append(triple)
        named = sorted((str(mapper.graph_iri(key)), triples) for key, triples in by_graph.items())
        graphs: dict[str, Path] = {}
        blocks: dict[str, Path] = {}
        prefixes: set[str] = set()
        several_units = str(mapper.graph_iri(REFERENCE))  # the one graph units write together
        for index, (graph, triples) in enumerate(named):
            text = "".join(f"{line}\n" for line in canonical_lines(triples))
            path = graphs[graph] = scratch / f"{name}.{index}.nt"
            path.write_text(text, "utf-8", newline="\n")
            used = used_prefixes(text)
            prefixes |= used.keys()
            if graph != several_units:  # the TriG dump copies this graph's block as it is
                blocks[graph] = scratch / f"{name}.{index}.trig"
                blocks[graph].write_bytes(trig_block(graph, text.encode(), used))
    with watch("serialize JSON-LD"):
        nodes = jsonld_nodes(distinct, context)
        node_file = scratch / f"{name}.jsonl"
        node_file.write_text(
            "".join(node_line(*node) for node in nodes), encoding="utf-8", newline="\n"
        )
    terms = terms_used((text for _, text in nodes), context)
    statistics = graph_statistics(distinct, mapper.classes, mapper.minter.base)
    return UnitResult(
        name, graphs, blocks, node_file, prefixes, terms, None, statistics, watch.seconds
    )


def unit_issues(
    mapper: GraphMapper,
    validator: Validator,
    name: str,
    own: Graph,
    boundary: Iterable[Triple] = (),
) -> list[ValidationIssue]:
    """What SHACL finds wrong with the nodes the unit owns (``own`` is extended)."""
    shared = mapper.shared_iris
    data = _with_neighbour_types(own, boundary, mapper.classes)
    shapes = validator.only({n: mapper.classes[n] for n in shared}) if name == SHARED else None
    return [
        issue
        for issue in validator.issues(data, shapes)
        if (URIRef(issue.focus) in shared) == (name == SHARED)
    ]


def _with_neighbour_types(
    own: Graph, boundary: Iterable[Triple], classes: Mapping[URIRef, URIRef]
) -> Graph:
    """The unit's triples, the boundary triples, and the type of every entity they point
    at that the unit does not describe itself (added to ``own``)."""
    data = own
    for triple in boundary:
        data.add(triple)
    described = set(data.subjects(RDF.type, None))
    for node in set(data.objects()) - described:
        if isinstance(node, URIRef) and node in classes:
            data.add((node, RDF.type, classes[node]))
    return data


def _about_shared(
    placed: Sequence[Placed], shared: set[URIRef], inverse_predicates: frozenset[URIRef]
) -> list[Triple]:
    """Triples from shared entities (their evidence links) and, of the predicates the
    shapes follow backwards, triples to them; with the type of the node at the other end."""
    types: defaultdict[object, list[Triple]] = defaultdict(list)
    rdf_type = RDF.type  # once: rdflib looks a namespace's attribute up anew every time
    for _, triple in placed:
        if triple[1] == rdf_type:
            types[triple[0]].append(triple)
    boundary: list[Triple] = []
    for _, (subject, predicate, obj) in placed:
        if subject in shared:
            boundary += [(subject, predicate, obj), *types[obj]]
        elif obj in shared and predicate in inverse_predicates:
            boundary += [(subject, predicate, obj), *types[subject]]
    return boundary


# --- all units of a build --------------------------------------------------------------


UnitState = tuple[GraphMapper, Validator, dict[str, object], Path, UnitCache | None]


def _process(state: UnitState, name: str) -> UnitResult:
    mapper, validator, context, scratch, cache = state
    return process_unit(mapper, validator, context, name, scratch, cache)


@dataclass
class Units:
    """Every unit mapped and serialised; the documents' units validated, the shared
    entities' validation still to run (it can run beside the writing of the dumps)."""

    results: list[UnitResult]
    check_shared: Callable[[], list[ValidationIssue]]

    def issues(self) -> list[ValidationIssue]:
        return [issue for result in self.results for issue in result.issues]


def process_units(
    kb: KnowledgeBase,
    base: str,
    scratch: Path,
    shapes: Path | None = None,
    jobs: int = 1,
    dataset: str | None = None,
    done: Callable[[int, int], None] | None = None,
    cache: Path | None = None,
) -> Units:
    """Map, validate and serialise (into ``scratch``) each document's unit in up to
    ``jobs`` processes (with a ``cache`` folder, what an earlier build made of a unit of
    the same triples is taken from it); then map the shared entities, to be validated with
    what the documents say of them."""
    mapper = GraphMapper(kb, IriMinter(base, dataset))
    validator, context = Validator(shapes), load_context()
    names = [name for name in mapper.unit_names() if name != SHARED]
    units = UnitCache(cache, validator.fingerprint, context) if cache else None
    results = fork_map(_process, (mapper, validator, context, scratch, units), names, jobs, done)
    if not mapper.shared:
        return Units(results, _no_issues)
    watch = Stopwatch()
    with watch("map"):
        placed, distinct = map_unit(mapper, SHARED)
    shared = serialize_unit(mapper, context, SHARED, scratch, placed, distinct, watch)
    own = indexed_graph(distinct)
    boundaries = [result.boundary for result in results if result.boundary is not None]
    check = partial(_check_shared, mapper, validator, own, boundaries)
    return Units([*results, shared], check)


def _check_shared(
    mapper: GraphMapper, validator: Validator, own: Graph, boundaries: list[Path]
) -> list[ValidationIssue]:
    """The shared entities' issues, judged with what every document says of them (read
    from the documents' boundary files here, not held by the build's main process)."""
    def boundary() -> Iterator[Triple]:
        for path in boundaries:
            yield from pickle.loads(path.read_bytes())

    return unit_issues(mapper, validator, SHARED, own, boundary())


def _no_issues() -> list[ValidationIssue]:
    return []
