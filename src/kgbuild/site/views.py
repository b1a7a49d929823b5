"""Page records: what each page shows, as plain dicts and lists for the templates, built
from the graph's records. Lists are cut at LIMIT items; an entity with more has one page
per document holding everything of it there, so no page grows with the corpus."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kgbuild.rdf.namespaces import WD
from kgbuild.site.labels import FACTS, RELATED
from kgbuild.site.links import Links
from kgbuild.site.markup import sentence
from kgbuild.site.model import (
    KGO,
    SAME_AS,
    SCHEMA,
    Entity,
    Graph,
    Mention,
    Record,
)
from kgbuild.site.texts import Text

WIKIDATA = str(WD)
LIMIT = 50  # items a list shows on an entity page; the rest on per-document pages

@dataclass
class Site:
    """The graph with its texts and indexes the pages share."""

    graph: Graph
    texts: dict[str, Text]
    links: Links
    triples: dict[str, list[Any]]  # exact, by subject (rdf.exact_triples)
    reverse: dict[tuple[str, str], list[str]] = field(init=False)
    _related: dict[str, dict[str | None, list[tuple[str, list[Record]]]]] = field(
        init=False, default_factory=dict)

    def __post_init__(self) -> None:
        """Records and entities pointing at each entity, by predicate."""
        found: dict[tuple[str, str], list[str]] = defaultdict(list)
        tables = (self.graph.entities, self.graph.records, self.graph.documents)
        for table in tables:
            for iri, holder in table.items():
                for predicate, values in holder.node.items():
                    for value in values:
                        if value in self.graph.entities:
                            found[(value, predicate)].append(iri)
        self.reverse = dict(found)

    def label(self, iri: str) -> str:
        return self.graph.label(iri)

    def value(self, here: str, value: str) -> dict[str, str | None]:
        """A value as shown: an entity or document by its label, linked; else as written."""
        known = value in self.graph.entities or value in self.graph.documents
        href = self.links.href(here, value) if known or value.startswith("http") else None
        return {"text": self.label(value) if known else value, "href": href}

    def facts(self, here: str, node: dict[str, list[str]]) -> list[dict[str, object]]:
        rows = []
        for predicate, name in FACTS.items():
            if node.get(predicate):
                rows.append({"name": name,
                             "values": [self.value(here, v) for v in node[predicate]]})
        return rows

    def mention(self, here: str, mention: Mention) -> dict[str, object]:
        text = self.texts.get(mention.document)
        before, exact, after = sentence(text.raw if text else None, mention)
        section = self.graph.label(mention.section) if mention.section else ""
        return {"before": before, "exact": exact, "after": after, "line": mention.line,
                "href": self.links.href(here, mention.document, mention.anchor),
                "document": self.label(mention.document), "section": section}

    def record(self, here: str, record: Record) -> dict[str, object]:
        """A quotation, citation or claim as one list item."""
        def link(local: str) -> dict[str, str | None] | None:
            value = record.one(local)
            return self.value(here, value) if value else None

        evidence = record.evidence[0] if record.evidence else None
        citation = self.graph.records.get(record.one("hasCitation") or "")
        return {
            "type": record.type,
            "text": record.one("quotedText") or record.one("statement")
            or record.one("rawCitation") or "",
            "speaker": link("spokenBy"), "source": link("quotedFrom"),
            "holder": link("assertedBy"), "about": link("about"),
            "polarity": record.one("polarity"), "thesis": record.one("thesis"),
            "cue": record.one("stanceCue"), "date": record.one("edtf"),
            "date_text": record.one("dateText"),
            "citation": self.citation(here, citation) if citation else None,
            "volume": record.one("volume"), "pages": record.one("pages"),
            "edition": link("citesEdition"), "cites": link("cites"),
            "evidence": self.mention(here, evidence) if evidence else None,
        }

    def citation(self, here: str, citation: Record) -> dict[str, object]:
        edition = citation.one("citesEdition") or citation.one("cites")
        return {"raw": citation.one("rawCitation"), "volume": citation.one("volume"),
                "pages": citation.one("pages"),
                "edition": self.value(here, edition) if edition else None}

    def related(self, iri: str, document: str | None) -> list[tuple[str, list[Record]]]:
        """The records naming an entity under each RELATED heading, in reading order, of
        one document or all (kept: an entity's per-document pages each ask again)."""
        if iri not in self._related:
            by_document: dict[str | None, list[tuple[str, list[Record]]]] = {}
            for heading, types, local in RELATED:
                records = sorted(
                    (self.graph.records[r] for r in self.reverse.get((iri, KGO + local), [])
                     if r in self.graph.records and self.graph.records[r].type in types),
                    key=_reading_order)
                for key in {None, *(_document_of(r) for r in records)}:
                    by_document.setdefault(key, []).append((heading, []))
                for record in records:
                    for key in (None, _document_of(record)):
                        by_document[key][-1][1].append(record)
            self._related = {iri: by_document}  # one entity's pages are made in a row
        found = self._related[iri].get(document, [])
        return [(heading, records) for heading, records in found]

    def entity(self, entity: Entity, document: str | None = None) -> dict[str, object]:
        """An entity's page; with ``document``, its page for that document alone, uncut."""
        here = self.links.path(entity.iri) or ""
        if document is not None:
            here += "/in/" + self.slug(document)
        limit = None if document is not None else LIMIT
        mentions = entity.mentions if document is None else self.mentions_in(entity, document)
        shown = mentions[:limit]
        groups: dict[str, list[dict[str, object]]] = {}
        for mention in shown:
            groups.setdefault(mention.document, []).append(self.mention(here, mention))
        related = [
            {"heading": heading, "count": len(records),
             "items": [self.record(here, r) for r in records[:limit]]}
            for heading, records in self.related(entity.iri, document) if records]
        linked = [
            {"heading": heading, "items": [self.value(here, i) for i in sorted(
                self.reverse.get((entity.iri, predicate), []), key=self.label)]}
            for heading, predicate in (("Works", f"{SCHEMA}author"),
                                       ("Meetings convened", f"{KGO}convenedBy"),
                                       ("Resolutions adopted", f"{KGO}adoptedAt"))]
        cut = len(mentions) > len(shown) or any(r["count"] > len(r["items"]) for r in related)
        return {
            "here": here, "entity": entity, "document": document,
            "document_label": self.label(document) if document else None,
            "fact_rows": self.facts(here, entity.node),
            "same_as": [_same_as(iri) for iri in sorted(entity.node.get(SAME_AS, []))],
            "mention_count": len(mentions),
            "mention_groups": [{"label": self.label(d), "href": self.links.href(here, d),
                                "items": items} for d, items in groups.items()],
            "related": related, "linked": [group for group in linked if group["items"]],
            "per_document": self.per_document(here, entity) if cut else [],
            "entity_href": self.links.href(here, entity.iri),
        }

    def mentions_in(self, entity: Entity, document: str) -> list[Mention]:
        """An entity's mentions in one document (they are in reading order: a slice)."""
        starts = [m.document for m in entity.mentions]
        low = bisect.bisect_left(starts, document)
        return entity.mentions[low:bisect.bisect_right(starts, document, low)]

    def per_document(self, here: str, entity: Entity) -> list[dict[str, object]]:
        """The documents an entity is named in, each with the link to its page there."""
        root = self.links.path(entity.iri) or ""
        return [{"label": self.label(d), "count": n,
                 "href": self.links.to(here, f"{root}/in/{self.slug(d)}/")}
                for d, n in self.documents_of(entity).items()]

    def slug(self, document: str) -> str:
        return (self.links.path(document) or document).rsplit("/", 1)[-1]

    def documents_of(self, entity: Entity) -> dict[str, int]:
        """The documents an entity's per-document pages are made for (where it is named,
        or a record about it stands), in order, each with the number of its mentions."""
        counts: dict[str, int] = defaultdict(int)
        for mention in entity.mentions:
            counts[mention.document] += 1
        for _, records in self.related(entity.iri, None):
            for record in records:
                counts[_document_of(record)] += 0
        return {document: n for document, n in sorted(counts.items()) if document}


def _same_as(iri: str) -> dict[str, str]:
    """An owl:sameAs link as a page shows it: a Wikidata item by its id, with a note."""
    if iri.startswith(WIKIDATA):
        return {"href": iri, "text": iri.removeprefix(WIKIDATA), "note": "Wikidata"}
    return {"href": iri, "text": iri, "note": ""}


def _document_of(record: Record) -> str:
    if record.evidence:
        return record.evidence[0].document
    return record.one("quotedIn") or ""


def _reading_order(record: Record) -> tuple[str, int, str]:
    start = record.evidence[0].start if record.evidence else 0
    return (_document_of(record), start, record.iri)
