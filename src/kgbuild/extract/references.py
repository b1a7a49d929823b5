"""References printed outside parentheses: apparatus source lines and bibliographic notes.

"Source: Works, Vol. 8, pp. 157-63", "First Published: Pravda No. 13, January 21, 1921",
"From The New International, Vol. I No. 4, November 1934, pp. 105–109", "see Marx and
Engels, Selected Works, Vol. I, Moscow, 1962, p. 244", "Inprekorr, iv, 125, p. 1665",
"Lenin, Selected Works, Vol. II, p. 412". A reference is found by its label (an apparatus
line) or by what only references print: a volume, a page, an issue number. Its edition is
named with its author ("Works (J. V. Stalin)"), since "Works" alone names no one edition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.citations import extract_citations
from kgbuild.extract.patterns import normalise_space, read_title
from kgbuild.extract.reference_fields import (
    ANCHOR,
    ISSUE,
    LABEL_SEPARATOR,
    NOTE_REFERENCE,
    PAGE_ONLY,
    PAGES,
    VOLUME_WORD,
    edition_name,
    not_after_abbreviation,
    reference_record,
)
from kgbuild.extract.reference_notes import (
    field_of_bracket,
    note_entries,
    published_issues,
    repeated,
)
from kgbuild.lexicon import alternation, data_alternation, data_set, word_set, words
from kgbuild.records import CitationRecord, WorkMention
from kgbuild.reference import name_key

# where a reference in running text begins: "see", an opening bracket, a clause boundary
OPENING = re.compile(
    r"(?:\b(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?|\b(?:in|from)\s+(?:the\s+)?(?=[A-Z])|\((?!eds?\.?\)|trans)\s*"
    r"|(?:\[\d{1,3}\]|[\[{;])\s*"  # (a note's number in brackets with it: "[7] ")
    r"|(?<=[.?!])(?<!\b[A-Z]\.)"  # not after an initial ("K. A. Ostroukhova")
    rf"{not_after_abbreviation()}\s+|^\s*"
    # the link a journal's web page prints after each reference ("….Google Scholar Baron, …")
    rf"|(?:{alternation('reference_link_labels')})\s*)",
    re.MULTILINE,
)
# where it ends: a closing bracket, a semicolon, a sentence end, the line end, a clause
# going on in lower case (", where there is …"); a line ending with a comma goes on
# ("Works, Vol. 29,\npp. 12-13")
CLOSING = re.compile(
    # (an initial's full stop ends nothing: "compiled by Y. Felshtinsky")
    rf"[)\]}};]|{not_after_abbreviation('')}(?<!\b[A-Z])\.(?=\s+[A-Z“\"\[]|\s*$)"
    # ("Vol. 6. Nos. 5 & 7": its issue goes on; so do a translated Russian reference's tom,
    # pages, leaves and imprint: "T. 5. M., 1947. S. 40", "D. 71. Ll. 2-3")
    r"(?!\s+(?:[DdFfLlTSP]|Ll|Op|Nos?|Nr)\.\s*(?:[A-Z]-)?\d|\s+[MLP]\.,\s*1\d{3})"
    r"|,(?=\s+(?!pp?\.|pp\s|vol\.|ed\.|nos?\.|col|op\.|ll?\.|ch\.)"
    rf"(?!(?:{alternation('reference_lowercase_words')})(?!\w))[a-z]{{2,}})|(?<!,)(?<!,[ \t])$"
    rf"|\.?(?=(?:{alternation('reference_link_labels')}))",
    re.MULTILINE,
)
SEE_TITLE = re.compile(  # a title after "see the book", or quoted after "see" (and its
    # author's possessive: "see David North’s “On the Founding …”")
    r"\b[Ss]ee\s+(?:also\s+)?(?:the\s+(?:book|article|pamphlet|collection|speech|report)\s+"
    r"(?=[“\"]?[A-Z])|(?:(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w\-]+[’']s\s+)?(?=[“\"][A-Z]))"
)
FROM_TITLE = re.compile(r"\b[Ff]rom\s+(?=(?:[Tt]he\s+)?[A-Z“\"])")  # "… is from <title> (1979)"
EDITION_SCORE = 0.8
REACH = 160  # characters a reference may run on either side of its first anchor


@cache
def source_line() -> re.Pattern[str]:
    """A labelled line, going on over lines that end with a comma (and a blank line after
    one: "…, Moscow, 1964,\n\nVol. 23, pp. 105-20")."""
    # a label that also opens sentences ("Taken from Kolchak in 1919, the guns …") labels
    # a line only with its separator ("Taken from: …")
    separated = alternation("labels_needing_separator")
    published = (rf"(?!(?:{separated})\b)(?:{alternation('published_labels')})"
                 rf"|(?:{separated})(?=[ \t]*(?:{LABEL_SEPARATOR}))")
    labels = (rf"(?P<source_labels>{alternation('source_labels')})"
              rf"|(?P<published_labels>{published})")
    any_label = f"{alternation('source_labels')}|{alternation('published_labels')}"
    # the label alone on its line ("Source:\nLenin Collected Works, …"); a line going on
    # with the volume or pages ("…, Moscow\nVolume 32, pages 12-13", or after a blank line)
    goes_on = (r"(?:(?<=,)[ \t]*\n(?:[ \t]*\n)?"
               r"|[ \t]*\n(?:[ \t]*\n)?(?=[ \t]*(?:Vol\.|Volume|pp?\.|pages?)\s"
               # (or a periodical's issue: "Printed in Sbornik\nSbornik Sotsial-Demokrata No. 2",
               # not the next labelled line's: "Original: Pravda, No. 5")
               rf"|(?![ \t]*(?i:{any_label})[ \t]*(?:{LABEL_SEPARATOR}))"
               r"[^\n]{0,60}\bNos?\.\s*\d))")
    return re.compile(rf"^[ \t]*[(\[]?(?i:{labels})"
                      rf"(?:[ \t]*(?:{LABEL_SEPARATOR})[ \t]*(?:\n[ \t]*)?|[ \t]+)"
                      rf"(?P<body>(?:the\s+)?[A-Z“\"].*(?:{goes_on}.*){{0,3}})$",
                      re.MULTILINE)


def _names_a_source(body: str) -> bool:
    """A source line names a work, edition or periodical, not only a place or a date
    ("First Published: Moscow, February 19th, 1924")."""
    first = re.split(r"[,.]", body, maxsplit=1)[0].strip()
    if first in data_set("places.txt") or first.split(" ")[0] in word_set("months"):
        return False
    return bool(ANCHOR.search(body) or re.search(r"\b1[5-9]\d\d\b", body))


@cache
def _no_source_label() -> re.Pattern[str]:
    """The apparatus labels of lines that name no source: "Publisher: …, Moscow, 1954",
    "Public Domain: …", "Translated: …" print an imprint or a credit, not a reference."""
    sources = {*words("source_labels"), *words("published_labels")}
    labels = [w for group in ("apparatus_source_labels", "apparatus_credit_labels")
              for w in words(group) if w not in sources]
    names = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?i:{names})\s*[:|]")


def _navigation(printed: str) -> bool:
    """A site's navigation bar ("Works Index | Volume 42 | Collected Works | Index"): short
    links between bars, no reference."""
    parts = re.split(r"\s+\|\s+", printed)
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


# where a journal article's heading line says it comes from: "‘How We Work’ by Maria Petrova
# from The Worker. April, 1928." (an issue named by its date alone, or its volume and number)
HEADING_SOURCE = re.compile(
    # (an apostrophe inside the title: "‘The Workers’ Struggle’ by …")
    r"^[ \t]*[‘“\"][A-Z0-9][^\n]{2,200}?[’”\"],?(?:[ \t]+(?i:by)[ \t]+[^\n]*?)?[ \t]+"
    r"(?P<source>from[ \t]+(?:[Tt]he[ \t]+)?[A-Z][^\n]*?)[ \t.]*$", re.MULTILINE)
# a page of a scan as Wikisource names it: "Page:Lenin - The State and Revolution.pdf/117"
SCAN_PAGE = re.compile(r"^Page:[^\n]+?\.(?:pdf|djvu)/(?P<page>\d+)[ \t]*$", re.MULTILINE)


def _headings_and_scans(doc: Document) -> list[CitationRecord]:
    """The source a journal article's heading line names and the scan page a Wikisource page
    prints over its text: references with no volume, page or issue a rule could see
    ("from The Communist. April, 1928"), or with the scan's page alone."""
    found = []
    for line in HEADING_SOURCE.finditer(doc.clean):
        start, end = line.span("source")
        record = reference_record(doc, start, end, doc.meta.author)
        if record.issue is None:  # a periodical's issue named by date: no edition, no work
            record = replace(record, edition=None)
        found.append(record)
    for scan in SCAN_PAGE.finditer(doc.clean):
        found.append(CitationRecord(raw=normalise_space(scan.group(0)),
                                    evidence=doc.span(*scan.span()), pages=scan.group("page")))
    return found


def _imprint_alone(record: CitationRecord) -> bool:
    """A part of a source line that prints only where, when and by whom the edition before
    it was printed ("Progress Publishers, Moscow 1973"): each of its parts a publisher, a
    place or a year."""
    publishers = re.compile(rf"\b(?:{alternation('publisher_words')})\b|-Verlag\b")
    return all(
        publishers.search(part) or re.sub(r"[ \t]*1[5-9]\d\d$", "", part) in data_set("places.txt")
        or re.fullmatch(r"1[5-9]\d\d", part)
        for part in (p.strip(" .") for p in record.raw.split(","))
    )


def _is_reference(printed: str) -> bool:
    """Not a page alone, not an imprint or a credit line of the apparatus, not a navigation
    bar, and not a numbered item of something else ("Resolution No. 12")."""
    if (PAGE_ONLY.fullmatch(printed.strip(" ()[]{}.,"))
            or _no_source_label().match(printed.lstrip()) or _navigation(printed)):
        return False
    if re.search(NOTE_REFERENCE, printed):
        return True
    number = re.search(r"(?P<word>[A-Za-z][a-z]+)\s+Nos?\.", printed)  # ("decree No. 5")
    return not (number and number.group("word").capitalize() in word_set("not_a_periodical")
                and not VOLUME_WORD.search(printed) and not PAGES.search(printed))




def _referencing_sentences(part: str) -> list[tuple[int, str]]:
    """A part of a source line cut where a sentence ends and the next prints a reference of
    its own ("… Voprosi Istorii KPSS No. 1. Brief report … in Pravda No. 251."), not before
    a sentence without one ("… Printed from the manuscript") nor inside one reference
    ("Vol. 7. No. 73")."""
    cuts = [m.end() for m in re.finditer(
        rf"(?<=[a-z\d]\.){not_after_abbreviation('')}\s+(?=[A-Z])(?!(?:Nos?|Vols?|pp?|Nr|Bd)\.)",
        part)]
    if not cuts:
        return [(0, part)]
    pieces, start = [], 0
    for cut, after in zip(cuts, [*cuts[1:], len(part)], strict=True):
        if ANCHOR.search(part, start, cut) and ANCHOR.search(part, cut, after):
            pieces.append((start, part[start:cut].rstrip()))
            start = cut
    return [*pieces, (start, part[start:])]


def _apparatus(doc: Document, author: str | None) -> list[CitationRecord]:
    """The source lines of the apparatus, one reference per part between semicolons."""
    found = []
    for line in source_line().finditer(doc.clean):
        label = "source_labels" if line.group("source_labels") else "published_labels"
        # parts between semicolons ("; ", not the one closing an HTML entity "&#8221;") and
        # volumes ("Vol. 7. No. 73 and Vol. 8. No. 1")
        parts = [
            (part.start() + offset, piece)
            for part in re.finditer(r"(?:and\s+(?=Vols?\.))?(?:[^;a]|a(?!nd\s+Vols?\.)"
                                    r"|(?<=&#\d\d\d\d);|(?<=&#\d\d\d);|;(?!\s))+",
                                    doc.clean[line.start("body") : line.end()])
            for offset, piece in _referencing_sentences(part.group(0))
        ]
        for index, (offset, text) in enumerate(parts):
            part_start = line.start("body") + offset
            if label == "published_labels" and not _names_a_source(text):
                continue  # "From 1914 to 1916 he was …", "Published: Moscow, 1924"
            lead = len(text) - len(re.sub(r"^\s*(?:and\s+)?", "", text))
            start = line.start(label) if index == 0 else part_start + lead
            record = reference_record(doc, start, part_start + len(text), author)
            if index and _imprint_alone(record):
                continue  # "…, pages 45–52; Progress Publishers, Moscow 1973"
            if index and record.edition is None and found:  # "… and Vol. 8. No. 1": the same
                record = replace(record, edition=found[-1].edition)
            found.append(record)
    return found


def _in_running_text(
    doc: Document, taken: list[tuple[int, int]], author: str | None, anchors: re.Pattern[str]
) -> list[CitationRecord]:
    """A reference around each anchor no other reference covers."""
    text = doc.clean
    found: list[CitationRecord] = []
    for anchor in anchors.finditer(text):
        if any(a <= anchor.start() < b for a, b in taken):
            continue
        window = max(0, anchor.start() - REACH)
        line_start = text.rfind("\n", 0, anchor.start()) + 1
        openings = [  # not a bracket closed before the anchor ("(Moscow, 1926), vol. 13"),
            # nor the full stop before an imprint ("… the Revolution. New York, 1973, p. 45")
            m for m in OPENING.finditer(text, max(window, line_start), anchor.start())
            if (not m.group().startswith("(") or text.count(")", m.end(), anchor.start())
                <= text.count("(", m.end(), anchor.start()))
            and not (m.group().isspace() and _imprint_at(text, m.end()))
            # nor words inside a quoted title ("See “The Tasks … in Our Revolution,” Vol. XX")
            and text.count("”", m.end(), anchor.start()) <= text.count("“", m.end(), anchor.start())
        ]
        start = openings[-1].start() if openings else max(window, line_start)
        if openings and not re.match(r"[Ss]ee|[Cc]f\.", openings[-1].group(0)):
            start = openings[-1].end()  # "see" belongs to the reference, "in the" not
        if not openings or not openings[-1].group(0).strip():
            start = _names_before(text, start, anchor.start())
            start = _opened_on_line_before(text, line_start, start)
        start = max([start, *(b for a, b in taken if b <= anchor.start())])
        end = _reference_end(text, anchor.end())
        if (opened := field_of_bracket(text, line_start, start, end)) is not None:
            # "(Pipes: ‘…’; Cambridge; 1954; p. 169)": the page belongs to the bracket's
            # reference (the one found before it in the bracket, or its first words)
            start = opened + 1
            if found and (before := doc.clean_range(found[-1].evidence.start,
                                                    found[-1].evidence.end))[0] > opened:
                start = before[0]
                found.pop()
        taken.append((start, end))
        if (_is_reference(text[start:end]) and not _volume_heading(text, start, end)
                and not MASTHEAD.fullmatch(text[start : anchor.start()])
                and not _where_and_when(text, anchor)):
            start += len(text[start:end]) - len(text[start:end].lstrip())
            found.append(reference_record(doc, start, end, author))
    return found


def _opened_on_line_before(text: str, line_start: int, start: int) -> int:
    """Where a reference wrapped onto this line began on the line before: "(see Marx and
    Engels, Selected\nWorks, Vol. I, p. 244)" begins at "see" (a cue, a bracket left open,
    and only names after it to the line's end); else ``start``."""
    if line_start < 2 or text[line_start:start].strip() or text[line_start - 2] == "\n":
        return start
    before = text.rfind("\n", 0, line_start - 1) + 1
    cues = [m for m in OPENING.finditer(text, before, line_start - 1)
            if re.match(r"[Ss]ee|[Cc]f\.|\(", m.group())
            and text.count(")", m.end(), line_start) < 1 + text.count("(", m.end(), line_start)]
    if not cues:
        return start
    tail = text[cues[-1].end() : line_start]  # (with its line end: "Marx and\n")
    if tail.strip() and not _names_run().match(tail):
        return start
    return cues[-1].start() if re.match(r"[Ss]ee|[Cc]f\.", cues[-1].group()) else cues[-1].end()


def _where_and_when(text: str, anchor: re.Match[str]) -> bool:
    """A place and year in brackets ("(Moscow, 1921)") that tell where and when a meeting
    met ("the Tenth Congress (Moscow, 1921)") or that a sentence goes on after ("… (London,
    1917) was read"): no imprint of a book."""
    if not anchor.group().startswith("("):
        return False
    before = re.search(r"(\w+)\s*$", text[: anchor.start()])
    return (re.match(r"[ \t]+[a-z]", text[anchor.end() :]) is not None
            or (before is not None and before.group(1) in word_set("meeting_kinds")))


# a periodical's masthead in capitals over its own issue ("THE CLASS STRUGGLE Vol. III
# FEBRUARY, 1919"): the document itself, not a reference to it
MASTHEAD = re.compile(r"\s*(?:[A-Z][A-Z’'\-]+[ \t]+){2,}")


def _volume_heading(text: str, start: int, end: int) -> bool:
    """A volume alone on a line of its own ("Volume 1" under a book's title) heads the
    volume; one a sentence is about ("Volume 20 contains the works of …": a volume first,
    no page or issue after it) names no work; neither cites anything."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    printed = text[start:end].strip()
    if line == printed and VOLUME_WORD.fullmatch(line) is not None:
        return True
    volume = VOLUME_WORD.match(printed)
    return (volume is not None and re.match(r"\s+[a-z]", printed[volume.end():]) is not None
            and not PAGES.search(printed) and not ISSUE.search(printed))


@cache
def _imprint() -> re.Pattern[str]:
    """An imprint that ends a reference without brackets: "…, Moscow 1972", "…, Allison &
    Busby, London & New York, 1980" (after a comma, before the end of the sentence)."""
    places = data_alternation("places.txt")
    return re.compile(rf"(?<=,[ \t])(?:{places})(?:[ \t]*(?:&|and)[ \t]*(?:{places}))?,?[ \t]+"
                      r"1[5-9]\d\d(?:[-–]\d{2,4})?(?=[ \t]*(?:[.;)]|$))", re.MULTILINE)


def _imprint_at(text: str, start: int) -> bool:
    """A place of publication and its year or publisher begin here ("New York, 1973")."""
    place = re.match(r"([A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*)?)[,:]\s", text[start:start + 40])
    return place is not None and place.group(1) in data_set("places.txt")


def _reference_end(text: str, start: int) -> int:
    """Where a reference that goes on from ``start`` ends: at the first closing mark that
    closes no bracket it opened itself ("vol. 81, no. 3 (1966), pp. 370–91" goes on over
    its year)."""
    position = start
    while closing := CLOSING.search(text, position, start + REACH):
        opened = text.count("(", start, closing.start()) - text.count(")", start, closing.start())
        if closing.group() != ")" or opened <= 0:
            return closing.start()
        position = closing.end()
    return start


@cache
def _names_run() -> re.Pattern[str]:
    """Capitalised words and the small words of titles, up to the end of a stretch."""
    small = "|".join(sorted({*words("title_particles"), *words("title_function_words"), "&"},
                            key=len, reverse=True))
    # each word with what follows it is one atomic unit: OCR'd capitals ("SOCHINENIIA") can
    # be split into words in exponentially many ways otherwise
    return re.compile(
        rf"(?:(?>(?:[A-Z][\w.’'\-]*+|(?<![\w’'\-])(?:{small})(?=\s))[ \t]*+[,:(]?[ \t]*+\)?"
        r"[ \t]*+))+$")


def _names_before(text: str, start: int, anchor: int) -> int:
    """Without a cue, a reference begins with the names before its first anchor: "He quotes
    Lenin, Selected Works, Vol. I" begins at "Lenin"."""
    run = _names_run().search(text[start:anchor])
    return start + run.start() if run else start


def _see_titles(doc: Document, taken: list[tuple[int, int]]) -> list[CitationRecord]:
    """ "see the book Theses and Resolutions of the Seventh Enlarged Plenum …", "See “The
    Nascent Trend”": a reference to a work by its title."""
    text = doc.clean
    found = []
    cues = [*SEE_TITLE.finditer(text), *FROM_TITLE.finditer(text)]
    for cue in sorted(cues, key=lambda m: m.start()):
        if any(a <= cue.start() < b for a, b in taken):
            continue
        quoted = text[cue.end() : cue.end() + 1] in "“\""
        extent = read_title(text, cue.end() + quoted)
        if extent is None:
            continue
        title = normalise_space(text[slice(*extent)])
        if cue.re is FROM_TITLE:  # "from The Great Soviet Encyclopedia (1979)"
            year = re.match(r"\s*\((?:1[5-9]|20)\d\d\)", text[extent[1] :])
            if year is None or len(title.split()) < 2:
                continue
            end = extent[1] + year.end()
            record = CitationRecord(raw=normalise_space(text[cue.start() : end]),
                                    evidence=doc.span(cue.start(), end), cites=title,
                                    edition=title)
        else:
            closing = CLOSING.search(text, extent[1], extent[1] + REACH)
            end = closing.start() if closing else extent[1]
            record = CitationRecord(raw=normalise_space(text[cue.start() : end]),
                                    evidence=doc.span(cue.start(), end), cites=title)
        found.append(record)
        taken.append((cue.start(), end))
    return found


def read_citations(doc: Document) -> list[CitationRecord]:
    """Every reference a document prints, parenthesised or not, in text order."""
    parenthesised = extract_citations(doc)
    return repeated(sorted([*parenthesised, *extract_references(doc, parenthesised)],
                            key=lambda c: c.evidence.start), parenthesised)


def extract_references(doc: Document, parenthesised: list[CitationRecord]) -> list[CitationRecord]:
    """References the parenthesised forms did not find, in text order."""
    author = doc.meta.author
    taken = [doc.clean_range(c.evidence.start, c.evidence.end) for c in parenthesised]
    found = _apparatus(doc, author)
    found += [c for c in _headings_and_scans(doc) if not any(
        a <= doc.clean_range(c.evidence.start, c.evidence.end)[0] < b for a, b in taken)]
    taken += [doc.clean_range(c.evidence.start, c.evidence.end) for c in found]
    found += _in_running_text(doc, taken, author, ANCHOR)
    found += _see_titles(doc, taken)
    found += published_issues(doc, taken)
    found += note_entries(doc, taken)
    found += [c for c in _in_running_text(doc, taken, author, _imprint())  # "…, Moscow 1972"
              if not _imprint_alone(c)]  # (not "; Progress Publishers, Moscow 1973" alone)
    return sorted(found, key=lambda c: c.evidence.start)


def _periodical_like(title: str) -> bool:
    """One word ("Bednota", "Inprekorr") or a periodical's title word ("The Labour Monthly"):
    a newspaper or journal, which is an organization, not a work."""
    heads = alternation("periodical_title_heads")
    return len(title.split()) < 2 or re.search(rf"\b(?:{heads})$", title) is not None


@recognizer("works.edition", follow_up=True)
def editions(context: Context) -> Iterator[Candidate]:
    """The edition or book a reference names is a work ("Source: Works, Vol. 8" names
    Stalin's Works, "Published in Toward the United Front: Proceedings …" a book), its
    mention the name within the reference; a periodical's issue ("Pravda, No. 13") is no
    work, and neither is a name the reference data knows as an organization."""
    doc = context.doc
    organizations = {name_key(n) for e in context.reference.organizations for n in e.names}
    for citation in context.citations:
        if citation.edition is None:
            continue
        start, end = doc.clean_range(citation.evidence.start, citation.evidence.end)
        name = edition_name().search(doc.clean, start, end)
        if name is not None and citation.edition.startswith(name.group("name")):
            span, genre = name.span("name"), "edition"
        elif (citation.issue is None and name_key(citation.edition) not in organizations
              and not _periodical_like(citation.edition)
              and citation.edition.split()[-1] not in word_set("publisher_words")):
            at = doc.clean.find(citation.edition, start, end)
            if at < 0 or any(c.kind == "organization" and c.start <= at + len("The ")
                             and c.end - at >= 0.6 * len(citation.edition)
                             for c in context.accepted):
                continue  # a periodical read as such ("Bolshevik, 1925")
            span, genre = (at, at + len(citation.edition)), None
        else:
            continue
        author = citation.edition.partition(" (")[2].rstrip(")") if genre else None
        mention = WorkMention(title=citation.edition, evidence=doc.span(*span), cue="edition",
                              author=author or None, genre=genre)
        yield Candidate("work", *span, citation.edition, EDITION_SCORE, "works.edition",
                        mention)
