"""The resolved corpus: entities, one per real thing, and the records that point at them.

What resolution (``resolve.py``) produces and the RDF mapping (``rdf/mapping.py``) reads:
plain data, no lookups.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kgbuild.document import Document, Span, slugify
from kgbuild.records import (
    CitationRecord,
    DatedClaimRecord,
    QuotationRecord,
    StanceRecord,
)
from kgbuild.reference import KINDS


@dataclass(frozen=True)
class Evidence:
    """Where a document states something: the document and the raw span."""

    document: str
    span: Span


@dataclass
class Entity:
    """One real person, organization, work, meeting or resolution, with all its evidence."""

    kind: str
    key: str
    label: str
    wikidata: str | None = None
    aliases: set[str] = field(default_factory=set)
    facts: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.label)


EntityRef = tuple[str, str]  # (kind, key) of an Entity


@dataclass
class ResolvedCitation:
    """A citation with its edition and the work or resolution it names, as entities."""

    document: str
    record: CitationRecord
    edition: EntityRef | None = None
    cites: EntityRef | None = None


@dataclass
class ResolvedQuotation:
    """A quotation with its speaker and source resolved to entities."""

    document: str
    record: QuotationRecord
    speaker: EntityRef | None = None
    source: EntityRef | None = None
    citation: ResolvedCitation | None = None


@dataclass
class ResolvedClaim:
    """A dated claim with what it is about and who asserts it, as entities."""

    document: str
    record: DatedClaimRecord
    about: EntityRef | None = None
    asserted_by: EntityRef | None = None


@dataclass
class ResolvedStance:
    """A holder endorsing or rejecting a person's thesis; the thesis comes from a work (an
    entity) or a quotation of the same document (its record), when the text says so."""

    document: str
    record: StanceRecord
    about: EntityRef | None
    asserted_by: EntityRef | None = None
    thesis_source: EntityRef | QuotationRecord | None = None


@dataclass
class KnowledgeBase:
    """The resolved corpus: documents, their authors, entities, citations and quotations."""

    documents: list[Document] = field(default_factory=list)
    entities: dict[EntityRef, Entity] = field(default_factory=dict)
    document_authors: dict[str, EntityRef] = field(default_factory=dict)
    citations: list[ResolvedCitation] = field(default_factory=list)
    quotations: list[ResolvedQuotation] = field(default_factory=list)
    claims: list[ResolvedClaim] = field(default_factory=list)
    stances: list[ResolvedStance] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """What was found, per kind: the entities the texts name, then the records."""
        named = Counter(e.kind for e in self.entities.values() if e.evidence)
        return {
            **{kinds: named[kinds.removesuffix("s")] for kinds in KINDS},
            "quotations": len(self.quotations),
            "citations": len(self.citations),
            "dated claims": len(self.claims),
            "stances": len(self.stances),
        }
