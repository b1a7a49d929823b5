"""The built graph read into plain records for the pages: entities, documents, their
mentions (evidence annotations) and the quotations, citations and claims that name them.

The graph is loaded into an in-memory pyoxigraph store and read with a handful of SPARQL
queries returning flat rows, so that a 100-document graph (1.4M triples) is read in seconds;
nothing here knows about HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

KGO = "https://w3id.org/kgbuild/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
SCHEMA = "http://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"

# class → the kind an entity is listed under (its IRI's folder), in the order pages show them
KINDS = {
    f"{KGO}Person": "person",
    f"{KGO}Organization": "organization",
    f"{KGO}Work": "work",
    f"{KGO}Congress": "meeting",
    f"{KGO}Conference": "meeting",
    f"{KGO}Plenum": "meeting",
    f"{KGO}Resolution": "resolution",
}
KIND_ORDER = ("person", "organization", "work", "meeting", "resolution")
PREFIXES = {
    "kgo": KGO, "oa": OA, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#", "schema": SCHEMA, "dcterms": DCTERMS,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_SPARQL_PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())

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
    """Everything the pages show, with the store kept for each page's RDF description."""

    store: ox.Store
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


def _value(term: object) -> str:
    return term.value  # type: ignore[attr-defined]


def _nodes(store: ox.Store, classes: str) -> dict[str, tuple[str, Node]]:
    """Every resource of the given classes (a SPARQL VALUES list): (class, properties)."""
    query = (
        f"{_SPARQL_PREFIXES}SELECT ?s ?t ?p ?o WHERE {{ VALUES ?t {{ {classes} }} "
        "?s a ?t ; ?p ?o . FILTER(?p != kgo:evidence && ?p != rdf:type) }"
    )
    nodes: dict[str, tuple[str, Node]] = {}
    for row in store.query(query):
        subject = _value(row["s"])
        entry = nodes.setdefault(subject, (_value(row["t"]), defaultdict(list)))
        entry[1][_value(row["p"])].append(_value(row["o"]))
    for _, node in nodes.values():
        for values in node.values():
            values.sort()
    return nodes


_MENTIONS = f"""{_SPARQL_PREFIXES}
SELECT ?body ?ann ?src ?start ?end ?exact ?prefix ?suffix ?line ?section WHERE {{
  ?body kgo:evidence ?ann . ?ann oa:hasTarget ?target ; kgo:line ?line .
  ?target oa:hasSource ?src ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact .
  OPTIONAL {{ ?quote oa:prefix ?prefix }} OPTIONAL {{ ?quote oa:suffix ?suffix }}
  OPTIONAL {{ ?ann kgo:inSection ?section }}
}}"""


def _mentions(store: ox.Store) -> list[Mention]:
    found = []
    for row in store.query(_MENTIONS):
        section = row["section"]
        found.append(Mention(
            annotation=_value(row["ann"]), body=_value(row["body"]),
            document=_value(row["src"]), start=int(_value(row["start"])),
            end=int(_value(row["end"])), exact=_value(row["exact"]),
            prefix=_value(row["prefix"]) if row["prefix"] else "",
            suffix=_value(row["suffix"]) if row["suffix"] else "",
            line=int(_value(row["line"])), section=_value(section) if section else None,
        ))
    found.sort(key=lambda m: (m.document, m.start, m.end, m.annotation))
    return found


def load_store(path: Path) -> ox.Store:
    """The graph file in an in-memory store (format from its extension)."""
    from kgbuild.rdf.formats import cannot_parse, graph_file

    _, fmt = graph_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as error:
        raise cannot_parse(path, error) from None
    return store


def read_graph(store: ox.Store) -> Graph:
    """The records of every entity, document and quotation, citation or claim."""
    entities: dict[str, Entity] = {}
    for iri, (cls, node) in _nodes(store, " ".join(f"<{c}>" for c in KINDS)).items():
        label = (node.get(LABEL) or [iri.rsplit("/", 1)[-1]])[0]
        entities[iri] = Entity(iri, KINDS[cls], cls.removeprefix(KGO), label,
                               [a for a in node.get(ALT_LABEL, []) if a != label], node)
    sections = {
        iri: Section(iri, (node.get(LABEL) or [""])[0], int((node.get(KGO + "position") or [0])[0]))
        for iri, (_, node) in _nodes(store, "kgo:Section").items()
    }
    documents = {}
    for iri, (_, node) in _nodes(store, "kgo:Document").items():
        parts = sorted((sections[s] for s in node.get(DCTERMS + "hasPart", []) if s in sections),
                       key=lambda s: s.position)
        documents[iri] = Document(
            iri, (node.get(LABEL) or [iri])[0], node, parts,
            (node.get(KGO + "sourceFile") or [""])[0], (node.get(KGO + "sha256") or [""])[0])
    records = {
        iri: Record(iri, cls.removeprefix(KGO), node)
        for iri, (cls, node) in _nodes(
            store, "kgo:Quotation kgo:Citation kgo:Claim kgo:DatedClaim").items()
    }
    for mention in _mentions(store):
        holder = entities.get(mention.body) or records.get(mention.body)
        if isinstance(holder, Entity):
            holder.mentions.append(mention)
        elif holder is not None:
            holder.evidence.append(mention)
        if mention.document in documents:
            documents[mention.document].mentions.append(mention)
    return Graph(store, entities, documents, records, len(store))
