"""Validation with pySHACL against the shapes in ``shapes/``.

pySHACL checks a node shape's ``sh:property`` shapes one focus node at a time, a Python
call per (node, property shape). ``hoist_targets`` gives each such property shape its node
shape's targets instead, so pySHACL checks it once over all focus nodes: the same results
(a nested property shape reports its own severity, message and source shape anyway) in a
quarter of the time. Closed shapes and disjoint qualified shapes need the ``sh:property``
links and are left as they are. Data and shapes are read from an IndexedStore
(rdf/indexed_store.py), which answers pySHACL's lookups without rdflib's bookkeeping of
contexts.

The report pySHACL returns uses blank nodes with random labels; ``report_graph`` rebuilds
it with IRIs derived from each result's content, so the written report is deterministic.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD, NamespaceManager

from kgbuild.document import InputError
from kgbuild.rdf.indexed_store import IndexedGraph, indexed_graph
from kgbuild.rdf.iris import stable_hash
from kgbuild.resources import shapes_path

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
RESULT_PROPERTIES = (
    SH.focusNode,
    SH.resultPath,
    SH.value,
    SH.resultSeverity,
    SH.sourceConstraintComponent,
    SH.sourceShape,
    SH.resultMessage,
)


@dataclass(frozen=True)
class ValidationIssue:
    severity: str
    focus: str
    path: str
    message: str
    component: str
    value: str
    shape: str = ""  # the shape's IRI (sh:sourceShape)
    language: str = ""  # of the message


@dataclass
class ValidationOutcome:
    """What validation found. The graph is published unless there is a Violation
    (``conforms``); the report's ``sh:conforms`` is, as SHACL defines it, true only
    when there is no result at all (``shacl_conforms``)."""

    issues: list[ValidationIssue] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(issue.severity == "Violation" for issue in self.issues)

    @property
    def shacl_conforms(self) -> bool:
        return not self.issues

    def counts(self) -> Counter[str]:
        return Counter(issue.severity for issue in self.issues)

    def summary(self, limit: int = 10) -> str:
        """A few readable lines: totals, then the most frequent messages."""
        counts = self.counts()
        head = ("conforms" if self.shacl_conforms else "passes with warnings" if self.conforms
                else "does NOT conform")
        lines = [
            f"SHACL validation: {head} ({_count(counts['Violation'], 'violation')}, "
            f"{_count(counts['Warning'], 'warning')})"
        ]
        grouped = Counter((i.severity, i.path, i.message) for i in self.issues)
        for (severity, path, message), count in sorted(
            grouped.items(), key=lambda item: (item[0][0] != "Violation", -item[1])
        )[:limit]:
            example = next(
                i.focus
                for i in self.issues
                if (i.severity, i.path, i.message) == (severity, path, message)
            )
            where = f" [{path}]" if path else ""  # a node shape's result has no path
            lines.append(f"  {severity}: {message}{where} x{count}, e.g. <{example}>")
        return "\n".join(lines)


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def hoist_targets(shapes: Graph) -> Graph:
    """The shapes, in an IndexedStore, with each node shape's targets moved onto its
    property shapes, where that keeps their meaning: not for a node shape that is closed,
    deactivated or used by another shape (sh:node, sh:or …, whose use needs its
    sh:property links)."""
    hoisted = indexed_graph(shapes)
    if (None, SH.qualifiedValueShapesDisjoint, None) in shapes:
        return hoisted
    used = set(shapes.objects())
    for node_shape, property_shape in shapes.subject_objects(SH.property):
        targets = [(p, o) for p in TARGETS for o in shapes.objects(node_shape, p)]
        if (
            not targets
            or node_shape in used
            or (node_shape, SH.closed, None) in shapes
            or (node_shape, SH.deactivated, None) in shapes
        ):
            continue
        hoisted.remove((node_shape, SH.property, property_shape))
        for predicate, target in targets:
            hoisted.add((property_shape, predicate, target))
    return hoisted


def _shapes_graph(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises parser-specific types; name the file
        raise InputError(f"{path}: cannot read SHACL shapes: {error}") from error
    return hoist_targets(graph)


class _FullIris(NamespaceManager):
    """IRIs written in full in pySHACL's descriptions of failed checks: it describes every
    failed alternative of an sh:or or qualified shape, and inventing and binding a prefix
    for every node's namespace took a fifth of the validation time. (The report's messages
    are the shapes' own sh:message.)"""

    def normalizeUri(self, rdfTerm: str) -> str:
        return f"<{rdfTerm}>"

    def bind(self, *_: object, **__: object) -> None:
        return None


@contextmanager
def _iris_in_full(*graphs: Graph) -> Iterator[None]:
    """The graphs' namespace managers replaced by _FullIris for a while."""
    saved = [graph.namespace_manager for graph in graphs]
    for graph in graphs:
        graph.namespace_manager = _FullIris(graph, bind_namespaces="none")
    try:
        yield
    finally:
        for graph, names in zip(graphs, saved, strict=True):
            graph.namespace_manager = names


class Validator:
    """The shapes, read once, applied to as many data graphs as there are units."""

    def __init__(self, shapes: Path | None = None) -> None:
        path = shapes or shapes_path()
        self.shapes = _shapes_graph(path)
        self.fingerprint = hashlib.sha256(path.read_bytes()).hexdigest()  # for the cache
        # predicates some shape follows backwards: a node's incoming triples of these count
        self.inverse_predicates = frozenset(
            p for p in self.shapes.objects(None, SH.inversePath) if isinstance(p, URIRef)
        )

    def only(self, nodes: Mapping[URIRef, URIRef]) -> Graph:
        """The shapes aimed at just these nodes (node → its class): a shape targeting a
        class targets its nodes among them instead, so that nodes a graph only borrows
        (typed for sh:class checks) are not validated for nothing."""
        aimed = indexed_graph()
        by_class: dict[URIRef, list[URIRef]] = {}
        for node, cls in nodes.items():
            by_class.setdefault(cls, []).append(node)
        for shape, predicate, target in self.shapes:
            if predicate != SH.targetClass:
                aimed.add((shape, predicate, target))
                continue
            for node in by_class.get(target, []):  # type: ignore[call-overload]
                aimed.add((shape, SH.targetNode, node))
        return aimed

    def issues(self, data: Graph, shapes: Graph | None = None) -> list[ValidationIssue]:
        """What the shapes (default: all) find wrong in ``data``, which is read from an
        IndexedStore (copied into one unless it is one already)."""
        from pyshacl import validate

        if not isinstance(data, IndexedGraph):
            data = indexed_graph(data)
        shapes = self.shapes if shapes is None else shapes
        with _iris_in_full(data, shapes):
            _, report, _ = validate(
                data,
                shacl_graph=shapes,
                inference="none",
                inplace=True,  # without inference nothing is added: no need to copy the data
                allow_warnings=True,
            )
        assert isinstance(report, Graph)
        issues = []
        for result in report.subjects(RDF.type, SH.ValidationResult):
            values = {prop: report.value(result, prop) for prop in RESULT_PROPERTIES}
            message, shape = values[SH.resultMessage], values[SH.sourceShape]
            issues.append(
                ValidationIssue(
                    severity=SEVERITY_NAMES.get(values[SH.resultSeverity], "Violation"),
                    focus=str(values[SH.focusNode] or ""),
                    path=_path_text(report, values[SH.resultPath]),
                    message=str(message or ""),
                    component=str(values[SH.sourceConstraintComponent] or ""),
                    value=str(values[SH.value] or ""),
                    shape=str(shape) if isinstance(shape, URIRef) else "",
                    language=(message.language or "") if isinstance(message, Literal) else "",
                )
            )
        return issues


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _path_text(report: Graph, path: object) -> str:
    """A result path as text: ``IRI``, ``^IRI`` (inverse) or ``IRI / IRI`` (sequence). In
    pySHACL's report the last two are blank nodes, whose labels change from run to run."""
    if isinstance(path, URIRef):
        return str(path)
    if path is None:
        return ""
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path_text(report, inverse)}"
    if report.value(path, RDF.first) is not None:
        return " / ".join(_path_text(report, step) for step in Collection(report, path))
    return ""


def outcome_of(issues: Iterable[ValidationIssue]) -> tuple[ValidationOutcome, Graph]:
    """The outcome of all issues found, and its deterministic report graph."""
    outcome = ValidationOutcome(
        sorted(set(issues), key=lambda i: (i.severity, i.focus, i.path, i.message, i.value))
    )
    return outcome, report_graph(outcome)


def validate_graph(data: Graph, shapes: Path | None = None) -> tuple[ValidationOutcome, Graph]:
    """Validate ``data`` as a whole; return the outcome and a deterministic report graph."""
    return outcome_of(Validator(shapes).issues(data))


def _path_node(graph: Graph, node: URIRef, path: str) -> URIRef:
    """The SHACL path written as by _path_text, as nodes with IRIs made from ``node``
    (the report has no blank nodes)."""
    if path.startswith("^"):
        graph.add((node, SH.inversePath, _path_node(graph, URIRef(f"{node}-i"), path[1:])))
        return node
    steps = path.split(" / ")
    if len(steps) == 1:
        return URIRef(path)
    cells = [URIRef(f"{node}-{index}") for index in range(len(steps))]
    for cell, step, rest in zip(cells, steps, [*cells[1:], RDF.nil], strict=True):
        graph.add((cell, RDF.first, _path_node(graph, URIRef(f"{cell}-step"), step)))
        graph.add((cell, RDF.rest, rest))
    return cells[0]


def report_graph(outcome: ValidationOutcome) -> Graph:
    """The outcome as a SHACL ValidationReport with content-derived IRIs."""
    graph = Graph(bind_namespaces="none")
    graph.bind("sh", SH)
    report = URIRef("urn:kgbuild:validation-report")
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(outcome.shacl_conforms, datatype=XSD.boolean)))
    for issue in outcome.issues:
        node = URIRef(f"urn:kgbuild:validation-result:{stable_hash(*issue.__dict__.values())}")
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, SH[issue.severity]))
        graph.add((node, SH.resultMessage, Literal(issue.message, lang=issue.language or None)))
        graph.add((node, SH.sourceConstraintComponent, URIRef(issue.component)))
        if issue.shape:
            graph.add((node, SH.sourceShape, URIRef(issue.shape)))
        if issue.focus:
            graph.add((node, SH.focusNode, URIRef(issue.focus)))
        if issue.path:
            graph.add((node, SH.resultPath, _path_node(graph, URIRef(f"{node}#path"), issue.path)))
        if issue.value:
            graph.add((node, SH.value, Literal(issue.value)))
    return graph
