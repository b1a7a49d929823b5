"""The dataset description (output/void.ttl): VoID statistics and a DCAT distribution per dump.

Deterministic like the dumps: no clock is read. The description's issue date comes from
SOURCE_DATE_EPOCH when set (the reproducible-builds convention) and is left out otherwise.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections import Counter
from collections.abc import Mapping
from importlib.metadata import version

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from kgbuild.document import Document
from kgbuild.rdf.namespaces import KGO, PREFIXES
from kgbuild.stats import prefixed

SPDX = "http://spdx.org/rdf/terms#"
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
}


def _issued() -> Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return Literal(moment.date().isoformat(), datatype=XSD.date)


def describe(graph: Graph, documents: list[Document], dumps: Mapping[str, str], base: str) -> Graph:
    """VoID + DCAT description of ``graph`` and of its serialised ``dumps`` (name → text)."""
    out = Graph(bind_namespaces="none")
    for prefix, namespace in {
        "void": VOID,
        "dcat": DCAT,
        "dcterms": DCTERMS,
        "xsd": XSD,
        "spdx": SPDX,
        "foaf": FOAF,
        "owl": OWL,
    }.items():
        out.bind(prefix, namespace)
    dataset = URIRef(f"{base}dataset")
    titles = ", ".join(doc.meta.title for doc in documents)
    out.add((dataset, RDF.type, VOID.Dataset))
    out.add((dataset, RDF.type, DCAT.Dataset))
    out.add((dataset, DCTERMS.title, Literal(f"kgbuild knowledge graph of {titles}")))
    out.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Persons, organizations, works, congresses, resolutions, quotations with their "
                "citations, dated claims and stances named in the source texts, each with W3C Web "
                "Annotation evidence pointing at the exact span of the text."
            ),
        )
    )
    out.add((dataset, DCTERMS.license, LICENSE))
    out.add((dataset, DCTERMS.creator, Literal("kgbuild")))
    out.add((dataset, OWL.versionInfo, Literal(version("kgbuild"))))
    if issued := _issued():
        out.add((dataset, DCTERMS.issued, issued))
    for doc in documents:
        out.add((dataset, DCTERMS.source, URIRef(f"{base}document/{doc.meta.slug}")))
    for namespace in sorted({str(ns) for ns in PREFIXES.values()}):
        if any(
            str(p).startswith(namespace) or str(o).startswith(namespace)
            for _, p, o in graph.triples((None, None, None))
        ):
            out.add((dataset, VOID.vocabulary, URIRef(namespace)))
    _statistics(out, dataset, graph, base)
    for name, text in sorted(dumps.items()):
        _distribution(out, dataset, name, text.encode("utf-8"), base)
    return out


def _statistics(out: Graph, dataset: URIRef, graph: Graph, base: str) -> None:
    out.add((dataset, VOID.triples, Literal(len(graph))))
    out.add((dataset, VOID.distinctSubjects, Literal(len(set(graph.subjects())))))
    out.add((dataset, VOID.entities, Literal(len(set(graph.subjects(RDFS.label, None))))))
    classes = Counter(graph.objects(None, RDF.type))
    for cls, count in sorted(classes.items()):
        partition = URIRef(f"{base}dataset/class/{prefixed(str(cls)).replace(':', '-')}")
        out.add((dataset, VOID.classPartition, partition))
        out.add((partition, VOID["class"], cls))
        out.add((partition, VOID.entities, Literal(count)))
    properties = Counter(graph.predicates())
    for prop, count in sorted(properties.items()):
        partition = URIRef(f"{base}dataset/property/{prefixed(str(prop)).replace(':', '-')}")
        out.add((dataset, VOID.propertyPartition, partition))
        out.add((partition, VOID.property, prop))
        out.add((partition, VOID.triples, Literal(count)))
    people = Counter(
        {s: len(list(graph.objects(s, KGO.evidence))) for s in graph.subjects(RDF.type, KGO.Person)}
    )
    for example, _ in sorted(people.items(), key=lambda item: (-item[1], str(item[0])))[:3]:
        out.add((dataset, VOID.exampleResource, example))


def _distribution(out: Graph, dataset: URIRef, name: str, data: bytes, base: str) -> None:
    distribution = URIRef(f"{base}dataset/distribution/{name}")
    checksum = URIRef(f"{distribution}#sha256")
    suffix = name[name.rfind(".") :]
    out.add((dataset, DCAT.distribution, distribution))
    out.add((distribution, RDF.type, DCAT.Distribution))
    out.add((distribution, DCTERMS.title, Literal(name)))
    out.add((distribution, DCAT.downloadURL, URIRef(f"{base}{name}")))
    out.add(
        (
            distribution,
            DCAT.mediaType,
            URIRef(f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[suffix]}"),
        )
    )
    out.add((distribution, DCAT.byteSize, Literal(len(data), datatype=XSD.nonNegativeInteger)))
    out.add((distribution, URIRef(f"{SPDX}checksum"), checksum))
    out.add((checksum, RDF.type, URIRef(f"{SPDX}Checksum")))
    out.add((checksum, URIRef(f"{SPDX}algorithm"), URIRef(f"{SPDX}checksumAlgorithm_sha256")))
    out.add(
        (
            checksum,
            URIRef(f"{SPDX}checksumValue"),
            Literal(hashlib.sha256(data).hexdigest(), datatype=XSD.hexBinary),
        )
    )
