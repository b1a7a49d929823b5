"""The dataset description (output/void.ttl): VoID statistics and a DCAT distribution per dump.

Deterministic like the dumps: no clock is read. The description's issue date comes from
SOURCE_DATE_EPOCH when set (the reproducible-builds convention) and is left out otherwise.
"""

from __future__ import annotations

import datetime
import json
import os
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID, XSD

from kgbuild.document import Document
from kgbuild.project import DatasetInfo
from kgbuild.rdf.iris import IriMinter
from kgbuild.rdf.namespaces import KGO, PREFIXES, SPDX
from kgbuild.stats import prefixed

# vocabularies the data may use: every namespace kgbuild binds but Wikidata's entities
# (owl:sameAs objects, not terms of a vocabulary)
NAMESPACES = sorted({str(ns) for prefix, ns in PREFIXES.items() if prefix != "wd"})
RDF_TYPE = str(RDF.type)
EVIDENCE, PERSON = str(KGO.evidence), str(KGO.Person)
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
}


@cache
def default_description() -> str:
    """What any kgbuild dataset holds (data/dataset.json), when its publisher says nothing."""
    path = resources.files("kgbuild") / "data" / "dataset.json"
    description: str = json.loads(path.read_text(encoding="utf-8"))["description"]
    return description


def _issued() -> Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return Literal(moment.date().isoformat(), datatype=XSD.date)


@dataclass
class GraphStatistics:
    """What the description counts. Gathered per unit, in one pass over its triples, and
    added up (``merge``): units share no triple, but may share subjects, the entities;
    every other subject (a document, its records, their annotations) is one unit's only, so
    it is counted, not kept: a corpus has millions."""

    triples: int = 0
    subjects: set[str] = field(default_factory=set)  # those other units may have too
    own_subjects: int = 0  # the others
    own_in_uri_space: int = 0  # of them, those in the dataset's URI space (VoID entities)
    persons: set[str] = field(default_factory=set)
    classes: Counter[str] = field(default_factory=Counter)
    properties: Counter[str] = field(default_factory=Counter)
    evidence: Counter[str] = field(default_factory=Counter)
    vocabularies: set[str] = field(default_factory=set)  # of predicates and IRI objects

    def merge(self, other: GraphStatistics) -> GraphStatistics:
        self.triples += other.triples
        self.own_subjects += other.own_subjects
        self.own_in_uri_space += other.own_in_uri_space
        for mine, theirs in (
            (self.subjects, other.subjects),
            (self.persons, other.persons),
            (self.vocabularies, other.vocabularies),
        ):
            mine |= theirs
        self.classes.update(other.classes)
        self.properties.update(other.properties)
        self.evidence.update(other.evidence)
        return self


def graph_statistics(
    triples: Iterable[tuple[object, object, object]],
    shareable: Container[object] | None = None,
    uri_space: str = "",
) -> GraphStatistics:
    """The statistics of distinct rdflib triples; of their subjects, only those in
    ``shareable`` (default: all) are kept, the others counted (by whether they are in
    ``uri_space``)."""
    stats = GraphStatistics()
    iris: set[str] = set()
    own: set[str] = set()
    for subject_term, predicate_term, obj in triples:
        subject, predicate = str(subject_term), str(predicate_term)
        stats.triples += 1
        if shareable is None or subject_term in shareable:
            stats.subjects.add(subject)
        else:
            own.add(subject)
        stats.properties[predicate] += 1
        iris.add(predicate)
        if isinstance(obj, URIRef):
            iris.add(str(obj))
        if predicate == RDF_TYPE:
            stats.classes[str(obj)] += 1
            if str(obj) == PERSON:
                stats.persons.add(subject)
        elif predicate == EVIDENCE:
            stats.evidence[subject] += 1
    stats.vocabularies = {ns for iri in iris for ns in NAMESPACES if iri.startswith(ns)}
    stats.own_subjects = len(own)
    stats.own_in_uri_space = sum(subject.startswith(uri_space) for subject in own)
    return stats


def describe(
    stats: GraphStatistics,
    documents: list[Document],
    distributions: Mapping[str, tuple[int, str]],
    base: str,
    info: DatasetInfo | None = None,
) -> Graph:
    """VoID + DCAT description of a graph and of its dumps (name → byte size, SHA-256), with
    what the publisher says of it (``info``, from kgbuild.toml): license, creator, version
    and creation date only when given."""
    info = info or DatasetInfo()
    out = Graph(bind_namespaces="none")  # written with the prefixes it uses (publish.turtle)
    dataset = URIRef(info.iri(base))
    titles = ", ".join(doc.meta.title for doc in documents)
    out.add((dataset, RDF.type, VOID.Dataset))
    out.add((dataset, RDF.type, DCAT.Dataset))
    title = info.title or f"kgbuild knowledge graph of {titles}"
    out.add((dataset, DCTERMS.title, Literal(title)))
    out.add((dataset, DCTERMS.description, Literal(info.description or default_description())))
    if info.license:
        out.add((dataset, DCTERMS.license, URIRef(info.license)))
    if info.creator:
        out.add((dataset, DCTERMS.creator, Literal(info.creator)))
    if info.created:
        out.add((dataset, DCTERMS.created, Literal(info.created, datatype=XSD.date)))
    if info.version:
        out.add((dataset, OWL.versionInfo, Literal(info.version)))
    if issued := _issued():
        out.add((dataset, DCTERMS.issued, issued))
    minter = IriMinter(base, str(dataset))
    for doc in documents:
        out.add((dataset, DCTERMS.source, minter.document(doc.meta.slug)))
    for namespace in sorted(stats.vocabularies):
        out.add((dataset, VOID.vocabulary, URIRef(namespace)))
    out.add((dataset, VOID.uriSpace, Literal(base)))
    _statistics(out, dataset, stats, base)
    for name, (size, sha256) in sorted(distributions.items()):
        _distribution(out, dataset, name, size, sha256)
    return out


def _statistics(out: Graph, dataset: URIRef, stats: GraphStatistics, uri_space: str) -> None:
    out.add((dataset, VOID.triples, Literal(stats.triples)))
    subjects = len(stats.subjects) + stats.own_subjects
    out.add((dataset, VOID.distinctSubjects, Literal(subjects)))
    # VoID's entities: the resources whose IRI is in the dataset's URI space
    in_space = sum(s.startswith(uri_space) for s in stats.subjects) + stats.own_in_uri_space
    out.add((dataset, VOID.entities, Literal(in_space)))
    for cls, count in sorted(stats.classes.items()):
        partition = URIRef(f"{dataset}/class/{prefixed(str(cls)).replace(':', '-')}")
        out.add((dataset, VOID.classPartition, partition))
        out.add((partition, VOID["class"], URIRef(cls)))
        out.add((partition, VOID.entities, Literal(count)))
    for prop, count in sorted(stats.properties.items()):
        partition = URIRef(f"{dataset}/property/{prefixed(str(prop)).replace(':', '-')}")
        out.add((dataset, VOID.propertyPartition, partition))
        out.add((partition, VOID.property, URIRef(prop)))
        out.add((partition, VOID.triples, Literal(count)))
    people = {person: stats.evidence[person] for person in stats.persons}
    for example, _ in sorted(people.items(), key=lambda item: (-item[1], item[0]))[:3]:
        out.add((dataset, VOID.exampleResource, URIRef(example)))


def _distribution(out: Graph, dataset: URIRef, name: str, size: int, sha256: str) -> None:
    """A dump, downloaded from beside the dataset's IRI, so that datasets under one base do
    not claim the same file."""
    distribution = URIRef(f"{dataset}/distribution/{name}")
    checksum = URIRef(f"{distribution}#sha256")
    suffix = name[name.rfind(".") :]
    out.add((dataset, DCAT.distribution, distribution))
    if suffix != ".jsonld" or name == "graph.jsonld":  # the framed files hold part of it
        out.add((dataset, VOID.dataDump, URIRef(f"{dataset}/{name}")))
    out.add((distribution, RDF.type, DCAT.Distribution))
    out.add((distribution, DCTERMS.title, Literal(name)))
    out.add((distribution, DCAT.downloadURL, URIRef(f"{dataset}/{name}")))
    out.add(
        (
            distribution,
            DCAT.mediaType,
            URIRef(f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[suffix]}"),
        )
    )
    out.add((distribution, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    out.add((distribution, SPDX.checksum, checksum))
    out.add((checksum, RDF.type, SPDX.Checksum))
    out.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    out.add(
        (
            checksum,
            SPDX.checksumValue,
            Literal(sha256, datatype=XSD.hexBinary),
        )
    )
