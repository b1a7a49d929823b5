"""build(): ingest → extract → resolve → map → validate → publish, in one direction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kgbuild.describe import describe
from kgbuild.document import Document, InputError, load_document
from kgbuild.extract import extract_all
from kgbuild.publish import (
    canonical_ntriples,
    jsonld,
    named_graph_dumps,
    turtle,
    write_atomically,
)
from kgbuild.rdf.iris import check_base
from kgbuild.rdf.mapping import to_graph
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import KnowledgeBase, resolve
from kgbuild.resources import bundled_corpus
from kgbuild.validate import ValidationOutcome, validate_graph

REPORT_NAME = "validation-report.ttl"


class ValidationFailed(Exception):
    """The graph breaks the shapes; nothing was published."""

    def __init__(self, outcome: ValidationOutcome, report_path: Path) -> None:
        super().__init__(outcome.summary())
        self.outcome = outcome
        self.report_path = report_path


@dataclass
class BuildResult:
    documents: list[Document]
    knowledge_base: KnowledgeBase
    graph: Graph
    validation: ValidationOutcome
    written: list[Path] = field(default_factory=list)


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the texts (*.txt) in it, in name order."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            texts = sorted(path.glob("*.txt"))
            if not texts:
                raise InputError(f"{path}: folder holds no .txt texts")
            expanded.extend(texts)
        else:
            expanded.append(path)
    return expanded


def load_documents(paths: list[Path], encoding: str = "utf-8") -> list[Document]:
    """Read every input; two inputs may not share a name (their IRIs would collide)."""
    paths = expand_inputs(paths)
    documents = [load_document(path, encoding) for path in paths]
    seen: dict[str, Path] = {}
    for path, doc in zip(paths, documents, strict=True):
        if doc.meta.slug in seen:
            raise InputError(f"{path}: same document name as {seen[doc.meta.slug]}")
        seen[doc.meta.slug] = path
    return documents


def build_graph(
    documents: list[Document], reference: ReferenceData, base: str | None = None
) -> tuple[KnowledgeBase, Graph]:
    """The extract → resolve → map part of the pipeline, without validation or output."""
    extractions = [(doc, extract_all(doc, reference)) for doc in documents]
    knowledge_base = resolve(extractions, reference)
    return knowledge_base, to_graph(knowledge_base, base)


def build(
    paths: list[Path] | None = None,
    out_dir: Path = Path("output"),
    base: str | None = None,
    reference_dir: Path | None = None,
    shapes: Path | None = None,
    encoding: str = "utf-8",
) -> BuildResult:
    """Build, validate and publish the graph of ``paths`` (default: the bundled corpus).

    On a SHACL violation nothing in ``out_dir`` changes: the report goes beside it, to
    ``<out_dir>.failed-validation-report.ttl``, and ValidationFailed is raised.
    """
    documents = load_documents(list(paths) if paths else bundled_corpus(), encoding)
    reference = load_reference(reference_dir)
    knowledge_base, graph = build_graph(documents, reference, base)
    outcome, report = validate_graph(graph, shapes)
    report_text = turtle(canonical_ntriples(report))
    if not outcome.conforms:
        failed = out_dir.parent / f"{out_dir.name}.failed-{REPORT_NAME}"
        write_atomically({failed.name: report_text}, failed.parent)
        raise ValidationFailed(outcome, failed)
    ntriples = canonical_ntriples(graph)
    nquads, trig = named_graph_dumps(ntriples)
    dumps = {
        "graph.nt": ntriples,
        "graph.ttl": turtle(ntriples),
        "graph.jsonld": jsonld(graph),
        "graph.nq": nquads,
        "graph.trig": trig,
    }
    description = describe(graph, documents, dumps, check_base(base))
    written = write_atomically(
        {**dumps, "void.ttl": turtle(canonical_ntriples(description)), REPORT_NAME: report_text},
        out_dir,
    )
    return BuildResult(documents, knowledge_base, graph, outcome, written)
