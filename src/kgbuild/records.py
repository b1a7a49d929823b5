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
    published: str | None = None  # the year a note's imprint gives it: "(Berlin, 1982)"


@dataclass(frozen=True)
class MeetingMention:
    """A congress, conference or plenum: identified by kind, ordinal and convening body."""

    kind: str  # "Congress" | "Conference" | "Plenum"
    evidence: Span
    ordinal: int | None = None
    body: str | None = None  # the name as printed ("C.P.S.U.(B.)", "Party", "Comintern")
    qualifier: str | None = None  # a name part without ordinal ("April", "Kursk Gubernia")
    name: str = ""  # as the cleaned text reads, without page numbers or line breaks


@dataclass(frozen=True)
class ResolutionMention:
    """A formally adopted resolution or theses, with the meeting or the body that adopted
    it and the day the text says it was adopted."""

    evidence: Span
    title: str | None = None
    meeting: MeetingMention | None = None
    topic: str | None = None  # "on the Report of the Central Committee"
    body: OrganizationMention | None = None  # "the decision of the C.C.": no meeting
    date: str | None = None  # ISO, as precise as printed: "1926-12-16", "1925-03"


@dataclass(frozen=True)
class CitationRecord:
    """A printed reference: "(see Vol. XXV, pp. 171-72)" → volume 25, pages "171-172".

    ``edition`` is the edition as printed when the reference names one ("Lenin Miscellany");
    None means the document's default edition. ``cites`` is a work or resolution title given
    instead of a volume. ``ibid`` references carry the volume they repeat.
    """

    raw: str
    evidence: Span
    volume: int | None = None
    pages: str | None = None
    ibid: bool = False
    edition: str | None = None
    cites: str | None = None
    endnote: int | None = None
    issue: str | None = None  # a periodical's issue number as printed: "13", "7-8"
    place: str | None = None  # the imprint: "Moscow", "Moscow-Leningrad"
    publisher: str | None = None  # "Foreign Languages Publishing House"
    year: int | None = None  # 1954


@dataclass(frozen=True)
class QuotationRecord:
    """A quoted passage: its cleaned text, who is quoted, from where, and its citation.

    ``speaker`` is a person's name as printed; when the passage is quoted from a work
    (``source_work``) without a named speaker, the speaker is that work's author.
    """

    text: str
    evidence: Span
    speaker: str | None = None
    source_work: str | None = None
    source_author: str | None = None
    source_meeting: MeetingMention | None = None
    source_resolution: ResolutionMention | None = None
    citation: CitationRecord | None = None
    emphasis: bool = False
    endnote: int | None = None


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ISO text ("1905-09-01", "1924-12", "1924", "1917/1921"),
    precision, and EDTF ("184X" for "the forties of the last century", "1917/1921")."""

    iso: str
    precision: str  # "day" | "month" | "year" | "season" | "decade" | "range"
    edtf: str


@dataclass(frozen=True)
class DatedClaimRecord:
    """A statement of the text that ties something to a date.

    ``about`` is the mention the date belongs to; ``dates_entity`` says the text dates that
    entity itself ("On Co-operation (1923)", "… published in May 1925") rather than an
    event near it, so the date may flow onto the entity.
    """

    date: DateValue
    date_text: str
    evidence: Span
    statement: str
    about: PersonMention | WorkMention | MeetingMention | ResolutionMention | None = None
    dates_entity: bool = False
    dateline: bool = False  # the date alone on a line: when the document was written
    also_dates: WorkMention | None = None  # the document's own title, dated by its heading


@dataclass(frozen=True)
class StanceRecord:
    """A holder endorsing or rejecting a person's view, read from one sentence.

    ``holder`` is None for the document's author, else a person's name as printed (the
    speaker of a quotation, "Lenin" in "Lenin attacked Kautsky"). ``thesis`` is the view at
    stake as the text states it; ``thesis_source`` the quotation or work it comes from.
    """

    target: PersonMention | None  # None: an unnamed group ("certain critics of Leninism")
    polarity: str  # "endorses" | "rejects"
    statement: str
    evidence: Span
    cue: str = ""
    holder: str | None = None
    thesis: str | None = None
    thesis_evidence: Span | None = None
    thesis_source: QuotationRecord | WorkMention | None = None
    date: DateValue | None = None
    date_text: str | None = None


@dataclass
class Extraction:
    """Everything the extractors found in one document."""

    persons: list[PersonMention] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    works: list[WorkMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    resolutions: list[ResolutionMention] = field(default_factory=list)
    citations: list[CitationRecord] = field(default_factory=list)
    quotations: list[QuotationRecord] = field(default_factory=list)
    dated_claims: list[DatedClaimRecord] = field(default_factory=list)
    stances: list[StanceRecord] = field(default_factory=list)
