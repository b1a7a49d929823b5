"""Building in units (one per document, plus the shared entities) gives exactly what the
whole graph gives: the same triples, the same validation issues, the same files whatever
the number of processes."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from kgbuild.knowledge import KnowledgeBase
from kgbuild.pipeline import ValidationFailed, build, read_and_extract
from kgbuild.project import default_name
from kgbuild.publish import KNOWN_PREFIXES, canonical_lines, jsonld_nodes, load_context
from kgbuild.rdf.mapping import SHARED, to_graph
from kgbuild.reference import load_reference
from kgbuild.resolve import resolve
from kgbuild.resources import shapes_path
from kgbuild.timing import Stopwatch
from kgbuild.units import process_units
from kgbuild.validate import Validator, validate_graph

PERIOD = sorted((Path(__file__).parent / "data" / "period").glob("*.txt"))
BASE = "https://example.org/kg/"

# Constraints the real graph breaks on purpose, on shared entities (evidence spread over
# several documents), on document nodes and on nodes borrowed across units.
STRICTER = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kgo: <https://w3id.org/kgbuild/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <http://schema.org/> .
@prefix ex: <https://example.org/shapes#> .
ex:FewMentions a sh:NodeShape ; sh:targetClass kgo:Person ;
    sh:property [ sh:path kgo:evidence ; sh:maxCount 3 ; sh:message "too many mentions" ] .
ex:SpeakerNeeded a sh:NodeShape ; sh:targetClass kgo:Quotation ;
    sh:property [ sh:path kgo:spokenBy ; sh:minCount 1 ; sh:message "no speaker" ] .
ex:AuthoredOnce a sh:NodeShape ; sh:targetClass kgo:Person ;
    sh:property [ sh:path [ sh:inversePath schema:author ] ; sh:maxCount 0 ;
                  sh:message "an author" ] .
ex:ShortSpans a sh:NodeShape ; sh:targetClass oa:TextQuoteSelector ;
    sh:property [ sh:path oa:exact ; sh:maxLength 40 ; sh:message "long span" ] .
"""


@pytest.fixture(scope="module")
def corpus() -> KnowledgeBase:
    reference = load_reference()
    return resolve(read_and_extract(PERIOD, reference), reference)


def test_several_documents_share_entities(corpus: KnowledgeBase, tmp_path: Path) -> None:
    units = process_units(corpus, BASE, tmp_path)
    assert [r.name for r in units.results] == [d.meta.slug for d in corpus.documents] + [SHARED]


def test_the_units_hold_the_whole_graph_each_triple_once(
    corpus: KnowledgeBase, tmp_path: Path
) -> None:
    results = process_units(corpus, BASE, tmp_path).results
    lines = [
        line
        for r in results
        for path in r.graphs.values()
        for line in path.read_text("utf-8").split("\n")
        if line
    ]
    assert sum(r.statistics.triples for r in results) == len(lines)
    assert len(lines) == len(set(lines))
    assert sorted(lines) == canonical_lines(to_graph(corpus, BASE))


@pytest.mark.parametrize("stricter", [False, True])
def test_unit_validation_finds_what_whole_graph_validation_finds(
    corpus: KnowledgeBase, tmp_path: Path, stricter: bool
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_path().read_text(encoding="utf-8") + (STRICTER if stricter else ""))
    whole, _ = validate_graph(to_graph(corpus, BASE), shapes)
    units = process_units(corpus, BASE, tmp_path, shapes)
    by_unit = set(units.issues() + units.check_shared())
    assert by_unit == set(whole.issues)
    if stricter:  # each kind of broken node is caught, in whichever unit owns it
        messages = {issue.message for issue in by_unit}
        assert {"too many mentions", "no speaker", "an author", "long span"} <= messages


def test_processes_do_not_change_the_output(tmp_path: Path) -> None:
    one = build(PERIOD, tmp_path / "one", BASE, jobs=1)
    watch = Stopwatch()
    two = build(PERIOD, tmp_path / "two", BASE, jobs=2, watch=watch)
    assert two.seconds is watch.seconds  # the stages timed with the stopwatch given
    assert {"read and extract", "resolve", "  validate", "  write TriG"} <= set(watch.seconds)
    assert [p.name for p in one.written] == [p.name for p in two.written]
    for path in one.written:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    ntriples = Graph().parse(tmp_path / "two" / "graph.nt", format="nt")
    assert len(ntriples) == two.triples
    # shared entities' nodes are merged from several units into one JSON-LD node each
    jsonld = Graph().parse(tmp_path / "two" / "graph.jsonld", format="json-ld")
    assert isomorphic(jsonld, ntriples)
    # TriG, put together from the units' blocks, is pyoxigraph's TriG of the N-Quads whole
    # (the @prefix lines aside, which come in our order)
    whole = ox.serialize(ox.parse(path=str(tmp_path / "two" / "graph.nq"),
                                  format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG,
                         prefixes=dict(KNOWN_PREFIXES)).decode("utf-8")
    trig = (tmp_path / "two" / "graph.trig").read_text(encoding="utf-8")
    assert trig.count("{\n") == len(PERIOD) + 2  # a graph per document, shared, reference
    assert [line for line in trig.split("\n") if not line.startswith("@prefix")] == [
        line for line in whole.split("\n") if not line.startswith("@prefix")]


def _facts(nodes: list[dict[str, object]]) -> set[tuple[str, str, str]]:
    """(node id, key, value as sorted JSON) for every value of every node."""
    return {
        (str(node["id"]), key, json.dumps(item, sort_keys=True))
        for node in nodes
        for key, value in node.items()
        for item in (value if isinstance(value, list) else [value])
    }


def test_json_ld_nodes_are_what_rdflib_compacts(corpus: KnowledgeBase) -> None:
    """Compacting value by value gives the nodes rdflib's JSON-LD serializer gives."""
    graph = to_graph(corpus, BASE)
    context = load_context()
    ours = [json.loads(text) for _, text in jsonld_nodes(graph, context)]
    text = graph.serialize(format="json-ld", context=context["@context"], auto_compact=True)
    theirs = json.loads(text)["@graph"]
    assert len(ours) == len(theirs)
    assert _facts(ours) == _facts(theirs)


@pytest.fixture
def lenin_shapes(tmp_path: Path) -> Path:
    """The shapes, and one more that only Lenin breaks: he is named in several texts, so he
    is a shared entity, checked while the dumps are written."""
    shapes = tmp_path / "shapes.ttl"
    lenin = f"<{BASE}person/vladimir-lenin>"
    shapes.write_text(shapes_path().read_text(encoding="utf-8") + f"""
        <https://example.org/shapes#NoLenin> a sh:NodeShape ; sh:targetNode {lenin} ;
            sh:property [ sh:path rdfs:label ; sh:maxCount 0 ; sh:message "Lenin" ] .""")
    return shapes


def test_a_violation_only_shared_entities_have_stops_the_build(
    tmp_path: Path, lenin_shapes: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.nt").write_text("earlier\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        build(PERIOD, out, BASE, shapes=lenin_shapes, jobs=2)
    assert [i.message for i in failure.value.outcome.issues if i.severity == "Violation"] == [
        "Lenin"]
    assert sorted(p.name for p in out.iterdir()) == ["graph.nt"]
    assert (out / "graph.nt").read_text(encoding="utf-8") == "earlier\n"
    assert "Lenin" in failure.value.report_path.read_text(encoding="utf-8")


def test_a_failed_build_leaves_no_output_folder_behind(tmp_path: Path, lenin_shapes: Path) -> None:
    with pytest.raises(ValidationFailed):
        build(PERIOD, tmp_path / "new", BASE, shapes=lenin_shapes, jobs=2)
    assert not (tmp_path / "new").exists()
    assert (tmp_path / "new.failed-validation-report.ttl").exists()


def test_texts_named_shared_and_reference_keep_graphs_of_their_own(tmp_path: Path) -> None:
    text = "“The dictatorship of the proletariat is the rule of the proletariat,”\nsays Lenin.\n"
    for name in ("shared", "reference"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    build([tmp_path / "shared.txt", tmp_path / "reference.txt"], tmp_path / "out", BASE)
    quads = (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8").split("\n")
    graphs = {line.rsplit(" ", 2)[1] for line in quads if line}
    dataset = f"{BASE}dataset/{default_name([tmp_path])}"
    assert {f"<{dataset}/graph/document/shared>", f"<{dataset}/graph/document/reference>",
            f"<{dataset}/graph/shared>"} <= graphs
    documents = {line.split(" ")[0] for line in quads if "/ontology#Document>" in line}
    assert documents == {f"<{dataset}/document/shared>", f"<{dataset}/document/reference>"}


def test_hoisted_shapes_find_what_the_shapes_as_written_find(
    corpus: KnowledgeBase, tmp_path: Path
) -> None:
    """Validation moves node shapes' targets onto their property shapes (much faster in
    pySHACL); the shapes as written find the same issues."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_path().read_text(encoding="utf-8") + STRICTER)
    hoisted = Validator(shapes)
    as_written = Validator(shapes)
    as_written.shapes = Graph().parse(shapes, format="turtle")
    assert not set(hoisted.shapes.subject_objects(SH.property))  # really hoisted
    graph = to_graph(corpus, BASE)
    assert set(hoisted.issues(graph)) == set(as_written.issues(graph))
