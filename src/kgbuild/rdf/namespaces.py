"""Namespaces of the published graph; ``kgo:`` is fixed, the data base IRI is not."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

KGO = Namespace("https://w3id.org/kgbuild/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("http://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
WD = Namespace("http://www.wikidata.org/entity/")

SPDX = Namespace("http://spdx.org/rdf/terms#")

DEFAULT_BASE = "https://w3id.org/kgbuild/id/"

PREFIXES = {
    "kgo": KGO,
    "oa": OA,
    "schema": SCHEMA,
    "cito": CITO,
    "wd": WD,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
}

# The vocabularies of the dataset description (void.ttl), beside the data's own.
DESCRIPTION_PREFIXES = {"void": VOID, "dcat": DCAT, "spdx": SPDX}
