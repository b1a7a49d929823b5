"""Namespaces of the published graph; ``kgo:`` is fixed, the data base IRI is not."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD


class KeptTerms(Namespace):
    """A Namespace that keeps the terms it makes: mapping a corpus asks for the same few
    terms (``KGO.evidence``) millions of times, and rdflib makes a new IRI every time."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by plain attribute lookup from now on
        return term


KGO = KeptTerms("https://w3id.org/kgbuild/ontology#")
OA = KeptTerms("http://www.w3.org/ns/oa#")
SCHEMA = KeptTerms("http://schema.org/")
CITO = KeptTerms("http://purl.org/spar/cito/")
WD = KeptTerms("http://www.wikidata.org/entity/")

SPDX = KeptTerms("http://spdx.org/rdf/terms#")

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
