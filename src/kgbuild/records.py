"""Plain records that flow from the extractors to resolution and on to the RDF mapping.

Extractors fill these from a Document; they hold strings and raw-offset evidence, never
RDF terms. Names in a record ("Lenin", "the Party") are resolved to entities later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kgbuild.document import Span

AUTHOR_SELF = "<document-author>"  # "my pamphlet": the author of the document
AUTHOR_PRONOUN = "<pronoun>"  # "his book": the person named most recently before


@dataclass(frozen=True)
class PersonMention:
    """A span naming a person; ``name`` is the form to resolve ("Lenin", "J. V. Stalin")."""

    name: str
    evidence: Span
    cue: str


@dataclass(frozen=True)
class OrganizationMention:
    name: str
    evidence: Span
    cue: str


@dataclass(frozen=True)
class WorkMention:
    """A span naming a written work; author and genre as far as the sentence says."""

    title: str
    evidence: Span
    cue: str
    author: str | None = None
    genre: str | None = None


@dataclass(frozen=True)
class MeetingMention:
    """A congress, conference or plenum: identified by kind, ordinal and convening body."""

    kind: str  # "Congress" | "Conference" | "Plenum"
    evidence: Span
    ordinal: int | None = None
    body: str | None = None  # the name as printed ("C.P.S.U.(B.)", "Party", "Comintern")
    qualifier: str | None = None  # a name part without ordinal ("April", "Kursk Gubernia")


@dataclass(frozen=True)
class ResolutionMention:
    """A formally adopted resolution or theses, with the meeting that adopted it."""

    evidence: Span
    title: str | None = None
    meeting: MeetingMention | None = None
    topic: str | None = None  # "on the Report of the Central Committee"


@dataclass
class Extraction:
    """Everything the extractors found in one document."""

    persons: list[PersonMention] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    works: list[WorkMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    resolutions: list[ResolutionMention] = field(default_factory=list)
