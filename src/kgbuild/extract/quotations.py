"""Quotations: quoted passages, joined across paragraphs and attributions, with speaker,
source and citation.

A passage opens with “ and ends at its ”; a paragraph that ends unclosed continues when the
next paragraph opens with “ (the convention for quotations of several paragraphs), else it
ends there (the OCR lost the closing mark). “A,” says Lenin, “B” is one passage, and so is
“A.” . . . “B”. Short quoted phrases (scare quotes, fewer than six words) and quoted titles
are not quotations unless a citation follows them.

Who is quoted, in order of strength: an attribution inside or right after the passage
("says Lenin", "(Lenin)"); the work or resolution its citation names; the person or work
named last before it ("Here is what Lenin wrote:", "In his article “In Memory of Lenin,”
he says:", "in my pamphlet …, where it is stated:"); a meeting or resolution named before
it ("The Fourteenth Congress … was right in declaring:"); for "ibid." the passage before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kgbuild.document import Document
from kgbuild.extract.patterns import PERSON_NAME, TITLE_FUNCTION_WORDS, normalise_space
from kgbuild.lexicon import alternation
from kgbuild.records import (
    CitationRecord,
    Extraction,
    MeetingMention,
    QuotationRecord,
    ResolutionMention,
    WorkMention,
)

MIN_WORDS = 6
LEAD_IN_CHARS = 400
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
ELLIPSIS_GAP = re.compile(r"\s*(?:\.\s*){3,}\s*")
CITATION_AFTER = re.compile(r"[\s?!.,;:”’]*(?:[a-z]+[?!.,]?\s*)?\((?=[Ss]ee\b|ibid|Ibid)")
CITATION_INSIDE = re.compile(r"[\s’”]*\((?:[Ss]ee\b|ibid|Ibid)")


def _attribution(verb_first: bool) -> str:
    """ "says Lenin" (group ``name``) or "Zinoviev asks" (group ``subject``)."""
    verbs = alternation("speech_verbs")
    if verb_first:
        return rf"(?:{verbs})\s+(?P<name>{PERSON_NAME})"
    return rf"(?P<subject>{PERSON_NAME})\s+(?:{verbs})"


TAIL = r"(?:\s+(?:further|again|in\s+another\s+passage|in\s+reply))?"
ATTRIBUTION_GAP = re.compile(
    rf"\s*[,.;:]?\s*(?:{_attribution(True)}|{_attribution(False)}){TAIL}\s*[,:.;]?\s*"
)
ATTRIBUTION_AFTER = re.compile(
    rf"[,.;:?!]?\s*(?:{_attribution(True)}|\((?P<subject>{PERSON_NAME})\))"
)


@dataclass
class _Passage:
    """Quoted stretches of the clean text joined into one passage."""

    parts: list[tuple[int, int]]
    closed: bool
    speaker: str | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def curly_quotes(text: str) -> str:
    """Straight double quotes read as opening or closing marks by what stands before them
    (same length, so offsets into the cleaned text stay valid)."""
    return re.sub(
        r'"',
        lambda m: "“" if m.start() == 0 or text[m.start() - 1] in " \t\n(—[" else "”",
        text,
    )


def quoted_segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of every “…” segment, without the marks themselves."""
    segments = []
    position = 0
    while (opening := text.find("“", position)) >= 0:
        start = cursor = opening + 1
        closed = False
        while True:
            closing = text.find("”", cursor)
            paragraph = PARAGRAPH_BREAK.search(text, cursor)
            if paragraph and (closing < 0 or paragraph.start() < closing):
                # (what ends the text before the break: its last two characters, not a
                # copy of all of it searched from the start)
                before = text[max(0, paragraph.start() - 2) : paragraph.start()]
                page_break = re.search(r"[a-z,]$", before)
                if page_break or text.startswith("“", paragraph.end()):
                    cursor = paragraph.end() + 1
                    continue
                end = paragraph.start()
            elif closing < 0:
                end = len(text)
            elif _inner_quote_open(text[start:closing]):
                cursor = closing + 1  # ”  misread for the ’ closing an inner ‘…
                continue
            else:
                end, closed = closing, True
            break
        if not closed and (inside := CITATION_INSIDE.search(text, start, end)):
            end = inside.start()
        segments.append((start, end, closed))
        position = end + 1
    return segments


def _inner_quote_open(quoted: str) -> bool:
    """An inner quotation opened with ‘ is still open (apostrophes are ’ too, so count)."""
    return quoted.count("‘") > quoted.count("’")


def _join(text: str, segments: list[tuple[int, int, bool]], persons: set[str]) -> list[_Passage]:
    """Join “A,” says Lenin, “B” and “A . . .” “B” (same paragraph) into one passage."""
    passages: list[_Passage] = []
    for start, end, closed in segments:
        if passages and passages[-1].closed:
            gap = text[passages[-1].end + 1 : start - 1]
            attribution = ATTRIBUTION_GAP.fullmatch(gap)
            speaker = attribution and (attribution.group("name") or attribution.group("subject"))
            joins = (
                speaker in persons
                if attribution
                else bool(ELLIPSIS_GAP.fullmatch(gap) or not gap.strip())
            )
            if joins and not PARAGRAPH_BREAK.search(gap):
                passage = passages[-1]
                passage.parts.append((start, end))
                passage.closed = closed
                passage.speaker = passage.speaker or speaker or None
                continue
        passages.append(_Passage([(start, end)], closed))
    return passages


def _is_title(words: list[str]) -> bool:
    """A quoted title: every word that is not a function word is capitalised."""
    return all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in TITLE_FUNCTION_WORDS for w in words
    )


NOTE_MARKER = re.compile(r"(?<=\S)\[\d{1,3}\]")  # an editor's note pointer: "bataillons[2]"


def _quoted_text(text: str, passage: _Passage) -> str:
    """The words quoted, without an editor's note pointers glued to them (the evidence keeps
    the text as printed)."""
    pieces = [normalise_space(NOTE_MARKER.sub("", text[start:end]).replace("“", " "))
              for start, end in passage.parts]
    return " ".join(piece for piece in pieces if piece).strip(" ,")


def extract_quotations(doc: Document, found: Extraction) -> list[QuotationRecord]:
    """Quotation records, using the persons, works, meetings and citations already found."""
    text = curly_quotes(doc.clean)
    citations = {c.evidence.start: c for c in found.citations}
    records: list[QuotationRecord] = []
    previous_end = 0
    persons = {mention.name for mention in found.persons}
    for passage in _join(text, quoted_segments(text), persons):
        quoted = _quoted_text(text, passage)
        words = quoted.split()
        citation = _citation_after(doc, text, passage, citations)
        if not words or (citation is None and (len(words) < MIN_WORDS or _is_title(words))):
            continue
        evidence = doc.span(passage.start, passage.end)
        closing_raw = doc.offsets[passage.end] if passage.closed else evidence.end
        record = QuotationRecord(
            text=quoted,
            evidence=evidence,
            citation=citation,
            emphasis="*" in doc.raw[evidence.start : closing_raw + 4],
            endnote=evidence.endnote if passage.closed else None,
        )
        record = _attribute(doc, text, record, passage, found, previous_end, records, persons)
        records.append(record)
        previous_end = evidence.end
    return records


def _citation_after(
    doc: Document, text: str, passage: _Passage, citations: dict[int, CitationRecord]
) -> CitationRecord | None:
    """The citation printed right after the passage (or at the end of an unclosed one)."""
    after = passage.end + (1 if passage.closed else 0)
    match = CITATION_AFTER.match(text, after)
    if not match or match.end() >= len(text):
        return None
    return citations.get(doc.offsets[match.end()])


def _attribute(
    doc: Document,
    text: str,
    record: QuotationRecord,
    passage: _Passage,
    found: Extraction,
    previous_end: int,
    records: list[QuotationRecord],
    persons: set[str],
) -> QuotationRecord:
    if passage.speaker:
        return replace(record, speaker=passage.speaker)
    after = ATTRIBUTION_AFTER.match(text, passage.end + 1) if passage.closed else None
    if after and (name := after.group("name") or after.group("subject")) in persons:
        return replace(record, speaker=name)
    citation = record.citation
    if citation is not None and citation.cites and not citation.ibid:
        return _from_cited_source(record, citation, found)
    window_start = max(previous_end, record.evidence.start - LEAD_IN_CHARS)
    if lead_in := _lead_in_source(record, found, window_start):
        return lead_in
    if records and (_continues(doc, records[-1], record) or (citation and citation.ibid)):
        last = records[-1]
        return replace(
            record,
            speaker=last.speaker,
            source_work=last.source_work,
            source_author=last.source_author,
            source_meeting=last.source_meeting,
            source_resolution=last.source_resolution,
        )
    return record


def _continues(doc: Document, last: QuotationRecord, record: QuotationRecord) -> bool:
    """The same sentence, or nothing but list marks or a citation, between two passages
    ("…”; that “…", "2) “…"): the second is quoted from where the first was."""
    gap = doc.raw[last.evidence.end : record.evidence.start]
    if last.citation is not None:
        gap = gap.replace(last.citation.evidence.text, " ")
    same_sentence = not re.search(r"[.?!]\s+[A-Z“]|\n[ \t]*\n", gap)
    return same_sentence or len(re.findall(r"[A-Za-z]{2,}", gap)) <= 3


def _from_cited_source(
    record: QuotationRecord, citation: CitationRecord, found: Extraction
) -> QuotationRecord:
    """A citation that names a work or a resolution instead of a volume."""
    cited = citation.cites or ""
    if cited.startswith(("Resolution", "the resolution")):
        earlier = [r for r in found.resolutions if r.evidence.start < record.evidence.start]
        named = [r for r in found.resolutions if r.topic and r.topic in cited]
        source = (named or earlier or [None])[-1]
        return replace(record, source_resolution=source)
    work = next((w for w in found.works if w.title == cited), None)
    return replace(record, source_work=cited, source_author=work.author if work else None)


def _lead_in_source(
    record: QuotationRecord, found: Extraction, window_start: int
) -> QuotationRecord | None:
    """The person or work named last before the passage; else a meeting or resolution."""
    start = record.evidence.start
    works = [w for w in found.works if window_start <= w.evidence.start < start]
    persons = [
        p
        for p in found.persons
        if window_start <= p.evidence.start < start
        and not any(w.evidence.start <= p.evidence.start < w.evidence.end for w in found.works)
    ]
    speakers: list[tuple[int, object]] = [(p.evidence.end, p) for p in persons]
    speakers += [(w.evidence.end, w) for w in works]
    if speakers:
        _, nearest = max(speakers, key=lambda item: item[0])
        if isinstance(nearest, WorkMention):
            return replace(record, source_work=nearest.title, source_author=nearest.author)
        return replace(record, speaker=nearest.name)  # type: ignore[attr-defined]
    bodies: list[tuple[int, MeetingMention | ResolutionMention]] = [
        (m.evidence.end, m)
        for m in [*found.meetings, *found.resolutions]
        if window_start <= m.evidence.start < start
    ]
    if bodies:
        _, body = max(bodies, key=lambda item: item[0])
        if isinstance(body, ResolutionMention):
            return replace(record, source_resolution=body)
        return replace(record, source_meeting=body)
    return None
