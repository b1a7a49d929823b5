"""Extraction: recognizers propose, adjudication decides, then the records that build on
the entities (resolutions, quotations, dated claims, stances) are read; the references a
document prints are read first, since some recognizers build on them.

    Document ─▶ citations ─▶ recognizers (registry) ─▶ candidates ─▶ adjudicate ─▶ persons,
    organizations, meetings, works ─▶ resolutions, quotations, dates, stances ─▶ Extraction
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kgbuild.document import Document

# The recognizer modules register themselves when imported.
from kgbuild.extract import (  # noqa: F401
    acronyms,
    bibliography,
    headlines,
    meetings,
    organizations,
    persons,
    references,
    repeats,
    structure,
    titles,
    vetoes,
    works,
)
from kgbuild.extract.adjudicate import Decision, adjudicate
from kgbuild.extract.candidates import Context
from kgbuild.extract.dates import extract_dated_claims
from kgbuild.extract.quotations import extract_quotations
from kgbuild.extract.references import read_citations
from kgbuild.extract.repeats import REPEAT
from kgbuild.extract.resolutions import extract_resolutions
from kgbuild.extract.stances import extract_stances
from kgbuild.records import (
    CitationRecord,
    Extraction,
    MeetingMention,
    OrganizationMention,
    PersonMention,
    WorkMention,
)
from kgbuild.reference import ReferenceData

# A meeting inside the title of a book or article the text cites ("Toward the United Front:
# Proceedings of the Fourth Congress …", “Some Observations on Our Tenth Party Congress”), a
# contents page lists or a note cites is no mention of it, as a person in a cited title is
# none (the document's own title is).
CITED_TITLE_CUES = ("edition", "quoted-title", "listed", "bibliographic")


@dataclass
class Recognized:
    """The entity mentions adjudication accepted, and every decision it took."""

    persons: list[PersonMention] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    works: list[WorkMention] = field(default_factory=list)
    citations: list[CitationRecord] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _cue(decision: Decision) -> str:
    """The recognizer that found the name (a repeat names the one it repeats)."""
    return decision.source.removeprefix(REPEAT)


def recognize(doc: Document, reference: ReferenceData) -> Recognized:
    """Run every registered recognizer over a document and adjudicate their candidates."""
    citations = read_citations(doc)
    decisions = adjudicate(Context(doc, reference, tuple(citations)))
    found = Recognized(citations=citations, decisions=decisions)
    for d in decisions:
        if not d.accepted:
            continue
        if d.kind == "person":
            found.persons.append(PersonMention(d.name, doc.span(d.start, d.end), _cue(d)))
        elif d.kind == "organization":
            found.organizations.append(
                OrganizationMention(d.name, doc.span(d.start, d.end), _cue(d))
            )
        elif d.kind == "meeting" and isinstance(d.record, MeetingMention):
            found.meetings.append(d.record)
        elif d.kind == "work" and isinstance(d.record, WorkMention):
            found.works.append(d.record)
    cited = [w.evidence for w in found.works if w.cue in CITED_TITLE_CUES]
    found.meetings = [
        m for m in found.meetings
        if not any(t.start <= m.evidence.start and m.evidence.end <= t.end for t in cited)
    ]
    return found


def extract_all(doc: Document, reference: ReferenceData) -> Extraction:
    """Every record of one document; quotations build on the others' records."""
    entities = recognize(doc, reference)
    found = Extraction(
        persons=entities.persons,
        organizations=entities.organizations,
        works=entities.works,
        meetings=entities.meetings,
        resolutions=extract_resolutions(doc, entities.meetings, reference,
                                        entities.organizations),
    )
    found.citations = entities.citations
    found.quotations = extract_quotations(doc, found)
    found.dated_claims = extract_dated_claims(doc, found)
    found.stances = extract_stances(doc, found)
    return found
