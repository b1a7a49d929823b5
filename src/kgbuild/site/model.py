"""The built graph read into plain records for the pages: entities, documents, their
mentions (evidence annotations) and the quotations, citations and claims that name them.

The graph file is read in one pass with pyoxigraph's parser, so that a 100-document graph
(1.4M triples) is read in seconds; nothing here knows about HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kgbuild.rdf.mapping import CLASSES, MEETING_CLASSES
from kgbuild.rdf.namespaces import DCTERMS as DCTERMS_NS
from kgbuild.rdf.namespaces import KGO as KGO_NS
from kgbuild.rdf.namespaces import OA as OA_NS
from kgbuild.rdf.namespaces import OWL, RDF, RDFS, SKOS
from kgbuild.rdf.namespaces import PREFIXES as NAMESPACES
from kgbuild.rdf.namespaces import SCHEMA as SCHEMA_NS

# the vocabularies as the plain strings pyoxigraph's terms carry
KGO, OA, SCHEMA, DCTERMS = (str(ns) for ns in (KGO_NS, OA_NS, SCHEMA_NS, DCTERMS_NS))
RDF_TYPE, LABEL, ALT_LABEL, SAME_AS = (str(t) for t in (RDF.type, RDFS.label, SKOS.altLabel,
                                                        OWL.sameAs))
PREFIXES = {prefix: str(namespace) for prefix, namespace in NAMESPACES.items()}

# class → the kind an entity is listed under (its IRI's folder)
KINDS = {str(cls): kind for kind, cls in CLASSES.items()} | {
    str(cls): "meeting" for cls in MEETING_CLASSES.values()}

Node = dict[str, list[str]]
"""A resource's properties: predicate IRI → values (IRIs or lexical forms), sorted."""


@dataclass(frozen=True)
class Mention:
    """One evidence annotation: where in which document a record or entity is stated."""

    annotation: str
    body: str
    document: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    line: int
    section: str | None

    @property
    def anchor(self) -> str:
        """The id of the span on its document page."""
        return "a-" + self.annotation.rsplit("/", 1)[-1]


@dataclass
class Entity:
    iri: str
    kind: str  # person, organization, work, meeting, resolution
    type: str  # the class's local name: Person, Congress, ...
    label: str
    aliases: list[str]
    node: Node
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Section:
    iri: str
    label: str
    position: int


@dataclass
class Document:
    iri: str
    label: str
    node: Node
    sections: list[Section]
    source_file: str
    sha256: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Record:
    """A quotation, citation or claim: its properties and its evidence."""

    iri: str
    type: str  # Quotation, Citation, Claim, DatedClaim
    node: Node
    evidence: list[Mention] = field(default_factory=list)

    def one(self, local: str) -> str | None:
        values = self.node.get(KGO + local)
        return values[0] if values else None


@dataclass
class Graph:
    """Everything the pages show."""

    entities: dict[str, Entity]
    documents: dict[str, Document]
    records: dict[str, Record]
    triples: int

    def label(self, iri: str) -> str:
        """A resource's name as pages print it: its label, else the end of its IRI."""
        for table in (self.entities, self.documents):
            if iri in table:
                return table[iri].label
        return iri.rstrip("/").rsplit("/", 1)[-1]

    def by_type(self, *types: str) -> list[Record]:
        return [record for record in self.records.values() if record.type in types]


def read_graph(path: Path) -> Graph:
    """The records of every entity, document and quotation, citation or claim, read in
    one pass over the graph file (a parser, not a store: about twice as fast on 1.4M
    triples as loading pyoxigraph's store and querying it, which matters at 100 texts)."""
    from kgbuild.rdf.formats import cannot_parse, graph_file

    _, fmt = graph_file(path)
    nodes: dict[str, Node] = defaultdict(lambda: defaultdict(list))
    types: dict[str, str] = {}
    count = 0
    try:
        for triple in ox.parse(path=str(path), format=fmt):
            subject, predicate = triple.subject.value, triple.predicate.value
            if predicate == RDF_TYPE:
                types[subject] = triple.object.value
            else:
                nodes[subject][predicate].append(triple.object.value)
            count += 1
    except (SyntaxError, ValueError, OSError) as error:
        raise cannot_parse(path, error) from None
    for node in nodes.values():
        for values in node.values():
            values.sort()

    def of(*classes: str) -> dict[str, tuple[str, Node]]:
        wanted = set(classes)
        return {iri: (cls, nodes[iri]) for iri, cls in types.items() if cls in wanted}

    entities: dict[str, Entity] = {}
    for iri, (cls, node) in of(*KINDS).items():
        label = (node.get(LABEL) or [iri.rsplit("/", 1)[-1]])[0]
        entities[iri] = Entity(iri, KINDS[cls], cls.removeprefix(KGO), label,
                               [a for a in node.get(ALT_LABEL, []) if a != label], node)
    sections = {
        iri: Section(iri, (node.get(LABEL) or [""])[0], int((node.get(KGO + "position") or [0])[0]))
        for iri, (_, node) in of(KGO + "Section").items()
    }
    documents = {}
    for iri, (_, node) in of(KGO + "Document").items():
        parts = sorted((sections[s] for s in node.get(DCTERMS + "hasPart", []) if s in sections),
                       key=lambda s: s.position)
        documents[iri] = Document(
            iri, (node.get(LABEL) or [iri])[0], node, parts,
            (node.get(KGO + "sourceFile") or [""])[0], (node.get(KGO + "sha256") or [""])[0])
    records = {
        iri: Record(iri, cls.removeprefix(KGO), node)
        for iri, (cls, node) in of(KGO + "Quotation", KGO + "Citation", KGO + "Claim",
                                   KGO + "DatedClaim").items()
    }
    for mention in _mentions(nodes, types, [*entities.values(), *records.values()]):
        holder = entities.get(mention.body) or records.get(mention.body)
        if isinstance(holder, Entity):
            holder.mentions.append(mention)
        elif holder is not None:
            holder.evidence.append(mention)
        if mention.document in documents:
            documents[mention.document].mentions.append(mention)
    for table in (entities, records):
        for holder in table.values():
            holder.node = {p: v for p, v in holder.node.items() if p != KGO + "evidence"}
    return Graph(entities, documents, records, count)


def _mentions(
    nodes: dict[str, Node], types: dict[str, str], holders: list[Entity | Record]
) -> list[Mention]:
    """The evidence annotations (``kgo:evidence``) of entities and records, in reading
    order: document, start, end."""
    found = []
    for holder in holders:
        for annotation in holder.node.get(KGO + "evidence", []):
            ann = nodes.get(annotation, {})
            target = nodes.get((ann.get(OA + "hasTarget") or [""])[0], {})
            selectors = {types.get(s): nodes.get(s, {}) for s in target.get(OA + "hasSelector", [])}
            position = selectors.get(OA + "TextPositionSelector", {})
            quote = selectors.get(OA + "TextQuoteSelector", {})
            if not position or not target.get(OA + "hasSource"):
                continue

            def first(node: Node, local: str) -> str:
                return (node.get(OA + local) or [""])[0]

            section = ann.get(KGO + "inSection")
            found.append(Mention(
                annotation=annotation, body=holder.iri, document=target[OA + "hasSource"][0],
                start=int(first(position, "start")), end=int(first(position, "end")),
                exact=first(quote, "exact"), prefix=first(quote, "prefix"),
                suffix=first(quote, "suffix"), line=int((ann.get(KGO + "line") or [0])[0]),
                section=section[0] if section else None))
    found.sort(key=lambda m: (m.document, m.start, m.end, m.annotation))
    return found
