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
from kgbuild.extract.citations import extract_citations, normalise_pages, parse_volume
from kgbuild.extract.patterns import normalise_space, read_title
from kgbuild.lexicon import alternation, data_set, word_set, words
from kgbuild.records import CitationRecord, WorkMention
from kgbuild.reference import name_key


def _not_after_abbreviation(dot: str = r"\.") -> str:
    """Lookbehinds for the abbreviations references print ("Vol. XXV", "4th Eng. ed.,",
    "op. cit."): their full stop (``dot``: before or after it) ends no sentence and opens no
    reference."""
    return "".join(rf"(?<!\b{re.escape(word)}{dot})" for word in words("reference_abbreviations"))


# "see note 6", "See also Note No. 1": a reference to a note of this text
NOTE_REFERENCE = r"\b[Ss]ee\s+(?:also\s+)?[Nn]otes?\s+(?:No\.\s*)?\d+"
# "Supplement to the Modern Encyclopedia …, 1:5-9": volume 1, pages 5-9
VOLUME_COLON_PAGES = re.compile(
    r"(?<=,\s)(?P<volume>\d{1,3}):\s?(?P<pages>\d+(?:\s*[-–]\s*\d+)?)(?=[\s.,;)]|$)")
# what only a reference prints: "Vol. 8", "vol. xxi", "p. 84", "pp 4-6", "No. 13", "# 1"
ANCHOR = re.compile(
    r"\b(?:Vols?\.?|Volume|vol\.)\s*(?:[IVXLC]+|[ivxlc]+|\d{1,3})\b"
    r"|\bpp?\.\s*\d+|\bpp\s+\d+|\bpages?\s+\d+|\bll\.\s*\d+|\b[Nn]os?\.\s*\d+|(?<=,\s)#\s*\d+"
    r"|\bcol(?:umn)?s?\.?\s+\d+|\bP\.\s*\d+|\b[Ii]ssue:?\s+\d+"
    # Russian and German editions ("Sochineniya, t. 5, s. 40", "Werke, Bd. 23, S. 790",
    # "Nr. 112") and short forms after a comma ("v. 31", "pg. 44")
    r"|\bBd\.\s*(?:[IVXLC]+|\d{1,3})\b|\bNr\.\s*\d+|\bpg\.\s*\d+"
    r"|(?<=,\s)(?:[tv]|str|[sS])\.\s*(?:[IVXLC]+|\d{1,4})\b"
    rf"|{VOLUME_COLON_PAGES.pattern}"
    # an archive's fond and opis ("RGASPI, f. 17, op. 3, d. 12, l. 4"); a note of this text
    r"|\b(?:[Ff]|[Ff]ond)\.?\s*\d+[,.]\s*(?:[Oo]p|[Oo]pis[’']?)\.?\s*\d+"
    rf"|{NOTE_REFERENCE}"
    # an imprint in brackets: "(Berlin: Aufbau-Verlag)", "(Moscow, 1940)"
    r"|\((?:[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?)(?::\s*[A-Z][^()\n]{1,40}|,\s*1[5-9]\d\d)\)"
)
# a page alone ("p. 245", "page 392") marks a page or points an endnote back to its page
PAGE_ONLY = re.compile(
    r"(?:pp?\.|pages?)\s*\d+(?:\s*[-–]\s*\d+)?(?:\s+of\s+\d+(?:\s*\(\d+%\)?)?)?"
)
VOLUME_WORD = re.compile(r"(?:\b(?:Vols?\.?|Volume|vol\.|Bd\.)|(?<=,\s)[tv]\.)"
                         r"\s*(?P<volume>[IVXLC]+|[ivxlc]+|\d{1,3})\b")
# "Inprekorr, vii, 96, p. 2073": a periodical's volume in lower-case Roman, then its issue
BARE_VOLUME_ISSUE = re.compile(r",\s*(?P<volume>[ivxlc]+),\s*(?P<issue>\d+),")
# "Sochineniia, XIX, pp. 529–37", "(Moscow, 1957), II, pp. 133-143": a Roman volume before pages
BARE_VOLUME = re.compile(r"(?:^|[,)]\s*)(?P<volume>[IVXL]{1,6}),\s*pp?\.\s*\d")
PAGES = re.compile(  # a list goes on over numbers, not over a date ("p. 2073, 30 September");
    # "pp386" is a book's length, not its pages
    # (an archive's leaves: "d. 6. L. 1", "d. 12, ll. 4-7")
    r"(?:\b(?:[Pp]p?\.|pp\s|pages?\s|pg\.|ll\.|col(?:umn)?s?\.?\s)|(?<=[,.]\s)[Ll]\."
    r"|(?<=,\s)(?:[sS]|str)\.)"
    r"\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?"
    r"(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?(?![\d\s]*[A-Za-z]))*)"
)
ISSUE = re.compile(r"\b(?:[Nn]os?\.|Nr\.|[Ii]ssue:?)\s*(?P<issue>\d+(?:\s*[-–]\s*\d+)?)"
                   r"|(?<![\w&])#\s*(?P<hash>\d+)")
# where a reference in running text begins: "see", an opening bracket, a clause boundary
OPENING = re.compile(
    r"(?:\b(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?|\b(?:in|from)\s+(?:the\s+)?(?=[A-Z])|\((?!eds?\.?\)|trans)\s*"
    r"|(?:\[\d{1,3}\]|[\[;])\s*"  # (a note's number in brackets with it: "[7] ")
    r"|(?<=[.?!])(?<!\b[A-Z]\.)"  # not after an initial ("K. A. Ostroukhova")
    rf"{_not_after_abbreviation()}\s+|^\s*"
    # the link a journal's web page prints after each reference ("….Google Scholar Baron, …")
    rf"|(?:{alternation('reference_link_labels')})\s*)",
    re.MULTILINE,
)
# where it ends: a closing bracket, a semicolon, a sentence end, the line end, a clause
# going on in lower case (", where there is …"); a line ending with a comma goes on
# ("Works, Vol. 29,\npp. 12-13")
CLOSING = re.compile(
    rf"[)\];]|{_not_after_abbreviation('')}\.(?=\s+[A-Z“\"]|\s*$)(?!\s+(?:[DdFfLl]|Ll|Op)\.\s*\d)"
    r"|,(?=\s+(?!pp?\.|vol\.|ed\.|nos?\.|col|op\.|ll?\.|ch\.)"
    rf"(?!(?:{alternation('reference_lowercase_words')})(?!\w))[a-z]{{2,}})|(?<!,)(?<!,[ \t])$"
    rf"|\.?(?=(?:{alternation('reference_link_labels')}))",
    re.MULTILINE,
)
SEE_TITLE = re.compile(  # a title after "see the book", or quoted after "see"
    r"\b[Ss]ee\s+(?:also\s+)?(?:the\s+(?:book|article|pamphlet|collection|speech|report)\s+"
    r"(?=[“\"]?[A-Z])|(?=[“\"][A-Z]))"
)
FROM_TITLE = re.compile(r"\b[Ff]rom\s+(?=(?:[Tt]he\s+)?[A-Z“\"])")  # "… is from <title> (1979)"
MAX_VOLUME = 100  # "Volume 111" is an OCR-damaged "III", not a hundred and eleventh volume
EDITION_SCORE = 0.8
REACH = 160  # characters a reference may run on either side of its first anchor


@cache
def source_line() -> re.Pattern[str]:
    """A labelled line, going on over lines that end with a comma (and a blank line after
    one: "…, Moscow, 1964,\n\nVol. 23, pp. 105-20")."""
    labels = "|".join(
        rf"(?P<{group}>{alternation(group)})" for group in ("source_labels", "published_labels")
    )
    # the label alone on its line ("Source:\nLenin Collected Works, …"); a line going on
    # with the volume or pages ("…, Moscow\nVolume 32, pages 12-13")
    goes_on = r"(?:(?<=,)[ \t]*\n(?:[ \t]*\n)?|[ \t]*\n(?=[ \t]*(?:Vol\.|Volume|pp?\.|pages?)\s))"
    return re.compile(rf"^[ \t]*[(\[]?(?i:{labels})(?:[ \t]*[:|][ \t]*(?:\n[ \t]*)?|[ \t]+)"
                      rf"(?P<body>(?:the\s+)?[A-Z“\"].*(?:{goes_on}.*){{0,3}})$",
                      re.MULTILINE)


def _names_a_source(body: str) -> bool:
    """A source line names a work, edition or periodical, not only a place or a date
    ("First Published: Moscow, February 19th, 1924")."""
    first = re.split(r"[,.]", body, maxsplit=1)[0].strip()
    if first in data_set("places.txt") or first.split(" ")[0] in word_set("months"):
        return False
    return bool(ANCHOR.search(body) or re.search(r"\b1[5-9]\d\d\b", body))


def _is_reference(printed: str) -> bool:
    """Not a page alone, and not a numbered item of something else ("Resolution No. 12")."""
    if PAGE_ONLY.fullmatch(printed.strip(" ()[].,")):
        return False
    if re.search(NOTE_REFERENCE, printed):
        return True
    number = re.search(r"(?P<word>[A-Z][a-z]+)\s+Nos?\.", printed)
    return not (number and number.group("word") in word_set("not_a_periodical")
                and not VOLUME_WORD.search(printed) and not PAGES.search(printed))


@cache
def _edition_name() -> re.Pattern[str]:
    return re.compile(rf"(?:(?P<owner>[A-Z][\w.’' ]*?)[’']s\s+)?\b(?P<name>"
                      rf"{alternation('edition_names')})\b")


def _edition(segments: list[str], author: str | None) -> str | None:
    """The edition a reference names, with its author: "Works (J. V. Stalin)", "Selected
    Works (Marx and Engels)", "Collected Works (Lenin)" for "Lenin’s Collected Works"."""
    for index, segment in enumerate(segments):
        match = _edition_name().search(segment)
        if match is None:
            continue
        before = segments[index - 1].strip() if index else ""
        if match.group("owner"):
            owner = match.group("owner").strip()
        elif re.fullmatch(r"(?:[A-Z]\.\s*)*[A-Z][\w’'\-]+(?:\s+(?:and|&)\s+[A-Z][\w’'\-]+)?",
                          before):
            owner = before  # "Marx and Engels, Selected Works"
        else:
            owner = author
        return f"{match.group('name')} ({owner})" if owner else match.group("name")
    return None


def parse_reference(printed: str, author: str | None) -> dict[str, object]:
    """Volume, pages, issue and edition of a reference as printed."""
    if re.match(NOTE_REFERENCE, printed):  # a note of this text: no edition, no issue
        return {"volume": None, "pages": None, "issue": None, "edition": None} | imprint("")
    volume = issue = None
    if bare := BARE_VOLUME_ISSUE.search(printed):
        volume, issue = parse_volume(bare.group("volume").upper()), bare.group("issue")
    elif (word := VOLUME_WORD.search(printed)) and not printed[word.start():].startswith("Vols"):
        volume = parse_volume(word.group("volume").upper())
    elif bare_volume := BARE_VOLUME.search(printed):
        volume = parse_volume(bare_volume.group("volume"))
    if number := ISSUE.search(printed):
        issue = number.group("issue") or number.group("hash")
    elif bare_issue := re.match(r"[^,]+,\s*(?P<issue>\d{1,3}),\s*pp?\.", printed):
        issue = bare_issue.group("issue")  # "Fahne des Kommunismus, 23, p. 90"
    pages = PAGES.search(printed)
    if pages is None and (colon := VOLUME_COLON_PAGES.search(printed)):
        volume = volume or int(colon.group("volume"))
        pages = colon
    labels = f"{alternation('source_labels')}|{alternation('published_labels')}"
    named = re.sub(rf"^(?i:{labels})\s*[:|]?\s*|^(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?", "", printed)
    named = re.sub(r"^(?i:(?:published|printed|reprinted)\s+)?(?i:in|from)\s+|^the\s+", "", named)
    named = INVERTED_AUTHORS.sub("", named)  # "Baron, S. H., Plekhanov: The Father of …"
    segments = re.split(r",\s*", named)
    return {
        "volume": volume,
        "pages": normalise_pages(pages.group("pages")) if pages else None,
        "issue": re.sub(r"\s*[-–]\s*", "-", issue) if issue else None,
        "edition": _edition(segments, author) or _first_title(segments),
    } | imprint(printed)


def imprint(printed: str) -> dict[str, object]:
    """Where, by whom and when an edition was printed: "Foreign Languages Publishing House,
    Moscow, 1954", "(Berlin: Aufbau-Verlag)", "Moscow-Leningrad, 1927"."""
    place = publisher = year = None
    parts = [p.strip(" ()[].") for p in re.split(r"[,:;()]", printed)]
    for index, part in enumerate(parts):
        towns = re.split(r"\s*[-–]\s*", re.sub(r"\s+1[5-9]\d\d$", "", part))
        if place is None and part and all(t in data_set("places.txt") for t in towns):
            place = part.split(" 1")[0].strip()
            after = " ".join(parts[index : index + 2])
            if found_year := re.search(r"\b(1[5-9]\d\d)\b", after):
                year = int(found_year.group(1))
        elif publisher is None and re.search(rf"\b(?:{alternation('publisher_words')})\b|-Verlag\b",
                                             part):
            publisher = part
    return {"place": place, "publisher": publisher, "year": year}


# authors printed surname first before a title: "Baron, S. H., ", "Iovchuk, M. and Kurbatova,
# I., ", "Cohen, Stephen F. "
INVERTED_AUTHORS = re.compile(
    r"^(?:[A-Z][\w’'\-]+,\s+(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s?)+(?:,|\s+and|(?<=\.))\s+)+"
)
AUTHORS = re.compile(  # "Hermann Weber and Bernhard H. Bayerlein (eds)", "E. H. Carr"
    r"(?:[A-Z][\w.’'\-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w.’'\-]*\s*){1,4})?"
    r"(?:\((?:eds?|trans|comp)\.?\))?"
)


def _first_title(segments: list[str]) -> str | None:
    """The title a reference names first, after its authors and editors."""
    first = segments[0].strip()
    if len(segments) > 1 and AUTHORS.fullmatch(first) and (
            "(ed" in first or " and " in first or re.search(r"[A-Z]\.", first)
            or first.split()[0] in data_set("given_names.txt")):  # "Alec Nove, An Economic …"
        return _title(segments[1])
    return _title(segments[0])


def _title(segment: str) -> str | None:
    """A work or periodical named first ("Lenin Miscellany", "Inprekorr"), not a person's
    name ("J. V. Stalin") nor a volume or page."""
    segment = ANCHOR.split(segment)[0].strip(" .;“”\"")  # "Pravda No. 21" names "Pravda"
    segment = re.sub(r"\s*\([^)]*$", "", segment)  # "… (Moscow, 1930)", "… (2 vols; Paris, 1921)"
    segment = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", segment)[0]  # "… Revolution. New York"
    segment = re.sub(r"\s+(?:of|in|for)\s+\S*\s*\d.*$", "", segment)  # "Bednota of March 3rd"
    words_in = re.findall(r"[^\W\d_][\w’'\-]*", segment)
    content = [w for w in words_in if w.lower() not in word_set("title_function_words")]
    if (not re.match(r"[A-Z]", segment) or ANCHOR.search(segment) or re.search(r"\d", segment)
            or re.fullmatch(r"(?:[A-Z]\.\s*)+[A-Z][\w’'\-]+|[IVXLC]+", segment)  # a volume
            or segment in data_set("places.txt") or len(words_in) > 15
            or sum(w[0].isupper() for w in content) < 0.75 * len(content)):
        return None  # a person, a place, a sentence
    return segment


def _record(doc: Document, start: int, end: int, author: str | None) -> CitationRecord:
    printed = doc.clean[start:end].rstrip(" \t.,")
    if printed.endswith(")") and "(" not in printed:  # "(Reprinted from … 1919.)"
        printed = printed[:-1].rstrip(" \t.,")
    fields = parse_reference(printed, author)
    volume = fields["volume"]
    return CitationRecord(
        raw=normalise_space(printed),
        evidence=doc.span(start, start + len(printed)),
        volume=volume if isinstance(volume, int) and volume <= MAX_VOLUME else None,
        pages=str(fields["pages"]) if fields["pages"] else None,
        edition=str(fields["edition"]) if fields["edition"] else None,
        issue=str(fields["issue"]) if fields["issue"] else None,
        place=str(fields["place"]) if fields["place"] else None,
        publisher=str(fields["publisher"]) if fields["publisher"] else None,
        year=fields["year"] if isinstance(fields["year"], int) else None,
    )


def _apparatus(doc: Document, author: str | None) -> list[CitationRecord]:
    """The source lines of the apparatus, one reference per part between semicolons."""
    found = []
    for line in source_line().finditer(doc.clean):
        label = "source_labels" if line.group("source_labels") else "published_labels"
        # parts between semicolons ("; ", not the one closing an HTML entity "&#8221;") and
        # volumes ("Vol. 7. No. 73 and Vol. 8. No. 1")
        for index, part in enumerate(
            re.finditer(r"(?:and\s+(?=Vols?\.))?(?:[^;a]|a(?!nd\s+Vols?\.)|(?<=&#\d\d\d\d);"
                        r"|(?<=&#\d\d\d);|;(?!\s))+", doc.clean[line.start("body") : line.end()])
        ):
            text = part.group(0)
            part_start = line.start("body") + part.start()
            if label == "published_labels" and not _names_a_source(text):
                continue  # "From 1914 to 1916 he was …", "Published: Moscow, 1924"
            lead = len(text) - len(re.sub(r"^\s*(?:and\s+)?", "", text))
            start = line.start(label) if index == 0 else part_start + lead
            record = _record(doc, start, part_start + len(text), author)
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
        ]
        start = openings[-1].start() if openings else max(window, line_start)
        if openings and not re.match(r"[Ss]ee|[Cc]f\.", openings[-1].group(0)):
            start = openings[-1].end()  # "see" belongs to the reference, "in the" not
        if not openings or not openings[-1].group(0).strip():
            start = _names_before(text, start, anchor.start())
        start = max([start, *(b for a, b in taken if b <= anchor.start())])
        end = _reference_end(text, anchor.end())
        taken.append((start, end))
        if _is_reference(text[start:end]):
            start += len(text[start:end]) - len(text[start:end].lstrip())
            found.append(_record(doc, start, end, author))
    return found


@cache
def _imprint() -> re.Pattern[str]:
    """An imprint that ends a reference without brackets: "…, Moscow 1972", "…, Allison &
    Busby, London & New York, 1980" (after a comma, before the end of the sentence)."""
    places = "|".join(re.escape(p) for p in sorted(data_set("places.txt"), key=len, reverse=True))
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
    return sorted([*parenthesised, *extract_references(doc, parenthesised)],
                  key=lambda c: c.evidence.start)


def extract_references(doc: Document, parenthesised: list[CitationRecord]) -> list[CitationRecord]:
    """References the parenthesised forms did not find, in text order."""
    author = doc.meta.author
    taken = [doc.clean_range(c.evidence.start, c.evidence.end) for c in parenthesised]
    found = _apparatus(doc, author)
    taken += [doc.clean_range(c.evidence.start, c.evidence.end) for c in found]
    found += _in_running_text(doc, taken, author, ANCHOR)
    found += _see_titles(doc, taken)
    found += _in_running_text(doc, taken, author, _imprint())  # "…, Moscow 1972"
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
        name = _edition_name().search(doc.clean, start, end)
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
