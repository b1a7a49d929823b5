"""Extractors: one module per kind, each a function from a Document to records."""

from __future__ import annotations

from kgbuild.document import Document
from kgbuild.extract.citations import extract_citations
from kgbuild.extract.dates import extract_dated_claims
from kgbuild.extract.meetings import extract_meetings
from kgbuild.extract.organizations import extract_organizations
from kgbuild.extract.persons import extract_persons
from kgbuild.extract.quotations import extract_quotations
from kgbuild.extract.resolutions import extract_resolutions
from kgbuild.extract.stances import extract_stances
from kgbuild.extract.works import extract_works
from kgbuild.records import Extraction
from kgbuild.reference import ReferenceData


def extract_all(doc: Document, reference: ReferenceData) -> Extraction:
    """Run every extractor over one document; quotations build on the others' records."""
    found = Extraction(
        persons=extract_persons(doc, reference),
        organizations=extract_organizations(doc, reference),
        works=extract_works(doc, reference),
        meetings=extract_meetings(doc),
        resolutions=extract_resolutions(doc),
        citations=extract_citations(doc),
    )
    found.quotations = extract_quotations(doc, found)
    found.dated_claims = extract_dated_claims(doc, found)
    found.stances = extract_stances(doc, found)
    return found
