"""Scoring a graph of several documents: each annotation file against the document it
names, as if that document were the whole graph (``kgbuild evaluate``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kgbuild.document import InputError
from kgbuild.evaluate import (
    KindScore,
    RecordScore,
    add_to,
    evaluate,
    load_annotation,
    score_records,
)
from kgbuild.rdf.namespaces import KGO, OA


def score_files(
    graph: Graph, annotation_files: list[Path]
) -> tuple[dict[str, KindScore], dict[str, RecordScore]]:
    """Entity and record scores summed over annotation files. A graph of several documents
    is scored file by file against the document each file names (``"document"``: its file
    name, or its name in IRIs where two share a file name), as if that document were the
    whole graph; a file that names none, or another one, is an error, not a wrong score."""
    documents = sorted(graph.subjects(RDF.type, KGO.Document))
    names = _document_names(graph, documents)
    entities: dict[str, KindScore] = defaultdict(KindScore)
    records: dict[str, RecordScore] = defaultdict(RecordScore)
    views: dict[URIRef, Graph] = {}  # a document's annotations may come in several files
    for path in annotation_files:
        named = load_annotation(path).get("document")
        if named is None and len(documents) > 1:
            raise InputError(
                f"{path}: the graph holds {len(documents)} documents; say which one this "
                f'annotation is for with "document": one of {", ".join(sorted(names))}')
        if named is not None and str(named) not in names:
            raise InputError(f"{path}: names the document {named!r}, which the graph does "
                             f"not hold (it holds {', '.join(sorted(names))})")
        view = graph
        if len(documents) > 1:
            document = names[str(named)]
            if document not in views:
                views[document] = document_view(graph, document)
            view = views[document]
        for kind, score in evaluate(view, [path]).items():
            add_to(entities[kind], score)
        for kind, record in score_records(view, [path]).items():
            add_to(records[kind], record)
    return dict(entities), dict(records)


def _document_names(graph: Graph, documents: list[URIRef]) -> dict[str, URIRef]:
    """What an annotation may call a document: its name in IRIs ("1917-letter"), and its
    file name ("letter.txt") when no other document was read from a file of that name."""
    sources = {d: str(graph.value(d, KGO.sourceFile)) for d in documents}
    files = Counter(sources.values())
    names = {str(d).rsplit("/", 1)[-1]: d for d in documents}
    names |= {source: d for d, source in sources.items() if files[source] == 1}
    return names


def document_view(graph: Graph, document: URIRef) -> Graph:
    """The graph with the evidence of one document only: the annotations on other documents
    and the links to them are left out, and the records that then have no evidence."""
    elsewhere = {
        annotation for annotation, target in graph.subject_objects(OA.hasTarget)
        if graph.value(target, OA.hasSource) != document
    }
    links = (KGO.evidence, KGO.thesisEvidence)
    unproven = {
        record for record in {s for link in links for s in graph.subjects(link, None)}
        if all(a in elsewhere for link in links for a in graph.objects(record, link))
        and (record, RDF.type, KGO.Document) not in graph
    }
    view = Graph()
    for triple in graph:
        subject, _, obj = triple
        if subject in elsewhere or obj in elsewhere or (
            subject in unproven and graph.value(subject, RDFS.label) is None
        ):
            continue
        view.add(triple)
    return view
