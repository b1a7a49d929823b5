"""Every constraint of shapes/kgbuild-shapes.ttl, broken one at a time.

``tests/data/shapes/valid.ttl`` is a small graph that satisfies every shape without a single
warning. ``tests/data/shapes/cases.toml`` says, for each constraint, how to break a copy of it
and which results pySHACL must then report: severity, focus node, path, constraint component
and shape, and nothing else. Further tests walk the shapes graph so that a constraint added
without a case fails, and check that every class and property of the built graph
(``output/graph.nt``) is covered by a shape and declared in the ontology.

pySHACL is called here with the options of ``kgbuild.validate.validate_graph``, directly,
because ``ValidationIssue`` keeps neither the source shape nor a readable inverse or sequence
path; ``test_validate_graph_reports_a_case_as_the_build_does`` checks that the two agree.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, SH, SKOS, XSD, NamespaceManager
from rdflib.term import Node

from kgbuild.resources import PROJECT_ROOT, project_file, shapes_path
from kgbuild.validate import validate_graph

DATA = Path(__file__).parent / "data" / "shapes"
KGO = Namespace("https://w3id.org/kgbuild/ontology#")
KGS = Namespace("https://w3id.org/kgbuild/shapes#")
OA = Namespace("http://www.w3.org/ns/oa#")
ONTOLOGY = URIRef("https://w3id.org/kgbuild/ontology")
PREFIXES = {
    "kgs": KGS,
    "kgo": KGO,
    "sh": SH,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "dcterms": DCTERMS,
    "schema": Namespace("http://schema.org/"),
    "skos": SKOS,
    "oa": OA,
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "wd": Namespace("http://www.wikidata.org/entity/"),
    "ann": Namespace("https://example.org/kg/annotation/"),
    "ex": Namespace("https://example.org/kg/"),
}
BLANK = "_:blank"  # how a blank focus node is written in cases.toml

# Constraint parameters and the component each one is checked by (SHACL core, section 4).
COMPONENTS = {
    SH.minCount: "MinCount",
    SH.maxCount: "MaxCount",
    SH.datatype: "Datatype",
    SH["class"]: "Class",
    SH.nodeKind: "NodeKind",
    SH.pattern: "Pattern",
    SH.minLength: "MinLength",
    SH.maxLength: "MaxLength",
    SH.minInclusive: "MinInclusive",
    SH.maxInclusive: "MaxInclusive",
    SH.minExclusive: "MinExclusive",
    SH.maxExclusive: "MaxExclusive",
    SH["in"]: "In",
    SH.hasValue: "HasValue",
    SH.languageIn: "LanguageIn",
    SH.uniqueLang: "UniqueLang",
    SH.equals: "Equals",
    SH.disjoint: "Disjoint",
    SH.lessThan: "LessThan",
    SH.lessThanOrEquals: "LessThanOrEquals",
    SH["or"]: "Or",
    SH["and"]: "And",
    SH["not"]: "Not",
    SH.xone: "Xone",
    SH.node: "Node",
    SH.qualifiedMinCount: "QualifiedMinCount",
    SH.qualifiedMaxCount: "QualifiedMaxCount",
    SH.closed: "Closed",
}
# Predicates of a shape that are not constraints of their own.
NOT_CONSTRAINTS = {
    RDF.type,
    RDFS.comment,
    SH.path,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.severity,
    SH.message,
    SH.property,
    SH.ignoredProperties,
    SH.qualifiedValueShape,
}
# Parameters whose values are shapes (or lists of shapes) checked as part of the constraint.
NESTING = {SH["or"], SH["and"], SH.xone, SH["not"], SH.node, SH.qualifiedValueShape}


# --- helpers -----------------------------------------------------------------------------


def namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        manager.bind(prefix, namespace)
    return manager


NAMESPACES = namespaces()


def curie(term: Node) -> str:
    """``ex:lenin``, ``kgo:Person``; a blank node is BLANK."""
    if isinstance(term, BNode):
        return BLANK
    if isinstance(term, Literal):
        return term.n3(NAMESPACES)
    matches = [(str(ns), p) for p, ns in PREFIXES.items() if str(term).startswith(str(ns))]
    if not matches:
        return f"<{term}>"
    namespace, prefix = max(matches)  # the longest: ann: before ex:
    return f"{prefix}:{str(term)[len(namespace) :]}"


def expand(name: str) -> URIRef:
    prefix, _, local = name.partition(":")
    return URIRef(str(PREFIXES[prefix]) + local)


def render_path(graph: Graph, path: Node | None) -> str:
    """A SHACL path as a SPARQL-like string: ``kgo:evidence``, ``^kgo:evidence``,
    ``kgo:evidence/oa:hasTarget``, ``(kgo:evidence|kgo:thesisEvidence)``; "" for none
    (results of node shapes)."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return curie(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + render_path(graph, inverse)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        steps = Collection(graph, alternatives)
        return "(" + "|".join(render_path(graph, step) for step in steps) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(render_path(graph, step) for step in Collection(graph, path))
    raise AssertionError(f"path form not handled: {list(graph.predicate_objects(path))}")


@cache
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@cache
def base_graph() -> Graph:
    return Graph().parse(DATA / "valid.ttl", format="turtle")


def run_shacl(data: Graph) -> list[dict[str, str]]:
    """pySHACL's results on ``data``, as validate_graph runs it, in the vocabulary of
    cases.toml (plus the message and the value node)."""
    _, report, _ = validate(
        data, shacl_graph=shapes(), inference="none", allow_warnings=True
    )
    assert isinstance(report, Graph)
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(result, SH.sourceConstraintComponent))
        results.append(
            {
                "shape": curie(report.value(result, SH.sourceShape)),
                "component": component.removeprefix(str(SH)).removesuffix("ConstraintComponent"),
                "severity": curie(report.value(result, SH.resultSeverity)).removeprefix("sh:"),
                "focus": curie(report.value(result, SH.focusNode)),
                "path": render_path(report, report.value(result, SH.resultPath)),
                "value": curie(value) if (value := report.value(result, SH.value)) else "",
                "message": str(report.value(result, SH.resultMessage) or ""),
            }
        )
    return results


def key(result: dict[str, str]) -> tuple[str, ...]:
    return tuple(result[field] for field in ("shape", "component", "severity", "focus", "path"))


def load_cases() -> list[dict[str, Any]]:
    with (DATA / "cases.toml").open("rb") as file:
        return tomllib.load(file)["case"]


CASES = load_cases()


def drop(graph: Graph, name: str) -> None:
    """Remove an annotation and its target and selectors, and every link to them."""
    nodes = {expand(name + suffix) for suffix in ("", "-target", "-position", "-quote")}
    for triple in list(graph):
        if triple[0] in nodes or triple[2] in nodes:
            graph.remove(triple)


def broken(case: dict[str, Any]) -> Graph:
    """A copy of the valid graph, broken as the case says: ``drop`` annotations, ``remove``
    the triples matching a pattern (SPARQL DELETE WHERE), ``add`` triples (INSERT DATA)."""
    graph = Graph()
    for triple in base_graph():
        graph.add(triple)
    for name in case.get("drop", []):
        size = len(graph)
        drop(graph, name)
        assert len(graph) < size, f"{case['id']}: nothing to drop for {name}"
    before = len(graph)
    if "remove" in case:
        graph.update(f"DELETE WHERE {{ {case['remove']} }}", initNs=PREFIXES)
        assert len(graph) < before, f"{case['id']}: `remove` matched nothing"
    if "add" in case:
        size = len(graph)
        graph.update(f"INSERT DATA {{ {case['add']} }}", initNs=PREFIXES)
        assert len(graph) > size, f"{case['id']}: `add` added nothing"
    return graph


def expected(case: dict[str, Any]) -> list[dict[str, str]]:
    return [case, *case.get("also", [])]


def constraints(graph: Graph) -> set[tuple[str, str]]:
    """(shape, component) of every constraint of every named shape."""
    found = set()
    for shape in set(graph.subjects()):
        if not isinstance(shape, URIRef):
            continue
        for parameter in set(graph.predicates(shape)):
            if parameter in COMPONENTS and not (
                parameter == SH.closed and not graph.value(shape, SH.closed).toPython()
            ):
                found.add((curie(shape), COMPONENTS[parameter]))
    return found


def node_shapes_targeting(graph: Graph, cls: URIRef) -> set[Node]:
    return set(graph.subjects(SH.targetClass, cls))


def property_paths(graph: Graph, node_shapes: set[Node]) -> set[Node]:
    """The IRI paths (not inverse or sequence paths) of the property shapes of node shapes."""
    return {
        path
        for node_shape in node_shapes
        for prop in graph.objects(node_shape, SH.property)
        if isinstance(path := graph.value(prop, SH.path), URIRef)
    }


@cache
def built_graph() -> Graph:
    return Graph().parse(PROJECT_ROOT / "output" / "graph.nt", format="nt")


def classes_and_predicates(graph: Graph) -> dict[Node, set[Node]]:
    """Each class of the graph, with the predicates its instances are subjects of."""
    used: dict[Node, set[Node]] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        used.setdefault(cls, set()).update(graph.predicates(subject))
    return used


# --- the valid graph and the broken copies -----------------------------------------------


def test_the_valid_graph_has_no_issue_at_all() -> None:
    assert run_shacl(base_graph()) == []


def test_the_valid_graph_uses_every_covered_class_and_property() -> None:
    """So that a case can break any constraint by changing one value."""
    used = classes_and_predicates(base_graph())
    covered_classes = set(Collection(shapes(), shapes().value(KGS.typeCovered, SH["in"])))
    assert covered_classes - set(used) == {KGO.Plenum, KGO.Meeting}
    all_used = set().union(*used.values())
    assert set(shapes().objects(KGS.TypedShape, SH.targetSubjectsOf)) <= all_used


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_broken_graph_gives_exactly_the_expected_results(case: dict[str, Any]) -> None:
    results = run_shacl(broken(case))
    assert sorted({key(r) for r in results}) == sorted({key(e) for e in expected(case)})
    if "value" in case:
        values = {r["value"] for r in results if key(r) == key(case)}
        assert values == {case["value"]}
    for result in results:
        message = shapes().value(expand(result["shape"]), SH.message)
        assert message is not None and result["message"] == str(message), result


def test_validate_graph_reports_a_case_as_the_build_does() -> None:
    (case,) = (c for c in CASES if c["id"] == "quotation-without-speaker")
    outcome, _ = validate_graph(broken(case))
    assert outcome.conforms
    (issue,) = outcome.issues
    assert (issue.severity, issue.focus, issue.path, issue.component) == (
        "Warning",
        str(expand(case["focus"])),
        str(expand(case["path"])),
        str(SH.MinCountConstraintComponent),
    )
    assert issue.message == str(shapes().value(KGS["Quotation-spokenByPresent"], SH.message))


def test_case_ids_are_unique_and_cases_are_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    fields = {"shape", "component", "severity", "focus", "path"}
    for case in CASES:
        for item in expected(case):
            assert fields <= set(item), (case["id"], fields - set(item))
            assert item["severity"] in ("Violation", "Warning"), case["id"]
        assert set(case) <= fields | {"id", "drop", "remove", "add", "also", "value"}, case["id"]


# --- the shapes file itself --------------------------------------------------------------


def test_every_constraint_has_a_case() -> None:
    tested = {(case["shape"], case["component"]) for case in CASES}
    missing = constraints(shapes()) - tested
    assert not missing, f"constraints without a case in cases.toml: {sorted(missing)}"
    unknown = tested - constraints(shapes())
    assert not unknown, f"cases for constraints the shapes do not have: {sorted(unknown)}"


def test_shapes_use_only_the_core_constraints_counted_here() -> None:
    """A new kind of parameter (or sh:sparql) fails here until COMPONENTS knows it."""
    graph = shapes()
    for shape in set(graph.subjects(RDF.type, SH.NodeShape)) | set(
        graph.subjects(RDF.type, SH.PropertyShape)
    ):
        for parameter in set(graph.predicates(shape)):
            assert parameter in COMPONENTS or parameter in NOT_CONSTRAINTS, (
                curie(shape),
                curie(parameter),
            )
    assert not set(graph.subjects(SH.sparql, None)), "no SPARQL constraints: too slow in pySHACL"


def test_every_constraint_is_in_a_named_shape_with_severity_and_message() -> None:
    """Blank-node shapes may only sit inside another constraint (sh:or, sh:qualifiedValueShape
    ...), whose shape reports the result; every other shape is named, so that a case can
    name it, and says how bad and what is wrong."""
    graph = shapes()
    nested: set[Node] = set()
    for parameter in NESTING:
        for value in graph.objects(None, parameter):
            nested.update(Collection(graph, value) if graph.value(value, RDF.first) else [value])
    for subject in set(graph.subjects()):
        has_constraint = any(p in COMPONENTS for p in graph.predicates(subject))
        if not has_constraint:
            continue
        if isinstance(subject, BNode):
            assert subject in nested, list(graph.predicate_objects(subject))
            continue
        severity = graph.value(subject, SH.severity)
        message = graph.value(subject, SH.message)
        assert severity in (SH.Violation, SH.Warning), curie(subject)
        assert isinstance(message, Literal) and message.language == "en", curie(subject)
        assert str(message).strip(), curie(subject)


def test_every_shape_is_reached_by_a_target() -> None:
    graph = shapes()
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    targeted = {s for t in targets for s in graph.subjects(t, None)}
    for node_shape in graph.subjects(RDF.type, SH.NodeShape):
        assert node_shape in targeted, curie(node_shape)
    for property_shape in graph.subjects(RDF.type, SH.PropertyShape):
        users = set(graph.subjects(SH.property, property_shape))
        assert users & targeted, f"{curie(property_shape)} is used by no targeted node shape"


def test_closed_shapes_list_exactly_the_properties_that_have_shapes() -> None:
    """Each class has one closed shape; the properties it allows are rdf:type and the IRI
    paths of the property shapes of the node shapes that target the class."""
    graph = shapes()
    classes = set(graph.objects(None, SH.targetClass))
    for cls in classes:
        targeting = node_shapes_targeting(graph, cls)
        (closed,) = (s for s in targeting if graph.value(s, SH.closed) == Literal(True))
        allowed = set(Collection(graph, graph.value(closed, SH.ignoredProperties)))
        assert allowed == {RDF.type} | property_paths(graph, targeting), curie(cls)


def test_typed_shape_covers_every_class_and_property_of_the_shapes() -> None:
    graph = shapes()
    classes = set(graph.objects(None, SH.targetClass))
    assert set(Collection(graph, graph.value(KGS.typeCovered, SH["in"]))) == classes
    allowed = {
        p
        for closed in graph.subjects(SH.closed, Literal(True))
        for p in Collection(graph, graph.value(closed, SH.ignoredProperties))
    }
    assert set(graph.objects(KGS.TypedShape, SH.targetSubjectsOf)) == allowed


# --- the built graph and the ontology ----------------------------------------------------


def test_every_class_and_predicate_of_the_built_graph_has_a_shape() -> None:
    graph = shapes()
    for cls, predicates in classes_and_predicates(built_graph()).items():
        targeting = node_shapes_targeting(graph, cls)
        assert targeting, f"no node shape targets {curie(cls)}"
        missing = predicates - {RDF.type} - property_paths(graph, targeting)
        assert not missing, f"{curie(cls)}: no property shape for {sorted(map(curie, missing))}"


@cache
def ontology() -> Graph:
    return Graph().parse(project_file("ontology", "kgbuild.ttl"), format="turtle")


def kgo_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(KGO))
    }


def test_every_kgo_term_of_the_graph_and_shapes_is_declared_and_documented() -> None:
    onto = ontology()
    for term in sorted(kgo_terms(built_graph()) | kgo_terms(shapes())):
        kinds = set(onto.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, curie(term)
        label = onto.value(term, RDFS.label)
        comment = onto.value(term, RDFS.comment)
        assert isinstance(label, Literal) and label.language == "en", curie(term)
        assert isinstance(comment, Literal) and len(comment) > 20, curie(term)
        assert onto.value(term, RDFS.isDefinedBy) == ONTOLOGY, curie(term)
        if OWL.Class in kinds:
            continue
        assert onto.value(term, RDFS.domain) is not None, curie(term)
        assert onto.value(term, RDFS.range) is not None, curie(term)  # kgo:about: owl:Thing


def test_every_kgo_term_of_the_ontology_is_covered_by_a_shape() -> None:
    graph = shapes()
    onto = ontology()
    targeted = set(graph.objects(None, SH.targetClass))
    paths = set(graph.objects(None, SH.path)) | set(graph.objects(None, SH.inversePath))
    for term in sorted(kgo_terms(onto)):
        if onto.value(term, RDFS.isDefinedBy) != ONTOLOGY:
            continue
        if (term, RDF.type, OWL.Class) in onto:
            assert term in targeted, curie(term)
        else:
            assert term in paths, curie(term)


def test_external_terms_of_the_graph_are_named_in_the_ontology_usage_note() -> None:
    note = str(ontology().value(ONTOLOGY, DCTERMS.description))
    graph = built_graph()
    terms = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    for term in sorted(terms - kgo_terms(graph) - {RDF.type}):
        assert curie(term) in note, curie(term)
