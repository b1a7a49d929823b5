"""IRI minting: readable slugs for named entities, stable hashes for everything else.

The same input gives the same IRIs on every run and machine: slugs come from canonical
labels, hashes from the dataset, the document slug and raw offsets, never from counters or
memory ids.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kgbuild.rdf.namespaces import DEFAULT_BASE


class InvalidBaseError(ValueError):
    """The --base given is not an absolute http(s) IRI ending in / or #."""


def check_base(base: str | None) -> str:
    base = base or DEFAULT_BASE
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        raise InvalidBaseError(
            f"--base must be an absolute http(s) IRI ending in '/' or '#', got {base!r}"
        )
    return base


def dataset_iri(base: str, name: str | None = None) -> str:
    """A dataset's IRI under a base: ``{base}dataset/{name}``, or ``{base}dataset``."""
    return f"{base}dataset/{name}" if name else f"{base}dataset"


def document_dataset(iri: str) -> str:
    """The dataset IRI a document's IRI was minted under (``{dataset}/document/{slug}``, as
    IriMinter.document mints it); "" for an IRI that is no document's."""
    at = iri.rfind("/document/")
    return iri[:at] if at > 0 and iri[:at].rsplit("/", 1)[-1] != "graph" else ""


def dataset_base(dataset: str) -> str:
    """The base a dataset IRI was minted under (``{base}dataset`` or ``{base}dataset/{name}``,
    as dataset_iri mints it); "" for an IRI that is no dataset's."""
    head, _, name = dataset.rpartition("/")
    stem = dataset if dataset.endswith("dataset") else head if "/" not in name else ""
    return stem[: -len("dataset")] if stem.endswith("dataset") else ""


def stable_hash(*parts: object) -> str:
    """A short hex digest of the parts, for IRIs of records without a natural name."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class IriMinter:
    """Mints every IRI of a build under one base; the named graphs it writes are the
    dataset's own (``{dataset}/graph/…``), and so are its documents (``{dataset}/document/…``)
    and records, so that builds of other datasets loaded into the same store never replace
    or merge with them, while entities keep one IRI across datasets."""

    def __init__(self, base: str | None = None, dataset: str | None = None) -> None:
        self.base = check_base(base)
        self.dataset = dataset or dataset_iri(self.base)

    def graph(self, name: str) -> URIRef:
        """A graph of the dataset: "shared", "reference", or a document's."""
        return URIRef(f"{self.dataset}/graph/{name}")

    def document_graph(self, slug: str) -> URIRef:
        return self.graph(f"document/{slug}")

    def entity(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{slug}")

    def document(self, slug: str) -> URIRef:
        """A document of the dataset: two datasets' ``preface.txt`` are two documents."""
        return URIRef(f"{self.dataset}/document/{slug}")

    def section(self, document_slug: str, number: int) -> URIRef:
        return URIRef(f"{self.dataset}/document/{document_slug}/section/{number}")

    def record(self, kind: str, *parts: object) -> URIRef:
        """A record (annotation, quotation, citation, claim, stance) of a document: its hash
        takes in the dataset, as the document's slug and offsets repeat across datasets."""
        return URIRef(f"{self.base}{kind}/{stable_hash(self.dataset, *parts)}")
