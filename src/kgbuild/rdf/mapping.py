"""The one mapping from resolved records to RDF triples, as docs/data-model.md describes it.

Every entity gets its class, label, aliases, Wikidata link and kind-specific properties,
and one Web Annotation per mention: ``oa:hasBody`` the entity, ``oa:hasTarget`` a
SpecificResource on the source document with a TextPositionSelector (raw code-point
offsets) and a TextQuoteSelector (the raw text), plus ``kgo:line`` and ``kgo:inSection``.
No blank nodes: every node has an IRI.

Every triple is placed in a named graph: the graph of the one document it comes from, the
shared graph for the description of an entity that several documents speak of, or the
reference graph for what the reference data files (not the text) say: Wikidata links,
life dates, dates and genres the text does not give. A *unit* is what one process maps and
validates: one document's triples (with the descriptions of entities only it speaks of),
or the descriptions of the shared entities.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kgbuild.document import Document
from kgbuild.extract.dateforms import certain_part
from kgbuild.knowledge import (
    Entity,
    EntityRef,
    Evidence,
    KnowledgeBase,
    ResolvedCitation,
    ResolvedClaim,
    ResolvedQuotation,
    ResolvedStance,
)
from kgbuild.rdf.iris import IriMinter, stable_hash
from kgbuild.rdf.literals import date_literal
from kgbuild.rdf.namespaces import KGO, OA, PREFIXES, SCHEMA, WD
from kgbuild.records import DateValue, QuotationRecord

Triple = tuple[URIRef, URIRef, URIRef | Literal]
Placed = tuple[str, Triple]  # (graph key: a document slug, SHARED or REFERENCE; triple)
Fact = tuple[bool, Triple]  # (from the reference data, not the text?; triple)
# The keys of the two graphs that are no document's; a document's key is its slug, which
# never holds "@", so a text named shared.txt keeps a graph of its own.
SHARED = "@shared"
REFERENCE = "@reference"

CLASSES = {
    "person": KGO.Person,
    "organization": KGO.Organization,
    "work": KGO.Work,
    "resolution": KGO.Resolution,
}
MEETING_CLASSES = {"Congress": KGO.Congress, "Conference": KGO.Conference, "Plenum": KGO.Plenum}
ORGANIZATION_KINDS = {
    "party",
    "international",
    "faction",
    "party-body",
    "state-body",
    "periodical",
    "publisher",
    "union",
    "other",
}
CONTEXT_CHARS = 24


@dataclass(frozen=True)
class Pin:
    """A Web Annotation to be made: ``body`` pinned to a span of evidence, ``link`` saying
    what the span is to it. The record mappers yield pins among their triples, and
    ``GraphMapper.unit`` makes each into the annotation's twenty triples, while
    ``GraphMapper.sketch`` keeps it as it is (what the build cache keys a unit by)."""

    body: URIRef
    evidence: Evidence
    link: URIRef = KGO.evidence


Item = Triple | Pin


class GraphMapper:
    """Turns a KnowledgeBase into triples under one base IRI."""

    def __init__(self, kb: KnowledgeBase, minter: IriMinter) -> None:
        self.kb = kb
        self.minter = minter
        self.documents = {doc.meta.slug: doc for doc in kb.documents}
        # Entities with evidence, plus two kinds known without a span of their own: the
        # authors of documents (metadata) and the editions that volume references cite.
        known = set(kb.document_authors.values()) | {c.edition for c in kb.citations}
        self.emitted = {
            key: entity for key, entity in kb.entities.items() if entity.evidence or key in known
        }
        self.iris = self._assign_iris()
        self.classes = {self.iris[key]: self._class_of(e) for key, e in self.emitted.items()}
        self.persons_by_label = {  # the first person of a label wins
            entity.label: key
            for key, entity in reversed(self.emitted.items())
            if entity.kind == "person"
        }
        self.homes = self._entity_homes()
        self.shared = {key for key, home in self.homes.items() if len(home) != 1}
        self.shared_iris = {self.iris[key] for key in self.shared}
        self.homed_in: dict[str, list[EntityRef]] = defaultdict(list)  # one document's own
        for key in sorted(self.emitted):
            if len(self.homes[key]) == 1:
                self.homed_in[next(iter(self.homes[key]))].append(key)
        self.evidence_in: dict[str, list[tuple[URIRef, Evidence]]] = defaultdict(list)
        for key in sorted(self.emitted):
            for evidence in self.emitted[key].evidence:
                self.evidence_in[evidence.document].append((self.iris[key], evidence))
        self.records_in: dict[str, list[tuple[Callable[[Any], Iterator[Item]], Any]]] = (
            defaultdict(list)
        )
        for records, triples in (
            (kb.citations, self.citation_triples),
            (kb.quotations, self.quotation_triples),
            (kb.claims, self.claim_triples),
            (kb.stances, self.stance_triples),
        ):
            for record in records:
                self.records_in[record.document].append((triples, record))

    def _references(self) -> Iterator[tuple[str | EntityRef, EntityRef | None]]:
        """(referring document slug or entity, referred entity) for every link to an entity."""
        yield from self.kb.document_authors.items()
        for citation in self.kb.citations:
            yield citation.document, citation.edition
            yield citation.document, citation.cites
        for quotation in self.kb.quotations:
            yield quotation.document, quotation.speaker
            yield quotation.document, quotation.source
        for record in (*self.kb.claims, *self.kb.stances):
            yield record.document, record.about
            yield record.document, record.asserted_by
        for key, entity in self.emitted.items():
            for ref in self._entity_links(entity):
                yield key, ref

    def _entity_links(self, entity: Entity) -> Iterator[EntityRef]:
        facts = entity.facts
        if entity.kind == "work" and (author := self._work_author(facts)):
            yield author[1]
        elif entity.kind == "meeting":
            yield "organization", str(facts.get("body_key") or "")
        elif entity.kind == "resolution":
            yield "meeting", str(facts.get("meeting_key") or "")

    def _entity_homes(self) -> dict[EntityRef, frozenset[str]]:
        """The documents that speak of each entity: those giving evidence for it or referring
        to it, directly or through another entity. One document: the entity's description
        lives in that document's graph; several: in the shared graph."""
        homes = {key: {e.document for e in entity.evidence} for key, entity in self.emitted.items()}
        links = [(source, target) for source, target in self._references() if target in homes]
        changed = True
        while changed:
            changed = False
            for source, target in links:
                reach = homes.get(source, set()) if isinstance(source, tuple) else {source}
                if not reach <= homes[target]:
                    homes[target] |= reach
                    changed = True
        return {key: frozenset(home) for key, home in homes.items()}

    def _assign_iris(self) -> dict[tuple[str, str], URIRef]:
        """Entity IRIs from label slugs; a slug two entities share gets a key hash."""
        iris: dict[tuple[str, str], URIRef] = {}
        taken: set[str] = set()
        for key in sorted(self.emitted):
            entity = self.emitted[key]
            slug = entity.slug
            if (entity.kind, slug) in taken:
                slug = f"{slug}-{stable_hash(entity.kind, entity.key)[:6]}"
            taken.add((entity.kind, slug))
            iris[key] = self.minter.entity(entity.kind, slug)
        return iris

    def linked(self, subject: URIRef, predicate: URIRef, ref: EntityRef | None) -> Iterator[Triple]:
        """``subject predicate <entity>``, when the graph contains that entity."""
        if ref is not None and ref[0] == "document":
            yield subject, predicate, self.minter.document(ref[1])
        elif ref is not None and (target := self.iri(*ref)):
            yield subject, predicate, target

    def iri(self, kind: str, key: str | None) -> URIRef | None:
        return self.iris.get((kind, key or ""))

    # -- units and graphs ---------------------------------------------------------------
    def unit_names(self) -> list[str]:
        """The documents' slugs, then SHARED when several documents share entities."""
        return [doc.meta.slug for doc in self.kb.documents] + ([SHARED] if self.shared else [])

    def text_digest(self, name: str) -> str:
        """What a document's Web Annotations read of it besides their pins: the raw text
        (their quotes' prefixes and suffixes) and the sections' bounds."""
        doc = self.documents[name]
        return hashlib.sha256(f"{doc.raw}\x1d{doc.sections!r}".encode()).hexdigest()

    def graph_iri(self, key: str) -> URIRef:
        if key in (SHARED, REFERENCE):
            return self.minter.graph(key.lstrip("@"))
        return self.minter.document_graph(key)

    def unit(self, name: str) -> Iterator[Placed]:
        """The placed triples of one unit (a document slug or SHARED)."""
        annotation_triples = self.annotation_triples
        for graph, item in self.sketch(name):
            if type(item) is Pin:
                for triple in annotation_triples(item):
                    yield graph, triple
            else:
                yield graph, item  # type: ignore[misc]  # a triple

    def sketch(self, name: str) -> Iterator[tuple[str, Item]]:
        """The unit's triples with each Web Annotation still a Pin: everything the unit's
        triples are made of but its document's text (the build cache's key, see cache.py)."""
        if name == SHARED:
            for key in sorted(self.shared):
                yield from self.entity_description(self.emitted[key], SHARED)
            return
        doc = self.documents[name]
        for triple in self.document_triples(doc):
            yield name, triple
        for items, record in self.records_in[name]:
            for item in items(record):
                yield name, item
        for body, evidence in self.evidence_in[name]:
            yield name, Pin(body, evidence)
        for key in self.homed_in[name]:
            yield from self.entity_description(self.emitted[key], name)

    def triples(self) -> Iterator[Triple]:
        for name in self.unit_names():
            for _, triple in self.unit(name):
                yield triple

    def stance_triples(self, stance: ResolvedStance) -> Iterator[Item]:
        record = stance.record
        span = record.evidence
        iri = self.minter.record(
            "stance",
            stance.document,
            span.start,
            span.end,
            record.target.evidence.start if record.target else "",
            record.polarity,
        )
        yield iri, RDF.type, KGO.Claim
        yield iri, KGO.statement, Literal(record.statement)
        yield iri, KGO.polarity, Literal(record.polarity)
        if record.cue:
            yield iri, KGO.stanceCue, Literal(record.cue)
        if record.thesis:
            yield iri, KGO.thesis, Literal(record.thesis)
        if record.date is not None:
            yield from self.date_triples(iri, record.date, record.date_text)
        yield from self.linked(iri, KGO.about, stance.about)
        yield from self.linked(iri, KGO.assertedBy, stance.asserted_by)
        if isinstance(stance.thesis_source, QuotationRecord):
            source = stance.thesis_source.evidence
            yield iri, KGO.thesisSource, self.minter.record(
                "quotation", stance.document, source.start, source.end
            )
        else:
            yield from self.linked(iri, KGO.thesisSource, stance.thesis_source)
        yield Pin(iri, Evidence(stance.document, span))
        if record.thesis_evidence is not None:
            yield Pin(iri, Evidence(stance.document, record.thesis_evidence), KGO.thesisEvidence)

    def date_triples(self, iri: URIRef, date: DateValue, text: str | None) -> Iterator[Triple]:
        """A claim's date: as printed, exactly (EDTF) and, where certain, typed."""
        if text:
            yield iri, KGO.dateText, Literal(text)
        yield iri, KGO.edtf, Literal(date.edtf)
        if literal := date_literal(certain_part(date)):  # no gYear for a decade
            yield iri, KGO.date, literal

    def claim_triples(self, claim: ResolvedClaim) -> Iterator[Item]:
        record = claim.record
        span = record.evidence
        iri = self.minter.record("claim", claim.document, span.start, span.end)
        yield iri, RDF.type, KGO.DatedClaim
        yield iri, KGO.statement, Literal(record.statement)
        yield from self.date_triples(iri, record.date, record.date_text)
        yield from self.linked(iri, KGO.assertedBy, claim.asserted_by)
        yield from self.linked(iri, KGO.about, claim.about)
        yield Pin(iri, Evidence(claim.document, span))

    def citation_iri(self, citation: ResolvedCitation) -> URIRef:
        span = citation.record.evidence
        return self.minter.record("citation", citation.document, span.start, span.end)

    def citation_triples(self, citation: ResolvedCitation) -> Iterator[Item]:
        record = citation.record
        iri = self.citation_iri(citation)
        yield iri, RDF.type, KGO.Citation
        yield iri, KGO.rawCitation, Literal(record.raw)
        yield iri, KGO.ibid, Literal(record.ibid)
        if record.volume is not None:
            yield iri, KGO.volume, Literal(record.volume, datatype=XSD.integer)
        if record.pages:
            yield iri, KGO.pages, Literal(record.pages)
        if record.issue:
            yield iri, KGO.issueNumber, Literal(record.issue)
        if record.place:
            yield iri, KGO.publicationPlace, Literal(record.place)
        if record.publisher:
            yield iri, KGO.publisherName, Literal(record.publisher)
        if record.year is not None:
            yield iri, KGO.publicationYear, Literal(str(record.year), datatype=XSD.gYear)
        if record.endnote is not None:
            yield iri, KGO.endnote, Literal(record.endnote, datatype=XSD.integer)
        yield from self.linked(iri, KGO.citesEdition, citation.edition)
        yield from self.linked(iri, KGO.cites, citation.cites)
        yield Pin(iri, Evidence(citation.document, record.evidence))

    def quotation_triples(self, quotation: ResolvedQuotation) -> Iterator[Item]:
        record = quotation.record
        span = record.evidence
        iri = self.minter.record("quotation", quotation.document, span.start, span.end)
        yield iri, RDF.type, KGO.Quotation
        yield iri, KGO.quotedText, Literal(record.text)
        yield iri, KGO.quotedIn, self.minter.document(quotation.document)
        yield iri, KGO.emphasisAdded, Literal(record.emphasis)
        yield from self.linked(iri, KGO.spokenBy, quotation.speaker)
        yield from self.linked(iri, KGO.quotedFrom, quotation.source)
        if quotation.citation is not None:
            yield iri, KGO.hasCitation, self.citation_iri(quotation.citation)
        if record.endnote is not None:
            yield iri, KGO.endnote, Literal(record.endnote, datatype=XSD.integer)
        yield Pin(iri, Evidence(quotation.document, span))

    def document_triples(self, doc: Document) -> Iterator[Triple]:
        iri = self.minter.document(doc.meta.slug)
        yield iri, RDF.type, KGO.Document
        yield iri, RDFS.label, Literal(doc.meta.title)
        yield iri, KGO.sourceFile, Literal(doc.meta.source_file)
        yield iri, KGO.sha256, Literal(doc.sha256)
        if created := date_literal(doc.meta.date):
            yield iri, DCTERMS.created, created
        if doc.meta.language:
            yield iri, DCTERMS.language, Literal(doc.meta.language)
        author = self.kb.document_authors.get(doc.meta.slug)
        if author and (author_iri := self.iri(*author)):
            yield iri, SCHEMA.author, author_iri
        for section in doc.sections:
            section_iri = self.minter.section(doc.meta.slug, section.number)
            yield iri, DCTERMS.hasPart, section_iri
            yield section_iri, RDF.type, KGO.Section
            yield section_iri, RDFS.label, Literal(section.title)
            yield section_iri, KGO.position, Literal(section.number, datatype=XSD.positiveInteger)
            yield section_iri, DCTERMS.isPartOf, iri

    def entity_description(self, entity: Entity, graph: str) -> Iterator[Placed]:
        """The entity's class, names and facts; what only the reference data says goes to
        the reference graph. (Its evidence comes with the documents that give it.)"""
        iri = self.iris[(entity.kind, entity.key)]
        facts = entity.facts
        yield graph, (iri, RDF.type, self._class_of(entity))
        yield graph, (iri, RDFS.label, Literal(entity.label))
        for alias in sorted(entity.aliases - {entity.label}):
            yield graph, (iri, SKOS.altLabel, Literal(alias))
        if entity.wikidata:
            yield REFERENCE, (iri, OWL.sameAs, WD[entity.wikidata])
        kind_facts = {
            "person": self._person_facts,
            "organization": self._organization_facts,
            "work": self._work_facts,
            "meeting": self._meeting_facts,
            "resolution": self._resolution_facts,
        }[entity.kind]
        for from_reference, triple in kind_facts(iri, facts):
            yield (REFERENCE if from_reference else graph), triple

    @staticmethod
    def _class_of(entity: Entity) -> URIRef:
        if entity.kind == "meeting":
            # another assembly (a numbered "Session" of a standing body) is a congress
            return MEETING_CLASSES.get(str(entity.facts["kind"]), KGO.Congress)
        return CLASSES[entity.kind]

    def _work_author(self, facts: dict[str, object]) -> tuple[bool, EntityRef] | None:
        """(from the reference data?, the author) of a work: the text's author, else the
        person the reference data names."""
        key = ("person", str(facts.get("author_key") or ""))
        if key in self.iris:
            return False, key
        by_label = self.persons_by_label.get(str(facts.get("author") or ""))
        return (True, by_label) if by_label else None

    # Each yields (from the reference data?, triple).
    def _person_facts(self, iri: URIRef, facts: dict[str, object]) -> Iterator[Fact]:
        for fact, prop in (("born", SCHEMA.birthDate), ("died", SCHEMA.deathDate)):
            if literal := date_literal(facts.get(fact)):
                yield True, (iri, prop, literal)

    def _organization_facts(self, iri: URIRef, facts: dict[str, object]) -> Iterator[Fact]:
        if facts.get("kind") in ORGANIZATION_KINDS:
            yield True, (iri, KGO.organizationKind, Literal(facts["kind"]))

    def _work_facts(self, iri: URIRef, facts: dict[str, object]) -> Iterator[Fact]:
        if author := self._work_author(facts):
            yield author[0], (iri, SCHEMA.author, self.iris[author[1]])
        # A date or genre the text gives wins over the reference data's.
        for in_text, in_reference, prop in (
            ("date_in_text", "created", DCTERMS.created),
            ("genre_in_text", "genre", KGO.genre),
        ):
            value = facts.get(in_text) or facts.get(in_reference)
            literal = date_literal(value) if prop == DCTERMS.created else value and Literal(value)
            if literal:
                yield not facts.get(in_text), (iri, prop, literal)

    def _meeting_facts(self, iri: URIRef, facts: dict[str, object]) -> Iterator[Fact]:
        if isinstance(facts.get("ordinal"), int):
            yield False, (iri, KGO.ordinal, Literal(facts["ordinal"], datatype=XSD.integer))
        if body := self.iri("organization", str(facts.get("body_key") or "")):
            yield False, (iri, KGO.convenedBy, body)
        in_text, known = facts.get("date_in_text"), facts.get("start_date")
        if in_text and known and not str(known).startswith(str(in_text)):
            known = None  # what the text says wins; the reference data's day only refines it
        if start := date_literal(known or in_text):  # ("in the summer of 1920": 1920-07-19)
            yield bool(known), (iri, SCHEMA.startDate, start)

    def _resolution_facts(self, iri: URIRef, facts: dict[str, object]) -> Iterator[Fact]:
        if meeting := self.iri("meeting", str(facts.get("meeting_key") or "")):
            yield False, (iri, KGO.adoptedAt, meeting)
        if body := self.iri("organization", str(facts.get("body_key") or "")):
            yield False, (iri, KGO.adoptedBy, body)
        if adopted := date_literal(facts.get("date_in_text")):
            yield False, (iri, DCTERMS.created, adopted)
        if facts.get("title"):
            yield False, (iri, DCTERMS.title, Literal(str(facts["title"])))

    def annotation_triples(self, pin: Pin) -> Iterator[Triple]:
        """The Web Annotation that pins a body to a raw span of its document; the pin's
        ``link`` says what the span is to the body (its evidence, or a stance's thesis)."""
        body, evidence, link = pin.body, pin.evidence, pin.link
        doc = self.documents[evidence.document]
        span = evidence.span
        annotation = self.minter.record(
            "annotation", evidence.document, span.start, span.end, body,
            *([] if link == KGO.evidence else [link]),
        )
        target = URIRef(f"{annotation}#target")
        position = URIRef(f"{annotation}#position")
        quote = URIRef(f"{annotation}#quote")
        yield body, link, annotation
        yield annotation, RDF.type, OA.Annotation
        yield annotation, OA.motivatedBy, OA.identifying
        yield annotation, OA.hasBody, body
        yield annotation, OA.hasTarget, target
        yield annotation, KGO.line, Literal(span.line, datatype=XSD.positiveInteger)
        if span.endnote is not None:
            yield annotation, KGO.endnote, Literal(span.endnote, datatype=XSD.integer)
        section = doc.section_at(span.start)
        if section is not None:
            yield annotation, KGO.inSection, self.minter.section(doc.meta.slug, section.number)
        yield target, RDF.type, OA.SpecificResource
        yield target, OA.hasSource, self.minter.document(doc.meta.slug)
        yield target, OA.hasSelector, position
        yield target, OA.hasSelector, quote
        yield position, RDF.type, OA.TextPositionSelector
        yield position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)
        yield position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)
        yield quote, RDF.type, OA.TextQuoteSelector
        yield quote, OA.exact, Literal(span.text)
        yield quote, OA.prefix, Literal(doc.raw[max(0, span.start - CONTEXT_CHARS) : span.start])
        yield quote, OA.suffix, Literal(doc.raw[span.end : span.end + CONTEXT_CHARS])


def to_graph(kb: KnowledgeBase, base: str | None = None) -> Graph:
    """The whole knowledge base as an rdflib Graph with the project's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in GraphMapper(kb, IriMinter(base)).triples():
        graph.add(triple)
    return graph
